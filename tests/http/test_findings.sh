# test_findings.sh — working through the alignment report: each finding's owner (from its kind's owner fields), the
# filters (owner=me|id, kind, severity, rule; worst first; the score stays the workspace's), findings accepted as a
# known risk (POST/GET/DELETE /api/v1/alignment/accepted: out of the score and the findings until their date, each bad
# input 400 naming its field with nothing stored, viewers 403, audited), the daily history of the score, and the page.
. "$(dirname "$0")/lib.sh"
make_demo
sql "DELETE FROM alignment_history" # the demo keeps four weeks of it; these tests count their own points
export TANDEM_TODAY=2027-01-10
PM=$(token pm)
VIEWER=$(token viewer)
P="Authorization: Bearer $PM"
V="Authorization: Bearer $VIEWER"
J="Content-Type: application/json"
PM_ID=$(sql "SELECT id FROM users WHERE email = 'pm@demo.tandem'")
accepted_rows() { sql "SELECT count(*) FROM alignment_accepted"; }
expect "the demo has a finding accepted as a known risk" "activity-after-launch launches" \
	"$(sql "SELECT rule || ' ' || kind FROM alignment_accepted")"
sql "DELETE FROM alignment_accepted; DELETE FROM audit WHERE kind = 'alignment-accepted'" # this script counts its own from none

# owners: a goal's PM owner, else its PMM owner; a launch's owner; null for a kind without owners
oneshot GET /api/v1/alignment "$V"
expect "a viewer reads the report" 200 "$STATUS"
cp "$TMP/b" "$TMP/all.json"
SCORE=$(jget "$TMP/all.json" j.score)
COUNT=$(jget "$TMP/all.json" j.count)
expect "every finding has an owner member" true "$(jget "$TMP/all.json" 'j.findings.every(f => "owner" in f)')"
expect "a goal's finding is owned by its PM owner, else its PMM owner" \
	"$(sql "SELECT group_concat(id || ':' || coalesce(pm_owner, pmm_owner, 'null'), ',') FROM (SELECT id, pm_owner, pmm_owner FROM goals WHERE id IN ($(jget "$TMP/all.json" '[...new Set(j.findings.filter(f => f.kind === "goals").map(f => f.id))].join(",")')) ORDER BY id)")" \
	"$(jget "$TMP/all.json" '[...new Map(j.findings.filter(f => f.kind === "goals").sort((a, b) => a.id - b.id).map(f => [f.id, f.id + ":" + f.owner])).values()].join(",")')"
L=$(jget "$TMP/all.json" 'j.findings.find(f => f.kind === "launches").id')
expect "a launch's finding is owned by the launch's owner" "$(sql "SELECT owner FROM launches WHERE id = $L")" \
	"$(jget "$TMP/all.json" "j.findings.find(f => f.kind === 'launches' && f.id === $L).owner")"
F=$(jget "$TMP/all.json" 'j.findings.find(f => f.kind === "features").id')
expect "a feature's finding is owned by its PM owner, else its PMM owner" \
	"$(sql "SELECT coalesce(pm_owner, pmm_owner, 'null') FROM features WHERE id = $F")" \
	"$(jget "$TMP/all.json" "j.findings.find(f => f.kind === 'features' && f.id === $F).owner")"
expect "a finding without an owned object has owner null" true \
	"$(jget "$TMP/all.json" 'j.findings.filter(f => f.id === 0).every(f => f.owner === null)')"
expect "findings come worst first" true \
	"$(jget "$TMP/all.json" 'const r = {error: 0, warning: 1, info: 2}; j.findings.every((f, i, a) => !i || r[a[i - 1].severity] <= r[f.severity])')"

# filters: the findings narrow, the score and the count stay the workspace's
oneshot GET "/api/v1/alignment?owner=me" "$P"
expect "owner=me: only the signed-in user's findings" \
	"$(jget "$TMP/all.json" "j.findings.filter(f => f.owner === $PM_ID).length") true" \
	"$(jget "$TMP/b" 'j.findings.length') $(jget "$TMP/b" "j.findings.every(f => f.owner === $PM_ID)")"
