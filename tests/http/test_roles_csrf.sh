# test_roles_csrf.sh — roles enforced by the route table, and CSRF on cookie sessions signed in through the API.
. "$(dirname "$0")/lib.sh"
make_demo
VIEWER=$(token viewer)
CONTRIB=$(token contributor)
PM=$(token pm)
LEADER=$(token leader)
ADMIN=$(token admin)
start_server 18120
J="Content-Type: application/json"
bearer() { echo "Authorization: Bearer $1"; }
state() { sql "SELECT group_concat(version) FROM goals" && sql "SELECT version FROM strategy" && sql "SELECT count(*) FROM audit"; }

BEFORE=$(state)
V=$(sql "SELECT version FROM goals WHERE id = 1")
api PATCH /api/v1/goals/1 -H "$(bearer "$VIEWER")" -H "$J" -d "{\"version\":$V,\"why\":\"viewer\"}"
expect "viewer PATCH goal gets 403" "403 forbidden" "$STATUS $(jget "$TMP/b" j.error.code)"
api PATCH /api/v1/goals/1 -H "$(bearer "$CONTRIB")" -H "$J" -d "{\"version\":$V,\"why\":\"contributor\"}"
expect "contributor PATCH goal gets 403" 403 "$STATUS"
api POST /api/v1/goals -H "$(bearer "$CONTRIB")" -H "$J" -d '{"title":"t","metric":"m","target":1}'
expect "contributor POST goal gets 403" 403 "$STATUS"
api DELETE /api/v1/goals/1 -H "$(bearer "$VIEWER")"
expect "viewer DELETE goal gets 403" 403 "$STATUS"
api POST /api/v1/goals/1/measurements -H "$(bearer "$CONTRIB")" -H "$J" -d '{"value":1}'
expect "contributor measurement gets 403" 403 "$STATUS"
SV=$(sql "SELECT version FROM strategy")
api PUT /api/v1/strategy -H "$(bearer "$PM")" -H "$J" -d "{\"version\":$SV,\"vision\":\"pm vision\"}"
expect "pm PUT strategy gets 403" 403 "$STATUS"
api PUT /api/v1/strategy -H "$(bearer "$VIEWER")" -H "$J" -d "{\"version\":$SV,\"vision\":\"viewer vision\"}"
expect "viewer PUT strategy gets 403" 403 "$STATUS"
api POST /api/v1/users -H "$(bearer "$LEADER")" -H "$J" -d '{"email":"x@y.test","role":"admin","password":"longenough"}'
expect "leader cannot add users" 403 "$STATUS"
expect "refused requests changed nothing" "$BEFORE" "$(state)"

api PUT /api/v1/strategy -H "$(bearer "$LEADER")" -H "$J" -d "{\"version\":$SV,\"vision\":\"leader vision\"}"
expect "leader PUT strategy gets 200" 200 "$STATUS"
expect "strategy version bumped" $((SV + 1)) "$(jget "$TMP/b" j.version)"
api GET /api/v1/strategy/revisions -H "$(bearer "$VIEWER")"
expect "viewer reads the strategy revisions" "200 leader vision" "$STATUS $(jget "$TMP/b" j.items[0].vision)"
api PATCH /api/v1/goals/1 -H "$(bearer "$PM")" -H "$J" -d "{\"version\":$V,\"why\":\"pm\"}"
expect "pm PATCH goal gets 200" 200 "$STATUS"
api POST /api/v1/users -H "$(bearer "$ADMIN")" -H "$J" -d '{"email":"new@demo.tandem","role":"pmm","password":"longenough"}'
expect "admin adds a user" "201 pmm" "$STATUS $(jget "$TMP/b" j.role)"
check "user answer has no password hash" lacks "$TMP/b" argon2

# cookie sessions: sign in through the API
api POST /api/v1/session -H "$J" -c "$TMP/jar" -d '{"email":"pm@demo.tandem","password":"tandem-demo"}'
expect "API sign-in answers 201" 201 "$STATUS"
COOKIE=$(header Set-Cookie)
check "session cookie is HttpOnly" sh -c "echo '$COOKIE' | grep -q HttpOnly"
check "session cookie is SameSite=Lax" sh -c "echo '$COOKIE' | grep -q 'SameSite=Lax'"
api GET /api/v1/session -b "$TMP/jar"
expect "cookie session knows the user" "200 pm@demo.tandem" "$STATUS $(jget "$TMP/b" j.user.email)"
CSRF=$(jget "$TMP/b" j.csrf_token)
check "session answers a CSRF token" test ${#CSRF} -ge 40

N=$(sql "SELECT count(*) FROM segments")
api POST /api/v1/segments -b "$TMP/jar" -H "$J" -d '{"name":"No token"}'
expect "cookie POST without X-CSRF-Token gets 403" "403 forbidden" "$STATUS $(jget "$TMP/b" j.error.code)"
api POST /api/v1/segments -b "$TMP/jar" -H "$J" -H "X-CSRF-Token: wrong$CSRF" -d '{"name":"Bad token"}'
expect "cookie POST with a wrong token gets 403" 403 "$STATUS"
api DELETE /api/v1/segments/1 -b "$TMP/jar"
expect "cookie DELETE without token gets 403" 403 "$STATUS"
expect "CSRF refusals changed nothing" "$N" "$(sql "SELECT count(*) FROM segments")"
api POST /api/v1/segments -b "$TMP/jar" -H "$J" -H "X-CSRF-Token: $CSRF" -d '{"name":"With token"}'
expect "cookie POST with the token gets 201" 201 "$STATUS"
expect "created with the cookie user's audit row" 3 \
	"$(sql "SELECT user_id FROM audit WHERE kind = 'segments' AND action = 'created' ORDER BY id DESC LIMIT 1")"
api POST /api/v1/segments -H "$(bearer "$PM")" -H "$J" -d '{"name":"Bearer needs no token"}'
expect "bearer POST needs no CSRF token" 201 "$STATUS"
api GET /api/v1/goals -b "$TMP/jar"
expect "cookie GET needs no CSRF token" 200 "$STATUS"

api DELETE /api/v1/session -b "$TMP/jar" -H "X-CSRF-Token: $CSRF"
expect "sign-out answers 204" 204 "$STATUS"
api GET /api/v1/session -b "$TMP/jar"
expect "after sign-out the cookie is refused" 401 "$STATUS"

stop_server
finish
