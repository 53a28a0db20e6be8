# test_limits.sh — a live server under abuse: bodies refused from the headers, connections per address, the
# headers deadline, NUL bytes, and the headers every answer carries (no-store on the API; our own 413/414/431).
. "$(dirname "$0")/lib.sh"
make_demo
PM=$(token pm)
VIEWER=$(token viewer)
start_server 18120
J="Content-Type: application/json"

# raw_early PORT REQUEST-HEAD: send only the request's head (the body it announces is never sent) from 127.0.0.1;
# prints the status and whether the answer came within 2 seconds ("early") — it can only if no body was awaited.
raw_early() {
	node -e '
const s = require("net").connect(+process.argv[1], "127.0.0.1", () => s.write(process.argv[2].replace(/\\r\\n/g, "\r\n")));
let got = "";
const done = () => { console.log((got.split(" ")[1] || "none") + (got.includes("\r\n\r\n") ? " early" : " late")); process.exit(0); };
s.on("data", d => { got += d; if (got.includes("\r\n\r\n")) done(); });
s.on("error", () => {});
setTimeout(done, 2000);' \
		"$1" "$2"
}
rss_kib() { sed -n 's/^VmRSS:[^0-9]*\([0-9]*\).*/\1/p' "/proc/$SERVER_PID/status"; }

# --- a slow, trickling connection, started first: it should be closed 15 s after it opened (checked at the end)
node -e '
const t0 = Date.now();
const s = require("net").connect({port: +process.argv[1], host: "127.0.0.1", localAddress: "127.0.0.3"}, () => {
  s.write("GET /healthz HTTP/1.1\r\nHost: x\r\n");
  let i = 0;
  const tick = setInterval(() => { if (!s.destroyed) s.write("X-Trickle-" + (i++) + ": y\r\n"); }, 1000);
  s.on("close", () => { clearInterval(tick); require("fs").writeFileSync(process.argv[2], String(Date.now() - t0)); process.exit(0); });
});
s.on("error", () => {});
setTimeout(() => { s.destroy(); }, 40000);' "$PORT" "$TMP/trickle.ms" &
TRICKLER=$!

# --- defect 4: who may send a body is decided from the headers, before any of it is read
expect "regression: an anonymous API import announcing 45 MB is answered 401 before its body is sent" "401 early" \
	"$(raw_early "$PORT" 'POST /api/v1/insights/import HTTP/1.1\r\nHost: x\r\nContent-Type: text/csv\r\nContent-Length: 45000000\r\n\r\n')"
expect "regression: an anonymous import form announcing 43 MB is sent to sign in before its body is sent" "303 early" \
	"$(raw_early "$PORT" 'POST /insights/import HTTP/1.1\r\nHost: x\r\nContent-Type: application/x-www-form-urlencoded\r\nContent-Length: 45000000\r\n\r\n')"
expect "regression: a viewer's admin-only POST is answered 403 before its body is sent" "403 early" \
	"$(raw_early "$PORT" "POST /api/v1/users HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer $VIEWER\r\nContent-Type: application/json\r\nContent-Length: 1000000\r\n\r\n")"
expect "regression: a viewer's 200 MB API import is answered 403 before its body is sent" "403 early" \
	"$(raw_early "$PORT" "POST /api/v1/insights/import HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer $VIEWER\r\nContent-Type: text/csv\r\nContent-Length: 200000000\r\n\r\n")"
expect "... an unknown bearer token too (401)" "401 early" \
	"$(raw_early "$PORT" 'POST /api/v1/goals HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer tdm_nope\r\nContent-Type: application/json\r\nContent-Length: 500000\r\n\r\n')"
# an allowed request still gets its body read: the answer waits for it
expect "a pm's POST announcing a body waits for it" "none late" \
	"$(raw_early "$PORT" "POST /api/v1/goals HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer $PM\r\nContent-Type: application/json\r\nContent-Length: 500000\r\n\r\n")"
expect "the public sign-in still reads its body" "none late" \
	"$(raw_early "$PORT" 'POST /api/v1/session HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n')"
api POST /api/v1/session -H "$J" -c "$TMP/jar" -d '{"email":"pm@demo.tandem","password":"tandem-demo"}'
expect "... and signs in" 201 "$STATUS"
# eight anonymous 43 MB form posts at once: nothing is buffered (they used to take the server from 27 to 250 MiB)
head -c 43000000 /dev/zero | tr '\0' a | sed 's/^/file=/' > "$TMP/big.form"
RSS0=$(rss_kib)
PIDS=""
for i in 1 2 3 4 5 6 7 8; do
	curl -s -o /dev/null -w '%{http_code}\n' -X POST -H "Content-Type: application/x-www-form-urlencoded" \
		--data-binary @"$TMP/big.form" "$BASE/insights/import" > "$TMP/par_$i" &
	PIDS="$PIDS $!"
