/* page_battlecard.c — what competitor pages add (the battlecard link, the objections with their answers and an
 * add form), and the printable battlecard: who they are, why we win, objections and answers with proof, landmines,
 * what customers say of them, when it was last updated. */
#include "app/reply.h"
#include "domain/battlecard.h"
#include "fields.h"
#include "model/entity.h"
#include "model/prfaqs.h"
#include "platform/json_get.h"
#include "web.h"

static void objections_section(request *rq, buf *b, json_t *o)
{
	long long id = jget_int(o, "id");
	json_t *items = json_object_get(o, "objections"), *it;
	size_t i;
	buf_lit(b, "<section id=\"objections\"><h2>Objections</h2>");
	if (!json_array_size(items))
		buf_lit(b, "<p class=\"muted\">No objection written yet: what do buyers say when they compare us?</p>");
	else
		buf_lit(b, "<table class=\"list\"><thead><tr><th>Objection</th><th>Answer</th><th>Proof</th></tr></thead><tbody>");
	json_array_foreach(items, i, it)
	{
		const char *answer = jget_str(it, "answer");
		html(b, "<tr><td><a href=\"/objections/%lld\">%s</a></td><td>%.160s</td><td>%zu</td></tr>", jget_int(it, "id"),
		     jget_str(it, "objection"), answer ? answer : "—", json_array_size(json_object_get(it, "proof")));
	}
	if (json_array_size(items))
		buf_lit(b, "</tbody></table>");
	if (rq->user_rank >= objections_entity.write_rank) {
		buf_lit(b, "<details class=\"add\"><summary>Add an objection</summary><form class=\"edit compact\" "
		           "method=\"post\" action=\"/objections\">");
		form_csrf(rq, b);
		html(b, "<input type=\"hidden\" name=\"competitor_id\" value=\"%lld\">", id);
		field_inputs_except(rq, b, &objections_entity, NULL, NULL, false, "competitor_id");
		buf_lit(b, "<div class=\"form-actions\"><button type=\"submit\">Add</button></div></form></details>");
	}
	buf_lit(b, "</section>");
}

static void show_extra(request *rq, buf *b, json_t *o, const char *form, const struct err *err)
{
	(void)form, (void)err;
	html(b,
	     "<section class=\"card\" id=\"battlecard-link\"><h2>Battlecard</h2><p class=\"actions\"><a class=\"button "
	     "secondary\" href=\"/competitors/%lld/battlecard\">Printable battlecard</a></p><p class=\"help\">Who they "
	     "are, why we win, objections and answers, landmines and what customers say of them, on one sheet.</p>"
	     "</section>",
	     jget_int(o, "id"));
	objections_section(rq, b, o);
}

const struct kind_page competitor_page = {"competitors", NULL, NULL, NULL, NULL, NULL, show_extra};

/* A paragraph of text, or the muted note when there is none. */
static void para(buf *b, const char *text, const char *none)
{
	if (text && *text)
		html(b, "<p class=\"prose\">%s</p>", text);
	else
		html(b, "<p class=\"muted\">%s</p>", none);
}

/* A customer's words with where they came from. */
static void quote(buf *b, json_t *q)
{
	const char *account = jget_str(q, "account"), *when = jget_str(q, "observed_at");
	html(b, "<blockquote><p>“%s”</p><p>%s", jget_str(q, "text"), jget_str(q, "source"));
	if (account)
		html(b, ", %s", account);
	if (when)
		html(b, ", %s", when);
	buf_lit(b, "</p></blockquote>");
}

