# test_features.sh — the backlog over HTTP: features with links (CRUD, filters, search, CSV), triage and merge
# (bad input, roles, CSRF on the page forms), the merged redirect, the backlog pages, the OpenAPI document.
. "$(dirname "$0")/lib.sh"
make_demo
VIEWER=$(token viewer)
CONTRIB=$(token contributor)
PM=$(token pm)

# A live server on the first free port in 18500-18599 (this file's range).
start_server_in() {
	_p=$1
	while [ "$_p" -le "$2" ]; do
		if ! curl -s -o /dev/null --max-time 1 "http://127.0.0.1:$_p/healthz"; then
			"$TANDEM" serve --db "$DB" --port "$_p" --threads 4 > "$TMP/server.out" 2> "$TMP/server.err" &
			SERVER_PID=$!
			_i=0
			while [ $_i -lt 100 ]; do
				if curl -s -o /dev/null --max-time 1 "http://127.0.0.1:$_p/healthz"; then
					PORT=$_p
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
	echo "no free port in $1-$2" >&2
	exit 1
}
start_server_in 18500 18599

J="Content-Type: application/json"
bearer() { echo "Authorization: Bearer $1"; }
AUTH=$(bearer "$PM")
# state: what a refused request must leave as it was
state() {
	sql "SELECT count(*), sum(version) FROM features; SELECT count(*) FROM feature_goals; SELECT count(*) FROM feature_personas;
SELECT count(*) FROM feature_deps; SELECT count(*) FROM audit; SELECT count(*) FROM capacity"
}
# bad METHOD PATH BODY STATUS CODE FIELD NAME [AUTH]: send JSON, check the error and that nothing changed.
bad() {
	_before=$(state)
	printf '%s' "$3" > "$TMP/in"
	api "$1" "$2" -H "${8:-$AUTH}" -H "$J" --data-binary @"$TMP/in"
	expect "$7: $4 $5 field=$6" "$4 $5 $6" "$STATUS $(jget "$TMP/b" j.error.code) $(jget "$TMP/b" j.error.field)"
	expect "$7: database unchanged" "$_before" "$(state)"
}

# --- features CRUD with links ---
G1=$(sql "SELECT min(id) FROM goals")
G2=$(sql "SELECT min(id) FROM goals WHERE id > $G1")
P1=$(sql "SELECT min(id) FROM personas")
P2=$(sql "SELECT min(id) FROM personas WHERE id > $P1")
DEP=$(sql "SELECT min(id) FROM features")
api POST /api/v1/features -H "$AUTH" -H "$J" -d "{\"title\":\"Zebra quokka exports\",\"description\":\"Export every chart to PowerPoint for alerting teams.\",
\"requester\":\"Quinn Requester\",\"goals\":[{\"goal_id\":$G2,\"weight\":4},{\"goal_id\":$G1,\"weight\":2}],\"persona_ids\":[$P2,$P1],
\"depends_on\":[$DEP],\"effort_eng\":3,\"confidence\":0.5}"
expect "POST feature with links answers 201" 201 "$STATUS"
F=$(jget "$TMP/b" j.id)
expect "Location names the new feature" "/api/v1/features/$F" "$(header Location)"
expect "goals read back ordered by id" "[{\"goal_id\":$G1,\"weight\":2},{\"goal_id\":$G2,\"weight\":4}]" "$(jget "$TMP/b" j.goals)"
expect "personas read back ordered by id" "[$P1,$P2]" "$(jget "$TMP/b" j.persona_ids)"
expect "depends_on read back" "[$DEP]" "$(jget "$TMP/b" j.depends_on)"
expect "a new feature is new" "new 1" "$(jget "$TMP/b" j.status) $(jget "$TMP/b" j.version)"
api GET "/api/v1/features/$F" -H "$(bearer "$VIEWER")"
expect "viewer GETs the feature with its links" "200 [$P1,$P2]" "$STATUS $(jget "$TMP/b" j.persona_ids)"
api PATCH "/api/v1/features/$F" -H "$AUTH" -H "$J" -d "{\"version\":1,\"goals\":[{\"goal_id\":$G1,\"weight\":5}],\"persona_ids\":[]}"
expect "PATCH links answers 200 with a new version" "200 2" "$STATUS $(jget "$TMP/b" j.version)"
expect "PATCH replaced the goals" "[{\"goal_id\":$G1,\"weight\":5}]" "$(jget "$TMP/b" j.goals)"
expect "PATCH emptied the personas" "[]" "$(jget "$TMP/b" j.persona_ids)"
expect "PATCH kept depends_on" "[$DEP]" "$(jget "$TMP/b" j.depends_on)"
api PATCH "/api/v1/features/$F" -H "$AUTH" -H "$J" -d "{\"version\":2,\"goals\":[{\"weight\":5,\"goal_id\":$G1}]}"
expect "PATCH with the same links keeps the version" "200 2" "$STATUS $(jget "$TMP/b" j.version)"
api PATCH "/api/v1/features/$F" -H "$AUTH" -H "$J" -d "{\"version\":2,\"persona_ids\":[$P1]}"
expect "PATCH puts a persona back" "200 3 [$P1]" "$STATUS $(jget "$TMP/b" j.version) $(jget "$TMP/b" j.persona_ids)"
api GET "/api/v1/features/$F/history" -H "$AUTH"
expect "history shows the link change" "[{\"goal_id\":$G1,\"weight\":2},{\"goal_id\":$G2,\"weight\":4}]" \
	"$(jget "$TMP/b" 'j.items.find(i => i.changes && i.changes.goals).changes.goals.from')"

