/* brief.c — a launch's sales enablement brief as Markdown: what ships, for whom, why it matters, how to talk
 * about it (its approved positioning, pillars and PR/FAQ: brief_messaging.c), against the competition,
 * availability by tier, FAQ and the open checklist, from the launch, its release, features, personas, segments,
 * goals and the customer evidence linked to its features. */
#include "brief.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "brief_int.h"
#include "evidence.h"
#include "model/entity.h"
#include "model/features.h"
#include "model/goals.h"
#include "model/launches.h"
#include "model/users.h"

static const char *const packages[] = {"free", "pro", "enterprise"};
const char *const brief_package_labels[] = {"Free", "Pro", "Enterprise"};
enum { DESCRIPTION_MAX = 600, LINE_MAX_BYTES = 240, QUOTE_MAX = 320 };

int package_of(json_t *feature)
{
	const char *t = jget_str(feature, "tier");
	for (int i = 0; i < PACKAGES; i++)
		if (str_eq(t, packages[i]))
			return i;
	return -1;
}

void add_word(struct brief *x, const char *s)
{
	char *w = arena_strdup(x->a, s ? s : "not set");
	for (char *p = w; *p; p++)
		if (*p == '_')
			*p = ' ';
	brief_md_text(x->b, w);
}

/* A whole number with thousands separators. */
static void add_number(buf *b, double v)
{
	if (v > -1e15 && v < 1e15 && v == (double)(long long)v)
		return buf_int_grouped(b, (long long)v);
	buf_rawf(b, "%.4g", v);
}

void add_cut(struct brief *x, const char *s, size_t n, size_t max)
{
	bool more = n > max;
	if (more) {
		n = max;
		while (n && ((unsigned char)s[n] & 0xC0) == 0x80)
			n--;
	}
	brief_md_text(x->b, arena_strndup(x->a, s, n));
	if (more)
		buf_raw(x->b, "…");
}

/* The first line of plain text with something on it, without a list bullet, at most max bytes, escaped. */
static void add_line(struct brief *x, const char *s, size_t max)
{
	if (!s)
		return;
	s += strspn(s, " \t\r\n");
	if ((*s == '-' || *s == '*' || *s == '+') && s[1] == ' ')
		s += 2;
	else if (!strncmp(s, "• ", strlen("• ")))
		s += strlen("• ");
	add_cut(x, s, strcspn(s, "\r\n"), max);
}

void add_names(struct brief *x, const char *const *names, int n)
{
	for (int i = 0; i < n; i++) {
		buf_raw(x->b, i == 0 ? "" : i == n - 1 ? " and " : ", ");
		brief_md_text(x->b, names[i]);
	}
}

/* A part of the brief begins: its heading and, when it has nothing to show (any false), the note that says
 * what is missing (both program text). Returns any. */
static bool section(struct brief *x, const char *heading, bool any, const char *none)
{
	buf_raw(x->b, heading);
	if (!any)
		buf_raw(x->b, none);
	return any;
}

void item(struct brief *x, const char *name)
{
	buf_lit(x->b, "- **");
	brief_md_text(x->b, name);
	buf_lit(x->b, "**");
}

