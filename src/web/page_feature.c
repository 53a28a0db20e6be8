/* page_feature.c — what features add to the generic pages: the score column and value/effort chart
 * on the list, the score breakdown, triage and merging on a feature's page, and the triage queue. */
#include <string.h>
#include "app/reply.h"
#include "domain/score.h"
#include "domain/triage.h"
#include "evidence.h"
#include "fields.h"
#include "model/features.h"
#include "model/strategy.h"
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

/* The value/effort chart of the listed features that have an effort estimate. */
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

/* The strategy statements a decline may cite, as <option>s (value perspective, principle:N, out_of_scope:N). */
static void cite_options(request *rq, buf *b, json_t *strategy, const char *chosen)
{
	const char *p = json_string_value(json_object_get(strategy, "perspective"));
	if (p && *p)
		html(b, "<option value=\"perspective\"%s>Perspective: %.80s</option>",
		     chosen && !strcmp(chosen, "perspective") ? " selected" : "", p);
	const struct {
		const char *key, *label;
	} lists[] = {{"principles", "principle"}, {"out_of_scope", "out_of_scope"}};
	for (size_t l = 0; l < COUNT(lists); l++) {
		size_t i;
		json_t *x;
		json_array_foreach(json_object_get(strategy, lists[l].key), i, x)
		{
			const char *v = arena_printf(rq->a, "%s:%zu", lists[l].label, i + 1);
			html(b, "<option value=\"%s\"%s>%s %zu: %.80s</option>", v, chosen && !strcmp(chosen, v) ? " selected" : "",
			     l == 0 ? "Principle" : "Out of scope", i + 1, json_string_value(x));
		}
	}
}

/* Accept or decline one request; err/failed re-show what was typed. */
static void triage_form(request *rq, buf *b, json_t *f, json_t *strategy, const struct err *err, const char *back)
{
	long long id = json_integer_value(json_object_get(f, "id"));
	bool failed = err && err->status;
	html(b, "<div class=\"triage-actions\"><form method=\"post\" action=\"/features/%lld/triage\">", id);
	form_csrf(rq, b);
	html(b, "<input type=\"hidden\" name=\"back\" value=\"%s\"><input type=\"hidden\" name=\"decision\" value=\"accept\">"
	        "<button type=\"submit\">Accept</button></form>",
	     back);
	html(b, "<details%s><summary>Decline…</summary><form method=\"post\" action=\"/features/%lld/triage\" "
	        "class=\"decline\" id=\"decline-%lld\">",
	     failed ? " open" : "", id, id);
	form_csrf(rq, b);
	if (failed)
		html(b, "<p class=\"error\" role=\"alert\">%s</p>", err->message);
	const char *reason = failed ? rq_form(rq, "reason") : NULL;
	html(b, "<input type=\"hidden\" name=\"back\" value=\"%s\"><input type=\"hidden\" name=\"decision\" value=\"decline\">"
	        "<label for=\"reason-%lld\">Reason</label><textarea id=\"reason-%lld\" name=\"reason\" rows=\"2\" required>%s"
	        "</textarea><label for=\"cites-%lld\">It conflicts with</label><select id=\"cites-%lld\" name=\"cites\" "
	        "required><option value=\"\">— choose what it conflicts with —</option>",
	     back, id, id, reason ? reason : "", id, id);
	cite_options(rq, b, strategy, failed ? rq_form(rq, "cites") : NULL);
	buf_lit(b, "</select><button type=\"submit\" class=\"danger\">Decline</button></form></details></div>");
}

static void merge_form(request *rq, buf *b, json_t *f, const char *form, const struct err *err)
{
	long long id = json_integer_value(json_object_get(f, "id"));
	bool failed = form && !strcmp(form, "merge");
	html(b, "<details class=\"merge\"%s><summary>Merge into another feature…</summary>"
	        "<form method=\"post\" action=\"/features/%lld/merge\" id=\"merge-form\">",
	     failed ? " open" : "", id);
	form_csrf(rq, b);
	if (failed)
		html(b, "<p class=\"error\" role=\"alert\">%s</p>", err->message);
	buf_lit(b, "<p class=\"help\">Use this for a duplicate: its goals, personas, evidence and dependents move to the "
	           "feature you keep; this one stays as a link to it.</p><label for=\"into\">Keep</label>"
	           "<select id=\"into\" name=\"into\" required><option value=\"\">— the feature to keep —</option>");
	db_stmt *s = db_q(rq->db, "SELECT id, title FROM features WHERE id <> ? AND merged_into IS NULL ORDER BY title "
	                          "COLLATE NOCASE LIMIT 2000",
	                  "i", id);
	while (s && db_step(s) == DB_ROW)
		html(b, "<option value=\"%lld\">#%lld %s</option>", db_col_int(s, 0), db_col_int(s, 0), db_col_text(s, 1));
	db_done(s);
	buf_lit(b, "</select><button type=\"submit\" class=\"secondary\">Merge</button></form></details>");
}

