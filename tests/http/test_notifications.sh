#!/bin/sh
# test_notifications.sh — the inbox: a mention, a review request and its answer, an escalation and its decision, a
# win, a moved release, a change to what one owns or follows each reach the right people (never the one who did
# it, never twice for one event, never a deactivated user); following and unfollowing (POST/DELETE
# /api/v1/{kind}/{id}/watch, the Follow form); GET /api/v1/notifications (unread, cursor) and POST
# /api/v1/notifications/read (ids, all) with bad input naming the field; the inbox page and the header's count.
. "$(dirname "$0")/lib.sh"
make_demo
J="Content-Type: application/json"
PM="Authorization: Bearer $(token pm)"
PMM="Authorization: Bearer $(token pmm)"
LEADER="Authorization: Bearer $(token leader)"
V="Authorization: Bearer $(token viewer)"
C="Authorization: Bearer $(token contributor)"
uid() { sql "SELECT id FROM users WHERE email = '$1@demo.tandem'"; }
PM_ID=$(uid pm) PMM_ID=$(uid pmm) LEADER_ID=$(uid leader) V_ID=$(uid viewer) C_ID=$(uid contributor)
DUE=$(date -u -d '+7 days' +%F)
# heard USER_ID TYPE: the reasons USER has for events of TYPE, newest first
heard() {
	sql "SELECT group_concat(reason) FROM (SELECT n.reason FROM notifications n JOIN events e ON e.id = n.event_id
	     WHERE n.user_id = $1 AND e.type = '$2' ORDER BY n.id DESC)"
}
last_event() { sql "SELECT max(id) FROM events WHERE type = '$1'"; }
count_of() { sql "SELECT count(*) FROM notifications n JOIN events e ON e.id = n.event_id WHERE n.user_id = $1 AND e.type = '$2'"; }
told() { sql "SELECT count(*) FROM notifications WHERE event_id = $1 AND user_id = $2"; }

# --- a comment mentioning the PM on a launch: the PM hears of it as a mention, the PMM (who wrote it) does not
LID=$(sql "SELECT min(id) FROM launches")
BODY="{\"on_kind\":\"launches\",\"on_id\":$LID,\"body\":\"@pm@demo.tandem can the FAQ say when SSO ships?\"}" \
	oneshot POST /api/v1/comments "$J" "$PMM"
expect "the pmm comments, mentioning the pm: 201" 201 "$STATUS"
CID=$(jget "$TMP/b" j.id)
EV=$(last_event comment.created)
expect "the pm hears of it once, as a mention" "mention" "$(heard "$PM_ID" comment.created | cut -d, -f1)"
expect "... one notification for the event" 1 "$(told "$EV" "$PM_ID")"
expect "the one who wrote it hears nothing of it" 0 "$(told "$EV" "$PMM_ID")"
oneshot GET "/api/v1/notifications?unread=true&limit=5" "$PM"
expect "GET /api/v1/notifications: the mention first, unread" "200 mention comment.created false comments $CID" \
	"$STATUS $(jget "$TMP/b" '[j.items[0].reason, j.items[0].type, j.items[0].read, j.items[0].kind, j.items[0].object_id].join(" ")')"
expect "... with who did it and the unread count" "$(sql "SELECT name FROM users WHERE id = $PMM_ID") true" \
	"$(jget "$TMP/b" 'j.items[0].actor') $(jget "$TMP/b" 'j.unread >= 1')"
check "... the title of what it is about" [ "$(jget "$TMP/b" 'typeof j.items[0].title')" = string ]
oneshot GET "/api/v1/notifications" "$PMM"
check "another's inbox does not hold the pm's mention" [ "$(jget "$TMP/b" "j.items.some(i => i.type === 'comment.created' && i.object_id === $CID)")" = false ]

# a reply: the thread's people hear of it; the launch's owner (who follows what they own) hears of the comment
BODY="{\"on_kind\":\"launches\",\"on_id\":$LID,\"parent_id\":$CID,\"body\":\"Yes: in 2027-Q1.\"}" \
	oneshot POST /api/v1/comments "$J" "$PM"
