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


# --- defect 7: contributors could edit and delete anyone's insights
CONTRIB=$(token contributor)
OTHER=$(sql "SELECT id FROM insights ORDER BY id LIMIT 1")
OV=$(sql "SELECT version FROM insights WHERE id = $OTHER")
BODY="{\"version\":$OV,\"text\":\"rewritten by a contributor\"}" oneshot PATCH "/api/v1/insights/$OTHER" "Authorization: Bearer $CONTRIB" "$J"
expect "regression: a contributor editing someone else's insight: 403" "403 forbidden" "$STATUS $(jget "$TMP/b" j.error.code)"
oneshot DELETE "/api/v1/insights/$OTHER" "Authorization: Bearer $CONTRIB"
expect "regression: a contributor deleting someone else's insight: 403" 403 "$STATUS"
expect "regression: ... the insight is unchanged" "$OV" "$(sql "SELECT version FROM insights WHERE id = $OTHER")"
BODY='{"text":"A contributor heard this on a call","source":"sales"}' oneshot POST /api/v1/insights "Authorization: Bearer $CONTRIB" "$J"
expect "a contributor adds an insight, recorded as theirs" "201 5" "$STATUS $(jget "$TMP/b" j.created_by)"
MINE=$(jget "$TMP/b" j.id)
BODY='{"version":1,"text":"A contributor heard this on a sales call"}' oneshot PATCH "/api/v1/insights/$MINE" "Authorization: Bearer $CONTRIB" "$J"
expect "a contributor edits their own insight" "200 2" "$STATUS $(jget "$TMP/b" j.version)"
BODY='{"version":2,"created_by":1}' oneshot PATCH "/api/v1/insights/$MINE" "Authorization: Bearer $CONTRIB" "$J"
expect "... and cannot hand it to someone else (created_by is read-only)" "5" "$(sql "SELECT created_by FROM insights WHERE id = $MINE")"
session contributor
oneshot GET "/insights/$OTHER/edit" "Cookie: $COOKIE"
expect "regression: a contributor's edit form of someone else's insight: 403" 403 "$STATUS"
BODY="_csrf=$CSRF&version=$OV&text=rewritten+in+the+form&source=other" oneshot POST "/insights/$OTHER" "Cookie: $COOKIE" "$F"
expect "regression: ... and saving it: 403" 403 "$STATUS"
BODY="_csrf=$CSRF" oneshot POST "/insights/$OTHER/delete" "Cookie: $COOKIE" "$F"
expect "regression: ... and deleting it from the page: 403" 403 "$STATUS"
oneshot GET "/insights/$OTHER" "Cookie: $COOKIE"
check "the page of someone else's insight offers a contributor no Edit" lacks "$TMP/b" "/insights/$OTHER/edit"
oneshot GET "/insights/$MINE" "Cookie: $COOKIE"
check "the page of their own insight offers Edit" contains "$TMP/b" "/insights/$MINE/edit"
oneshot DELETE "/api/v1/insights/$MINE" "Authorization: Bearer $CONTRIB"
expect "a contributor deletes their own insight" 204 "$STATUS"
PM=$(token pm)
BODY="{\"version\":$OV,\"tags\":[\"checked\"]}" oneshot PATCH "/api/v1/insights/$OTHER" "Authorization: Bearer $PM" "$J"
expect "a PM edits anyone's insight" 200 "$STATUS"

