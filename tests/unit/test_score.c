/* test_score.c — feature scores: the formula, its fallbacks and notes, the weights setting, demand, batches. */
#include <math.h>
#include "domain/score.h"
#include "harness.h"
#include "model/settings.h"

#define NOW "'2026-01-01T00:00:00Z'"

static long long goal(db *d, const char *status)
{
	db_run(d, "INSERT INTO goals(title, metric, target, status, created_at, updated_at) VALUES ('g', 'm', 1, ?, " NOW
	          ", " NOW ")", "t", status);
	return db_last_id(d);
}

/* A feature; a negative number leaves that input null. */
static long long feature(db *d, double reach, double impact, double confidence, double eng, double design, double mkt)
{
	db_stmt *s = db_prepare(d, "INSERT INTO features(title, status, reach, impact, confidence, effort_eng, "
	                           "effort_design, effort_mkt, created_at, updated_at) VALUES ('f', 'accepted', ?, ?, ?, "
	                           "?, ?, ?, " NOW ", " NOW ")");
	double v[] = {reach, impact, confidence, eng, design, mkt};
	for (int i = 0; i < 6; i++)
		if (v[i] >= 0)
			db_bind_double(s, i + 1, v[i]);
	db_step(s);
	db_done(s);
	return db_last_id(d);
}

static void link_goal(db *d, long long f, long long g, int weight)
{
	CHECK_EQ_INT(db_run(d, "INSERT INTO feature_goals(feature_id, goal_id, weight) VALUES (?, ?, ?)", "iii", f, g,
	                    (long long)weight),
	             DB_OK);
}

/* Does the notes array hold a note containing text? */
static bool has_note(json_t *s, const char *text)
{
	size_t i;
	json_t *n;
	json_array_foreach(json_object_get(s, "notes"), i, n) if (strstr(json_string_value(n), text)) return true;
	return false;
}

static double num(json_t *o, const char *k) { return json_number_value(json_object_get(o, k)); }

TEST(score_formula_with_the_default_weights)
{
	db *d = t_db();
	long long f = feature(d, 1000, 2, 0.8, 4, 1, -1);
	link_goal(d, f, goal(d, "active"), 3);
	link_goal(d, f, goal(d, "met"), 4);
	link_goal(d, f, goal(d, "dropped"), 2); /* dropped goals do not count */
	bool missing = true;
	json_t *s = feature_score(d, f, &missing);
	REQUIRE(s);
	CHECK(!missing);
	CHECK_EQ_DBL(num(s, "goal_value"), 7);
	CHECK_EQ_DBL(num(s, "effort"), 5);
	CHECK_EQ_DBL(num(s, "rice"), 320); /* 1000 × 2 × 0.8 / 5 */
	CHECK_EQ_DBL(num(s, "demand"), 0);
	CHECK_EQ_DBL(num(s, "score"), 86); /* 10 × 7 + 0.05 × 320 */
	json_t *terms = json_object_get(s, "terms"), *w = json_object_get(s, "weights");
	CHECK_EQ_DBL(num(terms, "goal"), 70);
	CHECK_EQ_DBL(num(terms, "rice"), 16);
	CHECK_EQ_DBL(num(terms, "demand"), 0);
	CHECK_EQ_DBL(num(w, "goal"), SCORE_W_GOAL);
	CHECK_EQ_DBL(num(w, "demand"), SCORE_W_DEMAND);
	CHECK_EQ_DBL(num(w, "rice"), SCORE_W_RICE);
	CHECK_EQ_DBL(num(json_object_get(s, "effort_by_team"), "eng"), 4);
	CHECK(has_note(s, "evidence demand is 0"));
	CHECK(!has_note(s, "reach") && !has_note(s, "confidence") && !has_note(s, "effort"));
	json_decref(s);
	CHECK(feature_score(d, 9999, &missing) == NULL);
	CHECK(missing);
	db_close(d);
}

