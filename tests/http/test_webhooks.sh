#!/bin/sh
# test_webhooks.sh — webhooks: admins only (a pm 403, a viewer cannot even list them); a URL that is not http(s), has
# credentials or resolves to a loopback, private, link-local or IPv4-mapped address is 400 naming url, an unknown
# pattern 400 naming events[i]; the secret once in the create's answer. Delivery to a receiver on 127.0.0.1 (the server
# run with --allow-private-webhooks and a shrunk retry schedule): answered 500, 500, 200, one event arrives three times
# with the same webhook-id and a valid Standard Webhooks signature; slack format posts {"text"}; a rotated secret signs
# beside the old one; a test ping; 410 makes the endpoint inactive and tells its owner; a retry of a delivered one is
# 409; a kill -9 with deliveries pending loses none and sends none twice once answered 2xx.
. "$(dirname "$0")/lib.sh"
make_demo
J="Content-Type: application/json"
ADMIN_T=$(token admin)
ADMIN="Authorization: Bearer $ADMIN_T"
PM="Authorization: Bearer $(token pm)"
V="Authorization: Bearer $(token viewer)"
ADMIN_ID=$(sql "SELECT id FROM users WHERE email = 'admin@demo.tandem'")

# --- bad input and roles (tandem http: private targets refused, as a server without the flag does)
bad() { # NAME FIELD BODY
	BODY=$3 oneshot POST /api/v1/webhooks "$J" "$ADMIN"
	expect "$1: 400 naming $2" "400 $2" "$STATUS $(jget "$TMP/b" j.error.field)"
}
bad "an ftp URL" url '{"name":"x","url":"ftp://example.com/hook"}'
bad "credentials in the URL" url '{"name":"x","url":"http://user:pw@example.com/hook"}'
bad "a loopback target" url '{"name":"x","url":"http://127.0.0.1:9/hook"}'
bad "a loopback target by name" url '{"name":"x","url":"http://localhost:9/hook"}'
bad "an IPv4-mapped IPv6 loopback" url '{"name":"x","url":"http://[::ffff:127.0.0.1]/hook"}'
bad "the cloud metadata address (link-local)" url '{"name":"x","url":"http://169.254.169.254/latest"}'
bad "a private address" url '{"name":"x","url":"http://10.1.2.3/hook"}'
bad "no URL at all" url '{"name":"x"}'
bad "an unknown event pattern" "events[1]" '{"name":"x","url":"http://10.1.2.3/","events":["feature.*","spaceship.launched"]}'
check "... saying why" contains "$TMP/b" "no event pattern"
BODY='{"name":"x","url":"http://10.1.2.3/hook"}' oneshot POST /api/v1/webhooks "$J" "$ADMIN"
check "... the refusal says what the host resolves to" contains "$TMP/b" "10.1.2.3"
BODY='{"name":"x","url":"https://example.com/hook"}' oneshot POST /api/v1/webhooks "$J" "$PM"
expect "a pm may not make a webhook: 403" 403 "$STATUS"
oneshot GET /api/v1/webhooks "$V"
expect "a viewer may not even list them: 403" 403 "$STATUS"
oneshot GET /webhooks "$PM"
expect "... nor see the page" 403 "$STATUS"
expect "nothing was written" 0 "$(sql "SELECT count(*) FROM webhooks")"

# --- a receiver on 127.0.0.1 and the server that may reach it
R=$TMP/receiver
mkdir -p "$R"
RPORT=20550
while curl -s -o /dev/null --max-time 1 "http://127.0.0.1:$RPORT/" 2>/dev/null || ! python3 -c "import socket,sys; s=socket.socket(); s.bind(('127.0.0.1',$RPORT))" 2>/dev/null; do
	RPORT=$((RPORT + 1))
done
start_receiver() {
	python3 "$(dirname "$0")/tools/webhook_receiver.py" "$RPORT" "$R" &
	RECEIVER=$!
	for _i in $(seq 50); do curl -s -o /dev/null -X POST -H 'X: probe' "http://127.0.0.1:$RPORT/probe" 2>/dev/null && break; sleep 0.1; done
	sed -i '/"path": "\/probe"/d' "$R/log" 2>/dev/null
}
printf '500\n500\n200\n' > "$R/plan"
: > "$R/log"
start_receiver
export TANDEM_WEBHOOK_RETRY_SCALE=0.001
SERVE_ARGS=--allow-private-webhooks start_server 20500
HOOK="http://127.0.0.1:$RPORT"
# wait_log N: until the receiver has N requests (at most 20 s)
wait_log() { for _i in $(seq 200); do [ "$(wc -l < "$R/log")" -ge "$1" ] && return 0; sleep 0.1; done; return 1; }
log_line() { sed -n "${1}p" "$R/log" > "$TMP/line"; }