# --- defect 15: contributors file requests (problem or idea, status new)
oneshot GET /features/new "Cookie: $COOKIE"
expect "regression: a contributor opens the new-request form" 200 "$STATUS"
BODY="_csrf=$CSRF&title=Export+to+Sheets&kind=idea&requester=Sales" oneshot POST /features "Cookie: $COOKIE" "$F"
expect "regression: a contributor files an idea from the form" 303 "$STATUS"
expect "... new, as an idea" "idea new" "$(sql "SELECT kind || ' ' || status FROM features WHERE title = 'Export to Sheets'")"
BODY='{"title":"Slow dashboards","kind":"problem"}' oneshot POST /api/v1/features "Authorization: Bearer $CONTRIB" "$J"
expect "regression: a contributor files a problem through the API" "201 new" "$STATUS $(jget "$TMP/b" j.status)"
REQ=$(jget "$TMP/b" j.id)
BODY='{"title":"Ship it now","kind":"feature"}' oneshot POST /api/v1/features "Authorization: Bearer $CONTRIB" "$J"
expect "a contributor's feature of kind feature: 403 naming kind" "403 kind" "$STATUS $(jget "$TMP/b" j.error.field)"
BODY='{"title":"Already accepted","kind":"idea","status":"accepted"}' oneshot POST /api/v1/features "Authorization: Bearer $CONTRIB" "$J"
expect "a contributor's request in another status: 403 naming status" "403 status" "$STATUS $(jget "$TMP/b" j.error.field)"
BODY='{"version":1,"status":"accepted"}' oneshot PATCH "/api/v1/features/$REQ" "Authorization: Bearer $CONTRIB" "$J"
expect "a contributor does not triage (edit) requests" 403 "$STATUS"
oneshot GET /features "Cookie: $COOKIE"
check "the features list offers a contributor the new-request button" contains "$TMP/b" 'href="/features/new"'
BODY='{"goal":1,"demand":1,"rice":1}' oneshot PUT /api/v1/settings/score "Authorization: Bearer $PM" "$J"
expect "roles: a PM does not change the score formula (leaders do)" 403 "$STATUS"
BODY='{"arr_weighting":false}' oneshot PUT /api/v1/settings/demand "Authorization: Bearer $PM" "$J"
expect "roles: ... nor the demand settings" 403 "$STATUS"
BODY='{"ready_threshold":70}' oneshot PUT /api/v1/settings/launches "Authorization: Bearer $PM" "$J"
expect "roles: ... nor the launch lead times" 403 "$STATUS"
LEADER=$(token leader)
BODY='{"ready_threshold":70}' oneshot PUT /api/v1/settings/launches "Authorization: Bearer $LEADER" "$J"
expect "roles: a leader changes the launch settings" 200 "$STATUS"


# --- no silent limits: a query string past 200 arguments is refused, not cut
Q=$(i=0; while [ $i -lt 201 ]; do printf 'a%d=1&' $i; i=$((i + 1)); done)
oneshot GET "/api/v1/goals?$Q" "Authorization: Bearer $PM"
expect "no silent limits: 201 query arguments: 400 naming the one past the limit" "400 a200" "$STATUS $(jget "$TMP/b" j.error.field)"
oneshot GET "/api/v1/goals?status=active&status=met" "Authorization: Bearer $PM"
expect "no silent limits: a list argument given twice: 400 naming it" "400 status" "$STATUS $(jget "$TMP/b" j.error.field)"

# --- owner pickers offer only people who may own work (pm, pmm, leader, admin), and keep a current owner who may not
session pm
oneshot GET /goals/1/edit "Cookie: $COOKIE"
VIEWER_ID=$(sql "SELECT id FROM users WHERE role = 'viewer'")
PMM_ID=$(sql "SELECT id FROM users WHERE role = 'pmm'")
check "owner pickers: a PMM is offered as a goal's PMM owner" contains "$TMP/b" "<option value=\"$PMM_ID\""
check "owner pickers: a viewer is not offered" lacks "$TMP/b" "<option value=\"$VIEWER_ID\""
sql "UPDATE goals SET pmm_owner = $VIEWER_ID WHERE id = 1"
oneshot GET /goals/1/edit "Cookie: $COOKIE"
check "owner pickers: a current owner who may not own stays offered, selected (the form drops nothing)" \
	contains "$TMP/b" "<option value=\"$VIEWER_ID\" selected>"
L=$(sql "SELECT min(id) FROM launches")
oneshot GET "/launch-raci/new?launch_id=$L" "Cookie: $COOKIE"
check "owner pickers: a launch's RACI still offers everyone (sales and support are informed)" contains "$TMP/b" "<option value=\"$VIEWER_ID\""

