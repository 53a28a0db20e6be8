# test_related.sh — what points at an object: GET /api/v1/{kind}/{id}/related answers every object of every kind that
# refers or links to it (via the field, with a weighted link's weight), derived from the descriptors; the detail pages
# show it as "Referenced by"; 404 for a missing object, readable by viewers, escaped on the page.
. "$(dirname "$0")/lib.sh"
make_demo
VIEWER=$(token viewer)
PM=$(token pm)
V="Authorization: Bearer $VIEWER"
J="Content-Type: application/json"
list() { paste -sd, -; }

# a goal: the features that move it, via goals, heaviest first, with their weights
G=$(sql "SELECT goal_id FROM feature_goals GROUP BY goal_id ORDER BY count(*) DESC, goal_id LIMIT 1")
oneshot GET "/api/v1/goals/$G/related" "$V"
expect "a viewer reads a goal's related objects" 200 "$STATUS"
expect "the goal's answer has one member per kind that can point at a goal (launches in two steps, decisions by their evidence)" '["features","launches","decisions"]' "$(jget "$TMP/b" 'Object.keys(j)')"
expect "the goal lists the features that move it, heaviest first, with their weights" \
	"$(sql "SELECT feature_id || ':' || weight FROM feature_goals WHERE goal_id = $G ORDER BY weight DESC, feature_id" | list)" \
	"$(jget "$TMP/b" 'j.features.map(x => x.id + ":" + x.weight).join(",")')"
expect "each is via goals" goals "$(jget "$TMP/b" '[...new Set(j.features.map(x => x.via))].join(",")')"
F1=$(jget "$TMP/b" 'j.features[0].id')
expect "each carries its title" "$(sql "SELECT title FROM features WHERE id = $F1")" "$(jget "$TMP/b" 'j.features[0].title')"
expect "each feature carries its status" "$(sql "SELECT group_concat(status) FROM (SELECT f.status FROM feature_goals g JOIN features f ON f.id = g.feature_id WHERE g.goal_id = $G ORDER BY g.weight DESC, f.id)")" \
	"$(jget "$TMP/b" 'j.features.map(x => x.status).join(",")')"
SCORE1=$(jget "$TMP/b" 'j.features[0].score')
cp "$TMP/b" "$TMP/goal-related"
oneshot GET "/api/v1/features/$F1/score" "$V"
expect "and its score (the feature's own)" "$(jget "$TMP/b" 'j.score')" "$SCORE1"
cp "$TMP/goal-related" "$TMP/b"
expect "the goal's launches: those announcing a feature that moves it, each once, through that feature" \
	"$(sql "SELECT DISTINCT lf.launch_id FROM launch_features lf JOIN feature_goals fg ON fg.feature_id = lf.feature_id WHERE fg.goal_id = $G ORDER BY lf.launch_id" | list)" \
	"$(jget "$TMP/b" 'j.launches.map(x => x.id).join(",")')"
LT=$(jget "$TMP/b" 'j.launches[0].through.id')
expect "the feature between is one of the goal's that the launch announces" 1 \
	"$(sql "SELECT count(*) FROM launch_features lf JOIN feature_goals fg ON fg.feature_id = lf.feature_id WHERE fg.goal_id = $G AND lf.feature_id = $LT AND lf.launch_id = $(jget "$TMP/b" 'j.launches[0].id')")"
expect "a path item is via the launch's field, through features" "feature_ids features" \
	"$(jget "$TMP/b" 'j.launches[0].via + " " + j.launches[0].through.kind')"

# a new feature linked to the goal appears at once with its weight; deleted, it is gone
BODY="{\"title\":\"Related probe\",\"goals\":[{\"goal_id\":$G,\"weight\":4}]}" oneshot POST /api/v1/features "$J" "Authorization: Bearer $PM"
expect "a PM adds a feature that moves the goal" 201 "$STATUS"
NEW=$(jget "$TMP/b" 'j.id')
oneshot GET "/api/v1/goals/$G/related" "$V"
expect "the new feature is among the goal's, weight 4" '4' "$(jget "$TMP/b" "j.features.find(x => x.id === $NEW).weight")"
oneshot DELETE "/api/v1/features/$NEW" "Authorization: Bearer $PM"
expect "the probe is deleted" 204 "$STATUS"
oneshot GET "/api/v1/goals/$G/related" "$V"
expect "a deleted feature no longer points at the goal" false "$(jget "$TMP/b" "j.features.some(x => x.id === $NEW)")"

