# test_prfaqs.sh — PR/FAQs, objections, battlecards and the journey map: every route with roles, bad input (an FAQ
# entry without q or a, unknown linked ids, no launch or feature) leaving the database unchanged, the Markdown and
# the printable sheet's content, escaping of hostile text, the HTML form's FAQ rows (a live server, ports
# 20100-20199), the demo's PR/FAQ and battlecards, and the CLI.
. "$(dirname "$0")/lib.sh"
make_demo
VIEWER=$(token viewer)
CONTRIB=$(token contributor)
PM=$(token pm)
PMM=$(token pmm)
J="Content-Type: application/json"
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
count() { sql "SELECT count(*) FROM $1"; }
LAUNCH=$(sql "SELECT id FROM launches WHERE title = 'Alerts where your team talks'")
FEATURE=$(sql "SELECT id FROM features WHERE title = 'Slack and Teams alerts when a metric moves'")
HOSTILE='*x* <script>alert(1)</script> [y](javascript:alert(1))'

# --- the demo's PR/FAQ: in review, for the tier-1 launch, with its FAQ and evidence
req "$VIEWER" GET "/api/v1/prfaqs?launch_id=$LAUNCH"
expect "a viewer lists PR/FAQs by launch" 200 "$STATUS"
expect "the demo has a PR/FAQ for the tier-1 launch" 1 "$(jget "$TMP/b" j.items.length)"
expect "it is in review" in_review "$(jget "$TMP/b" j.items[0].status)"
DEMO=$(jget "$TMP/b" j.items[0].id)
check "its external FAQ has entries of q and a" [ "$(jget "$TMP/b" 'j.items[0].faq_external.every(e => e.q && e.a)')" = true ]
check "it links the insights that show how we know" [ "$(jget "$TMP/b" j.items[0].insight_ids.length)" -ge 3 ]

# --- roles: pm and pmm write, contributors and viewers read only
BEFORE=$(count prfaqs)
req "$CONTRIB" POST /api/v1/prfaqs "{\"headline\":\"Nope\",\"launch_id\":$LAUNCH}"
expect "a contributor may not add a PR/FAQ" 403 "$STATUS"
req "$VIEWER" POST /api/v1/prfaqs "{\"headline\":\"Nope\",\"launch_id\":$LAUNCH}"
expect "a viewer may not add a PR/FAQ" 403 "$STATUS"