static void head(struct brief *x)
{
	static const char *const tier_names[] = {"", "major", "notable", "minor"};
	buf *b = x->b;
	long long tier = jget_int(x->launch, "tier");
	json_t *ready = json_object_get(x->launch, "readiness");
	if (json_is_object(ready))
		ready = json_object_get(ready, "percent");
	buf_lit(b, "# ");
	brief_md_text(b, jget_str(x->launch, "title"));
	buf_rawf(b, "\n\n*Sales enablement brief · generated %s*\n\n", x->today);
	buf_lit(b, "| Launch date | Tier | Release | Status | Owner |");
	buf_raw(b, json_is_integer(ready) ? " Readiness |\n" : "\n");
	buf_lit(b, "|---|---|---|---|---|");
	buf_raw(b, json_is_integer(ready) ? "---|\n| " : "\n| ");
	brief_md_text(b, jget_str(x->launch, "launch_date"));
	buf_rawf(b, " | %lld · %s | ", tier, tier >= 1 && tier <= 3 ? tier_names[tier] : "");
	if (x->release) {
		brief_md_text(b, jget_str(x->release, "name"));
		buf_lit(b, " (target ");
		brief_md_text(b, jget_str(x->release, "target_date"));
		buf_lit(b, ")");
	} else {
		buf_lit(b, "not set");
	}
	buf_lit(b, " | ");
	add_word(x, jget_str(x->launch, "status"));
	buf_lit(b, " | ");
	const char *owner = users_name(x->d, x->a, jget_int(x->launch, "owner"));
	brief_md_text(b, owner ? owner : "not set");
	if (json_is_integer(ready))
		buf_rawf(b, " | %lld%%", (long long)json_integer_value(ready));
	buf_lit(b, " |\n\n");
}

/* "Pro and Enterprise": the packages that get a feature of package p. */
static const char *plan_phrase(int p)
{
	static const char *const phrases[] = {"every plan (Free, Pro and Enterprise)", "Pro and Enterprise",
	                                      "Enterprise only"};
	return p < 0 ? "not decided yet" : phrases[p];
}

static void ships(struct brief *x)
{
	buf *b = x->b;
	if (!section(x, "## What ships\n\n", json_array_size(x->features),
	             "*No features are attached to this launch yet — add them on the launch page.*\n\n"))
		return;
	size_t i;
	json_t *f;
	json_array_foreach(x->features, i, f)
	{
		buf_lit(b, "### ");
		brief_md_text(b, jget_str(f, "title"));
		buf_lit(b, "\n\n**Status:** ");
		add_word(x, jget_str(f, "status"));
		buf_rawf(b, " · **Plan:** %s", plan_phrase(package_of(f)));
		if (json_is_integer(json_object_get(f, "readiness")))
			buf_rawf(b, " · **Ready:** %lld%%", jget_int(f, "readiness"));
		buf_lit(b, "\n\n");
		size_t at = b->len;
		brief_md_paragraph(b, jget_str(f, "description"), DESCRIPTION_MAX);
		if (b->len > at)
			buf_lit(b, "\n\n");
	}
}

long long *collect(struct brief *x, const char *field, const char *key, int **weights, int *n)
{
	size_t cap = 1, i, j;
	json_t *f, *v;
	json_array_foreach(x->features, i, f) cap += json_array_size(json_object_get(f, field));
	long long *ids = arena_alloc(x->a, cap * sizeof *ids);
	int *w = arena_alloc(x->a, cap * sizeof *w);
	*n = 0;
	json_array_foreach(x->features, i, f) json_array_foreach(json_object_get(f, field), j, v)
	{
		long long id = key ? jget_int(v, key) : json_integer_value(v);
		int weight = key ? (int)jget_int(v, "weight") : 1, k = 0;
		while (k < *n && ids[k] != id)
			k++;
		if (k == *n)
			ids[(*n)++] = id, w[k] = 0;
		w[k] += weight;
	}
	if (weights)
		*weights = w;
	return ids;
}

static void segments(struct brief *x)
{
	buf *b = x->b;
	const struct entity *seg = entity_find("segments");
	json_t *ids = json_object_get(x->launch, "segment_ids"), *v;
	size_t i;
	section(x, "**Segments**\n\n", json_array_size(ids), "*No segments are set on the launch yet.*\n");
	json_array_foreach(ids, i, v)
	{
		json_t *s = entity_get(x->d, seg, json_integer_value(v));
		if (!s)
			continue;
		item(x, jget_str(s, "name"));
		if (json_is_integer(json_object_get(s, "size"))) {
			buf_lit(b, " (");
			buf_int_grouped(b, jget_int(s, "size"));
			buf_lit(b, ")");
		}
		if (has_text(jget_str(s, "description"))) {
			buf_lit(b, " — ");
			add_line(x, jget_str(s, "description"), LINE_MAX_BYTES);
		}
		buf_lit(b, "\n");
		json_decref(s);
	}
	buf_lit(b, "\n");
}

