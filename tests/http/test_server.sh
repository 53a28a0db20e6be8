# test_server.sh — a live server: keep-alive, bodies over the limit, an aborted upload, two PATCHes racing, ETags.
. "$(dirname "$0")/lib.sh"
make_demo
PM=$(token pm)
PMM=$(token pmm)
start_server 18110
AUTH="Authorization: Bearer $PM"

# keep-alive: two URLs in one curl invocation share one connection
curl -sv -H "$AUTH" "$BASE/healthz" "$BASE/api/v1/goals" -o /dev/null -o /dev/null 2> "$TMP/keepalive"
check "keep-alive: the second request re-uses the connection" grep -qi "Re-using existing connection" "$TMP/keepalive"
expect "keep-alive: one connection opened" 1 "$(grep -ci 'Connected to' "$TMP/keepalive")"

# a body over the 1 MiB limit, announced by Content-Length
GOALS=$(sql "SELECT count(*) FROM goals")
head -c 1100000 /dev/zero | tr '\0' 'a' > "$TMP/big"
api POST /api/v1/goals -H "$AUTH" -H "Content-Type: application/json" -H "Expect:" --data-binary @"$TMP/big"
expect "large body is refused with 413" 413 "$STATUS"
expect "413 error code too_large" too_large "$(jget "$TMP/b" j.error.code)"
# announced as too large, the answer comes at once, before any of the body is sent
EARLY=$(node -e '
const s = require("net").connect(+process.argv[1], "127.0.0.1", () => {
  s.write("POST /api/v1/goals HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 2000000\r\n\r\n");
});
let got = "";
s.on("data", d => { got += d; });
s.on("error", () => {});
setTimeout(() => { console.log(got.split(" ")[1] || "no answer"); s.destroy(); }, 1500);' "$PORT")
expect "an announced over-limit body is refused before it is sent" 413 "$EARLY"
# the same without Content-Length (chunked): read, not stored, then refused
api POST /api/v1/goals -H "$AUTH" -H "Content-Type: application/json" -H "Transfer-Encoding: chunked" --data-binary @"$TMP/big"
expect "large chunked body is refused with 413" 413 "$STATUS"
expect "chunked 413 error code too_large" too_large "$(jget "$TMP/b" j.error.code)"
expect "large bodies changed nothing" "$GOALS" "$(sql "SELECT count(*) FROM goals")"
# just under the limit is read (and refused only as JSON)
head -c 1000000 /dev/zero | tr '\0' ' ' > "$TMP/under"
api POST /api/v1/goals -H "$AUTH" -H "Content-Type: application/json" --data-binary @"$TMP/under"
expect "a body under the limit is read (blank JSON is 400)" "400 invalid" "$STATUS $(jget "$TMP/b" j.error.code)"

# an aborted upload: headers promise 500000 bytes, the client sends a few and hangs up
node -e '
const s = require("net").connect(+process.argv[1], "127.0.0.1", () => {
  s.write("POST /api/v1/goals HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer " + process.argv[2] +
          "\r\nContent-Type: application/json\r\nContent-Length: 500000\r\n\r\n{\"title\":\"half");
  setTimeout(() => s.destroy(), 200);
});
s.on("error", () => {});' "$PORT" "$PM"
for i in 1 2 3; do
	node -e '
const s = require("net").connect(+process.argv[1], "127.0.0.1", () => { s.write("GET /api/v1/goals HTTP/1.1\r\nHost: x\r\n"); s.destroy(); });
s.on("error", () => {});' "$PORT"
done
api GET /healthz
expect "server still answers after aborted uploads" 200 "$STATUS"
expect "aborted upload stored nothing" "$GOALS" "$(sql "SELECT count(*) FROM goals")"

# two clients PATCH the same goal with the same version: one wins, the other gets 409
V=$(sql "SELECT version FROM goals WHERE id = 1")
for who in a b; do
	T=$PM
	[ $who = b ] && T=$PMM
	curl -s -o "$TMP/race_$who" -w '%{http_code}\n' -X PATCH -H "Authorization: Bearer $T" \
		-H "Content-Type: application/json" -d "{\"version\":$V,\"why\":\"client $who\"}" \
		"$BASE/api/v1/goals/1" > "$TMP/race_$who.status" &
	eval "RACE_$who=\$!"
done
wait "$RACE_a" "$RACE_b"
CODES=$(cat "$TMP/race_a.status" "$TMP/race_b.status" | sort | tr '\n' ' ')
expect "racing PATCHes: exactly one 200 and one 409" "200 409 " "$CODES"
expect "the goal's version went up by one" $((V + 1)) "$(sql "SELECT version FROM goals WHERE id = 1")"
LOSER=$TMP/race_a
grep -q 409 "$TMP/race_b.status" && LOSER=$TMP/race_b
expect "the loser gets code conflict on field version" "conflict version" \
	"$(jget "$LOSER" j.error.code) $(jget "$LOSER" j.error.field)"
WINNER=a
grep -q 200 "$TMP/race_b.status" && WINNER=b
expect "the winner's change is kept" "client $WINNER" "$(sql "SELECT why FROM goals WHERE id = 1")"
# If-Match works as the version too
api PATCH /api/v1/goals/1 -H "$AUTH" -H "Content-Type: application/json" -H "If-Match: \"$V\"" -d '{"why":"stale"}'
expect "stale If-Match gets 409" 409 "$STATUS"
api PATCH /api/v1/goals/1 -H "$AUTH" -H "Content-Type: application/json" -H "If-Match: \"$((V + 1))\"" -d '{"why":"fresh"}'
expect "current If-Match gets 200" 200 "$STATUS"
expect "PATCH answers the new version" $((V + 2)) "$(jget "$TMP/b" j.version)"

# ETag and 304
api GET /api/v1/goals -H "$AUTH"
ETAG=$(header ETag)
check "list has an ETag" test -n "$ETAG"
api GET /api/v1/goals -H "$AUTH" -H "If-None-Match: $ETAG"
expect "matching If-None-Match gets 304" 304 "$STATUS"
check "304 has no body" test ! -s "$TMP/b"
api GET /api/v1/goals/2 -H "$AUTH"
E2=$(header ETag)
api GET /api/v1/goals/2 -H "$AUTH" -H "If-None-Match: $E2"
expect "object GET honours If-None-Match" 304 "$STATUS"
api POST /api/v1/goals/2/measurements -H "$AUTH" -H "Content-Type: application/json" -d '{"value":111,"at":"2026-11-20"}'
expect "a measurement is recorded" 201 "$STATUS"
api GET /api/v1/goals -H "$AUTH" -H "If-None-Match: $ETAG"
expect "after a change the old ETag gets 200" 200 "$STATUS"
check "and a new ETag" test "$(header ETag)" != "$ETAG"

# CSV export
api GET /api/v1/goals.csv -H "$AUTH"
expect "CSV export answers 200" 200 "$STATUS"
check "CSV content type" sh -c "grep -qi '^Content-Type: text/csv' '$TMP/h'"
check "CSV is an attachment" sh -c "grep -qi '^Content-Disposition: attachment; filename=\"goals.csv\"' '$TMP/h'"
check "CSV header row" sh -c "head -1 '$TMP/b' | grep -q '^id,created_at,updated_at,version,title,'"
expect "CSV has a row per goal plus the header" 5 "$(grep -c . "$TMP/b")"
check "CSV rows end in CRLF" sh -c "head -1 '$TMP/b' | grep -q \"$(printf '\r')\$\""
api GET "/api/v1/goals.csv?status=met" -H "$AUTH"
expect "CSV honours filters" 2 "$(grep -c . "$TMP/b")"
api GET "/api/v1/goals.csv?status=bogus" -H "$AUTH"
expect "CSV bad filter is 400 on its field" "400 status" "$STATUS $(jget "$TMP/b" j.error.field)"

stop_server
finish