# --- bad input: 400 naming the field, nothing written
req "$PM" POST /api/v1/prfaqs '{"headline":"For nothing"}'
expect "a PR/FAQ for neither a launch nor a feature is 400" 400 "$STATUS"
expect "… naming launch_id" launch_id "$(jget "$TMP/b" j.error.field)"
req "$PM" POST /api/v1/prfaqs "{\"headline\":\"FAQ\",\"launch_id\":$LAUNCH,\"faq_external\":[{\"q\":\"Free?\",\"a\":\"Yes\"},{\"a\":\"An answer to nothing\"}]}"
expect "an external FAQ entry without q is 400" 400 "$STATUS"
expect "… naming faq_external[2].q (entries counted from 1)" "faq_external[2].q" "$(jget "$TMP/b" j.error.field)"
req "$PM" POST /api/v1/prfaqs "{\"headline\":\"FAQ\",\"launch_id\":$LAUNCH,\"faq_internal\":[{\"q\":\"Cost?\",\"a\":\"  \"}]}"
expect "an internal FAQ entry with a blank answer is 400 naming faq_internal[1].a" "400 faq_internal[1].a" "$STATUS $(jget "$TMP/b" j.error.field)"
req "$PM" POST /api/v1/prfaqs "{\"headline\":\"FAQ\",\"launch_id\":$LAUNCH,\"faq_external\":[{\"q\":\"x\",\"a\":\"y\",\"z\":1}]}"
expect "an FAQ entry with an unknown member is 400" 400 "$STATUS"
req "$PM" POST /api/v1/prfaqs "{\"headline\":\"FAQ\",\"launch_id\":$LAUNCH,\"faq_external\":\"not a list\"}"
expect "an FAQ that is not a list is 400 naming it" "400 faq_external" "$STATUS $(jget "$TMP/b" j.error.field)"
req "$PM" POST /api/v1/prfaqs "{\"headline\":\"Evidence\",\"launch_id\":$LAUNCH,\"insight_ids\":[999999]}"
expect "linking an insight that does not exist is 400 naming insight_ids" "400 insight_ids" "$STATUS $(jget "$TMP/b" j.error.field)"
req "$PM" POST /api/v1/prfaqs '{"headline":"Launch","launch_id":999999}'
expect "a launch that does not exist is 400 naming launch_id" "400 launch_id" "$STATUS $(jget "$TMP/b" j.error.field)"
req "$PM" POST /api/v1/prfaqs "{\"headline\":\"Feature\",\"feature_id\":999999}"
expect "a feature that does not exist is 400 naming feature_id" "400 feature_id" "$STATUS $(jget "$TMP/b" j.error.field)"
req "$PM" POST /api/v1/prfaqs "{\"headline\":\"Status\",\"launch_id\":$LAUNCH,\"status\":\"shipped\"}"
expect "a status outside draft|in_review|approved is 400" "400 status" "$STATUS $(jget "$TMP/b" j.error.field)"
req "$PM" POST /api/v1/prfaqs "{\"launch_id\":$LAUNCH}"
expect "a PR/FAQ without a headline is 400" "400 headline" "$STATUS $(jget "$TMP/b" j.error.field)"
expect "no bad request wrote a PR/FAQ" "$BEFORE" "$(count prfaqs)"
expect "… nor a link to an insight" "$(sql "SELECT count(*) FROM prfaq_insights")" "$(sql "SELECT count(*) FROM prfaq_insights WHERE prfaq_id IN (SELECT id FROM prfaqs)")"

# --- create, read, change, history
I1=$(sql "SELECT min(id) FROM insights")
BODY_P=$(node -e 'console.log(JSON.stringify({headline: process.argv[1], feature_id: +process.argv[2], subheading: "Sub <b>bold</b>",
  summary: "A summary.", customer: "Ops leads", faq_external: [{q: "Is it free?", a: "Yes, on **every** plan."}],
  faq_internal: [{q: "Cost to run?", a: "Two weeks a quarter."}], insight_ids: [+process.argv[3]], owner: 4}))' "$HOSTILE" "$FEATURE" "$I1")
req "$PMM" POST /api/v1/prfaqs "$BODY_P"
expect "a pmm adds a PR/FAQ for a feature" 201 "$STATUS"
P=$(jget "$TMP/b" j.id)
expect "a new PR/FAQ is a draft" draft "$(jget "$TMP/b" j.status)"
expect "its FAQ is kept as sent" "Is it free?" "$(jget "$TMP/b" j.faq_external[0].q)"
req "$PM" PATCH "/api/v1/prfaqs/$P" '{"version":1,"faq_external":[{"q":"Is it free?","a":"Yes."},{"q":"Does it work with Teams?","a":"Yes, and Slack."}],"status":"in_review"}'
expect "a pm changes its FAQ and status" 200 "$STATUS"
expect "the FAQ has two entries now" 2 "$(jget "$TMP/b" j.faq_external.length)"
req "$PM" PATCH "/api/v1/prfaqs/$P" '{"version":1,"headline":"Stale"}'
expect "a stale version is 409" 409 "$STATUS"
req "$VIEWER" GET "/api/v1/prfaqs/$P/history"
expect "its history is read" 200 "$STATUS"
expect "the change is in the history with the FAQ" true "$(jget "$TMP/b" 'j.items ? j.items[0].changes.faq_external !== undefined : j[0].changes.faq_external !== undefined')"
req "$PM" GET "/api/v1/prfaqs.csv"
expect "the CSV export answers" 200 "$STATUS"
check "… with the FAQ as question — answer" contains "$TMP/b" "Does it work with Teams? — Yes, and Slack."

