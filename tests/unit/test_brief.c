/* test_brief.c — the sales enablement brief: every section from real data, quotes ordered by importance then
 * ARR, features grouped by package, hostile text escaped (Markdown and rendered HTML), missing data named. */
#include <stdio.h>
#include <stdlib.h>
#include "domain/brief.h"
#include "domain/evidence.h"
#include <cmark-gfm.h>
#include "harness.h"
#include "model/entity.h"
#include "platform/markdown.h"

static long long make(db *d, const char *kind, const char *json)
{
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

static void link(db *d, long long feature, long long insight, int importance)
{
	char json[100];
	snprintf(json, sizeof json, "{\"insight_id\":%lld,\"importance\":%d}", insight, importance);
	json_t *in = json_loads(json, 0, NULL);
	struct err e = {0};
	if (action_call(d, &evidence_link_action, 0, feature, 0, in, NULL, &e) < 0)
		printf("fixture link: %s\n", e.message);
	json_decref(in);
}

/* The brief of a launch as a new string (free it); NULL when brief_markdown refused, with e filled. */
static char *brief(db *d, long long launch, struct err *e)
{
	buf b;
	buf_init(&b);
	if (brief_markdown(d, launch, "2027-03-01", &b, e) < 0) {
		buf_free(&b);
		return NULL;
	}
	return buf_detach(&b, NULL);
}

static char *render(const char *md)
{
	buf b;
	buf_init(&b);
	markdown_html(&b, md);
	return buf_detach(&b, NULL);
}

/* Does a appear before b in s (both present)? */
static bool before(const char *s, const char *a, const char *b)
{
	const char *x = strstr(s, a), *y = strstr(s, b);
	return x && y && x < y;
}

/* A workspace with one rich launch; returns its id. */
static long long rich_launch(db *d)
{
	long long pmm = t_user(d, "pmm@x.test", "pmm"), pm = t_user(d, "pm@x.test", "pm");
	long long seg =
	    make(d, "segments", "{\"name\":\"Mid-market ops\",\"size\":4200,\"description\":\"Teams of 5-30\"}");
	char json[1000];
	snprintf(json, sizeof json,
	         "{\"name\":\"Olivia\",\"role\":\"Head of Operations\",\"segment_id\":%lld,"
	         "\"pains\":\"- Reports take a day\\n- Numbers disagree\",\"gains\":\"Answers in the stand-up\"}",
	         seg);
	long long per = make(d, "personas", json);
	long long goal = make(d, "goals",
	                      "{\"title\":\"Faster first insight\",\"metric\":\"Minutes to first alert\","
	                      "\"unit\":\"min\",\"baseline\":18,\"target\":12,\"due\":\"2027-06-30\"}");
	long long rel = make(d, "releases", "{\"name\":\"2027.1\",\"target_date\":\"2027-03-10\"}");
	snprintf(json, sizeof json,
	         "{\"title\":\"Slack alerts\",\"status\":\"in_progress\",\"tier\":\"pro\",\"release_id\":%lld,"
	         "\"description\":\"# Alerts\\n\\nAn alert with **the number** and a link.\\n\\nSecond paragraph.\","
	         "\"persona_ids\":[%lld],\"goals\":[{\"goal_id\":%lld,\"weight\":4}]}",
	         rel, per, goal);
	long long f1 = make(d, "features", json);
	snprintf(json, sizeof json,
	         "{\"title\":\"Guided onboarding\",\"status\":\"planned\",\"tier\":\"free\",\"release_id\":%lld}", rel);
	long long f2 = make(d, "features", json);
	long long acct = make(d, "accounts", "{\"name\":\"Umbrella\",\"arr\":330000}");
	snprintf(json, sizeof json,
	         "{\"text\":\"We need alerts in Slack\",\"source\":\"interview\",\"author\":\"Jane\","
	         "\"account_id\":%lld}",
	         acct);
	link(d, f1, make(d, "insights", json), 3);
	snprintf(
	    json, sizeof json,
	    "{\"title\":\"Alerts where your team talks\",\"tier\":1,\"launch_date\":\"2027-03-15\",\"release_id\":%lld,"
	    "\"feature_ids\":[%lld,%lld],\"segment_ids\":[%lld],\"owner\":%lld,"
	    "\"summary\":\"The answer comes to Slack.\\n\\n- one\\n- two\"}",
	    rel, f1, f2, seg, pmm);
	long long launch = make(d, "launches", json);
	snprintf(json, sizeof json, "{\"launch_id\":%lld,\"user_id\":%lld,\"raci\":\"R\"}", launch, pm);
	make(d, "launch-raci", json);
	snprintf(json, sizeof json, "{\"launch_id\":%lld,\"user_id\":%lld,\"raci\":\"A\"}", launch, pmm);
	make(d, "launch-raci", json);
	return launch;
}

TEST(brief_sections_present)
{
	db *d = t_db();
	long long launch = rich_launch(d);
	struct err e = {0};
	char *md = brief(d, launch, &e);
	REQUIRE(md);
	static const char *const sections[] = {
	    "# Alerts where your team talks\n", "## What ships\n",           "## For whom\n", "## Why it matters\n",
	    "## How to talk about it\n",        "## Against the competition\n", "## Availability by tier\n", "## FAQ\n",
	    "## Checklist status\n"};
	for (size_t i = 0; i < sizeof sections / sizeof *sections; i++) {
		CHECK_CONTAINS(md, sections[i]);
		if (i)
			CHECK(before(md, sections[i - 1], sections[i]));
	}
	/* the head: tier, date, release with its target, owner */
	CHECK_CONTAINS(md, "| 2027-03-15 | 1 · major | 2027.1 (target 2027-03-10) | planning | pmm@x.test |");
	/* what ships: the description's first paragraph (its heading skipped, inline markup kept), status, plan */
	CHECK_CONTAINS(md, "### Slack alerts\n\n**Status:** in progress · **Plan:** Pro and Enterprise");
	CHECK_CONTAINS(md, "An alert with **the number** and a link.\n");
	CHECK(!strstr(md, "Second paragraph"));
	CHECK(!strstr(md, "# Alerts\n"));
	/* for whom: the launch's segment, the persona with its segment, pains and gains one line each */
	CHECK_CONTAINS(md, "- **Mid-market ops** (4,200) — Teams of 5-30\n");
	CHECK_CONTAINS(md,
	               "- **Olivia** (Head of Operations, segment Mid-market ops)\n  - *Pains:* Reports take a day\n"
	               "  - *Gains:* Answers in the stand-up\n");
	/* why it matters: the goal with its metric, and the quote with its source */
	CHECK_CONTAINS(md, "- **Faster first insight** — Minutes to first alert: 18 (baseline) → 12 min by 2027-06-30");
	CHECK_CONTAINS(md, "> “We need alerts in Slack”\n>\n> — Jane, Umbrella · interview · critical");
	/* how to talk: no messaging and no PR/FAQ yet (test_brief_messaging.c has them), the summary as the story */
	CHECK_CONTAINS(md, "**Messaging:** No approved messaging yet — add it before the launch.");
	CHECK_CONTAINS(md, "*Mid-market ops: no positioning yet.*");
	CHECK_CONTAINS(md, "**PR/FAQ:** none yet — write one from the launch's page.");
	CHECK_CONTAINS(md, "The answer comes to Slack.\n\n- one\n- two\n");
	/* FAQ: when, who, which release, which plan, who to ask (owner, R and A) */
	CHECK_CONTAINS(md, "### When is it available?\n\nIt launches on **2027-03-15**.");
	CHECK_CONTAINS(md, "the launch speaks to Mid-market ops. It is built for Olivia.");
	CHECK_CONTAINS(md, "Release **2027.1**, targeted for 2027-03-10 (planned).");
	CHECK_CONTAINS(md,
	               "**Free:** Guided onboarding. **Pro:** everything in Free, plus Slack alerts. **Enterprise:** "
	               "the same as Pro.");
	CHECK_CONTAINS(md, "The launch owner: **pmm@x.test** (pmm@x.test). Responsible: **pm@x.test** (pm@x.test). "
	                   "Accountable: **pmm@x.test** (pmm@x.test).");
	/* checklist: the tier-1 template, all open; items due before today are overdue */
	CHECK_CONTAINS(md, "**0 of 7** items done. Open:");
	CHECK_CONTAINS(md, "- [ ] PR/FAQ approved — PM, due 2027-02-15 (**overdue**)\n");
	CHECK_CONTAINS(md, "- [ ] Launch-day review — Leader, due 2027-03-14\n");
	/* the rendering has the headings */
	char *html = render(md);
	CHECK_CONTAINS(html, "<h2>What ships</h2>");
	CHECK_CONTAINS(html, "<h2>FAQ</h2>");
	CHECK_CONTAINS(html, "<blockquote>");
	free(html);
	free(md);
	db_close(d);
}

TEST(brief_quotes_most_important_first_then_by_arr)
{
	db *d = t_db();
	long long small = make(d, "accounts", "{\"name\":\"Small\",\"arr\":1000}");
	long long big = make(d, "accounts", "{\"name\":\"Big\",\"arr\":900000}");
	long long f1 = make(d, "features", "{\"title\":\"One\"}"), f2 = make(d, "features", "{\"title\":\"Two\"}");
	static const struct {
		const char *text;
		int account; /* 0 none, 1 small, 2 big */
		int importance;
	} q[] = {
	    {"Q-nice-big", 2, 1},     {"Q-critical-small", 1, 3}, {"Q-important-none", 0, 2},
	    {"Q-critical-big", 2, 3}, {"Q-important-big", 2, 2},  {"Q-nice-small", 1, 1},
	};
	char json[200];
	for (size_t i = 0; i < sizeof q / sizeof *q; i++) {
		long long acct = q[i].account == 2 ? big : small;
		if (q[i].account)
			snprintf(json, sizeof json, "{\"text\":\"%s\",\"account_id\":%lld}", q[i].text, acct);
		else
			snprintf(json, sizeof json, "{\"text\":\"%s\"}", q[i].text);
		link(d, i % 2 ? f2 : f1, make(d, "insights", json), q[i].importance);
	}
	/* an insight on both features counts once, with its highest importance */
	long long both = make(d, "insights", "{\"text\":\"Q-twice\",\"source\":\"sales\"}");
	link(d, f1, both, 1);
	link(d, f2, both, 3);
	snprintf(json, sizeof json, "{\"title\":\"L\",\"launch_date\":\"2027-03-15\",\"feature_ids\":[%lld,%lld]}", f1,
	         f2);
	long long launch = make(d, "launches", json);
	struct err e = {0};
	char *md = brief(d, launch, &e);
	REQUIRE(md);
	CHECK_CONTAINS(md,
	               "**What customers say** — 7 insights from 2 accounts back these features, 3 of them critical.");
	/* critical: big ARR, small ARR, no account; then important by ARR; at most five */
	CHECK(before(md, "Q-critical-big", "Q-critical-small"));
	CHECK(before(md, "Q-critical-small", "Q-twice"));
	CHECK(before(md, "Q-twice", "Q-important-big"));
	CHECK(before(md, "Q-important-big", "Q-important-none"));
	CHECK(!strstr(md, "Q-nice-big"));
	CHECK(!strstr(md, "Q-nice-small"));
	const char *p = md;
	int quotes = 0;
	while ((p = strstr(p, "> “")))
		quotes++, p++;
	CHECK_EQ_INT(quotes, BRIEF_QUOTES_MAX);
	CHECK_CONTAINS(md, "> — Big · other · critical");
	CHECK_CONTAINS(md, "> — sales · critical"); /* no author, no account */
	free(md);
	db_close(d);
}

TEST(brief_availability_grouped_by_package)
{
	db *d = t_db();
	long long a = make(d, "features", "{\"title\":\"Alpha\",\"tier\":\"free\"}");
	long long b = make(d, "features", "{\"title\":\"Beta\",\"tier\":\"pro\"}");
	long long c = make(d, "features", "{\"title\":\"Gamma\",\"tier\":\"enterprise\"}");
	long long x = make(d, "features", "{\"title\":\"Delta\"}");
	long long y = make(d, "features", "{\"title\":\"Epsilon\",\"tier\":\"enterprise\"}");
	char json[200];
	snprintf(json, sizeof json,
	         "{\"title\":\"L\",\"launch_date\":\"2027-03-15\",\"feature_ids\":[%lld,%lld,%lld,%lld,%lld]}", a, b, c,
	         x, y);
	long long launch = make(d, "launches", json);
	struct err e = {0};
	char *md = brief(d, launch, &e);
	REQUIRE(md);
	CHECK_CONTAINS(md, "| Feature | Free | Pro | Enterprise |\n");
	CHECK_CONTAINS(md, "| Alpha | ✓ | ✓ | ✓ |\n");
	CHECK_CONTAINS(md, "| Beta | — | ✓ | ✓ |\n");
	CHECK_CONTAINS(md, "| Gamma | — | — | ✓ |\n");
	CHECK_CONTAINS(md, "| Delta | ? | ? | ? |\n");
	CHECK_CONTAINS(md,
	               "**Free:** Alpha. **Pro:** everything in Free, plus Beta. **Enterprise:** everything in Pro, "
	               "plus Gamma and Epsilon. **Not decided yet:** Delta.");
	CHECK_CONTAINS(md, "**Plan:** not decided yet");
	CHECK_CONTAINS(md, "**Plan:** Enterprise only");
	char *html = render(md);
	CHECK_CONTAINS(html, "<table>");
	CHECK_CONTAINS(html, "<td>Beta</td>");
	free(html);
	free(md);
	db_close(d);
}

TEST(brief_escapes_hostile_text)
{
	db *d = t_db();
	const char *hostile = "*x* <script>alert(1)</script> [y](javascript:alert(1)) | `z` _w_ ~~v~~ &amp; #";
	json_t *f = json_pack("{ssss}", "title", hostile, "description",
	                      "# Head\n\n<img src=x onerror=alert(1)> **fine** text\n\nmore");
	struct err e = {0};
	long long fid = entity_create(d, entity_find("features"), 0, f, &e);
	json_decref(f);
	REQUIRE(fid > 0);
	json_t *in =
	    json_pack("{sssss[I]ss}", "title", hostile, "launch_date", "2027-03-15", "feature_ids", (json_int_t)fid,
	              "summary", "## Fake section\n<script>alert(2)</script>\n```\nunclosed fence\nSetext\n===");
	long long launch = entity_create(d, entity_find("launches"), 0, in, &e);
	json_decref(in);
	REQUIRE(launch > 0);
	json_t *ins = json_pack("{ss}", "text", "<b>bold</b> *quote*\nsecond line");
	long long iid = entity_create(d, entity_find("insights"), 0, ins, &e);
	json_decref(ins);
	link(d, fid, iid, 2);
	char *md = brief(d, launch, &e);
	REQUIRE(md);
	const char *escaped =
	    "\\*x\\* &lt;script&gt;alert(1)&lt;/script&gt; \\[y\\](javascript:alert(1)) \\| \\`z\\` \\_w\\_ "
	    "\\~\\~v\\~\\~ \\&amp; \\#";
	CHECK_CONTAINS(md, escaped);
	CHECK(!strstr(md, "<script"));
	CHECK(!strstr(md, "<img"));
	CHECK(!strstr(md, "<b>"));
	CHECK(!strstr(md, "\n## Fake")); /* the summary cannot open a section of its own */
	CHECK(!strstr(md, "\n```"));     /* nor a fence that would swallow the rest */
	CHECK_CONTAINS(md, "“&lt;b&gt;bold&lt;/b&gt; \\*quote\\* second line”"); /* quotes are plain text */
	char *html = render(md);
	CHECK(!strstr(html, "<script"));
	CHECK(!strstr(html, "<img"));
	CHECK(!strstr(html, "<em>x</em>"));
	CHECK(!strstr(html, "<a href"));
	CHECK(!strstr(html, "<del>"));
	CHECK(!strstr(html, "<h2>Fake"));
	CHECK(!strstr(html, "<h1>Setext"));
	CHECK_CONTAINS(html, "<h1>*x* &lt;script&gt;alert(1)&lt;/script&gt; [y](javascript:alert(1)) | `z` _w_ ~~v~~ "
	                     "&amp;amp; #</h1>");
	CHECK_CONTAINS(html, "<strong>fine</strong>"); /* a Markdown field keeps its inline markup */
	CHECK_CONTAINS(html, "&lt;img src=x");
	CHECK_CONTAINS(html, "<h2>How to talk about it</h2>"); /* the outline survived */
	CHECK_CONTAINS(html, "<h2>Checklist status</h2>");
	/* the hostile title is one table cell in the availability table */
	CHECK_CONTAINS(html, "<td>*x* &lt;script&gt;alert(1)&lt;/script&gt; [y](javascript:alert(1)) | `z`");
	free(html);
	free(md);
	db_close(d);
}

TEST(brief_missing_data_is_named)
{
	db *d = t_db();
	long long launch = make(d, "launches", "{\"title\":\"Bare\",\"tier\":3,\"launch_date\":\"2027-03-15\"}");
	struct err e = {0};
	char *md = brief(d, launch, &e);
	REQUIRE(md);
	CHECK_CONTAINS(md, "| 2027-03-15 | 3 · minor | not set | planning | not set |");
	CHECK_CONTAINS(md, "*No features are attached to this launch yet");
	CHECK_CONTAINS(md, "*No segments are set on the launch yet.*");
	CHECK_CONTAINS(md, "*None of its features names a persona yet.*");
	CHECK_CONTAINS(md, "*None of its features is tied to a goal yet.*");
	CHECK_CONTAINS(md, "*No customer evidence is linked to its features yet");
	CHECK_CONTAINS(md, "*No summary yet");
	CHECK_CONTAINS(md, "**Messaging:** No approved messaging yet");
	CHECK_CONTAINS(md, "*No approved positioning yet: the battlecards follow the competitors it names.*");
	CHECK_CONTAINS(md, "*Nothing to package yet: the launch has no features.*");
	CHECK_CONTAINS(md, "It is not tied to a release yet");
	CHECK_CONTAINS(md, "The target segments are not set yet.");
	CHECK_CONTAINS(md, "The launch has no features yet.");
	CHECK_CONTAINS(md, "The launch owner: not set yet.");
	CHECK_CONTAINS(md, "**0 of 1** item done. Open:\n\n- [ ] Release note — PM, due 2027-03-15\n");
	free(md);
	/* a missing launch: 404 naming it, nothing written */
	buf b;
	buf_init(&b);
	CHECK_EQ_INT(brief_markdown(d, 999, "2027-03-01", &b, &e), -1);
	CHECK_EQ_INT(e.status, 404);
	CHECK_STR(e.field, "launch");
	CHECK_EQ_INT(b.len, 0);
	buf_free(&b);
	/* cancelled, launched, a release after the launch date, every checklist item done */
	long long rel = make(d, "releases", "{\"name\":\"Late\",\"target_date\":\"2027-04-01\"}");
	char json[200];
	snprintf(json, sizeof json,
	         "{\"title\":\"Late one\",\"launch_date\":\"2027-03-15\",\"status\":\"cancelled\","
	         "\"release_id\":%lld}",
	         rel);
	long long late = make(d, "launches", json);
	db_run(d, "UPDATE launch_checklist SET done = 1 WHERE launch_id = ?", "i", late);
	md = brief(d, late, &e);
	REQUIRE(md);
	CHECK_CONTAINS(md, "**This launch is cancelled** — do not announce it.");
	CHECK_CONTAINS(md, "**Careful:** the release is due after the launch date");
	CHECK_CONTAINS(md, "items done. Nothing is open.");
	free(md);
	db_close(d);
}

/* The escaper and the paragraph picker, alone. */
static char *text(void (*fn)(buf *, const char *), const char *s)
{
	buf b;
	buf_init(&b);
	fn(&b, s);
	return buf_detach(&b, NULL);
}

static char *para(const char *s, size_t max)
{
	buf b;
	buf_init(&b);
	brief_md_paragraph(&b, s, max);
	return buf_detach(&b, NULL);
}

TEST(brief_text_helpers)
{
	static const char *const cases[][2] = {
	    {"plain words 2027.1", "plain words 2027.1"},
	    {"- leading dash", "\\- leading dash"},
	    {"C# and F#", "C# and F\\#"},
	    {"a\nb\tc", "a b c"},
	    {"  [x](y) <z> a|b", "\\[x\\](y) &lt;z&gt; a\\|b"},
	    {"back\\slash *", "back\\\\slash \\*"},
	};
	for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
		char *got = text(brief_md_text, cases[i][0]);
		CHECK_STR(got, cases[i][1]);
		free(got);
	}
	static const char *const paras[][2] = {
	    {"## Title\n\nFirst line\nsame para\n\nSecond", "First line same para"},
	    {"1. one\n2. two", "1\\. one 2. two"},
	    {"- item\n- item", "\\- item - item"},
	    {"> quoted", "\\> quoted"},
	    {"[ref]: http://x", "\\[ref]: http://x"},
	    {"**bold** start <b>", "**bold** start &lt;b>"},
	    {"\n\n   \n", ""},
	};
	for (size_t i = 0; i < sizeof paras / sizeof *paras; i++) {
		char *got = para(paras[i][0], 600);
		CHECK_STR(got, paras[i][1]);
		free(got);
	}
	/* cut at a character boundary, never through an entity, with an ellipsis */
	char *got = para("héllo wörld <again>", 8);
	CHECK_STR(got, "héllo w…");
	free(got);
	got = para("ab <cd", 5);
	CHECK_STR(got, "ab…");
	free(got);
	char name[96];
	brief_filename(12, "Spring launch: *Alerts* & SSO!", name, sizeof name);
	CHECK_STR(name, "launch-12-spring-launch-alerts-sso.md");
	brief_filename(3, "Ünïcode only ✓", name, sizeof name);
	CHECK_STR(name, "launch-3-n-code-only.md");
	brief_filename(4, "", name, sizeof name);
	CHECK_STR(name, "launch-4.md");
}

