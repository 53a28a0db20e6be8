/* test_plan.c — the plan solver: brute-force optimum on random instances, refusals that explain, cut reasons. */
#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include "domain/plan.h"
#include "harness.h"
#include "platform/util.h"

static uint64_t rnd_next(uint64_t *s)
{
	*s ^= *s << 13, *s ^= *s >> 7, *s ^= *s << 17;
	return *s;
}

static int rnd(uint64_t *s, int n)
{
	return (int)(rnd_next(s) % (uint64_t)n);
}

#define MAXN 15
#define MISSING_ID 9999

/* A random small instance: acyclic dependencies (on earlier candidates, ids shuffled), a few must/exclude,
 * now and then a dependency on an id that is not a candidate. */
struct instance {
	struct plan_candidate c[MAXN];
	long long deps[MAXN][4];
	struct plan_input in;
};

static void random_instance(uint64_t *s, struct instance *t)
{
	int n = 1 + rnd(s, MAXN), perm[MAXN];
	memset(t, 0, sizeof *t);
	for (int i = 0; i < n; i++)
		perm[i] = i;
	for (int i = n - 1; i > 0; i--) {
		int j = rnd(s, i + 1), tmp = perm[i];
		perm[i] = perm[j], perm[j] = tmp;
	}
	for (int i = 0; i < n; i++) {
		struct plan_candidate *c = &t->c[i];
		c->id = 10 + 3 * perm[i];
		int kind = rnd(s, 10);
		c->value = kind == 0 ? -rnd(s, 20) : kind == 1 ? rnd(s, 50) + 0.5 : rnd(s, 100);
		for (int k = 0; k < PLAN_TEAM__MAX; k++)
			c->effort[k] = rnd(s, 10) < 3 ? 0 : rnd(s, 10) + 0.5 * rnd(s, 2);
		for (int j = 0; j < i && c->ndeps < 3; j++)
			if (rnd(s, 100) < 15)
				t->deps[i][c->ndeps++] = t->c[j].id;
		if (rnd(s, 100) < 3)
			t->deps[i][c->ndeps++] = MISSING_ID;
		c->deps = t->deps[i];
		c->must = rnd(s, 100) < 8;
		c->exclude = rnd(s, 100) < 8;
	}
	t->in = (struct plan_input){n, t->c, {1 + rnd(s, 40), rnd(s, 15), rnd(s, 15)}, 0};
}

/* The best value over every subset that keeps all constraints; false when no subset does. */
static bool brute_force(const struct plan_input *in, double *best)
{
	int n = in->n;
	unsigned depmask[MAXN] = {0}, must = 0, bad = 0;
	for (int i = 0; i < n; i++) {
		for (int k = 0; k < in->c[i].ndeps; k++) {
			int j = 0;
			while (j < n && in->c[j].id != in->c[i].deps[k])
				j++;
			if (j == n)
				bad |= 1u << i;
			else
				depmask[i] |= 1u << j;
		}
		must |= in->c[i].must ? 1u << i : 0;
		bad |= in->c[i].exclude ? 1u << i : 0;
	}
	bool found = false;
	for (unsigned m = 0; m < 1u << n; m++) {
		if ((m & must) != must || (m & bad))
			continue;
		double used[PLAN_TEAM__MAX] = {0}, value = 0;
		bool ok = true;
		for (int i = 0; i < n && ok; i++) {
			if (!(m >> i & 1))
				continue;
			ok = (depmask[i] & ~m) == 0;
			value += in->c[i].value;
			for (int k = 0; k < PLAN_TEAM__MAX; k++)
				used[k] += in->c[i].effort[k];
		}
		for (int k = 0; k < PLAN_TEAM__MAX && ok; k++)
			ok = used[k] <= in->capacity[k] + 1e-6;
		if (ok && (!found || value > *best))
			*best = value, found = true;
	}
	return found;
}

TEST(plan_random_instances_match_brute_force)
{
	uint64_t seed = 0x9e3779b97f4a7c15u;
	int feasible = 0, refused = 0;
	for (int round = 0; round < 300; round++) {
		struct instance t;
		random_instance(&seed, &t);
		double best = 0;
		bool exists = brute_force(&t.in, &best);
		struct plan_result r;
		int rc = plan_solve(&t.in, &r);
		char why[200] = "";
		if (exists) {
			feasible++;
			CHECK_EQ_INT(rc, 0);
			CHECK(r.optimal && r.feasible);
			if (fabs(r.value - best) > 1e-6)
				harness_fail(__FILE__, __LINE__, "round %d: value %g, brute force %g", round, r.value, best);
			if (plan_check(&t.in, &r, why, sizeof why) < 0)
				harness_fail(__FILE__, __LINE__, "round %d: %s", round, why);
		} else {
			refused++;
			CHECK_EQ_INT(rc, -1);
			CHECK(!r.optimal && !r.feasible && r.nchosen == 0 && *r.error);
		}
		plan_result_free(&r);
	}
	CHECK(feasible > 150); /* both kinds of instance were exercised */
	CHECK(refused > 10);
}

