#!/bin/sh
# Crash test of 'dyad ingest': killed with SIGKILL at 5 random moments while
# it stores, the database passes 'dyad check' after every kill, and an ingest
# run to the end afterwards leaves exactly the rows of an ingest that was
# never interrupted. The moments are drawn from a seed printed first
# (CRASH_SEED=N replays a run).
#   BUILD=build sh tests/golden/crash.sh
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

if ! command -v sqlite3 >/dev/null 2>&1; then
	echo "skip crash: the sqlite3 shell is missing (deps/debian.txt)"
	echo "RESULT passed=0 failed=0"
	exit 0
fi

# Articles of our own, different enough to give entities, events, quotes
# and amounts, each a new document.
mkdir "$tmp/in"
i=1
for who in "Azerbaijani President Ilham Aliyev" "Kazakh President Kassym-Jomart Tokayev" \
	"Russian President Vladimir Putin" "Turkish Foreign Minister Mevlut Cavusoglu"; do
	for whom in "Georgian Prime Minister Irakli Garibashvili" "Uzbek President Shavkat Mirziyoyev" \
		"Iranian Foreign Minister Hossein Amir-Abdollahian"; do
		for town in Baku Astana Ankara Tbilisi Tashkent; do
			for n in 1 2 3 4 5 6 7; do
				printf 'Talks in %s, round %d\n\n%s, May %d\n\n%s met %s in %s on Tuesday. The two sides signed a memorandum on trade, which reached $%d million last year.\n\n"Our partnership is strategic," %s said after round %d.\n' \
					"$town" "$i" "$(echo "$town" | tr a-z A-Z)" "$n" "$who" "$whom" "$town" \
					"$((i * 10))" "$(echo "$who" | sed 's/.* //')" "$i" >"$tmp/in/t$i.txt"
				i=$((i + 1))
			done
		done
	done
done
n_docs=$((i - 1))

dump() { # db -> the rows, in key order, without insertion order or times
	sqlite3 "$1" <<'SQL'
SELECT id, path, lang, title, published, source, author, dateline, url, error, text FROM documents ORDER BY id;
SELECT * FROM entities ORDER BY doc_id, idx;
SELECT * FROM mentions ORDER BY doc_id, entity_idx, idx;
SELECT * FROM events ORDER BY doc_id, idx;
SELECT * FROM quotes ORDER BY doc_id, idx;
SELECT * FROM amounts ORDER BY doc_id, idx;
SELECT count(*) FROM docs_fts;
SELECT count(*) FROM docs_fts WHERE docs_fts MATCH 'memorandum AND strategic';
SQL
}

now_ms() { date +%s%3N; }
start=$(now_ms)
"$DYAD" ingest --batch 20 --db "$tmp/ref.db" "$tmp/in" 2>"$tmp/ref.err"
check "uninterrupted ingest exits 0 ($(cat "$tmp/ref.err"))" [ $? -eq 0 ]
span=$(($(now_ms) - start))
dump "$tmp/ref.db" >"$tmp/ref.rows"
check "the reference holds every document" \
	[ "$(sqlite3 "$tmp/ref.db" "SELECT count(*) FROM documents")" -eq "$n_docs" ]

# How long the start takes (the engine loads before anything is stored).
mkdir "$tmp/none"
start=$(now_ms)
"$DYAD" ingest --db "$tmp/none.db" "$tmp/none" 2>/dev/null
load=$(($(now_ms) - start))
seed=${CRASH_SEED:-$(($(date +%s) % 100000))}
echo "crash: seed $seed, $n_docs documents, an uninterrupted ingest takes $span ms, its start $load ms"
draws=$(awk -v seed="$seed" 'BEGIN { srand(seed); for (k = 0; k < 5; k++) printf "%.4f ", rand() }')
db="$tmp/crash.db"
round=0
stored=0
for r in $draws; do
	round=$((round + 1))
	# A moment while documents are being stored: after the start, within
	# the time the documents not yet stored take.
	ms=$(awk -v r="$r" -v load="$load" -v span="$span" -v left=$((n_docs - stored)) -v n="$n_docs" \
		'BEGIN { s = span - load; if (s < 0) s = 0; printf "%d", load + r * s * left / n }')
	"$DYAD" ingest --batch 20 --db "$db" "$tmp/in" 2>/dev/null &
	pid=$!
	sleep "$(awk -v ms="$ms" 'BEGIN { printf "%.3f", ms / 1000 }')"
	kill -KILL $pid 2>/dev/null
	wait $pid 2>/dev/null
	stored=$(sqlite3 "$db" "SELECT count(*) FROM documents" 2>/dev/null || echo 0)
	echo "crash: round $round killed after $ms ms with $stored documents stored"
	"$DYAD" check --db "$db" >"$tmp/check.out" 2>&1
	check "round $round (killed after $ms ms, $stored documents stored): dyad check passes ($(cat "$tmp/check.out"))" [ $? -eq 0 ]
	# Whole documents only: none without the entities its reference has.
	n=$(sqlite3 "$db" "ATTACH '$tmp/ref.db' AS ref; SELECT count(*) FROM documents d WHERE (SELECT count(*) FROM entities e WHERE e.doc_id = d.id) <> (SELECT count(*) FROM ref.entities r WHERE r.doc_id = d.id)")
	check "round $round: every stored document is whole" [ "$n" -eq 0 ]
done
"$DYAD" ingest --batch 20 --db "$db" "$tmp/in" 2>"$tmp/last.err"
check "the final ingest exits 0 ($(cat "$tmp/last.err"))" [ $? -eq 0 ]
dump "$db" >"$tmp/crash.rows"
check "after the crashes and a re-ingest, the same rows as uninterrupted" cmp -s "$tmp/ref.rows" "$tmp/crash.rows"
"$DYAD" ingest --batch 20 --db "$db" "$tmp/in" 2>"$tmp/again.err"
check "one more ingest adds nothing" grep -q "(0 new, 0 failed)" "$tmp/again.err"
"$DYAD" check --db "$db" >/dev/null 2>&1
check "dyad check passes at the end" [ $? -eq 0 ]

echo "RESULT passed=$passed failed=$failed"
[ "$failed" -eq 0 ]
