#!/bin/sh
# Golden test of many workers on one PostgreSQL database (docs/scale.md):
# GNU parallel runs 4 'dyad ingest -' at a time over 2,000 generated
# documents (pg_docs.py) split into blocks of JSON Lines; the database then
# holds exactly what one ingest stores (the same counts, the same events
# and GDELT export), every document once, and 'dyad check' finds nothing.
# Four ingesters given the same documents at once store each once. An
# ingester killed with SIGKILL loses at most its document in flight
# (--batch 1): what it stored is a prefix of its input, the database is
# sound, and a re-run stores the rest.
#   BUILD=build sh tests/golden/pg_parallel.sh        (DYAD_NO_PG=1 skips it)
set -u
BUILD=${BUILD:-build}
DYAD="$BUILD/dyad"
case $DYAD in /*) ;; *) DYAD="$(pwd)/$DYAD" ;; esac
here=$(cd "$(dirname "$0")" && pwd)
passed=0
failed=0
tmp=$(mktemp -d)
. "$here/pg_cluster.inc"
trap 'pg_stop; rm -rf "$tmp"' EXIT
pg_start pg_parallel.sh || exit 0
if ! command -v parallel >/dev/null 2>&1; then
	echo "FAIL: GNU parallel is not installed (Debian's parallel: tools/install-deps)"
	echo "RESULT passed=0 failed=1"
	exit 1
fi

ok() { passed=$((passed + 1)); }
fail() { failed=$((failed + 1)); echo "FAIL: $*"; }
check() { # description command...
	what=$1; shift
	if "$@"; then ok; else fail "$what"; fi
}
same() { # description file1 file2
	if cmp -s "$2" "$3"; then ok; else fail "$1"; diff "$2" "$3" | head -n 6; fi
}
base=${PG_URL%%\?*}
query=${PG_URL#*\?}
newdb() { # name: a fresh database's URL on the same server
	psql -q "$PG_URL" -c "CREATE DATABASE $1" >/dev/null
	echo "${base%/*}/$1?$query"
}
sql() { psql -At "$1" -c "$2"; }

python3 "$here/pg_docs.py" 2000 11 >"$tmp/docs.jsonl"
one=$(newdb single)
many=$(newdb many)
"$DYAD" ingest --db "$one" -j 2 "$tmp/docs.jsonl" 2>"$tmp/one.err"
check "single ingest ($(cat "$tmp/one.err"))" grep -q "^ingested 2000 documents (2000 new, 0 failed)" "$tmp/one.err"

# 4 workers at a time, one block of about 40 documents each.
parallel --pipe --block 64k -j 4 "$DYAD" ingest --db "'$many'" -j 1 --batch 100 - \
	<"$tmp/docs.jsonl" 2>"$tmp/many.err"
rc=$?
check "parallel -j 4: every worker exits 0 (parallel exit $rc)" [ "$rc" -eq 0 ]
workers=$(grep -c '^ingested' "$tmp/many.err")
check "parallel -j 4: more than 4 workers ran ($workers)" [ "$workers" -gt 4 ]
check "parallel -j 4: no errors" sh -c "! grep -v '^ingested' '$tmp/many.err'"
# Every table's count, in one query per database.
counts() { # url
	sql "$1" "SELECT 'documents ' || (SELECT count(*) FROM documents)
		UNION ALL SELECT 'entities ' || (SELECT count(*) FROM entities)
		UNION ALL SELECT 'mentions ' || (SELECT count(*) FROM mentions)
		UNION ALL SELECT 'events ' || (SELECT count(*) FROM events)
		UNION ALL SELECT 'quotes ' || (SELECT count(*) FROM quotes)
		UNION ALL SELECT 'amounts ' || (SELECT count(*) FROM amounts)
		UNION ALL SELECT 'nodes ' || (SELECT count(*) FROM nodes)
		UNION ALL SELECT 'node_entities ' || (SELECT count(*) FROM node_entities)
		UNION ALL SELECT 'node_variants ' || (SELECT count(*) FROM node_variants)
		UNION ALL SELECT 'edges ' || (SELECT count(*) FROM edges)
		UNION ALL SELECT 'relations ' || (SELECT count(*) FROM relations)"
}
counts "$one" >"$tmp/one.counts"
counts "$many" >"$tmp/many.counts"
same "every table's count as a single ingest's ($(tr '\n' ' ' <"$tmp/many.counts"))" \
	"$tmp/one.counts" "$tmp/many.counts"
check "2000 documents" [ "$(sql "$many" "SELECT count(*) FROM documents")" = 2000 ]
check "no duplicates" [ "$(sql "$many" "SELECT count(*) - count(DISTINCT id) FROM documents")" = 0 ]
for t in "SELECT key, n_docs, n_mentions, n_events, first_day, last_day FROM nodes" \
	"SELECT a.key, b.key, e.root, e.quad, e.n_events FROM edges e JOIN nodes a ON a.id = e.src JOIN nodes b ON b.id = e.tgt"; do
	sql "$one" "$t ORDER BY 1, 2, 3, 4, 5" >"$tmp/a.graph"
	sql "$many" "$t ORDER BY 1, 2, 3, 4, 5" >"$tmp/b.graph"
	same "graph as a single ingest's: ${t%% FROM*}" "$tmp/a.graph" "$tmp/b.graph"
done
# The same listing but for doc_path: the workers read standard input.
"$DYAD" events --db "$one" --format jsonl | sed 's/"doc_path":"[^"]*"//' >"$tmp/one.jsonl"
"$DYAD" events --db "$many" --format jsonl | sed 's/"doc_path":"[^"]*"//' >"$tmp/many.jsonl"
same "events: the same listing" "$tmp/one.jsonl" "$tmp/many.jsonl"
"$DYAD" export --db "$one" --format gdelt >"$tmp/one.gdelt"
"$DYAD" export --db "$many" --format gdelt >"$tmp/many.gdelt"
same "export gdelt: the same file" "$tmp/one.gdelt" "$tmp/many.gdelt"
"$DYAD" check --db "$many" >"$tmp/check.out"
check "check: ok ($(tail -n 1 "$tmp/check.out"))" grep -q ': ok$' "$tmp/check.out"

# Four ingesters of the same 150 documents at once: each stored once.
head -n 150 "$tmp/docs.jsonl" >"$tmp/300.jsonl"
dup=$(newdb dup)
parallel -j 4 -N0 "$DYAD" ingest --db "'$dup'" -j 1 --batch 10 "$tmp/300.jsonl" ::: 1 2 3 4 \
	2>"$tmp/dup.err"
check "same documents x4: all exit 0 ($(grep -v '^ingested' "$tmp/dup.err" | head -n 1))" [ $? -eq 0 ]
new=$(sed -n 's/.*(\([0-9]*\) new.*/\1/p' "$tmp/dup.err" | paste -sd+ | bc)
check "same documents x4: 150 stored" [ "$(sql "$dup" "SELECT count(*) FROM documents")" = 150 ]
check "same documents x4: events of 150 ($(sql "$dup" "SELECT count(*) FROM events"))" \
	[ "$(sql "$dup" "SELECT count(*) FROM events")" = "$(sql "$one" "SELECT count(*) FROM events e JOIN documents d ON d.id = e.doc_id WHERE d.seq <= 150")" ]
