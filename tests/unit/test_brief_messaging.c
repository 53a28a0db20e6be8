/* test_brief_messaging.c — the brief and the launch use the PMM's work: the approved positioning as Moore's
 * statement with its approved pillars and their proof, the PR/FAQ (named while in review, its headline and external
 * FAQ once approved), the battlecards of the competitors the positioning names, "No approved messaging yet" only
 * when there is none, hostile text escaped; and the launch's JSON carrying its PR/FAQs and its segments' positioning. */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include "domain/brief.h"
#include "domain/launch_messaging.h"
#include "harness.h"
#include "model/entity.h"
#include "platform/json_get.h"
#include "platform/markdown.h"

static long long make(db *d, const char *kind, const char *fmt, ...) __attribute__((format(printf, 3, 4)));
static long long make(db *d, const char *kind, const char *fmt, ...)
{
	char json[2000];
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(json, sizeof json, fmt, ap);
	va_end(ap);
	struct err err = {0};
	json_t *in = json_loads(json, 0, NULL);
	if (!in)
		printf("fixture %s: malformed JSON %s\n", kind, json);
	long long id = entity_create(d, entity_find(kind), 0, in, &err);
	if (id < 0)
		printf("fixture %s: %s (%s)\n", kind, err.message, err.field);
	json_decref(in);
	return id;
}

/* As if a pm and a pmm had approved it (the state machine is test_approvals.c's). */
static void approve(db *d, const char *table, long long id)
{
	char sql[80];
	snprintf(sql, sizeof sql, "UPDATE %s SET status = 'approved' WHERE id = ?", table);
	db_run(d, sql, "i", id);
}

static char *brief(db *d, long long launch)
{
	buf b;
	buf_init(&b);
	struct err e = {0};
	if (brief_markdown(d, launch, "2027-03-01", &b, &e) < 0) {
		buf_free(&b);
		return NULL;
	}
	return buf_detach(&b, NULL);
}

static bool before(const char *s, const char *a, const char *b)
{
	const char *x = strstr(s, a), *y = strstr(s, b);
	return x && y && x < y;
}

struct fixture {
	long long ops, finance, metabase, sheets, feature, insight, positioning, pillar, pillar_review, pillar_bare,
	    finance_positioning, launch;
};

/* Two segments (Ops with approved positioning naming Metabase and Sheets, Finance with one in review), pillars in
 * every state, a launch for both segments. */
static struct fixture world(db *d)
{
	struct fixture w;
	w.ops = make(d, "segments", "{\"name\":\"Ops teams\"}");
	w.finance = make(d, "segments", "{\"name\":\"Finance\"}");
	w.metabase = make(d, "competitors",
	                  "{\"name\":\"Metabase\",\"positioning\":\"Open-source BI.\\n\\nMore.\",\"landmines\":\"Ask "
	                  "who builds the dashboards.\"}");
	w.sheets = make(d, "competitors", "{\"name\":\"Sheets\"}");
	for (int i = 1; i <= 4; i++)
		make(d, "objections", "{\"competitor_id\":%lld,\"objection\":\"Objection %d\",\"answer\":\"Answer %d\"}",
		     w.metabase, i, i);
	w.feature = make(d, "features", "{\"title\":\"Slack alerts\",\"status\":\"planned\"}");
	long long acct = make(d, "accounts", "{\"name\":\"Umbrella\"}");
	w.insight = make(d, "insights",
	                 "{\"text\":\"Tell me the day it happens\",\"author\":\"Jane\",\"source\":\"interview\","
	                 "\"account_id\":%lld}",
	                 acct);
	w.positioning = make(
	    d, "messages",
	    "{\"segment_id\":%lld,\"level\":\"positioning\",\"text\":\"Northwind tells ops the day a metric moves\","
	    "\"status\":\"in_review\",\"for\":\"operations leads\",\"who\":\"hear of problems late\",\"product\":"
	    "\"Northwind\",\"category\":\"push analytics tool\",\"benefit\":\"sends the answer to Slack\","
	    "\"competitor_id\":%lld,\"competitor_ids\":[%lld,%lld],\"differentiator\":\"explains each alert\","
	    "\"feature_ids\":[%lld],\"insight_ids\":[%lld]}",
	    w.ops, w.metabase, w.metabase, w.sheets, w.feature, w.insight);
	w.pillar = make(d, "messages",
	                "{\"segment_id\":%lld,\"level\":\"value_prop\",\"parent_id\":%lld,\"text\":\"Know the same "
	                "day\",\"status\":\"in_review\",\"insight_ids\":[%lld]}",
	                w.ops, w.positioning, w.insight);
	w.pillar_review = make(d, "messages",
	                       "{\"segment_id\":%lld,\"level\":\"value_prop\",\"parent_id\":%lld,\"text\":\"Pillar under "
	                       "review\",\"status\":\"in_review\"}",
	                       w.ops, w.positioning);
	w.pillar_bare = make(d, "messages",
	                     "{\"segment_id\":%lld,\"level\":\"value_prop\",\"parent_id\":%lld,\"text\":\"Bare "
	                     "pillar\",\"status\":\"in_review\"}",
	                     w.ops, w.positioning);
	w.finance_positioning = make(d, "messages",
	                             "{\"segment_id\":%lld,\"level\":\"positioning\",\"text\":\"Close the books "
	                             "sooner\",\"status\":\"in_review\"}",
	                             w.finance);
	w.launch = make(d, "launches",
	                "{\"title\":\"Alerts launch\",\"launch_date\":\"2027-03-15\",\"feature_ids\":[%lld],"
	                "\"segment_ids\":[%lld,%lld]}",
	                w.feature, w.ops, w.finance);
	return w;
}

