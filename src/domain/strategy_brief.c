/* strategy_brief.c — the strategy brief: what the company is betting on, in one document for everyone — the vision,
 * perspective, principles and what is out of scope; each goal with its progress and owners; the plan's top items with
 * why; the roadmap; the launches ahead; the approved positioning; recent wins. Written as Markdown sections, so the
 * printable page renders each (with a chart beside each goal) and the download is the sections one after another. */
#include "strategy_brief.h"
#include <math.h>
#include <stdio.h>
#include <string.h>
#include "brief.h"
#include "model/strategy.h"
#include "model/strategy_brief.h"
#include "model/wins.h"
#include "platform/json_get.h"
#include "platform/util.h"
#include "score.h"

enum { PLAN_TOP = 5, WINS_RECENT = 5 };

static json_t *section(json_t *out, const char *id, long long goal_id, buf *md)
{
	json_t *s = json_pack("{sssIss}", "id", id, "goal_id", (json_int_t)goal_id, "markdown", buf_str(md));
	json_array_append_new(out, s);
	buf_reset(md);
	return s;
}

static void number(buf *b, json_t *v)
{
	double x = json_number_value(v);
	if (!json_is_number(v))
		buf_lit(b, "—");
	else if (x == floor(x) && fabs(x) < 1e15)
		buf_rawf(b, "%.0f", x);
	else
		buf_rawf(b, "%.1f", x);
}

/* How far a goal has come from its baseline toward its target, in its direction (0-100, more when passed); -1 when
 * it cannot be told. */
static int progress(json_t *g)
{
	json_t *b = json_object_get(g, "baseline"), *c = json_object_get(g, "current"), *t = json_object_get(g, "target");
	if (!json_is_number(b) || !json_is_number(c) || !json_is_number(t) || json_number_value(t) == json_number_value(b))
		return -1;
	double p = (json_number_value(c) - json_number_value(b)) / (json_number_value(t) - json_number_value(b));
	return (int)lround(fmax(0, p) * 100);
}

/* Strings as Markdown text: "a", "a and b", "a, b and c". */
static void and_list(buf *md, json_t *strings)
{
	size_t k, n = json_array_size(strings);
	json_t *s;
	json_array_foreach(strings, k, s)
	{
		if (k)
			buf_raw(md, k + 1 == n ? " and " : ", ");
		brief_md_text(md, json_string_value(s));
	}
}

/* " (text)", or nothing when there is no text. */
static void aside(buf *md, const char *text)
{
	if (!text)
		return;
	buf_lit(md, " (");
	brief_md_text(md, text);
	buf_lit(md, ")");
}

static void strategy_md(db *d, buf *md)
{
	json_t *st = strategy_get(d);
	static const struct {
		const char *field, *heading;
	} parts[] = {{"vision", "Vision"}, {"perspective", "Our perspective"}, {"principles", "Principles"},
	             {"out_of_scope", "Out of scope"}};
	for (size_t i = 0; i < COUNT(parts); i++) {
		json_t *v = json_object_get(st, parts[i].field), *item;
		buf_rawf(md, "## %s\n\n", parts[i].heading);
		if (json_is_array(v) && json_array_size(v)) { /* principles and out of scope: lists */
			size_t k;
			json_array_foreach(v, k, item)
			{
				buf_raw(md, str_eq(parts[i].field, "principles") ? "1. " : "- ");
				brief_md_text(md, json_string_value(item));
				buf_lit(md, "\n");
			}
			buf_lit(md, "\n");
		} else if (json_is_string(v) && !str_empty(json_string_value(v))) {
			brief_md_blocks(md, json_string_value(v));
			buf_lit(md, "\n");
		} else
			buf_lit(md, "*Not written yet.*\n\n");
	}
	json_decref(st);
}

