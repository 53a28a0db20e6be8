/* demo_prfaq.c — the demo's product marketing: a PR/FAQ in review for the tier-1 launch ("Alerts where your team
 * talks"), written from the five questions and backed by the customer evidence; objections and landmines for two
 * competitors (Looker, Metabase), answered with what customers said (among the demo's evidence); the personas of the interviews set on their
 * insights, so the journey map counts them. */
#include <stdio.h>
#include "demo.h"
#include "model/entity.h"
#include "model/prfaqs.h"

static long long create(db *d, const char *kind, json_t *o)
{
	struct err err = {0};
	long long id = entity_create(d, entity_find(kind), 0, o, &err);
	if (id < 0)
		fprintf(stderr, "demo: %s: %s (%s)\n", kind, err.message, err.field);
	json_decref(o);
	return id;
}

/* The id of the insight whose text starts with prefix (the demo's own rows), or -1. */
static long long insight(db *d, const char *prefix)
{
	return db_int(d, -1, "SELECT id FROM insights WHERE substr(text, 1, length(?)) = ? ORDER BY id LIMIT 1", "tt",
	              prefix, prefix);
}

static long long named(db *d, const char *sql, const char *name) { return db_int(d, -1, sql, "t", name); }

/* The interviews' people: the operations insights are Olivia's, the security asks Ian's, the agency's Ada's. */
static int insight_personas(db *d)
{
	static const struct {
		const char *persona, *prefix;
	} rows[] = {
		{"Olivia, Operations Lead", "We only notice a drop"}, {"Olivia, Operations Lead", "When an alert fires"},
		{"Olivia, Operations Lead", "I would pay more for alerts"}, {"Olivia, Operations Lead", "Setting up the first"},
		{"Ian, IT Buyer", "Our security team will not"},           {"Ian, IT Buyer", "We need the SOC 2 report"},
		{"Ian, IT Buyer", "Users are provisioned by hand"},        {"Ada, Agency Analyst", "Our agency manages 14"},
	};
	for (size_t i = 0; i < COUNT(rows); i++) {
		long long p = named(d, "SELECT id FROM personas WHERE name = ?", rows[i].persona);
		long long in = insight(d, rows[i].prefix);
		if (p < 0 || in < 0 ||
		    db_run(d, "UPDATE insights SET persona_id = ? WHERE id = ?", "ii", p, in) != DB_OK)
			return -1;
	}
	return 0;
}

static int prfaq(db *d, long long pmm)
{
	long long launch = named(d, "SELECT id FROM launches WHERE title = ?", "Alerts where your team talks");
	long long feature = named(d, "SELECT id FROM features WHERE title = ?", "Slack and Teams alerts when a metric moves");
	long long i1 = insight(d, "We only notice a drop"), i2 = insight(d, "Please send alerts to Microsoft Teams"),
	          i3 = insight(d, "When an alert fires"), i4 = insight(d, "Looker sends us scheduled emails");
	if (launch < 0 || feature < 0 || i1 < 0 || i2 < 0 || i3 < 0 || i4 < 0)
		return -1;
	json_t *o = json_pack(
	    "{ss ss ss s[IIII] ss ss ss ss ss ss ss ss ss"
	    " s[{ssss}{ssss}{ssss}{ssss}] s[{ssss}{ssss}{ssss}] sI sI sI ss}",
	    "customer",
	    "Operations leads at mid-market companies (50 to 500 people) who run the business on numbers but have no "
	    "analyst watching the dashboards all day.",
	    "problem",
	    "Numbers move and nobody notices until the weekly report, or until finance asks at month end. By then the "
	    "late shipments, the failed payments or the lost sign-ups have cost a week.",
	    "benefit", "You hear about the change the hour it happens, in the channel your team already reads.",
	    "insight_ids", (json_int_t)i1, (json_int_t)i2, (json_int_t)i3, (json_int_t)i4, "experience",
	    "Connect Slack or Teams once. Pick a metric, or take the suggested ones. When it moves more than usual, the "
	    "channel gets one message: the number, the change, the likely reason, and a link to the chart.",
	    "headline", "Northwind brings the numbers to where your team talks",
	    "subheading", "Alerts in Slack and Microsoft Teams tell operations teams what changed, by how much, and why, "
	                  "the hour it happens.",
	    "summary",
	    "Northwind Analytics today launched alerts for Slack and Microsoft Teams. Instead of waiting for the weekly "
	    "report, operations teams now get a short message in the channel they already use when a metric moves: the "
	    "number, the change and the most likely reason.",
	    "solution",
	    "Northwind watches the metrics that matter to the team and learns what normal looks like for each of them. "
	    "When a number leaves its usual range, it posts one message, not a flood, and says which region, product or "
	    "channel moved it.",
	    "leader_quote",
	    "Our customers told us the dashboard is the last place they look. So we stopped asking them to look, and "
	    "started telling them. — Maya Chen, Head of Product, Northwind Analytics",
	    "how_it_works",
	    "1. Connect Slack or Teams in two clicks.\n2. Choose metrics, or accept the five we suggest from your "
	    "data.\n3. Get one message when something changes, with the reason and the chart.",
	    "customer_quote",
	    "We found out about a carrier delay on a Tuesday morning instead of at the end of the month. That alone paid "
	    "for the year. — Head of Operations, Acme Logistics",
	    "call_to_action", "Alerts are on every plan from today: connect Slack or Teams in Settings → Alerts.",
	    "faq_external", "q", "Which plans include alerts?", "a",
	    "Every plan. The free plan watches three metrics; Pro and Enterprise have no limit.", "q",
	    "Will my channel be flooded with messages?", "a",
	    "No. Northwind sends a message only when a metric leaves its usual range, groups related changes into one, "
	    "and respects quiet hours.",
	    "q", "Does Northwind read our Slack or Teams messages?", "a",
	    "No. It only posts to the channels you choose; it cannot read them.", "q", "Can I choose who is notified?",
	    "a", "Yes: each alert goes to a channel, and you can mention a person or a group in it.",
	    "faq_internal", "q", "Why now, and not mobile push first?", "a",
	    "Eleven of the last fourteen interviews named Slack or Teams as where decisions happen; mobile push is next "
	    "quarter.",
	    "q", "What does it cost us to run?", "a",
	    "About 2 engineer-weeks a quarter for the integrations, and message volume stays inside both platforms' "
	    "free limits.",
	    "q", "What happens if the Teams integration is not ready on launch day?", "a",
	    "We launch with Slack and say Teams follows within two weeks; the release gate is readiness 80%.",
	    "launch_id", (json_int_t)launch, "feature_id", (json_int_t)feature, "owner", (json_int_t)pmm, "status",
	    "in_review");
	if (!o)
		return fprintf(stderr, "demo: the PR/FAQ's JSON does not match its format\n"), -1;
	return create(d, "prfaqs", o) < 0 ? -1 : 0;
}

