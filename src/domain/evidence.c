/* evidence.c — linking insights to features with an importance, unlinking, and listing a feature's evidence
 * (with its source mix) or an insight's features; every change audited on both objects. */
#include "evidence.h"
#include <math.h>
#include <string.h>
#include "demand.h"
#include "model/entity.h"
#include "model/insights.h"
#include "model/queries.h"
#include "platform/util.h"
#include "model/users.h"
#include "platform/json_get.h"

const char *evidence_importance_label(long long importance)
{
	static const char *const labels[] = {"nice to have", "important", "critical"};
	return importance >= 1 && importance <= 3 ? labels[importance - 1] : NULL;
}

/* The same change told on both objects' histories. imp_from is 0 when the link is new, imp_to 0 when removed. */
static int audit_both(db *d, long long actor, long long feature_id, long long insight_id, int imp_from, int imp_to)
{
	json_t *imp = imp_from && imp_to ? json_pack("{sisi}", "from", imp_from, "to", imp_to)
	                                 : json_integer(imp_to ? imp_to : imp_from);
	const char *fa = !imp_from ? "evidence linked" : !imp_to ? "evidence unlinked" : "evidence changed";
	const char *ia = !imp_from ? "linked to a feature" : !imp_to ? "unlinked from a feature" : "link changed";
	json_t *cf = json_pack("{sIsO}", "insight_id", (json_int_t)insight_id, "importance", imp);
	json_t *ci = json_pack("{sIsO}", "feature_id", (json_int_t)feature_id, "importance", imp);
	int rc = audit_write(d, actor, "features", feature_id, fa, cf) < 0 || audit_write(d, actor, "insights", insight_id, ia, ci) < 0
	             ? -1
	             : 0;
	json_decref(cf), json_decref(ci), json_decref(imp);
	return rc;
}

static const struct field link_fields[] = {
	{"insight_id", "Insight", FT_REF, F_REQUIRED, .ref = "insights", .help = "The insight that backs the feature"},
	{"importance", "Importance", FT_INT, 0, 0, 1, 3, .dflt = "2",
	 .help = "1 (nice to have), 2 (important) or 3 (critical)"},
};

/* Link an insight to the feature, or change the link's importance; a merged duplicate takes no evidence. */
static int link(struct act *x)
{
	json_t *merged = json_object_get(x->obj, "merged_into");
	if (json_is_integer(merged))
		return err_set(x->err, 409, "conflict", "feature",
		               "feature %lld was merged into feature %lld; link the evidence to that one", x->id,
		               (long long)json_integer_value(merged));
	long long insight = jget_int(x->in, "insight_id"), importance = jget_int(x->in, "importance");
	int old = (int)db_int(x->d, 0, "SELECT importance FROM feature_insights WHERE feature_id = ? AND insight_id = ?",
	                      "ii", x->id, insight);
	char now[21];
	now_rfc3339(now);
	int rc = DB_OK;
	if (!old)
		rc = db_run(x->d, "INSERT INTO feature_insights(feature_id, insight_id, importance, created_at) VALUES (?, ?, ?, ?)",
		            "iiit", x->id, insight, importance, now);
	else if (old != importance)
		rc = db_run(x->d, "UPDATE feature_insights SET importance = ? WHERE feature_id = ? AND insight_id = ?", "iii",
		            importance, x->id, insight);
	if (rc != DB_OK || (old != importance && audit_both(x->d, x->actor, x->id, insight, old, (int)importance) < 0))
		return err_internal(x->err);
	db_stmt *s = db_q(x->d, "SELECT importance, created_at FROM feature_insights WHERE feature_id = ? AND insight_id = ?",
	                  "ii", x->id, insight);
	if (s && db_step(s) == DB_ROW)
		x->out = json_pack("{sIsIsIss}", "feature_id", (json_int_t)x->id, "insight_id", (json_int_t)insight,
		                   "importance", (json_int_t)db_col_int(s, 0), "created_at", db_col_text(s, 1));
	db_done(s);
	x->status = old ? 200 : 201;
	return x->out ? 0 : err_internal(x->err);
}

const struct action evidence_link_action = {
	.name = "evidence-link", .one = "an evidence link", .verb = "evidence linked", .kind = "features",
	.method = HTTP_POST, .api_path = "/api/v1/features/{id}/evidence", .page_path = "/features/{id}/evidence",
	.rank = RANK_CONTRIBUTOR, .flags = A_CREATED, .fields = link_fields, .nfields = COUNT(link_fields),
	.summary = "Link an insight to the feature with an importance 1-3 (201), or change the importance (200)",
	.answer = "EvidenceLink", .button = "Link", .missing_field = "feature", .run = link,
};

/* Remove a link ({mid}: the insight), told on both objects. */
static int unlink_insight(struct act *x)
{
	int old = (int)db_int(x->d, 0, "SELECT importance FROM feature_insights WHERE feature_id = ? AND insight_id = ?",
	                      "ii", x->id, x->sub);
	if (!old)
		return err_not_found(x->err, "insight %lld is not linked to feature %lld", x->sub, x->id);
	if (db_run(x->d, "DELETE FROM feature_insights WHERE feature_id = ? AND insight_id = ?", "ii", x->id, x->sub) !=
	        DB_OK ||
	    audit_both(x->d, x->actor, x->id, x->sub, old, 0) < 0)
		return err_internal(x->err);
	return 0;
}

