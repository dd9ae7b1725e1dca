#!/usr/bin/env python3
"""Instructions per input byte of `dyad extract -j 1` under callgrind, by
stage, with the engine's loading left out and the grammar stage (functions
of src/parse/, tagging and parsing) counted apart: issue 14 asks for at
most 400 per byte in all the other stages together. Prints the stages, the
total, and the ten functions that cost most by themselves.
usage: callgrind.py DYAD CORPUS_DIR [OUT_FILE] [--serial] [--reuse]
(--serial: a dyad from before -j, for comparisons; --reuse: read OUT_FILE
of an earlier run instead of running valgrind again)
"""
import os, re, subprocess, sys

def main():
    args = [a for a in sys.argv[1:] if a not in ("--serial", "--reuse")]
    serial = "--serial" in sys.argv
    reuse = "--reuse" in sys.argv
    dyad, corpus = args[0], args[1]
    out = args[2] if len(args) > 2 else "/tmp/dyad-callgrind.out"
    size = sum(os.path.getsize(os.path.join(r, f)) for r, _, fs in os.walk(corpus)
               for f in fs if not f.startswith("."))
    if not reuse:
        subprocess.run(["valgrind", "--tool=callgrind", f"--callgrind-out-file={out}",
                        dyad, "extract"] + ([] if serial else ["-j", "1"]) + [corpus],
                       stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    tree = subprocess.run(["callgrind_annotate", "--inclusive=yes", "--tree=calling", out],
                          capture_output=True, text=True, check=True).stdout
    flat = subprocess.run(["callgrind_annotate", out], capture_output=True, text=True,
                          check=True).stdout
    total = int(re.search(r"([\d,]+) \(100\.0%\)\s+PROGRAM TOTALS", tree).group(1).replace(",", ""))
    def inclusive(fn):
        m = re.search(r"^\s*([\d,]+) \([^)]*\)\s+\*\s+\S*" + re.escape(fn) + r" \[", tree, re.M)
        return int(m.group(1).replace(",", "")) if m else 0
    def children(fn):
        block = re.search(r"^\s*[\d,]+ \([^)]*\)\s+\*\s+\S*" + re.escape(fn) + r" \[.*?\n\n",
                          tree, re.M | re.S)
        kids = []
        for line in block.group(0).splitlines()[1:] if block else []:
            m = re.match(r"\s*([\d,]+) \([^)]*\)\s+>\s+(\S+)", line)
            if m:
                kids.append((int(m.group(1).replace(",", "")), m.group(2)))
        return kids
    load = inclusive("src/cli/common.c:dyad_cli_open_engine")
    def stages(fn="src/extract/pipeline.c:dyad_extract"):
        """The stages the driver calls, through its own static helpers."""
        out = []
        for cost, name in children(fn):
            if "extract/pipeline.c:" in name and name != fn:
                out += stages(name.split("/src/")[-1] if "/src/" in name else name)
            else:
                out.append((cost, name))
        return out
    parse = sum(c for c, name in stages()
                if "/src/parse/" in name or name.startswith("src/parse/"))
    work = total - load - parse
    print(f"corpus: {size / 2**20:.2f} MB; {total:,} instructions, engine load {load:,}, "
          f"grammar stage {parse:,}")
    print(f"instructions per byte outside tagging and parsing: {work / size:.0f}")
    for cost, name in stages():
        if cost / size >= 1:
            print(f"  {cost / size:7.1f}  {name.split('/src/')[-1]}")
        if name.endswith("meta/meta.c:dyad__meta_extract"):
            for c, n in children("src/meta/meta.c:dyad__meta_extract"):
                if c / size >= 1:
                    print(f"           {c / size:7.1f}  {n.split('/src/')[-1]}")
    rest = [(c, n) for c, n in children("src/extract/parallel.c:job_run") if "dyad_extract" not in n]
    rest += [(c, n) for c, n in children("src/extract/parallel.c:dyad_pool_run")
             if "job_run" not in n]
    rest += [(c, n) for c, n in children("src/cli/cli_extract.c:dyad_cli_extract")
             if "dyad_extract" not in n and "open_engine" not in n and "pool_run" not in n]
    for cost, name in rest:
        if cost / size >= 1:
            print(f"  {cost / size:7.1f}  {name.split('/src/')[-1]} (outside the pipeline)")
    print("top 10 by own instructions:")
    rows = re.findall(r"^\s*([\d,]+) \(\s*([\d.]+)%\)\s+(\S+)", flat.split("file:function", 1)[1], re.M)
    for cost, pct, name in rows[:10]:
        print(f"  {int(cost.replace(',', '')) / size:7.1f}/byte {pct:>5}%  {name}")

main()
