/* goals.c — goals: measurable and shared (a PM and a PMM owner), measured over time, revised
 * with reasons, reviewed on a cadence. */
#include "goals.h"
#include <string.h>
#include "features.h"
#include "users.h"
#include "platform/json_get.h"

static const char *const goal_statuses[] = {"active", "met", "missed", "dropped", NULL};

static const struct field goal_fields[] = {
	{"title", "Title", FT_STRING, F_REQUIRED | F_LISTED | F_SEARCH | F_SORT, 200},
	{"why", "Why it matters", FT_TEXT, F_SEARCH | F_MARKDOWN, 4000, .help = "Markdown"},
	{"metric", "Metric", FT_STRING, F_REQUIRED | F_LISTED | F_SEARCH, 200, .help = "What is measured"},
	{"unit", "Unit", FT_STRING, 0, 30, .help = "e.g. %, accounts, EUR"},
	{"baseline", "Baseline", FT_NUMBER, 0, .help = "Where the metric stood when the goal was set"},
	{"target", "Target", FT_NUMBER, F_REQUIRED | F_LISTED | F_OWN_ACTION,
	 .help = "Changed later only with a reason, kept in the goal's revisions"},
	{"current", "Current", FT_NUMBER, F_READONLY | F_LISTED | F_SORT, .help = "The latest measurement"},
	{"due", "Due", FT_DATE, F_LISTED | F_SORT},
	{"pm_owner", "PM owner", FT_REF, F_LISTED | F_FILTER | F_OWNER, .ref = "users"},
	{"pmm_owner", "PMM owner", FT_REF, F_LISTED | F_FILTER | F_OWNER, .ref = "users"},
	{"review_every_days", "Review every (days)", FT_INT, F_REQUIRED | F_SORT, 0, 1, 365, .dflt = "30"},
	{"last_reviewed_at", "Last reviewed", FT_TIMESTAMP, F_READONLY | F_SORT},
	{"status", "Status", FT_ENUM, F_REQUIRED | F_LISTED | F_FILTER | F_SORT, .choices = goal_statuses,
	 .dflt = "\"active\""},
};

struct entity goals_entity = {
	.kind = "goals", .table = "goals", .one = "goal", .label = "Goals", .title_field = "title",
	.blurb = "Measurable, meaningful, adaptable goals owned by a PM and a PMM together.",
	.fields = goal_fields, .nfields = COUNT(goal_fields), .write_rank = RANK_EDITOR, .default_sort = "due",
};

static void touch(db *d, long long id)
{
	char now[21];
	now_rfc3339(now);
	db_run(d, "UPDATE goals SET updated_at = ?, version = version + 1 WHERE id = ?", "ti", now, id);
}

static const struct field measure_fields[] = {
	{"at", "Date", FT_DATE, 0, .help = "When it was measured; today when absent"},
	{"value", "Value", FT_NUMBER, F_REQUIRED, .help = "The metric's value"},
	{"source", "Source", FT_STRING, 0, 200, .help = "Where the number comes from, e.g. the billing dashboard"},
};

/* A measurement {at, value, source}; the goal's current value is its latest by date, then by entry. */
static int measure(struct act *x)
{
	char today[11];
	today_ymd(today);
	const char *when = jget_str(x->in, "at") ? jget_str(x->in, "at") : today, *source = jget_str(x->in, "source");
	double v = json_number_value(json_object_get(x->in, "value"));
	char now[21];
	now_rfc3339(now);
	db_stmt *s = db_prepare(x->d, "INSERT INTO goal_measurements(goal_id, at, value, source, created_by, created_at) "
	                              "VALUES (?, ?, ?, ?, ?, ?)");
	db_bind_int(s, 1, x->id);
	db_bind_text(s, 2, when);
	db_bind_double(s, 3, v);
	db_bind_text(s, 4, source);
	if (x->actor > 0)
		db_bind_int(s, 5, x->actor);
	db_bind_text(s, 6, now);
	int rc = db_step(s);
	db_done(s);
	if (rc != DB_DONE ||
	    db_run(x->d,
	           "UPDATE goals SET current = (SELECT value FROM goal_measurements WHERE goal_id = ? "
	           "ORDER BY at DESC, id DESC LIMIT 1) WHERE id = ?",
	           "ii", x->id, x->id) != DB_OK)
		return err_internal(x->err);
	touch(x->d, x->id);
	if (goals_entity.after_update) { /* a goal that reaches its target is a win */
		json_t *now_goal = entity_get(x->d, &goals_entity, x->id);
		int hook = now_goal ? goals_entity.after_update(x->d, x->actor, x->id, x->obj, now_goal, x->err)
		                    : err_internal(x->err);
		json_decref(now_goal);
		if (hook < 0)
			return -1;
	}
	x->audit = json_pack("{sssfso}", "at", when, "value", v, "source", source ? json_string(source) : json_null());
	return 0;
}

