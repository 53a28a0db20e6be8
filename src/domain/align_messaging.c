/* align_messaging.c — alignment rules about the PMM's ground: launches whose segments have no approved
 * positioning or that near their date without an approved PR/FAQ, claims backed by features that will not be there,
 * messaging for people no feature serves, pillars without proof, approved positioning the lint still flags, and
 * battlecards of named competitors gone stale. */
#include <stdio.h>
#include <string.h>
#include "align.h"
#include "battlecard.h"
#include "message_lint.h"
#include "model/entity.h"
#include "model/launches.h"
#include "platform/json_get.h"
#include "platform/util.h"

/* Launches still to come whose segments have no approved positioning. */
void rule_launch_without_messaging(db *d, struct align_report *r, const struct align_rule *self)
{
	db_stmt *s = db_q(d,
	                  "SELECT l.id, l.title, g.id, g.name FROM launches l JOIN launch_segments ls ON ls.launch_id = l.id "
	                  "JOIN segments g ON g.id = ls.segment_id WHERE l.status IN ('planning', 'ready') "
	                  "AND NOT EXISTS (SELECT 1 FROM messages m WHERE m.segment_id = g.id AND m.level = 'positioning' "
	                  "AND m.status = 'approved') ORDER BY l.launch_date, l.id, g.name",
	                  "");
	while (s && db_step(s) == DB_ROW) {
		const char *launch = db_col_text(s, 1), *segment = db_col_text(s, 3);
		char msg[600], hint[300];
		snprintf(msg, sizeof msg, "Launch \"%s\" is for segment \"%s\", which has no approved positioning.", launch,
		         segment);
		snprintf(hint, sizeof hint,
		         "Write the segment's positioning on its messaging ladder (/messaging?segment_id=%lld) and have "
		         "a PM and a PMM approve it.",
		         db_col_int(s, 2));
		align_add(r, self, "launches", db_col_int(s, 0), launch, msg, hint);
	}
	db_done(s);
}

/* A message in review or approved (a draft claims nothing yet) backed by a declined feature, or by one a launch
 * for the message's segment announces that will not ship before it (not shipped, and in no release or in one whose
 * target date is after the launch); one finding per message, naming every such feature. */
void rule_claim_feature_not_ready(db *d, struct align_report *r, const struct align_rule *self)
{
	db_stmt *s = db_q(
	    d,
	    "SELECT m.id, m.text, f.title, f.status, (SELECT l.title FROM launches l JOIN launch_segments ls ON "
	    "ls.launch_id = l.id JOIN launch_features lf ON lf.launch_id = l.id AND lf.feature_id = f.id LEFT JOIN "
	    "releases rel ON rel.id = f.release_id WHERE ls.segment_id = m.segment_id AND l.status IN ('planning', "
	    "'ready') AND f.status <> 'shipped' AND (rel.id IS NULL OR rel.target_date > l.launch_date) ORDER BY "
	    "l.launch_date LIMIT 1) FROM messages m JOIN message_features mf ON mf.message_id = m.id JOIN features f ON "
	    "f.id = mf.feature_id WHERE m.status <> 'draft' ORDER BY m.id, f.title",
	    "");
	buf msg;
	buf_init(&msg);
	long long at = 0;
	const char *text = NULL;
	bool declined_any = false;
	for (bool row = s && db_step(s) == DB_ROW;; row = db_step(s) == DB_ROW) {
		long long id = row ? db_col_int(s, 0) : 0;
		if (at && id != at) { /* the message before is complete */
			buf_lit(&msg, ".");
			align_add(r, self, "messages", at, text, buf_str(&msg),
			          declined_any ? "Back the claim with features that will ship, or drop the claim."
			                       : "Put the features in a release that ships before the launch, or hold the claim until "
			                         "they do.");
			buf_reset(&msg), at = 0, declined_any = false;
		}
		if (!row)
			break;
		bool declined = str_eq(db_col_text(s, 3), "declined");
		const char *launch = db_col_text(s, 4);
		if (!declined && !launch)
			continue;
		if (!at) {
			at = id;
			text = arena_strdup(r->a, db_col_text(s, 1));
			buf_rawf(&msg, "Message \"%.200s\" is backed by", text);
		} else {
			buf_lit(&msg, ";");
		}
		if (declined)
			buf_rawf(&msg, " \"%s\", a declined feature", db_col_text(s, 2));
		else
			buf_rawf(&msg, " \"%s\", which does not ship before launch \"%s\"", db_col_text(s, 2), launch);
		declined_any |= declined;
	}
	buf_free(&msg);
	db_done(s);
}

