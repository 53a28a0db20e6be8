/* plan_db.c — the plan over the workspace: checks the request, reads candidates, scores, dependencies and
 * capacity, runs the solver (plan.c) and answers JSON; applying marks the chosen features planned. */
#include "plan_db.h"
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "domain/score.h"
#include "model/entity.h"
#include "model/features.h"
#include "model/queries.h"
#include "model/users.h"
#include "platform/json_get.h"
#include "platform/log.h"
#include "platform/util.h"

static const char *const team_keys[PLAN_TEAM__MAX] = {"eng", "design", "mkt"};
static const char *const cap_fields[PLAN_TEAM__MAX] = {"capacity.eng", "capacity.design", "capacity.mkt"};

static int cmp_ll(const void *a, const void *b)
{
	long long x = *(const long long *)a, y = *(const long long *)b;
	return (x > y) - (x < y);
}

static bool has_id(const long long *sorted, int n, long long id)
{
	return n > 0 && bsearch(&id, sorted, (size_t)n, sizeof *sorted, cmp_ll) != NULL;
}

/* A list of distinct positive ids into a new sorted array. */
static int parse_ids(json_t *v, const char *field, long long **out, int *n, struct err *e)
{
	if (!json_is_array(v))
		return err_invalid(e, field, "%s must be a list of feature ids", field);
	size_t len = json_array_size(v);
	if (len > PLAN_MAX_CANDIDATES)
		return err_invalid(e, field, "%s has too many ids (at most %d)", field, PLAN_MAX_CANDIDATES);
	long long *ids = xmalloc((len ? len : 1) * sizeof *ids);
	size_t i;
	json_t *x;
	json_array_foreach(v, i, x)
	{
		if (!json_is_integer(x) || json_integer_value(x) <= 0) {
			free(ids);
			return err_invalid(e, field, "%s must hold feature ids (positive whole numbers); item %zu is not one",
			                   field, i + 1);
		}
		ids[i] = json_integer_value(x);
	}
	qsort(ids, len, sizeof *ids, cmp_ll);
	for (i = 1; i < len; i++)
		if (ids[i] == ids[i - 1]) {
			long long dup = ids[i];
			free(ids);
			return err_invalid(e, field, "#%lld is listed twice in %s", dup, field);
		}
	*out = ids;
	*n = (int)len;
	return 0;
}

static int parse_capacity(json_t *v, struct plan_req *r, struct err *e)
{
	if (!json_is_object(v))
		return err_invalid(e, "capacity", "capacity must be an object {\"eng\", \"design\", \"mkt\"} of person-weeks");
	const char *k;
	json_t *x;
	json_object_foreach(v, k, x)
	{
		int t = 0;
		while (t < PLAN_TEAM__MAX && strcmp(k, team_keys[t]))
			t++;
		if (t == PLAN_TEAM__MAX)
			return err_invalid(e, "capacity", "unknown team '%.40s' in capacity; the teams are eng, design and mkt", k);
		if (!json_is_number(x) || !isfinite(json_number_value(x)) || json_number_value(x) < 0 ||
		    json_number_value(x) > PLAN_MAX_EFFORT)
			return err_invalid(e, cap_fields[t], "%s must be a number of person-weeks from 0 to %.0f", cap_fields[t],
			                   PLAN_MAX_EFFORT);
		r->cap_given[t] = true;
		r->capacity[t] = json_number_value(x);
	}
	return 0;
}

