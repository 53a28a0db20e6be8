/* test_demand.c — demand concentration: the top-1/top-3 shares and the HHI on hand-computed examples, ARR
 * weighting on and off (and the score following it), the plan report and its period, the settings. */
#include <math.h>
#include <stdio.h>
#include "domain/demand.h"
#include "domain/score.h"
#include "harness.h"
#include "model/entity.h"
#include "model/features.h"
#include "model/insights.h"
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

static long long account(db *d, const char *name, long long arr)
{
	char json[200];
	if (arr >= 0)
		snprintf(json, sizeof json, "{\"name\":\"%s\",\"arr\":%lld}", name, arr);
	else
		snprintf(json, sizeof json, "{\"name\":\"%s\"}", name);
	return make(d, "accounts", json);
}

/* An insight of the account (0: none) linked to the feature with an importance. */
static void evidence(db *d, long long feature, long long acc, int importance)
{
	char json[200];
	if (acc)
		snprintf(json, sizeof json, "{\"text\":\"needs it\",\"account_id\":%lld}", acc);
	else
		snprintf(json, sizeof json, "{\"text\":\"needs it\"}");
	long long i = make(d, "insights", json);
	CHECK_EQ_INT(db_run(d, "INSERT INTO feature_insights(feature_id, insight_id, importance) VALUES (?, ?, ?)", "iii",
	                    feature, i, (long long)importance),
	             DB_OK);
}

static double num(json_t *o, const char *k) { return json_number_value(json_object_get(o, k)); }

TEST(demand_concentration_hand_computed)
{
	double acc[] = {1, 6, 3};
	struct demand_stats st;
	demand_concentration(acc, 3, 0, &st);
	CHECK_EQ_DBL(st.total, 10);
	CHECK_EQ_DBL(acc[0], 6); /* sorted, largest first */
	CHECK_EQ_DBL(st.top1, 0.6);
	CHECK_EQ_DBL(st.top3, 1.0);
	CHECK(fabs(st.hhi - 0.46) < 1e-12); /* .36 + .09 + .01 */
	/* the same accounts with 10 of demand from insights without an account: diluted, not a fourth account */
	double acc2[] = {6, 3, 1};
	demand_concentration(acc2, 3, 10, &st);
	CHECK_EQ_DBL(st.total, 20);
	CHECK_EQ_DBL(st.top1, 0.3);
	CHECK_EQ_DBL(st.top3, 0.5);
	CHECK(fabs(st.hhi - 0.115) < 1e-12); /* .09 + .0225 + .0025 */
	CHECK_EQ_INT(st.accounts, 3);
	/* one account: everything; nothing: zeros */
	double one[] = {4};
	demand_concentration(one, 1, 0, &st);
	CHECK_EQ_DBL(st.top1, 1);
	CHECK_EQ_DBL(st.hhi, 1);
	demand_concentration(NULL, 0, 0, &st);
	CHECK_EQ_DBL(st.total, 0);
	CHECK_EQ_DBL(st.top1, 0);
	CHECK_EQ_DBL(st.hhi, 0);
	/* four equal accounts: the top 3 carry three quarters, HHI 1/4 */
	double eq[] = {2, 2, 2, 2};
	demand_concentration(eq, 4, 0, &st);
	CHECK_EQ_DBL(st.top3, 0.75);
	CHECK_EQ_DBL(st.hhi, 0.25);
}

TEST(demand_arr_factor_and_setting)
{
	CHECK_EQ_DBL(demand_arr_factor(90000, true), 2);   /* 1 + log10(10) */
	CHECK_EQ_DBL(demand_arr_factor(990000, true), 3);  /* 1 + log10(100) */
	CHECK_EQ_DBL(demand_arr_factor(0, true), 1);
	CHECK_EQ_DBL(demand_arr_factor(90000, false), 1);
	db *d = t_db();
	CHECK(demand_arr_weighting(d)); /* on by default */
	json_t *off = json_string("off");
	settings_put(d, 0, DEMAND_ARR_KEY, off);
	json_decref(off);
	CHECK(!demand_arr_weighting(d));
	settings_put(d, 0, DEMAND_ARR_KEY, json_true());
	CHECK(demand_arr_weighting(d));
	CHECK_EQ_DBL(demand_threshold(d), 0.6);
	CHECK_EQ_INT(demand_triage_days(d), 30);
	db_close(d);
}

