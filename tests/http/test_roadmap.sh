# test_roadmap.sh — the roadmap page (SVG timeline, board, group switch, filters), the SVG file, the roadmap JSON,
# read-only share links (make, public page, revoke, wrong token: 404 with no hint), roles and CSRF; a live server on
# ports 19000-19099 for the browser's cookie-and-form flow.
. "$(dirname "$0")/lib.sh"
make_demo
VIEWER=$(token viewer)
CONTRIB=$(token contributor)
PM=$(token pm)
J="Content-Type: application/json"
F="Content-Type: application/x-www-form-urlencoded"
# req TOKEN METHOD PATH [JSON-BODY] — one bearer request through `tandem http`
req() {
	_t=$1 _m=$2 _p=$3
	if [ $# -ge 4 ]; then
		BODY=$4
		oneshot "$_m" "$_p" "Authorization: Bearer $_t" "$J"
	else
		oneshot "$_m" "$_p" "Authorization: Bearer $_t"
	fi
	unset BODY
}
form() { BODY=$3; oneshot POST "$2" "Authorization: Bearer $1" "$F"; unset BODY; }
anon() { oneshot GET "$1"; }
unset BODY

# --- the page: a real SVG timeline, labelled
req "$VIEWER" GET /roadmap
expect "viewer opens the roadmap" 200 "$STATUS"
check "it draws an SVG" contains "$TMP/b" '<svg xmlns="http://www.w3.org/2000/svg" class="roadmap"'
check "the SVG is an image with a label" contains "$TMP/b" 'role="img" aria-label="Roadmap timeline grouped by goal: 3 releases'
check "releases are milestones with their names" contains "$TMP/b" '<title>Release 2027.1 Alerts everywhere: target'
check "features are bars with a tooltip" contains "$TMP/b" '<title>Slack and Teams alerts when a metric moves — Planned'
check "launches are markers" contains "$TMP/b" '<title>Tier 1 launch: Alerts where your team talks'
check "today's line" contains "$TMP/b" '<title>Today</title>'
LANE='font-weight="600" fill="#1b1f24"><title>'
check "lanes by goal" contains "$TMP/b" "$LANE"'Cut time to first insight</title>'
check "a table behind the timeline" contains "$TMP/b" '<summary>The roadmap as a table</summary>'
check "the switches say which is on" contains "$TMP/b" 'view=timeline&amp;zoom=half" aria-current=true>Timeline'
check "the zoom that fits the demo is a half year" contains "$TMP/b" 'zoom=half" aria-current=true>Half'
check "a launch before its release is marked" contains "$TMP/b" 'Warning: it launches before its release 2027.2 Enterprise pack ships (target 2027-02-08)'
check "and said in words under the timeline" contains "$TMP/b" '<a href="/launches/2">Enterprise-ready: SSO, SCIM and SOC 2</a> is dated 2027-02-02, 6 days before release 2027.2 Enterprise pack ships'
check "in the legend" contains "$TMP/b" 'Launch before its release ships</text>'
check "the today line is drawn before the labels" sh -c "grep -o '<title>Today</title>.*<title>Release 2027.1' '$TMP/b' >/dev/null"
check "viewers get no share controls" lacks "$TMP/b" 'Read-only links'
check "viewers get no new-release button" lacks "$TMP/b" 'href="/releases/new"'
check "declined work is not on it" lacks "$TMP/b" 'Drag-and-drop dashboard builder'
req "$PM" GET /roadmap
check "editors get the share section" contains "$TMP/b" 'id="share"'
check "with a form to make a link" contains "$TMP/b" 'action="/share-links"'

# --- group switch and view switch
req "$VIEWER" GET "/roadmap?group=team"
expect "grouped by team" 200 "$STATUS"
check "lanes are teams" contains "$TMP/b" "$LANE"'Engineering</title>'
check "the team switch is on" contains "$TMP/b" 'group=team&amp;view=timeline&amp;zoom=half" aria-current=true>Team'
check "no goal lanes" lacks "$TMP/b" "$LANE"'Cut time to first insight</title>'
for z in quarter half year; do
	req "$VIEWER" GET "/roadmap?zoom=$z"
	expect "zoom=$z" 200 "$STATUS"
	check "zoom=$z is on" contains "$TMP/b" "zoom=$z\" aria-current=true>"
	check "zoom=$z says so" contains "$TMP/b" "; zoom: $z\""
	check "zoom=$z is kept by the filter form" contains "$TMP/b" "name=\"zoom\" value=\"$z\""
done
req "$VIEWER" GET "/roadmap?zoom=quarter"
check "a quarter is wider than the page: it scrolls" sh -c "grep -o 'class=\"roadmap\" viewBox=\"0 0 [0-9]*' '$TMP/b' | awk '{ exit !(\$NF > 1200) }'"
check "a quarter shows the week's Mondays" contains "$TMP/b" 'font-size="10.5" fill="#5b6470">14</text>'
req "$VIEWER" GET "/roadmap?zoom=year"
check "a year fits the page" contains "$TMP/b" 'class="roadmap" viewBox="0 0 1100 '
req "$VIEWER" GET "/roadmap?zoom=month"
expect "page ?zoom=month: 400" 400 "$STATUS"
check "its message names zoom" contains "$TMP/b" 'zoom must be quarter, half or year'
req "$VIEWER" GET "/roadmap.svg?zoom=year"
check "the SVG file takes the zoom" contains "$TMP/b" '; zoom: year"'
req "$VIEWER" GET "/roadmap?group=persona"
check "lanes are personas" contains "$TMP/b" "$LANE"'Olivia, Operations Lead</title>'
req "$VIEWER" GET "/roadmap?view=board"
expect "the board" 200 "$STATUS"
check "three columns: now" contains "$TMP/b" '<h2 id="col-now">Now'
check "next" contains "$TMP/b" '<h2 id="col-next">Next'
check "later" contains "$TMP/b" '<h2 id="col-later">Later'
check "unscheduled accepted work is later" contains "$TMP/b" 'SCIM user provisioning</a><div class="rm-meta"><span class="rm-status st-accepted">Accepted</span> · no release yet'
check "cards link to the feature" contains "$TMP/b" 'href="/features/1"'
check "the board has no SVG" lacks "$TMP/b" '<svg'

# --- the JSON
req "$VIEWER" GET "/api/v1/roadmap?group=team"
expect "roadmap JSON (the release shipped last month is still on it)" "200 team 3" "$STATUS $(jget "$TMP/b" j.group) $(jget "$TMP/b" j.releases.length)"
expect "team lanes" "Engineering,Marketing" "$(jget "$TMP/b" 'j.lanes.map(l => l.label).join()')"
expect "releases by date with their features" "2026.4 Monday digest:15 2027.1 Alerts everywhere:1,2" \
	"$(jget "$TMP/b" 'j.releases.slice(0, 2).map(r => r.name + ":" + r.feature_ids.sort().join()).join(" ")')"
expect "buckets: in release 1, due in 24 days: now" true "$(jget "$TMP/b" 'j.buckets.now.includes(1) && j.buckets.now.includes(2)')"
expect "no release: later" true "$(jget "$TMP/b" 'j.buckets.later.includes(5)')"
expect "new and declined features are not on it" true \
	"$(jget "$TMP/b" '[11,13,14].every(id => !j.features.some(f => f.id === id))')"
expect "a shipped feature is, only with the release that shipped it lately" "shipped 3" \
	"$(jget "$TMP/b" '(f => f.status + " " + f.release_id)(j.features.find(f => f.id === 15))')"
expect "launches as markers" "3 1" "$(jget "$TMP/b" j.launches.length) $(jget "$TMP/b" 'j.launches.find(l => l.title.startsWith("Alerts")).tier')"
expect "a launch before its release ships says so" "2" "$(jget "$TMP/b" 'j.launches.filter(l => l.before_release).map(l => l.id).join()')"

# --- filters
req "$VIEWER" GET "/api/v1/roadmap?segment=2"
expect "segment: features for its personas, launches for it" "3,4,5 1" \
	"$(jget "$TMP/b" 'j.features.map(f => f.id).sort().join()') $(jget "$TMP/b" j.launches.length)"
req "$VIEWER" GET "/api/v1/roadmap?persona=3"
expect "persona" "7,9" "$(jget "$TMP/b" 'j.features.map(f => f.id).sort().join()')"
req "$VIEWER" GET "/api/v1/roadmap?tier=enterprise&launch_tier=1"
expect "package tier and launch tier" "3,4,5 Alerts where your team talks" \
	"$(jget "$TMP/b" 'j.features.map(f => f.id).sort().join()') $(jget "$TMP/b" 'j.launches.map(l => l.title).join()')"
expect "the filters are echoed" "enterprise 1 null" \
	"$(jget "$TMP/b" j.filters.tier) $(jget "$TMP/b" j.filters.launch_tier) $(jget "$TMP/b" j.filters.goal)"
req "$VIEWER" GET "/api/v1/roadmap?goal=1"
expect "goal" true "$(jget "$TMP/b" 'j.features.length > 0 && j.features.length < 10')"
req "$VIEWER" GET "/roadmap?view=board&tier=enterprise"
check "the page filters too" contains "$TMP/b" 'SAML single sign-on'
check "and leaves out the rest" lacks "$TMP/b" 'Guided onboarding'
check "the form keeps the filter" contains "$TMP/b" '<option value="enterprise" selected>'

# --- bad group, view and filters: 400 naming the parameter
for q in "group=release group" "goal=999 goal" "goal=abc goal" "segment=x segment" "persona=0 persona" \
	"tier=gold tier" "launch_tier=7 launch_tier"; do
	set -- $q
	req "$VIEWER" GET "/api/v1/roadmap?$1"
	expect "API ?$1: 400 naming $2" "400 invalid $2" "$STATUS $(jget "$TMP/b" j.error.code) $(jget "$TMP/b" j.error.field)"
done
req "$VIEWER" GET "/roadmap?group=release"
expect "page ?group=release: 400" 400 "$STATUS"
check "its message names group" contains "$TMP/b" 'group must be goal, team or persona'
req "$VIEWER" GET "/roadmap?view=grid"
expect "page ?view=grid: 400" 400 "$STATUS"
check "its message names view" contains "$TMP/b" 'view must be timeline or board'
req "$VIEWER" GET "/roadmap.svg?launch_tier=4"
expect "SVG ?launch_tier=4: 400" 400 "$STATUS"

# --- the SVG alone
req "$VIEWER" GET "/roadmap.svg?group=persona"
expect "roadmap.svg" "200 image/svg+xml; charset=utf-8" "$STATUS $(header Content-Type)"
check "an XML document" sh -c "head -1 '$TMP/b' | grep -q '^<?xml version=\"1.0\" encoding=\"UTF-8\"?>'"
check "a standalone SVG" contains "$TMP/b" '<svg xmlns="http://www.w3.org/2000/svg"'
check "no page around it" lacks "$TMP/b" '<html'
check "grouped as asked" contains "$TMP/b" 'Olivia, Operations Lead'
# well-formed XML: by xmllint where installed, else by a tag-balance check
if command -v xmllint > /dev/null 2>&1; then
	check "well-formed XML (xmllint)" xmllint --noout "$TMP/b"
else
	check "well-formed XML (tags balanced, entities known)" node -e '
const s = require("fs").readFileSync(process.argv[1], "utf8").replace(/<\?xml[^>]*>/, "");
const stack = [];
for (const x of s.matchAll(/<(\/?)([a-zA-Z][\w:-]*)[^>]*?(\/?)>/g)) {
	if (x[3]) continue;
	if (!x[1]) stack.push(x[2]); else if (stack.pop() !== x[2]) process.exit(1);
}
if (stack.length || /&(?!amp;|lt;|gt;|quot;|#39;)/.test(s)) process.exit(1);' "$TMP/b"
fi
oneshot GET /roadmap.svg
expect "the SVG needs a sign-in" 303 "$STATUS"

# --- share links: roles, making one, the secret shown once
N=$(sql "SELECT count(*) FROM share_links")
req "$VIEWER" POST /api/v1/share-links '{"kind":"roadmap","label":"Viewer"}'
expect "a viewer cannot make a link" 403 "$STATUS"
req "$CONTRIB" POST /api/v1/share-links '{"kind":"roadmap","label":"Contributor"}'
expect "a contributor cannot either" 403 "$STATUS"
form "$VIEWER" /share-links "kind=roadmap&label=Viewer"
expect "nor from the page" 403 "$STATUS"
req "$PM" POST /api/v1/share-links '{"kind":"timeline"}'
expect "bad kind: 400 naming it" "400 kind" "$STATUS $(jget "$TMP/b" j.error.field)"
req "$PM" POST /api/v1/share-links '{"label":"No kind"}'
expect "no kind: 400 naming it" "400 kind" "$STATUS $(jget "$TMP/b" j.error.field)"
req "$PM" POST /api/v1/share-links '{"kind":"roadmap","secret":"mine"}'
expect "unknown field: 400 naming it" "400 secret" "$STATUS $(jget "$TMP/b" j.error.field)"
LONG=$(printf 'x%.0s' $(seq 1 121))
req "$PM" POST /api/v1/share-links "{\"kind\":\"roadmap\",\"label\":\"$LONG\"}"
expect "a label too long: 400 naming it" "400 label" "$STATUS $(jget "$TMP/b" j.error.field)"
expect "refusals made no link" "$N" "$(sql "SELECT count(*) FROM share_links")"
req "$PM" POST /api/v1/share-links '{"kind":"roadmap","label":"Board of directors"}'
expect "an editor makes a roadmap link: 201" "201 roadmap Board of directors" \
	"$STATUS $(jget "$TMP/b" j.kind) $(jget "$TMP/b" j.label)"
TOKEN=$(jget "$TMP/b" j.token)
LINK=$(jget "$TMP/b" j.id)
check "the token is long and URL-safe" sh -c "echo '$TOKEN' | grep -Eq '^[A-Za-z0-9_-]{40,}$'"
expect "its path" "/share/roadmap/$TOKEN" "$(jget "$TMP/b" j.path)"
expect "its URL from the Host header" "http://test/share/roadmap/$TOKEN" "$(jget "$TMP/b" j.url)"
expect "only a hash is stored" 0 "$(sql "SELECT count(*) FROM share_links WHERE hash LIKE '%$TOKEN%' OR label LIKE '%$TOKEN%'")"
expect "audited" 1 "$(sql "SELECT count(*) FROM audit WHERE kind = 'share-links' AND object_id = $LINK AND action = 'created'")"
req "$PM" POST /api/v1/share-links '{"kind":"roadmap"}'
expect "a default label" "201 Roadmap link" "$STATUS $(jget "$TMP/b" j.label)"
OTHER=$(jget "$TMP/b" j.id)
req "$PM" POST /api/v1/share-links '{"kind":"calendar","label":"Press calendar"}'
CAL=$(jget "$TMP/b" j.token)
expect "a calendar link's path" "/share/calendar/$CAL.ics" "$(jget "$TMP/b" j.path)"
req "$VIEWER" GET /api/v1/share-links
expect "viewers list the links" "200 3" "$STATUS $(jget "$TMP/b" j.items.length)"
check "without secrets" lacks "$TMP/b" "$TOKEN"
expect "newest first, active" "Press calendar calendar true" \
	"$(jget "$TMP/b" j.items[0].label) $(jget "$TMP/b" j.items[0].kind) $(jget "$TMP/b" j.items[0].active)"
req "$VIEWER" GET "/api/v1/share-links?kind=roadmap"
expect "by kind" 2 "$(jget "$TMP/b" j.items.length)"
req "$VIEWER" GET "/api/v1/share-links?kind=feeds"
expect "a bad kind: 400 naming it" "400 kind" "$STATUS $(jget "$TMP/b" j.error.field)"

# --- the public page: no session, nothing beyond the roadmap
anon "/share/roadmap/$TOKEN"
expect "the link opens without a session" 200 "$STATUS"
check "with the timeline" contains "$TMP/b" 'class="roadmap"'
check "read-only, said so" contains "$TMP/b" 'A read-only view shared from Tandem'
check "no navigation" lacks "$TMP/b" 'aria-label="Main"'
check "no filter form (no lists of segments or personas)" lacks "$TMP/b" 'Any segment'
check "no links into Tandem" lacks "$TMP/b" 'href="/features/'
check "no share controls" lacks "$TMP/b" 'action="/share-links"'
check "no download of the internal SVG" lacks "$TMP/b" '/roadmap.svg'
check "the switches stay on the shared address" contains "$TMP/b" "href=\"/share/roadmap/$TOKEN?group=team&amp;view=timeline&amp;zoom=half\""
expect "not for search engines" "noindex, nofollow" "$(header X-Robots-Tag)"
anon "/share/roadmap/$TOKEN?view=board&group=team"
expect "the shared board" 200 "$STATUS"
check "cards without links" sh -c "grep -q '<span class=\"rm-title\">SAML single sign-on</span>' '$TMP/b' && ! grep -q 'href=\"/launches/' '$TMP/b'"
req "$PM" GET "/share/roadmap/$TOKEN"
check "a signed-in visitor sees no navigation there either" lacks "$TMP/b" 'aria-label="Main"'

# --- wrong, other-kind and revoked tokens: the same 404 as a path that does not exist
anon /no/such/page
cp "$TMP/b" "$TMP/404"
anon "/share/roadmap/${TOKEN}x"
expect "a wrong token: 404" 404 "$STATUS"
check "exactly the page of a path that does not exist" cmp -s "$TMP/b" "$TMP/404"
check "no hint of a roadmap" sh -c "! grep -qi roadmap '$TMP/b'"
anon "/share/roadmap/$CAL"
expect "a calendar token does not open the roadmap" 404 "$STATUS"
req "$VIEWER" DELETE "/api/v1/share-links/$LINK"
expect "a viewer cannot revoke" 403 "$STATUS"
req "$PM" DELETE "/api/v1/share-links/$LINK"
expect "an editor revokes: 204" 204 "$STATUS"
req "$PM" DELETE "/api/v1/share-links/$LINK"
expect "revoking again: 404" 404 "$STATUS"
req "$PM" DELETE /api/v1/share-links/9999
expect "no such link: 404" 404 "$STATUS"
anon "/share/roadmap/$TOKEN"
expect "the revoked link: 404" 404 "$STATUS"
check "with no hint" cmp -s "$TMP/b" "$TMP/404"
expect "revocation audited" 1 "$(sql "SELECT count(*) FROM audit WHERE kind = 'share-links' AND object_id = $LINK AND action = 'revoked'")"
req "$VIEWER" GET /api/v1/share-links
expect "listed as revoked" false "$(jget "$TMP/b" "j.items.find(i => i.id === $LINK).active")"

# --- pages: the list, the revoke form, viewers
req "$VIEWER" GET /share-links
expect "viewers see the share-links page" 200 "$STATUS"
check "with both kinds" sh -c "grep -q 'Calendar feed' '$TMP/b' && grep -q 'Board of directors' '$TMP/b'"
check "without controls" lacks "$TMP/b" '/revoke"'
form "$VIEWER" "/share-links/$OTHER/revoke" "back=/share-links"
expect "a viewer cannot revoke from the page" 403 "$STATUS"
form "$PM" /share-links "kind=roadmap&label=$LONG"
expect "a label too long on the page: 400" 400 "$STATUS"
check "the message beside the form" contains "$TMP/b" 'label is longer than 120 characters'

# --- the browser's way: cookie session, forms, CSRF (live server, ports 19000-19099)
rm_server() {
	_p=19000
	while [ "$_p" -le 19099 ]; do
		if ! curl -s -o /dev/null --max-time 1 "http://127.0.0.1:$_p/healthz"; then
			"$TANDEM" serve --db "$DB" --port "$_p" --threads 4 > "$TMP/server.out" 2> "$TMP/server.err" &
			SERVER_PID=$!
			_i=0
			while [ $_i -lt 100 ]; do
				if curl -s -o /dev/null --max-time 1 "http://127.0.0.1:$_p/healthz"; then
					PORT=$_p BASE="http://127.0.0.1:$_p"
					return 0
				fi
				kill -0 "$SERVER_PID" 2>/dev/null || break
				sleep 0.1
				_i=$((_i + 1))
			done
			kill "$SERVER_PID" 2>/dev/null
			wait "$SERVER_PID" 2>/dev/null
			SERVER_PID=""
		fi
		_p=$((_p + 1))
	done
	echo "no free port in 19000-19099" >&2
	exit 1
}
rm_server
api POST /api/v1/session -H "$J" -c "$TMP/jar" -d '{"email":"pmm@demo.tandem","password":"tandem-demo"}'
api GET /api/v1/session -b "$TMP/jar"
CSRF=$(jget "$TMP/b" j.csrf_token)
N=$(sql "SELECT count(*) FROM share_links")
api POST /share-links -b "$TMP/jar" -H "$F" -d "kind=roadmap&label=Partners&back=/roadmap"
expect "a form without the CSRF token: 403" 403 "$STATUS"
api POST /api/v1/share-links -b "$TMP/jar" -H "$J" -d '{"kind":"roadmap"}'
expect "an API write by cookie without the token: 403" 403 "$STATUS"
expect "nothing made" "$N" "$(sql "SELECT count(*) FROM share_links")"
api POST /share-links -b "$TMP/jar" -H "$F" -d "_csrf=$CSRF&kind=roadmap&label=Partners&back=/roadmap"
expect "with the token: the address, shown on the answer" 201 "$STATUS"
expect "never cached" no-store "$(header Cache-Control)"
PATHNOW=$(grep -o '/share/roadmap/[A-Za-z0-9_-]*' "$TMP/b" | head -1)
check "the address is on the page" test ${#PATHNOW} -gt 50
api GET "$PATHNOW"
expect "it opens without a session" 200 "$STATUS"
PID=$(sql "SELECT max(id) FROM share_links")
api GET /roadmap -b "$TMP/jar"
check "the roadmap page lists it" contains "$TMP/b" "id=\"share-link-$PID\""
check "but never its address" lacks "$TMP/b" "$PATHNOW"
api POST "/share-links/$PID/revoke" -b "$TMP/jar" -H "$F" -d "back=/roadmap"
expect "revoke without the token: 403" 403 "$STATUS"
api POST "/share-links/$PID/revoke" -b "$TMP/jar" -H "$F" -d "_csrf=$CSRF&back=/roadmap"
expect "revoke: back to the roadmap's share section" "303 /roadmap#share" "$STATUS $(header Location)"
api GET "$PATHNOW"
expect "the revoked address: 404" 404 "$STATUS"
check "with no hint" sh -c "! grep -qi roadmap '$TMP/b'"
api GET /roadmap -b "$TMP/jar"
check "the roadmap no longer lists it" lacks "$TMP/b" "id=\"share-link-$PID\""
api POST /api/v1/share-links -H "Authorization: Bearer $PM" -H "$J" -H "Host: evil.test/x" -d '{"kind":"roadmap"}'
expect "a strange Host header gives no URL, the path still" "201 null /share/roadmap/" \
	"$STATUS $(jget "$TMP/b" j.url) $(jget "$TMP/b" 'j.path.slice(0, 15)')"
api POST /api/v1/share-links -H "Authorization: Bearer $PM" -H "$J" -H "Host: roadmap.example.com:8443" \
	-H "X-Forwarded-Proto: https" -d '{"kind":"roadmap"}'
expect "a proxied https host gives an https URL" true "$(jget "$TMP/b" 'j.url === "https://roadmap.example.com:8443" + j.path')"
stop_server
finish