# lists: filters by link, search
api GET "/api/v1/features?goals=$G2&limit=500" -H "$AUTH"
expect "goals=ID filter leaves out what lost the link" "false" "$(jget "$TMP/b" "j.items.some(i => i.id === $F)")"
api GET "/api/v1/features?goals=$G1&limit=500" -H "$AUTH"
expect "goals=ID filter lists the feature" "true" "$(jget "$TMP/b" "j.items.some(i => i.id === $F)")"
expect "goals=ID filter lists only linked features" "true" \
	"$(jget "$TMP/b" "j.items.every(i => i.goals.some(g => g.goal_id === $G1))")"
api GET "/api/v1/features?persona_ids=$P1&limit=500" -H "$AUTH"
expect "persona_ids=ID filter" "true true" \
	"$(jget "$TMP/b" "j.items.some(i => i.id === $F)") $(jget "$TMP/b" "j.items.every(i => i.persona_ids.includes($P1))")"
api GET "/api/v1/features?goals=abc" -H "$AUTH"
expect "goals=abc is 400 naming goals" "400 goals" "$STATUS $(jget "$TMP/b" j.error.field)"
api GET "/api/v1/features?depends_on=1" -H "$AUTH"
expect "depends_on is no filter: 400 naming it" "400 depends_on" "$STATUS $(jget "$TMP/b" j.error.field)"
api GET "/api/v1/features?q=quokka" -H "$(bearer "$VIEWER")"
expect "q= finds a word of the title" "200 [$F]" "$STATUS $(jget "$TMP/b" 'j.items.map(i => i.id)')"
api GET "/api/v1/features?q=POWERPOI" -H "$AUTH"
expect "q= finds a prefix of a description word, any case" "[$F]" "$(jget "$TMP/b" 'j.items.map(i => i.id)')"
api GET "/api/v1/features?q=zebra%20powerpoint" -H "$AUTH"
expect "q= with two words needs both" "[$F]" "$(jget "$TMP/b" 'j.items.map(i => i.id)')"
api GET "/api/v1/features?q=zebra%20nothingmatches" -H "$AUTH"
expect "q= with a word that is nowhere finds nothing" "[]" "$(jget "$TMP/b" 'j.items.map(i => i.id)')"
api GET "/api/v1/features?q=exported" -H "$AUTH"
expect "q= matches stems (exported ~ export)" "true" "$(jget "$TMP/b" "j.items.some(i => i.id === $F)")"
for q in '%22' '%22zebra' 'zebra%2A' '(' 'NEAR(zebra%20quokka)' '-zebra' 'zebra%20OR' 'AND' '%5E' 'a%3Ab' '%27' '%7B' '%2A%2A'; do
	api GET "/api/v1/features?q=$q" -H "$AUTH"
	expect "q=$q never errors" 200 "$STATUS"
