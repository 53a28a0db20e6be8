# test_decisions.sh — decisions: roles, bad input leaving the database unchanged (an option without a title, a
# status sent on create or edit, an option decided that is not one of the options), the state machine through the
# API (escalate, decide, reverse; a pm deciding an escalated decision is 403, a leader may), a decided decision's
# content refused (400 naming the field), the audit trail, the two alignment rules, the setting, the page.
. "$(dirname "$0")/lib.sh"
make_demo
VIEWER=$(token viewer)
CONTRIB=$(token contributor)
PM=$(token pm)
PMM=$(token pmm)
LEADER=$(token leader)
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
snapshot() { sql "SELECT group_concat(id || status || version || coalesce(decision, ''), ';') FROM decisions"; }

# --- the demo: one open, one escalated
req "$VIEWER" GET "/api/v1/decisions?status=open"
expect "a viewer lists open decisions" "200 1" "$STATUS $(jget "$TMP/b" j.items.length)"
OPEN=$(jget "$TMP/b" j.items[0].id)
check "the demo's open decision has two options and evidence" \
	[ "$(jget "$TMP/b" '[j.items[0].options.length, j.items[0].insight_ids.length > 0, j.items[0].feature_ids.length > 0].join()')" = "2,true,true" ]
req "$VIEWER" GET "/api/v1/decisions?status=escalated"
expect "the demo has one escalated decision, with its reason" "1 true" \
	"$(jget "$TMP/b" j.items.length) $(jget "$TMP/b" '!!j.items[0].escalation_reason')"
ESC=$(jget "$TMP/b" j.items[0].id)

# --- roles: contributors and viewers read only
BEFORE=$(snapshot)
req "$CONTRIB" POST /api/v1/decisions '{"title":"Nope"}'
expect "a contributor may not add a decision" 403 "$STATUS"
req "$VIEWER" POST "/api/v1/decisions/$OPEN/escalate" '{"reason":"x"}'
expect "a viewer may not escalate" 403 "$STATUS"
req "$CONTRIB" POST "/api/v1/decisions/$OPEN/decide" '{"option":"SSO first","decision":"x","rationale":"y"}'
expect "a contributor may not decide" 403 "$STATUS"

# --- bad input: 400 naming the field, nothing written
N=$(count decisions)
req "$PM" POST /api/v1/decisions '{"context":"no title"}'
expect "a decision without a title is 400 naming title" "400 title" "$STATUS $(jget "$TMP/b" j.error.field)"
req "$PM" POST /api/v1/decisions '{"title":"T","options":[{"title":"A"},{"pros":"no title"}]}'
expect "an option without a title is 400 naming options[2].title" "400 options[2].title" "$STATUS $(jget "$TMP/b" j.error.field)"
req "$PM" POST /api/v1/decisions '{"title":"T","options":[{"title":"A"},{"title":"a"}]}'
expect "two options of the same title are 400" "400 options[2].title" "$STATUS $(jget "$TMP/b" j.error.field)"
req "$PM" POST /api/v1/decisions '{"title":"T","status":"decided"}'
expect "a new decision sent as decided is 400 naming status" "400 status" "$STATUS $(jget "$TMP/b" j.error.field)"
req "$PM" POST /api/v1/decisions '{"title":"T","status":"maybe"}'
expect "an unknown status is 400 naming status" "400 status" "$STATUS $(jget "$TMP/b" j.error.field)"
req "$PM" POST /api/v1/decisions '{"title":"T","insight_ids":[999999]}'
expect "an insight that does not exist is 400 naming insight_ids" "400 insight_ids" "$STATUS $(jget "$TMP/b" j.error.field)"
req "$PM" POST /api/v1/decisions '{"title":"T","revisit_on":"2027-02-30"}'
expect "a revisit date that is no date is 400" "400 revisit_on" "$STATUS $(jget "$TMP/b" j.error.field)"
req "$PM" PATCH "/api/v1/decisions/$OPEN" '{"version":1,"status":"decided"}'
expect "an edit may not change the status: 400 naming status" "400 status" "$STATUS $(jget "$TMP/b" j.error.field)"
req "$PM" POST "/api/v1/decisions/$OPEN/decide" '{"option":"Neither","decision":"x","rationale":"y"}'
expect "deciding an option that is not one of the options is 400 naming option" "400 option" "$STATUS $(jget "$TMP/b" j.error.field)"
req "$PM" POST "/api/v1/decisions/$OPEN/decide" '{"option":"SSO first","rationale":"y"}'
expect "deciding without a decision is 400 naming decision" "400 decision" "$STATUS $(jget "$TMP/b" j.error.field)"
req "$PM" POST "/api/v1/decisions/$OPEN/escalate" '{}'
expect "escalating without a reason is 400 naming reason" "400 reason" "$STATUS $(jget "$TMP/b" j.error.field)"
req "$PM" POST "/api/v1/decisions/$OPEN/reverse" '{"reason":"r"}'
expect "reversing an open decision is 409 naming status" "409 status" "$STATUS $(jget "$TMP/b" j.error.field)"
req "$PM" POST "/api/v1/decisions/$ESC/decide" '{"option":"Launch on the date","decision":"Launch.","rationale":"The press slot."}'
expect "a pm deciding an escalated decision is 403" "403 forbidden" "$STATUS $(jget "$TMP/b" j.error.code)"
req "$PMM" POST "/api/v1/decisions/$ESC/escalate" '{"reason":"again"}'
expect "escalating an escalated decision is 409" 409 "$STATUS"
req "$PM" POST "/api/v1/decisions/999999/decide" '{"option":"A","decision":"x","rationale":"y"}'
expect "deciding a decision that does not exist is 404" 404 "$STATUS"
expect "no bad request wrote a decision" "$N" "$(count decisions)"
expect "… nor changed one" "$BEFORE" "$(snapshot)"

