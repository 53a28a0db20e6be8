# test_people.sh — people managed by admins: adding (with an invitation link shown once), role changes, deactivation
# and reactivation (sessions and tokens refused at once, out of the owner pickers, still shown as owner), never
# without an active admin; invitation links (the page, setting a password and signing in; used twice, expired,
# revoked: a clear page and no change); the people pages and the CLI. Each refusal leaves the database as it was.
. "$(dirname "$0")/lib.sh"
make_demo
ADMIN=$(token admin)
PM=$(token pm)
A="Authorization: Bearer $ADMIN"
P="Authorization: Bearer $PM"
J="Content-Type: application/json"
F="Content-Type: application/x-www-form-urlencoded"
# everything an admin verb may change, as one line
snapshot() {
	sql "SELECT group_concat(x, ';') FROM (SELECT id || role || active || coalesce(deactivated_at, '') || pw_hash AS x
	     FROM users UNION ALL SELECT 'i' || id || coalesce(used_at, '') || coalesce(revoked_at, '') FROM invitations
	     UNION ALL SELECT 's' || count(*) FROM sessions UNION ALL SELECT 't' || count(*) FROM tokens WHERE revoked_at IS NULL
	     UNION ALL SELECT 'a' || count(*) FROM audit)"
}
uid() { sql "SELECT id FROM users WHERE email = '$1'"; }
ADMIN_ID=$(uid admin@demo.tandem)
PM_ID=$(uid pm@demo.tandem)

# the demo shows each state
oneshot GET /api/v1/users "$P"
expect "everyone signed in lists the people" 200 "$STATUS"
expect "the demo has an invited person (a pending link, no secret in the list)" "invite false" \
	"$(jget "$TMP/b" 'j.items.find(u => u.email === "nora@demo.tandem").invitation.purpose + " " + JSON.stringify(j.items).includes("token")')"
expect "... and a deactivated one" "false true" \
	"$(jget "$TMP/b" 'const d = j.items.find(u => u.email === "dana@demo.tandem"); d.active + " " + (d.deactivated_at !== null)')"
oneshot GET "/api/v1/users/$PM_ID" "$P"
expect "one user" "200 pm true" "$STATUS $(jget "$TMP/b" 'j.role + " " + j.active')"
oneshot GET /api/v1/users/9999 "$P"
expect "an unknown user: 404" 404 "$STATUS"

# roles: every admin verb refuses non-admins with 403 and changes nothing
for role in viewer contributor pm leader; do
	T=$(token $role)
	BEFORE=$(snapshot)
	BODY='{"email":"x@demo.tandem","role":"pm"}' oneshot POST /api/v1/users "Authorization: Bearer $T" "$J"
	S1=$STATUS
	BODY='{"role":"admin"}' oneshot POST "/api/v1/users/$PM_ID/role" "Authorization: Bearer $T" "$J"
	S2=$STATUS
	oneshot POST "/api/v1/users/$PM_ID/deactivate" "Authorization: Bearer $T"
	S3=$STATUS
	oneshot POST "/api/v1/users/$(uid dana@demo.tandem)/reactivate" "Authorization: Bearer $T"
	S4=$STATUS
	oneshot POST "/api/v1/users/$PM_ID/invitation" "Authorization: Bearer $T"
	S5=$STATUS
	oneshot DELETE "/api/v1/users/$(uid nora@demo.tandem)/invitation" "Authorization: Bearer $T"
	S6=$STATUS
	expect "a $role may do none of the admin verbs (403 each)" "403 403 403 403 403 403" "$S1 $S2 $S3 $S4 $S5 $S6"
	expect "... and changed nothing" "$BEFORE" "$(snapshot)"
done

