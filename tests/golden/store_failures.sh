#!/bin/sh
# Golden test of the database failing under dyad: a full disk, an I/O error,
# a corrupted file, a read-only file, a lock held past the busy timeout.
# Each stops 'dyad ingest' at once with one message naming the database and
# exit status 3, is never counted as failed documents, and keeps what was
# committed. The commands that read open the database read only: they work
# in a folder nobody may write, never change the file (not even its schema)
# and refuse schemas too old or too new with a message. 'dyad check' finds
# damage that queries do not touch.
#   BUILD=build sh tests/golden/store_failures.sh
set -u
BUILD=${BUILD:-build}
DYAD="$BUILD/dyad"
case $DYAD in /*) ;; *) DYAD="$(pwd)/$DYAD" ;; esac
here=$(cd "$(dirname "$0")" && pwd)
passed=0
failed=0
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
chmod 755 "$tmp"

ok() { passed=$((passed + 1)); }
fail() { failed=$((failed + 1)); echo "FAIL: $*"; }
lacks() { ! grep -q "$@"; }
check() { # description command...
	what=$1; shift
	if "$@"; then ok; else fail "$what"; fi
}

if ! command -v sqlite3 >/dev/null 2>&1; then
	echo "skip store_failures: the sqlite3 shell is missing (deps/debian.txt)"
	echo "RESULT passed=0 failed=0"
	exit 0
fi

# N short articles of our own, each different (so each is a new document).
articles() { # folder first last
	mkdir -p "$1"
	i=$2
	while [ "$i" -le "$3" ]; do
		printf 'Talks in Baku, round %d\n\nBAKU, March 3\n\nAzerbaijani President Ilham Aliyev met Kazakh President Kassym-Jomart Tokayev in Baku for round %d of the talks. The two presidents praised the partnership.\n' \
			"$i" "$i" >"$1/a$i.txt"
		i=$((i + 1))
	done
}
articles "$tmp/first" 1 30
articles "$tmp/more" 31 330
rows() { sqlite3 "$1" "SELECT count(*) FROM documents"; }
# Exactly one line on stderr names the database; no document counted failed.
one_message() { # err-file db
	[ "$(grep -c "^dyad: $2: " "$1")" -eq 1 ] && ! grep -q 'not stored: ' "$1" &&
		grep -q '(.* 0 failed)' "$1"
}

# The shim makes writes to the database's files fail after a byte budget.
shim="$tmp/shim.so"
cc -shared -fPIC -o "$shim" "$here/shim_diskfail.c" -ldl 2>"$tmp/cc.err"
check "the disk-failure shim builds ($(cat "$tmp/cc.err"))" [ -s "$shim" ]
# gcc's AddressSanitizer wants to be first in the preload list; the shim
# only wraps write calls, so the order does not matter here.
export ASAN_OPTIONS="${ASAN_OPTIONS:-}${ASAN_OPTIONS:+:}verify_asan_link_order=0"

for errno in ENOSPC EIO; do
	db="$tmp/full-$errno.db"
	"$DYAD" ingest --db "$db" "$tmp/first" 2>/dev/null
	before=$(rows "$db")
	DYAD_SHIM_PATH="$db" DYAD_SHIM_BYTES=200000 DYAD_SHIM_ERRNO=$errno \
		LD_PRELOAD="$shim" "$DYAD" ingest --batch 10 --db "$db" "$tmp/more" 2>"$tmp/err"
	rc=$?
	check "$errno: ingest exits 3 (exit $rc: $(head -c 300 "$tmp/err"))" [ $rc -eq 3 ]
	check "$errno: one message naming the database" one_message "$tmp/err" "$db"
	case $errno in
	ENOSPC) check "ENOSPC: says the disk is full" grep -q 'database or disk is full' "$tmp/err" ;;
	EIO) check "EIO: says it is an I/O error" grep -q 'disk I/O error' "$tmp/err" ;;
	esac
	check "$errno: stopped at once, not after every document" \
		[ "$(sed -n 's/^ingested \([0-9]*\) documents.*/\1/p' "$tmp/err")" -lt 300 ]
	check "$errno: the summary says the database stopped it" grep -q 'stopped by the database$' "$tmp/err"
	check "$errno: what was committed before stays" [ "$(rows "$db")" -ge "$before" ]
	"$DYAD" check --db "$db" >"$tmp/check.out" 2>&1
	check "$errno: the database is sound afterwards ($(cat "$tmp/check.out"))" [ $? -eq 0 ]
	# The ingest's own batches went in whole: a document's rows are all there.
	n=$(sqlite3 "$db" "SELECT count(*) FROM documents d WHERE NOT EXISTS (SELECT 1 FROM entities e WHERE e.doc_id = d.id)")
	check "$errno: no document stored without its entities" [ "$n" -eq 0 ]
	"$DYAD" ingest --db "$db" "$tmp/more" 2>/dev/null
	check "$errno: with room again a re-run adds the rest" [ "$(rows "$db")" -eq 330 ]
done