# a release: the features that ship in it and the launches that announce it (references, no weight)
R=$(sql "SELECT release_id FROM launches WHERE release_id IS NOT NULL ORDER BY id LIMIT 1")
oneshot GET "/api/v1/releases/$R/related" "$V"
expect "a release lists its features" "$(sql "SELECT id FROM features WHERE release_id = $R ORDER BY id" | list)" \
	"$(jget "$TMP/b" 'j.features.map(x => x.id).join(",")')"
expect "and the launches pointing at it, via release_id" \
	"$(sql "SELECT id || ':release_id' FROM launches WHERE release_id = $R ORDER BY id" | list)" \
	"$(jget "$TMP/b" 'j.launches.map(x => x.id + ":" + x.via).join(",")')"
expect "references carry no weight" false "$(jget "$TMP/b" 'j.launches.some(x => "weight" in x)')"

# an account: its insights
A=$(sql "SELECT account_id FROM insights WHERE account_id IS NOT NULL GROUP BY account_id ORDER BY count(*) DESC LIMIT 1")
oneshot GET "/api/v1/accounts/$A/related" "$V"
expect "an account lists its insights, via account_id" \
	"$(sql "SELECT id || ':account_id' FROM insights WHERE account_id = $A ORDER BY id" | list)" \
	"$(jget "$TMP/b" 'j.insights.map(x => x.id + ":" + x.via).join(",")')"
expect "and the requests they back (through the evidence), each once" \
	"$(sql "SELECT DISTINCT fi.feature_id FROM feature_insights fi JOIN insights i ON i.id = fi.insight_id WHERE i.account_id = $A ORDER BY fi.feature_id" | list)" \
	"$(jget "$TMP/b" 'j.features.map(x => x.id).join(",")')"
expect "via evidence, through one of its insights" "evidence insights" \
	"$(jget "$TMP/b" '[...new Set(j.features.map(x => x.via + " " + x.through.kind))].join(",")')"

# a competitor: the insights that name it (full text), newest first; a name of operators and quotes is only words
C=$(sql "SELECT id FROM competitors WHERE name = 'Metabase'")
oneshot GET "/api/v1/competitors/$C/related" "$V"
expect "a competitor lists the insights that mention it by name" \
	"$(sql "SELECT id || ':mentions' FROM insights WHERE text LIKE '%Metabase%' ORDER BY id DESC" | list)" \
	"$(jget "$TMP/b" 'j.insights.map(x => x.id + ":" + x.via).join(",")')"
BODY='{"name":"\"Aha!\" OR * NEAR("}' oneshot POST /api/v1/competitors "$J" "Authorization: Bearer $PM"
expect "a competitor named with full-text operators is added" 201 "$STATUS"
oneshot GET "/api/v1/competitors/$(jget "$TMP/b" j.id)/related" "$V"
expect "its mentions are searched as words, no error" "200 0" "$STATUS $(jget "$TMP/b" 'j.insights.length')"

# a segment: the features for its personas and the insights of its accounts and personas (two steps), each once
S=$(sql "SELECT segment_id FROM personas WHERE segment_id IS NOT NULL GROUP BY segment_id ORDER BY count(*) DESC LIMIT 1")
oneshot GET "/api/v1/segments/$S/related" "$V"
expect "a segment lists the features for its personas" \
	"$(sql "SELECT DISTINCT fp.feature_id FROM feature_personas fp JOIN personas p ON p.id = fp.persona_id WHERE p.segment_id = $S ORDER BY fp.feature_id" | list)" \
	"$(jget "$TMP/b" 'j.features.map(x => x.id).join(",")')"
expect "and the insights of its personas and accounts, each once" \
	"$(sql "SELECT count(DISTINCT i.id) FROM insights i LEFT JOIN personas p ON p.id = i.persona_id LEFT JOIN accounts a ON a.id = i.account_id WHERE p.segment_id = $S OR a.segment_id = $S")" \
	"$(jget "$TMP/b" 'new Set(j.insights.map(x => x.id)).size + (j.insights.length - new Set(j.insights.map(x => x.id)).size) * 1000')"

# a persona: the features for it (a link), its insights and journey stages (references), every kind present
P=$(sql "SELECT persona_id FROM feature_personas GROUP BY persona_id ORDER BY count(*) DESC LIMIT 1")
oneshot GET "/api/v1/personas/$P/related" "$V"
expect "a persona lists its features, via persona_ids" \
	"$(sql "SELECT feature_id || ':persona_ids' FROM feature_personas WHERE persona_id = $P ORDER BY feature_id" | list)" \
	"$(jget "$TMP/b" 'j.features.map(x => x.id + ":" + x.via).join(",")')"
