#!/bin/bash
# not_modified.sh — an unchanged page costs one lookup: Tandem answering 304 to a matching If-None-Match on the goals
# list of the demo workspace (signed in), beside nginx answering 304 for the same bytes served as a static file with
# its own ETag, both under the same wrk load in the same run.
#
# usage: bench/not_modified.sh     (needs ./tandem built, wrk, curl, nginx)
# environment: PORT=N (default 18270; nginx on PORT+1), DURATION=5s, RUNS=3
# Results go to bench/out/not_modified/ (git-ignored): each wrk output and table.txt.
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/.." && pwd)
TANDEM=$ROOT/tandem
PORT=${PORT:-18270}
DURATION=${DURATION:-5s}
RUNS=${RUNS:-3}
OUT=$ROOT/bench/out/not_modified
DB=$OUT/bench.db
die() { echo "not_modified.sh: $*" >&2; exit 1; }
for tool in wrk curl nginx; do command -v $tool >/dev/null 2>&1 || die "$tool is missing"; done
[ -x "$TANDEM" ] || die "$TANDEM is missing; run make first"
mkdir -p "$OUT"
rm -f "$DB" "$DB-wal" "$DB-shm"
"$TANDEM" demo --db "$DB" --no-serve --quiet > /dev/null

pids=()
cleanup() { for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done; }
trap cleanup EXIT
"$TANDEM" serve --db "$DB" --port "$PORT" --threads 4 --quiet 2> "$OUT/tandem.err" &
pids+=($!)
for _ in $(seq 50); do curl -s -o /dev/null "http://127.0.0.1:$PORT/healthz" && break; sleep 0.1; done
COOKIE=$(curl -s -D - -o /dev/null -H 'Content-Type: application/json' \
	-d '{"email":"pm@demo.tandem","password":"tandem-demo"}' "http://127.0.0.1:$PORT/api/v1/session" |
	sed -n 's/^Set-Cookie: \([^;]*\).*/\1/ip' | head -1)
curl -s -D "$OUT/headers" -o "$OUT/page.html" -H "Cookie: $COOKIE" "http://127.0.0.1:$PORT/goals"
ETAG=$(sed -n 's/^ETag: *//ip' "$OUT/headers" | tr -d '\r')
[ -n "$ETAG" ] || die "the goals page answered without an ETag"
[ "$(curl -s -o /dev/null -w '%{http_code}' -H "Cookie: $COOKIE" -H "If-None-Match: $ETAG" "http://127.0.0.1:$PORT/goals")" = 304 ] ||
	die "the goals page did not answer 304 to its own ETag"

NG=$(mktemp -d)
cp "$OUT/page.html" "$NG/page.html"
chmod 755 "$NG"; chmod 644 "$NG/page.html" # nginx's workers run as another user
cat > "$NG/nginx.conf" <<CONF
worker_processes 2; daemon off; pid $NG/nginx.pid; error_log $NG/error.log;
events { worker_connections 1024; }
http { access_log off; server { listen 127.0.0.1:$((PORT + 1)); root $NG; } }
CONF
nginx -c "$NG/nginx.conf" -p "$NG" > /dev/null 2>&1 &
pids+=($!)
sleep 0.5
NETAG=$(curl -sI "http://127.0.0.1:$((PORT + 1))/page.html" | sed -n 's/^ETag: *//ip' | tr -d '\r')
[ "$(curl -s -o /dev/null -w '%{http_code}' -H "If-None-Match: $NETAG" "http://127.0.0.1:$((PORT + 1))/page.html")" = 304 ] ||
	die "nginx did not answer 304"

run() { # NAME URL HEADERS...
	local name=$1 url=$2
	shift 2
	for i in $(seq "$RUNS"); do
		wrk -t2 -c8 -d"$DURATION" --latency "$@" "$url" > "$OUT/$name-$i.txt" 2>&1
		awk '/Requests\/sec/{print $2}' "$OUT/$name-$i.txt"
	done | sort -n | awk '{a[NR]=$1} END {print a[int((NR + 1) / 2)]}'
}
T=$(run tandem "http://127.0.0.1:$PORT/goals" -H "Cookie: $COOKIE" -H "If-None-Match: $ETAG")
N=$(run nginx "http://127.0.0.1:$((PORT + 1))/page.html" -H "If-None-Match: $NETAG")
{
	echo "bench/not_modified.sh — 304 to a matching If-None-Match, wrk -t2 -c8 -d$DURATION, median of $RUNS runs, $(nproc) cores, $(date -u +%F)"
	printf "%-44s %10s req/s\n" "tandem: GET /goals (signed in), its ETag" "$T"
	printf "%-44s %10s req/s\n" "nginx: the same bytes as a static file" "$N"
	printf "tandem/nginx ×%.2f\n" "$(echo "$T / $N" | bc -l)"
} | tee "$OUT/table.txt"
rm -rf "$NG"