# bad input: 4xx naming the field, nothing changed
BEFORE=$(snapshot)
bad() { # NAME METHOD PATH BODY WANT-STATUS WANT-CODE WANT-FIELD
	BODY=$4 oneshot "$2" "$3" "$A" "$J"
	expect "$1" "$5 $6 $7" "$STATUS $(jget "$TMP/b" j.error.code) $(jget "$TMP/b" j.error.field)"
}
bad "add: an unknown role" POST /api/v1/users '{"email":"x@demo.tandem","role":"boss"}' 400 invalid role
bad "add: no role" POST /api/v1/users '{"email":"x@demo.tandem"}' 400 invalid role
bad "add: a bad email" POST /api/v1/users '{"email":"nope","role":"pm"}' 400 invalid email
bad "add: an empty password" POST /api/v1/users '{"email":"x@demo.tandem","role":"pm","password":""}' 400 invalid password
bad "add: a too-short password" POST /api/v1/users '{"email":"x@demo.tandem","role":"pm","password":"short"}' 400 invalid password
bad "add: an unknown field" POST /api/v1/users '{"email":"x@demo.tandem","role":"pm","admin":true}' 400 invalid admin
bad "add: an email taken already" POST /api/v1/users '{"email":"PM@demo.tandem","role":"pm"}' 409 conflict email
bad "role: an unknown role" POST "/api/v1/users/$PM_ID/role" '{"role":"boss"}' 400 invalid role
bad "role: none" POST "/api/v1/users/$PM_ID/role" '{}' 400 invalid role
bad "role: an unknown user" POST /api/v1/users/9999/role '{"role":"pm"}' 404 not_found undefined
bad "role: demoting the last active admin" POST "/api/v1/users/$ADMIN_ID/role" '{"role":"pm"}' 409 last_admin role
check "... says why" contains "$TMP/b" "is the last active admin: make someone else an admin first"
oneshot POST "/api/v1/users/$ADMIN_ID/deactivate" "$A"
expect "deactivating the last active admin: 409" "409 last_admin" "$STATUS $(jget "$TMP/b" j.error.code)"
oneshot POST /api/v1/users/9999/deactivate "$A"
expect "deactivate: an unknown user 404" 404 "$STATUS"
oneshot POST "/api/v1/users/$PM_ID/reactivate" "$A"
expect "reactivating an active user: 409" 409 "$STATUS"
oneshot POST "/api/v1/users/$(uid dana@demo.tandem)/deactivate" "$A"
expect "deactivating a deactivated user: 409" 409 "$STATUS"
oneshot POST "/api/v1/users/$(uid dana@demo.tandem)/invitation" "$A"
expect "a link for a deactivated user: 409" 409 "$STATUS"
oneshot DELETE "/api/v1/users/$PM_ID/invitation" "$A"
expect "revoking a link that is not there: 404" 404 "$STATUS"
expect "every refusal changed nothing" "$BEFORE" "$(snapshot)"

