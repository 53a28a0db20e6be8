#!/bin/bash
# small.sh — small and quick: the stripped binary's size, the server's resident memory when idle (after start, and
# after a round of every page of the demo has filled its caches), and the time from starting `tandem serve` to its
# first answer, each the median of a few starts.
#
# usage: bench/small.sh     (needs ./tandem built, curl, strip)
# environment: PORT=N (default 18290), STARTS=N (default 5)
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/.." && pwd)
TANDEM=$ROOT/tandem
PORT=${PORT:-18290}
STARTS=${STARTS:-5}
OUT=$ROOT/bench/out/small
DB=$OUT/demo.db
die() { echo "small.sh: $*" >&2; exit 1; }
for tool in curl strip; do command -v $tool >/dev/null 2>&1 || die "$tool is missing"; done
[ -x "$TANDEM" ] || die "$TANDEM is missing; run make first"
mkdir -p "$OUT"
rm -f "$DB" "$DB-wal" "$DB-shm"
"$TANDEM" demo --db "$DB" --no-serve --quiet > /dev/null

strip -o "$OUT/tandem.stripped" "$TANDEM"
BIN_KB=$(( $(stat -c %s "$OUT/tandem.stripped") / 1024 ))

pid=
cleanup() { [ -n "$pid" ] && kill "$pid" 2>/dev/null && wait "$pid" 2>/dev/null; return 0; }
trap cleanup EXIT
rss() { awk '/^VmRSS/{print $2}' "/proc/$1/status"; }

: > "$OUT/first.ms"
for i in $(seq "$STARTS"); do
	t0=$(date +%s%N)
	"$TANDEM" serve --db "$DB" --port "$PORT" --quiet > /dev/null 2>&1 &
	pid=$!
	until curl -s -o /dev/null "http://127.0.0.1:$PORT/healthz"; do sleep 0.002; done
	echo $(( ($(date +%s%N) - t0) / 1000000 )) >> "$OUT/first.ms"
	if [ "$i" = "$STARTS" ]; then
		sleep 1
		IDLE_KB=$(rss "$pid")
		COOKIE=$(curl -s -D - -o /dev/null -H 'Content-Type: application/json' \
			-d '{"email":"pm@demo.tandem","password":"tandem-demo"}' "http://127.0.0.1:$PORT/api/v1/session" |
			sed -n 's/^Set-Cookie: \([^;]*\).*/\1/ip' | head -1)
		for p in / /strategy /goals /features /plan /launches /roadmap /calendar /alignment /insights /messaging \
			/prfaqs /decisions /inbox /wins /strategy/brief /deck /activity /releases /users; do
			curl -s -o /dev/null -H "Cookie: $COOKIE" "http://127.0.0.1:$PORT$p"
		done
		sleep 1
		WARM_KB=$(rss "$pid")
	fi
	cleanup
	pid=
done
FIRST_MS=$(sort -n "$OUT/first.ms" | awk '{a[NR]=$1} END {print a[int((NR + 1) / 2)]}')
{
	echo "bench/small.sh — $(nproc) cores, $(date -u +%F)"
	printf "%-58s %8s   %s\n" "the stripped binary" "$((BIN_KB)) KiB" "(goal ≤ 2048 KiB)"
	printf "%-58s %8s   %s\n" "resident memory idle, just started (demo workspace)" "$((IDLE_KB / 1024)) MiB" "(goal ≤ 20 MiB)"
	printf "%-58s %8s\n" "... after one visit to each of 20 pages (caches filled)" "$((WARM_KB / 1024)) MiB"
	printf "%-58s %8s   %s\n" "start to first answer (median of $STARTS starts)" "$FIRST_MS ms" "(goal ≤ 50 ms)"
	echo "every start: $(tr '\n' ' ' < "$OUT/first.ms")ms"
} | tee "$OUT/table.txt"
