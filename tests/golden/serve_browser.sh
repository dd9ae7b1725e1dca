#!/bin/sh
# Browser test of the page of 'dyad serve': a database from examples/, the
# server on a free loopback port, and headless Chromium driven through the
# page by tests/browser/page.js (load, filter, open an article, see the
# highlights, a screenshot). Skips with the reason when node, Chromium or
# playwright-core are missing or Chromium cannot start.
#   BUILD=build sh tests/golden/serve_browser.sh
set -u
BUILD=${BUILD:-build}
DYAD="$BUILD/dyad"
case $DYAD in /*) ;; *) DYAD="$(pwd)/$DYAD" ;; esac
tmp=$(mktemp -d)
SERVER_PID=""
. tests/browser/server.sh
trap 'stop_server; rm -rf "$tmp"' EXIT
skip() { echo "skip serve_browser: $*"; echo "RESULT passed=0 failed=0"; exit 0; }
command -v node >/dev/null 2>&1 || skip "node is not installed (tools/install-deps)"
[ -x "${DYAD_CHROMIUM:-/usr/bin/chromium}" ] || skip "chromium is not installed (tools/install-deps)"
[ -d deps/node/playwright-core ] || skip "playwright-core is not unpacked (tools/install-deps)"
[ -f web/vendor/cytoscape/cytoscape.min.js ] || skip "web/vendor is not unpacked (tools/install-deps)"

"$DYAD" ingest --db "$tmp/t.db" examples/ 2>/dev/null
if [ $? -ne 0 ] || ! start_server "$tmp/t.db" "$tmp/access.log" --web web; then
	echo "FAIL: cannot start dyad serve on examples/"
	echo "RESULT passed=0 failed=1"
	exit 1
fi
node tests/browser/page.js "$BASE/" ${DYAD_SCREENSHOT:-}
rc=$?
stop_server
[ "$SERVER_EXIT" = 0 ] || { echo "FAIL: the server did not stop cleanly (exit $SERVER_EXIT)"; echo "RESULT passed=0 failed=1"; }
exit $rc