# adding with a password: no link; with none: a link answered once, only its hash stored
BODY='{"email":"ivy@demo.tandem","name":"Ivy","role":"pmm","password":"ivy-password"}' oneshot POST /api/v1/users "$A" "$J"
expect "add with a password: 201, no link" "201 null true" "$STATUS $(jget "$TMP/b" 'j.invitation_link') $(jget "$TMP/b" j.active)"
BODY='{"email":"sam@demo.tandem","name":"Sam Lee","role":"pm"}' oneshot POST /api/v1/users "$A" "$J"
expect "add without a password: 201 with an invitation link" "201 invite" "$STATUS $(jget "$TMP/b" j.invitation_link.purpose)"
SAM=$(jget "$TMP/b" j.id)
LINK=$(jget "$TMP/b" j.invitation_link.path)
SECRET=${LINK#/invite/}
expect "the link's url is on this server" "http://test$LINK" "$(jget "$TMP/b" j.invitation_link.url)"
EXP=$(jget "$TMP/b" j.invitation_link.expires_at)
expect "it expires after 7 days" 7 "$(sql "SELECT CAST(round(julianday('$EXP') - julianday('now')) AS INTEGER)")"
expect "only the secret's hash is stored" 0 "$(sql "SELECT count(*) FROM invitations WHERE hash = '$SECRET' OR hash LIKE '%$SECRET%'")"
expect "the addition is audited, never with a password" "added 0" \
	"$(sql "SELECT action FROM audit WHERE kind = 'users' AND object_id = $SAM") $(sql "SELECT count(*) FROM audit WHERE changes LIKE '%password%' AND kind = 'users' AND action = 'added'")"
expect "the invited person cannot sign in with any password yet" 401 \
	"$(BODY='{"email":"sam@demo.tandem","password":"anything-at-all"}' oneshot POST /api/v1/session "$J"; echo "$STATUS")"

# the invitation page: no sign-in needed, its own CSRF cookie, no referrer, never cached
oneshot GET "$LINK"
expect "the invitation page opens without signing in" 200 "$STATUS"
check "... greets the person" contains "$TMP/b" "You are invited as <strong>Sam Lee</strong>"
ITOKEN=$(sed -n 's/.*name="_csrf" value="\([^"]*\)".*/\1/p' "$TMP/b" | head -1)
check "... sets a strict CSRF cookie for /invite" sh -c "grep -qi '^Set-Cookie: tandem_login=$ITOKEN; Path=/invite; HttpOnly; SameSite=Strict' '$TMP/h'"
expect "... sends no referrer and is not cached" "no-referrer no-store" "$(header Referrer-Policy) $(header Cache-Control)"
BEFORE=$(snapshot)
BODY="password=sam-password-1&password_confirm=sam-password-1" oneshot POST "$LINK" "$F"
expect "a post without the form's token (cross-site): 403, no change" "403 $BEFORE" "$STATUS $(snapshot)"
CK="Cookie: tandem_login=$ITOKEN"
BODY="_csrf=$ITOKEN&password=&password_confirm=" oneshot POST "$LINK" "$F" "$CK"
expect "an empty password: 400 with the form again" 400 "$STATUS"
check "... saying why" contains "$TMP/b" "password is required"
BODY="_csrf=$ITOKEN&password=short&password_confirm=short" oneshot POST "$LINK" "$F" "$CK"
expect "a too-short password: 400" 400 "$STATUS"
check "... saying the minimum" contains "$TMP/b" "at least 8 characters"
BODY="_csrf=$ITOKEN&password=sam-password-1&password_confirm=sam-password-2" oneshot POST "$LINK" "$F" "$CK"
expect "two different passwords: 400" 400 "$STATUS"
expect "... none of them changed anything" "$BEFORE" "$(snapshot)"
BODY="_csrf=$ITOKEN&password=sam-password-1&password_confirm=sam-password-1" oneshot POST "$LINK" "$F" "$CK"
expect "the link sets the password and signs in: 303 to the dashboard" "303 /?welcome=1" "$STATUS $(header Location)"
SAMCOOKIE=$(sed -n 's/^Set-Cookie: tandem_session=\([^;]*\).*/\1/p' "$TMP/h" | tr -d '\r')
oneshot GET /api/v1/session "Cookie: tandem_session=$SAMCOOKIE"
expect "... the session is Sam's" "200 sam@demo.tandem" "$STATUS $(jget "$TMP/b" j.user.email)"
oneshot GET "/?welcome=1" "Cookie: tandem_session=$SAMCOOKIE"
check "... the dashboard welcomes them, saying the password is set" contains "$TMP/b" 'Your password is set and you are signed in as'
expect "... the link is used, audited as Sam's own" "1 password set" \
	"$(sql "SELECT count(*) FROM invitations WHERE user_id = $SAM AND used_at IS NOT NULL") $(sql "SELECT action FROM audit WHERE kind = 'users' AND object_id = $SAM AND user_id = $SAM")"
BODY='{"email":"sam@demo.tandem","password":"sam-password-1"}' oneshot POST /api/v1/session "$J"
expect "... and Sam signs in with the new password" 201 "$STATUS"
# used twice
BEFORE=$(snapshot)
oneshot GET "$LINK"
expect "a used link: 410" 410 "$STATUS"
check "... with a page that says so" contains "$TMP/b" "This link was used already"
BODY="_csrf=$ITOKEN&password=other-password&password_confirm=other-password" oneshot POST "$LINK" "$F" "$CK"
expect "posting to a used link: 410, nothing changed" "410 $BEFORE" "$STATUS $(snapshot)"
check "... the page says why" contains "$TMP/b" "has been used already"
oneshot GET /invite/not-a-real-secret
expect "an unknown link: 404 with a page" 404 "$STATUS"
check "... that says so" contains "$TMP/b" "There is no invitation at this address"

# expired (its expiry set in the past, as if 7 days had gone by)
oneshot POST "/api/v1/users/$SAM/invitation" "$A"
expect "a password reset link for Sam" "201 reset" "$STATUS $(jget "$TMP/b" j.purpose)"
RESET=$(jget "$TMP/b" j.path)
sql "UPDATE invitations SET expires_at = '2020-01-01T00:00:00Z' WHERE id = $(jget "$TMP/b" j.id)"
BEFORE=$(snapshot)
oneshot GET "$RESET"
expect "an expired link: 410" 410 "$STATUS"
check "... says it expired" contains "$TMP/b" "This link has expired"
BODY="_csrf=$ITOKEN&password=other-password&password_confirm=other-password" oneshot POST "$RESET" "$F" "$CK"
expect "posting to an expired link: 410, nothing changed" "410 $BEFORE" "$STATUS $(snapshot)"

# revoked: by a newer link, and by an admin
oneshot POST "/api/v1/users/$SAM/invitation" "$A"
OLD=$(jget "$TMP/b" j.path)
oneshot POST "/api/v1/users/$SAM/invitation" "$A"
NEW=$(jget "$TMP/b" j.path)
oneshot GET "$OLD"
expect "a link replaced by a newer one: 410" 410 "$STATUS"
check "... says it was replaced" contains "$TMP/b" "revoked or replaced by a newer one"
oneshot GET "$NEW"
expect "... the newer one works" 200 "$STATUS"
oneshot GET "/api/v1/users/$SAM" "$A"
expect "the pending link shows on the user" reset "$(jget "$TMP/b" j.invitation.purpose)"
oneshot DELETE "/api/v1/users/$SAM/invitation" "$A"
expect "an admin revokes it: 204" 204 "$STATUS"
BEFORE=$(snapshot)
BODY="_csrf=$ITOKEN&password=other-password&password_confirm=other-password" oneshot POST "$NEW" "$F" "$CK"
expect "posting to a revoked link: 410, nothing changed" "410 $BEFORE" "$STATUS $(snapshot)"
BODY='{"email":"sam@demo.tandem","password":"sam-password-1"}' oneshot POST /api/v1/session "$J"
expect "... Sam's password is still the one Sam chose" 201 "$STATUS"

# role changes: audited with from and to; a second admin lets the first be demoted
BODY='{"role":"admin"}' oneshot POST "/api/v1/users/$PM_ID/role" "$A" "$J"
expect "make the PM an admin" "200 admin" "$STATUS $(jget "$TMP/b" j.role)"
expect "... audited from and to" '{"from":"pm","to":"admin"}' \
	"$(sql "SELECT changes FROM audit WHERE kind = 'users' AND object_id = $PM_ID AND action = 'role changed'")"
BODY='{"role":"pm"}' oneshot POST "/api/v1/users/$PM_ID/role" "$A" "$J"
expect "with another admin active, an admin may be demoted" "200 pm" "$STATUS $(jget "$TMP/b" j.role)"

# deactivation: session and token refused at once, out of the owner pickers, still the owner
BODY='{"email":"pmm@demo.tandem","password":"tandem-demo"}' oneshot POST /api/v1/session "$J"
PMMCOOKIE=$(sed -n 's/^Set-Cookie: tandem_session=\([^;]*\).*/\1/p' "$TMP/h" | tr -d '\r')
PMMTOKEN=$(token pmm)
PMM_ID=$(uid pmm@demo.tandem)
GOAL=$(sql "SELECT id FROM goals WHERE pmm_owner = $PMM_ID LIMIT 1")
oneshot GET /api/v1/session "Cookie: tandem_session=$PMMCOOKIE"
expect "the PMM's session works" 200 "$STATUS"
oneshot POST "/api/v1/users/$PMM_ID/deactivate" "$A"
expect "deactivate the PMM" "200 false" "$STATUS $(jget "$TMP/b" j.active)"
expect "... audited with what ended" "deactivated 1" \
	"$(sql "SELECT action FROM audit WHERE kind = 'users' AND object_id = $PMM_ID") $(sql "SELECT json_extract(changes, '$.sessions_ended') FROM audit WHERE kind = 'users' AND object_id = $PMM_ID")"
oneshot GET /api/v1/session "Cookie: tandem_session=$PMMCOOKIE"
expect "their session is refused at once: 401" 401 "$STATUS"
oneshot GET /api/v1/goals "Authorization: Bearer $PMMTOKEN"
expect "their API token is refused at once: 401" 401 "$STATUS"
oneshot GET / "Cookie: tandem_session=$PMMCOOKIE"
expect "their browser is sent to sign in" 303 "$STATUS"
BODY='{"email":"pmm@demo.tandem","password":"tandem-demo"}' oneshot POST /api/v1/session "$J"
expect "they cannot sign in (the same answer as a wrong password)" "401 wrong email or password" \
	"$STATUS $(jget "$TMP/b" j.error.message)"
oneshot GET "/api/v1/goals/$GOAL" "$A"
expect "they stay the owner of what they own" "$PMM_ID" "$(jget "$TMP/b" j.pmm_owner)"
oneshot GET "/goals/$GOAL/edit" "$A"
check "... the goal they own still offers them (marked deactivated)" contains "$TMP/b" "Marco Rossi (pmm, deactivated)"
OTHER=$(sql "SELECT id FROM goals WHERE coalesce(pmm_owner, 0) <> $PMM_ID AND coalesce(pm_owner, 0) <> $PMM_ID LIMIT 1")
oneshot GET "/goals/$OTHER/edit" "$A"
check "... other owner pickers do not offer them" lacks "$TMP/b" "Marco Rossi"
GV=$(sql "SELECT version FROM goals WHERE id = $GOAL")
BODY="{\"why\":\"Edited while the owner is away\",\"version\":$GV}" oneshot PATCH "/api/v1/goals/$GOAL" "$A" "$J"
expect "... an edit of the goal keeps them as its owner" "200 $PMM_ID" "$STATUS $(jget "$TMP/b" j.pmm_owner)"
GV=$(sql "SELECT version FROM goals WHERE id = $OTHER")
BEFORE_OTHER=$(sql "SELECT coalesce(pmm_owner, 'none') || '/' || version FROM goals WHERE id = $OTHER")
BODY="{\"pmm_owner\":$PMM_ID,\"version\":$GV}" oneshot PATCH "/api/v1/goals/$OTHER" "$A" "$J"
expect "... but nothing new can be given to them: 400 naming the owner field" "400 pmm_owner" \
	"$STATUS $(jget "$TMP/b" j.error.field)"
expect "... and the goal is unchanged" "$BEFORE_OTHER" "$(sql "SELECT coalesce(pmm_owner, 'none') || '/' || version FROM goals WHERE id = $OTHER")"
oneshot GET "/users/$PMM_ID" "$A"
check "their profile says deactivated and lists what they own" sh -c \
	"grep -qF 'Deactivated' '$TMP/b' && grep -qF 'href=\"/goals?pmm_owner=$PMM_ID\"' '$TMP/b'"
oneshot POST "/api/v1/users/$PMM_ID/reactivate" "$A"
expect "reactivate: 200, active" "200 true null" "$STATUS $(jget "$TMP/b" j.active) $(jget "$TMP/b" j.deactivated_at)"
BODY='{"email":"pmm@demo.tandem","password":"tandem-demo"}' oneshot POST /api/v1/session "$J"
expect "... they sign in again" 201 "$STATUS"
oneshot GET /api/v1/goals "Authorization: Bearer $PMMTOKEN"
expect "... their revoked token stays revoked" 401 "$STATUS"

# pages: the list (everyone), the forms (admins), adding from the page shows the link once
oneshot GET /users "$P"
expect "a PM sees the people list" 200 "$STATUS"
check "... without the admin's forms" lacks "$TMP/b" 'id="user-add-form"'
check "... with each state" sh -c "grep -qF 'Invitation pending' '$TMP/b' && grep -qF 'Deactivated' '$TMP/b'"
oneshot GET / "$P"
check "People is not in a PM's navigation" lacks "$TMP/b" '<a href="/users"'
oneshot GET / "$A"
check "People is in an admin's navigation" contains "$TMP/b" '<a href="/users"'
oneshot GET /users "$A"
check "an admin gets the add form" contains "$TMP/b" 'id="user-add-form"'
check "... without a password box" lacks "$TMP/b" 'name="password"'
oneshot GET "/users/$PM_ID" "$A"
check "an admin gets the role, reset and deactivate forms on a profile" sh -c \
	"grep -qF 'id=\"user-role-form\"' '$TMP/b' && grep -qF 'id=\"user-invite-form\"' '$TMP/b' && grep -qF 'id=\"user-deactivate-form\"' '$TMP/b'"
oneshot GET "/users/$PM_ID" "$P"
check "a PM's view of a profile has no forms" lacks "$TMP/b" 'id="user-role-form"'
check "... but what they own" contains "$TMP/b" 'id="owned"'
oneshot GET /users/9999 "$A"
expect "an unknown profile: 404" 404 "$STATUS"
# a page post with the session's CSRF token
BODY='{"email":"admin@demo.tandem","password":"tandem-demo"}' oneshot POST /api/v1/session "$J"
ACOOKIE="Cookie: tandem_session=$(sed -n 's/^Set-Cookie: tandem_session=\([^;]*\).*/\1/p' "$TMP/h" | tr -d '\r')"
ACSRF=$(jget "$TMP/b" j.csrf_token)
BEFORE=$(snapshot)
BODY="_csrf=$ACSRF&email=bad&name=&role=pm" oneshot POST /users "$ACOOKIE" "$F"
expect "the add form with a bad email: 400, the list again with the message" 400 "$STATUS"
check "... beside the form" contains "$TMP/b" 'id="user-add-error"'
BODY="_csrf=$ACSRF&role=viewer" oneshot POST "/users/$ADMIN_ID/role" "$ACOOKIE" "$F"
expect "the role form demoting the last admin: 409 on the profile" 409 "$STATUS"
check "... with the message" contains "$TMP/b" "is the last active admin"
expect "... nothing changed" "$BEFORE" "$(snapshot)"
BODY="_csrf=$ACSRF&email=zoe%40demo.tandem&name=Zoe&role=viewer" oneshot POST /users "$ACOOKIE" "$F"
expect "the add form: 201 with the link shown once" 201 "$STATUS"
check "... in a box to copy" contains "$TMP/b" 'id="invite-url" readonly value="http://test/invite/'
expect "... never cached" no-store "$(header Cache-Control)"
ZOE=$(uid zoe@demo.tandem)
BODY="_csrf=$ACSRF" oneshot POST "/users/$ZOE/deactivate" "$ACOOKIE" "$F"
expect "the deactivate button: 303 to the profile" "303 /users/$ZOE?done=user-deactivate" "$STATUS $(header Location)"
oneshot GET "/users/$ZOE?done=user-deactivate" "$ACOOKIE"
check "... saying what was done" contains "$TMP/b" "Deactivated: their sessions ended"

# the CLI runs the same verbs
"$TANDEM" user invite cli@demo.tandem --role viewer --base-url https://tandem.example/ --db "$DB" > "$TMP/out" 2>&1
check "tandem user invite prints the link after --base-url" grep -qE '^https://tandem.example/invite/[A-Za-z0-9_-]{43}$' "$TMP/out"
"$TANDEM" user invite cli@demo.tandem --db "$DB" > "$TMP/out" 2>&1
check "... again for a known user: a new path" grep -qE '^/invite/[A-Za-z0-9_-]{43}$' "$TMP/out"
"$TANDEM" user invite none@demo.tandem --db "$DB" > "$TMP/out" 2>&1
expect "... an unknown user without --role: exit 2" 2 "$?"
"$TANDEM" user role cli@demo.tandem --role pm --db "$DB" > "$TMP/out" 2>&1
expect "tandem user role" "cli@demo.tandem is now pm" "$(cat "$TMP/out")"
"$TANDEM" user role admin@demo.tandem --role pm --db "$DB" > "$TMP/out" 2>&1
expect "... refuses demoting the last admin: exit 1" "1" "$?"
"$TANDEM" user deactivate cli@demo.tandem --db "$DB" > "$TMP/out" 2>&1
expect "tandem user deactivate" "cli@demo.tandem is deactivated" "$(cat "$TMP/out")"
"$TANDEM" user list --db "$DB" > "$TMP/out" 2>&1
check "tandem user list shows the states" sh -c "grep -qP 'cli@demo.tandem\tpm\tcli@demo.tandem\tdeactivated' '$TMP/out' && grep -qP '\tnora@demo.tandem\tpmm\tNora Newman\tinvited' '$TMP/out'"
"$TANDEM" help user > "$TMP/out" 2>&1
check "tandem help user names the new verbs" sh -c "grep -qF 'invite EMAIL' '$TMP/out' && grep -qF 'deactivate EMAIL' '$TMP/out'"
finish
