/* demand.c — weighted demand per account, the top-1/top-3 shares and the Herfindahl index, per feature and
 * over the plan; the demand settings (ARR weighting, concentration threshold, triage window). */
#include "demand.h"
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include "model/features.h"
#include "model/settings.h"
#include "model/users.h"
#include "platform/util.h"
#include "platform/json_get.h"

double demand_arr_factor(double arr, bool weighting)
{
	return weighting && arr > 0 ? 1.0 + log10(1.0 + arr / 10000.0) : 1.0;
}

/* One value of the demand settings (the stored one, or its default). */
static json_t *demand_value(db *d, const char *name)
{
	json_t *all = setting_get(d, &demand_setting), *v = json_incref(json_object_get(all, name));
	json_decref(all);
	return v;
}

bool demand_arr_weighting(db *d)
{
	json_t *raw = settings_get(d, DEMAND_ARR_KEY, NULL); /* early versions stored "on"/"off" */
	bool legacy_off = json_is_string(raw) && !strcmp(json_string_value(raw), "off");
	json_decref(raw);
	if (legacy_off)
		return false;
	json_t *v = demand_value(d, "arr_weighting");
	bool on = !json_is_false(v);
	json_decref(v);
	return on;
}

double demand_threshold(db *d)
{
	json_t *v = demand_value(d, "concentration_threshold");
	double t = json_number_value(v);
	json_decref(v);
	return t > 0 ? t : DEMAND_THRESHOLD_DEFAULT;
}

int demand_triage_days(db *d)
{
	json_t *v = demand_value(d, "triage_days");
	int n = (int)json_integer_value(v);
	json_decref(v);
	return n >= 1 ? n : TRIAGE_DAYS_DEFAULT;
}

static int cmp_desc(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;
	return (x < y) - (x > y);
}

void demand_concentration(double *acc, int n, double unattributed, struct demand_stats *out)
{
	*out = (struct demand_stats){.unattributed = unattributed, .accounts = n};
	if (n > 1)
		qsort(acc, (size_t)n, sizeof *acc, cmp_desc);
	double total = unattributed;
	for (int i = 0; i < n; i++)
		total += acc[i];
	out->total = total;
	if (!(total > 0))
		return;
	for (int i = 0; i < n; i++) {
		double share = acc[i] / total;
		if (i < 1)
			out->top1 += share;
		if (i < 3)
			out->top3 += share;
		out->hhi += share * share;
	}
}

static double round_to(double v, double scale)
{
	double r = round(v * scale) / scale;
	return r == 0 ? 0 : r;
}

/* The demand of one feature (or of the plan) by account, filled from grouped rows. */
struct account_demand {
	long long id;
	char *name;
	double demand;
};
struct bucket {
	struct account_demand *v;
	int n, cap;
	double unattributed;
};

/* One grouped row: columns col.. are account_id (NULL: no account), name, arr, Σ importance. */
static void bucket_add(struct bucket *b, db_stmt *s, int col, bool weighting)
{
	double imp = db_col_double(s, col + 3);
	if (db_col_null(s, col)) {
		b->unattributed += imp;
		return;
	}
	if (b->n == b->cap) {
		b->cap = b->cap ? 2 * b->cap : 16;
		b->v = xrealloc(b->v, sizeof *b->v * (size_t)b->cap);
	}
	const char *name = db_col_text(s, col + 1);
	double arr = db_col_null(s, col + 2) ? 0 : db_col_double(s, col + 2);
	b->v[b->n++] = (struct account_demand){db_col_int(s, col), xstrdup(name ? name : ""),
	                                       imp * demand_arr_factor(arr, weighting)};
}

static int cmp_account(const void *a, const void *b)
{
	const struct account_demand *x = a, *y = b;
	if (x->demand != y->demand)
		return (x->demand < y->demand) - (x->demand > y->demand);
	return (x->id > y->id) - (x->id < y->id);
}

