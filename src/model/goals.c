/* goals.c — goals: measurable and shared (a PM and a PMM owner), measured over time, revised
 * with reasons, reviewed on a cadence. */
#include "goals.h"
#include <string.h>
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
	{"pm_owner", "PM owner", FT_REF, F_LISTED | F_FILTER, .ref = "users"},
	{"pmm_owner", "PMM owner", FT_REF, F_LISTED | F_FILTER, .ref = "users"},
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

static int goal_exists(db *d, long long id, struct err *e)
{
	if (!entity_ref_exists(d, "goals", id))
		return err_not_found(e, "no goal with id %lld", id);
	return 0;
}

static void touch(db *d, long long id)
{
	char now[21];
	now_rfc3339(now);
	db_run(d, "UPDATE goals SET updated_at = ?, version = version + 1 WHERE id = ?", "ti", now, id);
}

long long goal_measure(db *d, long long actor, long long goal_id, json_t *in, struct err *e)
{
	if (goal_exists(d, goal_id, e) < 0)
		return -1;
	if (!json_is_object(in))
		return err_invalid(e, NULL, "the body must be a JSON object");
	const char *key;
	json_t *v;
	json_object_foreach(in, key, v) if (strcmp(key, "at") && strcmp(key, "value") && strcmp(key, "source"))
		return err_invalid(e, key, "unknown field %s for a measurement", key);
	json_t *at = json_object_get(in, "at"), *val = json_object_get(in, "value"), *src = json_object_get(in, "source");
	char today[11];
	today_ymd(today);
	const char *when = today;
	if (at && !json_is_null(at)) {
		if (!json_is_string(at) || !valid_date(json_string_value(at)))
			return err_invalid(e, "at", "at must be a real date as YYYY-MM-DD");
		when = json_string_value(at);
	}
	if (!json_is_number(val))
		return err_invalid(e, "value", val ? "value must be a number" : "value is required");
	double x = json_number_value(val);
	if (x != x || x > 1e15 || x < -1e15)
		return err_invalid(e, "value", "value is out of range");
	const char *source = NULL;
	if (src && !json_is_null(src)) {
		if (!json_is_string(src) || utf8_len(json_string_value(src)) > 200 ||
		    !valid_text(json_string_value(src), strlen(json_string_value(src))))
			return err_invalid(e, "source", "source must be text of at most 200 characters");
		source = json_string_value(src);
	}
	char now[21];
	now_rfc3339(now);
	db_stmt *s = db_prepare(d, "INSERT INTO goal_measurements(goal_id, at, value, source, created_by, created_at) "
	                           "VALUES (?, ?, ?, ?, ?, ?)");
	db_bind_int(s, 1, goal_id);
	db_bind_text(s, 2, when);
	db_bind_double(s, 3, x);
	db_bind_text(s, 4, source);
	if (actor > 0)
		db_bind_int(s, 5, actor);
	db_bind_text(s, 6, now);
	int rc = db_step(s);
	db_done(s);
	if (rc != DB_DONE)
		return err_internal(e);
	long long id = db_last_id(d);
	/* current = the latest measurement by date, then by entry */
	db_run(d,
	       "UPDATE goals SET current = (SELECT value FROM goal_measurements WHERE goal_id = ? "
	       "ORDER BY at DESC, id DESC LIMIT 1) WHERE id = ?",
	       "ii", goal_id, goal_id);
	touch(d, goal_id);
	json_t *audit = json_pack("{sssfso}", "at", when, "value", x, "source", source ? json_string(source) : json_null());
	audit_write(d, actor, "goals", goal_id, "measured", audit);
	json_decref(audit);
	return id;
}

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

int goal_change_target(db *d, long long actor, long long goal_id, json_t *in, struct err *e)
{
	json_t *goal = entity_get(d, &goals_entity, goal_id);
	if (!goal)
		return err_not_found(e, "no goal with id %lld", goal_id);
	double old = json_number_value(json_object_get(goal, "target"));
	long long cur_version = json_integer_value(json_object_get(goal, "version"));
	json_decref(goal);
	if (!json_is_object(in))
		return err_invalid(e, NULL, "the body must be a JSON object");
	const char *key;
	json_t *v;
	json_object_foreach(in, key, v) if (strcmp(key, "target") && strcmp(key, "reason") && strcmp(key, "version"))
		return err_invalid(e, key, "unknown field %s for a target change", key);
	json_t *t = json_object_get(in, "target"), *r = json_object_get(in, "reason"), *ver = json_object_get(in, "version");
	if (ver && (!json_is_integer(ver) || json_integer_value(ver) != cur_version))
		return err_conflict(e, "the goal was changed by someone else; reload and retry");
	if (!json_is_number(t))
		return err_invalid(e, "target", t ? "target must be a number" : "target is required");
	double x = json_number_value(t);
	if (x != x || x > 1e15 || x < -1e15)
		return err_invalid(e, "target", "target is out of range");
	const char *reason = json_string_value(r);
	if (!reason || !*reason || strspn(reason, " \t\r\n") == strlen(reason))
		return err_invalid(e, "reason", "a target change needs a reason");
	if (!valid_text(reason, strlen(reason)) || utf8_len(reason) > 2000)
		return err_invalid(e, "reason", "reason must be text of at most 2000 characters");
	char now[21];
	now_rfc3339(now);
	db_stmt *s = db_prepare(d, "INSERT INTO goal_target_changes(goal_id, old_target, new_target, reason, changed_by, "
	                           "changed_at) VALUES (?, ?, ?, ?, ?, ?)");
	db_bind_int(s, 1, goal_id);
	db_bind_double(s, 2, old);
	db_bind_double(s, 3, x);
	db_bind_text(s, 4, reason);
	if (actor > 0)
		db_bind_int(s, 5, actor);
	db_bind_text(s, 6, now);
	int rc = db_step(s);
	db_done(s);
	if (rc != DB_DONE || db_run(d, "UPDATE goals SET target = ? WHERE id = ?", "di", x, goal_id) != DB_OK)
		return err_internal(e);
	touch(d, goal_id);
	json_t *audit = json_pack("{s{sfsf}ss}", "target", "from", old, "to", x, "reason", reason);
	audit_write(d, actor, "goals", goal_id, "target changed", audit);
	json_decref(audit);
	return 0;
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

int goal_mark_reviewed(db *d, long long actor, long long goal_id, struct err *e)
{
	if (goal_exists(d, goal_id, e) < 0)
		return -1;
	char now[21];
	now_rfc3339(now);
	if (db_run(d, "UPDATE goals SET last_reviewed_at = ? WHERE id = ?", "ti", now, goal_id) != DB_OK)
		return err_internal(e);
	touch(d, goal_id);
	json_t *audit = json_pack("{ss}", "last_reviewed_at", now);
	audit_write(d, actor, "goals", goal_id, "reviewed", audit);
	json_decref(audit);
	return 0;
}

