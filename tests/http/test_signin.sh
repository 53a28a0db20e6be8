# test_signin.sh — password sign-in: a generic 401 for any mistake, then a slow-down (429) after repeated failures
# from an address or for an account.
. "$(dirname "$0")/lib.sh"
make_demo
J="Content-Type: application/json"

BODY='{"email":"pm@demo.tandem","password":"wrong-password"}' oneshot POST /api/v1/session "$J"
expect "wrong password gets 401" "401 unauthorized" "$STATUS $(jget "$TMP/b" j.error.code)"
MSG_WRONG_PW=$(jget "$TMP/b" j.error.message)
check "no session cookie on failure" sh -c "! grep -qi '^Set-Cookie' '$TMP/h'"
BODY='{"email":"nobody@demo.tandem","password":"tandem-demo"}' oneshot POST /api/v1/session "$J"
expect "unknown email gets 401" 401 "$STATUS"
expect "the message is the same for a wrong email and a wrong password" "$MSG_WRONG_PW" "$(jget "$TMP/b" j.error.message)"
check "the message does not say which was wrong" sh -c "! echo '$MSG_WRONG_PW' | grep -qiE 'no such|not found|unknown user'"
BODY='{"email":"pm@demo.tandem"}' oneshot POST /api/v1/session "$J"
expect "missing password is 400 on its field" "400 password" "$STATUS $(jget "$TMP/b" j.error.field)"
BODY='{"password":"x"}' oneshot POST /api/v1/session "$J"
expect "missing email is 400 on its field" "400 email" "$STATUS $(jget "$TMP/b" j.error.field)"

# failures so far: 2 (a 400 is not a failed password). Three more are still answered 401.
for i in 3 4 5; do
	BODY='{"email":"pm@demo.tandem","password":"nope"}' oneshot POST /api/v1/session "$J"
	expect "failure $i still gets 401" 401 "$STATUS"
done
BODY='{"email":"pm@demo.tandem","password":"nope"}' oneshot POST /api/v1/session "$J"
expect "after 5 failures the address is slowed down: 429" 429 "$STATUS"
WAIT=$(header Retry-After)
check "429 carries Retry-After" test "${WAIT:-0}" -ge 1
BODY='{"email":"pm@demo.tandem","password":"tandem-demo"}' oneshot POST /api/v1/session "$J"
expect "even the right password waits" 429 "$STATUS"
expect "the failures are counted per address" 5 "$(sql "SELECT count FROM login_failures WHERE scope = 'ip'")"
expect "... and per account (the email tried)" "account|nobody@demo.tandem|1 account|pm@demo.tandem|4" \
	"$(sql "SELECT scope, key, count FROM login_failures WHERE scope = 'account' ORDER BY key" | tr '\n' ' ' | sed 's/ $//')"
sleep $((WAIT + 1))
BODY='{"email":"pm@demo.tandem","password":"tandem-demo"}' oneshot POST /api/v1/session "$J"
expect "after the wait the right password signs in" 201 "$STATUS"
check "and sets the session cookie" sh -c "grep -qi '^Set-Cookie: tandem_session=' '$TMP/h'"
expect "a success clears its account's failures" 0 "$(sql "SELECT count(*) FROM login_failures WHERE key = 'pm@demo.tandem'")"
expect "... but not the address's" 5 "$(sql "SELECT count FROM login_failures WHERE scope = 'ip'")"
sql "DELETE FROM login_failures" # the form checks start from no failures

# the sign-in form carries its own CSRF token (a cookie and a hidden field: there is no session yet)
oneshot GET /login
LTOKEN=$(sed -n 's/.*name="_csrf" value="\([^"]*\)".*/\1/p' "$TMP/b" | head -1)
check "the sign-in form has a CSRF token" test -n "$LTOKEN"
check "... and sets it as a strict, HttpOnly cookie for /login" sh -c \
	"grep -qi '^Set-Cookie: tandem_login=$LTOKEN; Path=/login; HttpOnly; SameSite=Strict' '$TMP/h'"
BODY='email=pm%40demo.tandem&password=tandem-demo' oneshot POST /login "Content-Type: application/x-www-form-urlencoded"
expect "a sign-in post without the token (a cross-site form): 403" 403 "$STATUS"
check "... signs nobody in" sh -c "! grep -qi '^Set-Cookie: tandem_session=[A-Za-z0-9]' '$TMP/h'"
check "... and says the form expired" contains "$TMP/b" "This sign-in form has expired"
BODY="_csrf=x$LTOKEN&email=pm%40demo.tandem&password=tandem-demo" oneshot POST /login \
	"Content-Type: application/x-www-form-urlencoded" "Cookie: tandem_login=$LTOKEN"
expect "a token that does not match the cookie: 403" 403 "$STATUS"
expect "refused forms are not counted as failed sign-ins" 0 "$(sql "SELECT count(*) FROM login_failures")"
# the sign-in form counts failures the same way
BODY="_csrf=$LTOKEN&email=pm%40demo.tandem&password=bad" oneshot POST /login \
	"Content-Type: application/x-www-form-urlencoded" "Cookie: tandem_login=$LTOKEN"
check "form sign-in with a wrong password does not sign in" sh -c "! grep -qi '^Set-Cookie: tandem_session=[A-Za-z0-9]' '$TMP/h'"
expect "form failure is counted" 1 "$(sql "SELECT count FROM login_failures WHERE scope = 'ip'")"
BODY="_csrf=$LTOKEN&email=pm%40demo.tandem&password=tandem-demo&next=/goals" oneshot POST /login \
	"Content-Type: application/x-www-form-urlencoded" "Cookie: tandem_login=$LTOKEN"
expect "the form with its token signs in" "303 /goals" "$STATUS $(header Location)"
check "... with the session cookie (no Secure flag over plain HTTP)" sh -c \
	"grep -qi '^Set-Cookie: tandem_session=[A-Za-z0-9_-]*; Path=/; HttpOnly; SameSite=Lax; Max-Age=1209600.\$' '$TMP/h'"
BODY='{"email":"pm@demo.tandem","password":"tandem-demo"}' oneshot POST /api/v1/session "$J" "X-Forwarded-Proto: https"
check "behind an HTTPS proxy the session cookie is Secure" sh -c "grep -qi '^Set-Cookie: tandem_session=.*; Secure' '$TMP/h'"

# 4 wrong admin passwords and 1 right viewer sign-in, ten times over: the viewer's success used to wipe the
# address's count, so the admin's password could be guessed forever without a 429
sql "DELETE FROM login_failures"
FIRST429=""
for round in 1 2 3 4 5 6 7 8 9 10; do
	for i in 1 2 3 4; do
		BODY='{"email":"admin@demo.tandem","password":"guess'"$round$i"'"}' oneshot POST /api/v1/session "$J"
		[ "$STATUS" = 429 ] && [ -z "$FIRST429" ] && FIRST429="round $round"
	done
	BODY='{"email":"viewer@demo.tandem","password":"tandem-demo"}' oneshot POST /api/v1/session "$J"
	[ -n "$FIRST429" ] && break
done
expect "regression: 4 wrong admin passwords and a viewer's sign-in, repeated, still end in 429" "round 2" "$FIRST429"
expect "... the admin account's failures are counted" 5 \
	"$(sql "SELECT count FROM login_failures WHERE scope = 'account' AND key = 'admin@demo.tandem'")"
expect "... and the address's, which the viewer's success left alone" 5 \
	"$(sql "SELECT count FROM login_failures WHERE scope = 'ip'")"

finish
