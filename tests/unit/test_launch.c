/* test_launch.c — launches: the checklist from the tier's template, readiness, every conflict rule (with the
 * edge days), the launch settings, and rescheduling a release with its launches. */
#include <stdio.h>
#include "harness.h"
#include "domain/align.h"
#include "domain/launch.h"
#include "model/features.h"
#include "model/settings.h"

#define TODAY "2027-01-15"

static long long make(db *d, const struct entity *e, const char *json)
{
	struct err err = {0};
	json_t *in = json_loads(json, 0, NULL);
	long long id = entity_create(d, e, 0, in, &err);
	if (id < 0)
		printf("fixture %s: %s (%s)\n", e->kind, err.message, err.field);
	json_decref(in);
	return id;
}

static long long launch(db *d, int tier, const char *date, long long release, const char *features)
{
	char json[400], rel[40] = "";
	if (release)
		snprintf(rel, sizeof rel, ",\"release_id\":%lld", release);
	snprintf(json, sizeof json, "{\"title\":\"L\",\"tier\":%d,\"launch_date\":\"%s\"%s%s%s}", tier, date, rel,
	         features ? ",\"feature_ids\":" : "", features ? features : "");
	return make(d, &launches_entity, json);
}

/* The rules of a launch's conflicts, comma-separated, in the order found. */
static const char *rules_of(db *d, long long id, char *out, size_t n)
{
	struct launch_settings s;
	launch_settings_get(d, &s);
	json_t *l = entity_get(d, &launches_entity, id);
	json_t *c = launch_conflicts(d, l, &s, TODAY);
	out[0] = 0;
	size_t i;
	json_t *x;
	json_array_foreach(c, i, x)
	{
		size_t len = strlen(out);
		snprintf(out + len, n - len, "%s%s", len ? "," : "", json_string_value(json_object_get(x, "rule")));
		CHECK(*json_string_value(json_object_get(x, "message")) && *json_string_value(json_object_get(x, "hint")));
	}
	json_decref(c), json_decref(l);
	launch_settings_free(&s);
	return out;
}

static void tick_all(db *d, long long id) { db_run(d, "UPDATE launch_checklist SET done = 1 WHERE launch_id = ?", "i", id); }

TEST(launch_gets_its_tiers_checklist)
{
	db *d = t_db();
	long long t1 = launch(d, 1, "2027-03-01", 0, NULL), t3 = launch(d, 3, "2027-03-01", 0, NULL);
	json_t *l1 = entity_get(d, &launches_entity, t1), *l3 = entity_get(d, &launches_entity, t3);
	json_t *c1 = json_object_get(l1, "checklist"), *c3 = json_object_get(l3, "checklist");
	CHECK_EQ_INT(json_array_size(c1), 7);
	CHECK_EQ_INT(json_array_size(c3), 1);
	/* ordered by due date; the first tier-1 item is due 28 days before (PR/FAQ) */
	CHECK_STR(json_string_value(json_object_get(json_array_get(c1, 0), "item")), "PR/FAQ approved");
	CHECK_STR(json_string_value(json_object_get(json_array_get(c1, 0), "due")), "2027-02-01");
	CHECK_STR(json_string_value(json_object_get(json_array_get(c3, 0), "due")), "2027-03-01");
	CHECK(json_is_false(json_object_get(json_array_get(c3, 0), "done")));
	CHECK(json_is_array(json_object_get(l1, "activities")) && json_is_array(json_object_get(l1, "raci")));
	json_decref(l1), json_decref(l3);
	db_close(d);
}

