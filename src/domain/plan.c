/* plan.c — the optimal plan: validates the candidates, solves the 0/1 integer program with GLPK, explains each cut. */
#include "plan.h"
#include <glpk.h>
#include <math.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "plan_int.h"
#include "platform/util.h"


static const char *const team_names[PLAN_TEAM__MAX] = {"eng", "design", "mkt"};
static const char *const effort_fields[PLAN_TEAM__MAX] = {"effort_eng", "effort_design", "effort_mkt"};
static const char *const capacity_fields[PLAN_TEAM__MAX] = {"capacity.eng", "capacity.design", "capacity.mkt"};

const char *plan_team_name(enum plan_team t)
{
	return t < PLAN_TEAM__MAX ? team_names[t] : "?";
}

/* Why a candidate can't be chosen whatever the capacity: it is excluded, or it depends (directly or through
 * via) on root, which is excluded or not a candidate at all. */
struct block {
	bool blocked, excluded, root_missing, has_via;
	long long root, via;
};


/* What plan_solve works on: the input with dependencies resolved to indices. */
struct ctx {
	const struct plan_input *in;
	int n;
	struct id_ix *byid; /* sorted by id */
	int *doff, *dix;    /* deps of i: dix[doff[i] .. doff[i+1]), an index or -1 for an id not among the candidates */
	int *topo;          /* every index, each after all it depends on */
	struct block *blk;
	bool *pick;
	int *stamp, tag, *list; /* scratch for closure() */
};

static void *zalloc(size_t n)
{
	return memset(xmalloc(n), 0, n);
}

/* Append printf output to dst[n] (truncating, always terminated). */
PRINTF(3, 4) static void cat(char *dst, size_t n, const char *fmt, ...)
{
	size_t len = strlen(dst);
	if (len + 1 >= n)
		return;
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(dst + len, n - len, fmt, ap);
	va_end(ap);
}

PRINTF(3, 4) static int refuse(struct plan_result *out, const char *field, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(out->error, sizeof out->error, fmt, ap);
	va_end(ap);
	out->field = field;
	out->feasible = false;
	out->optimal = false;
	return -1;
}

/* A number of person-weeks or a value for people to read: at most two decimals, no trailing zeros. */
static const char *num(double v, char out[32])
{
	snprintf(out, 32, "%.2f", v);
	char *dot = strchr(out, '.');
	if (dot) {
		char *end = out + strlen(out) - 1;
		while (end > dot && *end == '0')
			*end-- = 0;
		if (end == dot)
			*end = 0;
	}
	if (!strcmp(out, "-0"))
		strcpy(out, "0");
	return out;
}

static const char *weeks(double v)
{
	return v == 1 ? "person-week" : "person-weeks";
}

static int cmp_id(const void *a, const void *b)
{
	long long x = ((const struct id_ix *)a)->id, y = ((const struct id_ix *)b)->id;
	return (x > y) - (x < y);
}

int plan_find(const struct id_ix *byid, int n, long long id)
{
	struct id_ix key = {id, 0};
	const struct id_ix *hit = bsearch(&key, byid, (size_t)n, sizeof *byid, cmp_id);
	return hit ? hit->ix : -1;
}

struct id_ix *plan_index_ids(const struct plan_candidate *c, int n, int *dup)
{
	struct id_ix *byid = xmalloc((size_t)n * sizeof *byid);
	for (int i = 0; i < n; i++)
		byid[i] = (struct id_ix){c[i].id, i};
	qsort(byid, (size_t)n, sizeof *byid, cmp_id);
	*dup = -1;
	for (int i = 1; i < n; i++)
		if (byid[i].id == byid[i - 1].id)
			*dup = byid[i].ix;
	return byid;
}

static bool bad_amount(double v)
{
	return !isfinite(v) || v < 0 || v > PLAN_MAX_EFFORT;
}

