/* test_evidence.c — evidence links (create, change, unlink, errors naming the field, audit on both sides),
 * a feature's evidence and source mix, and suggestions by full-text similarity (stemmed, injection-proof). */
#include <stdio.h>
#include <stdlib.h>
#include "domain/evidence.h"
#include "domain/suggest.h"
#include "harness.h"
#include "model/entity.h"

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

/* Link with a JSON body; returns the importance stored (0 on failure, with e filled). */
static int link_json(db *d, long long feature, const char *json, bool *created, struct err *e)
{
	json_t *in = json_loads(json, 0, NULL);
	json_t *o = NULL;
	int status = action_call(d, &evidence_link_action, 0, feature, 0, in, &o, e);
	*created = status == 201;
	json_decref(in);
	int imp = o ? (int)json_integer_value(json_object_get(o, "importance")) : 0;
	json_decref(o);
	return imp;
}

static long long audits(db *d, const char *kind, long long id)
{
	return db_int(d, -1, "SELECT count(*) FROM audit WHERE kind = ? AND object_id = ?", "ti", kind, id);
}

TEST(evidence_link_change_unlink)
{
	db *d = t_db();
	long long f = make(d, "features", "{\"title\":\"Slack alerts\"}");
	long long i = make(d, "insights", "{\"text\":\"We want alerts in Slack\",\"source\":\"interview\"}");
	long long fa = audits(d, "features", f), ia = audits(d, "insights", i);
	char json[100];
	snprintf(json, sizeof json, "{\"insight_id\":%lld,\"importance\":3}", i);
	struct err e = {0};
	bool created = false;
	CHECK_EQ_INT(link_json(d, f, json, &created, &e), 3);
	CHECK(created);
	CHECK_EQ_INT(audits(d, "features", f), fa + 1);
	CHECK_EQ_INT(audits(d, "insights", i), ia + 1);
	/* the same again: nothing changes, no audit row */
	CHECK_EQ_INT(link_json(d, f, json, &created, &e), 3);
	CHECK(!created);
	CHECK_EQ_INT(audits(d, "features", f), fa + 1);
	/* a new importance: changed, audited on both with from/to */
	snprintf(json, sizeof json, "{\"insight_id\":%lld,\"importance\":1}", i);
	CHECK_EQ_INT(link_json(d, f, json, &created, &e), 1);
	CHECK(!created);
	CHECK_EQ_INT(audits(d, "insights", i), ia + 2);
	CHECK_EQ_INT(db_int(d, -1, "SELECT count(*) FROM audit WHERE kind = 'features' AND action = 'evidence changed' AND "
	                           "changes LIKE '%\"from\":3%'",
	                    ""),
	             1);
	/* importance defaults to 2 */
	long long j = make(d, "insights", "{\"text\":\"Alerts should go to Teams\"}");
	snprintf(json, sizeof json, "{\"insight_id\":%lld}", j);
	CHECK_EQ_INT(link_json(d, f, json, &created, &e), 2);
	/* the feature's versions are untouched: a link is not an edit */
	CHECK_EQ_INT(db_int(d, -1, "SELECT version FROM features WHERE id = ?", "i", f), 1);
	/* unlink, then again: 404 */
	CHECK_EQ_INT(action_call(d, &evidence_unlink_action, 0, f, i, NULL, NULL, &e), 204);
	CHECK_EQ_INT(db_int(d, -1, "SELECT count(*) FROM feature_insights WHERE feature_id = ?", "i", f), 1);
	CHECK_EQ_INT(audits(d, "insights", i), ia + 3);
	CHECK_EQ_INT(action_call(d, &evidence_unlink_action, 0, f, i, NULL, NULL, &e), -1);
	CHECK_EQ_INT(e.status, 404);
	db_close(d);
}