/* A candidate with only eng effort. */
static struct plan_candidate cand(long long id, double value, double eng)
{
	return (struct plan_candidate){.id = id, .value = value, .effort = {eng, 0, 0}};
}

static const char *reason_of(const struct plan_result *r, long long id)
{
	for (int k = 0; k < r->ncut; k++)
		if (r->cut[k].id == id)
			return r->cut[k].reason;
	return NULL;
}

TEST(plan_cut_reasons_are_exact)
{
	static const long long on4[] = {4}, on5[] = {5}, on99[] = {99}, on2[] = {2};
	struct plan_candidate c[] = {
		cand(1, 50, 6),
		cand(2, 40, 6),
		{.id = 3, .value = 10, .effort = {2, 3, 0}},
		{.id = 4, .value = 30, .effort = {1, 0, 0}, .exclude = true},
		{.id = 5, .value = 20, .deps = on4, .ndeps = 1},
		{.id = 6, .value = 25, .deps = on5, .ndeps = 1},
		{.id = 7, .value = 15, .deps = on99, .ndeps = 1},
		{.id = 8, .value = 5, .effort = {1, 2, 0}},
		cand(9, 0, 2),
		{.id = 10, .value = 5, .effort = {1, 0, 0}, .deps = on2, .ndeps = 1},
		{.id = 11, .value = 3, .effort = {3, 0, 3}},
	};
	struct plan_input in = {(int)COUNT(c), c, {10, 4, 2}, 0};
	struct plan_result r;
	REQUIRE(plan_solve(&in, &r) == 0);
	CHECK(r.optimal && r.feasible);
	CHECK_STR(r.error, "");
	CHECK_EQ_DBL(r.value, 60);
	REQUIRE(r.nchosen == 2);
	CHECK_EQ_INT(r.chosen[0], 1);
	CHECK_EQ_INT(r.chosen[1], 3);
	CHECK_EQ_DBL(r.used[PLAN_ENG], 8);
	CHECK_EQ_DBL(r.used[PLAN_DESIGN], 3);
	CHECK_EQ_DBL(r.used[PLAN_MKT], 0);
	CHECK_EQ_DBL(r.top3_share, 1);
	CHECK_EQ_INT(r.ncut, 9);
	CHECK_STR(reason_of(&r, 2), "needs 6 eng person-weeks; only 2 left");
	CHECK_STR(reason_of(&r, 4), "excluded");
	CHECK_STR(reason_of(&r, 5), "depends on #4, which is excluded");
	CHECK_STR(reason_of(&r, 6), "depends on #4 (via #5), which is excluded");
	CHECK_STR(reason_of(&r, 7), "depends on #99, which is not a candidate");
	CHECK_STR(reason_of(&r, 8), "needs 2 design person-weeks; only 1 left");
	CHECK_STR(reason_of(&r, 9), "fits, but its value (0) adds nothing");
	CHECK_STR(reason_of(&r, 10), "needs 7 eng person-weeks with its dependency #2; only 2 left");
	CHECK_STR(reason_of(&r, 11), "needs 3 eng person-weeks (only 2 left) and 3 mkt person-weeks (only 2 left)");
	char why[200];
	CHECK(plan_check(&in, &r, why, sizeof why) == 0);
	plan_result_free(&r);
}

TEST(plan_top_shares)
{
	struct plan_candidate c[7];
	for (int i = 0; i < 7; i++)
		c[i] = cand(i + 1, 10 * (i + 1), 1); /* values 10..70, total 280 */
	struct plan_input in = {7, c, {100, 0, 0}, 0};
	struct plan_result r;
	REQUIRE(plan_solve(&in, &r) == 0);
	CHECK_EQ_DBL(r.value, 280);
	CHECK_EQ_INT(r.chosen[0], 7);
	CHECK_EQ_INT(r.chosen[6], 1);
	CHECK_EQ_DBL(r.top3_share, (70.0 + 60 + 50) / 280);
	CHECK_EQ_DBL(r.top5_share, (70.0 + 60 + 50 + 40 + 30) / 280);
	CHECK_EQ_INT(r.ncut, 0);
	plan_result_free(&r);
}

