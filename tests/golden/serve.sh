#!/bin/sh
# Golden test of the knowledge graph and of 'dyad serve': a database built
# from examples/ gets its graph (idempotent on re-ingest, rebuilt the same
# by the migration of a schema-1 file, consistent for 'dyad check'), then
# the server answers every endpoint with curl: the right JSON, cursor
# paging that loses and repeats nothing, evidence spans that point at the
# event's sentence, 400 with a message for bad parameters, 404 for unknown
# ids and paths, 405, 413 for oversized bodies, 414; an access log line per
# request; the database untouched; a graceful stop on SIGTERM.
#   BUILD=build sh tests/golden/serve.sh
set -u
BUILD=${BUILD:-build}
DYAD="$BUILD/dyad"
case $DYAD in /*) ;; *) DYAD="$(pwd)/$DYAD" ;; esac
passed=0
failed=0
tmp=$(mktemp -d)
SERVER_PID=""
. tests/browser/server.sh
trap 'stop_server; rm -rf "$tmp"' EXIT

ok() { passed=$((passed + 1)); }
fail() { failed=$((failed + 1)); echo "FAIL: $*"; }
check() { # description command...
	what=$1; shift
	if "$@"; then ok; else fail "$what"; fi
}
for tool in curl python3 sqlite3; do
	if ! command -v $tool >/dev/null 2>&1; then
		echo "skip serve: $tool is not installed (tools/install-deps)"
		echo "RESULT passed=0 failed=0"
		exit 0
	fi
done
# JSON checks: python3 -c CODE FILE, with the parsed body as j.
js() { # file code
	python3 -c "import json,sys
j=json.load(open(sys.argv[1]))
sys.exit(0 if ($2) else 1)" "$1"
}

db="$tmp/t.db"
"$DYAD" ingest --db "$db" examples/ 2>"$tmp/ingest.err"
check "ingest of examples/ exits 0" [ $? -eq 0 ]
graph_sums() {
	sqlite3 "$1" "SELECT (SELECT count(*) FROM nodes), (SELECT sum(n_docs) FROM nodes),
	  (SELECT sum(n_mentions) FROM nodes), (SELECT sum(n_events) FROM nodes),
	  (SELECT count(*) || '/' || sum(n_events) FROM edges),
	  (SELECT count(*) || '/' || sum(n) FROM node_variants),
	  (SELECT count(*) || '/' || sum(n_docs) FROM relations)"
}
sums1=$(graph_sums "$db")
check "the graph has nodes ($sums1)" [ "$(sqlite3 "$db" 'SELECT count(*) FROM nodes')" -gt 5 ]
"$DYAD" ingest --db "$db" examples/ 2>/dev/null
check "re-ingest changes no graph count" [ "$(graph_sums "$db")" = "$sums1" ]
check "dyad check passes with the graph" "$DYAD" check --db "$db"
check "the schema is version 3" [ "$(sqlite3 "$db" 'PRAGMA user_version')" = 3 ]
check "one node for Putin in two scripts" \
	[ "$(sqlite3 "$db" "SELECT count(*) FROM nodes WHERE name = 'Vladimir Putin'")" = 1 ]
check "Putin's Cyrillic variant is kept" \
	[ "$(sqlite3 "$db" "SELECT count(*) FROM node_variants v JOIN nodes n ON n.id = v.node_id WHERE n.name = 'Vladimir Putin' AND v.variant = 'Путин'")" = 1 ]
check "a country is one node across documents" \
	[ "$(sqlite3 "$db" "SELECT n_docs FROM nodes WHERE key = 'country:KAZ'")" = \
	  "$(sqlite3 "$db" "SELECT count(DISTINCT doc_id) FROM entities WHERE kind = 'country' AND country = 'KAZ'")" ]
check "a person in an English and a Russian article is one node of two documents" \
	[ "$(sqlite3 "$db" "SELECT n_docs FROM nodes WHERE name = 'Ararat Mirzoyan'")" = 2 ]
check "office held is a relation" \
	[ "$(sqlite3 "$db" "SELECT count(*) FROM relations r JOIN nodes n ON n.id = r.src WHERE n.name = 'Ilham Aliyev' AND r.rel = 'office' AND r.label = 'president'")" = 1 ]

# A schema-1 file: the migration builds the same graph.
cp "$db" "$tmp/v1.db"
sqlite3 "$tmp/v1.db" "DROP TABLE nodes; DROP TABLE node_entities; DROP TABLE node_variants;
  DROP TABLE edges; DROP TABLE relations; DROP INDEX events_day; DROP INDEX events_src_node;
  DROP INDEX events_tgt_node; DROP INDEX events_order; DROP INDEX events_dyad_cc; DROP INDEX events_dyad_ca;
  DROP INDEX events_dyad_ac; DROP INDEX events_dyad_aa;
  ALTER TABLE events DROP COLUMN day; ALTER TABLE events DROP COLUMN src_node;
  ALTER TABLE events DROP COLUMN tgt_node; ALTER TABLE events DROP COLUMN confidence;
  PRAGMA user_version = 1;"
"$DYAD" events --db "$tmp/v1.db" >/dev/null 2>&1
check "a reader refuses the schema-1 file without changing it" \
	[ $? -eq 3 -a "$(sqlite3 "$tmp/v1.db" 'PRAGMA user_version')" = 1 ]
"$DYAD" ingest --db "$tmp/v1.db" examples/ 2>/dev/null
check "the migration gives the same graph" [ "$(graph_sums "$tmp/v1.db")" = "$sums1" ]
check "dyad check passes after the migration" "$DYAD" check --db "$tmp/v1.db"

# ---- dyad entities / dyad entity ----
"$DYAD" entities --db "$db" --kind person >"$tmp/ent.txt" 2>/dev/null
check "dyad entities lists people" grep -q ' person .* Ilham Aliyev$' "$tmp/ent.txt"
check "dyad entities --kind filters" [ "$(grep -c '^ *[0-9][0-9]* country ' "$tmp/ent.txt")" -eq 0 ]
"$DYAD" entity --db "$db" 'путин' >"$tmp/putin.txt"
check "dyad entity finds a node by a Cyrillic variant" grep -q '^name      Vladimir Putin$' "$tmp/putin.txt"
check "dyad entity shows the event edges" grep -q '^events (' "$tmp/putin.txt"
"$DYAD" entity --db "$db" 'a' >/dev/null 2>&1
check "an ambiguous name is a usage error" [ $? -eq 2 ]
"$DYAD" entity --db "$db" 'Nobody Atall' >/dev/null 2>&1
check "an unknown entity exits 1" [ $? -eq 1 ]
"$DYAD" entities --db "$db" --kind alien >/dev/null 2>&1
check "an unknown kind is a usage error" [ $? -eq 2 ]

# ---- the server ----
"$DYAD" serve --db "$tmp/none.db" --listen 127.0.0.1:0 >/dev/null 2>&1
check "serve without a database exits 1" [ $? -eq 1 ]
"$DYAD" serve --db "$db" --listen localhost >/dev/null 2>&1
check "a listen address without a port is a usage error" [ $? -eq 2 ]
"$DYAD" serve --db "$db" --listen 127.0.0.1:70000 >/dev/null 2>&1
check "a port out of range is a usage error" [ $? -eq 2 ]
sum_before=$(cat "$db" | cksum)
if ! start_server "$db" "$tmp/access.log"; then
	fail "dyad serve starts"
	echo "RESULT passed=$passed failed=$failed"
	exit 1
fi
n_requests=0
get() { # path out -> HTTP status
	n_requests=$((n_requests + 1))
	curl -s -o "$2" -w '%{http_code}' "$BASE$1"
}
post() { # path out curl-options...
	p=$1; o=$2; shift 2
	n_requests=$((n_requests + 1))
	curl -s -o "$o" -w '%{http_code}' -X POST "$@" "$BASE$p"
}
check "healthz" [ "$(get /healthz "$tmp/h.json")" = 200 ]
check "healthz says ok" js "$tmp/h.json" 'j["status"] == "ok"'
check "GET /api/events" [ "$(get /api/events "$tmp/ev.json")" = 200 ]
check "events are the jsonl objects" js "$tmp/ev.json" \
	'j["count"] == len(j["events"]) > 5 and j["next"] is None and all("doc_id" in e and "code" in e for e in j["events"])'
n_all=$(python3 -c 'import json,sys; print(len(json.load(open(sys.argv[1]))["events"]))' "$tmp/ev.json")
"$DYAD" events --db "$db" --format jsonl >"$tmp/cli.jsonl"
check "the API lists what dyad events lists" [ "$n_all" -eq "$(wc -l <"$tmp/cli.jsonl")" ]

# Cursor paging: pages of 2 give every event once, in order.
cursor=""
: >"$tmp/paged"
pages=0
while :; do
	q="/api/events?limit=2"
	[ -n "$cursor" ] && q="$q&cursor=$cursor"
	[ "$(get "$q" "$tmp/page.json")" = 200 ] || { fail "a page of events"; break; }
	python3 -c 'import json,sys
j=json.load(open(sys.argv[1]))
for e in j["events"]: print(e["doc_id"], e["idx"])' "$tmp/page.json" >>"$tmp/paged"
	cursor=$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["next"] or "")' "$tmp/page.json")
	pages=$((pages + 1))
	[ -n "$cursor" ] && [ $pages -lt 100 ] || break
done
python3 -c 'import json,sys
j=json.load(open(sys.argv[1]))
for e in j["events"]: print(e["doc_id"], e["idx"])' "$tmp/ev.json" >"$tmp/unpaged"
check "paging with the cursor gives every event once, in order" cmp -s "$tmp/paged" "$tmp/unpaged"
check "paging took several pages ($pages)" [ "$pages" -gt 2 ]

check "a dyad filter" [ "$(get '/api/events?dyad=AZE:UZB&lang=en&since=2025&until=2025-12' "$tmp/d.json")" = 200 ]
check "the dyad filter keeps AZE-UZB events only" js "$tmp/d.json" \
	'j["events"] and all({e["source"]["country"], e["target"]["country"]} == {"AZE", "UZB"} for e in j["events"])'
check "a dyad with the source only" [ "$(get '/api/events?dyad=AZE:' "$tmp/d1.json")" = 200 ]
check "the source-only dyad keeps AZE sources (and 04 targets)" js "$tmp/d1.json" \
	'j["events"] and all(e["source"]["country"] == "AZE" or (e["root"] == "04" and e["target"]["country"] == "AZE") for e in j["events"])'
check "a dyad with the target only" [ "$(get '/api/events?dyad=:KAZ' "$tmp/d2.json")" = 200 ]
check "a dyad of actor codes" [ "$(get '/api/events?dyad=AZEGOV:UZBGOV' "$tmp/d3.json")" = 200 ]
check "the actor dyad keeps those actors" js "$tmp/d3.json" \
	'j["events"] and all({e["source"]["actor"], e["target"]["actor"]} == {"AZEGOV", "UZBGOV"} for e in j["events"])'
check "a full-text query" [ "$(get '/api/events?q=%D0%9F%D1%83%D1%82%D0%B8%D0%BD' "$tmp/q.json")" = 200 ]
check "the full-text query finds the Russian article" js "$tmp/q.json" \
	'j["events"] and all(e["lang"] == "ru" for e in j["events"])'

id=$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["events"][0]["doc_id"])' "$tmp/q.json")
check "GET /api/docs/ID" [ "$(get "/api/docs/$id" "$tmp/doc.json")" = 200 ]
check "the document has its text, entities and events" js "$tmp/doc.json" \
	'j["doc"]["id"] == "'"$id"'" and j["text"] and j["doc"]["entities"] and j["doc"]["events"]'
check "evidence spans are UTF-8 byte offsets of the event sentence" js "$tmp/doc.json" \
	'all(j["text"].encode()[e["span"][0]:e["span"][1]].decode() == e["text"] for e in j["doc"]["events"])'
check "a document by an id prefix" [ "$(get "/api/docs/$(echo "$id" | cut -c1-8)" "$tmp/doc2.json")" = 200 ]

check "GET /api/entities" [ "$(get '/api/entities?kind=person&limit=3' "$tmp/ents.json")" = 200 ]
check "entities are people, most mentioned first" js "$tmp/ents.json" \
	'len(j["entities"]) == 3 and j["total"] >= 3 and all(e["kind"] == "person" for e in j["entities"]) and [e["mentions"] for e in j["entities"]] == sorted([e["mentions"] for e in j["entities"]], reverse=True)'
nid=$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["entities"][0]["id"])' "$tmp/ents.json")
check "GET /api/entities/ID" [ "$(get "/api/entities/$nid" "$tmp/ent.json")" = 200 ]
check "an entity has variants, edges and relations" js "$tmp/ent.json" \
	'j["entity"]["id"] == '"$nid"' and j["variants"] and j["edges"] and j["relations"]'
check "an entity by name" [ "$(get "/api/entities/Ilham%20Aliyev" "$tmp/ent2.json")" = 200 ]
check "GET /api/graph" [ "$(get '/api/graph?nodes=10' "$tmp/g.json")" = 200 ]
check "graph edges join listed nodes" js "$tmp/g.json" \
	'0 < len(j["nodes"]) <= 10 and j["edges"] and all(e["source"] in {n["id"] for n in j["nodes"]} and e["target"] in {n["id"] for n in j["nodes"]} and e["quad"] in (1, 2, 3, 4) for e in j["edges"])'
check "a filtered graph" [ "$(get '/api/graph?country=RUS' "$tmp/g2.json")" = 200 ]
check "the filtered graph has Russia" js "$tmp/g2.json" 'any(n["name"] == "Russia" for n in j["nodes"])'
check "GET /api/timeline" [ "$(get '/api/timeline?unit=day&by=root' "$tmp/t.json")" = 200 ]
check "timeline bins count the events with a day" js "$tmp/t.json" \
	'j["unit"] == "day" and j["by"] == "root" and sum(b["n"] for b in j["bins"]) == '"$n_all"
check "a weekly timeline starts its bins on Mondays" \
	[ "$(get '/api/timeline?unit=week' "$tmp/tw.json")" = 200 ]
check "weeks start on Monday" js "$tmp/tw.json" \
	'__import__("datetime").date.fromisoformat(j["bins"][0]["period"]).weekday() == 0'
check "GET /api/stats" [ "$(get /api/stats "$tmp/s.json")" = 200 ]
n_docs=$(sqlite3 "$db" 'SELECT count(*) FROM documents')
check "stats count the documents" js "$tmp/s.json" 'j["documents"] == '"$n_docs"' and j["nodes"] > 5'
check "GET /api/codes" [ "$(get '/api/codes?prefix=05' "$tmp/c.json")" = 200 ]
check "codes of a prefix" js "$tmp/c.json" 'j["codes"] and all(c["code"].startswith("05") for c in j["codes"])'
check "POST /api/extract (text)" \
	[ "$(post /api/extract "$tmp/x.json" --data-binary @examples/tashkent-visit.txt)" = 200 ]
check "extract gives the output contract" js "$tmp/x.json" 'j["id"] and j["events"] and j["path"] is None'
check "POST /api/extract (HTML)" [ "$(post /api/extract "$tmp/x2.json" \
	-H 'Content-Type: text/html' --data-binary @examples/ankara-talks.html)" = 200 ]
check "the HTML is reduced to its article" js "$tmp/x2.json" 'j["title"] and j["events"]'
check "the page" [ "$(get / "$tmp/index.html")" = 200 ]
check "the page is the web page" grep -q '<title>dyad</title>' "$tmp/index.html"
check "the page's script" [ "$(get /app.js "$tmp/app.js")" = 200 ]

# ---- errors: JSON with the status and a message ----
err() { # expected-status description path-or-curl...
	want=$1; what=$2; shift 2
	if [ "$1" = POST ]; then
		shift
		got=$(post "$@")
	else
		got=$(get "$1" "$tmp/err.json")
	fi
	if [ "$got" = "$want" ] && js "$tmp/err.json" 'j["status"] == '"$want"' and len(j["error"]) > 10'; then
		ok
	else
		fail "$what: HTTP $got ($(head -c 200 "$tmp/err.json"))"
	fi
}
err 400 "a date that is not a date" '/api/events?since=yesterday'
err 400 "a limit of 0" '/api/events?limit=0'
err 400 "a limit that is not a number" '/api/events?limit=ten'
err 400 "a limit too large" '/api/events?limit=100000'
err 400 "an unknown parameter" '/api/events?contry=AZE'
err 400 "a parameter given twice" '/api/events?code=04&code=05'
err 400 "a dyad without a colon" '/api/events?dyad=AZERUS'
err 400 "a code that is not digits" '/api/events?code=abc'
err 400 "a cursor that is not one" '/api/events?cursor=zzz'
err 400 "a full-text query that does not parse" '/api/events?q=%22open'
err 400 "a bad percent escape" '/api/events?dyad=%zz'
err 400 "bytes that are not UTF-8" '/api/events?actor=%ff%fe'
err 400 "a timeline unit that is not one" '/api/timeline?unit=year'
err 400 "a timeline grouping that is not one" '/api/timeline?by=colour'
err 400 "an entity kind that is not one" '/api/entities?kind=alien'
err 400 "a graph of 0 nodes" '/api/graph?nodes=0'
err 400 "a parameter where none is taken" "/api/docs/$id?x=1"
err 400 "an empty body to extract" POST /api/extract "$tmp/err.json" --data-binary ''
err 404 "an unknown entity" '/api/entities/999999'
err 404 "an unknown document" '/api/docs/ffffffffffff'
err 404 "an unknown endpoint" '/api/nothing'
err 404 "an unknown file" '/nothing.html'
err 404 "a path out of the web folder" '/../README.md'
err 404 "a hidden file" '/.git/config'
err 405 "POST to a GET endpoint" POST /api/events "$tmp/err.json" --data-binary 'x'
err 405 "GET of POST /api/extract" '/api/extract'
head -c 1100000 /dev/zero | tr '\0' 'a' >"$tmp/big.txt"
err 413 "a body over the limit (announced)" POST /api/extract "$tmp/err.json" --data-binary @"$tmp/big.txt"
err 413 "a body over the limit (chunked)" POST /api/extract "$tmp/err.json" \
	-H 'Transfer-Encoding: chunked' --data-binary @"$tmp/big.txt"
long=$(python3 -c 'print("a" * 9000)')
err 414 "a request target over the limit" "/api/events?actor=$long"
curl -s -D "$tmp/headers" -o /dev/null "$BASE/api/events?bogus=1"
check "errors are JSON" grep -qi '^content-type: application/json' "$tmp/headers"

stop_server
check "SIGTERM stops the server cleanly (exit $SERVER_EXIT)" [ "$SERVER_EXIT" = 0 ]
check "the server says it stops" grep -q 'stopping' "$tmp/access.log.out"
n_log=$(grep -c ' [0-9][0-9][0-9] [0-9]* [0-9.]*ms' "$tmp/access.log")
check "an access log line per request ($n_log for $n_requests)" [ "$n_log" -ge "$n_requests" ]
check "the access log names method, target and status" \
	grep -q ' 127\.0\.0\.1 GET /api/events?since=yesterday 400 ' "$tmp/access.log"
check "the database is unchanged by the server" [ "$(cat "$db" | cksum)" = "$sum_before" ]

# ---- kept answers follow the database: an ingest while it serves ----
cp "$db" "$tmp/live.db"
if start_server "$tmp/live.db" "$tmp/live.log"; then
	get /api/stats "$tmp/l1.json" >/dev/null
	get /api/stats "$tmp/l2.json" >/dev/null
	printf 'Turkish President Recep Tayyip Erdogan met Azerbaijani President Ilham Aliyev in Ankara on Friday.\n' >"$tmp/more.txt"
	"$DYAD" ingest --db "$tmp/live.db" "$tmp/more.txt" 2>/dev/null
	get /api/stats "$tmp/l3.json" >/dev/null
	stop_server
	check "a repeated answer is kept" grep -q ' GET /api/stats 200 .* cached$' "$tmp/live.log"
	check "the same answer either way" cmp -s "$tmp/l1.json" "$tmp/l2.json"
	check "a commit by an ingest is seen by the next request" \
		js "$tmp/l3.json" 'j["documents"] == '"$((n_docs + 1))"
else
	fail "dyad serve starts on a second database"
fi

echo "RESULT passed=$passed failed=$failed"
[ "$failed" -eq 0 ]
