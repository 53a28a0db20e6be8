/* page_feature.c — what features add to the generic pages: the score column and value/effort chart
 * on the list, the score breakdown, triage and merging on a feature's page, and the triage queue. */
#include <string.h>
#include "action_form.h"
#include "app/reply.h"
#include "domain/demand.h"
#include "domain/evidence.h"
#include "domain/gate.h"
#include "domain/score.h"
#include "domain/triage.h"
#include "evidence.h"
#include "fields.h"
#include "model/features.h"
#include "model/strategy.h"
#include "platform/json_get.h"
#include "svg.h"
#include "web.h"

/* Every listed feature's score, computed at once. */
struct scores {
	long long *ids;
	struct score *s;
	int n;
};

static void *list_prepare(request *rq, json_t *items)
{
	struct scores *sc = arena_alloc(rq->a, sizeof *sc);
	sc->n = (int)json_array_size(items);
	sc->ids = arena_alloc(rq->a, sizeof *sc->ids * (size_t)(sc->n + 1));
	sc->s = arena_alloc(rq->a, sizeof *sc->s * (size_t)(sc->n + 1));
	for (int i = 0; i < sc->n; i++)
		sc->ids[i] = json_integer_value(json_object_get(json_array_get(items, (size_t)i), "id"));
	struct score_weights w;
	score_weights_get(rq->db, &w);
	if (score_batch(rq->db, &w, sc->ids, sc->n, sc->s) < 0)
		sc->n = 0;
	return sc;
}

static const struct score *score_of(const struct scores *sc, long long id)
{
	for (int i = 0; i < sc->n; i++)
		if (sc->ids[i] == id && sc->s[i].found)
			return &sc->s[i];
	return NULL;
}

static void list_cell(request *rq, buf *b, json_t *f, void *ctx)
{
	(void)rq;
	const struct score *s = score_of(ctx, json_integer_value(json_object_get(f, "id")));
	if (s)
		fmt_number(b, s->score);
}

/* Highest value first, then the smaller effort: the chart's numbers read as a ranking. */
static int dot_cmp(const void *pa, const void *pb)
{
	const struct svg_dot *a = pa, *b = pb;
	if (a->y != b->y)
		return a->y > b->y ? -1 : 1;
	if (a->x != b->x)
		return a->x < b->x ? -1 : 1;
	return (a->id > b->id) - (a->id < b->id);
}

/* The value/effort chart of the listed features that have an effort estimate, numbered by value. */
static void list_before(request *rq, buf *b, json_t *items, void *ctx)
{
	struct scores *sc = ctx;
	struct svg_dot *dots = arena_alloc(rq->a, sizeof *dots * (json_array_size(items) + 1));
	int n = 0;
	size_t i;
	json_t *f;
	json_array_foreach(items, i, f)
	{
		const struct score *s = score_of(sc, json_integer_value(json_object_get(f, "id")));
		if (!s || s->effort <= 0)
			continue;
		dots[n].x = s->effort;
		dots[n].y = s->score;
		dots[n].id = s->id;
		dots[n++].label = json_string_value(json_object_get(f, "title"));
	}
	html(b, "<details class=\"chart-box\"%s><summary>Value against effort (%d with an effort estimate)</summary>",
	     n ? " open" : "", n);
	qsort(dots, (size_t)n, sizeof *dots, dot_cmp);
	svg_scatter(b, dots, n);
	buf_lit(b, "</details>");
}

