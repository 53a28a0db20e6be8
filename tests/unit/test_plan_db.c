/* test_plan_db.c — the plan over a workspace: request checks, default candidates, stored capacity, errors, apply. */
#include "domain/demo.h"
#include "domain/plan_db.h"
#include "harness.h"
#include "model/entity.h"

#define NOW "'2026-01-01T00:00:00Z'"

/* A feature with one goal link of this weight (value 10 × weight with the default weights, no RICE). */
static long long feature(db *d, const char *status, const char *period, int weight, double eng, double design,
                         double mkt)
{
	static long long goal;
	if (!goal || !db_int(d, 0, "SELECT count(*) FROM goals WHERE id = ?", "i", goal)) {
		db_run(d, "INSERT INTO goals(title, metric, target, created_at, updated_at) VALUES ('g', 'm', 1, " NOW ", " NOW ")",
		       "");
		goal = db_last_id(d);
	}
	db_run(d, "INSERT INTO features(title, status, period, effort_eng, effort_design, effort_mkt, created_at, "
	          "updated_at) VALUES ('f', ?, ?, ?, ?, ?, " NOW ", " NOW ")",
	       "ttddd", status, period, eng, design, mkt);
	long long id = db_last_id(d);
	if (weight > 0)
		db_run(d, "INSERT INTO feature_goals(feature_id, goal_id, weight) VALUES (?, ?, ?)", "iii", id, goal,
		       (long long)weight);
	return id;
}

static void capacity(db *d, const char *period, double eng, double design, double mkt)
{
	db_run(d, "INSERT INTO capacity(period, eng, design, mkt, created_at, updated_at) VALUES (?, ?, ?, ?, " NOW ", " NOW
	          ")", "tddd", period, eng, design, mkt);
}

/* Plan the request in text; the answer (caller frees) or NULL with *e. */
static json_t *plan(db *d, const char *body, struct err *e)
{
	json_t *in = json_loads(body, 0, NULL);
	struct plan_req r;
	json_t *out = NULL;
	memset(e, 0, sizeof *e);
	if (plan_req_parse(in, &r, e) == 0)
		out = plan_compute(d, &r, e);
	plan_req_free(&r);
	json_decref(in);
	return out;
}

/* The answer's chosen ids as "1,2,3". */
static const char *chosen(json_t *ans, char *txt, size_t n)
{
	size_t i, o = 0;
	json_t *x;
	txt[0] = 0;
	json_array_foreach(json_object_get(ans, "chosen"), i, x) o += (size_t)snprintf(
	    txt + o, n - o, "%s%lld", i ? "," : "", (long long)json_integer_value(x));
	return txt;
}

TEST(plan_db_request_checks_name_the_field)
{
	db *d = t_db();
	struct {
		const char *body, *field;
	} bad[] = {
		{"{}", "period"},
		{"{\"period\": \"2027Q1\"}", "period"},
		{"{\"period\": \"2027-Q5\"}", "period"},
		{"{\"period\": \"2027-13\"}", "period"},
		{"{\"period\": 2027}", "period"},
		{"{\"period\": \"2027-Q1\", \"team\": 1}", "team"},
		{"{\"period\": \"2027-Q1\", \"capacity\": {\"eng\": \"40\"}}", "capacity.eng"},
		{"{\"period\": \"2027-Q1\", \"capacity\": {\"mkt\": -1}}", "capacity.mkt"},
		{"{\"period\": \"2027-Q1\", \"capacity\": {\"sales\": 3}}", "capacity"},
		{"{\"period\": \"2027-Q1\", \"capacity\": 40}", "capacity"},
		{"{\"period\": \"2027-Q1\", \"must\": [1, 1]}", "must"},
		{"{\"period\": \"2027-Q1\", \"must\": [\"1\"]}", "must"},
		{"{\"period\": \"2027-Q1\", \"exclude\": [0]}", "exclude"},
		{"{\"period\": \"2027-Q1\", \"candidates\": 3}", "candidates"},
		{"{\"period\": \"2027-Q1\", \"candidates\": [2.5]}", "candidates"},
		{"{\"period\": \"2027-Q1\", \"must\": [4], \"exclude\": [4]}", "exclude"},
	};
	for (size_t i = 0; i < COUNT(bad); i++) {
		struct err e;
		json_t *ans = plan(d, bad[i].body, &e);
		if (ans || e.status != 400 || strcmp(e.field, bad[i].field))
			harness_fail(__FILE__, __LINE__, "%s: want 400 on %s, got %d on '%s' (%s)", bad[i].body, bad[i].field,
			             e.status, e.field, e.message);
		json_decref(ans);
	}
	db_close(d);
}

