/* demo_messaging.c — the demo's messaging: Northwind's positioning and ladder for mid-market operations (approved
 * by the PM and the PMM) and for enterprise IT (in review, with a superlative the lint flags), each claim backed by
 * the backlog's features and the evidence's insights. */
#include <stdio.h>
#include <string.h>
#include "demo.h"
#include "model/messages.h"

static long long feature(db *d, const char *title)
{
	return db_int(d, 0, "SELECT id FROM features WHERE title = ?", "t", title);
}

static long long insight(db *d, const char *start)
{
	return db_int(d, 0, "SELECT id FROM insights WHERE substr(text, 1, ?) = ? ORDER BY id LIMIT 1", "it",
	              (long long)strlen(start), start);
}

static long long named(db *d, const char *table_sql, const char *name)
{
	return db_int(d, 0, table_sql, "t", name);
}

static long long add(db *d, long long actor, json_t *o)
{
	struct err err = {0};
	long long id = o ? entity_create(d, &messages_entity, actor, o, &err) : -1;
	if (id < 0)
		fprintf(stderr, "demo: messages: %s (%s)\n", err.message, err.field);
	json_decref(o);
	return id;
}

/* One rung of a ladder: a message with its backing (persona and parent 0 for none; links stolen). */
static json_t *rung(long long seg, long long persona, const char *level, long long parent, const char *text,
                    json_t *features, json_t *insights)
{
	json_t *o = json_object();
	json_object_set_new(o, "text", json_string(text));
	json_object_set_new(o, "segment_id", json_integer(seg));
	json_object_set_new(o, "level", json_string(level));
	json_object_set_new(o, "status", json_string("draft"));
	if (persona > 0)
		json_object_set_new(o, "persona_id", json_integer(persona));
	if (parent > 0)
		json_object_set_new(o, "parent_id", json_integer(parent));
	json_object_set_new(o, "feature_ids", features ? features : json_array());
	json_object_set_new(o, "insight_ids", insights ? insights : json_array());
	return o;
}

/* A positioning's parts on rung o: for, who, product, category, benefit, unlike, differentiator (NULL: none). */
static json_t *parts(json_t *o, const char *const p[7], long long competitor, json_t *alternatives)
{
	static const char *const names[] = {"for", "who", "product", "category", "benefit", "unlike", "differentiator"};
	for (int i = 0; i < 7; i++)
		if (p[i])
			json_object_set_new(o, names[i], json_string(p[i]));
	if (competitor > 0)
		json_object_set_new(o, "competitor_id", json_integer(competitor));
	json_object_set_new(o, "competitor_ids", alternatives);
	return o;
}

/* ids as a JSON array, the zeros (not found) left out */
static json_t *ids(long long a, long long b)
{
	json_t *out = json_array();
	if (a > 0)
		json_array_append_new(out, json_integer(a));
	if (b > 0 && b != a)
		json_array_append_new(out, json_integer(b));
	return out;
}

static int review_and_approve(db *d, long long id, long long actor, long long pm, long long pmm)
{
	struct err err = {0};
	json_t *m = entity_get(d, &messages_entity, id);
	json_t *in = json_pack("{ss}", "status", "in_review");
	int rc = m ? entity_update(d, &messages_entity, actor, id, in, json_integer_value(json_object_get(m, "version")), &err)
	           : -1;
	json_decref(in), json_decref(m);
	if (rc == 0 && pm && action_call(d, &messages_approve_action, pm, id, 0, NULL, NULL, &err) < 0)
		rc = -1;
	if (rc == 0 && pmm && action_call(d, &messages_approve_action, pmm, id, 0, NULL, NULL, &err) < 0)
		rc = -1;
	if (rc < 0)
		fprintf(stderr, "demo: messages: approve %lld: %s\n", id, err.message);
	return rc;
}