# --- Markdown
req "$VIEWER" GET "/api/v1/prfaqs/$P/markdown"
expect "a viewer reads the Markdown" 200 "$STATUS"
check "… as text/markdown" [ "$(header Content-Type)" = "text/markdown; charset=utf-8" ]
check "the headline is the title, escaped" contains "$TMP/b" '# \*x\* &lt;script&gt;alert(1)&lt;/script&gt; \[y\](javascript:alert(1))'
check "no raw script tag" lacks "$TMP/b" "<script>"
check "the FAQ questions are headings" contains "$TMP/b" "### Does it work with Teams?"
check "the internal FAQ is there" contains "$TMP/b" "## Internal FAQ"
check "the five questions follow" contains "$TMP/b" "**Who is the customer?** Ops leads"
check "unanswered questions say so" contains "$TMP/b" "**What is the most important benefit?** *Not answered yet.*"
check "how we know names the insights" contains "$TMP/b" "**How do we know?** 1 insight:"
check "the status line names the feature" contains "$TMP/b" "feature: Slack and Teams alerts when a metric moves"
req "$VIEWER" GET "/api/v1/prfaqs/999999/markdown"
expect "the Markdown of a missing PR/FAQ is 404" 404 "$STATUS"
oneshot GET "/api/v1/prfaqs/$P/markdown"
expect "anonymous: 401" 401 "$STATUS"

# --- the printable sheet
req "$VIEWER" GET "/prfaqs/$P/print"
expect "a viewer opens the printable PR/FAQ" 200 "$STATUS"
cp "$TMP/b" "$TMP/print.html"
check "it uses the print stylesheet" contains "$TMP/print.html" '/static/brief.css'
check "the headline is escaped" contains "$TMP/print.html" '&lt;script&gt;alert(1)&lt;/script&gt;'
check "no script but the print button's" [ "$(grep -o '<script[^>]*>' "$TMP/print.html" | sort -u)" = '<script src="/static/brief.js" defer>' ]
check "no javascript: link" lacks "$TMP/print.html" 'href="javascript'
check "the FAQ is on the sheet" contains "$TMP/print.html" "<h3>Does it work with Teams?</h3>"
check "the head says it is in review" contains "$TMP/print.html" "Press release · In review"
req "$VIEWER" GET "/prfaqs/$P"
check "its page offers the print and the Markdown" contains "$TMP/b" "/prfaqs/$P/print"
check "its page shows the five questions first, as a section" contains "$TMP/b" '<h2 class="field-section">The five questions</h2>'
req "$VIEWER" GET "/prfaqs/999999/print"
expect "the sheet of a missing PR/FAQ is 404" 404 "$STATUS"

# --- objections: a child kind of competitors
LOOKER=$(sql "SELECT id FROM competitors WHERE name = 'Looker'")
OBJ_BEFORE=$(count objections)
req "$CONTRIB" POST /api/v1/objections "{\"competitor_id\":$LOOKER,\"objection\":\"Too new\"}"
expect "a contributor may not add an objection" 403 "$STATUS"
req "$PMM" POST /api/v1/objections "{\"competitor_id\":$LOOKER,\"objection\":\"Too new\",\"proof\":[999999]}"
expect "proof that is no insight is 400 naming proof" "400 proof" "$STATUS $(jget "$TMP/b" j.error.field)"
req "$PMM" POST /api/v1/objections '{"competitor_id":999999,"objection":"Nobody"}'
expect "an objection to no competitor is 400" "400 competitor_id" "$STATUS $(jget "$TMP/b" j.error.field)"
req "$PMM" POST /api/v1/objections "{\"competitor_id\":$LOOKER}"
expect "an objection without text is 400" "400 objection" "$STATUS $(jget "$TMP/b" j.error.field)"
expect "no bad request wrote an objection" "$OBJ_BEFORE" "$(count objections)"
req "$PMM" POST /api/v1/objections "{\"competitor_id\":$LOOKER,\"objection\":\"You are too new\",\"answer\":\"$(printf '%s' "$HOSTILE" | sed 's/"/\\"/g')\",\"proof\":[$I1]}"
expect "a pmm adds an objection with proof" 201 "$STATUS"
O=$(jget "$TMP/b" j.id)
req "$VIEWER" GET "/api/v1/competitors/$LOOKER"
check "the competitor embeds its objections" [ "$(jget "$TMP/b" 'j.objections.some(o => o.id === '"$O"')')" = true ]

