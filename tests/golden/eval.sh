#!/bin/sh
# dyad eval against the reference scorer ../shared/tools/score.py.
#
# Both scorers read the same output file and must print the same lines (the
# summary, and with --verbose every per-document line) and exit the same
# way. The outputs are (1) what `dyad extract` makes of the dev corpus and of
# the seeds, whatever its quality today, and (2) synthetic outputs built from
# the gold files: the required events plus wrong, reversed, optional and IGO
# ones, persons spelled in other scripts and ways, metadata partly right,
# missing and repeated documents, lines that are not JSON, CRLF line ends
# and bytes that are not UTF-8. Scoring a run in-process (dyad eval GOLD
# PATH...) must give what scoring its saved output gives.
set -u
BUILD=${BUILD:-build}
shared=${DYAD_SHARED:-../shared}
passed=0
failed=0
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

pass() { passed=$((passed + 1)); }
fail() { echo "FAIL $1"; failed=$((failed + 1)); }

# same_scores NAME GOLD OUTPUT [OPTIONS...]: both scorers agree on OUTPUT.
same_scores() {
	what=$1 sgold=$2 sout=$3
	shift 3
	python3 "$shared/tools/score.py" "$sgold" "$sout" "$@" >"$tmp/py.txt" 2>"$tmp/py.err"
	prc=$?
	"$BUILD/dyad" eval "$sgold" --output "$sout" "$@" >"$tmp/c.txt" 2>"$tmp/c.err"
	crc=$?
	if [ ! -s "$tmp/py.txt" ]; then
		fail "$what: score.py printed nothing (exit $prc)"
		sed 's/^/    /' "$tmp/py.err" | tail -n 5
	elif cmp -s "$tmp/py.txt" "$tmp/c.txt" && [ "$prc" -eq "$crc" ]; then
		pass
	else
		fail "$what: score.py (exit $prc) and dyad eval (exit $crc) differ"
		diff "$tmp/py.txt" "$tmp/c.txt" | head -n 20
		sed 's/^/    /' "$tmp/c.err" | head -n 5
	fi
}