TEST(launch_readiness_from_features_and_checklist)
{
	db *d = t_db();
	long long f1 = make(d, &features_entity, "{\"title\":\"Shipped one\",\"status\":\"shipped\"}");
	long long f2 = make(d, &features_entity, "{\"title\":\"Half\",\"status\":\"in_progress\",\"readiness\":40}");
	char ids[64];
	snprintf(ids, sizeof ids, "[%lld,%lld]", f1, f2);
	long long l = launch(d, 2, "2027-03-01", 0, ids); /* tier 2: four checklist items */
	db_run(d, "UPDATE launch_checklist SET done = 1 WHERE id = (SELECT min(id) FROM launch_checklist)", "");
	json_t *o = entity_get(d, &launches_entity, l);
	json_t *r = launch_readiness(d, o);
	CHECK_EQ_INT(json_integer_value(json_object_get(r, "features")), 70);  /* (100 + 40) / 2 */
	CHECK_EQ_INT(json_integer_value(json_object_get(r, "checklist")), 25); /* 1 of 4 */
	CHECK_EQ_INT(json_integer_value(json_object_get(r, "readiness")), 48); /* (70 + 25) / 2, rounded */
	json_t *missing = json_object_get(r, "missing");
	CHECK_EQ_INT(json_array_size(missing), 4); /* the unfinished feature and three open items */
	CHECK_CONTAINS(json_string_value(json_array_get(missing, 0)), "Half\": 40% ready (in_progress)");
	json_decref(r), json_decref(o);

	/* a declined feature counts nothing; an empty launch is 0% and says why */
	long long f3 = make(d, &features_entity, "{\"title\":\"No\",\"status\":\"declined\",\"decline_reason\":\"scope\"}");
	snprintf(ids, sizeof ids, "[%lld]", f3);
	long long l2 = launch(d, 2, "2027-03-01", 0, ids);
	tick_all(d, l2);
	o = entity_get(d, &launches_entity, l2);
	r = launch_readiness(d, o);
	CHECK_EQ_INT(json_integer_value(json_object_get(r, "readiness")), 50);
	CHECK_CONTAINS(json_string_value(json_array_get(json_object_get(r, "missing"), 0)), "was declined");
	json_decref(r), json_decref(o);
	db_run(d, "DELETE FROM launch_checklist", "");
	long long l3 = launch(d, 2, "2027-03-01", 0, NULL);
	db_run(d, "DELETE FROM launch_checklist WHERE launch_id = ?", "i", l3);
	o = entity_get(d, &launches_entity, l3);
	r = launch_readiness(d, o);
	CHECK_EQ_INT(json_integer_value(json_object_get(r, "readiness")), 0);
	CHECK(json_is_null(json_object_get(r, "features")) && json_is_null(json_object_get(r, "checklist")));
	CHECK_CONTAINS(json_string_value(json_array_get(json_object_get(r, "missing"), 0)), "No features");
	json_decref(r), json_decref(o);
	db_close(d);
}

TEST(launch_conflict_before_release)
{
	db *d = t_db();
	char got[200];
	long long rel = make(d, &releases_entity, "{\"name\":\"R\",\"target_date\":\"2027-06-01\"}");
	long long early = launch(d, 3, "2027-05-31", rel, NULL), same = launch(d, 3, "2027-06-01", rel, NULL);
	tick_all(d, early), tick_all(d, same);
	CHECK_STR(rules_of(d, early, got, sizeof got), LAUNCH_BEFORE_RELEASE);
	CHECK_STR(rules_of(d, same, got, sizeof got), "");
	/* a cancelled release sets no date to respect */
	db_run(d, "UPDATE releases SET status = 'cancelled'", "");
	CHECK_STR(rules_of(d, early, got, sizeof got), "");
	db_close(d);
}