TEST(plan_db_default_candidates_and_stored_capacity)
{
	db *d = t_db();
	capacity(d, "2027-Q1", 10, 2, 2);
	long long a = feature(d, "accepted", NULL, 5, 6, 1, 0);
	long long b = feature(d, "planned", "2027-Q1", 3, 4, 1, 1);
	long long c = feature(d, "planned", NULL, 2, 2, 0, 0);
	long long other = feature(d, "planned", "2027-Q2", 5, 1, 0, 0); /* planned for another period */
	long long fresh = feature(d, "new", NULL, 5, 1, 0, 0);
	long long shipped = feature(d, "shipped", NULL, 5, 1, 0, 0);
	long long merged = feature(d, "accepted", NULL, 5, 1, 0, 0);
	db_run(d, "UPDATE features SET merged_into = ? WHERE id = ?", "ii", a, merged);
	struct err e;
	json_t *ans = plan(d, "{\"period\": \"2027-Q1\"}", &e);
	REQUIRE(ans);
	CHECK(json_is_true(json_object_get(ans, "optimal")));
	CHECK(json_is_true(json_object_get(ans, "feasible")));
	char txt[200];
	CHECK_STR(chosen(ans, txt, sizeof txt), "1,2"); /* 50 + 30 within 10 eng; c would need 2 more */
	CHECK_EQ_INT(a, 1);
	CHECK_EQ_INT(b, 2);
	CHECK_EQ_DBL(json_number_value(json_object_get(ans, "value")), 80);
	json_t *used = json_object_get(ans, "used"), *cap = json_object_get(ans, "capacity");
	CHECK_EQ_DBL(json_number_value(json_object_get(used, "eng")), 10);
	CHECK_EQ_DBL(json_number_value(json_object_get(cap, "eng")), 10);
	CHECK_EQ_DBL(json_number_value(json_object_get(cap, "mkt")), 2);
	json_t *cut = json_object_get(ans, "cut");
	REQUIRE(json_array_size(cut) == 1); /* only c: the others are no candidates */
	CHECK_EQ_INT(json_integer_value(json_object_get(json_array_get(cut, 0), "id")), c);
	CHECK_CONTAINS(json_string_value(json_object_get(json_array_get(cut, 0), "reason")), "eng");
	CHECK_EQ_DBL(json_number_value(json_object_get(ans, "top3_share")), 1);
	CHECK_STR(json_string_value(json_object_get(ans, "period")), "2027-Q1");
	json_decref(ans);
	/* a capacity given overrides the stored one team by team */
	ans = plan(d, "{\"period\": \"2027-Q1\", \"capacity\": {\"eng\": 12}}", &e);
	REQUIRE(ans);
	CHECK_STR(chosen(ans, txt, sizeof txt), "1,2,3");
	CHECK_EQ_DBL(json_number_value(json_object_get(json_object_get(ans, "capacity"), "design")), 2);
	json_decref(ans);
	/* must-includes join the candidates whatever their status; candidates can be named */
	snprintf(txt, sizeof txt, "{\"period\": \"2027-Q1\", \"must\": [%lld], \"candidates\": [%lld, %lld]}", fresh, c,
	         other);
	ans = plan(d, txt, &e);
	REQUIRE(ans);
	char got[100];
	snprintf(txt, sizeof txt, "%lld,%lld,%lld", other, fresh, c);
	CHECK_STR(chosen(ans, got, sizeof got), txt);
	json_decref(ans);
	(void)shipped;
	db_close(d);
}

