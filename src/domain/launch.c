/* launch.c — a launch's readiness and what is missing, its conflicts with the release and the calendar,
 * and rescheduling a release with the launches that ride on it. */
#include "launch.h"
#include "launch_messaging.h"
#include <limits.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "model/users.h"
#include "platform/buf.h"
#include "platform/json_get.h"


static bool launch_open(json_t *launch)
{
	const char *st = jget_str(launch, "status");
	return st && (!strcmp(st, "planning") || !strcmp(st, "ready"));
}

/* The launch's features: id, title, status, readiness (-1 unset), release_id (0 none). */
static db_stmt *launch_features(db *d, long long launch_id)
{
	return db_q(d,
	            "SELECT f.id, f.title, f.status, coalesce(f.readiness, -1), coalesce(f.release_id, 0) FROM features f "
	            "JOIN launch_features lf ON lf.feature_id = f.id WHERE lf.launch_id = ? ORDER BY f.id",
	            "i", launch_id);
}

json_t *launch_readiness(db *d, json_t *launch)
{
	json_t *missing = json_array();
	double fsum = 0;
	int fn = 0;
	db_stmt *s = launch_features(d, jget_int(launch, "id"));
	while (s && db_step(s) == DB_ROW) {
		const char *title = db_col_text(s, 1), *status = db_col_text(s, 2);
		long long r = db_col_int(s, 3);
		int pct = !strcmp(status, "shipped") ? 100 : !strcmp(status, "declined") ? 0 : r < 0 ? 0 : (int)r;
		fsum += pct, fn++;
		char line[400];
		if (!strcmp(status, "declined"))
			snprintf(line, sizeof line, "Feature \"%.300s\" was declined", title);
		else if (pct < 100)
			snprintf(line, sizeof line, "Feature \"%.300s\": %d%% ready (%s)", title, pct, status);
		else
			continue;
		json_array_append_new(missing, json_string(line));
	}
	db_done(s);
	int cn = 0, cdone = 0;
	size_t i;
	json_t *it;
	json_array_foreach(json_object_get(launch, "checklist"), i, it)
	{
		cn++;
		if (json_is_true(json_object_get(it, "done"))) {
			cdone++;
			continue;
		}
		char line[400];
		const char *due = jget_str(it, "due");
		snprintf(line, sizeof line, "Checklist: %.300s (%s%s%s)", jget_str(it, "item"), jget_str(it, "owner_role"),
		         due ? ", due " : "", due ? due : "");
		json_array_append_new(missing, json_string(line));
	}
	double fpart = fn ? fsum / fn : -1, cpart = cn ? 100.0 * cdone / cn : -1;
	double total = fn && cn ? (fpart + cpart) / 2 : fn ? fpart : cn ? cpart : 0;
	if (!fn && !cn)
		json_array_append_new(missing, json_string("No features and no checklist items yet"));
	json_t *out = json_object();
	json_object_set_new(out, "readiness", json_integer((json_int_t)floor(total + 0.5)));
	json_object_set_new(out, "features", fn ? json_integer((json_int_t)floor(fpart + 0.5)) : json_null());
	json_object_set_new(out, "checklist", cn ? json_integer((json_int_t)floor(cpart + 0.5)) : json_null());
	json_object_set_new(out, "missing", missing);
	return out;
}

const struct field launch_computed[] = {
	{"readiness", "Readiness", FT_INT, F_REQUIRED | F_READONLY, .lo = 0, .hi = 100,
	 .help = "Percent ready to launch: the mean of its features' progress and its checklist's (computed)"},
	{"prfaqs", "PR/FAQs", FT_RECORDS, F_REQUIRED | F_READONLY, 100, .sub = launch_prfaq_members, .nsub = LAUNCH_PRFAQ_MEMBERS,
	 .help = "The PR/FAQs that announce the launch (their launch_id), approved first, then newest (computed)"},
	{"messaging", "Messaging", FT_RECORDS, F_REQUIRED | F_READONLY, 100, .sub = launch_segment_members,
	 .nsub = LAUNCH_SEGMENT_MEMBERS,
	 .help = "The positioning of each of the launch's segments with its status; each segment's ladder is at "
	         "/messaging?segment_id= (computed)"},
};
const int launch_computed_count = sizeof launch_computed / sizeof launch_computed[0];

