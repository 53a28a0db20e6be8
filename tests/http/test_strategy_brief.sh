#!/bin/sh
# test_strategy_brief.sh — the strategy brief: `tandem brief strategy`, /strategy/brief (printable, a chart per goal)
# and /strategy/brief.md say the same: the vision, perspective, principles and out of scope; each active or met goal
# with its progress in its direction and its owners; the plan's items with why; the releases and launches ahead (not
# what shipped); the approved positioning; recent wins. User text is escaped; an empty workspace says what is missing.
. "$(dirname "$0")/lib.sh"
make_demo
"$TANDEM" brief strategy --db "$DB" > "$TMP/brief.md" 2> "$TMP/err"
expect "tandem brief strategy: exit 0" 0 "$?"
for h in "# Strategy brief" "## Vision" "## Our perspective" "## Principles" "## Out of scope" "## Goals" "## The plan" \
	"## The roadmap" "## Launches ahead" "## Positioning" "## Recent wins"; do
	check "... a section: $h" grep -qx -- "$h" "$TMP/brief.md"
done
check "... the vision in words" contains "$TMP/brief.md" "$(sql "SELECT substr(vision, 1, 40) FROM strategy")"
check "... the principles as a numbered list" grep -q "^1\. Time to first insight beats breadth of features" "$TMP/brief.md"
for g in $(sql "SELECT id FROM goals WHERE status IN ('active', 'met')"); do
	check "... goal $g with its heading" grep -qF "### $(sql "SELECT title FROM goals WHERE id = $g")" "$TMP/brief.md"
done
check "... a goal to lower a metric counts progress downward (42 → 18 toward 12: 80%)" contains "$TMP/brief.md" \
	"42 → **18** now → 12 min by 2027-06-30 — 80% of the way. Owners: Priya Patel (PM) and Marco Rossi (PMM)."
check "... a met goal says so" grep -q "^### Agency self-serve activation (met)" "$TMP/brief.md"
check "... the plan's item with why" grep -q "^1\. \*\*Slack and Teams alerts when a metric moves\*\* (2027-Q1) — why: serves Cut time to first insight" "$TMP/brief.md"
check "... the roadmap ahead, not what shipped" sh -c "grep -q '2027.2 Enterprise pack' '$TMP/brief.md' && ! grep -q 'Monday digest' '$TMP/brief.md'"
check "... launches ahead with tier and owner" grep -q "tier 1: \*\*Alerts where your team talks\*\* (Marco Rossi)" "$TMP/brief.md"
check "... the approved positioning by segment" grep -q "^- \*\*Mid-market operations:\*\* Northwind tells operations teams" "$TMP/brief.md"
check "... recent wins with thanks" grep -q "^- \*\*Goal met: Agency self-serve activation\*\* — thanks to" "$TMP/brief.md"

V="Authorization: Bearer $(token viewer)"
BODY='{"email":"viewer@demo.tandem","password":"tandem-demo"}' oneshot POST /api/v1/session "Content-Type: application/json"
COOKIE=$(header Set-Cookie | cut -d';' -f1)
oneshot GET /strategy/brief "Cookie: $COOKIE"
expect "the printable brief for a viewer: 200" 200 "$STATUS"
check "... on the A4 sheet" sh -c "grep -q 'class=\"brief strategy-brief\"' '$TMP/b' && grep -q '/static/brief.css' '$TMP/b'"
GOALS=$(sql "SELECT count(*) FROM goals WHERE status IN ('active', 'met')")
expect "... a chart per goal" "$GOALS" "$(grep -o '<svg class="chart"' "$TMP/b" | wc -l)"
expect "... each chart's title id unique" "$GOALS" "$(grep -o 'id="chart-title-[0-9]*"' "$TMP/b" | sort -u | wc -l)"
check "... links its Markdown" contains "$TMP/b" 'href="/strategy/brief.md"'
oneshot GET /strategy/brief.md "Cookie: $COOKIE"
expect "the Markdown download: an attachment" "200 attachment" "$STATUS $(header Content-Disposition | cut -d';' -f1)"
expect "... the same as tandem brief strategy" "$(cksum < "$TMP/brief.md")" "$(cksum < "$TMP/b")"
oneshot GET /strategy "Cookie: $COOKIE"
check "the strategy page links the brief" contains "$TMP/b" 'href="/strategy/brief"'
oneshot GET /strategy/brief
expect "anonymous: sent to sign in" 303 "$STATUS"

