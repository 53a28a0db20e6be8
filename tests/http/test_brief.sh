# test_brief.sh — a launch's sales enablement brief: data made through the API (goal, segment, persona, release,
# features with linked evidence, launch, RACI), then the Markdown download, the printable page, the JSON, 404s,
# roles, hostile titles, the CLI; a live server (ports 19200-19299) for ETag/304 and a clean stop.
. "$(dirname "$0")/lib.sh"
make_demo
VIEWER=$(token viewer)
CONTRIB=$(token contributor)
PM=$(token pm)
J="Content-Type: application/json"
# req ROLE-TOKEN METHOD PATH [BODY]: one bearer request; body in $TMP/b, status in $STATUS
req() {
	_t=$1 _m=$2 _p=$3
	if [ $# -ge 4 ]; then
		BODY=$4
		oneshot "$_m" "$_p" "Authorization: Bearer $_t" "$J"
	else
		oneshot "$_m" "$_p" "Authorization: Bearer $_t"
	fi
	unset BODY
}
unset BODY
# made NAME: the last request created something (201); prints nothing, records the check
made() { expect "creates $1" 201 "$STATUS"; }
HOSTILE='*x* <script>alert(1)</script> [y](javascript:alert(1))'
# the page's only script is the print button's file (the CSP forbids inline ones)
only_script_file() { [ "$(grep -o '<script[^>]*>' "$TMP/brief.html" | sort -u)" = '<script src="/static/brief.js" defer>' ]; }

# --- the data, through the API
req "$PM" POST /api/v1/goals '{"title":"Grow weekly active teams","metric":"Weekly active teams","unit":"teams","baseline":420,"target":600,"due":"2027-06-30"}'
made "a goal"
G=$(jget "$TMP/b" j.id)
req "$PM" POST /api/v1/segments '{"name":"Data-led scale-ups","size":1200,"description":"Series B to D, a data team of 3+"}'
made "a segment"
S=$(jget "$TMP/b" j.id)
req "$PM" POST /api/v1/personas "{\"name\":\"Dana\",\"role\":\"Head of Data\",\"segment_id\":$S,\"pains\":\"- Stakeholders wait a week for numbers\",\"gains\":\"Self-serve answers\"}"
made "a persona"
P=$(jget "$TMP/b" j.id)
req "$PM" POST /api/v1/releases '{"name":"2027.9 Brief","target_date":"2027-03-01"}'
made "a release"
R=$(jget "$TMP/b" j.id)
BODY_F1=$(node -e 'console.log(JSON.stringify({title: process.argv[1], tier: "pro", status: "planned", release_id: +process.argv[2],
  persona_ids: [+process.argv[3]], goals: [{goal_id: +process.argv[4], weight: 3}],
  description: "## Heading\n\nScheduled **exports** to the warehouse.\n\nNot in the brief."}))' "$HOSTILE" "$R" "$P" "$G")
req "$PM" POST /api/v1/features "$BODY_F1"
made "a feature with a hostile title"
F1=$(jget "$TMP/b" j.id)
req "$PM" POST /api/v1/features "{\"title\":\"Brief share links\",\"tier\":\"free\",\"status\":\"accepted\",\"release_id\":$R}"
made "a second feature"
F2=$(jget "$TMP/b" j.id)
# evidence (demo accounts: 1 Acme Logistics 48,000 ARR, 4 Umbrella Health 330,000)
req "$CONTRIB" POST /api/v1/insights '{"text":"Quote-nice-to-have from Umbrella","source":"survey","account_id":4}'
I1=$(jget "$TMP/b" j.id)
req "$CONTRIB" POST /api/v1/insights '{"text":"Quote-critical from Acme","source":"interview","author":"Sam Lee","account_id":1}'
I2=$(jget "$TMP/b" j.id)
req "$CONTRIB" POST /api/v1/insights '{"text":"Quote-important from Umbrella","source":"sales","account_id":4}'
I3=$(jget "$TMP/b" j.id)
req "$CONTRIB" POST /api/v1/insights '{"text":"Quote-critical from Umbrella","source":"support","account_id":4}'
I4=$(jget "$TMP/b" j.id)
req "$CONTRIB" POST "/api/v1/features/$F1/evidence" "{\"insight_id\":$I1,\"importance\":1}"
req "$CONTRIB" POST "/api/v1/features/$F1/evidence" "{\"insight_id\":$I2,\"importance\":3}"
req "$CONTRIB" POST "/api/v1/features/$F2/evidence" "{\"insight_id\":$I3,\"importance\":2}"
req "$CONTRIB" POST "/api/v1/features/$F2/evidence" "{\"insight_id\":$I4,\"importance\":3}"
expect "insights linked to the features" 4 "$(sql "SELECT count(*) FROM feature_insights WHERE feature_id IN ($F1, $F2)")"
PMM_ID=$(sql "SELECT id FROM users WHERE email = 'pmm@demo.tandem'")
PM_ID=$(sql "SELECT id FROM users WHERE email = 'pm@demo.tandem'")
BODY_L=$(node -e 'console.log(JSON.stringify({title: "Brief launch " + process.argv[1], tier: 1, launch_date: "2027-03-15",
  release_id: +process.argv[2], feature_ids: [+process.argv[3], +process.argv[4]], segment_ids: [+process.argv[5]],
  owner: +process.argv[6], summary: "Exports land where the data team works.\n\n<script>alert(2)</script>"}))' \
	"$HOSTILE" "$R" "$F1" "$F2" "$S" "$PMM_ID")
