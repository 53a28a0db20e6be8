/* demo.c — sample data for Northwind Analytics, a fictional B2B analytics company: people,
 * strategy, goals with months of measurements, segments, personas, accounts, competitors; the backlog and
 * capacity come from demo_backlog.c. */
#include "demo.h"
#include "align.h"
#include <jansson.h>
#include <stdio.h>
#include <string.h>
#include "model/entity.h"
#include "model/action.h"
#include "model/goals.h"
#include "model/strategy.h"
#include "model/user_admin.h"
#include "model/users.h"
#include "platform/json_get.h"

const struct demo_user demo_users[] = {
	{"admin@demo.tandem", "Alex Admin", "admin"},
	{"leader@demo.tandem", "Lena Leader", "leader"},
	{"pm@demo.tandem", "Priya Patel", "pm"},
	{"pmm@demo.tandem", "Marco Rossi", "pmm"},
	{"contributor@demo.tandem", "Casey Support", "contributor"},
	{"viewer@demo.tandem", "Victor Viewer", "viewer"},
	{NULL, NULL, NULL},
};

/* Create one object; -1 on any failure (the caller rolls the whole seed back). */
static long long add(db *d, const char *kind, json_t *o)
{
	struct err e = {0};
	long long id = entity_create(d, entity_find(kind), 0, o, &e);
	if (id < 0)
		fprintf(stderr, "demo: %s: %s (%s)\n", kind, e.message, e.field);
	json_decref(o);
	return id;
}

static int measure(db *d, long long goal, const char *at, double value, const char *source)
{
	struct err e = {0};
	json_t *m = json_pack("{sssfss}", "at", at, "value", value, "source", source);
	int rc = action_call(d, &goal_measure_action, 0, goal, 0, m, NULL, &e);
	json_decref(m);
	return rc < 0 ? -1 : 0;
}

/* A finding worked through: the PMM accepts the webinar after the launch as a known risk for a month. */
static int demo_accept_risk(db *d, long long pmm)
{
	long long launch = db_int(d, 0, "SELECT id FROM launches WHERE title = ?", "t", "Alerts where your team talks");
	if (!launch)
		return 0; /* the launches of this build have no such launch */
	char today[11], until[11];
	today_ymd(today);
	date_add(today, 30, until);
	json_t *in = json_pack("{sssssIssss}", "rule", "activity-after-launch", "kind", "launches", "id", (json_int_t)launch,
	                       "reason",
	                       "On purpose: the webinar is the follow-up for the launch's sign-ups, so it comes after it.",
	                       "until", until);
	struct err e = {0};
	int rc = action_call(d, &align_accept_action, pmm, 0, 0, in, NULL, &e);
	json_decref(in);
	return rc;
}

/* The people page shows each state: a PMM invited who has not chosen a password yet (the link's secret is not kept
 * anywhere, so nobody can use it), and a PM who left (deactivated, as an admin would). */
static int seed_people_states(db *d)
{
	struct err e = {0};
	json_t *invited = json_pack("{ssssss}", "email", "nora@demo.tandem", "name", "Nora Newman", "role", "pmm");
	json_t *former = json_pack("{ssssssss}", "email", "dana@demo.tandem", "name", "Dana Former", "role", "pm", "password",
	                           DEMO_PASSWORD);
	json_t *out = NULL;
	int rc = action_call(d, &user_add_action, 0, 0, 0, invited, NULL, &e) < 0 ||
	                 action_call(d, &user_add_action, 0, 0, 0, former, &out, &e) < 0 ||
	                 action_call(d, &user_deactivate_action, 0, jget_int(out, "id"), 0, NULL, NULL, &e) < 0
	             ? -1
	             : 0;
	if (rc < 0)
		fprintf(stderr, "demo: people: %s\n", e.message);
	json_decref(invited);
	json_decref(former);
	json_decref(out);
	return rc;
}

/* Saved views: the PM shares the evidence nobody cites yet; the PMM keeps the launches they run. */
static int demo_views(db *d, long long pm, long long pmm)
{
	char mine[64];
	snprintf(mine, sizeof mine, "owner=%lld&sort=launch_date", pmm);
	const struct {
		long long owner;
		const char *name, *kind, *query;
		bool shared;
	} views[] = {
		{pm, "Evidence no feature cites yet", "insights", "linked=false&dismissed=0&sort=-observed_at", true},
		{pm, "Accepted, not planned", "features", "status=accepted&sort=-score", true},
		{pmm, "My launches", "launches", mine, false},
	};
	const struct entity *e = entity_find("views");
	for (size_t i = 0; e && i < COUNT(views); i++) {
		struct err err = {0};
		json_t *in = json_pack("{sssssssb}", "name", views[i].name, "kind", views[i].kind, "query", views[i].query,
		                       "shared", views[i].shared);
		long long id = entity_create(d, e, views[i].owner, in, &err);
		json_decref(in);
		if (id < 0) {
			fprintf(stderr, "demo: views: %s (%s)\n", err.message, err.field);
			return -1;
		}
	}
	return 0;
}