TEST(launch_conflict_not_ready_at_the_lead_time_boundary)
{
	db *d = t_db();
	char got[200];
	/* tier 2: lead time 14 days; today 2027-01-15 */
	long long at = launch(d, 2, "2027-01-29", 0, NULL), past = launch(d, 2, "2027-01-30", 0, NULL);
	long long today = launch(d, 2, TODAY, 0, NULL);
	CHECK_STR(rules_of(d, at, got, sizeof got), LAUNCH_NOT_READY);     /* exactly 14 days away: inside */
	CHECK_STR(rules_of(d, past, got, sizeof got), "");                 /* 15 days away: not yet */
	CHECK_CONTAINS(rules_of(d, today, got, sizeof got), LAUNCH_NOT_READY); /* the day itself */
	/* every item done and no features: readiness 100, nothing open */
	tick_all(d, at);
	CHECK_STR(rules_of(d, at, got, sizeof got), "");
	/* the bar is a setting: readiness 100 passes any bar, an open item never does */
	db_run(d, "UPDATE launch_checklist SET done = 0 WHERE id = (SELECT max(id) FROM launch_checklist WHERE launch_id = ?)",
	       "i", at);
	CHECK_STR(rules_of(d, at, got, sizeof got), LAUNCH_NOT_READY);
	/* a longer lead time for tier 2 brings the 15-day launch inside it */
	json_t *in = json_loads("{\"lead_days\":{\"2\":15}}", 0, NULL);
	struct err e = {0};
	CHECK_EQ_INT(setting_put(d, &launch_setting, 0, in, &e), 0);
	json_decref(in);
	CHECK_STR(rules_of(d, past, got, sizeof got), LAUNCH_NOT_READY);
	db_close(d);
}

TEST(launch_conflict_date_passed_and_closed_launches)
{
	db *d = t_db();
	char got[200];
	long long late = launch(d, 3, "2027-01-14", 0, NULL);
	tick_all(d, late);
	CHECK_STR(rules_of(d, late, got, sizeof got), LAUNCH_DATE_PASSED);
	db_run(d, "UPDATE launches SET status = 'launched'", "");
	CHECK_STR(rules_of(d, late, got, sizeof got), ""); /* launched: nothing to warn about */
	db_close(d);
}

TEST(launch_conflict_activity_after_launch)
{
	db *d = t_db();
	char got[200], json[200];
	long long l = launch(d, 3, "2027-03-01", 0, NULL);
	tick_all(d, l);
	snprintf(json, sizeof json, "{\"launch_id\":%lld,\"channel\":\"blog\",\"title\":\"On the day\",\"date\":\"2027-03-01\"}", l);
	make(d, &activities_entity, json);
	CHECK_STR(rules_of(d, l, got, sizeof got), "");
	snprintf(json, sizeof json, "{\"launch_id\":%lld,\"channel\":\"webinar\",\"title\":\"Late\",\"date\":\"2027-03-02\"}", l);
	long long late = make(d, &activities_entity, json);
	CHECK_STR(rules_of(d, l, got, sizeof got), ACTIVITY_AFTER_LAUNCH);
	db_run(d, "UPDATE launch_activities SET status = 'cancelled' WHERE id = ?", "i", late);
	CHECK_STR(rules_of(d, l, got, sizeof got), "");
	db_close(d);
}

TEST(launch_conflict_feature_not_in_release)
{
	db *d = t_db();
	char got[200], json[200];
	long long r1 = make(d, &releases_entity, "{\"name\":\"R1\",\"target_date\":\"2027-02-01\"}");
	long long r2 = make(d, &releases_entity, "{\"name\":\"R2\",\"target_date\":\"2027-04-01\"}");
	snprintf(json, sizeof json, "{\"title\":\"In\",\"status\":\"planned\",\"release_id\":%lld}", r1);
	long long in = make(d, &features_entity, json);
	snprintf(json, sizeof json, "{\"title\":\"Other\",\"status\":\"planned\",\"release_id\":%lld}", r2);
	long long other = make(d, &features_entity, json);
	long long none = make(d, &features_entity, "{\"title\":\"None\",\"status\":\"planned\"}");
	snprintf(json, sizeof json, "[%lld]", in);
	long long ok = launch(d, 3, "2027-03-01", r1, json);
	snprintf(json, sizeof json, "[%lld,%lld,%lld]", in, other, none);
	long long bad = launch(d, 3, "2027-03-01", r1, json);
	tick_all(d, ok), tick_all(d, bad);
	db_run(d, "UPDATE features SET readiness = 100", "");
	CHECK_STR(rules_of(d, ok, got, sizeof got), "");
	CHECK_STR(rules_of(d, bad, got, sizeof got), LAUNCH_FEATURE_NOT_IN_RELEASE "," LAUNCH_FEATURE_NOT_IN_RELEASE);
	/* a feature shipped already needs no release */
	db_run(d, "UPDATE features SET status = 'shipped' WHERE id = ?", "i", none);
	CHECK_STR(rules_of(d, bad, got, sizeof got), LAUNCH_FEATURE_NOT_IN_RELEASE);
	db_close(d);
}

