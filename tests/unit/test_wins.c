/* test_wins.c — win detection: a target reached in the goal's direction (down when the target is below the
 * baseline), exactly once per goal, launch or feature, in the change's transaction; and manual wins only by hand. */
#include "harness.h"
#include "domain/wins.h"
#include "model/action.h"
#include "model/features.h"
#include "model/goals.h"
#include "model/launches.h"
#include "model/wins.h"

static bool reached(const char *baseline, double target, double value)
{
	json_t *b = baseline ? json_loads(baseline, JSON_DECODE_ANY, NULL) : json_null();
	json_t *t = json_real(target), *v = json_real(value);
	bool r = win_reached(b, t, v);
	json_decref(b), json_decref(t), json_decref(v);
	return r;
}

TEST(wins_direction)
{
	CHECK(reached("10", 20, 20));  /* up: at the target */
	CHECK(reached("10", 20, 25));  /* up: past it */
	CHECK(!reached("10", 20, 19)); /* up: short */
	CHECK(reached(NULL, 20, 20));  /* no baseline: up */
	CHECK(!reached(NULL, 20, 5));
	CHECK(reached("30", 20, 20));  /* down: a target below the baseline */
	CHECK(reached("30", 20, 12));
	CHECK(!reached("30", 20, 25)); /* down: still above */
	json_t *t = json_real(1);
	CHECK(!win_reached(json_null(), t, json_null())); /* nothing measured yet */
	json_decref(t);
}

static long long wins_of(db *d, const char *source, long long id)
{
	return db_int(d, -1, "SELECT count(*) FROM wins WHERE source = ? AND source_id = ?", "ti", source, id);
}

static int measure(db *d, long long goal, double value)
{
	json_t *in = json_pack("{sf}", "value", value);
	struct err e = {0};
	int rc = action_call(d, action_find("measure"), 1, goal, 0, in, NULL, &e);
	json_decref(in);
	return rc;
}

TEST(wins_goal_once_in_its_direction)
{
	db *d = t_db();
	long long pm = t_user(d, "pm@x.test", "pm"), pmm = t_user(d, "pmm@x.test", "pmm");
	struct err e = {0};
	json_t *in = json_pack("{sssssfsfsIsI}", "title", "Cut churn", "metric", "churn %", "baseline", 8.0, "target", 5.0,
	                       "pm_owner", (json_int_t)pm, "pmm_owner", (json_int_t)pmm);
	long long g = entity_create(d, &goals_entity, pm, in, &e);
	json_decref(in);
	REQUIRE(g > 0);
	CHECK_EQ_INT(measure(d, g, 6), 201);
	CHECK_EQ_INT(wins_of(d, "goal", g), 0); /* going down, not there yet */
	CHECK_EQ_INT(measure(d, g, 5), 201);
	CHECK_EQ_INT(wins_of(d, "goal", g), 1); /* met by going down */
	CHECK_EQ_INT(measure(d, g, 4), 201);
	CHECK_EQ_INT(wins_of(d, "goal", g), 1); /* exactly once */
	CHECK_EQ_INT(db_int(d, 0, "SELECT count(*) FROM win_thanks", ""), 2); /* both owners thanked */
	CHECK_EQ_INT(db_int(d, 0, "SELECT count(*) FROM audit WHERE kind = 'wins' AND action = 'created'", ""), 1);
	db_close(d);
}

TEST(wins_launch_and_feature)
{
	db *d = t_db();
	long long pm = t_user(d, "pm@x.test", "pm");
	struct err e = {0};
	json_t *in = json_pack("{sssisssI}", "title", "Spring", "tier", 2, "launch_date", "2030-01-10", "owner",
	                       (json_int_t)pm);
	long long l = entity_create(d, &launches_entity, pm, in, &e);
	json_decref(in);
	REQUIRE(l > 0);
	json_t *up = json_pack("{ss}", "status", "ready");
	CHECK_EQ_INT(entity_update(d, &launches_entity, pm, l, up, 1, &e), 0);
	CHECK_EQ_INT(wins_of(d, "launch", l), 0);
	json_decref(up);
	up = json_pack("{ss}", "status", "launched");
	CHECK_EQ_INT(entity_update(d, &launches_entity, pm, l, up, 2, &e), 0);
	CHECK_EQ_INT(wins_of(d, "launch", l), 1);
	json_decref(up);
	up = json_pack("{ss}", "summary", "It went out");
	CHECK_EQ_INT(entity_update(d, &launches_entity, pm, l, up, 3, &e), 0);
	CHECK_EQ_INT(wins_of(d, "launch", l), 1); /* still once */
	json_decref(up);

	in = json_pack("{sssfsf}", "title", "Faster export", "success_baseline", 10.0, "success_target", 40.0);
	long long f = entity_create(d, &features_entity, pm, in, &e);
	json_decref(in);
	REQUIRE(f > 0);
	up = json_pack("{sf}", "success_actual", 30.0);
	CHECK_EQ_INT(entity_update(d, &features_entity, pm, f, up, 1, &e), 0);
	CHECK_EQ_INT(wins_of(d, "feature", f), 0);
	json_decref(up);
	up = json_pack("{sf}", "success_actual", 41.0);
	CHECK_EQ_INT(entity_update(d, &features_entity, pm, f, up, 2, &e), 0);
	CHECK_EQ_INT(wins_of(d, "feature", f), 1);
	json_decref(up);
	up = json_pack("{sf}", "success_actual", 45.0);
	CHECK_EQ_INT(entity_update(d, &features_entity, pm, f, up, 3, &e), 0);
	CHECK_EQ_INT(wins_of(d, "feature", f), 1);
	json_decref(up);
	db_close(d);
}

TEST(wins_by_hand_are_manual)
{
	db *d = t_db();
	long long pm = t_user(d, "pm@x.test", "pm");
	struct err e = {0};
	json_t *in = json_pack("{ssss}", "title", "First 100 customers", "source", "goal");
	CHECK(entity_create(d, &wins_entity, pm, in, &e) < 0);
	CHECK_STR(e.field, "source");
	json_decref(in);
	in = json_pack("{ss}", "title", "First 100 customers");
	long long w = entity_create(d, &wins_entity, pm, in, &e);
	json_decref(in);
	REQUIRE(w > 0);
	json_t *got = entity_get(d, &wins_entity, w);
	CHECK_STR(json_string_value(json_object_get(got, "source")), "manual");
	CHECK(json_is_string(json_object_get(got, "at")));
	json_decref(got);
	CHECK_EQ_INT(wins_record(d, pm, "goal", 7, "x", NULL, &e) > 0, 1);
	CHECK_EQ_INT(wins_record(d, pm, "goal", 7, "x", NULL, &e), 0); /* the second time: nothing */
	db_close(d);
}
