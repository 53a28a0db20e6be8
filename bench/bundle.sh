#!/bin/bash
# bundle.sh — benchmarks the workspace bundle on a workspace with 1,000,000 insights: `tandem export json` and
# `tandem import json` (time and peak RSS), beside the sqlite3 shell's `.dump` of the same file and its restore
# (`sqlite3 NEW.db < dump.sql`), measured in the same run; and checks that export → import → export is identical.
#
# usage: bench/bundle.sh          (from anywhere; needs ./tandem built, sqlite3, /usr/bin/time)
# environment (all optional):
#   ROWS=N     insights to generate (default 1000000)
#   KEEP=1     keep bench/out/bundle/source.db between runs (it is regenerated otherwise)
# Results go to bench/out/bundle/ (git-ignored): the workspaces, the bundle, the dump, each tool's output, table.txt.
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/.." && pwd)
TANDEM=$ROOT/tandem
ROWS=${ROWS:-1000000}
OUT=$ROOT/bench/out/bundle
SRC=$OUT/source.db

die() { echo "bundle.sh: $*" >&2; exit 1; }
command -v sqlite3 >/dev/null 2>&1 || die "sqlite3 is missing"
[ -x /usr/bin/time ] || die "/usr/bin/time is missing (apt-get install time)"
[ -x "$TANDEM" ] || die "$TANDEM is missing; run make first"
mkdir -p "$OUT"

# --- 1. The workspace: the demo, then ROWS insights written straight into SQLite (the full-text index follows
# through its triggers), each from one of the demo's accounts, over three years, a third of them tagged.
if [ "${KEEP:-}" != 1 ] || [ ! -f "$SRC" ]; then
	rm -f "$SRC" "$SRC-wal" "$SRC-shm"
	"$TANDEM" demo --db "$SRC" --no-serve --quiet > /dev/null
	echo "generating $ROWS insights ..."
	sqlite3 "$SRC" > /dev/null <<SQL
PRAGMA journal_mode = WAL;
PRAGMA synchronous = OFF;
BEGIN;
WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < $ROWS)
INSERT INTO insights (text, source, author, account_id, observed_at, tags, dismissed, created_at, updated_at, version)
SELECT 'Customer ' || i || ' says: ' ||
       CASE i % 7 WHEN 0 THEN 'exports must finish before the board meets; "please" keep the CSV'
                  WHEN 1 THEN 'alerts in Slack would save our managers an hour a day'
                  WHEN 2 THEN 'single sign-on with Okta is a must for our security review'
                  WHEN 3 THEN 'the weekly digest is the only email our team reads'
                  WHEN 4 THEN 'we need the anomaly explained inside the alert, not in a dashboard'
                  WHEN 5 THEN 'onboarding took three calls; a guided setup would have taken minutes'
                  ELSE 'client report templates would let our agency onboard clients faster' END,
       CASE i % 4 WHEN 0 THEN 'interview' WHEN 1 THEN 'sales' WHEN 2 THEN 'support' ELSE 'survey' END,
       CASE WHEN i % 3 = 0 THEN 'Sam Lee' END,
       (SELECT min(id) FROM accounts) + i % (SELECT count(*) FROM accounts), -- the demo's ids run without gaps
       date('2024-01-01', '+' || (i % 1095) || ' days'),
       CASE WHEN i % 3 = 0 THEN '["performance","reporting"]' ELSE '[]' END,
       0, '2026-11-01T09:00:00Z', '2026-11-01T09:00:00Z', 1
FROM n;
COMMIT;
SQL
fi
SIZE=$(du -m "$SRC" | cut -f1)
INSIGHTS=$(sqlite3 "$SRC" "SELECT count(*) FROM insights")

# measure NAME CMD... — runs CMD, keeps "seconds peak-KiB" in $OUT/NAME.time
measure() {
	local name=$1
	shift
	/usr/bin/time -f "%e %M" -o "$OUT/$name.time" "$@"
	echo "$name: $(cat "$OUT/$name.time" | awk '{printf "%.1f s, %.0f MiB peak\n", $1, $2 / 1024}')"
}

rm -f "$OUT"/imported.db* "$OUT"/restored.db* "$OUT"/*.time
echo "workspace: $INSIGHTS insights, $SIZE MB"
measure tandem-export sh -c "'$TANDEM' export json --db '$SRC' > '$OUT/bundle.json'"
measure tandem-import "$TANDEM" import json "$OUT/bundle.json" --db "$OUT/imported.db" > "$OUT/import.out"
measure sqlite3-dump sh -c "sqlite3 '$SRC' .dump > '$OUT/dump.sql'"
measure sqlite3-restore sh -c "sqlite3 '$OUT/restored.db' < '$OUT/dump.sql'"
"$TANDEM" export json --db "$OUT/imported.db" > "$OUT/bundle2.json"
if cmp -s <(sed 1d "$OUT/bundle.json") <(sed 1d "$OUT/bundle2.json"); then SAME=identical; else SAME=DIFFERENT; fi
[ "$SAME" = identical ] || echo "bundle.sh: the second export differs from the first (beyond exported_at)" >&2

row() { # NAME PEER-NAME LABEL
	local t m pt pm
	read -r t m < "$OUT/$1.time"
	read -r pt pm < "$OUT/$2.time"
	printf "%-24s %8.1f s %8.0f MiB   %-22s %8.1f s %8.0f MiB   ×%.2f time  ×%.2f memory\n" "$3" "$t" "$((m / 1024))" \
		"$4" "$pt" "$((pm / 1024))" "$(echo "$t / $pt" | bc -l)" "$(echo "$m / $pm" | bc -l)"
}
{
	echo "bench/bundle.sh — $INSIGHTS insights ($SIZE MB workspace), $(nproc) cores, $(date -u +%F)"
	echo "bundle $(du -m "$OUT/bundle.json" | cut -f1) MB, dump $(du -m "$OUT/dump.sql" | cut -f1) MB; export → import → export: $SAME"
	echo
	row tandem-export sqlite3-dump "tandem export json" "sqlite3 .dump"
	row tandem-import sqlite3-restore "tandem import json" "sqlite3 < dump.sql"
	echo
	echo "The ratios are Tandem over the sqlite3 shell doing the nearest job on the same file in the same run. The"
	echo "import checks every reference and builds the full-text index again through its triggers; the restore copies"
	echo "the index's own tables from the dump. Peak memory is the resident set /usr/bin/time reports."
} | tee "$OUT/table.txt"