int plan_req_parse(json_t *body, struct plan_req *r, struct err *e)
{
	memset(r, 0, sizeof *r);
	if (!json_is_object(body))
		return err_invalid(e, NULL, "the body must be an object {\"period\", \"capacity\", \"must\", \"exclude\", \"candidates\"}");
	static const char *const known[] = {"period", "capacity", "must", "exclude", "candidates"};
	const char *k;
	json_t *v;
	json_object_foreach(body, k, v)
	{
		size_t i = 0;
		while (i < COUNT(known) && strcmp(k, known[i]))
			i++;
		if (i == COUNT(known))
			return err_invalid(e, k, "unknown field %.60s; a plan takes period, capacity, must, exclude and candidates", k);
	}
	v = json_object_get(body, "period");
	if (!v)
		return err_invalid(e, "period", "period is required, e.g. 2027-Q1");
	if (!json_is_string(v) || !valid_period(json_string_value(v)))
		return err_invalid(e, "period", "period must be a quarter (2027-Q1), a half year (2027-H1) or a month (2027-03)");
	strcpy(r->period, json_string_value(v));
	if ((v = json_object_get(body, "capacity")) && !json_is_null(v) && parse_capacity(v, r, e) < 0)
		return -1;
	if ((v = json_object_get(body, "must")) && !json_is_null(v) && parse_ids(v, "must", &r->must, &r->nmust, e) < 0)
		return -1;
	if ((v = json_object_get(body, "exclude")) && !json_is_null(v) &&
	    parse_ids(v, "exclude", &r->exclude, &r->nexclude, e) < 0)
		return -1;
	if ((v = json_object_get(body, "candidates")) && !json_is_null(v)) {
		if (parse_ids(v, "candidates", &r->candidates, &r->ncandidates, e) < 0)
			return -1;
		r->has_candidates = true;
	}
	for (int i = 0; i < r->nmust; i++)
		if (has_id(r->exclude, r->nexclude, r->must[i]))
			return err_invalid(e, "exclude", "#%lld is both a must-include and excluded", r->must[i]);
	return 0;
}

void plan_req_free(struct plan_req *r)
{
	free(r->must), free(r->exclude), free(r->candidates);
	r->must = r->exclude = r->candidates = NULL;
	r->nmust = r->nexclude = r->ncandidates = 0;
}

/* Sorted ids as JSON text, bound to json_each(?): one parameter whatever their number. */
static char *ids_text(const long long *ids, int n)
{
	json_t *a = json_array();
	for (int i = 0; i < n; i++)
		json_array_append_new(a, json_integer(ids[i]));
	char *t = json_dumps(a, JSON_COMPACT);
	json_decref(a);
	return t ? t : xstrdup("[]");
}

/* Every id of must, exclude and candidates names a feature that exists; must and candidates not merged. */
static int check_known(db *d, const struct plan_req *r, struct err *e)
{
	const long long *lists[3] = {r->must, r->exclude, r->candidates};
	const int counts[3] = {r->nmust, r->nexclude, r->ncandidates};
	const char *fields[3] = {"must", "exclude", "candidates"};
	for (int l = 0; l < 3; l++) {
		if (counts[l] == 0)
			continue;
		char *text = ids_text(lists[l], counts[l]);
		long long *found = xmalloc((size_t)counts[l] * sizeof *found), merged = 0, into = 0;
		int nfound = 0, rc = DB_ERR;
		db_stmt *s = query_q(d, Q_PLAN_FOUND, "t", text);
		while (s && (rc = db_step(s)) == DB_ROW && nfound < counts[l]) {
			found[nfound++] = db_col_int(s, 0);
			if (!db_col_null(s, 1) && l != 1 && !merged)
				merged = db_col_int(s, 0), into = db_col_int(s, 1);
		}
		db_done(s);
		free(text);
		long long missing = 0;
		for (int k = 0; k < counts[l] && !missing; k++)
			if (!has_id(found, nfound, lists[l][k]))
				missing = lists[l][k];
		free(found);
		if (rc != DB_DONE && rc != DB_ROW)
			return err_internal(e);
		if (missing)
			return err_invalid(e, fields[l], "%s: there is no feature #%lld", fields[l], missing);
		if (merged)
			return err_invalid(e, fields[l], "%s: #%lld was merged into #%lld; plan that one instead", fields[l],
			                   merged, into);
	}
	return 0;
}

