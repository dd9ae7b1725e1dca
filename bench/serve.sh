#!/bin/sh
# Load benchmark of 'dyad serve' (run by `make bench`, never by `make check`):
# a store of 50,000 articles (bench/serve_corpus.py, built once and cached
# in bench/cache/, git-ignored), the server on a free loopback port, and
# wrk with 32 connections for a fixed time per case, reporting requests/s
# and p50/p99 latency. The cases: /api/events with a dyad filter (the 200
# most frequent country pairs in turn) and /api/graph (the page's default
# view, and a month at a time over the three years), each with the
# server's answer cache off (every request is a query) and on (after one
# pass over the requests, so that the answers are kept). Each line also
# says the server's own CPU time per request, which the other jobs on the
# machine do not change the way they change the latencies.
#   sh bench/serve.sh [BUILD]     DYAD_BENCH_SERVE_DOCS, _SECONDS, _CLIENTS
set -eu
BUILD=${1:-build}
cd "$(dirname "$0")/.."
DYAD="$BUILD/dyad"
docs=${DYAD_BENCH_SERVE_DOCS:-50000}
seconds=${DYAD_BENCH_SERVE_SECONDS:-20}
clients=${DYAD_BENCH_SERVE_CLIENTS:-32}
cache=bench/cache
db="$cache/serve-$docs.db"
if ! command -v wrk >/dev/null 2>&1; then
	echo "serve bench: wrk is not installed (tools/install-deps)"
	exit 0
fi
mkdir -p "$cache"
have=$( [ -f "$db" ] && "$DYAD" stats --db "$db" 2>/dev/null | sed -n 's/^documents *\([0-9]*\).*/\1/p' || true)
if [ "${have:-0}" -lt "$docs" ]; then
	echo "serve bench: building a store of $docs articles (once; cached in $db)"
	rm -f "$db" "$db-wal" "$db-shm"
	python3 bench/serve_corpus.py data "$cache/serve-corpus-$docs" "$docs"
	"$DYAD" ingest --db "$db" "$cache/serve-corpus-$docs"
fi
echo "serve bench: $("$DYAD" stats --db "$db" | head -4 | tr -s ' ' | tr '\n' ';')" \
	"$(du -m "$db" | cut -f1) MB"

# The request lists, one Lua table per case.
lua() { # name paths...
	{
		echo "paths = {"
		cat
		echo "}"
		echo 'i = math.random(1, #paths)'
		echo 'request = function() i = i % #paths + 1; return wrk.format("GET", paths[i]) end'
	} >"$cache/$1.lua"
}
sqlite3 "$db" "SELECT '\"/api/events?dyad=' || src_country || ':' || tgt_country || '\",'
	FROM events WHERE src_country IS NOT NULL AND tgt_country IS NOT NULL
	AND src_country <> tgt_country GROUP BY 1 ORDER BY count(*) DESC LIMIT 200" | lua events
sqlite3 "$db" "SELECT DISTINCT '\"/api/graph?since=' || substr(day, 1, 7) || '&until='
	|| substr(day, 1, 7) || '\",' FROM events WHERE day IS NOT NULL" | lua graph-months
echo '"/api/graph",' | lua graph

tmp=$(mktemp -d)
pid=""
stop() {
	[ -n "$pid" ] && kill -TERM "$pid" 2>/dev/null && wait "$pid" 2>/dev/null
	pid=""
}
trap 'stop; rm -rf "$tmp"' EXIT
start() { # cache-MB
	"$DYAD" serve --db "$db" --listen 127.0.0.1:0 --quiet --cache "$1" >"$tmp/out" 2>"$tmp/err" &
	pid=$!
	for _ in $(seq 100); do
		port=$(sed -n 's|.*http://127\.0\.0\.1:\([0-9]*\)/.*|\1|p' "$tmp/out")
		[ -n "$port" ] && return 0
		sleep 0.1
	done
	cat "$tmp/err"
	exit 1
}
ticks=$(getconf CLK_TCK)
cpu() { awk '{print $14 + $15}' "/proc/$pid/stat"; }
run() { # label script [warm]
	# With the cache on, one pass first, so that the figures are those of
	# answers already kept (the first pass is the cache-off figure).
	[ "${3:-}" = warm ] && wrk -t1 -c4 -d3s -s "$cache/$2.lua" "http://127.0.0.1:$port" >/dev/null
	c0=$(cpu)
	wrk -t2 -c"$clients" -d"${seconds}s" --latency -s "$cache/$2.lua" "http://127.0.0.1:$port" >"$tmp/wrk"
	c1=$(cpu)
	rps=$(sed -n 's/^Requests\/sec: *//p' "$tmp/wrk")
	p50=$(awk '$1 == "50%" {print $2}' "$tmp/wrk")
	p99=$(awk '$1 == "99%" {print $2}' "$tmp/wrk")
	n=$(sed -n 's/^ *\([0-9]*\) requests in.*/\1/p' "$tmp/wrk")
	errors=$(grep -E 'Non-2xx|Socket errors' "$tmp/wrk" | tr -s ' ' | tr '\n' ' ')
	# The server's own CPU time per request: what an answer costs, whatever
	# else the machine is running.
	ms=$(awk -v d=$((c1 - c0)) -v t="$ticks" -v n="$n" 'BEGIN { printf "%.2f", n ? 1000 * d / t / n : 0 }')
	printf '  %-46s %8s req/s  p50 %9s  p99 %9s  %s ms CPU/req  (%s requests%s)\n' "$1" "$rps" \
		"$p50" "$p99" "$ms" "$n" "${errors:+; $errors}"
}
echo "serve bench: $clients connections, ${seconds} s per case, load average $(cut -d' ' -f1-3 /proc/loadavg)"
for mb in 0 64; do
	start "$mb"
	label="cache off" warm=""
	[ "$mb" = 0 ] || label="cache on" warm=warm
	run "/api/events?dyad=A:B (200 dyads), $label" events $warm
	run "/api/graph (default view), $label" graph $warm
	run "/api/graph?since=M&until=M (36 months), $label" graph-months $warm
	stop
done