done
api GET "/api/v1/features?q=%22zebra%2A" -H "$AUTH"
expect "the words of a query full of syntax still match" "[$F]" "$(jget "$TMP/b" 'j.items.map(i => i.id)')"
api GET "/api/v1/features.csv?q=quokka" -H "$AUTH"
expect "CSV of a search" 200 "$STATUS"
check "CSV renders weighted links as id:weight" contains "$TMP/b" ",$G1:5,$P1,"

# bad input on features and capacity
bad POST /api/v1/features "{\"title\":\"F\",\"goals\":[{\"goal_id\":$G1,\"weight\":9}]}" 400 invalid goals "goal weight out of range"
bad POST /api/v1/features "{\"title\":\"F\",\"goals\":[{\"goal_id\":9999,\"weight\":2}]}" 400 invalid goals "unknown goal"
bad POST /api/v1/features "{\"title\":\"F\",\"goals\":[$G1]}" 400 invalid goals "goals of the wrong shape"
bad POST /api/v1/features "{\"title\":\"F\",\"persona_ids\":[$P1,$P1]}" 400 invalid persona_ids "duplicate persona"
bad POST /api/v1/features '{"title":"F","persona_ids":"1"}' 400 invalid persona_ids "personas not a list"
bad POST /api/v1/features '{"title":"F","depends_on":[9999]}' 400 invalid depends_on "unknown dependency"
bad POST /api/v1/features '{"title":"F","status":"declined"}' 400 invalid decline_reason "declined without a reason"
bad POST /api/v1/features '{"title":"F","period":"2027-Q5"}' 400 invalid period "bad period"
bad POST /api/v1/features '{"title":"F","confidence":2}' 400 invalid confidence "confidence out of range"
bad POST /api/v1/features '{"title":"F","effort_eng":-1}' 400 invalid effort_eng "negative effort"
V=$(sql "SELECT version FROM features WHERE id = $DEP")
bad PATCH "/api/v1/features/$DEP" "{\"version\":$V,\"depends_on\":[$F]}" 400 invalid depends_on "dependency cycle"
expect "the cycle is named" "dependency cycle: #$DEP → #$F → #$DEP" "$(jget "$TMP/b" j.error.message)"
bad PATCH "/api/v1/features/$F" "{\"version\":3,\"depends_on\":[$F]}" 400 invalid depends_on "depends on itself"
CAPP=$(sql "SELECT period FROM capacity LIMIT 1")
bad POST /api/v1/capacity "{\"period\":\"$CAPP\",\"eng\":1}" 400 invalid period "capacity period twice"
check "capacity twice says it exists" contains "$TMP/b" "exists already"
bad POST /api/v1/capacity '{"period":"2027-13","eng":1}' 400 invalid period "capacity bad month"
api POST /api/v1/capacity -H "$AUTH" -H "$J" -d '{"period":"2029-H2","eng":12,"design":2,"mkt":1}'
expect "capacity for a new period answers 201" 201 "$STATUS"
api POST /api/v1/features -H "$(bearer "$CONTRIB")" -H "$J" -d '{"title":"contributor"}'
expect "contributor cannot create a feature" 403 "$STATUS"