/* Candidate ids (sorted, distinct): r's list or the default set, plus the must-includes. */
static long long *candidate_ids(db *d, const struct plan_req *r, int *n, struct err *e)
{
	long long *ids;
	int len = 0, cap;
	if (r->has_candidates) {
		cap = r->ncandidates + r->nmust;
		ids = xmalloc((size_t)(cap ? cap : 1) * sizeof *ids);
		memcpy(ids, r->candidates, (size_t)r->ncandidates * sizeof *ids);
		len = r->ncandidates;
	} else {
		cap = 64 + r->nmust;
		ids = xmalloc((size_t)cap * sizeof *ids);
		db_stmt *s = db_q(d, "SELECT id FROM features WHERE merged_into IS NULL AND (status = 'accepted' OR "
		                     "(status = 'planned' AND (period IS NULL OR period = ?))) ORDER BY id",
		                  "t", r->period);
		int rc = DB_ERR;
		while (s && (rc = db_step(s)) == DB_ROW) {
			if (len == cap - r->nmust)
				cap *= 2, ids = xrealloc(ids, (size_t)cap * sizeof *ids);
			ids[len++] = db_col_int(s, 0);
		}
		db_done(s);
		if (rc != DB_DONE) {
			free(ids);
			err_internal(e);
			return NULL;
		}
	}
	int base = len;
	for (int i = 0; i < r->nmust; i++)
		if (!has_id(ids, base, r->must[i]))
			ids[len++] = r->must[i];
	qsort(ids, (size_t)len, sizeof *ids, cmp_ll);
	*n = len;
	return ids;
}

/* What the plan works on: the candidates with titles, efforts, scores and dependencies. */
struct pdata {
	int n;
	long long *ids;
	char **titles;
	struct plan_candidate *c;
	long long *deps;
	struct score *scores;
	double capacity[PLAN_TEAM__MAX];
};

static void pdata_free(struct pdata *p)
{
	for (int i = 0; p->titles && i < p->n; i++)
		free(p->titles[i]);
	free(p->ids), free(p->titles), free(p->c), free(p->deps), free(p->scores);
}

static int index_of(const struct pdata *p, long long id)
{
	long long *hit = bsearch(&id, p->ids, (size_t)p->n, sizeof *p->ids, cmp_ll);
	return hit ? (int)(hit - p->ids) : -1;
}

static int load_candidates(db *d, const struct plan_req *r, struct pdata *p, struct err *e)
{
	char *text = ids_text(p->ids, p->n);
	db_stmt *s = query_q(d, Q_PLAN_CANDIDATES, "t", text);
	int rc = DB_ERR;
	while (s && (rc = db_step(s)) == DB_ROW) {
		int i = index_of(p, db_col_int(s, 0));
		if (i < 0)
			continue;
		p->titles[i] = xstrdup(db_col_text(s, 1) ? db_col_text(s, 1) : "");
		for (int t = 0; t < PLAN_TEAM__MAX; t++)
			p->c[i].effort[t] = db_col_null(s, 2 + t) ? 0 : db_col_double(s, 2 + t);
	}
	db_done(s);
	/* dependencies; one that has shipped, is in progress, or is planned for an earlier period of the same
	 * form (2027-Q1 before 2027-Q3) is met and no longer constrains the plan */
	int total = 0, cap = 64;
	p->deps = xmalloc((size_t)cap * sizeof *p->deps);
	long long *owner = xmalloc((size_t)cap * sizeof *owner);
	s = rc == DB_DONE ? query_q(d, Q_PLAN_DEPS, "tt", text, r->period) : NULL;
	rc = DB_ERR;
	while (s && (rc = db_step(s)) == DB_ROW) {
		if (total == cap) {
			cap *= 2;
			p->deps = xrealloc(p->deps, (size_t)cap * sizeof *p->deps);
			owner = xrealloc(owner, (size_t)cap * sizeof *owner);
		}
		owner[total] = db_col_int(s, 0);
		p->deps[total++] = db_col_int(s, 1);
	}
	db_done(s);
	free(text);
	for (int k = 0, i = 0; k < total; k++) { /* rows are by feature id, as the candidates */
		while (i < p->n && p->ids[i] < owner[k])
			i++;
		if (i < p->n && p->ids[i] == owner[k]) {
			if (p->c[i].ndeps == 0)
				p->c[i].deps = &p->deps[k];
			p->c[i].ndeps++;
		}
	}
	free(owner);
	if (rc != DB_DONE)
		return err_internal(e);
	for (int i = 0; i < p->n; i++) {
		p->c[i].id = p->ids[i];
		p->c[i].must = has_id(r->must, r->nmust, p->ids[i]);
		p->c[i].exclude = has_id(r->exclude, r->nexclude, p->ids[i]);
		if (!p->titles[i])
			p->titles[i] = xstrdup("");
	}
	return 0;
}

