#!/bin/sh
# `dyad extract --dict` codes events with TABARI/PETRARCH dictionaries: the
# validation dictionaries of ../shared/peer/petrarch2 on sentences written
# for this test, instead of and on top of dyad's own coder.
set -u
BUILD=${BUILD:-build}
dicts=${DYAD_SHARED:-../shared}/peer/petrarch2
passed=0
failed=0
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
check() { # name condition-command...
	name=$1; shift
	if "$@"; then passed=$((passed + 1)); else echo "FAIL $name"; failed=$((failed + 1)); fi
}
if [ ! -d "$dicts" ]; then
	echo "skip dict_extract: $dicts not found"
	echo "RESULT passed=0 failed=0"
	exit 0
fi
printf 'Gondor rebels attacked Arnor on Tuesday.\n' >"$tmp/a.txt"
"$BUILD/dyad" extract --dict "$dicts" "$tmp/a.txt" >"$tmp/instead.jsonl"
check "extract --dict runs" test $? -eq 0
check "dictionary actors code the event" python3 -c '
import json, sys
d = json.loads(open(sys.argv[1]).read())
ev = [(e["source"]["country"], e["target"]["country"]) for e in d["events"]]
sys.exit(0 if ("GON", "ARN") in ev else 1)' "$tmp/instead.jsonl"
printf 'Azerbaijani President Ilham Aliyev met with Russian President Vladimir Putin.\n' >"$tmp/b.txt"
"$BUILD/dyad" extract --dict "$dicts" "$tmp/b.txt" >"$tmp/b_instead.jsonl"
"$BUILD/dyad" extract --dict-on-top "$dicts" "$tmp/b.txt" >"$tmp/b_top.jsonl"
check "instead of dyad's own coder" python3 -c '
import json, sys
d = json.loads(open(sys.argv[1]).read())
sys.exit(0 if not any(e["source"]["country"] == "AZE" for e in d["events"]) else 1)' "$tmp/b_instead.jsonl"
check "on top of dyad's own coder" python3 -c '
import json, sys
d = json.loads(open(sys.argv[1]).read())
sys.exit(0 if any(e["source"]["country"] == "AZE" for e in d["events"]) else 1)' "$tmp/b_top.jsonl"
"$BUILD/dyad" extract --dict "$tmp/missing" "$tmp/a.txt" >/dev/null 2>"$tmp/err"
check "a missing dictionary is an error" test $? -eq 1
echo "RESULT passed=$passed failed=$failed"
[ "$failed" -eq 0 ]