static int validate_capacity(const struct plan_input *in, struct plan_result *out)
{
	bool any = false;
	for (int t = 0; t < PLAN_TEAM__MAX; t++) {
		double cap = in->capacity[t];
		if (!isfinite(cap))
			return refuse(out, capacity_fields[t], "the %s capacity is missing or not a number", team_names[t]);
		if (cap < 0)
			return refuse(out, capacity_fields[t], "the %s capacity must not be negative", team_names[t]);
		if (cap > PLAN_MAX_EFFORT)
			return refuse(out, capacity_fields[t], "the %s capacity is too large (at most %.0f person-weeks)",
			              team_names[t], PLAN_MAX_EFFORT);
		any |= cap > 0;
	}
	if (!any)
		return refuse(out, "capacity", "no capacity: every team has 0 person-weeks for this period");
	return 0;
}

static int validate_candidate(const struct plan_candidate *c, struct plan_result *out)
{
	if (!isfinite(c->value) || fabs(c->value) > PLAN_MAX_VALUE)
		return refuse(out, "value", "#%lld: the value is not a number or too large", c->id);
	for (int t = 0; t < PLAN_TEAM__MAX; t++)
		if (bad_amount(c->effort[t]))
			return refuse(out, effort_fields[t], "#%lld: the %s effort must be a number of person-weeks from 0 to %.0f",
			              c->id, team_names[t], PLAN_MAX_EFFORT);
	if (c->ndeps < 0 || c->ndeps > PLAN_MAX_CANDIDATES || (c->ndeps > 0 && !c->deps))
		return refuse(out, "depends_on", "#%lld: bad dependency list", c->id);
	if (c->must && c->exclude)
		return refuse(out, "must", "#%lld is both a must-include and excluded", c->id);
	return 0;
}

static int validate(const struct plan_input *in, struct plan_result *out)
{
	if (!in || in->n < 0 || (in->n > 0 && !in->c))
		return refuse(out, "candidates", "bad candidate list");
	if (in->n == 0)
		return refuse(out, "candidates", "no candidate features to plan");
	if (in->n > PLAN_MAX_CANDIDATES)
		return refuse(out, "candidates", "too many candidates (at most %d)", PLAN_MAX_CANDIDATES);
	if (validate_capacity(in, out) < 0)
		return -1;
	for (int i = 0; i < in->n; i++)
		if (validate_candidate(&in->c[i], out) < 0)
			return -1;
	return 0;
}

/* Name the cycle that closes at stack[from..top] back to stack[from]. */
static int refuse_cycle(const struct ctx *x, const int *stack, int from, int top, struct plan_result *out)
{
	char msg[sizeof out->error] = "dependency cycle: ";
	for (int k = from; k <= top; k++)
		cat(msg, sizeof msg, "#%lld → ", x->in->c[stack[k]].id);
	cat(msg, sizeof msg, "#%lld", x->in->c[stack[from]].id);
	return refuse(out, "depends_on", "%s", msg);
}

/* Depth-first over the dependencies: refuses a cycle, naming it; else fills x->topo (dependencies first). */
static int order_deps(struct ctx *x, struct plan_result *out)
{
	int n = x->n, ntopo = 0, rc = 0;
	char *color = zalloc((size_t)n); /* 0 unseen, 1 on the stack, 2 done */
	int *stack = xmalloc((size_t)n * sizeof *stack), *next = xmalloc((size_t)n * sizeof *next);
	int *pos = xmalloc((size_t)n * sizeof *pos);
	for (int s = 0; s < n && rc == 0; s++) {
		if (color[s])
			continue;
		int top = 0;
		stack[0] = s, next[0] = x->doff[s], color[s] = 1, pos[s] = 0;
		while (top >= 0 && rc == 0) {
			int i = stack[top];
			if (next[top] == x->doff[i + 1]) {
				color[i] = 2, x->topo[ntopo++] = i, top--;
				continue;
			}
			int j = x->dix[next[top]++];
			if (j < 0 || color[j] == 2)
				continue;
			if (color[j] == 1) {
				rc = refuse_cycle(x, stack, pos[j], top, out);
				break;
			}
			top++;
			stack[top] = j, next[top] = x->doff[j], color[j] = 1, pos[j] = top;
		}
	}
	free(color), free(stack), free(next), free(pos);
	return rc;
}

