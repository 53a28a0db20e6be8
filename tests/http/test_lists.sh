# test_lists.sh — list pages that scale: 50 a page with the total, previous and next, a page size up to 200, filters,
# search and sort kept while paging; fixed choices as selects and enum values as labels; insights not linked to a
# feature (API, page and the dashboard's card agree); the backlog by score without declined and shipped.
. "$(dirname "$0")/lib.sh"
make_demo
PM=$(token pm)
BODY='{"email":"pm@demo.tandem","password":"tandem-demo"}' oneshot POST /api/v1/session "Content-Type: application/json"
COOKIE=$(header Set-Cookie | cut -d';' -f1)
page() { oneshot GET "$1" "Cookie: $COOKIE"; }
# rows: how many objects the list page in $TMP/b shows
rows() { grep -o '<td class="title"><a href="/[a-z-]*/[0-9]*"' "$TMP/b" | wc -l | tr -d ' '; }
# link REL: the href of the page's rel=REL link, unescaped
link() { grep -o "<a rel=\"$1\" href=\"[^\"]*\"" "$TMP/b" | head -1 | sed 's/.*href="//; s/"$//; s/&amp;/\&/g'; }
count_text() { grep -o '<p class="count" id="list-count">[^<]*' "$TMP/b" | sed 's/.*>//'; }

# 120 goals through the CLI, every third one dropped
i=1
while [ $i -le 120 ]; do
	st=active
	[ $((i % 3)) -eq 0 ] && st=dropped
	"$TANDEM" add goals "title=Paged goal $(printf %03d $i)" metric=Signups target=10 status=$st --db "$DB" > /dev/null 2> "$TMP/err" ||
		{ cat "$TMP/err"; break; }
	i=$((i + 1))
done
expect "120 goals were created" 120 "$(sql "SELECT count(*) FROM goals WHERE title LIKE 'Paged goal %'")"

# paging through a search: 50, 50, 20
page "/goals?q=Paged"
expect "page 1 answers 200" 200 "$STATUS"
expect "page 1 shows the total" "120 goals" "$(count_text)"
expect "page 1 shows 50 goals" 50 "$(rows)"
check "page 1 says where it is" contains "$TMP/b" '1–50 of 120'
check "page 1 has no previous link" lacks "$TMP/b" 'rel="prev"'
NEXT=$(link next)
expect "page 1's next link keeps the search" "/goals?q=Paged&cursor=50" "$NEXT"
page "$NEXT"
expect "page 2 shows 50 goals" "200 50" "$STATUS $(rows)"
expect "page 2 still shows the total" "120 goals" "$(count_text)"
check "page 2 says where it is" contains "$TMP/b" '51–100 of 120'
expect "page 2's previous link is the first page" "/goals?q=Paged&cursor=0" "$(link prev)"
NEXT=$(link next)
expect "page 2's next link" "/goals?q=Paged&cursor=100" "$NEXT"
page "$NEXT"
expect "page 3 shows the last 20" "200 20" "$STATUS $(rows)"
check "page 3 says where it is" contains "$TMP/b" '101–120 of 120'
check "page 3 has no next link" lacks "$TMP/b" 'rel="next"'
PREV=$(link prev)
expect "page 3's previous link" "/goals?q=Paged&cursor=50" "$PREV"
page "$PREV"
check "back on page 2" contains "$TMP/b" '51–100 of 120'
page "/goals?q=Paged&cursor=0"
check "the first page through its cursor" contains "$TMP/b" '1–50 of 120'

# the whole list: the demo's goals and the 120
ALL=$(sql "SELECT count(*) FROM goals")
page "/goals"
expect "the unfiltered list counts every goal" "$ALL goals 50" "$(count_text) $(rows)"

# the page size
page "/goals?q=Paged&limit=200"
expect "limit=200 shows all 120 on one page" "200 120" "$STATUS $(rows)"
check "limit=200: no next link" lacks "$TMP/b" 'rel="next"'
check "the page size select shows 200 chosen" contains "$TMP/b" '<option value="200" selected>200</option>'
page "/goals?q=Paged&limit=201"
expect "limit=201 is refused" 400 "$STATUS"
check "the refusal names limit" contains "$TMP/b" 'data-field="limit">limit must be a whole number from 1 to 200'
page "/goals?limit=0"
expect "limit=0 is refused" 400 "$STATUS"
page "/goals?limit=25"
expect "limit=25 shows 25" 25 "$(rows)"