# --- create, escalate, decide (leader), the content locked, reverse
BODY_D='{"title":"Price alerts per seat or per workspace?","context":"Sales hear **both**.","options":[{"title":"Per seat","pros":"Grows with teams","cons":"Friction to invite"},{"title":"Per workspace","pros":"Simple","cons":"Leaves money"}],"insight_ids":[1],"goal_ids":[1],"feature_ids":[1],"owner":3,"revisit_on":"2027-06-01"}'
req "$PMM" POST /api/v1/decisions "$BODY_D"
expect "a pmm adds a decision: open" "201 open" "$STATUS $(jget "$TMP/b" j.status)"
D=$(jget "$TMP/b" j.id)
req "$PM" POST "/api/v1/decisions/$D/escalate" '{"reason":"PM and PMM disagree on the price metric."}'
expect "a pm escalates it" "200 escalated" "$STATUS $(jget "$TMP/b" j.status)"
req "$PM" POST "/api/v1/decisions/$D/decide" '{"option":"Per seat","decision":"Per seat.","rationale":"x"}'
expect "… then the pm may not decide it (403)" 403 "$STATUS"
expect "… which left it escalated" escalated "$(sql "SELECT status FROM decisions WHERE id = $D")"
req "$LEADER" POST "/api/v1/decisions/$D/decide" '{"option":"Per seat","decision":"Price per seat, 5 seats minimum.","rationale":"The **insights** show teams grow."}'
expect "a leader decides it" "200 decided Per seat" "$STATUS $(jget "$TMP/b" j.status) $(jget "$TMP/b" j.chosen_option)"
expect "… decided_by is the leader, decided_at set" "2 true" "$(jget "$TMP/b" j.decided_by) $(jget "$TMP/b" '!!j.decided_at')"
V=$(jget "$TMP/b" j.version)
req "$LEADER" POST "/api/v1/decisions/$D/decide" '{"option":"Per workspace","decision":"x","rationale":"y"}'
expect "deciding a decided decision is 409" 409 "$STATUS"
BEFORE=$(snapshot)
req "$PM" PATCH "/api/v1/decisions/$D" "{\"version\":$V,\"title\":\"Something else\"}"
expect "editing a decided decision's title is 400 naming title" "400 title" "$STATUS $(jget "$TMP/b" j.error.field)"
req "$PM" PATCH "/api/v1/decisions/$D" "{\"version\":$V,\"options\":[{\"title\":\"Per seat\"}]}"
expect "editing its options is 400 naming options" "400 options" "$STATUS $(jget "$TMP/b" j.error.field)"
req "$PM" PATCH "/api/v1/decisions/$D" "{\"version\":$V,\"insight_ids\":[]}"
expect "unlinking its evidence is 400 naming insight_ids" "400 insight_ids" "$STATUS $(jget "$TMP/b" j.error.field)"
req "$PM" PATCH "/api/v1/decisions/$D" "{\"version\":$V,\"decision\":\"rewritten\"}"
expect "the decision text is not changed by an edit" "Price per seat, 5 seats minimum." "$(sql "SELECT decision FROM decisions WHERE id = $D")"
V=$(sql "SELECT version FROM decisions WHERE id = $D")
BEFORE=$(snapshot)
req "$PM" PATCH "/api/v1/decisions/$D" "{\"version\":$V,\"revisit_on\":\"2027-09-01\"}"
expect "its revisit date may still change" "200 2027-09-01" "$STATUS $(jget "$TMP/b" j.revisit_on)"
req "$PM" POST "/api/v1/decisions/$D/reverse" "{\"reason\":\"r\",\"superseded_by\":$D}"
expect "a decision cannot supersede itself: 400 naming superseded_by" "400 superseded_by" "$STATUS $(jget "$TMP/b" j.error.field)"
req "$PM" POST "/api/v1/decisions/$D/reverse" "{\"reason\":\"Seat friction cut invites in half.\",\"superseded_by\":$OPEN}"
expect "a pm reverses it, superseded by another" "200 reversed $OPEN" "$STATUS $(jget "$TMP/b" j.status) $(jget "$TMP/b" j.superseded_by)"
expect "… its record stays as it was decided" "Per seat|Price per seat, 5 seats minimum." "$(sql "SELECT chosen_option || '|' || decision FROM decisions WHERE id = $D")"
expect "each verb audited once" "created escalated decided updated reversed" \
	"$(sql "SELECT group_concat(action, ' ') FROM (SELECT action FROM audit WHERE kind = 'decisions' AND object_id = $D ORDER BY id)")"