static void score_section(request *rq, buf *b, long long id)
{
	bool missing = false;
	json_t *s = feature_score(rq->db, id, &missing);
	if (!s)
		return;
	json_t *t = json_object_get(s, "terms"), *w = json_object_get(s, "weights");
	buf_lit(b, "<section class=\"card\" id=\"score\"><h2>Score <span class=\"score-inline\">");
	fmt_number(b, json_number_value(json_object_get(s, "score")));
	buf_lit(b, "</span></h2><table class=\"list compact breakdown\"><thead><tr><th scope=\"col\">Part</th>"
	           "<th scope=\"col\" class=\"num\">Input</th><th scope=\"col\" class=\"num\">Weight</th>"
	           "<th scope=\"col\" class=\"num\">Points</th></tr></thead><tbody>");
	const struct {
		const char *label, *input, *weight, *term;
	} rows[] = {{"Goal value (Σ goal weights)", "goal_value", "goal", "goal"},
	            {"Evidence demand", "demand", "demand", "demand"},
	            {"RICE (reach × impact × confidence ÷ effort)", "rice", "rice", "rice"}};
	for (size_t i = 0; i < COUNT(rows); i++) {
		html(b, "<tr><td>%s</td><td class=\"num\">", rows[i].label);
		fmt_number(b, json_number_value(json_object_get(s, rows[i].input)));
		buf_lit(b, "</td><td class=\"num\">");
		fmt_number(b, json_number_value(json_object_get(w, rows[i].weight)));
		buf_lit(b, "</td><td class=\"num\">");
		fmt_number(b, json_number_value(json_object_get(t, rows[i].term)));
		buf_lit(b, "</td></tr>");
	}
	buf_lit(b, "</tbody></table><p class=\"help\">Reach ");
	fmt_number(b, json_number_value(json_object_get(s, "reach")));
	buf_lit(b, " · impact ");
	fmt_number(b, json_number_value(json_object_get(s, "impact")));
	buf_lit(b, " · confidence ");
	fmt_number(b, json_number_value(json_object_get(s, "confidence")));
	buf_lit(b, " · effort ");
	fmt_number(b, json_number_value(json_object_get(s, "effort")));
	buf_lit(b, " person-weeks. <a href=\"/settings/score\">Weights</a></p>");
	size_t i;
	json_t *note;
	json_array_foreach(json_object_get(s, "notes"), i, note)
	{
		const char *text = json_string_value(note); /* notes are lower-case clauses: start each as a sentence */
		if (text && *text)
			html(b, "<p class=\"help\">%c%s.</p>", text[0] >= 'a' && text[0] <= 'z' ? text[0] - 32 : text[0], text + 1);
	}
	buf_lit(b, "</section>");
	json_decref(s);
}

/* The strategy statements a decline may cite, as a <select> (perspective, principle:N, out_of_scope:N); ctx is
 * the strategy. */
static void cite_select(request *rq, buf *b, const char *id, const char *name, const char *chosen, void *ctx)
{
	json_t *strategy = ctx;
	html(b, "<select id=\"%s\" name=\"%s\" required><option value=\"\">— choose what it conflicts with —</option>", id,
	     name);
	const char *p = json_string_value(json_object_get(strategy, "perspective"));
	if (p && *p)
		html(b, "<option value=\"perspective\"%s>Perspective: %.80s</option>", !strcmp(chosen, "perspective") ? " selected" : "",
		     p);
	const struct {
		const char *key, *label;
	} lists[] = {{"principles", "principle"}, {"out_of_scope", "out_of_scope"}};
	for (size_t l = 0; l < COUNT(lists); l++) {
		size_t i;
		json_t *x;
		json_array_foreach(json_object_get(strategy, lists[l].key), i, x)
		{
			const char *v = arena_printf(rq->a, "%s:%zu", lists[l].label, i + 1);
			html(b, "<option value=\"%s\"%s>%s %zu: %.80s</option>", v, !strcmp(chosen, v) ? " selected" : "",
			     l == 0 ? "Principle" : "Out of scope", i + 1, json_string_value(x));
		}
	}
	buf_lit(b, "</select>");
}