req "$PM" POST /api/v1/launches "$BODY_L"
made "a tier-1 launch"
L=$(jget "$TMP/b" j.id)
req "$PM" POST /api/v1/launch-raci "{\"launch_id\":$L,\"user_id\":$PM_ID,\"raci\":\"R\"}"
made "a RACI entry"

# --- the Markdown download
req "$VIEWER" GET "/launches/$L/brief.md"
cp "$TMP/b" "$TMP/brief.md"
expect "a viewer downloads the Markdown: 200" 200 "$STATUS"
expect "as text/markdown" "text/markdown; charset=utf-8" "$(header Content-Type)"
expect "as an attachment named after the launch" "attachment; filename=\"launch-$L-brief-launch-x-script-alert-1-script-y-javascript-alert-1.md\"" \
	"$(header Content-Disposition)"
for s in "## What ships" "## For whom" "## Why it matters" "## How to talk about it" "## Against the competition" "## Availability by tier" "## FAQ" "## Checklist status"; do
	check "the Markdown has '$s'" contains "$TMP/brief.md" "$s"
done
check "the title, escaped" contains "$TMP/brief.md" '# Brief launch \*x\* &lt;script&gt;alert(1)&lt;/script&gt; \[y\](javascript:alert(1))'
check "no raw <script from user text in the Markdown" lacks "$TMP/brief.md" "<script"
check "the head: date, tier, release, owner" contains "$TMP/brief.md" "| 2027-03-15 | 1 · major | 2027.9 Brief (target 2027-03-01) | planning | Marco Rossi |"
check "the feature's first paragraph only" contains "$TMP/brief.md" "Scheduled **exports** to the warehouse."
check "not its second paragraph" lacks "$TMP/brief.md" "Not in the brief."
check "the persona with its segment and pains" contains "$TMP/brief.md" "- **Dana** (Head of Data, segment Data-led scale-ups)"
check "pains on one line" contains "$TMP/brief.md" "  - *Pains:* Stakeholders wait a week for numbers"
check "the goal: metric, current → target" contains "$TMP/brief.md" "- **Grow weekly active teams** — Weekly active teams: 420"
check "the evidence tally" contains "$TMP/brief.md" "4 insights from 2 accounts back these features, 2 of them critical."
order=$(grep -n -o 'Quote-[a-z-]* from [A-Za-z]*' "$TMP/brief.md" | cut -d: -f2 | tr '\n' ',')
expect "quotes: most important first, then by ARR" "Quote-critical from Umbrella,Quote-critical from Acme,Quote-important from Umbrella,Quote-nice-to-have from Umbrella," "$order"
check "a quote names author, account, source" contains "$TMP/brief.md" "> — Sam Lee, Acme Logistics · interview · critical"
check "the messaging placeholder" contains "$TMP/brief.md" "No approved messaging yet — add it before the launch."
check "the summary as the story, its HTML disarmed" contains "$TMP/brief.md" "&lt;script>alert(2)&lt;/script>"
check "availability: the pro feature" contains "$TMP/brief.md" '| \*x\* &lt;script&gt;alert(1)&lt;/script&gt; \[y\](javascript:alert(1)) | — | ✓ | ✓ |'
check "availability: the free feature" contains "$TMP/brief.md" "| Brief share links | ✓ | ✓ | ✓ |"
check "FAQ: when" contains "$TMP/brief.md" "It launches on **2027-03-15**. Engineering ships it in release 2027.9 Brief, targeted for 2027-03-01."
check "FAQ: which plan" contains "$TMP/brief.md" "**Free:** Brief share links. **Pro:** everything in Free, plus"
check "FAQ: who to ask (owner and R)" contains "$TMP/brief.md" "The launch owner: **Marco Rossi** (pmm@demo.tandem). Responsible: **Priya Patel** (pm@demo.tandem)."
check "the open checklist of a tier-1 launch" contains "$TMP/brief.md" "**0 of 7** items done. Open:"
oneshot HEAD "/launches/$L/brief.md" "Authorization: Bearer $VIEWER"
expect "HEAD on the download: 200" 200 "$STATUS"

