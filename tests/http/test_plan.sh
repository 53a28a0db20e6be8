# test_plan.sh — score weights, feature scores, the plan and applying it (API through `tandem http`), roles, CSRF, the CLI.
. "$(dirname "$0")/lib.sh"
make_demo
VIEWER=$(token viewer)
CONTRIB=$(token contributor)
PM=$(token pm)
LEADER=$(token leader)
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
versions() { sql "SELECT group_concat(id || ':' || status || ':' || coalesce(period, '-') || ':' || version, ' ') FROM features"; }

# --- score weights: viewers read, leaders change
req "$VIEWER" GET /api/v1/settings/score
expect "viewer reads the score weights" "200 10 2 0.05" "$STATUS $(jget "$TMP/b" j.goal) $(jget "$TMP/b" j.demand) $(jget "$TMP/b" j.rice)"
req "$CONTRIB" PUT /api/v1/settings/score '{"goal":1,"demand":1,"rice":1}'
expect "contributor PUT score weights gets 403" "403 forbidden" "$STATUS $(jget "$TMP/b" j.error.code)"
req "$PM" PUT /api/v1/settings/score '{"goal":1,"demand":1,"rice":1}'
expect "pm PUT score weights gets 403 (leaders only)" 403 "$STATUS"
expect "refused changes stored nothing" 0 "$(sql "SELECT count(*) FROM settings WHERE key = 'score.weights'")"
req "$LEADER" PUT /api/v1/settings/score '{"goal":"10","demand":1,"rice":1}'
expect "a weight that is a string: 400 naming it" "400 invalid goal" "$STATUS $(jget "$TMP/b" j.error.code) $(jget "$TMP/b" j.error.field)"
req "$LEADER" PUT /api/v1/settings/score '{"goal":10,"demand":1,"rice":1,"reach":3}'
expect "an unknown field: 400 naming it" "400 reach" "$STATUS $(jget "$TMP/b" j.error.field)"
req "$LEADER" PUT /api/v1/settings/score '{"goal":10,"demand":1,"rice":5000}'
expect "a weight over 1000: 400" "400 rice" "$STATUS $(jget "$TMP/b" j.error.field)"
req "$LEADER" PUT /api/v1/settings/score '{"goal":10,"demand":1}'
expect "a missing weight: 400" "400 rice" "$STATUS $(jget "$TMP/b" j.error.field)"
BODY='{"goal":1}' oneshot PUT /api/v1/settings/score "Authorization: Bearer $LEADER" "Content-Type: text/plain"
expect "a body that is not JSON: 415" 415 "$STATUS"
unset BODY

# --- a feature's score and its breakdown
req "$VIEWER" GET /api/v1/features/1/score
expect "viewer reads a score" 200 "$STATUS"
expect "score = 10 × goal value 7 + 0.05 × RICE 600" "100 7 600 0.8 8" \
	"$(jget "$TMP/b" j.score) $(jget "$TMP/b" j.goal_value) $(jget "$TMP/b" j.rice) $(jget "$TMP/b" j.confidence) $(jget "$TMP/b" j.effort)"
expect "the breakdown has weighted terms" "70 0 30" "$(jget "$TMP/b" j.terms.goal) $(jget "$TMP/b" j.terms.demand) $(jget "$TMP/b" j.terms.rice)"
expect "the breakdown says why demand is 0" true "$(jget "$TMP/b" 'j.notes.some(n => n.includes("demand"))')"
req "$VIEWER" GET /api/v1/features/999/score
expect "no such feature: 404" "404 not_found" "$STATUS $(jget "$TMP/b" j.error.code)"
oneshot GET /api/v1/features/1/score
expect "anonymous score: 401" 401 "$STATUS"
req "$LEADER" PUT /api/v1/settings/score '{"goal":1,"demand":2,"rice":0.5}'
expect "leader changes the weights" "200 1 0.5" "$STATUS $(jget "$TMP/b" j.goal) $(jget "$TMP/b" j.rice)"
expect "the change is audited" 1 "$(sql "SELECT count(*) FROM audit WHERE kind = 'settings' AND user_id = 2")"
req "$VIEWER" GET /api/v1/features/1/score
expect "the score follows the weights" "307 1" "$(jget "$TMP/b" j.score) $(jget "$TMP/b" j.weights.goal)"
req "$LEADER" PUT /api/v1/settings/score '{"goal":10,"demand":2,"rice":0.05}'
expect "weights back to the defaults" 200 "$STATUS"

