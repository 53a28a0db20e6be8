# test_kinds.sh — every described kind (the OpenAPI document's /api/v1/<kind>.csv paths) lists with its default sort
# through the API (JSON and CSV), the list page and `tandem list`: regression for "listing RACI entries always fails".
# Kinds only admins may read (webhooks) are listed as the admin, and the viewer must be refused them.
. "$(dirname "$0")/lib.sh"
make_demo
VIEWER=$(token viewer)
ADMIN=$(token admin)
ADMIN_ONLY=" webhooks "
oneshot GET /api/v1/openapi.json
KINDS=$(node -e 'const j = JSON.parse(require("fs").readFileSync(process.argv[1], "utf8"));
for (const p of Object.keys(j.paths)) { const m = /^\/api\/v1\/([a-z-]+)\.csv$/.exec(p); if (m) console.log(m[1]); }' "$TMP/b")
check "the OpenAPI document names the kinds" test "$(echo "$KINDS" | wc -l)" -ge 14
check "launch-raci is one of them" contains "$TMP/b" '"/api/v1/launch-raci"'
BODY='{"email":"viewer@demo.tandem","password":"tandem-demo"}' oneshot POST /api/v1/session "Content-Type: application/json"
VCOOKIE=$(header Set-Cookie | cut -d';' -f1)
BODY='{"email":"admin@demo.tandem","password":"tandem-demo"}' oneshot POST /api/v1/session "Content-Type: application/json"
ACOOKIE=$(header Set-Cookie | cut -d';' -f1)
for k in $KINDS; do
	WHO=$VIEWER COOKIE=$VCOOKIE
	case "$ADMIN_ONLY" in *" $k "*)
		oneshot GET "/api/v1/$k" "Authorization: Bearer $VIEWER"
		expect "a viewer may not list $k" 403 "$STATUS"
		WHO=$ADMIN COOKIE=$ACOOKIE ;;
	esac
	oneshot GET "/api/v1/$k" "Authorization: Bearer $WHO"
	expect "regression: GET /api/v1/$k lists in its default order" "200 true" "$STATUS $(jget "$TMP/b" 'Array.isArray(j.items)')"
	oneshot GET "/api/v1/$k.csv" "Authorization: Bearer $WHO"
	expect "GET /api/v1/$k.csv exports" "200 id,created_at" "$STATUS $(head -1 "$TMP/b" | cut -d, -f1-2)"
	oneshot GET "/$k" "Cookie: $COOKIE"
	check "the /$k page lists (200, no error)" sh -c "[ '$STATUS' = 200 ] && ! grep -q 'cannot be sorted' '$TMP/b'"
	"$TANDEM" list "$k" --db "$DB" > "$TMP/out" 2> "$TMP/err"
	expect "tandem list $k exits 0" 0 "$?"
done
"$TANDEM" list launch-raci --db "$DB" > "$TMP/out" 2>&1
check "tandem list launch-raci shows the demo's RACI entries" grep -qE '^[0-9]+	' "$TMP/out"
finish
