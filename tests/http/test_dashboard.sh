#!/bin/sh
# test_dashboard.sh — the first run teaches (a getting-started checklist ticked from the data, findings instead of
# "aligned") and the dashboard shows my work (what names me as owner, what waits for me).
. "$(dirname "$0")/lib.sh"
J="Content-Type: application/json"

# --- an empty workspace
DB=$TMP/empty.db
"$TANDEM" init --admin admin@example.com --db "$DB" > /dev/null 2>&1
ADMIN=$("$TANDEM" token create admin@example.com --db "$DB")
A="Authorization: Bearer $ADMIN"
oneshot GET /api/v1/getting-started "$A"
expect "getting started on an empty workspace: 0 of 7 steps" "200 0 7" "$STATUS $(jget "$TMP/b" j.done) $(jget "$TMP/b" j.total)"
expect "the steps, in the order to take them" "strategy,goal,personas,evidence,capacity,plan,launch" \
	"$(jget "$TMP/b" 'j.steps.map(s => s.id).join()')"
oneshot GET /api/v1/alignment "$A"
expect "an empty workspace is not 'aligned': strategy-missing and no-active-goals" "80 strategy-missing,no-active-goals" \
	"$(jget "$TMP/b" j.score) $(jget "$TMP/b" 'j.findings.map(f => f.rule).join()')"
expect "... and it says what the score cannot judge yet (no evidence, nothing planned, no capacity, no launch, no messaging, no scope)" 6 \
	"$(jget "$TMP/b" j.cannot_judge.length)"
check "... naming the rules it cannot judge" sh -c "grep -q 'feature-no-evidence, demand-concentrated' '$TMP/b'"
"$TANDEM" user passwd admin@example.com --db "$DB" --password-stdin > /dev/null 2>&1 <<PW
a-long-test-password
PW
BODY='{"email":"admin@example.com","password":"a-long-test-password"}' oneshot POST /api/v1/session "$J"
COOKIE=$(header Set-Cookie | cut -d';' -f1)
oneshot GET / "Cookie: $COOKIE"
check "the dashboard shows the checklist" contains "$TMP/b" '<h2>Getting started</h2>'
check "... with the first step as the next one, linked to where it is done" contains "$TMP/b" '<li class="next"><a href="/strategy">'
check "the alignment card links a workspace finding to its kind's page" contains "$TMP/b" '<a href="/strategy">The workspace has no strategy'
check "my work says nothing is owned yet" contains "$TMP/b" 'Nothing names you as its owner yet.'

# a step ticks itself from the data
V=$(jget "$(oneshot GET /api/v1/strategy "$A"; echo "$TMP/b")" j.version)
BODY="{\"vision\":\"Answers in minutes\",\"perspective\":\"Push, not dashboards\",\"version\":$V}" oneshot PUT /api/v1/strategy "$J" "$A"
expect "the strategy is written" 200 "$STATUS"
oneshot GET /api/v1/getting-started "$A"
expect "the strategy step ticks itself; the others wait" "1 true false" \
	"$(jget "$TMP/b" j.done) $(jget "$TMP/b" 'j.steps[0].done') $(jget "$TMP/b" 'j.steps[1].done')"
oneshot GET / "Cookie: $COOKIE"
check "on the dashboard it is ticked and the goal step is next" contains "$TMP/b" '<li class="next"><a href="/goals/new">'

# --- the demo: every step done, so the checklist is gone; my work counts what names me
make_demo
PM=$(token pm)
PM_ID=$(sql "SELECT id FROM users WHERE email = 'pm@demo.tandem'")
oneshot GET /api/v1/getting-started "Authorization: Bearer $PM"
expect "the demo has done every step" "7 7" "$(jget "$TMP/b" j.done) $(jget "$TMP/b" j.total)"
oneshot GET /api/v1/alignment "Authorization: Bearer $PM"
expect "the demo gives every rule something to judge" 0 "$(jget "$TMP/b" j.cannot_judge.length)"
oneshot GET "/api/v1/users/$PM_ID/owned" "Authorization: Bearer $PM"
expect "what the PM owns: goals as PM owner, counted" "$(sql "SELECT count(*) FROM goals WHERE pm_owner = $PM_ID")" \
	"$(jget "$TMP/b" 'j.items.find(i => i.kind === "goals" && i.field === "pm_owner").count')"
expect "... and features as PM owner" "$(sql "SELECT count(*) FROM features WHERE pm_owner = $PM_ID")" \
	"$(jget "$TMP/b" 'j.items.find(i => i.kind === "features" && i.field === "pm_owner").count')"
oneshot GET /api/v1/users/999999/owned "Authorization: Bearer $PM"
expect "a missing person: 404" 404 "$STATUS"
oneshot GET "/api/v1/users/$PM_ID/owned"
expect "without sign-in: 401" 401 "$STATUS"
BODY='{"email":"pm@demo.tandem","password":"tandem-demo"}' oneshot POST /api/v1/session "$J"
COOKIE=$(header Set-Cookie | cut -d';' -f1)
oneshot GET / "Cookie: $COOKIE"
cp "$TMP/b" "$TMP/b.dash"
check "the demo's dashboard has no checklist (all done)" lacks "$TMP/b" '<h2>Getting started</h2>'
check "my work links to the goals that name me, filtered to me" contains "$TMP/b" "<a href=\"/goals?pm_owner=$PM_ID\"><strong>$(sql "SELECT count(*) FROM goals WHERE pm_owner = $PM_ID")</strong> Goals"
WAIT=$(sql "SELECT count(*) FROM features WHERE status IN ('new', 'triage') AND merged_into IS NULL")
check "what waits for a PM: the requests to triage" contains "$TMP/b" "<a href=\"/triage\"><strong>$WAIT</strong> request"
MINE=$(jget "$(oneshot GET '/api/v1/alignment?owner=me' "Authorization: Bearer $PM"; echo "$TMP/b")" j.findings.length)
check "my findings: the count the report's owner=me filter gives, linked to it" \
	contains "$TMP/b.dash" "<a href=\"/alignment?owner=me\"><strong>$MINE</strong> finding"
oneshot GET "/goals?pm_owner=$PM_ID" "Cookie: $COOKIE"
expect "the filtered list the card links to opens" 200 "$STATUS"
finish
