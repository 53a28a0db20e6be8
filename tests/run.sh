# run.sh — the whole suite under ASan/UBSan: the layer checks, unit tests, HTTP tests, browser tests (when present); last
# line "N passed, N failed".
cd "$(dirname "$0")/.." || exit 1
ASAN_OPTIONS=detect_leaks=1:abort_on_error=1
UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1
export ASAN_OPTIONS UBSAN_OPTIONS
for bin in build/san/tandem build/san/unit_tests; do
	[ -x "$bin" ] || { echo "$bin is missing: run 'make test'"; echo "0 passed, 1 failed"; exit 1; }
done

PASSED=0
FAILED=0
LOG=$(mktemp /tmp/tandem-tests-run-XXXXXX)
trap 'rm -f "$LOG"' EXIT

# part NAME CMD...: run one part (at most $PART_SECONDS, 4 minutes unless set), show what is not a plain "ok", add up
# its last line.
# A part that crashes, or exits non-zero while reporting no failure, counts one failure more.
part() {
	_name=$1
	shift
	_start=$(date +%s)
	timeout "${PART_SECONDS:-240}" "$@" > "$LOG" 2>&1
	_rc=$?
	_last=$(tail -n 1 "$LOG")
	_p=$(echo "$_last" | sed -n 's/^\([0-9][0-9]*\) passed, \([0-9][0-9]*\) failed$/\1/p')
	_f=$(echo "$_last" | sed -n 's/^\([0-9][0-9]*\) passed, \([0-9][0-9]*\) failed$/\2/p')
	if [ -z "$_p" ]; then
		_p=0 _f=1
		_last="$_last (no summary line: exit $_rc)"
	elif [ "$_rc" -ne 0 ] && [ "$_f" -eq 0 ]; then
		_f=1
		_last="$_last, but exit $_rc"
	fi
	if [ "$_f" -ne 0 ]; then
		grep -v '^ok ' "$LOG" | sed '$d'
	fi
	echo "== $_name: $_last ($(($(date +%s) - _start))s)"
	PASSED=$((PASSED + _p))
	FAILED=$((FAILED + _f))
}

for t in tests/lint/test_*.sh; do
	part "$t" sh "$t"
done
part "unit tests" build/san/unit_tests
for t in tests/http/test_*.sh; do
	part "$t" sh "$t"
done
if [ -f tests/browser/run.sh ]; then
	PART_SECONDS=900 # a dozen files, each with its own server and chromium
	part "browser tests" sh tests/browser/run.sh
fi

echo "$PASSED passed, $FAILED failed"
[ "$FAILED" -eq 0 ]
