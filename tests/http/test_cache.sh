#!/bin/sh
# test_cache.sh — answers known before they are made are never stale: a GET's ETag comes from what the answer depends
# on and the workspace's change counter, so a matching If-None-Match is a 304 without rendering — until any write
# (through the API, a form, the CLI in another process, an import) changes it, when the next read renders again; two
# people never share a key; reads do not move the counter; the same key is the same bytes.
. "$(dirname "$0")/lib.sh"
make_demo
J="Content-Type: application/json"
clock() { sql "SELECT n FROM workspace_clock"; }
start_server 20800
api POST /api/v1/session -H "$J" -d '{"email":"pm@demo.tandem","password":"tandem-demo"}'
PM=$(header Set-Cookie | cut -d';' -f1)
CSRF=$(jget "$TMP/b" j.csrf_token)
api POST /api/v1/session -H "$J" -d '{"email":"viewer@demo.tandem","password":"tandem-demo"}'
VIEWER=$(header Set-Cookie | cut -d';' -f1)
GOAL=$(sql "SELECT min(id) FROM goals")

api GET /goals -H "Cookie: $PM"
E1=$(header ETag)
cp "$TMP/b" "$TMP/goals1.html"
check "a page has an ETag" test -n "$E1"
C=$(clock)
api GET /goals -H "Cookie: $PM"
expect "the same page again: the same key, the same bytes" "$E1 $(cksum < "$TMP/goals1.html")" "$(header ETag) $(cksum < "$TMP/b")"
expect "... reading moves no counter" "$C" "$(clock)"
api GET /goals -H "Cookie: $PM" -H "If-None-Match: $E1"
expect "If-None-Match with it: 304, no body" "304 0" "$STATUS $(cat "$TMP/b" 2>/dev/null | wc -c)"
api GET /goals -H "Cookie: $VIEWER" -H "If-None-Match: $E1"
expect "another person with the same If-None-Match: 200, their own key" "200 true" "$STATUS $([ "$(header ETag)" != "$E1" ] && echo true)"
api GET "/goals?sort=title" -H "Cookie: $PM" -H "If-None-Match: $E1"
expect "another query: 200" 200 "$STATUS"
# answers kept in memory: each person gets their own, with its headers
api GET /goals -H "Cookie: $PM"
cp "$TMP/b" "$TMP/pm.html"
expect "a page from the render cache: the same bytes, its headers" "$(cksum < "$TMP/goals1.html") text/html; charset=utf-8 yes" \
	"$(cksum < "$TMP/b") $(header Content-Type) $([ -n "$(header Content-Security-Policy)" ] && echo yes)"
api GET /goals -H "Cookie: $VIEWER"
api GET /goals -H "Cookie: $VIEWER"
check "two roles never see each other's page: the pm's has New goal, the viewer's (cached) not" sh -c \
	"grep -q 'href=\"/goals/new\"' '$TMP/pm.html' && ! grep -q 'href=\"/goals/new\"' '$TMP/b'"
check "... nor each other's CSRF token" sh -c "! grep -q '$CSRF' '$TMP/b'"

# a write through the API
V=$(sql "SELECT version FROM goals WHERE id = $GOAL")
api PATCH "/api/v1/goals/$GOAL" -H "Cookie: $PM" -H "X-CSRF-Token: $CSRF" -H "$J" -d "{\"title\":\"Written through the API\",\"version\":$V}"
expect "a PATCH: 200" 200 "$STATUS"
api GET /goals -H "Cookie: $PM" -H "If-None-Match: $E1"
expect "... the next read renders again, with the change" "200 true" "$STATUS $(grep -q 'Written through the API' "$TMP/b" && echo true)"
E2=$(header ETag)
check "... under a new key" test "$E2" != "$E1"

# the CLI in another process while the server runs
"$TANDEM" edit goals "$GOAL" "title=Written by the CLI" --db "$DB" > /dev/null 2>&1
api GET /goals -H "Cookie: $PM" -H "If-None-Match: $E2"
expect "the CLI writes: the next read shows it" "200 true" "$STATUS $(grep -q 'Written by the CLI' "$TMP/b" && echo true)"
E3=$(header ETag)