expect "owner=me leaves the score and the count alone" "$SCORE $COUNT" "$(jget "$TMP/b" j.score) $(jget "$TMP/b" j.count)"
check "the pm owns some findings" test "$(jget "$TMP/b" 'j.findings.length')" -gt 0
OWNER=$(jget "$TMP/all.json" "j.findings.find(f => f.owner !== null && f.owner !== $PM_ID).owner")
oneshot GET "/api/v1/alignment?owner=$OWNER" "$V"
expect "owner=<id>: only that user's findings" "$(jget "$TMP/all.json" "j.findings.filter(f => f.owner === $OWNER).length")" \
	"$(jget "$TMP/b" "j.findings.filter(f => f.owner === $OWNER).length + ':' + j.findings.length" | cut -d: -f2)"
oneshot GET "/api/v1/alignment?kind=goals" "$V"
expect "kind=goals: only goals' findings" "$(jget "$TMP/all.json" 'j.findings.filter(f => f.kind === "goals").length') true" \
	"$(jget "$TMP/b" 'j.findings.length') $(jget "$TMP/b" 'j.findings.every(f => f.kind === "goals")')"
oneshot GET "/api/v1/alignment?severity=error" "$V"
expect "severity=error: only errors" "$(jget "$TMP/all.json" 'j.findings.filter(f => f.severity === "error").length') true $SCORE" \
	"$(jget "$TMP/b" 'j.findings.length') $(jget "$TMP/b" 'j.findings.every(f => f.severity === "error")') $(jget "$TMP/b" j.score)"
oneshot GET "/api/v1/alignment?rule=goal-no-pmm-owner&kind=goals" "$V"
expect "rule= with kind=: both apply" "$(jget "$TMP/all.json" 'j.findings.filter(f => f.rule === "goal-no-pmm-owner").length') true" \
	"$(jget "$TMP/b" 'j.findings.length') $(jget "$TMP/b" 'j.findings.every(f => f.rule === "goal-no-pmm-owner")')"
for bad in "severity=fatal severity" "rule=no-such-rule rule" "owner=someone owner" "owner=0 owner"; do
	oneshot GET "/api/v1/alignment?${bad% *}" "$V"
	expect "?${bad% *} is 400 naming ${bad#* }" "400 ${bad#* }" "$STATUS $(jget "$TMP/b" j.error.field)"
done

# accept a warning as a known risk: it leaves the findings and the score, and is listed apart
W=$(jget "$TMP/all.json" 'JSON.stringify(j.findings.find(f => f.severity === "warning" && f.id > 0))')
WR=$(node -e "console.log(($W).rule)") WK=$(node -e "console.log(($W).kind)") WI=$(node -e "console.log(($W).id)")
BODY="{\"rule\":\"$WR\",\"kind\":\"$WK\",\"id\":$WI,\"reason\":\"Owner joins in March\",\"until\":\"2027-03-31\"}" \
	oneshot POST /api/v1/alignment/accepted "$V" "$J"
expect "a viewer may not accept a finding" 403 "$STATUS"
expect "nothing stored for the viewer" 0 "$(accepted_rows)"
BODY="{\"rule\":\"$WR\",\"kind\":\"$WK\",\"id\":$WI,\"reason\":\"Owner joins in March\",\"until\":\"2027-03-31\"}" \
	oneshot POST /api/v1/alignment/accepted "$P" "$J"
expect "a PM accepts a finding as a risk" 201 "$STATUS"
ACC=$(jget "$TMP/b" j.id)
expect "the answer is the acceptance, by the PM, active" "$WR $WK $WI $PM_ID true 2027-03-31" \
	"$(jget "$TMP/b" '[j.rule, j.kind, j.object_id, j.accepted_by, j.active, j.until].join(" ")')"
oneshot GET /api/v1/alignment "$V"
expect "the score rises by the warning's 3" "$((SCORE + 3))" "$(jget "$TMP/b" j.score)"
expect "the count falls by one" "$((COUNT - 1))" "$(jget "$TMP/b" j.count)"
expect "the finding left the findings" false \
	"$(jget "$TMP/b" "j.findings.some(f => f.rule === '$WR' && f.kind === '$WK' && f.id === $WI)")"
expect "and is listed apart, with its reason and date" "$WR $WI $ACC Owner joins in March 2027-03-31" \
	"$(jget "$TMP/b" '[j.accepted[0].rule, j.accepted[0].id, j.accepted[0].accepted_id, j.accepted[0].reason, j.accepted[0].until].join(" ")')"
oneshot GET /api/v1/alignment/accepted "$V"
expect "GET /api/v1/alignment/accepted lists it with who and when" "1 $ACC $PM_ID $(sql "SELECT name FROM users WHERE id = $PM_ID") true" \
	"$(jget "$TMP/b" '[j.items.length, j.items[0].id, j.items[0].accepted_by, j.items[0].accepted_by_name, /^\d{4}-\d\d-\d\dT/.test(j.items[0].accepted_at)].join(" ")')"
