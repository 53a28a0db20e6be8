/* page_strategy.c — the strategy page (vision, perspective, principles, out of scope, every version)
 * and its edit form, which reuses the generic field inputs. */
#include <string.h>
#include "app/reply.h"
#include "fields.h"
#include "model/strategy.h"
#include "model/users.h"
#include "web.h"

static void list_items(buf *b, json_t *arr, const char *tag, const char *id)
{
	if (json_array_size(arr) == 0) {
		buf_lit(b, "<p class=\"muted\">None yet.</p>");
		return;
	}
	html(b, "<%s id=\"%s\">", tag, id);
	size_t i;
	json_t *x;
	json_array_foreach(arr, i, x) html(b, "<li>%s</li>", json_string_value(x));
	html(b, "</%s>", tag);
}

/* Which parts a revision changed compared with the one before it. */
static void changed_parts(buf *b, json_t *rev, json_t *older)
{
	static const char *const parts[] = {"vision", "perspective", "principles", "out_of_scope"};
	if (!older) {
		buf_lit(b, "first version");
		return;
	}
	bool any = false;
	for (size_t i = 0; i < COUNT(parts); i++)
		if (!json_equal(json_object_get(rev, parts[i]), json_object_get(older, parts[i]))) {
			const struct field *f = entity_field(&strategy_entity, parts[i]);
			html(b, "%s%s", any ? ", " : "changed ", f ? f->label : parts[i]);
			any = true;
		}
	if (!any)
		buf_lit(b, "saved without changes");
}

void page_strategy(request *rq, response *rs)
{
	json_t *s = strategy_get(rq->db);
	page_begin(rq, rs, "Strategy", "strategy");
	buf *b = &rs->body;
	buf_lit(b, "<div class=\"page-head\"><div><h1>Strategy</h1><p class=\"blurb\">What PM and PMM agreed: where the "
	           "product is going and what it will not do.</p></div><div class=\"actions\">"
	           "<a class=\"button secondary\" href=\"/strategy/brief\">Strategy brief</a> "
	           "<a class=\"button secondary\" href=\"/deck\">All-hands deck</a>");
	if (rq->user_rank >= strategy_entity.write_rank)
		buf_lit(b, "<a class=\"button\" href=\"/strategy/edit\">Edit strategy</a>");
	buf_lit(b, "</div></div>");
	const char *persp = json_string_value(json_object_get(s, "perspective"));
	if (persp && *persp)
		html(b, "<blockquote class=\"perspective\" id=\"perspective\">%s</blockquote>", persp);
	buf_lit(b, "<div class=\"columns\"><section><h2>Vision</h2>");
	field_show(rq, b, NULL, entity_field(&strategy_entity, "vision"), s, SHOW_DETAIL);
	buf_lit(b, "</section><section><h2>Principles</h2>");
	list_items(b, json_object_get(s, "principles"), "ol", "principles");
	buf_lit(b, "<h2>Out of scope</h2>");
	list_items(b, json_object_get(s, "out_of_scope"), "ul", "out-of-scope");
	buf_lit(b, "</section></div>");

	json_t *revs = strategy_revisions(rq->db);
	buf_lit(b, "<section class=\"history\"><h2>History</h2><ol class=\"timeline\" id=\"strategy-history\">");
	size_t n = json_array_size(revs);
	for (size_t i = 0; i < n; i++) {
		json_t *r = json_array_get(revs, i), *older = i + 1 < n ? json_array_get(revs, i + 1) : NULL;
		const char *who = json_string_value(json_object_get(r, "changed_by_name"));
		html(b, "<li><details><summary>Version %lld · <time>%.10s</time> · <strong>%s</strong> ",
		     (long long)json_integer_value(json_object_get(r, "version")),
		     json_string_value(json_object_get(r, "changed_at")), who ? who : "someone");
		changed_parts(b, r, older);
		html(b, "</summary><blockquote>%s</blockquote><p>%s</p>", json_string_value(json_object_get(r, "perspective")),
		     json_string_value(json_object_get(r, "vision")));
		list_items(b, json_object_get(r, "principles"), "ol", arena_printf(rq->a, "principles-v%zu", i));
		buf_lit(b, "</details></li>");
	}
	if (!n)
		buf_lit(b, "<li class=\"muted\">Not edited yet.</li>");
	buf_lit(b, "</ol></section>");
	json_decref(revs);
	json_decref(s);
	page_end(rq, rs);
}

static void edit_form(request *rq, response *rs, json_t *s, const struct err *err)
{
	page_begin(rq, rs, "Edit strategy", "strategy");
	buf *b = &rs->body;
	buf_lit(b, "<nav class=\"crumbs\"><a href=\"/strategy\">Strategy</a></nav><h1>Edit strategy</h1>");
	form_error_summary(b, err);
	buf_lit(b, "<form class=\"edit\" method=\"post\" action=\"/strategy\" novalidate>");
	form_csrf(rq, b);
	const char *v = rq->form ? rq_form(rq, "version") : NULL;
	html(b, "<input type=\"hidden\" name=\"version\" value=\"%s\">",
	     v ? v : value_text(rq->a, json_object_get(s, "version")));
	field_inputs(rq, b, &strategy_entity, s, err, true);
	buf_lit(b, "<div class=\"form-actions\"><button type=\"submit\">Save strategy</button> <a href=\"/strategy\">Cancel</a>"
	           "</div></form>");
	page_end(rq, rs);
}

void page_strategy_edit(request *rq, response *rs)
{
	json_t *s = strategy_get(rq->db);
	edit_form(rq, rs, s, NULL);
	json_decref(s);
}

void page_strategy_save(request *rq, response *rs)
{
	struct err err = {0};
	long long version = -1;
	const char *vs = rq_form(rq, "version");
	if (!vs || !parse_ll(vs, &version))
		version = -1;
	json_t *in = entity_from_form(&strategy_entity, rq->form, &err);
	int rc = in ? strategy_put(rq->db, rq->user_id, in, version, &err) : -1;
	json_decref(in);
	if (rc < 0) {
		rs->status = err.status;
		if (err.status == 409)
			snprintf(err.message, sizeof err.message,
			         "Someone saved the strategy after you opened it. Your text is below; reload to see theirs.");
		json_t *s = strategy_get(rq->db);
		edit_form(rq, rs, s, &err);
		json_decref(s);
		return;
	}
	reply_redirect(rs, rq, "/strategy");
}