# ---- a corrupted file ----
db="$tmp/corrupt.db"
"$DYAD" ingest --db "$db" "$tmp/first" 2>/dev/null
cp "$db" "$tmp/header.db"
printf 'this is no longer a database header' | dd of="$tmp/header.db" conv=notrunc 2>/dev/null
"$DYAD" ingest --db "$tmp/header.db" "$tmp/more" 2>"$tmp/err"
rc=$?
check "bad header: ingest exits 3 (exit $rc)" [ $rc -eq 3 ]
check "bad header: one message naming the database" \
	[ "$(grep -c "^dyad: $tmp/header.db: " "$tmp/err")" -eq 1 -a "$(wc -l <"$tmp/err")" -eq 1 ]
"$DYAD" stats --db "$tmp/header.db" >/dev/null 2>&1
check "bad header: stats exits 3" [ $? -eq 3 ]
"$DYAD" check --db "$tmp/header.db" >/dev/null 2>&1
check "bad header: check exits 3" [ $? -eq 3 ]
# Every page but the first overwritten: the first insert meets it.
cp "$db" "$tmp/pages.db"
size=$(wc -c <"$tmp/pages.db")
head -c $((size - 4096)) /dev/zero | tr '\0' 'U' |
	dd of="$tmp/pages.db" bs=4096 seek=1 conv=notrunc 2>/dev/null
"$DYAD" ingest --db "$tmp/pages.db" "$tmp/more" 2>"$tmp/err"
rc=$?
check "bad pages: ingest exits 3 (exit $rc: $(head -c 300 "$tmp/err"))" [ $rc -eq 3 ]
check "bad pages: at most one message naming the database" \
	[ "$(grep -c "^dyad: $tmp/pages.db: " "$tmp/err")" -eq 1 ]
check "bad pages: says it is malformed" grep -q 'malformed' "$tmp/err"
check "bad pages: no document counted failed" lacks 'not stored: ' "$tmp/err"
# One page in the middle: queries may never read it, check does.
cp "$db" "$tmp/page.db"
pages=$((size / 4096))
head -c 4096 /dev/zero | tr '\0' 'U' |
	dd of="$tmp/page.db" bs=4096 seek=$((pages / 2)) conv=notrunc 2>/dev/null
"$DYAD" check --db "$tmp/page.db" >"$tmp/check.out" 2>&1
rc=$?
check "one bad page: check exits 3 (exit $rc)" [ $rc -eq 3 ]
check "one bad page: check names the problem" grep -q "^$tmp/page.db: " "$tmp/check.out"
"$DYAD" check --db "$db" >"$tmp/check.out" 2>&1
check "intact database: check exits 0" [ $? -eq 0 ]
check "intact database: check says ok" grep -q "^$db: ok$" "$tmp/check.out"

# ---- the schema's own rules ----
cp "$db" "$tmp/rules.db"
sqlite3 "$tmp/rules.db" "DELETE FROM entities WHERE idx = 0; DELETE FROM documents WHERE seq = 1;"
"$DYAD" check --db "$tmp/rules.db" >"$tmp/check.out" 2>&1
check "broken rules: check exits 3" [ $? -eq 3 ]
check "broken rules: mentions of no entity" grep -q 'mentions.entity_idx pointing at no entity' "$tmp/check.out"
check "broken rules: rows of no document" grep -q 'events rows of no stored document' "$tmp/check.out"
check "broken rules: index entries of no document" grep -q 'full-text index entries of no stored document' "$tmp/check.out"
cp "$db" "$tmp/fts.db"
sqlite3 "$tmp/fts.db" "UPDATE documents SET text = 'something else entirely' WHERE seq = 2;"
"$DYAD" check --db "$tmp/fts.db" >"$tmp/check.out" 2>&1
check "changed text: check exits 3" [ $? -eq 3 ]
check "changed text: the index does not match" grep -q 'full-text index: does not match' "$tmp/check.out"

# ---- locked past the busy timeout ----
db="$tmp/locked.db"
"$DYAD" ingest --db "$db" "$tmp/first" 2>/dev/null
mkfifo "$tmp/lock"
sqlite3 "$db" <"$tmp/lock" >/dev/null 2>&1 &
holder=$!
exec 9>"$tmp/lock"
echo "BEGIN IMMEDIATE; INSERT INTO documents (id, ingested_at) VALUES ('held', 'now');" >&9
sleep 1
DYAD_BUSY_TIMEOUT_MS=300 timeout 30 "$DYAD" ingest --db "$db" "$tmp/more" 2>"$tmp/err"
rc=$?
check "locked: ingest exits 3 (exit $rc: $(head -c 300 "$tmp/err"))" [ $rc -eq 3 ]
check "locked: one message naming the database" [ "$(grep -c "^dyad: $db: " "$tmp/err")" -eq 1 ]
check "locked: says it is locked and for how long it waited" grep -q 'locked.*300 ms' "$tmp/err"
"$DYAD" stats --db "$db" >/dev/null 2>&1
check "locked: readers still read" [ $? -eq 0 ]
echo "ROLLBACK;" >&9
exec 9>&-
wait $holder
check "locked: nothing of the stopped run was committed" [ "$(rows "$db")" -eq 30 ]