# --- the battlecard
req "$VIEWER" GET "/api/v1/competitors/$LOOKER/battlecard"
expect "a viewer reads the battlecard" 200 "$STATUS"
expect "who they are" Looker "$(jget "$TMP/b" j.competitor.name)"
expect "why we win: the positioning that names them among the alternatives, with its backing features" \
	"$(sql "SELECT m.id FROM messages m WHERE m.level = 'positioning' AND (m.competitor_id = $LOOKER OR m.id IN (SELECT message_id FROM message_competitors WHERE competitor_id = $LOOKER)) ORDER BY m.id" | paste -sd, -)" \
	"$(jget "$TMP/b" 'j.why_we_win.map(w => w.message_id).sort((a, b) => a - b).join(",")')"
check "... each with the features behind its differentiator" [ "$(jget "$TMP/b" 'j.why_we_win.every(w => w.features.length > 0)')" = true ]
check "the objections are there, the demo's and the new one" [ "$(jget "$TMP/b" j.objections.length)" -ge 3 ]
check "an objection's proof is quoted" [ "$(jget "$TMP/b" 'j.objections.find(o => o.id === '"$O"').proof[0].text')" = "$(sql "SELECT text FROM insights WHERE id = $I1")" ]
check "the landmines are set in the demo" [ "$(jget "$TMP/b" 'j.competitor.landmines.length > 20')" = true ]
check "customers who mention Looker by name" [ "$(jget "$TMP/b" 'j.mentions.every(m => /looker/i.test(m.text)) && j.mentions_total >= 2')" = true ]
expect "last updated is the newest objection's change" "$(sql "SELECT updated_at FROM objections WHERE id = $O")" "$(jget "$TMP/b" j.updated_at)"
req "$VIEWER" GET "/api/v1/competitors/999999/battlecard"
expect "the battlecard of a missing competitor is 404" 404 "$STATUS"
req "$VIEWER" GET "/competitors/$LOOKER/battlecard"
expect "the printable battlecard opens" 200 "$STATUS"
check "… with the objection's answer escaped" contains "$TMP/b" '*x* &lt;script&gt;alert(1)&lt;/script&gt;'
check "… and no raw script" lacks "$TMP/b" '<script>alert'
check "… with the landmines section" contains "$TMP/b" 'id="landmines"'
req "$VIEWER" GET "/competitors/$LOOKER"
check "the competitor's page links the battlecard and lists objections" [ "$(grep -c "/competitors/$LOOKER/battlecard\|/objections/$O" "$TMP/b")" -ge 1 ]
check "a viewer sees no add-objection form" lacks "$TMP/b" 'action="/objections"'

# --- the journey map
req "$VIEWER" GET /api/v1/journey
expect "a viewer reads the journey map" 200 "$STATUS"
NS=$(jget "$TMP/b" j.stages.length)
NP=$(jget "$TMP/b" j.personas.length)
expect "one cell per stage and persona" "$((NS * NP))" "$(jget "$TMP/b" j.cells.length)"
check "the demo has a gap" [ "$(jget "$TMP/b" 'j.cells.filter(c => c.gap).length')" -ge 1 ]
check "a gap applies and has no feature" [ "$(jget "$TMP/b" 'j.cells.filter(c => c.gap).every(c => c.applies && c.features.length === 0)')" = true ]
check "some cell counts insights" [ "$(jget "$TMP/b" 'j.cells.some(c => c.insights > 0)')" = true ]
req "$VIEWER" GET /journey
expect "the journey map page opens" 200 "$STATUS"
check "… marks gaps" contains "$TMP/b" 'class="journey-gap"'

