/* demo_decisions.c — the demo's decisions: one open (SSO or mobile push first, for the enterprise goal) and one the
 * PM escalated to the leaders (hold the tier-1 alerts launch for the anomaly explanation, as the PMM asks, or launch
 * on the date), each with its options and the evidence that bears on them. */
#include <stdio.h>
#include "demo.h"
#include "model/decisions.h"
#include "model/entity.h"

static long long id_of(db *d, const char *sql, const char *name) { return db_int(d, -1, sql, "t", name); }
static long long insight(db *d, const char *prefix)
{
	return db_int(d, -1, "SELECT id FROM insights WHERE substr(text, 1, length(?)) = ? ORDER BY id LIMIT 1", "tt",
	              prefix, prefix);
}
static long long feature(db *d, const char *t) { return id_of(d, "SELECT id FROM features WHERE title = ?", t); }
static long long goal(db *d, const char *t) { return id_of(d, "SELECT id FROM goals WHERE title = ?", t); }

static long long create(db *d, json_t *o)
{
	struct err err = {0};
	long long id = o ? entity_create(d, &decisions_entity, 0, o, &err) : -1;
	if (id < 0)
		fprintf(stderr, "demo: decisions: %s (%s)\n", o ? err.message : "bad demo data", err.field);
	json_decref(o);
	return id;
}

int demo_seed_decisions(db *d, long long pm, long long pmm)
{
	long long sso = feature(d, "SAML single sign-on"), push = feature(d, "Mobile push for critical alerts"),
	          alerts = feature(d, "Slack and Teams alerts when a metric moves"),
	          explain = feature(d, "Explain the anomaly inside the alert");
	long long security = goal(d, "Win enterprise security reviews"), first = goal(d, "Cut time to first insight");
	long long i_sso = insight(d, "Our security team will not"), i_soc = insight(d, "We need the SOC 2 report"),
	          i_teams = insight(d, "Please send alerts to Microsoft Teams"),
	          i_explain = insight(d, "I would pay more for alerts"), i_metabase = insight(d, "We tried Metabase alerts");
	if (sso < 0 || push < 0 || alerts < 0 || explain < 0 || security < 0 || first < 0 || i_sso < 0 || i_soc < 0 ||
	    i_teams < 0 || i_explain < 0 || i_metabase < 0)
		return -1;
	long long open = create(
	    d, json_pack("{ss ss s[{ssssss}{ssssss}] s[II] s[I] s[II] sI ss}", "title",
	                 "SAML single sign-on or mobile push first in 2027-Q1?", "context",
	                 "Eng has room for one of the two next quarter. Two enterprise renewals wait on SSO; mobile push is "
	                 "the most asked-for request from operations leads on the alerts beta.",
	                 "options", "title", "SSO first", "pros",
	                 "Unblocks the security reviews of two renewals; needed for the enterprise goal.", "cons",
	                 "Push waits a quarter; no visible change for current users.", "title", "Mobile push first", "pros",
	                 "Completes the alerts story for the tier-1 launch; visible to every user.", "cons",
	                 "Security reviews stay blocked; renewals at risk.",
	                 "insight_ids", i_sso, i_soc, "goal_ids", security, "feature_ids", sso, push, "owner", pm,
	                 "reversal_criteria", "The renewals sign without SSO, or push requests double."));
	long long held = create(
	    d, json_pack("{ss ss s[{ssssss}{ssssss}] s[III] s[I] s[II] sI ss}", "title",
	                 "Hold the alerts launch until alerts explain the anomaly?", "context",
	                 "Marketing wants the tier-1 launch to lead with *why it moved*; the explanation ships a release "
	                 "later. Launching on the date keeps the press slot and the beta customers' momentum.",
	                 "options", "title", "Launch on the date", "pros",
	                 "Keeps the press slot; customers asked for Teams alerts now.", "cons",
	                 "The message is \"alerts\", which Metabase also claims.", "title",
	                 "Hold for the explanation", "pros", "A message no competitor can say: alerts that explain themselves.",
	                 "cons", "Six weeks later; the beta customers wait.",
	                 "insight_ids", i_teams, i_explain, i_metabase, "goal_ids", first, "feature_ids", alerts, explain,
	                 "owner", pmm, "reversal_criteria", "Win rate against Metabase does not move within a quarter."));
	if (open < 0 || held < 0)
		return -1;
	struct err e = {0};
	json_t *in = json_pack("{ss}", "reason",
	                       "PM holds to the date, PMM to the differentiated message; both have evidence. The leaders "
	                       "weigh the press slot against the positioning.");
	int rc = action_call(d, &decision_escalate_action, pm, held, 0, in, NULL, &e);
	json_decref(in);
	if (rc < 0)
		fprintf(stderr, "demo: decision-escalate: %s (%s)\n", e.message, e.field);
	return rc < 0 ? -1 : 0;
}