/* How many links or images of md, read as CommonMark, point at a target that is not http(s), mailto or relative. */
static int unsafe_targets(const char *md)
{
	cmark_node *doc = cmark_parse_document(md, strlen(md), CMARK_OPT_DEFAULT);
	cmark_iter *it = cmark_iter_new(doc);
	int n = 0;
	while (cmark_iter_next(it) != CMARK_EVENT_DONE) {
		cmark_node *x = cmark_iter_get_node(it);
		cmark_node_type t = cmark_node_get_type(x);
		const char *url = t == CMARK_NODE_LINK || t == CMARK_NODE_IMAGE ? cmark_node_get_url(x) : NULL;
		if (url && strchr(url, ':') && strncmp(url, "http://", 7) && strncmp(url, "https://", 8) &&
		    strncmp(url, "mailto:", 7))
			n++;
	}
	cmark_iter_free(it);
	cmark_node_free(doc);
	return n;
}

/* regression: the brief's Markdown download copied [x](javascript:...) links of Markdown fields verbatim. */
TEST(regression_brief_markdown_drops_unsafe_links)
{
	db *d = t_db();
	json_t *f = json_pack("{ssss}", "title", "Links", "description",
	                      "See [the docs](https://example.com/docs), [click](javascript:alert(1)), "
	                      "[ref][evil] and ![pic](data:text/html;base64,PHNjcmlwdD4=)\n\n[evil]: JaVaScRiPt:alert(2)");
	struct err e = {0};
	long long fid = entity_create(d, entity_find("features"), 0, f, &e);
	json_decref(f);
	REQUIRE(fid > 0);
	json_t *in = json_pack("{sssss[I]ss}", "title", "Links launch", "launch_date", "2027-03-15", "feature_ids",
	                       (json_int_t)fid, "summary",
	                       "Read [this](vbscript:msgbox) or [that](mailto:pm@example.com) or [here](/roadmap).\n\n"
	                       "- [entity](javascript&#58;alert(3))");
	long long launch = entity_create(d, entity_find("launches"), 0, in, &e);
	json_decref(in);
	REQUIRE(launch > 0);
	char *md = brief(d, launch, &e);
	REQUIRE(md);
	CHECK_EQ_INT(unsafe_targets(md), 0);
	CHECK(!strcasestr(md, "javascript:alert"));
	CHECK(!strstr(md, "vbscript:"));
	CHECK(!strstr(md, "data:text"));
	CHECK_CONTAINS(md, "[the docs](https://example.com/docs)"); /* safe links stay */
	CHECK_CONTAINS(md, "click");                               /* the unsafe link's text stays */
	CHECK_CONTAINS(md, "mailto:pm@example.com");
	CHECK_CONTAINS(md, "(/roadmap)");
	CHECK_CONTAINS(md, "entity");
	free(md);
	db_close(d);
}

/* regression: cmark-gfm wrote the brief's task list checkboxes bare, form controls without a label (axe: critical). */
TEST(regression_tasklist_checkboxes_are_labelled)
{
	char *h = render("- [ ] Messaging approved\n- [x] Blog post\n\nText with <input type=\"checkbox\" disabled=\"\" /> in it\n");
	CHECK_CONTAINS(h, "<li><input type=\"checkbox\" disabled aria-label=\"To do\"> Messaging approved</li>");
	CHECK_CONTAINS(h, "<li><input type=\"checkbox\" disabled checked aria-label=\"Done\"> Blog post</li>");
	CHECK(!strstr(h, "disabled=\"\" />")); /* raw HTML in the text stays escaped, never a checkbox */
	free(h);
}