# ---- read-only: a file nobody may write, a folder nobody may write ----
# As root, permissions do not hold: the commands run as 'nobody'.
as_user() { "$@"; }
can_drop=1
if [ "$(id -u)" -eq 0 ]; then
	if command -v setpriv >/dev/null 2>&1 && id nobody >/dev/null 2>&1; then
		as_user() { setpriv --reuid=nobody --regid=nogroup --clear-groups "$@"; }
	else
		can_drop=0
	fi
fi
if [ $can_drop -eq 1 ] && as_user test -x "$DYAD" && as_user test -r "$db"; then
	ro="$tmp/ro"
	mkdir "$ro"
	"$DYAD" ingest --db "$ro/a.db" "$tmp/first" 2>/dev/null
	id=$(sqlite3 "$ro/a.db" "SELECT id FROM documents LIMIT 1")
	chmod 444 "$ro/a.db"
	as_user "$DYAD" ingest --db "$ro/a.db" "$tmp/more" 2>"$tmp/err"
	rc=$?
	check "read-only file: ingest exits 3 (exit $rc: $(head -c 300 "$tmp/err"))" [ $rc -eq 3 ]
	check "read-only file: one message naming the database" \
		[ "$(grep -c "^dyad: $ro/a.db: " "$tmp/err")" -eq 1 -a "$(wc -l <"$tmp/err")" -eq 1 ]
	check "read-only file: says it is read only" grep -qi 'read-only\|readonly' "$tmp/err"
	chmod 555 "$ro"
	sum=$(cksum <"$ro/a.db")
	for cmd in "stats" "events --format jsonl" "doc $id" "check"; do
		as_user "$DYAD" $cmd --db "$ro/a.db" >"$tmp/out" 2>"$tmp/err"
		rc=$?
		check "read-only folder: '$cmd' exits 0 (exit $rc: $(head -c 300 "$tmp/err"))" [ $rc -eq 0 ]
		check "read-only folder: '$cmd' prints" [ -s "$tmp/out" ]
	done
	check "read-only folder: the file is unchanged" [ "$(cksum <"$ro/a.db")" = "$sum" ]
	check "read-only folder: no journal files appeared" [ "$(ls "$ro")" = a.db ]
	chmod 755 "$ro"
else
	echo "skip read-only: cannot run the commands as a user without write access here"
fi

# ---- read-only commands never change the schema ----
: >"$tmp/empty.db"
"$DYAD" stats --db "$tmp/empty.db" >/dev/null 2>"$tmp/err"
check "empty file: stats exits 3" [ $? -eq 3 ]
check "empty file: says it is empty" grep -q 'empty database' "$tmp/err"
check "empty file: stays empty" [ ! -s "$tmp/empty.db" ]
sqlite3 "$tmp/old.db" "PRAGMA application_id = 1685676388; CREATE TABLE documents (id TEXT);"
for cmd in stats events check; do
	"$DYAD" $cmd --db "$tmp/old.db" >/dev/null 2>"$tmp/err"
	check "older schema: $cmd exits 3" [ $? -eq 3 ]
	check "older schema: $cmd says it is older" grep -q 'schema version 0, older' "$tmp/err"
done
check "older schema: not upgraded by readers" \
	[ "$(sqlite3 "$tmp/old.db" "PRAGMA user_version")" = 0 -a \
	  "$(sqlite3 "$tmp/old.db" "SELECT count(*) FROM sqlite_master")" = 1 ]
cp "$tmp/first/a1.txt" "$tmp/one.txt"
"$DYAD" ingest --db "$tmp/new.db" "$tmp/one.txt" 2>/dev/null
sqlite3 "$tmp/new.db" "PRAGMA user_version = 99"
"$DYAD" events --db "$tmp/new.db" >/dev/null 2>"$tmp/err"
check "newer schema: events exits 3" [ $? -eq 3 ]
check "newer schema: says it is newer" grep -q 'schema version 99, newer' "$tmp/err"
"$DYAD" ingest --db "$tmp/new.db" "$tmp/one.txt" 2>"$tmp/err"
check "newer schema: ingest exits 3" [ $? -eq 3 ]
sqlite3 "$tmp/other.db" "CREATE TABLE notes (x TEXT);"
"$DYAD" ingest --db "$tmp/other.db" "$tmp/one.txt" 2>"$tmp/err"
check "another program's database: ingest exits 3" [ $? -eq 3 ]
check "another program's database: left alone" \
	[ "$(sqlite3 "$tmp/other.db" "SELECT count(*) FROM sqlite_master")" = 1 ]
"$DYAD" ingest --batch 0 --db "$tmp/x.db" "$tmp/one.txt" 2>/dev/null
check "--batch 0 is a usage error" [ $? -eq 2 ]

echo "RESULT passed=$passed failed=$failed"
[ "$failed" -eq 0 ]
