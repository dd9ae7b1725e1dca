#!/bin/sh
# Threads change nothing: `dyad extract -j N` writes the same bytes (and the
# same messages, and exits the same) as `-j 1` on the shared corpora, the
# examples and a generated folder of a few hundred articles; `dyad ingest
# -j 2` stores what `-j 1` stores, in the same order.
set -u
BUILD=${BUILD:-build}
shared=${DYAD_SHARED:-../shared}
passed=0
failed=0
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

check() { # what command...
	what=$1
	shift
	if "$@"; then
		passed=$((passed + 1))
	else
		echo "FAIL $what"
		failed=$((failed + 1))
	fi
}

# name path...: -j 1 against -j 2 and -j 4
same_output() {
	name=$1
	shift
	"$BUILD/dyad" extract -j 1 "$@" >"$tmp/$name.1" 2>"$tmp/$name.1.err"
	rc1=$?
	for j in 2 4; do
		"$BUILD/dyad" extract -j $j "$@" >"$tmp/$name.$j" 2>"$tmp/$name.$j.err"
		rcj=$?
		check "$name: -j $j output differs from -j 1" cmp -s "$tmp/$name.1" "$tmp/$name.$j"
		check "$name: -j $j messages differ from -j 1" cmp -s "$tmp/$name.1.err" "$tmp/$name.$j.err"
		check "$name: -j $j exits $rcj, -j 1 $rc1" [ "$rcj" -eq "$rc1" ]
	done
	echo "$name: $(wc -l <"$tmp/$name.1") documents, the same on 1, 2 and 4 threads"
}

python3 bench/make_corpus.py examples "$tmp/generated" 2 >/dev/null
same_output generated "$tmp/generated"
same_output examples examples
for c in seeds corpus/dev/texts corpus/dev2/texts; do
	if [ -d "$shared/$c" ]; then
		same_output "$(echo "$c" | tr / _)" "$shared/$c"
	else
		echo "skip $c: $shared/$c not found"
	fi
done

# ingest: the same rows in the same order
for j in 1 2; do
	"$BUILD/dyad" ingest -j $j --db "$tmp/j$j.db" "$tmp/generated" examples \
		2>"$tmp/ingest.$j.err" >/dev/null
	"$BUILD/dyad" events --db "$tmp/j$j.db" --format jsonl >"$tmp/events.$j"
	"$BUILD/dyad" stats --db "$tmp/j$j.db" >"$tmp/stats.$j"
done
check "ingest: -j 2 stored other events than -j 1" cmp -s "$tmp/events.1" "$tmp/events.2"
check "ingest: -j 2 stored other documents than -j 1" cmp -s "$tmp/stats.1" "$tmp/stats.2"
check "ingest: no events stored" [ -s "$tmp/events.1" ]
echo "RESULT passed=$passed failed=$failed"
[ "$failed" -eq 0 ]