expect "every kind that can point at a persona is a member, empty or not" 'features,insights,journey-stages,launches,messages' \
	"$(jget "$TMP/b" 'Object.keys(j).join(",")')"
expect "its journey stages" "$(sql "SELECT id FROM journey_stages WHERE persona_id = $P ORDER BY id" | list)" \
	"$(jget "$TMP/b" 'j["journey-stages"].map(x => x.id).join(",")')"

# a feature: the features that depend on it and the launches that announce it
D=$(sql "SELECT depends_on FROM feature_deps ORDER BY depends_on LIMIT 1")
oneshot GET "/api/v1/features/$D/related" "$V"
expect "a feature lists the features that depend on it" \
	"$(sql "SELECT feature_id || ':depends_on' FROM feature_deps WHERE depends_on = $D ORDER BY feature_id" | list)" \
	"$(jget "$TMP/b" 'j.features.filter(x => x.via === "depends_on").map(x => x.id + ":" + x.via).join(",")')"
expect "and the launches that announce it" \
	"$(sql "SELECT launch_id FROM launch_features WHERE feature_id = $D ORDER BY launch_id" | list)" \
	"$(jget "$TMP/b" 'j.launches.map(x => x.id).join(",")')"

# a long title is cut to 200 characters with an ellipsis
LONG=$(printf 'word %.0s' $(seq 1 80))
BODY="{\"text\":\"$LONG\",\"account_id\":$A}" oneshot POST /api/v1/insights "$J" "Authorization: Bearer $PM"
expect "a long insight is added" 201 "$STATUS"
LI=$(jget "$TMP/b" 'j.id')
oneshot GET "/api/v1/accounts/$A/related" "$V"
expect "its title is cut to 200 characters, ending with an ellipsis" "200 …" \
	"$(jget "$TMP/b" "(t => [...t].length + ' ' + [...t].pop())(j.insights.find(x => x.id === $LI).title)")"

# missing objects, unknown kinds, no sign-in
oneshot GET /api/v1/goals/999999/related "$V"
expect "a missing goal is 404" "404 not_found" "$STATUS $(jget "$TMP/b" 'j.error.code')"
oneshot GET /api/v1/nonsense/1/related "$V"
expect "an unknown kind is 404" 404 "$STATUS"
oneshot GET "/api/v1/goals/$G/related"
expect "without sign-in it is 401" 401 "$STATUS"
oneshot GET /api/v1/openapi.json
check "the OpenAPI document describes the answer per kind" contains "$TMP/b" '"GoalRelated"'

# the detail pages: "Referenced by", grouped by kind, links with the field's label; titles escaped
BODY='{"email":"viewer@demo.tandem","password":"tandem-demo"}' oneshot POST /api/v1/session "$J"
COOKIE=$(header Set-Cookie | cut -d';' -f1)
oneshot GET "/goals/$G" "Cookie: $COOKIE"
expect "a viewer opens the goal's page" 200 "$STATUS"
check "the goal's page has a Referenced by section" contains "$TMP/b" '<h2>Referenced by</h2>'
check "grouped by kind" contains "$TMP/b" '<h3 id="related-features">Features'
check "each item links to the feature" contains "$TMP/b" "<a href=\"/features/$F1\">"
check "with the field's label and the weight" contains "$TMP/b" "· Goals, weight $(sql "SELECT weight FROM feature_goals WHERE goal_id = $G AND feature_id = $F1")"
oneshot GET "/accounts/$A" "Cookie: $COOKIE"
check "an account's page lists its insights by Account" contains "$TMP/b" "<a href=\"/insights/$LI\">"
check "and the ARR at stake behind its open requests" contains "$TMP/b" 'ARR at stake: <strong>'
check "a request it backs names the insight between" contains "$TMP/b" '· through insight <a href="/insights/'
oneshot GET "/goals/$G" "Cookie: $COOKIE"
check "a goal's page lists its launches through a feature" contains "$TMP/b" '<h3 id="related-launches">Launches'
oneshot GET "/competitors/$C" "Cookie: $COOKIE"
check "a competitor's page lists the insights that mention it" contains "$TMP/b" '· mentions it by name' 
BODY="{\"title\":\"<script>alert(1)</script> & co\",\"persona_ids\":[$P]}" oneshot POST /api/v1/features "$J" "Authorization: Bearer $PM"
oneshot GET "/personas/$P" "Cookie: $COOKIE"
check "a persona's page shows its features" contains "$TMP/b" '<h3 id="related-features">Features'
check "a pointing object's title is escaped, beside its status and score" contains "$TMP/b" '&lt;script&gt;alert(1)&lt;/script&gt; &amp; co</a> <span class="badge badge-new">New</span> <span class="muted">· Personas, score 0</span>'
check "and never raw" lacks "$TMP/b" '<script>alert(1)'
L=$(sql "SELECT min(id) FROM launches")
oneshot GET "/launches/$L" "Cookie: $COOKIE"
check "a launch's page leaves out its own checklist, activities and RACI (shown already)" lacks "$TMP/b" 'id="related-launch-checklist"'
# from a goal's page: link a feature to it with a weight (an action on the goal that changes the feature's links)
G2=$(sql "SELECT min(id) FROM goals WHERE id <> $G")
F9=$(sql "SELECT min(id) FROM features WHERE id NOT IN (SELECT feature_id FROM feature_goals WHERE goal_id = $G2)")
FV=$(sql "SELECT version FROM features WHERE id = $F9")
BODY="{\"feature_id\":$F9,\"weight\":4}" oneshot POST "/api/v1/goals/$G2/features" "$J" "Authorization: Bearer $PM"
expect "a PM links a feature to a goal with a weight: the feature is answered with the link" "200 4" \
	"$STATUS $(jget "$TMP/b" "j.goals.find(g => g.goal_id === $G2).weight")"