# --- the printable page
req "$VIEWER" GET "/launches/$L/brief"
cp "$TMP/b" "$TMP/brief.html"
expect "a viewer opens the printable page: 200" 200 "$STATUS"
expect "as HTML" "text/html; charset=utf-8" "$(header Content-Type)"
check "with a strict CSP" contains "$TMP/h" "script-src 'self'"
for s in "<h2>What ships</h2>" "<h2>For whom</h2>" "<h2>Why it matters</h2>" "<h2>How to talk about it</h2>" \
	"<h2>Availability by tier</h2>" "<h2>FAQ</h2>" "<h2>Checklist status</h2>" "<h3>When is it available?</h3>"; do
	check "the page has $s" contains "$TMP/brief.html" "$s"
done
check "the hostile title shown as text" contains "$TMP/brief.html" "<h1>Brief launch *x* &lt;script&gt;alert(1)&lt;/script&gt; [y](javascript:alert(1))</h1>"
check "no emphasis injected by the title" lacks "$TMP/brief.html" "<em>x</em>"
check "no javascript: link" lacks "$TMP/brief.html" 'href="javascript'
check "no inline script: the only script is the print button's file" only_script_file
check "the print stylesheet" contains "$TMP/brief.html" '<link rel="stylesheet" href="/static/brief.css">'
check "links back to the launch and to the download" contains "$TMP/brief.html" "href=\"/launches/$L/brief.md\" download"
check "a print hint that works without scripts" contains "$TMP/brief.html" "press Ctrl+P"
oneshot GET /static/brief.css
check "the stylesheet hides the bar when printing" contains "$TMP/b" "@media print"
check "and is laid out for A4" contains "$TMP/b" "size: A4"
oneshot GET /static/brief.js
expect "the print button's script is served" "200 text/javascript; charset=utf-8" "$STATUS $(header Content-Type)"
req "$VIEWER" GET "/launches/$L"
expect "the launch's own page still answers" 200 "$STATUS"

# --- the JSON
req "$VIEWER" GET "/api/v1/launches/$L/brief"
expect "a viewer gets the brief as JSON: 200" "200 $L" "$STATUS $(jget "$TMP/b" j.launch_id)"
node -e 'const fs = require("fs"); const j = JSON.parse(fs.readFileSync(process.argv[1], "utf8"));
process.exit(j.markdown === fs.readFileSync(process.argv[2], "utf8") ? 0 : 1)' "$TMP/b" "$TMP/brief.md"
expect "its markdown is the download's" 0 $?
expect "its html has the sections, safely" "true true false" \
	"$(jget "$TMP/b" 'j.html.includes("<h2>FAQ</h2>")') $(jget "$TMP/b" 'j.html.includes("&lt;script&gt;alert(1)")') $(jget "$TMP/b" 'j.html.includes("<script")')"

# --- the PMM's work: the launch's page and JSON show its PR/FAQ and its segment's positioning; the brief prints them
# once approved (a pm and a pmm), and the battlecard of the competitor the positioning names
PMM=$(token pmm)
req "$PM" GET "/launches/$L"
cp "$TMP/b" "$TMP/launch.html"
check "the launch's page has the PR/FAQ and messaging section" contains "$TMP/launch.html" '<section id="messaging"><h2>PR/FAQ and messaging</h2>'
check "no PR/FAQ yet: a writer is offered to write it for this launch" contains "$TMP/launch.html" "href=\"/prfaqs/new?launch_id=$L\">Write the PR/FAQ</a>"
check "the segment without positioning, with its ladder and a way to write it" contains "$TMP/launch.html" \
	"<strong>Data-led scale-ups</strong>: <span class=\"muted\">no positioning yet</span> · <a href=\"/messaging?segment_id=$S\">The ladder</a> · <a href=\"/messages/new?segment_id=$S&amp;level=positioning&amp;status=draft\">"