static void show_extra(request *rq, buf *b, json_t *f, const char *form, const struct err *err)
{
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
		triage_form(rq, b, f, strategy, form && !strcmp(form, "triage") ? err : NULL,
		            arena_printf(rq->a, "/features/%lld", id));
		buf_lit(b, "</section>");
		json_decref(strategy);
	}
	if (editor)
		merge_form(rq, b, f, form, err);
}

const struct kind_page feature_page = {"features", "Score", list_prepare, list_cell, NULL, list_before, show_extra};

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

/* The queue of new requests; after a decision, the reply to send and (on failure) the form again. */
static void triage_page(request *rq, response *rs, long long failed_id, const struct err *err, const char *reply,
                        const char *reply_to)
{
	page_begin(rq, rs, "Triage", "triage");
	buf *b = &rs->body;
	json_t *strategy = strategy_get(rq->db);
	buf_lit(b, "<div class=\"page-head\"><div><h1>Triage</h1><p class=\"blurb\">New requests, judged against the "
	           "strategy: accept what fits; decline what does not, saying which statement it conflicts with.</p></div>"
	           "</div>");
	if (reply) {
		html(b, "<section class=\"card reply\" id=\"reply\"><h2>Reply to send%s%s</h2><textarea readonly rows=\"13\" "
		        "aria-label=\"Reply text\">%s</textarea></section>",
		     reply_to && *reply_to ? " to " : "", reply_to ? reply_to : "", reply);
	}
	buf_lit(b, "<div class=\"triage-layout\"><div class=\"queue\">");
	db_stmt *s = db_q(rq->db, "SELECT id FROM features WHERE status IN ('new', 'triage') AND merged_into IS NULL "
	                          "ORDER BY created_at, id LIMIT 200",
	                  "");
	long long ids[200];
	int n = 0;
	while (s && db_step(s) == DB_ROW && n < 200)
		ids[n++] = db_col_int(s, 0);
	db_done(s);
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
		     ids[i], ids[i], json_string_value(json_object_get(f, "title")), kind, who && *who ? who : "someone",
		     json_string_value(json_object_get(f, "created_at")));
		const char *desc = json_string_value(json_object_get(f, "description"));
		if (desc && *desc)
			html(b, "<p class=\"excerpt\">%.400s</p>", desc);
		if (editor)
			triage_form(rq, b, f, strategy, ids[i] == failed_id ? err : NULL, "/triage");
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
	triage_page(rq, rs, 0, NULL, reply, who);
}

void page_feature_triage(request *rq, response *rs)
{
	long long id = rq_id(rq, 0);
	const char *decision = rq_form(rq, "decision"), *reason = rq_form(rq, "reason"), *cites = rq_form(rq, "cites");
	json_t *in = json_pack("{ss}", "decision", decision ? decision : "");
	if (reason)
		json_object_set_new(in, "reason", json_string_nocheck(reason));
	if (cites && *cites)
		json_object_set_new(in, "cites", json_string_nocheck(cites));
	struct err err = {0};
	const char *reply = NULL;
	int rc = triage_decide(rq->db, rq->a, rq->user_id, id, in, &reply, &err);
	json_decref(in);
	const char *back = rq_form(rq, "back");
	bool from_feature = back && !strncmp(back, "/features/", 10);
	if (rc < 0) {
		rs->status = err.status;
		if (from_feature)
			return page_entity_show_failed(rq, rs, &features_entity, id, "triage", &err);
		return triage_page(rq, rs, id, &err, NULL, NULL);
	}
	(void)reply; /* shown after the redirect, so reloading does not post the decision again */
	reply_redirect(rs, rq, arena_printf(rq->a, "/triage?replied=%lld", id));
}

void page_feature_merge(request *rq, response *rs)
{
	long long id = rq_id(rq, 0), into;
	struct err err = {0};
	const char *v = rq_form(rq, "into");
	int rc = !v || !parse_ll(v, &into) ? err_invalid(&err, "into", "choose the feature to keep")
	                                   : feature_merge(rq->db, rq->user_id, id, into, &err);
	if (rc < 0)
		return page_entity_show_failed(rq, rs, &features_entity, id, "merge", &err);
	reply_redirect(rs, rq, arena_printf(rq->a, "/features/%lld?merged_from=%lld", into, id));
}
