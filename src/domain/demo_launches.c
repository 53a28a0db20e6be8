/* demo_launches.c — the demo's releases and launches, dated from today so the roadmap, the calendar and
 * the conflicts look alive whenever the demo is created: one launch on track, one dated before its
 * release, one whose webinar falls after the launch. */
#include <stdio.h>
#include <string.h>
#include "demo.h"
#include "model/launches.h"

static long long create(db *d, const struct entity *e, json_t *o)
{
	struct err err = {0};
	long long id = entity_create(d, e, 0, o, &err);
	if (id < 0)
		fprintf(stderr, "demo: %s: %s (%s)\n", e->kind, err.message, err.field);
	json_decref(o);
	return id;
}

/* today + days as YYYY-MM-DD, kept in a small ring of buffers for one json_pack call */
static const char *day(long days)
{
	static char ring[8][11];
	static int next;
	char today[11];
	today_ymd(today);
	char *out = ring[next++ % 8];
	date_add(today, days, out);
	return out;
}

static long long feature_id(db *d, const char *title)
{
	return db_int(d, -1, "SELECT id FROM features WHERE title = ?", "t", title);
}

/* Put features in a release with their readiness. */
static int assign(db *d, long long release, const char *title, int readiness)
{
	return db_run(d, "UPDATE features SET release_id = ?, readiness = ? WHERE title = ?", "iit", release,
	              (long long)readiness, title) == DB_OK ? 0 : -1;
}

/* Tick the first n checklist items of a launch. */
static int tick(db *d, long long launch, int n)
{
	return db_run(d, "UPDATE launch_checklist SET done = 1 WHERE id IN (SELECT id FROM launch_checklist WHERE "
	                 "launch_id = ? ORDER BY due, id LIMIT ?)",
	              "ii", launch, (long long)n) == DB_OK ? 0 : -1;
}

int demo_seed_launches(db *d, long long pm, long long pmm, long long leader)
{
	long long r1 = create(d, &releases_entity, json_pack("{ssssssss}", "name", "2027.1 Alerts everywhere", "target_date",
	                                                    day(24), "status", "in_progress", "description",
	                                                    "Slack and Teams alerts, and the new guided onboarding."));
	long long r2 = create(d, &releases_entity, json_pack("{ssssssss}", "name", "2027.2 Enterprise pack", "target_date",
	                                                    day(66), "status", "planned", "description",
	                                                    "Single sign-on, SCIM and the SOC 2 report."));
	if (r1 < 0 || r2 < 0 || assign(d, r1, "Slack and Teams alerts when a metric moves", 75) < 0 ||
	    assign(d, r1, "Guided onboarding: connect a source in three clicks", 55) < 0 ||
	    assign(d, r2, "SAML single sign-on", 20) < 0 || assign(d, r2, "SOC 2 report in the trust center", 40) < 0)
		return -1;
	/* what shipped last month: its notes and the changelog have something to tell */
	long long r0 = create(d, &releases_entity, json_pack("{ssssssss}", "name", "2026.4 Monday digest", "target_date",
	                                                    day(-18), "status", "shipped", "description",
	                                                    "The weekly digest email: what moved, every Monday."));
	if (r0 < 0 || assign(d, r0, "Weekly digest email", 100) < 0)
		return -1;
	long long slack = feature_id(d, "Slack and Teams alerts when a metric moves"),
	          onboarding = feature_id(d, "Guided onboarding: connect a source in three clicks"),
	          sso = feature_id(d, "SAML single sign-on"), soc2 = feature_id(d, "SOC 2 report in the trust center"),
	          scim = feature_id(d, "SCIM user provisioning");
	long long l1 = create(d, &launches_entity,
	                      json_pack("{sssisssIs[II]s[I]sIssss}", "title", "Alerts where your team talks", "tier", 1,
	                                "launch_date", day(28), "release_id", r1, "feature_ids", slack, onboarding,
	                                "segment_ids", (json_int_t)1, "owner", pmm, "status", "planning", "summary",
	                                "The answer comes to Slack and Teams: the number, the change, and why it moved."));
	long long l2 = create(d, &launches_entity,
	                      json_pack("{sssisssIs[III]s[I]sIssss}", "title", "Enterprise-ready: SSO, SCIM and SOC 2", "tier",
	                                2, "launch_date", day(60), "release_id", r2, "feature_ids", sso, soc2, scim,
	                                "segment_ids", (json_int_t)2, "owner", pmm, "status", "planning", "summary",
	                                "Security reviews passed the first time: single sign-on, provisioning, and the "
	                                "SOC 2 report in the trust center."));
	long long l3 = create(d, &launches_entity,
	                      json_pack("{sssisssIs[I]sIssss}", "title", "Release note: onboarding in three clicks", "tier", 3,
	                                "launch_date", day(26), "release_id", r1, "feature_ids", onboarding, "owner", pm,
	                                "status", "ready", "summary", "A short note in the changelog and the product."));
	if (l1 < 0 || l2 < 0 || l3 < 0 || tick(d, l1, 3) < 0 || tick(d, l3, 1) < 0)
		return -1;
	struct {
		long long launch;
		const char *channel, *title;
		long days;
		long long owner;
		const char *status;
	} acts[] = {
		{l1, "blog", "Launch post: alerts where your team talks", 28, pmm, "in_progress"},
		{l1, "email", "Customer newsletter feature", 28, pmm, "planned"},
		{l1, "sales", "Enablement session for account executives", 21, pmm, "planned"},
		{l1, "webinar", "Live demo: your first alert in ten minutes", 35, pmm, "planned"},
		{l2, "press", "Press briefing with two security analysts", 58, pmm, "planned"},
		{l2, "website", "Trust center page refresh", 60, pm, "planned"},
	};
	for (size_t i = 0; i < COUNT(acts); i++)
		if (create(d, &activities_entity,
		           json_pack("{sIsssssssIss}", "launch_id", acts[i].launch, "channel", acts[i].channel, "title",
		                     acts[i].title, "date", day(acts[i].days), "owner", acts[i].owner, "status",
		                     acts[i].status)) < 0)
			return -1;
	struct {
		long long launch, user;
		const char *raci;
	} raci[] = {{l1, pmm, "A"}, {l1, pm, "R"}, {l1, leader, "I"}, {l2, pmm, "A"}, {l2, pm, "R"}, {l2, leader, "C"}};
	for (size_t i = 0; i < COUNT(raci); i++)
		if (create(d, &raci_entity, json_pack("{sIsIss}", "launch_id", raci[i].launch, "user_id", raci[i].user, "raci",
		                                      raci[i].raci)) < 0)
			return -1;
	return 0;
}
