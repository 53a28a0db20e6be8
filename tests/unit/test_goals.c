/* test_goals.c — goals' own actions: measurements, target changes with a reason, revisions, reviews. */
#include <stdlib.h>
#include "harness.h"
#include "model/goals.h"

static long long goal(db *d, double target)
{
	struct err e = {0};
	json_t *in = json_pack("{sssssf}", "title", "Cut time to insight", "metric", "minutes", "target", target);
	long long id = entity_create(d, &goals_entity, 0, in, &e);
	json_decref(in);
	return id;
}

static json_t *field(db *d, long long id, const char *name, json_t **holder)
{
	*holder = entity_get(d, &goals_entity, id);
	return json_object_get(*holder, name);
}

static int measure(db *d, long long id, const char *json, struct err *e)
{
	json_t *in = json_loads(json, 0, NULL);
	int rc = action_call(d, &goal_measure_action, 0, id, 0, in, NULL, e);
	json_decref(in);
	return rc < 0 ? -1 : 0;
}

TEST(goals_measure_sets_current_to_latest_by_date)
{
	db *d = t_db();
	long long id = goal(d, 10);
	REQUIRE(id > 0);
	struct err e = {0};
	CHECK(measure(d, id, "{\"at\":\"2026-06-01\",\"value\":30,\"source\":\"analytics\"}", &e) == 0);
	CHECK(measure(d, id, "{\"at\":\"2026-08-01\",\"value\":20}", &e) == 0);
	/* an older measurement entered later does not become current */
	CHECK(measure(d, id, "{\"at\":\"2026-07-01\",\"value\":25}", &e) == 0);
	json_t *h;
	CHECK_EQ_DBL(json_number_value(field(d, id, "current", &h)), 20);
	CHECK_EQ_INT(json_integer_value(json_object_get(h, "version")), 4); /* each measurement bumps it */
	json_decref(h);
	json_t *m = goal_measurements(d, id);
	REQUIRE(json_array_size(m) == 3); /* oldest first */
	CHECK_STR(json_string_value(json_object_get(json_array_get(m, 0), "at")), "2026-06-01");
	CHECK_STR(json_string_value(json_object_get(json_array_get(m, 0), "source")), "analytics");
	CHECK_STR(json_string_value(json_object_get(json_array_get(m, 1), "at")), "2026-07-01");
	CHECK(json_is_null(json_object_get(json_array_get(m, 2), "source")));
	json_decref(m);
	CHECK(goal_measurements(d, 999) == NULL);
	db_close(d);
}

TEST(goals_measure_defaults_to_today)
{
	db *d = t_db();
	long long id = goal(d, 10);
	struct err e = {0};
	setenv("TANDEM_TODAY", "2026-03-15", 1);
	CHECK(measure(d, id, "{\"value\":7}", &e) == 0);
	unsetenv("TANDEM_TODAY");
	json_t *m = goal_measurements(d, id);
	CHECK_STR(json_string_value(json_object_get(json_array_get(m, 0), "at")), "2026-03-15");
	json_decref(m);
	db_close(d);
}

TEST(goals_measure_bad_input)
{
	db *d = t_db();
	long long id = goal(d, 10);
	struct {
		const char *json, *field;
	} bad[] = {
		{"{\"value\":1,\"note\":\"x\"}", "note"}, {"{}", "value"}, {"{\"value\":\"3\"}", "value"},
		{"{\"value\":1e16}", "value"},           {"{\"value\":1,\"at\":\"2026-02-30\"}", "at"},
		{"{\"value\":1,\"source\":5}", "source"},
	};
	for (size_t i = 0; i < COUNT(bad); i++) {
		struct err e = {0};
		CHECK_EQ_INT(measure(d, id, bad[i].json, &e), -1);
		CHECK_EQ_INT(e.status, 400);
		CHECK_STR(e.field, bad[i].field);
	}
	struct err e = {0};
	CHECK_EQ_INT(measure(d, 999, "{\"value\":1}", &e), -1);
	CHECK_EQ_INT(e.status, 404);
	CHECK_EQ_INT(db_int(d, -1, "SELECT count(*) FROM goal_measurements", ""), 0);
	db_close(d);
}

static int change_target(db *d, long long id, const char *json, struct err *e)
{
	json_t *in = json_loads(json, 0, NULL);
	int rc = action_call(d, &goal_target_action, 0, id, 0, in, NULL, e);
	json_decref(in);
	return rc < 0 ? -1 : 0;
}