# filters, search and sort survive paging
ACTIVE=$(sql "SELECT count(*) FROM goals WHERE title LIKE 'Paged goal %' AND status = 'active'")
page "/goals?q=Paged&status=active&sort=-title&limit=25"
expect "the filtered count" "$ACTIVE goals 25" "$(count_text) $(rows)"
check "the status select keeps the filter" contains "$TMP/b" '<option value="active" selected>Active</option>'
NEXT=$(link next)
expect "the next link keeps filter, search, sort and size" "/goals?q=Paged&status=active&sort=-title&limit=25&cursor=25" "$NEXT"
page "$NEXT"
FIRST=$(grep -o '<td class="title"><a href="/goals/[0-9]*">[^<]*' "$TMP/b" | head -1 | sed 's/.*>//')
WANT=$(sql "SELECT title FROM goals WHERE title LIKE 'Paged goal %' AND status = 'active' ORDER BY title DESC LIMIT 1 OFFSET 25")
expect "page 2 of the filtered, sorted list starts where it should" "$WANT" "$FIRST"
check "page 2 still counts the filtered total" contains "$TMP/b" "26–50 of $ACTIVE"
expect "the sort link drops the cursor and keeps the rest" 1 \
	"$(grep -c 'href="/goals?q=Paged&amp;status=active&amp;limit=25&amp;sort=due"' "$TMP/b")"
oneshot GET "/api/v1/goals?q=Paged&status=active&limit=500" "Authorization: Bearer $PM"
expect "the API agrees with the page's count" "$ACTIVE" "$(jget "$TMP/b" 'j.items.length')"
oneshot GET "/api/v1/goals?q=Paged&limit=50" "Authorization: Bearer $PM"
expect "the API's cursor is unchanged" '"50"' "$(jget "$TMP/b" 'JSON.stringify(j.next_cursor)')"

# fixed choices are selects; enum values read as labels
page "/insights"
check "insights: source is a select" contains "$TMP/b" '<select name="source">'
check "insights: dismissed is a select" contains "$TMP/b" '<select name="dismissed"><option value="">any</option><option value="0">No</option><option value="1">Yes</option></select>'
check "insights: linked is a select" contains "$TMP/b" '<select name="linked">'
check "insights: no text box for dismissed" lacks "$TMP/b" '<input name="dismissed"'
check "insights: the observed date filters a range, two date pickers" contains "$TMP/b" '<label>Observed from <input type="date" name="observed_at_from" value=""></label><label>to <input type="date" name="observed_at_to" value=""></label>'
page "/insights?observed_at_from=2026-08-01&observed_at_to=2026-09-30"
check "... the range is kept in the form" contains "$TMP/b" 'name="observed_at_from" value="2026-08-01"'
check "... and the list counts only the insights observed in it" contains "$TMP/b" \
	"of $(sql "SELECT count(*) FROM insights WHERE observed_at BETWEEN '2026-08-01' AND '2026-09-30' AND dismissed = 0")<"
check "insights: the source reads as a label" grep -q 'data-value="support">Support<' "$TMP/b"
page "/features?all=1"
check "features: tier is a select with labels" contains "$TMP/b" '<option value="enterprise">Enterprise</option>'
check "features: statuses read as labels" grep -q 'data-value="accepted">Accepted<' "$TMP/b"
FID=$(sql "SELECT id FROM features WHERE status = 'accepted' ORDER BY id LIMIT 1")
"$TANDEM" edit features "$FID" status=in_progress --db "$DB" > /dev/null 2>&1
page "/features?status=in_progress"
check "features: in_progress reads 'In progress' in the list" grep -q 'data-value="in_progress">In progress<' "$TMP/b"
check "features: the filter offers 'In progress'" contains "$TMP/b" '<option value="in_progress" selected>In progress</option>'
page "/features/$FID"
check "a feature's page shows 'In progress'" grep -q 'data-value="in_progress">In progress<' "$TMP/b"
check "its history speaks in labels too" contains "$TMP/b" 'Status Accepted → In progress'
page "/features/$FID/edit"
check "the edit form's select offers the label, sends the value" contains "$TMP/b" '<option value="in_progress" selected>In progress</option>'
check "nowhere in_progress as text" sh -c "! grep -q '>in_progress<' '$TMP/b'"