echo "same documents x4: workers reported $new new in all"
"$DYAD" check --db "$dup" >"$tmp/check2.out"
check "same documents x4: check ok ($(tail -n 1 "$tmp/check2.out"))" grep -q ': ok$' "$tmp/check2.out"

# Reading streams from PostgreSQL too: the peak memory of exporting 2,000
# documents is that of exporting 150. Not under the sanitizers: their
# quarantine keeps freed blocks (libpq makes one result a row), so the peak
# grows with the number of rows whatever the program holds.
case "$BUILD" in *asan*) streams="" ;; *) streams="gdelt jsonl" ;; esac
for f in $streams; do
	small=$(/usr/bin/time -f %M "$DYAD" export --db "$dup" --format $f 2>&1 >/dev/null | tail -n 1)
	big=$(/usr/bin/time -f %M "$DYAD" export --db "$one" --format $f 2>&1 >/dev/null | tail -n 1)
	check "export $f from PostgreSQL: peak ${small} KB for 150 documents, ${big} KB for 2000" \
		[ "$big" -lt $((small + small / 4 + 4096)) ]
done

# A killed ingester loses at most its document in flight.
kill_db=$(newdb killed)
"$DYAD" ingest --db "$kill_db" -j 1 --batch 1 - <"$tmp/docs.jsonl" 2>/dev/null &
victim=$!
sleep 2
kill -9 $victim
wait $victim 2>/dev/null
stored=$(sql "$kill_db" "SELECT count(*) FROM documents")
check "killed ingester: stopped in the middle ($stored of 2000 stored)" \
	[ "$stored" -gt 0 -a "$stored" -lt 2000 ]
# Stored in input order: the stored documents are exactly the first ones.
sql "$kill_db" "SELECT url FROM documents ORDER BY seq" >"$tmp/stored.urls"
python3 -c 'import json, sys
print("\n".join(json.loads(l)["url"] for l in open(sys.argv[1]).readlines()[:int(sys.argv[2])]))' \
	"$tmp/docs.jsonl" "$stored" >"$tmp/first.urls"
same "killed ingester: what it stored is its first $stored documents" "$tmp/first.urls" "$tmp/stored.urls"
"$DYAD" check --db "$kill_db" >"$tmp/check3.out"
check "killed ingester: check ok ($(tail -n 1 "$tmp/check3.out"))" grep -q ': ok$' "$tmp/check3.out"
"$DYAD" ingest --db "$kill_db" -j 2 "$tmp/docs.jsonl" 2>"$tmp/rerun.err"
check "killed ingester: the re-run stores the rest ($(cat "$tmp/rerun.err"))" \
	grep -q "(1\{0,1\}[0-9]* new, 0 failed)" "$tmp/rerun.err"
check "killed ingester: 2000 documents after the re-run" [ "$(sql "$kill_db" "SELECT count(*) FROM documents")" = 2000 ]
counts "$kill_db" >"$tmp/killed.counts"
same "killed and re-run: every table's count as a single ingest's" "$tmp/one.counts" "$tmp/killed.counts"

echo "RESULT passed=$passed failed=$failed"
[ "$failed" -eq 0 ]