/* A segment or persona that messaging targets but no accepted, planned, in-progress or shipped feature serves
 * (a feature serves the personas it names, and their segments). */
void rule_messaging_unserved_segment(db *d, struct align_report *r, const struct align_rule *self)
{
	static const char served[] = "f.status IN ('accepted', 'planned', 'in_progress', 'shipped') AND f.merged_into IS NULL";
	static const struct {
		const char *kind, *one, *sql;
	} targets[] = {
	    {"segments", "segment",
	     "SELECT g.id, g.name FROM segments g WHERE EXISTS (SELECT 1 FROM messages m WHERE m.segment_id = g.id) AND NOT "
	     "EXISTS (SELECT 1 FROM personas p JOIN feature_personas fp ON fp.persona_id = p.id JOIN features f ON f.id = "
	     "fp.feature_id WHERE p.segment_id = g.id AND %s) ORDER BY g.name"},
	    {"personas", "persona",
	     "SELECT p.id, p.name FROM personas p WHERE EXISTS (SELECT 1 FROM messages m WHERE m.persona_id = p.id) AND NOT "
	     "EXISTS (SELECT 1 FROM feature_personas fp JOIN features f ON f.id = fp.feature_id WHERE fp.persona_id = p.id "
	     "AND %s) ORDER BY p.name"},
	};
	for (size_t k = 0; k < sizeof targets / sizeof targets[0]; k++) {
		char sql[700];
		snprintf(sql, sizeof sql, targets[k].sql, served);
		db_stmt *s = db_q(d, sql, "");
		while (s && db_step(s) == DB_ROW) {
			char msg[400];
			snprintf(msg, sizeof msg, "Messaging targets %s \"%s\", but no accepted, planned or shipped feature serves it.",
			         targets[k].one, db_col_text(s, 1));
			align_add(r, self, targets[k].kind, db_col_int(s, 0), db_col_text(s, 1), msg,
			          "Plan a feature for its people, or stop promising them what the product does not do.");
		}
		db_done(s);
	}
}

/* A value proposition (a pillar) no insight backs: a pillar without proof is just a claim. */
void rule_pillar_without_proof(db *d, struct align_report *r, const struct align_rule *self)
{
	db_stmt *s = db_q(d,
	                  "SELECT m.id, m.text FROM messages m WHERE m.level = 'value_prop' AND NOT EXISTS (SELECT 1 FROM "
	                  "message_insights mi WHERE mi.message_id = m.id) ORDER BY m.id",
	                  "");
	while (s && db_step(s) == DB_ROW) {
		char msg[400];
		snprintf(msg, sizeof msg, "Pillar \"%.200s\" has no customer evidence behind it.", db_col_text(s, 1));
		align_add(r, self, "messages", db_col_int(s, 0), db_col_text(s, 1), msg,
		          "Link the insights that prove it: a pillar without proof is just a claim.");
	}
	db_done(s);
}

/* Approved positioning the lint still has problems with (approved before the lint was heeded, or approved anyway). */
void rule_positioning_lint(db *d, struct align_report *r, const struct align_rule *self)
{
	const struct entity *e = entity_find("messages");
	db_stmt *s = db_q(d, "SELECT id FROM messages WHERE level = 'positioning' AND status = 'approved' ORDER BY id", "");
	while (e && s && db_step(s) == DB_ROW) {
		json_t *m = entity_get(d, e, db_col_int(s, 0));
		json_t *problems = m ? message_lint(d, m) : NULL, *p;
		size_t i;
		json_array_foreach(problems, i, p)
		{
			char msg[600];
			snprintf(msg, sizeof msg, "Approved positioning \"%.160s\": %s", jget_str(m, "text"), jget_str(p, "message"));
			align_add(r, self, "messages", jget_int(m, "id"), jget_str(m, "text"), msg,
			          "Fix the statement (its lint names the part) and approve it again.");
		}
		json_decref(problems), json_decref(m);
	}
	db_done(s);
}

