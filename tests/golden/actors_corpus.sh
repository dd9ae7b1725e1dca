#!/bin/sh
# People's countries and recall on the shared corpora, scored by
# ../shared/tools/score.py: the floors of the actor work (issue "Breadth":
# dev2 person_country >= 0.90), a little under what dyad achieves when they
# were set; raise them as it gets better. The event floors are in
# extraction.sh.
set -u
BUILD=${BUILD:-build}
shared=${DYAD_SHARED:-../shared}
passed=0
failed=0
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

score() {
	name=$1 texts=$2 gold=$3
	shift 3
	if [ ! -d "$gold" ]; then
		echo "skip $name: $gold not found"
		return
	fi
	"$BUILD/dyad" extract "$texts"/*.txt >"$tmp/$name.jsonl" 2>/dev/null
	line=$(python3 "$shared/tools/score.py" "$gold" "$tmp/$name.jsonl" | tail -n 1)
	echo "$name: $line"
	for floor in "$@"; do
		key=${floor%%=*}
		min=${floor#*=}
		got=$(echo "$line" | tr ' ' '\n' | sed -n "s/^$key=//p")
		if python3 -c "import sys; sys.exit(0 if float('$got') >= float('$min') else 1)"; then
			passed=$((passed + 1))
		else
			echo "FAIL $name: $key=$got is under $min"
			failed=$((failed + 1))
		fi
	done
}

score dev2 "$shared/corpus/dev2/texts" "$shared/corpus/dev2/gold" \
	person_recall=0.93 person_country=0.92
score dev "$shared/corpus/dev/texts" "$shared/corpus/dev/gold" \
	person_recall=0.97 person_country=0.95
echo "RESULT passed=$passed failed=$failed"
[ "$failed" -eq 0 ]