expect "the feature's version moved (its links changed)" "$((FV + 1))" "$(sql "SELECT version FROM features WHERE id = $F9")"
BODY="{\"feature_id\":$F9,\"weight\":2}" oneshot POST "/api/v1/goals/$G2/features" "$J" "Authorization: Bearer $PM"
expect "linking it again changes the weight, one link kept" "200 2 1" \
	"$STATUS $(sql "SELECT weight FROM feature_goals WHERE goal_id = $G2 AND feature_id = $F9") $(sql "SELECT count(*) FROM feature_goals WHERE goal_id = $G2 AND feature_id = $F9")"
check "the goal's history records the link" sh -c "sqlite3 '$DB' \"SELECT count(*) FROM audit WHERE kind = 'goals' AND object_id = $G2 AND action = 'feature linked'\" | grep -qx 2"
check "the feature's history too" sh -c "sqlite3 '$DB' \"SELECT count(*) FROM audit WHERE kind = 'features' AND object_id = $F9 AND action = 'goal linked'\" | grep -qx 2"
BEFORE=$(sql "SELECT count(*) || '/' || sum(weight) FROM feature_goals")
BODY="{\"feature_id\":$F9,\"weight\":9}" oneshot POST "/api/v1/goals/$G2/features" "$J" "Authorization: Bearer $PM"
expect "a weight over 5: 400 naming weight" "400 weight" "$STATUS $(jget "$TMP/b" j.error.field)"
BODY='{"feature_id":999999,"weight":3}' oneshot POST "/api/v1/goals/$G2/features" "$J" "Authorization: Bearer $PM"
expect "an unknown feature: 400 naming feature_id" "400 feature_id" "$STATUS $(jget "$TMP/b" j.error.field)"
BODY="{\"feature_id\":$F9,\"weight\":3}" oneshot POST "/api/v1/goals/999999/features" "$J" "Authorization: Bearer $PM"
expect "a missing goal: 404" 404 "$STATUS"
BODY="{\"feature_id\":$F9,\"weight\":3}" oneshot POST "/api/v1/goals/$G2/features" "$J" "Authorization: Bearer $(token viewer)"
expect "a viewer may not link: 403" 403 "$STATUS"
expect "nothing changed by the refused requests" "$BEFORE" "$(sql "SELECT count(*) || '/' || sum(weight) FROM feature_goals")"
BODY='{"email":"pm@demo.tandem","password":"tandem-demo"}' oneshot POST /api/v1/session "$J"
PMCOOKIE=$(header Set-Cookie | cut -d';' -f1)
PMCSRF=$(jget "$TMP/b" j.csrf_token)
oneshot GET "/goals/$G2" "Cookie: $PMCOOKIE"
check "the goal's page has the link form with a feature choice" contains "$TMP/b" "action=\"/goals/$G2/features\""
BODY="_csrf=$PMCSRF&feature_id=$F9&weight=5" oneshot POST "/goals/$G2/features" "Cookie: $PMCOOKIE" \
	"Content-Type: application/x-www-form-urlencoded"
expect "the form links it and returns to the goal" "303 /goals/$G2 5" \
	"$STATUS $(header Location | sed 's/[?#].*//') $(sql "SELECT weight FROM feature_goals WHERE goal_id = $G2 AND feature_id = $F9")"
finish