req "$VIEWER" GET "/launches/$L"
check "a viewer is not offered to write one" lacks "$TMP/b" "Write the PR/FAQ"
req "$VIEWER" GET "/api/v1/launches/$L"
expect "the launch's JSON: no PR/FAQ, its segment without approved positioning" "[] $S false []" \
	"$(jget "$TMP/b" j.prfaqs) $(jget "$TMP/b" j.messaging[0].segment_id) $(jget "$TMP/b" j.messaging[0].approved) $(jget "$TMP/b" j.messaging[0].positioning)"
req "$PMM" POST /api/v1/competitors "{\"name\":\"Rival $HOSTILE\",\"positioning\":\"Dashboards for analysts.\",\"landmines\":\"Ask who maintains the dashboards.\"}"
made "a competitor with a hostile name"
C=$(jget "$TMP/b" j.id)
req "$PMM" POST /api/v1/objections "{\"competitor_id\":$C,\"objection\":\"Rival is cheaper\",\"answer\":\"Not once you count the analyst.\",\"proof\":[$I2]}"
made "an objection"
BODY_M=$(node -e 'console.log(JSON.stringify({segment_id: +process.argv[1], level: "positioning", status: "in_review",
  text: "Exports land where the data team works", for: "heads of data " + process.argv[2], who: "wait a week for exports",
  product: "Northwind", category: "export tool", benefit: "lands the data in the warehouse", competitor_id: +process.argv[3],
  differentiator: "schedules every export for you", feature_ids: [+process.argv[4]], insight_ids: [+process.argv[5]]}))' \
	"$S" "$HOSTILE" "$C" "$F1" "$I2")
req "$PMM" POST /api/v1/messages "$BODY_M"
made "a positioning in review"
M=$(jget "$TMP/b" j.id)
req "$PMM" POST /api/v1/messages "{\"segment_id\":$S,\"level\":\"value_prop\",\"parent_id\":$M,\"status\":\"in_review\",\"text\":\"Pillar: no more waiting\",\"insight_ids\":[$I2]}"
made "a pillar under it"
VP=$(jget "$TMP/b" j.id)
req "$PMM" POST /api/v1/prfaqs "{\"headline\":\"Exports now land in your warehouse\",\"subheading\":\"For data teams\",\"launch_id\":$L,\"status\":\"in_review\",\"faq_external\":[{\"q\":\"Which warehouses?\",\"a\":\"Snowflake and **BigQuery**.\"}],\"faq_internal\":[{\"q\":\"Internal-only question\",\"a\":\"No.\"}]}"
made "a PR/FAQ in review for the launch"
PF=$(jget "$TMP/b" j.id)
req "$VIEWER" GET "/launches/$L/brief.md"
cp "$TMP/b" "$TMP/pmm0.md"
check "in review: still no approved messaging" contains "$TMP/pmm0.md" "No approved messaging yet — add it before the launch."
check "... the positioning in review named" contains "$TMP/pmm0.md" "*Data-led scale-ups: positioning in review, not approved yet: “Exports land where the data team works”.*"
check "... the PR/FAQ in review named, not quoted" contains "$TMP/pmm0.md" "**PR/FAQ in review:** “Exports now land in your warehouse” — not approved yet"
check "... its FAQ left out" lacks "$TMP/pmm0.md" "Which warehouses?"
check "... no battlecard from unapproved positioning" contains "$TMP/pmm0.md" "*No approved positioning yet: the battlecards follow the competitors it names.*"
for id in $M $VP; do
	req "$PM" POST "/api/v1/messages/$id/approve" '{}'
	req "$PMM" POST "/api/v1/messages/$id/approve" '{}'
	expect "message $id approved by the PM and the PMM" "200 approved" "$STATUS $(jget "$TMP/b" j.status)"
