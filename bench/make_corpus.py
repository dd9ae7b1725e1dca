#!/usr/bin/env python3
"""Build a benchmark corpus of at least N MB from the example articles.

Each copy is varied (names of days, numbers, sentence order inside a
paragraph) so that no two documents share an id, and written as its own
file in sub-folders of 1000 files, like a day of crawled news.
usage: make_corpus.py EXAMPLES_DIR OUT_DIR MEGABYTES
"""
import json, os, random, sys

def texts(folder):
    for name in sorted(os.listdir(folder)):
        path = os.path.join(folder, name)
        if name.endswith(".jsonl"):
            for line in open(path, encoding="utf-8"):
                if line.strip():
                    yield name, json.loads(line)["text"]
        elif name.endswith((".txt", ".html")):
            yield name, open(path, encoding="utf-8").read()

def main():
    src, out, mb = sys.argv[1], sys.argv[2], int(sys.argv[3])
    target = mb << 20
    marker = os.path.join(out, ".size")
    if os.path.exists(marker) and int(open(marker).read()) >= target:
        return
    rng = random.Random(42)
    base = list(texts(src))
    total = n = 0
    while total < target:
        name, text = base[n % len(base)]
        paras = text.split("\n\n")
        if len(paras) > 3:
            body = paras[2:]
            rng.shuffle(body)
            paras = paras[:2] + body
        text = "\n\n".join(paras) + f"\n\nCopy {n}: {rng.randint(1, 10**9)} units were counted.\n"
        folder = os.path.join(out, f"{n // 1000:05d}")
        os.makedirs(folder, exist_ok=True)
        ext = os.path.splitext(name)[1] if not name.endswith(".jsonl") else ".txt"
        with open(os.path.join(folder, f"{n:07d}{ext}"), "w", encoding="utf-8") as f:
            f.write(text)
        total += len(text.encode("utf-8"))
        n += 1
    open(marker, "w").write(str(total))

main()
