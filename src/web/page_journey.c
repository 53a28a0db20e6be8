/* page_journey.c — the journey map: stages across (with their touchpoints and pains), personas down; each cell the
 * features that serve that persona at that stage, the persona's messages and the insights behind them; a gap is
 * marked as one. */
#include "domain/journey.h"
#include "model/entity.h"
#include "platform/json_get.h"
#include "web.h"

static void stage_row(buf *b, json_t *stages, const char *label, const char *field)
{
	size_t i;
	json_t *st;
	html(b, "<tr class=\"stage-%s\"><th scope=\"row\">%s</th>", field, label);
	json_array_foreach(stages, i, st)
	{
		const char *t = jget_str(st, field);
		if (t && *t)
			html(b, "<td><div class=\"prose\">%s</div></td>", t);
		else
			buf_lit(b, "<td><span class=\"muted\">—</span></td>");
	}
	buf_lit(b, "</tr>");
}

static void feature_items(request *rq, buf *b, json_t *features)
{
	const struct field *status = entity_field(entity_find("features"), "status");
	size_t i;
	json_t *f;
	buf_lit(b, "<ul class=\"plain journey-features\">");
	json_array_foreach(features, i, f) html(b, "<li><a href=\"/features/%lld\">%s</a> <span class=\"badge badge-%s\">%s</span></li>",
	                                        jget_int(f, "id"), jget_str(f, "title"), jget_str(f, "status"),
	                                        field_choice_label(status, jget_str(f, "status"), rq->a));
	buf_lit(b, "</ul>");
}

/* A persona's messages (the same in each of its cells: messaging is not per stage), under its name: what we tell
 * them, each with its level and approval. */
static void persona_messages(request *rq, buf *b, json_t *messages)
{
	const struct field *status = entity_field(entity_find("messages"), "status");
	size_t i;
	json_t *m;
	if (!json_array_size(messages))
		return;
	buf_lit(b, "<ul class=\"plain journey-messages\">");
	json_array_foreach(messages, i, m)
	    html(b, "<li><a href=\"/messages/%lld\">%s</a> <span class=\"badge badge-%s\">%s</span></li>", jget_int(m, "id"),
	         jget_str(m, "text"), jget_str(m, "status"), field_choice_label(status, jget_str(m, "status"), rq->a));
	buf_lit(b, "</ul>");
}

static void cell(request *rq, buf *b, json_t *c, const char *persona, const char *stage)
{
	if (!json_is_true(json_object_get(c, "applies"))) {
		html(b, "<td class=\"journey-na\"><span class=\"muted\">Another persona's stage</span></td>");
		return;
	}
	long long insights = jget_int(c, "insights");
	if (json_is_true(json_object_get(c, "gap"))) {
		html(b, "<td class=\"journey-gap\"><strong>Gap</strong><br><span class=\"muted\">Nothing serves %s at %s "
		        "yet.</span>",
		     persona, stage);
	} else {
		buf_lit(b, "<td>");
		feature_items(rq, b, json_object_get(c, "features"));
	}
	if (insights)
		buf_rawf(b, "<p class=\"journey-insights\">%lld insight%s behind it</p>", insights, insights == 1 ? "" : "s");
	buf_lit(b, "</td>");
}

void page_journey(request *rq, response *rs)
{
	struct err e = {0};
	json_t *map;
	if (journey_map(rq->db, rq->a, &map, &e) < 0)
		return page_error(rq, rs, e.status ? e.status : 500, e.message);
	page_begin(rq, rs, "Journey map", "journey");
	buf *b = &rs->body;
	json_t *stages = json_object_get(map, "stages"), *personas = json_object_get(map, "personas");
	json_t *cells = json_object_get(map, "cells"), *st, *p;
	size_t ns = json_array_size(stages), np = json_array_size(personas), i, k, gaps = 0;
	json_array_foreach(cells, i, p) gaps += json_is_true(json_object_get(p, "gap"));
	buf_lit(b, "<div class=\"page-head\"><h1>Journey map</h1><div class=\"actions\"><a class=\"button secondary\" "
	           "href=\"/journey-stages\">Journey stages</a> <a class=\"button secondary\" href=\"/personas\">Personas"
	           "</a></div></div>");
	html(b, "<p class=\"lead\">Each persona's way through the journey: what we build for them at each stage, and "
	        "where nothing does. <strong id=\"gap-count\">%zu gap%s</strong>.</p>",
	     gaps, gaps == 1 ? "" : "s");
	if (!ns || !np) {
		html(b, "<p class=\"muted\" id=\"journey-empty\">The map needs %s. <a href=\"/%s/new\">Add one</a>.</p>",
		     !ns ? "journey stages" : "personas", !ns ? "journey-stages" : "personas");
		json_decref(map);
		return page_end(rq, rs);
	}
	buf_lit(b, "<div class=\"table-scroll\"><table class=\"list journey\" id=\"journey-map\"><thead><tr><th "
	           "scope=\"col\">Persona</th>");
	json_array_foreach(stages, i, st) html(b, "<th scope=\"col\"><a href=\"/journey-stages/%lld\">%lld. %s</a></th>",
	                                       jget_int(st, "id"), jget_int(st, "position"), jget_str(st, "name"));
	buf_lit(b, "</tr></thead><tbody>");
	stage_row(b, stages, "Touchpoints", "touchpoints");
	stage_row(b, stages, "Pains", "pains");
	json_array_foreach(personas, k, p)
	{
		html(b, "<tr><th scope=\"row\"><a href=\"/personas/%lld\">%s</a>", jget_int(p, "id"), jget_str(p, "name"));
		if (jget_str(p, "role"))
			html(b, "<br><span class=\"muted\">%s</span>", jget_str(p, "role"));
		buf_rawf(b, "<br><small class=\"muted\">%lld insight%s</small>", jget_int(p, "insights"),
		         jget_int(p, "insights") == 1 ? "" : "s");
		persona_messages(rq, b, json_object_get(json_array_get(cells, k * ns), "messages"));
		buf_lit(b, "</th>");
		json_array_foreach(stages, i, st) cell(rq, b, json_array_get(cells, k * ns + i), jget_str(p, "name"),
		                                       jget_str(st, "name"));
		buf_lit(b, "</tr>");
	}
	bool unassigned = false;
	json_array_foreach(stages, i, st) unassigned = unassigned || json_array_size(json_object_get(st, "unassigned_features"));
	if (unassigned) {
		buf_lit(b, "<tr class=\"journey-unassigned\"><th scope=\"row\">No persona named<br><small class=\"muted\">"
		           "features at the stage for nobody in particular</small></th>");
		json_array_foreach(stages, i, st)
		{
			buf_lit(b, "<td>");
			feature_items(rq, b, json_object_get(st, "unassigned_features"));
			buf_lit(b, "</td>");
		}
		buf_lit(b, "</tr>");
	}
	buf_lit(b, "</tbody></table></div><p class=\"help\">A cell's features are those at the stage that name the "
	           "persona (declined and merged ones left out); its insights are the persona's insights linked as "
	           "evidence to features at the stage; under each persona, the messages written for them (messaging is not per "
	           "stage, so a message never fills a gap).</p>");
	json_decref(map);
	page_end(rq, rs);
}