/* Resolve dependency ids to indices and find what can't be chosen whatever the capacity. */
static void resolve_deps(struct ctx *x)
{
	const struct plan_candidate *c = x->in->c;
	x->doff = xmalloc((size_t)(x->n + 1) * sizeof *x->doff);
	int total = 0;
	for (int i = 0; i < x->n; i++)
		x->doff[i] = total, total += c[i].ndeps;
	x->doff[x->n] = total;
	x->dix = xmalloc((size_t)total * sizeof *x->dix);
	for (int i = 0; i < x->n; i++)
		for (int k = 0; k < c[i].ndeps; k++)
			x->dix[x->doff[i] + k] = plan_find(x->byid, x->n, c[i].deps[k]);
}

/* Blocked candidates, in dependency order so a dependency's state is known first. */
static void find_blocked(struct ctx *x)
{
	const struct plan_candidate *c = x->in->c;
	for (int t = 0; t < x->n; t++) {
		int i = x->topo[t];
		struct block *b = &x->blk[i];
		if (c[i].exclude) {
			*b = (struct block){.blocked = true, .excluded = true};
			continue;
		}
		for (int k = 0; k < c[i].ndeps && !b->blocked; k++) {
			int j = x->dix[x->doff[i] + k];
			if (j < 0)
				*b = (struct block){.blocked = true, .root_missing = true, .root = c[i].deps[k]};
			else if (x->blk[j].excluded)
				*b = (struct block){.blocked = true, .root = c[j].id};
			else if (x->blk[j].blocked)
				*b = (struct block){true, false, x->blk[j].root_missing, true, x->blk[j].root, c[j].id};
		}
	}
}

/* "depends on #7 (via #5), which is excluded" for a blocked, not excluded candidate. */
static void blocked_reason(const struct block *b, char *dst, size_t n)
{
	snprintf(dst, n, "depends on #%lld", b->root);
	if (b->has_via)
		cat(dst, n, " (via #%lld)", b->via);
	cat(dst, n, ", which is %s", b->root_missing ? "not a candidate" : "excluded");
}

/* The candidates in start[] plus everything they transitively depend on that is not picked yet, into x->list
 * (valid until the next call); returns how many. Picked candidates already have their dependencies picked. */
static int closure(struct ctx *x, const int *start, int nstart)
{
	int len = 0;
	x->tag++;
	for (int s = 0; s < nstart; s++)
		if (!x->pick[start[s]] && x->stamp[start[s]] != x->tag)
			x->stamp[start[s]] = x->tag, x->list[len++] = start[s];
	for (int q = 0; q < len; q++) {
		int i = x->list[q];
		for (int k = x->doff[i]; k < x->doff[i + 1]; k++) {
			int j = x->dix[k];
			if (j >= 0 && !x->pick[j] && x->stamp[j] != x->tag)
				x->stamp[j] = x->tag, x->list[len++] = j;
		}
	}
	return len;
}

static void sum_effort(const struct ctx *x, const int *list, int len, double need[PLAN_TEAM__MAX])
{
	for (int t = 0; t < PLAN_TEAM__MAX; t++)
		need[t] = 0;
	for (int q = 0; q < len; q++)
		for (int t = 0; t < PLAN_TEAM__MAX; t++)
			need[t] += x->in->c[list[q]].effort[t];
}