expect "the acceptance is audited" "1" "$(sql "SELECT count(*) FROM audit WHERE kind = 'alignment-accepted' AND object_id = $ACC AND action = 'accepted'")"
TANDEM_TODAY=2027-01-10 "$TANDEM" check --db "$DB" --format json > "$TMP/check.json" 2>&1
expect "tandem check leaves the accepted finding out of its score too" "$((SCORE + 3)) 1" \
	"$(jget "$TMP/check.json" 'j.score + " " + j.accepted.length')"

# bad input: 400 naming the field, nothing stored
E=$(jget "$TMP/all.json" 'JSON.stringify(j.findings.find(f => f.severity === "error"))')
ER=$(node -e "console.log(($E).rule)") EK=$(node -e "console.log(($E).kind)") EI=$(node -e "console.log(($E).id)")
bad() { # NAME FIELD BODY
	BODY=$3 oneshot POST /api/v1/alignment/accepted "$P" "$J"
	expect "$1: 400 naming $2, nothing stored" "400 $2 1" "$STATUS $(jget "$TMP/b" j.error.field) $(accepted_rows)"
}
bad "no reason" reason "{\"rule\":\"$ER\",\"kind\":\"$EK\",\"id\":$EI,\"until\":\"2027-02-01\"}"
bad "an empty reason" reason "{\"rule\":\"$ER\",\"kind\":\"$EK\",\"id\":$EI,\"reason\":\"  \",\"until\":\"2027-02-01\"}"
bad "until in the past" until "{\"rule\":\"$ER\",\"kind\":\"$EK\",\"id\":$EI,\"reason\":\"r\",\"until\":\"2027-01-09\"}"
bad "until over a year away" until "{\"rule\":\"$ER\",\"kind\":\"$EK\",\"id\":$EI,\"reason\":\"r\",\"until\":\"2028-01-11\"}"
bad "until not a date" until "{\"rule\":\"$ER\",\"kind\":\"$EK\",\"id\":$EI,\"reason\":\"r\",\"until\":\"soon\"}"
bad "a finding that does not exist now" id "{\"rule\":\"$ER\",\"kind\":\"$EK\",\"id\":99999,\"reason\":\"r\",\"until\":\"2027-02-01\"}"
bad "an unknown rule" rule "{\"rule\":\"no-such-rule\",\"kind\":\"$EK\",\"id\":$EI,\"reason\":\"r\",\"until\":\"2027-02-01\"}"
bad "no rule" rule "{\"kind\":\"$EK\",\"id\":$EI,\"reason\":\"r\",\"until\":\"2027-02-01\"}"
BODY="{\"rule\":\"$WR\",\"kind\":\"$WK\",\"id\":$WI,\"reason\":\"again\",\"until\":\"2027-02-01\"}" \
	oneshot POST /api/v1/alignment/accepted "$P" "$J"
expect "accepting an accepted finding again is 409, nothing stored" "409 1" "$STATUS $(accepted_rows)"
BODY="{\"rule\":\"$ER\",\"kind\":\"$EK\",\"id\":$EI,\"reason\":\"r\",\"until\":\"2028-01-10\"}" \
	oneshot POST /api/v1/alignment/accepted "$P" "$J"
expect "until exactly a year away is accepted (an error, -10 off the score)" 201 "$STATUS"
ACC2=$(jget "$TMP/b" j.id)
oneshot GET /api/v1/alignment "$V"
expect "two accepted: the score rises by 3 and 10" "$((SCORE + 13)) 2" "$(jget "$TMP/b" 'j.score + " " + j.accepted.length')"

# revoke: it counts again; a second revoke is 404; viewers may not
oneshot DELETE "/api/v1/alignment/accepted/$ACC2" "$V"
expect "a viewer may not revoke" 403 "$STATUS"
oneshot DELETE "/api/v1/alignment/accepted/$ACC2" "$P"
expect "a PM revokes an acceptance" 204 "$STATUS"
oneshot DELETE "/api/v1/alignment/accepted/$ACC2" "$P"
expect "revoking it again is 404" 404 "$STATUS"
oneshot DELETE "/api/v1/alignment/accepted/99999" "$P"
expect "revoking an unknown acceptance is 404" 404 "$STATUS"
expect "the revocation is audited" 1 "$(sql "SELECT count(*) FROM audit WHERE kind = 'alignment-accepted' AND object_id = $ACC2 AND action = 'revoked'")"
oneshot GET /api/v1/alignment "$V"
expect "revoked, the error counts again" "$((SCORE + 3)) true" \
	"$(jget "$TMP/b" "j.score + ' ' + j.findings.some(f => f.rule === '$ER' && f.id === $EI)")"
