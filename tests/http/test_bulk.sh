#!/bin/sh
# test_bulk.sh — many insights at once: link to a feature, tag, dismiss (POST /api/v1/insights/bulk and the list's
# form); all or nothing, every bad input a 400 naming its field with nothing changed.
. "$(dirname "$0")/lib.sh"
make_demo
PM=$(token pm)
A="Authorization: Bearer $PM"
J="Content-Type: application/json"
state() { sql "SELECT (SELECT count(*) || '/' || coalesce(sum(importance), 0) FROM feature_insights) || ' ' || (SELECT group_concat(version) FROM insights)"; }
F=$(sql "SELECT max(id) FROM features WHERE merged_into IS NULL AND status <> 'declined'")
IDS=$(sql "SELECT group_concat(id) FROM (SELECT id FROM insights WHERE id NOT IN (SELECT insight_id FROM feature_insights WHERE feature_id = $F) ORDER BY id LIMIT 3)")
BEFORE=$(state)
BODY="{\"ids\":[$IDS],\"action\":\"link\",\"feature_id\":$F,\"importance\":3}" oneshot POST /api/v1/insights/bulk "$J" "$A"
expect "bulk link: three insights linked to the feature in one request" "200 3" "$STATUS $(jget "$TMP/b" j.count)"
expect "... each with the importance given" 3 "$(sql "SELECT count(*) FROM feature_insights WHERE feature_id = $F AND importance = 3 AND insight_id IN ($IDS)")"
expect "... each link audited on the feature" 3 "$(sql "SELECT count(*) FROM audit WHERE kind = 'features' AND object_id = $F AND action LIKE '%evidence%'")"
BODY="{\"ids\":[$IDS],\"action\":\"tag\",\"tag\":\"q1-review\"}" oneshot POST /api/v1/insights/bulk "$J" "$A"
expect "bulk tag: the tag added to each" "200 3" "$STATUS $(sql "SELECT count(*) FROM insights WHERE id IN ($IDS) AND tags LIKE '%q1-review%'")"
BODY="{\"ids\":[$IDS],\"action\":\"tag\",\"tag\":\"q1-review\"}" oneshot POST /api/v1/insights/bulk "$J" "$A"
expect "tagging again adds it once" 3 "$(sql "SELECT count(*) FROM insights WHERE id IN ($IDS) AND tags LIKE '%q1-review%' AND tags NOT LIKE '%q1-review%q1-review%'")"
ONE=$(echo "$IDS" | cut -d, -f1)
BODY="{\"ids\":[$ONE],\"action\":\"dismiss\"}" oneshot POST /api/v1/insights/bulk "$J" "$A"
expect "bulk dismiss" "200 1" "$STATUS $(sql "SELECT dismissed FROM insights WHERE id = $ONE")"

# bad input: 400 naming the field, nothing changed
BEFORE=$(state)
BODY="{\"ids\":[$ONE,999999],\"action\":\"dismiss\"}" oneshot POST /api/v1/insights/bulk "$J" "$A"
expect "an unknown id: 400 naming ids" "400 ids" "$STATUS $(jget "$TMP/b" j.error.field)"
MANY=$(i=1; while [ $i -le 1001 ]; do printf '%d,' $i; i=$((i + 1)); done | sed 's/,$//')
BODY="{\"ids\":[$MANY],\"action\":\"dismiss\"}" oneshot POST /api/v1/insights/bulk "$J" "$A"
expect "over 1000 ids at once: 400 naming ids" "400 ids" "$STATUS $(jget "$TMP/b" j.error.field)"
BODY="{\"ids\":[$IDS],\"action\":\"explode\"}" oneshot POST /api/v1/insights/bulk "$J" "$A"
expect "an unknown action: 400 naming action" "400 action" "$STATUS $(jget "$TMP/b" j.error.field)"
BODY="{\"ids\":[$IDS],\"action\":\"link\"}" oneshot POST /api/v1/insights/bulk "$J" "$A"
expect "link without the feature: 400 naming feature_id" "400 feature_id" "$STATUS $(jget "$TMP/b" j.error.field)"
BODY="{\"ids\":[$IDS],\"action\":\"tag\"}" oneshot POST /api/v1/insights/bulk "$J" "$A"
expect "tag without the tag: 400 naming tag" "400 tag" "$STATUS $(jget "$TMP/b" j.error.field)"
BODY="{\"ids\":[$IDS],\"action\":\"dismiss\"}" oneshot POST /api/v1/insights/bulk "$J" "Authorization: Bearer $(token viewer)"
expect "a viewer may not: 403" 403 "$STATUS"
BODY="{\"ids\":[$IDS],\"action\":\"dismiss\"}" oneshot POST /api/v1/insights/bulk "$J" "Authorization: Bearer $(token contributor)"
expect "nor a contributor (others' insights): 403" 403 "$STATUS"
expect "the refused requests changed nothing" "$BEFORE" "$(state)"