TEST(brief_no_approved_messaging_only_when_there_is_none)
{
	db *d = t_db();
	struct fixture w = world(d);
	char *md = brief(d, w.launch);
	REQUIRE(md);
	/* nothing approved yet: the note, and what is in review named as not approved */
	CHECK_CONTAINS(md, "**Messaging:** No approved messaging yet — add it before the launch.");
	CHECK_CONTAINS(md, "*Ops teams: positioning in review, not approved yet: “Northwind tells ops the day a metric "
	                   "moves”.*");
	CHECK(!strstr(md, "> For operations leads")); /* an unapproved statement is not printed as what to say */
	CHECK_CONTAINS(md, "*No approved positioning yet: the battlecards follow the competitors it names.*");
	CHECK_CONTAINS(md, "**PR/FAQ:** none yet");
	free(md);
	/* approved: the statement, the note gone */
	approve(d, "messages", w.positioning);
	md = brief(d, w.launch);
	REQUIRE(md);
	CHECK(!strstr(md, "No approved messaging yet"));
	CHECK_CONTAINS(md, "**Positioning for Ops teams:** Northwind tells ops the day a metric moves\n\n");
	CHECK_CONTAINS(md, "> For operations leads who hear of problems late, Northwind is a push analytics tool that "
	                   "sends the answer to Slack. Unlike Metabase, Northwind explains each alert.\n");
	/* the other segment is still named as not approved */
	CHECK_CONTAINS(md, "*Finance: positioning in review, not approved yet: “Close the books sooner”.*");
	CHECK(before(md, "## How to talk about it", "**Positioning for Ops teams:**"));
	CHECK(before(md, "**Positioning for Ops teams:**", "**The story**"));
	free(md);
	db_close(d);
}

TEST(brief_pillars_are_the_approved_value_props_with_proof)
{
	db *d = t_db();
	struct fixture w = world(d);
	approve(d, "messages", w.positioning);
	char *md = brief(d, w.launch);
	REQUIRE(md);
	CHECK(!strstr(md, "**Pillars**")); /* none approved yet */
	CHECK_CONTAINS(md, "*3 pillars under it are not approved yet and left out until they are.*");
	free(md);
	approve(d, "messages", w.pillar);
	approve(d, "messages", w.pillar_bare);
	md = brief(d, w.launch);
	REQUIRE(md);
	CHECK_CONTAINS(md, "**Pillars** (the value propositions, with their proof)\n\n- **Know the same day**\n"
	                   "  - “Tell me the day it happens” — Jane, Umbrella · interview\n");
	CHECK_CONTAINS(md, "- **Bare pillar**\n  - *No customer proof linked yet: a pillar without proof is just a "
	                   "claim.*\n");
	CHECK(!strstr(md, "Pillar under review"));
	CHECK_CONTAINS(md, "*1 pillar under it is not approved yet and left out until it is.*");
	free(md);
	db_close(d);
}

