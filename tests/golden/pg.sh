#!/bin/sh
# Golden test of the PostgreSQL store (docs/scale.md): a throwaway cluster
# (pg_cluster.inc) holds the same 50 documents (examples/ and generated
# ones, pg_docs.py) as a SQLite file, and every reading command gives the
# same bytes from both (events in every format, every export but the
# graph's node ids, doc, stats, entity names, searches, filters); ingest is
# idempotent; read-only commands refuse empty and foreign databases; a
# server that is unreachable or stops in the middle of an ingest is the
# database failing (exit 3), and what was committed before stays sound.
#   BUILD=build sh tests/golden/pg.sh        (DYAD_NO_PG=1 skips it)
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
pg_start pg.sh || exit 0

ok() { passed=$((passed + 1)); }
fail() { failed=$((failed + 1)); echo "FAIL: $*"; }
check() { # description command...
	what=$1; shift
	if "$@"; then ok; else fail "$what"; fi
}
same() { # description file1 file2
	if cmp -s "$2" "$3"; then ok; else fail "$1"; diff "$2" "$3" | head -n 6; fi
}

python3 "$here/pg_docs.py" 39 5 >"$tmp/gen.jsonl"
lite="$tmp/lite.db"
"$DYAD" ingest --db "$lite" examples "$tmp/gen.jsonl" 2>"$tmp/lite.err"
check "SQLite ingest ($(cat "$tmp/lite.err"))" grep -q "^ingested 50 documents (50 new, 0 failed)" "$tmp/lite.err"
"$DYAD" ingest --db "$PG_URL" examples "$tmp/gen.jsonl" 2>"$tmp/pg.err"
check "PostgreSQL ingest exits 0 ($(cat "$tmp/pg.err"))" [ $? -eq 0 ]
check "PostgreSQL ingest: 50 new" grep -q "^ingested 50 documents (50 new, 0 failed)" "$tmp/pg.err"

# The same answers from both backends.
run_both() { # name args...: run "dyad args" against both, compare
	name=$1; shift
	DYAD_DB="$lite" "$DYAD" "$@" >"$tmp/l.$name" 2>&1
	rl=$?
	DYAD_DB="$PG_URL" "$DYAD" "$@" >"$tmp/p.$name" 2>&1
	rp=$?
	check "$name: same exit status ($rl, $rp)" [ "$rl" -eq "$rp" ]
	same "$name: same output" "$tmp/l.$name" "$tmp/p.$name"
}
run_both events-jsonl events --format jsonl
check "events: some listed" [ "$(wc -l <"$tmp/p.events-jsonl")" -gt 40 ]
run_both events-csv events --format csv
run_both events-table events --width 200
for f in gdelt gdelt-mentions icews csv jsonl; do
	run_both "export-$f" export --format "$f"
done
run_both stats stats
run_both dyad events --dyad AZE: --format csv
run_both code events --code 04 --since 2024-03 --until 2025-03 --format jsonl
run_both actor events --actor алиев --format csv
run_both lang events --lang EN --country TUR --limit 7 --format csv
run_both source events --source 'GENERATED wire' --limit 5 --format csv
run_both match events --match Tashkent --format csv
run_both match2 events --match 'corridor AND transport' --format csv
run_both badmatch-date events --since 2024-13
id=$(head -n 1 "$tmp/p.events-jsonl" | python3 -c 'import json,sys; print(json.loads(sys.stdin.readline())["doc_id"])')
run_both doc doc "$id" --format json
run_both doc-prefix doc "$(echo "$id" | cut -c1-6)"
# Node ids are the database's own (a sequence in PostgreSQL); names and counts agree.
for f in graphml gexf; do
	DYAD_DB="$lite" "$DYAD" export --format $f | sed 's/"[en]\{0,1\}[0-9][0-9]*"/"#"/g' | sort >"$tmp/l.$f"
	DYAD_DB="$PG_URL" "$DYAD" export --format $f | sed 's/"[en]\{0,1\}[0-9][0-9]*"/"#"/g' | sort >"$tmp/p.$f"
	same "export $f: the same graph but for node ids" "$tmp/l.$f" "$tmp/p.$f"