# the list page: a checkbox per row and the form; a refused form shows the list again with the message
BODY='{"email":"pm@demo.tandem","password":"tandem-demo"}' oneshot POST /api/v1/session "$J"
COOKIE=$(header Set-Cookie | cut -d';' -f1)
CSRF=$(jget "$TMP/b" j.csrf_token)
oneshot GET /insights "Cookie: $COOKIE"
check "the insights list has a checkbox per row for the bulk form" contains "$TMP/b" "name=\"ids\" value=\"$ONE\" form=\"insights-bulk-form\""
check "... and the bulk form" contains "$TMP/b" 'action="/insights/bulk"'
TWO=$(echo "$IDS" | cut -d, -f2)
BODY="_csrf=$CSRF&action=link&feature_id=$F&importance=&ids=$TWO" oneshot POST /insights/bulk "Cookie: $COOKIE" \
	"Content-Type: application/x-www-form-urlencoded"
expect "the form links and goes back to the list, saying what it did (an empty importance is the default)" \
	"303 /insights?done=link&count=1" "$STATUS $(header Location)"
oneshot GET "/insights?done=link&count=1" "Cookie: $COOKIE"
check "... the list confirms it" contains "$TMP/b" '<p class="notice" role="status" id="saved">1 insight linked to the feature.</p>'
oneshot GET "/insights?source=review&sort=-observed_at" "Cookie: $COOKIE"
check "the bulk form carries the list's query, to come back to it" contains "$TMP/b" 'name="back" value="source=review&amp;sort=-observed_at"'
BODY="_csrf=$CSRF&action=tag&tag=later&ids=$TWO&back=source%3Dreview%26sort%3D-observed_at" oneshot POST /insights/bulk \
	"Cookie: $COOKIE" "Content-Type: application/x-www-form-urlencoded"
expect "... and returns to the same filters, saying what it did" "303 /insights?source=review&sort=-observed_at&done=tag&count=1" \
	"$STATUS $(header Location)"
BODY="_csrf=$CSRF&action=tag&tag=later&ids=$TWO&back=%0d%0aSet-Cookie:%20x" oneshot POST /insights/bulk \
	"Cookie: $COOKIE" "Content-Type: application/x-www-form-urlencoded"
expect "a back with a line break is dropped, never a header" "303 /insights?done=tag&count=1" "$STATUS $(header Location)"
BEFORE=$(state)
BODY="_csrf=$CSRF&action=link&importance=2&ids=$TWO" oneshot POST /insights/bulk "Cookie: $COOKIE" \
	"Content-Type: application/x-www-form-urlencoded"
expect "a refused form: 400 with the list again" 400 "$STATUS"
check "... the message beside the form" contains "$TMP/b" 'linking needs the feature'
expect "... and nothing changed" "$BEFORE" "$(state)"
finish