TEST(plan_db_errors)
{
	db *d = t_db();
	capacity(d, "2027-Q1", 10, 2, 0);
	long long a = feature(d, "accepted", NULL, 5, 6, 1, 0), b = feature(d, "accepted", NULL, 3, 6, 3, 0);
	struct err e;
	/* no capacity stored and none given: the period is named */
	CHECK(plan(d, "{\"period\": \"2027-Q3\"}", &e) == NULL);
	CHECK_EQ_INT(e.status, 400);
	CHECK_STR(e.field, "period");
	CHECK_CONTAINS(e.message, "2027-Q3");
	json_t *ans = plan(d, "{\"period\": \"2027-Q3\", \"capacity\": {\"eng\": 6, \"design\": 1}}", &e);
	CHECK(ans != NULL);
	json_decref(ans);
	/* ids that name no feature */
	const char *unknown[][2] = {{"{\"period\": \"2027-Q1\", \"must\": [99]}", "must"},
	                            {"{\"period\": \"2027-Q1\", \"exclude\": [1, 99]}", "exclude"},
	                            {"{\"period\": \"2027-Q1\", \"candidates\": [99, 1]}", "candidates"}};
	for (size_t i = 0; i < COUNT(unknown); i++) {
		CHECK(plan(d, unknown[i][0], &e) == NULL);
		CHECK_EQ_INT(e.status, 400);
		CHECK_STR(e.field, unknown[i][1]);
		CHECK_CONTAINS(e.message, "#99");
	}
	/* a merged feature is no candidate */
	db_run(d, "UPDATE features SET merged_into = ? WHERE id = ?", "ii", a, b);
	CHECK(plan(d, "{\"period\": \"2027-Q1\", \"candidates\": [2]}", &e) == NULL);
	CHECK_STR(e.field, "candidates");
	CHECK_CONTAINS(e.message, "merged into #1");
	db_run(d, "UPDATE features SET merged_into = NULL WHERE id = ?", "i", b);
	/* must-includes that do not fit: 422, which team is short and by how much; no partial answer */
	CHECK(plan(d, "{\"period\": \"2027-Q1\", \"must\": [1, 2]}", &e) == NULL);
	CHECK_EQ_INT(e.status, 422);
	CHECK_STR(e.code, "infeasible");
	CHECK_STR(e.field, "must");
	CHECK_CONTAINS(e.message, "12 eng person-weeks but the capacity is 10 (2 short)");
	CHECK_CONTAINS(e.message, "4 design person-weeks but the capacity is 2 (2 short)");
	/* no capacity at all */
	CHECK(plan(d, "{\"period\": \"2027-Q1\", \"capacity\": {\"eng\": 0, \"design\": 0}}", &e) == NULL);
	CHECK_EQ_INT(e.status, 400);
	CHECK_STR(e.field, "capacity");
	/* nothing to plan */
	db_run(d, "UPDATE features SET status = 'new'", "");
	CHECK(plan(d, "{\"period\": \"2027-Q1\"}", &e) == NULL);
	CHECK_STR(e.field, "candidates");
	CHECK(plan(d, "{\"period\": \"2027-Q1\", \"candidates\": []}", &e) == NULL);
	CHECK_STR(e.field, "candidates");
	db_close(d);
}

TEST(plan_db_dependencies)
{
	db *d = t_db();
	capacity(d, "2027-Q1", 20, 5, 5);
	long long base = feature(d, "accepted", NULL, 1, 2, 0, 0), top = feature(d, "accepted", NULL, 5, 2, 0, 0);
	long long done = feature(d, "shipped", NULL, 1, 2, 0, 0), after = feature(d, "accepted", NULL, 2, 2, 0, 0);
	long long lone = feature(d, "accepted", NULL, 4, 2, 0, 0), dropped = feature(d, "declined", NULL, 1, 1, 0, 0);
	db_run(d, "INSERT INTO feature_deps(feature_id, depends_on) VALUES (?, ?), (?, ?), (?, ?)", "iiiiii", top, base,
	       after, done, lone, dropped);
	struct err e;
	char body[120], txt[100], want[100];
	snprintf(body, sizeof body, "{\"period\": \"2027-Q1\", \"exclude\": [%lld]}", base);
	json_t *ans = plan(d, body, &e);
	REQUIRE(ans);
	/* top needs the excluded base; after's dependency has shipped; lone's is declined, so not a candidate */
	snprintf(want, sizeof want, "%lld", after);
	CHECK_STR(chosen(ans, txt, sizeof txt), want);
	size_t i;
	json_t *x;
	json_array_foreach(json_object_get(ans, "cut"), i, x)
	{
		long long id = json_integer_value(json_object_get(x, "id"));
		const char *why = json_string_value(json_object_get(x, "reason"));
		if (id == base)
			CHECK_STR(why, "excluded");
		else if (id == top)
			CHECK_CONTAINS(why, "which is excluded");
		else if (id == lone)
			CHECK_CONTAINS(why, "which is not a candidate");
		else
			harness_fail(__FILE__, __LINE__, "#%lld cut: %s", id, why);
	}
	json_decref(ans);
	/* a cycle among the candidates is named */
	db_run(d, "INSERT INTO feature_deps(feature_id, depends_on) VALUES (?, ?)", "ii", base, top);
	CHECK(plan(d, "{\"period\": \"2027-Q1\"}", &e) == NULL);
	CHECK_EQ_INT(e.status, 422);
	CHECK_CONTAINS(e.message, "cycle");
	db_close(d);
}