/* Accept or decline one request (back: the page to come back to when it fails). */
static void triage_form(request *rq, buf *b, json_t *f, json_t *strategy, const char *back)
{
	long long id = json_integer_value(json_object_get(f, "id"));
	struct kv back_kv = {"back", back, NULL}, accept = {"decision", "accept", &back_kv},
	          decline = {"decision", "decline", &back_kv};
	buf_lit(b, "<div class=\"triage-actions\">");
	action_form(rq, b, &triage_action, f,
	            &(struct form_opts){.suffix = arena_printf(rq->a, "-accept-%lld", id), .hidden = &accept, .only = "",
	                                .quiet = true});
	action_form(rq, b, &triage_action, f,
	            &(struct form_opts){.suffix = arena_printf(rq->a, "-%lld", id), .cls = "decline", .details = "Decline…",
	                                .hidden = &decline, .only = "reason cites", .button = "Decline",
	                                .button_cls = "danger", .custom = "cites", .custom_input = cite_select,
	                                .ctx = strategy});
	buf_lit(b, "</div>");
}

/* The features to keep, as a <select> (ctx: the merged feature's id). */
static void merge_select(request *rq, buf *b, const char *id, const char *name, const char *chosen, void *ctx)
{
	json_t *fs = features_merge_candidates(rq->db, *(long long *)ctx), *x;
	size_t i;
	html(b, "<select id=\"%s\" name=\"%s\" required><option value=\"\">— the feature to keep —</option>", id, name);
	json_array_foreach(fs, i, x)
	{
		const char *v = arena_printf(rq->a, "%lld", jget_int(x, "id"));
		html(b, "<option value=\"%s\"%s>#%s %s</option>", v, !strcmp(v, chosen) ? " selected" : "", v,
		     jget_str(x, "title"));
	}
	buf_lit(b, "</select>");
	json_decref(fs);
}

static void merge_form(request *rq, buf *b, json_t *f)
{
	long long id = json_integer_value(json_object_get(f, "id"));
	buf_lit(b, "<div class=\"merge\">");
	action_form(rq, b, &merge_action, f,
	            &(struct form_opts){.details = "Merge into another feature…", .button_cls = "secondary",
	                                .intro = "Use this for a duplicate: its goals, personas, evidence and dependents "
	                                         "move to the feature you keep; this one stays as a link to it.",
	                                .custom = "into", .custom_input = merge_select, .ctx = &id});
	buf_lit(b, "</div>");
}

static void show_extra(request *rq, buf *b, json_t *f, const char *form, const struct err *err)
{
	(void)form, (void)err; /* the action forms find their own failures */
	long long id = json_integer_value(json_object_get(f, "id"));
	score_section(rq, b, id);
	evidence_section(rq, b, id);
	feature_launches_section(rq, b, id);
	const char *status = json_string_value(json_object_get(f, "status"));
	bool editor = rq->user_rank >= features_entity.write_rank;
	if (editor && (!strcmp(status, "new") || !strcmp(status, "triage"))) {
		json_t *strategy = strategy_get(rq->db);
		buf_lit(b, "<section class=\"card\" id=\"triage\"><h2>Triage</h2>");
		const char *p = json_string_value(json_object_get(strategy, "perspective"));
		if (p && *p)
			html(b, "<blockquote class=\"perspective\">%s</blockquote>", p);
		triage_form(rq, b, f, strategy, arena_printf(rq->a, "/features/%lld", id));
		buf_lit(b, "</section>");
		json_decref(strategy);
	}
	if (editor)
		merge_form(rq, b, f);
}

/* The backlog opens by score, highest first, with what is declined or shipped out of the way unless asked. */
const struct kind_page feature_page = {"features", "Score", list_prepare, list_cell, NULL, list_before, show_extra,
                                       .page_sort = "-score", .hide_filter = "closed", .unless_field = "status",
                                       .show_all = "Show declined and shipped"};