static int objections(db *d)
{
	long long looker = named(d, "SELECT id FROM competitors WHERE name = ?", "Looker");
	long long metabase = named(d, "SELECT id FROM competitors WHERE name = ?", "Metabase");
	long long price = insight(d, "We looked at Looker"), emails = insight(d, "Looker sends us scheduled"),
	          babysit = insight(d, "Metabase is free"), why = insight(d, "We tried Metabase alerts"),
	          first = insight(d, "Setting up the first");
	if (looker < 0 || metabase < 0 || price < 0 || emails < 0 || babysit < 0 || why < 0 || first < 0)
		return -1;
	struct {
		long long competitor;
		const char *objection, *answer;
		long long proof[2];
	} rows[] = {
		{looker, "We already have Looker; why add another tool?",
		 "Keep Looker for governed reporting. Northwind is for the people who never open it: it brings the change to "
		 "Slack or Teams, with the reason, the hour it happens.",
		 {emails, 0}},
		{looker, "Looker is the safe enterprise choice.",
		 "Safe, and slow: most mid-market teams wait a quarter and a partner project for the first dashboard. "
		 "Northwind is live the day you connect a source, with SSO and the SOC 2 report for your security review.",
		 {price, first}},
		{metabase, "Metabase is free.",
		 "The licence is; the analyst who builds and watches the dashboards is not. Northwind watches the numbers for "
		 "you and tells you when one moves.",
		 {babysit, 0}},
		{metabase, "Metabase has alerts too.",
		 "It says a number crossed a line you set. Northwind learns what normal is, and says why the number moved.",
		 {why, 0}},
	};
	for (size_t i = 0; i < COUNT(rows); i++) {
		json_t *proof = json_array();
		for (int k = 0; k < 2; k++)
			if (rows[i].proof[k] > 0)
				json_array_append_new(proof, json_integer(rows[i].proof[k]));
		if (create(d, "objections", json_pack("{sIsssssO}", "competitor_id", (json_int_t)rows[i].competitor,
		                                      "objection", rows[i].objection, "answer", rows[i].answer, "proof",
		                                      proof)) < 0) {
			json_decref(proof);
			return -1;
		}
		json_decref(proof);
	}
	const char *landmines[][2] = {
		{"Looker", "Ask how long until the first dashboard is live, and who builds the data model. Ask what it costs "
		           "when the partner's twelve weeks become twenty."},
		{"Metabase", "Ask who on the team will build and maintain the dashboards, and who watches them on a Sunday. "
		             "Ask how an alert explains why a number moved."},
	};
	for (size_t i = 0; i < COUNT(landmines); i++)
		if (db_run(d, "UPDATE competitors SET landmines = ? WHERE name = ?", "tt", landmines[i][1], landmines[i][0]) !=
		    DB_OK)
			return -1;
	return 0;
}

int demo_seed_prfaq(db *d, long long pmm)
{
	if (insight_personas(d) < 0 || prfaq(d, pmm) < 0 || objections(d) < 0)
		return -1;
	return 0;
}