# --- the plan: viewers may compute it
BEFORE=$(versions)
req "$VIEWER" POST /api/v1/plan '{"period":"2027-Q1"}'
expect "viewer computes the plan" "200 true true" "$STATUS $(jget "$TMP/b" j.optimal) $(jget "$TMP/b" j.feasible)"
expect "chosen: the best set within 40/8/6" "[1,2,6,3,8,5]" "$(jget "$TMP/b" j.chosen)"
# 371.71 from goals and RICE, plus the demo's evidence: 2 × (7.03 + 3.33) for #2, 2 × 7.03 for #3 and
# 2 × (5.29 + 3.61) for #6 (importance × (1 + log10(1 + ARR / 10,000))) = 52.56
expect "value and capacity used" "424.27 36 8 6" "$(jget "$TMP/b" j.value) $(jget "$TMP/b" j.used.eng) $(jget "$TMP/b" j.used.design) $(jget "$TMP/b" j.used.mkt)"
expect "stored capacity for the period" "40 8 6" "$(jget "$TMP/b" j.capacity.eng) $(jget "$TMP/b" j.capacity.design) $(jget "$TMP/b" j.capacity.mkt)"
expect "every other candidate is cut with a reason" "4 true" "$(jget "$TMP/b" j.cut.length) $(jget "$TMP/b" 'j.cut.every(c => c.reason.length > 5)')"
expect "top-3 and top-5 shares" "0.6634 0.9284" "$(jget "$TMP/b" j.top3_share) $(jget "$TMP/b" j.top5_share)"
expect "requests and declined features are no candidates" false "$(jget "$TMP/b" '[11,12,13,14,15].some(i => j.chosen.includes(i) || j.cut.some(c => c.id === i))')"
req "$VIEWER" POST /api/v1/plan '{"period":"2027-Q1","capacity":{"eng":100,"design":100,"mkt":100},"exclude":[1]}'
expect "capacity given and an exclusion" "200 excluded" "$STATUS $(jget "$TMP/b" 'j.cut.find(c => c.id === 1).reason')"
expect "what depends on the excluded is cut, saying so" true "$(jget "$TMP/b" 'j.cut.find(c => c.id === 6).reason.includes("#1, which is excluded")')"
req "$VIEWER" POST /api/v1/plan '{"period":"2027-Q1","candidates":[3,5],"must":[4]}'
expect "candidates named; a must-include joins them" "[3,4,5]" "$(jget "$TMP/b" j.chosen)"

