#!/bin/sh
# Issue 14's figures (not part of check): instructions per input byte by
# stage under callgrind on a 4 MB slice of the benchmark corpus (the first
# documents make_corpus.py writes), then MB/s on 10 KB against 5 MB
# documents, -j 1 / 2 / all cores on the benchmark corpus (same output) and
# ingest against extract (bench/speed.py).
#   sh bench/speed.sh [BUILD]
set -eu
BUILD=${1:-build}
cd "$(dirname "$0")/.."
slice=$(mktemp -d)
out=$(mktemp)
trap 'rm -rf "$slice" "$out"' EXIT
python3 bench/make_corpus.py examples "$slice" 4
if command -v valgrind >/dev/null 2>&1; then
	python3 bench/callgrind.py "$BUILD/dyad" "$slice" "$out"
else
	echo "callgrind: skipped, valgrind is not installed"
fi
python3 bench/make_corpus.py examples bench/corpus "${DYAD_BENCH_MB:-200}"
python3 bench/speed.py "$BUILD/dyad" bench/corpus --repeat "${DYAD_BENCH_REPEAT:-3}"
