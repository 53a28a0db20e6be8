# test_oneshot.sh — requests through `tandem http` (no port): health, OpenAPI, sign-in required, bearer tokens.
. "$(dirname "$0")/lib.sh"
make_demo

oneshot GET /healthz
expect "healthz answers 200" 200 "$STATUS"
expect "tandem http exits 0" 0 "$RC"
check "healthz body is {\"status\":\"ok\"}" contains "$TMP/b" '{"status":"ok"}'
expect "healthz is JSON" "application/json" "$(header Content-Type)"
expect "nosniff header" nosniff "$(header X-Content-Type-Options)"
expect "frame denial header" DENY "$(header X-Frame-Options)"
check "one-shot answers close the connection" contains "$TMP/h" "Connection: close"

oneshot GET /api/v1/openapi.json
expect "openapi.json is public" 200 "$STATUS"
expect "openapi version 3.1.0" 3.1.0 "$(jget "$TMP/b" j.openapi)"
expect "openapi documents GET /api/v1/goals" true "$(jget "$TMP/b" '!!j.paths["/api/v1/goals"].get')"
expect "openapi documents PATCH /api/v1/accounts/{id}" true "$(jget "$TMP/b" '!!j.paths["/api/v1/accounts/{id}"].patch')"
expect "openapi has no page routes" false "$(jget "$TMP/b" '"/login" in j.paths || "/goals" in j.paths')"

oneshot GET /api/v1/goals
expect "anonymous API request gets 401" 401 "$STATUS"
expect "401 error code" unauthorized "$(jget "$TMP/b" j.error.code)"
check "401 shows no data" lacks "$TMP/b" "Cut time to first insight"

oneshot GET /goals
expect "anonymous page gets 303" 303 "$STATUS"
expect "303 goes to /login with next" "/login?next=%2Fgoals" "$(header Location)"
oneshot GET /
expect "anonymous dashboard gets 303 to /login" "303 /login?next=%2F" "$STATUS $(header Location)"

oneshot GET /login
expect "sign-in page is public" 200 "$STATUS"
check "sign-in page is HTML" sh -c "grep -qi '^Content-Type: text/html' '$TMP/h'"

PM=$(token pm)
check "token create prints one tdm_ token" sh -c "echo '$PM' | grep -qE '^tdm_[A-Za-z0-9_-]{40,}$'"
oneshot GET /api/v1/goals "Authorization: Bearer $PM"
expect "bearer GET goals answers 200" 200 "$STATUS"
expect "demo has 4 goals" 4 "$(jget "$TMP/b" j.items.length)"
expect "list has next_cursor null" null "$(jget "$TMP/b" j.next_cursor)"
check "list has an ETag" sh -c "grep -qi '^ETag: \"' '$TMP/h'"
oneshot GET "/api/v1/goals?status=met" "Authorization: Bearer $PM"
expect "filter by status" "Agency self-serve activation" "$(jget "$TMP/b" 'j.items.map(g => g.title).join()')"
oneshot GET "/api/v1/accounts?sort=-arr&limit=2" "Authorization: Bearer $PM"
expect "sort and limit" "Umbrella Health,Globex Retail" "$(jget "$TMP/b" 'j.items.map(a => a.name).join()')"
expect "limit gives a cursor" 2 "$(jget "$TMP/b" j.next_cursor)"

oneshot GET /api/v1/session "Authorization: Bearer $PM"
expect "session shows the token's user" pm@demo.tandem "$(jget "$TMP/b" j.user.email)"

oneshot GET /api/v1/goals "Authorization: Bearer tdm_not-a-real-token"
expect "unknown token gets 401" 401 "$STATUS"
oneshot GET /api/v1/goals "Authorization: Bearer $PM"x
expect "altered token gets 401" 401 "$STATUS"

ID=$("$TANDEM" token list --db "$DB" | tail -1 | cut -f1)
"$TANDEM" token revoke "$ID" --db "$DB" > /dev/null
oneshot GET /api/v1/goals "Authorization: Bearer $PM"
expect "revoked token gets 401" 401 "$STATUS"

V=$(token viewer)
oneshot GET /api/v1/nosuch "Authorization: Bearer $V"
expect "unknown API path is 404 JSON" "404 not_found" "$STATUS $(jget "$TMP/b" j.error.code)"
oneshot GET /api/v1/goals/999 "Authorization: Bearer $V"
expect "missing object is 404" "404 not_found" "$STATUS $(jget "$TMP/b" j.error.code)"
oneshot DELETE /api/v1/strategy "Authorization: Bearer $V"
expect "wrong method is 405" 405 "$STATUS"
oneshot GET /api/v1/goals/1/history "Authorization: Bearer $V"
expect "history lists audit rows" true "$(jget "$TMP/b" 'j.items.length > 1 && j.items.some(r => r.action === "created")')"
oneshot GET /api/v1/alignment "Authorization: Bearer $V"
expect "alignment answers a score" true "$(jget "$TMP/b" 'j.score >= 0 && j.score <= 100 && Array.isArray(j.findings)')"
expect "alignment reports the goal without a PM owner" true \
	"$(jget "$TMP/b" 'j.findings.some(f => f.rule === "goal-no-pm-owner" && f.kind === "goals" && f.title === "Win enterprise security reviews")')"

finish