/* A tier 1 or 2 launch still to come, within its tier's lead time (or past its date), with no approved PR/FAQ:
 * working backwards is done before the launch, not after. */
void rule_launch_without_prfaq(db *d, struct align_report *r, const struct align_rule *self)
{
	struct launch_settings ls;
	launch_settings_get(d, &ls);
	int lead[4];
	memcpy(lead, ls.lead_days, sizeof lead);
	launch_settings_free(&ls);
	db_stmt *s = db_q(d,
	                  "SELECT l.id, l.title, l.tier, l.launch_date, (SELECT p.status FROM prfaqs p WHERE p.launch_id = "
	                  "l.id ORDER BY p.status = 'approved' DESC, p.id LIMIT 1) FROM launches l WHERE l.status IN "
	                  "('planning', 'ready') AND l.tier IN (1, 2) AND NOT EXISTS (SELECT 1 FROM prfaqs p WHERE "
	                  "p.launch_id = l.id AND p.status = 'approved') ORDER BY l.launch_date, l.id",
	                  "");
	while (s && db_step(s) == DB_ROW) {
		int tier = (int)db_col_int(s, 2);
		long days = date_diff(r->today, db_col_text(s, 3));
		if (days > lead[tier])
			continue;
		const char *status = db_col_text(s, 4);
		char msg[600];
		snprintf(msg, sizeof msg, "Tier %d launch \"%s\" is %ld day%s away (lead time %d days) and %s.", tier,
		         db_col_text(s, 1), days, days == 1 ? "" : "s", lead[tier],
		         !status ? "has no PR/FAQ" : str_eq(status, "in_review") ? "its PR/FAQ is still in review"
		                                                                 : "its PR/FAQ is a draft");
		align_add(r, self, "launches", db_col_int(s, 0), db_col_text(s, 1), msg,
		          status ? "Have a PM and a PMM approve the PR/FAQ." : "Write the PR/FAQ (working backwards) and have a PM and a PMM approve it.");
	}
	db_done(s);
}

/* A competitor that positioning names, whose battlecard (the competitor and its objections) has not changed in 90
 * days while a launch is coming: sales will fight with last season's answers. */
void rule_battlecard_stale(db *d, struct align_report *r, const struct align_rule *self)
{
	if (db_int(d, 0, "SELECT count(*) FROM launches WHERE status IN ('planning', 'ready') AND launch_date >= ?", "t",
	           r->today) == 0)
		return;
	char since[11];
	date_add(r->today, -BATTLECARD_STALE_DAYS, since);
	db_stmt *s = db_q(d,
	                  "SELECT c.id, c.name, c.updated_at, (SELECT max(o.updated_at) FROM objections o WHERE "
	                  "o.competitor_id = c.id) FROM competitors c WHERE (EXISTS (SELECT 1 FROM "
	                  "messages m WHERE m.level = 'positioning' AND m.competitor_id = c.id) OR EXISTS (SELECT 1 FROM "
	                  "message_competitors mc JOIN messages m ON m.id = mc.message_id WHERE m.level = 'positioning' AND "
	                  "mc.competitor_id = c.id)) ORDER BY c.name",
	                  "");
	while (s && db_step(s) == DB_ROW) {
		const char *at = db_col_text(s, 2), *objections = db_col_text(s, 3);
		if (objections && (!at || strcmp(objections, at) > 0))
			at = objections; /* the later of the competitor's change and its objections' */
		if (!at || strncmp(at, since, 10) >= 0)
			continue;
		char msg[400];
		snprintf(msg, sizeof msg, "The battlecard of %s, named in positioning, was last updated on %.10s (over %d days ago) "
		         "and a launch is coming.", db_col_text(s, 1), at, BATTLECARD_STALE_DAYS);
		align_add(r, self, "competitors", db_col_int(s, 0), db_col_text(s, 1), msg,
		          "Review how they position now and the objections sales hears, and update the battlecard.");
	}
	db_done(s);
}
