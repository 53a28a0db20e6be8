/* page_message.c — what a message's page adds to the generic one: a positioning read as Moore's statement, the
 * positioning parts shown only for a positioning, the lint (also atop the edit form), and the way to its ladder. */
#include <string.h>
#include "domain/message_lint.h"
#include "fields.h"
#include "model/messages.h"
#include "web.h"
#include "platform/json_get.h"

static const char *part(json_t *o, const char *name, const char *blank)
{
	const char *v = jget_str(o, name);
	return v && *v ? v : blank;
}

/* "For <for> who <who>, <product> is a <category> that <benefit>. Unlike <unlike>, <product> <differentiator>." */
static void statement(request *rq, buf *b, json_t *o)
{
	const char *unlike = jget_str(o, "unlike");
	long long comp = jget_int(o, "competitor_id");
	const char *comp_name = comp > 0 ? entity_ref_label(rq->db, rq->a, "competitors", comp) : NULL;
	const char *alt = comp_name ? comp_name : unlike && *unlike ? unlike : "[the alternative]";
	const char *product = part(o, "product", "[product]");
	html(b, "<blockquote class=\"statement\" id=\"statement\"><p>For %s who %s, %s is a %s that %s. Unlike %s, %s %s.</p>"
	        "</blockquote>",
	     part(o, "for", "[target customer]"), part(o, "who", "[need]"), product, part(o, "category", "[category]"),
	     part(o, "benefit", "[key benefit]"), alt, product, part(o, "differentiator", "[differentiator]"));
}

/* The lint's problems as a list (nothing when there are none, unless always). */
static void lint_list(request *rq, buf *b, json_t *o, bool always)
{
	json_t *ps = message_lint(rq->db, o), *p;
	size_t i;
	if (json_array_size(ps) || always)
		html(b, "<section class=\"lint\" id=\"lint\"><h2>Lint</h2>");
	if (!json_array_size(ps) && always)
		buf_lit(b, "<p class=\"muted\">No problems: no superlatives, the alternative named, claims backed.</p>");
	if (json_array_size(ps))
		buf_lit(b, "<ul class=\"lint-problems\">");
	json_array_foreach(ps, i, p)
	{
		const struct field *f = entity_field(&messages_entity, jget_str(p, "part"));
		html(b, "<li data-rule=\"%s\"><span class=\"badge badge-warning\">%s</span> <strong>%s</strong>: %s</li>",
		     jget_str(p, "rule"), jget_str(p, "rule"), f ? f->label : jget_str(p, "part"), jget_str(p, "message"));
	}
	if (json_array_size(ps))
		buf_lit(b, "</ul>");
	if (json_array_size(ps) || always)
		buf_lit(b, "</section>");
	json_decref(ps);
}

static void show_extra(request *rq, buf *b, json_t *o, const char *form, const struct err *err)
{
	(void)form, (void)err;
	long long seg = jget_int(o, "segment_id");
	if (str_eq(jget_str(o, "level"), "positioning"))
		statement(rq, b, o);
	html(b, "<p><a href=\"/messaging?segment_id=%lld#m-%lld\">See it on the ladder</a>", seg, jget_int(o, "id"));
	const char *below = message_level_below(jget_str(o, "level"));
	if (below && rq->user_rank >= messages_entity.write_rank)
		html(b, " · <a href=\"/messages/new?segment_id=%lld&amp;parent_id=%lld&amp;level=%s&amp;status=draft\">Add a "
		        "%s under it</a>",
		     seg, jget_int(o, "id"), below, field_choice_label(entity_field(&messages_entity, "level"), below, rq->a));
	buf_lit(b, "</p>");
	lint_list(rq, b, o, true);
}

/* The positioning parts are a positioning's only. */
static bool show_field(json_t *o, const struct field *f)
{
	static const char *const parts[] = {"for", "who", "product", "category", "benefit", "competitor_id", "unlike",
	                                    "differentiator", "competitor_ids"};
	if (str_eq(jget_str(o, "level"), "positioning"))
		return true;
	for (size_t i = 0; i < COUNT(parts); i++)
		if (!strcmp(parts[i], f->name))
			return false;
	return true;
}

static void form_extra(request *rq, buf *b, json_t *o)
{
	if (o)
		lint_list(rq, b, o, false);
	buf_lit(b, "<p class=\"help\">The positioning parts (For … Differentiator, Competitive alternatives) are read only "
	           "for a positioning: For &lt;for&gt; who &lt;who&gt;, &lt;product&gt; is a &lt;category&gt; that "
	           "&lt;benefit&gt;. Unlike &lt;alternative&gt;, &lt;product&gt; &lt;differentiator&gt;.</p>");
}

const struct kind_page message_page = {"messages", .show_extra = show_extra, .show_field = show_field,
                                       .form_extra = form_extra};