TEST(launch_conflict_checklist_overdue)
{
	db *d = t_db();
	char got[200];
	long long l = launch(d, 3, "2027-03-01", 0, NULL); /* one item, due on the launch date */
	CHECK_STR(rules_of(d, l, got, sizeof got), "");
	db_run(d, "UPDATE launch_checklist SET due = ?", "t", TODAY);
	CHECK_STR(rules_of(d, l, got, sizeof got), ""); /* due today is not overdue */
	db_run(d, "UPDATE launch_checklist SET due = '2027-01-14'", "");
	CHECK_STR(rules_of(d, l, got, sizeof got), CHECKLIST_OVERDUE);
	tick_all(d, l);
	CHECK_STR(rules_of(d, l, got, sizeof got), "");
	db_close(d);
}

TEST(launch_conflicts_are_alignment_findings)
{
	db *d = t_db();
	long long rel = make(d, &releases_entity, "{\"name\":\"R\",\"target_date\":\"2027-06-01\"}");
	long long l = launch(d, 3, "2027-05-01", rel, NULL);
	tick_all(d, l);
	arena *a = arena_new();
	struct align_report r;
	CHECK_EQ_INT(align_run_rule(d, a, TODAY, LAUNCH_BEFORE_RELEASE, &r), 0);
	CHECK_EQ_INT(r.n, 1);
	CHECK_STR(r.items[0].kind, "launches");
	CHECK_EQ_INT(r.items[0].id, l);
	CHECK_EQ_INT(align_run_rule(d, a, TODAY, CHECKLIST_OVERDUE, &r), 0);
	CHECK_EQ_INT(r.n, 0);
	arena_free(a);
	db_close(d);
}

TEST(launch_settings_refuse_bad_templates)
{
	db *d = t_db();
	static const struct {
		const char *json, *field, *says;
	} bad[] = {
		{"{\"checklist\":{\"1\":[{\"item\":\"Docs\",\"days_before\":3}]}}", "checklist.1[1]",
		 "checklist.1[1]: owner_role is required"},
		{"{\"checklist\":{\"2\":[{\"item\":\"Docs\",\"owner_role\":\"boss\",\"days_before\":3}]}}", "checklist.2[1]",
		 "owner_role must be one of"},
		{"{\"checklist\":{\"4\":[]}}", "checklist.4", "unknown field 4"},
		{"{\"lead_days\":{\"1\":-1}}", "lead_days.1", "from 0 to 365"},
		{"{\"ready_threshold\":101}", "ready_threshold", "0 to 100"},
		{"{\"colour\":1}", "colour", "unknown field colour"},
	};
	for (size_t i = 0; i < COUNT(bad); i++) {
		json_t *in = json_loads(bad[i].json, 0, NULL);
		struct err e = {0};
		CHECK_EQ_INT(setting_put(d, &launch_setting, 0, in, &e), -1);
		CHECK_EQ_INT(e.status, 400);
		CHECK_STR(e.field, bad[i].field);
		CHECK_CONTAINS(e.message, bad[i].says);
		json_decref(in);
	}
	CHECK_EQ_INT(db_int(d, -1, "SELECT count(*) FROM settings WHERE key = 'launches'", ""), 0);
	json_t *in = json_loads("{\"checklist\":{\"3\":[{\"item\":\"Changelog\",\"owner_role\":\"pm\",\"days_before\":2}]}}", 0,
	                        NULL);
	struct err e = {0};
	CHECK_EQ_INT(setting_put(d, &launch_setting, 0, in, &e), 0);
	json_decref(in);
	long long l = launch(d, 3, "2027-03-01", 0, NULL);
	json_t *o = entity_get(d, &launches_entity, l);
	json_t *first = json_array_get(json_object_get(o, "checklist"), 0);
	CHECK_STR(json_string_value(json_object_get(first, "item")), "Changelog");
	CHECK_STR(json_string_value(json_object_get(first, "due")), "2027-02-27");
	json_decref(o);
	db_close(d);
}