expect "the pm replies: 201" 201 "$STATUS"
EV=$(last_event comment.created)
expect "the pmm who started the thread hears of the reply" reply "$(sql "SELECT reason FROM notifications WHERE event_id = $EV AND user_id = $PMM_ID")"
expect "... the pm who replied does not" 0 "$(told "$EV" "$PM_ID")"

# --- a review request and its answer
BODY="{\"on_kind\":\"launches\",\"on_id\":$LID,\"reviewer_id\":$PMM_ID,\"due\":\"$DUE\",\"note\":\"Tier check\"}" \
	oneshot POST /api/v1/reviews "$J" "$PM"
RID=$(jget "$TMP/b" j.id)
expect "the reviewer hears of the request" review_requested "$(heard "$PMM_ID" review.created | cut -d, -f1)"
BODY='{"state":"approved","note":"Looks right"}' oneshot POST "/api/v1/reviews/$RID/answer" "$J" "$PMM"
expect "the reviewer answers: 200" 200 "$STATUS"
expect "the requester hears of the answer" review_answered "$(heard "$PM_ID" review.answered | cut -d, -f1)"

# --- a decision escalated reaches the leaders; decided, its owner
DEC=$(sql "SELECT min(id) FROM decisions WHERE status = 'open'")
sql "UPDATE decisions SET owner = $PMM_ID WHERE id = $DEC"
BODY='{"reason":"PM and PMM disagree on the order"}' oneshot POST "/api/v1/decisions/$DEC/escalate" "$J" "$PM"
expect "the pm escalates: 200" 200 "$STATUS"
expect "the leader hears of it as an escalation" escalation "$(heard "$LEADER_ID" decision.escalated | cut -d, -f1)"
OPT=$(sql "SELECT json_extract(options, '\$[0].title') FROM decisions WHERE id = $DEC")
BODY="{\"option\":\"$OPT\",\"decision\":\"$OPT first\",\"rationale\":\"The evidence\"}" \
	oneshot POST "/api/v1/decisions/$DEC/decide" "$J" "$LEADER"
expect "the leader decides: 200" 200 "$STATUS"
expect "the decision's owner hears of it as a decision" decision "$(heard "$PMM_ID" decision.decided | cut -d, -f1)"

# --- following: a viewer follows a launch and hears of its changes; unfollowed, no more
oneshot POST "/api/v1/launches/$LID/watch" "$V"
expect "a viewer follows a launch: 200 watching" "200 true" "$STATUS $(jget "$TMP/b" j.watching)"
oneshot POST "/api/v1/launches/999999/watch" "$V"
expect "following what does not exist: 404" 404 "$STATUS"
oneshot POST "/api/v1/spaceships/1/watch" "$V"
expect "following a kind that does not exist: 404" 404 "$STATUS"
patch_launch() { # TOKEN-HEADER TITLE
	_v=$(sql "SELECT version FROM launches WHERE id = $LID")
	BODY="{\"title\":\"$2\",\"version\":$_v}" oneshot PATCH "/api/v1/launches/$LID" "$J" "$1"
}
patch_launch "$PMM" "SSO for every plan"
expect "the pmm renames the launch: 200" 200 "$STATUS"
EV=$(last_event launch.updated)
expect "the viewer who follows it hears of the change" change "$(sql "SELECT reason FROM notifications WHERE event_id = $EV AND user_id = $V_ID")"
OWNER=$(sql "SELECT owner FROM launches WHERE id = $LID")
[ "$OWNER" = "$PMM_ID" ] || expect "the launch's owner hears of the change (owners follow what they own)" 1 "$(told "$EV" "$OWNER")"
oneshot DELETE "/api/v1/launches/$LID/watch" "$V"
expect "the viewer stops following: 200 not watching" "200 false" "$STATUS $(jget "$TMP/b" j.watching)"
BEFORE=$(count_of "$V_ID" launch.updated)
patch_launch "$PMM" "SSO for every plan, at last"
expect "... and hears nothing of the next change" "200 $BEFORE" "$STATUS $(count_of "$V_ID" launch.updated)"

