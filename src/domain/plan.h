/* plan.h — the optimal plan: which candidate features to build within per-team capacity (a 0/1 integer program, GLPK). */
#ifndef TANDEM_PLAN_H
#define TANDEM_PLAN_H
#include <stdbool.h>
#include <stddef.h>

/* The teams whose capacity a plan spends, in the order of every effort[] and capacity[] array. */
enum plan_team { PLAN_ENG, PLAN_DESIGN, PLAN_MKT, PLAN_TEAM__MAX };

#define PLAN_MAX_CANDIDATES 20000
#define PLAN_MAX_EFFORT 1e6       /* person-weeks, per team: for one feature and for a capacity */
#define PLAN_MAX_VALUE 1e12       /* |value| of one feature */
#define PLAN_DEFAULT_TIME_LIMIT 10.0 /* seconds */

/* One feature the plan may choose. value may be negative (it is then never worth choosing unless forced).
 * deps are the ids it depends on: it is chosen only together with all of them. A dependency on an id that
 * is not among the candidates means the feature can't be chosen (cut: "depends on #ID, which is not a
 * candidate"; an error when it is a must-include or a must-include depends on it). */
struct plan_candidate {
	long long id;
	double value;
	double effort[PLAN_TEAM__MAX]; /* person-weeks by team, >= 0 */
	const long long *deps;
	int ndeps;
	bool must;    /* must be in the plan (with everything it depends on) */
	bool exclude; /* must not be in the plan (nor anything that depends on it) */
};

struct plan_input {
	int n;
	const struct plan_candidate *c;
	double capacity[PLAN_TEAM__MAX]; /* person-weeks by team, >= 0, not all 0; NaN means missing */
	double time_limit;               /* seconds for the solver; <= 0 means PLAN_DEFAULT_TIME_LIMIT */
};

/* A candidate left out of the plan and why, e.g. "excluded", "depends on #7, which is excluded",
 * "needs 6 eng person-weeks; only 2 left". */
struct plan_cut {
	long long id;
	char reason[240];
};

struct plan_result {
	bool optimal;  /* GLPK proved the chosen set is the best there is (never set for a partial answer) */
	bool feasible; /* a plan meeting every constraint was found and is below */
	double value;  /* sum of the chosen candidates' values */
	double used[PLAN_TEAM__MAX]; /* person-weeks the chosen set spends by team */
	long long *chosen; /* ids, by value descending (then id ascending); one with value <= 0 only when needed */
	int nchosen;
	struct plan_cut *cut; /* every candidate not chosen, in input order */
	int ncut;
	double top3_share, top5_share; /* share of value from the 3 (5) highest-value chosen; 0 unless value > 0 */
	const char *field; /* on a refusal, the input at fault: "candidates", "capacity.eng", "must", ...; else NULL */
	char error[300];   /* why the plan was refused, or why a returned plan is not proven optimal; else "" */
};

/* Solve the plan for in into *out (which the caller frees with plan_result_free, whatever the outcome).
 * Returns 0 when a plan was found (out->feasible; out->optimal only if GLPK proved it, otherwise out->error
 * says why not, e.g. the time limit), -1 when the input is refused: bad numbers, a dependency cycle, a
 * must-include that is excluded or depends on what can't be chosen, or must-includes that don't fit the
 * capacity (out->error says which team is short and by how much). GLPK's own errors never abort the
 * process: they become -1 with out->error set. Frees the calling thread's GLPK environment on return. */
int plan_solve(const struct plan_input *in, struct plan_result *out);
void plan_result_free(struct plan_result *r);

/* Check a feasible result against its input: chosen ids are distinct candidates, their dependencies are
 * chosen, must-includes chosen, exclusions not, capacity respected (within 1e-6), value, used and shares
 * add up, and every other candidate is cut with a reason. 0 when it holds; -1 with why[] filled otherwise. */
int plan_check(const struct plan_input *in, const struct plan_result *r, char *why, size_t n);

/* "eng", "design", "mkt" */
const char *plan_team_name(enum plan_team t);
#endif