/* Capacity: r's teams, else the stored row's; 400 naming the period when neither exists. */
static int load_capacity(db *d, const struct plan_req *r, struct pdata *p, struct err *e)
{
	bool stored = false, given = false;
	double row[PLAN_TEAM__MAX] = {0};
	db_stmt *s = db_q(d, "SELECT eng, design, mkt FROM capacity WHERE period = ?", "t", r->period);
	if (!s)
		return err_internal(e);
	if (db_step(s) == DB_ROW) {
		stored = true;
		for (int t = 0; t < PLAN_TEAM__MAX; t++)
			row[t] = db_col_double(s, t);
	}
	db_done(s);
	for (int t = 0; t < PLAN_TEAM__MAX; t++) {
		given |= r->cap_given[t];
		p->capacity[t] = r->cap_given[t] ? r->capacity[t] : row[t];
	}
	if (!stored && !given)
		return err_invalid(e, "period", "no capacity is stored for %s; set it (tandem capacity set --period %s ...) "
		                                "or send capacity {\"eng\", \"design\", \"mkt\"}", r->period, r->period);
	return 0;
}

static json_t *team_json(const double v[PLAN_TEAM__MAX])
{
	json_t *o = json_object();
	for (int t = 0; t < PLAN_TEAM__MAX; t++)
		json_object_set_new(o, team_keys[t], json_real(score_round2(v[t])));
	return o;
}

/* The solver's refusal as a client error. */
static int refusal(const struct plan_result *res, struct err *e)
{
	const char *f = res->field;
	if (!f) {
		log_error("plan: %s", res->error);
		return err_set(e, 500, "internal", NULL, "the plan could not be computed: %s", res->error);
	}
	if (!strcmp(f, "must") || !strcmp(f, "depends_on"))
		return err_set(e, 422, "infeasible", f, "%s", res->error);
	return err_invalid(e, f, "%s", res->error);
}

static json_t *answer(const struct plan_req *r, const struct pdata *p, const struct plan_result *res)
{
	json_t *chosen = json_array(), *items = json_array(), *cut = json_array();
	for (int k = 0; k < res->nchosen; k++) {
		int i = index_of(p, res->chosen[k]);
		json_array_append_new(chosen, json_integer(res->chosen[k]));
		json_array_append_new(items, json_pack("{sIsssfso}", "id", (json_int_t)p->ids[i], "title", p->titles[i],
		                                       "value", p->c[i].value, "effort", team_json(p->c[i].effort)));
	}
	for (int k = 0; k < res->ncut; k++) {
		int i = index_of(p, res->cut[k].id);
		json_array_append_new(cut, json_pack("{sIssss}", "id", (json_int_t)res->cut[k].id, "title", p->titles[i],
		                                     "reason", res->cut[k].reason));
	}
	const char *msg = res->optimal ? "proven optimal: no other choice of candidates has a higher total value"
	                               : res->error;
	return json_pack("{sbsbsfsosososfsfsssossso}", "optimal", res->optimal, "feasible", res->feasible, "value",
	                 score_round2(res->value), "chosen", chosen, "used", team_json(res->used), "cut", cut,
	                 "top3_share", round(res->top3_share * 10000) / 10000, "top5_share",
	                 round(res->top5_share * 10000) / 10000, "period", r->period, "capacity", team_json(p->capacity),
	                 "message", msg, "items", items);
}

