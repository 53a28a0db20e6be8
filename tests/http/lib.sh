# lib.sh — shared helpers for the HTTP tests: scratch workspace, `tandem http` requests, a live server, JSON, counting.
# Sourced by tests/http/test_*.sh (POSIX sh). Each script ends with `finish`, which prints "N passed, N failed".
set -u
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
TANDEM="${TANDEM_BIN:-$ROOT/build/san/tandem}"
TMP=$(mktemp -d /tmp/tandem-tests-XXXXXX)
PASS=0
FAIL=0
SERVER_PID=""
PORT=""
: "${ASAN_OPTIONS:=detect_leaks=1:abort_on_error=1}"
: "${UBSAN_OPTIONS:=print_stacktrace=1:halt_on_error=1}"
export ASAN_OPTIONS UBSAN_OPTIONS
unset TANDEM_DB TANDEM_TODAY

cleanup() {
	if [ -n "$SERVER_PID" ]; then
		kill "$SERVER_PID" 2>/dev/null
		wait "$SERVER_PID" 2>/dev/null
	fi
	rm -rf "$TMP"
}
trap cleanup EXIT
trap 'exit 1' INT TERM

ok() { PASS=$((PASS + 1)); echo "ok   $1"; }
not_ok() { FAIL=$((FAIL + 1)); echo "FAIL $1${2:+ — $2}"; }
# check NAME COMMAND...: passes when the command succeeds.
check() { _n=$1; shift; if "$@"; then ok "$_n"; else not_ok "$_n"; fi; }
# expect NAME WANT GOT: passes when the two strings are equal.
expect() { if [ "$2" = "$3" ]; then ok "$1"; else not_ok "$1" "want '$2', got '$3'"; fi; }
finish() {
	check_answers
	echo "$PASS passed, $FAIL failed"
	[ "$FAIL" -eq 0 ]
}