/* Refuse must-includes that are blocked or, with what they depend on, don't fit the capacity. */
static int check_musts(struct ctx *x, struct plan_result *out)
{
	const struct plan_candidate *c = x->in->c;
	int *musts = xmalloc((size_t)x->n * sizeof *musts), nm = 0;
	for (int i = 0; i < x->n; i++)
		if (c[i].must)
			musts[nm++] = i;
	for (int m = 0; m < nm; m++)
		if (x->blk[musts[m]].blocked) {
			char why[sizeof out->error];
			int i = musts[m];
			free(musts);
			blocked_reason(&x->blk[i], why, sizeof why);
			return refuse(out, "must", "must-include #%lld %s", c[i].id, why);
		}
	int len = closure(x, musts, nm);
	free(musts);
	double need[PLAN_TEAM__MAX];
	sum_effort(x, x->list, len, need);
	char msg[sizeof out->error] = "", a[32], b[32], d[32];
	for (int t = 0; t < PLAN_TEAM__MAX; t++)
		if (need[t] > x->in->capacity[t] + EPS)
			cat(msg, sizeof msg, "%s%s %s %s but the capacity is %s (%s short)", *msg ? ", and " : "",
			    num(need[t], a), team_names[t], weeks(need[t]), num(x->in->capacity[t], b), num(need[t] - x->in->capacity[t], d));
	if (*msg)
		return refuse(out, "must", "the must-include features%s need %s",
		              len > nm ? " (with what they depend on)" : "", msg);
	return 0;
}

/* GLPK reports a fatal error by calling this hook; jumping out keeps the process alive. */
struct glpk_guard {
	jmp_buf jb;
};

static void on_glpk_error(void *info)
{
	longjmp(((struct glpk_guard *)info)->jb, 1);
}

/* The integer program in GLPK's triplet form: row ia[k], column ja[k], coefficient ar[k], 1-based. */
struct model {
	int nrows, ne;
	int *ia, *ja;
	double *ar;
};

/* Rows 1..3 are the team capacities, then one row x_i - x_j <= 0 per dependency of a choosable candidate. */
static void model_build(const struct ctx *x, struct model *m)
{
	const struct plan_candidate *c = x->in->c;
	int cap = PLAN_TEAM__MAX * x->n + 2 * x->doff[x->n] + 1;
	m->ia = xmalloc((size_t)cap * sizeof *m->ia), m->ja = xmalloc((size_t)cap * sizeof *m->ja);
	m->ar = xmalloc((size_t)cap * sizeof *m->ar);
	m->nrows = PLAN_TEAM__MAX, m->ne = 0;
	for (int i = 0; i < x->n; i++)
		for (int t = 0; t < PLAN_TEAM__MAX; t++)
			if (c[i].effort[t] > 0) {
				m->ne++;
				m->ia[m->ne] = t + 1, m->ja[m->ne] = i + 1, m->ar[m->ne] = c[i].effort[t];
			}
	for (int i = 0; i < x->n; i++) {
		if (x->blk[i].blocked) /* fixed at 0: its dependencies don't matter */
			continue;
		for (int k = x->doff[i]; k < x->doff[i + 1]; k++) {
			m->nrows++;
			m->ne++;
			m->ia[m->ne] = m->nrows, m->ja[m->ne] = i + 1, m->ar[m->ne] = 1;
			m->ne++;
			m->ia[m->ne] = m->nrows, m->ja[m->ne] = x->dix[k] + 1, m->ar[m->ne] = -1;
		}
	}
}

static void model_free(struct model *m)
{
	free(m->ia), free(m->ja), free(m->ar);
}

/* Load and solve the program (with cutting planes if cuts); the picks into x->pick. Returns glp_intopt's code;
 * *status the MIP status. */
