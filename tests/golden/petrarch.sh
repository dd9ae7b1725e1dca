#!/bin/sh
# PETRARCH's validation suite (the shared half of its unit-test records) coded
# by `dyad validate` with the dictionaries the records name. Fails below 85%
# of the sentence="true" records coded exactly, or below 95% of DEMO.
set -u
BUILD=${BUILD:-build}
records=${DYAD_SHARED:-../shared}/peer/petrarch2/PETR.UnitTest.records.shared.xml
min_all=85
min_demo=95
if [ ! -f "$records" ]; then
	echo "skip petrarch: $records not found"
	echo "RESULT passed=0 failed=0"
	exit 0
fi
out=$(mktemp)
trap 'rm -f "$out"' EXIT
"$BUILD/dyad" validate "$records" >"$out" 2>&1
rc=$?
grep '^category ' "$out"
grep '^sentence="false"' "$out"
line=$(grep '^passed [0-9]*/[0-9]*$' "$out" | tail -n 1)
echo "${line:-no passed line}"
failed=0
if [ "$rc" -ne 0 ] || [ -z "$line" ]; then
	echo "FAIL dyad validate exited $rc"
	tail -n 20 "$out"
	failed=1
else
	n=$(echo "$line" | sed 's/passed \([0-9]*\)\/.*/\1/')
	m=$(echo "$line" | sed 's/passed [0-9]*\/\([0-9]*\)/\1/')
	demo=$(grep '^category DEMO ' "$out" | sed 's/.* \([0-9]*\)\/\([0-9]*\) .*/\1 \2/')
	dn=${demo% *}
	dm=${demo#* }
	if [ "$m" -eq 0 ] || [ $((n * 100)) -lt $((m * min_all)) ]; then
		echo "FAIL $n/$m records coded exactly, below $min_all%"
		failed=1
	fi
	if [ -z "$demo" ] || [ "$dm" -eq 0 ] || [ $((dn * 100)) -lt $((dm * min_demo)) ]; then
		echo "FAIL DEMO ${demo:-missing}, below $min_demo%"
		failed=1
	fi
fi
echo "RESULT passed=$((1 - failed)) failed=$failed"
[ "$failed" -eq 0 ]
