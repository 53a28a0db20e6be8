/* test_demo.c — the demo workspace: built in one transaction, with the expected sample data. */
#include "harness.h"
#include "domain/demo.h"
#include "model/strategy.h"
#include "model/users.h"

static long long count(db *d, const char *table)
{
	char sql[100];
	snprintf(sql, sizeof sql, "SELECT count(*) FROM %s", table);
	return db_int(d, -1, sql, "");
}

TEST(demo_builds_the_sample_company)
{
	db *d = t_db();
	REQUIRE(demo_seed(d) == 0);
	CHECK_EQ_INT(count(d, "users"), 8); /* the six roles, an invited PMM and a deactivated PM */
	CHECK_EQ_INT(db_int(d, 0, "SELECT count(*) FROM users WHERE active = 0", ""), 1);
	CHECK_EQ_INT(db_int(d, 0, "SELECT count(*) FROM invitations WHERE used_at IS NULL AND revoked_at IS NULL", ""), 1);
	CHECK_EQ_INT(count(d, "segments"), 3);
	CHECK_EQ_INT(count(d, "personas"), 3);
	CHECK_EQ_INT(count(d, "accounts"), 8);
	CHECK_EQ_INT(count(d, "competitors"), 3);
	CHECK_EQ_INT(count(d, "goals"), 4);
	CHECK_EQ_INT(count(d, "goal_measurements"), 28);
	CHECK_EQ_INT(count(d, "goal_target_changes"), 1);
	CHECK_EQ_INT(count(d, "strategy_revisions"), 1);
	/* every role can sign in with the demo password */
	arena *a = arena_new();
	for (int i = 0; demo_users[i].email; i++) {
		struct user u;
		CHECK(users_authenticate(d, a, demo_users[i].email, DEMO_PASSWORD, &u));
		CHECK_STR(u.role, demo_users[i].role);
	}
	arena_free(a);
	json_t *s = strategy_get(d);
	CHECK_EQ_INT(json_integer_value(json_object_get(s, "version")), 2);
	CHECK_EQ_INT(json_array_size(json_object_get(s, "principles")), 4);
	CHECK(strlen(json_string_value(json_object_get(s, "perspective"))) > 10);
	json_decref(s);
	/* the first goal: target changed with a reason, reviewed, current = last measurement */
	CHECK_EQ_INT(db_int(d, -1, "SELECT count(*) FROM goals WHERE target = 12 AND current = 18 AND "
	                           "last_reviewed_at IS NOT NULL AND title = 'Cut time to first insight'", ""),
	             1);
	/* every persona and account is in a segment; every account has revenue */
	CHECK_EQ_INT(db_int(d, -1, "SELECT count(*) FROM personas WHERE segment_id IS NULL", ""), 0);
	CHECK_EQ_INT(db_int(d, -1, "SELECT count(*) FROM accounts WHERE segment_id IS NULL OR arr IS NULL", ""), 0);
	/* some alignment findings to show: a goal without a PM owner and one without a PMM owner */
	CHECK_EQ_INT(db_int(d, -1, "SELECT count(*) FROM goals WHERE status = 'active' AND pm_owner IS NULL", ""), 1);
	CHECK_EQ_INT(db_int(d, -1, "SELECT count(*) FROM goals WHERE status = 'active' AND pmm_owner IS NULL", ""), 1);
	CHECK(count(d, "audit") > 10);
	db_close(d);
}

TEST(demo_seed_twice_fails_and_changes_nothing)
{
	db *d = t_db();
	REQUIRE(demo_seed(d) == 0);
	long long audit = count(d, "audit");
	CHECK_EQ_INT(demo_seed(d), -1); /* the users exist already */
	CHECK_EQ_INT(count(d, "users"), 8);
	CHECK_EQ_INT(count(d, "goals"), 4);
	CHECK_EQ_INT(count(d, "audit"), audit);
	json_t *s = strategy_get(d);
	CHECK_EQ_INT(json_integer_value(json_object_get(s, "version")), 2);
	json_decref(s);
	db_close(d);
}
