#!/bin/bash
# import.sh — benchmarks the insight import of a generated 1,000,000-row CSV against the sqlite3 shell importing the
# same file (../shared/bench/sqlite_import_limit.sh), with peak memory, then full-text search latency over that data.
#
# usage: bench/import.sh          (from anywhere; needs ./tandem built, curl, sqlite3, awk, /usr/bin/time)
# environment (all optional):
#   ROWS=N       rows to generate (default 1000000)
#   PEERS=DIR    the peer scripts (default: ../shared/bench next to the repository)
#   PORT=N       the port tandem serves the searches on (default 18750)
#   SEARCHES=N   search requests (default 200)
#   KEEP=1       keep bench/out/import/insights.csv between runs (it is regenerated otherwise)
# Results go to bench/out/import/ (git-ignored): the CSV, the workspace, each tool's output and table.txt.
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/.." && pwd)
TANDEM=$ROOT/tandem
PEERS=${PEERS:-$ROOT/../shared/bench}
ROWS=${ROWS:-1000000}
PORT=${PORT:-18750}
SEARCHES=${SEARCHES:-200}
OUT=$ROOT/bench/out/import
CSV=$OUT/insights.csv
DB=$OUT/bench.db

die() { echo "import.sh: $*" >&2; exit 1; }
for tool in curl sqlite3 awk; do command -v $tool >/dev/null 2>&1 || die "$tool is missing"; done
[ -x /usr/bin/time ] || die "/usr/bin/time is missing (apt-get install time)"
[ -x "$TANDEM" ] || die "$TANDEM is missing; run make first"
[ -f "$PEERS/sqlite_import_limit.sh" ] || die "no sqlite_import_limit.sh in $PEERS (set PEERS=DIR)"
mkdir -p "$OUT"

server_pid=
cleanup() { [ -n "$server_pid" ] && kill "$server_pid" 2>/dev/null && wait "$server_pid" 2>/dev/null; return 0; }
trap cleanup EXIT

# --- 1. The file: feedback of 8-30 words from a 240-word vocabulary (Zipf-like: frequent words repeat, rare
# ones are rare), 2,000 companies, dates over three years, one or two tags; every 50th text quoted with a comma
# and every 200th with a newline inside, like real exports.
if [ "${KEEP:-}" != 1 ] || [ ! -f "$CSV" ]; then
	awk -v rows="$ROWS" 'BEGIN {
		srand(42)
		n = split("the app should let me export reports faster please add dark mode search is slow when the " \
		"workspace grows large we need single sign on with okta and azure our team wants a calendar view for " \
		"due dates notifications in slack would help mobile approvals on the go billing page is confusing " \
		"invoices need purchase order numbers offline mode on the train keyboard shortcuts for power users " \
		"bulk edit tags and owners audit log export for compliance api access for our data warehouse custom " \
		"fields on every object roadmap sharing with customers read only links import from spreadsheets " \
		"duplicate detection merges requests permissions per project guest access for contractors two factor " \
		"authentication password reset emails arrive late onboarding checklist templates for new teams " \
		"integration with salesforce hubspot zendesk intercom jira linear github gitlab webhook retries " \
		"charts on the dashboard weekly digest email timezone support localization german french japanese " \
		"accessibility screen reader contrast printing layouts pdf export of the plan gantt timeline " \
		"dependencies between features capacity planning per sprint estimates in hours story points " \
		"reporting by segment persona churn risk expansion revenue renewal pricing tiers enterprise " \
		"security review vendor questionnaire data residency europe backups restore retention policy", w, " ")
		for (i = 1; i <= 2000; i++) company[i] = sprintf("Company %04d", i)
		split("ux,performance,integrations,security,billing,mobile,reporting,admin,api,onboarding", tag, ",")
		print "id,feedback,company,date,tags"
		for (r = 1; r <= rows; r++) {
			len = 8 + int(rand() * 23); s = ""
			for (k = 0; k < len; k++) { x = rand(); s = s (k ? " " : "") w[1 + int(x * x * n)] }
			if (r % 50 == 0) s = "\"" s ", and more\""
			else if (r % 200 == 1) s = "\"" s "\nsecond line\""
			c = company[1 + int(rand() * rand() * 2000)]
			d = sprintf("%04d-%02d-%02d", 2023 + int(rand() * 3), 1 + int(rand() * 12), 1 + int(rand() * 28))
			t = tag[1 + int(rand() * 10)]; if (rand() < 0.3) t = "\"" t "," tag[1 + int(rand() * 10)] "\""
			printf "bench-%d,%s,%s,%s,%s\n", r, s, c, d, t
		}
	}' > "$CSV"
fi
size_mb=$(awk -v b="$(wc -c < "$CSV")" 'BEGIN { printf "%.1f", b / 1048576 }')
echo "file: $CSV, $ROWS rows, $size_mb MiB"

