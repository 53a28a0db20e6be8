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

# --- defect 12: one-line fields (FT_STRING) accepted CR/LF
PM=$(token pm)
BODY='{"title":"two\nlines","metric":"m","target":5}' oneshot POST /api/v1/goals "Authorization: Bearer $PM" "$J"
expect "regression: one-line field with LF: 400 naming it" "400 invalid title" "$STATUS $(jget "$TMP/b" j.error.code) $(jget "$TMP/b" j.error.field)"
BODY='{"name":"Carriage\rreturn"}' oneshot POST /api/v1/segments "Authorization: Bearer $PM" "$J"
expect "regression: one-line field with CR: 400 naming it" "400 name" "$STATUS $(jget "$TMP/b" j.error.field)"
BODY="{\"version\":$(sql "SELECT version FROM goals WHERE id = 1"),\"unit\":\"a\\r\\nb\"}" oneshot PATCH /api/v1/goals/1 "Authorization: Bearer $PM" "$J"
expect "regression: ... and on a change" "400 unit" "$STATUS $(jget "$TMP/b" j.error.field)"
session pm
BODY="_csrf=$CSRF&name=Two%0D%0Alines" oneshot POST /segments "Cookie: $COOKIE" "$F"
expect "regression: ... and from a form: 400, the message beside the field" "400 true" "$STATUS $(grep -c 'must not contain a line break' "$TMP/b" | sed 's/^[1-9][0-9]*$/true/')"
BODY='{"why":"two\nlines are fine in text","title":"T","metric":"m","target":5}' oneshot POST /api/v1/goals "Authorization: Bearer $PM" "$J"
expect "several-line fields (FT_TEXT) keep their line breaks" "201 true" "$STATUS $(jget "$TMP/b" 'j.why.includes("\n")')"

printf 'text,author\n"One line please","Ann\nBrown"\n' > "$TMP/ml.csv"
"$TANDEM" import insights "$TMP/ml.csv" --map text=text,author=author --db "$DB" > /dev/null 2>&1
expect "the CSV import folds a line break in a one-line field (author) into a space" "Ann Brown" \
	"$(sql "SELECT author FROM insights WHERE text = 'One line please'")"

finish
