# test_bad_input.sh — every kind of bad input gets the documented error (status, code, field) and changes nothing.
. "$(dirname "$0")/lib.sh"
make_demo
PM=$(token pm)
start_server 18130
AUTH="Authorization: Bearer $PM"
state() { sql "SELECT count(*), sum(version) FROM goals; SELECT count(*) FROM audit; SELECT count(*) FROM goal_measurements"; }
LONG=$(head -c 201 /dev/zero | tr '\0' 'x')

# bad METHOD PATH CT BODY STATUS CODE FIELD NAME: send, check the error and that the database is unchanged.
bad() {
	_before=$(state)
	printf '%b' "$4" > "$TMP/in"
	api "$1" "$2" -H "$AUTH" -H "Content-Type: $3" --data-binary @"$TMP/in"
	_field=$(jget "$TMP/b" 'j.error.field')
	expect "$8: $5 $6 field=$7" "$5 $6 $7" "$STATUS $(jget "$TMP/b" j.error.code) $_field"
	expect "$8: database unchanged" "$_before" "$(state)"
}
J=application/json
G='"title":"T","metric":"m","target":5'
bad POST /api/v1/goals $J '{"title":' 400 invalid undefined "malformed JSON"
bad POST /api/v1/goals $J '[1,2]' 400 invalid undefined "not an object"
bad POST /api/v1/goals $J "{$G,\"title\":\"again\"}" 400 invalid undefined "duplicate key"
bad POST /api/v1/goals $J '{"title":5,"metric":"m","target":5}' 400 invalid title "wrong type"
bad POST /api/v1/goals $J "{$G,\"target_date\":\"2027-01-01\"}" 400 invalid target_date "unknown field"
bad POST /api/v1/goals $J '{"metric":"m","target":5}' 400 invalid title "missing required"
bad POST /api/v1/goals $J "{$G,\"review_every_days\":0}" 400 invalid review_every_days "out of range (low)"
bad POST /api/v1/goals $J "{$G,\"review_every_days\":9999}" 400 invalid review_every_days "out of range (high)"
bad POST /api/v1/goals $J "{$G,\"baseline\":1e300}" 400 invalid baseline "number too large"
bad POST /api/v1/goals $J "{\"title\":\"$LONG\",\"metric\":\"m\",\"target\":5}" 400 invalid title "over-long text"
bad POST /api/v1/goals $J "{$G,\"why\":\"bell \\\\u0007\"}" 400 invalid why "control character"
bad POST /api/v1/goals $J "{$G,\"due\":\"2026-02-30\"}" 400 invalid due "bad date"
bad POST /api/v1/goals $J "{$G,\"status\":\"done\"}" 400 invalid status "bad enum"
bad POST /api/v1/goals $J "{$G,\"pm_owner\":4242}" 400 invalid pm_owner "bad reference"
bad POST /api/v1/goals text/plain "{$G}" 415 unsupported_media_type undefined "wrong content type"
bad POST /api/v1/goals application/x-www-form-urlencoded "title=T" 415 unsupported_media_type undefined "form to the API"
# invalid UTF-8 bytes are refused by the JSON parser itself, before any field is known
printf '{"title":"T","metric":"m","target":5,"why":"caf\351"}' > "$TMP/latin1"
B=$(state)
api POST /api/v1/goals -H "$AUTH" -H "Content-Type: $J" --data-binary @"$TMP/latin1"
expect "invalid UTF-8: 400 invalid" "400 invalid" "$STATUS $(jget "$TMP/b" j.error.code)"
expect "invalid UTF-8: database unchanged" "$B" "$(state)"
check "errors carry no SQL or stack" sh -c "! grep -qiE 'sqlite|select |insert |\\.c:[0-9]' '$TMP/b'"

V=$(sql "SELECT version FROM goals WHERE id = 1")
bad PATCH /api/v1/goals/1 $J "{\"version\":$V,\"colour\":\"red\"}" 400 invalid colour "PATCH unknown field"
bad PATCH /api/v1/goals/1 $J "{\"version\":$V,\"title\":\"\"}" 400 invalid title "PATCH emptying a required field"
bad PATCH /api/v1/goals/1 $J "{\"version\":$V,\"target\":99}" 400 invalid target "PATCH target without a reason"
bad PATCH /api/v1/goals/1 $J '{"why":"no version"}' 400 invalid version "PATCH without version"
bad PATCH /api/v1/goals/1 $J "{\"version\":$((V - 1)),\"why\":\"old\"}" 409 conflict version "PATCH stale version"
bad PATCH /api/v1/goals/1 text/plain "{\"version\":$V}" 415 unsupported_media_type undefined "PATCH wrong content type"
bad PATCH /api/v1/goals/9999 $J "{\"version\":1}" 404 not_found undefined "PATCH missing goal"
bad POST /api/v1/goals/1/target $J '{"target":20}' 400 invalid reason "target change without reason"
bad POST /api/v1/goals/1/measurements $J '{"value":"ten"}' 400 invalid value "measurement value not a number"
bad POST /api/v1/goals/1/measurements $J '{"value":1,"at":"yesterday"}' 400 invalid at "measurement bad date"
bad POST /api/v1/personas $J '{"name":"P","segment_id":999}' 400 invalid segment_id "persona bad segment"
bad POST /api/v1/accounts $J '{"name":"A","arr":-5}' 400 invalid arr "negative money"
bad POST /api/v1/accounts $J '{"name":"A","arr":1.5}' 400 invalid arr "fractional money"
SV=$(sql "SELECT version FROM strategy")
AUTH="Authorization: Bearer $(token leader)"
bad PUT /api/v1/strategy $J "{\"version\":$SV,\"principles\":\"one\"}" 400 invalid principles "strategy list not a list"
AUTH="Authorization: Bearer $(token admin)"
bad POST /api/v1/users $J '{"email":"nope","role":"pm","password":"longenough"}' 400 invalid email "user bad email"
AUTH="Authorization: Bearer $PM"
api GET "/api/v1/goals?limit=0" -H "$AUTH"
expect "bad limit names the field" "400 limit" "$STATUS $(jget "$TMP/b" j.error.field)"
api GET "/api/v1/goals?sort=why" -H "$AUTH"
expect "bad sort names the field" "400 sort" "$STATUS $(jget "$TMP/b" j.error.field)"
api GET "/api/v1/goals?colour=red" -H "$AUTH"
expect "unknown filter names the field" "400 colour" "$STATUS $(jget "$TMP/b" j.error.field)"

# the good path still works after all that
api POST /api/v1/goals -H "$AUTH" -H "Content-Type: $J" -d "{$G,\"due\":\"2027-01-31\",\"pm_owner\":3}"
expect "a valid goal is created" 201 "$STATUS"
check "201 has a Location" sh -c "grep -qi '^Location: /api/v1/goals/[0-9]' '$TMP/h'"
ID=$(jget "$TMP/b" j.id)
api POST "/api/v1/goals/$ID/target" -H "$AUTH" -H "Content-Type: $J" -d '{"target":7,"reason":"scope grew","version":1}'
expect "target change with a reason" "200 7" "$STATUS $(jget "$TMP/b" j.target)"
api GET "/api/v1/goals/$ID/revisions" -H "$AUTH"
expect "revision kept with its reason" "scope grew" "$(jget "$TMP/b" j.items[0].reason)"
api DELETE "/api/v1/goals/$ID" -H "$AUTH"
expect "delete answers 204" 204 "$STATUS"
api GET "/api/v1/goals/$ID" -H "$AUTH"
expect "deleted goal is gone" 404 "$STATUS"

stop_server
finish
