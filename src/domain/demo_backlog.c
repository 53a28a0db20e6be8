/* demo_backlog.c — the demo's backlog: journey stages, features (requests, accepted, planned, shipped, declined)
 * with goal and persona links, dependencies, efforts and RICE inputs, and capacity for two quarters. */
#include <jansson.h>
#include <math.h>
#include <stdio.h>
#include "demo.h"
#include "model/entity.h"

#define NONE (-1.0) /* a number left out */

struct demo_feature {
	const char *title, *kind, *status, *description, *requester, *decline_reason;
	double eng, design, mkt, reach, impact, confidence;
	const char *tier, *period;
	int goals[3][2];   /* {goal 1..4, weight}; {0} ends */
	int personas[3];   /* 1..3; 0 ends */
	int stage;         /* 1..3, 0 none */
	int deps[2];       /* earlier rows, 1-based; 0 ends */
	const char *metric;
	double baseline, target, actual;
};

static const struct demo_feature rows[] = {
	{"Slack and Teams alerts when a metric moves", "feature", "planned",
	 "Push the answer to where the team already talks: an alert with the number, the change and a link.", NULL, NULL,
	 6, 1, 1, 3000, 2, 0.8, "pro", "2027-Q1", {{1, 5}, {2, 2}}, {1}, 2, {0},
	 "Trials with an alert in their first session (%)", 12, 40, NONE},
	{"Guided onboarding: connect a source in three clicks", "feature", "accepted",
	 "Replace the five-step setup with a guided flow that ends on the first alert.", NULL, NULL, 8, 3, 1, 4000, 2, 0.7,
	 "free", NULL, {{1, 5}}, {1}, 2, {0}, "Median minutes from sign-up to first alert", 42, 10, NONE},
	{"SAML single sign-on", "feature", "accepted", "Okta, Azure AD and Google Workspace, set up by the customer's admin.",
	 NULL, NULL, 5, 0.5, 0.5, 40, 3, 0.9, "enterprise", NULL, {{3, 5}}, {2}, 1, {0},
	 "Security reviews passed first time (%)", 35, 80, NONE},
	{"SOC 2 report in the trust center", "feature", "accepted",
	 "Publish the SOC 2 Type II report behind an NDA click-through.", NULL, NULL, 2, 0.5, 1, 60, 2, 0.8, "enterprise",
	 NULL, {{3, 4}}, {2}, 1, {0}, NULL, NONE, NONE, NONE},
	{"SCIM user provisioning", "feature", "accepted", "Users created and removed from the identity provider.", NULL, NULL,
	 4, 0.5, 0.5, 30, 2, 0.6, "enterprise", NULL, {{3, 3}}, {2}, 0, {3}, NULL, NONE, NONE, NONE},
	{"Explain the anomaly inside the alert", "feature", "accepted",
	 "Each alert says which segment drove the change, in one sentence.", NULL, NULL, 10, 2, 1, 2500, 2, 0.5, "pro", NULL,
	 {{1, 3}, {2, 3}}, {1}, 2, {1}, "Alerts opened within an hour (%)", 30, 55, NONE},
	{"Client report templates for agencies", "feature", "accepted",
	 "Monthly client reports that fill themselves from the agency's workspaces.", NULL, NULL, 6, 2, 1, 800, 2, 0.8, "pro",
	 NULL, {{2, 1}, {4, 3}}, {3}, 3, {0}, "Agencies with 3+ client workspaces in 30 days", 63, 90, NONE},
	{"Usage-based expansion prompts", "feature", "accepted",
	 "Suggest the next plan when a team hits its limits, with what it would unlock.", NULL, NULL, 3, 1, 2, 1500, 1, 0.6,
	 "pro", NULL, {{2, 4}}, {1}, 3, {0}, NULL, NONE, NONE, NONE},
	{"Webinar series: quick insights in ten minutes", "feature", "accepted",
	 "Six live sessions with customers showing their first alert.", NULL, NULL, 0, 1, 3, 5000, 0.5, 0.5, NULL, NULL,
	 {{1, 2}, {2, 2}}, {1, 3}, 1, {0}, NULL, NONE, NONE, NONE},
	{"Mobile push for critical alerts", "feature", "accepted", "Critical alerts on the phone, with quiet hours.", NULL, NULL,
	 8, 2, 1, 1200, 1, 0.5, "pro", NULL, {{1, 2}}, {1}, 2, {1}, NULL, NONE, NONE, NONE},
	{"Dark mode", "idea", "new", "Several users asked for a dark theme for the evening shift.",
	 "ops-team@acmelogistics.example", NULL, NONE, NONE, NONE, NONE, NONE, NONE, NULL, NULL, {{0}}, {0}, 0, {0}, NULL,
	 NONE, NONE, NONE},
	{"On-premise installer", "idea", "triage", "Globex's IT team wants to run the product in their own data centre.",
	 "Globex Retail (IT procurement)", NULL, NONE, NONE, NONE, NONE, NONE, NONE, NULL, NULL, {{0}}, {2}, 0, {0}, NULL,
	 NONE, NONE, NONE},
	{"Alerts arrive twice in some Teams channels", "bug", "new", "Reported by two customers since the last release.",
	 "Casey Support", NULL, 1, NONE, NONE, NONE, NONE, NONE, NULL, NULL, {{0}}, {1}, 2, {0}, NULL, NONE, NONE, NONE},
	{"Drag-and-drop dashboard builder", "idea", "declined", "Let users build their own dashboards from widgets.",
	 "Hooli Media", "Out of scope: \"A general-purpose BI dashboard builder\". We push answers instead.", NONE, NONE,
	 NONE, NONE, NONE, NONE, NULL, NULL, {{0}}, {3}, 0, {0}, NULL, NONE, NONE, NONE},
	{"Weekly digest email", "feature", "shipped", "Every Monday: the five numbers that moved most.", NULL, NULL, 3, 1, 1,
	 2000, 1, 0.8, "free", "2026-Q4", {{1, 2}}, {1}, 3, {0}, "Weekly active accounts (%)", 41, 50, 47},
};

