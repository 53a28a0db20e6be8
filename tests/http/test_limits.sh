# test_limits.sh — a live server under abuse: bodies refused from the headers.
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
s.on("data", d => { got += d; });
s.on("error", () => {});
setTimeout(() => { console.log((got.split(" ")[1] || "none") + (got.includes("\r\n\r\n") ? " early" : " late")); s.destroy(); }, 2000);' \
		"$1" "$2"
}
rss_kib() { sed -n 's/^VmRSS:[^0-9]*\([0-9]*\).*/\1/p' "/proc/$SERVER_PID/status"; }

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

stop_server
finish
