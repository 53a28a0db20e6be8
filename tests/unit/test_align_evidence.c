/* test_align_evidence.c — each alignment rule on customer evidence: fires, does not fire, follows its setting. */
#include <stdio.h>
#include "domain/align.h"
#include "domain/demand.h"
#include "harness.h"
#include "model/entity.h"
#include "model/settings.h"

static long long make(db *d, const char *kind, const char *json)
{
	struct err err = {0};
	json_t *in = json_loads(json, 0, NULL);
	long long id = entity_create(d, entity_find(kind), 0, in, &err);
	if (id < 0)
		printf("fixture %s: %s (%s)\n", kind, err.message, err.field);
	json_decref(in);
	return id;
}

/* How many findings one rule makes on 2027-01-15; want_kind/want_id must be among them when given. The
 * first finding's message is copied into msg when msg is given. */
static int run(db *d, const char *rule, const char *want_kind, long long want_id, char *msg, size_t n)
{
	arena *a = arena_new();
	struct align_report r;
	int count = align_run_rule(d, a, "2027-01-15", rule, &r) < 0 ? -1 : r.n;
	bool seen = !want_id;
	for (int i = 0; i < r.n; i++) {
		CHECK_STR(r.items[i].rule, rule);
		CHECK(*r.items[i].message && *r.items[i].hint);
		seen |= !strcmp(r.items[i].kind, want_kind) && r.items[i].id == want_id;
	}
	if (msg)
		snprintf(msg, n, "%s", r.n ? r.items[0].message : "");
	arena_free(a);
	return seen ? count : -100;
}

/* An insight of the account (0: none), linked to the feature (0: not linked) with an importance. */
static long long insight(db *d, long long feature, long long acc, int importance)
{
	char json[200];
	if (acc)
		snprintf(json, sizeof json, "{\"text\":\"needs it\",\"account_id\":%lld}", acc);
	else
		snprintf(json, sizeof json, "{\"text\":\"needs it\"}");
	long long i = make(d, "insights", json);
	if (feature)
		db_run(d, "INSERT INTO feature_insights(feature_id, insight_id, importance) VALUES (?, ?, ?)", "iii", feature, i,
		       (long long)importance);
	return i;
}

TEST(align_rule_feature_no_evidence)
{
	db *d = t_db();
	long long bare = make(d, "features", "{\"title\":\"Bare\",\"status\":\"planned\"}");
	long long going = make(d, "features", "{\"title\":\"Going\",\"status\":\"in_progress\"}");
	long long backed = make(d, "features", "{\"title\":\"Backed\",\"status\":\"planned\"}");
	make(d, "features", "{\"title\":\"Idea\",\"status\":\"accepted\"}"); /* not planned: never reported */
	insight(d, backed, 0, 1);
	CHECK_EQ_INT(run(d, "feature-no-evidence", "features", bare, NULL, 0), 2);
	CHECK_EQ_INT(run(d, "feature-no-evidence", "features", going, NULL, 0), 2);
	insight(d, bare, 0, 2);
	insight(d, going, 0, 2);
	CHECK_EQ_INT(run(d, "feature-no-evidence", "features", 0, NULL, 0), 0);
	db_close(d);
}

