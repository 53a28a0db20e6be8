/* align_messaging.c — alignment rules about the PMM's messaging: launches whose segments have no approved
 * positioning, claims backed by features that will not be there, messaging for people no feature serves,
 * pillars without proof, and approved positioning the lint still flags. */
#include <stdio.h>
#include "align.h"
#include "message_lint.h"
#include "model/entity.h"
#include "platform/json_get.h"

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