# --- the HTML form: FAQ rows without JavaScript (a live server)
start_server 20100
signin() { curl -s -c "$2" -H "$J" -d "{\"email\":\"$1\",\"password\":\"tandem-demo\"}" "$BASE/api/v1/session" > "$TMP/s"; jget "$TMP/s" j.csrf_token; }
CSRF=$(signin pmm@demo.tandem "$TMP/pmm.jar")
api GET /prfaqs/new -b "$TMP/pmm.jar"
check "the new form offers blank FAQ rows" contains "$TMP/b" 'name="faq_external.1.q"'
check "… the five questions first" [ "$(grep -o 'The five questions\|The press release' "$TMP/b" | head -1)" = "The five questions" ]
api POST /prfaqs -b "$TMP/pmm.jar" --data-urlencode "_csrf=$CSRF" --data-urlencode "headline=From the form" \
	-d "launch_id=$LAUNCH&status=draft" --data-urlencode "faq_external.1.q=Free?" --data-urlencode "faq_external.1.a=Yes." \
	-d "faq_external.2.q=&faq_external.2.a=" --data-urlencode "faq_external.3.q=Teams?" --data-urlencode "faq_external.3.a=Yes, and Slack."
expect "the form creates a PR/FAQ" 303 "$STATUS"
FP=$(sql "SELECT id FROM prfaqs WHERE headline = 'From the form'")
expect "a blank row is dropped, the others kept in order" '[{"q":"Free?","a":"Yes."},{"q":"Teams?","a":"Yes, and Slack."}]' "$(sql "SELECT faq_external FROM prfaqs WHERE id = $FP")"
N=$(count prfaqs)
api POST /prfaqs -b "$TMP/pmm.jar" --data-urlencode "_csrf=$CSRF" --data-urlencode "headline=Half a row" \
	-d "launch_id=$LAUNCH" --data-urlencode "faq_external.1.q=A question with no answer"
expect "a row with a question and no answer re-shows the form" 400 "$STATUS"
check "… saying which entry" contains "$TMP/b" "faq_external[1].a is required"
check "… keeping what was typed" contains "$TMP/b" 'value="A question with no answer"'
expect "… and writes nothing" "$N" "$(count prfaqs)"
api GET "/prfaqs/$FP/edit" -b "$TMP/pmm.jar"
check "the edit form shows the entries as rows" contains "$TMP/b" 'value="Teams?"'
V=$(sql "SELECT version FROM prfaqs WHERE id = $FP")
api POST "/prfaqs/$FP" -b "$TMP/pmm.jar" --data-urlencode "_csrf=$CSRF" --data-urlencode "headline=From the form" \
	-d "version=$V&launch_id=$LAUNCH&status=draft&faq_external.1.q=&faq_external.1.a=" \
	--data-urlencode "faq_external.2.q=Teams?" --data-urlencode "faq_external.2.a=Yes, and Slack."
expect "emptying a row removes its entry" '[{"q":"Teams?","a":"Yes, and Slack."}]' "$(sql "SELECT faq_external FROM prfaqs WHERE id = $FP")"
api GET "/prfaqs/$FP" -b "$TMP/pmm.jar"
check "the history says the external FAQ changed" contains "$TMP/b" "External FAQ"
stop_server

