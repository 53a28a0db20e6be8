/* align_features.c — alignment rules about the backlog and the plan: planned work that serves no goal,
 * persona or metric, plans over capacity, goals nobody works on, accepted requests that are out of scope. */
#include <ctype.h>
#include <stdio.h>
#include <string.h>
#include "align.h"
#include "model/queries.h"
#include "platform/buf.h"

/* Planned means on the way: planned or in progress, and not a merged duplicate. */
#define PLANNED "status IN ('planned', 'in_progress') AND merged_into IS NULL"

static void features_where(db *d, struct align_report *r, const struct align_rule *rule, const char *sql,
                           const char *fmt_message, const char *hint)
{
	db_stmt *s = db_q(d, sql, "");
	while (s && db_step(s) == DB_ROW) {
		char msg[400];
		snprintf(msg, sizeof msg, fmt_message, db_col_text(s, 1));
		align_add(r, rule, "features", db_col_int(s, 0), db_col_text(s, 1), msg, hint);
	}
	db_done(s);
}

void rule_feature_no_goal(db *d, struct align_report *r, const struct align_rule *self)
{
	features_where(d, r, self,
	               "SELECT id, title FROM features WHERE " PLANNED
	               " AND NOT EXISTS (SELECT 1 FROM feature_goals g WHERE g.feature_id = features.id) ORDER BY id",
	               "Planned feature \"%s\" is linked to no goal.",
	               "Link it to the goal it moves, with a weight, or take it out of the plan.");
}

void rule_feature_no_persona(db *d, struct align_report *r, const struct align_rule *self)
{
	features_where(d, r, self,
	               "SELECT id, title FROM features WHERE " PLANNED
	               " AND NOT EXISTS (SELECT 1 FROM feature_personas p WHERE p.feature_id = features.id) ORDER BY id",
	               "Planned feature \"%s\" names no persona it serves.",
	               "Name the personas it is for, so marketing knows whom to tell.");
}

void rule_feature_no_success_metric(db *d, struct align_report *r, const struct align_rule *self)
{
	features_where(d, r, self,
	               "SELECT id, title FROM features WHERE " PLANNED
	               " AND (success_metric IS NULL OR trim(success_metric) = '') ORDER BY id",
	               "Planned feature \"%s\" has no success metric.",
	               "Say how you will know it worked: a metric, its baseline and a target.");
}

/* For each period with capacity: the planned features' effort per team against it. */
void rule_plan_over_capacity(db *d, struct align_report *r, const struct align_rule *self)
{
	db_stmt *s = db_q(d,
	                  "SELECT c.id, c.period, c.eng, c.design, c.mkt, sum(coalesce(f.effort_eng, 0)), "
	                  "sum(coalesce(f.effort_design, 0)), sum(coalesce(f.effort_mkt, 0)) FROM capacity c "
	                  "JOIN features f ON f.period = c.period AND f.status IN ('planned', 'in_progress') "
	                  "AND f.merged_into IS NULL GROUP BY c.id ORDER BY c.period",
	                  "");
	static const char *const teams[] = {"eng", "design", "mkt"};
	while (s && db_step(s) == DB_ROW) {
		char msg[400] = "";
		size_t o = 0;
		for (int t = 0; t < 3; t++) {
			double cap = db_col_double(s, 2 + t), used = db_col_double(s, 5 + t);
			if (used > cap + 1e-9 && o < sizeof msg)
				o += (size_t)snprintf(msg + o, sizeof msg - o, "%s%s needs %g person-weeks of %g", o ? "; " : "",
				                      teams[t], used, cap);
		}
		if (o) {
			char full[480];
			snprintf(full, sizeof full, "The plan for %s is over capacity: %s.", db_col_text(s, 1), msg);
			align_add(r, self, "capacity", db_col_int(s, 0), db_col_text(s, 1), full,
			          "Run the plan for the period and apply it, or add capacity.");
		}
	}
	db_done(s);
}

