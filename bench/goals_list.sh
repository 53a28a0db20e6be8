#!/bin/bash
# goals_list.sh — benchmarks the goals list page (GET /goals, signed in) with 1,000 goals against a Fossil ticket page and nginx serving the same bytes.
#
# usage: bench/goals_list.sh            (from anywhere; needs ./tandem built, wrk, curl, sqlite3, fossil, nginx)
# environment (all optional):
#   PEERS=DIR        the peer scripts (default: ../shared/bench next to the repository)
#   PORT=N           tandem's port (default 18260); the Fossil peer uses PORT+1, nginx PORT+2
#   THREADS=N        tandem's worker threads (default 4)
#   PAGE=PATH        the page under test (default /goals)
#   RUNS=N           measured runs per server; the median by req/s is shown (default 3)
#   KEEP=1           keep bench/out/goals_list/bench.db for the next run (default: rebuilt each run)
# Results go to bench/out/goals_list/ (git-ignored): the page's bytes, every run's output, and table.txt.
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/.." && pwd)
TANDEM=$ROOT/tandem
PEERS=${PEERS:-$ROOT/../shared/bench}
PORT=${PORT:-18260}
FOSSIL_PORT=$((PORT + 1))
NGINX_PORT=$((PORT + 2))
THREADS=${THREADS:-4}
RUNS=${RUNS:-3}
PAGE=${PAGE:-/goals}
N=1000
# The peer scripts run wrk with exactly these settings; tandem gets the same, so the
# ratios compare like with like.
WRK_ARGS=(-t2 -c8 -d5s --latency)
OUT=$ROOT/bench/out/goals_list
DB=$OUT/bench.db
BASE=http://127.0.0.1:$PORT

die() { echo "goals_list.sh: $*" >&2; exit 1; }

for tool in wrk curl sqlite3 fossil nginx; do
	command -v $tool >/dev/null 2>&1 || die "$tool is missing (sh tools/install-deps.sh installs it)"
done
[ -x "$TANDEM" ] || die "$TANDEM is missing; run make first"
[ -f "$PEERS/fossil_peer.sh" ] && [ -f "$PEERS/static_limit.sh" ] || die "no peer scripts in $PEERS (set PEERS=DIR)"
mkdir -p "$OUT"

server_pid=
cleanup() { [ -n "$server_pid" ] && kill "$server_pid" 2>/dev/null && wait "$server_pid" 2>/dev/null; return 0; }
trap cleanup EXIT

# --- 1. A workspace with 1,000 goals -----------------------------------------------------
# The demo workspace (people, strategy, 4 goals with measurements), then 996 more goals with
# six monthly measurements each, written straight into SQLite (the read path is what is
# measured; the audit trail of these rows is not needed for it).
if [ "${KEEP:-}" != 1 ] || [ ! -f "$DB" ]; then
	rm -f "$DB" "$DB-wal" "$DB-shm"
	"$TANDEM" demo --db "$DB" --no-serve --quiet >/dev/null || die "tandem demo could not create $DB"
	more=$((N - $(sqlite3 "$DB" 'SELECT count(*) FROM goals')))
	sqlite3 "$DB" >/dev/null <<SQL || die "could not insert the goals"
PRAGMA busy_timeout = 5000;
BEGIN;
INSERT INTO goals(title, why, metric, unit, baseline, target, current, due, pm_owner, pmm_owner,
                  review_every_days, last_reviewed_at, status, created_at, updated_at, version)
WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < $more)
SELECT printf('Lift weekly active teams in region %d (goal %04d)', i % 40 + 1, i),
       'Generated for the goals list benchmark.',
       printf('Weekly active teams, region %d', i % 40 + 1), 'teams',
       100 + i % 50, 200 + i % 80, 120 + i % 60,
       date('2027-01-01', printf('+%d days', i % 365)),
       CASE WHEN i % 7 = 0 THEN NULL ELSE (SELECT id FROM users WHERE role = 'pm' LIMIT 1) END,
       CASE WHEN i % 11 = 0 THEN NULL ELSE (SELECT id FROM users WHERE role = 'pmm' LIMIT 1) END,
       30, NULL, CASE i % 10 WHEN 0 THEN 'met' WHEN 1 THEN 'missed' ELSE 'active' END,
       strftime('%Y-%m-%dT%H:%M:%SZ', 'now'), strftime('%Y-%m-%dT%H:%M:%SZ', 'now'), 1
