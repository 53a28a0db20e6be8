#!/bin/sh
# test_reviews.sh — review requests (POST/GET /api/v1/reviews, POST /api/v1/reviews/{id}/answer and /cancel): pm, pmm
# and leader ask, contributors and viewers do not; a reviewer who cannot review, a due date in the past, an object
# that does not exist refused naming the field with nothing changed; only the reviewer answers (403), once (409);
# only the requester cancels; the review-overdue rule; the section on a detail page.
. "$(dirname "$0")/lib.sh"
make_demo
J="Content-Type: application/json"
PM="Authorization: Bearer $(token pm)"
PMM="Authorization: Bearer $(token pmm)"
LEADER="Authorization: Bearer $(token leader)"
C="Authorization: Bearer $(token contributor)"
V="Authorization: Bearer $(token viewer)"
PM_ID=$(sql "SELECT id FROM users WHERE email = 'pm@demo.tandem'")
PMM_ID=$(sql "SELECT id FROM users WHERE email = 'pmm@demo.tandem'")
LEADER_ID=$(sql "SELECT id FROM users WHERE email = 'leader@demo.tandem'")
V_ID=$(sql "SELECT id FROM users WHERE email = 'viewer@demo.tandem'")
C_ID=$(sql "SELECT id FROM users WHERE email = 'contributor@demo.tandem'")
LID=$(sql "SELECT min(id) FROM launches")
PF=$(sql "SELECT min(id) FROM prfaqs")
DUE=$(date -u -d '+7 days' +%F)
TODAY=$(date -u +%F)
state() { sql "SELECT count(*) || ':' || coalesce(sum(version), 0) || ':' || coalesce(group_concat(state), '') FROM reviews"; }

# --- roles: pm, pmm and leader ask for a review; contributors and viewers may not
BODY="{\"on_kind\":\"launches\",\"on_id\":$LID,\"reviewer_id\":$PMM_ID,\"due\":\"$DUE\",\"note\":\"Check the **tier**\",\"state\":\"approved\",\"requested_by\":1}" \
	oneshot POST /api/v1/reviews "$J" "$PM"
expect "a pm asks the pmm to review a launch: 201" 201 "$STATUS"
R1=$(jget "$TMP/b" j.id)
expect "... requested (whatever state was sent), by its creator" "requested $PM_ID" "$(jget "$TMP/b" j.state) $(jget "$TMP/b" j.requested_by)"
BODY="{\"on_kind\":\"prfaqs\",\"on_id\":$PF,\"reviewer_id\":$LEADER_ID,\"due\":\"$TODAY\"}" oneshot POST /api/v1/reviews "$J" "$PMM"
expect "a pmm asks a leader to review a PR/FAQ due today: 201" 201 "$STATUS"
R2=$(jget "$TMP/b" j.id)
BODY="{\"on_kind\":\"launches\",\"on_id\":$LID,\"reviewer_id\":$PM_ID,\"due\":\"$DUE\"}" oneshot POST /api/v1/reviews "$J" "$LEADER"
expect "a leader asks too: 201" 201 "$STATUS"
R3=$(jget "$TMP/b" j.id)
for who in C V; do
	eval "H=\$$who"
	BODY="{\"on_kind\":\"launches\",\"on_id\":$LID,\"reviewer_id\":$PM_ID,\"due\":\"$DUE\"}" oneshot POST /api/v1/reviews "$J" "$H"
	expect "a $who may not ask: 403" 403 "$STATUS"
done
oneshot GET "/api/v1/reviews?on_kind=launches&on_id=$LID" "$V"
expect "the object's requests listed (a viewer may read)" "200 2" "$STATUS $(jget "$TMP/b" j.items.length)"
oneshot GET "/api/v1/reviews?reviewer_id=$PMM_ID&state=requested" "$PM"
expect "... and what waits on a reviewer" "$R1" "$(jget "$TMP/b" 'j.items.map(i => i.id).join()')"

