/* test_align_features.c — each alignment rule on the backlog and the plan: fires, and does not fire. */
#include <stdio.h>
#include "harness.h"
#include "domain/align.h"
#include "model/features.h"
#include "model/goals.h"
#include "model/launches.h"
#include "model/strategy.h"

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

/* How many findings one rule makes today; want_kind/want_id must be among them when given. */
static int run(db *d, const char *rule, const char *want_kind, long long want_id)
{
	arena *a = arena_new();
	struct align_report r;
	int n = align_run_rule(d, a, "2027-01-15", rule, &r) < 0 ? -1 : r.n;
	bool seen = !want_id;
	for (int i = 0; i < r.n; i++) {
		CHECK_STR(r.items[i].rule, rule);
		CHECK(*r.items[i].message && *r.items[i].hint);
		seen |= !strcmp(r.items[i].kind, want_kind) && r.items[i].id == want_id;
	}
	arena_free(a);
	return seen ? n : -100;
}

static long long a_goal(db *d) { return make(d, &goals_entity, "{\"title\":\"Grow\",\"metric\":\"m\",\"target\":1}"); }

TEST(align_rule_feature_no_goal_persona_metric)
{
	db *d = t_db();
	long long g = a_goal(d);
	long long p = make(d, entity_find("personas"), "{\"name\":\"Ops lead\"}");
	char json[400];
	long long bare = make(d, &features_entity, "{\"title\":\"Bare\",\"status\":\"planned\"}");
	snprintf(json, sizeof json,
	         "{\"title\":\"Complete\",\"status\":\"planned\",\"goals\":[{\"goal_id\":%lld,\"weight\":3}],"
	         "\"persona_ids\":[%lld],\"success_metric\":\"weekly active alerts\"}",
	         g, p);
	make(d, &features_entity, json);
	make(d, &features_entity, "{\"title\":\"Only an idea\",\"status\":\"new\"}"); /* not planned: never reported */
	CHECK_EQ_INT(run(d, "feature-no-goal", "features", bare), 1);
	CHECK_EQ_INT(run(d, "feature-no-persona", "features", bare), 1);
	CHECK_EQ_INT(run(d, "feature-no-success-metric", "features", bare), 1);
	db_close(d);
}

TEST(align_rule_plan_over_capacity)
{
	db *d = t_db();
	long long c = make(d, &capacity_entity, "{\"period\":\"2027-Q1\",\"eng\":10,\"design\":2,\"mkt\":2}");
	make(d, &features_entity, "{\"title\":\"A\",\"status\":\"planned\",\"period\":\"2027-Q1\",\"effort_eng\":6}");
	make(d, &features_entity, "{\"title\":\"B\",\"status\":\"planned\",\"period\":\"2027-Q1\",\"effort_eng\":4}");
	CHECK_EQ_INT(run(d, "plan-over-capacity", "capacity", 0), 0); /* exactly at capacity is fine */
	make(d, &features_entity, "{\"title\":\"C\",\"status\":\"in_progress\",\"period\":\"2027-Q1\",\"effort_eng\":1}");
	make(d, &features_entity, "{\"title\":\"D\",\"status\":\"accepted\",\"period\":\"2027-Q1\",\"effort_eng\":50}");
	CHECK_EQ_INT(run(d, "plan-over-capacity", "capacity", c), 1);
	arena *a = arena_new();
	struct align_report r;
	align_run_rule(d, a, "2027-01-15", "plan-over-capacity", &r);
	CHECK_CONTAINS(r.items[0].message, "eng needs 11 person-weeks of 10");
	arena_free(a);
	db_close(d);
}