# an owner who stops following what they own hears no more of it; a deactivated user hears nothing
FID=$(sql "SELECT min(id) FROM features WHERE pm_owner = $PM_ID")
patch_feature() {
	_v=$(sql "SELECT version FROM features WHERE id = $FID")
	BODY="{\"description\":\"$2\",\"version\":$_v}" oneshot PATCH "/api/v1/features/$FID" "$J" "$1"
}
patch_feature "$PMM" "Changed by the pmm"
expect "the pm owner hears of a change the pmm made to their feature" change "$(heard "$PM_ID" feature.updated | cut -d, -f1)"
oneshot DELETE "/api/v1/features/$FID/watch" "$PM"
BEFORE=$(count_of "$PM_ID" feature.updated)
patch_feature "$PMM" "Changed again"
expect "... stopped following it, the pm hears nothing of the next" "200 $BEFORE" "$STATUS $(count_of "$PM_ID" feature.updated)"
oneshot POST "/api/v1/features/$FID/watch" "$C"
patch_feature "$PMM" "Changed a third time"
expect "a contributor who follows it hears of it" change "$(heard "$C_ID" feature.updated | cut -d, -f1)"
sql "UPDATE users SET active = 0 WHERE id = $C_ID"
BEFORE=$(count_of "$C_ID" feature.updated)
patch_feature "$PMM" "Changed a fourth time"
expect "a deactivated follower hears nothing" "200 $BEFORE" "$STATUS $(count_of "$C_ID" feature.updated)"
sql "UPDATE users SET active = 1 WHERE id = $C_ID"

# --- a release moved: the owners of what it carries hear of it
REL=$(sql "SELECT release_id FROM launches WHERE release_id IS NOT NULL AND owner IS NOT NULL AND status IN ('planning', 'ready') LIMIT 1")
LOWNER=$(sql "SELECT owner FROM launches WHERE release_id = $REL AND owner IS NOT NULL LIMIT 1")
RV=$(sql "SELECT version FROM releases WHERE id = $REL")
NEWDATE=$(date -u -d "$(sql "SELECT target_date FROM releases WHERE id = $REL") + 13 days" +%F)
MOVER=$PM
[ "$LOWNER" = "$PM_ID" ] && MOVER=$LEADER
BODY="{\"target_date\":\"$NEWDATE\",\"version\":$RV}" oneshot POST "/api/v1/releases/$REL/reschedule" "$J" "$MOVER"
expect "the release is moved by 13 days: 200" 200 "$STATUS"
expect "the owner of a launch it carries hears of it as a moved release" release_moved \
	"$(heard "$LOWNER" release.rescheduled | cut -d, -f1)"

# --- a win: a goal measured at its target thanks its owners
GID=$(sql "SELECT min(id) FROM goals WHERE status = 'active' AND pm_owner IS NOT NULL AND target IS NOT NULL AND (baseline IS NULL OR baseline <= target)")
GOWNER=$(sql "SELECT pm_owner FROM goals WHERE id = $GID")
TARGET=$(sql "SELECT target FROM goals WHERE id = $GID")
GV=$(sql "SELECT version FROM goals WHERE id = $GID")
BODY="{\"value\":$TARGET,\"version\":$GV}" oneshot POST "/api/v1/goals/$GID/measurements" "$J" "$LEADER"
expect "the leader measures the goal at its target: 201" 201 "$STATUS"
expect "the owner is thanked for the win" win "$(heard "$GOWNER" win.created | cut -d, -f1)"

