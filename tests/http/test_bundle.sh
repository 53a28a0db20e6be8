#!/bin/sh
# test_bundle.sh — the workspace bundle: `tandem export json` writes every table the workspace keeps (derived from the
# schema, so a new kind is in it the day it is added) with no secret unless --include-secrets; `tandem import json`
# restores it so that export → import → export is byte-identical apart from exported_at, with and without secrets,
# in Tandem's layout and reformatted; people get invitation links when secrets stayed behind; an older schema's bundle
# is migrated; refusals (a workspace there already, truncated, not JSON, newer versions, a broken reference, an
# unknown table or field) name the problem and write nothing.
. "$(dirname "$0")/lib.sh"
make_demo
J="Content-Type: application/json"
LATEST=$(sql "SELECT max(version) FROM schema_version")
# on_db FILE CMD...: run CMD with $DB set to FILE, then back
on_db() { _keep=$DB; DB=$1; shift; "$@"; DB=$_keep; }
"$TANDEM" token create pm@demo.tandem --db "$DB" > "$TMP/token"
TOKEN_HASH=$(sql "SELECT hash FROM tokens LIMIT 1")
# the tables the demo leaves empty get a row each, so every table the bundle keeps holds something
sql "INSERT INTO settings (key, value) VALUES ('decision_open_days', '21')"
sql "INSERT INTO share_links (kind, label, hash, created_by, created_at) VALUES ('roadmap', 'Board', 'sharehash0123456789', 1, '2026-11-01T09:00:00Z')"
sql "INSERT INTO webhooks (created_at, updated_at, name, url, events, owner) VALUES ('2026-11-01T09:00:00Z', '2026-11-01T09:00:00Z', 'Launch news to #gtm', 'https://hooks.example.com/T1', '[\"launch.*\"]', 1)"
sql "INSERT INTO webhook_secrets (webhook_id, secret, created_at) VALUES (1, 'whsec_c2VjcmV0c2VjcmV0c2VjcmV0c2VjcmV0', '2026-11-01T09:00:00Z')"
EV=$(sql "SELECT min(id) FROM events")
sql "INSERT INTO webhook_deliveries (webhook_id, event_id, msg_id, type, body, status, attempts, created_at) VALUES (1, $EV, 'msg_1', 'launch.updated', '{}', 'delivered', 1, '2026-11-01T09:00:05Z')"
sql "UPDATE goals SET baseline = 0.1 + 0.2 WHERE id = (SELECT min(id) FROM goals)" # a real that prints long

"$TANDEM" export json --db "$DB" > "$TMP/b1.json" 2> "$TMP/err"
expect "tandem export json: exit 0" 0 "$?"
head -1 "$TMP/b1.json" | sed 's/"kinds":{$/"kinds":{}}/' > "$TMP/head.json"
expect "... the header: format, versions, secrets" "tandem-bundle 1 $LATEST false" \
	"$(jget "$TMP/head.json" '[j.format, j.format_version, j.schema_version, j.secrets].join(" ")')"
check "... exported_at is the time of the export" sh -c "jq -e '.exported_at | test(\"^[0-9]{4}-[0-9]{2}-[0-9]{2}T\")' '$TMP/head.json' > /dev/null 2>&1 || grep -q '\"exported_at\":\"20' '$TMP/head.json'"
check "... the whole bundle is one valid JSON document" node -e 'JSON.parse(require("fs").readFileSync(process.argv[1], "utf8"))' "$TMP/b1.json"

# every table the workspace keeps is in it with all its rows: derived from the schema, not from a list in the test
NEVER=" schema_version sessions login_failures workspace_clock "
SECRET=" tokens share_links invitations webhook_secrets "
node -e 'const j = JSON.parse(require("fs").readFileSync(process.argv[1], "utf8"));
for (const [t, rows] of Object.entries(j.kinds)) console.log(t + " " + rows.length);' "$TMP/b1.json" | sort > "$TMP/bundle-counts"
: > "$TMP/db-counts"
for t in $(sql "SELECT name FROM sqlite_master m WHERE type = 'table' AND sql NOT LIKE 'CREATE VIRTUAL%' AND name NOT LIKE '%fts%'"); do
	case "$NEVER$SECRET" in *" $t "*) continue ;; esac
	echo "$t $(sql "SELECT count(*) FROM \"$t\"")" >> "$TMP/db-counts"
