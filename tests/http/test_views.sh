#!/bin/sh
# test_views.sh — saved views: a named filter and sort of a list per user (GET/POST/PATCH/DELETE /api/v1/views), the
# query checked against the list's arguments (and again when opened), own or shared, /views/{id} opening the list at
# its query, the links and the save form above every list; roles, bad input (nothing changed), the page faces.
. "$(dirname "$0")/lib.sh"
make_demo
PM=$(token pm)
VIEWER=$(token viewer)
ADMIN=$(token admin)
J="Content-Type: application/json"
A="Authorization: Bearer $PM"
V="Authorization: Bearer $VIEWER"
PM_ID=$(sql "SELECT id FROM users WHERE email = 'pm@demo.tandem'")
expect "the demo has the PM's two shared views and the PMM's own" "2 1" \
	"$(sql "SELECT sum(shared) || ' ' || sum(1 - shared) FROM views")"
oneshot GET "/api/v1/views" "Authorization: Bearer $(token pmm)"
expect "... the PMM sees the shared ones and theirs" "3" "$(jget "$TMP/b" j.items.length)"
oneshot GET "/api/v1/views" "$V"
expect "... a viewer only the shared ones" "2" "$(jget "$TMP/b" j.items.length)"
sql "DELETE FROM views; DELETE FROM audit WHERE kind = 'views'" # this script counts its own views from none
state() { sql "SELECT count(*) || ':' || coalesce(sum(version), 0) || ':' || coalesce(group_concat(name || '|' || query || '|' || shared), '') FROM views"; }

# --- create: the owner is the creator, the query kept re-encoded without empty arguments
BODY='{"name":"Unlinked evidence","kind":"insights","query":"linked=false&source=&sort=-observed_at","owner_id":1}' \
	oneshot POST /api/v1/views "$J" "$A"
expect "a PM saves a view: 201" 201 "$STATUS"
VID=$(jget "$TMP/b" j.id)
expect "... owned by its creator, whatever was sent" "$PM_ID" "$(jget "$TMP/b" j.owner_id)"
expect "... the query without the empty filter" "linked=false&sort=-observed_at" "$(jget "$TMP/b" j.query)"
expect "... private unless shared" false "$(jget "$TMP/b" j.shared)"
BODY='{"name":"Planned by score","kind":"features","query":"?status=planned&sort=-score&q=slack%20alerts"}' \
	oneshot POST /api/v1/views "$J" "$A"
expect "a view of the backlog (sorted by the computed score, with a search; a leading ? dropped)" \
	"201 status=planned&sort=-score&q=slack%20alerts" "$STATUS $(jget "$TMP/b" j.query)"
FID=$(jget "$TMP/b" j.id)
BODY='{"name":"Everything","kind":"features","query":"all=1"}' oneshot POST /api/v1/views "$J" "$A"
expect "all=1 (the list page's own argument) may be kept" 201 "$STATUS"
BODY='{"name":"My own","kind":"accounts","query":"sort=-arr"}' oneshot POST /api/v1/views "$J" "$V"
expect "a viewer may save views of their own" 201 "$STATUS"
VV=$(jget "$TMP/b" j.id)

# --- bad input: 400 naming the field, nothing changed
BEFORE=$(state)
bad() { # NAME FIELD BODY
	BODY=$3 oneshot POST /api/v1/views "$J" "$A"
	expect "$1: 400 naming $2" "400 $2" "$STATUS $(jget "$TMP/b" j.error.field)"
}
bad "an argument the list does not take" query '{"name":"x","kind":"insights","query":"colour=red"}'
bad "a sort the list does not have" query '{"name":"x","kind":"insights","query":"sort=text"}'
bad "a value not among the choices" query '{"name":"x","kind":"features","query":"status=exploded"}'
bad "a malformed date range" query '{"name":"x","kind":"insights","query":"observed_at_from=yesterday"}'
bad "a page position" query '{"name":"x","kind":"insights","query":"cursor=50"}'
bad "a limit over 200" query '{"name":"x","kind":"insights","query":"limit=5000"}'
bad "an argument given twice" query '{"name":"x","kind":"insights","query":"source=review&source=sales"}'
bad "a kind that does not exist" kind '{"name":"x","kind":"spaceships","query":""}'
bad "a view of views" kind '{"name":"x","kind":"views","query":""}'
bad "a child kind with no list page of its own" kind '{"name":"x","kind":"launch-checklist","query":""}'
bad "no name" name '{"kind":"insights","query":"linked=false"}'
bad "a name too long" name "{\"name\":\"$(printf '%0130d' 0)\",\"kind\":\"insights\"}"
bad "shared not a boolean" shared '{"name":"x","kind":"insights","shared":"maybe"}'
BODY='{"name":"x","kind":"insights","query":"sort=text"}' oneshot POST /api/v1/views "$J" "$A"
check "... the message says what the list refused" contains "$TMP/b" "cannot be sorted by text"
expect "the refused views changed nothing" "$BEFORE" "$(state)"