TEST(plan_must_includes_that_do_not_fit_name_the_short_team)
{
	struct plan_candidate c[] = {
		{.id = 1, .value = 5, .effort = {30, 2, 0}, .must = true},
		{.id = 2, .value = 5, .effort = {22, 5, 1}, .must = true},
		cand(3, 100, 1),
	};
	struct plan_input in = {3, c, {40, 8, 6}, 0};
	struct plan_result r;
	CHECK_EQ_INT(plan_solve(&in, &r), -1);
	CHECK(!r.feasible && !r.optimal && r.nchosen == 0);
	CHECK_STR(r.error, "the must-include features need 52 eng person-weeks but the capacity is 40 (12 short)");
	CHECK_STR(r.field, "must");
	plan_result_free(&r);

	/* two teams short, and the shortfall counts what the must-includes depend on */
	static const long long on3[] = {3};
	c[1].deps = on3, c[1].ndeps = 1, c[1].effort[PLAN_ENG] = 5;
	c[2].effort[PLAN_DESIGN] = 6.5;
	CHECK_EQ_INT(plan_solve(&in, &r), -1);
	CHECK_STR(r.error, "the must-include features (with what they depend on) need 13.5 design person-weeks but the "
	                   "capacity is 8 (5.5 short)");
	in.capacity[PLAN_ENG] = 30;
	CHECK_EQ_INT(plan_solve(&in, &r), -1);
	CHECK_STR(r.error, "the must-include features (with what they depend on) need 36 eng person-weeks but the "
	                   "capacity is 30 (6 short), and 13.5 design person-weeks but the capacity is 8 (5.5 short)");
	plan_result_free(&r);
}

TEST(plan_must_includes_that_fit_are_chosen)
{
	static const long long on3[] = {3};
	struct plan_candidate c[] = {
		{.id = 1, .value = -5, .effort = {4, 0, 0}, .must = true},
		{.id = 2, .value = 1, .effort = {1, 0, 0}, .deps = on3, .ndeps = 1, .must = true},
		cand(3, 0, 3),
		cand(4, 50, 3),
	};
	struct plan_input in = {4, c, {10, 0, 0}, 0};
	struct plan_result r;
	REQUIRE(plan_solve(&in, &r) == 0);
	CHECK(r.optimal);
	CHECK_EQ_INT(r.nchosen, 3); /* 1, 2 and 3 (2 needs it); 4 needs 3 eng, only 2 left */
	CHECK_EQ_DBL(r.value, -4);
	CHECK_EQ_DBL(r.top3_share, 0);
	CHECK_STR(reason_of(&r, 4), "needs 3 eng person-weeks; only 2 left");
	char why[200];
	CHECK(plan_check(&in, &r, why, sizeof why) == 0);
	plan_result_free(&r);
}

TEST(plan_must_include_that_cannot_be_chosen_is_refused)
{
	static const long long on2[] = {2}, on3[] = {3}, on77[] = {77};
	struct plan_candidate c[] = {
		{.id = 1, .value = 1, .deps = on2, .ndeps = 1, .must = true},
		{.id = 2, .value = 1, .deps = on3, .ndeps = 1},
		{.id = 3, .value = 1, .exclude = true},
	};
	struct plan_input in = {3, c, {10, 0, 0}, 0};
	struct plan_result r;
	CHECK_EQ_INT(plan_solve(&in, &r), -1);
	CHECK_STR(r.error, "must-include #1 depends on #3 (via #2), which is excluded");
	c[1].deps = on77;
	CHECK_EQ_INT(plan_solve(&in, &r), -1);
	CHECK_STR(r.error, "must-include #1 depends on #77 (via #2), which is not a candidate");
	c[1].deps = on3;
	c[0].must = false, c[2].must = true;
	CHECK_EQ_INT(plan_solve(&in, &r), -1);
	CHECK_STR(r.error, "#3 is both a must-include and excluded");
	CHECK_STR(r.field, "must");
	plan_result_free(&r);
}

