# test_import.sh — importing insights from CSV: the API (counts, idempotence, errors by line, all or nothing,
# 413/415, roles), search over what was imported, the CLI with its summary and exit codes, and the upload pages
# on a live server (ports 18700-18799).
. "$(dirname "$0")/lib.sh"
make_demo
DATA=$ROOT/tests/data
CONTRIB=$(token contributor)
VIEWER=$(token viewer)

# send METHOD PATH FILE [HEADER...]: one request through `tandem http` with FILE as the body, bytes exact.
send() {
	_m=$1 _p=$2 _f=$3
	shift 3
	{
		printf '%s %s HTTP/1.1\r\nHost: test\r\n' "$_m" "$_p"
		for _h in "$@"; do printf '%s\r\n' "$_h"; done
		printf 'Content-Length: %s\r\n\r\n' "$(wc -c < "$_f" | tr -d ' ')"
		cat "$_f"
	} | "$TANDEM" http --db "$DB" > "$TMP/raw" 2> "$TMP/oneshot.err"
	sed -n '1,/^\r$/p' "$TMP/raw" > "$TMP/h"
	sed '1,/^\r$/d' "$TMP/raw" > "$TMP/b"
	STATUS=$(head -1 "$TMP/raw" | cut -d' ' -f2)
	clean_log "$TMP/oneshot.err" || { not_ok "tandem http $_m $_p ran clean under the sanitizers"; cat "$TMP/oneshot.err"; }
}
# import QUERY FILE [TOKEN]: POST /api/v1/insights/import?QUERY as text/csv.
import() { send POST "/api/v1/insights/import?$1" "$2" "Authorization: Bearer ${3:-$CONTRIB}" "Content-Type: text/csv"; }
ninsights() { sql "SELECT count(*) FROM insights"; }
counts() { echo "$(jget "$TMP/b" j.imported) $(jget "$TMP/b" j.unchanged) $(jget "$TMP/b" j.skipped)"; }

# --- the API
BEFORE=$(ninsights)
import "" "$DATA/fider_posts.csv"
expect "Fider posts.csv recognised and imported: 4 new, the deleted post skipped" "200 fider 4 0 1" \
	"$STATUS $(jget "$TMP/b" j.format) $(counts)"
expect "four more insights" $((BEFORE + 4)) "$(ninsights)"
expect "external ids are fider:<number>" "fider:1 fider:2 fider:3 fider:5" \
	"$(sql "SELECT group_concat(external_id, ' ') FROM (SELECT external_id FROM insights WHERE external_id LIKE 'fider:%' ORDER BY id)")"
expect "one audit row names the import and its user" "1 contributor@demo.tandem" \
	"$(sql "SELECT count(*), u.email FROM audit a JOIN users u ON u.id = a.user_id WHERE a.action = 'import' AND a.changes LIKE '%imported 4 insights from fider%'" | tr '|' ' ')"
TODAY=$(date -u +%Y-%m-%d)
expect "a Fider post keeps the file's date (created_at), not the import's" "2025-03-02 $TODAY" \
	"$(sql "SELECT observed_at || ' ' || substr(created_at, 1, 10) FROM insights WHERE external_id = 'fider:1'")"
import "format=fider" "$DATA/fider_posts.csv"
expect "the same file again changes nothing" "200 0 4 1 $((BEFORE + 4))" "$STATUS $(counts) $(ninsights)"

import "format=jira" "$DATA/jira_issues.csv"
expect "Jira CSV (CRLF, repeated Labels) imports 3" "200 3" "$STATUS $(jget "$TMP/b" j.imported)"
expect "Jira issues keep their Created dates (14/Jul/25 3:42 PM and others)" "2025-07-14 2025-08-02 2024-12-30" \
	"$(sql "SELECT group_concat(observed_at, ' ') FROM (SELECT observed_at FROM insights WHERE external_id IN ('jira:CX-101', 'jira:CX-102', 'jira:CX-103') ORDER BY external_id)")"
expect "repeated Labels columns become the tags" '["customer-request","bulk-edit","Web app"]' \
	"$(sql "SELECT tags FROM insights WHERE external_id = 'jira:CX-101'")"

import "map=Feedback%3Dtext%2CCompany%3Daccount%2CDate%3Dobserved_at" "$DATA/ragged.csv"
expect "ragged rows: the good ones imported, the bad ones by line" "200 2 3 4" \
	"$STATUS $(jget "$TMP/b" j.imported) $(jget "$TMP/b" 'j.errors[0].line') $(jget "$TMP/b" 'j.errors[1].line')"