const struct action goal_measure_action = {
	.name = "measure", .one = "a measurement", .verb = "measured", .kind = "goals", .method = HTTP_POST,
	.api_path = "/api/v1/goals/{id}/measurements", .page_path = "/goals/{id}/measurements", .rank = RANK_EDITOR,
	.flags = A_AUDIT | A_OBJECT | A_CREATED, .fields = measure_fields, .nfields = COUNT(measure_fields),
	.summary = "Record a measurement; the goal's current value follows the latest", .button = "Record",
	.run = measure,
};

static const struct field target_fields[] = {
	{"target", "New target", FT_NUMBER, F_REQUIRED},
	{"reason", "Reason", FT_TEXT, F_REQUIRED, 2000, .help = "Why the target moves; kept in the goal's revisions"},
};

/* The new target, with the old one and the reason kept in goal_target_changes. */
static int change_target(struct act *x)
{
	double old = json_number_value(json_object_get(x->obj, "target"));
	double to = json_number_value(json_object_get(x->in, "target"));
	const char *reason = jget_str(x->in, "reason");
	char now[21];
	now_rfc3339(now);
	db_stmt *s = db_prepare(x->d, "INSERT INTO goal_target_changes(goal_id, old_target, new_target, reason, changed_by, "
	                              "changed_at) VALUES (?, ?, ?, ?, ?, ?)");
	db_bind_int(s, 1, x->id);
	db_bind_double(s, 2, old);
	db_bind_double(s, 3, to);
	db_bind_text(s, 4, reason);
	if (x->actor > 0)
		db_bind_int(s, 5, x->actor);
	db_bind_text(s, 6, now);
	int rc = db_step(s);
	db_done(s);
	if (rc != DB_DONE || db_run(x->d, "UPDATE goals SET target = ? WHERE id = ?", "di", to, x->id) != DB_OK)
		return err_internal(x->err);
	touch(x->d, x->id);
	x->audit = json_pack("{s{sfsf}ss}", "target", "from", old, "to", to, "reason", reason);
	return 0;
}

const struct action goal_target_action = {
	.name = "target", .one = "a target change", .verb = "target changed", .kind = "goals", .method = HTTP_POST,
	.api_path = "/api/v1/goals/{id}/target", .page_path = "/goals/{id}/target", .rank = RANK_EDITOR,
	.flags = A_VERSION | A_AUDIT | A_OBJECT, .fields = target_fields, .nfields = COUNT(target_fields),
	.summary = "Change the target, with a reason (needs the goal's version)", .button = "Change target",
	.run = change_target,
};

static int mark_reviewed(struct act *x)
{
	char now[21];
	now_rfc3339(now);
	if (db_run(x->d, "UPDATE goals SET last_reviewed_at = ? WHERE id = ?", "ti", now, x->id) != DB_OK)
		return err_internal(x->err);
	touch(x->d, x->id);
	x->audit = json_pack("{ss}", "last_reviewed_at", now);
	return 0;
}

const struct action goal_review_action = {
	.name = "review", .one = "a review", .verb = "reviewed", .kind = "goals", .method = HTTP_POST,
	.api_path = "/api/v1/goals/{id}/review", .page_path = "/goals/{id}/review", .rank = RANK_EDITOR,
	.flags = A_AUDIT | A_OBJECT | A_NO_BODY, .summary = "Mark a goal reviewed now", .button = "Mark reviewed today",
	.run = mark_reviewed,
};

static const struct field link_feature_fields[] = {
	{"feature_id", "Feature", FT_REF, F_REQUIRED, .ref = "features", .help = "The feature that moves this goal"},
	{"weight", "Weight", FT_INT, F_REQUIRED, 0, 1, 5, .help = "How much it moves the goal, 1 (a little) to 5 (most)"},
};

/* Link a feature to the goal with a weight, or change the weight: the feature's own goals change, so the
 * feature's version moves and its history says so; the goal's history records the link too. */