TEST(plan_dependency_cycle_is_named)
{
	static const long long on7[] = {7}, on3[] = {3}, on5[] = {5}, on1[] = {1};
	struct plan_candidate c[] = {
		{.id = 1, .value = 1, .deps = on5, .ndeps = 1},
		{.id = 3, .value = 1, .deps = on7, .ndeps = 1},
		{.id = 5, .value = 1},
		{.id = 7, .value = 1, .deps = on3, .ndeps = 1},
	};
	struct plan_input in = {4, c, {10, 0, 0}, 0};
	struct plan_result r;
	CHECK_EQ_INT(plan_solve(&in, &r), -1);
	CHECK_STR(r.error, "dependency cycle: #3 → #7 → #3");
	CHECK_STR(r.field, "depends_on");
	CHECK(!r.feasible && !r.optimal);
	c[2].deps = on1, c[2].ndeps = 1; /* now the search meets 1 → 5 → 1 first */
	CHECK_EQ_INT(plan_solve(&in, &r), -1);
	CHECK_STR(r.error, "dependency cycle: #1 → #5 → #1");
	c[2].deps = on5; /* a feature that depends on itself */
	CHECK_EQ_INT(plan_solve(&in, &r), -1);
	CHECK_STR(r.error, "dependency cycle: #5 → #5");
	plan_result_free(&r);
}

TEST(plan_empty_or_duplicate_candidates_are_refused)
{
	struct plan_input in = {0, NULL, {10, 0, 0}, 0};
	struct plan_result r;
	CHECK_EQ_INT(plan_solve(&in, &r), -1);
	CHECK_STR(r.error, "no candidate features to plan");
	CHECK_STR(r.field, "candidates");
	struct plan_candidate c[] = {cand(4, 1, 1), cand(4, 2, 1)};
	in = (struct plan_input){2, c, {10, 0, 0}, 0};
	CHECK_EQ_INT(plan_solve(&in, &r), -1);
	CHECK_STR(r.error, "#4 appears twice among the candidates");
	in.n = -1;
	CHECK_EQ_INT(plan_solve(&in, &r), -1);
	CHECK_EQ_INT(plan_solve(NULL, &r), -1);
	plan_result_free(&r);
}

TEST(plan_zero_or_missing_capacity_is_refused)
{
	struct plan_candidate c[] = {cand(1, 1, 1)};
	struct plan_input in = {1, c, {0, 0, 0}, 0};
	struct plan_result r;
	CHECK_EQ_INT(plan_solve(&in, &r), -1);
	CHECK_STR(r.error, "no capacity: every team has 0 person-weeks for this period");
	CHECK_STR(r.field, "capacity");
	in.capacity[PLAN_DESIGN] = NAN;
	CHECK_EQ_INT(plan_solve(&in, &r), -1);
	CHECK_STR(r.error, "the design capacity is missing or not a number");
	CHECK_STR(r.field, "capacity.design");
	/* one team at 0 is fine: what needs it is cut */
	in.capacity[PLAN_DESIGN] = 5;
	REQUIRE(plan_solve(&in, &r) == 0);
	CHECK(r.optimal && r.nchosen == 0);
	CHECK_STR(reason_of(&r, 1), "needs 1 eng person-week; only 0 left");
	plan_result_free(&r);
}

TEST(plan_bad_numbers_are_refused)
{
	struct plan_candidate c[] = {cand(1, 1, 1), cand(2, 1, 1)};
	struct plan_input in = {2, c, {10, 10, 10}, 0};
	struct plan_result r;
	in.capacity[PLAN_MKT] = -1;
	CHECK_EQ_INT(plan_solve(&in, &r), -1);
	CHECK_STR(r.error, "the mkt capacity must not be negative");
	CHECK_STR(r.field, "capacity.mkt");
	in.capacity[PLAN_MKT] = INFINITY;
	CHECK_EQ_INT(plan_solve(&in, &r), -1);
	CHECK_STR(r.field, "capacity.mkt");
	in.capacity[PLAN_MKT] = 1e9;
	CHECK_EQ_INT(plan_solve(&in, &r), -1);
	CHECK_CONTAINS(r.error, "too large");
	in.capacity[PLAN_MKT] = 10;
	c[1].value = NAN;
	CHECK_EQ_INT(plan_solve(&in, &r), -1);
	CHECK_STR(r.error, "#2: the value is not a number or too large");
	CHECK_STR(r.field, "value");
	c[1].value = 1;
	c[1].effort[PLAN_DESIGN] = -2;
	CHECK_EQ_INT(plan_solve(&in, &r), -1);
	CHECK_STR(r.error, "#2: the design effort must be a number of person-weeks from 0 to 1000000");
	CHECK_STR(r.field, "effort_design");
	c[1].effort[PLAN_DESIGN] = NAN;
	CHECK_EQ_INT(plan_solve(&in, &r), -1);
	CHECK_STR(r.field, "effort_design");
	c[1].effort[PLAN_DESIGN] = 0;
	c[1].ndeps = 2; /* with no list */
	CHECK_EQ_INT(plan_solve(&in, &r), -1);
	CHECK_STR(r.field, "depends_on");
	c[1].ndeps = 0;
	CHECK_EQ_INT(plan_solve(&in, &r), 0);
	plan_result_free(&r);
}