req "$VIEWER" GET "/api/v1/decisions/$D"
expect "a viewer reads it" "200 reversed" "$STATUS $(jget "$TMP/b" j.status)"

# --- a pm decides an open one
req "$PM" POST "/api/v1/decisions/$OPEN/decide" '{"option":"SSO first","decision":"SSO in 2027-Q1, push in Q2.","rationale":"Two renewals."}'
expect "a pm decides an open decision" "200 decided" "$STATUS $(jget "$TMP/b" j.status)"

# --- the alignment rules and their setting
sql "UPDATE decisions SET created_at = '2020-01-01T00:00:00Z' WHERE id = $ESC; UPDATE decisions SET revisit_on = '2020-01-01' WHERE id = $OPEN"
req "$VIEWER" GET "/api/v1/alignment?rule=decision-open-too-long"
expect "an escalated decision open for years is flagged" "200 $ESC" "$STATUS $(jget "$TMP/b" 'j.findings.map(f => f.id).join()')"
req "$VIEWER" GET "/api/v1/alignment?rule=decision-revisit-due"
expect "a decided decision past its revisit date is flagged" "200 $OPEN" "$STATUS $(jget "$TMP/b" 'j.findings.map(f => f.id).join()')"
req "$VIEWER" GET /api/v1/settings/decisions
expect "the open-days setting defaults to 14" "200 14" "$STATUS $(jget "$TMP/b" j.open_days)"
req "$PM" PUT /api/v1/settings/decisions '{"open_days":30}'
expect "a pm may not change it" 403 "$STATUS"
req "$LEADER" PUT /api/v1/settings/decisions '{"open_days":0}'
expect "open_days 0 is 400 naming it" "400 open_days" "$STATUS $(jget "$TMP/b" j.error.field)"
req "$LEADER" PUT /api/v1/settings/decisions '{"open_days":100000}'
expect "a leader sets it to 100000 days? no: at most 365" "400 open_days" "$STATUS $(jget "$TMP/b" j.error.field)"
sql "UPDATE decisions SET created_at = strftime('%Y-%m-%dT%H:%M:%SZ', 'now', '-20 days') WHERE id = $ESC"
req "$LEADER" PUT /api/v1/settings/decisions '{"open_days":30}'
expect "a leader sets it to 30 days" "200 30" "$STATUS $(jget "$TMP/b" j.open_days)"
req "$VIEWER" GET "/api/v1/alignment?rule=decision-open-too-long"
expect "… then one escalated 20 days ago is not flagged" "0" "$(jget "$TMP/b" j.findings.length)"

# --- the page: options beside the evidence, the forms the role allows
page() { oneshot GET "$1" "Authorization: Bearer $2"; }
page "/decisions/$ESC" "$PM"
expect "the decision page answers" 200 "$STATUS"
check "… shows the options side by side" contains "$TMP/b" 'id="decision-options"'
check "… beside the evidence" contains "$TMP/b" 'id="decision-data"'
check "… a pm sees no decide form on an escalated decision" lacks "$TMP/b" 'action="/decisions/'"$ESC"'/decide"'
check "… but is told a leader decides" contains "$TMP/b" 'id="decision-waits"'
page "/decisions/$ESC" "$LEADER"
check "a leader sees the decide form, with the options to choose" contains "$TMP/b" 'action="/decisions/'"$ESC"'/decide"'
check "… its option select lists the options" contains "$TMP/b" '<option value="Hold for the explanation">'
page "/decisions/$ESC" "$VIEWER"
check "a viewer sees no action form" lacks "$TMP/b" 'id="decision-actions"'
page "/decisions/$D" "$VIEWER"
check "a reversed decision's page marks the chosen option" contains "$TMP/b" '<h3>Per seat <span class="decision-chosen">Chosen</span></h3>'
check "… and shows the reversal" contains "$TMP/b" 'id="decision-reversal"'
req "$PM" POST /api/v1/decisions '{"title":"<script>alert(1)</script>","options":[{"title":"<b>A</b>","pros":"<i>p</i>"}]}'
H=$(jget "$TMP/b" j.id)
page "/decisions/$H" "$PM"
check "hostile option text is escaped on the page" sh -c "grep -qF '&lt;b&gt;A&lt;/b&gt;' '$TMP/b' && ! grep -qF '<b>A</b>' '$TMP/b' && ! grep -qF '<i>p</i>' '$TMP/b'"
finish