/* Add the bucket's numbers to o (largest accounts first, at most max listed), then empty the bucket. */
static void bucket_emit(struct bucket *b, json_t *o, int max)
{
	if (b->n > 1)
		qsort(b->v, (size_t)b->n, sizeof *b->v, cmp_account);
	double *acc = xmalloc(sizeof *acc * (size_t)(b->n + 1));
	for (int i = 0; i < b->n; i++)
		acc[i] = b->v[i].demand;
	struct demand_stats st;
	demand_concentration(acc, b->n, b->unattributed, &st);
	free(acc);
	json_t *list = json_array();
	for (int i = 0; i < b->n; i++) {
		if (i < max)
			json_array_append_new(list, json_pack("{sIsssfsf}", "id", (json_int_t)b->v[i].id, "name", b->v[i].name,
			                                      "demand", round_to(b->v[i].demand, 100), "share",
			                                      st.total > 0 ? round_to(b->v[i].demand / st.total, 10000) : 0.0));
		free(b->v[i].name);
	}
	json_object_set_new(o, "demand", json_real(round_to(st.total, 100)));
	json_object_set_new(o, "top1_share", json_real(round_to(st.top1, 10000)));
	json_object_set_new(o, "top3_share", json_real(round_to(st.top3, 10000)));
	json_object_set_new(o, "hhi", json_real(round_to(st.hhi, 10000)));
	json_object_set_new(o, "unattributed_share",
	                    json_real(st.total > 0 ? round_to(st.unattributed / st.total, 10000) : 0.0));
	json_object_set_new(o, "account_count", json_integer(st.accounts));
	json_object_set_new(o, "accounts", list);
	b->n = 0;
	b->unattributed = 0;
}

static json_t *feature_head(db_stmt *s)
{
	json_t *o = json_pack("{sIss}", "id", (json_int_t)db_col_int(s, 0), "title", db_col_text(s, 1));
	json_object_set_new(o, "status", json_string(db_col_text(s, 2)));
	json_object_set_new(o, "period", jcol_str(s, 3));
	return o;
}

json_t *demand_feature(db *d, long long feature_id)
{
	db_stmt *s = db_q(d, "SELECT id, title, status, period FROM features WHERE id = ?", "i", feature_id);
	json_t *o = s && db_step(s) == DB_ROW ? feature_head(s) : NULL;
	db_done(s);
	if (!o)
		return NULL;
	bool weighting = demand_arr_weighting(d);
	struct bucket b = {0};
	s = db_q(d,
	         "SELECT i.account_id, a.name, a.arr, sum(fi.importance) FROM feature_insights fi "
	         "JOIN insights i ON i.id = fi.insight_id LEFT JOIN accounts a ON a.id = i.account_id "
	         "WHERE fi.feature_id = ? AND i.dismissed = 0 GROUP BY i.account_id",
	         "i", feature_id);
	int rc = DB_ERR;
	while (s && (rc = db_step(s)) == DB_ROW)
		bucket_add(&b, s, 0, weighting);
	db_done(s);
	bucket_emit(&b, o, DEMAND_LISTED_ACCOUNTS);
	free(b.v);
	if (rc != DB_DONE) {
		json_decref(o);
		return NULL;
	}
	return o;
}

/* The plan: planned or in progress, not merged, of the period when one is given (?1, NULL for all). */
#define IN_PLAN "f.status IN ('planned', 'in_progress') AND f.merged_into IS NULL AND (? IS NULL OR f.period = ?)"

static int cmp_feature(const void *a, const void *b)
{
	json_t *x = *(json_t *const *)a, *y = *(json_t *const *)b;
	double dx = json_real_value(json_object_get(x, "demand")), dy = json_real_value(json_object_get(y, "demand"));
	if (dx != dy)
		return (dx < dy) - (dx > dy);
	json_int_t ix = json_integer_value(json_object_get(x, "id")), iy = json_integer_value(json_object_get(y, "id"));
	return (ix > iy) - (ix < iy);
}

