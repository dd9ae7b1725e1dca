#!/bin/sh
# Golden test of the store commands: 'dyad ingest' of three short articles
# (written here, English and Russian) is idempotent, failures are named and
# counted, and 'dyad events' / 'dyad doc' / 'dyad stats' read the database
# back in every format. Asserts on structure, not on what the extractor finds.
#   BUILD=build sh tests/golden/ingest.sh
set -u
BUILD=${BUILD:-build}
DYAD="$BUILD/dyad"
case $DYAD in /*) ;; *) DYAD="$(pwd)/$DYAD" ;; esac
passed=0
failed=0
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

ok() { passed=$((passed + 1)); }
fail() { failed=$((failed + 1)); echo "FAIL: $*"; }
check() { # description command...
	what=$1; shift
	if "$@"; then ok; else fail "$what"; fi
}

mkdir "$tmp/articles"
cat >"$tmp/articles/baku.txt" <<'TXT'
Aliyev and Tokayev discuss transit routes

BAKU, Azerbaijan, March 3

Azerbaijani President Ilham Aliyev met with Kazakh President Kassym-Jomart Tokayev in Baku on Wednesday. The two presidents discussed the Middle Corridor and trade, which reached $400 million last year.

"Our partnership is strategic," Tokayev said.
TXT
cat >"$tmp/articles/ankara.txt" <<'TXT'
Turkey and Azerbaijan sign energy memorandum

ANKARA, May 12

Turkish Foreign Minister Mevlut Cavusoglu hosted Azerbaijani Foreign Minister Jeyhun Bayramov in Ankara. The ministers signed a memorandum on gas supplies and praised the alliance between the two countries.
TXT
cat >"$tmp/articles/moskva.txt" <<'TXT'
Путин провел переговоры с Алиевым

МОСКВА, 10 мая.

Президент России Владимир Путин провел в Кремле переговоры с президентом Азербайджана Ильхамом Алиевым. Стороны обсудили региональную безопасность и торговлю.
TXT

db="$tmp/t.db"
counts() { "$DYAD" stats --db "$db" >"$1"; }

# ---- first and second ingest ----
"$DYAD" ingest --db "$db" "$tmp/articles" 2>"$tmp/ingest1.err"
check "first ingest exits 0 ($(cat "$tmp/ingest1.err"))" [ $? -eq 0 ]
check "first ingest summary" grep -q '^ingested 3 documents (3 new, 0 failed) in [0-9.]* s$' "$tmp/ingest1.err"
counts "$tmp/stats1"
check "stats exits 0" [ -s "$tmp/stats1" ]
check "stats counts 3 documents" grep -q '^documents  *3  (3 ok, 0 failed)$' "$tmp/stats1"
for table in entities mentions events quotes amounts; do
	check "stats has $table" grep -q "^$table  *[0-9][0-9]*$" "$tmp/stats1"
done
check "stats by language" grep -q '^  ru  *1$' "$tmp/stats1"

"$DYAD" ingest --db "$db" "$tmp/articles" 2>"$tmp/ingest2.err"
check "second ingest exits 0" [ $? -eq 0 ]
check "second ingest adds nothing" grep -q '^ingested 3 documents (0 new, 0 failed)' "$tmp/ingest2.err"
counts "$tmp/stats2"
check "row counts identical after the second ingest" cmp -s "$tmp/stats1" "$tmp/stats2"
if command -v sqlite3 >/dev/null 2>&1; then
	for table in documents entities mentions events quotes amounts; do
		n=$(sqlite3 "$db" "SELECT count(*) FROM $table")
		check "sqlite3 sees $table rows" [ -n "$n" ]
	done
	check "FTS index has every document" \
		[ "$(sqlite3 "$db" "SELECT count(*) FROM docs_fts")" = 3 ]
	check "WAL journal" [ "$(sqlite3 "$db" "PRAGMA journal_mode")" = wal ]
fi

# ---- a failing document is named and counted, the others still stored ----
printf 'one more article about Baku and Astana talks.\n' >"$tmp/extra.txt"
"$DYAD" ingest --db "$db" "$tmp/extra.txt" "$tmp/missing.txt" 2>"$tmp/ingest3.err"
check "ingest with a missing file exits 1" [ $? -eq 1 ]
check "missing file named on stderr" grep -q "^dyad: $tmp/missing.txt: " "$tmp/ingest3.err"
check "summary counts the failure" grep -q '^ingested 2 documents (1 new, 1 failed)' "$tmp/ingest3.err"
"$DYAD" stats --db "$db" >"$tmp/stats3"
check "the good document was stored" grep -q '^documents  *4 ' "$tmp/stats3"

# ---- events in every format ----
"$DYAD" events --db "$db" --format csv >"$tmp/events.csv"
check "events csv exits 0" [ $? -eq 0 ]
check "csv header" [ "$(head -n 1 "$tmp/events.csv" | tr -d '\r')" = \
	"doc_id,date,code,root,quad,goldstein,source_country,source_actor,source_name,target_country,target_actor,target_name,place,text,doc_path,doc_title,published,outlet,lang" ]
check "csv lines end in CRLF" [ "$(grep -c "$(printf '\r')\$" "$tmp/events.csv")" -eq "$(wc -l <"$tmp/events.csv")" ]
"$DYAD" events --db "$db" --format jsonl >"$tmp/events.jsonl"
check "events jsonl exits 0" [ $? -eq 0 ]
check "every jsonl line is an event object" [ "$(grep -vc '^{"doc_id":"[0-9a-f]*",.*"code":"[0-9]*",.*}$' "$tmp/events.jsonl")" -eq 0 ]
if command -v python3 >/dev/null 2>&1; then
	check "jsonl parses" python3 -c 'import json,sys
for line in open(sys.argv[1]): json.loads(line)' "$tmp/events.jsonl"
fi
"$DYAD" events --db "$db" >"$tmp/events.table"
check "events table exits 0" [ $? -eq 0 ]
check "table header" grep -q '^date  *code source  *target  *gold doc  *sentence$' "$tmp/events.table"
n_csv=$(($(wc -l <"$tmp/events.csv") - 1))
n_table=$(($(wc -l <"$tmp/events.table") - 1))
n_jsonl=$(wc -l <"$tmp/events.jsonl")
check "same events in every format" [ "$n_csv" -eq "$n_jsonl" -a "$n_table" -eq "$n_jsonl" ]
"$DYAD" events --db "$db" --format jsonl --lang ru --since 2000 --until 2100-12-31 \
	--code 0 --match 'Путин OR Алиев' --limit 100 >/dev/null
check "all filters together exit 0" [ $? -eq 0 ]

# ---- usage errors ----
"$DYAD" events --db "$db" --since yesterday >/dev/null 2>&1
check "bad date is a usage error" [ $? -eq 2 ]
"$DYAD" events --db "$db" --match '"open' >/dev/null 2>&1
check "bad full-text query is a usage error" [ $? -eq 2 ]
"$DYAD" events --db "$db" --bogus >/dev/null 2>&1
check "unknown option is a usage error" [ $? -eq 2 ]
"$DYAD" events --db "$tmp/none.db" >/dev/null 2>&1
check "missing database fails" [ $? -eq 1 ]
check "missing database not created" [ ! -e "$tmp/none.db" ]
"$DYAD" ingest --db "$db" >/dev/null 2>&1
check "ingest without paths is a usage error" [ $? -eq 2 ]
for cmd in ingest events doc stats; do
	"$DYAD" $cmd --help >"$tmp/help" 2>&1
	check "$cmd --help exits 0" [ $? -eq 0 ]
	check "$cmd --help shows usage" grep -q "usage: dyad $cmd" "$tmp/help"
done

# ---- one document back ----
id=$("$DYAD" extract "$tmp/articles/baku.txt" 2>/dev/null | sed -n 's/.*"id":"\([0-9a-f]*\)".*/\1/p')
check "extract gives the id" [ -n "$id" ]
prefix=$(printf '%s' "$id" | cut -c1-10)
"$DYAD" doc --db "$db" "$prefix" >"$tmp/doc.txt"
check "doc by prefix exits 0" [ $? -eq 0 ]
check "doc shows the id" grep -q "^id  *$id\$" "$tmp/doc.txt"
check "doc shows the path" grep -q "^path  *$tmp/articles/baku.txt\$" "$tmp/doc.txt"
check "doc lists entities" grep -q '^entities ([0-9]*)$' "$tmp/doc.txt"
check "doc lists events" grep -q '^events ([0-9]*)$' "$tmp/doc.txt"
"$DYAD" doc --db "$db" --format json "$id" >"$tmp/doc.json"
check "doc json exits 0" [ $? -eq 0 ]
check "doc json has the id" grep -q "\"id\":\"$id\"" "$tmp/doc.json"
"$DYAD" doc --db "$db" ffffffffffffff >/dev/null 2>&1
check "unknown id fails" [ $? -eq 1 ]
"$DYAD" doc --db "$db" >/dev/null 2>&1
check "doc without id is a usage error" [ $? -eq 2 ]

echo "RESULT passed=$passed failed=$failed"
[ "$failed" -eq 0 ]