# --- bad input: 400 naming the field, nothing changed
BEFORE=$(state)
bad() { # NAME FIELD BODY
	BODY=$3 oneshot POST /api/v1/reviews "$J" "$PM"
	expect "$1: 400 naming $2" "400 $2" "$STATUS $(jget "$TMP/b" j.error.field)"
}
bad "a viewer as reviewer" reviewer_id "{\"on_kind\":\"launches\",\"on_id\":$LID,\"reviewer_id\":$V_ID,\"due\":\"$DUE\"}"
bad "a contributor as reviewer" reviewer_id "{\"on_kind\":\"launches\",\"on_id\":$LID,\"reviewer_id\":$C_ID,\"due\":\"$DUE\"}"
bad "a reviewer who does not exist" reviewer_id "{\"on_kind\":\"launches\",\"on_id\":$LID,\"reviewer_id\":999999,\"due\":\"$DUE\"}"
bad "a due date in the past" due "{\"on_kind\":\"launches\",\"on_id\":$LID,\"reviewer_id\":$PMM_ID,\"due\":\"2020-01-01\"}"
bad "a due date that is no date" due "{\"on_kind\":\"launches\",\"on_id\":$LID,\"reviewer_id\":$PMM_ID,\"due\":\"2030-02-30\"}"
bad "no due date" due "{\"on_kind\":\"launches\",\"on_id\":$LID,\"reviewer_id\":$PMM_ID}"
bad "an object that does not exist" on_id "{\"on_kind\":\"launches\",\"on_id\":999999,\"reviewer_id\":$PMM_ID,\"due\":\"$DUE\"}"
bad "a kind that does not exist" on_kind "{\"on_kind\":\"spaceships\",\"on_id\":1,\"reviewer_id\":$PMM_ID,\"due\":\"$DUE\"}"
bad "a review of a review" on_kind "{\"on_kind\":\"reviews\",\"on_id\":$R1,\"reviewer_id\":$PMM_ID,\"due\":\"$DUE\"}"
BODY="{\"due\":\"2020-01-01\"}" oneshot PATCH "/api/v1/reviews/$R1" "$J" "$PM" "If-Match: 1"
expect "moving the date into the past: 400 naming due" "400 due" "$STATUS $(jget "$TMP/b" j.error.field)"
BODY="{\"on_kind\":\"prfaqs\",\"on_id\":$PF}" oneshot PATCH "/api/v1/reviews/$R1" "$J" "$PM" "If-Match: 1"
expect "moving the request to another object: 400 naming on_kind" "400 on_kind" "$STATUS $(jget "$TMP/b" j.error.field)"
BODY="{\"state\":\"maybe\"}" oneshot POST "/api/v1/reviews/$R1/answer" "$J" "$PMM"
expect "an answer that is no state: 400 naming state" "400 state" "$STATUS $(jget "$TMP/b" j.error.field)"
expect "... and the database is unchanged" "$BEFORE" "$(state)"

# --- answer: only the reviewer, once
BODY='{"state":"approved","note":"Fine by me"}' oneshot POST "/api/v1/reviews/$R1/answer" "$J" "$PM"
expect "the requester answering their own request (not the reviewer): 403" 403 "$STATUS"
BODY='{"state":"approved"}' oneshot POST "/api/v1/reviews/$R1/answer" "$J" "$LEADER"
expect "a leader who is not the reviewer: 403" 403 "$STATUS"
BODY='{"state":"approved"}' oneshot POST "/api/v1/reviews/$R1/answer" "$J" "$V"
expect "a viewer: 403" 403 "$STATUS"
expect "... nothing changed" "$BEFORE" "$(state)"
BODY='{"state":"changes_requested","note":"Tier 1, not 2"}' oneshot POST "/api/v1/reviews/$R1/answer" "$J" "$PMM"
expect "the reviewer answers: 200 changes_requested with the note" "200 changes_requested Tier 1, not 2" \
	"$STATUS $(jget "$TMP/b" j.state) $(jget "$TMP/b" j.answer_note)"
check "... with when" test "$(jget "$TMP/b" j.answered_at)" != null
expect "... audited" 1 "$(sql "SELECT count(*) FROM audit WHERE kind = 'reviews' AND object_id = $R1 AND action = 'answered'")"
BODY='{"state":"approved"}' oneshot POST "/api/v1/reviews/$R1/answer" "$J" "$PMM"
expect "answering twice: 409" "409 changes_requested" "$STATUS $(sql "SELECT state FROM reviews WHERE id = $R1")"

# --- cancel: only the requester, while requested
oneshot POST "/api/v1/reviews/$R3/cancel" "$PM"
expect "the reviewer may not cancel: 403" 403 "$STATUS"
oneshot POST "/api/v1/reviews/$R3/cancel" "$LEADER"
expect "the requester cancels: 200 cancelled" "200 cancelled" "$STATUS $(jget "$TMP/b" j.state)"
oneshot POST "/api/v1/reviews/$R3/cancel" "$LEADER"
expect "cancelling twice: 409" 409 "$STATUS"
BODY='{"state":"approved"}' oneshot POST "/api/v1/reviews/$R3/answer" "$J" "$PM"
expect "answering a cancelled request: 409" 409 "$STATUS"

