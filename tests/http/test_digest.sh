#!/bin/sh
# test_digest.sh — mail: `tandem digest --user` prints a person's digest as Markdown grouped by reason (nothing
# marked mailed); the preference (POST /api/v1/users/{id}/notify: yourself or an admin; 400 naming notify); serve with
# --smtp and --mail-from mails one digest a day to each digest user with something to tell (a second round sends none),
# each mention at once to an immediate user and no digest, nothing to a none user; bad mail options refused.
. "$(dirname "$0")/lib.sh"
make_demo
J="Content-Type: application/json"
PM="Authorization: Bearer $(token pm)"
PMM="Authorization: Bearer $(token pmm)"
V="Authorization: Bearer $(token viewer)"
ADMIN="Authorization: Bearer $(token admin)"
uid() { sql "SELECT id FROM users WHERE email = '$1@demo.tandem'"; }
PM_ID=$(uid pm) PMM_ID=$(uid pmm) LEADER_ID=$(uid leader) V_ID=$(uid viewer)

"$TANDEM" digest --user pm@demo.tandem --db "$DB" > "$TMP/digest.md" 2> "$TMP/digest.err"
expect "tandem digest --user: exit 0" 0 "$?"
check "... a Markdown digest for the pm" contains "$TMP/digest.md" "# Tandem digest for Priya Patel"
check "... grouped by reason: mentions" contains "$TMP/digest.md" "## Mentions"
check "... and reviews asked" contains "$TMP/digest.md" "## Reviews asked of you"
check "... each line who did what, with the link" sh -c "grep -q '^- \*\*Marco Rossi\*\* created comment' '$TMP/digest.md' && grep -q ' — /comments/' '$TMP/digest.md'"
expect "... nothing marked mailed by printing" 0 "$(sql "SELECT count(*) FROM notifications WHERE mailed_at IS NOT NULL")"
"$TANDEM" digest --user nobody@demo.tandem --db "$DB" > /dev/null 2>&1
expect "an unknown user: exit 1" 1 "$?"
"$TANDEM" digest --send --smtp ftp://x --mail-from a@b --db "$DB" > /dev/null 2>&1
expect "--send with an ftp URL: exit 2" 2 "$?"
"$TANDEM" serve --db "$DB" --smtp smtp://127.0.0.1:1 > /dev/null 2> "$TMP/serve.err"
expect "serve --smtp without --mail-from: exit 2" 2 "$?"
check "... saying what is missing" contains "$TMP/serve.err" "--mail-from"

# --- the preference
oneshot GET "/api/v1/users/$PMM_ID" "$PMM"
jget "$TMP/b" 'delete j.notify; JSON.stringify(j)' > "$TMP/user-before"
BODY='{"notify":"immediate"}' oneshot POST "/api/v1/users/$PMM_ID/notify" "$J" "$PMM"
expect "the pmm chooses immediate: 200" "200 immediate" "$STATUS $(jget "$TMP/b" j.notify)"
expect "... nothing else of the person changed" "$(cat "$TMP/user-before")" "$(jget "$TMP/b" 'delete j.notify; JSON.stringify(j)')"
BODY='{"notify":"none"}' oneshot POST "/api/v1/users/$PMM_ID/notify" "$J" "$PM"
expect "... the pm may not choose for the pmm: 403" 403 "$STATUS"
BODY='{"notify":"none"}' oneshot POST "/api/v1/users/$V_ID/notify" "$J" "$ADMIN"
expect "an admin sets the viewer's to none: 200" "200 none" "$STATUS $(jget "$TMP/b" j.notify)"
BODY='{"notify":"hourly"}' oneshot POST "/api/v1/users/$PM_ID/notify" "$J" "$PM"
expect "hourly: 400 naming notify" "400 notify" "$STATUS $(jget "$TMP/b" j.error.field)"
oneshot GET "/api/v1/users/$PM_ID" "$PM"
expect "the user's JSON says digest by default" digest "$(jget "$TMP/b" j.notify)"

# mentions for the pmm (immediate) and the viewer (none)
LID=$(sql "SELECT min(id) FROM launches")
BODY="{\"on_kind\":\"launches\",\"on_id\":$LID,\"body\":\"@pmm@demo.tandem and @viewer@demo.tandem: the date holds\"}" \
	oneshot POST /api/v1/comments "$J" "$PM"
expect "the pm mentions the pmm and the viewer: 201" 201 "$STATUS"

# --- serve mails them
M=$TMP/mail
mkdir -p "$M"
SPORT=20620
while ! python3 -c "import socket; s=socket.socket(); s.bind(('127.0.0.1',$SPORT))" 2>/dev/null; do SPORT=$((SPORT + 1)); done
python3 "$(dirname "$0")/tools/smtp_sink.py" "$SPORT" "$M" &
SINK=$!
sleep 0.5
export TANDEM_DAILY_INTERVAL_SECONDS=1
SERVE_ARGS="--smtp smtp://127.0.0.1:$SPORT --mail-from tandem@example.com --digest-hour 0" start_server 20600
mails_to() { grep -l "^<$1@demo.tandem>" "$M"/mail-*.txt 2>/dev/null | wc -l; }
for i in $(seq 60); do [ "$(mails_to pm)" -ge 1 ] && [ "$(mails_to pmm)" -ge 1 ] && break; sleep 0.2; done
sleep 2.5 # two more rounds of the daily work
expect "the pm (digest) gets one digest, however many rounds" 1 "$(mails_to pm)"
F=$(grep -l "^<pm@demo.tandem>" "$M"/mail-*.txt | head -1)
check "... a digest mail from Tandem" sh -c "grep -q '^Subject: Tandem: [0-9]* things for you today' '$F' && grep -q '^From: Tandem <tandem@example.com>' '$F'"
check "... in Markdown, plain text UTF-8" sh -c "grep -q '^Content-Type: text/plain; charset=utf-8' '$F' && grep -q '# Tandem digest for Priya Patel' '$F'"
expect "the pmm (immediate) gets one mail for the mention, no digest" 1 "$(mails_to pmm)"
F=$(grep -l "^<pmm@demo.tandem>" "$M"/mail-*.txt | head -1)
subject_of() { python3 -c 'import sys, email, email.header
f = open(sys.argv[1], encoding="utf-8"); f.readline()  # the envelope line
m = email.message_from_file(f)
print(str(email.header.make_header(email.header.decode_header(m["Subject"]))))' "$1"; }
SUBJ=$(subject_of "$F")
check "... saying who mentioned them (the subject is RFC 2047-encoded; decoded here): $SUBJ" \
	sh -c 'case "$1" in "Priya Patel mentioned you"*) exit 0 ;; esac; exit 1' _ "$SUBJ"
expect "the viewer (none) gets nothing" 0 "$(mails_to viewer)"
expect "... the pm's notifications are marked mailed, once" "0" \
	"$(sql "SELECT count(*) FROM notifications WHERE user_id = $PM_ID AND read_at IS NULL AND mailed_at IS NULL")"
expect "... and the digest is done for today" "$(date -u +%F)" "$(sql "SELECT digest_at FROM users WHERE id = $PM_ID")"
stop_server
kill "$SINK" 2>/dev/null
finish
