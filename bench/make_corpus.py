#!/usr/bin/env python3
"""Build a benchmark corpus of at least N MB from the example articles.

A day of crawled news is thousands of articles of a few kilobytes, so each
document here is assembled from the paragraphs of the examples of one
language (headline, time stamp, then body paragraphs drawn and shuffled)
until it reaches a typical article length, with numbers varied so that no
two documents share an id. HTML examples are copied whole. Documents go in
sub-folders of 1000 files.
usage: make_corpus.py EXAMPLES_DIR OUT_DIR MEGABYTES
"""
import json, os, random, re, sys

TARGET_DOC_BYTES = (2000, 5000)  # the usual length of a wire story

def load(folder):
    texts, html = {"en": [], "ru": []}, []
    for name in sorted(os.listdir(folder)):
        path = os.path.join(folder, name)
        if name.endswith(".html"):
            html.append(open(path, encoding="utf-8").read())
            continue
        if name.endswith(".jsonl"):
            docs = [json.loads(l)["text"] for l in open(path, encoding="utf-8") if l.strip()]
        elif name.endswith(".txt"):
            docs = [open(path, encoding="utf-8").read()]
        else:
            continue
        for d in docs:
            lang = "ru" if re.search("[а-яА-Я]", d) else "en"
            texts[lang].extend(p.strip() for p in d.split("\n\n") if len(p.strip()) > 60)
    return texts, html

def main():
    src, out, mb = sys.argv[1], sys.argv[2], int(sys.argv[3])
    target = mb << 20
    marker = os.path.join(out, ".size")
    if os.path.exists(marker) and int(open(marker).read()) >= target:
        return
    rng = random.Random(42)
    paragraphs, html = load(src)
    total = n = 0
    while total < target:
        folder = os.path.join(out, f"{n // 1000:05d}")
        os.makedirs(folder, exist_ok=True)
        if html and n % 10 == 9:
            text, ext = html[n % len(html)].replace("</article>", f"<p>Item {n}.</p></article>"), ".html"
        else:
            lang = "ru" if n % 3 == 2 else "en"
            size = rng.randint(*TARGET_DOC_BYTES)
            parts = [f"{rng.choice(paragraphs[lang])[:120].split('.')[0]}",
                     f"{rng.randint(1, 28)} March 2025 {rng.randint(0, 23):02d}:{rng.randint(0, 59):02d} (UTC +04:00)"]
            while sum(len(p) for p in parts) < size:
                p = rng.choice(paragraphs[lang])
                parts.append(re.sub(r"\d+", lambda m: str(rng.randint(2, 999)), p))
            text, ext = "\n\n".join(parts) + "\n", ".txt"
        with open(os.path.join(folder, f"{n:07d}{ext}"), "w", encoding="utf-8") as f:
            f.write(text)
        total += len(text.encode("utf-8"))
        n += 1
    open(marker, "w").write(str(total))

main()