int demo_seed_messaging(db *d, long long pm, long long pmm)
{
	const char *seg_sql = "SELECT id FROM segments WHERE name = ?", *comp_sql = "SELECT id FROM competitors WHERE name = ?";
	long long smb = named(d, seg_sql, "Mid-market operations"), ent = named(d, seg_sql, "Enterprise IT");
	long long olivia = named(d, "SELECT id FROM personas WHERE name = ?", "Olivia, Operations Lead");
	long long ian = named(d, "SELECT id FROM personas WHERE name = ?", "Ian, IT Buyer");
	long long sheets = named(d, comp_sql, "Spreadsheets"), metabase = named(d, comp_sql, "Metabase");
	long long looker = named(d, comp_sql, "Looker");
	long long f_alerts = feature(d, "Slack and Teams alerts when a metric moves");
	long long f_explain = feature(d, "Explain the anomaly inside the alert");
	long long f_digest = feature(d, "Weekly digest email");
	long long f_onboard = feature(d, "Guided onboarding: connect a source in three clicks");
	long long f_sso = feature(d, "SAML single sign-on"), f_soc2 = feature(d, "SOC 2 report in the trust center");
	long long f_scim = feature(d, "SCIM user provisioning");
	long long i_month = insight(d, "We only notice a drop in conversions"), i_teams = insight(d, "Please send alerts");
	long long i_dig = insight(d, "When an alert fires I still have to dig"), i_pay = insight(d, "I would pay more");
	long long i_sec = insight(d, "Our security team"), i_soc2 = insight(d, "We need the SOC 2 report");
	long long i_okta = insight(d, "Users are provisioned by hand");
	if (smb <= 0 || ent <= 0)
		return -1;

	/* mid-market operations: the positioning and two pillars approved, their benefits and features */
	static const char *const smb_parts[7] = {
		"operations leads at companies of 200 to 2,000 staff",
		"find out a number went wrong days later, from finance or a customer", "Northwind", "push-based analytics tool",
		"sends the answer to Slack or Teams the day a metric moves, with the reason in one sentence",
		"weekly spreadsheets",
		"watches every metric for you and explains each alert, so nobody has to build or read a dashboard"};
	long long pos = add(d, pmm, parts(rung(smb, olivia, "positioning", 0, "Northwind tells operations teams the day a "
	                                       "metric moves", ids(f_alerts, f_explain), ids(i_month, 0)),
	                                  smb_parts, sheets, ids(sheets, metabase)));
	long long vp1 = add(d, pmm, rung(smb, olivia, "value_prop", pos, "Know the same day, not at month end",
	                                 ids(f_alerts, f_digest), ids(i_month, i_teams)));
	long long vp2 = add(d, pmm, rung(smb, olivia, "value_prop", pos, "Every alert explains itself", ids(f_explain, 0),
	                                 ids(i_dig, i_pay)));
	long long b1 = add(d, pmm, rung(smb, 0, "benefit", vp1, "Alerts land in the Slack or Teams channel your managers "
	                                "already read", ids(f_alerts, 0), ids(i_teams, 0)));
	long long b2 = add(d, pmm, rung(smb, 0, "benefit", vp2, "See which region moved the number, in one sentence",
	                                ids(f_explain, 0), ids(i_dig, 0)));
	long long b3 = add(d, pmm, rung(smb, 0, "benefit", vp1, "A first answer in the trial's first session",
	                                ids(f_onboard, 0), NULL));
	long long ft1 = add(d, pmm, rung(smb, 0, "feature", b1, "Slack and Teams alerts when a metric moves", ids(f_alerts, 0),
	                                 NULL));
	long long ft2 = add(d, pmm, rung(smb, 0, "feature", b2, "Anomaly explanations inside the alert", ids(f_explain, 0),
	                                 NULL));
	long long ft3 = add(d, pmm, rung(smb, 0, "feature", b3, "Connect a source in three clicks", ids(f_onboard, 0), NULL));
	if (pos < 0 || vp1 < 0 || vp2 < 0 || b1 < 0 || b2 < 0 || b3 < 0 || ft1 < 0 || ft2 < 0 || ft3 < 0)
		return -1;
	if (review_and_approve(d, pos, pmm, pm, pmm) < 0 || review_and_approve(d, vp1, pmm, pm, pmm) < 0 ||
	    review_and_approve(d, vp2, pmm, 0, pmm) < 0)
		return -1;

	/* enterprise IT: in review, approved by the PM only; its benefit says "industry-leading" (the lint flags it) */
	static const char *const ent_parts[7] = {
		"IT buyers at companies over 2,000 staff", "stall every new tool in security review for months", "Northwind",
		"push-based analytics tool", "brings industry-leading security to every alert", NULL,
		"ships SSO, SCIM and a SOC 2 report from day one, and is live in weeks rather than quarters"};
	long long epos = add(d, pmm, parts(rung(ent, ian, "positioning", 0, "Northwind passes the security review once",
	                                        ids(f_sso, f_soc2), ids(i_sec, 0)),
	                                   ent_parts, looker, ids(looker, 0)));
	long long evp = add(d, pmm, rung(ent, ian, "value_prop", epos, "Approved by security in one review",
	                                 ids(f_sso, f_soc2), ids(i_sec, i_soc2)));
	long long eb = add(d, pmm, rung(ent, 0, "benefit", evp, "Users come and go with Okta, no tickets", ids(f_scim, 0),
	                                ids(i_okta, 0)));
	long long ef = add(d, pmm, rung(ent, 0, "feature", eb, "SAML single sign-on and SCIM provisioning",
	                                ids(f_sso, f_scim), NULL));
	if (epos < 0 || evp < 0 || eb < 0 || ef < 0)
		return -1;
	return review_and_approve(d, epos, pmm, pm, 0);
}