void launch_decorate(db *d, json_t *launch)
{
	json_t *r = launch_readiness(d, launch);
	json_object_set(launch, "readiness", json_object_get(r, "readiness"));
	json_decref(r);
	launch_messaging_decorate(d, launch);
}

static void conflict(json_t *out, const char *rule, const char *severity, const char *message, const char *hint)
{
	json_array_append_new(out, json_pack("{ssssssss}", "rule", rule, "severity", severity, "message", message,
	                                     "hint", hint));
}

static void rule_before_release(db *d, json_t *launch, json_t *out)
{
	long long rid = jget_int(launch, "release_id");
	if (!rid)
		return;
	db_stmt *s = db_q(d, "SELECT name, target_date, status FROM releases WHERE id = ?", "i", rid);
	if (s && db_step(s) == DB_ROW && strcmp(db_col_text(s, 2), "cancelled") &&
	    strcmp(jget_str(launch, "launch_date"), db_col_text(s, 1)) < 0) {
		char msg[600];
		long days = date_diff(jget_str(launch, "launch_date"), db_col_text(s, 1));
		snprintf(msg, sizeof msg, "Launch \"%.200s\" is on %s, %ld day%s before its release \"%.100s\" ships (%s).",
		         jget_str(launch, "title"), jget_str(launch, "launch_date"), days, days == 1 ? "" : "s", db_col_text(s, 0),
		         db_col_text(s, 1));
		conflict(out, LAUNCH_BEFORE_RELEASE, "error", msg,
		         "Move the launch to the release date or later, or bring the release forward.");
	}
	db_done(s);
}

static void rule_not_ready(db *d, json_t *launch, const struct launch_settings *ls, const char *today, json_t *out)
{
	long days = date_diff(today, jget_str(launch, "launch_date"));
	int tier = (int)jget_int(launch, "tier");
	if (tier < 1 || tier > 3)
		return;
	char msg[600];
	if (days < 0) {
		snprintf(msg, sizeof msg, "Launch \"%.200s\" was due on %s (%ld day%s ago) and is still %s.",
		         jget_str(launch, "title"), jget_str(launch, "launch_date"), -days, days == -1 ? "" : "s",
		         jget_str(launch, "status"));
		conflict(out, LAUNCH_DATE_PASSED, "warning", msg, "Mark it launched, cancel it, or give it a new date.");
		return;
	}
	if (days > ls->lead_days[tier])
		return;
	json_t *r = launch_readiness(d, launch);
	int ready = (int)jget_int(r, "readiness"), open = 0;
	json_decref(r);
	size_t i;
	json_t *it;
	json_array_foreach(json_object_get(launch, "checklist"), i, it) open += !json_is_true(json_object_get(it, "done"));
	if (ready >= ls->ready_threshold && open == 0)
		return;
	buf why;
	buf_init(&why);
	if (ready < ls->ready_threshold)
		buf_rawf(&why, "readiness is %d%% (the bar is %d%%)", ready, ls->ready_threshold);
	if (open)
		buf_rawf(&why, "%s%d checklist item%s open", ready < ls->ready_threshold ? " and " : "", open,
		         open == 1 ? " is" : "s are");
	snprintf(msg, sizeof msg, "Tier %d launch \"%.200s\" is %s%ld day%s away (lead time %d days) and %s.", tier,
	         jget_str(launch, "title"), days ? "" : "today, ", days, days == 1 ? "" : "s", ls->lead_days[tier],
	         buf_str(&why));
	buf_free(&why);
	conflict(out, LAUNCH_NOT_READY, "error", msg,
	         "Close the open checklist items and finish the features, or move the launch to a later date.");
}

