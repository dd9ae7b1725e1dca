#!/bin/sh
# Article text from real web pages: `dyad extract --with-body` on the 181
# pages of the public article-extraction benchmark (../shared/peer/
# article-extraction-benchmark, MIT), scored by ../shared/tools/html_score.py
# with the benchmark's own metric. Floors: F1 >= 0.95, precision >= 0.93, and
# no page without a body. Then every "published" value, on those pages and
# on the shared text corpora, must be in the output contract's shapes
# ("YYYY-MM-DD" or ISO 8601 with an offset) - never a raw string; the same
# for the corpora read as JSON Lines with their URLs and for "published"
# values given in JSON Lines records.
#   BUILD=build sh tests/golden/pages.sh
set -u
BUILD=${BUILD:-build}
SHARED=${DYAD_SHARED:-../shared}
BENCH=$SHARED/peer/article-extraction-benchmark
MIN_F1=0.95
MIN_P=0.93
passed=0
failed=0
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

ok() { passed=$((passed + 1)); }
fail() { echo "FAIL $*"; failed=$((failed + 1)); }

# at_least VALUE FLOOR: exit status 0 when VALUE >= FLOOR
at_least() {
	python3 -c "import sys; sys.exit(0 if float('$1') >= float('$2') else 1)"
}

bench() {
	"$BUILD/dyad" extract --with-body "$BENCH"/html/*.html.gz >"$tmp/pages.jsonl" 2>"$tmp/pages.err"
	line=$(python3 "$SHARED/tools/html_score.py" bench "$BENCH" "$tmp/pages.jsonl" | tail -n 1)
	echo "benchmark: $line"
	f1=$(echo "$line" | tr ' ' '\n' | sed -n 's/^html_F1=//p')
	p=$(echo "$line" | tr ' ' '\n' | sed -n 's/^html_P=//p')
	empty=$(echo "$line" | tr ' ' '\n' | sed -n 's/^empty=//p')
	if [ -n "$f1" ] && at_least "$f1" "$MIN_F1"; then ok; else fail "html_F1=$f1 is under $MIN_F1"; fi
	if [ -n "$p" ] && at_least "$p" "$MIN_P"; then ok; else fail "html_P=$p is under $MIN_P"; fi
	if [ "$empty" = 0 ]; then ok; else fail "$empty pages have an empty body"; fi
	if [ ! -s "$tmp/pages.err" ]; then ok; else fail "pages failed: $(head -n 3 "$tmp/pages.err")"; fi
}

# contract_dates FILE...: every "published" is null or in the contract's shapes
contract_dates() {
	python3 - "$@" <<'EOF'
import json, re, sys
shape = re.compile(r"^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}:\d{2}(Z|[+-]\d{2}:\d{2}))?$")
bad = []
for name in sys.argv[1:]:
    with open(name, encoding="utf-8") as f:
        for line in f:
            v = json.loads(line).get("published")
            if v is not None and not shape.match(v):
                bad.append(v)
print("published outside the contract: %d" % len(bad), bad[:5])
sys.exit(1 if bad else 0)
EOF
}

if [ -d "$BENCH/html" ]; then
	bench
	if contract_dates "$tmp/pages.jsonl"; then ok; else fail "benchmark dates"; fi
else
	echo "skip pages: $BENCH not found"
fi
for corpus in "$SHARED/seeds" "$SHARED/corpus/dev/texts" "$SHARED/corpus/dev2/texts"; do
	[ -d "$corpus" ] || continue
	"$BUILD/dyad" extract "$corpus"/*.txt >"$tmp/corpus.jsonl" 2>/dev/null
	if contract_dates "$tmp/corpus.jsonl"; then ok; else fail "dates of $corpus"; fi
done
# the corpora as JSON Lines records with their URLs (dates from URL paths)
for corpus in "$SHARED/corpus/dev" "$SHARED/corpus/dev2"; do
	[ -f "$corpus/SOURCES.tsv" ] || continue
	python3 tests/golden/corpus_jsonl.py "$corpus" >"$tmp/records.jsonl"
	"$BUILD/dyad" extract "$tmp/records.jsonl" >"$tmp/corpus.jsonl" 2>/dev/null
	if contract_dates "$tmp/corpus.jsonl"; then ok; else fail "dates of $corpus with URLs"; fi
done
# JSON Lines "published" values as exports write them: each normalised or
# dropped (records written here, not taken from any corpus)
python3 - >"$tmp/given.jsonl" <<'EOF'
import json
text = "Talks end\n\nThe delegations met for two days and agreed on a statement.\n"
for value in ["Mon, 18 Nov 2019 16:07:38 -0600", "2019-11-18T16:07:38.000+0000",
              "18.11.2019", "November 18, 2019 4:07 PM", "18 ноября 2019 года",
              "sexta-feira, 22 de outubro de 2010", "2019/11/18", "1574114858",
              "yesterday", "", "0000-00-00", "2019-02-30"]:
    print(json.dumps({"text": text, "published": value}))
EOF
"$BUILD/dyad" extract "$tmp/given.jsonl" >"$tmp/corpus.jsonl" 2>/dev/null
if contract_dates "$tmp/corpus.jsonl"; then ok; else fail "dates given in JSON Lines"; fi
echo "RESULT passed=$passed failed=$failed"
[ "$failed" -eq 0 ]
