/* demand.h — weighted evidence demand and its concentration: which accounts carry a feature, and the plan. */
#ifndef TANDEM_DEMAND_H
#define TANDEM_DEMAND_H
#include <jansson.h>
#include <stdbool.h>
#include "model/setting.h"
#include "platform/db.h"
#include "platform/err.h"

/* Workspace settings (settings.h), each its own key. */
#define DEMAND_ARR_KEY "demand.arr_weighting"                 /* true/false ("on"/"off" read too); default on */
#define DEMAND_THRESHOLD_KEY "demand.concentration_threshold" /* top-1 share above which a plan is concentrated */
#define DEMAND_THRESHOLD_DEFAULT 0.6
#define TRIAGE_DAYS_KEY "insights.triage_days"                /* days an insight may wait untriaged */
#define TRIAGE_DAYS_DEFAULT 30
#define DEMAND_LISTED_ACCOUNTS 10 /* accounts listed per feature; the overall lists twice as many */

/* The weight of one linked insight: importance × (1 + log10(1 + ARR / 10,000)) when weighting is on and the
 * account's ARR is known and above 0, else importance × 1. score.c and demand.c both use it. */
double demand_arr_factor(double arr, bool weighting);
/* The workspace's ARR weighting setting: true unless it is stored as false or "off". */
bool demand_arr_weighting(db *d);
/* The concentration threshold (0 < t <= 1) and the triage window in days, with their defaults. */
double demand_threshold(db *d);
int demand_triage_days(db *d);

/* Concentration of one body of demand (linked insights that are not dismissed). Insights without an
 * account are one "unattributed" bucket: their demand counts in the total (so they dilute the accounts'
 * shares) but they are no account, so they are never a top account and add nothing to the Herfindahl
 * index (many unknown voices: as if perfectly spread). */
struct demand_stats {
	double total;        /* Σ account demand + unattributed */
	double unattributed; /* demand from insights without an account */
	double top1, top3;   /* share of total from the 1 and 3 largest accounts (0 when total is 0) */
	double hhi;          /* Σ (account demand / total)² over the accounts, 0..1 */
	int accounts;        /* accounts with demand */
};
/* Stats of account demands acc[0..n) (any order; sorted descending in place) plus the unattributed demand. */
void demand_concentration(double *acc, int n, double unattributed, struct demand_stats *out);

/* One feature's concentration as a new object: {id, title, status, period, demand, top1_share, top3_share,
 * hhi, unattributed_share, account_count, accounts: [{id, name, demand, share}] (largest first, at most
 * DEMAND_LISTED_ACCOUNTS)}; NULL when the feature does not exist or the database fails. */
json_t *demand_feature(db *d, long long feature_id);
/* The plan's concentration: features planned or in progress (not merged), those of period when it is given
 * (NULL: all), each as demand_feature, largest demand first, and "overall" over the sum of their demand.
 * {"period", "arr_weighting", "features": [...], "overall": {...}}; NULL with e (400 naming period, 500). */
json_t *demand_report(db *d, const char *period, struct err *e);

/* {"arr_weighting", "concentration_threshold", "triage_days"} as a new object. */
json_t *demand_settings_get(db *d);
/* The demand settings as a setting group (model/setting.h): the fields given change (at least one):
 * arr_weighting boolean, concentration_threshold a number above 0 and at most 1, triage_days a whole number
 * 1..3650; each stored under its own key. */
extern const struct setting demand_setting;
#endif
