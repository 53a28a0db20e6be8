/* align.h — the alignment report: rules that find where PM and PMM drifted apart, and a 0-100 score. */
#ifndef TANDEM_ALIGN_H
#define TANDEM_ALIGN_H
#include <jansson.h>
#include <stdbool.h>
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
	long long owner;     /* the object's owner (its kind's first F_OWNER field that is set), 0 for none */
	/* an accepted finding (in r->accepted): the acceptance's id, reason, until (YYYY-MM-DD), by and at */
	long long accepted_id, accepted_by;
	const char *reason, *until, *accepted_at;
};

struct align_report {
	arena *a;
	const char *today;   /* YYYY-MM-DD: rules compare dates to it */
	struct finding *items;
	int n, cap;
	struct finding *accepted; /* findings accepted as a known risk, until not passed: out of items and the score */
	int nacc;
};

/* What GET /api/v1/alignment and the page show of the findings (the score stays the workspace's). */
struct align_filter {
	long long owner;     /* 0: anyone */
	const char *kind;    /* NULL: every kind */
	int severity;        /* -1: every severity */
	const char *rule;    /* NULL: every rule */
};

struct align_rule {
	const char *id;
	enum severity severity;
	const char *summary;
	void (*run)(db *d, struct align_report *r, const struct align_rule *self);
};

extern const struct align_rule align_rules[];
extern const int align_rules_count;

/* Run every rule, then set each finding's owner and move the ones accepted as a known risk (until today or
 * later, not revoked) to r->accepted. today: YYYY-MM-DD. 0 on success. */
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
/* align_decisions.c */
void rule_decision_open_too_long(db *d, struct align_report *r, const struct align_rule *self);
void rule_decision_revisit_due(db *d, struct align_report *r, const struct align_rule *self);
/* align_collab.c */
void rule_review_overdue(db *d, struct align_report *r, const struct align_rule *self);
/* align_workspace.c */
void rule_strategy_missing(db *d, struct align_report *r, const struct align_rule *self);
void rule_no_active_goals(db *d, struct align_report *r, const struct align_rule *self);
void rule_plan_period_vs_release(db *d, struct align_report *r, const struct align_rule *self);
/* What the report cannot judge yet: [{"rules", "reason"}] for each group of rules with no data to look at. */
json_t *align_unjudged(db *d);
/* align_launches.c: every launch conflict rule (the rule's id names which conflicts it reports) */
void rule_launch_conflict(db *d, struct align_report *r, const struct align_rule *self);
/* align_messaging.c */
void rule_launch_without_messaging(db *d, struct align_report *r, const struct align_rule *self);
void rule_claim_feature_not_ready(db *d, struct align_report *r, const struct align_rule *self);
void rule_messaging_unserved_segment(db *d, struct align_report *r, const struct align_rule *self);
void rule_pillar_without_proof(db *d, struct align_report *r, const struct align_rule *self);
void rule_positioning_lint(db *d, struct align_report *r, const struct align_rule *self);
void rule_launch_without_prfaq(db *d, struct align_report *r, const struct align_rule *self);
void rule_battlecard_stale(db *d, struct align_report *r, const struct align_rule *self);
/* Parse "error", "warning", "info"; -1 otherwise. */
int severity_parse(const char *s);
/* {"score", "count", "findings": [...], "accepted": [...]}: the findings in the order found */
json_t *align_json(const struct align_report *r);
/* The same with the findings that pass the filter (NULL: all), errors first, then warnings, then info. */
json_t *align_json_filtered(const struct align_report *r, const struct align_filter *f);
/* The filter of query arguments (each NULL or "" for none): owner "me" (the user me) or a user id, kind, severity
 * (error, warning, info), rule (a rule's id). 0, or -1 with err naming the argument. */
struct err;
int align_filter_parse(struct align_filter *f, long long me, const char *owner, const char *kind, const char *severity,
                       const char *rule, struct err *err);
bool align_filter_match(const struct align_filter *f, const struct finding *x);
/* The rule of that id, or NULL. */
const struct align_rule *align_rule_find(const char *id);

/* align_accept.c: accepting a finding as a known risk ({rule, kind, id, reason, until}: the finding must exist
 * now, until from today to a year on; answers the acceptance), revoking one ({id}); both audited (kind
 * alignment-accepted). */
struct action;
extern const struct action align_accept_action, align_accept_revoke_action;
/* The acceptances not revoked, newest first: {id, rule, kind, object_id, reason, until, active, accepted_by,
 * accepted_by_name, accepted_at}; active is false once until has passed. */
json_t *align_accepted_list(db *d, const char *today);
/* Keep today's point of the health history (the day's latest score and count); written only when it changed.
 * 0, or -1 when it could not be written (a read-only workspace): the report stands without it. */
int align_history_record(db *d, const struct align_report *r);
/* One day's point of the health history, kept as given (the demo's past weeks). */
int align_history_put(db *d, const char *day, int score, int count);
/* align_run's steps (align_accept.c): each finding's owner; the accepted findings moved out of items. */
void align_set_owners(db *d, struct align_report *r);
void align_apply_accepted(db *d, struct align_report *r);
/* The last days points, oldest first: [{day, score}]. */
json_t *align_history(db *d, const char *today, int days);
#endif