# record_answer METHOD TARGET: keep the last answer ($STATUS, $TMP/h, $TMP/b) of an /api/ request for check_answers.
record_answer() {
	case $2 in /api/*) ;; *) return 0 ;; esac
	[ -f "$TMP/b" ] && [ "$STATUS" != "000" ] || return 0
	mkdir -p "$TMP/answers"
	_f=$(mktemp "$TMP/answers/XXXXXX")
	cp "$TMP/b" "$_f"
	printf '%s\t%s\t%s\t%s\t%s\n' "$1" "$2" "$STATUS" "$(header Content-Type)" "$_f" >> "$TMP/answers.tsv"
}
# check_answers: every API answer this script received matches the OpenAPI document's answer for its route and status
# (tests/openapi/validate.mjs: the document itself valid OpenAPI 3.1, each JSON body valid against its schema).
check_answers() {
	[ -s "$TMP/answers.tsv" ] || return 0
	_oa=$ROOT/tests/openapi
	if [ ! -d "$_oa/node_modules/ajv" ] && ! (cd "$_oa" && npm ci --no-audit --no-fund --loglevel=error > "$TMP/npm.err" 2>&1); then
		not_ok "the OpenAPI checker installs (npm ci in tests/openapi)" "$(cat "$TMP/npm.err")"
		return
	fi
	"$TANDEM" init --admin openapi@example.com --db "$TMP/openapi.db" > /dev/null 2>&1
	printf 'GET /api/v1/openapi.json HTTP/1.1\r\nHost: test\r\n\r\n' | "$TANDEM" http --db "$TMP/openapi.db" |
		sed '1,/^\r$/d' > "$TMP/openapi.json"
	if node "$_oa/validate.mjs" "$TMP/openapi.json" "$TMP/answers.tsv" > "$TMP/answers.out" 2>&1; then
		ok "every API answer of this script matches the OpenAPI document ($(tail -1 "$TMP/answers.out"))"
	else
		not_ok "every API answer of this script matches the OpenAPI document" "$(tail -1 "$TMP/answers.out")"
		sed '$d' "$TMP/answers.out" | head -40
	fi
}

# contains FILE TEXT / lacks FILE TEXT (fixed strings)
contains() { grep -qF -- "$2" "$1"; }
lacks() { ! grep -qF -- "$2" "$1"; }
# no sanitizer report in a file
clean_log() { ! grep -qE 'Sanitizer|runtime error:' "$1"; }

# A demo workspace at $DB (users admin, leader, pm, pmm, contributor, viewer @demo.tandem).
make_demo() {
	DB=$TMP/${1:-demo}.db
	"$TANDEM" demo --db "$DB" --no-serve --quiet > "$TMP/demo.out" 2>&1 || { cat "$TMP/demo.out"; exit 1; }
}
# A bearer token for a demo role, printed.
token() { "$TANDEM" token create "$1@demo.tandem" --db "$DB"; }
sql() { sqlite3 "$DB" "$1"; }

# jget FILE EXPR: evaluate EXPR with j = the parsed JSON file; prints the value ("undefined" when absent).
jget() {
	node -e 'const j = JSON.parse(require("fs").readFileSync(process.argv[1], "utf8"));
const v = eval(process.argv[2]); console.log(typeof v === "object" && v !== null ? JSON.stringify(v) : String(v));' "$1" "$2" 2>/dev/null ||
		echo "(not JSON)"
}

# oneshot METHOD PATH [HEADER...]: one request through `tandem http`; body from $BODY (unset: none).
# Sets STATUS and RC; the response is split into $TMP/h (headers) and $TMP/b (body).
oneshot() {
	_m=$1 _p=$2
	shift 2
	{
		printf '%s %s HTTP/1.1\r\nHost: test\r\n' "$_m" "$_p"
		for _h in "$@"; do printf '%s\r\n' "$_h"; done
		if [ -n "${BODY+x}" ]; then printf 'Content-Length: %s\r\n' "$(printf %s "$BODY" | wc -c)"; fi
		printf '\r\n'
		if [ -n "${BODY+x}" ]; then printf %s "$BODY"; fi
	} | "$TANDEM" http --db "$DB" > "$TMP/raw" 2> "$TMP/oneshot.err"
	RC=$?
	sed -n '1,/^\r$/p' "$TMP/raw" > "$TMP/h"
	sed '1,/^\r$/d' "$TMP/raw" > "$TMP/b"
	STATUS=$(head -1 "$TMP/raw" | cut -d' ' -f2)
	record_answer "$_m" "$_p"
	if ! clean_log "$TMP/oneshot.err"; then
		not_ok "tandem http $_m $_p ran clean under the sanitizers"
		cat "$TMP/oneshot.err"
	fi
}
# header NAME: the value of a response header from the last request ($TMP/h), without CR.
header() { grep -i "^$1:" "$TMP/h" | head -1 | sed 's/^[^:]*: *//' | tr -d '\r'; }

# Live server on the first free port of the hundred from $1 (default 18100-18199), with $SERVE_ARGS. Sets PORT,
# BASE, SERVER_PID.
start_server() {
	_p=${1:-18100}
	_last=$((_p / 100 * 100 + 99))
	while [ "$_p" -le "$_last" ]; do
		if ! curl -s -o /dev/null --max-time 1 "http://127.0.0.1:$_p/healthz"; then
			"$TANDEM" serve --db "$DB" --port "$_p" --threads 4 ${SERVE_ARGS:-} > "$TMP/server.out" 2> "$TMP/server.err" &
			SERVER_PID=$!
			_i=0
			while [ $_i -lt 100 ]; do
				if curl -s -o /dev/null --max-time 1 "http://127.0.0.1:$_p/healthz"; then
					PORT=$_p
					BASE="http://127.0.0.1:$_p"
					return 0
				fi
				kill -0 "$SERVER_PID" 2>/dev/null || break
				sleep 0.1
				_i=$((_i + 1))
			done
			kill "$SERVER_PID" 2>/dev/null
			wait "$SERVER_PID" 2>/dev/null
			SERVER_PID=""
		fi
		_p=$((_p + 1))
	done
	echo "no free port up to $_last" >&2
	exit 1
}
# Stop the server (SIGTERM) and check it exited 0 with no sanitizer report (leaks included).
stop_server() {
	kill -TERM "$SERVER_PID" 2>/dev/null
	wait "$SERVER_PID"
	_rc=$?
	SERVER_PID=""
	if [ "$_rc" -eq 0 ] && clean_log "$TMP/server.err"; then
		ok "server stopped cleanly: exit 0, no sanitizer or leak report"
	else
		not_ok "server stopped cleanly" "exit $_rc"
		grep -A30 -E 'Sanitizer|runtime error' "$TMP/server.err" | head -60
	fi
}

# api METHOD PATH [CURL-ARGS...]: a request to the live server. Sets STATUS; body in $TMP/b, headers in $TMP/h.
api() {
	_m=$1 _p=$2
	shift 2
	rm -f "$TMP/b" "$TMP/h"
	STATUS=$(curl -s -X "$_m" -o "$TMP/b" -D "$TMP/h" -w '%{http_code}' "$@" "$BASE$_p")
	record_answer "$_m" "$_p"
}