TEST(release_reschedule_moves_open_launches_by_the_delta)
{
	db *d = t_db();
	long long rel = make(d, &releases_entity, "{\"name\":\"R\",\"target_date\":\"2027-02-28\"}");
	long long a = launch(d, 2, "2027-03-01", rel, NULL), b = launch(d, 3, "2027-03-10", rel, NULL);
	long long done = launch(d, 3, "2027-03-02", rel, NULL);
	db_run(d, "UPDATE launches SET status = 'launched' WHERE id = ?", "i", done);
	struct err e = {0};
	json_t *p = release_reschedule_preview(d, rel, "2027-03-14", &e);
	CHECK_EQ_INT(json_integer_value(json_object_get(p, "delta_days")), 14);
	CHECK_EQ_INT(json_array_size(json_object_get(p, "launches")), 2); /* the launched one stays */
	CHECK_STR(json_string_value(json_object_get(json_array_get(json_object_get(p, "launches"), 0), "new_date")),
	          "2027-03-15");
	json_decref(p);
	CHECK(!release_reschedule(d, 0, rel, "2027-03-14", 7, true, &e)); /* stale version */
	CHECK_EQ_INT(e.status, 409);
	CHECK(!release_reschedule_preview(d, rel, "2027-02-30", &e));
	CHECK_STR(e.field, "target_date");
	json_t *r = release_reschedule(d, 0, rel, "2027-03-14", 1, true, &e);
	CHECK(r != NULL);
	json_decref(r);
	CHECK_EQ_INT(db_int(d, 0, "SELECT count(*) FROM launches WHERE id = ? AND launch_date = '2027-03-15'", "i", a), 1);
	CHECK_EQ_INT(db_int(d, 0, "SELECT count(*) FROM launches WHERE id = ? AND launch_date = '2027-03-24'", "i", b), 1);
	CHECK_EQ_INT(db_int(d, 0, "SELECT count(*) FROM launches WHERE id = ? AND launch_date = '2027-03-02'", "i", done), 1);
	CHECK_EQ_INT(db_int(d, 0, "SELECT count(*) FROM audit WHERE action = 'rescheduled'", ""), 3);
	/* back, keeping the launches where they are */
	r = release_reschedule(d, 0, rel, "2027-02-28", 2, false, &e);
	CHECK_EQ_INT(json_array_size(json_object_get(r, "launches")), 0);
	json_decref(r);
	CHECK_EQ_INT(db_int(d, 0, "SELECT count(*) FROM launches WHERE id = ? AND launch_date = '2027-03-15'", "i", a), 1);
	db_close(d);
}

TEST(checklist_done_is_a_boolean)
{
	db *d = t_db();
	long long l = launch(d, 3, "2027-03-01", 0, NULL);
	char json[200];
	snprintf(json, sizeof json, "{\"launch_id\":%lld,\"item\":\"x\",\"owner_role\":\"pm\",\"done\":\"yes\"}", l);
	json_t *in = json_loads(json, 0, NULL);
	struct err e = {0};
	CHECK_EQ_INT(entity_create(d, &checklist_entity, 0, in, &e), -1);
	CHECK_STR(e.field, "done");
	json_decref(in);
	snprintf(json, sizeof json, "{\"launch_id\":%lld,\"item\":\"x\",\"due\":\"2027-02-30\",\"owner_role\":\"pm\"}", l);
	in = json_loads(json, 0, NULL);
	CHECK_EQ_INT(entity_create(d, &checklist_entity, 0, in, &e), -1);
	CHECK_STR(e.field, "due");
	json_decref(in);
	snprintf(json, sizeof json, "{\"launch_id\":%lld,\"title\":\"No channel\"}", l);
	in = json_loads(json, 0, NULL);
	CHECK_EQ_INT(entity_create(d, &activities_entity, 0, in, &e), -1);
	CHECK_STR(e.field, "channel");
	json_decref(in);
	db_close(d);
}