/* The strategy beside the queue, numbered as the decline form cites it. */
static void strategy_aside(buf *b, json_t *s)
{
	buf_lit(b, "<aside class=\"card gate\"><h2>The perspective gate</h2>");
	const char *p = json_string_value(json_object_get(s, "perspective"));
	html(b, "<blockquote class=\"perspective\" id=\"gate-perspective\">%s</blockquote>", p && *p ? p : "No perspective set yet.");
	const struct {
		const char *key, *title, *tag;
	} lists[] = {{"principles", "Principles", "ol"}, {"out_of_scope", "Out of scope", "ol"}};
	for (size_t l = 0; l < COUNT(lists); l++) {
		html(b, "<h3>%s</h3><%s>", lists[l].title, lists[l].tag);
		size_t i;
		json_t *x;
		json_array_foreach(json_object_get(s, lists[l].key), i, x) html(b, "<li>%s</li>", json_string_value(x));
		html(b, "</%s>", lists[l].tag);
	}
	buf_lit(b, "<p><a href=\"/strategy\">The whole strategy</a></p></aside>");
}

/* The evidence behind a request: how many insights, from how many accounts, and its demand. */
static void request_evidence(request *rq, buf *b, long long id)
{
	json_t *dm = demand_feature(rq->db, id);
	long long insights = evidence_count(rq->db, id);
	if (!insights)
		buf_lit(b, "<p class=\"evidence-line muted\">No customer evidence linked yet.</p>");
	else {
		html(b, "<p class=\"evidence-line\"><a href=\"/features/%lld#evidence\">%lld insight%s</a> from %lld account%s · "
		        "demand ",
		     id, insights, insights == 1 ? "" : "s", (long long)json_integer_value(json_object_get(dm, "account_count")),
		     json_integer_value(json_object_get(dm, "account_count")) == 1 ? "" : "s");
		fmt_number(b, json_number_value(json_object_get(dm, "demand")));
		buf_lit(b, "</p>");
	}
	json_decref(dm);
}

/* What the gate sees in a request: the strategy statements it shares words with, and the words. */
static void gate_matches(request *rq, buf *b, long long id)
{
	struct err e = {0};
	json_t *g = feature_gate(rq->db, id, &e), *m;
	json_t *ms = json_object_get(g, "matches");
	if (!json_array_size(ms)) {
		buf_lit(b, "<p class=\"gate muted\">Shares no words with the strategy.</p>");
		json_decref(g);
		return;
	}
	static const struct {
		const char *type, *label;
	} types[] = {{"perspective", "Perspective"}, {"principle", "Principle"}, {"out_of_scope", "Out of scope"}};
	buf_lit(b, "<div class=\"gate\"><h3>Touches the strategy</h3><ul>");
	size_t i, k;
	json_t *w;
	json_array_foreach(ms, i, m) {
		const char *type = json_string_value(json_object_get(m, "type")), *label = type;
		for (size_t t = 0; t < COUNT(types); t++)
			if (!strcmp(types[t].type, type))
				label = types[t].label;
		html(b, "<li class=\"gate-%s\"><span class=\"badge\">%s", type, label);
		if (strcmp(type, "perspective"))
			buf_rawf(b, " %lld", (long long)json_integer_value(json_object_get(m, "index")));
		html(b, "</span> %s <small class=\"matched\">shared words: ", json_string_value(json_object_get(m, "text")));
		json_array_foreach(json_object_get(m, "words"), k, w) html(b, "%s%s", k ? ", " : "", json_string_value(w));
		buf_lit(b, "</small></li>");
	}
	buf_lit(b, "</ul></div>");
	json_decref(g);
}

