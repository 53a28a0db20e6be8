/* messages.c — the messages kind described once (the ladder's levels, Moore's positioning parts, Dunford's
 * components as links), its ladder rules and its approval actions. */
#include "messages.h"
#include <stdio.h>
#include <string.h>
#include "platform/json_get.h"

static const char *const levels[] = {"feature", "benefit", "value_prop", "positioning", NULL};
static const char *const level_labels[] = {"Feature", "Benefit", "Value proposition (pillar)", "Positioning", NULL};

static const struct link feature_links = {"message_features", "message_id", "feature_id", NULL, 0, 0, NULL};
static const struct link insight_links = {"message_insights", "message_id", "insight_id", NULL, 0, 0, NULL};
static const struct link competitor_links = {"message_competitors", "message_id", "competitor_id", NULL, 0, 0, NULL};

static const struct field message_fields[] = {
	{"text", "Message", FT_TEXT, F_REQUIRED | F_LISTED | F_SEARCH, 2000,
	 .help = "The claim in the customer's words (a positioning: its one-line summary)"},
	{"level", "Level", FT_ENUM, F_REQUIRED | F_LISTED | F_FILTER | F_SORT, .choices = levels, .labels = level_labels,
	 .help = "positioning on top, value props (pillars) under it, benefits under those, features at the bottom"},
	{"segment_id", "Segment", FT_REF, F_REQUIRED | F_LISTED | F_FILTER, .ref = "segments",
	 .help = "The best-fit customer: the ladder is per segment"},
	{"persona_id", "Persona", FT_REF, F_FILTER, .ref = "personas", .help = "Optional: a persona of that segment"},
	{"parent_id", "Parent message", FT_REF, F_FILTER, .ref = "messages",
	 .help = "The message one level up it supports (none for a positioning)"},
	APPROVAL_STATUS_FIELD,
	{"feature_ids", "Features", FT_LINKS, F_FILTER, 50, .ref = "features", .link = &feature_links,
	 .help = "What backs the claim: the unique attributes"},
	{"insight_ids", "Proof (insights)", FT_LINKS, F_FILTER, 100, .ref = "insights", .link = &insight_links,
	 .help = "Customer evidence that proves it: a pillar without proof is just a claim"},
	{"for", "For (target customer)", FT_STRING, 0, 300, .help = "Positioning only: who it is for"},
	{"who", "Who (need)", FT_STRING, 0, 300, .help = "Positioning only: the need or opportunity they have"},
	{"product", "Product", FT_STRING, 0, 120, .help = "Positioning only: the product's name"},
	{"category", "Market category", FT_STRING, 0, 200, .help = "Positioning only: the category it competes in"},
	{"benefit", "Key benefit", FT_STRING, 0, 300, .help = "Positioning only: that ... (the compelling reason to buy)"},
	{"competitor_id", "Primary alternative", FT_REF, F_FILTER, .ref = "competitors",
	 .help = "Positioning only: the competitor it is unlike"},
	{"unlike", "Unlike (free text)", FT_STRING, 0, 300,
	 .help = "Positioning only: the alternative when it is no competitor (spreadsheets, doing nothing)"},
	{"differentiator", "Differentiator", FT_TEXT, 0, 1000,
	 .help = "Positioning only: what our product does that the alternative does not"},
	{"competitor_ids", "Competitive alternatives", FT_LINKS, F_FILTER, 20, .ref = "competitors",
	 .link = &competitor_links, .help = "Positioning only: what the buyer would use instead"},
};

int message_level_rank(const char *level)
{
	for (int i = 0; level && levels[i]; i++)
		if (!strcmp(levels[i], level))
			return i;
	return -1;
}

const char *message_level_below(const char *level)
{
	int r = message_level_rank(level);
	return r > 0 ? levels[r - 1] : NULL;
}

enum { LADDER_DEPTH_MAX = 64 }; /* a walk up the parents stops here: deeper is a cycle in stored data */