api POST /api/v1/webhooks -H "$ADMIN" -H "$J" -d "{\"name\":\"Product feed\",\"url\":\"$HOOK/product\",\"events\":[\"feature.*\"]}"
expect "an admin makes a webhook for feature.*: 201" 201 "$STATUS"
W1=$(jget "$TMP/b" j.id)
SECRET=$(jget "$TMP/b" j.secret)
check "... the secret shown once: whsec_ + base64 of 24 bytes" sh -c "echo '$SECRET' | grep -qE '^whsec_[A-Za-z0-9+/]{32}$'"
expect "... owned by who made it, active, standard" "$ADMIN_ID true standard" \
	"$(jget "$TMP/b" '[j.owner, j.active, j.format].join(" ")')"
echo "$SECRET" > "$R/secrets"
api GET "/api/v1/webhooks/$W1" -H "$ADMIN"
expect "read again: no secret" "200 undefined" "$STATUS $(jget "$TMP/b" j.secret)"
check "... and the secret is in no audit row" [ "$(sql "SELECT count(*) FROM audit WHERE changes LIKE '%$SECRET%'")" = 0 ]

FID=$(sql "SELECT min(id) FROM features")
FV=$(sql "SELECT version FROM features WHERE id = $FID")
api PATCH "/api/v1/features/$FID" -H "$ADMIN" -H "$J" -d "{\"description\":\"Told to the product feed\",\"version\":$FV}"
expect "a feature changes: 200" 200 "$STATUS"
check "the receiver (500, 500, then 200) gets it three times" wait_log 3
expect "... with one webhook-id each time" 1 "$(node -e 'const l=require("fs").readFileSync(process.argv[1],"utf8").trim().split("\n").map(JSON.parse); console.log(new Set(l.map(x=>x.id)).size)' "$R/log")"
expect "... every signature valid" "true,true,true" "$(node -e 'const l=require("fs").readFileSync(process.argv[1],"utf8").trim().split("\n").map(JSON.parse); console.log(l.map(x=>x.signature_ok).join())' "$R/log")"
log_line 3
expect "... the thin payload: type, timestamp, data {id, kind, version}" "feature.updated features $FID $((FV + 1)) true" \
	"$(jget "$TMP/line" 'const b = JSON.parse(j.body); [b.type, b.data.kind, b.data.id, b.data.version, /^\d{4}-\d\d-\d\dT/.test(b.timestamp)].join(" ")')"
sleep 0.5
api GET "/api/v1/webhooks/$W1/deliveries" -H "$ADMIN"
expect "the deliveries: one, delivered after 3 tries, answered 200" "1 delivered 3 200" \
	"$(jget "$TMP/b" '[j.items.length, j.items[0].status, j.items[0].attempts, j.items[0].response_code].join(" ")')"
D1=$(jget "$TMP/b" j.items[0].id)
api POST "/api/v1/webhooks/$W1/deliveries/$D1/retry" -H "$ADMIN"
expect "retrying a delivered one: 409" 409 "$STATUS"
api GET "/api/v1/webhooks/$W1/deliveries" -H "Authorization: Bearer $(token pm)"
expect "a pm may not read the deliveries: 403" 403 "$STATUS"

# --- slack format: {"text"}
api POST /api/v1/webhooks -H "$ADMIN" -H "$J" -d "{\"name\":\"#launches\",\"url\":\"$HOOK/slack\",\"events\":[\"launch.*\"],\"format\":\"slack\"}"
expect "a chat-channel webhook for launch.*: 201" 201 "$STATUS"
LID=$(sql "SELECT min(id) FROM launches")
LV=$(sql "SELECT version FROM launches WHERE id = $LID")
api PATCH "/api/v1/launches/$LID" -H "$ADMIN" -H "$J" -d "{\"summary\":\"Now for every plan\",\"version\":$LV}"
check "the channel gets the launch's change" wait_log 4
log_line 4
expect "... as {\"text\"}: who did what to which launch" "/slack true" \
	"$(jget "$TMP/line" 'const b = JSON.parse(j.body); [j.path, /updated launch ".+" \(launch.updated\)/.test(b.text)].join(" ")')"

