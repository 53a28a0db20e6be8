# test_regressions.sh — regression tests of the defects found trying Tandem as users and as an attacker (issue 10),
# each named after its defect; through `tandem http`.
. "$(dirname "$0")/lib.sh"
make_demo
J="Content-Type: application/json"
F="Content-Type: application/x-www-form-urlencoded"
# session ROLE: sign in through the API; sets COOKIE and CSRF
session() {
	BODY="{\"email\":\"$1@demo.tandem\",\"password\":\"tandem-demo\"}" oneshot POST /api/v1/session "$J"
	COOKIE=$(header Set-Cookie | cut -d';' -f1)
	CSRF=$(jget "$TMP/b" j.csrf_token)
}

# --- defect 6: open redirect through /login?next=
session pm
for next in '/%09/evil.example/phish' '//evil.example' '/%5Cevil.example' '/\evil.example' '/%0D%0ALocation:%20x' \
	'/%20/evil.example' 'https://evil.example' '/%7F/evil.example' '/%C2%A0/evil.example'; do
	oneshot GET "/login?next=$next" "Cookie: $COOKIE"
	expect "regression: open redirect: signed in, /login?next=$next goes home" "303 /" "$STATUS $(header Location)"
done
oneshot GET "/login?next=/goals/1" "Cookie: $COOKIE"
expect "a local next is followed" "303 /goals/1" "$STATUS $(header Location)"
oneshot GET /login
LTOKEN=$(sed -n 's/.*name="_csrf" value="\([^"]*\)".*/\1/p' "$TMP/b" | head -1)
BODY="_csrf=$LTOKEN&email=pm%40demo.tandem&password=tandem-demo&next=/%09/evil.example/phish" oneshot POST /login "$F" \
	"Cookie: tandem_login=$LTOKEN"
expect "regression: open redirect: the sign-in form with next=/<tab>/evil.example goes home" "303 /" "$STATUS $(header Location)"
oneshot GET "/login?next=/%09/evil.example/phish"
check "regression: open redirect: the sign-in page does not carry an off-site next" lacks "$TMP/b" "evil.example"

finish