done
req "$PM" POST "/api/v1/prfaqs/$PF/approve" '{}'
req "$PMM" POST "/api/v1/prfaqs/$PF/approve" '{}'
expect "the PR/FAQ approved by the PM and the PMM" "200 approved" "$STATUS $(jget "$TMP/b" j.status)"
req "$VIEWER" GET "/api/v1/launches/$L"
expect "the launch's JSON: its PR/FAQ approved, its segment's positioning approved" "$PF approved true $M approved" \
	"$(jget "$TMP/b" j.prfaqs[0].id) $(jget "$TMP/b" j.prfaqs[0].status) $(jget "$TMP/b" j.messaging[0].approved) $(jget "$TMP/b" j.messaging[0].positioning[0].id) $(jget "$TMP/b" j.messaging[0].positioning[0].status)"
req "$VIEWER" GET /api/v1/launches
expect "the launches list carries them too" "true" "$(jget "$TMP/b" "j.items.find(l => l.id === $L).prfaqs[0].id === $PF")"
req "$VIEWER" GET "/launches/$L"
cp "$TMP/b" "$TMP/launch.html"
check "the page links the PR/FAQ with its status" contains "$TMP/launch.html" "<a href=\"/prfaqs/$PF\">Exports now land in your warehouse</a> <span class=\"badge badge-approved\">Approved</span> · <a href=\"/prfaqs/$PF/print\">Print</a>"
check "... and who approved it" contains "$TMP/launch.html" "Approved by Priya Patel (pm), Marco Rossi (pmm)"
check "... the segment's positioning with its status" contains "$TMP/launch.html" "<a href=\"/messages/$M\">Exports land where the data team works</a> <span class=\"badge badge-approved\">Approved</span>"
check "... no more offer to write a PR/FAQ" lacks "$TMP/launch.html" "Write the PR/FAQ"
req "$VIEWER" GET "/launches/$L/brief.md"
cp "$TMP/b" "$TMP/brief.md"
check "approved: the note is gone" lacks "$TMP/brief.md" "No approved messaging yet"
check "the positioning, named by segment" contains "$TMP/brief.md" "**Positioning for Data-led scale-ups:** Exports land where the data team works"
check "Moore's statement, its parts escaped" contains "$TMP/brief.md" '> For heads of data \*x\* &lt;script&gt;alert(1)&lt;/script&gt; \[y\](javascript:alert(1)) who wait a week for exports, Northwind is a export tool that lands the data in the warehouse. Unlike Rival \*x\*'
check "the pillar with its proof quote" contains "$TMP/brief.md" "- **Pillar: no more waiting**
  - “Quote-critical from Acme” — Sam Lee, Acme Logistics · interview"
check "the PR/FAQ's headline and subheading" contains "$TMP/brief.md" "> **Exports now land in your warehouse**
>
> For data teams"
check "its external FAQ in the brief's FAQ" contains "$TMP/brief.md" "### Which warehouses?

Snowflake and **BigQuery**."
check "not its internal FAQ" lacks "$TMP/brief.md" "Internal-only question"
check "the battlecard of the competitor it names, escaped" contains "$TMP/brief.md" '### Against Rival \*x\* &lt;script&gt;'
check "... why we win" contains "$TMP/brief.md" "- Northwind schedules every export for you — backed by"
check "... its objection and answer" contains "$TMP/brief.md" "- *“Rival is cheaper”* — Not once you count the analyst."
check "... its landmines" contains "$TMP/brief.md" "**Landmines to set:** Ask who maintains the dashboards."
check "... and the whole battlecard's link" contains "$TMP/brief.md" "[The whole battlecard](/competitors/$C/battlecard)"
check "still no raw <script from user text" lacks "$TMP/brief.md" "<script"
req "$VIEWER" GET "/launches/$L/brief"
cp "$TMP/b" "$TMP/brief.html"
check "the page: the competition section" contains "$TMP/brief.html" "<h2>Against the competition</h2>"
check "the page: the FAQ question from the PR/FAQ" contains "$TMP/brief.html" "<h3>Which warehouses?</h3>"
check "the page: no script from the data" only_script_file
check "the page: no javascript: link" lacks "$TMP/brief.html" 'href="javascript'