/* A: 90,000 ARR (×2), two insights 3 + 1 → 8; C: 990,000 ARR (×3), importance 2 → 6; B: no ARR, 2 → 2;
 * no account, 2 → 2. Total 18: top 1 = 8/18, top 3 = 16/18, HHI = (64 + 36 + 4) / 324. */
TEST(demand_feature_weighted_by_arr)
{
	db *d = t_db();
	long long f = make(d, "features", "{\"title\":\"Alerts\",\"status\":\"planned\",\"period\":\"2027-Q1\"}");
	long long a = account(d, "Acme", 90000), b = account(d, "Beta", -1), c = account(d, "Cyan", 990000);
	evidence(d, f, a, 3);
	evidence(d, f, a, 1);
	evidence(d, f, c, 2);
	evidence(d, f, b, 2);
	evidence(d, f, 0, 2);
	json_t *o = demand_feature(d, f);
	REQUIRE(o);
	CHECK_EQ_DBL(num(o, "demand"), 18);
	CHECK_EQ_DBL(num(o, "top1_share"), 0.4444);
	CHECK_EQ_DBL(num(o, "top3_share"), 0.8889);
	CHECK_EQ_DBL(num(o, "hhi"), 0.321); /* 0.32098… */
	CHECK_EQ_DBL(num(o, "unattributed_share"), 0.1111);
	CHECK_EQ_INT(json_integer_value(json_object_get(o, "account_count")), 3);
	json_t *accs = json_object_get(o, "accounts");
	REQUIRE(json_array_size(accs) == 3);
	CHECK_STR(json_string_value(json_object_get(json_array_get(accs, 0), "name")), "Acme");
	CHECK_EQ_DBL(num(json_array_get(accs, 0), "demand"), 8);
	CHECK_STR(json_string_value(json_object_get(json_array_get(accs, 1), "name")), "Cyan");
	CHECK_EQ_DBL(num(json_array_get(accs, 2), "share"), 0.1111);
	json_decref(o);
	/* the score's demand is the same number */
	bool missing;
	json_t *s = feature_score(d, f, &missing);
	CHECK_EQ_DBL(num(s, "demand"), 18);
	json_decref(s);
	/* weighting off: importance only. A 4, C 2, B 2, none 2 → 10 */
	settings_put(d, 0, DEMAND_ARR_KEY, json_false());
	o = demand_feature(d, f);
	CHECK_EQ_DBL(num(o, "demand"), 10);
	CHECK_EQ_DBL(num(o, "top1_share"), 0.4);
	CHECK_EQ_DBL(num(o, "top3_share"), 0.8);
	CHECK_EQ_DBL(num(o, "hhi"), 0.24);
	json_decref(o);
	s = feature_score(d, f, &missing);
	CHECK_EQ_DBL(num(s, "demand"), 10); /* score.c reads the setting too */
	json_decref(s);
	/* a dismissed insight does not count: Beta's 2 goes */
	db_run(d, "UPDATE insights SET dismissed = 1 WHERE account_id = ?", "i", b);
	o = demand_feature(d, f);
	CHECK_EQ_DBL(num(o, "demand"), 8);
	CHECK_EQ_INT(json_integer_value(json_object_get(o, "account_count")), 2);
	json_decref(o);
	CHECK(demand_feature(d, 9999) == NULL);
	/* no evidence: zeros, no accounts */
	long long g = make(d, "features", "{\"title\":\"Quiet\"}");
	o = demand_feature(d, g);
	CHECK_EQ_DBL(num(o, "demand"), 0);
	CHECK_EQ_DBL(num(o, "top1_share"), 0);
	CHECK_EQ_INT(json_array_size(json_object_get(o, "accounts")), 0);
	json_decref(o);
	db_close(d);
}

/* The plan: f1 (Q1) A 3 ×2 = 6, B 2 = 2; f2 (Q2, in progress) A 1 ×2 = 2; accepted and merged features do
 * not count. Overall: A 8, B 2 → top 1 0.8, HHI .64 + .04. */