done
DYAD_DB="$lite" "$DYAD" entities --limit 1000 | awk 'NR > 2 {$1 = ""; print}' | sort >"$tmp/l.ent"
DYAD_DB="$PG_URL" "$DYAD" entities --limit 1000 | awk 'NR > 2 {$1 = ""; print}' | sort >"$tmp/p.ent"
same "entities: the same but for ids" "$tmp/l.ent" "$tmp/p.ent"
"$DYAD" check --db "$PG_URL" >"$tmp/check.out"
check "check: ok ($(tail -n 1 "$tmp/check.out"))" grep -q ': ok$' "$tmp/check.out"

# dyad serve answers the same from both (node ids aside).
serve_on() { # db log: start a server, print its port
	"$DYAD" serve --db "$1" --listen 127.0.0.1:0 >"$2" 2>&1 &
	echo $! >"$2.pid"
	for _ in 1 2 3 4 5 6 7 8 9 10 11 12 13 14 15 16 17 18 19 20; do
		port=$(sed -n 's|.*listening on http://127.0.0.1:\([0-9]*\)/.*|\1|p' "$2")
		[ -n "$port" ] && { echo "$port"; return; }
		sleep 0.25
	done
}
lp=$(serve_on "$lite" "$tmp/serve-lite.log")
pp=$(serve_on "$PG_URL" "$tmp/serve-pg.log")
check "serve on both (ports ${lp:-none}, ${pp:-none})" [ -n "$lp" -a -n "$pp" ]
for q in "api/stats" "api/events?limit=20" "api/events?dyad=AZE:&limit=5" \
	"api/events?q=Tashkent" "api/timeline?unit=week" "api/timeline?unit=month&by=root" \
	"api/entities?kind=person&limit=100" "api/graph?nodes=500" "api/docs/$id"; do
	curl -s "http://127.0.0.1:$lp/$q" >"$tmp/l.api"
	curl -s "http://127.0.0.1:$pp/$q" >"$tmp/p.api"
	check "serve $q: answered" grep -q '^{' "$tmp/p.api"
	# Node ids are each database's own, and nodes of equal weight come in
	# id order: ids are dropped, and the lists of nodes compared as sets.
	case $q in api/entities* | api/graph*) sets=1 ;; *) sets=0 ;; esac
	for f in "$tmp/l.api" "$tmp/p.api"; do
		python3 -c 'import json, sys
def strip(x):
    if isinstance(x, dict):
        return {k: strip(v) for k, v in x.items() if k not in ("id", "src", "tgt")}
    if isinstance(x, list):
        x = [strip(v) for v in x]
        return sorted(x, key=lambda v: json.dumps(v, sort_keys=True)) if sys.argv[2] == "1" else x
    return x
print(json.dumps(strip(json.load(open(sys.argv[1]))), sort_keys=True, ensure_ascii=False))' \
			"$f" "$sets" >"$f.norm" || echo "not JSON: $f" >"$f.norm.bad"
	done
	check "serve $q: JSON" [ ! -e "$tmp/p.api.norm.bad" -a ! -e "$tmp/l.api.norm.bad" ]
	same "serve $q: the same answer" "$tmp/l.api.norm" "$tmp/p.api.norm"
	rm -f "$tmp/l.api.norm.bad" "$tmp/p.api.norm.bad"
done
kill "$(cat "$tmp/serve-lite.log.pid")" "$(cat "$tmp/serve-pg.log.pid")" 2>/dev/null
wait 2>/dev/null

# Idempotent.
"$DYAD" ingest --db "$PG_URL" examples "$tmp/gen.jsonl" 2>"$tmp/pg2.err"
check "second ingest adds nothing ($(cat "$tmp/pg2.err"))" grep -q "(0 new, 0 failed)" "$tmp/pg2.err"
DYAD_DB="$PG_URL" "$DYAD" stats >"$tmp/p.stats2"
same "second ingest: same counts" "$tmp/p.stats" "$tmp/p.stats2"
DYAD_DB="$PG_URL" "$DYAD" export --format gdelt >"$tmp/p.gdelt2"
same "second ingest: same export" "$tmp/p.export-gdelt" "$tmp/p.gdelt2"

