#!/bin/sh
# test_changelog.sh — the public changelog at a read-only share link: its page lists the shipped releases newest first
# with their notes (nothing planned), its Atom feed is read by a real feed parser (feedparser, tests/feeds) with entry
# ids that stay the same across hosts, edits and a bundle's round trip; hostile release names cannot break the feed;
# a wrong or revoked token is a plain 404.
. "$(dirname "$0")/lib.sh"
FEEDS="$ROOT/tests/feeds"
if [ ! -d "$FEEDS/node_modules/feedparser" ]; then
	(cd "$FEEDS" && npm ci --no-audit --no-fund --loglevel=error) > "$TMP/npm.out" 2>&1 || cat "$TMP/npm.out"
fi
check "feedparser is installed (tests/feeds, npm ci)" test -f "$FEEDS/node_modules/feedparser/package.json"
parse() { node "$FEEDS/parse.js" "$1"; }
make_demo
J="Content-Type: application/json"
PM="Authorization: Bearer $(token pm)"
SHIPPED=$(sql "SELECT id FROM releases WHERE status = 'shipped'")

BODY='{"kind":"changelog","label":"Customers"}' oneshot POST /api/v1/share-links "$J" "$PM"
expect "a pm makes a changelog link: 201" "201 changelog" "$STATUS $(jget "$TMP/b" j.kind)"
LINK=$(jget "$TMP/b" j.path)
check "... at /share/changelog/TOKEN" sh -c "echo '$LINK' | grep -qE '^/share/changelog/[A-Za-z0-9_-]{20,}$'"
BODY='{"kind":"changelog"}' oneshot POST /api/v1/share-links "$J" "$PM"
expect "... its default label" Changelog "$(jget "$TMP/b" j.label)"

oneshot GET "$LINK"
expect "the changelog page, anonymous: 200" 200 "$STATUS"
check "... the shipped release with its notes" sh -c "grep -q '2026.4 Monday digest' '$TMP/b' && grep -q 'Weekly digest email' '$TMP/b'"
check "... a section per release, for the feed's links" contains "$TMP/b" "id=\"release-$SHIPPED\""
check "... nothing planned or in progress" sh -c "! grep -q 'Enterprise pack' '$TMP/b' && ! grep -q 'Alerts everywhere' '$TMP/b'"
check "... a link to its Atom feed" contains "$TMP/b" ".atom\">Follow it in a feed reader"
check "... no navigation of a signed-in visitor" lacks "$TMP/b" "Sign out"

oneshot GET "$LINK.atom"
expect "the feed: 200 Atom" "200 application/atom+xml; charset=utf-8" "$STATUS $(header Content-Type)"
cp "$TMP/b" "$TMP/feed1.xml"
parse "$TMP/feed1.xml" > "$TMP/f1.json" 2> "$TMP/perr"
expect "... feedparser reads it" 0 "$?"
expect "... an Atom feed with the shipped release" "atom 1 2026.4 Monday digest" \
	"$(jget "$TMP/f1.json" '[j.type, j.entries.length, j.entries[0].title].join(" ")')"