TEST(goals_target_change_needs_a_reason)
{
	db *d = t_db();
	long long id = goal(d, 10);
	struct err e = {0};
	CHECK_EQ_INT(change_target(d, id, "{\"target\":12}", &e), -1);
	CHECK_STR(e.field, "reason");
	CHECK_EQ_INT(change_target(d, id, "{\"target\":12,\"reason\":\"  \"}", &e), -1);
	CHECK_STR(e.field, "reason");
	CHECK_EQ_INT(change_target(d, id, "{\"reason\":\"why\"}", &e), -1);
	CHECK_STR(e.field, "target");
	CHECK_EQ_INT(change_target(d, id, "{\"target\":12,\"reason\":\"x\",\"extra\":1}", &e), -1);
	CHECK_STR(e.field, "extra");
	CHECK_EQ_INT(change_target(d, id, "{\"target\":12,\"reason\":\"x\",\"version\":5}", &e), -1);
	CHECK_EQ_INT(e.status, 409);
	/* the version is required, as for every change of an object (it was optional here) */
	CHECK_EQ_INT(change_target(d, id, "{\"target\":12,\"reason\":\"x\"}", &e), -1);
	CHECK_EQ_INT(e.status, 400);
	CHECK_STR(e.field, "version");
	json_t *h;
	CHECK_EQ_DBL(json_number_value(field(d, id, "target", &h)), 10); /* unchanged by refusals */
	json_decref(h);
	CHECK_EQ_INT(change_target(d, id, "{\"target\":12,\"reason\":\"onboarding slipped\",\"version\":1}", &e), 0);
	CHECK_EQ_DBL(json_number_value(field(d, id, "target", &h)), 12);
	CHECK_EQ_INT(json_integer_value(json_object_get(h, "version")), 2);
	json_decref(h);
	CHECK_EQ_INT(change_target(d, id, "{\"target\":15,\"reason\":\"back on track\",\"version\":2}", &e), 0);
	json_t *rev = goal_target_changes(d, id);
	REQUIRE(json_array_size(rev) == 2); /* newest first */
	json_t *r0 = json_array_get(rev, 0), *r1 = json_array_get(rev, 1);
	CHECK_EQ_DBL(json_number_value(json_object_get(r0, "old_target")), 12);
	CHECK_EQ_DBL(json_number_value(json_object_get(r0, "new_target")), 15);
	CHECK_STR(json_string_value(json_object_get(r0, "reason")), "back on track");
	CHECK_EQ_DBL(json_number_value(json_object_get(r1, "old_target")), 10);
	CHECK_STR(json_string_value(json_object_get(r1, "reason")), "onboarding slipped");
	json_decref(rev);
	CHECK(goal_target_changes(d, 999) == NULL);
	CHECK_EQ_INT(change_target(d, 999, "{\"target\":1,\"reason\":\"r\",\"version\":1}", &e), -1);
	CHECK_EQ_INT(e.status, 404);
	db_close(d);
}

TEST(goals_target_cannot_change_through_patch)
{
	db *d = t_db();
	long long id = goal(d, 10);
	struct err e = {0};
	json_t *in = json_pack("{sf}", "target", 99.0);
	CHECK_EQ_INT(entity_update(d, &goals_entity, 0, id, in, 1, &e), -1);
	CHECK_EQ_INT(e.status, 400);
	CHECK_STR(e.field, "target");
	json_decref(in);
	/* sending the same target back is fine */
	in = json_pack("{sfss}", "target", 10.0, "unit", "min");
	CHECK_EQ_INT(entity_update(d, &goals_entity, 0, id, in, 1, &e), 0);
	json_decref(in);
	db_close(d);
}

TEST(goals_mark_reviewed)
{
	db *d = t_db();
	long long id = goal(d, 10);
	struct err e = {0};
	json_t *h;
	json_t *lr = field(d, id, "last_reviewed_at", &h); /* json_is_null evaluates its argument twice */
	CHECK(json_is_null(lr));
	json_decref(h);
	CHECK_EQ_INT(action_call(d, &goal_review_action, 0, id, 0, NULL, NULL, &e), 200);
	const char *at = json_string_value(field(d, id, "last_reviewed_at", &h));
	CHECK(at && strlen(at) == 20 && at[19] == 'Z');
	CHECK_EQ_INT(json_integer_value(json_object_get(h, "version")), 2);
	json_decref(h);
	json_t *hist = audit_history(d, "goals", id, 5);
	CHECK_STR(json_string_value(json_object_get(json_array_get(hist, 0), "action")), "reviewed");
	json_decref(hist);
	CHECK_EQ_INT(action_call(d, &goal_review_action, 0, 999, 0, NULL, NULL, &e), -1);
	CHECK_EQ_INT(e.status, 404);
	db_close(d);
}