void page_battlecard(request *rq, response *rs)
{
	long long id = rq_id(rq, 0);
	struct err e = {0};
	json_t *card = battlecard_get(rq->db, id, &e);
	if (!card)
		return page_error(rq, rs, e.status, e.message);
	json_t *c = json_object_get(card, "competitor"), *it;
	const char *name = jget_str(c, "name"), *updated = jget_str(card, "updated_at");
	struct sheet s = {
		.title = arena_strdup(rq->a, name), .kind_label = "Battlecard", .body_class = "battlecard",
		.back_href = arena_printf(rq->a, "/competitors/%lld", id), .back_label = "Back to the competitor",
		.head_note = "Battlecard · for the sales team · not for customers",
	};
	sheet_begin(rq, rs, &s);
	buf *b = &rs->body;
	html(b, "<article class=\"brief-body card-body\">\n<h1>Us vs %s</h1><p>Last updated %.10s</p>", name,
	     updated ? updated : "");
	buf_lit(b, "<h2 id=\"who\">Who they are</h2>");
	para(b, jget_str(c, "positioning"), "How they position is not written yet.");
	html(b, "<h3>Their strengths</h3>");
	para(b, jget_str(c, "strengths"), "Not written yet.");
	html(b, "<h3>Their weaknesses</h3>");
	para(b, jget_str(c, "weaknesses"), "Not written yet.");
	buf_lit(b, "<h2 id=\"why-we-win\">Why we win</h2>");
	size_t i, n = json_array_size(json_object_get(card, "why_we_win"));
	if (!n)
		html(b, "<p class=\"muted\">No positioning names %s as the alternative yet; the differentiators of the "
		        "positioning that does will show here.</p>",
		     name);
	json_array_foreach(json_object_get(card, "why_we_win"), i, it)
	{
		const char *diff = jget_str(it, "differentiator");
		html(b, "<h3><a href=\"/messages/%lld\">%s</a> <span class=\"badge badge-%s\">%s</span></h3>",
		     (long long)jget_int(it, "message_id"), jget_str(it, "text"), jget_str(it, "status"),
		     field_choice_label(entity_field(entity_find("messages"), "status"), jget_str(it, "status"), rq->a));
		html(b, "<p>For %s: %s</p>", jget_str(it, "segment"), diff && *diff ? diff : "no differentiator written yet.");
		json_t *fs = json_object_get(it, "features"), *f;
		size_t k;
		if (json_array_size(fs)) {
			buf_lit(b, "<p class=\"muted\">Backed by:");
			json_array_foreach(fs, k, f)
			    html(b, "%s <a href=\"/features/%lld\">%s</a> (%s)", k ? "," : "", (long long)jget_int(f, "id"),
			         jget_str(f, "title"), field_choice_label(entity_field(entity_find("features"), "status"),
			                                                  jget_str(f, "status"), rq->a));
			buf_lit(b, "</p>");
		}
	}
	buf_lit(b, "<h2 id=\"objections\">Objections and answers</h2>");
	if (!json_array_size(json_object_get(card, "objections")))
		buf_lit(b, "<p class=\"muted\">No objection written yet.</p>");
	json_array_foreach(json_object_get(card, "objections"), i, it)
	{
		html(b, "<h3>“%s”</h3>", jget_str(it, "objection"));
		para(b, jget_str(it, "answer"), "No answer yet.");
		size_t k;
		json_t *q;
		json_array_foreach(json_object_get(it, "proof"), k, q) quote(b, q);
	}
	buf_lit(b, "<h2 id=\"landmines\">Landmines to set</h2>");
	para(b, jget_str(c, "landmines"), "None written yet: the questions to plant early, which their weaknesses "
	                                  "answer badly.");
	buf_lit(b, "<h2 id=\"customers\">What customers say of them</h2>");
	long long total = jget_int(card, "mentions_total");
	if (!total)
		html(b, "<p class=\"muted\">No insight mentions %s by name.</p>", name);
	json_array_foreach(json_object_get(card, "mentions"), i, it) quote(b, it);
	if (total > (long long)json_array_size(json_object_get(card, "mentions")))
		html(b, "<p class=\"muted\">The %zu newest of %lld insights that mention %s.</p>",
		     json_array_size(json_object_get(card, "mentions")), total, name);
	buf_lit(b, "</article>\n");
	char today[11];
	today_ymd(today);
	sheet_end(rq, rs,
	          arena_printf(rq->a, "For the sales team — not for customers. Generated by Tandem on %s from competitor "
	                              "#%lld; its content was last changed on %.10s.",
	                       today, id, updated ? updated : ""));
	json_decref(card);
}