static void set_num(json_t *o, const char *k, double v)
{
	if (v != NONE)
		json_object_set_new(o, k, json_real(v));
}

static void set_str(json_t *o, const char *k, const char *v)
{
	if (v)
		json_object_set_new(o, k, json_string(v));
}

static long long create(db *d, const char *kind, json_t *o)
{
	struct err e = {0};
	long long id = entity_create(d, entity_find(kind), 0, o, &e);
	if (id < 0)
		fprintf(stderr, "demo: %s: %s (%s)\n", kind, e.message, e.field);
	json_decref(o);
	return id;
}

int demo_seed_backlog(db *d, const long long goals[4], const long long personas[3], long long pm, long long pmm)
{
	if (!entity_find("features") || !entity_find("journey-stages") || !entity_find("capacity"))
		return 0; /* a build without the backlog kinds: nothing to add */
	static const char *const stages[][3] = {
		{"Discover", "Peer Slack groups, LinkedIn posts, webinars", "Hard to tell us from dashboard tools"},
		{"First insight", "Sign-up, connecting a source, the first alert", "Setup takes too long before any answer"},
		{"Expand", "Team invites, plan limits, quarterly business review", "Value is hard to show to finance"},
	};
	long long stage_ids[3];
	for (int i = 0; i < 3; i++) {
		json_t *o = json_pack("{sssissss}", "name", stages[i][0], "position", i + 1, "touchpoints", stages[i][1],
		                      "pains", stages[i][2]);
		if (i == 1)
			json_object_set_new(o, "persona_id", json_integer(personas[0]));
		if ((stage_ids[i] = create(d, "journey-stages", o)) < 0)
			return -1;
	}
	long long ids[COUNT(rows)];
	for (size_t i = 0; i < COUNT(rows); i++) {
		const struct demo_feature *f = &rows[i];
		json_t *o = json_pack("{ssssssss}", "title", f->title, "kind", f->kind, "status", f->status, "description",
		                      f->description);
		set_str(o, "requester", f->requester);
		set_str(o, "decline_reason", f->decline_reason);
		set_str(o, "tier", f->tier);
		set_str(o, "period", f->period);
		set_num(o, "effort_eng", f->eng);
		set_num(o, "effort_design", f->design);
		set_num(o, "effort_mkt", f->mkt);
		if (f->reach != NONE)
			json_object_set_new(o, "reach", json_integer((json_int_t)f->reach));
		set_num(o, "impact", f->impact);
		set_num(o, "confidence", f->confidence);
		set_str(o, "success_metric", f->metric);
		set_num(o, "success_baseline", f->baseline);
		set_num(o, "success_target", f->target);
		set_num(o, "success_actual", f->actual);
		json_t *g = json_array(), *p = json_array(), *dep = json_array();
		for (int k = 0; k < 3 && f->goals[k][0]; k++)
			json_array_append_new(g, json_pack("{sIsi}", "goal_id", (json_int_t)goals[f->goals[k][0] - 1], "weight",
			                                   f->goals[k][1]));
		for (int k = 0; k < 3 && f->personas[k]; k++)
			json_array_append_new(p, json_integer(personas[f->personas[k] - 1]));
		for (int k = 0; k < 2 && f->deps[k]; k++)
			json_array_append_new(dep, json_integer(ids[f->deps[k] - 1]));
		json_object_set_new(o, "goals", g);
		json_object_set_new(o, "persona_ids", p);
		json_object_set_new(o, "depends_on", dep);
		if (f->stage)
			json_object_set_new(o, "journey_stage_id", json_integer(stage_ids[f->stage - 1]));
		if (!f->requester) { /* the team's own work has owners; requests wait for triage */
			json_object_set_new(o, "pm_owner", json_integer(pm));
			json_object_set_new(o, "pmm_owner", json_integer(pmm));
		}
		if ((ids[i] = create(d, "features", o)) < 0)
			return -1;
	}
	static const struct {
		const char *period;
		double eng, design, mkt;
	} cap[] = {{"2027-Q1", 40, 8, 6}, {"2027-Q2", 44, 8, 8}};
	for (size_t i = 0; i < COUNT(cap); i++)
		if (create(d, "capacity", json_pack("{sssfsfsf}", "period", cap[i].period, "eng", cap[i].eng, "design",
		                                    cap[i].design, "mkt", cap[i].mkt)) < 0)
			return -1;
	return 0;
}