# --- triage through the API ---
mkreq() { # title requester → id of a new request
	api POST /api/v1/features -H "$AUTH" -H "$J" -d "{\"title\":\"$1\",\"requester\":\"$2\",\"kind\":\"idea\"}"
	jget "$TMP/b" j.id
}
R=$(mkreq "Run it on our own servers" "Olga Onprem")
OOS1=$(sql "SELECT json_extract(out_of_scope, '\$[0]') FROM strategy")
T="/api/v1/features/$R/triage"
bad POST "$T" '{}' 400 invalid decision "triage without a decision"
bad POST "$T" '{"decision":"later"}' 400 invalid decision "triage with an unknown decision"
bad POST "$T" '{"decision":"decline","cites":"perspective"}' 400 invalid reason "decline without a reason"
bad POST "$T" '{"decision":"decline","reason":"   ","cites":"perspective"}' 400 invalid reason "decline with a blank reason"
bad POST "$T" '{"decision":"decline","reason":"No"}' 400 invalid cites "decline citing nothing"
bad POST "$T" '{"decision":"decline","reason":"No","cites":"principle:99"}' 400 invalid cites "decline citing a missing principle"
bad POST "$T" '{"decision":"decline","reason":"No","cites":"my mood"}' 400 invalid cites "decline citing something else"
bad POST "$T" '{"decision":"accept","colour":"red"}' 400 invalid colour "triage with an unknown field"
bad POST "$T" '{"decision":' 400 invalid undefined "triage with malformed JSON"
bad POST /api/v1/features/99999/triage '{"decision":"accept"}' 404 not_found undefined "triage of a missing feature"
_before=$(state)
api POST "$T" -H "$AUTH" -H 'Content-Type: text/plain' -d '{"decision":"accept"}'
expect "triage as text/plain is 415" 415 "$STATUS"
api POST "$T" -H "$(bearer "$VIEWER")" -H "$J" -d '{"decision":"accept"}'
expect "viewer triage is 403" 403 "$STATUS"
api POST "$T" -H "$(bearer "$CONTRIB")" -H "$J" -d '{"decision":"accept"}'
expect "contributor triage is 403" 403 "$STATUS"
api POST "$T" -H "$J" -d '{"decision":"accept"}'
expect "anonymous triage is 401" 401 "$STATUS"
expect "refused triage changed nothing" "$_before" "$(state)"
api POST "$T" -H "$AUTH" -H "$J" -d '{"decision":"decline","reason":"We only run as a service.","cites":"out_of_scope:1"}'
expect "pm declines with a reason and a citation" "200 declined" "$STATUS $(jget "$TMP/b" j.feature.status)"
REPLY=$(jget "$TMP/b" j.reply)
check "the reply names the requester" sh -c "echo \"\$1\" | grep -qF 'Olga Onprem'" - "$REPLY"
check "the reply names the request" sh -c "echo \"\$1\" | grep -qF 'Run it on our own servers'" - "$REPLY"
check "the reply gives the reason" sh -c "echo \"\$1\" | grep -qF 'We only run as a service.'" - "$REPLY"
check "the reply quotes the cited line" sh -c "echo \"\$1\" | grep -qF \"\$2\"" - "$REPLY" "$OOS1"
check "the decline reason is kept with the citation" sh -c "echo \"\$1\" | grep -qF \"\$2\"" - \
	"$(jget "$TMP/b" j.feature.decline_reason)" "$OOS1"
bad POST "$T" '{"decision":"accept"}' 409 conflict status "triage of a declined request"
R2=$(mkreq "Slack digest" "Dana")
api POST "/api/v1/features/$R2/triage" -H "$AUTH" -H "$J" -d '{"decision":"accept"}'
expect "pm accepts a request" "200 accepted" "$STATUS $(jget "$TMP/b" j.feature.status)"
check "the acceptance reply names the requester" sh -c "echo \"\$1\" | grep -qF Dana" - "$(jget "$TMP/b" j.reply)"
bad POST "/api/v1/features/$R2/triage" '{"decision":"decline","reason":"x","cites":"perspective"}' 409 conflict status \
	"triage of an accepted feature"

