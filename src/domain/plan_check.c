/* plan_check.c — checks a plan against its input: capacity, dependencies, must and exclude, sums and order. */
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "plan_int.h"
#include "platform/util.h"

PRINTF(3, 4) static int fail(char *why, size_t n, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(why, n, fmt, ap);
	va_end(ap);
	return -1;
}

/* The part of plan_check that needs the id index: membership, dependencies, must and exclude. */
static int check_sets(const struct plan_input *in, const struct plan_result *r, const struct id_ix *byid,
                      char *state, char *why, size_t n)
{
	const struct plan_candidate *c = in->c;
	for (int k = 0; k < r->nchosen + r->ncut; k++) {
		bool chosen = k < r->nchosen;
		long long id = chosen ? r->chosen[k] : r->cut[k - r->nchosen].id;
		int i = plan_find(byid, in->n, id);
		if (i < 0)
			return fail(why, n, "#%lld is not a candidate", id);
		if (state[i])
			return fail(why, n, "#%lld is listed twice", id);
		state[i] = chosen ? 1 : 2;
		if (!chosen && !*r->cut[k - r->nchosen].reason)
			return fail(why, n, "#%lld is cut without a reason", id);
	}
	for (int i = 0; i < in->n; i++) {
		if (!state[i])
			return fail(why, n, "#%lld is neither chosen nor cut", c[i].id);
		if (c[i].must && state[i] != 1)
			return fail(why, n, "must-include #%lld is not chosen", c[i].id);
		if (c[i].exclude && state[i] == 1)
			return fail(why, n, "excluded #%lld is chosen", c[i].id);
		for (int k = 0; state[i] == 1 && k < c[i].ndeps; k++) {
			int j = plan_find(byid, in->n, c[i].deps[k]);
			if (j < 0 || state[j] != 1)
				return fail(why, n, "#%lld is chosen without #%lld", c[i].id, c[i].deps[k]);
		}
	}
	return 0;
}

/* The part of plan_check about sums: capacity, used, value, its order and the top shares. */
static int check_sums(const struct plan_input *in, const struct plan_result *r, const struct id_ix *byid,
                      char *why, size_t n)
{
	double used[PLAN_TEAM__MAX] = {0}, value = 0, top3 = 0, top5 = 0;
	for (int k = 0; k < r->nchosen; k++) {
		const struct plan_candidate *c = &in->c[plan_find(byid, in->n, r->chosen[k])];
		for (int t = 0; t < PLAN_TEAM__MAX; t++)
			used[t] += c->effort[t];
		value += c->value;
		top3 += k < 3 ? c->value : 0;
		top5 += k < 5 ? c->value : 0;
		if (k > 0 && c->value > in->c[plan_find(byid, in->n, r->chosen[k - 1])].value)
			return fail(why, n, "chosen #%lld is out of value order", c->id);
	}
	for (int t = 0; t < PLAN_TEAM__MAX; t++) {
		if (used[t] > in->capacity[t] + EPS)
			return fail(why, n, "%s is over capacity: %g > %g", plan_team_name((enum plan_team)t), used[t], in->capacity[t]);
		if (fabs(used[t] - r->used[t]) > EPS)
			return fail(why, n, "%s used is %g, not %g", plan_team_name((enum plan_team)t), used[t], r->used[t]);
	}
	if (fabs(value - r->value) > 1e-9 * fmax(1, fabs(value)))
		return fail(why, n, "value is %g, not %g", value, r->value);
	double s3 = value > 0 ? top3 / value : 0, s5 = value > 0 ? top5 / value : 0;
	if (fabs(s3 - r->top3_share) > 1e-9 || fabs(s5 - r->top5_share) > 1e-9)
		return fail(why, n, "top shares are %g and %g, not %g and %g", s3, s5, r->top3_share, r->top5_share);
	return 0;
}

int plan_check(const struct plan_input *in, const struct plan_result *r, char *why, size_t n)
{
	if (!r->feasible)
		return fail(why, n, "no plan");
	if (r->nchosen < 0 || r->ncut < 0 || r->nchosen + r->ncut != in->n)
		return fail(why, n, "%d chosen and %d cut of %d candidates", r->nchosen, r->ncut, in->n);
	int dup;
	struct id_ix *byid = plan_index_ids(in->c, in->n, &dup);
	char *state = memset(xmalloc((size_t)in->n + 1), 0, (size_t)in->n + 1); /* 0 unlisted, 1 chosen, 2 cut */
	int rc = dup >= 0 ? fail(why, n, "duplicate candidate #%lld", in->c[dup].id)
	                  : check_sets(in, r, byid, state, why, n);
	if (rc == 0)
		rc = check_sums(in, r, byid, why, n);
	free(byid), free(state);
	return rc;
}
