/* align.h — the alignment report: rules that find where PM and PMM drifted apart, and a 0-100 score. */
#ifndef TANDEM_ALIGN_H
#define TANDEM_ALIGN_H
#include <jansson.h>
#include "platform/arena.h"
#include "platform/db.h"

enum severity { SEV_INFO, SEV_WARNING, SEV_ERROR };

struct finding {
	const char *rule;
	enum severity severity;
	const char *kind;    /* the object's kind, e.g. "goals" */
	long long id;
	const char *title;   /* the object's title */
	const char *message;
	const char *hint;
};

struct align_report {
	arena *a;
	const char *today;   /* YYYY-MM-DD: rules compare dates to it */
	struct finding *items;
	int n, cap;
};

struct align_rule {
	const char *id;
	enum severity severity;
	const char *summary;
	void (*run)(db *d, struct align_report *r, const struct align_rule *self);
};

extern const struct align_rule align_rules[];
extern const int align_rules_count;

/* Run every rule. today: YYYY-MM-DD. 0 on success. */
int align_run(db *d, arena *a, const char *today, struct align_report *r);
/* Run one rule by id (tests); -1 for an unknown rule. */
int align_run_rule(db *d, arena *a, const char *today, const char *rule, struct align_report *r);
/* 100 - 10 per error - 3 per warning - 1 per info, never below 0. */
int align_score(const struct align_report *r);
void align_add(struct align_report *r, const struct align_rule *rule, const char *kind, long long id,
               const char *title, const char *message, const char *hint);
const char *severity_name(enum severity s);

/* The rules, one function each, in a file per subject (align_goals.c, ...). */
void rule_goal_no_pm_owner(db *d, struct align_report *r, const struct align_rule *self);
void rule_goal_no_pmm_owner(db *d, struct align_report *r, const struct align_rule *self);
void rule_goal_review_overdue(db *d, struct align_report *r, const struct align_rule *self);
void rule_goal_past_due(db *d, struct align_report *r, const struct align_rule *self);
/* align_features.c */
void rule_goal_no_work(db *d, struct align_report *r, const struct align_rule *self);
void rule_feature_no_goal(db *d, struct align_report *r, const struct align_rule *self);
void rule_feature_no_persona(db *d, struct align_report *r, const struct align_rule *self);
void rule_feature_no_success_metric(db *d, struct align_report *r, const struct align_rule *self);
void rule_plan_over_capacity(db *d, struct align_report *r, const struct align_rule *self);
void rule_accepted_out_of_scope(db *d, struct align_report *r, const struct align_rule *self);
/* align_evidence.c */
void rule_feature_no_evidence(db *d, struct align_report *r, const struct align_rule *self);
void rule_demand_concentrated(db *d, struct align_report *r, const struct align_rule *self);
void rule_insights_untriaged(db *d, struct align_report *r, const struct align_rule *self);
/* align_workspace.c */
void rule_strategy_missing(db *d, struct align_report *r, const struct align_rule *self);
void rule_no_active_goals(db *d, struct align_report *r, const struct align_rule *self);
void rule_plan_period_vs_release(db *d, struct align_report *r, const struct align_rule *self);
/* align_launches.c: every launch conflict rule (the rule's id names which conflicts it reports) */
void rule_launch_conflict(db *d, struct align_report *r, const struct align_rule *self);
/* Parse "error", "warning", "info"; -1 otherwise. */
int severity_parse(const char *s);
/* {"score", "findings": [...]} */
json_t *align_json(const struct align_report *r);
#endif
