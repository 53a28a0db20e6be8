# test_evidence.sh — evidence links, suggestions, demand concentration and its settings through the API (tandem
# http), bad input, roles, the pages and their forms; a live server (ports 18800-18899) for CSRF on the forms.
. "$(dirname "$0")/lib.sh"
make_demo
VIEWER=$(token viewer)
CONTRIB=$(token contributor)
PM=$(token pm)
LEADER=$(token leader)
J="Content-Type: application/json"
F="Content-Type: application/x-www-form-urlencoded"
# req ROLE-TOKEN METHOD PATH [BODY]: one bearer JSON request; body in $TMP/b, status in $STATUS
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
# form ROLE-TOKEN PATH BODY: one bearer form POST (bearer requests need no CSRF token)
form() {
	BODY=$3
	oneshot POST "$2" "Authorization: Bearer $1" "$F"
	unset BODY
}
unset BODY
links() { sql "SELECT count(*) FROM feature_insights"; }

# --- fixtures: contributors add insights (demo accounts: 1 Acme 48,000 ARR, 2 Globex, 4 Umbrella 330,000)
req "$CONTRIB" POST /api/v1/insights '{"text":"We need alerts in Slack when a metric moves","source":"interview","account_id":4}'
expect "contributor adds an insight" 201 "$STATUS"
I1=$(jget "$TMP/b" j.id)
req "$CONTRIB" POST /api/v1/insights '{"text":"Alerts in Teams would save our ops team hours","source":"support","account_id":1}'
I2=$(jget "$TMP/b" j.id)
req "$CONTRIB" POST /api/v1/insights '{"text":"SAML single sign-on is required by our security team","source":"sales","account_id":2}'
I3=$(jget "$TMP/b" j.id)
req "$CONTRIB" POST /api/v1/insights '{"text":"Slack notifications please","source":"review"}'
I4=$(jget "$TMP/b" j.id)

# --- link, change, list
req "$CONTRIB" POST /api/v1/features/1/evidence "{\"insight_id\":$I1,\"importance\":3}"
expect "contributor links an insight: 201" "201 3 1 $I1" "$STATUS $(jget "$TMP/b" j.importance) $(jget "$TMP/b" j.feature_id) $(jget "$TMP/b" j.insight_id)"
req "$CONTRIB" POST /api/v1/features/1/evidence "{\"insight_id\":$I1,\"importance\":3}"
expect "the same link again: 200" 200 "$STATUS"
req "$PM" POST /api/v1/features/1/evidence "{\"insight_id\":$I1,\"importance\":2}"
expect "a new importance: 200 and changed" "200 2" "$STATUS $(jget "$TMP/b" j.importance)"
req "$CONTRIB" POST /api/v1/features/1/evidence "{\"insight_id\":$I2,\"importance\":1}"
req "$CONTRIB" POST /api/v1/features/1/evidence "{\"insight_id\":$I4}"
expect "importance defaults to 2" "201 2" "$STATUS $(jget "$TMP/b" j.importance)"
expect "audited on the feature: linked, changed, linked, linked" 4 \
	"$(sql "SELECT count(*) FROM audit WHERE kind = 'features' AND object_id = 1 AND action LIKE 'evidence%'")"
expect "audited on the insight" "linked to a feature,link changed" \
	"$(sql "SELECT group_concat(action) FROM audit WHERE kind = 'insights' AND object_id = $I1 AND action LIKE '%link%'")"
req "$VIEWER" GET /api/v1/features/1/evidence
expect "viewer lists a feature's evidence" "200 3 3" "$STATUS $(jget "$TMP/b" j.items.length) $(jget "$TMP/b" j.total)"
expect "most important first, with account and ARR" "$I1 Umbrella Health 330000 interview" \
	"$(jget "$TMP/b" j.items[0].insight_id) $(jget "$TMP/b" j.items[0].account) $(jget "$TMP/b" j.items[0].arr) $(jget "$TMP/b" j.items[0].source)"
expect "the source mix" "1 1 1 0" \
	"$(jget "$TMP/b" j.source_mix.interview) $(jget "$TMP/b" j.source_mix.support) $(jget "$TMP/b" j.source_mix.review) $(jget "$TMP/b" j.source_mix.sales)"