# bad input
req "$VIEWER" POST /api/v1/plan '{}'
expect "no period: 400" "400 period" "$STATUS $(jget "$TMP/b" j.error.field)"
req "$VIEWER" POST /api/v1/plan '{"period":"Q1 2027"}'
expect "a malformed period: 400" "400 period" "$STATUS $(jget "$TMP/b" j.error.field)"
req "$VIEWER" POST /api/v1/plan '{"period":"2027-Q4"}'
expect "a period without capacity: 400 naming it" "400 period true" "$STATUS $(jget "$TMP/b" j.error.field) $(jget "$TMP/b" 'j.error.message.includes("2027-Q4")')"
req "$VIEWER" POST /api/v1/plan '{"period":"2027-Q1","must":[999]}'
expect "an unknown must-include: 400" "400 must" "$STATUS $(jget "$TMP/b" j.error.field)"
req "$VIEWER" POST /api/v1/plan '{"period":"2027-Q1","exclude":[998]}'
expect "an unknown exclusion: 400" "400 exclude" "$STATUS $(jget "$TMP/b" j.error.field)"
req "$VIEWER" POST /api/v1/plan '{"period":"2027-Q1","candidates":[2,3,2]}'
expect "a candidate twice: 400" "400 candidates" "$STATUS $(jget "$TMP/b" j.error.field)"
req "$VIEWER" POST /api/v1/plan '{"period":"2027-Q1","capacity":{"eng":"lots"}}'
expect "a capacity that is not a number: 400" "400 capacity.eng" "$STATUS $(jget "$TMP/b" j.error.field)"
req "$VIEWER" POST /api/v1/plan '{"period":"2027-Q1","must":[3],"exclude":[3]}'
expect "must and exclude at once: 400" "400 exclude" "$STATUS $(jget "$TMP/b" j.error.field)"
req "$VIEWER" POST /api/v1/plan '{"period":"2027-Q1",'
expect "malformed JSON: 400" 400 "$STATUS"
req "$VIEWER" POST /api/v1/plan '{"period":"2027-Q1","must":[2,6,7,10]}'
expect "must-includes that do not fit: 422 infeasible" "422 infeasible must" "$STATUS $(jget "$TMP/b" j.error.code) $(jget "$TMP/b" j.error.field)"
check "the message names the team and the shortfall" contains "$TMP/b" "10 design person-weeks but the capacity is 8 (2 short)"
check "an infeasible plan has no partial answer" lacks "$TMP/b" '"chosen"'
expect "computing changed nothing" "$BEFORE" "$(versions)"

# --- applying: editors only, CSRF for browsers, one transaction
req "$VIEWER" POST /api/v1/plan/apply '{"period":"2027-Q1"}'
expect "viewer apply: 403" "403 forbidden" "$STATUS $(jget "$TMP/b" j.error.code)"
req "$CONTRIB" POST /api/v1/plan/apply '{"period":"2027-Q1"}'
expect "contributor apply: 403" 403 "$STATUS"
req "$PM" POST /api/v1/plan/apply '{"period":"2027-Q1","must":[2,6,7,10]}'
expect "infeasible apply: 422" 422 "$STATUS"
expect "refused applies changed nothing" "$BEFORE" "$(versions)"
BODY='{"email":"pmm@demo.tandem","password":"tandem-demo"}' oneshot POST /api/v1/session "$J"
COOKIE=$(header Set-Cookie | cut -d';' -f1)
CSRF=$(jget "$TMP/b" j.csrf_token)
BODY='{"period":"2027-Q1"}' oneshot POST /api/v1/plan/apply "Cookie: $COOKIE" "$J"
expect "cookie apply without the CSRF token: 403" 403 "$STATUS"
expect "the CSRF refusal changed nothing" "$BEFORE" "$(versions)"
BODY='{"period":"2027-Q1"}' oneshot POST /api/v1/plan "Cookie: $COOKIE" "$J" "X-CSRF-Token: $CSRF"
expect "cookie compute with the token: 200" 200 "$STATUS"
# the releases pinned (the demo dates them from today): feature 1's ships before the period, the other in it
sql "UPDATE releases SET target_date = CASE WHEN id = (SELECT release_id FROM features WHERE id = 1) THEN '2026-06-30' ELSE '2027-02-15' END"
req "$PM" POST /api/v1/plan/apply '{"period":"2027-Q1"}'
expect "pm applies the plan" "200 [1,2,6,3,8,5]" "$STATUS $(jget "$TMP/b" j.applied)"
expect "apply warns about each feature planned now whose release ships outside the period" \
	"$(sql "SELECT group_concat(id) FROM (SELECT id FROM features WHERE id IN (1,2,6,3,8,5) AND release_id = (SELECT release_id FROM features WHERE id = 1) ORDER BY id)")" \
	"$(jget "$TMP/b" 'j.release_warnings.map(w => w.id).sort((a, b) => a - b).join()')"
