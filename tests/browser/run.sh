#!/bin/sh
# run.sh — runs every browser test here, *.test.js (node --test, playwright-core + Debian chromium); last line: "N passed, N failed".
cd "$(dirname "$0")" || exit 2
if [ ! -d node_modules/playwright-core ]; then
	if ! npm ci --no-audit --no-fund --loglevel=error >/dev/null 2>npm-ci.err; then
		cat npm-ci.err >&2
		rm -f npm-ci.err
		echo "0 passed, 1 failed"
		exit 1
	fi
	rm -f npm-ci.err
fi
out=$(mktemp "${TMPDIR:-/tmp}/tandem-browser-out.XXXXXX") || exit 2
node --test --test-reporter=spec ./*.test.js >"$out" 2>&1
rc=$?
cat "$out"
# node's spec summary: "ℹ pass N" / "ℹ fail N"
pass=$(sed -n 's/^ℹ pass \([0-9][0-9]*\).*/\1/p' "$out" | tail -n 1)
fail=$(sed -n 's/^ℹ fail \([0-9][0-9]*\).*/\1/p' "$out" | tail -n 1)
rm -f "$out"
pass=${pass:-0}
fail=${fail:-0}
# a crash or a failing hook without a summary still counts as a failure
if [ "$rc" -ne 0 ] && [ "$fail" -eq 0 ]; then
	fail=1
fi
echo "$pass passed, $fail failed"
[ "$rc" -eq 0 ] && [ "$fail" -eq 0 ]