json_t *plan_compute(db *d, const struct plan_req *r, struct err *e)
{
	struct pdata p = {0};
	if (load_capacity(d, r, &p, e) < 0 || check_known(d, r, e) < 0)
		return NULL;
	p.ids = candidate_ids(d, r, &p.n, e);
	if (!p.ids)
		return NULL;
	if (p.n == 0) {
		free(p.ids);
		err_invalid(e, "candidates", r->has_candidates ? "candidates is empty: nothing to plan"
		                                                : "no candidates: no feature is accepted or planned for %s",
		            r->period);
		return NULL;
	}
	p.titles = calloc((size_t)p.n, sizeof *p.titles);
	p.c = calloc((size_t)p.n, sizeof *p.c);
	p.scores = xmalloc((size_t)p.n * sizeof *p.scores);
	if (!p.titles || !p.c)
		die_oom();
	json_t *out = NULL;
	struct score_weights w;
	score_weights_get(d, &w);
	int rc = load_candidates(d, r, &p, e);
	if (rc == 0 && score_batch(d, &w, p.ids, p.n, p.scores) < 0)
		rc = err_internal(e);
	if (rc < 0) {
		pdata_free(&p);
		return NULL;
	}
	for (int i = 0; i < p.n; i++)
		p.c[i].value = p.scores[i].score;
	struct plan_input in = {p.n, p.c, {p.capacity[0], p.capacity[1], p.capacity[2]}, r->time_limit};
	struct plan_result res;
	if (plan_solve(&in, &res) < 0)
		refusal(&res, e);
	else if (!(out = answer(r, &p, &res)))
		err_internal(e);
	plan_result_free(&res);
	pdata_free(&p);
	return out;
}

/* Set a feature's status and period through the entity engine (version bump, audit); 0 when it already had
 * them. */
static int set_status(db *d, const struct entity *fe, long long actor, long long id, const char *status,
                      const char *period, struct err *e)
{
	json_t *in = json_pack("{ssso}", "status", status, "period", period ? json_string(period) : json_null());
	long long version = db_int(d, -1, "SELECT version FROM features WHERE id = ?", "i", id);
	int rc = entity_update(d, fe, actor, id, in, version, e);
	json_decref(in);
	return rc;
}

json_t *plan_off_release(db *d)
{
	json_t *out = json_array();
	db_stmt *s = db_q(d,
	                  "SELECT f.id, f.title, f.period, rel.id, rel.name, rel.target_date FROM features f "
	                  "JOIN releases rel ON rel.id = f.release_id WHERE f.status IN ('planned', 'in_progress') "
	                  "AND f.merged_into IS NULL AND f.period IS NOT NULL AND rel.status <> 'cancelled' ORDER BY f.id",
	                  "");
	while (s && db_step(s) == DB_ROW) {
		char from[11], to[11], msg[600];
		const char *period = db_col_text(s, 2), *target = db_col_text(s, 5);
		if (!period_range(period, from, to) || (strcmp(target, from) >= 0 && strcmp(target, to) <= 0))
			continue;
		snprintf(msg, sizeof msg, "Feature \"%.200s\" is planned for %s, but its release \"%.200s\" ships on %s.",
		         db_col_text(s, 1), period, db_col_text(s, 4), target);
		json_array_append_new(out, json_pack("{sIsssssIssss}", "id", (json_int_t)db_col_int(s, 0), "title",
		                                     db_col_text(s, 1), "period", period, "release_id",
		                                     (json_int_t)db_col_int(s, 3), "target_date", target, "message", msg));
	}
	db_done(s);
	return out;
}

/* Of the features planned off their release, those this apply planned: what Apply warns about. */
static json_t *release_warnings(db *d, json_t *applied)
{
	json_t *all = plan_off_release(d), *out = json_array(), *w, *id;
	size_t i, k;
	json_array_foreach(all, i, w) json_array_foreach(applied, k, id) if (json_integer_value(id) == jget_int(w, "id"))
	{
		json_object_del(w, "period");
		json_array_append(out, w);
	}
	json_decref(all);
	return out;
}