void rule_goal_no_work(db *d, struct align_report *r, const struct align_rule *self)
{
	db_stmt *s = db_q(d,
	                  "SELECT id, title FROM goals WHERE status = 'active' AND NOT EXISTS (SELECT 1 FROM feature_goals "
	                  "g JOIN features f ON f.id = g.feature_id WHERE g.goal_id = goals.id AND f.status IN "
	                  "('accepted', 'planned', 'in_progress') AND f.merged_into IS NULL) ORDER BY id",
	                  "");
	while (s && db_step(s) == DB_ROW) {
		char msg[400];
		snprintf(msg, sizeof msg, "Goal \"%s\" has no accepted or planned feature working toward it.",
		         db_col_text(s, 1));
		align_add(r, self, "goals", db_col_int(s, 0), db_col_text(s, 1), msg,
		          "Link features to the goal, or reconsider whether the goal is still active.");
	}
	db_done(s);
}

/* Words of a statement worth matching: four letters or more, not a filler word. */
static int significant_words(const char *text, char words[][32], int max)
{
	static const char *const filler[] = {"with", "that", "this", "from", "into", "your", "their", "they", "will",
	                                     "what", "when", "which", "have", "more", "than", "them", "over", "only",
	                                     "also", "such", "each", "every", "about", "other", "general", "purpose"};
	int n = 0;
	const char *p = text;
	while (*p && n < max) {
		while (*p && !isalnum((unsigned char)*p))
			p++;
		char w[32];
		int len = 0;
		while (*p && isalnum((unsigned char)*p)) {
			if (len < 31)
				w[len++] = (char)tolower((unsigned char)*p);
			p++;
		}
		w[len] = 0;
		bool skip = len < 4;
		for (size_t i = 0; !skip && i < COUNT(filler); i++)
			skip = !strcmp(w, filler[i]);
		for (int i = 0; !skip && i < n; i++)
			skip = !strcmp(w, words[i]);
		if (!skip)
			memcpy(words[n++], w, (size_t)len + 1);
	}
	return n;
}

/* An accepted (or planned) feature whose title and description carry the words of an out-of-scope
 * statement: all of them for a statement of one or two words, at least two otherwise (stemmed). */
void rule_accepted_out_of_scope(db *d, struct align_report *r, const struct align_rule *self)
{
	/* the strategy's out-of-scope lines, a JSON list of strings */
	db_stmt *s = db_q(d, "SELECT out_of_scope FROM strategy WHERE id = 1", "");
	json_t *lines = s && db_step(s) == DB_ROW && db_col_text(s, 0) ? json_loads(db_col_text(s, 0), 0, NULL) : NULL;
	db_done(s);
	char statements[50][256];
	int ns = 0;
	size_t li;
	json_t *line;
	json_array_foreach(lines, li, line)
	{
		if (ns == 50)
			break;
		if (json_is_string(line))
			snprintf(statements[ns++], sizeof statements[0], "%s", json_string_value(line));
	}
	json_decref(lines);
	for (int i = 0; i < ns; i++) {
		char words[12][32];
		int nw = significant_words(statements[i], words, 12);
		if (nw == 0)
			continue;
		int need = nw <= 2 ? nw : 2;
		/* count, per feature, how many of the words its text matches */
		buf query;
		buf_init(&query);
		for (int k = 0; k < nw; k++)
			db_fts_word(&query, words[k], strlen(words[k]), DB_FTS_ANY);
		/* the word list as JSON for the per-word count */
		char list[512] = "[";
		size_t o = 1;
		for (int k = 0; k < nw; k++)
			o += (size_t)snprintf(list + o, sizeof list - o, "%s\"%s\"", k ? "," : "", words[k]);
		snprintf(list + o, sizeof list - o, "]");
		db_stmt *m = query_q(d, Q_OUT_OF_SCOPE_HITS, "tt", buf_str(&query), list);
		while (m && db_step(m) == DB_ROW) {
			if (db_col_int(m, 2) < need)
				continue;
			char msg[600];
			snprintf(msg, sizeof msg, "Feature \"%.200s\" was accepted, but it matches the out-of-scope line \"%.250s\".",
			         db_col_text(m, 1), statements[i]);
			align_add(r, self, "features", db_col_int(m, 0), db_col_text(m, 1), msg,
			          "Decline it citing that line, or change the strategy if the line no longer holds.");
		}
		db_done(m);
		buf_free(&query);
	}
}
