#!/bin/bash
# roadmap.sh — benchmarks the roadmap timeline (GET /roadmap, an SVG of 400 features in 20 releases with 60
# launches) and the launch calendar feed (GET /api/v1/calendar.ics) against Fossil's ticket report and nginx
# serving the same bytes.
#
# usage: bench/roadmap.sh               (from anywhere; needs ./tandem built, wrk, curl, sqlite3, fossil, nginx)
# environment (all optional): PEERS=DIR, PORT=N (default 18270; the peers use N+1 and N+2), THREADS=N (4),
#   RUNS=N (3), KEEP=1 (reuse bench/out/roadmap/bench.db)
# Results go to bench/out/roadmap/ (git-ignored): the pages' bytes, every run's output, and table.txt.
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/.." && pwd)
TANDEM=$ROOT/tandem
PEERS=${PEERS:-$ROOT/../shared/bench}
PORT=${PORT:-18270}
THREADS=${THREADS:-4}
RUNS=${RUNS:-3}
FEATURES=400
RELEASES=20
LAUNCHES=60
TICKETS=1000 # Fossil's report: the same repository goals_list.sh uses
OUT=$ROOT/bench/out/roadmap
DB=$OUT/bench.db
NAME=roadmap.sh
. "$ROOT/bench/lib.sh"
bench_check_tools

# --- 1. A workspace: the demo, then releases every three weeks from today, features in them (linked to
# the demo's goals), launches with three marketing activities each — written straight into SQLite.
if [ "${KEEP:-}" != 1 ] || [ ! -f "$DB" ]; then
	rm -f "$DB" "$DB-wal" "$DB-shm"
	"$TANDEM" demo --db "$DB" --no-serve --quiet >/dev/null || die "tandem demo could not create $DB"
	sqlite3 "$DB" >/dev/null <<SQL || die "could not insert the roadmap"
PRAGMA busy_timeout = 5000;
BEGIN;
INSERT INTO releases(name, target_date, status, created_at, updated_at, version)
WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < $RELEASES)
SELECT printf('Bench release 2027.%02d', i), date('now', (21 * i - 60) || ' days'),
       CASE WHEN i < 4 THEN 'shipped' WHEN i < 6 THEN 'in_progress' ELSE 'planned' END,
       strftime('%Y-%m-%dT%H:%M:%SZ', 'now'), strftime('%Y-%m-%dT%H:%M:%SZ', 'now'), 1 FROM n;
INSERT INTO features(kind, title, description, status, tier, readiness, effort_eng, effort_design, effort_mkt,
                     release_id, created_at, updated_at, version)
WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < $FEATURES)
SELECT 'feature', printf('Bench feature %04d: alerts for segment %d', i, i % 17),
       'Generated for the roadmap benchmark.',
       CASE i % 5 WHEN 0 THEN 'in_progress' WHEN 1 THEN 'accepted' ELSE 'planned' END,
       CASE i % 3 WHEN 0 THEN 'free' WHEN 1 THEN 'pro' ELSE 'enterprise' END, i % 101,
       1 + i % 9, i % 3, i % 2,
       CASE WHEN i % 10 = 0 THEN NULL ELSE (SELECT id FROM releases WHERE name = printf('Bench release 2027.%02d', 1 + i % $RELEASES)) END,
       strftime('%Y-%m-%dT%H:%M:%SZ', 'now'), strftime('%Y-%m-%dT%H:%M:%SZ', 'now'), 1 FROM n;
INSERT INTO feature_goals(feature_id, goal_id, weight)
SELECT f.id, (SELECT min(id) FROM goals) + f.id % 4, 1 + f.id % 5
FROM features f WHERE f.description = 'Generated for the roadmap benchmark.';
INSERT INTO launches(title, tier, launch_date, release_id, status, created_at, updated_at, version)
WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < $LAUNCHES)
SELECT printf('Bench launch %02d: alerts, everywhere', i), 1 + i % 3, date('now', (7 * i - 60) || ' days'),
       (SELECT id FROM releases WHERE name = printf('Bench release 2027.%02d', 1 + i % $RELEASES)),
       CASE WHEN i < 8 THEN 'launched' ELSE 'planning' END,
       strftime('%Y-%m-%dT%H:%M:%SZ', 'now'), strftime('%Y-%m-%dT%H:%M:%SZ', 'now'), 1 FROM n;