json_t *plan_apply(db *d, long long actor, const struct plan_req *r, struct err *e)
{
	const struct entity *fe = entity_find("features");
	if (!fe) {
		err_set(e, 500, "internal", NULL, "applying a plan needs the features kind, which this build does not describe");
		return NULL;
	}
	json_t *ans = plan_compute(d, r, e);
	if (!ans)
		return NULL;
	json_t *applied = json_array(), *unplanned = json_array();
	json_object_set_new(ans, "applied", applied);
	json_object_set_new(ans, "unplanned", unplanned);
	size_t i;
	json_t *x;
	json_array_foreach(json_object_get(ans, "chosen"), i, x)
	{
		if (set_status(d, fe, actor, json_integer_value(x), "planned", r->period, e) < 0) {
			json_decref(ans);
			return NULL;
		}
		json_array_append_new(applied, json_integer(json_integer_value(x)));
	}
	json_array_foreach(json_object_get(ans, "cut"), i, x)
	{
		long long id = json_integer_value(json_object_get(x, "id"));
		if (db_int(d, 0, "SELECT count(*) FROM features WHERE id = ? AND status = 'planned' AND period = ?", "it", id,
		           r->period) == 0)
			continue;
		if (set_status(d, fe, actor, id, "accepted", NULL, e) < 0) {
			json_decref(ans);
			return NULL;
		}
		json_array_append_new(unplanned, json_integer(id));
	}
	json_object_set_new(ans, "release_warnings", release_warnings(d, applied));
	return ans;
}

static const struct field capacity_members[] = {
	{"eng", "Engineering", FT_NUMBER, 0, 0, 0, PLAN_MAX_EFFORT, .help = "Person-weeks"},
	{"design", "Design", FT_NUMBER, 0, 0, 0, PLAN_MAX_EFFORT, .help = "Person-weeks"},
	{"mkt", "Marketing", FT_NUMBER, 0, 0, 0, PLAN_MAX_EFFORT, .help = "Person-weeks"},
};

static const struct field plan_fields[] = {
	{"period", "Period", FT_STRING, F_REQUIRED, 7, .help = "A quarter (2027-Q1), a half year (2027-H1) or a month"},
	{"capacity", "Capacity", FT_RECORD, 0, .sub = capacity_members, .nsub = COUNT(capacity_members),
	 .help = "Person-weeks per team; the period's stored capacity for the teams not given"},
	{"must", "Must include", FT_IDS, 0, PLAN_MAX_CANDIDATES, .ref = "features"},
	{"exclude", "Exclude", FT_IDS, 0, PLAN_MAX_CANDIDATES, .ref = "features"},
	{"candidates", "Candidates", FT_IDS, 0, PLAN_MAX_CANDIDATES, .ref = "features",
	 .help = "The features to choose from; without it every accepted feature, and those planned for the period"},
};

/* Compute (x->action is plan_action) or apply the plan the input asks for; checked by the fields, read by
 * plan_req_parse. */
static int plan_run(struct act *x)
{
	struct plan_req r;
	if (plan_req_parse(x->raw, &r, x->err) == 0)
		x->out = x->action == &plan_apply_action ? plan_apply(x->d, x->actor, &r, x->err) : plan_compute(x->d, &r, x->err);
	plan_req_free(&r);
	return x->out ? 0 : -1;
}

const struct action plan_action = {
	.name = "plan", .input = "PlanRequest", .one = "a plan", .method = HTTP_POST, .api_path = "/api/v1/plan", .rank = RANK_VIEWER,
	.flags = A_READ, .fields = plan_fields, .nfields = COUNT(plan_fields),
	.summary = "Compute the optimal plan for a period", .answer = "Plan", .run = plan_run,
};

const struct action plan_apply_action = {
	.name = "plan-apply", .input = "PlanRequest", .one = "a plan", .verb = "planned", .method = HTTP_POST, .api_path = "/api/v1/plan/apply",
	.page_path = "/plan/apply", .rank = RANK_EDITOR, .fields = plan_fields, .nfields = COUNT(plan_fields),
	.summary = "Compute the plan and mark the chosen features planned for the period", .answer = "PlanApplied",
	.button = "Apply: mark the chosen features planned for this period", .run = plan_run,
};

