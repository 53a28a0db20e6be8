#!/bin/sh
# test_wins.sh — wins (GET/POST /api/v1/wins, /wins, the dashboard, the activity feed): a measurement that reaches a
# goal's target in its direction records one win, a second does not; a launch becoming launched and a feature's
# success_actual reaching its target each record one; by hand only manual wins, by a pm or pmm; bad input refused.
. "$(dirname "$0")/lib.sh"
make_demo
J="Content-Type: application/json"
PM="Authorization: Bearer $(token pm)"
C="Authorization: Bearer $(token contributor)"
V="Authorization: Bearer $(token viewer)"
PM_ID=$(sql "SELECT id FROM users WHERE email = 'pm@demo.tandem'")
count() { sql "SELECT count(*) FROM wins WHERE source = '$1' AND source_id = $2"; }
# a goal to lower a metric: from 42 down to 12, now at 18
G=$(sql "SELECT id FROM goals WHERE baseline > target AND current > target ORDER BY id LIMIT 1")
TARGET=$(sql "SELECT target FROM goals WHERE id = $G")

# --- a goal: met by going down, once
BODY='{"value":20}' oneshot POST "/api/v1/goals/$G/measurements" "$J" "$PM"
expect "a measurement moving away from the target: no win" "201 0" "$STATUS $(count goal "$G")"
BODY="{\"value\":$TARGET}" oneshot POST "/api/v1/goals/$G/measurements" "$J" "$PM"
expect "a measurement at the target of a goal to lower it: one win" "201 1" "$STATUS $(count goal "$G")"
WIN=$(sql "SELECT id FROM wins WHERE source = 'goal' AND source_id = $G")
expect "... thanking the goal's owners" "$(sql "SELECT group_concat(x, ',') FROM (SELECT pm_owner x FROM goals WHERE id = $G UNION SELECT pmm_owner FROM goals WHERE id = $G AND pmm_owner IS NOT NULL ORDER BY x)")" \
	"$(sql "SELECT group_concat(user_id, ',') FROM (SELECT user_id FROM win_thanks WHERE win_id = $WIN ORDER BY user_id)")"
BODY='{"value":9}' oneshot POST "/api/v1/goals/$G/measurements" "$J" "$PM"
expect "a second measurement past the target: no second win" "201 1" "$STATUS $(count goal "$G")"
oneshot GET "/api/v1/wins/$WIN" "$V"
expect "the win reads (a viewer may)" "200 goal $G" "$STATUS $(jget "$TMP/b" j.source) $(jget "$TMP/b" j.source_id)"

# --- a launch becoming launched
L=$(sql "SELECT min(id) FROM launches WHERE status <> 'launched'")
V1=$(sql "SELECT version FROM launches WHERE id = $L")
BODY='{"status":"launched"}' oneshot PATCH "/api/v1/launches/$L" "$J" "$PM" "If-Match: $V1"
expect "a launch marked launched: one win" "200 1" "$STATUS $(count launch "$L")"
BODY='{"summary":"It is out"}' oneshot PATCH "/api/v1/launches/$L" "$J" "$PM" "If-Match: $((V1 + 1))"
expect "... another edit of the launched launch: still one" "200 1" "$STATUS $(count launch "$L")"

# --- a feature's success
F=$(sql "SELECT id FROM features WHERE success_target > success_baseline AND success_actual IS NULL ORDER BY id LIMIT 1")
FT=$(sql "SELECT success_target FROM features WHERE id = $F")
FV=$(sql "SELECT version FROM features WHERE id = $F")
BODY='{"success_actual":1}' oneshot PATCH "/api/v1/features/$F" "$J" "$PM" "If-Match: $FV"
expect "a feature short of its success target: no win" "200 0" "$STATUS $(count feature "$F")"
BODY="{\"success_actual\":$FT}" oneshot PATCH "/api/v1/features/$F" "$J" "$PM" "If-Match: $((FV + 1))"
expect "a feature at its success target: one win" "200 1" "$STATUS $(count feature "$F")"

# --- by hand: manual, pm and up
BODY='{"title":"First agency signed in Italy","note":"Thanks **all**"}' oneshot POST /api/v1/wins "$J" "$PM"
expect "a pm records a win by hand: 201 manual, today" "201 manual $(date -u +%F) $PM_ID" \
	"$STATUS $(jget "$TMP/b" j.source) $(jget "$TMP/b" j.at) $(jget "$TMP/b" j.recorded_by)"
BEFORE=$(sql "SELECT count(*) FROM wins")
BODY='{"title":"Me too"}' oneshot POST /api/v1/wins "$J" "$C"
expect "a contributor may not: 403" 403 "$STATUS"
bad() { # NAME FIELD BODY
	BODY=$3 oneshot POST /api/v1/wins "$J" "$PM"
	expect "$1: 400 naming $2" "400 $2" "$STATUS $(jget "$TMP/b" j.error.field)"
}
bad "a goal win by hand" source "{\"title\":\"Fake\",\"source\":\"goal\",\"source_id\":$G}"
bad "a manual win with a source id" source_id '{"title":"Fake","source_id":3}'
bad "no title" title '{"note":"x"}'
bad "an unknown source" source '{"title":"x","source":"luck"}'
bad "thanks to nobody" thanks '{"title":"x","thanks":[999999]}'
WV=$(sql "SELECT version FROM wins WHERE id = $WIN")
BODY='{"source":"manual"}' oneshot PATCH "/api/v1/wins/$WIN" "$J" "$PM" "If-Match: $WV"
expect "a win keeps its source: 400 naming source" "400 source" "$STATUS $(jget "$TMP/b" j.error.field)"
expect "... nothing changed" "$BEFORE" "$(sql "SELECT count(*) FROM wins")"

# --- lists, the dashboard, the activity feed
oneshot GET "/api/v1/wins?source=goal" "$V"
expect "GET /api/v1/wins?source=goal" "200 true" "$STATUS $(jget "$TMP/b" "j.items.some(i => i.id === $WIN)")"
oneshot GET /wins "$PM"
expect "/wins lists them" 200 "$STATUS"
check "... the hand-made one" contains "$TMP/b" "First agency signed in Italy"
oneshot GET / "$PM"
check "the dashboard celebrates recent wins" contains "$TMP/b" 'id="wins"'
check "... naming the win" contains "$TMP/b" "First agency signed in Italy"
oneshot GET "/api/v1/activity?kind=wins" "$V"
expect "the activity feed shows the wins" "200 true" "$STATUS $(jget "$TMP/b" "j.items.some(i => i.object_id === $WIN && i.action === 'created')")"
finish
