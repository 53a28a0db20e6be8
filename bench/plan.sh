#!/bin/bash
# plan.sh — benchmarks `tandem plan` on 2,000 candidate features with dependencies across three teams: solve time, proven optimal or not.
#
# usage: bench/plan.sh                  (from anywhere; needs ./tandem built and sqlite3)
# environment (all optional):
#   TANDEM=PATH      the binary (default ./tandem)
#   N=COUNT          candidate features (default 2000)
#   SHARE=PERCENT    each team's capacity as a share of what all candidates need (default 30)
#   TIME_LIMIT=S     the solver's time limit in seconds (default: tandem's, 10 s)
#   RUNS=N           timed runs; the median is shown (default 3)
#   KEEP=1           keep bench/out/plan/bench.db for the next run (default: rebuilt each run)
# Results go to bench/out/plan/ (git-ignored): the workspace, each run's JSON answer, and summary.txt.
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/.." && pwd)
TANDEM=${TANDEM:-$ROOT/tandem}
N=${N:-2000}
SHARE=${SHARE:-30}
RUNS=${RUNS:-3}
OUT=$ROOT/bench/out/plan
DB=$OUT/bench.db
PERIOD=2027-Q1

die() { echo "plan.sh: $*" >&2; exit 1; }
command -v sqlite3 >/dev/null 2>&1 || die "sqlite3 is missing (sh tools/install-deps.sh installs it)"
[ -x "$TANDEM" ] || die "$TANDEM is missing; run make first"
"$TANDEM" help plan >/dev/null 2>&1 || die "$TANDEM has no plan command; rebuild it"
mkdir -p "$OUT"

# --- 1. A workspace with N candidates ----------------------------------------------------
# An empty workspace, 10 goals, and N accepted features written straight into SQLite. Every
# number is derived from the feature's index, so each run plans the same instance:
#   efforts: eng 0-11.5, design 0-2.5, mkt 0-3 person-weeks (some features need one team only)
#   value:   a goal link of weight 1-5, and RICE inputs (reach 100-5,099, impact 0.25-3, confidence 0.5-1)
#   deps:    a third of the features depend on one of the ten before them, a seventh also on the
#            one eleven before (chains and diamonds; always on earlier features, so never a cycle)
# Capacity per team is SHARE% of what all candidates together need.
if [ "${KEEP:-}" != 1 ] || [ ! -f "$DB" ]; then
	rm -f "$DB" "$DB-wal" "$DB-shm"
	"$TANDEM" init --db "$DB" --admin bench@example.com >/dev/null || die "tandem init could not create $DB"
	sqlite3 "$DB" >/dev/null <<SQL || die "could not insert the features"
PRAGMA busy_timeout = 5000;
BEGIN;
INSERT INTO goals(title, metric, target, status, created_at, updated_at)
WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 10)
SELECT printf('Benchmark goal %d', i), 'metric', 100, 'active', '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z' FROM n;
INSERT INTO features(title, kind, status, effort_eng, effort_design, effort_mkt, reach, impact, confidence,
                     created_at, updated_at)
WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < $N)
SELECT printf('Candidate feature %04d', i), 'feature', 'accepted',
       CASE WHEN i % 9 = 0 THEN 0 ELSE (i * 37 % 23) * 0.5 END,
       (i * 13 % 6) * 0.5,
       CASE WHEN i % 4 = 0 THEN (i * 29 % 7) * 0.5 ELSE 0 END,
       100 + (i * 7919 % 5000),
       CASE i % 5 WHEN 0 THEN 0.25 WHEN 1 THEN 0.5 WHEN 2 THEN 1 WHEN 3 THEN 2 ELSE 3 END,
       0.5 + (i % 6) * 0.1,
       '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z'
FROM n;
INSERT INTO feature_goals(feature_id, goal_id, weight) SELECT id, 1 + id % 10, 1 + id * 7 % 5 FROM features;
INSERT INTO feature_deps(feature_id, depends_on)
SELECT id, id - 1 - (id * 31 % 10) FROM features WHERE id > 11 AND id % 3 = 0;
INSERT OR IGNORE INTO feature_deps(feature_id, depends_on)
SELECT id, id - 11 FROM features WHERE id > 11 AND id % 7 = 0;
INSERT INTO capacity(period, eng, design, mkt, created_at, updated_at)
SELECT '$PERIOD', round(sum(coalesce(effort_eng, 0)) * $SHARE / 100.0, 1), round(sum(coalesce(effort_design, 0)) * $SHARE / 100.0, 1),
       round(sum(coalesce(effort_mkt, 0)) * $SHARE / 100.0, 1), '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z'
FROM features;
COMMIT;
SQL
fi
read -r cands deps cap <<<"$(sqlite3 -separator ' ' "$DB" "SELECT (SELECT count(*) FROM features), (SELECT count(*) FROM feature_deps), (SELECT eng || '/' || design || '/' || mkt FROM capacity WHERE period = '$PERIOD')")"

# --- 2. Plan it RUNS times ---------------------------------------------------------------
args=(plan --db "$DB" --period "$PERIOD" --format json)
[ -n "${TIME_LIMIT:-}" ] && args+=(--time-limit "$TIME_LIMIT")
times=()
for r in $(seq 1 "$RUNS"); do
	t0=$(date +%s.%N)
	"$TANDEM" "${args[@]}" > "$OUT/answer-$r.json" 2> "$OUT/stderr-$r.txt" || die "run $r failed: $(cat "$OUT/stderr-$r.txt")"
	t1=$(date +%s.%N)
	times+=("$(awk -v a="$t0" -v b="$t1" 'BEGIN { printf "%.3f", b - a }')")
done
median=$(printf '%s\n' "${times[@]}" | sort -n | sed -n "$(( (RUNS + 1) / 2 ))p")
ans=$OUT/answer-1.json
field() { sqlite3 ":memory:" "SELECT json_extract(readfile('$ans'), '\$.$1')"; }
optimal=$(field optimal)
{
	echo "candidates: $cands features, $deps dependencies; capacity eng/design/mkt $cap person-weeks ($SHARE% of the demand)"
	printf 'solve time (whole command, median of %d): %.3f s; every run: %s\n' "$RUNS" "$median" "$(printf '%.3f ' "${times[@]}")"
	echo "optimality proven: $([ "$optimal" = 1 ] && echo yes || echo no)"
	echo "chosen: $(field 'chosen' | tr ',' '\n' | grep -c '[0-9]') features, value $(field value), used eng/design/mkt $(field used.eng)/$(field used.design)/$(field used.mkt)"
	echo "top-3 share $(field top3_share), top-5 share $(field top5_share)"
	echo "message: $(field message)"
} | tee "$OUT/summary.txt"