static int link_feature(struct act *x)
{
	long long fid = jget_int(x->in, "feature_id");
	long long weight = jget_int(x->in, "weight");
	json_t *f = entity_get(x->d, &features_entity, fid);
	if (!f)
		return err_set(x->err, 400, "invalid", "feature_id", "no feature %lld", fid);
	json_t *goals = json_array(), *g;
	size_t i;
	bool found = false;
	json_array_foreach(json_object_get(f, "goals"), i, g) {
		bool this = jget_int(g, "goal_id") == x->id;
		found |= this;
		json_array_append_new(goals, json_pack("{sIsI}", "goal_id", (json_int_t)jget_int(g, "goal_id"), "weight",
		                                       (json_int_t)(this ? weight : jget_int(g, "weight"))));
	}
	if (!found)
		json_array_append_new(goals, json_pack("{sIsI}", "goal_id", (json_int_t)x->id, "weight", (json_int_t)weight));
	json_t *in = json_pack("{so}", "goals", goals);
	int rc = entity_update_as(x->d, &features_entity, x->actor, fid, in, jget_int(f, "version"), "goal linked", x->err);
	json_decref(in);
	json_decref(f);
	if (rc < 0)
		return -1;
	x->out = entity_get(x->d, &features_entity, fid);
	return x->out ? 0 : err_internal(x->err);
}

const struct action goal_link_feature_action = {
	.name = "goal-link-feature", .one = "a feature link", .verb = "feature linked", .kind = "goals",
	.method = HTTP_POST, .api_path = "/api/v1/goals/{id}/features", .page_path = "/goals/{id}/features",
	.rank = RANK_EDITOR, .flags = A_AUDIT, .fields = link_feature_fields, .nfields = COUNT(link_feature_fields),
	.summary = "Link a feature to the goal with a weight 1-5, or change its weight (answers the feature)",
	.answer = "Feature", .button = "Link feature", .missing_field = "goal", .run = link_feature,
};

json_t *goal_measurements(db *d, long long goal_id)
{
	if (!entity_ref_exists(d, "goals", goal_id))
		return NULL;
	json_t *arr = json_array();
	db_stmt *s = db_q(d, "SELECT id, at, value, source FROM goal_measurements WHERE goal_id = ? ORDER BY at, id", "i",
	                  goal_id);
	while (s && db_step(s) == DB_ROW)
		json_array_append_new(arr, json_pack("{sIsssfso}", "id", (json_int_t)db_col_int(s, 0), "at",
		                                     db_col_text(s, 1), "value", db_col_double(s, 2), "source",
		                                     jcol_str(s, 3)));
	db_done(s);
	return arr;
}

json_t *goal_target_changes(db *d, long long goal_id)
{
	if (!entity_ref_exists(d, "goals", goal_id))
		return NULL;
	json_t *arr = json_array();
	db_stmt *s = db_q(d,
	                  "SELECT c.id, c.old_target, c.new_target, c.reason, c.changed_by, u.name, c.changed_at "
	                  "FROM goal_target_changes c LEFT JOIN users u ON u.id = c.changed_by "
	                  "WHERE c.goal_id = ? ORDER BY c.id DESC",
	                  "i", goal_id);
	while (s && db_step(s) == DB_ROW) {
		json_t *o = json_pack("{sIsfsfss}", "id", (json_int_t)db_col_int(s, 0), "old_target", db_col_double(s, 1),
		                      "new_target", db_col_double(s, 2), "reason", db_col_text(s, 3));
		json_object_set_new(o, "changed_by", jcol_int(s, 4));
		json_object_set_new(o, "changed_by_name", jcol_str(s, 5));
		json_object_set_new(o, "changed_at", json_string(db_col_text(s, 6)));
		json_array_append_new(arr, o);
	}
	db_done(s);
	return arr;
}

size_t goal_trends(db *d, arena *a, long long lo, long long hi, long long **goal, double **value)
{
	size_t n = 0, cap = 0;
	*goal = NULL, *value = NULL;
	/* one range scan over the covering index; rows of goals not listed are never looked up */
	db_stmt *s = db_q(d, "SELECT goal_id, value FROM goal_measurements WHERE goal_id BETWEEN ? AND ? "
	                     "ORDER BY goal_id, at, id", "ii", lo, hi);
	while (s && db_step(s) == DB_ROW) {
		if (n == cap) { /* arena memory: the old arrays are dropped with the arena */
			cap = cap ? 2 * cap : 1024;
			long long *g = arena_alloc(a, sizeof *g * cap);
			double *v = arena_alloc(a, sizeof *v * cap);
			if (n) {
				memcpy(g, *goal, sizeof *g * n);
				memcpy(v, *value, sizeof *v * n);
			}
			*goal = g, *value = v;
		}
		(*goal)[n] = db_col_int(s, 0);
		(*value)[n++] = db_col_double(s, 1);
	}
	db_done(s);
	return n;
}