TEST(period_range_days)
{
	char from[11], to[11];
	CHECK(period_range("2027-Q1", from, to));
	CHECK_STR(from, "2027-01-01");
	CHECK_STR(to, "2027-03-31");
	CHECK(period_range("2027-Q4", from, to));
	CHECK_STR(to, "2027-12-31");
	CHECK(period_range("2027-H2", from, to));
	CHECK_STR(from, "2027-07-01");
	CHECK_STR(to, "2027-12-31");
	CHECK(period_range("2028-02", from, to)); /* a leap year */
	CHECK_STR(to, "2028-02-29");
	CHECK(period_range("2100-02", from, to)); /* not one */
	CHECK_STR(to, "2100-02-28");
	CHECK(!period_range("2027-Q5", from, to));
	CHECK(!period_range(NULL, from, to));
}

TEST(align_rule_plan_period_vs_release)
{
	db *d = t_db();
	long long early = make(d, &releases_entity, "{\"name\":\"2026.12\",\"target_date\":\"2026-12-28\"}");
	long long inside = make(d, &releases_entity, "{\"name\":\"2027.1\",\"target_date\":\"2027-03-31\"}");
	char json[300];
	snprintf(json, sizeof json, "{\"title\":\"A\",\"status\":\"planned\",\"period\":\"2027-Q1\",\"release_id\":%lld}", inside);
	make(d, &features_entity, json);
	CHECK_EQ_INT(run(d, "plan-period-vs-release", "features", 0), 0); /* the release's last day is in the period */
	snprintf(json, sizeof json, "{\"title\":\"B\",\"status\":\"in_progress\",\"period\":\"2027-Q1\",\"release_id\":%lld}", early);
	long long b = make(d, &features_entity, json);
	snprintf(json, sizeof json, "{\"title\":\"C\",\"status\":\"accepted\",\"period\":\"2027-Q1\",\"release_id\":%lld}", early);
	make(d, &features_entity, json); /* not planned: not judged */
	CHECK_EQ_INT(run(d, "plan-period-vs-release", "features", b), 1);
	arena *a = arena_new();
	struct align_report r;
	align_run_rule(d, a, "2027-01-15", "plan-period-vs-release", &r);
	CHECK_CONTAINS(r.items[0].message, "planned for 2027-Q1, but its release \"2026.12\" ships on 2026-12-28");
	arena_free(a);
	db_run(d, "UPDATE releases SET status = 'cancelled' WHERE id = ?", "i", early);
	CHECK_EQ_INT(run(d, "plan-period-vs-release", "features", 0), 0); /* a cancelled release ships nothing */
	db_close(d);
}

TEST(align_rule_goal_no_work)
{
	db *d = t_db();
	long long lonely = a_goal(d), served = a_goal(d);
	char json[200];
	snprintf(json, sizeof json, "{\"title\":\"Work\",\"status\":\"accepted\",\"goals\":[{\"goal_id\":%lld,\"weight\":1}]}",
	         served);
	make(d, &features_entity, json);
	CHECK_EQ_INT(run(d, "goal-no-work", "goals", lonely), 1);
	db_close(d);
}

TEST(align_rule_accepted_out_of_scope)
{
	db *d = t_db();
	struct err e = {0};
	json_t *s = json_loads("{\"out_of_scope\":[\"A general-purpose BI dashboard builder\",\"On-premise\"]}", 0, NULL);
	CHECK_EQ_INT(strategy_put(d, 0, s, 1, &e), 0);
	json_decref(s);
	long long bad = make(d, &features_entity,
	                     "{\"title\":\"Custom dashboards\",\"status\":\"accepted\",\"description\":\"A drag and drop "
	                     "dashboard builder for analysts\"}");
	long long onprem = make(d, &features_entity, "{\"title\":\"On-premise installer\",\"status\":\"planned\"}");
	make(d, &features_entity, "{\"title\":\"Dashboard sharing\",\"status\":\"accepted\"}"); /* one word of four */
	make(d, &features_entity, "{\"title\":\"Dashboard builder\",\"status\":\"declined\",\"decline_reason\":\"no\"}");
	CHECK_EQ_INT(run(d, "accepted-out-of-scope", "features", bad), 2);
	CHECK_EQ_INT(run(d, "accepted-out-of-scope", "features", onprem), 2);
	db_close(d);
}