done
wait $PIDS
RSS1=$(rss_kib)
expect "regression: eight anonymous 43 MB form posts at once all get the sign-in redirect" "303 303 303 303 303 303 303 303 " \
	"$(cat "$TMP"/par_* | tr '\n' ' ')"
check "regression: ... and the server's memory grows by less than 16 MiB (from ${RSS0} KiB to ${RSS1} KiB)" \
	test $((RSS1 - RSS0)) -lt 16384
rm -f "$TMP/big.form"
check "the refusals are in the access log" grep -q "POST /insights/import 303" "$TMP/server.err"

# --- defect 13: API answers are never cached; our early answers carry the security headers
api GET /api/v1/session -b "$TMP/jar"
expect "regression: the session's answer carries Cache-Control: no-store" "no-store" "$(header Cache-Control)"
api GET /api/v1/users -H "Authorization: Bearer $PM"
expect "regression: the users list carries Cache-Control: no-store" "no-store" "$(header Cache-Control)"
api POST /api/v1/tokens -H "Authorization: Bearer $PM" -H "$J" -d '{"name":"limits"}'
expect "regression: a new token's answer carries Cache-Control: no-store" "201 no-store" "$STATUS $(header Cache-Control)"
api GET /api/v1/goals -H "Authorization: Bearer tdm_nope"
expect "regression: an API error carries Cache-Control: no-store" "401 no-store" "$STATUS $(header Cache-Control)"
api GET /api/v1/goals.csv -H "Authorization: Bearer $PM"
expect "a file keeps its own Cache-Control" "200 private, no-cache" "$STATUS $(header Cache-Control)"
api GET /goals -b "$TMP/jar"
expect "pages keep theirs" "200 private, no-cache" "$STATUS $(header Cache-Control)"
# has_security_headers: the three headers every answer of ours carries, in $TMP/h
has_security_headers() {
	[ "$(header X-Content-Type-Options)" = nosniff ] && [ "$(header X-Frame-Options)" = DENY ] &&
		[ "$(header Referrer-Policy)" = same-origin ]
}
head -c 1100000 /dev/zero | tr '\0' 'a' > "$TMP/big"
api POST /api/v1/goals -H "Authorization: Bearer $PM" -H "$J" -H "Expect:" --data-binary @"$TMP/big"
expect "an announced over-limit body: 413 too_large" "413 too_large" "$STATUS $(jget "$TMP/b" j.error.code)"
check "regression: the early 413 carries nosniff, X-Frame-Options and Referrer-Policy" has_security_headers
LONG=$(head -c 20000 /dev/zero | tr '\0' 'a')
api GET "/api/v1/goals?q=$LONG" -H "Authorization: Bearer $PM"
expect "a 20 kB address: 414 uri_too_long" "414 uri_too_long" "$STATUS $(jget "$TMP/b" j.error.code)"
check "regression: the 414 carries nosniff, X-Frame-Options and Referrer-Policy" has_security_headers
expect "... and no-store" no-store "$(header Cache-Control)"
api GET /api/v1/goals -H "Authorization: Bearer $PM" -H "X-Padding: $LONG$LONG"
expect "40 kB of headers: 431 headers_too_large" "431 headers_too_large" "$STATUS $(jget "$TMP/b" j.error.code)"
check "regression: the 431 carries nosniff, X-Frame-Options and Referrer-Policy" has_security_headers
api GET "/goals?q=$LONG" # (no cookie: curl sends no end of headers when it drops a cookie from so long a request)
expect "a page's 414 is a page" "414 text/html; charset=utf-8" "$STATUS $(header Content-Type)"
check "... with the security headers" has_security_headers
api GET "/api/v1/goals?q=$(head -c 6000 /dev/zero | tr '\0' 'b')" -H "Authorization: Bearer $PM"
expect "a 6 kB address is still served" 200 "$STATUS"

# --- defect 11: a NUL byte is refused wherever it would cut a value short
api POST /api/v1/share-links -H "Authorization: Bearer $PM" -H "$J" -d '{"kind":"roadmap","label":"NUL test"}'
SHARE=$(jget "$TMP/b" j.path)
api GET "$SHARE"
expect "the share link works" 200 "$STATUS"
api GET "$SHARE%00junk"
expect "regression: a share link's path with %00 after the token is 400, not the roadmap" 400 "$STATUS"
check "... the page names the path" contains "$TMP/b" "path must not contain a NUL byte"
api GET "/api/v1/goals/1%00x" -H "Authorization: Bearer $PM"
expect "regression: an API path with %00 is 400 on field path" "400 invalid path" \
	"$STATUS $(jget "$TMP/b" j.error.code) $(jget "$TMP/b" j.error.field)"
api GET "/api/v1/goals?q=a%00b" -H "Authorization: Bearer $PM"
expect "regression: a search query with %00 is 400 on field q" "400 invalid q" \
	"$STATUS $(jget "$TMP/b" j.error.code) $(jget "$TMP/b" j.error.field)"