# --- merge through the API ---
A=$(mkreq "Keeper" "K")
Bd=$(mkreq "Duplicate" "D")
api PATCH "/api/v1/features/$A" -H "$AUTH" -H "$J" -d "{\"version\":1,\"goals\":[{\"goal_id\":$G1,\"weight\":2}]}"
api PATCH "/api/v1/features/$Bd" -H "$AUTH" -H "$J" -d "{\"version\":1,\"goals\":[{\"goal_id\":$G1,\"weight\":4},{\"goal_id\":$G2,\"weight\":1}],\"persona_ids\":[$P2]}"
api POST /api/v1/features -H "$AUTH" -H "$J" -d "{\"title\":\"Needs the duplicate\",\"depends_on\":[$Bd]}"
DEPENDENT=$(jget "$TMP/b" j.id)
M="/api/v1/features/$Bd/merge"
bad POST "$M" '{}' 400 invalid into "merge without into"
bad POST "$M" '{"into":"x"}' 400 invalid into "merge into a string"
bad POST "$M" "{\"into\":$Bd}" 400 invalid into "merge into itself"
bad POST "$M" '{"into":99999}' 400 invalid into "merge into a missing feature"
bad POST "$M" "{\"into\":$A,\"why\":1}" 400 invalid why "merge with an unknown field"
bad POST /api/v1/features/99999/merge "{\"into\":$A}" 404 not_found undefined "merge of a missing feature"
bad POST "$M" "{\"into\":$A}" 403 forbidden undefined "viewer merge" "$(bearer "$VIEWER")"
bad POST "$M" "{\"into\":$A}" 403 forbidden undefined "contributor merge" "$(bearer "$CONTRIB")"
# a merge that would make a cycle: the keeper depends on what depends on the duplicate
VA=$(sql "SELECT version FROM features WHERE id = $A")
api PATCH "/api/v1/features/$A" -H "$AUTH" -H "$J" -d "{\"version\":$VA,\"depends_on\":[$DEPENDENT]}"
expect "setup: keeper depends on the dependent" 200 "$STATUS"
bad POST "$M" "{\"into\":$A}" 400 invalid into "merge that would make a cycle"
check "the merge cycle is named" contains "$TMP/b" "#$A → #$DEPENDENT → #$A"
VA=$(sql "SELECT version FROM features WHERE id = $A")
api PATCH "/api/v1/features/$A" -H "$AUTH" -H "$J" -d "{\"version\":$VA,\"depends_on\":[]}"
api POST "$M" -H "$AUTH" -H "$J" -d "{\"into\":$A}"
expect "pm merges the duplicate: 200 with the keeper" "200 $A" "$STATUS $(jget "$TMP/b" j.id)"
expect "the keeper has the higher weight of each goal" "[{\"goal_id\":$G1,\"weight\":4},{\"goal_id\":$G2,\"weight\":1}]" \
	"$(jget "$TMP/b" j.goals)"
expect "the keeper has the duplicate's persona" "[$P2]" "$(jget "$TMP/b" j.persona_ids)"
api GET "/api/v1/features/$DEPENDENT" -H "$AUTH"
expect "the dependent now depends on the keeper" "[$A]" "$(jget "$TMP/b" j.depends_on)"
api GET "/api/v1/features/$Bd" -H "$AUTH"
expect "the duplicate is declined and points at the keeper" "declined $A []" \
	"$(jget "$TMP/b" j.status) $(jget "$TMP/b" j.merged_into) $(jget "$TMP/b" j.goals)"
bad POST "$M" "{\"into\":$A}" 409 conflict into "a second merge"

# --- pages: CSRF, the merged redirect, the backlog pages ---
signin() { # email jar → prints the CSRF token
	curl -s -c "$2" -H "$J" -d "{\"email\":\"$1\",\"password\":\"tandem-demo\"}" "$BASE/api/v1/session" > "$TMP/s"
	jget "$TMP/s" j.csrf_token
}
CSRF=$(signin pm@demo.tandem "$TMP/pm.jar")
R3=$(mkreq "Dark mode for the night shift" "Nina Nightshift")
_before=$(state)
api POST "/features/$R3/triage" -b "$TMP/pm.jar" -d 'decision=decline&reason=No&cites=out_of_scope%3A1&back=/triage'
expect "page triage without _csrf is 403" 403 "$STATUS"
api POST "/features/$R3/triage" -b "$TMP/pm.jar" --data-urlencode "_csrf=x$CSRF" -d 'decision=accept&back=/triage'
expect "page triage with a wrong _csrf is 403" 403 "$STATUS"
api POST "/features/$R3/merge" -b "$TMP/pm.jar" -d "into=$A"
expect "page merge without _csrf is 403" 403 "$STATUS"
expect "CSRF refusals changed nothing" "$_before" "$(state)"
api POST "/features/$R3/triage" -b "$TMP/pm.jar" --data-urlencode "_csrf=$CSRF" -d 'decision=decline&reason=&cites=out_of_scope%3A1&back=/triage'
expect "page decline without a reason is 400" 400 "$STATUS"
check "the triage page shows the message" contains "$TMP/b" "declining needs a reason"
api POST "/features/$R3/triage" -b "$TMP/pm.jar" --data-urlencode "_csrf=$CSRF" -d "decision=decline&reason=&cites=&back=/features/$R3"
expect "page decline from the feature page re-renders it (400)" 400 "$STATUS"
check "the feature page keeps the decline form open with the message" contains "$TMP/b" "declining needs a reason"
api POST "/features/$R3/triage" -b "$TMP/pm.jar" --data-urlencode "_csrf=$CSRF" \
	-d 'decision=decline&reason=Not+this+year&cites=out_of_scope%3A1&back=/triage'
