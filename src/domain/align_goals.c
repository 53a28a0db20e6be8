/* align_goals.c — alignment rules about goals: shared ownership, review cadence, closing past due. */
#include <stdio.h>
#include "align.h"
#include "model/queries.h"

/* Each rule: one query for the offending goals, one finding per row. */
static void goals_where(db *d, struct align_report *r, const struct align_rule *rule, const char *sql,
                        const char *fmt_message, const char *hint)
{
	db_stmt *s = db_q(d, sql, "t", r->today);
	while (s && db_step(s) == DB_ROW) {
		char msg[400];
		const char *title = db_col_text(s, 1);
		const char *extra = db_col_text(s, 2);
		snprintf(msg, sizeof msg, fmt_message, title, extra ? extra : "");
		align_add(r, rule, "goals", db_col_int(s, 0), title, msg, hint);
	}
	db_done(s);
}

void rule_goal_no_pm_owner(db *d, struct align_report *r, const struct align_rule *self)
{
	goals_where(d, r, self,
	            "SELECT id, title, NULL FROM goals WHERE status = 'active' AND pm_owner IS NULL AND ? IS NOT NULL "
	            "ORDER BY id",
	            "Goal \"%s\" has no PM owner%s.", "Set a PM owner so product work is accountable to it.");
}

void rule_goal_no_pmm_owner(db *d, struct align_report *r, const struct align_rule *self)
{
	goals_where(d, r, self,
	            "SELECT id, title, NULL FROM goals WHERE status = 'active' AND pmm_owner IS NULL AND ? IS NOT NULL "
	            "ORDER BY id",
	            "Goal \"%s\" has no PMM owner%s.", "Set a PMM owner so go-to-market work is accountable to it.");
}

/* Overdue when the last review (or creation, if never reviewed) plus the cadence is before today. */
void rule_goal_review_overdue(db *d, struct align_report *r, const struct align_rule *self)
{
	goals_where(d, r, self, query_sql(d, Q_GOALS_REVIEW_OVERDUE),
	            "Goal \"%s\" was due for review on %s.", "Review the goal with its owners and mark it reviewed.");
}

/* Dropped goals are closed on purpose and not reported. */
void rule_goal_past_due(db *d, struct align_report *r, const struct align_rule *self)
{
	goals_where(d, r, self,
	            "SELECT id, title, due FROM goals WHERE status = 'active' AND due IS NOT NULL AND due < ? ORDER BY id",
	            "Goal \"%s\" was due on %s and is still active.",
	            "Record the final measurement and mark the goal met or missed (or drop it).");
}