FROM n;
INSERT INTO goal_measurements(goal_id, at, value, source, created_at)
WITH m(k) AS (VALUES (0), (1), (2), (3), (4), (5))
SELECT g.id, date('2026-06-01', printf('+%d months', m.k)), g.baseline + (g.current - g.baseline) * m.k / 5.0,
       'benchmark', strftime('%Y-%m-%dT%H:%M:%SZ', 'now')
FROM goals g, m WHERE g.why = 'Generated for the goals list benchmark.';
COMMIT;
SQL
fi
goals=$(sqlite3 "$DB" 'SELECT count(*) FROM goals')
[ "$goals" = "$N" ] || die "the workspace has $goals goals, not $N (delete $DB and retry)"

# Other work on the machine skews every number: measure how busy the CPUs are for one
# second before starting (the load average would still count a previous run), and warn.
cpu_sample() { awk '/^cpu /{ print $2 + $3 + $4 + $5 + $6 + $7 + $8, $5 + $6 }' /proc/stat; }
read -r total0 idle0 < <(cpu_sample); sleep 1; read -r total1 idle1 < <(cpu_sample)
busy=$(awk -v t=$((total1 - total0)) -v i=$((idle1 - idle0)) 'BEGIN { printf "%d", (t > 0 ? 100 * (t - i) / t : 0) }')
if [ "$busy" -gt 20 ]; then
	echo "goals_list.sh: warning: the CPUs were ${busy}% busy before the run; the results will be noisy" >&2
fi

# --- 2. Tandem: serve, sign in, fetch the page once, then wrk ----------------------------
"$TANDEM" serve --db "$DB" --port "$PORT" --threads "$THREADS" --quiet >"$OUT/serve.log" 2>&1 &
server_pid=$!
for _ in $(seq 50); do
	curl -sf "$BASE/healthz" >/dev/null 2>&1 && break
	kill -0 "$server_pid" 2>/dev/null || die "tandem serve exited; see $OUT/serve.log"
	sleep 0.1
done
curl -sf "$BASE/healthz" >/dev/null || die "tandem did not answer on $BASE/healthz"

cookie=$(curl -s -D - -o /dev/null -H 'Content-Type: application/json' \
	-d '{"email":"pm@demo.tandem","password":"tandem-demo"}' "$BASE/api/v1/session" |
	tr -d '\r' | sed -n 's/^[Ss]et-[Cc]ookie: \(tandem_session=[^;]*\).*/\1/p')
[ -n "$cookie" ] || die "could not sign in as pm@demo.tandem"

status=$(curl -s -o "$OUT/page.html" -w '%{http_code}' -H "Cookie: $cookie" "$BASE$PAGE")
if [ "$status" != 200 ]; then
	die "GET $PAGE answered $status, not 200 (is the page built yet? its body is in $OUT/page.html)"
fi
grep -qi '<html' "$OUT/page.html" || die "GET $PAGE did not answer an HTML page (see $OUT/page.html)"
page_bytes=$(wc -c <"$OUT/page.html")
page_goals=$(grep -o 'goal [0-9][0-9][0-9][0-9])' "$OUT/page.html" | sort -u | wc -l)

# wrk prints latencies as 512.00us, 1.20ms or 1.02s: normalised to milliseconds.
ms() { awk -v v="$1" 'BEGIN { n = v + 0; u = v; sub(/^[0-9.]+/, "", u);
	f = u == "us" ? 0.001 : u == "ms" ? 1 : u == "s" ? 1000 : u == "m" ? 60000 : 0;
	if (f == 0) print "?"; else printf "%.2f", n * f }'; }
# One run's result as "req/s p50ms p99ms", from wrk's own output or a peer script's last line.
from_wrk() { echo "$(awk '/Requests\/sec/{print $2}' "$1") $(ms "$(awk '$1=="50%"{print $2}' "$1")") $(ms "$(awk '$1=="99%"{print $2}' "$1")")"; }
field() { tail -n 1 "$1" | tr ' ' '\n' | sed -n "s|^$2=||p"; }
from_peer() { echo "$(field "$1" 'req/s') $(ms "$(field "$1" p50)") $(ms "$(field "$1" p99)")"; }
# The run with the median req/s out of a file of runs.
median() { sort -n -k1,1 "$1" | sed -n "$(( ($(wc -l <"$1") + 1) / 2 ))p"; }