TEST(evidence_link_bad_input_names_the_field)
{
	db *d = t_db();
	long long f = make(d, "features", "{\"title\":\"Slack alerts\"}");
	long long keep = make(d, "features", "{\"title\":\"Keeper\"}");
	long long i = make(d, "insights", "{\"text\":\"We want alerts in Slack\"}");
	char ok[60];
	snprintf(ok, sizeof ok, "{\"insight_id\":%lld,\"importance\":", i);
	char imp4[80], imp0[80], impstr[80];
	snprintf(imp4, sizeof imp4, "%s4}", ok);
	snprintf(imp0, sizeof imp0, "%s0}", ok);
	snprintf(impstr, sizeof impstr, "%s\"3\"}", ok);
	const struct {
		const char *json, *field;
		int status;
	} bad[] = {
		{"{}", "insight_id", 400},
		{"{\"insight_id\":\"1\"}", "insight_id", 400},
		{"{\"insight_id\":0}", "insight_id", 400},
		{"{\"insight_id\":99999}", "insight_id", 400},
		{imp4, "importance", 400},
		{imp0, "importance", 400},
		{impstr, "importance", 400},
		{"{\"insight_id\":1,\"weight\":2}", "weight", 400},
		{"[1]", "", 400},
	};
	for (size_t k = 0; k < COUNT(bad); k++) {
		struct err e = {0};
		bool created;
		CHECK_EQ_INT(link_json(d, f, bad[k].json, &created, &e), 0);
		CHECK_EQ_INT(e.status, bad[k].status);
		CHECK_STR(e.field, bad[k].field);
	}
	struct err e = {0};
	bool created;
	char json[60];
	snprintf(json, sizeof json, "{\"insight_id\":%lld}", i);
	CHECK_EQ_INT(link_json(d, 4242, json, &created, &e), 0);
	CHECK_EQ_INT(e.status, 404);
	CHECK_STR(e.field, "feature");
	db_run(d, "UPDATE features SET merged_into = ? WHERE id = ?", "ii", keep, f);
	CHECK_EQ_INT(link_json(d, f, json, &created, &e), 0);
	CHECK_EQ_INT(e.status, 409);
	CHECK_STR(e.field, "feature");
	CHECK_EQ_INT(db_int(d, -1, "SELECT count(*) FROM feature_insights", ""), 0);
	db_close(d);
}

TEST(evidence_list_source_mix_and_insight_features)
{
	db *d = t_db();
	long long f = make(d, "features", "{\"title\":\"Slack alerts\"}"), g = make(d, "features", "{\"title\":\"SSO\"}");
	long long acme = make(d, "accounts", "{\"name\":\"Acme\",\"arr\":90000}");
	char json[200];
	snprintf(json, sizeof json, "{\"text\":\"Slack please\",\"source\":\"sales\",\"account_id\":%lld}", acme);
	long long i1 = make(d, "insights", json);
	long long i2 = make(d, "insights", "{\"text\":\"Alerts in Slack\",\"source\":\"support\",\"author\":\"Ann\"}");
	long long i3 = make(d, "insights", "{\"text\":\"Slack!\",\"source\":\"support\"}");
	db_run(d, "INSERT INTO feature_insights(feature_id, insight_id, importance) VALUES (?1, ?2, 1), (?1, ?3, 3), "
	          "(?1, ?4, 2), (?5, ?3, 2)",
	       "iiiii", f, i1, i2, i3, g);
	struct err e = {0};
	json_t *ev = evidence_list(d, f, &e);
	REQUIRE(ev);
	json_t *items = json_object_get(ev, "items");
	REQUIRE(json_array_size(items) == 3);
	CHECK_EQ_INT(json_integer_value(json_object_get(ev, "total")), 3);
	CHECK_EQ_INT(json_integer_value(json_object_get(json_array_get(items, 0), "insight_id")), i2); /* critical first */
	CHECK_STR(json_string_value(json_object_get(json_array_get(items, 0), "author")), "Ann");
	json_t *last = json_array_get(items, 2);
	CHECK_EQ_INT(json_integer_value(json_object_get(last, "insight_id")), i1);
	CHECK_STR(json_string_value(json_object_get(last, "account")), "Acme");
	CHECK_EQ_INT(json_integer_value(json_object_get(last, "arr")), 90000);
	CHECK_EQ_DBL(json_number_value(json_object_get(last, "weight")), 2); /* 1 × (1 + log10(10)) */
	json_t *mix = json_object_get(ev, "source_mix");
	CHECK_EQ_INT(json_integer_value(json_object_get(mix, "support")), 2);
	CHECK_EQ_INT(json_integer_value(json_object_get(mix, "sales")), 1);
	CHECK_EQ_INT(json_integer_value(json_object_get(mix, "interview")), 0);
	CHECK_EQ_INT(json_object_size(mix), 8);
	json_decref(ev);
	CHECK(evidence_list(d, 999, &e) == NULL);
	CHECK_EQ_INT(e.status, 404);
	json_t *fs = evidence_of_insight(d, i2, &e);
	REQUIRE(fs);
	items = json_object_get(fs, "items");
	REQUIRE(json_array_size(items) == 2);
	CHECK_STR(json_string_value(json_object_get(json_array_get(items, 0), "title")), "Slack alerts"); /* importance 3 */
	CHECK_EQ_INT(json_integer_value(json_object_get(json_array_get(items, 1), "importance")), 2);
	json_decref(fs);
	CHECK(evidence_of_insight(d, 999, &e) == NULL);
	CHECK_STR(e.field, "insight");
	db_close(d);
}