check "a ragged row's message counts its fields" contains "$TMP/b" "4 fields where the header has 3"

N=$(ninsights)
A=$(sql "SELECT count(*) FROM accounts")
import "map=Feedback%3Dtext%2CCompany%3Daccount%2CDate%3Dobserved_at%2CChannel%3Dsource&all_or_nothing=1" "$DATA/bad_rows.csv"
expect "all_or_nothing with bad rows answers 422 and imports nothing" "422 invalid 0 true 3" \
	"$STATUS $(jget "$TMP/b" j.error.code) $(jget "$TMP/b" j.imported) $(jget "$TMP/b" j.rolled_back) $(jget "$TMP/b" 'j.errors.length')"
expect "all_or_nothing left insights and accounts as they were" "$N $A" "$(ninsights) $(sql "SELECT count(*) FROM accounts")"
import "map=Feedback%3Dtext%2CDate%3Dobserved_at%2CChannel%3Dsource" "$DATA/bad_rows.csv"
expect "without all_or_nothing the good row is kept" "200 1 3" "$STATUS $(jget "$TMP/b" j.imported) $(jget "$TMP/b" j.skipped)"
expect "a bad date is named with its line" "3 cannot read the date" \
	"$(jget "$TMP/b" 'j.errors[1].line') $(jget "$TMP/b" 'j.errors[1].message.slice(0, 20)')"
check "... and its column" contains "$TMP/b" "cannot read the date '32/13/2025' in column 'Date'"
expect "the good rows keep their file's dates" "2025-01-04" \
	"$(sql "SELECT group_concat(observed_at) FROM insights WHERE text = 'Good one'")"

import "" "$DATA/unknown_header.csv"
expect "a header matching no layout is 400 and lists the header" "400 invalid" "$STATUS $(jget "$TMP/b" j.error.code)"
check "... telling how to map it" contains "$TMP/b" "use format=generic with map="
check "... with the header" contains "$TMP/b" "Foo, Bar, Baz"
import "format=generic&map=Nope%3Dtext" "$DATA/fider_posts.csv"
expect "a map naming a missing column is 400" 400 "$STATUS"
import "format=csv" "$DATA/fider_posts.csv"
expect "an unknown format is 400" 400 "$STATUS"
import "" "$DATA/empty.csv"
expect "an empty body is 400" "400" "$STATUS"
check "... saying the file is empty" contains "$TMP/b" "the file is empty"
import "map=Feedback%3Dtext" "$DATA/unbalanced_quote.csv"
expect "an unbalanced quote is reported on the line it opens" "200 1 3" \
	"$STATUS $(jget "$TMP/b" j.imported) $(jget "$TMP/b" 'j.errors[0].line')"
import "map=Feedback%3Dtext" "$DATA/invalid_utf8.csv"
expect "invalid UTF-8 is reported by line" "200 2 3" "$STATUS $(jget "$TMP/b" j.imported) $(jget "$TMP/b" 'j.errors[0].line')"

send POST /api/v1/insights/import "$DATA/fider_posts.csv" "Authorization: Bearer $CONTRIB" "Content-Type: application/json"
expect "a body that is not text/csv is 415" "415 unsupported_media_type" "$STATUS $(jget "$TMP/b" j.error.code)"
import "" "$DATA/fider_posts.csv" "$VIEWER"
expect "viewers may not import" 403 "$STATUS"
printf 'POST /api/v1/insights/import HTTP/1.1\r\nHost: t\r\nAuthorization: Bearer %s\r\nContent-Type: text/csv\r\nContent-Length: 300000000\r\n\r\n' "$CONTRIB" |
	"$TANDEM" http --db "$DB" > "$TMP/raw" 2> /dev/null
expect "a body over the import limit is 413" 413 "$(head -1 "$TMP/raw" | cut -d' ' -f2)"
check "... naming the limit (256 MiB)" grep -q "over the limit of 268435456 bytes" "$TMP/raw"
printf 'POST /api/v1/goals HTTP/1.1\r\nHost: t\r\nAuthorization: Bearer %s\r\nContent-Type: application/json\r\nContent-Length: 2000000\r\n\r\n' "$CONTRIB" |
	"$TANDEM" http --db "$DB" > "$TMP/raw" 2> /dev/null