req "$VIEWER" GET "/api/v1/insights/$I1/features"
expect "an insight's features" "200 1 2" "$STATUS $(jget "$TMP/b" j.items[0].feature_id) $(jget "$TMP/b" j.items[0].importance)"
req "$VIEWER" GET /api/v1/features/1/score
expect "the score counts the evidence" true "$(jget "$TMP/b" 'j.demand > 0')"

# --- bad input names the field; nothing changes
N=$(links)
req "$CONTRIB" POST /api/v1/features/1/evidence '{"importance":2}'
expect "no insight_id: 400 naming it" "400 invalid insight_id" "$STATUS $(jget "$TMP/b" j.error.code) $(jget "$TMP/b" j.error.field)"
req "$CONTRIB" POST /api/v1/features/1/evidence "{\"insight_id\":$I3,\"importance\":5}"
expect "importance 5: 400 naming it" "400 importance" "$STATUS $(jget "$TMP/b" j.error.field)"
req "$CONTRIB" POST /api/v1/features/1/evidence "{\"insight_id\":$I3,\"importance\":\"3\"}"
expect "importance as a string: 400" "400 importance" "$STATUS $(jget "$TMP/b" j.error.field)"
req "$CONTRIB" POST /api/v1/features/1/evidence '{"insight_id":99999}'
expect "no such insight: 400 naming insight_id" "400 insight_id" "$STATUS $(jget "$TMP/b" j.error.field)"
req "$CONTRIB" POST /api/v1/features/999/evidence "{\"insight_id\":$I3}"
expect "no such feature: 404 naming feature" "404 not_found feature" "$STATUS $(jget "$TMP/b" j.error.code) $(jget "$TMP/b" j.error.field)"
req "$CONTRIB" POST /api/v1/features/1/evidence "{\"insight_id\":$I3,\"weight\":1}"
expect "an unknown field: 400 naming it" "400 weight" "$STATUS $(jget "$TMP/b" j.error.field)"
BODY="insight_id=$I3" oneshot POST /api/v1/features/1/evidence "Authorization: Bearer $CONTRIB" "$F"
expect "a form body to the API: 415" 415 "$STATUS"
req "$CONTRIB" POST /api/v1/features/1/evidence '{"insight_id": 1, "insight_id": 2}'
expect "duplicate keys: 400" 400 "$STATUS"
expect "bad input changed nothing" "$N" "$(links)"

# --- roles
req "$VIEWER" POST /api/v1/features/1/evidence "{\"insight_id\":$I3}"
expect "viewer may not link: 403" "403 forbidden" "$STATUS $(jget "$TMP/b" j.error.code)"
req "$VIEWER" DELETE "/api/v1/features/1/evidence/$I2"
expect "viewer may not unlink: 403" 403 "$STATUS"
oneshot GET /api/v1/features/1/evidence
expect "anonymous: 401" 401 "$STATUS"
expect "refusals changed nothing" "$N" "$(links)"

# --- unlink
req "$CONTRIB" DELETE "/api/v1/features/1/evidence/$I2"
expect "contributor unlinks: 204" 204 "$STATUS"
req "$CONTRIB" DELETE "/api/v1/features/1/evidence/$I2"
expect "unlinking again: 404" "404 not_found" "$STATUS $(jget "$TMP/b" j.error.code)"
req "$CONTRIB" DELETE /api/v1/features/1/evidence/0
expect "an id that is no id: 404" 404 "$STATUS"
req "$CONTRIB" POST /api/v1/features/1/evidence "{\"insight_id\":$I2,\"importance\":1}"
expect "and link it again" 201 "$STATUS"