# --- who sees what: their own and the shared ones; admins all
oneshot GET /api/v1/views "$V"
expect "a viewer lists only their own view (the PM's are private)" "200 [$VV]" "$STATUS $(jget "$TMP/b" 'JSON.stringify(j.items.map(i => i.id))')"
oneshot GET "/api/v1/views/$VID" "$V"
expect "another's private view is not found" 404 "$STATUS"
oneshot GET "/api/v1/views/$VID/history" "$V"
expect "... nor its history" 404 "$STATUS"
oneshot GET "/api/v1/views?kind=insights" "$A"
expect "the owner lists theirs, filtered by kind" "200 1 Unlinked evidence" "$STATUS $(jget "$TMP/b" j.items.length) $(jget "$TMP/b" j.items[0].name)"
oneshot GET /api/v1/views "Authorization: Bearer $ADMIN"
expect "an admin lists every view" "200 4" "$STATUS $(jget "$TMP/b" j.items.length)"

# --- change: only the owner (and admins)
VER=$(sql "SELECT version FROM views WHERE id = $VID")
BODY="{\"version\":$VER,\"name\":\"Unlinked reviews\",\"shared\":true}" oneshot PATCH "/api/v1/views/$VID" "$J" "$A"
expect "the owner renames and shares it" "200 Unlinked reviews true" "$STATUS $(jget "$TMP/b" j.name) $(jget "$TMP/b" j.shared)"
oneshot GET /api/v1/views "$V"
expect "a shared view is listed for everyone" "200 2" "$STATUS $(jget "$TMP/b" j.items.length)"
oneshot GET "/api/v1/views/$VID" "$V"
expect "... and found" 200 "$STATUS"
BEFORE=$(state)
VER=$(sql "SELECT version FROM views WHERE id = $VID")
BODY="{\"version\":$VER,\"name\":\"Mine now\"}" oneshot PATCH "/api/v1/views/$VID" "$J" "$V"
expect "a viewer may not rename another's shared view" 403 "$STATUS"
oneshot DELETE "/api/v1/views/$VID" "$V"
expect "... nor delete it" 403 "$STATUS"
BODY="{\"version\":$VER,\"name\":\"Mine now\"}" oneshot PATCH "/api/v1/views/$VID" "$J" "Authorization: Bearer $(token pmm)"
expect "nor may another PM" 403 "$STATUS"
BODY="{\"version\":$VER,\"query\":\"linked=perhaps\"}" oneshot PATCH "/api/v1/views/$VID" "$J" "$A"
expect "a changed query is checked again: 400 naming query" "400 query" "$STATUS $(jget "$TMP/b" j.error.field)"
BODY="{\"version\":$VER,\"kind\":\"accounts\"}" oneshot PATCH "/api/v1/views/$VID" "$J" "$A"
expect "... against the kind it is moved to (accounts have no linked filter)" "400 query" "$STATUS $(jget "$TMP/b" j.error.field)"
BODY="{\"version\":$VER,\"owner_id\":$(sql "SELECT id FROM users WHERE email = 'viewer@demo.tandem'")}" oneshot PATCH "/api/v1/views/$VID" "$J" "$A"
expect "the owner cannot be changed (read-only)" "$PM_ID" "$(sql "SELECT owner_id FROM views WHERE id = $VID")"
expect "the refused changes changed nothing (but the ignored owner)" "$(echo "$BEFORE" | cut -d: -f1)" "$(state | cut -d: -f1)"
VER=$(sql "SELECT version FROM views WHERE id = $FID")
BODY="{\"version\":$VER,\"name\":\"Planned, by score\"}" oneshot PATCH "/api/v1/views/$FID" "$J" "Authorization: Bearer $ADMIN"
expect "an admin may change anyone's view" 200 "$STATUS"
oneshot DELETE "/api/v1/views/$FID" "$A"
expect "the owner deletes theirs" "204 0" "$STATUS $(sql "SELECT count(*) FROM views WHERE id = $FID")"
expect "... audited" 1 "$(sql "SELECT count(*) FROM audit WHERE kind = 'views' AND object_id = $FID AND action = 'deleted'")"

