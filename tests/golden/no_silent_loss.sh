#!/bin/sh
# Golden test: nothing is dropped without a word. A FIFO or a socket in a
# folder is named on stderr as skipped (and never opened: a FIFO would hang
# the run); a JSON Lines record with a fact of the wrong type is kept, with
# a warning naming the field; numeric ids are ids; a filter day the calendar
# does not have is bad usage (exit 2); code filters take any case.
#   BUILD=build sh tests/golden/no_silent_loss.sh
set -u
BUILD=${BUILD:-build}
DYAD="$BUILD/dyad"
case $DYAD in /*) ;; *) DYAD="$(pwd)/$DYAD" ;; esac
passed=0
failed=0
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

ok() { passed=$((passed + 1)); }
fail() { failed=$((failed + 1)); echo "FAIL: $*"; }
check() { # description command...
	what=$1; shift
	if "$@"; then ok; else fail "$what"; fi
}

mkdir "$tmp/in"
cat >"$tmp/in/baku.txt" <<'TXT'
Aliyev and Tokayev discuss transit routes

BAKU, Azerbaijan, March 3

Azerbaijani President Ilham Aliyev met with Kazakh President Kassym-Jomart Tokayev in Baku on Wednesday.
TXT
mkfifo "$tmp/in/pipe"
cat >"$tmp/in/news.jsonl" <<'JSONL'
{"id": 17, "title": 7, "published": "2021-05-12", "text": "Turkish Foreign Minister Mevlut Cavusoglu hosted Azerbaijani Foreign Minister Jeyhun Bayramov in Ankara."}
{"id": 2.5, "author": ["a", "b"], "text": "Russian President Vladimir Putin met Azerbaijani President Ilham Aliyev in Moscow."}
JSONL

timeout 60 "$DYAD" ingest --db "$tmp/t.db" "$tmp/in" 2>"$tmp/err"
rc=$?
check "ingest does not hang on the FIFO (exit $rc)" [ $rc -ne 124 ]
check "the FIFO is named as skipped" grep -q "^dyad: $tmp/in/pipe: skipped: a FIFO (named pipe), not a regular file$" "$tmp/err"
check "the wrong-typed title is warned about" \
	grep -q "^dyad: $tmp/in/news.jsonl:1: warning: \"title\" is a number, not a string: ignored$" "$tmp/err"
check "the wrong-typed author is warned about" grep -q 'news.jsonl:2: warning: "author" is an array' "$tmp/err"
check "every record with text is stored" grep -q '^ingested 4 documents (3 new, 1 failed)' "$tmp/err"
timeout 60 "$DYAD" extract "$tmp/in" >"$tmp/out.jsonl" 2>"$tmp/err2"
check "extract warns too" grep -q 'news.jsonl:1: warning: "title" is a number' "$tmp/err2"
check "extract keeps both records" [ "$(grep -c '"path":"[^"]*news.jsonl:[12]"' "$tmp/out.jsonl")" -eq 2 ]

for day in 2024-02-30 2023-02-29 2021-04-31 2021-00-10; do
	"$DYAD" events --db "$tmp/t.db" --since "$day" >/dev/null 2>"$tmp/err"
	check "--since $day is bad usage" [ $? -eq 2 ]
	check "--since $day is named" grep -q "$day" "$tmp/err"
done
"$DYAD" events --db "$tmp/t.db" --until 2024-02-29 >/dev/null 2>&1
check "--until 2024-02-29 (a leap day) is fine" [ $? -eq 0 ]
lower=$("$DYAD" events --db "$tmp/t.db" --lang en --format jsonl | wc -l)
upper=$("$DYAD" events --db "$tmp/t.db" --lang EN --format jsonl | wc -l)
check "--lang EN finds what --lang en finds ($upper, $lower)" [ "$upper" -eq "$lower" -a "$lower" -gt 0 ]
a=$("$DYAD" events --db "$tmp/t.db" --dyad aze:kaz --format jsonl | wc -l)
b=$("$DYAD" events --db "$tmp/t.db" --dyad AZE:KAZ --format jsonl | wc -l)
check "--dyad in any case ($a, $b)" [ "$a" -eq "$b" ]

echo "RESULT passed=$passed failed=$failed"
[ "$failed" -eq 0 ]