# a form
api GET "/goals/$GOAL" -H "Cookie: $PM"
GE=$(header ETag)
api POST "/goals/$GOAL/measurements" -H "Cookie: $PM" --data-urlencode "_csrf=$CSRF" --data-urlencode "at=$(date -u +%F)" \
	--data-urlencode "value=17" --data-urlencode "source=form"
expect "a measurement from the goal's form: 303" 303 "$STATUS"
api GET "/goals/$GOAL" -H "Cookie: $PM" -H "If-None-Match: $GE"
expect "... its page renders again" "200 true" "$STATUS $(grep -q '>form<' "$TMP/b" && echo true)"
api GET /goals -H "Cookie: $PM" -H "If-None-Match: $E3"
expect "... and so does the list that shows it" 200 "$STATUS"

# an import
api GET /insights -H "Cookie: $PM"
IE=$(header ETag)
printf 'text,source\n"Cache me if you can: exports must finish by nine",interview\n' > "$TMP/i.csv"
api POST "/api/v1/insights/import?format=generic&map=text=text,source=source" -H "Cookie: $PM" -H "X-CSRF-Token: $CSRF" \
	-H "Content-Type: text/csv" --data-binary "@$TMP/i.csv"
expect "an import: 200" 200 "$STATUS"
api GET /insights -H "Cookie: $PM" -H "If-None-Match: $IE"
expect "... the insights page renders again with it" "200 true" "$STATUS $(grep -q 'Cache me if you can' "$TMP/b" && echo true)"

# the API answers the same way
api GET /api/v1/goals -H "Cookie: $PM"
AE=$(header ETag)
api GET /api/v1/goals -H "Cookie: $PM" -H "If-None-Match: $AE"
expect "an API list: 304 for its key" 304 "$STATUS"
"$TANDEM" edit goals "$GOAL" "title=Changed again" --db "$DB" > /dev/null 2>&1
api GET /api/v1/goals -H "Cookie: $PM" -H "If-None-Match: $AE"
expect "... 200 after a write" "200 Changed again" "$STATUS $(jget "$TMP/b" "j.items.find(g => g.id === $GOAL).title")"
api GET "/api/v1/goals/999999" -H "Cookie: $PM"
expect "a missing object: 404 without an ETag" "404 " "$STATUS $(header ETag)"

# a backup restored: the workspace's history starts over, and no earlier key can match what it shows
TOKEN=$("$TANDEM" token create pm@demo.tandem --db "$DB")
"$TANDEM" backup "$TMP/before.db" --db "$DB" > /dev/null
api GET /api/v1/goals -H "Authorization: Bearer $TOKEN"
BE=$(header ETag)
"$TANDEM" edit goals "$GOAL" "title=After the backup" --db "$DB" > /dev/null 2>&1
api GET /api/v1/goals -H "Authorization: Bearer $TOKEN"
AFTER=$(header ETag)
stop_server
# the same answers with the cache off
SERVE_ARGS="--no-cache" start_server 20800
api GET /api/v1/goals -H "Authorization: Bearer $TOKEN" -H "If-None-Match: $AFTER"
expect "--no-cache: the same key, a 304 all the same" 304 "$STATUS"
api GET /goals -H "Cookie: $PM"
expect "... pages render" "200 true" "$STATUS $(grep -q 'After the backup' "$TMP/b" && echo true)"
stop_server
"$TANDEM" serve --db "$DB" --cache-mb lots > /dev/null 2> "$TMP/err"
expect "--cache-mb lots: exit 2" 2 "$?"
"$TANDEM" restore "$TMP/before.db" --db "$DB" > /dev/null
"$TANDEM" edit goals "$GOAL" "title=Another history" --db "$DB" > /dev/null 2>&1
start_server 20800
api GET /api/v1/goals -H "Authorization: Bearer $TOKEN" -H "If-None-Match: $AFTER"
expect "after a restore and a new write, the key of the lost history: 200 with what is there now" "200 Another history" \
	"$STATUS $(jget "$TMP/b" "j.items.find(g => g.id === $GOAL).title")"
api GET /api/v1/goals -H "Authorization: Bearer $TOKEN" -H "If-None-Match: $BE"
expect "... nor the key from before the backup" 200 "$STATUS"
stop_server
finish
