#!/bin/sh
# tools/check-data.py on the actor data: countries, places, people and name
# shapes, roles and agents, organisations and state-body heads. Every file
# must load without an error (warnings, such as a variant shared by two
# rows, are printed but do not fail).
set -u
passed=0
failed=0
for f in data/countries/*.tsv data/places/*.tsv data/people/*.tsv data/roles/*.tsv \
	data/orgs/*.tsv; do
	if out=$(python3 tools/check-data.py -q "$f" 2>&1); then
		passed=$((passed + 1))
	else
		echo "FAIL $f"
		echo "$out" | grep -v "warning" | head -n 10
		failed=$((failed + 1))
	fi
done
echo "RESULT passed=$passed failed=$failed"
[ "$failed" -eq 0 ]