check "... saying when the release ships" contains "$TMP/b" 'ships on 2026-06-30.'

expect "chosen features are planned for the period, versions bumped" \
	"1:planned:2027-Q1:1 2:planned:2027-Q1:2 3:planned:2027-Q1:2 5:planned:2027-Q1:2 6:planned:2027-Q1:2 8:planned:2027-Q1:2" \
	"$(sql "SELECT group_concat(id || ':' || status || ':' || period || ':' || version, ' ') FROM features WHERE period = '2027-Q1'")"
expect "cut features are untouched" "4:accepted:1 7:accepted:1 9:accepted:1 10:accepted:1" \
	"$(sql "SELECT group_concat(id || ':' || status || ':' || version, ' ') FROM features WHERE id IN (4, 7, 9, 10)")"
expect "one audit row per changed feature, by the pm" 5 \
	"$(sql "SELECT count(*) FROM audit WHERE kind = 'features' AND action = 'updated' AND user_id = 3")"
req "$PM" GET /api/v1/features/2/history
expect "the history shows the planning" true "$(jget "$TMP/b" 'j.items[0].changes.status.to === "planned"')"
AFTER=$(versions)
req "$PM" POST /api/v1/plan/apply '{"period":"2027-Q1"}'
expect "applying the same plan again changes nothing" "200 $AFTER" "$STATUS $(versions)"
req "$PM" POST /api/v1/plan/apply '{"period":"2027-Q1","exclude":[8]}'
expect "a new plan returns what it cuts to accepted" "200 [8]" "$STATUS $(jget "$TMP/b" j.unplanned)"
expect "feature 8 is accepted again with no period" "accepted -" "$(sql "SELECT status || ' ' || coalesce(period, '-') FROM features WHERE id = 8")"

# --- regression: the plan page computes with the selected period's capacity after a period change
expect "the demo stores 40/8/6 for Q1 and 44/8/8 for Q2" "40|8|6 44|8|8" \
	"$(sql "SELECT printf('%g|%g|%g', eng, design, mkt) FROM capacity WHERE period = '2027-Q1'") $(sql "SELECT printf('%g|%g|%g', eng, design, mkt) FROM capacity WHERE period = '2027-Q2'")"
oneshot GET "/plan?period=2027-Q2&cap_for=2027-Q1&eng=40&design=8&mkt=6" "Cookie: $COOKIE"
expect "regression: a period change with the form's numbers untouched: 200" 200 "$STATUS"
check "regression: ... the form shows Q2's stored engineering capacity" contains "$TMP/b" 'name="eng" value="44"'
check "regression: ... and Q2's marketing capacity" contains "$TMP/b" 'name="mkt" value="8"'
check "regression: ... the plan is computed with them" contains "$TMP/b" "/ 44 person-weeks"
check "regression: ... no note that the numbers differ" lacks "$TMP/b" 'id="capacity-differs"'
check "regression: ... Apply carries no stale capacity" lacks "$TMP/b" 'type="hidden" name="capacity.eng"'
oneshot GET "/plan?period=2027-Q2&cap_for=2027-Q1&eng=50&design=8&mkt=6" "Cookie: $COOKIE"
check "a number typed with the period change is kept" contains "$TMP/b" 'name="eng" value="50"'
check "... the untouched ones come from Q2" contains "$TMP/b" 'name="mkt" value="8"'
check "... the page says the numbers differ from the stored ones" contains "$TMP/b" 'id="capacity-differs"'
check "... and Apply carries the typed number" contains "$TMP/b" 'type="hidden" name="capacity.eng" value="50"'
oneshot GET "/plan?period=2027-Q1" "Cookie: $COOKIE"
check "the stored capacity alone: no note" lacks "$TMP/b" 'id="capacity-differs"'
check "... and the form says which period its numbers are for" contains "$TMP/b" 'name="cap_for" value="2027-Q1"'