oneshot GET /api/v1/alignment/accepted "$V"
expect "the list keeps only the acceptances not revoked" "$ACC" "$(jget "$TMP/b" 'j.items.map(x => x.id).join(",")')"

# expiry: accepted until tomorrow, it counts again the day after
BODY="{\"rule\":\"$ER\",\"kind\":\"$EK\",\"id\":$EI,\"reason\":\"Until the release\",\"until\":\"2027-01-11\"}" \
	oneshot POST /api/v1/alignment/accepted "$P" "$J"
expect "accepted until tomorrow" 201 "$STATUS"
ACC3=$(jget "$TMP/b" j.id)
TANDEM_TODAY=2027-01-11 oneshot GET /api/v1/alignment "$V"
expect "tomorrow it is still accepted" true "$(jget "$TMP/b" "j.accepted.some(f => f.accepted_id === $ACC3)")"
TANDEM_TODAY=2027-01-12 oneshot GET /api/v1/alignment "$V"
expect "the day after, it is back among the findings and out of accepted" "true false" \
	"$(jget "$TMP/b" "j.findings.some(f => f.rule === '$ER' && f.id === $EI) + ' ' + j.accepted.some(f => f.accepted_id === $ACC3)")"
TANDEM_TODAY=2027-01-12 oneshot GET /api/v1/alignment/accepted "$V"
expect "the list marks it expired" false "$(jget "$TMP/b" "j.items.find(x => x.id === $ACC3).active")"
TANDEM_TODAY=2027-01-12 "$TANDEM" check --db "$DB" --format json > "$TMP/check.json" 2>&1
expect "tandem check the day after counts it again" true \
	"$(jget "$TMP/check.json" "j.findings.some(f => f.rule === '$ER' && f.id === $EI) && !j.accepted.some(f => f.accepted_id === $ACC3)")"

# history: one point a day (the day's latest score), from requests and from tandem check
expect "one point a day so far" "2027-01-10 2027-01-11 2027-01-12" "$(sql "SELECT group_concat(day, ' ') FROM (SELECT day FROM alignment_history ORDER BY day)")"
expect "a day's point is its latest score" "$((SCORE + 3))" "$(sql "SELECT score FROM alignment_history WHERE day = '2027-01-10'")"
TANDEM_TODAY=2027-01-20 "$TANDEM" check --db "$DB" > /dev/null 2>&1
expect "tandem check records its day" 1 "$(sql "SELECT count(*) FROM alignment_history WHERE day = '2027-01-20'")"
TANDEM_TODAY=2027-01-20 oneshot GET /api/v1/alignment "$V"
expect "the answer's history: [{day, score}], oldest first, today last" \
	"2027-01-10:$((SCORE + 3)),2027-01-11:$(sql "SELECT score FROM alignment_history WHERE day = '2027-01-11'"),2027-01-12:$(sql "SELECT score FROM alignment_history WHERE day = '2027-01-12'"),2027-01-20:$(jget "$TMP/b" j.score)" \
	"$(jget "$TMP/b" 'j.history.map(p => p.day + ":" + p.score).join(",")')"
TANDEM_TODAY=2027-04-15 oneshot GET /api/v1/alignment "$V"
expect "only the last 90 days" "2027-01-20,2027-04-15" "$(jget "$TMP/b" 'j.history.map(p => p.day).join(",")')"

