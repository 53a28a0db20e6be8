/* align_workspace.c — alignment rules about the workspace as a whole: a strategy to align to, goals to work
 * towards, and plans whose periods agree with their releases. */
#include <stdio.h>
#include <string.h>
#include "align.h"
#include "model/features.h"

/* Without a vision nothing can be judged against the strategy: the report says so instead of "aligned". */
void rule_strategy_missing(db *d, struct align_report *r, const struct align_rule *self)
{
	if (db_int(d, 0, "SELECT count(*) FROM strategy WHERE trim(vision) <> ''", "") == 0)
		align_add(r, self, "strategy", 0, "Strategy", "The workspace has no strategy: no vision is written.",
		          "Write the vision and perspective (and the principles and what is out of scope) on the Strategy "
		          "page, so goals, requests and launches can be checked against it.");
}

void rule_no_active_goals(db *d, struct align_report *r, const struct align_rule *self)
{
	if (db_int(d, 0, "SELECT count(*) FROM goals WHERE status = 'active'", "") == 0)
		align_add(r, self, "goals", 0, "Goals", "No goal is active: there is nothing to align the work to.",
		          "Add a goal with a metric, a target and a PM and a PMM owner.");
}

/* A feature planned for a period ships in a release whose target date lies outside it. */
void rule_plan_period_vs_release(db *d, struct align_report *r, const struct align_rule *self)
{
	db_stmt *s = db_q(d,
	                  "SELECT f.id, f.title, f.period, rel.name, rel.target_date FROM features f "
	                  "JOIN releases rel ON rel.id = f.release_id WHERE f.status IN ('planned', 'in_progress') "
	                  "AND f.merged_into IS NULL AND f.period IS NOT NULL AND rel.status <> 'cancelled' ORDER BY f.id",
	                  "");
	while (s && db_step(s) == DB_ROW) {
		char from[11], to[11], msg[600];
		const char *period = db_col_text(s, 2), *target = db_col_text(s, 4);
		if (!period_range(period, from, to) || (strcmp(target, from) >= 0 && strcmp(target, to) <= 0))
			continue;
		snprintf(msg, sizeof msg, "Feature \"%.200s\" is planned for %s, but its release \"%.200s\" ships on %s.",
		         db_col_text(s, 1), period, db_col_text(s, 3), target);
		align_add(r, self, "features", db_col_int(s, 0), db_col_text(s, 1), msg,
		          "Plan the feature for the release's period, move it to a release in its period, or move the release.");
	}
	db_done(s);
}