TEST(align_rule_demand_concentrated)
{
	db *d = t_db();
	long long big = make(d, "accounts", "{\"name\":\"Umbrella\",\"arr\":990000}");
	long long small = make(d, "accounts", "{\"name\":\"Hooli\",\"arr\":0}");
	/* one: Umbrella 3 × 3 = 9 of 10 → 90% */
	long long one = make(d, "features", "{\"title\":\"For Umbrella\",\"status\":\"planned\"}");
	insight(d, one, big, 3);
	insight(d, one, small, 1);
	/* spread: Umbrella 1 × 3 = 3 of 3 + 2 + 2 (no account) = 7 → 43% */
	long long spread = make(d, "features", "{\"title\":\"For many\",\"status\":\"planned\"}");
	insight(d, spread, big, 1);
	insight(d, spread, small, 2);
	insight(d, spread, 0, 2);
	/* only insights without an account: nothing to concentrate on */
	long long anon = make(d, "features", "{\"title\":\"Anonymous\",\"status\":\"planned\"}");
	insight(d, anon, 0, 3);
	/* not planned: never reported */
	long long acc = make(d, "features", "{\"title\":\"Accepted\",\"status\":\"accepted\"}");
	insight(d, acc, big, 3);
	char msg[500];
	CHECK_EQ_INT(run(d, "demand-concentrated", "features", one, msg, sizeof msg), 1);
	CHECK_CONTAINS(msg, "90%");
	CHECK_CONTAINS(msg, "Umbrella");
	/* the threshold is a setting: at 0.95 nothing is concentrated; at 0.4 the spread one is too */
	json_t *t = json_real(0.95);
	settings_put(d, 0, DEMAND_THRESHOLD_KEY, t);
	json_decref(t);
	CHECK_EQ_INT(run(d, "demand-concentrated", "features", 0, NULL, 0), 0);
	t = json_real(0.4);
	settings_put(d, 0, DEMAND_THRESHOLD_KEY, t);
	json_decref(t);
	CHECK_EQ_INT(run(d, "demand-concentrated", "features", spread, NULL, 0), 2);
	/* with ARR weighting off the spread one's top account has 2 of 5: 40%, not above 0.4 */
	settings_put(d, 0, DEMAND_ARR_KEY, json_false());
	CHECK_EQ_INT(run(d, "demand-concentrated", "features", one, NULL, 0), 1);
	db_close(d);
}

TEST(align_rule_insights_untriaged)
{
	db *d = t_db();
	long long f = make(d, "features", "{\"title\":\"Feature\"}");
	long long old1 = insight(d, 0, 0, 0), old2 = insight(d, 0, 0, 0), linked = insight(d, f, 0, 2);
	long long dismissed = make(d, "insights", "{\"text\":\"not for us\",\"dismissed\":1}");
	long long fresh = insight(d, 0, 0, 0);
	/* arrival times relative to 2027-01-15: 40, 35, 60, 90 and 10 days before */
	const struct {
		long long id;
		const char *at;
	} when[] = {{old1, "2026-12-06T09:00:00Z"},
	            {old2, "2026-12-11T09:00:00Z"},
	            {linked, "2026-11-16T09:00:00Z"},
	            {dismissed, "2026-10-17T09:00:00Z"},
	            {fresh, "2027-01-05T09:00:00Z"}};
	for (size_t i = 0; i < COUNT(when); i++)
		db_run(d, "UPDATE insights SET created_at = ? WHERE id = ?", "ti", when[i].at, when[i].id);
	char msg[400];
	/* one summary finding, about the oldest */
	CHECK_EQ_INT(run(d, "insights-untriaged", "insights", old1, msg, sizeof msg), 1);
	CHECK_CONTAINS(msg, "2 insights have waited more than 30 days");
	CHECK_CONTAINS(msg, "2026-12-06");
	/* the window is a setting: 36 days leaves only the 40-day-old one */
	json_t *days = json_integer(36);
	settings_put(d, 0, TRIAGE_DAYS_KEY, days);
	json_decref(days);
	CHECK_EQ_INT(run(d, "insights-untriaged", "insights", old1, msg, sizeof msg), 1);
	CHECK_CONTAINS(msg, "1 insight has waited more than 36 days");
	/* triaged: linked or dismissed, and nothing is left */
	db_run(d, "UPDATE insights SET dismissed = 1 WHERE id = ?", "i", old1);
	db_run(d, "INSERT INTO feature_insights(feature_id, insight_id) VALUES (?, ?)", "ii", f, old2);
	days = json_integer(1);
	settings_put(d, 0, TRIAGE_DAYS_KEY, days);
	json_decref(days);
	CHECK_EQ_INT(run(d, "insights-untriaged", "insights", fresh, NULL, 0), 1); /* 10 days > 1 */
	db_close(d);
}

TEST(align_evidence_rules_are_registered)
{
	const char *want[] = {"feature-no-evidence", "demand-concentrated", "insights-untriaged"};
	for (size_t i = 0; i < COUNT(want); i++) {
		bool found = false;
		for (int k = 0; k < align_rules_count; k++)
			found |= !strcmp(align_rules[k].id, want[i]) && align_rules[k].run && align_rules[k].summary;
		CHECK(found);
	}
}