# --- review-overdue: requested and due before today
oneshot GET "/api/v1/alignment?rule=review-overdue" "$V"
expect "nothing overdue yet (one due today)" "200 0" "$STATUS $(jget "$TMP/b" j.findings.length)"
sql "UPDATE reviews SET due = '2020-03-01' WHERE id IN ($R1, $R2, $R3)"
oneshot GET "/api/v1/alignment?rule=review-overdue" "$V"
expect "only the request still requested is overdue" "200 $R2 reviews warning" \
	"$STATUS $(jget "$TMP/b" 'j.findings.map(f => f.id).join()') $(jget "$TMP/b" 'j.findings[0].kind') $(jget "$TMP/b" 'j.findings[0].severity')"
expect "... the reviewer's finding" "$LEADER_ID" "$(jget "$TMP/b" 'j.findings[0].owner')"
check "... naming the PR/FAQ and the date" contains "$TMP/b" "was due on 2020-03-01"

# --- the section on a detail page, with the form
oneshot GET "/launches/$LID" "$PM"
expect "a launch's page: 200" 200 "$STATUS"
check "... shows its reviews" contains "$TMP/b" 'id="reviews"'
check "... with the answer" contains "$TMP/b" "Tier 1, not 2"
check "... and a Request a review form" contains "$TMP/b" 'action="/reviews"'

# --- the forms: request on the page, answer there, both back to #reviews
BODY='{"email":"pmm@demo.tandem","password":"tandem-demo"}' oneshot POST /api/v1/session "$J"
COOKIE=$(header Set-Cookie | cut -d';' -f1)
CSRF=$(jget "$TMP/b" j.csrf_token)
F="Content-Type: application/x-www-form-urlencoded"
BODY="_csrf=$CSRF&on_kind=launches&on_id=$LID&reviewer_id=$PM_ID&due=$DUE&note=Dates+ok%3F" oneshot POST /reviews "Cookie: $COOKIE" "$F"
expect "Request a review on the page: back to the launch's reviews" "303 /launches/$LID?saved=created#reviews" "$STATUS $(header Location)"
R4=$(sql "SELECT max(id) FROM reviews")
BEFORE=$(state)
BODY="_csrf=$CSRF&on_kind=launches&on_id=$LID&reviewer_id=$V_ID&due=$DUE" oneshot POST /reviews "Cookie: $COOKIE" "$F"
expect "a viewer as reviewer on the page: 400 form, nothing changed" "400 $BEFORE" "$STATUS $(state)"
check "... saying why" contains "$TMP/b" "cannot review"
BODY='{"email":"pm@demo.tandem","password":"tandem-demo"}' oneshot POST /api/v1/session "$J"
COOKIE=$(header Set-Cookie | cut -d';' -f1)
CSRF=$(jget "$TMP/b" j.csrf_token)
oneshot GET "/launches/$LID" "Cookie: $COOKIE"
check "the reviewer sees the answer form" contains "$TMP/b" "action=\"/reviews/$R4/answer\""
BODY="_csrf=$CSRF&state=approved&note=Yes" oneshot POST "/reviews/$R4/answer" "Cookie: $COOKIE" "$F"
expect "the reviewer answers on the page: back to the launch's reviews, approved" "303 approved" \
	"$STATUS $(sql "SELECT state FROM reviews WHERE id = $R4")"
check "... at #reviews" contains "$TMP/h" "#reviews"

# --- an object's requests go when it is deleted
BODY='{"name":"Short-lived segment"}' oneshot POST /api/v1/segments "$J" "$PM"
SEG=$(jget "$TMP/b" j.id)
BODY="{\"on_kind\":\"segments\",\"on_id\":$SEG,\"reviewer_id\":$PMM_ID,\"due\":\"$DUE\"}" oneshot POST /api/v1/reviews "$J" "$PM"
oneshot DELETE "/api/v1/segments/$SEG" "$PM"
expect "deleting the segment deletes its review requests" "204 0" "$STATUS $(sql "SELECT count(*) FROM reviews WHERE on_kind = 'segments' AND on_id = $SEG")"
finish
