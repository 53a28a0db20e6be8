/* plan_db.h — the plan over the workspace: a request checked field by field, candidates, scores, dependencies
 * and capacity read from the database, the solver's answer as JSON, and applying it to the features. */
#ifndef TANDEM_PLAN_DB_H
#define TANDEM_PLAN_DB_H
#include <jansson.h>
#include <stdbool.h>
#include "domain/plan.h"
#include "model/action.h"
#include "platform/db.h"
#include "platform/err.h"

#define PLAN_MAX_PERIOD 7 /* "2027-Q1", "2027-H1", "2027-03" */

/* A plan request as sent to POST /api/v1/plan (and built by `tandem plan`). */
struct plan_req {
	char period[PLAN_MAX_PERIOD + 1];
	bool cap_given[PLAN_TEAM__MAX];     /* capacity.<team> was sent */
	double capacity[PLAN_TEAM__MAX];
	long long *must, *exclude, *candidates; /* owned; free with plan_req_free */
	int nmust, nexclude, ncandidates;
	bool has_candidates;                /* candidates was sent (else the default set) */
	double time_limit;                  /* seconds; 0 for the solver's default */
};

/* Check body {period, capacity?: {eng, design, mkt}, must?, exclude?, candidates?} into *r: types, ranges,
 * the period's form (valid_period: 2027-Q1, 2027-H1 or 2027-03), positive ids, no id twice in one list,
 * no must-include excluded, no unknown fields. 0, or -1 with e (400 naming the field); *r is always safe
 * to plan_req_free. */
int plan_req_parse(json_t *body, struct plan_req *r, struct err *e);
void plan_req_free(struct plan_req *r);

/* Solve the plan over the workspace. Candidates: r's list, else every feature that is accepted, or planned
 * for this period or for none, and not merged; must-includes join the candidates. Values are the features'
 * scores; dependencies come from feature_deps (a dependency that has shipped is met). Capacity: r's teams,
 * the stored row for the period for the teams not given; a team in neither has 0.
 * Returns {optimal, feasible, value, chosen, used, cut: [{id, title, reason}], top3_share, top5_share, period,
 * capacity, message, items: [{id, title, value, effort: {eng, design, mkt}}] for the chosen} as a new object,
 * or NULL with e: 400 (field: period, must, exclude, candidates, capacity.*), 422 code "infeasible" when the
 * must-includes cannot be planned together (the message names the team that is short and by how much),
 * 500 on a database or solver failure. */
json_t *plan_compute(db *d, const struct plan_req *r, struct err *e);

/* plan_compute, then mark every chosen feature status "planned" with the period (through the entity engine:
 * versions bump, audit rows by actor), and return candidates that were planned for this period but are now
 * cut to "accepted" with no period. The answer adds "applied" (chosen ids) and "unplanned" (ids). The
 * caller holds the transaction and rolls it back on failure. NULL with e as plan_compute, or 500 when the
 * features kind is not described. */
json_t *plan_apply(db *d, long long actor, const struct plan_req *r, struct err *e);
/* Features planned or in progress (not merged) whose release (not cancelled) ships outside their period:
 * [{"id", "title", "period", "release_id", "target_date", "message"}] by id. Apply answers those it planned as
 * release_warnings; the rule plan-period-vs-release reports them all. */
json_t *plan_off_release(db *d);
/* The two as actions (model/action.h), taking the body plan_req_parse reads: compute (any role; changes
 * nothing) and apply (editors). */
extern const struct action plan_action, plan_apply_action;
#endif