# --- a test ping; a rotated secret signs beside the old one
api POST "/api/v1/webhooks/$W1/rotate-secret" -H "$ADMIN"
expect "rotate the secret: 200 with the new one" 200 "$STATUS"
NEW=$(jget "$TMP/b" j.secret)
check "... a new whsec_ secret" [ "$NEW" != "$SECRET" ] && check "... of the right form" sh -c "echo '$NEW' | grep -q '^whsec_'"
echo "$NEW" > "$R/secrets" # the receiver knows only the new one
api POST "/api/v1/webhooks/$W1/test" -H "$ADMIN"
expect "a test ping: 200, the delivery queued" "200 webhook.test pending" \
	"$STATUS $(jget "$TMP/b" '[j.type, j.status].join(" ")')"
check "the receiver gets the ping" wait_log 5
log_line 5
expect "... signed by both secrets while they overlap, valid for the new one" "webhook.test 2 true" \
	"$(jget "$TMP/line" '[JSON.parse(j.body).type, j.signatures, j.signature_ok].join(" ")')"

# --- 410: the endpoint is made inactive and its owner told
api POST /api/v1/webhooks -H "$ADMIN" -H "$J" -d "{\"name\":\"Old CRM\",\"url\":\"$HOOK/gone\",\"events\":[\"goal.*\"]}"
W3=$(jget "$TMP/b" j.id)
printf '500\n500\n200\n200\n200\n410\n' > "$R/plan"
GID=$(sql "SELECT min(id) FROM goals")
GV=$(sql "SELECT version FROM goals WHERE id = $GID")
api PATCH "/api/v1/goals/$GID" -H "$ADMIN" -H "$J" -d "{\"title\":\"Told to the CRM\",\"version\":$GV}"
expect "a goal changes: 200" 200 "$STATUS"
check "the receiver answers 410" wait_log 6
sleep 0.5
expect "... the webhook is inactive, the delivery failed after one try" "0 failed 1 410" \
	"$(sql "SELECT w.active || ' ' || d.status || ' ' || d.attempts || ' ' || d.response_code FROM webhooks w JOIN webhook_deliveries d ON d.webhook_id = w.id WHERE w.id = $W3")"
expect "... its owner hears of it in the inbox" "webhook_failed" \
	"$(sql "SELECT n.reason FROM notifications n JOIN events e ON e.id = n.event_id WHERE n.user_id = $ADMIN_ID AND e.type = 'webhook.failed' AND e.object_id = $W3")"

# --- kill -9 with deliveries pending: none lost, none sent twice once answered 2xx
kill "$RECEIVER"; wait "$RECEIVER" 2>/dev/null
for n in 1 2 3; do
	FV=$(sql "SELECT version FROM features WHERE id = $FID")
	api PATCH "/api/v1/features/$FID" -H "$ADMIN" -H "$J" -d "{\"description\":\"Pending $n\",\"version\":$FV}"
done
expect "three changes while the receiver is down: pending" 3 "$(sql "SELECT count(*) FROM webhook_deliveries WHERE webhook_id = $W1 AND status = 'pending'")"
kill -9 "$SERVER_PID"; wait "$SERVER_PID" 2>/dev/null
SERVER_PID=""
: > "$R/plan"
echo "$NEW" > "$R/secrets"
start_receiver
BEFORE=$(wc -l < "$R/log")
SERVE_ARGS=--allow-private-webhooks start_server 20500
check "restarted, the server sends the three" wait_log $((BEFORE + 3))
sleep 1.5
expect "... every delivery of the feed delivered, none pending" "0 0" \
	"$(sql "SELECT count(*) FROM webhook_deliveries WHERE webhook_id = $W1 AND status <> 'delivered'") $(sql "SELECT count(*) FROM webhook_deliveries WHERE status = 'pending'")"
expect "... each webhook-id answered 200 once" "" \
	"$(node -e 'const l=require("fs").readFileSync(process.argv[1],"utf8").trim().split("\n").map(JSON.parse).filter(x=>x.status>=200&&x.status<300); const c={}; for (const x of l) c[x.id]=(c[x.id]||0)+1; console.log(Object.entries(c).filter(([k,v])=>v>1).map(([k])=>k).join())' "$R/log")"

# --- the page: the deliveries with Retry, Send a test, New secret; admins only
api GET "/webhooks/$W1" -H "$ADMIN"
expect "the webhook's page: 200" 200 "$STATUS"
check "... lists its deliveries" contains "$TMP/b" 'id="deliveries"'
check "... with Send a test" contains "$TMP/b" "action=\"/webhooks/$W1/test\""
check "... and New secret" contains "$TMP/b" "action=\"/webhooks/$W1/secret\""
check "... never the secret" lacks "$TMP/b" "$NEW"
stop_server
kill "$RECEIVER" 2>/dev/null
finish