/* The queue of new requests; after a decision, the reply to send and (on failure) the form again. */
static void triage_page(request *rq, response *rs, const char *reply, const char *reply_to)
{
	page_begin(rq, rs, "Triage", "triage");
	buf *b = &rs->body;
	json_t *strategy = strategy_get(rq->db);
	buf_lit(b, "<div class=\"page-head\"><div><h1>Triage</h1><p class=\"blurb\">New requests, judged against the "
	           "strategy: accept what fits; decline what does not, saying which statement it conflicts with.</p></div>"
	           "</div>");
	if (reply) {
		html(b, "<section class=\"card reply\" id=\"reply\"><h2>Reply to send%s%s</h2><textarea readonly rows=\"13\" "
		        "id=\"reply-text\" aria-label=\"Reply text\">%s</textarea><div class=\"actions\">",
		     reply_to && *reply_to ? " to " : "", reply_to ? reply_to : "", reply);
		/* a mail ready to send: to the requester when their address is known */
		buf to, body;
		buf_init(&to);
		buf_init(&body);
		if (reply_to && strchr(reply_to, '@') && !strpbrk(reply_to, " <>,;"))
			buf_url(&to, reply_to);
		buf_url(&body, reply);
		html(b, "<a class=\"button\" href=\"mailto:%s?subject=%s&amp;body=%s\">Write the mail</a>", to.len ? to.p : "",
		     "Your%20request", body.p);
		buf_free(&to);
		buf_free(&body);
		buf_lit(b, "<button type=\"button\" class=\"secondary\" data-copy=\"reply-text\" hidden>Copy the reply</button>"
		           "</div><script src=\"/static/copy.js\" defer></script></section>");
	}
	buf_lit(b, "<div class=\"triage-layout\"><div class=\"queue\">");
	long long ids[200];
	int n = features_requests(rq->db, ids, (int)COUNT(ids));
	if (!n)
		buf_lit(b, "<p class=\"empty\">No requests waiting. New ones arrive as features with status “new”.</p>");
	bool editor = rq->user_rank >= features_entity.write_rank;
	for (int i = 0; i < n; i++) {
		json_t *f = entity_get(rq->db, &features_entity, ids[i]);
		if (!f)
			continue;
		const char *who = json_string_value(json_object_get(f, "requester"));
		const char *kind = json_string_value(json_object_get(f, "kind"));
		html(b, "<article class=\"card request\" id=\"request-%lld\"><h2><a href=\"/features/%lld\">%s</a> "
		        "<span class=\"badge\">%s</span></h2><p class=\"muted\">Requested by %s · <time>%.10s</time></p>",
		     ids[i], ids[i], json_string_value(json_object_get(f, "title")),
		     field_choice_label(entity_field(&features_entity, "kind"), kind, rq->a), who && *who ? who : "someone",
		     json_string_value(json_object_get(f, "created_at")));
		const char *desc = json_string_value(json_object_get(f, "description"));
		if (desc && *desc)
			html(b, "<p class=\"excerpt\">%.400s</p>", desc);
		request_evidence(rq, b, ids[i]);
		gate_matches(rq, b, ids[i]);
		if (editor)
			triage_form(rq, b, f, strategy, "/triage");
		buf_lit(b, "</article>");
		json_decref(f);
	}
	buf_lit(b, "</div>");
	strategy_aside(b, strategy);
	buf_lit(b, "</div>");
	json_decref(strategy);
	page_end(rq, rs);
}

void page_triage(request *rq, response *rs)
{
	long long id;
	const char *reply = NULL, *who = NULL;
	if (rq_query(rq, "replied") && parse_ll(rq_query(rq, "replied"), &id)) {
		reply = triage_reply(rq->db, rq->a, rq->user_id, id);
		json_t *f = entity_get(rq->db, &features_entity, id);
		who = f ? arena_strdup(rq->a, json_string_value(json_object_get(f, "requester"))) : NULL;
		json_decref(f);
	}
	triage_page(rq, rs, reply, who);
}

/* A failed triage shows the page its form was on again: the feature's, or the queue. */
static void triage_failed(request *rq, response *rs, const struct outcome *o)
{
	const char *back = rq_form(rq, "back");
	if (back && !strncmp(back, "/features/", 10))
		return page_entity_show_failed(rq, rs, &features_entity, o->id, "triage", &o->err);
	triage_page(rq, rs, NULL, NULL);
}

const struct action_page triage_page_face = {&triage_action, triage_failed, NULL};
