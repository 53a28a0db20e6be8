/* test_features.c — the backlog kinds' own rules: a decline needs a reason, dependency cycles are refused
 * with the cycle named, planning periods, capacity unique per period. */
#include <stdlib.h>
#include <time.h>
#include "harness.h"
#include "model/entity.h"
#include "model/features.h"

static long long ft_make(db *d, const char *k, const char *json, struct err *e)
{
	json_t *in = json_loads(json, 0, NULL);
	if (!in)
		return err_invalid(e, NULL, "bad test JSON: %s", json);
	long long id = entity_create(d, entity_find(k), 0, in, e);
	json_decref(in);
	return id;
}

static int ft_patch(db *d, const char *k, long long id, const char *json, struct err *e)
{
	json_t *in = json_loads(json, 0, NULL);
	if (!in)
		return err_invalid(e, NULL, "bad test JSON: %s", json);
	const struct entity *en = entity_find(k);
	long long v = db_int(d, -1, "SELECT version FROM features WHERE id = ?", "i", id);
	if (en == &capacity_entity)
		v = db_int(d, -1, "SELECT version FROM capacity WHERE id = ?", "i", id);
	int rc = entity_update(d, en, 0, id, in, v, e);
	json_decref(in);
	return rc;
}

/* Expect a 400 on field whose message contains part (NULL: any). */
static void ft_expect_400(int rc, const struct err *e, const char *field, const char *part, int line)
{
	if (rc >= 0 || e->status != 400 || strcmp(e->field, field) != 0)
		harness_fail(__FILE__, line, "want 400 on %s, got rc %d status %d field \"%s\" (%s)", field, rc, e->status,
		             e->field, e->message);
	else if (part && !strstr(e->message, part))
		harness_fail(__FILE__, line, "message \"%s\" lacks \"%s\"", e->message, part);
}
#define FT_400(rc, field, part)                                                                                        \
	do {                                                                                                                 \
		memset(&e, 0, sizeof e);                                                                                         \
		int ft_rc = (int)(rc);                                                                                           \
		ft_expect_400(ft_rc, &e, field, part, __LINE__);                                                                 \
	} while (0)

TEST(features_declined_needs_a_reason)
{
	db *d = t_db();
	struct err e = {0};
	FT_400(ft_make(d, "features", "{\"title\":\"F\",\"status\":\"declined\"}", &e), "decline_reason", "reason");
	FT_400(ft_make(d, "features", "{\"title\":\"F\",\"status\":\"declined\",\"decline_reason\":\" \\n\\t \"}", &e),
	       "decline_reason", NULL);
	FT_400(ft_make(d, "features", "{\"title\":\"F\",\"status\":\"declined\",\"decline_reason\":null}", &e), "decline_reason",
	       NULL);
	CHECK_EQ_INT(db_int(d, -1, "SELECT count(*) FROM features", ""), 0);
	memset(&e, 0, sizeof e);
	long long id = ft_make(d, "features", "{\"title\":\"F\",\"status\":\"declined\",\"decline_reason\":\"Out of scope\"}", &e);
	CHECK(id > 0);
	/* on update: declining without one, or emptying the reason of a declined feature */
	long long other = ft_make(d, "features", "{\"title\":\"G\"}", &e);
	REQUIRE(other > 0);
	FT_400(ft_patch(d, "features", other, "{\"status\":\"declined\"}", &e), "decline_reason", NULL);
	FT_400(ft_patch(d, "features", id, "{\"decline_reason\":\"\"}", &e), "decline_reason", NULL);
	CHECK_EQ_INT(db_int(d, -1, "SELECT version FROM features WHERE id = ?", "i", other), 1);
	/* other statuses need none */
	const char *ok[] = {"triage", "accepted", "planned", "in_progress", "shipped", "new"};
	for (size_t i = 0; i < COUNT(ok); i++) {
		char json[80];
		snprintf(json, sizeof json, "{\"status\":\"%s\"}", ok[i]);
		memset(&e, 0, sizeof e);
		CHECK_EQ_INT(ft_patch(d, "features", other, json, &e), 0);
	}
	CHECK_EQ_INT(ft_patch(d, "features", other, "{\"status\":\"declined\",\"decline_reason\":\"Not for us\"}", &e), 0);
	db_close(d);
}