static void personas(struct brief *x)
{
	buf *b = x->b;
	int n;
	long long *ids = collect(x, "persona_ids", NULL, NULL, &n);
	const struct entity *persona = entity_find("personas");
	section(x, "**Personas**\n\n", n, "*None of its features names a persona yet.*\n");
	for (int i = 0; i < n; i++) {
		json_t *p = entity_get(x->d, persona, ids[i]);
		if (!p)
			continue;
		item(x, jget_str(p, "name"));
		const char *role = jget_str(p, "role");
		const char *segment = entity_ref_label(x->d, x->a, "segments", jget_int(p, "segment_id"));
		if (has_text(role) || segment) {
			buf_lit(b, " (");
			brief_md_text(b, has_text(role) ? role : "");
			buf_raw(b, has_text(role) && segment ? ", " : "");
			if (segment) {
				buf_lit(b, "segment ");
				brief_md_text(b, segment);
			}
			buf_lit(b, ")");
		}
		buf_lit(b, "\n");
		static const char *const sides[][2] = {{"pains", "Pains"}, {"gains", "Gains"}};
		for (int k = 0; k < 2; k++)
			if (has_text(jget_str(p, sides[k][0]))) {
				buf_rawf(b, "  - *%s:* ", sides[k][1]);
				add_line(x, jget_str(p, sides[k][0]), LINE_MAX_BYTES);
				buf_lit(b, "\n");
			}
		json_decref(p);
	}
	buf_lit(b, "\n");
}

static void for_whom(struct brief *x)
{
	buf_lit(x->b, "## For whom\n\n");
	segments(x);
	personas(x);
}

/* Order goals by the summed weight of the features' links, heaviest first, then as first seen. */
struct goal_rank {
	long long id;
	int weight, seen;
};

static int by_weight(const void *pa, const void *pb)
{
	const struct goal_rank *a = pa, *b = pb;
	return a->weight != b->weight ? b->weight - a->weight : a->seen - b->seen;
}

static void goals(struct brief *x)
{
	buf *b = x->b;
	int n, *w;
	long long *ids = collect(x, "goals", "goal_id", &w, &n);
	struct goal_rank *r = arena_alloc(x->a, (size_t)(n + 1) * sizeof *r);
	for (int i = 0; i < n; i++)
		r[i] = (struct goal_rank){ids[i], w[i], i};
	qsort(r, (size_t)n, sizeof *r, by_weight);
	section(x, "**Goals it moves**\n\n", n, "*None of its features is tied to a goal yet.*\n");
	for (int i = 0; i < n; i++) {
		json_t *g = entity_get(x->d, &goals_entity, r[i].id);
		if (!g)
			continue;
		const char *unit = jget_str(g, "unit");
		json_t *cur = json_object_get(g, "current"), *base = json_object_get(g, "baseline");
		item(x, jget_str(g, "title"));
		buf_lit(b, " — ");
		brief_md_text(b, jget_str(g, "metric"));
		buf_lit(b, ": ");
		if (json_is_number(cur))
			add_number(b, json_number_value(cur));
		else if (json_is_number(base))
			add_number(b, json_number_value(base)), buf_lit(b, " (baseline)");
		else
			buf_lit(b, "not measured yet");
		buf_lit(b, " → ");
		add_number(b, json_number_value(json_object_get(g, "target")));
		if (has_text(unit)) {
			buf_lit(b, " ");
			brief_md_text(b, unit);
		}
		if (has_text(jget_str(g, "due"))) {
			buf_lit(b, " by ");
			brief_md_text(b, jget_str(g, "due"));
		}
		buf_lit(b, "\n");
		json_decref(g);
	}
	buf_lit(b, "\n");
}

#define LAUNCH_EVIDENCE                                                                                                \
	"FROM launch_features lf JOIN feature_insights fi ON fi.feature_id = lf.feature_id "                           \
	"JOIN insights i ON i.id = fi.insight_id LEFT JOIN accounts a ON a.id = i.account_id WHERE lf.launch_id = ? "

