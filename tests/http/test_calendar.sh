#!/bin/sh
# test_calendar.sh — the launch calendar: the iCalendar feed at a share link and at /api/v1/calendar.ics, parsed by
# ical.js (tests/ics/check.mjs): one event per launch and dated activity, stable UIDs, SEQUENCE after an edit, all-day
# dates, tiers, links, escaping and folding; wrong and revoked tokens; `tandem export ics`; the month page.
. "$(dirname "$0")/lib.sh"
ICS_DIR="$ROOT/tests/ics"

# node and ical.js are required: a missing one fails the test, it is never skipped
if ! command -v node > /dev/null 2>&1; then
	not_ok "node is installed (the feed is checked with ical.js)"
	finish
	exit 1
fi
if [ ! -f "$ICS_DIR/node_modules/ical.js/package.json" ]; then
	(cd "$ICS_DIR" && npm ci --no-audit --no-fund --loglevel=error) > "$TMP/npm.out" 2>&1 || cat "$TMP/npm.out"
fi
if ! check "ical.js is installed (tests/ics, npm ci)" test -f "$ICS_DIR/node_modules/ical.js/package.json"; then
	finish
	exit 1
fi
ics() { node "$ICS_DIR/check.mjs" "$@"; }

make_demo calendar
start_server 19100 # this test's ports: 19100-19199
PM=$(token pm)
VIEWER=$(token viewer)
AUTH="Authorization: Bearer $PM"
JSON="Content-Type: application/json"

# post PATH FILE: create as the PM; prints the new id.
post() {
	api POST "$1" -H "$AUTH" -H "$JSON" --data-binary "@$2"
	if [ "$STATUS" = 201 ]; then jget "$TMP/b" 'j.id'; else echo "POST $1 answered $STATUS: $(cat "$TMP/b")" >&2; fi
}

# --- the objects: a release, two launches (one title with , ; and non-ASCII, one long enough to fold), activities
TITLE_A='Café crème, «naïve»; résumé — 日本語 launch'
TITLE_B="R&D: $(printf 'Überlänge mit Umlauten äöü und Emoji 🚀 %.0s' 1 2 3 4)ends here"
printf '{"name": "Calendar release", "target_date": "2027-05-01"}' > "$TMP/rel.json"
REL=$(post /api/v1/releases "$TMP/rel.json")
printf '{"title": "%s", "tier": 1, "launch_date": "2027-05-03", "release_id": %s}' "$TITLE_A" "$REL" > "$TMP/la.json"
LA=$(post /api/v1/launches "$TMP/la.json")
printf '{"title": "%s", "tier": 2, "launch_date": "2027-05-20"}' "$TITLE_B" > "$TMP/lb.json"
LB=$(post /api/v1/launches "$TMP/lb.json")
printf '{"launch_id": %s, "channel": "blog", "title": "Launch post, part 1; draft", "date": "2027-05-03"}' "$LA" > "$TMP/a1.json"
A1=$(post /api/v1/launch-activities "$TMP/a1.json")
printf '{"launch_id": %s, "channel": "email", "title": "Newsletter", "date": "2027-05-18"}' "$LB" > "$TMP/a2.json"
A2=$(post /api/v1/launch-activities "$TMP/a2.json")
printf '{"launch_id": %s, "channel": "social", "title": "Undated teaser"}' "$LB" > "$TMP/a3.json"
A3=$(post /api/v1/launch-activities "$TMP/a3.json")
check "release, two launches and three activities created through the API" \
	test -n "$REL" -a -n "$LA" -a -n "$LB" -a -n "$A1" -a -n "$A2" -a -n "$A3"
EVENTS=$(sql "SELECT (SELECT count(*) FROM launches) + (SELECT count(*) FROM launch_activities WHERE date IS NOT NULL)")

# --- a calendar share link (POST /api/v1/share-links)
printf '{"kind": "calendar", "label": "Calendar test"}' > "$TMP/link.json"
api POST /api/v1/share-links -H "$AUTH" -H "$JSON" --data-binary "@$TMP/link.json"
expect "POST /api/v1/share-links makes a calendar link (201)" 201 "$STATUS"
LINK_ID=$(jget "$TMP/b" 'j.id')
SECRET=$(jget "$TMP/b" 'j.token')
expect "the answer has the feed's address" "$BASE/share/calendar/$SECRET.ics" "$(jget "$TMP/b" 'j.url')"
check "the share link's secret is answered once" test -n "$SECRET" -a "$SECRET" != undefined