# --- 2. Tandem: a fresh workspace, the CLI import, peak memory.
rm -f "$DB" "$DB-wal" "$DB-shm"
"$TANDEM" init --db "$DB" --admin bench@example.com > /dev/null
MAP="id=external_id,feedback=text,company=account,date=observed_at,tags=tags"
start=$(date +%s.%N)
/usr/bin/time -v "$TANDEM" import insights "$CSV" --db "$DB" --map "$MAP" --quiet > "$OUT/tandem.out" 2> "$OUT/tandem.time"
end=$(date +%s.%N)
tandem_s=$(awk "BEGIN { printf \"%.3f\", $end - $start }")
tandem_rss=$(sed -n 's/.*Maximum resident set size (kbytes): //p' "$OUT/tandem.time")
cat "$OUT/tandem.out"
echo "tandem-import rows=$(sqlite3 "$DB" 'SELECT count(*) FROM insights') seconds=$tandem_s max_rss_kb=$tandem_rss"

# --- 3. The reference: sqlite3's .import into a bare table plus an FTS5 index, on the same file.
ref_rss=$( { /usr/bin/time -v bash "$PEERS/sqlite_import_limit.sh" "$CSV" feedback > "$OUT/sqlite.out"; } 2>&1 |
	sed -n 's/.*Maximum resident set size (kbytes): //p')
cat "$OUT/sqlite.out"
sqlite_s=$(sed -n 's/.*seconds=\([0-9.]*\).*/\1/p' "$OUT/sqlite.out")

# --- 4. Search latency: the API over a served workspace, SEARCHES queries of one or two words.
token=$("$TANDEM" token create bench@example.com --db "$DB")
"$TANDEM" serve --db "$DB" --port "$PORT" --threads 4 --quiet > "$OUT/serve.out" 2>&1 &
server_pid=$!
for _ in $(seq 50); do curl -s -o /dev/null "http://127.0.0.1:$PORT/healthz" && break; sleep 0.1; done
words=(export dark search okta calendar slack mobile billing invoices offline shortcuts audit warehouse roadmap
	spreadsheets duplicate permissions contractors password onboarding salesforce zendesk webhook digest timezone
	german accessibility gantt capacity estimates churn renewal enterprise residency backups retention)
: > "$OUT/search.times"
for i in $(seq "$SEARCHES"); do
	q=${words[$((i % ${#words[@]}))]}
	[ $((i % 3)) -eq 0 ] && q="$q+${words[$(((i * 7) % ${#words[@]}))]}"
	curl -s -o /dev/null -w '%{time_total}\n' -H "Authorization: Bearer $token" \
		"http://127.0.0.1:$PORT/api/v1/insights?q=$q&limit=20" >> "$OUT/search.times"
done
kill "$server_pid"; wait "$server_pid" 2>/dev/null || true; server_pid=
pct() { sort -n "$1" | awk -v p="$2" '{ a[NR] = $1 } END { i = int(NR * p / 100 + 0.999); if (i < 1) i = 1; printf "%.2f", a[i] * 1000 }'; }
p50=$(pct "$OUT/search.times" 50)
p99=$(pct "$OUT/search.times" 99)
# the floor: the same ranked FTS5 queries (bm25, first 20) in the sqlite3 shell on the same database
{
	echo ".timer on"
	for i in $(seq "$SEARCHES"); do
		q=${words[$((i % ${#words[@]}))]}
		[ $((i % 3)) -eq 0 ] && q="$q ${words[$(((i * 7) % ${#words[@]}))]}"
		echo "SELECT count(*) FROM (SELECT rowid FROM insights_fts WHERE insights_fts MATCH '$q' ORDER BY rank LIMIT 20);"
	done
} | sqlite3 "$DB" 2>&1 | sed -n 's/^Run Time: real \([0-9.]*\).*/\1/p' > "$OUT/sqlite_search.times"
sp50=$(pct "$OUT/sqlite_search.times" 50)
sp99=$(pct "$OUT/sqlite_search.times" 99)

{
	echo "rows $ROWS, file $size_mb MiB"
	printf "%-34s %10s %14s\n" "import" "seconds" "max RSS MiB"
	printf "%-34s %10s %14s\n" "tandem import insights (CLI)" "$tandem_s" "$((tandem_rss / 1024))"
	printf "%-34s %10s %14s\n" "sqlite3 .import + FTS5 rebuild" "$sqlite_s" "$((ref_rss / 1024))"
	printf "%-34s %10s %10s\n" "search ($SEARCHES queries)" "p50 ms" "p99 ms"
	printf "%-34s %10s %10s\n" "tandem GET /api/v1/insights?q=" "$p50" "$p99"
	printf "%-34s %10s %10s\n" "sqlite3 shell, same FTS5 query" "$sp50" "$sp99"
	awk -v t="$tandem_s" -v s="$sqlite_s" 'BEGIN { printf "import: tandem/sqlite3 time x%.2f (%.0f rows/s)\n", t / s, '"$ROWS"' / t }'
	awk -v a="$p50" -v b="$sp50" -v c="$p99" -v d="$sp99" 'BEGIN {
		printf "search: tandem/sqlite3 p50 x%.1f, p99 x%.1f\n", (b > 0 ? a / b : 0), (d > 0 ? c / d : 0) }'
} | tee "$OUT/table.txt"
