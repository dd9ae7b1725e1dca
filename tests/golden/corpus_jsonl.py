#!/usr/bin/env python3
"""corpus_jsonl.py CORPUS - a shared corpus's texts as JSON Lines records.

Prints one record per CORPUS/texts/*.txt: {"path": file name, "text": ...,
"url": the URL SOURCES.tsv gives for it}, the way a crawler hands dyad the
pages it fetched. Used by the golden tests (metadata.sh, pages.sh); the
records are written to a temporary file, never into the repository.
"""
import json
import os
import sys


def main():
    corpus = sys.argv[1]
    urls = {}
    with open(os.path.join(corpus, "SOURCES.tsv"), encoding="utf-8") as f:
        for line in f:
            fields = line.rstrip("\n").split("\t")
            if len(fields) >= 2:
                urls[fields[0]] = fields[1]
    texts = os.path.join(corpus, "texts")
    for name in sorted(os.listdir(texts)):
        if not name.endswith(".txt"):
            continue
        with open(os.path.join(texts, name), encoding="utf-8") as f:
            record = {"path": name, "text": f.read()}
        if name[:-4] in urls:
            record["url"] = urls[name[:-4]]
        print(json.dumps(record, ensure_ascii=False))


if __name__ == "__main__":
    main()
