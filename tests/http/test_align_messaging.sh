# test_align_messaging.sh — the alignment rules about messaging, each found on the demo or on data made here and
# gone once fixed: launch-without-messaging, claim-feature-not-ready (drafts claim nothing), pillar-without-proof,
# messaging-unserved-segment, positioning-lint, launch-without-prfaq, battlecard-stale.
. "$(dirname "$0")/lib.sh"
make_demo
PM=$(token pm)
PMM=$(token pmm)
VIEWER=$(token viewer)
J="Content-Type: application/json"
req() { # TOKEN METHOD PATH [BODY]
	_t=$1 _m=$2 _p=$3
	if [ $# -ge 4 ]; then
		BODY=$4
		oneshot "$_m" "$_p" "Authorization: Bearer $_t" "$J"
		unset BODY
	else
		oneshot "$_m" "$_p" "Authorization: Bearer $_t"
	fi
}
# The findings of one rule as "kind#id" lines joined by commas.
found() {
	req "$VIEWER" GET "/api/v1/alignment?rule=$1"
	jget "$TMP/b" 'j.findings.map(f => f.kind + "#" + f.id).join(",")'
}
message() { jget "$TMP/b" "(j.findings.find(f => f.kind + '#' + f.id === '$1') || {}).message"; }
ENT=$(sql "SELECT id FROM segments WHERE name = 'Enterprise IT'")
LAUNCH2=$(sql "SELECT l.id FROM launches l JOIN launch_segments s ON s.launch_id = l.id WHERE s.segment_id = $ENT AND l.status IN ('planning', 'ready') LIMIT 1")
POS=$(sql "SELECT id FROM messages WHERE segment_id = $ENT AND level = 'positioning'")

# --- launch-without-messaging: the enterprise launch, until its segment's positioning is approved
expect "a launch for a segment without approved positioning is found" "launches#$LAUNCH2" "$(found launch-without-messaging)"
check "... naming the segment" sh -c "echo '$(message "launches#$LAUNCH2")' | grep -q 'segment \"Enterprise IT\", which has no approved positioning'"

# --- claim-feature-not-ready: the enterprise positioning (in review) names SSO, which its launch announces before
# the release ships; the drafts under it claim nothing yet
expect "a message in review backed by a feature that ships after its launch is found, drafts are not" "messages#$POS" \
	"$(found claim-feature-not-ready)"
check "... naming the feature and the launch" sh -c "echo '$(message "messages#$POS")' | grep -q 'SAML single sign-on\", which does not ship before launch'"

# the PMM approves the positioning (the PM did already): the launch has messaging now; the lint's problems show
V=$(sql "SELECT version FROM messages WHERE id = $POS")
req "$PMM" POST "/api/v1/messages/$POS/approve" "{\"version\":$V}"
expect "the PMM's approval completes the positioning" "200 approved" "$STATUS $(jget "$TMP/b" j.status)"
expect "launch-without-messaging is gone for it" "" "$(found launch-without-messaging)"
expect "positioning-lint: the approved positioning still has lint problems" "messages#$POS" "$(found positioning-lint | tr ',' '\n' | sort -u | paste -sd, -)"

# --- a declined feature behind a message in review
SMB=$(sql "SELECT id FROM segments WHERE name = 'Mid-market operations'")
PARENT=$(sql "SELECT id FROM messages WHERE segment_id = $SMB AND level = 'positioning'")
F_DECLINED=$(sql "SELECT id FROM features WHERE status = 'declined' LIMIT 1")
req "$PMM" POST /api/v1/messages "{\"segment_id\":$SMB,\"level\":\"value_prop\",\"text\":\"Dashboards in one click\",\"parent_id\":$PARENT,\"feature_ids\":[$F_DECLINED],\"status\":\"in_review\"}"
expect "a pillar backed by a declined feature is added, in review" 201 "$STATUS"
M=$(jget "$TMP/b" j.id)
found claim-feature-not-ready > /dev/null
check "claim-feature-not-ready names the declined feature" sh -c "echo '$(message "messages#$M")' | grep -q 'a declined feature'"

# --- pillar-without-proof: that pillar has no insight; linking one clears it
expect "pillar-without-proof finds the pillar with no insight" "messages#$M" "$(found pillar-without-proof)"
INS=$(sql "SELECT min(id) FROM insights")
V=$(sql "SELECT version FROM messages WHERE id = $M")
req "$PMM" PATCH "/api/v1/messages/$M" "{\"insight_ids\":[$INS],\"version\":$V}"
expect "an insight linked" 200 "$STATUS"
expect "... and the pillar has proof" "" "$(found pillar-without-proof)"

# --- messaging-unserved-segment: messaging for a segment no feature serves
req "$PM" POST /api/v1/segments '{"name":"Public sector"}'
NS=$(jget "$TMP/b" j.id)
expect "a segment with no messaging is not found" "" "$(found messaging-unserved-segment)"
req "$PMM" POST /api/v1/messages "{\"segment_id\":$NS,\"level\":\"positioning\",\"text\":\"Northwind for city operations\"}"
expect "its first message is added" 201 "$STATUS"
expect "messaging-unserved-segment: messaging targets a segment no planned feature serves" "segments#$NS" \
	"$(found messaging-unserved-segment)"
req "$PM" POST /api/v1/personas "{\"name\":\"City ops lead\",\"segment_id\":$NS}"
P=$(jget "$TMP/b" j.id)
F_PLANNED=$(sql "SELECT id FROM features WHERE status = 'planned' LIMIT 1")
V=$(sql "SELECT version FROM features WHERE id = $F_PLANNED")
PERS=$(sql "SELECT group_concat(persona_id) FROM feature_personas WHERE feature_id = $F_PLANNED")
req "$PM" PATCH "/api/v1/features/$F_PLANNED" "{\"persona_ids\":[${PERS:+$PERS,}$P],\"version\":$V}"
expect "a planned feature now serves the segment's persona" 200 "$STATUS"
expect "... and the segment is served" "" "$(found messaging-unserved-segment)"

# --- launch-without-prfaq: the tier-1 launch is inside its lead time and its PR/FAQ is in review
L1=$(sql "SELECT id FROM launches WHERE title = 'Alerts where your team talks'")
expect "a tier 1 launch within its lead time without an approved PR/FAQ is found" "launches#$L1" \
	"$(found launch-without-prfaq | tr ',' '\n' | grep -x "launches#$L1")"
check "... saying its PR/FAQ is in review" sh -c "echo '$(message "launches#$L1")' | grep -q 'its PR/FAQ is still in review'"
PF=$(sql "SELECT id FROM prfaqs WHERE launch_id = $L1 LIMIT 1")
req "$PM" POST "/api/v1/prfaqs/$PF/approve" '{}'
req "$PMM" POST "/api/v1/prfaqs/$PF/approve" '{}'
expect "the PM and the PMM approve the PR/FAQ" "200 approved" "$STATUS $(jget "$TMP/b" j.status)"
expect "... and the launch is no longer found" "" "$(found launch-without-prfaq | tr ',' '\n' | grep -x "launches#$L1")"

# --- battlecard-stale: a competitor named in positioning, unchanged for over 90 days, while a launch is coming
C=$(sql "SELECT c.id FROM competitors c WHERE c.id IN (SELECT competitor_id FROM messages WHERE level = 'positioning' UNION SELECT mc.competitor_id FROM message_competitors mc JOIN messages m ON m.id = mc.message_id WHERE m.level = 'positioning') AND c.id IN (SELECT competitor_id FROM objections) LIMIT 1")
expect "a battlecard changed today is not stale" "" "$(found battlecard-stale)"
sql "UPDATE competitors SET updated_at = '2020-01-01T00:00:00Z' WHERE id = $C; UPDATE objections SET updated_at = '2020-01-02T00:00:00Z' WHERE competitor_id = $C"
expect "unchanged since 2020 (its objections too): found" "competitors#$C" "$(found battlecard-stale)"
check "... naming the date of the last change (the later of the two)" sh -c "echo '$(message "competitors#$C")' | grep -q 'last updated on 2020-01-02'"
OB=$(sql "SELECT id FROM objections WHERE competitor_id = $C LIMIT 1")
V=$(sql "SELECT version FROM objections WHERE id = $OB")
req "$PMM" PATCH "/api/v1/objections/$OB" "{\"answer\":\"Updated for this quarter.\",\"version\":$V}"
expect "an objection updated" 200 "$STATUS"
expect "... and the battlecard is fresh again" "" "$(found battlecard-stale)"

# each rule is described with the others (docs/ARCHITECTURE.md)
for r in launch-without-prfaq battlecard-stale launch-without-messaging claim-feature-not-ready messaging-unserved-segment pillar-without-proof positioning-lint; do
	check "the rule $r is described in docs/ARCHITECTURE.md" grep -qF "\`$r\`" "$ROOT/docs/ARCHITECTURE.md"
done
finish