expect "other routes keep the 1 MiB limit" 413 "$(head -1 "$TMP/raw" | cut -d' ' -f2)"

# --- real reviews, then search through the API
import "map=review_id%3Dexternal_id%2Ctext%3Dtext%2Cauthor%3Dauthor%2Capp%3Dtags%2Cstore%3Dtags%2Csource%3Durl&source=review" \
	"$DATA/app-reviews.csv"
expect "the 555 real app reviews import" "200 555 0" "$STATUS $(jget "$TMP/b" j.imported) $(jget "$TMP/b" 'j.errors.length')"
expect "... with no date column, no observed date (never the import's)" 555 \
	"$(sql "SELECT count(*) FROM insights WHERE external_id LIKE 'is22:%' AND observed_at IS NULL")"
expect "... as reviews" 555 "$(sql "SELECT count(*) FROM insights WHERE source = 'review' AND external_id LIKE 'is22:%'")"
BODY= oneshot GET "/api/v1/insights?q=lyrics&limit=3" "Authorization: Bearer $VIEWER"
unset BODY
expect "searching 'lyrics' ranks the Spotify review asking for lyrics first" "200 Spotify" \
	"$STATUS $(jget "$TMP/b" 'j.items[0].tags[0]')"
check "... with the match highlighted" contains "$TMP/b" "<mark>lyrics</mark>"

# --- the CLI
run() {
	"$TANDEM" "$@" > "$TMP/out" 2> "$TMP/err"
	RC=$?
	clean_log "$TMP/err" || { not_ok "tandem $* ran clean under the sanitizers"; cat "$TMP/err"; }
}
run import insights "$DATA/productboard_notes.csv" --db "$DB"
expect "CLI import exits 0" 0 "$RC"
check "CLI prints a summary" grep -q "productboard_notes.csv: 3 rows (productboard): 3 imported, 0 unchanged, 0 skipped, 0 malformed" "$TMP/out"
check "no progress bar when stderr is not a terminal" lacks "$TMP/err" "%"
run import insights "$DATA/productboard_notes.csv" --db "$DB"
expect "Productboard notes keep their Created at dates" "2025-05-02 2025-05-03" \
	"$(sql "SELECT group_concat(observed_at, ' ') FROM (SELECT observed_at FROM insights WHERE external_id IN ('productboard:a1b2c3', 'productboard:d4e5f6') ORDER BY external_id)")"
check "CLI re-import: all unchanged" grep -q "0 imported, 3 unchanged" "$TMP/out"
run import insights "$DATA/bad_rows.csv" --map "Feedback=text,Date=observed_at,Channel=source" --db "$DB"
expect "CLI exits 1 when rows are malformed" 1 "$RC"
check "CLI names each bad row FILE:LINE" grep -q "bad_rows.csv:3: cannot read the date '32/13/2025'" "$TMP/err"
N=$(ninsights)
run import insights "$DATA/ragged.csv" --map "Feedback=text,Company=account" --all-or-nothing --db "$DB"
expect "CLI --all-or-nothing: exit 1, nothing imported" "1 $N" "$RC $(ninsights)"
check "... and says so" grep -q "nothing was imported (--all-or-nothing)" "$TMP/out"
run import insights "$DATA/unknown_header.csv" --db "$DB"
expect "CLI exits 2 when the import cannot run" 2 "$RC"
check "... with the reason" grep -q "header matches no known layout" "$TMP/err"
run import insights "$TMP/missing.csv" --db "$DB"
expect "CLI: a missing file exits 2" 2 "$RC"
run import insights "$DATA/generic_bom.csv" --db "$DB" --map "Feedback=text,Date=observed_at" --source interview
expect "CLI: BOM, CRLF, Excel dates and --source" "0 2" "$RC $(sql "SELECT count(*) FROM insights WHERE source = 'interview' AND observed_at IN ('2025-06-21', '2025-07-01')")"
run import features "$DATA/fider_posts.csv" --db "$DB"
expect "CLI: only insights can be imported" 2 "$RC"
"$TANDEM" import insights - --db "$DB" --format quackback < "$DATA/quackback_posts.csv" > "$TMP/out" 2>&1
check "CLI reads stdin for -" grep -q "3 imported" "$TMP/out"
expect "Quackback posts keep their created_at dates" "$(awk -F'","' 'NR > 1 { print substr($NF, 1, 10) }' "$DATA/quackback_posts.csv" | sort | tr '\n' ' ')" \
	"$(sql "SELECT observed_at FROM insights WHERE external_id LIKE 'quackback:%' ORDER BY observed_at" | tr '\n' ' ')"