# --- missing launches, bad ids, no sign-in
req "$VIEWER" GET /launches/99999/brief
expect "no such launch: the page 404s" 404 "$STATUS"
req "$VIEWER" GET /launches/99999/brief.md
expect "no such launch: the download 404s" 404 "$STATUS"
req "$VIEWER" GET /api/v1/launches/99999/brief
expect "no such launch: the API 404s naming it" "404 not_found launch" "$STATUS $(jget "$TMP/b" j.error.code) $(jget "$TMP/b" j.error.field)"
req "$VIEWER" GET /launches/0/brief
expect "id 0: 404" 404 "$STATUS"
req "$VIEWER" GET /launches/abc/brief.md
expect "a non-numeric id: 404" 404 "$STATUS"
req "$VIEWER" POST "/api/v1/launches/$L/brief" '{}'
expect "the brief is read-only: POST 405" 405 "$STATUS"
oneshot GET "/launches/$L/brief"
expect "not signed in: the page sends to sign-in" "303 /login?next=%2Flaunches%2F$L%2Fbrief" "$STATUS $(header Location)"
oneshot GET "/api/v1/launches/$L/brief"
expect "not signed in: the API answers 401" 401 "$STATUS"

# --- the CLI
"$TANDEM" brief "$L" --db "$DB" > "$TMP/cli.md" 2> "$TMP/cli.err"
expect "tandem brief prints the Markdown: exit 0" 0 $?
check "the same Markdown as the download" cmp -s "$TMP/cli.md" "$TMP/brief.md"
"$TANDEM" brief "$L" --html --db "$DB" > "$TMP/cli.html" 2> "$TMP/cli.err"
expect "tandem brief --html: exit 0" 0 $?
check "a standalone page: the stylesheet inline" contains "$TMP/cli.html" "<style>"
check "with the rendered sections" contains "$TMP/cli.html" "<h2>Availability by tier</h2>"
check "and no links into the server" lacks "$TMP/cli.html" "/static/"
"$TANDEM" brief 99999 --db "$DB" > /dev/null 2> "$TMP/cli.err"
expect "tandem brief for a missing launch: exit 1" 1 $?
check "saying so" contains "$TMP/cli.err" "no launch with id 99999"
"$TANDEM" brief --db "$DB" > /dev/null 2>&1
expect "tandem brief without an id: exit 2" 2 $?
"$TANDEM" help brief > "$TMP/help.out"
expect "tandem help brief: exit 0" 0 $?
check "the help names --html" contains "$TMP/help.out" "tandem brief LAUNCH_ID [--html]"
check "the CLI ran clean under the sanitizers" clean_log "$TMP/cli.err"

# --- a live server (ports 19200-19299): ETag and 304, a clean stop
PORT=""
_p=19200
while [ "$_p" -le 19299 ] && [ -z "$PORT" ]; do
	if ! curl -s -o /dev/null --max-time 1 "http://127.0.0.1:$_p/healthz"; then
		"$TANDEM" serve --db "$DB" --port "$_p" --threads 2 > "$TMP/server.out" 2> "$TMP/server.err" &
		SERVER_PID=$!
		_i=0
		while [ $_i -lt 100 ] && [ -z "$PORT" ]; do
			curl -s -o /dev/null --max-time 1 "http://127.0.0.1:$_p/healthz" && PORT=$_p
			[ -n "$PORT" ] || { kill -0 "$SERVER_PID" 2>/dev/null || break; sleep 0.1; }
			_i=$((_i + 1))
		done
		if [ -z "$PORT" ]; then
			kill "$SERVER_PID" 2>/dev/null
			wait "$SERVER_PID" 2>/dev/null
			SERVER_PID=""
		fi
	fi
	_p=$((_p + 1))
done
if [ -n "$PORT" ]; then
	BASE="http://127.0.0.1:$PORT"
	api GET "/launches/$L/brief" -H "Authorization: Bearer $VIEWER"
	ETAG=$(header ETag)
	expect "live: the page answers 200 with an ETag" "200 yes" "$STATUS $([ -n "$ETAG" ] && echo yes)"
	api GET "/launches/$L/brief" -H "Authorization: Bearer $VIEWER" -H "If-None-Match: $ETAG"
	expect "live: the same page again is 304" 304 "$STATUS"
	api GET "/launches/$L/brief.md" -H "Authorization: Bearer $VIEWER"
	expect "live: the download" "200 text/markdown; charset=utf-8" "$STATUS $(header Content-Type)"
	stop_server
else
	not_ok "a free port in 19200-19299 for the live server"
fi
finish
