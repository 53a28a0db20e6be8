#!/bin/sh
# test_release_notes.sh — a release's notes: only what shipped (a shipped feature, or every feature but the declined of
# a shipped release), each in customer words (the approved benefit message linked to it, else its title and
# description), grouped by segment; the same in the API (JSON and Markdown), on the page, in the download and in
# `tandem notes`; user text escaped in each; 404 / exit 1 for no such release.
. "$(dirname "$0")/lib.sh"
make_demo
V="Authorization: Bearer $(token viewer)"
REL=$(sql "SELECT id FROM releases WHERE name LIKE '2027.1%'")
F_BENEFIT=$(sql "SELECT id FROM features WHERE title LIKE 'Guided onboarding%'")
MSG=$(sql "SELECT m.id FROM messages m JOIN message_features mf ON mf.message_id = m.id WHERE mf.feature_id = $F_BENEFIT AND m.level = 'benefit'")
BENEFIT=$(sql "SELECT text FROM messages WHERE id = $MSG")
SEGMENT=$(sql "SELECT s.name FROM segments s JOIN messages m ON m.segment_id = s.id WHERE m.id = $MSG")

oneshot GET "/api/v1/releases/$REL/notes" "$V"
expect "a release with nothing shipped: 200, no items" "200 0 0" "$STATUS $(jget "$TMP/b" j.count) $(jget "$TMP/b" j.groups.length)"
"$TANDEM" notes "$REL" --db "$DB" > "$TMP/notes.md"
check "... tandem notes says so" contains "$TMP/notes.md" "Nothing has shipped in this release yet."

# a feature ships; its benefit message is a draft: told by its title and description
"$TANDEM" edit features "$F_BENEFIT" status=shipped --db "$DB" > /dev/null 2>&1
oneshot GET "/api/v1/releases/$REL/notes" "$V"
expect "a shipped feature without an approved benefit: told by its title and description" \
	"1 feature $(sql "SELECT title FROM features WHERE id = $F_BENEFIT")" \
	"$(jget "$TMP/b" j.count) $(jget "$TMP/b" 'j.groups[0].items[0].from') $(jget "$TMP/b" 'j.groups[0].items[0].title')"
expect "... the text is the description" "$(sql "SELECT description FROM features WHERE id = $F_BENEFIT")" "$(jget "$TMP/b" 'j.groups[0].items[0].text')"
sql "UPDATE messages SET status = 'approved' WHERE id = $MSG"
oneshot GET "/api/v1/releases/$REL/notes" "$V"
expect "once its benefit message is approved: told in those words" "benefit $BENEFIT" \
	"$(jget "$TMP/b" 'j.groups[0].items[0].from') $(jget "$TMP/b" 'j.groups[0].items[0].text')"
expect "... grouped under the message's segment" "$SEGMENT" "$(jget "$TMP/b" 'j.groups[0].segment')"
OTHER=$(sql "SELECT id FROM features WHERE release_id = $REL AND id <> $F_BENEFIT")
expect "... the release's other feature, not shipped, is left out" false "$(jget "$TMP/b" "JSON.stringify(j).includes('\"feature_id\":$OTHER,')")"

# the release ships: every feature in it but the declined
sql "UPDATE releases SET status = 'shipped' WHERE id = $REL"
sql "INSERT INTO features (kind, title, description, status, created_at, updated_at, release_id) VALUES ('feature', 'Declined <b>idea</b>', 'x', 'declined', '2026-11-01T00:00:00Z', '2026-11-01T00:00:00Z', $REL)"
sql "INSERT INTO features (kind, title, description, status, created_at, updated_at, release_id) VALUES ('feature', 'Export to <script>alert(1)</script> CSV', 'Download *any* report as [CSV](javascript:alert(1)).', 'accepted', '2026-11-01T00:00:00Z', '2026-11-01T00:00:00Z', $REL)"
oneshot GET "/api/v1/releases/$REL/notes" "$V"
expect "a shipped release: every feature but the declined" 3 "$(jget "$TMP/b" j.count)"
expect "... a feature for no segment is under the last group, for everyone" null "$(jget "$TMP/b" 'j.groups[j.groups.length - 1].segment')"
oneshot GET "/api/v1/releases/$REL/notes.md" "$V"
expect "GET .../notes.md: Markdown" "200 text/markdown; charset=utf-8" "$STATUS $(header Content-Type)"
check "... titled with the release, shipped on its date" grep -q "^# 2027.1 Alerts everywhere — release notes" "$TMP/b"
check "... a heading per segment" sh -c "grep -q '^## For $SEGMENT' '$TMP/b' && grep -q '^## For everyone' '$TMP/b'"
check "... the benefit in bold" grep -qF -- "- **$BENEFIT**" "$TMP/b"
check "... user text cannot become markup (no raw <script>, no javascript: link)" sh -c "! grep -q '<script>' '$TMP/b' && grep -q '&lt;script&gt;' '$TMP/b'"
cp "$TMP/b" "$TMP/api.md"
"$TANDEM" notes "$REL" --db "$DB" > "$TMP/cli.md"
expect "tandem notes prints the same Markdown" "$(cksum < "$TMP/api.md")" "$(cksum < "$TMP/cli.md")"
"$TANDEM" notes 9999 --db "$DB" > /dev/null 2> "$TMP/err"
expect "tandem notes for no such release: exit 1" 1 "$?"
"$TANDEM" notes --db "$DB" > /dev/null 2>&1
expect "tandem notes without an id: exit 2" 2 "$?"

BODY='{"email":"viewer@demo.tandem","password":"tandem-demo"}' oneshot POST /api/v1/session "Content-Type: application/json"
COOKIE=$(header Set-Cookie | cut -d';' -f1)
oneshot GET "/releases/$REL/notes" "Cookie: $COOKIE"
expect "the notes page: 200" 200 "$STATUS"
check "... shows the benefit (up to its first apostrophe, which HTML escapes)" contains "$TMP/b" "${BENEFIT%%\'*}"
check "... escapes titles (no script element, no javascript: link)" sh -c "! grep -q '<script>alert' '$TMP/b' && ! grep -q 'href=\"javascript' '$TMP/b'"
check "... links the Markdown download" contains "$TMP/b" "/releases/$REL/notes.md"
oneshot GET "/releases/$REL/notes.md" "Cookie: $COOKIE"
expect "the download: an attachment" "200 attachment" "$STATUS $(header Content-Disposition | cut -d';' -f1)"
oneshot GET "/releases/$REL" "Cookie: $COOKIE"
check "the release page links its notes" contains "$TMP/b" "href=\"/releases/$REL/notes\""
oneshot GET /releases/9999/notes "Cookie: $COOKIE"
expect "the page for no such release: 404" 404 "$STATUS"
oneshot GET /api/v1/releases/9999/notes "$V"
expect "the API for no such release: 404" 404 "$STATUS"
oneshot GET "/api/v1/releases/$REL/notes"
expect "anonymous: 401" 401 "$STATUS"
finish