TEST(features_dependency_cycles_are_named)
{
	db *d = t_db();
	struct err e = {0};
	REQUIRE(ft_make(d, "features", "{\"title\":\"A\"}", &e) == 1);
	REQUIRE(ft_make(d, "features", "{\"title\":\"B\",\"depends_on\":[1]}", &e) == 2);
	REQUIRE(ft_make(d, "features", "{\"title\":\"C\",\"depends_on\":[2]}", &e) == 3);
	/* two features */
	FT_400(ft_patch(d, "features", 1, "{\"depends_on\":[2]}", &e), "depends_on", "dependency cycle: #1 → #2 → #1");
	/* three */
	FT_400(ft_patch(d, "features", 1, "{\"depends_on\":[3]}", &e), "depends_on", "dependency cycle: #1 → #3 → #2 → #1");
	/* on itself */
	FT_400(ft_patch(d, "features", 2, "{\"depends_on\":[1,2]}", &e), "depends_on", "itself");
	/* a cycle among the new edges of a bigger list is still found */
	REQUIRE(ft_make(d, "features", "{\"title\":\"D\"}", &e) == 4);
	FT_400(ft_patch(d, "features", 1, "{\"depends_on\":[4,3]}", &e), "depends_on", "#1 → #3 → #2 → #1");
	/* nothing was written */
	CHECK_EQ_INT(db_int(d, -1, "SELECT count(*) FROM feature_deps", ""), 2);
	CHECK_EQ_INT(db_int(d, -1, "SELECT sum(version) FROM features", ""), 4);
	/* a diamond is no cycle */
	memset(&e, 0, sizeof e);
	CHECK_EQ_INT(ft_patch(d, "features", 4, "{\"depends_on\":[2,3]}", &e), 0);
	CHECK_EQ_INT(ft_patch(d, "features", 3, "{\"depends_on\":[1,2]}", &e), 0);
	/* and the path helper itself */
	char path[200];
	CHECK(feature_dep_path(d, 4, NULL, 1, path, sizeof path));
	CHECK_STR(path, "#4 → #2 → #1");
	CHECK(!feature_dep_path(d, 1, NULL, 4, path, sizeof path));
	db_close(d);
}

/* A ladder of n features where each depends on the next two: many paths, no cycle. Checking a new edge must
 * not walk every path (2^n/ish): it should take well under a second. */
TEST(features_cycle_check_is_fast_on_a_dense_graph)
{
	db *d = t_db();
	struct err e = {0};
	const int n = 30; /* 40 took 8 minutes with a path-by-path search; 30 takes seconds */
	REQUIRE(ft_make(d, "features", "{\"title\":\"L1\"}", &e) == 1);
	REQUIRE(ft_make(d, "features", "{\"title\":\"L2\",\"depends_on\":[1]}", &e) == 2);
	for (int i = 3; i <= n; i++) {
		char json[120];
		snprintf(json, sizeof json, "{\"title\":\"L%d\",\"depends_on\":[%d,%d]}", i, i - 1, i - 2);
		REQUIRE(ft_make(d, "features", json, &e) == i);
	}
	REQUIRE(ft_make(d, "features", "{\"title\":\"Top\"}", &e) == n + 1);
	struct timespec t0, t1;
	clock_gettime(CLOCK_MONOTONIC, &t0);
	char json[80];
	snprintf(json, sizeof json, "{\"depends_on\":[%d]}", n);
	CHECK_EQ_INT(ft_patch(d, "features", n + 1, json, &e), 0);
	clock_gettime(CLOCK_MONOTONIC, &t1);
	double s = (double)(t1.tv_sec - t0.tv_sec) + (double)(t1.tv_nsec - t0.tv_nsec) / 1e9;
	if (s > 1.0)
		harness_fail(__FILE__, __LINE__, "adding one dependency over a %d-feature ladder took %.1f s", n, s);
	db_close(d);
}

TEST(features_period_formats)
{
	const char *good[] = {"2027-Q1", "2027-Q4", "2027-H1", "2027-H2", "2027-01", "2027-09", "2027-10", "2027-12"};
	const char *bad[] = {"2027-Q5", "2027-Q0", "2027-H3", "2027-H0", "2027-13", "2027-00", "2027-1", "27-Q1",
	                     "2027Q1",  "2027-q1", "2027-h2", "2027-Q1 ", " 2027-Q1", "2027-Q12", "", "abcd-Q1", "2027/Q1"};
	for (size_t i = 0; i < COUNT(good); i++)
		if (!valid_period(good[i]))
			harness_fail(__FILE__, __LINE__, "\"%s\" should be a valid period", good[i]);
	for (size_t i = 0; i < COUNT(bad); i++)
		if (valid_period(bad[i]))
			harness_fail(__FILE__, __LINE__, "\"%s\" should not be a valid period", bad[i]);
	CHECK(!valid_period(NULL));
	/* through the kinds */
	db *d = t_db();
	struct err e = {0};
	CHECK(ft_make(d, "features", "{\"title\":\"F\",\"period\":\"2027-Q1\"}", &e) > 0);
	CHECK(ft_make(d, "features", "{\"title\":\"F\",\"period\":\"2027-H2\"}", &e) > 0);
	CHECK(ft_make(d, "features", "{\"title\":\"F\",\"period\":\"2027-03\"}", &e) > 0);
	CHECK(ft_make(d, "features", "{\"title\":\"F\",\"period\":null}", &e) > 0);
	FT_400(ft_make(d, "features", "{\"title\":\"F\",\"period\":\"2027-Q5\"}", &e), "period", "2027-Q1");
	FT_400(ft_make(d, "features", "{\"title\":\"F\",\"period\":\"2027-13\"}", &e), "period", NULL);
	FT_400(ft_make(d, "features", "{\"title\":\"F\",\"period\":\"next Q\"}", &e), "period", NULL);
	FT_400(ft_make(d, "features", "{\"title\":\"F\",\"period\":\"2027-Q1-x\"}", &e), "period", NULL); /* too long */
	FT_400(ft_make(d, "capacity", "{\"period\":\"2027-Q5\",\"eng\":10}", &e), "period", NULL);
	FT_400(ft_make(d, "capacity", "{\"period\":\"2027-13\",\"eng\":10}", &e), "period", NULL);
	FT_400(ft_make(d, "capacity", "{\"eng\":10}", &e), "period", NULL);
	memset(&e, 0, sizeof e);
	CHECK(ft_make(d, "capacity", "{\"period\":\"2027-H2\",\"eng\":10}", &e) > 0);
	CHECK(ft_make(d, "capacity", "{\"period\":\"2027-Q1\",\"eng\":10,\"design\":2,\"mkt\":1.5}", &e) > 0);
	FT_400(ft_make(d, "capacity", "{\"period\":\"2027-Q2\",\"eng\":-1}", &e), "eng", NULL);
	db_close(d);
}

