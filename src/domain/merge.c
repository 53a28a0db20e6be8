/* merge.c — merging a duplicate feature into another: its links move, it stays as a redirect. */
#include <stdio.h>
#include "model/entity.h"
#include "model/features.h"
#include "model/queries.h"
#include "model/users.h"
#include "platform/json_get.h"
#include "triage.h"

/* Each step moves one kind of link from `from` to `into`, skipping what `into` has already, then drops the rows
 * of `from`. */
struct move {
	enum query move;  /* (from, into) */
	const char *drop; /* (from) */
};
static const struct move moves[] = {
	{Q_MERGE_GOALS, "DELETE FROM feature_goals WHERE feature_id = ?"},
	{Q_MERGE_PERSONAS, "DELETE FROM feature_personas WHERE feature_id = ?"},
	{Q_MERGE_DEPS_OUT, "DELETE FROM feature_deps WHERE feature_id = ?"},
	{Q_MERGE_DEPS_IN, "DELETE FROM feature_deps WHERE depends_on = ?"},
};
/* Evidence links arrive with the evidence tables; moved when they exist. */
static const struct move evidence_moves[] = {
	{Q_MERGE_INSIGHTS, "DELETE FROM feature_insights WHERE feature_id = ?"},
};

static int run_all(db *d, const struct move *steps, size_t n, long long from, long long into)
{
	for (size_t i = 0; i < n; i++)
		if (query_run(d, steps[i].move, "ii", from, into) != DB_OK || db_run(d, steps[i].drop, "i", from) != DB_OK)
			return -1;
	return 0;
}

int feature_merge(db *d, long long actor, long long from, long long into, struct err *e)
{
	if (from == into)
		return err_invalid(e, "into", "a feature cannot be merged into itself");
	json_t *a = entity_get(d, &features_entity, into), *b = entity_get(d, &features_entity, from);
	int rc = -1;
	if (!b) {
		err_not_found(e, "no feature with id %lld", from);
		goto out;
	}
	if (!a) {
		err_invalid(e, "into", "no feature with id %lld to merge into", into);
		goto out;
	}
	if (!json_is_null(json_object_get(b, "merged_into"))) {
		err_set(e, 409, "conflict", "into", "feature %lld was merged already", from);
		goto out;
	}
	if (!json_is_null(json_object_get(a, "merged_into"))) {
		err_invalid(e, "into", "feature %lld was itself merged into another; merge into that one", into);
		goto out;
	}
	if (run_all(d, moves, COUNT(moves), from, into) < 0 ||
	    (db_has_table(d, "feature_insights") && run_all(d, evidence_moves, COUNT(evidence_moves), from, into) < 0)) {
		err_internal(e);
		goto out;
	}
	char path[400];
	if (feature_dep_path(d, into, NULL, into, path, sizeof path)) {
		err_invalid(e, "into", "merging would make a dependency cycle: %s", path);
		goto out;
	}
	char now[21], reason[120];
	now_rfc3339(now);
	snprintf(reason, sizeof reason, "Merged into #%lld as a duplicate.", into);
	if (db_run(d, "UPDATE features SET merged_into = ?, status = 'declined', decline_reason = ?, updated_at = ?, "
	              "version = version + 1 WHERE id = ?",
	           "itti", into, reason, now, from) != DB_OK ||
	    db_run(d, "UPDATE features SET updated_at = ?, version = version + 1 WHERE id = ?", "ti", now, into) != DB_OK) {
		err_internal(e);
		goto out;
	}
	json_t *ca = json_pack("{sI}", "merged_from", (json_int_t)from), *cb = json_pack("{sI}", "merged_into", (json_int_t)into);
	rc = audit_write(d, actor, "features", into, "merged", ca) < 0 || audit_write(d, actor, "features", from, "merged", cb) < 0
	         ? err_internal(e)
	         : 0;
	json_decref(ca), json_decref(cb);
out:
	json_decref(a), json_decref(b);
	return rc;
}

static const struct field merge_fields[] = {
	{"into", "Keep", FT_REF, F_REQUIRED, .ref = "features", .help = "The feature to keep"},
};

static int merge(struct act *x)
{
	long long into = jget_int(x->in, "into");
	if (feature_merge(x->d, x->actor, x->id, into, x->err) < 0)
		return -1;
	x->out = entity_get(x->d, &features_entity, into);
	x->redirect = arena_printf(x->a, "/features/%lld?merged_from=%lld", into, x->id);
	return 0;
}

const struct action merge_action = {
	.name = "merge", .input = "MergeRequest", .one = "a merge", .verb = "merged", .kind = "features", .method = HTTP_POST,
	.api_path = "/api/v1/features/{id}/merge", .page_path = "/features/{id}/merge", .rank = RANK_EDITOR,
	.fields = merge_fields, .nfields = COUNT(merge_fields),
	.summary = "Merge this duplicate into another feature ({\"into\": id}); it stays as a redirect", .answer = "Feature",
	.button = "Merge", .run = merge,
};

