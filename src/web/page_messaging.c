/* page_messaging.c — the messaging ladder of a segment: the positioning on top, value props (pillars) under it,
 * benefits under those, features at the bottom; each with its proof count, its features' status and a link that
 * adds a child in place; two segments side by side with &compare=. */
#include <string.h>
#include "domain/messaging.h"
#include "fields.h"
#include "model/choices.h"
#include "model/messages.h"
#include "web.h"
#include "platform/json_get.h"

static const struct field *field_of(const char *name) { return entity_field(&messages_entity, name); }

static void add_link(request *rq, buf *b, long long seg, long long parent, const char *level, const char *what)
{
	if (rq->user_rank < messages_entity.write_rank)
		return;
	if (parent)
		html(b, " <a class=\"add-child\" href=\"/messages/new?segment_id=%lld&amp;parent_id=%lld&amp;level=%s\">+ %s</a>",
		     seg, parent, level, what);
	else
		html(b, " <a class=\"add-child\" href=\"/messages/new?segment_id=%lld&amp;level=%s\">+ %s</a>", seg, level, what);
}

static void node(request *rq, buf *b, long long seg, json_t *n)
{
	long long id = jget_int(n, "id"), proof = jget_int(n, "proof");
	const char *level = jget_str(n, "level"), *status = jget_str(n, "status");
	bool needs_proof = str_eq(level, "value_prop") || str_eq(level, "benefit");
	html(b, "<li id=\"m-%lld\" class=\"ladder-node level-%s\"><div class=\"ladder-card\"><span class=\"level\">%s</span> "
	        "<a href=\"/messages/%lld\">%s</a><div class=\"ladder-meta\"><span class=\"badge badge-%s\">%s</span> ",
	     id, level, field_choice_label(field_of("level"), level, rq->a), id, jget_str(n, "text"), status,
	     field_choice_label(field_of("status"), status, rq->a));
	html(b, "<span class=\"badge %s\" title=\"Linked insights\">%lld proof%s</span>",
	     needs_proof && proof == 0 ? "badge-warning" : "badge-info", proof, proof == 1 ? "" : "s");
	json_t *fs = json_object_get(n, "features"), *f;
	size_t i;
	json_array_foreach(fs, i, f)
	html(b, " <a class=\"feature-chip\" href=\"/features/%lld\">%s <span class=\"badge badge-%s\">%s</span></a>",
	     jget_int(f, "id"), jget_str(f, "title"), jget_str(f, "status"),
	     field_choice_label(entity_field(entity_find("features"), "status"), jget_str(f, "status"), rq->a));
	const char *below = message_level_below(level);
	if (below)
		add_link(rq, b, seg, id, below, arena_printf(rq->a, "%s", field_choice_label(field_of("level"), below, rq->a)));
	buf_lit(b, "</div></div>");
	json_t *kids = json_object_get(n, "children"), *k;
	if (json_array_size(kids)) {
		buf_lit(b, "<ul class=\"ladder\">");
		json_array_foreach(kids, i, k) node(rq, b, seg, k);
		buf_lit(b, "</ul>");
	}
	buf_lit(b, "</li>");
}