static int glpk_solve(struct ctx *x, const struct model *m, bool cuts, int *status)
{
	const struct plan_candidate *c = x->in->c;
	glp_prob *P = glp_create_prob();
	glp_set_obj_dir(P, GLP_MAX);
	glp_add_rows(P, m->nrows);
	for (int t = 0; t < PLAN_TEAM__MAX; t++)
		glp_set_row_bnds(P, t + 1, GLP_UP, 0, x->in->capacity[t]);
	for (int r = PLAN_TEAM__MAX + 1; r <= m->nrows; r++)
		glp_set_row_bnds(P, r, GLP_UP, 0, 0);
	glp_add_cols(P, x->n);
	for (int i = 0; i < x->n; i++) {
		glp_set_col_kind(P, i + 1, GLP_BV);
		glp_set_obj_coef(P, i + 1, c[i].value);
		if (x->blk[i].blocked)
			glp_set_col_bnds(P, i + 1, GLP_FX, 0, 0);
		else if (c[i].must)
			glp_set_col_bnds(P, i + 1, GLP_FX, 1, 1);
	}
	glp_load_matrix(P, m->ne, m->ia, m->ja, m->ar);
	glp_iocp parm;
	glp_init_iocp(&parm);
	parm.msg_lev = GLP_MSG_OFF;
	parm.presolve = GLP_ON;
	if (cuts) { /* on 2,000 candidates these prove optimality where plain branch-and-bound times out */
		parm.cov_cuts = GLP_ON; /* knapsack covers: the capacity rows are knapsacks */
		parm.mir_cuts = GLP_ON;
		parm.gmi_cuts = GLP_ON;
	}
	double limit = x->in->time_limit > 0 ? x->in->time_limit : PLAN_DEFAULT_TIME_LIMIT;
	parm.tm_lim = limit > 86400 ? 86400000 : (int)ceil(limit * 1000);
	int rc = glp_intopt(P, &parm);
	*status = glp_mip_status(P);
	if (*status == GLP_OPT || *status == GLP_FEAS)
		for (int i = 0; i < x->n; i++)
			x->pick[i] = glp_mip_col_val(P, i + 1) > 0.5;
	glp_delete_prob(P);
	return rc;
}

/* GLPK prints its fatal errors even with terminal output off; this hook keeps them out of the server's output. */
static int swallow_output(void *info, const char *s)
{
	(void)info, (void)s;
	return 1;
}

/* glpk_solve with GLPK's terminal output off and its fatal errors caught. -1 when GLPK failed. */
static int glpk_guarded(struct ctx *x, const struct model *m, bool cuts, int *rc, int *status)
{
	struct glpk_guard g;
	glp_term_out(GLP_OFF);
	glp_term_hook(swallow_output, NULL);
	if (setjmp(g.jb)) {
		glp_free_env(); /* GLPK's documented recovery: drop every GLPK object of this thread */
		return -1;
	}
	glp_error_hook(on_glpk_error, &g);
	*rc = glpk_solve(x, m, cuts, status);
	glp_error_hook(NULL, NULL);
	glp_free_env();
	return 0;
}

/* Solve; x->pick gets a feasible plan. 0 when GLPK found one (out->optimal when proven), 1 when the time
 * limit ran out first (x->pick is left to the caller), -1 when GLPK failed (refused). */
static int solve(struct ctx *x, struct plan_result *out)
{
	struct model m;
	model_build(x, &m);
	int rc = 0, status = GLP_UNDEF;
	int failed = glpk_guarded(x, &m, true, &rc, &status);
	/* GLPK 5.0's cut generators fail ("glp_add_cols: ncs = 0") when its presolver leaves rows but no columns,
	 * e.g. when all that fits costs nothing; the same program solves without cuts. */
	if (failed)
		failed = glpk_guarded(x, &m, false, &rc, &status);
	model_free(&m);
	double limit = x->in->time_limit > 0 ? x->in->time_limit : PLAN_DEFAULT_TIME_LIMIT;
	if (failed)
		return refuse(out, NULL, "the solver failed on this input");
	if (status == GLP_OPT || status == GLP_FEAS) {
		out->optimal = rc == 0 && status == GLP_OPT;
		if (!out->optimal)
			snprintf(out->error, sizeof out->error, rc == GLP_ETMLIM ?
			         "the solver's time limit (%g s) ran out before it proved this plan optimal" :
			         "the solver stopped before it proved this plan optimal", limit);
		return 0;
	}
	if (rc == GLP_ETMLIM)
		return 1;
	return refuse(out, NULL, "the solver found no plan that meets the constraints");
}