# the page: filters, the accept form, the accepted list with revoke, the sparkline
BODY='{"email":"pm@demo.tandem","password":"tandem-demo"}' oneshot POST /api/v1/session "$J"
COOKIE=$(header Set-Cookie | cut -d';' -f1)
CSRF=$(jget "$TMP/b" j.csrf_token)
oneshot GET /alignment "Cookie: $COOKIE"
expect "the alignment page opens" 200 "$STATUS"
check "it has the filters as selects" sh -c "grep -q 'id=\"filters\"' '$TMP/b' && grep -q '<select id=\"f-owner\" name=\"owner\">' '$TMP/b' && grep -q '<select id=\"f-severity\"' '$TMP/b' && grep -q '<select id=\"f-rule\"' '$TMP/b' && grep -q '<select id=\"f-kind\"' '$TMP/b'"
check "the owner filter offers Mine" contains "$TMP/b" '<option value="me">Mine</option>'
check "each finding has an Accept as a risk form" contains "$TMP/b" '<summary>Accept as a risk</summary>'
check "the form posts to /alignment/accepted" contains "$TMP/b" 'action="/alignment/accepted"'
check "the sparkline is drawn" contains "$TMP/b" '<svg class="spark history"'
check "one day's point is labelled as today's" sh -c "grep -q '<text class=\"label latest\"[^>]*>today [0-9]*</text>' '$TMP/b'"
# the demo's two decisions, open 47 days by 2027-01-20, would take that day's score down to the lowest day's 0
sql "DELETE FROM decisions"
sql "INSERT INTO alignment_history(day, score, count, recorded_at) VALUES ('2027-01-15', 0, 40, '2027-01-15T12:00:00Z')"
TANDEM_TODAY=2027-01-20 oneshot GET /alignment "Cookie: $COOKIE"
check "over several days, the lowest and the latest each labelled" sh -c "grep -q '<text class=\"label lowest\"[^>]*>lowest 0</text>' '$TMP/b' && grep -q '<text class=\"label latest\"[^>]*>latest [0-9]*' '$TMP/b'"
check "the accepted list has its revoke button" contains "$TMP/b" "action=\"/alignment/accepted/$ACC/revoke\""
oneshot GET "/alignment?owner=me&severity=warning" "Cookie: $COOKIE"
check "filtered: Mine and Warnings selected" sh -c "grep -q '<option value=\"me\" selected>Mine</option>' '$TMP/b' && grep -q '<option value=\"warning\" selected>' '$TMP/b'"
check "filtered: no error row" lacks "$TMP/b" '<tr><td><span class="badge badge-error">'
oneshot GET "/alignment?severity=fatal" "Cookie: $COOKIE"
check "a bad filter on the page says so and shows everything" sh -c "[ '$STATUS' = 200 ] && grep -q 'severity must be' '$TMP/b'"
BODY="_csrf=$CSRF&rule=$ER&kind=$EK&id=$EI&reason=&until=2027-02-01" \
	TANDEM_TODAY=2027-01-20 oneshot POST /alignment/accepted "Cookie: $COOKIE" "Content-Type: application/x-www-form-urlencoded"
expect "the page form without a reason is 400, the page again with the message" "400 true" \
	"$STATUS $(grep -q 'role="alert">reason is required' "$TMP/b" && echo true)"
N=$(accepted_rows)
BODY="_csrf=$CSRF&rule=$ER&kind=$EK&id=$EI&reason=Known%20and%20planned&until=2027-02-01" \
	TANDEM_TODAY=2027-01-20 oneshot POST /alignment/accepted "Cookie: $COOKIE" "Content-Type: application/x-www-form-urlencoded"
expect "the page form accepts: 303 back to the report" "303 /alignment#accepted $((N + 1))" "$STATUS $(header Location) $(accepted_rows)"
TANDEM_TODAY=2027-01-20 oneshot GET /alignment "Cookie: $COOKIE"
check "the page lists it apart with its reason" contains "$TMP/b" 'Known and planned'
A4=$(sql "SELECT max(id) FROM alignment_accepted")
BODY="_csrf=$CSRF" TANDEM_TODAY=2027-01-20 oneshot POST "/alignment/accepted/$A4/revoke" "Cookie: $COOKIE" \
	"Content-Type: application/x-www-form-urlencoded"
expect "the revoke button revokes: 303" "303 1" "$STATUS $(sql "SELECT count(*) FROM alignment_accepted WHERE id = $A4 AND revoked_at IS NOT NULL")"
BODY='{"email":"viewer@demo.tandem","password":"tandem-demo"}' oneshot POST /api/v1/session "$J"
VCOOKIE=$(header Set-Cookie | cut -d';' -f1)
oneshot GET /alignment "Cookie: $VCOOKIE"
check "a viewer sees no accept form and no revoke button" sh -c "! grep -q 'Accept as a risk</summary>' '$TMP/b' && ! grep -q '/revoke\"' '$TMP/b'"
oneshot GET / "Cookie: $COOKIE"
check "the dashboard still shows the score" contains "$TMP/b" 'id="score"'
finish
