/* score.c — feature scores: goal value, evidence demand and RICE, weighted by the workspace's setting. */
#include "score.h"
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include "demand.h"
#include "model/queries.h"
#include "model/users.h"
#include "platform/util.h"

static const char *const weight_names[3] = {"goal", "demand", "rice"};
static const char *const team_keys[3] = {"eng", "design", "mkt"};

double score_round2(double v)
{
	double r = round(v * 100.0) / 100.0;
	return r == 0 ? 0 : r; /* no -0 */
}

static const struct field weight_fields[] = {
	{"goal", "Goal value", FT_NUMBER, F_REQUIRED, 0, 0, SCORE_W_MAX, .dflt = "10",
	 .help = "Points per unit of goal weight (a feature linked to two goals with weight 3 has 6 units)"},
	{"demand", "Evidence demand", FT_NUMBER, F_REQUIRED, 0, 0, SCORE_W_MAX, .dflt = "2",
	 .help = "Points per unit of customer demand (importance, weighted by the account's ARR)"},
	{"rice", "RICE", FT_NUMBER, F_REQUIRED, 0, 0, SCORE_W_MAX, .dflt = "0.05",
	 .help = "Points per unit of reach × impact × confidence ÷ effort"},
};

static int weights_check(json_t *obj, json_t *sent, struct err *e)
{
	(void)sent;
	for (int i = 0; i < 3; i++)
		if (json_number_value(json_object_get(obj, weight_names[i])) > 0)
			return 0;
	return err_invalid(e, "goal", "at least one weight must be above 0, or every score would be 0");
}

const struct setting score_setting = {
	.name = "score", .label = "Score weights", .schema = "ScoreWeights", .fields = weight_fields,
	.nfields = COUNT(weight_fields), .key = SCORE_SETTINGS_KEY, .replace = true, .write_rank = RANK_LEADER,
	.check = weights_check, .summary_get = "The score formula's weights",
	.summary_put = "Change the score formula's weights (all three)",
};

void score_weights_get(db *d, struct score_weights *w)
{
	json_t *v = setting_get(d, &score_setting);
	*w = (struct score_weights){json_number_value(json_object_get(v, "goal")),
	                            json_number_value(json_object_get(v, "demand")),
	                            json_number_value(json_object_get(v, "rice"))};
	json_decref(v);
}

json_t *score_weights_json(const struct score_weights *w)
{
	return json_pack("{sfsfsf}", "goal", w->goal, "demand", w->demand, "rice", w->rice);
}

/* ids[] by id, to find every slot of a feature id among the requested ones. */
struct slot {
	long long id;
	int i;
};

static int cmp_slot(const void *a, const void *b)
{
	long long x = ((const struct slot *)a)->id, y = ((const struct slot *)b)->id;
	return (x > y) - (x < y);
}

