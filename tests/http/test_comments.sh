#!/bin/sh
# test_comments.sh — discussion on any object (POST/GET/PATCH/DELETE /api/v1/comments): contributors comment, viewers
# do not; threads one reply deep; @mentions of people by email or full name kept as user ids; bad input (no such
# object, an empty body, a mention of nobody, a reply to a reply) refused with nothing changed; own versus others'
# comments; the discussion on a detail page, its forms posting to the generic create and back to #discussion.
. "$(dirname "$0")/lib.sh"
make_demo
PM=$(token pm)
J="Content-Type: application/json"
A="Authorization: Bearer $PM"
C="Authorization: Bearer $(token contributor)"
V="Authorization: Bearer $(token viewer)"
ADMIN="Authorization: Bearer $(token admin)"
PM_ID=$(sql "SELECT id FROM users WHERE email = 'pm@demo.tandem'")
PMM_ID=$(sql "SELECT id FROM users WHERE email = 'pmm@demo.tandem'")
C_ID=$(sql "SELECT id FROM users WHERE email = 'contributor@demo.tandem'")
LID=$(sql "SELECT min(id) FROM launches")
FID=$(sql "SELECT min(id) FROM features")
state() { sql "SELECT count(*) || ':' || coalesce(sum(version), 0) || ':' || coalesce(group_concat(body, '|'), '') || ':' ||
	(SELECT count(*) FROM comment_mentions) FROM comments"; }

# --- roles: a contributor may comment, a viewer may not
BODY="{\"on_kind\":\"launches\",\"on_id\":$LID,\"body\":\"Ready for **review**, @Marco Rossi?\",\"author\":1}" \
	oneshot POST /api/v1/comments "$J" "$C"
expect "a contributor comments: 201" 201 "$STATUS"
TOP=$(jget "$TMP/b" j.id)
expect "... written by its creator, whatever was sent" "$C_ID" "$(jget "$TMP/b" j.author)"
expect "... mentioning the PMM by full name" "[$PMM_ID]" "$(jget "$TMP/b" j.mentions)"
expect "... an open thread" "false null" "$(jget "$TMP/b" j.resolved) $(jget "$TMP/b" j.parent_id)"
BODY="{\"on_kind\":\"launches\",\"on_id\":$LID,\"body\":\"Looks fine\"}" oneshot POST /api/v1/comments "$J" "$V"
expect "a viewer may not comment: 403" 403 "$STATUS"
BODY="{\"on_kind\":\"launches\",\"on_id\":$LID,\"parent_id\":$TOP,\"body\":\"Yes — @pm@demo.tandem and @MARCO ROSSI, see @pm@demo.tandem.\"}" \
	oneshot POST /api/v1/comments "$J" "$A"
expect "the PM replies: 201" 201 "$STATUS"
REPLY=$(jget "$TMP/b" j.id)
expect "... mentions by email and by name in any case, each once, in order" "[$PM_ID,$PMM_ID]" "$(jget "$TMP/b" j.mentions)"
BODY="{\"on_kind\":\"features\",\"on_id\":$FID,\"body\":\"Mail me at priya@example.com\"}" oneshot POST /api/v1/comments "$J" "$A"
expect "an address inside a word is no mention" "201 []" "$STATUS $(jget "$TMP/b" j.mentions)"
OTHER=$(jget "$TMP/b" j.id)

# --- the generic list, filtered by the object
oneshot GET "/api/v1/comments?on_kind=launches&on_id=$LID" "$V"
expect "GET ?on_kind=&on_id= lists that object's discussion (a viewer may read)" "200 2" "$STATUS $(jget "$TMP/b" j.items.length)"
oneshot GET "/api/v1/comments?parent_id=$TOP" "$A"
expect "... and ?parent_id= the replies" "$REPLY" "$(jget "$TMP/b" 'j.items.map(i => i.id).join()')"

# --- bad input: 400 naming the field, nothing changed
BEFORE=$(state)
bad() { # NAME FIELD BODY
	BODY=$3 oneshot POST /api/v1/comments "$J" "$A"
	expect "$1: 400 naming $2" "400 $2" "$STATUS $(jget "$TMP/b" j.error.field)"
}
bad "an object that does not exist" on_id '{"on_kind":"launches","on_id":999999,"body":"Hello"}'
bad "a kind that does not exist" on_kind '{"on_kind":"spaceships","on_id":1,"body":"Hello"}'
bad "a comment on a comment" on_kind "{\"on_kind\":\"comments\",\"on_id\":$TOP,\"body\":\"Hello\"}"
bad "no object" on_id '{"on_kind":"launches","body":"Hello"}'
bad "an empty body" body "{\"on_kind\":\"launches\",\"on_id\":$LID,\"body\":\"\"}"
bad "a blank body" body "{\"on_kind\":\"launches\",\"on_id\":$LID,\"body\":\"  \\n \"}"
bad "no body" body "{\"on_kind\":\"launches\",\"on_id\":$LID}"
bad "a mention of nobody" body "{\"on_kind\":\"launches\",\"on_id\":$LID,\"body\":\"Ask @Nobody Atall\"}"
check "... naming the text" contains "$TMP/b" "@Nobody"
bad "a mention of an unknown email" body "{\"on_kind\":\"launches\",\"on_id\":$LID,\"body\":\"Ask @who@nowhere.test\"}"
bad "a reply to a reply" parent_id "{\"on_kind\":\"launches\",\"on_id\":$LID,\"parent_id\":$REPLY,\"body\":\"Deeper\"}"
bad "a reply on another object" parent_id "{\"on_kind\":\"features\",\"on_id\":$FID,\"parent_id\":$TOP,\"body\":\"Elsewhere\"}"
bad "a reply to no comment" parent_id "{\"on_kind\":\"launches\",\"on_id\":$LID,\"parent_id\":999999,\"body\":\"Hm\"}"
bad "resolved not a boolean" resolved "{\"on_kind\":\"launches\",\"on_id\":$LID,\"body\":\"Hm\",\"resolved\":\"yes\"}"
bad "a resolved reply" resolved "{\"on_kind\":\"launches\",\"on_id\":$LID,\"parent_id\":$TOP,\"body\":\"Hm\",\"resolved\":true}"
expect "... the database unchanged" "$BEFORE" "$(state)"

# --- edit and delete: your own, admins any
ver() { sql "SELECT version FROM comments WHERE id = $1"; }
BODY="{\"version\":$(ver "$TOP"),\"body\":\"Not yours\"}" oneshot PATCH "/api/v1/comments/$TOP" "$J" "$A"
expect "a PM may not edit the contributor's comment: 403" 403 "$STATUS"
oneshot DELETE "/api/v1/comments/$TOP" "$A"
expect "... nor delete it" "403 1" "$STATUS $(sql "SELECT count(*) FROM comments WHERE id = $TOP")"
BODY="{\"version\":$(ver "$REPLY"),\"body\":\"Edited: ask @Casey Support\"}" oneshot PATCH "/api/v1/comments/$REPLY" "$J" "$A"
expect "the PM edits their own reply, the mentions read again" "200 [$C_ID]" "$STATUS $(jget "$TMP/b" j.mentions)"
BEFORE=$(state)
BODY="{\"version\":$(ver "$REPLY"),\"on_id\":$FID,\"on_kind\":\"features\"}" oneshot PATCH "/api/v1/comments/$REPLY" "$J" "$A"
expect "a comment cannot move to another object" "400" "$STATUS"
BODY="{\"version\":$(ver "$REPLY"),\"body\":\"@ghost\"}" oneshot PATCH "/api/v1/comments/$REPLY" "$J" "$A"
expect "an edit mentioning nobody: 400 naming body" "400 body" "$STATUS $(jget "$TMP/b" j.error.field)"
expect "... nothing changed" "$BEFORE" "$(state)"
BODY="{\"version\":$(ver "$TOP"),\"resolved\":true}" oneshot PATCH "/api/v1/comments/$TOP" "$J" "$C"
expect "the contributor resolves their thread" "200 true" "$STATUS $(jget "$TMP/b" j.resolved)"
BODY="{\"version\":$(ver "$TOP"),\"resolved\":false}" oneshot PATCH "/api/v1/comments/$TOP" "$J" "$ADMIN"
expect "an admin may change anyone's comment" "200 false" "$STATUS $(jget "$TMP/b" j.resolved)"
# resolving a thread: who started it, or anyone who may act on the object (a pm, pmm, leader), on its first comment
BODY='{"resolved":true}' oneshot POST "/api/v1/comments/$TOP/resolve" "$J" "$A"
expect "the PM resolves the contributor's thread (POST .../resolve)" "200 true" "$STATUS $(jget "$TMP/b" j.resolved)"
expect "... the audit row says resolved" resolved "$(sql "SELECT action FROM audit WHERE kind = 'comments' AND object_id = $TOP ORDER BY id DESC LIMIT 1")"
BODY='{"resolved":false}' oneshot POST "/api/v1/comments/$TOP/resolve" "$J" "$C"
expect "the contributor who started it reopens it" "200 false" "$STATUS $(jget "$TMP/b" j.resolved)"
BODY='{"resolved":true}' oneshot POST "/api/v1/comments/$REPLY/resolve" "$J" "$A"
expect "a reply is not resolved: 400 naming parent_id" "400 parent_id" "$STATUS $(jget "$TMP/b" j.error.field)"
BODY='{"resolved":true}' oneshot POST "/api/v1/comments/$TOP/resolve" "$J" "Authorization: Bearer $(token viewer)"
expect "a viewer may not resolve: 403" 403 "$STATUS"
BODY='{"resolved":"yes"}' oneshot POST "/api/v1/comments/$TOP/resolve" "$J" "$A"
expect "resolved that is no boolean: 400 naming it" "400 resolved" "$STATUS $(jget "$TMP/b" j.error.field)"
oneshot DELETE "/api/v1/comments/$OTHER" "$A"
expect "the PM deletes their own comment" "204 0" "$STATUS $(sql "SELECT count(*) FROM comments WHERE id = $OTHER")"

# --- the pages: every detail page shows its discussion; the forms post to the generic create and come back
BODY='{"email":"pm@demo.tandem","password":"tandem-demo"}' oneshot POST /api/v1/session "$J"
COOKIE=$(header Set-Cookie | cut -d';' -f1)
CSRF=$(jget "$TMP/b" j.csrf_token)
F="Content-Type: application/x-www-form-urlencoded"
oneshot GET "/launches/$LID" "Cookie: $COOKIE"
check "the launch page has its discussion" contains "$TMP/b" '<section class="discussion" id="discussion"><h2>Discussion <span class="count">(1)</span>'
check "... the thread's Markdown rendered" contains "$TMP/b" "Ready for <strong>review</strong>"
check "... the reply indented under it" contains "$TMP/b" "<div class=\"replies\"><article class=\"comment\" id=\"comment-$REPLY\">"
check "... a reply form for the thread" contains "$TMP/b" "<input type=\"hidden\" name=\"parent_id\" value=\"$TOP\">"
check "... the new-comment form posting to the generic create" contains "$TMP/b" \
	"<input type=\"hidden\" name=\"on_kind\" value=\"launches\"><input type=\"hidden\" name=\"on_id\" value=\"$LID\">"
check "... people to mention, without JavaScript" contains "$TMP/b" '<option value="@Marco Rossi ">pmm@demo.tandem</option>'
check "... Edit for the PM's own reply" contains "$TMP/b" "href=\"/comments/$REPLY/edit\""
check "... not for the contributor's thread" lacks "$TMP/b" "href=\"/comments/$TOP/edit\""
oneshot GET "/features/$FID" "Cookie: $COOKIE"
check "every detail page has one (a feature)" contains "$TMP/b" 'No comments yet.'
BODY="_csrf=$CSRF&on_kind=features&on_id=$FID&body=First+%3Cb%3Ethoughts%3C%2Fb%3E+for+%40Priya+Patel" \
	oneshot POST /comments "Cookie: $COOKIE" "$F"
NEW=$(sql "SELECT max(id) FROM comments")
expect "commenting from the page: back to the object's discussion" "303 /features/$FID?saved=created#discussion" \
	"$STATUS $(header Location)"
expect "... the mention kept" "$PM_ID" "$(sql "SELECT group_concat(user_id) FROM comment_mentions WHERE comment_id = $NEW")"
oneshot GET "/features/$FID" "Cookie: $COOKIE"
check "... shown, raw HTML escaped" lacks "$TMP/b" "<b>thoughts</b>"
check "... with Resolve" contains "$TMP/b" "<form method=\"post\" action=\"/comments/$NEW/resolve\" class=\"comment-action\">"
BODY="_csrf=$CSRF&version=1&resolved=true" oneshot POST "/comments/$NEW/resolve" "Cookie: $COOKIE" "$F"
expect "Resolve: back to the comment" "303 /features/$FID#comment-$NEW" "$STATUS $(header Location)"
expect "... resolved, the body kept" "1|$PM_ID" "$(sql "SELECT resolved || '|' || (SELECT user_id FROM comment_mentions WHERE comment_id = $NEW) FROM comments WHERE id = $NEW")"
BEFORE=$(state)
BODY="_csrf=$CSRF&on_kind=features&on_id=$FID&body=ask+%40nobody" oneshot POST /comments "Cookie: $COOKIE" "$F"
expect "a page comment mentioning nobody: 400 form, nothing changed" "400 $BEFORE" "$STATUS $(state)"
check "... saying who" contains "$TMP/b" "body mentions @nobody"
BODY="_csrf=$CSRF" oneshot POST "/comments/$NEW/delete" "Cookie: $COOKIE" "$F"
expect "Delete: back to the discussion" "303 /features/$FID#discussion 0" \
	"$STATUS $(header Location) $(sql "SELECT count(*) FROM comments WHERE id = $NEW")"
# --- an object's discussion goes when the object is deleted
BODY='{"name":"Short-lived segment"}' oneshot POST /api/v1/segments "$J" "$A"
SEG=$(jget "$TMP/b" j.id)
BODY="{\"on_kind\":\"segments\",\"on_id\":$SEG,\"body\":\"Do we need this one?\"}" oneshot POST /api/v1/comments "$J" "$A"
expect "a comment on the new segment" "201 1" "$STATUS $(sql "SELECT count(*) FROM comments WHERE on_kind = 'segments' AND on_id = $SEG")"
oneshot DELETE "/api/v1/segments/$SEG" "$A"
expect "deleting the segment deletes its discussion" "204 0" "$STATUS $(sql "SELECT count(*) FROM comments WHERE on_kind = 'segments' AND on_id = $SEG")"
finish