TEST(plan_check_catches_broken_plans)
{
	static const long long on1[] = {1};
	struct plan_candidate c[] = {cand(1, 5, 4), {.id = 2, .value = 9, .effort = {4, 0, 0}, .deps = on1, .ndeps = 1},
	                             cand(3, 1, 4)};
	struct plan_input in = {3, c, {8, 0, 0}, 0};
	struct plan_result r;
	REQUIRE(plan_solve(&in, &r) == 0);
	REQUIRE(r.nchosen == 2 && r.ncut == 1);
	char why[200];
	CHECK(plan_check(&in, &r, why, sizeof why) == 0);
	long long keep = r.chosen[1];
	r.chosen[1] = 3; /* 2 without 1 */
	CHECK(plan_check(&in, &r, why, sizeof why) < 0);
	r.chosen[1] = keep;
	r.used[PLAN_ENG] += 1;
	CHECK(plan_check(&in, &r, why, sizeof why) < 0);
	CHECK_CONTAINS(why, "used");
	r.used[PLAN_ENG] -= 1;
	in.capacity[PLAN_ENG] = 7;
	CHECK(plan_check(&in, &r, why, sizeof why) < 0);
	CHECK_CONTAINS(why, "over capacity");
	in.capacity[PLAN_ENG] = 8;
	c[0].exclude = true;
	CHECK(plan_check(&in, &r, why, sizeof why) < 0);
	c[0].exclude = false;
	c[2].must = true;
	CHECK(plan_check(&in, &r, why, sizeof why) < 0);
	c[2].must = false;
	r.cut[0].reason[0] = 0;
	CHECK(plan_check(&in, &r, why, sizeof why) < 0);
	plan_result_free(&r);
}

/* However short the time limit, a plan is either proven optimal or says it is not. */
TEST(plan_time_limit_never_claims_optimal)
{
	enum { N = 400 };
	static struct plan_candidate c[N];
	static long long deps[N];
	uint64_t s = 42;
	for (int i = 0; i < N; i++) {
		c[i] = (struct plan_candidate){.id = i + 1, .value = 1 + rnd(&s, 1000) / 7.0};
		for (int k = 0; k < PLAN_TEAM__MAX; k++)
			c[i].effort[k] = 1 + rnd(&s, 97) / 3.0;
		if (i > 0 && rnd(&s, 4) == 0)
			deps[i] = 1 + rnd(&s, i), c[i].deps = &deps[i], c[i].ndeps = 1;
	}
	struct plan_input in = {N, c, {900, 700, 800}, 0.001};
	struct plan_result r;
	REQUIRE(plan_solve(&in, &r) == 0);
	CHECK(r.feasible);
	if (!r.optimal)
		CHECK_CONTAINS(r.error, "time limit");
	char why[200];
	CHECK(plan_check(&in, &r, why, sizeof why) == 0);
	plan_result_free(&r);
}

/* Regression: GLPK 5.0's cut generators call glp_error ("glp_add_cols: ncs = 0") when presolve leaves rows but
 * no columns. The error hook must catch it (no abort, nothing printed) and the solve must still succeed. */
TEST(plan_glpk_error_on_presolved_empty_problem_is_recovered)
{
	struct plan_candidate c[] = {
		{.id = 13, .value = 34, .effort = {3.5, 9, 4}},   {.id = 16, .value = 18.5, .effort = {9.5, 0, 2.5}},
		{.id = 22, .value = 77, .effort = {4.5, 3, 0}},   {.id = 10, .value = 78, .effort = {5.5, 2, 9}},
		{.id = 19, .value = 24.5, .effort = {0, 3.5, 0}},
	};
	struct plan_input in = {5, c, {2, 8, 6}, 0};
	struct plan_result r;
	for (int round = 0; round < 3; round++) { /* and GLPK still works after recovering */
		REQUIRE(plan_solve(&in, &r) == 0);
		CHECK(r.optimal);
		REQUIRE(r.nchosen == 1);
		CHECK_EQ_INT(r.chosen[0], 19);
		CHECK_STR(reason_of(&r, 10), "needs 5.5 eng person-weeks (only 2 left) and 9 mkt person-weeks (only 6 left)");
		plan_result_free(&r);
	}
}
