/* evidence.c — linking insights to features with an importance, unlinking, and listing a feature's evidence
 * (with its source mix) or an insight's features; every change audited on both objects. */
#include "evidence.h"
#include <math.h>
#include <string.h>
#include "demand.h"
#include "model/entity.h"
#include "model/insights.h"
#include "platform/util.h"
#include "platform/json_get.h"

const char *evidence_importance_label(long long importance)
{
	static const char *const labels[] = {"nice to have", "important", "critical"};
	return importance >= 1 && importance <= 3 ? labels[importance - 1] : NULL;
}

int evidence_check(db *d, long long feature_id, json_t *in, long long *insight_id, int *importance, struct err *e)
{
	db_stmt *s = db_q(d, "SELECT merged_into FROM features WHERE id = ?", "i", feature_id);
	int rc = s ? db_step(s) : DB_ERR;
	long long merged = rc == DB_ROW && !db_col_null(s, 0) ? db_col_int(s, 0) : 0;
	db_done(s);
	if (rc == DB_DONE)
		return err_set(e, 404, "not_found", "feature", "no feature with id %lld", feature_id);
	if (rc != DB_ROW)
		return err_internal(e);
	if (merged)
		return err_set(e, 409, "conflict", "feature",
		               "feature %lld was merged into feature %lld; link the evidence to that one", feature_id, merged);
	if (!json_is_object(in))
		return err_invalid(e, NULL, "the body must be an object {\"insight_id\", \"importance\"}");
	const char *k;
	json_t *v;
	json_object_foreach(in, k, v)
	{
		if (strcmp(k, "insight_id") && strcmp(k, "importance"))
			return err_invalid(e, k, "unknown field %s; send {\"insight_id\", \"importance\"}", k);
	}
	json_t *iid = json_object_get(in, "insight_id"), *imp = json_object_get(in, "importance");
	if (!iid)
		return err_invalid(e, "insight_id", "insight_id is required: the id of the insight to link");
	if (!json_is_integer(iid) || json_integer_value(iid) < 1)
		return err_invalid(e, "insight_id", "insight_id must be the id of an insight (a whole number)");
	if (imp && (!json_is_integer(imp) || json_integer_value(imp) < 1 || json_integer_value(imp) > 3))
		return err_invalid(e, "importance", "importance must be 1 (nice to have), 2 (important) or 3 (critical)");
	if (!entity_ref_exists(d, "insights", json_integer_value(iid)))
		return err_invalid(e, "insight_id", "no insight with id %lld", (long long)json_integer_value(iid));
	*insight_id = json_integer_value(iid);
	*importance = imp ? (int)json_integer_value(imp) : EVIDENCE_DEFAULT_IMPORTANCE;
	return 0;
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

json_t *evidence_link(db *d, long long actor, long long feature_id, json_t *in, bool *created, struct err *e)
{
	long long insight_id;
	int importance;
	*created = false;
	if (evidence_check(d, feature_id, in, &insight_id, &importance, e) < 0)
		return NULL;
	int old = (int)db_int(d, 0, "SELECT importance FROM feature_insights WHERE feature_id = ? AND insight_id = ?", "ii",
	                      feature_id, insight_id);
	char now[21];
	now_rfc3339(now);
	int rc = DB_OK;
	if (!old)
		rc = db_run(d, "INSERT INTO feature_insights(feature_id, insight_id, importance, created_at) VALUES (?, ?, ?, ?)",
		            "iiit", feature_id, insight_id, (long long)importance, now);
	else if (old != importance)
		rc = db_run(d, "UPDATE feature_insights SET importance = ? WHERE feature_id = ? AND insight_id = ?", "iii",
		            (long long)importance, feature_id, insight_id);
	if (rc != DB_OK || (old != importance && audit_both(d, actor, feature_id, insight_id, old, importance) < 0)) {
		err_internal(e);
		return NULL;
	}
	*created = !old;
	json_t *o = NULL;
	db_stmt *s = db_q(d, "SELECT importance, created_at FROM feature_insights WHERE feature_id = ? AND insight_id = ?",
	                  "ii", feature_id, insight_id);
	if (s && db_step(s) == DB_ROW)
		o = json_pack("{sIsIsIss}", "feature_id", (json_int_t)feature_id, "insight_id", (json_int_t)insight_id,
		              "importance", (json_int_t)db_col_int(s, 0), "created_at", db_col_text(s, 1));
	db_done(s);
	if (!o)
		err_internal(e);
	return o;
}

int evidence_unlink(db *d, long long actor, long long feature_id, long long insight_id, struct err *e)
{
	int old = (int)db_int(d, 0, "SELECT importance FROM feature_insights WHERE feature_id = ? AND insight_id = ?", "ii",
	                      feature_id, insight_id);
	if (!old)
		return err_not_found(e, "insight %lld is not linked to feature %lld", insight_id, feature_id);
	if (db_run(d, "DELETE FROM feature_insights WHERE feature_id = ? AND insight_id = ?", "ii", feature_id,
	           insight_id) != DB_OK ||
	    audit_both(d, actor, feature_id, insight_id, old, 0) < 0)
		return err_internal(e);
	return 0;
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
	db_stmt *s = db_q(d,
	                  "SELECT f.id, f.title, f.status, f.period, fi.importance, fi.created_at FROM feature_insights fi "
	                  "JOIN features f ON f.id = fi.feature_id WHERE fi.insight_id = ? "
	                  "ORDER BY fi.importance DESC, f.title COLLATE NOCASE, f.id LIMIT ?",
	                  "ii", insight_id, (long long)EVIDENCE_LIST_MAX);
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
