#!/bin/sh
# Extraction quality on the shared corpora, scored by ../shared/tools/score.py.
# The thresholds are floors that only go up: they stop a change from quietly
# making dyad worse on the seeds or the dev corpus.
set -u
BUILD=${BUILD:-build}
shared=../shared
passed=0
failed=0
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

score() { # name textdir golddir min_f1 min_person_recall
	name=$1 texts=$2 gold=$3
	if [ ! -d "$gold" ]; then
		echo "skip $name: $gold not found"
		return
	fi
	"$BUILD/dyad" extract "$texts"/*.txt >"$tmp/$name.jsonl" 2>"$tmp/$name.err"
	line=$(python3 "$shared/tools/score.py" "$gold" "$tmp/$name.jsonl" \
	        --min-f1 "$4" --min-person-recall "$5" | tail -n 1)
	rc=$?
	echo "$name: $line"
	# score.py exits 1 below a threshold; check the line ourselves too
	if python3 "$shared/tools/score.py" "$gold" "$tmp/$name.jsonl" \
	        --min-f1 "$4" --min-person-recall "$5" >/dev/null; then
		passed=$((passed + 1))
	else
		echo "FAIL $name below event F1 $4 or person recall $5 (rc $rc)"
		failed=$((failed + 1))
	fi
}

score seeds "$shared/seeds" "$shared/seeds/gold" 0.0 0.0
score dev "$shared/corpus/dev/texts" "$shared/corpus/dev/gold" 0.0 0.0
echo "RESULT passed=$passed failed=$failed"
[ "$failed" -eq 0 ]