expect "page decline redirects to the reply (so a reload posts nothing)" "303 /triage?replied=$R3" "$STATUS $(header Location)"
api GET "/triage?replied=$R3" -b "$TMP/pm.jar"
check "the reply is shown" contains "$TMP/b" 'id="reply"'
check "the reply names the requester" contains "$TMP/b" "Hi Nina Nightshift,"
expect "the request is declined" declined "$(sql "SELECT status FROM features WHERE id = $R3")"
R4=$(mkreq "Copy of keeper" "C")
api POST "/features/$R4/merge" -b "$TMP/pm.jar" --data-urlencode "_csrf=$CSRF" -d "into=$A"
expect "page merge answers 303 to the keeper" "303 /features/$A?merged_from=$R4" "$STATUS $(header Location)"
api POST "/features/$R4/merge" -b "$TMP/pm.jar" --data-urlencode "_csrf=$CSRF" -d "into=$A"
expect "page merge again is refused" 409 "$STATUS"

CSRFV=$(signin viewer@demo.tandem "$TMP/viewer.jar")
api GET "/features/$R4" -b "$TMP/viewer.jar"
expect "a merged feature's page redirects to the keeper" "303 /features/$A?merged_from=$R4" "$STATUS $(header Location)"
api GET "/features/$A?merged_from=$R4" -b "$TMP/viewer.jar"
expect "the keeper's page answers 200" 200 "$STATUS"
check "the keeper's page says what was merged" contains "$TMP/b" "#$R4 was merged into this one"
api POST "/features/$R2/triage" -b "$TMP/viewer.jar" --data-urlencode "_csrf=$CSRFV" -d 'decision=accept'
expect "viewer page triage is 403" 403 "$STATUS"
api POST "/features/$A/merge" -b "$TMP/viewer.jar" --data-urlencode "_csrf=$CSRFV" -d "into=$F"
expect "viewer page merge is 403" 403 "$STATUS"
PERIOD=$(sql "SELECT period FROM capacity ORDER BY period LIMIT 1")
for p in /triage /features "/features/$F" /plan "/plan?period=$PERIOD" /capacity /journey-stages /settings/score; do
	api GET "$p" -b "$TMP/viewer.jar"
	expect "viewer GET $p is 200" 200 "$STATUS"
	check "viewer $p has no server error text" lacks "$TMP/b" "internal error"
