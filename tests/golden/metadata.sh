#!/bin/sh
# Document facts (lang, published, source, title) on the shared seeds and
# the dev corpus, scored by ../shared/tools/score.py against the gold files.
# The seeds must reach metadata >= 0.9, the dev corpus >= 0.85 (some outlets
# are named nowhere in their text, which caps what the text can give).
#   BUILD=build sh tests/golden/metadata.sh
set -u
BUILD=${BUILD:-build}
SHARED=${DYAD_SHARED:-../shared}
passed=0
failed=0
tmp=$(mktemp)
trap 'rm -f "$tmp"' EXIT

check() { # label gold_dir min_meta paths...
	label=$1; gold=$2; min=$3; shift 3
	if ! "$BUILD/dyad" extract "$@" >"$tmp" 2>/dev/null && [ ! -s "$tmp" ]; then
		echo "FAIL $label: dyad extract produced nothing"
		failed=$((failed + 1))
		return
	fi
	line=$(python3 "$SHARED/tools/score.py" "$gold" "$tmp" --min-meta "$min")
	rc=$?
	echo "$label: $line"
	if [ "$rc" -eq 0 ]; then
		passed=$((passed + 1))
	else
		echo "FAIL $label: metadata below $min (or documents missing)"
		failed=$((failed + 1))
	fi
}

if [ ! -d "$SHARED/seeds" ]; then
	echo "skip metadata: $SHARED/seeds not found"
	echo "RESULT passed=0 failed=0"
	exit 0
fi
check seeds "$SHARED/seeds/gold" 0.9 "$SHARED"/seeds/*.txt
if [ -d "$SHARED/corpus/dev/texts" ]; then
	check dev "$SHARED/corpus/dev/gold" 0.85 "$SHARED/corpus/dev/texts"
fi
echo "RESULT passed=$passed failed=$failed"
[ "$failed" -eq 0 ]