/* Drop chosen candidates that add no value (value <= 0, not a must-include, nothing chosen depends on them):
 * a plan should not spend capacity for nothing, and the solver may pick them either way. */
static void prune_worthless(struct ctx *x)
{
	const struct plan_candidate *c = x->in->c;
	int *users = zalloc((size_t)x->n * sizeof *users); /* how many chosen candidates depend on each */
	int *drop = x->list, ndrop = 0;                     /* a stack of candidates to take out */
	for (int i = 0; i < x->n; i++)
		for (int k = x->doff[i]; x->pick[i] && k < x->doff[i + 1]; k++)
			users[x->dix[k]]++;
	for (int i = 0; i < x->n; i++)
		if (x->pick[i] && !users[i] && !c[i].must && c[i].value <= 0)
			drop[ndrop++] = i;
	while (ndrop > 0) {
		int i = drop[--ndrop];
		x->pick[i] = false;
		for (int k = x->doff[i]; k < x->doff[i + 1]; k++) {
			int j = x->dix[k];
			if (--users[j] == 0 && !c[j].must && c[j].value <= 0)
				drop[ndrop++] = j;
		}
	}
	free(users);
}

/* Add, in the order given, any candidate that fits with what it depends on and adds value, until none does.
 * After a proven optimum this adds nothing; after a time-out it makes every "fits but cut" reason honest. */
static void fill_greedy(struct ctx *x, const int *order, const double used0[PLAN_TEAM__MAX])
{
	double used[PLAN_TEAM__MAX];
	memcpy(used, used0, sizeof used);
	for (bool changed = true; changed;) {
		changed = false;
		for (int q = 0; q < x->n; q++) {
			int i = order[q];
			if (x->pick[i] || x->blk[i].blocked)
				continue;
			int len = closure(x, &i, 1);
			double need[PLAN_TEAM__MAX], net = 0;
			sum_effort(x, x->list, len, need);
			bool fits = true;
			for (int t = 0; t < PLAN_TEAM__MAX; t++)
				fits &= used[t] + need[t] <= x->in->capacity[t] + EPS;
			for (int k = 0; k < len; k++)
				net += x->in->c[x->list[k]].value;
			if (!fits || net <= 1e-9)
				continue;
			for (int k = 0; k < len; k++)
				x->pick[x->list[k]] = true;
			for (int t = 0; t < PLAN_TEAM__MAX; t++)
				used[t] += need[t];
			changed = true;
		}
	}
}