# --- the pages: /views/{id} opens the list at its query
BODY='{"email":"pm@demo.tandem","password":"tandem-demo"}' oneshot POST /api/v1/session "$J"
COOKIE=$(header Set-Cookie | cut -d';' -f1)
CSRF=$(jget "$TMP/b" j.csrf_token)
oneshot GET "/views/$VID" "Cookie: $COOKIE"
expect "/views/{id} sends the browser to the list at the view's query" "303 /insights?linked=false&sort=-observed_at" \
	"$STATUS $(header Location)"
oneshot GET "/views/$VV" "Cookie: $COOKIE"
expect "another's private view: 404 page" 404 "$STATUS"
oneshot GET "/insights?linked=false&sort=-observed_at" "Cookie: $COOKIE"
expect "the list page opens" 200 "$STATUS"
check "... with the saved views above it, linked to their query" contains "$TMP/b" \
	'<a href="/insights?linked=false&amp;sort=-observed_at" aria-current="page">Unlinked reviews</a>'
check "... and a form that saves the list as it is" contains "$TMP/b" \
	'<input type="hidden" name="kind" value="insights"><input type="hidden" name="query" value="linked=false&amp;sort=-observed_at">'
check "... the owner's own view with Edit and Delete" contains "$TMP/b" "action=\"/views/$VID/delete\""
oneshot GET "/insights?cursor=50&source=review" "Cookie: $COOKIE"
check "the save form leaves out the page position" contains "$TMP/b" 'name="query" value="source=review"'
oneshot GET "/accounts" "Cookie: $COOKIE"
check "the viewer's private view is not above the PM's accounts list" lacks "$TMP/b" "My own"
BODY="_csrf=$CSRF&kind=features&query=status%3Dplanned%26sort%3D-score&name=Planned+%3Cnow%3E" \
	oneshot POST /views "Cookie: $COOKIE" "Content-Type: application/x-www-form-urlencoded"
NEW=$(sql "SELECT max(id) FROM views")
expect "Save this view: created, and on to the view" "303 /views/$NEW?saved=created" "$STATUS $(header Location)"
oneshot GET "/views/$NEW?saved=created" "Cookie: $COOKIE"
expect "... which opens the backlog at its query" "303 /features?status=planned&sort=-score" "$STATUS $(header Location)"
oneshot GET "/features?status=planned&sort=-score" "Cookie: $COOKIE"
check "... where the view is the current one, its name escaped" contains "$TMP/b" 'aria-current="page">Planned &lt;now&gt;</a>'
BEFORE=$(state)
BODY="_csrf=$CSRF&kind=features&query=sort%3Dnope&name=Bad" \
	oneshot POST /views "Cookie: $COOKIE" "Content-Type: application/x-www-form-urlencoded"
expect "a refused form shows the form again with the message" 400 "$STATUS"
check "... naming what the list refused" contains "$TMP/b" "cannot be sorted by nope"
expect "... and nothing changed" "$BEFORE" "$(state)"
# a list that changed since: the query is checked again when opened
sql "UPDATE views SET query = 'colour=red' WHERE id = $NEW"
oneshot GET "/views/$NEW" "Cookie: $COOKIE"
expect "a view that no longer fits its list: 400 page, no redirect" "400 " "$STATUS $(header Location)"
check "... saying why" contains "$TMP/b" "Features cannot be filtered by colour"
oneshot GET "/" "Cookie: $COOKIE"
check "the dashboard lists the user's views" contains "$TMP/b" "<a href=\"/views/$VID\">Unlinked reviews</a>"
BODY="_csrf=$CSRF" oneshot POST "/views/$NEW/delete" "Cookie: $COOKIE" "Content-Type: application/x-www-form-urlencoded"
expect "Delete from the list page" "303 0" "$STATUS $(sql "SELECT count(*) FROM views WHERE id = $NEW")"
finish
