#!/bin/sh
# test_gate.sh — the perspective gate speaks: the strategy statements a request shares words with (API and triage
# page), and the drafted reply ready to send (a mail to the requester, a copy button).
. "$(dirname "$0")/lib.sh"
make_demo
PM=$(token pm)
A="Authorization: Bearer $PM"
J="Content-Type: application/json"
ONPREM=$(sql "SELECT id FROM features WHERE title = 'On-premise installer'")
DARK=$(sql "SELECT id FROM features WHERE title = 'Dark mode'")
oneshot GET "/api/v1/features/$ONPREM/gate" "$A"
expect "the on-premise request touches out-of-scope line 1, with the words it shares" \
	"200 premise,installation" "$STATUS $(jget "$TMP/b" 'j.matches.find(m => m.type === "out_of_scope" && m.index === 1).words.join()')"
expect "... each match names its statement's text" "On-premise installation" \
	"$(jget "$TMP/b" 'j.matches.find(m => m.type === "out_of_scope" && m.index === 1).text')"
expect "statements are in the strategy's order: the perspective first" "perspective" "$(jget "$TMP/b" 'j.matches[0].type')"
BUG=$(sql "SELECT id FROM features WHERE title LIKE 'Alerts arrive twice%'")
oneshot GET "/api/v1/features/$BUG/gate" "$A"
expect "a request that shares no words: no matches" "200 0" "$STATUS $(jget "$TMP/b" j.matches.length)"
oneshot GET /api/v1/features/999999/gate "$A"
expect "a missing feature: 404 naming feature" "404 feature" "$STATUS $(jget "$TMP/b" j.error.field)"
oneshot GET "/api/v1/features/$ONPREM/gate"
expect "without sign-in: 401" 401 "$STATUS"

BODY='{"email":"pm@demo.tandem","password":"tandem-demo"}' oneshot POST /api/v1/session "$J"
COOKIE=$(header Set-Cookie | cut -d';' -f1)
CSRF=$(jget "$TMP/b" j.csrf_token)
oneshot GET /triage "Cookie: $COOKIE"
check "the triage page shows what each request touches" contains "$TMP/b" '<h3>Touches the strategy</h3>'
check "... the out-of-scope line with its shared words" contains "$TMP/b" 'On-premise installation <small class="matched">shared words: premise, installation</small>'
check "... and says so when a request shares none" contains "$TMP/b" 'Shares no words with the strategy.'
check "each request shows its evidence, or that it has none" contains "$TMP/b" 'No customer evidence linked yet.'
sql "INSERT INTO feature_insights(feature_id, insight_id, importance, created_at) SELECT $ONPREM, id, 3, '2026-12-01T00:00:00Z' FROM insights WHERE text LIKE '%premise%'"
N=$(sql "SELECT count(*) FROM feature_insights WHERE feature_id = $ONPREM")
oneshot GET /triage "Cookie: $COOKIE"
check "... with how many insights, linked to the feature's evidence" contains "$TMP/b" "<a href=\"/features/$ONPREM#evidence\">$N insight"
check "... from how many accounts, and its demand" sh -c "grep -q 'from [0-9]* account[s]* · demand [0-9]' '$TMP/b'"

# decide one; the reply page offers the mail to the requester and a copy button
BODY="_csrf=$CSRF&decision=accept&reason=Fits+the+evening+shift&back=/triage" oneshot POST "/features/$DARK/triage" \
	"Cookie: $COOKIE" "Content-Type: application/x-www-form-urlencoded"
expect "accepting a request goes back to the queue with the reply" 303 "$STATUS"
LOC=$(header Location)
oneshot GET "$LOC" "Cookie: $COOKIE"
check "the reply can be written as a mail to the requester's address" contains "$TMP/b" 'href="mailto:ops-team%40acmelogistics.example?subject=Your%20request&amp;body='
check "... with the reply as its body, encoded" sh -c "grep -o 'body=[^\"]*' '$TMP/b' | grep -q '%0A'"
check "a copy button, shown only when scripts run" contains "$TMP/b" '<button type="button" class="secondary" data-copy="reply-text" hidden>Copy the reply</button>'
oneshot GET /static/copy.js
expect "the copy script is served" 200 "$STATUS"
finish