int message_check(db *d, long long id, json_t *obj, struct err *err)
{
	const char *level = jget_str(obj, "level");
	long long seg = jget_int(obj, "segment_id"), parent = jget_int(obj, "parent_id");
	long long persona = jget_int(obj, "persona_id");
	if (persona > 0) {
		long long pseg = db_int(d, 0, "SELECT segment_id FROM personas WHERE id = ?", "i", persona);
		if (pseg > 0 && pseg != seg)
			return err_invalid(err, "persona_id", "persona %lld belongs to another segment (%lld)", persona, pseg);
	}
	if (parent > 0) {
		if (parent == id)
			return err_invalid(err, "parent_id", "a message cannot be its own parent");
		if (!strcmp(level, "positioning"))
			return err_invalid(err, "parent_id", "a positioning is the top of the ladder: it has no parent");
		db_stmt *s = db_q(d, "SELECT level, segment_id FROM messages WHERE id = ?", "i", parent);
		char plevel[16] = "";
		long long pseg = 0;
		if (s && db_step(s) == DB_ROW) {
			snprintf(plevel, sizeof plevel, "%s", db_col_text(s, 0));
			pseg = db_col_int(s, 1);
		}
		db_done(s);
		if (message_level_rank(plevel) != message_level_rank(level) + 1)
			return err_invalid(err, "parent_id",
			                   "a %s's parent must be one level up (a %s); message %lld is a %s", level,
			                   message_level_rank(level) + 1 < 4 ? levels[message_level_rank(level) + 1] : "nothing",
			                   parent, plevel);
		if (pseg != seg)
			return err_invalid(err, "parent_id", "the parent message %lld is in another segment (%lld)", parent, pseg);
		/* walk up: reaching this message again is a cycle */
		long long cur = parent;
		for (int depth = 0; cur > 0 && id > 0; depth++) {
			if (cur == id || depth > LADDER_DEPTH_MAX)
				return err_invalid(err, "parent_id", "message %lld is under this one: that would be a cycle", parent);
			cur = db_int(d, 0, "SELECT parent_id FROM messages WHERE id = ?", "i", cur);
		}
	}
	if (id > 0) { /* its children stay one level down, in its segment */
		const char *below = message_level_below(level);
		long long bad = db_int(d, 0, "SELECT id FROM messages WHERE parent_id = ? AND (segment_id != ? OR level != ?) "
		                             "ORDER BY id LIMIT 1",
		                       "iit", id, seg, below ? below : "");
		if (bad > 0)
			return err_invalid(err, db_int(d, 0, "SELECT segment_id FROM messages WHERE id = ?", "i", bad) != seg
			                            ? "segment_id"
			                            : "level",
			                   "message %lld is under this one: change or move it first (a child is one level down, "
			                   "in the same segment)",
			                   bad);
	}
	return 0;
}

struct entity messages_entity = {
	.kind = "messages", .table = "messages", .one = "message", .label = "Messages", .title_field = "text",
	.blurb = "The messaging ladder per segment: positioning, value props, benefits and features, each backed by "
	         "features and customer proof.",
	.fields = message_fields, .nfields = COUNT(message_fields), .write_rank = RANK_EDITOR, .default_sort = "level",
	.check = message_check, .approvals = true,
};

APPROVAL_ACTIONS(messages, "messages");

long long message_features_backing(db *d, json_t *feature_ids)
{
	long long n = 0;
	size_t i;
	json_t *id;
	json_array_foreach(feature_ids, i, id)
	n += db_int(d, 0, "SELECT count(*) FROM features WHERE id = ? AND status IN ('shipped', 'in_progress', 'planned')",
	            "i", (long long)json_integer_value(id));
	return n;
}

json_t *messages_of_segment(db *d, long long segment_id)
{
	json_t *out = json_array();
	db_stmt *s = db_q(d, "SELECT id, level, text, status, parent_id, persona_id, (SELECT count(*) FROM message_insights "
	                     "AS mi WHERE mi.message_id = messages.id) FROM messages WHERE segment_id = ? ORDER BY CASE level "
	                     "WHEN 'positioning' THEN 0 WHEN 'value_prop' THEN 1 WHEN 'benefit' THEN 2 ELSE 3 END, id",
	                  "i", segment_id);
	while (s && db_step(s) == DB_ROW)
		json_array_append_new(out, json_pack("{sIsssssssosososI}", "id", (json_int_t)db_col_int(s, 0), "level",
		                                     db_col_text(s, 1), "text", db_col_text(s, 2), "status", db_col_text(s, 3),
		                                     "parent_id", jcol_int(s, 4), "persona_id", jcol_int(s, 5), "features",
		                                     json_array(), "proof", (json_int_t)db_col_int(s, 6)));
	db_done(s);
	size_t i;
	json_t *m;
	json_array_foreach(out, i, m)
	{
		json_t *fs = json_object_get(m, "features");
		db_stmt *f = db_q(d, "SELECT f.id, f.title, f.status FROM message_features AS mf JOIN features AS f ON f.id = "
		                     "mf.feature_id WHERE mf.message_id = ? ORDER BY f.id",
		                  "i", jget_int(m, "id"));
		while (f && db_step(f) == DB_ROW)
			json_array_append_new(fs, json_pack("{sIssss}", "id", (json_int_t)db_col_int(f, 0), "title",
			                                    db_col_text(f, 1), "status", db_col_text(f, 2)));
		db_done(f);
	}
	return out;
}
