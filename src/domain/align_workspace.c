/* align_workspace.c — alignment rules about the workspace as a whole: a strategy to align to, goals to work
 * towards, and plans whose periods agree with their releases. */
#include "align.h"
#include "plan_db.h"
#include "platform/json_get.h"

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
	json_t *off = plan_off_release(d), *f;
	size_t i;
	json_array_foreach(off, i, f)
	    align_add(r, self, "features", jget_int(f, "id"), jget_str(f, "title"), jget_str(f, "message"),
	              "Plan the feature for the release's period, move it to a release in its period, or move the release.");
	json_decref(off);
}

/* What the score cannot judge yet: the rules that have no data to look at, so a high score on an empty workspace
 * is not read as "aligned". */
static const struct {
	const char *rules, *sql, *reason;
} unjudged[] = {
	{"feature-no-evidence, demand-concentrated, insights-untriaged", "SELECT count(*) FROM insights",
	 "No customer evidence yet: import insights to judge whether planned work is backed by customers."},
	{"goal-no-work, feature-no-goal, feature-no-persona, feature-no-success-metric",
	 "SELECT count(*) FROM features WHERE status IN ('planned', 'in_progress')",
	 "Nothing is planned yet: plan features to judge whether the work serves the goals and personas."},
	{"plan-over-capacity", "SELECT count(*) FROM capacity",
	 "No capacity is entered: enter each team's person-weeks to judge whether the plan fits."},
	{"launch-before-release, launch-not-ready, launch-date-passed, activity-after-launch", "SELECT count(*) FROM launches",
	 "No launch is planned: plan launches to judge whether go-to-market keeps pace with what ships."},
	{"claim-feature-not-ready, messaging-unserved-segment, pillar-without-proof, positioning-lint",
	 "SELECT count(*) FROM messages",
	 "No messaging yet: write positioning and its pillars per segment to judge whether claims are backed by what "
	 "ships and by customers."},
	{"accepted-out-of-scope", "SELECT count(*) FROM strategy WHERE out_of_scope <> '[]'",
	 "The strategy says nothing is out of scope: list what is, to judge accepted requests against it."},
};

json_t *align_unjudged(db *d)
{
	json_t *out = json_array();
	for (size_t i = 0; i < sizeof unjudged / sizeof unjudged[0]; i++)
		if (db_int(d, 1, unjudged[i].sql, "") == 0)
			json_array_append_new(out, json_pack("{ssss}", "rules", unjudged[i].rules, "reason", unjudged[i].reason));
	return out;
}