check "... the entry's id is a tag URI of the release" sh -c "node -e '
const j = JSON.parse(require(\"fs\").readFileSync(process.argv[1], \"utf8\"));
process.exit(/^tag:tandem,\\d{4}-\\d{2}-\\d{2}:release\\/$SHIPPED\\/\\d{8}T\\d{6}Z$/.test(j.entries[0].id) ? 0 : 1)' '$TMP/f1.json'"
expect "... it links to the release on the changelog page" "http://test$LINK#release-$SHIPPED" "$(jget "$TMP/f1.json" 'j.entries[0].link')"
expect "... the feed's own address" "http://test$LINK.atom" "$(jget "$TMP/f1.json" j.xmlurl)"
check "... its content is the notes as HTML" sh -c "grep -q '&lt;strong&gt;Weekly digest email&lt;/strong&gt;' '$TMP/feed1.xml'"
ID1=$(jget "$TMP/f1.json" 'j.entries[0].id')

oneshot GET "$LINK.atom" "X-Forwarded-Proto: https"
parse "$TMP/b" > "$TMP/f2.json"
expect "another address (https behind a proxy): the same entry id" "https://test$LINK.atom $ID1" \
	"$(jget "$TMP/f2.json" j.xmlurl) $(jget "$TMP/f2.json" 'j.entries[0].id')"
"$TANDEM" edit releases "$SHIPPED" "description=The weekly digest email, now with the <b>five</b> numbers & \"why\"." --db "$DB" > /dev/null 2>&1
oneshot GET "$LINK.atom"
parse "$TMP/b" > "$TMP/f3.json"
expect "after an edit: the same id, a later updated" "$ID1 true" \
	"$(jget "$TMP/f3.json" 'j.entries[0].id') $(node -e '
const a = JSON.parse(require("fs").readFileSync(process.argv[1], "utf8")), b = JSON.parse(require("fs").readFileSync(process.argv[2], "utf8"));
console.log(b.entries[0].date >= a.entries[0].date)' "$TMP/f1.json" "$TMP/f3.json")"

# a second release ships; a hostile name cannot break the feed
R2=$(sql "SELECT id FROM releases WHERE name LIKE '2027.2%'")
"$TANDEM" edit releases "$R2" status=shipped "name=Pack <script>alert(1)</script> & ]]> \"quoted\"" --db "$DB" > /dev/null 2>&1
oneshot GET "$LINK.atom"
cp "$TMP/b" "$TMP/feed4.xml"
parse "$TMP/feed4.xml" > "$TMP/f4.json" 2> "$TMP/perr"
expect "a hostile release name: the feed still parses" 0 "$?"
expect "... two entries" 2 "$(jget "$TMP/f4.json" 'j.entries.length')"
check "... the title written as text, every markup character escaped" contains "$TMP/feed4.xml" \
	'<title type="text">Pack &lt;script&gt;alert(1)&lt;/script&gt; &amp; ]]&gt; &quot;quoted&quot;</title>'
expect "... and read back as text (feedparser drops what looks like a tag, as readers show titles)" true \
	"$(jget "$TMP/f4.json" 'j.entries.some((e) => e.title === "Pack alert(1) & ]]> \"quoted\"")')"
check "... no raw script element in the feed" lacks "$TMP/feed4.xml" "<script>"
oneshot GET "$LINK"
check "... nor on the page" sh -c "! grep -q '<script>alert' '$TMP/b'"

# the ids survive a bundle's round trip
"$TANDEM" export json --include-secrets --db "$DB" > "$TMP/bundle.json"
"$TANDEM" import json "$TMP/bundle.json" --db "$TMP/copy.db" > /dev/null 2>&1
KEEP=$DB
DB=$TMP/copy.db
oneshot GET "$LINK.atom"
DB=$KEEP
parse "$TMP/b" > "$TMP/f5.json"
expect "after export and import: the same link works, the same entry ids" "$(jget "$TMP/f4.json" 'j.entries.map((e) => e.id).join(" ")')" \
	"$(jget "$TMP/f5.json" 'j.entries.map((e) => e.id).join(" ")')"

# refusals
oneshot GET "/share/changelog/not-a-token"
expect "a wrong token: 404" 404 "$STATUS"
oneshot GET "/share/changelog/not-a-token.atom"
expect "... the feed too" 404 "$STATUS"
ID=$(sql "SELECT id FROM share_links WHERE kind = 'changelog' ORDER BY id LIMIT 1")
oneshot DELETE "/api/v1/share-links/$ID" "$PM"
expect "revoking the link: 204" 204 "$STATUS"
oneshot GET "$LINK"
expect "... its page is a 404 at once" 404 "$STATUS"
oneshot GET "$LINK.atom"
expect "... and its feed" 404 "$STATUS"
oneshot GET "/share/roadmap/$(basename "$LINK")"
expect "a changelog token does not open the roadmap" 404 "$STATUS"
finish