static void goal_md(buf *md, json_t *g)
{
	buf_lit(md, "### ");
	brief_md_text(md, jget_str(g, "title"));
	if (str_eq(jget_str(g, "status"), "met"))
		buf_lit(md, " (met)");
	buf_lit(md, "\n\n");
	brief_md_text(md, jget_str(g, "metric"));
	buf_lit(md, ": ");
	number(md, json_object_get(g, "baseline"));
	buf_lit(md, " → **");
	number(md, json_object_get(g, "current"));
	buf_lit(md, "** now → ");
	number(md, json_object_get(g, "target"));
	buf_lit(md, " ");
	brief_md_text(md, jget_str(g, "unit"));
	buf_lit(md, " by ");
	brief_md_text(md, jget_str(g, "due") ? jget_str(g, "due") : "no date");
	int p = progress(g);
	if (p >= 0)
		buf_rawf(md, " — %d%% of the way", p);
	buf_lit(md, ".");
	const char *pm = jget_str(g, "pm_owner"), *pmm = jget_str(g, "pmm_owner");
	if (pm || pmm) {
		buf_raw(md, pm && pmm ? " Owners: " : " Owner: ");
		if (pm) {
			brief_md_text(md, pm);
			buf_lit(md, " (PM)");
		}
		if (pm && pmm)
			buf_lit(md, " and ");
		if (pmm) {
			brief_md_text(md, pmm);
			buf_lit(md, " (PMM)");
		}
		buf_lit(md, ".");
	}
	buf_lit(md, "\n");
	if (!str_empty(jget_str(g, "why"))) {
		buf_lit(md, "\nWhy: ");
		brief_md_paragraph(md, jget_str(g, "why"), 400);
		buf_lit(md, "\n");
	}
}

static void plan_md(db *d, buf *md)
{
	json_t *items = strategy_brief_plan(d), *f;
	score_annotate_items(d, items);
	score_sort_items(d, items, true);
	buf_lit(md, "## The plan\n\n");
	if (!json_array_size(items))
		buf_lit(md, "Nothing is planned yet: run the plan on the Plan page and apply it.\n");
	size_t i;
	json_array_foreach(items, i, f)
	{
		if (i == PLAN_TOP) {
			buf_rawf(md, "\n…and %zu more on the plan.\n", json_array_size(items) - PLAN_TOP);
			break;
		}
		buf_rawf(md, "%zu. **", i + 1);
		brief_md_text(md, jget_str(f, "title"));
		buf_lit(md, "**");
		aside(md, jget_str(f, "period"));
		buf_lit(md, " — why: ");
		json_t *goals = json_object_get(f, "goals");
		if (json_array_size(goals)) {
			buf_lit(md, "serves ");
			and_list(md, goals);
		} else
			buf_lit(md, "no goal linked yet");
		long long ins = jget_int(f, "insights"), acc = jget_int(f, "accounts");
		if (ins)
			buf_rawf(md, "; asked for in %lld insight%s from %lld account%s", ins, ins == 1 ? "" : "s", acc,
			         acc == 1 ? "" : "s");
		json_t *sc = json_object_get(f, "score");
		if (json_is_number(sc))
			buf_rawf(md, "; score %.1f", json_number_value(sc));
		buf_lit(md, ".\n");
	}
	json_decref(items);
}

static void roadmap_md(db *d, buf *md)
{
	json_t *rels = strategy_brief_releases(d), *r;
	size_t i;
	buf_lit(md, "## The roadmap\n\n");
	if (!json_array_size(rels))
		buf_lit(md, "No release is planned.\n");
	json_array_foreach(rels, i, r)
	{
		buf_lit(md, "- **");
		brief_md_text(md, jget_str(r, "name"));
		buf_lit(md, "** — ");
		brief_md_text(md, jget_str(r, "target_date"));
		long long n = jget_int(r, "features");
		buf_rawf(md, ", %s, %lld feature%s\n", str_eq(jget_str(r, "status"), "in_progress") ? "in progress" : "planned",
		         n, n == 1 ? "" : "s");
	}
	json_decref(rels);
}