# --- marking read
oneshot GET "/api/v1/notifications?limit=1" "$PM"
N1=$(jget "$TMP/b" j.items[0].id)
CUR=$(jget "$TMP/b" j.next_cursor)
U0=$(jget "$TMP/b" j.unread)
oneshot GET "/api/v1/notifications?limit=1&cursor=$CUR" "$PM"
check "the cursor gives the next, older notification" [ "$(jget "$TMP/b" "j.items[0].id < $N1")" = true ]
BODY="{\"ids\":[$N1]}" oneshot POST /api/v1/notifications/read "$J" "$PM"
expect "mark one read: 200, one marked, one unread fewer" "200 1 $((U0 - 1))" \
	"$STATUS $(jget "$TMP/b" j.marked) $(jget "$TMP/b" j.unread)"
BODY="{\"ids\":[$N1]}" oneshot POST /api/v1/notifications/read "$J" "$PM"
expect "... again: nothing more to mark" "200 0" "$STATUS $(jget "$TMP/b" j.marked)"
BODY="{\"ids\":[$N1]}" oneshot POST /api/v1/notifications/read "$J" "$PMM"
expect "another's notification cannot be marked" "200 0" "$STATUS $(jget "$TMP/b" j.marked)"
bad() { # NAME FIELD BODY
	BODY=$3 oneshot POST /api/v1/notifications/read "$J" "$PM"
	expect "$1: 400 naming $2" "400 $2" "$STATUS $(jget "$TMP/b" j.error.field)"
}
bad "an id that is no number" "ids[1]" "{\"ids\":[$N1,\"x\"]}"
bad "ids that are no list" ids '{"ids":5}'
bad "neither ids nor all" ids '{}'
bad "both ids and all" all "{\"ids\":[$N1],\"all\":true}"
bad "all that is no boolean" all '{"all":"yes"}'
oneshot GET "/api/v1/notifications?limit=0" "$PM"
expect "limit 0: 400 naming limit" "400 limit" "$STATUS $(jget "$TMP/b" j.error.field)"
oneshot GET "/api/v1/notifications?unread=maybe" "$PM"
expect "unread maybe: 400 naming unread" "400 unread" "$STATUS $(jget "$TMP/b" j.error.field)"
oneshot GET "/api/v1/notifications"
expect "anonymous: 401" 401 "$STATUS"

# --- the inbox page and the header's count
oneshot GET / "$PMM"
check "the dashboard says how many are unread, linking to them" contains "$TMP/b" 'id="my-inbox">In your inbox: <a href="/inbox?unread=true">'
oneshot GET /inbox "$PMM"
expect "the pmm's inbox page: 200" 200 "$STATUS"
check "... says who asked for a review" contains "$TMP/b" "asked you to review"
check "... links to the launch" contains "$TMP/b" "href=\"/launches/$LID"
check "... the header shows the unread count" contains "$TMP/b" 'class="unread-count"'
BODY="all=true" oneshot POST /inbox/read "Content-Type: application/x-www-form-urlencoded" "$PMM"
expect "Mark all read from the page: 303 back to the inbox" "303 /inbox" "$STATUS $(header Location)"
oneshot GET /api/v1/notifications "$PMM"
expect "... nothing unread" 0 "$(jget "$TMP/b" j.unread)"
oneshot GET /inbox "$PMM"
check "... and no count in the header" lacks "$TMP/b" 'class="unread-count"'
oneshot GET "/launches/$LID" "$V"
check "a detail page offers Follow" contains "$TMP/b" "action=\"/launches/$LID/watch\""
BODY="on=1" oneshot POST "/launches/$LID/watch" "Content-Type: application/x-www-form-urlencoded" "$V"
expect "Follow from the page: 303 back to the object" "303 /launches/$LID" "$STATUS $(header Location)"
oneshot GET "/launches/$LID" "$V"
check "... which now says Following" contains "$TMP/b" ">Following</button>"
BODY="on=2" oneshot POST "/launches/$LID/watch" "Content-Type: application/x-www-form-urlencoded" "$V"
expect "on=2 from a form: 400" 400 "$STATUS"
finish