# --- suggestions (stemmed: "alerts" meets "alert", "single sign-on" the SAML feature)
req "$VIEWER" GET "/api/v1/insights/$I3/suggestions"
expect "features for an insight: SAML first" "200 3" "$STATUS $(jget "$TMP/b" j.items[0].id)"
check "at most 5 suggested features" test "$(jget "$TMP/b" j.items.length)" -le 5
req "$VIEWER" GET "/api/v1/insights/$I1/suggestions"
expect "linked features are not suggested" false "$(jget "$TMP/b" 'j.items.some(f => f.id === 1)')"
req "$VIEWER" GET /api/v1/features/3/suggestions
expect "insights for a feature: the SAML one" "200 $I3" "$STATUS $(jget "$TMP/b" j.items[0].insight_id)"
check "with a highlighted snippet" sh -c "jget_out=\$(node -e 'const j=JSON.parse(require(\"fs\").readFileSync(process.argv[1]));console.log(j.items[0].snippet_html)' '$TMP/b'); echo \"\$jget_out\" | grep -q '<mark>'"
req "$VIEWER" GET /api/v1/features/1/suggestions
expect "a feature's linked insights are not suggested" false "$(jget "$TMP/b" "j.items.some(i => [$I1, $I2, $I4].includes(i.insight_id))")"
req "$VIEWER" GET /api/v1/features/999/suggestions
expect "suggestions for no feature: 404" 404 "$STATUS"
req "$VIEWER" GET /api/v1/insights/99999/suggestions
expect "suggestions for no insight: 404" 404 "$STATUS"
req "$CONTRIB" POST /api/v1/insights '{"text":"\"export OR NEAR(csv* title:x) -- DROP"}'
req "$VIEWER" GET "/api/v1/insights/$(jget "$TMP/b" j.id)/suggestions"
expect "FTS5 syntax in an insight is only words" 200 "$STATUS"

# --- demand: feature 1 (planned, 2027-Q1) has Umbrella 2 × 2.5315, Acme 1 × 1.7634 and 2 without an account
req "$VIEWER" GET /api/v1/demand
expect "demand of the plan" "200 1 1 Umbrella Health" \
	"$STATUS $(jget "$TMP/b" j.features.length) $(jget "$TMP/b" j.features[0].id) $(jget "$TMP/b" j.features[0].accounts[0].name)"
expect "top 1, top 3, HHI and the unattributed share" "8.83 0.5736 0.7734 0.369 0.2266" \
	"$(jget "$TMP/b" j.features[0].demand) $(jget "$TMP/b" j.features[0].top1_share) $(jget "$TMP/b" j.features[0].top3_share) $(jget "$TMP/b" j.features[0].hhi) $(jget "$TMP/b" j.features[0].unattributed_share)"
expect "overall is the sum" "8.83 0.5736 1" "$(jget "$TMP/b" j.overall.demand) $(jget "$TMP/b" j.overall.top1_share) $(jget "$TMP/b" j.overall.features)"
req "$VIEWER" GET "/api/v1/demand?period=2027-Q2"
expect "a period with nothing planned" "200 0 0" "$STATUS $(jget "$TMP/b" j.features.length) $(jget "$TMP/b" j.overall.demand)"
req "$VIEWER" GET "/api/v1/demand?period=Q1-2027"
expect "a malformed period: 400 naming it" "400 period" "$STATUS $(jget "$TMP/b" j.error.field)"

# --- the demand settings: leaders change them
req "$VIEWER" GET /api/v1/settings/demand
expect "the defaults" "200 true 0.6 30" "$STATUS $(jget "$TMP/b" j.arr_weighting) $(jget "$TMP/b" j.concentration_threshold) $(jget "$TMP/b" j.triage_days)"
req "$PM" PUT /api/v1/settings/demand '{"arr_weighting":false}'
expect "pm may not change them: 403" 403 "$STATUS"
req "$LEADER" PUT /api/v1/settings/demand '{"arr_weighting":"no"}'
expect "a weighting that is no boolean: 400" "400 arr_weighting" "$STATUS $(jget "$TMP/b" j.error.field)"
req "$LEADER" PUT /api/v1/settings/demand '{"concentration_threshold":0.5,"triage_days":0}'
expect "triage_days 0: 400 and nothing stored" "400 triage_days 0" "$STATUS $(jget "$TMP/b" j.error.field) $(sql "SELECT count(*) FROM settings WHERE key LIKE 'demand.%'")"
req "$LEADER" PUT /api/v1/settings/demand '{"arr_weighting":false}'
expect "leader turns ARR weighting off" "200 false 0.6" "$STATUS $(jget "$TMP/b" j.arr_weighting) $(jget "$TMP/b" j.concentration_threshold)"
req "$VIEWER" GET /api/v1/demand
expect "without weighting demand is Σ importance: 2 + 1 + 2" "5 0.4 false" \
	"$(jget "$TMP/b" j.features[0].demand) $(jget "$TMP/b" j.features[0].top1_share) $(jget "$TMP/b" j.arr_weighting)"