static void launches_md(db *d, buf *md, const char *today)
{
	json_t *ls = strategy_brief_launches(d, today), *l;
	size_t i;
	buf_lit(md, "## Launches ahead\n\n");
	if (!json_array_size(ls))
		buf_lit(md, "No launch is planned.\n");
	json_array_foreach(ls, i, l)
	{
		buf_rawf(md, "- %s, tier %lld: **", jget_str(l, "launch_date"), jget_int(l, "tier"));
		brief_md_text(md, jget_str(l, "title"));
		buf_lit(md, "**");
		aside(md, jget_str(l, "owner"));
		if (!str_empty(jget_str(l, "summary"))) {
			buf_lit(md, " — ");
			brief_md_paragraph(md, jget_str(l, "summary"), 300);
		}
		buf_lit(md, "\n");
	}
	json_decref(ls);
}

static void positioning_md(db *d, buf *md)
{
	json_t *ps = strategy_brief_positioning(d), *p;
	size_t i;
	buf_lit(md, "## Positioning\n\n");
	if (!json_array_size(ps))
		buf_lit(md, "No positioning statement is approved yet.\n");
	json_array_foreach(ps, i, p)
	{
		buf_lit(md, "- ");
		if (jget_str(p, "segment")) {
			buf_lit(md, "**");
			brief_md_text(md, jget_str(p, "segment"));
			buf_lit(md, ":** ");
		}
		brief_md_text(md, jget_str(p, "text"));
		buf_lit(md, "\n");
	}
	json_decref(ps);
}

static void wins_md(db *d, buf *md)
{
	json_t *ws = wins_recent(d, WINS_RECENT), *w;
	size_t i;
	buf_lit(md, "## Recent wins\n\n");
	if (!json_array_size(ws))
		buf_lit(md, "None yet: the first goal met or launch launched will be here.\n");
	json_array_foreach(ws, i, w)
	{
		buf_lit(md, "- **");
		brief_md_text(md, jget_str(w, "title"));
		buf_lit(md, "**");
		json_t *names = json_object_get(w, "thanks_names");
		if (json_array_size(names)) {
			buf_lit(md, " — thanks to ");
			and_list(md, names);
		}
		buf_lit(md, "\n");
	}
	json_decref(ws);
}

json_t *strategy_brief_sections(db *d, const char *today)
{
	json_t *out = json_array();
	buf md;
	buf_init(&md);
	buf_rawf(&md, "# Strategy brief\n\nWhat we are building, for whom and why — as of %s.\n", today);
	section(out, "title", 0, &md);
	strategy_md(d, &md);
	section(out, "strategy", 0, &md);
	json_t *goals = strategy_brief_goals(d), *g;
	size_t i;
	buf_lit(&md, "## Goals\n");
	if (!json_array_size(goals))
		buf_lit(&md, "\nNo goal is set yet.\n");
	section(out, "goals", 0, &md);
	json_array_foreach(goals, i, g)
	{
		goal_md(&md, g);
		section(out, "goal", jget_int(g, "id"), &md);
	}
	json_decref(goals);
	plan_md(d, &md);
	section(out, "plan", 0, &md);
	roadmap_md(d, &md);
	section(out, "roadmap", 0, &md);
	launches_md(d, &md, today);
	section(out, "launches", 0, &md);
	positioning_md(d, &md);
	section(out, "positioning", 0, &md);
	wins_md(d, &md);
	section(out, "wins", 0, &md);
	buf_free(&md);
	return out;
}

char *strategy_brief_markdown(db *d, const char *today)
{
	json_t *secs = strategy_brief_sections(d, today), *s;
	size_t i;
	buf b;
	buf_init(&b);
	json_array_foreach(secs, i, s)
	{
		if (i)
			buf_lit(&b, "\n");
		buf_raw(&b, jget_str(s, "markdown"));
	}
	json_decref(secs);
	return buf_detach(&b, NULL);
}