# --- the feed, twice, then after an edit
api GET "/share/calendar/$SECRET.ics"
expect "the feed at the share link answers 200 without signing in" 200 "$STATUS"
expect "Content-Type is text/calendar; charset=utf-8" "text/calendar; charset=utf-8" "$(header Content-Type)"
cp "$TMP/b" "$TMP/feed1.ics"
api GET "/share/calendar/$SECRET.ics"
cp "$TMP/b" "$TMP/feed2.ics"
ETAG=$(header ETag) # the second: the first export made the workspace's calendar id, a write
check "ical.js parses the feed; CRLF, lines of at most 75 octets, whole UTF-8 characters, every event well formed" \
	ics valid "$TMP/feed1.ics"
check "one event per launch and dated activity ($EVENTS)" ics count "$TMP/feed1.ics" "$EVENTS"
check "the undated activity is not in the feed" lacks "$TMP/feed1.ics" "UID:activity-$A3@"
check "the long title was folded" ics folded "$TMP/feed1.ics"
check "the UIDs are the same in two exports" ics same-uids "$TMP/feed1.ics" "$TMP/feed2.ics"
check "two exports without a change are the same bytes" cmp -s "$TMP/feed1.ics" "$TMP/feed2.ics"
check "the title with , ; and non-ASCII characters round-trips" \
	ics summary "$TMP/feed1.ics" "launch-$LA@" "Launch (tier 1): $TITLE_A"
check "the long title (folded inside multibyte text) round-trips" \
	ics summary "$TMP/feed1.ics" "launch-$LB@" "Launch (tier 2): $TITLE_B"
check "an activity's summary names its channel" ics summary "$TMP/feed1.ics" "activity-$A1@" "Blog: Launch post, part 1; draft"
check "CATEGORIES holds the tier" ics prop "$TMP/feed1.ics" "launch-$LA@" categories "Tier 1"
check "an activity's CATEGORIES hold its launch's tier and its channel" \
	ics prop "$TMP/feed1.ics" "activity-$A2@" categories "Tier 2,Email"
check "the launch is all-day on its date" ics prop "$TMP/feed1.ics" "launch-$LA@" dtstart "2027-05-03"
check "the URL points back to the launch's page (from the Host header)" \
	ics prop "$TMP/feed1.ics" "launch-$LA@" url "$BASE/launches/$LA"
check "the URL of an activity points to its page" \
	ics prop "$TMP/feed1.ics" "activity-$A1@" url "$BASE/launch-activities/$A1"
check "a launch in planning is TENTATIVE" ics prop "$TMP/feed1.ics" "launch-$LA@" status "TENTATIVE"
check "DESCRIPTION names the release" contains "$TMP/feed1.ics" "Release: Calendar release"
api GET "/share/calendar/$SECRET.ics" -H "If-None-Match: $ETAG"
expect "an unchanged feed answers 304 to its ETag" 304 "$STATUS"

printf '{"launch_date": "2027-05-04", "version": 1}' > "$TMP/edit.json"
api PATCH "/api/v1/launches/$LA" -H "$AUTH" -H "$JSON" --data-binary "@$TMP/edit.json"
expect "the launch is moved a day (PATCH 200)" 200 "$STATUS"
api GET "/share/calendar/$SECRET.ics"
cp "$TMP/b" "$TMP/feed3.ics"
check "the feed after the edit parses" ics valid "$TMP/feed3.ics"
check "the UIDs are the same after the edit" ics same-uids "$TMP/feed1.ics" "$TMP/feed3.ics"
check "SEQUENCE went up for the edited launch only" ics seq-bumped "$TMP/feed1.ics" "$TMP/feed3.ics" "launch-$LA@"
check "the moved launch is on its new date" ics prop "$TMP/feed3.ics" "launch-$LA@" dtstart "2027-05-04"

printf '{"status": "cancelled", "version": 1}' > "$TMP/cancel.json"
api PATCH "/api/v1/launches/$LB" -H "$AUTH" -H "$JSON" --data-binary "@$TMP/cancel.json"
api GET "/share/calendar/$SECRET.ics"
cp "$TMP/b" "$TMP/feed4.ics"
check "a cancelled launch stays in the feed as STATUS:CANCELLED" ics prop "$TMP/feed4.ics" "launch-$LB@" status "CANCELLED"
check "so do its activities" ics prop "$TMP/feed4.ics" "activity-$A2@" status "CANCELLED"

# --- the signed-in feed
api GET /api/v1/calendar.ics -H "Authorization: Bearer $VIEWER"
expect "GET /api/v1/calendar.ics answers a viewer's token (200)" 200 "$STATUS"
cp "$TMP/b" "$TMP/api.ics"
check "and it parses, with the share link's UIDs" ics same-uids "$TMP/feed4.ics" "$TMP/api.ics"
expect "its Content-Type is text/calendar" "text/calendar; charset=utf-8" "$(header Content-Type)"
api GET /api/v1/calendar.ics
expect "GET /api/v1/calendar.ics without credentials is 401" 401 "$STATUS"

