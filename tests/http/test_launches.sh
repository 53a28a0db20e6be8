# test_launches.sh — releases and launches over HTTP: the checklist from the tier, bad input refused whole,
# readiness and conflicts, ticking items, rescheduling (API and pages), the settings, roles, and the CLI.
. "$(dirname "$0")/lib.sh"
make_demo
export TANDEM_TODAY=2027-01-15
VIEWER=$(token viewer)
PM=$(token pm)
LEADER=$(token leader)
J="Content-Type: application/json"
req() { # TOKEN METHOD PATH [BODY]
	_t=$1 _m=$2 _p=$3
	if [ $# -ge 4 ]; then
		BODY=$4
		oneshot "$_m" "$_p" "Authorization: Bearer $_t" "$J"
		unset BODY
	else
		oneshot "$_m" "$_p" "Authorization: Bearer $_t"
	fi
}
counts() { sql "SELECT (SELECT count(*) FROM releases) || ' ' || (SELECT count(*) FROM launches) || ' ' || (SELECT count(*) FROM launch_checklist) || ' ' || (SELECT count(*) FROM launch_activities)"; }
# bad TOKEN METHOD PATH BODY STATUS FIELD NAME: refused with the field named, nothing written
bad() {
	_before=$(counts)
	req "$1" "$2" "$3" "$4"
	expect "$7: $5 naming $6" "$5 $6" "$STATUS $(jget "$TMP/b" j.error.field)"
	expect "$7: nothing written" "$_before" "$(counts)"
}

# --- a release and a tier-1 launch
req "$PM" POST /api/v1/releases '{"name":"2027.2","target_date":"2027-02-10"}'
expect "pm creates a release" 201 "$STATUS"
REL=$(jget "$TMP/b" j.id)
F=$(sql "SELECT id FROM features WHERE title = 'SAML single sign-on'")
req "$PM" PATCH "/api/v1/features/$F" "{\"release_id\":$REL,\"readiness\":50,\"version\":$(sql "SELECT version FROM features WHERE id = $F")}"
expect "a feature is assigned to the release" "200 $REL" "$STATUS $(jget "$TMP/b" j.release_id)"
req "$PM" POST /api/v1/launches "{\"title\":\"SSO for everyone\",\"tier\":1,\"launch_date\":\"2027-02-12\",\"release_id\":$REL,\"feature_ids\":[$F]}"
expect "pm creates a tier-1 launch" 201 "$STATUS"
L=$(jget "$TMP/b" j.id)
expect "it starts with the tier-1 checklist (7 items, first due 28 days before)" "7 PR/FAQ approved 2027-01-15 false" \
	"$(jget "$TMP/b" j.checklist.length) $(jget "$TMP/b" j.checklist[0].item) $(jget "$TMP/b" j.checklist[0].due) $(jget "$TMP/b" j.checklist[0].done)"
expect "its JSON embeds activities and RACI, and a readiness" "[] [] 25" \
	"$(jget "$TMP/b" j.activities) $(jget "$TMP/b" j.raci) $(jget "$TMP/b" j.readiness)"
expect "the list filters by release" "1" "$(req "$PM" GET "/api/v1/launches?release_id=$REL" && jget "$TMP/b" j.items.length)"

# --- bad input: refused, named, nothing half-written
bad "$PM" POST /api/v1/launches '{"title":"x","tier":4,"launch_date":"2027-03-01"}' 400 tier "a tier outside 1-3"
bad "$PM" POST /api/v1/launches '{"title":"x","tier":2,"launch_date":"2027-02-30"}' 400 launch_date "a date that does not exist"
bad "$PM" POST /api/v1/releases '{"name":"x","target_date":"2027-13-01"}' 400 target_date "a release month 13"
bad "$PM" POST /api/v1/launch-activities "{\"launch_id\":$L,\"title\":\"A post\",\"date\":\"2027-02-12\"}" 400 channel "an activity without a channel"
bad "$PM" POST /api/v1/launch-checklist "{\"launch_id\":$L,\"item\":\"Legal review\"}" 400 owner_role "a checklist item without an owner role"
bad "$PM" POST /api/v1/launch-checklist "{\"launch_id\":$L,\"item\":\"Legal\",\"owner_role\":\"legal\",\"done\":\"yes\"}" 400 done "done that is not a boolean"
bad "$PM" POST /api/v1/launch-raci "{\"launch_id\":$L,\"user_id\":2,\"raci\":\"X\"}" 400 raci "a RACI letter outside R, A, C, I"
bad "$PM" POST /api/v1/launches "{\"title\":\"x\",\"tier\":1,\"launch_date\":\"2027-03-01\",\"feature_ids\":[$F,99999]}" 400 feature_ids "a launch naming a missing feature"
bad "$VIEWER" POST /api/v1/launches '{"title":"x","tier":1,"launch_date":"2027-03-01"}' 403 undefined "a viewer creating a launch"

# --- readiness and conflicts
req "$VIEWER" GET "/api/v1/launches/$L/readiness"
expect "readiness: features 50, checklist 0 → 25" "200 25 50 0" \
	"$STATUS $(jget "$TMP/b" j.readiness) $(jget "$TMP/b" j.features) $(jget "$TMP/b" j.checklist)"
expect "tier 1, 28 days away inside a 30-day lead time: not ready" true \
	"$(jget "$TMP/b" 'j.conflicts.some(c => c.rule === "launch-not-ready")')"
expect "it is after its release: no before-release conflict" false \
	"$(jget "$TMP/b" 'j.conflicts.some(c => c.rule === "launch-before-release")')"
req "$VIEWER" GET /api/v1/launches/99999/readiness
expect "readiness of a missing launch: 404" 404 "$STATUS"

# ticking an item: PATCH with its version; a stale version is 409
ITEM=$(sql "SELECT id FROM launch_checklist WHERE launch_id = $L ORDER BY due, id LIMIT 1")
req "$PM" PATCH "/api/v1/launch-checklist/$ITEM" '{"done":true,"version":1}'
expect "pm ticks a checklist item" "200 true" "$STATUS $(jget "$TMP/b" j.done)"
req "$PM" PATCH "/api/v1/launch-checklist/$ITEM" '{"done":false,"version":1}'
expect "a stale tick is 409" 409 "$STATUS"
req "$VIEWER" GET "/api/v1/launch-checklist?launch_id=$L&done=true"
expect "the checklist filters by done" 1 "$(jget "$TMP/b" j.items.length)"
req "$VIEWER" GET "/api/v1/launches/$L/readiness"
expect "readiness rises with the tick (checklist 14%)" "14 32" "$(jget "$TMP/b" j.checklist) $(jget "$TMP/b" j.readiness)"

# an activity after the launch is a conflict, and so is the alignment report's finding
req "$PM" POST /api/v1/launch-activities "{\"launch_id\":$L,\"channel\":\"webinar\",\"title\":\"Deep dive\",\"date\":\"2027-03-20\"}"
expect "pm adds an activity" 201 "$STATUS"
req "$VIEWER" GET /api/v1/alignment
expect "the alignment report has the activity after the launch" true \
	"$(jget "$TMP/b" "j.findings.some(f => f.rule === 'activity-after-launch' && f.id === $L)")"

# --- rescheduling the release: preview, then move the launch by the same delta
req "$VIEWER" GET "/api/v1/releases/$REL/reschedule?target_date=2027-02-24"
expect "the preview: 14 days later, the launch moves to 2027-02-26" "200 14 2027-02-26" \
	"$STATUS $(jget "$TMP/b" j.delta_days) $(jget "$TMP/b" j.launches[0].new_date)"
req "$VIEWER" GET "/api/v1/releases/$REL/reschedule?target_date=2027-02-31"
expect "a preview to a date that does not exist: 400" "400 target_date" "$STATUS $(jget "$TMP/b" j.error.field)"
req "$PM" POST "/api/v1/releases/$REL/reschedule" '{"target_date":"2027-02-24","version":7}'
expect "reschedule with a stale version: 409, nothing moved" "409 2027-02-10 2027-02-12" \
	"$STATUS $(sql "SELECT target_date FROM releases WHERE id = $REL") $(sql "SELECT launch_date FROM launches WHERE id = $L")"
req "$VIEWER" POST "/api/v1/releases/$REL/reschedule" '{"target_date":"2027-02-24","version":1}'
expect "a viewer cannot reschedule" 403 "$STATUS"
req "$PM" POST "/api/v1/releases/$REL/reschedule" '{"target_date":"2027-02-24","version":1,"move_launches":false}'
expect "reschedule keeping the launch's date" "200 2027-02-24 2027-02-12" \
	"$STATUS $(sql "SELECT target_date FROM releases WHERE id = $REL") $(sql "SELECT launch_date FROM launches WHERE id = $L")"
req "$VIEWER" GET "/api/v1/launches/$L/readiness"
expect "now the launch is before its release: the conflict appears" true \
	"$(jget "$TMP/b" 'j.conflicts.some(c => c.rule === "launch-before-release")')"
req "$PM" POST "/api/v1/releases/$REL/reschedule" '{"target_date":"2027-02-10","version":2,"move_launches":false}'
req "$PM" POST "/api/v1/releases/$REL/reschedule" '{"target_date":"2027-02-24","version":3,"move_launches":true}'
expect "reschedule moving the launch by the same 14 days" "200 1 2027-02-26" \
	"$STATUS $(jget "$TMP/b" j.launches.length) $(sql "SELECT launch_date FROM launches WHERE id = $L")"
req "$VIEWER" GET "/api/v1/launches/$L/history"
expect "the move is in the launch's history" rescheduled "$(jget "$TMP/b" j.items[0].action)"
req "$VIEWER" GET "/api/v1/launches/$L/readiness"
expect "moved together: no before-release conflict" false \
	"$(jget "$TMP/b" 'j.conflicts.some(c => c.rule === "launch-before-release")')"
req "$PM" POST "/api/v1/releases/$REL/reschedule" '{"target_date":"2027-02-24","version":4,"colour":"red"}'
expect "an unknown field: 400 naming it" "400 colour" "$STATUS $(jget "$TMP/b" j.error.field)"

# --- the activity feed: every move recorded, newest first, paged
req "$VIEWER" GET "/api/v1/activity?kind=launches&limit=2"
expect "the feed's newest launch change is the move" "200 rescheduled launches $L 2027-02-12 2027-02-26" \
	"$STATUS $(jget "$TMP/b" j.items[0].action) $(jget "$TMP/b" j.items[0].kind) $(jget "$TMP/b" j.items[0].object_id) $(jget "$TMP/b" j.items[0].changes.launch_date.from) $(jget "$TMP/b" j.items[0].changes.launch_date.to)"
NEXT=$(jget "$TMP/b" j.next_cursor)
req "$VIEWER" GET "/api/v1/activity?kind=launches&limit=2&cursor=$NEXT"
expect "the next page is older" true "$(jget "$TMP/b" "j.items.every(i => i.id < $NEXT)")"
req "$VIEWER" GET "/api/v1/activity?kind=colours"
expect "an unknown kind: 400 naming it" "400 kind" "$STATUS $(jget "$TMP/b" j.error.field)"
req "$VIEWER" GET "/api/v1/activity?limit=0"
expect "a limit of 0: 400 naming it" "400 limit" "$STATUS $(jget "$TMP/b" j.error.field)"

# --- settings: viewers read, leaders change, bad templates named
req "$VIEWER" GET /api/v1/settings/launches
expect "the default lead times and bar" "30 14 3 80" \
	"$(jget "$TMP/b" 'j.lead_days["1"]') $(jget "$TMP/b" 'j.lead_days["2"]') $(jget "$TMP/b" 'j.lead_days["3"]') $(jget "$TMP/b" j.ready_threshold)"
req "$PM" PUT /api/v1/settings/launches '{"ready_threshold":50}'
expect "a pm cannot change the settings" 403 "$STATUS"
req "$LEADER" PUT /api/v1/settings/launches '{"checklist":{"3":[{"item":"Changelog","days_before":1}]}}'
expect "a template item without an owner role: 400 naming it" "400 checklist.3[1]" "$STATUS $(jget "$TMP/b" j.error.field)"
req "$LEADER" PUT /api/v1/settings/launches '{"lead_days":{"1":45},"ready_threshold":90}'
expect "a leader changes the lead time and the bar" "200 45 14 90" \
	"$STATUS $(jget "$TMP/b" 'j.lead_days["1"]') $(jget "$TMP/b" 'j.lead_days["2"]') $(jget "$TMP/b" j.ready_threshold)"

# --- pages: the launch page, ticking from it, the reschedule preview and move
start_server 19300
signin() { curl -s -c "$2" -H "$J" -d "{\"email\":\"$1\",\"password\":\"tandem-demo\"}" "$BASE/api/v1/session" > "$TMP/s"; jget "$TMP/s" j.csrf_token; }
CSRF=$(signin pm@demo.tandem "$TMP/pm.jar")
api GET "/launches/$L" -b "$TMP/pm.jar"
expect "the launch page" 200 "$STATUS"
check "it shows readiness, conflicts, checklist, activities and RACI" sh -c \
	"grep -q 'id=\"readiness\"' $TMP/b && grep -q 'id=\"conflicts\"' $TMP/b && grep -q 'id=\"checklist\"' $TMP/b && grep -q 'id=\"activities\"' $TMP/b && grep -q 'id=\"raci\"' $TMP/b"
check "the activity after the launch is flagged" contains "$TMP/b" "after launch"
api GET "/features/$F" -b "$TMP/pm.jar"
check "the feature's page lists the launch that announces it" sh -c \
	"grep -q 'id=\"launches\"' '$TMP/b' && grep -qF '<a href=\"/launches/$L\">SSO for everyone</a>' '$TMP/b'"
ITEM2=$(sql "SELECT id FROM launch_checklist WHERE launch_id = $L AND done = 0 ORDER BY due, id LIMIT 1")
api POST "/launch-checklist/$ITEM2" -b "$TMP/pm.jar" --data-urlencode "_csrf=$CSRF" -d "done=true&version=1"
expect "ticking from the page returns to the launch's checklist, saying it was saved" "303 /launches/$L?saved=saved#checklist" "$STATUS $(header Location)"
expect "the item is done" 1 "$(sql "SELECT done FROM launch_checklist WHERE id = $ITEM2")"
api POST "/launch-checklist/$ITEM2" -b "$TMP/pm.jar" -d "done=false&version=2"
expect "a page write without the CSRF token: 403" 403 "$STATUS"
api GET "/launches/$L" -b "$TMP/pm.jar"
check "the checklist's tick buttons post to the tick action" contains "$TMP/b" "action=\"/launch-checklist/$ITEM2/tick\""
check "each item's row is where a tick comes back to, focusable" contains "$TMP/b" "<tr id=\"item-$ITEM2\" tabindex=\"-1\""
api POST "/launch-checklist/$ITEM2/tick" -b "$TMP/pm.jar" --data-urlencode "_csrf=$CSRF" -d "done=false&version=1"
expect "a stale tick: 409 on the launch page, saying so" "409 1 1" \
	"$STATUS $(grep -c 'id="tick-error"' "$TMP/b") $(sql "SELECT done FROM launch_checklist WHERE id = $ITEM2")"
api POST "/launch-checklist/$ITEM2/tick" -b "$TMP/pm.jar" --data-urlencode "_csrf=$CSRF" -d "done=false&version=2"
expect "the tick action opens it again and returns to the item, saying so" "303 /launches/$L?done=tick#item-$ITEM2 0" \
	"$STATUS $(header Location) $(sql "SELECT done FROM launch_checklist WHERE id = $ITEM2")"
api POST "/api/v1/launch-checklist/$ITEM2/tick" -H "Authorization: Bearer $(token pm)" -H "$J" -d '{"done":true,"version":3}'
expect "through the API: the item as it is now" "200 true 4" "$STATUS $(jget "$TMP/b" j.done) $(jget "$TMP/b" j.version)"
api POST "/api/v1/launch-checklist/$ITEM2/tick" -H "Authorization: Bearer $(token pm)" -H "$J" -d '{"done":false}'
expect "the API's tick needs the version" "400 version" "$STATUS $(jget "$TMP/b" j.error.field)"
expect "ticks are audited as such" 2 "$(sql "SELECT count(*) FROM audit WHERE kind = 'launch-checklist' AND object_id = $ITEM2 AND action = 'ticked'")"
api GET "/releases/$REL/reschedule?target_date=2027-03-03" -b "$TMP/pm.jar"
expect "the reschedule preview lists the launch it moves" "200 1" "$STATUS $(grep -c "2027-03-05" "$TMP/b")"
api POST "/releases/$REL/reschedule" -b "$TMP/pm.jar" --data-urlencode "_csrf=$CSRF" -d "target_date=2027-03-03&version=4&move_launches=true"
expect "rescheduling from the page moves both" "303 2027-03-03 2027-03-05" \
	"$STATUS $(sql "SELECT target_date FROM releases WHERE id = $REL") $(sql "SELECT launch_date FROM launches WHERE id = $L")"
api POST "/releases/$REL/reschedule" -b "$TMP/pm.jar" --data-urlencode "_csrf=$CSRF" -d "target_date=2027-03-10&version=4&move_launches=true"
expect "a stale reschedule form: 409 with the preview again, nothing moved" "409 2027-03-03" \
	"$STATUS $(sql "SELECT target_date FROM releases WHERE id = $REL")"
check "the stale form says what happened" contains "$TMP/b" "Someone changed this release"
api GET "/releases/$REL/edit" -b "$TMP/pm.jar"
check "the release's edit form shows its date, moved with Reschedule" contains "$TMP/b" "changed with the action on its page"
RV=$(sql "SELECT version FROM releases WHERE id = $REL")
api POST "/releases/$REL" -b "$TMP/pm.jar" --data-urlencode "_csrf=$CSRF" -d "version=$RV&name=2027.2+Enterprise&target_date=2030-01-01&status=planned"
expect "the edit form saves the name but never the date (so launches are never left behind silently)" \
	"303 2027.2 Enterprise 2027-03-03" "$STATUS $(sql "SELECT name || ' ' || target_date FROM releases WHERE id = $REL")"
api GET /settings/launches -b "$TMP/pm.jar"
expect "the settings page (read-only for a pm)" "200 1" "$STATUS $(grep -c 'Only leaders change' "$TMP/b")"
LCSRF=$(signin leader@demo.tandem "$TMP/leader.jar")
api POST /settings/launches -b "$TMP/leader.jar" --data-urlencode "_csrf=$LCSRF" --data-urlencode "lead_1=30" \
	--data-urlencode "lead_2=14" --data-urlencode "lead_3=3" --data-urlencode "ready_threshold=80" \
	--data-urlencode "checklist_3=Changelog entry | 2"
expect "a template line without a role: 400 on the page, naming the line" "400 1" "$STATUS $(grep -c 'checklist.3\[1\]: owner_role must be one of' "$TMP/b")"
api POST /settings/launches -b "$TMP/leader.jar" --data-urlencode "_csrf=$LCSRF" --data-urlencode "lead_1=30" \
	--data-urlencode "lead_2=14" --data-urlencode "lead_3=3" --data-urlencode "ready_threshold=80" \
	--data-urlencode "checklist_3=pm | Changelog entry | 2"
expect "a leader saves the settings from the page" "303 Changelog entry pm 2" \
	"$STATUS $(curl -s -H "Authorization: Bearer $VIEWER" "$BASE/api/v1/settings/launches" > "$TMP/set" && jget "$TMP/set" 'j.checklist["3"].map(i => [i.item, i.owner_role, i.days_before].join(" ")).join()')"
api GET / -b "$TMP/pm.jar"
check "the dashboard lists upcoming launches" contains "$TMP/b" 'id="upcoming-launches"'
check "the dashboard shows recent activity" contains "$TMP/b" 'id="recent-activity"'
api GET "/activity?kind=launches" -b "$TMP/pm.jar"
expect "the activity feed page shows the launch's move" "200 1" "$STATUS $(grep -c 'rescheduled launch <a href="/launches/'"$L"'">SSO for everyone</a>: Launch date 2027-02-26 → 2027-03-05' "$TMP/b")"
api GET "/activity?kind=colours" -b "$TMP/pm.jar"
expect "the feed of an unknown kind: 400" 400 "$STATUS"
stop_server

# --- the CLI
"$TANDEM" launches --db "$DB" > "$TMP/cli" 2>&1
expect "tandem launches exits 0" 0 "$?"
check "tandem launches lists the launch with its readiness" contains "$TMP/cli" "SSO for everyone"
"$TANDEM" launches --db "$DB" --upcoming 30 > "$TMP/cli30" 2>&1
check "--upcoming 30 leaves out a launch 49 days away" lacks "$TMP/cli30" "SSO for everyone"
"$TANDEM" launches --db "$DB" --upcoming 60 --format json > "$TMP/cli60" 2>&1
expect "--upcoming 60 --format json has it, with conflicts" true \
	"$(jget "$TMP/cli60" "j.some(l => l.id === $L && Array.isArray(l.conflicts))")"
"$TANDEM" launches --db "$DB" --upcoming soon > "$TMP/clibad" 2>&1
expect "--upcoming that is not a number: exit 2" 2 "$?"
check "and it says why" contains "$TMP/clibad" "--upcoming must be a whole number"
finish