TEST(brief_prfaq_named_in_review_then_headline_and_faq_when_approved)
{
	db *d = t_db();
	struct fixture w = world(d);
	long long p = make(d, "prfaqs",
	                   "{\"headline\":\"Northwind brings the numbers to Slack\",\"subheading\":\"For ops leads\","
	                   "\"launch_id\":%lld,\"status\":\"in_review\",\"faq_external\":[{\"q\":\"Does it work with "
	                   "Teams?\",\"a\":\"Yes: **Teams** and Slack.\"}],\"faq_internal\":[{\"q\":\"Secret?\",\"a\":"
	                   "\"Internal only\"}]}",
	                   w.launch);
	char *md = brief(d, w.launch);
	REQUIRE(md);
	CHECK_CONTAINS(md, "**PR/FAQ in review:** “Northwind brings the numbers to Slack” — not approved yet");
	CHECK(!strstr(md, "Does it work with Teams?")); /* its FAQ waits for the approval */
	free(md);
	approve(d, "prfaqs", p);
	md = brief(d, w.launch);
	REQUIRE(md);
	CHECK_CONTAINS(md, "**The press release** (PR/FAQ, approved)\n\n> **Northwind brings the numbers to Slack**\n>\n"
	                   "> For ops leads\n");
	CHECK(!strstr(md, "PR/FAQ in review"));
	/* the external FAQ joins the brief's FAQ, before "Who do I ask?"; the internal one does not */
	CHECK_CONTAINS(md, "### Does it work with Teams?\n\nYes: **Teams** and Slack.\n");
	CHECK(before(md, "## FAQ", "### Does it work with Teams?"));
	CHECK(before(md, "### Does it work with Teams?", "### Who do I ask?"));
	CHECK(!strstr(md, "Secret?"));
	free(md);
	/* a draft is named as one */
	long long launch2 = make(d, "launches", "{\"title\":\"Other\",\"launch_date\":\"2027-03-15\"}");
	make(d, "prfaqs", "{\"headline\":\"Draft headline\",\"launch_id\":%lld}", launch2);
	md = brief(d, launch2);
	REQUIRE(md);
	CHECK_CONTAINS(md, "**PR/FAQ in draft:** “Draft headline” — not approved yet");
	free(md);
	db_close(d);
}

TEST(brief_battlecards_of_the_competitors_the_positioning_names)
{
	db *d = t_db();
	struct fixture w = world(d);
	approve(d, "messages", w.positioning);
	char *md = brief(d, w.launch);
	REQUIRE(md);
	CHECK(before(md, "## How to talk about it", "## Against the competition"));
	CHECK(before(md, "## Against the competition", "## Availability by tier"));
	/* each named competitor once: the primary alternative, then the others */
	CHECK(before(md, "### Against Metabase\n", "### Against Sheets\n"));
	const char *first = strstr(md, "### Against Metabase");
	CHECK(first && !strstr(first + 1, "### Against Metabase"));
	CHECK_CONTAINS(md, "*How they position:* Open-source BI.\n\n");
	CHECK_CONTAINS(md, "**Why we win**\n\n- Northwind explains each alert — backed by Slack alerts (planned)\n");
	CHECK_CONTAINS(md, "**Top objections**\n\n- *“Objection 1”* — Answer 1\n");
	CHECK_CONTAINS(md, "- *“Objection 3”* — Answer 3\n- *and 1 more on the battlecard*\n");
	CHECK(!strstr(md, "Objection 4"));
	CHECK_CONTAINS(md, "**Landmines to set:** Ask who builds the dashboards.\n");
	char link[80];
	snprintf(link, sizeof link, "[The whole battlecard](/competitors/%lld/battlecard)", w.metabase);
	CHECK_CONTAINS(md, link);
	/* a competitor with nothing written says so */
	CHECK_CONTAINS(md, "### Against Sheets\n\n**Why we win**");
	CHECK_CONTAINS(md, "**Objections:** none written yet.\n\n**Landmines to set:** none written yet.");
	free(md);
	db_close(d);
}