# --- wrong and revoked tokens: the answer of a path that does not exist, with no hint of a calendar
api GET /no/such/page
cp "$TMP/b" "$TMP/unknown.html"
expect "an unknown path is 404" 404 "$STATUS"
api GET "/share/calendar/not-a-real-token.ics"
expect "a wrong token is 404" 404 "$STATUS"
check "with the same body as an unknown path" cmp -s "$TMP/b" "$TMP/unknown.html"
check "and no word of a calendar" lacks "$TMP/b" "alendar"
api GET "/share/calendar/$SECRET.ics" -H "Host: evil.example/path"
expect "an insane Host header still gets the feed (links from the base_url setting or the default)" 200 "$STATUS"
check "the links then use the default base" contains "$TMP/b" "URL:http://localhost:8080/launches/$LA"
printf '{"email": "viewer@demo.tandem", "password": "tandem-demo"}' > "$TMP/login.json"
api POST /api/v1/session -H "$JSON" --data-binary "@$TMP/login.json" -c "$TMP/cookies"
api GET "/share/calendar/not-a-real-token.ics" -b "$TMP/cookies"
check "a signed-in visitor with a wrong token gets the same body too" cmp -s "$TMP/b" "$TMP/unknown.html"
api DELETE "/api/v1/share-links/$LINK_ID" -H "$AUTH"
expect "the link is revoked (DELETE 204)" 204 "$STATUS"
api GET "/share/calendar/$SECRET.ics"
expect "a revoked token is 404" 404 "$STATUS"
check "with the same body as an unknown path" cmp -s "$TMP/b" "$TMP/unknown.html"

# --- the month page
api GET "/calendar?month=2027-05" -b "$TMP/cookies"
expect "the month page answers 200" 200 "$STATUS"
check "it shows the launch with a link to its page" contains "$TMP/b" "href=\"/launches/$LA\""
check "titles are HTML-escaped" contains "$TMP/b" "R&amp;D: "
check "it names the month and links the months around it" \
	sh -c 'grep -qF "May 2027" "$1" && grep -qF "month=2027-04" "$1" && grep -qF "month=2027-06" "$1"' - "$TMP/b"
check "a viewer is told to ask for a feed link, not offered to make one" lacks "$TMP/b" 'href="/share-links"'
api GET "/calendar?month=2027-05" -H "Authorization: Bearer $PM"
check "an editor gets the link to make a calendar feed link" contains "$TMP/b" 'href="/share-links"'
for bad in 2027-13 2027-5 27-05 2027-05-01 abcd-ef 1900-01; do
	api GET "/calendar?month=$bad" -b "$TMP/cookies"
	expect "month=$bad is 400" 400 "$STATUS"
	check "and the message names month" contains "$TMP/b" "month must be"
done
export TANDEM_TODAY=2027-05-18
oneshot GET /calendar "Authorization: Bearer $PM"
unset TANDEM_TODAY
expect "without month the page answers 200" 200 "$STATUS"
check "it shows today's month" contains "$TMP/b" '<h2 id="cal-title">May 2027</h2>'
check "with today marked" contains "$TMP/b" '<td class="cal-day today" aria-current="date"><div class="cal-date"><time datetime="2027-05-18">18</time>'

# --- the CLI
"$TANDEM" export ics --db "$DB" --base-url https://plan.example.com/ > "$TMP/cli.ics" 2> "$TMP/cli.err"
expect "tandem export ics exits 0" 0 "$?"
check "its output parses" ics valid "$TMP/cli.ics"
check "with the feed's UIDs" ics same-uids "$TMP/feed4.ics" "$TMP/cli.ics"
check "and links under --base-url" ics prop "$TMP/cli.ics" "launch-$LA@" url "https://plan.example.com/launches/$LA"
check "it ran clean under the sanitizers" clean_log "$TMP/cli.err"
"$TANDEM" export csv --db "$DB" > "$TMP/out" 2> "$TMP/err"
expect "tandem export csv is a usage error (exit 2)" 2 "$?"
check "that names the formats" contains "$TMP/err" "unknown format 'csv'; the formats: ics"
"$TANDEM" export ics --db "$DB" --base-url 'javascript:alert(1)' > "$TMP/out" 2> "$TMP/err"
expect "a bad --base-url is a usage error (exit 2)" 2 "$?"
"$TANDEM" help export > "$TMP/out"
check "tandem help export documents it" contains "$TMP/out" "tandem export ics [--base-url URL]"

check "the access log shows feed requests without their secret" sh -c \
	"grep -qF 'GET /share/calendar/… 200' '$TMP/server.out' '$TMP/server.err' && ! grep -qF -- '$SECRET' '$TMP/server.out' '$TMP/server.err'"
stop_server
finish