/* Why candidate i, not blocked and not picked, is cut: the capacity it would break, or that it adds nothing. */
static void cut_reason(struct ctx *x, int i, const double used[PLAN_TEAM__MAX], char *dst, size_t n)
{
	int len = closure(x, &i, 1);
	double need[PLAN_TEAM__MAX], net = 0;
	sum_effort(x, x->list, len, need);
	for (int k = 0; k < len; k++)
		net += x->in->c[x->list[k]].value;
	char with[80] = "", a[32], b[32];
	if (len == 2)
		snprintf(with, sizeof with, " with its dependency #%lld", x->in->c[x->list[1]].id);
	else if (len == 3)
		snprintf(with, sizeof with, " with its dependencies #%lld and #%lld", x->in->c[x->list[1]].id,
		         x->in->c[x->list[2]].id);
	else if (len > 3)
		snprintf(with, sizeof with, " with its %d unchosen dependencies", len - 1);
	int over[PLAN_TEAM__MAX], nover = 0;
	for (int t = 0; t < PLAN_TEAM__MAX; t++)
		if (used[t] + need[t] > x->in->capacity[t] + EPS)
			over[nover++] = t;
	double left[PLAN_TEAM__MAX];
	for (int t = 0; t < PLAN_TEAM__MAX; t++)
		left[t] = fmax(0, x->in->capacity[t] - used[t]);
	*dst = 0;
	if (nover == 1)
		snprintf(dst, n, "needs %s %s %s%s; only %s left", num(need[over[0]], a), team_names[over[0]],
		         weeks(need[over[0]]), with, num(left[over[0]], b));
	else if (nover > 1) {
		cat(dst, n, "needs");
		for (int k = 0; k < nover; k++)
			cat(dst, n, "%s %s %s %s (only %s left)", k ? " and" : "", num(need[over[k]], a),
			    team_names[over[k]], weeks(need[over[k]]), num(left[over[k]], b));
		cat(dst, n, "%s", with);
	} else if (len == 1)
		snprintf(dst, n, "fits, but its value (%s) adds nothing", num(net, a));
	else
		snprintf(dst, n, "fits, but%s it adds nothing (net value %s)", with, num(net, a));
}

/* A candidate's place in the value order: value descending, then id ascending. */
struct by_value {
	double value;
	long long id;
	int ix;
};

static int cmp_value(const void *pa, const void *pb)
{
	const struct by_value *a = pa, *b = pb;
	if (a->value != b->value)
		return a->value > b->value ? -1 : 1;
	return (a->id > b->id) - (a->id < b->id);
}

/* Every index in the value order (caller frees). With density, by value per share of capacity instead: the
 * better order for filling greedily. */
static int *value_order(const struct plan_input *in, bool density)
{
	const struct plan_candidate *c = in->c;
	int n = in->n;
	struct by_value *v = xmalloc((size_t)n * sizeof *v);
	for (int i = 0; i < n; i++) {
		double share = 1e-9;
		for (int t = 0; density && t < PLAN_TEAM__MAX; t++)
			share += in->capacity[t] > 0 ? c[i].effort[t] / in->capacity[t] : c[i].effort[t] > 0 ? 1e9 : 0;
		v[i] = (struct by_value){density ? c[i].value / share : c[i].value, c[i].id, i};
	}
	qsort(v, (size_t)n, sizeof *v, cmp_value);
	int *ord = xmalloc((size_t)n * sizeof *ord);
	for (int i = 0; i < n; i++)
		ord[i] = v[i].ix;
	free(v);
	return ord;
}

static void used_by(const struct ctx *x, double used[PLAN_TEAM__MAX])
{
	for (int t = 0; t < PLAN_TEAM__MAX; t++)
		used[t] = 0;
	for (int i = 0; i < x->n; i++)
		if (x->pick[i])
			for (int t = 0; t < PLAN_TEAM__MAX; t++)
				used[t] += x->in->c[i].effort[t];
}

/* Fill out's plan from x->pick: chosen (by value), used, value, shares and a reason for every cut. */
static void finish(struct ctx *x, const int *by_value, struct plan_result *out)
{
	const struct plan_candidate *c = x->in->c;
	used_by(x, out->used);
	out->chosen = xmalloc((size_t)x->n * sizeof *out->chosen);
	out->cut = xmalloc((size_t)x->n * sizeof *out->cut);
	double top3 = 0, top5 = 0;
	for (int q = 0; q < x->n; q++) {
		int i = by_value[q];
		if (!x->pick[i])
			continue;
		out->value += c[i].value;
		top3 += out->nchosen < 3 ? c[i].value : 0;
		top5 += out->nchosen < 5 ? c[i].value : 0;
		out->chosen[out->nchosen++] = c[i].id;
	}
	if (out->value > 0)
		out->top3_share = top3 / out->value, out->top5_share = top5 / out->value;
	for (int i = 0; i < x->n; i++) {
		if (x->pick[i])
			continue;
		struct plan_cut *cut = &out->cut[out->ncut++];
		cut->id = c[i].id;
		if (x->blk[i].excluded)
			snprintf(cut->reason, sizeof cut->reason, "excluded");
		else if (x->blk[i].blocked)
			blocked_reason(&x->blk[i], cut->reason, sizeof cut->reason);
		else
			cut_reason(x, i, out->used, cut->reason, sizeof cut->reason);
	}
}