# --- the CLI
"$TANDEM" prfaq "$DEMO" --db "$DB" > "$TMP/cli.md" 2> "$TMP/cli.err"
expect "tandem prfaq prints the Markdown" 0 "$?"
check "… with the demo's headline" contains "$TMP/cli.md" "# Northwind brings the numbers to where your team talks"
"$TANDEM" prfaq 999999 --db "$DB" > /dev/null 2>&1
expect "tandem prfaq of a missing PR/FAQ exits 1" 1 "$?"
"$TANDEM" prfaq --db "$DB" > /dev/null 2>&1
expect "tandem prfaq without an id exits 2" 2 "$?"
"$TANDEM" battlecard "$LOOKER" --db "$DB" > "$TMP/card.txt" 2>&1
expect "tandem battlecard prints the card" 0 "$?"
check "… with the objections" contains "$TMP/card.txt" "We already have Looker; why add another tool?"
"$TANDEM" battlecard "$LOOKER" --format json --db "$DB" > "$TMP/card.json" 2>&1
expect "tandem battlecard --format json is JSON" Looker "$(jget "$TMP/card.json" j.competitor.name)"
"$TANDEM" battlecard "$LOOKER" --format yaml --db "$DB" > /dev/null 2>&1
expect "an unknown format exits 2" 2 "$?"
"$TANDEM" list prfaqs --db "$DB" > "$TMP/list.txt" 2>&1
check "tandem list prfaqs comes from the generic kind commands" contains "$TMP/list.txt" "From the form"
"$TANDEM" add objections competitor_id="$LOOKER" objection="CLI objection" proof="$I1" --db "$DB" > /dev/null 2>&1
expect "tandem add objections works" 0 "$?"
"$TANDEM" add prfaqs headline="CLI" launch_id="$LAUNCH" faq_external.1.q="Q only" --db "$DB" > /dev/null 2> "$TMP/add.err"
expect "tandem add prfaqs with a half FAQ entry fails" 1 "$?"
check "… naming the entry" contains "$TMP/add.err" "faq_external[1].a"
# --- approvals: a PR/FAQ is approved as a message is, by a pm and a pmm (model/approvals.c)
DP=$(sql "SELECT id FROM prfaqs WHERE launch_id = $LAUNCH ORDER BY id LIMIT 1")
sql "UPDATE prfaqs SET status = 'in_review' WHERE id = $DP" # whatever this script did to it before, in review now
req "$(token contributor)" POST "/api/v1/prfaqs/$DP/approve" '{}'
expect "a contributor may not approve" 403 "$STATUS"
req "$PM" POST "/api/v1/prfaqs/$DP/approve" '{}'
expect "the PM approves: still in review, one approval of the current version" "200 in_review pm" \
	"$STATUS $(jget "$TMP/b" j.status) $(jget "$TMP/b" 'j.approvals.map(a => a.role).join()')"
req "$PM" POST "/api/v1/prfaqs/$DP/approve" '{}'
expect "approving twice is 409" 409 "$STATUS"
req "$PMM" POST "/api/v1/prfaqs/$DP/approve" '{}'
expect "the PMM approves too: approved" "200 approved" "$STATUS $(jget "$TMP/b" j.status)"
V=$(sql "SELECT version FROM prfaqs WHERE id = $DP")
req "$PM" PATCH "/api/v1/prfaqs/$DP" "{\"headline\":\"Alerts land where your team already talks\",\"version\":$V}"
expect "a change of its content after approval: back in review, the approvals cleared" "200 in_review 0" \
	"$STATUS $(jget "$TMP/b" j.status) $(jget "$TMP/b" j.approvals.length)"
expect "... the cleared approvals kept in history" 2 "$(sql "SELECT count(*) FROM approvals WHERE kind = 'prfaqs' AND object_id = $DP AND cleared_at IS NOT NULL")"
req "$PMM" POST "/api/v1/prfaqs/$DP/request-changes" '{"note":"The customer quote needs a real customer."}'
expect "request-changes with a note" "200 in_review" "$STATUS $(jget "$TMP/b" j.status)"
finish