# --- the pages, on a live server: upload, preview, import
_p=18700
while [ "$_p" -le 18799 ] && [ -z "$PORT" ]; do
	if ! curl -s -o /dev/null --max-time 1 "http://127.0.0.1:$_p/healthz"; then
		"$TANDEM" serve --db "$DB" --port "$_p" --threads 2 > "$TMP/server.out" 2> "$TMP/server.err" &
		SERVER_PID=$!
		for _i in 1 2 3 4 5 6 7 8 9 10 11 12 13 14 15 16 17 18 19 20 21 22 23 24 25 26 27 28 29 30; do
			curl -s -o /dev/null --max-time 1 "http://127.0.0.1:$_p/healthz" && { PORT=$_p; break; }
			sleep 0.2
		done
		[ -z "$PORT" ] && { kill "$SERVER_PID" 2> /dev/null; wait "$SERVER_PID" 2> /dev/null; SERVER_PID=""; }
	fi
	_p=$((_p + 1))
done
[ -n "$PORT" ] || { not_ok "a free port in 18700-18799"; finish; exit 1; }
BASE="http://127.0.0.1:$PORT"
api GET /login -c "$TMP/jar"
LOGIN_CSRF=$(sed -n 's/.*name="_csrf" value="\([^"]*\)".*/\1/p' "$TMP/b" | head -1)
api POST /login -b "$TMP/jar" -c "$TMP/jar" -d "_csrf=$LOGIN_CSRF&email=contributor@demo.tandem&password=tandem-demo"
expect "contributor signs in" 303 "$STATUS"
api GET /insights/import -b "$TMP/jar"
expect "the import page answers" 200 "$STATUS"
check "... with an upload form" contains "$TMP/b" 'enctype="multipart/form-data"'
CSRF=$(sed -n 's/.*name="_csrf" value="\([^"]*\)".*/\1/p' "$TMP/b" | head -1)
api POST /insights/import/preview -b "$TMP/jar" -F "_csrf=$CSRF" -F "format=" -F "source=" \
	-F "file=@$DATA/canny_posts.csv;type=text/csv"
expect "the preview answers" 200 "$STATUS"
check "... recognising the layout" contains "$TMP/b" "Recognised as a <strong>quackback</strong> export"
check "... with the first rows" contains "$TMP/b" "Zapier integration"
check "... and a field select per column" contains "$TMP/b" '<select name="col9"'
check "... and the source the layout suggests (a feedback board: support)" contains "$TMP/b" '<option selected>support</option>'
check "the preview wrote nothing" test "$(sql "SELECT count(*) FROM insights WHERE external_id LIKE 'quackback:5f1a%'")" -eq 0
# the second step: the form as the page has it (hidden fields and the selects' chosen options)
node -e '
const html = require("fs").readFileSync(process.argv[1], "utf8");
const out = [];
for (const m of html.matchAll(/<input type="hidden" name="([^"]+)" value="([^"]*)">/g)) out.push([m[1], m[2]]);
for (const m of html.matchAll(/<select name="(col\d+)"[^>]*>([\s\S]*?)<\/select>/g)) {
  const sel = m[2].match(/<option selected>([^<]*)<\/option>/);
  out.push([m[1], sel ? sel[1] : ""]);
}
for (const [k, v] of out) console.log(k + "=" + v.replace(/&amp;/g, "&"));
' "$TMP/b" > "$TMP/form"
set --
while IFS= read -r line; do set -- "$@" --form-string "$line"; done < "$TMP/form"
api POST /insights/import -b "$TMP/jar" "$@"
expect "the import answers its result" 200 "$STATUS"
check "... with the counts" contains "$TMP/b" "<strong>2</strong> imported"
expect "the two Canny posts are insights now" 2 "$(sql "SELECT count(*) FROM insights WHERE external_id LIKE 'quackback:5f1a%'")"
api POST /insights/import -b "$TMP/jar" "$@"
check "posting the form again changes nothing" contains "$TMP/b" "<strong>2</strong> unchanged"
# an edited mapping switches to generic: ignore the title column
sed 's/^col0=text$/col0=/' "$TMP/form" > "$TMP/form2"
set --
while IFS= read -r line; do set -- "$@" --form-string "$line"; done < "$TMP/form2"
api POST /insights/import -b "$TMP/jar" "$@"
check "an edited mapping imports as generic" contains "$TMP/b" "rows read as generic"
api POST /insights/import/preview -b "$TMP/jar" -F "_csrf=$CSRF" -F "format=" -F "source=" \
	-F "file=@$DATA/long_urls.csv;type=text/csv"