TEST(demand_report_plan_and_period)
{
	db *d = t_db();
	long long f1 = make(d, "features", "{\"title\":\"One\",\"status\":\"planned\",\"period\":\"2027-Q1\"}");
	long long f2 = make(d, "features", "{\"title\":\"Two\",\"status\":\"in_progress\",\"period\":\"2027-Q2\"}");
	long long f3 = make(d, "features", "{\"title\":\"Three\",\"status\":\"accepted\"}");
	long long f4 = make(d, "features", "{\"title\":\"Empty\",\"status\":\"planned\",\"period\":\"2027-Q1\"}");
	long long a = account(d, "Acme", 90000), b = account(d, "Beta", 0);
	evidence(d, f1, a, 3);
	evidence(d, f1, b, 2);
	evidence(d, f2, a, 1);
	evidence(d, f3, b, 3);
	struct err e = {0};
	json_t *r = demand_report(d, NULL, &e);
	REQUIRE(r);
	json_t *fs = json_object_get(r, "features"), *ov = json_object_get(r, "overall");
	REQUIRE(json_array_size(fs) == 3);
	CHECK_EQ_INT(json_integer_value(json_object_get(json_array_get(fs, 0), "id")), f1); /* largest demand first */
	CHECK_EQ_INT(json_integer_value(json_object_get(json_array_get(fs, 1), "id")), f2);
	CHECK_EQ_INT(json_integer_value(json_object_get(json_array_get(fs, 2), "id")), f4);
	CHECK_EQ_DBL(num(json_array_get(fs, 0), "top1_share"), 0.75);
	CHECK_EQ_DBL(num(json_array_get(fs, 1), "top1_share"), 1);
	CHECK_EQ_DBL(num(ov, "demand"), 10);
	CHECK_EQ_DBL(num(ov, "top1_share"), 0.8);
	CHECK_EQ_DBL(num(ov, "top3_share"), 1);
	CHECK_EQ_DBL(num(ov, "hhi"), 0.68);
	CHECK_EQ_INT(json_integer_value(json_object_get(ov, "features")), 3);
	CHECK(json_is_true(json_object_get(r, "arr_weighting")));
	json_decref(r);
	r = demand_report(d, "2027-Q2", &e);
	REQUIRE(r);
	CHECK_EQ_INT(json_array_size(json_object_get(r, "features")), 1);
	CHECK_EQ_DBL(num(json_object_get(r, "overall"), "demand"), 2);
	CHECK_STR(json_string_value(json_object_get(r, "period")), "2027-Q2");
	json_decref(r);
	CHECK(demand_report(d, "2027-Q5", &e) == NULL);
	CHECK_EQ_INT(e.status, 400);
	CHECK_STR(e.field, "period");
	db_close(d);
}

TEST(demand_settings_put_and_get)
{
	db *d = t_db();
	const struct {
		const char *json, *field;
	} bad[] = {
		{"{}", ""},
		{"{\"arr_weighting\":\"on\"}", "arr_weighting"},
		{"{\"concentration_threshold\":0}", "concentration_threshold"},
		{"{\"concentration_threshold\":1.5}", "concentration_threshold"},
		{"{\"triage_days\":0}", "triage_days"},
		{"{\"triage_days\":2.5}", "triage_days"},
		{"{\"triage_days\":30,\"other\":1}", "other"},
	};
	for (size_t i = 0; i < COUNT(bad); i++) {
		struct err e = {0};
		json_t *in = json_loads(bad[i].json, 0, NULL);
		CHECK_EQ_INT(setting_put(d, &demand_setting, 0, in, &e), -1);
		CHECK_EQ_INT(e.status, 400);
		CHECK_STR(e.field, bad[i].field);
		json_decref(in);
	}
	CHECK_EQ_INT(db_int(d, -1, "SELECT count(*) FROM settings", ""), 0); /* nothing stored */
	struct err e = {0};
	json_t *in = json_loads("{\"arr_weighting\":false,\"triage_days\":14}", 0, NULL);
	CHECK_EQ_INT(setting_put(d, &demand_setting, 0, in, &e), 0);
	json_decref(in);
	json_t *s = demand_settings_get(d);
	CHECK(json_is_false(json_object_get(s, "arr_weighting")));
	CHECK_EQ_INT(json_integer_value(json_object_get(s, "triage_days")), 14);
	CHECK_EQ_DBL(num(s, "concentration_threshold"), 0.6); /* not sent: kept */
	json_decref(s);
	CHECK_EQ_INT(db_int(d, -1, "SELECT count(*) FROM audit WHERE kind = 'settings'", ""), 2);
	db_close(d);
}
