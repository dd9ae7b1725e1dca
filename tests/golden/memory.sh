#!/bin/sh
# Memory bound (doc/work.h): a document within the size limit takes at most
# 8 times its size besides the loaded knowledge, measured as the peak RSS of
# `dyad extract -j 1` on generated worst cases (sentences written for this
# test, repeated and mangled), against the peak of a 10 KB article (the
# engine, the libraries' data and code an article touches, the memos'
# tables). Documents that are all short lines are refused (DYAD_ETOOBIG)
# within the bound; the others are analysed. A 5 MB article made of the
# shared corpora must also stay under 64 MB besides the grammar models and
# dictionary (data/lang/*/grammar.model, data/lang/ru/morph: about 47 MB). Under the sanitizers peak
# memory means nothing: the documents are extracted and checked, not
# weighed.
set -u
BUILD=${BUILD:-build}
shared=${DYAD_SHARED:-../shared}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
case "$BUILD" in *asan*) weigh=0 ;; *) weigh=1 ;; esac

python3 - "$tmp" "$shared" <<'EOF'
import os, re, sys
out, shared = sys.argv[1], sys.argv[2]
MB = 1 << 20
size = 5 * MB
prose = [
    "President Ilham Aliyev received the Ambassador of Kazakhstan, Nurlan Zhalgasbayev, in Baku on Monday.",
    "The two sides discussed trade, transport and energy, the presidential press service said.",
    "Russian Foreign Minister Sergei Lavrov told reporters in Moscow that the talks had been useful.",
    "Министр иностранных дел России Сергей Лавров провёл переговоры с коллегой из Армении в Москве.",
    "\"We will continue to work together,\" the minister said after the meeting in Tashkent.",
    "Turkey sent 300 tonnes of flour and $2 million in aid to the region last week.",
    "Kyrgyz President Sadyr Japarov criticised the decision of the neighbouring government.",
    "В Бишкеке прошла встреча президента Киргизии с делегацией Узбекистана.",
]
def fill(n, unit):
    return (unit * (n // len(unit.encode()) + 1)).encode()[:n].decode("utf-8", "ignore")
def paragraphs(n):
    parts, k, total = [], 0, 0
    while total < n:
        p = " ".join(prose[(k + j) % len(prose)] for j in range(3))
        parts.append(p)
        total += len(p.encode()) + 2
        k += 1
    return "\n\n".join(parts)
def write(name, text, n=size):
    data = text.encode()[:n]
    data = data[:len(data.decode("utf-8", "ignore").encode())]
    open(os.path.join(out, name), "wb").write(data)
text = paragraphs(size)
write("prose.txt", text)
write("long_line.txt", text.replace("\n", " "), MB)  # 1 MB: credits read lines whole
write("no_sentence_ends.txt", re.sub(r"[.!?]", "", text))
write("repeated_word.txt", fill(size, "said "))
write("repeated_letter.txt", fill(size, "a "))
write("repeated_name.txt", fill(size, "Aliyev "))
write("repeated_country.txt", fill(size, "Azerbaijan "))
given = ["Ivan", "Anna", "Oleg", "Maria", "Pavel", "Elena", "Timur", "Aida", "Rustam", "Leyla"]
family = ["Petrov", "Smirnov", "Popov", "Sokolov", "Novikov", "Volkov", "Lebedev", "Orlov"]
names = [f"{g} {f}{s}" for g in given for f in family for s in ("", "ich", "sky", "enko", "yan")]
parts, k, total = [], 0, 0
while total < size:
    a, b = names[k % len(names)], names[(k * 7 + 3) % len(names)]
    s = f"{a} met {b} in Baku, and {names[(k * 13 + 5) % len(names)]} said the talks went well. "
    parts.append(s)
    total += len(s)
    k += 1
write("thousands_of_names.txt", "".join(parts))
write("one_letter_lines.txt", fill(size, "a\n"))
write("short_lines.txt", fill(size, "ab c\n"))
# a long article of real news, when the shared corpora are there
texts = []
for d in ("corpus/dev/texts", "corpus/dev2/texts"):
    d = os.path.join(shared, d)
    if os.path.isdir(d):
        texts += [open(os.path.join(d, f), encoding="utf-8").read() for f in sorted(os.listdir(d))]
if texts:
    parts, total, k = [], 0, 0
    while total < size:
        parts.append(texts[k % len(texts)])
        total += len(texts[k % len(texts)].encode()) + 2
        k += 1
    write("corpus_article.txt", "\n\n".join(parts))
write("article.txt", paragraphs(10 << 10), 10 << 10)
EOF

python3 - "$BUILD/dyad" "$tmp" "$weigh" <<'EOF'
import json, os, re, subprocess, sys
dyad, tmp, weigh = sys.argv[1], sys.argv[2], sys.argv[3] == "1"
passed = failed = 0
def peak(path):
    """Run dyad extract -j 1 on path: (exit status, its output's facts, peak
    RSS in bytes). The output is read a little at a time: a child's peak
    counts its parent's memory when it was started, so this process stays
    small."""
    out_path = os.path.join(tmp, "out.jsonl")
    with open(out_path, "wb") as out:
        p = subprocess.Popen([dyad, "extract", "-j", "1", path], stdout=out,
                             stderr=subprocess.DEVNULL)
        _, status, usage = os.wait4(p.pid, 0)
    with open(out_path, "rb") as f:
        head = f.read(1 << 16)
        f.seek(-2, os.SEEK_END)
        tail = f.read()
    facts = None
    if head.startswith(b"{") and tail == b"}\n":
        m = re.search(rb'"error":("(?:[^"\\]|\\.)*")', head.split(b',"entities":')[0])
        facts = {"error": json.loads(m.group(1)) if m else None}
    return os.waitstatus_to_exitcode(status), facts, usage.ru_maxrss * 1024
def check(ok, what):
    global passed, failed
    if ok:
        passed += 1
    else:
        failed += 1
        print("FAIL " + what)
_, _, base = peak(os.path.join(tmp, "article.txt"))
# the grammar models and the Russian dictionary, read whole at engine start
models = sum(os.path.getsize(os.path.join(d, f)) for d, _, fs in os.walk("data/lang")
             for f in fs if f == "grammar.model" or os.path.basename(d) == "morph")
print(f"10 KB article: {base / 2**20:.1f} MB (the knowledge)")
cases = ["prose.txt", "long_line.txt", "no_sentence_ends.txt", "repeated_word.txt",
         "repeated_letter.txt", "repeated_name.txt", "repeated_country.txt",
         "thousands_of_names.txt", "corpus_article.txt", "short_lines.txt",
         "one_letter_lines.txt"]
for name in cases:
    path = os.path.join(tmp, name)
    if not os.path.exists(path):
        print(f"skip {name}: no shared corpus to build it from")
        continue
    size = os.path.getsize(path)
    code, doc, rss = peak(path)
    check(doc is not None, f"{name}: no JSON line (exit {code})")
    if doc is None:
        continue
    if name.endswith("_lines.txt"):  # a line every 2 or 5 bytes: past the bound
        check("memory bound" in (doc.get("error") or ""), f"{name}: not refused: {doc.get('error')}")
    else:
        check(code == 0 and not doc.get("error"), f"{name}: failed: {doc.get('error')}")
    ratio = (rss - base) / size
    print(f"{name}: {size / 2**20:.2f} MB, peak {rss / 2**20:.1f} MB, "
          f"{ratio:.2f} x its size besides the knowledge")
    if weigh:
        check(rss <= 8 * size + base, f"{name}: peak {rss} over 8 x {size} + {base}")
        if name in ("prose.txt", "corpus_article.txt"):  # besides the grammar models
            check(rss - models < 64 * 2**20,
                  f"{name}: peak {rss / 2**20:.1f} MB, not under 64 MB + the models")
print(f"RESULT passed={passed} failed={failed}")
sys.exit(1 if failed else 0)
EOF
