/* align.c — runs the alignment rules, collects findings and scores the workspace's health. */
#include "align.h"
#include <string.h>
#include "platform/err.h"
#include "platform/util.h"

/* Every rule the report runs: id, severity, what it finds, and its function. */
const struct align_rule align_rules[] = {
	{"strategy-missing", SEV_ERROR, "The workspace has no strategy (no vision) to align to", rule_strategy_missing},
	{"no-active-goals", SEV_ERROR, "No goal is active", rule_no_active_goals},
	{"goal-no-pm-owner", SEV_WARNING, "An active goal has no PM owner", rule_goal_no_pm_owner},
	{"goal-no-pmm-owner", SEV_WARNING, "An active goal has no PMM owner", rule_goal_no_pmm_owner},
	{"goal-review-overdue", SEV_WARNING, "An active goal is overdue for its review", rule_goal_review_overdue},
	{"goal-past-due", SEV_ERROR, "A goal is past its due date but not marked met or missed", rule_goal_past_due},
	{"goal-no-work", SEV_WARNING, "An active goal has no accepted or planned feature", rule_goal_no_work},
	{"feature-no-goal", SEV_WARNING, "A planned feature is linked to no goal", rule_feature_no_goal},
	{"feature-no-persona", SEV_WARNING, "A planned feature names no persona", rule_feature_no_persona},
	{"feature-no-success-metric", SEV_WARNING, "A planned feature has no success metric",
	 rule_feature_no_success_metric},
	{"plan-over-capacity", SEV_ERROR, "The features planned for a period need more than its capacity",
	 rule_plan_over_capacity},
	{"plan-period-vs-release", SEV_WARNING,
	 "A feature is planned for a period its release's target date is not in", rule_plan_period_vs_release},
	{"accepted-out-of-scope", SEV_WARNING, "An accepted request matches an out-of-scope statement",
	 rule_accepted_out_of_scope},
	{"feature-no-evidence", SEV_WARNING, "A planned feature has no customer evidence", rule_feature_no_evidence},
	{"demand-concentrated", SEV_WARNING, "A planned feature's demand comes mostly from one account",
	 rule_demand_concentrated},
	{"insights-untriaged", SEV_INFO, "Insights wait untriaged past the triage window", rule_insights_untriaged},
	{"launch-before-release", SEV_ERROR, "A launch is dated before its release ships", rule_launch_conflict},
	{"launch-not-ready", SEV_ERROR,
	 "A launch is within its tier's lead time with readiness below the bar or checklist items open",
	 rule_launch_conflict},
	{"launch-date-passed", SEV_WARNING, "A launch's date has passed but it is not marked launched or cancelled",
	 rule_launch_conflict},
	{"activity-after-launch", SEV_WARNING, "A marketing activity is dated after its launch", rule_launch_conflict},
	{"launch-feature-not-in-release", SEV_WARNING, "A launch announces a feature that is not in its release",
	 rule_launch_conflict},
	{"checklist-overdue", SEV_WARNING, "A launch checklist item is past its due date", rule_launch_conflict},
	{"launch-without-prfaq", SEV_WARNING,
	 "A tier 1 or 2 launch within its lead time has no approved PR/FAQ", rule_launch_without_prfaq},
	{"launch-without-messaging", SEV_WARNING, "A launch's segment has no approved positioning",
	 rule_launch_without_messaging},
	{"claim-feature-not-ready", SEV_ERROR,
	 "A message is backed by a declined feature, or one that does not ship before a launch for its segment",
	 rule_claim_feature_not_ready},
	{"messaging-unserved-segment", SEV_WARNING,
	 "Messaging targets a segment or persona that no accepted, planned or shipped feature serves",
	 rule_messaging_unserved_segment},
	{"pillar-without-proof", SEV_WARNING, "A value proposition (pillar) has no linked insight", rule_pillar_without_proof},
	{"positioning-lint", SEV_WARNING, "Approved positioning has a lint problem", rule_positioning_lint},
	{"battlecard-stale", SEV_INFO,
	 "A competitor named in positioning has a battlecard unchanged for 90 days while a launch is coming",
	 rule_battlecard_stale},
	{"decision-open-too-long", SEV_WARNING, "A decision has stayed open or escalated longer than the setting allows",
	 rule_decision_open_too_long},
	{"decision-revisit-due", SEV_INFO, "A decided decision's revisit date has come", rule_decision_revisit_due},
	{"review-overdue", SEV_WARNING, "A review request is still unanswered after its due date", rule_review_overdue},
};
const int align_rules_count = COUNT(align_rules);

const char *severity_name(enum severity s)
{
	return s == SEV_ERROR ? "error" : s == SEV_WARNING ? "warning" : "info";
}

int severity_parse(const char *s)
{
	if (!s)
		return -1;
	if (!strcmp(s, "error"))
		return SEV_ERROR;
	if (!strcmp(s, "warning"))
		return SEV_WARNING;
	if (!strcmp(s, "info"))
		return SEV_INFO;
	return -1;
}