INSERT INTO launch_activities(launch_id, channel, title, date, status, created_at, updated_at, version)
WITH c(k, ch) AS (VALUES (0, 'blog'), (1, 'email'), (2, 'webinar'))
SELECT l.id, c.ch, printf('%s for %s', c.ch, l.title), date(l.launch_date, (c.k - 2) || ' days'), 'planned',
       strftime('%Y-%m-%dT%H:%M:%SZ', 'now'), strftime('%Y-%m-%dT%H:%M:%SZ', 'now'), 1
FROM launches l, c WHERE l.title LIKE 'Bench launch%';
COMMIT;
SQL
fi
features=$(sqlite3 "$DB" "SELECT count(*) FROM features WHERE description = 'Generated for the roadmap benchmark.'")
[ "$features" = "$FEATURES" ] || die "the workspace has $features generated features, not $FEATURES (delete $DB and retry)"

bench_cpu_busy

# --- 2. Tandem: the roadmap page and the calendar feed, each fetched once, then wrk -------
bench_serve "$DB"
bench_fetch /roadmap "$OUT/roadmap.html"
grep -q '<svg' "$OUT/roadmap.html" || die "GET /roadmap has no SVG timeline (see $OUT/roadmap.html)"
bench_fetch /api/v1/calendar.ics "$OUT/calendar.ics"
grep -q '^BEGIN:VCALENDAR' "$OUT/calendar.ics" || die "GET /api/v1/calendar.ics is not a calendar (see $OUT/calendar.ics)"
bars=$(grep -o 'Bench feature [0-9]*' "$OUT/roadmap.html" | sort -u | wc -l)
events=$(grep -c '^BEGIN:VEVENT' "$OUT/calendar.ics")
bench_tandem /roadmap roadmap
bench_tandem /api/v1/calendar.ics calendar
cleanup

# --- 3. The peers --------------------------------------------------------------------------
bench_fossil "$TICKETS"
bench_nginx "$OUT/roadmap.html" nginx-roadmap
bench_nginx "$OUT/calendar.ics" nginx-calendar
f_bytes=$(field "$OUT/fossil-1.txt" bytes)

# --- 4. The table --------------------------------------------------------------------------
{
	echo "Roadmap timeline and launch calendar: $FEATURES features in $RELEASES releases, $LAUNCHES launches with 3 activities each;"
	echo "wrk ${WRK_ARGS[*]}; $(nproc) CPUs, ${busy}% busy before the run; tandem runs $THREADS threads."
	echo "The roadmap names $bars generated features; the feed holds $events events. Median run of $RUNS by req/s."
	echo
	bench_header
	bench_row "tandem GET /roadmap (SVG timeline)" "$(wc -c <"$OUT/roadmap.html")" roadmap
	bench_row "tandem GET /api/v1/calendar.ics" "$(wc -c <"$OUT/calendar.ics")" calendar
	bench_row "fossil ticket report ($TICKETS tickets)" "$f_bytes" fossil
	bench_row "nginx, the roadmap's bytes (static)" "$(wc -c <"$OUT/roadmap.html")" nginx-roadmap
	bench_row "nginx, the feed's bytes (static)" "$(wc -c <"$OUT/calendar.ics")" nginx-calendar
	echo
	bench_ratio "roadmap/fossil " roadmap fossil
	bench_ratio "calendar/fossil" calendar fossil
	bench_ratio "roadmap/nginx  " roadmap nginx-roadmap
	bench_ratio "calendar/nginx " calendar nginx-calendar
} | tee "$OUT/table.txt"