TEST(plan_db_apply_marks_the_chosen_planned)
{
	db *d = t_db();
	capacity(d, "2027-Q1", 10, 2, 2);
	long long a = feature(d, "accepted", NULL, 5, 6, 1, 0), b = feature(d, "accepted", NULL, 3, 4, 1, 1);
	long long old = feature(d, "planned", "2027-Q1", 1, 4, 0, 0);
	long long u = t_user(d, "pm@x.test", "pm");
	struct plan_req r;
	struct err e = {0};
	json_t *in = json_pack("{ss}", "period", "2027-Q1");
	REQUIRE(plan_req_parse(in, &r, &e) == 0);
	json_decref(in);
	json_t *ans = plan_apply(d, u, &r, &e);
	plan_req_free(&r);
	if (!entity_find("features")) { /* a build without the features kind refuses clearly */
		CHECK(ans == NULL);
		CHECK_EQ_INT(e.status, 500);
		CHECK_CONTAINS(e.message, "features kind");
		db_close(d);
		return;
	}
	REQUIRE(ans);
	CHECK_EQ_INT(json_array_size(json_object_get(ans, "applied")), 2);
	CHECK_EQ_INT(json_integer_value(json_array_get(json_object_get(ans, "unplanned"), 0)), old);
	CHECK_EQ_INT(db_int(d, -1, "SELECT count(*) FROM features WHERE status = 'planned' AND period = '2027-Q1' AND "
	                           "version = 2 AND id IN (?, ?)", "ii", a, b),
	             2);
	CHECK_EQ_INT(db_int(d, -1, "SELECT count(*) FROM features WHERE id = ? AND status = 'accepted' AND period IS NULL",
	                    "i", old),
	             1);
	CHECK_EQ_INT(db_int(d, -1, "SELECT count(*) FROM audit WHERE kind = 'features' AND action = 'updated' AND "
	                           "user_id = ?", "i", u),
	             3);
	json_decref(ans);
	/* applying the same plan again changes nothing */
	in = json_pack("{ss}", "period", "2027-Q1");
	plan_req_parse(in, &r, &e);
	json_decref(in);
	ans = plan_apply(d, u, &r, &e);
	plan_req_free(&r);
	REQUIRE(ans);
	CHECK_EQ_INT(db_int(d, -1, "SELECT max(version) FROM features", ""), 2);
	CHECK_EQ_INT(json_array_size(json_object_get(ans, "unplanned")), 0);
	json_decref(ans);
	db_close(d);
}

TEST(plan_db_demo_backlog_plans_2027_q1)
{
	db *d = t_db();
	REQUIRE(demo_seed(d) == 0);
	if (!entity_find("features")) { /* the demo adds its backlog only when the kinds are described */
		db_close(d);
		return;
	}
	CHECK_EQ_INT(db_int(d, -1, "SELECT count(*) FROM features", ""), 15);
	CHECK_EQ_INT(db_int(d, -1, "SELECT count(*) FROM journey_stages", ""), 3);
	CHECK_EQ_INT(db_int(d, -1, "SELECT count(*) FROM capacity", ""), 2);
	CHECK(db_int(d, -1, "SELECT count(*) FROM features WHERE requester IS NOT NULL AND status IN ('new', 'triage')", "") >= 3);
	CHECK(db_int(d, -1, "SELECT count(*) FROM feature_deps", "") >= 3);
	CHECK_EQ_INT(db_int(d, -1, "SELECT count(*) FROM features WHERE status = 'declined' AND decline_reason IS NULL", ""), 0);
	struct err e;
	json_t *ans = plan(d, "{\"period\": \"2027-Q1\"}", &e);
	REQUIRE(ans);
	CHECK(json_is_true(json_object_get(ans, "optimal")));
	/* a real trade-off: some candidates do not fit */
	CHECK(json_array_size(json_object_get(ans, "cut")) > 0 && json_array_size(json_object_get(ans, "chosen")) > 3);
	json_decref(ans);
	db_close(d);
}