void align_add(struct align_report *r, const struct align_rule *rule, const char *kind, long long id,
               const char *title, const char *message, const char *hint)
{
	if (r->n == r->cap) {
		int cap = r->cap ? r->cap * 2 : 32;
		struct finding *items = arena_alloc(r->a, (size_t)cap * sizeof *items);
		if (r->n)
			memcpy(items, r->items, (size_t)r->n * sizeof *items);
		r->items = items;
		r->cap = cap;
	}
	struct finding *f = &r->items[r->n++];
	f->rule = rule->id;
	f->severity = rule->severity;
	f->kind = kind;
	f->id = id;
	f->title = arena_strdup(r->a, title ? title : "");
	f->message = arena_strdup(r->a, message);
	f->hint = arena_strdup(r->a, hint);
}

static void start(struct align_report *r, arena *a, const char *today)
{
	memset(r, 0, sizeof *r);
	r->a = a;
	r->today = arena_strdup(a, today);
}

int align_run(db *d, arena *a, const char *today, struct align_report *r)
{
	start(r, a, today);
	for (int i = 0; i < align_rules_count; i++)
		align_rules[i].run(d, r, &align_rules[i]);
	align_set_owners(d, r);
	align_apply_accepted(d, r);
	return 0;
}

const struct align_rule *align_rule_find(const char *id)
{
	for (int i = 0; id && i < align_rules_count; i++)
		if (!strcmp(align_rules[i].id, id))
			return &align_rules[i];
	return NULL;
}

int align_run_rule(db *d, arena *a, const char *today, const char *rule, struct align_report *r)
{
	start(r, a, today);
	for (int i = 0; i < align_rules_count; i++)
		if (!strcmp(align_rules[i].id, rule)) {
			align_rules[i].run(d, r, &align_rules[i]);
			align_set_owners(d, r);
			return 0;
		}
	return -1;
}

int align_score(const struct align_report *r)
{
	int score = 100;
	for (int i = 0; i < r->n; i++)
		score -= r->items[i].severity == SEV_ERROR ? 10 : r->items[i].severity == SEV_WARNING ? 3 : 1;
	return score < 0 ? 0 : score;
}

static json_t *finding_json(const struct finding *f)
{
	json_t *o = json_pack("{sssssssIssssss}", "rule", f->rule, "severity", severity_name(f->severity), "kind", f->kind,
	                      "id", (json_int_t)f->id, "title", f->title, "message", f->message, "hint", f->hint);
	json_object_set_new(o, "owner", f->owner ? json_integer(f->owner) : json_null());
	if (f->accepted_id) {
		json_object_set_new(o, "accepted_id", json_integer(f->accepted_id));
		json_object_set_new(o, "reason", json_string(f->reason));
		json_object_set_new(o, "until", json_string(f->until));
		json_object_set_new(o, "accepted_by", f->accepted_by ? json_integer(f->accepted_by) : json_null());
		json_object_set_new(o, "accepted_at", json_string(f->accepted_at));
	}
	return o;
}

int align_filter_parse(struct align_filter *f, long long me, const char *owner, const char *kind, const char *severity,
                       const char *rule, struct err *err)
{
	*f = (struct align_filter){.severity = -1};
	if (!str_empty(owner) && !(str_eq(owner, "me") ? (f->owner = me) > 0 : parse_ll(owner, &f->owner) && f->owner > 0))
		return err_invalid(err, "owner", "owner must be me or a user's id");
	f->kind = str_empty(kind) ? NULL : kind;
	if (!str_empty(severity) && (f->severity = severity_parse(severity)) < 0)
		return err_invalid(err, "severity", "severity must be error, warning or info");
	if (!str_empty(rule) && !align_rule_find(rule))
		return err_invalid(err, "rule", "no alignment rule %s", rule);
	f->rule = str_empty(rule) ? NULL : rule;
	return 0;
}

bool align_filter_match(const struct align_filter *f, const struct finding *x)
{
	return !f || ((!f->owner || f->owner == x->owner) && (!f->kind || !strcmp(f->kind, x->kind)) &&
	              (f->severity < 0 || f->severity == (int)x->severity) && (!f->rule || !strcmp(f->rule, x->rule)));
}

static json_t *report_json(const struct align_report *r, const struct align_filter *filter, bool sorted)
{
	json_t *arr = json_array(), *acc = json_array();
	/* sorted: one pass per severity, worst first; else one pass in the order found */
	for (int sev = SEV_ERROR; sev >= (sorted ? SEV_INFO : SEV_ERROR); sev--)
		for (int i = 0; i < r->n; i++) {
			const struct finding *f = &r->items[i];
			if ((!sorted || (int)f->severity == sev) && align_filter_match(filter, f))
				json_array_append_new(arr, finding_json(f));
		}
	for (int i = 0; i < r->nacc; i++)
		json_array_append_new(acc, finding_json(&r->accepted[i]));
	return json_pack("{sisIsoso}", "score", align_score(r), "count", (json_int_t)r->n, "findings", arr, "accepted",
	                 acc);
}

json_t *align_json(const struct align_report *r)
{
	return report_json(r, NULL, false);
}

json_t *align_json_filtered(const struct align_report *r, const struct align_filter *f)
{
	return report_json(r, f, true);
}