# A long-running server is measured warm, as it runs in use: 2 s of the same load first, not counted.
wrk -t2 -c8 -d2s -H "Cookie: $cookie" "$BASE$PAGE" >"$OUT/wrk-tandem-warmup.txt" 2>&1 || die "wrk failed; see $OUT/wrk-tandem-warmup.txt"
: >"$OUT/tandem.runs"
for r in $(seq "$RUNS"); do
	wrk "${WRK_ARGS[@]}" -H "Cookie: $cookie" "$BASE$PAGE" >"$OUT/wrk-tandem-$r.txt" 2>&1 || die "wrk failed; see $OUT/wrk-tandem-$r.txt"
	grep -q 'Non-2xx' "$OUT/wrk-tandem-$r.txt" && die "some answers under load were not 2xx; see $OUT/wrk-tandem-$r.txt"
	from_wrk "$OUT/wrk-tandem-$r.txt" >>"$OUT/tandem.runs"
done
cleanup
server_pid=

# --- 3. The peers: Fossil's ticket report with 1,000 tickets, nginx on the same bytes ----
: >"$OUT/fossil.runs"; : >"$OUT/nginx.runs"
for r in $(seq "$RUNS"); do
	bash "$PEERS/fossil_peer.sh" "$N" "$FOSSIL_PORT" >"$OUT/fossil-$r.txt" 2>&1 || die "the Fossil peer failed; see $OUT/fossil-$r.txt"
	from_peer "$OUT/fossil-$r.txt" >>"$OUT/fossil.runs"
	bash "$PEERS/static_limit.sh" "$OUT/page.html" "$NGINX_PORT" >"$OUT/nginx-$r.txt" 2>&1 || die "the nginx peer failed; see $OUT/nginx-$r.txt"
	from_peer "$OUT/nginx-$r.txt" >>"$OUT/nginx.runs"
done
f_bytes=$(field "$OUT/fossil-1.txt" bytes)
read -r t_rps t_p50 t_p99 < <(median "$OUT/tandem.runs")
read -r f_rps f_p50 f_p99 < <(median "$OUT/fossil.runs")
read -r n_rps n_p50 n_p99 < <(median "$OUT/nginx.runs")
[ -n "$t_rps" ] && [ -n "$f_rps" ] && [ -n "$n_rps" ] || die "could not read a result; see the files in $OUT"

# --- 4. The table ------------------------------------------------------------------------
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (b + 0 > 0) printf "%.3g", a / b; else print "?" }'; }
each() { awk '{ printf "%s%s", (NR > 1 ? " " : ""), $1 }' "$1"; }
{
	echo "Goals list page ($PAGE, signed in) with $N goals in the workspace; wrk ${WRK_ARGS[*]}; $(nproc) CPUs, ${busy}% busy before the run"
	echo "The page holds $page_goals of the generated goals (plus the demo's), $page_bytes bytes; tandem runs $THREADS threads."
	echo "Each server ran $RUNS times; the table shows the run with the median req/s."
	echo
	printf '%-38s %10s %10s %10s %10s\n' "server" "bytes" "req/s" "p50 ms" "p99 ms"
	printf '%-38s %10s %10s %10s %10s\n' "tandem GET $PAGE" "$page_bytes" "$t_rps" "$t_p50" "$t_p99"
	printf '%-38s %10s %10s %10s %10s\n' "fossil ticket report ($N tickets)" "$f_bytes" "$f_rps" "$f_p50" "$f_p99"
	printf '%-38s %10s %10s %10s %10s\n' "nginx, the same bytes (static)" "$page_bytes" "$n_rps" "$n_p50" "$n_p99"
	echo
	echo "tandem/fossil: req/s x$(ratio "$t_rps" "$f_rps"), p99 x$(ratio "$t_p99" "$f_p99")"
	echo "tandem/nginx:  req/s x$(ratio "$t_rps" "$n_rps"), p99 x$(ratio "$t_p99" "$n_p99")"
	echo "req/s of every run: tandem $(each "$OUT/tandem.runs"); fossil $(each "$OUT/fossil.runs"); nginx $(each "$OUT/nginx.runs")"
} | tee "$OUT/table.txt"