# synth GOLD SEED CRLF > OUTPUT: a made-up extraction output for the gold.
synth() {
	python3 - "$1" "$2" "$3" <<'EOF'
import json, os, random, sys

gold_dir, seed, crlf = sys.argv[1], int(sys.argv[2]), sys.argv[3] == "1"
rnd = random.Random(seed)
LAT2CYR = {"a": "а", "b": "б", "v": "в", "g": "г", "d": "д", "e": "е", "z": "з", "i": "и",
           "y": "й", "k": "к", "l": "л", "m": "м", "n": "н", "o": "о", "p": "п", "r": "р",
           "s": "с", "t": "т", "u": "у", "f": "ф", "h": "х", "c": "ц", "w": "в", "j": "дж",
           "x": "кс", "q": "к"}
OTHER = ["USA", "RUS", "CHN", "TUR", "IRN", "AZE", "ARM", "GEO", "KAZ", "FRA", "DEU", "XKX"]
IGOS = ["UN", "EU", "NATO", "nato", " usa ", "igo", "", None, "Azerbaijan", "aze", 7]
ROOTS = ["01", "02", "03", "04", "05", "06", "07", "10", "11", "12", "13", "17", "19"]
ODD = ["\t", "\"", "'", "\\", "\u200b", "\u00a0", "\u2028", "\U0001F600", "\x85", "«", "»",
       "\u0301", "\n", "ё", "İ", "ß", "ﬁ", "№", "½", "_", "٣"]

def cyr(word):
    return "".join(LAT2CYR.get(ch, ch) for ch in word.lower())

def pick(*choices):
    return rnd.choice(choices)

def maybe(p):
    return rnd.random() < p

def spell(name):
    toks = name.split()
    last = toks[-1] if toks else name
    return pick(name, last, last.upper(), cyr(last).capitalize(), "Mr. " + last,
                " ".join(cyr(t).capitalize() for t in toks), last[:-1] + "y",
                toks[0] if toks else name, "-".join(toks), name.lower() + " Jr.")

def code(root):
    return pick(root, root + "1", root + "2", int(root) if root != "04" else root,
                {"code": None, "root": root}, {"code": "", "root": root + "0"})

def event(src, tgt, root):
    c = code(root)
    e = dict(c) if isinstance(c, dict) else {"code": c}
    e["source"] = {"country": src, "actor": None}
    e["target"] = {"country": tgt}
    if maybe(0.05):
        e["source"] = None
    if maybe(0.05):
        e["target"] = {}
    return e

def odd_text(text):
    if not text:
        return text
    i = rnd.randrange(len(text) + 1)
    return text[:i] + rnd.choice(ODD) + text[i:]

def doc_for(stem, g):
    d = {}
    if maybe(0.9):
        d["path"] = pick(stem + ".txt", "texts/" + stem + ".txt", "/x/y/" + stem + ".html", stem)
    if maybe(0.9):
        d["lang"] = pick(g["lang"], g["lang"], g["lang"] + "-x", "ru", "und", None, "", [])
    pub = g.get("published") or "2020-01-01"
    if maybe(0.9):
        d["published"] = pick(pub, pub, pub + "T09:30:00+04:00", "2001-02-03", None, "", pub[:7])
    src = g.get("source") or ["Trend"]
    if maybe(0.9):
        s = rnd.choice(src)
        d["source"] = pick(s, s.upper(), s.lower(), odd_text(s), "Nobody", None, "")
    title = g.get("title")
    if maybe(0.9):
        t = title or "A headline"
        d["title"] = pick(title, t, t.upper(), "«" + t + "»!", odd_text(t), odd_text(odd_text(t)),
                          t[: len(t) // 2], None, "", "It's a \"quoted\" title", "x" * 70)
    ents = []
    for p in g.get("persons", []):
        if maybe(0.8):
            ents.append({"kind": "person", "name": spell(rnd.choice(p["names"])),
                         "country": pick(p["country"], p["country"], p["country"].lower(),
                                         rnd.choice(OTHER), None, "UN", ["AZE"])})
        if maybe(0.1):
            ents.append({"kind": "org", "name": p["names"][0], "country": p["country"]})
    for _ in range(rnd.randrange(3)):
        ents.append(pick({"kind": "person", "name": None}, {"kind": "person"},
                         {"kind": "person", "name": "Ivan Петров-Vodkin", "country": "RUS"},
                         {"kind": "country", "name": "Azerbaijan", "country": "AZE"},
                         {"kind": "person", "name": "O'Brien \"Jr\"", "country": 3.5},
                         {"kind": "person", "name": "a b. c-d", "country": True}))
    rnd.shuffle(ents)
    d["entities"] = ents
    evs = []
    for s, t, r in g.get("events_required", []):
        if maybe(0.75):
            evs.append(event(s, t, r) if r != "04" or maybe(0.5) else event(t, s, r))
        if maybe(0.15):
            evs.append(event(t, s, r))
    for s, t, r in g.get("events_optional", []):
        if maybe(0.3):
            evs.append(event(s, t, r))
    for _ in range(rnd.randrange(4)):
        a = rnd.choice(OTHER + IGOS)
        b = rnd.choice(OTHER + IGOS)
        evs.append(event(a, b, rnd.choice(ROOTS)))
    if maybe(0.2):
        evs.append({"code": "0", "source": {"country": "USA"}, "target": {"country": "RUS"}})
    if maybe(0.2):
        evs.append({"root": 5.0, "source": {"country": "USA"}, "target": {"country": "RUS"}})
    rnd.shuffle(evs)
    d["events"] = evs
    return d

golds = {}
for f in sorted(os.listdir(gold_dir)):
    if f.endswith(".json"):
        g = json.load(open(os.path.join(gold_dir, f)))
        golds[os.path.splitext(g["doc"])[0]] = g

lines = []
for stem, g in golds.items():
    if maybe(0.08):
        continue  # missing
    if maybe(0.1):
        lines.append(json.dumps(doc_for(stem, g)))  # replaced by the next one
    d = doc_for(stem, g)
    d.setdefault("path", stem + ".txt")
    lines.append(json.dumps(d, ensure_ascii=maybe(0.5)))
    if maybe(0.05):
        lines.append("")
if maybe(0.7):
    lines.insert(rnd.randrange(len(lines) + 1), "{not json")
if maybe(0.5):
    lines.append("   ")
out = sys.stdout.buffer
for i, line in enumerate(lines):
    raw = line.encode("utf-8")
    if i == 1:  # bytes that are not UTF-8 inside a string
        raw = raw.replace(b'"lang": ', b'"junk": "\xe2\x82\xff", "lang": ', 1)
    out.write(raw + (b"\r\n" if crlf else b"\n"))
EOF
}

# corpus NAME TEXTS GOLD (shell variables are global: names differ)
corpus() {
	cname=$1 texts=$2 gold=$3
	if [ ! -d "$gold" ]; then
		echo "skip $cname: $gold not found"
		return
	fi
	"$BUILD/dyad" extract "$texts"/*.txt >"$tmp/$cname.jsonl" 2>"$tmp/$cname.err"
	same_scores "$cname extract" "$gold" "$tmp/$cname.jsonl"
	same_scores "$cname extract --verbose" "$gold" "$tmp/$cname.jsonl" --verbose
	# --verbose ends with the summary line, so one plain run is enough
	for seed in 1 2 3 4; do
		synth "$gold" "$seed" $((seed % 2)) >"$tmp/$cname.synth.jsonl"
		[ "$seed" -eq 1 ] && same_scores "$cname synthetic $seed" "$gold" "$tmp/$cname.synth.jsonl"
		same_scores "$cname synthetic $seed --verbose" "$gold" "$tmp/$cname.synth.jsonl" \
			--verbose --min-f1 0.3 --min-person-recall 0.2 --min-meta 0.1
	done
	# in-process extraction scores what the saved run scores
	if [ -s "$tmp/$cname.jsonl" ]; then
		"$BUILD/dyad" eval "$gold" --output "$tmp/$cname.jsonl" --verbose >"$tmp/saved.txt" 2>/dev/null
		"$BUILD/dyad" eval "$gold" --verbose "$texts"/*.txt >"$tmp/inproc.txt" 2>/dev/null
		if cmp -s "$tmp/saved.txt" "$tmp/inproc.txt"; then
			pass
		else
			fail "$cname: dyad eval PATH... differs from dyad eval --output"
			diff "$tmp/saved.txt" "$tmp/inproc.txt" | head -n 10
		fi
		"$BUILD/dyad" eval "$gold" --verbose >"$tmp/default.txt" 2>/dev/null
		if cmp -s "$tmp/saved.txt" "$tmp/default.txt"; then
			pass
		else
			fail "$cname: dyad eval GOLD (texts found next to it) differs"
			diff "$tmp/saved.txt" "$tmp/default.txt" | head -n 10
		fi
	else
		echo "skip $cname in-process: dyad extract gave no output"
		sed 's/^/    /' "$tmp/$cname.err" | head -n 3
	fi
}

corpus dev "$shared/corpus/dev/texts" "$shared/corpus/dev/gold"
corpus seeds "$shared/seeds" "$shared/seeds/gold"

# bad usage
"$BUILD/dyad" eval >/dev/null 2>&1
[ $? -eq 2 ] && pass || fail "no GOLD_DIR: want exit 2"
"$BUILD/dyad" eval "$tmp/no-such-folder" --output /dev/null >/dev/null 2>&1
[ $? -eq 2 ] && pass || fail "missing GOLD_DIR: want exit 2"
"$BUILD/dyad" eval "$shared/seeds/gold" --min-f1 high --output /dev/null >/dev/null 2>&1
[ $? -eq 2 ] && pass || fail "--min-f1 high: want exit 2"

echo "RESULT passed=$passed failed=$failed"
[ "$failed" -eq 0 ]