static void quote(struct brief *x, db_stmt *s)
{
	buf *b = x->b;
	const char *text = db_col_text(s, 0);
	buf_lit(b, "> “");
	add_cut(x, text, strlen(text), QUOTE_MAX);
	buf_lit(b, "”\n>\n> —");
	const char *author = db_col_text(s, 2), *account = db_col_text(s, 3);
	if (has_text(author)) {
		buf_lit(b, " ");
		brief_md_text(b, author);
	}
	if (has_text(account)) {
		buf_raw(b, has_text(author) ? ", " : " ");
		brief_md_text(b, account);
	}
	buf_raw(b, has_text(author) || has_text(account) ? " · " : " ");
	add_word(x, db_col_text(s, 1));
	int imp = (int)db_col_int(s, 4);
	const char *label = evidence_importance_label(imp);
	buf_rawf(b, " · %s\n\n", label ? label : "");
}

static void evidence(struct brief *x)
{
	buf *b = x->b;
	long long launch_id = jget_int(x->launch, "id"), insights = 0, accounts = 0, critical = 0;
	db_stmt *s = db_q(x->d,
	                  "SELECT count(DISTINCT i.id), count(DISTINCT i.account_id), "
	                  "count(DISTINCT CASE WHEN fi.importance = 3 THEN i.id END) " LAUNCH_EVIDENCE,
	                  "i", launch_id);
	if (s && db_step(s) == DB_ROW)
		insights = db_col_int(s, 0), accounts = db_col_int(s, 1), critical = db_col_int(s, 2);
	db_done(s);
	if (!section(x, "**What customers say**", insights,
	             "\n\n*No customer evidence is linked to its features yet — link insights on the features' "
	             "pages.*\n\n"))
		return;
	buf_rawf(b, " — %lld insight%s from %lld account%s back these features", insights, insights == 1 ? "" : "s",
	         accounts, accounts == 1 ? "" : "s");
	if (critical)
		buf_rawf(b, ", %lld of them critical", critical);
	buf_lit(b, ".\n\n");
	/* one row per insight, with the highest importance it has on any of the launch's features */
	s = db_q(x->d,
	         "SELECT i.text, i.source, i.author, a.name, max(fi.importance) AS imp " LAUNCH_EVIDENCE
	         "GROUP BY i.id ORDER BY imp DESC, coalesce(a.arr, 0) DESC, i.observed_at DESC, i.id LIMIT ?",
	         "ii", launch_id, (long long)BRIEF_QUOTES_MAX);
	while (s && db_step(s) == DB_ROW)
		quote(x, s);
	db_done(s);
}

static void why(struct brief *x)
{
	buf_lit(x->b, "## Why it matters\n\n");
	goals(x);
	evidence(x);
}

static void talk(struct brief *x)
{
	buf *b = x->b;
	buf_lit(b, "## How to talk about it\n\n");
	brief_positioning(x);
	brief_prfaq_line(x);
	buf_lit(b, "**The story**\n\n");
	const char *summary = jget_str(x->launch, "summary");
	if (has_text(summary)) {
		brief_md_blocks(b, summary);
		buf_lit(b, "\n");
	} else {
		buf_lit(b, "*No summary yet — write the story in the launch's summary.*\n\n");
	}
	json_t *acts = json_object_get(x->launch, "activities"), *a;
	size_t i, shown = 0;
	json_array_foreach(acts, i, a)
	{
		const char *status = jget_str(a, "status"), *date = jget_str(a, "date");
		if (str_eq(status, "cancelled"))
			continue;
		if (!shown++)
			buf_lit(b, "**Campaign**\n\n");
		buf_lit(b, "- ");
		brief_md_text(b, has_text(date) ? date : "date not set");
		buf_lit(b, " · ");
		add_word(x, jget_str(a, "channel"));
		buf_lit(b, " · ");
		brief_md_text(b, jget_str(a, "title"));
		buf_lit(b, " (");
		add_word(x, status);
		buf_lit(b, ")\n");
	}
	if (shown)
		buf_lit(b, "\n");
}