# --- /releases/{id}/reschedule without a date shows the form that asks for one, not an error page
session pm
REL=$(sql "SELECT min(id) FROM releases")
oneshot GET "/releases/$REL/reschedule" "Cookie: $COOKIE"
expect "reschedule without a date: to the release's Reschedule form" "303 /releases/$REL#reschedule" "$STATUS $(header Location)"
oneshot GET "/releases/999999/reschedule" "Cookie: $COOKIE"
expect "... and a missing release is still 404" 404 "$STATUS"

# --- a confirmation after every save: the page a form returns to says what was done
session pm
V=$(sql "SELECT version FROM goals WHERE id = 2")
BODY="_csrf=$CSRF&version=$V&title=Grow+mid-market+net+revenue+retention" oneshot POST /goals/2 "Cookie: $COOKIE" \
	"Content-Type: application/x-www-form-urlencoded"
expect "a saved edit returns to the object saying so" "303 /goals/2?saved=saved" "$STATUS $(header Location)"
oneshot GET "/goals/2?saved=saved" "Cookie: $COOKIE"
check "... and the page confirms: Saved." contains "$TMP/b" '<p class="notice" role="status" id="saved">Saved.</p>'
BODY="_csrf=$CSRF&value=111&at=2026-11-20" oneshot POST /goals/2/measurements "Cookie: $COOKIE" \
	"Content-Type: application/x-www-form-urlencoded"
expect "an action returns to its object naming itself, at its form" "303 /goals/2?done=measure#measure-form" "$STATUS $(header Location)"
oneshot GET "/goals/2?done=measure" "Cookie: $COOKIE"
check "... and the page says what was done" contains "$TMP/b" 'id="saved">Measured.</p>'
oneshot GET "/goals/2?done=%3Cscript%3E&saved=x" "Cookie: $COOKIE"
check "an unknown value says nothing (no text is echoed)" lacks "$TMP/b" 'id="saved"'

# --- navigation names what it opens: Launches opens the launches; the activity feed is a tab of the dashboard
session pm
oneshot GET / "Cookie: $COOKIE"
check "Launches in the main navigation opens /launches" contains "$TMP/b" '<li><a href="/launches">Launches</a></li>'
check "the dashboard has an Activity tab" contains "$TMP/b" '<a href="/activity">Activity</a>'
oneshot GET /activity "Cookie: $COOKIE"
check "the activity page is under the dashboard, its tab current" contains "$TMP/b" 'aria-current=page>Activity</a>'

# --- the activity feed speaks in words and logs an evidence link once
session pm
oneshot GET "/activity?kind=features" "Cookie: $COOKIE" # the features' feed: the demo's later rows (launches, PR/FAQs) push the links off the whole feed's first page
check "an evidence link names the insight, linked, not insight_id N" sh -c "grep -q 'evidence linked feature <a href=\"/features/[0-9]*\">[^<]*</a>: insight <a href=\"/insights/[0-9]*\">' '$TMP/b'"
check "... and no raw id is shown" lacks "$TMP/b" '; insight_id '
check "... its importance in words, with the label of the action's field" sh -c "grep -Eq '; Importance (critical|important|nice to have)</li>' '$TMP/b'"
check "... never a number" lacks "$TMP/b" '; importance '
oneshot GET "/activity?kind=insights" "Cookie: $COOKIE"
check "a bulk tag shows the tags themselves, not a count" contains "$TMP/b" 'Tags security, sso → security, sso, renewal-risk'
oneshot GET "/goals/$(sql "SELECT object_id FROM audit WHERE kind = 'goals' AND action = 'measured' LIMIT 1")" "Cookie: $COOKIE"
check "a goal's history labels a measurement's input by its form's labels" sh -c "grep -Eq 'measured: Date [0-9-]+; Source [^;]+; Value [0-9]' '$TMP/b'"
check "the insight's mirror row is left out of the whole feed" lacks "$TMP/b" 'linked to a feature insight'
oneshot GET "/activity?kind=insights" "Cookie: $COOKIE"
check "... but kept when the feed is filtered to insights" contains "$TMP/b" 'linked to a feature insight'

finish