static void rule_activities(json_t *launch, json_t *out)
{
	size_t i;
	json_t *a;
	json_array_foreach(json_object_get(launch, "activities"), i, a)
	{
		const char *date = jget_str(a, "date"), *st = jget_str(a, "status");
		if (!date || (st && !strcmp(st, "cancelled")) || strcmp(date, jget_str(launch, "launch_date")) <= 0)
			continue;
		char msg[600];
		snprintf(msg, sizeof msg, "Activity \"%.200s\" (%s) is dated %s, after the launch on %s.", jget_str(a, "title"),
		         jget_str(a, "channel"), date, jget_str(launch, "launch_date"));
		conflict(out, ACTIVITY_AFTER_LAUNCH, "warning", msg,
		         "Move the activity to or before the launch date, or the launch after it.");
	}
}

static void rule_features_in_release(db *d, json_t *launch, json_t *out)
{
	long long rid = jget_int(launch, "release_id");
	if (!rid)
		return;
	db_stmt *s = launch_features(d, jget_int(launch, "id"));
	while (s && db_step(s) == DB_ROW) {
		if (db_col_int(s, 4) == rid || !strcmp(db_col_text(s, 2), "shipped"))
			continue;
		char msg[600];
		snprintf(msg, sizeof msg, "Feature \"%.200s\" is announced by launch \"%.200s\" but is %s its release.",
		         db_col_text(s, 1), jget_str(launch, "title"), db_col_int(s, 4) ? "in another release than" : "not in");
		conflict(out, LAUNCH_FEATURE_NOT_IN_RELEASE, "warning", msg,
		         "Assign the feature to the launch's release, or take it out of the launch.");
	}
	db_done(s);
}

static void rule_checklist_overdue(json_t *launch, const char *today, json_t *out)
{
	size_t i;
	json_t *it;
	json_array_foreach(json_object_get(launch, "checklist"), i, it)
	{
		const char *due = jget_str(it, "due");
		if (json_is_true(json_object_get(it, "done")) || !due || strcmp(due, today) >= 0)
			continue;
		char msg[600];
		snprintf(msg, sizeof msg, "Checklist item \"%.200s\" of launch \"%.200s\" (%s) was due on %s.", jget_str(it, "item"),
		         jget_str(launch, "title"), jget_str(it, "owner_role"), due);
		conflict(out, CHECKLIST_OVERDUE, "warning", msg, "Get it done, or move its due date with a reason.");
	}
}

json_t *launch_conflicts(db *d, json_t *launch, const struct launch_settings *s, const char *today)
{
	json_t *out = json_array();
	if (!launch_open(launch))
		return out;
	rule_before_release(d, launch, out);
	rule_not_ready(d, launch, s, today, out);
	rule_activities(launch, out);
	rule_features_in_release(d, launch, out);
	rule_checklist_overdue(launch, today, out);
	return out;
}

json_t *launches_with_conflicts(db *d, const char *today, bool open_only, const char *from, const char *to, int max)
{
	struct launch_settings s;
	launch_settings_get(d, &s);
	json_t *out = json_array();
	db_stmt *q = db_q(d,
	                  "SELECT id FROM launches WHERE (? = 0 OR (status IN ('planning', 'ready') "
	                  "AND (? IS NULL OR launch_date >= ?) AND (? IS NULL OR launch_date <= ?))) "
	                  "ORDER BY launch_date, id LIMIT ?",
	                  "itttti", (long long)open_only, from, from, to, to, max > 0 ? (long long)max : LLONG_MAX);
	long long *ids = NULL;
	size_t n = 0, cap = 0;
	while (q && db_step(q) == DB_ROW) { /* ids first: entity_get runs its own statements */
		if (n == cap)
			ids = xrealloc(ids, (cap = cap ? 2 * cap : 64) * sizeof *ids);
		ids[n++] = db_col_int(q, 0);
	}
	db_done(q);
	for (size_t i = 0; i < n; i++) {
		json_t *l = entity_get(d, &launches_entity, ids[i]);
		if (!l)
			continue;
		json_object_set_new(l, "conflicts", launch_conflicts(d, l, &s, today));
		json_array_append_new(out, l);
	}
	free(ids);
	launch_settings_free(&s);
	return out;
}