api GET "/api/v1/goals?status=active&sort=title%00x" -H "Authorization: Bearer $PM"
expect "regression: any query argument with %00 is 400 on its name" "400 sort" "$STATUS $(jget "$TMP/b" j.error.field)"
api GET /api/v1/session -b "$TMP/jar"
CSRF=$(jget "$TMP/b" j.csrf_token)
SEGS=$(sql "SELECT count(*) FROM segments")
api POST /segments -b "$TMP/jar" -H "Content-Type: application/x-www-form-urlencoded" --data-raw "_csrf=$CSRF&name=nul%00after"
expect "regression: a form value with %00 is 400" 400 "$STATUS"
check "... naming the field" contains "$TMP/b" "name must not contain a NUL byte"
expect "... and nothing is stored" "$SEGS" "$(sql "SELECT count(*) FROM segments")"
printf 'id,feedback\n1,has a \000 NUL byte\n' > "$TMP/nul.csv"
api POST /insights/import/preview -b "$TMP/jar" -F "_csrf=$CSRF" -F "format=" -F "file=@$TMP/nul.csv;type=text/csv"
check "an uploaded file may hold NUL bytes: not refused for them" lacks "$TMP/b" "must not contain a NUL byte"
expect "... the preview is answered" 200 "$STATUS"
api POST /segments -b "$TMP/jar" -H "Content-Type: application/x-www-form-urlencoded" --data-raw "_csrf=$CSRF&name=No+NUL+here"
expect "a form without NULs still saves" 303 "$STATUS"

# --- defect 5: many trickling connections from one address do not block the others
node -e '
const net = require("net");
let open = 0, closedEarly = 0;
for (let i = 0; i < 1100; i++) {
  const s = net.connect({port: +process.argv[1], host: "127.0.0.1", localAddress: "127.0.0.2"}, () => {
    open++;
    s.write("GET /healthz HTTP/1.1\r\nHost: x\r\n");
    const t = setInterval(() => { if (!s.destroyed) s.write("X-Slow: 1\r\n"); }, 2000);
    s.on("close", () => clearInterval(t));
  });
  s.on("close", () => { closedEarly++; });
  s.on("error", () => {});
}
setTimeout(() => { console.log(open - closedEarly); process.exit(0); }, 6000);' "$PORT" > "$TMP/loris.count" &
LORIS=$!
sleep 3
T0=$(date +%s%N)
api GET /healthz --max-time 5
T1=$(date +%s%N)
expect "regression: 1100 trickling connections from one address do not stop /healthz from another" 200 "$STATUS"
check "... which answers within a second ($(((T1 - T0) / 1000000)) ms)" test $(((T1 - T0) / 1000000)) -lt 1000
wait "$LORIS"
LORIS_OPEN=$(cat "$TMP/loris.count")
check "... of the 1100, at most 64 (the default --max-conns-per-ip) stay open ($LORIS_OPEN)" test "${LORIS_OPEN:-999}" -le 64
api GET /healthz
expect "the server still answers once they are gone" 200 "$STATUS"

# the trickling connection started first is closed at the headers deadline (15 s), though it never went idle
wait "$TRICKLER"
MS=$(cat "$TMP/trickle.ms" 2> /dev/null || echo 0)
check "regression: a connection trickling its headers is closed after the 15 s deadline (${MS} ms)" \
	test "$MS" -ge 14000 -a "$MS" -le 19000

stop_server

# --max-conns-per-ip: its own limit, and the option checked
"$TANDEM" serve --db "$DB" --port 1 --max-conns-per-ip 0 > /dev/null 2> "$TMP/opt.err"
expect "--max-conns-per-ip 0 is refused (exit 2)" 2 "$?"
check "... with a message naming the range" grep -q "max-conns-per-ip must be a number from 1 to" "$TMP/opt.err"
start_server_with() {
	_p=18190
	while curl -s -o /dev/null --max-time 1 "http://127.0.0.1:$_p/healthz"; do _p=$((_p + 1)); done
	"$TANDEM" serve --db "$DB" --port "$_p" --threads 2 "$@" > "$TMP/server.out" 2> "$TMP/server.err" &
	SERVER_PID=$!
	PORT=$_p
	BASE="http://127.0.0.1:$_p"
	_i=0
	while [ $_i -lt 100 ] && ! curl -s -o /dev/null --max-time 1 "$BASE/healthz"; do sleep 0.1; _i=$((_i + 1)); done
}
start_server_with --max-conns-per-ip 3
OPEN=$(node -e '
const net = require("net");
let open = 0, closed = 0;
for (let i = 0; i < 6; i++) {
  const s = net.connect({port: +process.argv[1], host: "127.0.0.1", localAddress: "127.0.0.4"}, () => { open++; s.write("GET /healthz HTTP/1.1\r\n"); });
  s.on("close", () => { closed++; });
  s.on("error", () => {});
}
setTimeout(() => { console.log(open - closed); process.exit(0); }, 1500);' "$PORT")
expect "--max-conns-per-ip 3 keeps three connections from one address" 3 "$OPEN"
stop_server
finish