# Readers refuse what is not a dyad database, and change nothing.
base=${PG_URL%%\?*}
query=${PG_URL#*\?}
if [ -n "$pg_dir" ]; then
	# dyad check finds damage: a graph link removed behind dyad's back (in a copy).
	psql -q "$PG_URL" -c "CREATE DATABASE damaged TEMPLATE dyad"
	psql -q "${base%/*}/damaged?$query" \
		-c "DELETE FROM node_entities WHERE ctid IN (SELECT ctid FROM node_entities LIMIT 1)"
	"$DYAD" check --db "${base%/*}/damaged?$query" >"$tmp/check-bad.out"
	check "check of a damaged database: exit 3" [ $? -eq 3 ]
	check "  names the rule ($(head -n 1 "$tmp/check-bad.out"))" \
		grep -q "entities that are no node" "$tmp/check-bad.out"
	pg_as "$pg_bin/createdb" -h "$pg_dir" -U dyad empty
	pg_as "$pg_bin/createdb" -h "$pg_dir" -U dyad other
	psql -q "${base%/*}/other?$query" -c "CREATE TABLE documents (x int)" >/dev/null
	"$DYAD" events --db "${base%/*}/empty?$query" >/dev/null 2>"$tmp/empty.err"
	check "events on an empty database: exit 3 ($(cat "$tmp/empty.err"))" [ $? -eq 3 ]
	check "  and says so" grep -q "empty database" "$tmp/empty.err"
	n=$(psql -At "${base%/*}/empty?$query" -c "SELECT count(*) FROM pg_tables WHERE schemaname = 'public'")
	check "  and created nothing ($n tables)" [ "$n" = 0 ]
	"$DYAD" stats --db "${base%/*}/other?$query" >/dev/null 2>"$tmp/other.err"
	check "stats on another program's database: exit 3" [ $? -eq 3 ]
	"$DYAD" ingest --db "${base%/*}/other?$query" examples >/dev/null 2>&1
	check "ingest into another program's database: exit 3" [ $? -eq 3 ]
fi

# The server failing is the database failing: exit 3.
"$DYAD" events --db "postgresql:///dyad?host=$tmp/nowhere" >/dev/null 2>"$tmp/down.err"
check "events, no server: exit 3 ($(cat "$tmp/down.err"))" [ $? -eq 3 ]
"$DYAD" ingest --db "postgresql:///dyad?host=$tmp/nowhere" examples >/dev/null 2>&1
check "ingest, no server: exit 3" [ $? -eq 3 ]
if [ -n "$pg_dir" ]; then
	python3 "$here/pg_docs.py" 800 77 >"$tmp/many.jsonl"
	"$DYAD" ingest --db "$PG_URL" --batch 20 -j 1 "$tmp/many.jsonl" 2>"$tmp/stop.err" &
	ingest=$!
	sleep 1
	pg_as "$pg_bin/pg_ctl" -D "$pg_dir/data" -m immediate stop >/dev/null 2>&1
	wait $ingest
	rc=$?
	check "server stopped mid-ingest: exit 3 (exit $rc: $(tail -n 1 "$tmp/stop.err"))" [ "$rc" -eq 3 ]
	pg_as "$pg_bin/pg_ctl" -D "$pg_dir/data" -l "$pg_dir/server.log" -w \
		-o "-c listen_addresses= -c unix_socket_directories=$pg_dir -c fsync=off" start >/dev/null 2>&1
	"$DYAD" check --db "$PG_URL" >"$tmp/check2.out"
	check "after the stop: check ok ($(tail -n 1 "$tmp/check2.out"))" grep -q ': ok$' "$tmp/check2.out"
	"$DYAD" ingest --db "$PG_URL" --batch 500 "$tmp/many.jsonl" 2>"$tmp/rerun.err"
	check "re-run after the stop exits 0 ($(cat "$tmp/rerun.err"))" [ $? -eq 0 ]
	n=$(psql -At "$PG_URL" -c "SELECT count(*) FROM documents")
	check "every document stored once ($n of 850)" [ "$n" = 850 ]
fi

echo "RESULT passed=$passed failed=$failed"
[ "$failed" -eq 0 ]