# --- OpenAPI documents the routes with their schemas
oneshot GET /api/v1/openapi.json
expect "openapi: plan body and answer" "#/components/schemas/PlanRequest #/components/schemas/Plan" \
	"$(jget "$TMP/b" 'j.paths["/api/v1/plan"].post.requestBody.content["application/json"].schema.$ref') $(jget "$TMP/b" 'j.paths["/api/v1/plan"].post.responses["200"].content["application/json"].schema.$ref')"
expect "openapi: 422 for infeasible plans" true "$(jget "$TMP/b" '!!j.paths["/api/v1/plan/apply"].post.responses["422"]')"
expect "openapi: score and weights" "true true" \
	"$(jget "$TMP/b" '!!j.components.schemas.Score.properties.terms') $(jget "$TMP/b" '!!j.paths["/api/v1/settings/score"].put')"

# --- the CLI
run() { "$TANDEM" "$@" --db "$DB" > "$TMP/out" 2> "$TMP/err"; RC=$?; clean_log "$TMP/err" || { not_ok "tandem $* ran clean"; cat "$TMP/err"; }; }
run plan --period 2027-Q1 --exclude 8
expect "tandem plan exits 0" 0 "$RC"
check "text: optimal proven" contains "$TMP/out" "optimal: proven"
check "text: capacity bars" grep -qE '^  design +\[#+' "$TMP/out"
check "text: the cut list with reasons" grep -q "#7 Client report.*needs" "$TMP/out"
check "text: shares" contains "$TMP/out" "top 3 hold"
run plan --period 2027-Q1 --capacity eng=10,design=2,mkt=2 --format json
expect "json: the API's answer" "0 true 10" "$RC $(jget "$TMP/out" j.optimal) $(jget "$TMP/out" j.capacity.eng)"
run plan --period 2027-Q1 --must 2,6,7,10
expect "infeasible: exit 1" 1 "$RC"
check "infeasible: the message says which team is short" contains "$TMP/err" "design person-weeks but the capacity is 8 (2 short)"
run plan --period 2027-Q4
expect "a period without capacity: exit 1" 1 "$RC"
check "... naming the period" contains "$TMP/err" "2027-Q4"
run plan --period soon
expect "a malformed period: exit 2" 2 "$RC"
run plan --period 2027-Q1 --capacity eng
expect "a malformed capacity: exit 2" 2 "$RC"
run plan --period 2027-Q1 --must x
expect "a malformed id list: exit 2" 2 "$RC"
run plan --period 2027-Q1 --bogus
expect "an unknown option: exit 2" 2 "$RC"
run capacity set --period 2027-Q4 --eng 30 --design 6
expect "capacity set creates a period" "0 30|6|0|1" "$RC $(sql "SELECT printf('%g|%g|%g|%d', eng, design, mkt, version) FROM capacity WHERE period = '2027-Q4'")"
run capacity set --period 2027-Q4 --mkt 4
expect "capacity set changes one team, bumps the version" "0 30|6|4|2" "$RC $(sql "SELECT printf('%g|%g|%g|%d', eng, design, mkt, version) FROM capacity WHERE period = '2027-Q4'")"
expect "capacity changes are audited" "created updated" "$(sql "SELECT group_concat(action, ' ') FROM audit WHERE kind = 'capacity' AND object_id = (SELECT id FROM capacity WHERE period = '2027-Q4')")"
run capacity list
check "capacity list shows every period" sh -c "grep -q '^2027-Q1' '$TMP/out' && grep -q '^2027-Q4' '$TMP/out'"
run capacity set --period 2027-Q4
expect "capacity set with no team: exit 2" 2 "$RC"
run capacity set --period 2027-Q4 --eng -3
expect "a negative capacity: exit 2" 2 "$RC"
run plan --period 2027-Q4 --format json
expect "the plan uses the capacity just set" "0 30" "$RC $(jget "$TMP/out" j.capacity.eng)"
finish