TEST(brief_pmm_text_is_escaped)
{
	db *d = t_db();
	struct fixture w = world(d);
	const char *hostile = "*x* <script>alert(1)</script> [y](javascript:alert(1)) | #";
	json_t *m = entity_get(d, entity_find("messages"), w.positioning);
	json_t *in = json_pack("{ssss}", "for", hostile, "differentiator", "## Heading\n<img src=x onerror=alert(1)>");
	struct err e = {0};
	CHECK_EQ_INT(entity_update(d, entity_find("messages"), 0, w.positioning, in, jget_int(m, "version"), &e), 0);
	json_decref(in), json_decref(m);
	approve(d, "messages", w.positioning);
	json_t *p = json_pack("{sssIsss[{ssss}]}", "headline", hostile, "launch_id", (json_int_t)w.launch, "status",
	                      "in_review", "faq_external", "q", hostile, "a", "## Not a section\n```\nfence");
	long long pid = entity_create(d, entity_find("prfaqs"), 0, p, &e);
	json_decref(p);
	REQUIRE(pid > 0);
	approve(d, "prfaqs", pid);
	char *md = brief(d, w.launch);
	REQUIRE(md);
	CHECK_CONTAINS(md, "> For \\*x\\* &lt;script&gt;alert(1)&lt;/script&gt; \\[y\\](javascript:alert(1)) \\| \\# who");
	CHECK_CONTAINS(md, "> **\\*x\\* &lt;script&gt;");
	CHECK_CONTAINS(md, "### \\*x\\* &lt;script&gt;");
	CHECK(!strstr(md, "<script"));
	CHECK(!strstr(md, "<img"));
	CHECK(!strstr(md, "\n## Not a section"));
	CHECK(!strstr(md, "\n## Heading"));
	CHECK(!strstr(md, "\n```"));
	buf h;
	buf_init(&h);
	markdown_html(&h, md);
	CHECK(!strstr(buf_str(&h), "<script"));
	CHECK(!strstr(buf_str(&h), "<a href=\"javascript"));
	CHECK(!strstr(buf_str(&h), "<h2>Not a section"));
	CHECK_CONTAINS(buf_str(&h), "<h2>Checklist status</h2>");
	buf_free(&h);
	free(md);
	db_close(d);
}

TEST(launch_carries_its_prfaqs_and_its_segments_positioning)
{
	db *d = t_db();
	struct fixture w = world(d);
	approve(d, "messages", w.positioning);
	long long older = make(d, "prfaqs", "{\"headline\":\"Older, approved\",\"launch_id\":%lld}", w.launch);
	long long newer = make(d, "prfaqs", "{\"headline\":\"Newer draft\",\"launch_id\":%lld}", w.launch);
	make(d, "prfaqs", "{\"headline\":\"Of a feature\",\"feature_id\":%lld}", w.feature);
	approve(d, "prfaqs", older);
	json_t *l = entity_get(d, entity_find("launches"), w.launch);
	REQUIRE(l);
	launch_messaging_decorate(d, l);
	json_t *ps = json_object_get(l, "prfaqs");
	CHECK_EQ_INT((long long)json_array_size(ps), 2); /* the feature's PR/FAQ is not the launch's */
	CHECK_EQ_INT(jget_int(json_array_get(ps, 0), "id"), older); /* approved first */
	CHECK_STR(jget_str(json_array_get(ps, 0), "status"), "approved");
	CHECK_EQ_INT(jget_int(json_array_get(ps, 1), "id"), newer);
	CHECK_STR(jget_str(json_array_get(ps, 1), "headline"), "Newer draft");
	json_t *ms = json_object_get(l, "messaging");
	REQUIRE(json_array_size(ms) == 2);
	json_t *ops = json_array_get(ms, 0), *fin = json_array_get(ms, 1);
	CHECK_EQ_INT(jget_int(ops, "segment_id"), w.ops);
	CHECK_STR(jget_str(ops, "segment"), "Ops teams");
	CHECK(json_is_true(json_object_get(ops, "approved")));
	CHECK_EQ_INT(jget_int(json_array_get(json_object_get(ops, "positioning"), 0), "id"), w.positioning);
	CHECK(json_is_false(json_object_get(fin, "approved")));
	CHECK_STR(jget_str(json_array_get(json_object_get(fin, "positioning"), 0), "status"), "in_review");
	CHECK_EQ_INT((long long)json_array_size(json_object_get(ops, "positioning")), 1); /* value props are not it */
	json_decref(l);
	db_close(d);
}