TEST(suggest_query_quotes_every_word)
{
	char *q = suggest_query("We NEED alerts in Slack, when the metric drops! Slack again.", 24);
	CHECK_STR(q, "\"alerts\" OR \"slack\" OR \"metric\" OR \"drops\""); /* again: a common word */
	free(q);
	/* FTS5 syntax in the text stays words: no quote, star, column filter or operator gets through */
	q = suggest_query("\"export\" OR NEAR(csv pdf) title:secret* -- ' ; DROP", 24);
	CHECK_STR(q, "\"export\" OR \"near\" OR \"csv\" OR \"pdf\" OR \"title\" OR \"secret\" OR \"drop\"");
	free(q);
	CHECK(suggest_query("the and of it 42 2027", 24) == NULL);
	CHECK(suggest_query("", 24) == NULL);
	q = suggest_query("one two three four five six", 2);
	CHECK_STR(q, "\"three\" OR \"four\"");
	free(q);
	q = suggest_query("Überweisung für Zahlungen", 24); /* UTF-8 words pass whole */
	CHECK_STR(q, "\"Überweisung\" OR \"für\" OR \"zahlungen\"");
	free(q);
}

TEST(suggest_features_and_insights)
{
	db *d = t_db();
	long long slack = make(d, "features", "{\"title\":\"Slack alerts\",\"description\":\"Send an alert to a Slack "
	                                      "channel when a metric moves\"}");
	long long sso = make(d, "features", "{\"title\":\"SAML single sign-on\",\"description\":\"Okta and Azure AD\"}");
	long long dup = make(d, "features", "{\"title\":\"Alerts in Slack channels\"}");
	make(d, "features", "{\"title\":\"Dark mode\"}");
	/* more features that share no word, so that bm25's IDF is not 0 on so small a corpus */
	make(d, "features", "{\"title\":\"CSV export\"}");
	make(d, "features", "{\"title\":\"Usage-based pricing\"}");
	make(d, "features", "{\"title\":\"Mobile app\"}");
	make(d, "features", "{\"title\":\"Audit log retention\"}");
	db_run(d, "UPDATE features SET merged_into = ? WHERE id = ?", "ii", slack, dup);
	/* "alerting" and "channels" meet "alert" and "channel" through the porter stemmer */
	long long i = make(d, "insights", "{\"text\":\"Our ops team wants alerting in their Slack channels\"}");
	struct err e = {0};
	json_t *s = suggest_features(d, i, &e);
	REQUIRE(s);
	json_t *items = json_object_get(s, "items");
	REQUIRE(json_array_size(items) == 1); /* the merged duplicate is left out, SSO and dark mode share no word */
	CHECK_EQ_INT(json_integer_value(json_object_get(json_array_get(items, 0), "id")), slack);
	CHECK(json_number_value(json_object_get(json_array_get(items, 0), "relevance")) > 0);
	json_decref(s);
	db_run(d, "INSERT INTO feature_insights(feature_id, insight_id, importance) VALUES (?, ?, 2)", "ii", slack, i);
	s = suggest_features(d, i, &e);
	CHECK_EQ_INT(json_array_size(json_object_get(s, "items")), 0); /* linked already */
	json_decref(s);
	CHECK(suggest_features(d, 4242, &e) == NULL);
	CHECK_STR(e.field, "insight");

	/* insights for the SSO feature: the closest first, dismissed and linked ones left out */
	long long a = make(d, "insights", "{\"text\":\"We need SAML single sign-on with Okta before security signs off\"}");
	long long b = make(d, "insights", "{\"text\":\"Okta login would be nice\"}");
	long long c = make(d, "insights", "{\"text\":\"SAML is a must <script>\",\"dismissed\":1}");
	long long x = make(d, "insights", "{\"text\":\"Single sign-on via Azure AD\"}");
	make(d, "insights", "{\"text\":\"Dark mode for night shifts\"}");
	db_run(d, "INSERT INTO feature_insights(feature_id, insight_id, importance) VALUES (?, ?, 3)", "ii", sso, x);
	s = suggest_insights(d, sso, &e);
	REQUIRE(s);
	items = json_object_get(s, "items");
	REQUIRE(json_array_size(items) == 2);
	CHECK_EQ_INT(json_integer_value(json_object_get(json_array_get(items, 0), "insight_id")), a);
	CHECK_EQ_INT(json_integer_value(json_object_get(json_array_get(items, 1), "insight_id")), b);
	CHECK_CONTAINS(json_string_value(json_object_get(json_array_get(items, 0), "snippet")), "\x02SAML\x03"); /* faces mark it up */
	(void)c;
	json_decref(s);
	CHECK(suggest_insights(d, 4242, &e) == NULL);
	CHECK_STR(e.field, "feature");
	db_close(d);
}

