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
THREADS=${THREADS:-4}
RUNS=${RUNS:-3}
PAGE=${PAGE:-/goals}
N=1000
OUT=$ROOT/bench/out/goals_list
DB=$OUT/bench.db
NAME=goals_list.sh
. "$ROOT/bench/lib.sh"
bench_check_tools

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

bench_cpu_busy

# --- 2. Tandem: serve, sign in, fetch the page once, then wrk: cold (every request renders the page: --no-cache),
# then warm (the render cache answers a page asked for again before anything changed) ------------------------------
bench_serve "$DB" --no-cache
bench_fetch "$PAGE" "$OUT/page.html"
grep -qi '<html' "$OUT/page.html" || die "GET $PAGE did not answer an HTML page (see $OUT/page.html)"
page_bytes=$(wc -c <"$OUT/page.html")
page_goals=$(grep -o 'goal [0-9][0-9][0-9][0-9])' "$OUT/page.html" | sort -u | wc -l)
bench_tandem "$PAGE" tandem-cold
cleanup
bench_serve "$DB"
bench_fetch "$PAGE" "$OUT/page-warm.html"
bench_tandem "$PAGE" tandem
cleanup

# --- 3. The peers: Fossil's ticket report with 1,000 tickets, nginx on the same bytes ----
bench_fossil "$N"
bench_nginx "$OUT/page.html" nginx
f_bytes=$(field "$OUT/fossil-1.txt" bytes)

# --- 4. The table ------------------------------------------------------------------------
{
	echo "Goals list page ($PAGE, signed in) with $N goals in the workspace; wrk ${WRK_ARGS[*]}; $(nproc) CPUs, ${busy}% busy before the run"
	echo "The page holds $page_goals of the generated goals (plus the demo's), $page_bytes bytes; tandem runs $THREADS threads."
	echo "Each server ran $RUNS times; the table shows the run with the median req/s."
	echo
	bench_header
	bench_row "tandem GET $PAGE, cold (--no-cache)" "$page_bytes" tandem-cold
	bench_row "tandem GET $PAGE, warm (render cache)" "$page_bytes" tandem
	bench_row "fossil ticket report ($N tickets)" "$f_bytes" fossil
	bench_row "nginx, the same bytes (static)" "$page_bytes" nginx
	echo
	bench_ratio "tandem cold/fossil" tandem-cold fossil
	bench_ratio "tandem warm/fossil" tandem fossil
	bench_ratio "tandem warm/nginx " tandem nginx
	echo "req/s of every run: tandem cold $(each "$OUT/tandem-cold.runs"); warm $(each "$OUT/tandem.runs"); fossil $(each "$OUT/fossil.runs"); nginx $(each "$OUT/nginx.runs")"
} | tee "$OUT/table.txt"