TEST(features_capacity_period_is_unique)
{
	db *d = t_db();
	struct err e = {0};
	long long id = ft_make(d, "capacity", "{\"period\":\"2027-Q1\",\"eng\":40,\"design\":8,\"mkt\":6}", &e);
	REQUIRE(id > 0);
	FT_400(ft_make(d, "capacity", "{\"period\":\"2027-Q1\",\"eng\":1}", &e), "period", "2027-Q1 exists already");
	CHECK_CONTAINS(e.message, "edit that one");
	CHECK_EQ_INT(db_int(d, -1, "SELECT count(*) FROM capacity", ""), 1);
	/* editing a period keeps its own period fine, and cannot take another's */
	memset(&e, 0, sizeof e);
	CHECK_EQ_INT(ft_patch(d, "capacity", id, "{\"eng\":42}", &e), 0);
	long long q2 = ft_make(d, "capacity", "{\"period\":\"2027-Q2\",\"eng\":1}", &e);
	REQUIRE(q2 > 0);
	FT_400(ft_patch(d, "capacity", q2, "{\"period\":\"2027-Q1\"}", &e), "period", "exists already");
	CHECK_EQ_DBL((double)db_int(d, -1, "SELECT eng FROM capacity WHERE id = ?", "i", id), 42);
	/* defaults: teams not given are 0 */
	memset(&e, 0, sizeof e);
	json_t *c = entity_get(d, &capacity_entity, q2);
	REQUIRE(c);
	CHECK_EQ_DBL(json_number_value(json_object_get(c, "design")), 0);
	CHECK_STR(json_string_value(json_object_get(c, "period")), "2027-Q2");
	json_decref(c);
	db_close(d);
}

TEST(features_defaults_and_ranges)
{
	db *d = t_db();
	struct err e = {0};
	long long id = ft_make(d, "features", "{\"title\":\"F\"}", &e);
	REQUIRE(id > 0);
	json_t *f = entity_get(d, &features_entity, id);
	REQUIRE(f);
	CHECK_STR(json_string_value(json_object_get(f, "status")), "new");
	CHECK_STR(json_string_value(json_object_get(f, "kind")), "feature");
	CHECK(json_is_null(json_object_get(f, "merged_into")));
	json_decref(f);
	/* merged_into is the server's */
	CHECK(ft_make(d, "features", "{\"title\":\"G\",\"merged_into\":1}", &e) > 0);
	CHECK(db_int(d, -1, "SELECT count(*) FROM features WHERE merged_into IS NOT NULL", "") == 0);
	FT_400(ft_make(d, "features", "{\"title\":\"F\",\"confidence\":1.5}", &e), "confidence", NULL);
	FT_400(ft_make(d, "features", "{\"title\":\"F\",\"impact\":0.1}", &e), "impact", NULL);
	FT_400(ft_make(d, "features", "{\"title\":\"F\",\"effort_eng\":-1}", &e), "effort_eng", NULL);
	FT_400(ft_make(d, "features", "{\"title\":\"F\",\"effort_design\":1001}", &e), "effort_design", NULL);
	FT_400(ft_make(d, "features", "{\"title\":\"F\",\"reach\":-3}", &e), "reach", NULL);
	FT_400(ft_make(d, "features", "{\"title\":\"F\",\"kind\":\"epic\"}", &e), "kind", NULL);
	FT_400(ft_make(d, "features", "{\"title\":\"F\",\"status\":\"done\"}", &e), "status", NULL);
	FT_400(ft_make(d, "features", "{\"title\":\"F\",\"journey_stage_id\":5}", &e), "journey_stage_id", NULL);
	FT_400(ft_make(d, "features", "{\"title\":\"F\",\"tier\":\"gold\"}", &e), "tier", NULL);
	FT_400(ft_make(d, "journey-stages", "{\"name\":\"S\",\"position\":0}", &e), "position", NULL);
	db_close(d);
}