json_t *release_reschedule_preview(db *d, long long release_id, const char *new_date, struct err *err)
{
	if (!new_date || !valid_date(new_date))
		return err_invalid(err, "target_date", "target_date must be a real date as YYYY-MM-DD"), NULL;
	json_t *rel = entity_get(d, &releases_entity, release_id);
	if (!rel)
		return err_not_found(err, "no release with id %lld", release_id), NULL;
	long delta = date_diff(jget_str(rel, "target_date"), new_date);
	json_t *list = json_array();
	db_stmt *s = db_q(d,
	                  "SELECT id, title, launch_date, version FROM launches WHERE release_id = ? "
	                  "AND status IN ('planning', 'ready') ORDER BY launch_date, id",
	                  "i", release_id);
	while (s && db_step(s) == DB_ROW) {
		char moved[11];
		date_add(db_col_text(s, 2), delta, moved);
		json_array_append_new(list, json_pack("{sIsssssssI}", "id", (json_int_t)db_col_int(s, 0), "title",
		                                      db_col_text(s, 1), "launch_date", db_col_text(s, 2), "new_date", moved,
		                                      "version", (json_int_t)db_col_int(s, 3)));
	}
	db_done(s);
	json_t *out = json_pack("{sIsOsssIsO}", "release_id", (json_int_t)release_id, "from",
	                        json_object_get(rel, "target_date"), "to", new_date, "delta_days", (json_int_t)delta,
	                        "launches", list);
	json_object_set(out, "version", json_object_get(rel, "version"));
	json_decref(list), json_decref(rel);
	return out;
}

json_t *release_reschedule(db *d, long long actor, long long release_id, const char *new_date, long long version,
                           bool move_launches, struct err *err)
{
	json_t *plan = release_reschedule_preview(d, release_id, new_date, err);
	if (!plan)
		return NULL;
	json_t *in = json_pack("{ss}", "target_date", new_date);
	int rc = entity_update_as(d, &releases_entity, actor, release_id, in, version, "rescheduled", err);
	json_decref(in);
	size_t i;
	json_t *l;
	json_array_foreach(json_object_get(plan, "launches"), i, l)
	{
		if (rc < 0 || !move_launches)
			break;
		json_t *li = json_pack("{sO}", "launch_date", json_object_get(l, "new_date"));
		rc = entity_update_as(d, &launches_entity, actor, jget_int(l, "id"), li, jget_int(l, "version"), "rescheduled", err);
		json_decref(li);
	}
	if (rc < 0) {
		json_decref(plan);
		return NULL;
	}
	if (!move_launches)
		json_array_clear(json_object_get(plan, "launches"));
	json_object_set_new(plan, "moved_launches", json_boolean(move_launches));
	return plan;
}

static const struct field reschedule_fields[] = {
	{"target_date", "New target date", FT_DATE, F_REQUIRED},
	{"move_launches", "Move its launches", FT_BOOL, 0, .dflt = "true",
	 .help = "Move the release's open launches by the same number of days (false: keep their dates)"},
};

static int reschedule(struct act *x)
{
	json_t *done = release_reschedule(x->d, x->actor, x->id, jget_str(x->in, "target_date"), jget_int(x->obj, "version"),
	                                  json_is_true(json_object_get(x->in, "move_launches")), x->err);
	if (!done)
		return -1;
	json_object_set_new(done, "release", entity_get(x->d, &releases_entity, x->id));
	x->out = done;
	return 0;
}

const struct action reschedule_action = {
	.name = "reschedule", .input = "RescheduleRequest", .one = "a reschedule", .verb = "rescheduled", .kind = "releases", .method = HTTP_POST,
	.api_path = "/api/v1/releases/{id}/reschedule", .page_path = "/releases/{id}/reschedule", .rank = RANK_EDITOR,
	.flags = A_VERSION, .fields = reschedule_fields, .nfields = COUNT(reschedule_fields),
	.summary = "Move a release to a new date and, unless move_launches is false, its open launches by the same delta",
	.answer = "Rescheduled", .button = "Reschedule", .run = reschedule,
};