done
sort -o "$TMP/db-counts" "$TMP/db-counts"
expect "every table of the schema (but sign-ins and secrets) is in the bundle with every row" "" \
	"$(diff "$TMP/db-counts" "$TMP/bundle-counts")"
expect "... and each holds at least one row here (the test covers every kind)" "" \
	"$(awk '$2 == 0 { print $1 }' "$TMP/bundle-counts" | tr '\n' ' ')"
oneshot GET /api/v1/openapi.json
for k in $(node -e 'const j = JSON.parse(require("fs").readFileSync(process.argv[1], "utf8"));
for (const p of Object.keys(j.paths)) { const m = /^\/api\/v1\/([a-z-]+)\.csv$/.exec(p); if (m) console.log(m[1]); }' "$TMP/b"); do
	t=$(echo "$k" | tr - _)
	grep -q "^$t " "$TMP/bundle-counts" || echo "$k" >> "$TMP/kinds-missing"
done
expect "every kind the engine describes (the OpenAPI document's kinds) is in the bundle" "" "$(cat "$TMP/kinds-missing" 2>/dev/null)"
check "... the audit trail, measurements, revisions and links are in it" sh -c \
	"grep -q '^audit [1-9]' '$TMP/bundle-counts' && grep -q '^goal_measurements [1-9]' '$TMP/bundle-counts' && grep -q '^strategy_revisions [1-9]' '$TMP/bundle-counts' && grep -q '^feature_insights [1-9]' '$TMP/bundle-counts'"
check "no secret leaves without --include-secrets: no password hash, token, share-link or webhook secret" sh -c \
	"! grep -q 'pw_hash\|argon2\|$TOKEN_HASH\|sharehash0123456789\|whsec_' '$TMP/b1.json'"

# --- the round trip
"$TANDEM" import json "$TMP/b1.json" --db "$TMP/new.db" > "$TMP/out" 2> "$TMP/err"
expect "tandem import json into a new file: exit 0" 0 "$?"
check "... says what it wrote" grep -q "^Imported .* into .*new.db: [0-9]* rows in [0-9]* tables, 8 people" "$TMP/out"
expect "... an invitation link for each active person" "$(sql "SELECT count(*) FROM users WHERE active = 1")" "$(grep -c '/invite/' "$TMP/out")"
check "... and a new secret for the webhook, shown once" grep -q "Launch news to #gtm *whsec_" "$TMP/out"
"$TANDEM" export json --db "$TMP/new.db" > "$TMP/b2.json"
expect "export → import → export: byte-identical apart from exported_at" "" \
	"$(diff "$TMP/b1.json" "$TMP/b2.json" | grep -v '^[<>] {"format":"tandem-bundle"' | grep -v '^1c1$' | grep -v '^---$')"
expect "... the first lines differ in exported_at only" \
	"$(head -1 "$TMP/b1.json" | sed 's/"exported_at":"[^"]*"//')" "$(head -1 "$TMP/b2.json" | sed 's/"exported_at":"[^"]*"//')"
expect "... the full-text index is built again (search finds the demo's words)" \
	"$("$TANDEM" list insights --q slack --db "$DB" | cut -f1 | tr '\n' ' ')" "$("$TANDEM" list insights --q slack --db "$TMP/new.db" | cut -f1 | tr '\n' ' ')"
expect "... its integrity checks pass" "ok" "$(sqlite3 "$TMP/new.db" "PRAGMA integrity_check")"
BODY='{"email":"pm@demo.tandem","password":"tandem-demo"}' on_db "$TMP/new.db" oneshot POST /api/v1/session "Content-Type: application/json"
expect "... without secrets an old password does not sign in" 401 "$STATUS"
LINK=$(grep 'pm@demo.tandem ' "$TMP/out" | awk '{print $2}')
on_db "$TMP/new.db" oneshot GET "$LINK"
expect "... the person's invitation link opens" 200 "$STATUS"

"$TANDEM" export json --include-secrets --db "$DB" > "$TMP/s1.json"
check "--include-secrets: the password hashes, tokens, share links and webhook secrets are in it" sh -c \
	"grep -q '\"pw_hash\":\"\$argon2id' '$TMP/s1.json' && grep -q '$TOKEN_HASH' '$TMP/s1.json' && grep -q sharehash0123456789 '$TMP/s1.json' && grep -q whsec_ '$TMP/s1.json'"
"$TANDEM" import json "$TMP/s1.json" --db "$TMP/sec.db" > "$TMP/out" 2>&1
expect "... it imports: exit 0, no invitation needed" "0 0" "$? $(grep -c '/invite/' "$TMP/out")"
"$TANDEM" export json --include-secrets --db "$TMP/sec.db" > "$TMP/s2.json"
expect "... and exports byte-identical apart from exported_at" \
	"$(sed '1s/"exported_at":"[^"]*"//' "$TMP/s1.json" | cksum)" "$(sed '1s/"exported_at":"[^"]*"//' "$TMP/s2.json" | cksum)"
BODY='{"email":"pm@demo.tandem","password":"tandem-demo"}' on_db "$TMP/sec.db" oneshot POST /api/v1/session "Content-Type: application/json"
expect "... the pm signs in with their password" 201 "$STATUS"
on_db "$TMP/sec.db" oneshot GET /api/v1/goals "Authorization: Bearer $(cat "$TMP/token")"
expect "... and the pm's API token still works" 200 "$STATUS"

# another layout of the same JSON (a tool reformatted it) is read whole
node -e 'const fs = require("fs"); fs.writeFileSync(process.argv[2], JSON.stringify(JSON.parse(fs.readFileSync(process.argv[1], "utf8")), null, 2))' \
	"$TMP/b1.json" "$TMP/pretty.json"
"$TANDEM" import json "$TMP/pretty.json" --db "$TMP/pretty.db" > /dev/null 2>&1
expect "a reformatted bundle imports: exit 0" 0 "$?"
"$TANDEM" export json --db "$TMP/pretty.db" > "$TMP/b3.json"
expect "... and exports as the original" "$(sed 1d "$TMP/b1.json" | cksum)" "$(sed 1d "$TMP/b3.json" | cksum)"
cat "$TMP/b1.json" | "$TANDEM" import json - --db "$TMP/stdin.db" > /dev/null 2>&1
expect "a bundle on stdin (-) imports: exit 0" 0 "$?"

# an older schema's bundle: made at that schema, loaded, migrated
node -e 'const fs = require("fs"); const lines = fs.readFileSync(process.argv[1], "utf8").split("\n");
lines[0] = lines[0].replace(/"schema_version":\d+/, "\"schema_version\":16");
const j = JSON.parse(lines.join("\n")); for (const t of ["webhooks", "webhook_deliveries"]) delete j.kinds[t];
fs.writeFileSync(process.argv[2], JSON.stringify(j))' "$TMP/b1.json" "$TMP/old.json"
"$TANDEM" import json "$TMP/old.json" --db "$TMP/old.db" > "$TMP/out" 2>&1
expect "a bundle of schema 16 imports: exit 0" 0 "$?"
check "... saying it was migrated" grep -q "schema 16, migrated" "$TMP/out"
expect "... the workspace is at this binary's schema" "$LATEST" "$(sqlite3 "$TMP/old.db" "SELECT max(version) FROM schema_version")"

# --- refusals: each names the problem and writes nothing
refused() { # NAME FILE WANT-IN-MESSAGE
	rm -f "$TMP/x.db"
	"$TANDEM" import json "$2" --db "$TMP/x.db" > /dev/null 2> "$TMP/err"
	_rc=$?
	expect "$1: exit 1" 1 "$_rc"
	check "... $3" grep -q -- "$3" "$TMP/err"
	check "... nothing written (no workspace file, no scratch file)" sh -c "! ls '$TMP' | grep -q '^x.db'"
}
head -c 30000 "$TMP/b1.json" > "$TMP/trunc.json"
refused "a truncated bundle" "$TMP/trunc.json" "byte [0-9]*"
head -n 200 "$TMP/b1.json" > "$TMP/cut.json"
refused "a bundle cut at a line's end" "$TMP/cut.json" "ends early"
printf 'id,text\n1,hello\n' > "$TMP/csv.json"
refused "a file that is not JSON" "$TMP/csv.json" "byte [0-9]*: not JSON"
sed "1s/\"schema_version\":$LATEST/\"schema_version\":99/" "$TMP/b1.json" > "$TMP/newer.json"
refused "a newer schema_version" "$TMP/newer.json" "format_version 1 and schema_version 99; this Tandem reads format_version up to 1 and schema_version up to $LATEST"
sed '1s/"format_version":1/"format_version":3/' "$TMP/b1.json" > "$TMP/newer2.json"
refused "a newer format_version" "$TMP/newer2.json" "format_version 3 and schema_version $LATEST"
sed '1s/"tandem-bundle"/"other-tool"/' "$TMP/b1.json" > "$TMP/other.json"
refused "another tool's JSON" "$TMP/other.json" "not a Tandem bundle"
node -e 'const fs = require("fs"); const j = JSON.parse(fs.readFileSync(process.argv[1], "utf8"));
const f = j.kinds.features.find((x) => x.release_id); f.release_id = 4242; console.log(f.id);
fs.writeFileSync(process.argv[2], JSON.stringify(j))' "$TMP/b1.json" "$TMP/broken.json" > "$TMP/fid"
refused "a broken reference" "$TMP/broken.json" "kinds.features (id $(cat "$TMP/fid")): release_id names a row that is not in the bundle"
sed 's/^"goals":\[$/"gaols":[/' "$TMP/b1.json" > "$TMP/unknown.json"
refused "an unknown table" "$TMP/unknown.json" "kinds.gaols: a workspace of this schema keeps no such table"
sed '3s/"email"/"e_mail"/' "$TMP/b1.json" > "$TMP/field.json"
refused "an unknown field" "$TMP/field.json" 'kinds.users\[0\] (id 1): users has no field "e_mail"'

# --- into a workspace that holds one
BEFORE=$(sqlite3 "$TMP/new.db" "SELECT count(*) FROM audit")
"$TANDEM" add goals title="Only in the target" metric=x unit=x target=1 --db "$TMP/new.db" > /dev/null 2>&1
"$TANDEM" import json "$TMP/b1.json" --db "$TMP/new.db" > /dev/null 2> "$TMP/err"
expect "into a workspace that holds one: exit 1" 1 "$?"
check "... naming --replace" grep -q -- "--replace" "$TMP/err"
"$TANDEM" import json "$TMP/b1.json" --db "$TMP/new.db" --replace > /dev/null 2> "$TMP/err"
expect "--replace without --yes: exit 1" 1 "$?"
check "... saying what it would delete and asking for --yes" sh -c "grep -q '8 people' '$TMP/err' && grep -q -- '--yes' '$TMP/err'"
expect "... the workspace untouched" 1 "$(sqlite3 "$TMP/new.db" "SELECT count(*) FROM goals WHERE title = 'Only in the target'")"
"$TANDEM" import json "$TMP/b1.json" --db "$TMP/new.db" --replace --yes > /dev/null 2>&1
expect "--replace --yes: exit 0" 0 "$?"
expect "... the bundle's workspace in its place" "0 $BEFORE" \
	"$(sqlite3 "$TMP/new.db" "SELECT count(*) FROM goals WHERE title = 'Only in the target'") $(sqlite3 "$TMP/new.db" "SELECT count(*) FROM audit")"

# --- the API: GET /api/v1/export (admins), POST /api/v1/import (into a workspace nothing was written to)
start_server 20750
ADMIN="Authorization: Bearer $("$TANDEM" token create admin@demo.tandem --db "$DB")"
api GET /api/v1/export -H "$ADMIN"
expect "GET /api/v1/export as an admin: 200 JSON" "200 application/json" "$STATUS $(header Content-Type)"
expect "... kept out of caches" no-store "$(header Cache-Control)"
"$TANDEM" export json --db "$DB" > "$TMP/cli.json"
expect "... the same bundle as tandem export json (but the time)" "$(sed 1d "$TMP/cli.json" | cksum)" "$(sed 1d "$TMP/b" | cksum)"
api GET /api/v1/export -H "Authorization: Bearer $(token pm)"
expect "... as a pm: 403" 403 "$STATUS"
api GET "/api/v1/export?include_secrets=maybe" -H "$ADMIN"
expect "... include_secrets=maybe: 400 naming it" "400 include_secrets" "$STATUS $(jget "$TMP/b" j.error.field)"
api POST /api/v1/import -H "$ADMIN" -H "$J" --data-binary "@$TMP/b1.json"
expect "POST /api/v1/import into a workspace that holds data: 409" 409 "$STATUS"
api POST /api/v1/session -H "$J" -d '{"email":"admin@demo.tandem","password":"tandem-demo"}'
ACOOKIE=$(header Set-Cookie | cut -d';' -f1)
api GET /users -H "Cookie: $ACOOKIE"
check "the People page offers admins the bundle's download" sh -c "grep -q 'href=\"/api/v1/export\" download' '$TMP/b' && grep -q 'include_secrets=true' '$TMP/b'"
api GET /api/v1/export -H "Cookie: $ACOOKIE"
expect "... which a signed-in admin's browser gets" "200 tandem-bundle" "$STATUS $(head -c 30 "$TMP/b" | cut -d'"' -f4)"
api POST /api/v1/session -H "$J" -d '{"email":"pm@demo.tandem","password":"tandem-demo"}'
api GET /users -H "Cookie: $(header Set-Cookie | cut -d';' -f1)"
check "... and not others" lacks "$TMP/b" "/api/v1/export"
stop_server

"$TANDEM" init --admin ada@example.com --db "$TMP/fresh.db" > /dev/null
FRESH="Authorization: Bearer $("$TANDEM" token create ada@example.com --db "$TMP/fresh.db")"
on_db "$TMP/fresh.db" start_server 20760
api POST /api/v1/import -H "$FRESH" -H "Content-Type: text/csv" --data-binary "@$TMP/b1.json"
expect "POST /api/v1/import with another media type: 415" 415 "$STATUS"
api POST /api/v1/import -H "$FRESH" -H "$J" --data-binary "@$TMP/trunc.json"
expect "... a truncated bundle: 400 with the byte offset" "400 true" "$STATUS $(jget "$TMP/b" '/byte [0-9]+/.test(j.error.message)')"
api POST /api/v1/import -H "$FRESH" -H "$J" --data-binary "@$TMP/broken.json"
expect "... a broken reference: 400 naming the field" "400 release_id" "$STATUS $(jget "$TMP/b" j.error.field)"
api POST /api/v1/import -H "$FRESH" -H "$J" --data-binary "@$TMP/old.json"
expect "... another schema: 400 naming schema_version" "400 schema_version" "$STATUS $(jget "$TMP/b" j.error.field)"
expect "... nothing written by the refusals" 0 "$(sqlite3 "$TMP/fresh.db" "SELECT count(*) FROM goals")"
api POST /api/v1/import -H "$FRESH" -H "$J" --data-binary "@$TMP/b1.json"
expect "... the bundle into a new workspace: 200, every active person invited" "200 8 $(sql "SELECT count(*) FROM users WHERE active = 1")" \
	"$STATUS $(jget "$TMP/b" j.people) $(jget "$TMP/b" j.invitations.length)"
expect "... the webhook's new secret shown once" "Launch news to #gtm true" \
	"$(jget "$TMP/b" 'j.webhook_secrets[0].name') $(jget "$TMP/b" '/^whsec_/.test(j.webhook_secrets[0].secret)')"
api GET /api/v1/goals -H "$FRESH"
expect "... the importing admin is signed out (the workspace's people are the bundle's)" 401 "$STATUS"
stop_server
"$TANDEM" export json --db "$TMP/fresh.db" > "$TMP/b4.json"
expect "... and the workspace exports as the bundle" "$(sed 1d "$TMP/b1.json" | cksum)" "$(sed 1d "$TMP/b4.json" | cksum)"
finish