/* Index of the first slot with this id in sorted s[n], or -1. */
static int first_slot(const struct slot *s, int n, long long id)
{
	int lo = 0, hi = n;
	while (lo < hi) {
		int mid = lo + (hi - lo) / 2;
		if (s[mid].id < id)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo < n && s[lo].id == id ? lo : -1;
}

/* Each requested feature (every slot) that a row names; `for` over the slots with one id. */
#define FOR_SLOTS(SL, N, ID, K) for (int K = first_slot((SL), (N), (ID)); K >= 0 && K < (N) && (SL)[K].id == (ID); K++)

/* The requested ids as JSON text for json_each(?): one bound parameter whatever their number. */
static char *ids_json(const long long *ids, int n)
{
	json_t *a = json_array();
	for (int i = 0; i < n; i++)
		json_array_append_new(a, json_integer(ids[i]));
	char *text = json_dumps(a, JSON_COMPACT);
	json_decref(a);
	return text;
}

static int load_features(db *d, const char *ids, const struct slot *sl, int n, struct score *out)
{
	db_stmt *s = query_q(d, Q_SCORE_FEATURES, "t", ids);
	if (!s)
		return -1;
	int rc;
	while ((rc = db_step(s)) == DB_ROW) {
		FOR_SLOTS(sl, n, db_col_int(s, 0), k)
		{
			struct score *o = &out[sl[k].i];
			o->found = true;
			o->no_reach = db_col_null(s, 1);
			o->reach = o->no_reach ? 0 : db_col_double(s, 1);
			o->no_impact = db_col_null(s, 2);
			o->impact = o->no_impact ? SCORE_DEFAULT_IMPACT : db_col_double(s, 2);
			o->no_confidence = db_col_null(s, 3);
			o->confidence = o->no_confidence ? SCORE_DEFAULT_CONFIDENCE : db_col_double(s, 3);
			o->effort = 0;
			for (int t = 0; t < 3; t++) {
				o->effort_team[t] = db_col_null(s, 4 + t) ? 0 : db_col_double(s, 4 + t);
				o->effort += o->effort_team[t];
			}
		}
	}
	db_done(s);
	return rc == DB_DONE ? 0 : -1;
}

static int load_goals(db *d, const char *ids, const struct slot *sl, int n, struct score *out)
{
	db_stmt *s = query_q(d, Q_SCORE_GOALS, "t", ids);
	if (!s)
		return -1;
	int rc;
	while ((rc = db_step(s)) == DB_ROW)
		FOR_SLOTS(sl, n, db_col_int(s, 0), k)
		{
			out[sl[k].i].goal_value = db_col_double(s, 1);
			out[sl[k].i].goals = (int)db_col_int(s, 2);
		}
	db_done(s);
	return rc == DB_DONE ? 0 : -1;
}

/* Are the evidence tables (the evidence issue's feature_insights and insights) there to read? */
static bool evidence_tables(db *d)
{
	return db_has_table(d, "feature_insights") && db_has_table(d, "insights") &&
	       db_has_column(d, "feature_insights", "importance") && db_has_column(d, "feature_insights", "insight_id") &&
	       db_has_column(d, "insights", "account_id");
}

/* Weighted demand: each linked insight counts its importance, times 1 + log10(1 + ARR / 10,000) when its
 * account's ARR is known, so a large account's voice counts more without drowning the rest. */
static int load_demand(db *d, const char *ids, const struct slot *sl, int n, struct score *out)
{
	if (!evidence_tables(d)) {
		for (int i = 0; i < n; i++)
			out[i].no_evidence_tables = true;
		return 0;
	}
	/* dismissed insights (when the table has the flag) are no evidence */
	db_stmt *s = query_q(d, db_has_column(d, "insights", "dismissed") ? Q_SCORE_DEMAND : Q_SCORE_DEMAND_ALL, "t", ids);
	if (!s)
		return -1;
	bool weighting = demand_arr_weighting(d); /* the workspace setting demand.arr_weighting (demand.c) */
	int rc;
	while ((rc = db_step(s)) == DB_ROW) {
		double imp = db_col_double(s, 1), arr = db_col_null(s, 2) ? 0 : db_col_double(s, 2);
		double factor = demand_arr_factor(arr, weighting); /* 1 + log10(1 + ARR / 10,000); 1 when off */
		FOR_SLOTS(sl, n, db_col_int(s, 0), k)
		out[sl[k].i].demand += imp * factor;
	}
	db_done(s);
	return rc == DB_DONE ? 0 : -1;
}

static void compute(struct score *o, const struct score_weights *w)
{
	o->no_effort = !(o->effort > 0);
	double effort = o->no_effort ? SCORE_MIN_EFFORT : o->effort;
	o->rice = score_round2(o->reach * o->impact * o->confidence / effort);
	o->demand = score_round2(o->demand);
	double raw = w->goal * o->goal_value + w->demand * o->demand + w->rice * o->rice;
	o->terms[0] = score_round2(w->goal * o->goal_value);
	o->terms[1] = score_round2(w->demand * o->demand);
	o->terms[2] = score_round2(w->rice * o->rice);
	o->score = score_round2(raw);
}

int score_batch(db *d, const struct score_weights *w, const long long *ids, int n, struct score *out)
{
	if (n <= 0)
		return 0;
	struct slot *sl = xmalloc((size_t)n * sizeof *sl);
	for (int i = 0; i < n; i++) {
		sl[i] = (struct slot){ids[i], i};
		out[i] = (struct score){.id = ids[i]};
	}
	qsort(sl, (size_t)n, sizeof *sl, cmp_slot);
	char *text = ids_json(ids, n);
	int rc = !text ? -1 : load_features(d, text, sl, n, out);
	if (rc == 0)
		rc = load_goals(d, text, sl, n, out);
	if (rc == 0)
		rc = load_demand(d, text, sl, n, out);
	free(text);
	free(sl);
	if (rc < 0)
		return -1;
	for (int i = 0; i < n; i++) {
		if (out[i].found)
			compute(&out[i], w);
		else
			out[i] = (struct score){.id = ids[i]};
	}
	return 0;
}

json_t *score_json(const struct score *s, const struct score_weights *w)
{
	json_t *notes = json_array(), *team = json_object();
	for (int t = 0; t < 3; t++)
		json_object_set_new(team, team_keys[t], json_real(s->effort_team[t]));
	if (s->goals == 0)
		json_array_append_new(notes, json_string("no links to goals that count (dropped goals do not): goal value is 0"));
	if (s->no_evidence_tables)
		json_array_append_new(notes, json_string("evidence demand is 0 until insights can be linked to features"));
	else if (s->demand == 0)
		json_array_append_new(notes, json_string("no linked insights: evidence demand is 0"));
	if (s->no_reach)
		json_array_append_new(notes, json_string("no reach estimate: RICE is 0"));
	if (s->no_impact)
		json_array_append_new(notes, json_string("no impact estimate: counted as 1 (medium)"));
	if (s->no_confidence)
		json_array_append_new(notes, json_string("no confidence estimate: counted as 0.5"));
	if (s->no_effort)
		json_array_append_new(notes, json_string("no effort estimate: RICE divides by 0.5 person-weeks"));
	return json_pack("{sIsfsfsfsfsfsfsfsfsosos{sfsfsf}so}", "id", (json_int_t)s->id, "score", s->score, "goal_value",
	                 s->goal_value, "demand", s->demand, "rice", s->rice, "reach", s->reach, "impact", s->impact,
	                 "confidence", s->confidence, "effort", s->effort, "effort_by_team", team, "weights",
	                 score_weights_json(w), "terms", "goal", s->terms[0], "demand", s->terms[1], "rice", s->terms[2],
	                 "notes", notes);
}

json_t *feature_score(db *d, long long id, bool *missing)
{
	struct score_weights w;
	struct score s;
	score_weights_get(d, &w);
	*missing = false;
	if (score_batch(d, &w, &id, 1, &s) < 0)
		return NULL;
	if (!s.found) {
		*missing = true;
		return NULL;
	}
	return score_json(&s, &w);
}

struct scored {
	double score;
	long long id;
	json_t *item;
};

static int by_score(const void *a, const void *b)
{
	const struct scored *x = a, *y = b;
	return x->score < y->score ? -1 : x->score > y->score ? 1 : (x->id > y->id) - (x->id < y->id);
}

/* The score of each of a list's {id, ...} items, in its order (new, free it); NULL when they cannot be computed. */
static double *items_scores(db *d, json_t *items)
{
	size_t n = json_array_size(items);
	long long *ids = xmalloc(sizeof *ids * (n ? n : 1));
	struct score *sc = xmalloc(sizeof *sc * (n ? n : 1));
	double *out = xmalloc(sizeof *out * (n ? n : 1));
	for (size_t i = 0; i < n; i++)
		ids[i] = json_integer_value(json_object_get(json_array_get(items, i), "id"));
	struct score_weights w;
	score_weights_get(d, &w);
	bool ok = score_batch(d, &w, ids, (int)n, sc) == 0;
	for (size_t i = 0; ok && i < n; i++)
		out[i] = sc[i].score;
	free(ids), free(sc);
	if (!ok)
		free(out);
	return ok ? out : NULL;
}

void score_sort_items(db *d, json_t *items, bool desc)
{
	size_t n = json_array_size(items);
	if (n < 2)
		return;
	double *sc = items_scores(d, items);
	struct scored *v = xmalloc(sizeof *v * n);
	for (size_t i = 0; i < n; i++) {
		json_t *it = json_array_get(items, i);
		v[i] = (struct scored){.score = sc ? sc[i] : 0, .id = json_integer_value(json_object_get(it, "id")), .item = json_incref(it)};
	}
	qsort(v, n, sizeof *v, by_score);
	json_array_clear(items);
	for (size_t i = 0; i < n; i++)
		json_array_append_new(items, v[desc ? n - 1 - i : i].item);
	free(sc), free(v);
}

void score_annotate_items(db *d, json_t *items)
{
	double *sc = items_scores(d, items);
	for (size_t i = 0; sc && i < json_array_size(items); i++)
		json_object_set_new(json_array_get(items, i), "score", json_real(sc[i]));
	free(sc);
}