req "$VIEWER" GET /api/v1/features/1/score
expect "the score follows the setting" 5 "$(jget "$TMP/b" j.demand)"
req "$LEADER" PUT /api/v1/settings/demand '{"arr_weighting":true,"concentration_threshold":0.5}'
expect "weighting back on, threshold 0.5" "200 true 0.5" "$STATUS $(jget "$TMP/b" j.arr_weighting) $(jget "$TMP/b" j.concentration_threshold)"

# --- alignment: the planned feature has evidence now, but one account carries 57%, over 50%
TANDEM_TODAY=2027-01-15 req "$VIEWER" GET /api/v1/alignment
expect "demand-concentrated, and no more feature-no-evidence" "true false" \
	"$(jget "$TMP/b" 'j.findings.some(f => f.rule === "demand-concentrated" && f.id === 1)') $(jget "$TMP/b" 'j.findings.some(f => f.rule === "feature-no-evidence")')"

# --- OpenAPI describes the routes
oneshot GET /api/v1/openapi.json
expect "OpenAPI: evidence, suggestions, demand" "true true true true" \
	"$(jget "$TMP/b" "!!j.paths['/api/v1/features/{id}/evidence'].post.responses['201']") $(jget "$TMP/b" "!!j.paths['/api/v1/features/{id}/evidence/{mid}'].delete") $(jget "$TMP/b" "j.paths['/api/v1/demand'].get.parameters.some(p => p.name === 'period')") $(jget "$TMP/b" "!!j.components.schemas.DemandFeature")"

# --- pages
oneshot GET /demand "Authorization: Bearer $VIEWER"
expect "the demand page answers 200" 200 "$STATUS"
check "it shows the feature, its top account and the overall card" sh -c "grep -q 'id=\"demand-features\"' '$TMP/b' && grep -q 'Umbrella Health' '$TMP/b' && grep -q 'id=\"demand-overall\"' '$TMP/b'"
check "the feature is flagged concentrated" contains "$TMP/b" "concentrated</span>"
check "viewers see the settings but no form" sh -c "! grep -q 'action=\"/demand/settings\"' '$TMP/b'"
oneshot GET "/demand?period=2027-Q1" "Authorization: Bearer $LEADER"
check "leaders get the settings form" sh -c "[ $STATUS = 200 ] && grep -q 'action=\"/demand/settings\"' '$TMP/b'"
oneshot GET "/demand?period=%3Cscript%3E" "Authorization: Bearer $VIEWER"
check "a bad period is a 400 page, escaped" sh -c "[ $STATUS = 400 ] && ! grep -q '<script>' '$TMP/b'"
oneshot GET /features/1 "Authorization: Bearer $VIEWER"
expect "a feature page answers 200" 200 "$STATUS"
oneshot GET "/insights/$I1" "Authorization: Bearer $CONTRIB"
expect "an insight page answers 200" 200 "$STATUS"

