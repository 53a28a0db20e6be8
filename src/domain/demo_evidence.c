/* demo_evidence.c — the demo's customer evidence: insights from interviews, support, sales and reviews,
 * from the demo's accounts, waiting to be linked to the features they support. */
#include <jansson.h>
#include <string.h>
#include "demo.h"
#include "domain/evidence.h"
#include "domain/insights_bulk.h"
#include "model/entity.h"

static const struct {
	const char *text, *source, *author;
	int account; /* 1-based row of the demo's accounts, 0 none */
	const char *observed_at, *tags;
} rows[] = {
	{"We only notice a drop in conversions when finance asks at month end. I want to be told the day it happens.",
	 "interview", "Head of Operations", 1, "2026-06-12", "[\"alerts\",\"timeliness\"]"},
	{"Setting up the first data source took our team two afternoons; we nearly gave up during the trial.", "sales",
	 "Account executive notes", 2, "2026-07-03", "[\"onboarding\"]"},
	{"Our security team will not approve any tool without single sign-on and an audit log.", "sales",
	 "IT director, procurement call", 2, "2026-07-21", "[\"security\",\"sso\"]"},
	{"Please send alerts to Microsoft Teams, that is where our managers actually read things.", "support",
	 "Ticket 4412", 3, "2026-08-02", "[\"alerts\",\"teams\"]"},
	{"When an alert fires I still have to dig for ten minutes to see which region caused it.", "interview",
	 "Operations analyst", 1, "2026-08-19", "[\"alerts\",\"explainability\"]"},
	{"We need the SOC 2 report before legal will sign the renewal.", "sales", "Renewal call", 4, "2026-09-04",
	 "[\"security\",\"compliance\"]"},
	{"Great product, but I would love a dark theme for the wall screen in the office, like Metabase has.", "review", "App store review", 0,
	 "2026-09-10", "[\"ui\"]"},
	{"Our agency manages 14 client workspaces and switching between them is slow; in Looker it is one click.",
	 "interview", "Agency founder", 8, "2026-09-22", "[\"agencies\",\"workspaces\"]"},
	{"The numbers in the weekly email did not match the dashboard, which cost us trust with the board.", "support",
	 "Ticket 4630", 2, "2026-10-01", "[\"trust\",\"digest\"]"},
	{"Users are provisioned by hand today; we want them created and removed from Okta automatically.", "sales",
	 "Security questionnaire", 4, "2026-10-09", "[\"security\",\"provisioning\"]"},
	{"I would pay more for alerts that explain themselves in one sentence.", "survey", "NPS comment", 6, "2026-10-15",
	 "[\"alerts\",\"explainability\",\"pricing\"]"},
	{"Can we have an on-premise version? Our data cannot leave our data center.", "sales", "Discovery call", 2,
	 "2026-10-28", "[\"deployment\"]"},
	{"Onboarding videos were helpful, but connecting the warehouse failed twice without a clear error.", "support",
	 "Ticket 4811", 3, "2026-11-04", "[\"onboarding\",\"errors\"]"},
	{"Mobile notifications for the critical alerts only, please, with quiet hours at night.", "review",
	 "App store review", 0, "2026-11-12", "[\"alerts\",\"mobile\"]"},
	/* what sales heard about two competitors: the proof behind the objections' answers (demo_prfaq.c) */
	{"We looked at Looker, but the quote was three times our budget and the partner wanted twelve weeks to model "
	 "our data before the first dashboard.",
	 "sales", "Lost-deal review", 3, "2026-10-20", "[\"competition\",\"pricing\"]"},
	{"Metabase is free, but someone has to build and babysit every dashboard; our two analysts have no time for that.",
	 "interview", "Head of Operations", 6, "2026-11-02", "[\"competition\"]"},
	{"Looker sends us scheduled emails nobody opens. The team lives in Slack; that is where a number has to show up.",
	 "sales", "Discovery call", 2, "2026-11-09", "[\"competition\",\"alerts\"]"},
	{"We tried Metabase alerts: they tell you a number crossed a line, never why it moved.", "interview",
	 "Operations analyst", 1, "2026-11-16", "[\"competition\",\"explainability\"]"},
};

/* Some insights already support the features they ask for: {insight row (1-based), feature title, importance}.
 * The planned feature is left without evidence, so the report shows what that looks like. */
static const struct {
	int insight;
	const char *feature;
	int importance;
} links[] = {
	{2, "Guided onboarding: connect a source in three clicks", 3},
	{13, "Guided onboarding: connect a source in three clicks", 2}, {3, "SAML single sign-on", 3},
	{5, "Explain the anomaly inside the alert", 3}, {11, "Explain the anomaly inside the alert", 2},
	{14, "Mobile push for critical alerts", 2},
};

int demo_seed_evidence(db *d, long long contributor, long long pm)
{
	long long ids[COUNT(rows)];
	long long accounts[16] = {0};
	int n = 0;
	db_stmt *s = db_q(d, "SELECT id FROM accounts ORDER BY id", "");
	while (s && db_step(s) == DB_ROW && n < 16)
		accounts[n++] = db_col_int(s, 0);
	db_done(s);
	const struct entity *e = entity_find("insights");
	if (!e)
		return 0; /* the kind is not described in this build */
	for (size_t i = 0; i < COUNT(rows); i++) {
		json_t *in = json_pack("{ssssssss}", "text", rows[i].text, "source", rows[i].source, "author", rows[i].author,
		                       "observed_at", rows[i].observed_at);
		json_object_set_new(in, "tags", json_loads(rows[i].tags, 0, NULL));
		if (rows[i].account > 0 && rows[i].account <= n)
			json_object_set_new(in, "account_id", json_integer(accounts[rows[i].account - 1]));
		struct err err = {0};
		/* what sales and support heard was added by the demo's contributor, who may edit those (and only those) */
		bool theirs = !strcmp(rows[i].source, "sales") || !strcmp(rows[i].source, "support");
		ids[i] = entity_create(d, e, theirs ? contributor : 0, in, &err);
		json_decref(in);
		if (ids[i] < 0)
			return -1;
	}
	for (size_t i = 0; i < COUNT(links); i++) {
		long long f = db_int(d, 0, "SELECT id FROM features WHERE title = ?", "t", links[i].feature);
		if (!f)
			continue; /* the backlog of this build has no such feature */
		struct err err = {0};
		json_t *in = json_pack("{sIsi}", "insight_id", (json_int_t)ids[links[i].insight - 1], "importance",
		                       links[i].importance);
		int rc = action_call(d, &evidence_link_action, 0, f, 0, in, NULL, &err);
		json_decref(in);
		if (rc < 0)
			return -1;
	}
	/* a bulk change: the PM tags the three security asks that stand between accounts and their renewals */
	struct err err = {0};
	json_t *in = json_pack("{sss[III]ss}", "action", "tag", "ids", (json_int_t)ids[2], (json_int_t)ids[5],
	                       (json_int_t)ids[9], "tag", "renewal-risk");
	int rc = action_call(d, &insights_bulk_action, pm, 0, 0, in, NULL, &err);
	json_decref(in);
	return rc < 0 ? -1 : 0;
}