# insights linked and not linked: the API, the page and the dashboard's card agree
oneshot GET "/api/v1/insights?linked=false&dismissed=0&limit=500" "Authorization: Bearer $PM"
UNLINKED=$(jget "$TMP/b" 'j.items.length')
expect "the API filters linked=false" "$(sql "SELECT count(*) FROM insights i WHERE dismissed = 0 AND id NOT IN (SELECT insight_id FROM feature_insights)")" "$UNLINKED"
oneshot GET "/api/v1/insights?linked=true&limit=500" "Authorization: Bearer $PM"
expect "the API filters linked=true" "$(sql "SELECT count(DISTINCT insight_id) FROM feature_insights")" "$(jget "$TMP/b" 'j.items.length')"
oneshot GET "/api/v1/insights?linked=maybe" "Authorization: Bearer $PM"
expect "linked=maybe is 400 naming linked" "400 linked" "$STATUS $(jget "$TMP/b" 'j.error.field')"
page "/"
check "the dashboard's card counts the unlinked insights" contains "$TMP/b" \
	"<a href=\"/insights?linked=false&amp;dismissed=0\"><strong>$UNLINKED</strong> insights not linked to a feature</a>"
page "/insights?linked=false&dismissed=0"
expect "the card's list shows the same count" "$UNLINKED insights" "$(count_text)"
IID=$(sql "SELECT id FROM insights WHERE dismissed = 0 AND id NOT IN (SELECT insight_id FROM feature_insights) ORDER BY id LIMIT 1")
BODY="{\"insight_id\": $IID, \"importance\": 2}" oneshot POST "/api/v1/features/$FID/evidence" \
	"Authorization: Bearer $PM" "Content-Type: application/json"
expect "an insight is linked" 201 "$STATUS"
page "/"
check "the card counts one fewer" contains "$TMP/b" "<strong>$((UNLINKED - 1))</strong> insights not linked to a feature"
page "/insights?linked=false&dismissed=0"
expect "and so does the list" "$((UNLINKED - 1)) $([ $((UNLINKED - 1)) -eq 1 ] && echo insight || echo insights)" "$(count_text)"
page "/insights?linked=false&q=export"
expect "linked=false with a search answers" 200 "$STATUS"

# the backlog: by score, declined and shipped hidden unless asked
OPEN=$(sql "SELECT count(*) FROM features WHERE status NOT IN ('declined', 'shipped')")
FEATURES=$(sql "SELECT count(*) FROM features")
page "/features"
expect "the backlog hides declined and shipped" "$OPEN features" "$(count_text)"
check "no declined feature listed" lacks "$TMP/b" 'data-value="declined"'
check "no shipped feature listed" lacks "$TMP/b" 'data-value="shipped"'
check "sorted by score, highest first" contains "$TMP/b" 'aria-sort=descending><a href="/features?sort=score">Score ▼'
check "the choice to show them" contains "$TMP/b" '<input type="checkbox" name="all" value="1"> Show declined and shipped'
node -e 'const h = require("fs").readFileSync(process.argv[1], "utf8");
const s = [...h.matchAll(/<td class="num">([0-9.]*)<\/td><\/tr>/g)].map(m => Number(m[1]));
process.exit(s.length > 2 && s.every((v, i) => i === 0 || s[i - 1] >= v) ? 0 : 1);' "$TMP/b"
expect "the scores descend" 0 "$?"
page "/features?all=1"
expect "asked, it shows every feature" "$FEATURES features" "$(count_text)"
check "the box stays ticked" contains "$TMP/b" 'name="all" value="1" checked'
page "/features?status=declined"
expect "a status filter asks for what it names" "$(sql "SELECT count(*) FROM features WHERE status = 'declined'") $(sql "SELECT count(*) FROM features WHERE status = 'declined'" | sed 's/^1$/feature/; s/^[0-9]*$/features/')" "$(count_text)"
page "/features?sort=title"
check "another sort is kept" contains "$TMP/b" 'aria-sort=ascending><a href="/features?sort=-title">Title ▲'
oneshot GET "/api/v1/features?limit=500" "Authorization: Bearer $PM"
expect "the API's default still lists every feature" "$FEATURES" "$(jget "$TMP/b" 'j.items.length')"
oneshot GET "/api/v1/features?closed=false&limit=500" "Authorization: Bearer $PM"
expect "the API can ask for the open ones" "$OPEN" "$(jget "$TMP/b" 'j.items.length')"

# the OpenAPI document names the new filters
oneshot GET /api/v1/openapi.json
expect "GET /api/v1/insights documents linked" boolean \
	"$(jget "$TMP/b" 'j.paths["/api/v1/insights"].get.parameters.find(p => p.name === "linked").schema.type')"
expect "GET /api/v1/features documents closed" boolean \
	"$(jget "$TMP/b" 'j.paths["/api/v1/features"].get.parameters.find(p => p.name === "closed").schema.type')"
finish
