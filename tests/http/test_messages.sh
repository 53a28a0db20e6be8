# test_messages.sh — messages and approvals over HTTP: the ladder rules (400 naming parent_id, nothing written), the
# approval state machine (roles, 409s, a change clearing approvals), the lint, the ladder tree, the pages and CLI.
. "$(dirname "$0")/lib.sh"
make_demo
VIEWER=$(token viewer)
CONTRIB=$(token contributor)
PM=$(token pm)
PMM=$(token pmm)
LEADER=$(token leader)
ADMIN=$(token admin)
J="Content-Type: application/json"
req() { # TOKEN METHOD PATH [BODY]
	_t=$1 _m=$2 _p=$3
	if [ $# -ge 4 ]; then
		BODY=$4
		oneshot "$_m" "$_p" "Authorization: Bearer $_t" "$J"
		unset BODY
	else
		oneshot "$_m" "$_p" "Authorization: Bearer $_t"
	fi
}
counts() { sql "SELECT (SELECT count(*) FROM messages) || ' ' || (SELECT count(*) FROM message_features) || ' ' || (SELECT count(*) FROM approvals) || ' ' || (SELECT group_concat(status || version) FROM messages)"; }
bad() { # TOKEN METHOD PATH BODY STATUS FIELD NAME: refused with the field named, nothing written
	_before=$(counts)
	req "$1" "$2" "$3" "$4"
	expect "$7: $5 naming $6" "$5 $6" "$STATUS $(jget "$TMP/b" j.error.field)"
	expect "$7: nothing written" "$_before" "$(counts)"
}
ver() { sql "SELECT version FROM messages WHERE id = $1"; }
SEG=$(sql "SELECT id FROM segments WHERE name = 'Digital agencies'")
SMB=$(sql "SELECT id FROM segments WHERE name = 'Mid-market operations'")
ENT=$(sql "SELECT id FROM segments WHERE name = 'Enterprise IT'")
OLIVIA=$(sql "SELECT id FROM personas WHERE name LIKE 'Olivia%'")
F_SHIPPED=$(sql "SELECT id FROM features WHERE status = 'shipped' LIMIT 1")
F_DECLINED=$(sql "SELECT id FROM features WHERE status = 'declined' LIMIT 1")
INS=$(sql "SELECT id FROM insights ORDER BY id LIMIT 1")
COMP=$(sql "SELECT id FROM competitors WHERE name = 'Looker'")

# --- a positioning for the agencies, with a superlative
req "$PMM" POST /api/v1/messages "{\"segment_id\":$SEG,\"level\":\"positioning\",\"text\":\"Client reports that build themselves\",\"for\":\"agency analysts\",\"who\":\"copy numbers into 40 decks a month\",\"product\":\"Northwind\",\"category\":\"push-based analytics tool\",\"benefit\":\"the best in class way to send every client their numbers\",\"differentiator\":\"builds each client's report from live data\",\"feature_ids\":[$F_DECLINED]}"
expect "pmm creates a positioning (a draft, no approvals)" "201 draft []" "$STATUS $(jget "$TMP/b" j.status) $(jget "$TMP/b" j.approvals)"
POS=$(jget "$TMP/b" j.id)
req "$VIEWER" GET "/api/v1/messages/$POS/lint"
expect "the lint names best in class, the unnamed alternative and the unbacked differentiator" \
	'200 benefit:superlative unlike:unlike-not-named differentiator:differentiator-unbacked' \
	"$STATUS $(jget "$TMP/b" 'j.problems.map(p => p.part + ":" + p.rule).join(" ")')"
check "the superlative message says best in class" contains "$TMP/b" '\"best in class\"'
req "$VIEWER" GET /api/v1/messages/99999/lint
expect "the lint of a missing message: 404" 404 "$STATUS"

# --- the ladder rules: bad input names the field, nothing written
bad "$PMM" POST /api/v1/messages "{\"segment_id\":$SEG,\"level\":\"benefit\",\"text\":\"x\",\"parent_id\":$POS}" 400 parent_id "a benefit under a positioning (two levels up)"
bad "$PMM" POST /api/v1/messages "{\"segment_id\":$SMB,\"level\":\"value_prop\",\"text\":\"x\",\"parent_id\":$POS}" 400 parent_id "a parent in another segment"
bad "$PMM" POST /api/v1/messages "{\"segment_id\":$SEG,\"level\":\"positioning\",\"text\":\"x\",\"parent_id\":$POS}" 400 parent_id "a positioning with a parent"
bad "$PMM" POST /api/v1/messages "{\"segment_id\":$SEG,\"level\":\"value_prop\",\"text\":\"x\",\"parent_id\":99999}" 400 parent_id "a missing parent"
bad "$PMM" POST /api/v1/messages "{\"segment_id\":$SEG,\"level\":\"value_prop\",\"text\":\"x\",\"feature_ids\":[99999]}" 400 feature_ids "a missing feature"
bad "$PMM" POST /api/v1/messages "{\"segment_id\":$SEG,\"level\":\"value_prop\",\"text\":\"x\",\"insight_ids\":[99999]}" 400 insight_ids "a missing insight"
bad "$PMM" POST /api/v1/messages "{\"segment_id\":$SEG,\"level\":\"positioning\",\"text\":\"x\",\"competitor_ids\":[99999]}" 400 competitor_ids "a missing competitor"
bad "$PMM" POST /api/v1/messages "{\"segment_id\":$SEG,\"level\":\"pillar\",\"text\":\"x\"}" 400 level "a level that is none"
bad "$PMM" POST /api/v1/messages "{\"level\":\"benefit\",\"text\":\"x\"}" 400 segment_id "no segment"
bad "$PMM" POST /api/v1/messages "{\"segment_id\":$SEG,\"level\":\"benefit\",\"text\":\"x\",\"persona_id\":$OLIVIA}" 400 persona_id "a persona of another segment"
bad "$PMM" POST /api/v1/messages "{\"segment_id\":$SEG,\"level\":\"positioning\",\"text\":\"x\",\"status\":\"approved\"}" 400 status "approved on create"
bad "$VIEWER" POST /api/v1/messages "{\"segment_id\":$SEG,\"level\":\"benefit\",\"text\":\"x\"}" 403 undefined "a viewer creating a message"
bad "$CONTRIB" POST /api/v1/messages "{\"segment_id\":$SEG,\"level\":\"benefit\",\"text\":\"x\"}" 403 undefined "a contributor creating a message"

req "$PMM" POST /api/v1/messages "{\"segment_id\":$SEG,\"level\":\"value_prop\",\"text\":\"Reports on time, every month\",\"parent_id\":$POS}"
expect "a value prop under the positioning" 201 "$STATUS"
VP=$(jget "$TMP/b" j.id)
req "$VIEWER" GET "/api/v1/messages/$VP/lint"
expect "a value prop without proof: claim-without-proof" "insight_ids:claim-without-proof" "$(jget "$TMP/b" 'j.problems.map(p => p.part + ":" + p.rule).join(" ")')"
req "$PMM" POST /api/v1/messages "{\"segment_id\":$SEG,\"level\":\"benefit\",\"text\":\"No more copying numbers\",\"parent_id\":$VP,\"insight_ids\":[$INS]}"
BEN=$(jget "$TMP/b" j.id)
expect "a benefit under the value prop, with proof, passes the lint" "201 []" "$STATUS $(req "$VIEWER" GET "/api/v1/messages/$BEN/lint"; jget "$TMP/b" j.problems)"
bad "$PMM" PATCH "/api/v1/messages/$VP" "{\"level\":\"benefit\",\"parent_id\":null,\"version\":$(ver "$VP")}" 400 level "a value prop with children made a benefit"
bad "$PMM" PATCH "/api/v1/messages/$POS" "{\"level\":\"value_prop\",\"version\":$(ver "$POS")}" 400 level "a positioning with children made a value prop"
bad "$PMM" PATCH "/api/v1/messages/$VP" "{\"parent_id\":$VP,\"version\":$(ver "$VP")}" 400 parent_id "its own parent"
bad "$PMM" PATCH "/api/v1/messages/$POS" "{\"status\":\"approved\",\"version\":$(ver "$POS")}" 400 status "approved by an edit"

# --- approvals: draft 409, roles, twice 409, a pm and a pmm approve
bad "$PM" POST "/api/v1/messages/$POS/approve" '{}' 409 status "approving a draft"
check "and the message says it is a draft" contains "$TMP/b" "is a draft"
req "$PMM" PATCH "/api/v1/messages/$POS" "{\"status\":\"in_review\",\"benefit\":\"sends every client their numbers on the first of the month\",\"unlike\":\"Looker\",\"feature_ids\":[$F_SHIPPED],\"version\":$(ver "$POS")}"
expect "the pmm puts it in review (and fixes the lint)" "200 in_review" "$STATUS $(jget "$TMP/b" j.status)"
expect "the lint is clear now" "[]" "$(req "$VIEWER" GET "/api/v1/messages/$POS/lint"; jget "$TMP/b" j.problems)"
bad "$VIEWER" POST "/api/v1/messages/$POS/approve" '{}' 403 undefined "a viewer approving"
bad "$CONTRIB" POST "/api/v1/messages/$POS/approve" '{}' 403 undefined "a contributor approving"
bad "$ADMIN" POST "/api/v1/messages/$POS/approve" '{}' 403 undefined "an admin approving"
bad "$PM" POST "/api/v1/messages/$POS/approve" '{"version":1}' 409 version "approving a stale version"
V=$(ver "$POS")
req "$PM" POST "/api/v1/messages/$POS/approve" "{\"version\":$V}"
expect "the pm approves: still in review, one approval of version $V" "200 in_review 1 pm $V" \
	"$STATUS $(jget "$TMP/b" j.status) $(jget "$TMP/b" j.approvals.length) $(jget "$TMP/b" j.approvals[0].role) $(jget "$TMP/b" j.approvals[0].version)"
bad "$PM" POST "/api/v1/messages/$POS/approve" '{}' 409 undefined "the pm approving twice"
check "and the message says so" contains "$TMP/b" "you approved version $V"
req "$PMM" POST "/api/v1/messages/$POS/approve" '{}'
expect "the pmm approves: approved, two approvals" "200 approved 2" "$STATUS $(jget "$TMP/b" j.status) $(jget "$TMP/b" j.approvals.length)"
bad "$LEADER" POST "/api/v1/messages/$POS/approve" '{}' 409 status "approving what is approved"

# a change after approval: back in review, approvals cleared (kept in history, audited)
req "$PM" PATCH "/api/v1/messages/$POS" "{\"differentiator\":\"builds each client's report from live data, every morning\",\"version\":$(ver "$POS")}"
expect "an edit of the approved positioning: in review, no approvals" "200 in_review []" "$STATUS $(jget "$TMP/b" j.status) $(jget "$TMP/b" j.approvals)"
expect "the approvals are kept, cleared" "2 2" "$(sql "SELECT count(*) FROM approvals WHERE kind = 'messages' AND object_id = $POS") $(sql "SELECT count(*) FROM approvals WHERE object_id = $POS AND cleared_at IS NOT NULL")"
req "$VIEWER" GET "/api/v1/messages/$POS/history"
expect "the history says the approvals were cleared and by what" true "$(jget "$TMP/b" 'j.items ? j.items.some(h => h.action === "approvals cleared") : j.some(h => h.action === "approvals cleared")')"
# a leader stands for the pmm
req "$LEADER" POST "/api/v1/messages/$POS/approve" '{}'
req "$PM" POST "/api/v1/messages/$POS/approve" '{}'
expect "a leader and a pm: approved" "200 approved leader,pm" "$STATUS $(jget "$TMP/b" j.status) $(jget "$TMP/b" 'j.approvals.map(a => a.role).join(",")')"
# request changes: note required, back in review
bad "$PMM" POST "/api/v1/messages/$POS/request-changes" '{}' 400 note "request changes without a note"
bad "$CONTRIB" POST "/api/v1/messages/$POS/request-changes" '{"note":"x"}' 403 undefined "a contributor requesting changes"
bad "$PMM" POST "/api/v1/messages/$VP/request-changes" '{"note":"x"}' 409 status "request changes on a draft"
req "$PMM" POST "/api/v1/messages/$POS/request-changes" '{"note":"Name the agencies we beat on time to report"}'
expect "the pmm requests changes: in review, approvals cleared" "200 in_review []" "$STATUS $(jget "$TMP/b" j.status) $(jget "$TMP/b" j.approvals)"
expect "the note is audited: the change request and the approvals it cleared" "requested changes,approvals cleared" \
	"$(req "$VIEWER" GET "/api/v1/messages/$POS/history"; jget "$TMP/b" '(j.items || j).filter(h => JSON.stringify(h.changes).includes("Name the agencies")).map(h => h.action).sort().reverse().join(",")')"

# --- the ladder
req "$VIEWER" GET "/api/v1/messaging?segment_id=$SEG"
expect "the ladder: positioning on top, the value prop under it, the benefit under that" \
	"200 $POS $VP $BEN 1" \
	"$STATUS $(jget "$TMP/b" j.tree[0].id) $(jget "$TMP/b" j.tree[0].children[0].id) $(jget "$TMP/b" j.tree[0].children[0].children[0].id) $(jget "$TMP/b" j.tree[0].children[0].children[0].proof)"
expect "the positioning's features carry their status" shipped "$(jget "$TMP/b" j.tree[0].features[0].status)"
req "$VIEWER" GET "/api/v1/messaging?segment_id=$SMB"
expect "the demo ladder of mid-market operations: 1 positioning, 2 value props, 3 benefits, 3 features" "1 2 3 3" \
	"$(jget "$TMP/b" 'j.counts.positioning + " " + j.counts.value_prop + " " + j.counts.benefit + " " + j.counts.feature')"
req "$VIEWER" GET /api/v1/messaging
expect "the ladder without segment_id: 400 naming it" "400 segment_id" "$STATUS $(jget "$TMP/b" j.error.field)"
req "$VIEWER" GET "/api/v1/messaging?segment_id=abc"
expect "a segment_id that is no number: 400" "400 segment_id" "$STATUS $(jget "$TMP/b" j.error.field)"
req "$VIEWER" GET "/api/v1/messaging?segment_id=99999"
expect "a missing segment: 404 naming segment_id" "404 segment_id" "$STATUS $(jget "$TMP/b" j.error.field)"

# --- related: messages are referenced by what they name
req "$VIEWER" GET "/api/v1/segments/$SEG/related"
expect "the segment's related lists its messages" true "$(jget "$TMP/b" "j.messages.some(m => m.id === $POS)")"
req "$VIEWER" GET "/api/v1/features/$F_SHIPPED/related"
expect "the feature's related lists the positioning it backs" true "$(jget "$TMP/b" "j.messages.some(m => m.id === $POS && m.via === 'feature_ids')")"
req "$VIEWER" GET "/api/v1/insights/$INS/related"
expect "the insight's related lists the benefit it proves" true "$(jget "$TMP/b" "j.messages.some(m => m.id === $BEN)")"
req "$VIEWER" GET "/api/v1/competitors/$(sql "SELECT id FROM competitors WHERE name = 'Spreadsheets'")/related"
expect "a competitor's related lists the positioning unlike it" true "$(jget "$TMP/b" "j.messages.some(m => m.via === 'competitor_id')")"
req "$VIEWER" GET "/api/v1/messages?segment_id=$SEG&level=positioning"
expect "the list filters by segment and level; items carry approvals" "1 true" "$(jget "$TMP/b" j.items.length) $(jget "$TMP/b" 'Array.isArray(j.items[0].approvals)')"
req "$PMM" DELETE "/api/v1/messages/$VP"
expect "a message with children cannot be deleted: 409" 409 "$STATUS"

# --- pages
start_server 18140
signin() { curl -s -c "$2" -H "$J" -d "{\"email\":\"$1\",\"password\":\"tandem-demo\"}" "$BASE/api/v1/session" > "$TMP/s"; jget "$TMP/s" j.csrf_token; }
CSRF=$(signin pm@demo.tandem "$TMP/pm.jar")
api GET "/messaging?segment_id=$SMB&compare=$ENT" -b "$TMP/pm.jar"
expect "the ladder page, two segments side by side" "200 2" "$STATUS $(grep -o 'class="ladder-col"' "$TMP/b" | wc -l)"
check "each node adds a child in place" contains "$TMP/b" "/messages/new?segment_id=$SMB&amp;parent_id="
check "the navigation has Messaging" contains "$TMP/b" 'href="/messaging"'
api GET "/messaging?segment_id=99999" -b "$TMP/pm.jar"
expect "the ladder of a missing segment: 404" 404 "$STATUS"
EPOS=$(sql "SELECT id FROM messages WHERE segment_id = $ENT AND level = 'positioning'")
api GET "/messages/$EPOS" -b "$TMP/pm.jar"
check "a positioning reads as Moore's statement" contains "$TMP/b" "For IT buyers at companies over 2,000 staff who stall every new tool"
check "its page shows the superlative lint flag" contains "$TMP/b" 'data-rule="superlative"'
check "and the approvals: approved by the pm, needs a pmm" contains "$TMP/b" "a pmm&#39;s (or a leader&#39;s) approval"
check "the pm (who approved) is offered request changes, not approve" lacks "$TMP/b" 'id="approve-form"'
api GET "/messages/$EPOS/edit" -b "$TMP/pm.jar"
check "the edit form shows the lint" contains "$TMP/b" 'data-rule="superlative"'
api GET "/messages/new?segment_id=$SMB&parent_id=1&level=value_prop" -b "$TMP/pm.jar"
check "the new form takes the ladder's values from the query" contains "$TMP/b" 'value="value_prop" selected'
BVP=$(sql "SELECT id FROM messages WHERE segment_id = $SMB AND level = 'benefit' LIMIT 1")
api GET "/messages/$BVP" -b "$TMP/pm.jar"
check "a benefit's page hides the positioning parts" lacks "$TMP/b" 'id="v-differentiator"'
PMMCSRF=$(signin pmm@demo.tandem "$TMP/pmm.jar")
api POST "/messages/$EPOS/approve" -b "$TMP/pmm.jar" --data-urlencode "_csrf=$PMMCSRF" -d "version=$(ver "$EPOS")"
expect "the pmm approves from the page: 303, approved" "303 approved" "$STATUS $(sql "SELECT status FROM messages WHERE id = $EPOS")"
api POST "/messages/$EPOS/request-changes" -b "$TMP/pmm.jar" --data-urlencode "_csrf=$PMMCSRF" -d "note="
expect "request changes with no note from the page: 400, the form again" "400 approved" "$STATUS $(sql "SELECT status FROM messages WHERE id = $EPOS")"
stop_server

# --- the CLI, generic
"$TANDEM" list messages --db "$DB" > "$TMP/cli" 2>&1
expect "tandem list messages exits 0" 0 "$?"
check "and lists the demo positioning" contains "$TMP/cli" "Northwind passes the security review once"
"$TANDEM" show messages "$EPOS" --db "$DB" > "$TMP/cli" 2>&1
check "tandem show messages ID shows it" contains "$TMP/cli" "security review"
# --- the forms never offer "approved" (approvals set it); a deleted message takes its approvals with it
req "$PM" POST /api/v1/segments '{"name":"Approval probe"}'
PS=$(jget "$TMP/b" j.id)
req "$PMM" POST /api/v1/messages "{\"segment_id\":$PS,\"level\":\"positioning\",\"text\":\"Probe\",\"status\":\"in_review\"}"
PRB=$(jget "$TMP/b" j.id)
BODY='{"email":"pmm@demo.tandem","password":"tandem-demo"}' oneshot POST /api/v1/session "$J"
MCOOKIE=$(header Set-Cookie | cut -d';' -f1)
oneshot GET "/messages/$PRB/edit" "Cookie: $MCOOKIE"
check "the edit form's status offers draft and in review, not approved" sh -c \
	"grep -q '<option value=\"in_review\" selected>' '$TMP/b' && ! grep -q '<option value=\"approved\"' '$TMP/b'"
req "$PM" POST "/api/v1/messages/$PRB/approve" '{}'
expect "the PM approves the probe" "200 1" "$STATUS $(sql "SELECT count(*) FROM approvals WHERE kind = 'messages' AND object_id = $PRB")"
req "$PMM" DELETE "/api/v1/messages/$PRB"
expect "deleting it removes its approvals too" "204 0" "$STATUS $(sql "SELECT count(*) FROM approvals WHERE kind = 'messages' AND object_id = $PRB")"
finish
