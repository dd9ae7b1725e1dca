#!/bin/sh
# Ingest throughput (documents/s, wall clock) into SQLite and PostgreSQL,
# and GNU parallel running 1 and 2 'dyad ingest -' workers into one
# PostgreSQL database (docs/scale.md). The documents are generated
# (tests/golden/pg_docs.py, DYAD_BENCH_INGEST_DOCS of them, default 4000);
# PostgreSQL is a throwaway cluster on a Unix socket (pg_cluster.inc) with
# fsync on, as a real server has it. Run by `make bench`, or alone:
#   sh bench/ingest.sh [BUILD]
set -u
BUILD=${1:-build}
cd "$(dirname "$0")/.."
DYAD="$(pwd)/$BUILD/dyad"
n=${DYAD_BENCH_INGEST_DOCS:-4000}
tmp=$(mktemp -d)
PG_FSYNC=on
. tests/golden/pg_cluster.inc
trap 'pg_stop; rm -rf "$tmp"' EXIT
python3 tests/golden/pg_docs.py "$n" 2026 >"$tmp/docs.jsonl"
bytes=$(wc -c <"$tmp/docs.jsonl")

# seconds of wall clock of a command, to the millisecond
timed() { # label command...
	label=$1; shift
	start=$(date +%s.%N)
	"$@" 2>>"$tmp/log" || echo "ingest bench: $label failed (see below)" >&2
	end=$(date +%s.%N)
	python3 -c 'import sys; s = float(sys.argv[2]) - float(sys.argv[1])
print("%-44s %7.2f s %8.0f documents/s" % (sys.argv[3], s, int(sys.argv[4]) / s))' \
		"$start" "$end" "$label" "$n"
}

echo "ingest: $n generated documents, $((bytes / 1024)) KB of JSON Lines; $(nproc) cores"
"$DYAD" extract -j 2 "$tmp/docs.jsonl" >/dev/null 2>&1
timed "extract -j 2 (no store)" sh -c "'$DYAD' extract -j 2 '$tmp/docs.jsonl' >/dev/null"
timed "ingest -j 2 into SQLite" "$DYAD" ingest --db "$tmp/b.db" -j 2 "$tmp/docs.jsonl"
if pg_start ingest-bench >/dev/null; then
	base=${PG_URL%%\?*}
	query=${PG_URL#*\?}
	for db in single par1 par2; do psql -q "$PG_URL" -c "CREATE DATABASE $db"; done
	timed "ingest -j 2 into PostgreSQL" "$DYAD" ingest --db "${base%/*}/single?$query" -j 2 \
		"$tmp/docs.jsonl"
	for j in 1 2; do
		timed "parallel --pipe -j $j 'ingest -j 1 -' into PostgreSQL" \
			parallel --pipe --block 256k -j "$j" "$DYAD" ingest \
			--db "'${base%/*}/par$j?$query'" -j 1 - <"$tmp/docs.jsonl"
	done
	for db in single par1 par2; do
		c=$(psql -At "${base%/*}/$db?$query" -c "SELECT count(*) FROM documents")
		[ "$c" = "$n" ] || echo "ingest bench: $db holds $c documents, not $n" >&2
	done
else
	echo "ingest bench: no PostgreSQL server; only SQLite measured"
fi
grep -v '^ingested' "$tmp/log" >&2 || true
