# server.sh - start and stop 'dyad serve' for the tests (sourced by
# tests/golden/serve*.sh, not a test itself): a free loopback port picked
# by the server (--listen 127.0.0.1:0), read back from its first line.
#   start_server DB LOG   sets SERVER_PID and BASE (http://127.0.0.1:PORT)
#   stop_server           SIGTERM, wait; SERVER_EXIT is its exit status

# Seconds to wait for the server to listen (the sanitizer build loads the
# knowledge slowly).
SERVER_WAIT=${SERVER_WAIT:-60}

start_server() { # db log [extra options...]
	db=$1; log=$2; shift 2
	out="$log.out"
	"$DYAD" serve --db "$db" --listen 127.0.0.1:0 --log "$log" "$@" >"$out" 2>"$log.err" &
	SERVER_PID=$!
	BASE=""
	i=0
	while [ $i -lt $((SERVER_WAIT * 10)) ]; do
		port=$(sed -n 's|^dyad serve: listening on http://127\.0\.0\.1:\([0-9]*\)/.*|\1|p' "$out")
		if [ -n "$port" ]; then
			BASE="http://127.0.0.1:$port"
			return 0
		fi
		kill -0 "$SERVER_PID" 2>/dev/null || break
		sleep 0.1
		i=$((i + 1))
	done
	echo "dyad serve did not start:"; cat "$out" "$log.err"
	kill "$SERVER_PID" 2>/dev/null
	wait "$SERVER_PID" 2>/dev/null
	SERVER_PID=""
	return 1
}

stop_server() {
	[ -n "$SERVER_PID" ] || return 0
	kill -TERM "$SERVER_PID" 2>/dev/null
	wait "$SERVER_PID"
	SERVER_EXIT=$?
	SERVER_PID=""
}