/* One segment's ladder; false (the error shown) when the segment does not exist. */
static bool ladder(request *rq, buf *b, long long seg)
{
	struct err err = {0};
	json_t *t = messaging_ladder(rq->db, seg, &err);
	if (!t) {
		html(b, "<p class=\"error\" role=\"alert\" data-field=\"segment_id\">%s</p>", err.message);
		return false;
	}
	json_t *c = json_object_get(t, "counts");
	long long np = jget_int(c, "positioning"), nv = jget_int(c, "value_prop"), nb = jget_int(c, "benefit"),
	          nf = jget_int(c, "feature");
	html(b, "<section class=\"ladder-col\" aria-labelledby=\"seg-%lld\"><h2 id=\"seg-%lld\"><a href=\"/segments/%lld\">%s"
	        "</a></h2><p class=\"muted\">%lld positioning · %lld value prop%s · %lld benefit%s · %lld feature%s</p>",
	     seg, seg, seg, jget_str(json_object_get(t, "segment"), "name"), np, nv, nv == 1 ? "" : "s", nb,
	     nb == 1 ? "" : "s", nf, nf == 1 ? "" : "s");
	json_t *tree = json_object_get(t, "tree"), *n;
	size_t i;
	if (!jget_int(c, "positioning")) {
		buf_lit(b, "<p class=\"empty\">No positioning yet for this segment.");
		add_link(rq, b, seg, 0, "positioning", "Write its positioning");
		buf_lit(b, "</p>");
	}
	if (json_array_size(tree)) {
		buf_lit(b, "<ul class=\"ladder ladder-root\">");
		json_array_foreach(tree, i, n) node(rq, b, seg, n);
		buf_lit(b, "</ul>");
	}
	buf_lit(b, "</section>");
	json_decref(t);
	return true;
}

static void segment_select(request *rq, buf *b, const char *name, const char *label, long long cur, bool optional)
{
	json_t *segs = entity_choices(rq->db, "segments", cur), *s;
	size_t i;
	html(b, "<label>%s <select name=\"%s\">%s", label, name, optional ? "<option value=\"\">none</option>" : "");
	json_array_foreach(segs, i, s)
	html(b, "<option value=\"%lld\"%s>%s</option>", jget_int(s, "id"), jget_int(s, "id") == cur ? " selected" : "",
	     jget_str(s, "label"));
	buf_lit(b, "</select></label>");
	json_decref(segs);
}

void page_messaging(request *rq, response *rs)
{
	long long seg = 0, cmp = 0;
	const char *sa = rq_query(rq, "segment_id"), *ca = rq_query(rq, "compare");
	if (!str_empty(sa) && !parse_ll(sa, &seg))
		seg = -1;
	if (!str_empty(ca) && !parse_ll(ca, &cmp))
		cmp = 0;
	/* without one, the first segment by name, so the page is never empty when there is one */
	json_t *first = str_empty(sa) ? entity_choices(rq->db, "segments", 0) : NULL;
	if (json_array_size(first))
		seg = jget_int(json_array_get(first, 0), "id");
	json_decref(first);
	page_begin(rq, rs, "Messaging", "messaging");
	buf *b = &rs->body;
	html(b, "<div class=\"page-head\"><div><h1>Messaging</h1><p class=\"blurb\">The ladder per segment: positioning on "
	        "top, value props (pillars) under it, benefits under those, features at the bottom, each with its proof."
	        "</p></div><div class=\"actions\"><a class=\"button secondary\" href=\"/messages\">All messages</a></div>"
	        "</div>");
	html(b, "<form class=\"filters\" method=\"get\" action=\"/messaging\">");
	segment_select(rq, b, "segment_id", "Segment", seg, false);
	segment_select(rq, b, "compare", "Side by side with", cmp, true);
	buf_lit(b, "<button type=\"submit\">Show</button></form>");
	if (seg <= 0 && !str_empty(sa)) {
		rs->status = 400;
		buf_lit(b, "<p class=\"error\" role=\"alert\" data-field=\"segment_id\">segment_id must be a segment's id</p>");
	} else if (seg <= 0) {
		buf_lit(b, "<p class=\"empty\">No segments yet. <a href=\"/segments/new\">Add one</a> to write its "
		           "positioning.</p>");
	} else {
		html(b, "<div class=\"ladders%s\">", cmp > 0 && cmp != seg ? " side-by-side" : "");
		if (!ladder(rq, b, seg))
			rs->status = 404;
		if (cmp > 0 && cmp != seg)
			ladder(rq, b, cmp);
		buf_lit(b, "</div>");
	}
	page_end(rq, rs);
}