static int seed(db *d)
{
	long long uid[6];
	struct err e = {0};
	for (int i = 0; demo_users[i].email; i++)
		if ((uid[i] = users_add(d, demo_users[i].email, demo_users[i].name, demo_users[i].role, DEMO_PASSWORD, &e)) < 0)
			return -1;
	long long pm = uid[2], pmm = uid[3];
	if (seed_people_states(d) < 0)
		return -1;

	json_t *s = json_pack(
	    "{sssss[ssss]s[sss]}", "vision",
	    "Every operations team at a mid-sized company answers its own questions from live data in minutes, "
	    "without waiting for an analyst.",
	    "perspective", "A push-based product for quick insights: we bring the answer to the user, not a dashboard to build.",
	    "principles", "Time to first insight beats breadth of features", "Explainable numbers over clever models",
	    "Self-serve first; sales-assist for enterprise", "Every feature ships with its success metric",
	    "out_of_scope", "On-premise installation", "A general-purpose BI dashboard builder", "Data warehousing");
	if (strategy_put(d, uid[1], s, 1, &e) < 0) {
		json_decref(s);
		return -1;
	}
	json_decref(s);

	long long smb = add(d, "segments", json_pack("{sssssiss}", "name", "Mid-market operations", "description",
	                                               "Companies of 200-2,000 staff with an operations team of 5-30.",
	                                               "size", 4200, "notes", "Our core: fastest sales cycle, best retention."));
	long long ent = add(d, "segments", json_pack("{sssssi}", "name", "Enterprise IT", "description",
	                                               "Companies over 2,000 staff buying through IT and procurement.",
	                                               "size", 650));
	long long agency = add(d, "segments", json_pack("{sssssi}", "name", "Digital agencies", "description",
	                                                  "Agencies reporting to many clients at once.", "size", 1800));
	if (smb < 0 || ent < 0 || agency < 0)
		return -1;
	const char *persona_rows[][6] = {
		{"Olivia, Operations Lead", "Head of Operations",
		 "Weekly reports take a day to assemble; numbers disagree between tools.",
		 "Answers in the stand-up, not next week.", "Spot a delay before the customer does.", "LinkedIn, peer Slack groups"},
		{"Ian, IT Buyer", "IT Procurement Manager", "Security reviews stall every new tool for months.",
		 "One vendor that passes review once.", "Approve tools without new risk.", "Analyst reports, vendor RFPs"},
		{"Ada, Agency Analyst", "Reporting Analyst", "Copying numbers into 40 client decks every month.",
		 "Client reports that build themselves.", "Deliver client reports on time.", "Webinars, YouTube"},
	};
	long long seg_of[] = {smb, ent, agency}, personas[3];
	for (int i = 0; i < 3; i++)
		if ((personas[i] = add(d, "personas", json_pack("{sssIssssssssss}", "name", persona_rows[i][0], "segment_id",
		                                                seg_of[i], "role", persona_rows[i][1], "pains",
		                                                persona_rows[i][2], "gains", persona_rows[i][3], "jobs",
		                                                persona_rows[i][4], "channels", persona_rows[i][5]))) < 0)
			return -1;
	struct {
		const char *name, *plan;
		long long seg, arr;
	} accounts[] = {
		{"Acme Logistics", "Business", smb, 48000}, {"Globex Retail", "Enterprise", ent, 210000},
		{"Initech", "Business", smb, 36000},        {"Umbrella Health", "Enterprise", ent, 330000},
		{"Hooli Media", "Pro", agency, 12000},      {"Stark Freight", "Business", smb, 54000},
		{"Wayne Foods", "Pro", smb, 9000},          {"Pied Piper Agency", "Pro", agency, 15000},
	};
	for (size_t i = 0; i < COUNT(accounts); i++)
		if (add(d, "accounts", json_pack("{sssIsssI}", "name", accounts[i].name, "segment_id", accounts[i].seg, "plan",
		                                 accounts[i].plan, "arr", accounts[i].arr)) < 0)
			return -1;
	const char *comp[][4] = {
		{"Metabase", "Open-source BI for everyone who can write a query.", "Free tier, large community",
		 "Needs someone to build the dashboards"},
		{"Looker", "Enterprise semantic layer and governed BI.", "Governance, enterprise trust",
		 "Slow to set up, expensive for mid-market"},
		{"Spreadsheets", "What most operations teams use today.", "Everyone knows them", "Stale, manual, error-prone"},
	};
	for (size_t i = 0; i < COUNT(comp); i++)
		if (add(d, "competitors", json_pack("{ssssssss}", "name", comp[i][0], "positioning", comp[i][1], "strengths",
		                                    comp[i][2], "weaknesses", comp[i][3])) < 0)
			return -1;

	/* Goals: dates relative to the demo's own timeline (the seed runs on any day). */
	long long g1 = add(d, "goals", json_pack("{sssssssssfsfsssIsIsiss}", "title", "Cut time to first insight",
	                                         "why", "Trials that see an answer in the first session convert 3x.",
	                                         "metric", "Median minutes from sign-up to first alert", "unit", "min",
	                                         "baseline", 42.0, "target", 10.0, "due", "2027-06-30", "pm_owner", pm,
	                                         "pmm_owner", pmm, "review_every_days", 30, "status", "active"));
	long long g2 = add(d, "goals", json_pack("{sssssssssfsfsssIsiss}", "title", "Grow mid-market net revenue retention",
	                                         "why", "Expansion inside accounts is our cheapest growth.", "metric",
	                                         "Net revenue retention, mid-market", "unit", "%", "baseline", 104.0,
	                                         "target", 115.0, "due", "2027-12-31", "pm_owner", pm, "review_every_days",
	                                         45, "status", "active"));
	long long g3 = add(d, "goals", json_pack("{sssssssssfsfsssIsiss}", "title", "Win enterprise security reviews",
	                                         "why", "Enterprise deals stall in security review for 90+ days.",
	                                         "metric", "Share of security reviews passed first time", "unit", "%",
	                                         "baseline", 35.0, "target", 80.0, "due", "2026-09-30", "pmm_owner", pmm,
	                                         "review_every_days", 14, "status", "active"));
	long long g4 = add(d, "goals", json_pack("{sssssssssfsfsssIsIsiss}", "title", "Agency self-serve activation",
	                                         "metric", "Agencies with 3+ client workspaces in 30 days", "unit",
	                                         "agencies", "why", "Agencies are our best word of mouth.", "baseline", 20.0,
	                                         "target", 60.0, "due", "2027-03-31", "pm_owner", pm, "pmm_owner", pmm,
	                                         "review_every_days", 30, "status", "met"));
	if (g1 < 0 || g2 < 0 || g3 < 0 || g4 < 0)
		return -1;
	static const char *months[] = {"2026-05-01", "2026-06-01", "2026-07-01", "2026-08-01", "2026-09-01",
	                               "2026-10-01", "2026-11-01"};
	static const double v1[] = {42, 38, 33, 29, 24, 21, 18}, v2[] = {104, 105, 105.5, 107, 108, 109.5, 110},
	                    v3[] = {35, 38, 41, 45, 47, 52, 55}, v4[] = {20, 28, 37, 44, 51, 58, 63};
	for (int i = 0; i < 7; i++)
		if (measure(d, g1, months[i], v1[i], "product analytics") < 0 ||
		    measure(d, g2, months[i], v2[i], "finance") < 0 || measure(d, g3, months[i], v3[i], "sales ops") < 0 ||
		    measure(d, g4, months[i], v4[i], "product analytics") < 0)
			return -1;
	json_t *goal = entity_get(d, &goals_entity, g1);
	json_t *t = json_pack("{sfsssO}", "target", 12.0, "reason",
	                      "10 minutes needs the new onboarding flow, which moved to next quarter; 12 is realistic.",
	                      "version", json_object_get(goal, "version"));
	int rc = action_call(d, &goal_target_action, pm, g1, 0, t, NULL, &e);
	json_decref(t), json_decref(goal);
	if (rc < 0 || action_call(d, &goal_review_action, pm, g1, 0, NULL, NULL, &e) < 0)
		return -1;
	const long long goals[4] = {g1, g2, g3, g4};
	if (demo_seed_backlog(d, goals, personas, pm, pmm) < 0)
		return -1;
	if (demo_seed_evidence(d, uid[4], pm) < 0 || demo_seed_launches(d, pm, pmm, uid[1]) < 0 ||
	    demo_seed_prfaq(d, pmm) < 0)
		return -1;
	if (demo_accept_risk(d, pmm) < 0 || demo_views(d, pm, pmm) < 0 || demo_seed_messaging(d, pm, pmm) < 0 ||
	    demo_seed_decisions(d, pm, pmm) < 0 || demo_seed_collab(d, pm, pmm) < 0)
		return -1;
	/* the health score's last four weeks: steady, then a drop when the enterprise launch was set before its release */
	static const int scores[] = {76, 76, 76, 73, 73, 73, 73, 76, 76, 76, 73, 73, 70, 70,
	                             70, 61, 61, 61, 58, 58, 58, 58, 55, 55, 55, 55, 52, 52};
	char today[11], day[11];
	today_ymd(today);
	for (int i = 0; i < (int)COUNT(scores); i++) {
		date_add(today, i - (int)COUNT(scores), day);
		if (align_history_put(d, day, scores[i], (100 - scores[i]) / 5) < 0)
			return -1;
	}
	return 0;
}

int demo_seed(db *d)
{
	if (db_begin(d) != DB_OK)
		return -1;
	if (seed(d) < 0) {
		db_rollback(d);
		return -1;
	}
	return db_commit(d) == DB_OK ? 0 : -1;
}