# hostile text is shown as text
G=$(sql "SELECT min(id) FROM goals")
"$TANDEM" edit goals "$G" "title=Win <script>alert(1)</script> *reviews* [x](javascript:alert(1))" --db "$DB" > /dev/null 2>&1
oneshot GET /strategy/brief "Cookie: $COOKIE"
check "a goal title with markup: no script element, no javascript: link on the page" sh -c \
	"! grep -q '<script>alert' '$TMP/b' && ! grep -q 'href=\"javascript' '$TMP/b' && grep -q '&lt;script&gt;alert(1)&lt;/script&gt;' '$TMP/b'"
"$TANDEM" brief strategy --db "$DB" > "$TMP/brief2.md"
check "... and in the Markdown it is escaped" grep -qF '### Win &lt;script&gt;alert(1)&lt;/script&gt; \*reviews\* \[x\](javascript:alert(1))' "$TMP/brief2.md"

# the all-hands deck
"$TANDEM" deck --db "$DB" > "$TMP/deck.html" 2> "$TMP/err"
expect "tandem deck: exit 0" 0 "$?"
check "... one self-contained file: its style and script inline, nothing to fetch" sh -c \
	"grep -q '<style>' '$TMP/deck.html' && grep -q '<script>' '$TMP/deck.html' && ! grep -qE '<link |src=\"|href=\"https?:' '$TMP/deck.html'"
LAUNCHES=$(sql "SELECT count(*) FROM launches WHERE tier <= 2 AND status IN ('planning', 'ready') AND launch_date >= date('now')")
expect "... a slide each: vision, every goal, the plan, the roadmap, each tier-1/2 launch ahead, the wins" \
	"$((1 + GOALS + 1 + 1 + LAUNCHES + 1))" "$(grep -o '<section class="slide"' "$TMP/deck.html" | wc -l)"
check "... the plan slide says what is in and what was cut" sh -c "grep -q '<h3>In (' '$TMP/deck.html' && grep -q '<h3>Cut (' '$TMP/deck.html'"
oneshot GET /deck "Cookie: $COOKIE"
expect "GET /deck: 200" 200 "$STATUS"
CSP=$(header Content-Security-Policy)
SHA=$(python3 -c 'import base64, hashlib, sys
t = open(sys.argv[1], "rb").read(); js = t[t.index(b"<script>") + 8:t.index(b"</script>")]
print(base64.b64encode(hashlib.sha256(js).digest()).decode())' "$TMP/b")
check "... its policy allows exactly its own script, by hash" sh -c "echo \"\$1\" | grep -qF \"script-src 'sha256-$SHA'\" && echo \"\$1\" | grep -q \"default-src 'none'\"" _ "$CSP"
"$TANDEM" deck extra --db "$DB" > /dev/null 2>&1
expect "tandem deck with an argument: exit 2" 2 "$?"

# an empty workspace
"$TANDEM" init --admin ada@example.com --db "$TMP/empty.db" > /dev/null
"$TANDEM" brief strategy --db "$TMP/empty.db" > "$TMP/empty.md"
expect "an empty workspace's brief: exit 0" 0 "$?"
"$TANDEM" deck --db "$TMP/empty.db" > "$TMP/empty.html"
expect "... and its deck: exit 0" 0 "$?"
check "... says what is missing" sh -c "grep -q 'Not written yet' '$TMP/empty.md' && grep -q 'No goal is set yet' '$TMP/empty.md' && grep -q 'Nothing is planned yet' '$TMP/empty.md' && grep -q 'No launch is planned' '$TMP/empty.md'"
finish