check "a preview names the layout it recognised" contains "$TMP/b" "Recognised as a <strong>productboard</strong> export (Productboard notes)"
check "... proposes its source (Productboard notes: interview)" contains "$TMP/b" '<option selected>interview</option>'
check "... clips a long URL, the whole of it in the cell's title" contains "$TMP/b" \
	'<td class="long" title="https://umbrella.example/tickets/SEC-4471/attachments/saml-requirements-final-v3-reviewed-by-legal-and-procurement-2025-04-14-with-comments-from-the-it-security-team-and-the-data-protection-officer.pdf">https://umbrella.example/tickets/SEC-4471/'
check "... in a table whose cells break long words" contains "$TMP/b" 'class="list compact preview"'
api POST /insights/import/preview -b "$TMP/jar" -F "_csrf=$CSRF" -F "format=" -F "source=sales" \
	-F "file=@$DATA/long_urls.csv;type=text/csv"
check "a source chosen on upload is kept" contains "$TMP/b" '<option selected>sales</option>'
api POST /insights/import/preview -b "$TMP/jar" -F "_csrf=$CSRF" -F "format=" -F "file=@$DATA/empty.csv;type=text/csv"
expect "an empty upload is refused with the form again" 400 "$STATUS"
api POST /insights/import/preview -b "$TMP/jar" -F "_csrf=$CSRF" -F "format=jira" -F "file=@$DATA/fider_posts.csv"
check "a layout that does not fit is named" contains "$TMP/b" "not a jira export"
head -c 34000000 /dev/zero | tr '\0' 'a' > "$TMP/big.csv"
api POST /insights/import/preview -b "$TMP/jar" -F "_csrf=$CSRF" -F "file=@$TMP/big.csv"
expect "an upload over the page limit is 413" 413 "$STATUS"
api POST /api/v1/insights/import -b "$TMP/jar" -H "Content-Type: text/csv" --data-binary "@$DATA/fider_posts.csv"
expect "a cookie API import needs the CSRF token" 403 "$STATUS"
curl -s -o /dev/null -X POST "$BASE/api/v1/insights/import?format=fider" -H "Authorization: Bearer $CONTRIB" \
	-H "Content-Type: text/csv" --data-binary "@$DATA/fider_posts_old.csv" -w '%{http_code}' > "$TMP/code"
expect "a live API import over TCP" 200 "$(cat "$TMP/code")"
# a body over 4 MiB goes to a temp file, not memory, and is streamed into the import
awk 'BEGIN { print "id,feedback,company"; for (i = 1; i <= 60000; i++)
	printf "big-%d,\"Customer %d wants the roadmap exported, with comments, every week\",Acme %d\n", i, i, i % 50 }' > "$TMP/large.csv"
check "the large file is over 4 MiB" test "$(wc -c < "$TMP/large.csv")" -gt 4194304
_before=$(ninsights)
curl -s -o "$TMP/large.out" -X POST "$BASE/api/v1/insights/import?map=id%3Dexternal_id%2Cfeedback%3Dtext%2Ccompany%3Daccount" \
	-H "Authorization: Bearer $CONTRIB" -H "Content-Type: text/csv" --data-binary "@$TMP/large.csv" -w '%{http_code}' > "$TMP/code"
expect "a 5 MiB API import (spooled to a temp file) imports every row" "200 60000 0" \
	"$(cat "$TMP/code") $(jget "$TMP/large.out" j.imported) $(jget "$TMP/large.out" j.skipped)"
expect "all of them are in the workspace" "$((_before + 60000))" "$(ninsights)"
curl -s -o "$TMP/large.out" -X POST "$BASE/api/v1/insights/import?map=id%3Dexternal_id%2Cfeedback%3Dtext%2Ccompany%3Daccount" \
	-H "Authorization: Bearer $CONTRIB" -H "Content-Type: text/csv" --data-binary "@$TMP/large.csv"
expect "importing it again changes nothing (external ids)" "60000 $((_before + 60000))" "$(jget "$TMP/large.out" j.unchanged) $(ninsights)"
stop_server
finish