const struct action evidence_unlink_action = {
	.name = "evidence-unlink", .one = "an unlink", .verb = "evidence unlinked", .kind = "features", .method = HTTP_DELETE,
	.api_path = "/api/v1/features/{id}/evidence/{mid}", .page_path = "/features/{id}/evidence/{mid}/delete",
	.rank = RANK_CONTRIBUTOR, .flags = A_NO_BODY | A_EMPTY, .summary = "Unlink an insight ({mid}: its id) from the feature",
	.button = "Unlink", .missing_field = "feature", .run = unlink_insight,
};

long long evidence_count(db *d, long long feature_id)
{
	return db_int(d, 0, "SELECT count(*) FROM feature_insights WHERE feature_id = ?", "i", feature_id);
}

bool evidence_linked(db *d, long long feature_id, long long insight_id)
{
	return db_int(d, 0, "SELECT 1 FROM feature_insights WHERE feature_id = ? AND insight_id = ?", "ii", feature_id,
	              insight_id) == 1;
}

static json_t *text_or_null(db_stmt *s, int i) { return db_col_null(s, i) ? json_null() : json_string(db_col_text(s, i)); }

/* Every source with its number of linked insights (0 included), in the descriptor's order. */
static json_t *source_mix(db *d, long long feature_id)
{
	json_t *mix = json_object();
	const struct field *f = entity_field(&insights_entity, "source");
	for (const char *const *c = f ? f->choices : NULL; c && *c; c++)
		json_object_set_new(mix, *c, json_integer(0));
	db_stmt *s = db_q(d,
	                  "SELECT i.source, count(*) FROM feature_insights fi JOIN insights i ON i.id = fi.insight_id "
	                  "WHERE fi.feature_id = ? GROUP BY i.source",
	                  "i", feature_id);
	while (s && db_step(s) == DB_ROW)
		json_object_set_new(mix, db_col_text(s, 0), json_integer(db_col_int(s, 1)));
	db_done(s);
	return mix;
}

json_t *evidence_list(db *d, long long feature_id, struct err *e)
{
	if (!entity_ref_exists(d, "features", feature_id)) {
		err_set(e, 404, "not_found", "feature", "no feature with id %lld", feature_id);
		return NULL;
	}
	bool weighting = demand_arr_weighting(d);
	json_t *items = json_array();
	db_stmt *s = db_q(d,
	                  "SELECT i.id, i.text, i.author, i.source, i.observed_at, i.account_id, a.name, a.arr, "
	                  "fi.importance, fi.created_at FROM feature_insights fi JOIN insights i ON i.id = fi.insight_id "
	                  "LEFT JOIN accounts a ON a.id = i.account_id WHERE fi.feature_id = ? "
	                  "ORDER BY fi.importance DESC, coalesce(a.arr, 0) DESC, i.observed_at DESC, i.id LIMIT ?",
	                  "ii", feature_id, (long long)EVIDENCE_LIST_MAX);
	int rc = DB_ERR;
	while (s && (rc = db_step(s)) == DB_ROW) {
		double arr = db_col_null(s, 7) ? 0 : db_col_double(s, 7);
		int imp = (int)db_col_int(s, 8);
		json_t *o = json_pack("{sIss}", "insight_id", (json_int_t)db_col_int(s, 0), "text", db_col_text(s, 1));
		json_object_set_new(o, "author", text_or_null(s, 2));
		json_object_set_new(o, "source", json_string(db_col_text(s, 3)));
		json_object_set_new(o, "observed_at", text_or_null(s, 4));
		json_object_set_new(o, "account_id", jcol_int(s, 5));
		json_object_set_new(o, "account", text_or_null(s, 6));
		json_object_set_new(o, "arr", jcol_int(s, 7));
		json_object_set_new(o, "importance", json_integer(imp));
		json_object_set_new(o, "weight", json_real(round(imp * demand_arr_factor(arr, weighting) * 100) / 100));
		json_object_set_new(o, "linked_at", json_string(db_col_text(s, 9)));
		json_array_append_new(items, o);
	}
	db_done(s);
	if (rc != DB_DONE) {
		json_decref(items);
		err_internal(e);
		return NULL;
	}
	long long total = db_int(d, 0, "SELECT count(*) FROM feature_insights WHERE feature_id = ?", "i", feature_id);
	return json_pack("{sosIso}", "items", items, "total", (json_int_t)total, "source_mix", source_mix(d, feature_id));
}

json_t *evidence_of_insight(db *d, long long insight_id, struct err *e)
{
	if (!entity_ref_exists(d, "insights", insight_id)) {
		err_set(e, 404, "not_found", "insight", "no insight with id %lld", insight_id);
		return NULL;
	}
	json_t *items = json_array();
	db_stmt *s = query_q(d, Q_INSIGHT_FEATURES, "ii", insight_id, (long long)EVIDENCE_LIST_MAX);
	int rc = DB_ERR;
	while (s && (rc = db_step(s)) == DB_ROW) {
		json_t *o = json_pack("{sIsssssosIss}", "feature_id", (json_int_t)db_col_int(s, 0), "title", db_col_text(s, 1),
		                      "status", db_col_text(s, 2), "period", text_or_null(s, 3), "importance",
		                      (json_int_t)db_col_int(s, 4), "linked_at", db_col_text(s, 5));
		json_array_append_new(items, o);
	}
	db_done(s);
	if (rc != DB_DONE) {
		json_decref(items);
		err_internal(e);
		return NULL;
	}
	return json_pack("{so}", "items", items);
}