static void tiers(struct brief *x)
{
	buf *b = x->b;
	if (!section(x, "## Availability by tier\n\n", json_array_size(x->features),
	             "*Nothing to package yet: the launch has no features.*\n\n"))
		return;
	buf_lit(b, "| Feature | Free | Pro | Enterprise |\n|---|:---:|:---:|:---:|\n");
	size_t i;
	json_t *f;
	json_array_foreach(x->features, i, f)
	{
		int p = package_of(f);
		buf_lit(b, "| ");
		brief_md_text(b, jget_str(f, "title"));
		for (int k = 0; k < PACKAGES; k++)
			buf_raw(b, p < 0 ? " | ?" : k >= p ? " | ✓" : " | —");
		buf_lit(b, " |\n");
	}
	buf_lit(b, "\n✓ included · — not included · ? packaging not decided yet\n\n");
}

/* A checklist item's owner role for people: PM, PMM, or the role with a capital first letter. */
static void owner_role(buf *b, const char *role)
{
	if (str_eq(role, "pm") || str_eq(role, "pmm"))
		buf_raw(b, str_eq(role, "pm") ? "PM" : "PMM");
	else if (!str_empty(role)) {
		buf_addc(b, (char)(*role >= 'a' && *role <= 'z' ? *role - 'a' + 'A' : *role));
		brief_md_text(b, role + 1);
	}
}

static void checklist(struct brief *x)
{
	buf *b = x->b;
	json_t *items = json_object_get(x->launch, "checklist"), *it;
	size_t i, done = 0, total = json_array_size(items);
	json_array_foreach(items, i, it) done += json_is_true(json_object_get(it, "done"));
	if (!section(x, "## Checklist status\n\n", total, "*No checklist items yet.*\n"))
		return;
	buf_rawf(b, "**%zu of %zu** item%s done.", done, total, total == 1 ? "" : "s");
	if (done == total) {
		buf_lit(b, " Nothing is open.\n");
		return;
	}
	buf_lit(b, " Open:\n\n");
	json_array_foreach(items, i, it)
	{
		if (json_is_true(json_object_get(it, "done")))
			continue;
		const char *due = jget_str(it, "due");
		buf_lit(b, "- [ ] ");
		brief_md_text(b, jget_str(it, "item"));
		buf_lit(b, " — ");
		owner_role(b, jget_str(it, "owner_role"));
		if (has_text(due)) {
			buf_lit(b, ", due ");
			brief_md_text(b, due);
			if (strcmp(due, x->today) < 0)
				buf_lit(b, " (**overdue**)");
		}
		buf_lit(b, "\n");
	}
}

int brief_markdown(db *d, long long launch_id, const char *today, buf *out, struct err *e)
{
	json_t *launch = entity_get(d, &launches_entity, launch_id);
	if (!launch)
		return err_set(e, 404, "not_found", "launch", "no launch with id %lld", launch_id);
	struct brief x = {d, arena_new(), out, today, launch, NULL, json_array(), NULL, NULL, NULL, NULL};
	long long rel = jget_int(launch, "release_id");
	x.release = rel ? entity_get(d, &releases_entity, rel) : NULL;
	size_t i;
	json_t *v;
	json_array_foreach(json_object_get(launch, "feature_ids"), i, v)
	{
		json_t *f = entity_get(d, &features_entity, json_integer_value(v));
		if (f)
			json_array_append_new(x.features, f);
	}
	brief_messaging_load(&x);
	head(&x);
	ships(&x);
	for_whom(&x);
	why(&x);
	talk(&x);
	brief_battlecards(&x);
	tiers(&x);
	brief_faq(&x);
	checklist(&x);
	brief_messaging_free(&x);
	json_decref(x.features);
	json_decref(x.release);
	json_decref(x.launch);
	arena_free(x.a);
	return 0;
}