/* Suggestions that mean something, on a fixed corpus: the reviews of a team product say "team" often; the
 * suggestions for "Slack and Teams alerts" are the ones about Slack, Teams and alerts, each with the words it
 * matched, and never a review that merely says "team"; a declined feature is never suggested. */
TEST(suggest_ranking_fixed_corpus)
{
	db *d = t_db();
	long long f = make(d, "features", "{\"title\":\"Slack and Teams alerts\",\"description\":\"Post an alert to a "
	                                  "Slack or Microsoft Teams channel\"}");
	long long slack = make(d, "insights", "{\"text\":\"Slack alerts would save our mornings\"}");
	long long teams = make(d, "insights", "{\"text\":\"We live in Microsoft Teams, post the alert there\"}");
	long long alert = make(d, "insights", "{\"text\":\"An alert when revenue drops would be great\"}");
	char json[200];
	for (int i = 0; i < 20; i++) { /* "team" in a fifth of the corpus: a common word here */
		snprintf(json, sizeof json, "{\"text\":\"My team number %d loves the dashboards\"}", i);
		make(d, "insights", json);
	}
	for (int i = 0; i < 40; i++) {
		snprintf(json, sizeof json, "{\"text\":\"Exports to spreadsheet %d are slow\"}", i);
		make(d, "insights", json);
	}
	struct err e = {0};
	json_t *s = suggest_insights(d, f, &e);
	REQUIRE(s);
	json_t *items = json_object_get(s, "items");
	REQUIRE(json_array_size(items) == 3); /* the twenty "my team" reviews are not suggested */
	long long got[3];
	for (int i = 0; i < 3; i++)
		got[i] = json_integer_value(json_object_get(json_array_get(items, i), "insight_id"));
	CHECK(got[0] == slack || got[0] == teams); /* two of the feature's words before one */
	CHECK(got[1] == slack || got[1] == teams);
	CHECK_EQ_INT(got[2], alert);
	json_t *m = json_object_get(json_array_get(items, 2), "matched");
	REQUIRE(json_array_size(m) == 1);
	CHECK_STR(json_string_value(json_array_get(m, 0)), "alert");
	json_decref(s);

	/* a declined or merged feature is never suggested for an insight */
	long long decl = make(d, "features", "{\"title\":\"Revenue drop alert\"}");
	REQUIRE(decl > 0);
	s = suggest_features(d, alert, &e);
	REQUIRE(s);
	CHECK_EQ_INT(json_integer_value(json_object_get(json_array_get(json_object_get(s, "items"), 0), "id")), decl);
	json_decref(s); /* the closest while open */
	db_run(d, "UPDATE features SET status = 'declined' WHERE id = ?", "i", decl);
	s = suggest_features(d, alert, &e);
	REQUIRE(s);
	json_t *it;
	size_t i;
	bool seen = false;
	json_array_foreach(json_object_get(s, "items"), i, it) seen |= json_integer_value(json_object_get(it, "id")) == decl;
	CHECK(!seen);
	CHECK(json_array_size(json_object_get(s, "items")) >= 1); /* the Slack and Teams feature, for "alert" */
	CHECK(json_array_size(json_object_get(json_array_get(json_object_get(s, "items"), 0), "matched")) >= 1);
	json_decref(s);
	db_close(d);
}