TEST(score_missing_inputs_fall_back_and_say_so)
{
	db *d = t_db();
	/* no impact (1), no confidence (0.5), no effort (0.5 person-weeks): 100 × 1 × 0.5 / 0.5 */
	long long f = feature(d, 100, -1, -1, -1, -1, -1);
	bool missing;
	json_t *s = feature_score(d, f, &missing);
	REQUIRE(s);
	CHECK_EQ_DBL(num(s, "rice"), 100);
	CHECK_EQ_DBL(num(s, "impact"), 1);
	CHECK_EQ_DBL(num(s, "confidence"), 0.5);
	CHECK_EQ_DBL(num(s, "effort"), 0);
	CHECK_EQ_DBL(num(s, "score"), 5);
	CHECK(has_note(s, "no impact estimate"));
	CHECK(has_note(s, "no confidence estimate"));
	CHECK(has_note(s, "RICE divides by 0.5"));
	CHECK(has_note(s, "no links to goals"));
	CHECK(isfinite(num(s, "score")));
	json_decref(s);
	/* nothing at all: score 0, RICE 0 for want of reach */
	f = feature(d, -1, -1, -1, 0, 0, 0);
	s = feature_score(d, f, &missing);
	REQUIRE(s);
	CHECK_EQ_DBL(num(s, "score"), 0);
	CHECK_EQ_DBL(num(s, "rice"), 0);
	CHECK(has_note(s, "no reach estimate"));
	json_decref(s);
	/* rounding to two decimals: 7 × 1 × 1 / 3 = 2.333… → term 0.12, RICE 2.33 */
	f = feature(d, 7, 1, 1, 3, -1, -1);
	s = feature_score(d, f, &missing);
	CHECK_EQ_DBL(num(s, "rice"), 2.33);
	CHECK_EQ_DBL(num(s, "score"), 0.12);
	json_decref(s);
	db_close(d);
}

TEST(score_weights_setting)
{
	db *d = t_db();
	struct score_weights w;
	score_weights_get(d, &w);
	CHECK_EQ_DBL(w.goal, 10);
	CHECK_EQ_DBL(w.demand, 2);
	CHECK_EQ_DBL(w.rice, 0.05);
	struct {
		const char *body, *field;
	} bad[] = {
		{"{\"goal\": \"5\", \"demand\": 1, \"rice\": 1}", "goal"},
		{"{\"goal\": 5, \"demand\": -1, \"rice\": 1}", "demand"},
		{"{\"goal\": 5, \"demand\": 1, \"rice\": 1001}", "rice"},
		{"{\"goal\": 5, \"demand\": 1}", "rice"},
		{"{\"goal\": 5, \"demand\": 1, \"rice\": 1, \"reach\": 2}", "reach"},
		{"{\"goal\": 0, \"demand\": 0, \"rice\": 0}", "goal"},
		{"{\"goal\": null, \"demand\": 1, \"rice\": 1}", "goal"},
		{"[1, 2, 3]", ""},
	};
	for (size_t i = 0; i < COUNT(bad); i++) {
		struct err e = {0};
		json_t *in = json_loads(bad[i].body, JSON_DECODE_ANY, NULL);
		CHECK_EQ_INT(setting_put(d, &score_setting, 0, in, &e), -1);
		CHECK_EQ_INT(e.status, 400);
		CHECK_STR(e.field, bad[i].field);
		json_decref(in);
	}
	CHECK_EQ_INT(db_int(d, -1, "SELECT count(*) FROM settings", ""), 0);
	long long f = feature(d, 1000, 1, 1, 10, -1, -1);
	link_goal(d, f, goal(d, "active"), 2);
	json_t *in = json_pack("{sisfsf}", "goal", 1, "demand", 0.0, "rice", 0.5);
	struct err e = {0};
	long long u = t_user(d, "leader@x.test", "leader");
	CHECK_EQ_INT(setting_put(d, &score_setting, u, in, &e), 0);
	json_decref(in);
	score_weights_get(d, &w);
	CHECK_EQ_DBL(w.goal, 1);
	CHECK_EQ_DBL(w.demand, 0);
	CHECK_EQ_DBL(w.rice, 0.5);
	CHECK_EQ_INT(db_int(d, -1, "SELECT count(*) FROM audit WHERE kind = 'settings' AND user_id = ?", "i", u), 1);
	bool missing;
	json_t *s = feature_score(d, f, &missing);
	CHECK_EQ_DBL(num(s, "score"), 52); /* 1 × 2 + 0.5 × 100 */
	CHECK_EQ_DBL(num(json_object_get(s, "weights"), "rice"), 0.5);
	json_decref(s);
	/* a damaged setting falls back to the defaults, entry by entry */
	db_run(d, "UPDATE settings SET value = '{\"goal\": \"x\", \"rice\": 3}' WHERE key = 'score.weights'", "");
	score_weights_get(d, &w);
	CHECK_EQ_DBL(w.goal, 10);
	CHECK_EQ_DBL(w.rice, 3);
	db_run(d, "UPDATE settings SET value = 'not json' WHERE key = 'score.weights'", "");
	score_weights_get(d, &w);
	CHECK_EQ_DBL(w.rice, 0.05);
	db_close(d);
}