done
api GET /triage -b "$TMP/viewer.jar"
check "the triage page shows the perspective gate" contains "$TMP/b" 'id="gate-perspective"'
check "a viewer sees no triage forms" lacks "$TMP/b" 'action="/features/'
api GET /triage -b "$TMP/pm.jar"
check "a pm sees the decline form" contains "$TMP/b" 'name="cites"'
check "the decline form offers the out-of-scope lines" contains "$TMP/b" 'value="out_of_scope:1"'
api GET / -b "$TMP/viewer.jar"
check "the dashboard counts the requests waiting for triage" contains "$TMP/b" 'requests waiting for triage'
check "the dashboard lists the findings compactly" contains "$TMP/b" 'class="findings-compact"'
api GET /features -b "$TMP/viewer.jar"
check "the features page draws the value/effort scatter" contains "$TMP/b" '<svg class="scatter"'
check "the scatter holds no link (one image, nothing focusable in it)" node -e '
const s = require("fs").readFileSync(process.argv[1], "utf8"), i = s.indexOf("<svg class=\"scatter\"");
process.exit(i >= 0 && !s.slice(i, s.indexOf("</svg>", i)).includes("<a ") ? 0 : 1);' "$TMP/b"
check "its points are numbered, the highest value first" contains "$TMP/b" '<title>1. Slack and Teams alerts when a metric moves: value 100'
check "a key beside it lists every point with a link" contains "$TMP/b" '<tr><td class="num">1</td><td><a href="/features/1">Slack and Teams alerts when a metric moves</a>'
check "the features page has a score column, the backlog sorted by it" contains "$TMP/b" '>Score ▼</a>'
api GET "/features/$F" -b "$TMP/viewer.jar"
check "the feature page shows the score breakdown" contains "$TMP/b" 'id="score"'
check "a viewer sees no merge form" lacks "$TMP/b" 'id="merge-form"'
api GET "/features/$F" -b "$TMP/pm.jar"
check "a pm sees the merge form" contains "$TMP/b" 'id="merge-form"'
api GET "/features/$F/edit" -b "$TMP/pm.jar"
expect "the feature edit form answers 200" 200 "$STATUS"
check "the edit form has a weight input per goal" contains "$TMP/b" "name=\"goals.$G1\""
check "the edit form has the goals fieldset" contains "$TMP/b" 'id="f-goals"'
api GET /features/new -b "$TMP/viewer.jar"
expect "a viewer may not open the new-feature form" 403 "$STATUS"
api GET '/features?q=%22NEAR(' -b "$TMP/viewer.jar"
expect "the features page searches with syntax characters" 200 "$STATUS"

# form edit of links through the page
V=$(sql "SELECT version FROM features WHERE id = $F")
api POST "/features/$F" -b "$TMP/pm.jar" --data-urlencode "_csrf=$CSRF" \
	-d "version=$V&title=Zebra+quokka+exports&kind=feature&status=new&goals.$G1=3&goals.$G2=0&persona_ids=$P2&depends_on=$DEP"
expect "the edit form saves links (303)" 303 "$STATUS"
api GET "/api/v1/features/$F" -H "$AUTH"
expect "links saved from the form" "[{\"goal_id\":$G1,\"weight\":3}] [$P2] [$DEP]" \
	"$(jget "$TMP/b" j.goals) $(jget "$TMP/b" j.persona_ids) $(jget "$TMP/b" j.depends_on)"
V=$(sql "SELECT version FROM features WHERE id = $F")
api POST "/features/$F" -b "$TMP/pm.jar" --data-urlencode "_csrf=$CSRF" \
	-d "version=$V&title=Zebra+quokka+exports&kind=feature&status=new&goals.$G1=7"
expect "a weight out of range in the form is 400" 400 "$STATUS"
check "the form marks the goals field" contains "$TMP/b" 'has-error'

# --- OpenAPI ---
api GET /api/v1/openapi.json
expect "openapi.json answers 200" 200 "$STATUS"
for p in '/api/v1/features/{id}/triage' '/api/v1/features/{id}/merge' '/api/v1/features' '/api/v1/features/{id}' \
	'/api/v1/capacity' '/api/v1/journey-stages' '/api/v1/plan' '/api/v1/features/{id}/score' '/api/v1/settings/score'; do
	expect "openapi has $p" true "$(jget "$TMP/b" "Object.keys(j.paths).includes('$p')")"
done
expect "openapi: triage is a POST" true "$(jget "$TMP/b" "!!j.paths['/api/v1/features/{id}/triage'].post")"
expect "openapi: merge is a POST" true "$(jget "$TMP/b" "!!j.paths['/api/v1/features/{id}/merge'].post")"
expect "openapi: the Feature schema has goals" true "$(jget "$TMP/b" "!!JSON.stringify(j.components.schemas).includes('goal_id')")"

stop_server
finish
