#!/usr/bin/env python3
"""The speed figures of issue 14, measured (never asserted: a shared machine's
load moves them; make check asserts only what does not depend on it).

  1. MB/s of `dyad extract -j 1` on 10 KB documents and on 5 MB documents
     (the same prose: the examples' paragraphs), and their ratio;
  2. MB/s of `dyad extract -j N` for N = 1, 2 and the number of cores on the
     benchmark corpus, the speed-up over -j 1 and that the output is the
     same bytes;
  3. MB/s of `dyad ingest -j N` into a new database against extract;
  4. the peak memory of each run (RSS of the child);
  5. the CPU time (user + sys) of each run, as MB per CPU second: on a
     shared machine the wall clock counts the others' load too.

Each run is repeated and the fastest kept; the load average is printed
with the figures.
usage: speed.py DYAD CORPUS_DIR [--repeat K]
"""
import os, random, re, shutil, subprocess, sys, tempfile, time

def run(cmd, out_path=os.devnull):
    """(seconds, peak RSS in MB) of one run; stdout to out_path."""
    with open(out_path, "wb") as out:
        t = time.perf_counter()
        p = subprocess.Popen(cmd, stdout=out, stderr=subprocess.DEVNULL)
        _, status, usage = os.wait4(p.pid, 0)
        dt = time.perf_counter() - t
    return dt, usage.ru_maxrss / 1024, usage.ru_utime + usage.ru_stime

def best(cmd, repeat, out_path=os.devnull, before=None):
    runs = []
    for _ in range(repeat):
        if before:
            before()
        runs.append(run(cmd, out_path))
    return min(runs)

def paragraphs(folder):
    paras = []
    for name in sorted(os.listdir(folder)):
        if name.endswith(".txt"):
            text = open(os.path.join(folder, name), encoding="utf-8").read()
            paras += [p.strip() for p in text.split("\n\n") if len(p.strip()) > 60]
    return paras

def make_docs(folder, paras, doc_bytes, total_bytes, seed):
    rng = random.Random(seed)
    os.makedirs(folder, exist_ok=True)
    made = n = 0
    while made < total_bytes:
        parts, size = [], 0
        while size < doc_bytes:
            p = re.sub(r"\d+", lambda m: str(rng.randint(2, 999)), rng.choice(paras))
            parts.append(p)
            size += len(p.encode()) + 2
        data = "\n\n".join(parts).encode()[:doc_bytes]
        data = data[:len(data.decode("utf-8", "ignore").encode())]
        with open(os.path.join(folder, f"{n:05d}.txt"), "wb") as f:
            f.write(data)
        made += len(data)
        n += 1
    return made, n

def corpus_size(folder):
    total = docs = 0
    for root, _, files in os.walk(folder):
        for f in files:
            if not f.startswith("."):
                total += os.path.getsize(os.path.join(root, f))
                docs += 1
    return total, docs

def make(folder, doc_bytes, seed):
    """Write the documents in a process of their own: a child's peak memory
    counts its parent's at the time it starts, so the measuring process
    stays small."""
    out = subprocess.run([sys.executable, __file__, "--make", folder, str(doc_bytes), str(seed)],
                         capture_output=True, text=True, check=True).stdout.split()
    return int(out[0]), int(out[1])

def main():
    args = sys.argv[1:]
    if args and args[0] == "--make":
        made, n = make_docs(args[1], paragraphs("examples"), int(args[2]), 20 << 20, int(args[3]))
        print(made, n)
        return
    repeat = 3
    if "--repeat" in args:
        i = args.index("--repeat")
        repeat = int(args[i + 1])
        del args[i:i + 2]
    dyad, corpus = args
    cores = os.cpu_count() or 1
    print(f"load average {os.getloadavg()[0]:.2f}, {cores} cores, best of {repeat}")
    tmp = tempfile.mkdtemp(prefix="dyad-speed-")
    try:
        small_bytes, small_n = make(os.path.join(tmp, "small"), 10 << 10, 1)
        big_bytes, big_n = make(os.path.join(tmp, "big"), 5 << 20, 2)
        mbps = {}
        for name, folder, size, n in (("10 KB", "small", small_bytes, small_n),
                                      ("5 MB", "big", big_bytes, big_n)):
            dt, rss, cpu = best([dyad, "extract", "-j", "1", os.path.join(tmp, folder)], repeat)
            mbps[name] = size / 2**20 / dt
            print(f"extract -j 1, {n} documents of {name}: {mbps[name]:.2f} MB/s, "
                  f"CPU {cpu:.1f} s ({size / 2**20 / cpu:.2f} MB per CPU second), "
                  f"peak {rss:.1f} MB")
        print(f"10 KB / 5 MB documents: {mbps['10 KB'] / mbps['5 MB']:.2f} x (at most 1.5)")
        size, docs = corpus_size(corpus)
        outs, base, extract_rate = {}, None, {}
        for j in sorted({1, 2, cores}):
            out = os.path.join(tmp, f"j{j}.jsonl")
            dt, rss, cpu = best([dyad, "extract", "-j", str(j), corpus], repeat, out)
            rate = size / 2**20 / dt
            base = base or rate
            extract_rate[j] = rate
            outs[j] = out
            same = subprocess.run(["cmp", "-s", outs[1], out]).returncode == 0
            print(f"extract -j {j}: {rate:.2f} MB/s, {docs / dt:.0f} documents/s, "
                  f"{rate / base:.2f} x -j 1, CPU {cpu:.1f} s "
                  f"({size / 2**20 / cpu:.2f} MB per CPU second), peak {rss:.1f} MB, "
                  f"output {'the same' if same else 'DIFFERENT'}")
            os.remove(out) if j != 1 else None
        for j in sorted({1, 2, cores}):
            db = os.path.join(tmp, "ingest.db")
            def fresh():
                for suffix in ("", "-wal", "-shm", "-journal"):
                    if os.path.exists(db + suffix):
                        os.remove(db + suffix)
            dt, rss, cpu = best([dyad, "ingest", "-j", str(j), "--db", db, corpus], repeat,
                                before=fresh)
            rate = size / 2**20 / dt
            print(f"ingest -j {j}: {rate:.2f} MB/s, {rate / extract_rate[j]:.2f} x extract -j {j}, "
                  f"CPU {cpu:.1f} s ({size / 2**20 / cpu:.2f} MB per CPU second), "
                  f"peak {rss:.1f} MB")
    finally:
        shutil.rmtree(tmp)

main()
