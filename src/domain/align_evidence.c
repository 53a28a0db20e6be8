/* align_evidence.c — alignment rules about customer evidence: planned work nobody asked for, planned work
 * that one account carries, and insights left untriaged past the workspace's triage window. */
#include <stdio.h>
#include <string.h>
#include "align.h"
#include "demand.h"

/* A planned feature (planned or in progress, not merged) with no linked insight. */
void rule_feature_no_evidence(db *d, struct align_report *r, const struct align_rule *self)
{
	db_stmt *s = db_q(d,
	                  "SELECT id, title FROM features WHERE status IN ('planned', 'in_progress') AND merged_into IS NULL "
	                  "AND NOT EXISTS (SELECT 1 FROM feature_insights fi WHERE fi.feature_id = features.id) ORDER BY id",
	                  "");
	while (s && db_step(s) == DB_ROW) {
		char msg[400];
		snprintf(msg, sizeof msg, "Planned feature \"%.300s\" has no customer evidence linked to it.", db_col_text(s, 1));
		align_add(r, self, "features", db_col_int(s, 0), db_col_text(s, 1), msg,
		          "Link the insights that ask for it (the feature's page suggests some), or question why it is planned.");
	}
	db_done(s);
}

/* A planned feature with evidence from at least one account whose largest account carries more than the
 * threshold (setting demand.concentration_threshold, default 0.6) of its weighted demand. */
void rule_demand_concentrated(db *d, struct align_report *r, const struct align_rule *self)
{
	struct err e = {0};
	json_t *rep = demand_report(d, NULL, &e);
	if (!rep)
		return;
	double threshold = demand_threshold(d);
	size_t i;
	json_t *f;
	json_array_foreach(json_object_get(rep, "features"), i, f)
	{
		double top1 = json_number_value(json_object_get(f, "top1_share"));
		if (json_integer_value(json_object_get(f, "account_count")) < 1 || !(top1 > threshold))
			continue;
		const char *title = json_string_value(json_object_get(f, "title"));
		const char *who = json_string_value(json_object_get(json_array_get(json_object_get(f, "accounts"), 0), "name"));
		char msg[500];
		snprintf(msg, sizeof msg,
		         "Planned feature \"%.250s\" draws %.0f%% of its weighted demand from one account, %.100s (the "
		         "threshold is %.0f%%).",
		         title, 100 * top1, who ? who : "?", 100 * threshold);
		align_add(r, self, "features", json_integer_value(json_object_get(f, "id")), title, msg,
		          "Look for evidence from other accounts before building it for everyone, or record why one "
		          "account justifies it.");
	}
	json_decref(rep);
}

/* Insights that arrived more than insights.triage_days (default 30) before today and were never triaged:
 * linked to no feature and not dismissed. One finding for all of them (a workspace may hold a million
 * insights): the count, and the oldest as the object. */
void rule_insights_untriaged(db *d, struct align_report *r, const struct align_rule *self)
{
	int days = demand_triage_days(d);
	char cutoff[11]; /* arrived before this day: more than days days before today */
	if (!date_add(r->today, -days, cutoff))
		return;
	db_stmt *s = db_q(d,
	                  "SELECT id, substr(text, 1, 80), created_at, count(*) OVER () FROM insights WHERE dismissed = 0 "
	                  "AND created_at < ? AND NOT EXISTS (SELECT 1 FROM feature_insights fi "
	                  "WHERE fi.insight_id = insights.id) ORDER BY created_at, id LIMIT 1",
	                  "t", cutoff);
	if (s && db_step(s) == DB_ROW) {
		long long n = db_col_int(s, 3);
		char msg[400];
		snprintf(msg, sizeof msg,
		         "%lld insight%s waited more than %d days without triage (linked to no feature, not dismissed); "
		         "the oldest arrived on %.10s.",
		         n, n == 1 ? " has" : "s have", days, db_col_text(s, 2));
		align_add(r, self, "insights", db_col_int(s, 0), db_col_text(s, 1), msg,
		          "Link each to the features it supports, or dismiss it as not relevant; start with the oldest.");
	}
	db_done(s);
}