/* Each plan feature with its concentration, largest demand first, into features. */
static int report_features(db *d, const char *period, bool weighting, json_t *features)
{
	db_stmt *s = db_q(d, "SELECT f.id, f.title, f.status, f.period FROM features f WHERE " IN_PLAN " ORDER BY f.id",
	                  "tt", period, period);
	int rc = DB_ERR;
	while (s && (rc = db_step(s)) == DB_ROW)
		json_array_append_new(features, feature_head(s));
	db_done(s);
	if (rc != DB_DONE)
		return -1;
	s = db_q(d,
	         "SELECT fi.feature_id, i.account_id, a.name, a.arr, sum(fi.importance) FROM feature_insights fi "
	         "JOIN features f ON f.id = fi.feature_id JOIN insights i ON i.id = fi.insight_id "
	         "LEFT JOIN accounts a ON a.id = i.account_id WHERE i.dismissed = 0 AND " IN_PLAN
	         " GROUP BY fi.feature_id, i.account_id ORDER BY fi.feature_id",
	         "tt", period, period);
	rc = s ? db_step(s) : DB_ERR;
	struct bucket b = {0};
	size_t n = json_array_size(features);
	for (size_t k = 0; k < n; k++) { /* both in id order: walk them together */
		json_t *f = json_array_get(features, k);
		json_int_t id = json_integer_value(json_object_get(f, "id"));
		while (rc == DB_ROW && db_col_int(s, 0) < id)
			rc = db_step(s);
		while (rc == DB_ROW && db_col_int(s, 0) == id) {
			bucket_add(&b, s, 1, weighting);
			rc = db_step(s);
		}
		bucket_emit(&b, f, DEMAND_LISTED_ACCOUNTS);
	}
	while (rc == DB_ROW)
		rc = db_step(s);
	db_done(s);
	free(b.v);
	if (rc != DB_DONE)
		return -1;
	json_t **v = xmalloc(sizeof *v * (n + 1));
	for (size_t k = 0; k < n; k++)
		v[k] = json_incref(json_array_get(features, k));
	qsort(v, n, sizeof *v, cmp_feature);
	json_array_clear(features);
	for (size_t k = 0; k < n; k++)
		json_array_append_new(features, v[k]);
	free(v);
	return 0;
}

json_t *demand_report(db *d, const char *period, struct err *e)
{
	if (period && !valid_period(period)) {
		err_invalid(e, "period", "period must look like 2027-Q1, 2027-H1 or 2027-03");
		return NULL;
	}
	bool weighting = demand_arr_weighting(d);
	json_t *features = json_array();
	if (report_features(d, period, weighting, features) < 0) {
		json_decref(features);
		err_internal(e);
		return NULL;
	}
	/* overall: the sum of the plan's demand; an account's importance adds up across features */
	db_stmt *s = db_q(d,
	                  "SELECT i.account_id, a.name, a.arr, sum(fi.importance) FROM feature_insights fi "
	                  "JOIN features f ON f.id = fi.feature_id JOIN insights i ON i.id = fi.insight_id "
	                  "LEFT JOIN accounts a ON a.id = i.account_id WHERE i.dismissed = 0 AND " IN_PLAN " GROUP BY i.account_id",
	                  "tt", period, period);
	struct bucket b = {0};
	int rc = DB_ERR;
	while (s && (rc = db_step(s)) == DB_ROW)
		bucket_add(&b, s, 0, weighting);
	db_done(s);
	json_t *overall = json_pack("{si}", "features", (int)json_array_size(features));
	bucket_emit(&b, overall, 2 * DEMAND_LISTED_ACCOUNTS);
	free(b.v);
	if (rc != DB_DONE) {
		json_decref(features);
		json_decref(overall);
		err_internal(e);
		return NULL;
	}
	json_t *o = json_pack("{sososo}", "arr_weighting", json_boolean(weighting), "features", features, "overall",
	                      overall);
	json_object_set_new(o, "period", period ? json_string(period) : json_null());
	return o;
}

static const struct field demand_fields[] = {
	{"arr_weighting", "ARR weighting", FT_BOOL, 0, .dflt = "true",
	 .help = "Weight each insight's importance by its account's ARR (1 + log10(1 + ARR / 10,000))"},
	{"concentration_threshold", "Concentration threshold", FT_NUMBER, 0, 0, 0, 1, .dflt = "0.6",
	 .help = "The top account's share of a feature's demand above which it is flagged as concentrated"},
	{"triage_days", "Triage window (days)", FT_INT, 0, 0, 1, 3650, .dflt = "30",
	 .help = "Insights linked to no feature after this many days are flagged as untriaged"},
};
static const char *const demand_keys[] = {DEMAND_ARR_KEY, DEMAND_THRESHOLD_KEY, TRIAGE_DAYS_KEY};

static int demand_check(json_t *obj, json_t *sent, struct err *e)
{
	(void)sent;
	if (json_number_value(json_object_get(obj, "concentration_threshold")) <= 0)
		return err_invalid(e, "concentration_threshold",
		                   "concentration_threshold must be a share above 0 and at most 1, e.g. 0.6");
	return 0;
}

const struct setting demand_setting = {
	.name = "demand", .label = "Demand settings", .schema = "DemandSettings", .fields = demand_fields,
	.nfields = COUNT(demand_fields), .keys = demand_keys, .write_rank = RANK_LEADER, .check = demand_check,
	.summary_get = "ARR weighting, the concentration threshold and the triage window",
	.summary_put = "Change the demand settings (the fields sent)",
};

json_t *demand_settings_get(db *d) { return setting_get(d, &demand_setting); }