# page forms (bearer: no CSRF token needed)
N=$(links)
form "$CONTRIB" /features/3/evidence "insight_id=$I3&importance=3&back=%2Finsights%2F$I3"
expect "link form: 303 back to the insight, at the feature's row" "303 /insights/$I3#linked-3" "$STATUS $(header Location)"
expect "the link exists with its importance" 3 "$(sql "SELECT importance FROM feature_insights WHERE feature_id = 3 AND insight_id = $I3")"
form "$CONTRIB" /features/3/evidence "insight_id=$I3&importance=1&back=https%3A%2F%2Fevil.example%2F"
expect "a foreign back is ignored: the feature, at the insight's row" "303 /features/3#evidence-$I3" "$STATUS $(header Location)"
form "$CONTRIB" /features/3/evidence "insight_id=$I3&importance=9&back=%2Ffeatures%2F3"
expect "a bad importance: the page again with 400" 400 "$STATUS"
form "$CONTRIB" /features/3/evidence "insight_id=abc&back=%2Ffeatures%2F3"
expect "an insight id that is no number: 400" 400 "$STATUS"
form "$VIEWER" /features/3/evidence "insight_id=$I3&importance=1"
expect "viewer link form: 403" 403 "$STATUS"
form "$CONTRIB" "/features/3/evidence/$I3/delete" "back=%2Ffeatures%2F3"
expect "unlink form: 303" "303 /features/3#evidence" "$STATUS $(header Location)"
form "$CONTRIB" "/features/3/evidence/$I3/delete" "back=%2Ffeatures%2F3"
expect "unlinking again: 404 page" 404 "$STATUS"
expect "the forms left the links as they were" "$N" "$(links)"
form "$LEADER" /demand/settings "arr_weighting=on&concentration_threshold=0.7&triage_days=45"
expect "settings form: 303" 303 "$STATUS"
expect "stored" "0.7 45" "$(sql "SELECT value FROM settings WHERE key = 'demand.concentration_threshold'") $(sql "SELECT value FROM settings WHERE key = 'insights.triage_days'")"
form "$LEADER" /demand/settings "arr_weighting=on&concentration_threshold=2&triage_days=45"
check "a bad threshold: 400 with the message" sh -c "[ $STATUS = 400 ] && grep -q 'concentration_threshold must be' '$TMP/b'"
form "$PM" /demand/settings "arr_weighting=off"
expect "pm settings form: 403" 403 "$STATUS"

# --- a live server: cookie sessions need the CSRF token on the forms (ports 18800-18899)
start_evidence_server() {
	_p=18800
	while [ "$_p" -le 18899 ]; do
		if ! curl -s -o /dev/null --max-time 1 "http://127.0.0.1:$_p/healthz"; then
			"$TANDEM" serve --db "$DB" --port "$_p" --threads 2 > "$TMP/server.out" 2> "$TMP/server.err" &
			SERVER_PID=$!
			_i=0
			while [ $_i -lt 100 ]; do
				if curl -s -o /dev/null --max-time 1 "http://127.0.0.1:$_p/healthz"; then
					BASE="http://127.0.0.1:$_p"
					return 0
				fi
				kill -0 "$SERVER_PID" 2>/dev/null || break
				sleep 0.1
				_i=$((_i + 1))
			done
			kill "$SERVER_PID" 2>/dev/null
			wait "$SERVER_PID" 2>/dev/null
			SERVER_PID=""
		fi
		_p=$((_p + 1))
	done
	echo "no free port in 18800-18899" >&2
	exit 1
}
start_evidence_server
api POST /api/v1/session -H "$J" -c "$TMP/jar" -d '{"email":"contributor@demo.tandem","password":"tandem-demo"}'
api GET /api/v1/session -b "$TMP/jar"
CSRF=$(jget "$TMP/b" j.csrf_token)
N=$(links)
api POST /features/3/evidence -b "$TMP/jar" --data-urlencode "insight_id=$I3" --data-urlencode "back=/features/3"
expect "cookie form without the CSRF token: 403" 403 "$STATUS"
expect "nothing linked" "$N" "$(links)"
api POST /features/3/evidence -b "$TMP/jar" --data-urlencode "_csrf=$CSRF" --data-urlencode "insight_id=$I3" \
	--data-urlencode "importance=2" --data-urlencode "back=/features/3?evidence_q=saml"
expect "with the token: 303 back to the search, at the row linked" "303 /features/3?evidence_q=saml#evidence-$I3" "$STATUS $(header Location)"
api GET "/features/3?evidence_q=saml" -b "$TMP/jar"
expect "the feature page with a search answers 200" 200 "$STATUS"
api GET "/insights/$I3?feature_q=sign" -b "$TMP/jar"
expect "the insight page with a search answers 200" 200 "$STATUS"
api GET /demand -b "$TMP/jar"
expect "the demand page on the live server" 200 "$STATUS"
stop_server
finish