static void ctx_free(struct ctx *x)
{
	free(x->byid), free(x->doff), free(x->dix), free(x->topo), free(x->blk);
	free(x->pick), free(x->stamp), free(x->list);
}

/* Index, resolve and order the dependencies, refusing duplicates and cycles, and find the blocked. */
static int ctx_init(struct ctx *x, const struct plan_input *in, struct plan_result *out)
{
	int n = in->n, dup;
	*x = (struct ctx){.in = in, .n = n};
	x->byid = plan_index_ids(in->c, n, &dup);
	resolve_deps(x);
	x->topo = xmalloc((size_t)n * sizeof *x->topo);
	x->blk = zalloc((size_t)n * sizeof *x->blk);
	x->pick = zalloc((size_t)n * sizeof *x->pick);
	x->stamp = zalloc((size_t)n * sizeof *x->stamp);
	x->list = xmalloc((size_t)n * sizeof *x->list);
	if (dup >= 0)
		return refuse(out, "candidates", "#%lld appears twice among the candidates", in->c[dup].id);
	if (order_deps(x, out) < 0)
		return -1;
	find_blocked(x);
	return 0;
}

/* After a time-out without a plan: the must-includes with what they depend on (fill_greedy adds the rest). */
static void pick_musts(struct ctx *x)
{
	int *musts = xmalloc((size_t)x->n * sizeof *musts), nm = 0;
	for (int i = 0; i < x->n; i++)
		if (x->in->c[i].must)
			musts[nm++] = i;
	memset(x->pick, 0, (size_t)x->n * sizeof *x->pick);
	int len = closure(x, musts, nm);
	for (int k = 0; k < len; k++)
		x->pick[x->list[k]] = true;
	free(musts);
}

int plan_solve(const struct plan_input *in, struct plan_result *out)
{
	memset(out, 0, sizeof *out);
	if (validate(in, out) < 0)
		return -1;
	struct ctx x;
	int rc = ctx_init(&x, in, out);
	if (rc == 0)
		rc = check_musts(&x, out);
	if (rc == 0)
		rc = solve(&x, out);
	if (rc == 1) {
		double limit = in->time_limit > 0 ? in->time_limit : PLAN_DEFAULT_TIME_LIMIT;
		snprintf(out->error, sizeof out->error, "the solver's time limit (%g s) ran out before it found a plan; "
		         "this one is filled greedily and not proven optimal", limit);
		pick_musts(&x);
		rc = 0;
	}
	if (rc == 0) {
		int *by_density = value_order(in, true), *by_value = value_order(in, false);
		double used[PLAN_TEAM__MAX];
		prune_worthless(&x);
		used_by(&x, used);
		fill_greedy(&x, by_density, used);
		finish(&x, by_value, out);
		free(by_density), free(by_value);
		out->feasible = true;
		char why[200];
		if (plan_check(in, out, why, sizeof why) < 0) { /* a numerical slip in the solver: never pass it on */
			plan_result_free(out);
			rc = refuse(out, NULL, "the solver returned a plan that breaks a constraint (%s)", why);
		}
	}
	ctx_free(&x);
	return rc;
}

void plan_result_free(struct plan_result *r)
{
	free(r->chosen), free(r->cut);
	r->chosen = NULL, r->cut = NULL;
	r->nchosen = r->ncut = 0;
}