TEST(score_settings_values_round_trip)
{
	db *d = t_db();
	json_t *dflt = json_integer(7), *v = settings_get(d, "x.y", dflt);
	CHECK_EQ_INT(json_integer_value(v), 7);
	json_decref(v);
	CHECK(settings_get(d, "x.y", NULL) == NULL);
	json_t *list = json_pack("[si]", "a", 1);
	CHECK_EQ_INT(settings_put(d, 0, "x.y", list), 0);
	CHECK_EQ_INT(settings_put(d, 0, "x.y", list), 0); /* the same value: no second audit row */
	v = settings_get(d, "x.y", dflt);
	CHECK(json_equal(v, list));
	json_decref(v), json_decref(list), json_decref(dflt);
	CHECK_EQ_INT(db_int(d, -1, "SELECT count(*) FROM audit WHERE kind = 'settings'", ""), 1);
	CHECK_EQ_DBL(settings_number(d, "x.y", 4.5), 4.5); /* not a number */
	CHECK_EQ_INT(settings_put(d, 0, "", json_null()), -1);
	db_close(d);
}

TEST(score_demand_is_zero_without_evidence_then_counts_weighted_insights)
{
	db *d = t_db();
	long long f = feature(d, -1, -1, -1, 1, -1, -1), g = feature(d, -1, -1, -1, 1, -1, -1);
	struct score_weights w;
	score_weights_get(d, &w);
	struct score s[2];
	long long ids[2] = {f, g};
	/* without the evidence tables (a workspace before the evidence migration), demand is 0 */
	REQUIRE(db_exec(d, "DROP TABLE IF EXISTS feature_insights") == DB_OK);
	REQUIRE(score_batch(d, &w, ids, 2, s) == 0);
	CHECK_EQ_DBL(s[0].demand, 0);
	CHECK(s[0].no_evidence_tables);
	/* the evidence tables, as far as the score reads them */
	REQUIRE(db_exec(d, "CREATE TABLE IF NOT EXISTS insights(id INTEGER PRIMARY KEY, account_id INTEGER, text TEXT, "
	                   "dismissed INTEGER NOT NULL DEFAULT 0, created_at TEXT, updated_at TEXT);"
	                   "CREATE TABLE feature_insights(feature_id INTEGER, insight_id INTEGER, importance INTEGER);") ==
	        DB_OK);
	db_run(d, "INSERT INTO accounts(id, name, arr, created_at, updated_at) VALUES (1, 'Big', 90000, " NOW ", " NOW ")",
	       "");
	db_run(d, "INSERT INTO insights(id, account_id, text, dismissed, created_at, updated_at) VALUES (1, 1, 'a', 0, " NOW
	          ", " NOW "), (2, NULL, 'b', 0, " NOW ", " NOW "), (3, 1, 'dismissed', 1, " NOW ", " NOW ")",
	       "");
	db_run(d, "INSERT INTO feature_insights VALUES (?, 1, 3), (?, 2, 2), (?, 3, 3)", "iii", f, f, f);
	REQUIRE(score_batch(d, &w, ids, 2, s) == 0);
	CHECK_EQ_DBL(s[0].demand, 8); /* 3 × (1 + log10(1 + 9)) + 2 × 1 */
	CHECK_EQ_DBL(s[0].terms[1], 16);
	CHECK_EQ_DBL(s[0].score, 16);
	CHECK(!s[0].no_evidence_tables);
	CHECK_EQ_DBL(s[1].demand, 0);
	json_t *j = score_json(&s[1], &w);
	CHECK(has_note(j, "no linked insights"));
	json_decref(j);
	db_close(d);
}

TEST(score_batch_matches_single_scores)
{
	db *d = t_db();
	long long a = feature(d, 500, 1, 0.5, 2, 1, 1), b = feature(d, 2000, 3, 1, 8, -1, -1);
	link_goal(d, a, goal(d, "active"), 5);
	link_goal(d, b, goal(d, "active"), 1);
	struct score_weights w;
	score_weights_get(d, &w);
	long long ids[] = {b, 424242, a, b};
	struct score s[4];
	REQUIRE(score_batch(d, &w, ids, 4, s) == 0);
	CHECK(s[0].found && !s[1].found && s[2].found && s[3].found);
	CHECK_EQ_DBL(s[0].score, s[3].score);
	CHECK_EQ_INT(s[1].id, 424242);
	CHECK_EQ_DBL(s[1].score, 0);
	bool missing;
	json_t *ja = feature_score(d, a, &missing), *jb = feature_score(d, b, &missing);
	CHECK_EQ_DBL(s[2].score, num(ja, "score"));
	CHECK_EQ_DBL(s[0].score, num(jb, "score"));
	CHECK_EQ_DBL(num(jb, "score"), 47.5); /* 10 × 1 + 0.05 × 750 */
	json_decref(ja), json_decref(jb);
	CHECK_EQ_INT(score_batch(d, &w, ids, 0, s), 0);
	CHECK_EQ_DBL(score_round2(-0.001), 0);
	CHECK_EQ_DBL(score_round2(2.346), 2.35);
	db_close(d);
}
