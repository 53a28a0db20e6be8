/* page_related.c — the "Referenced by" section of every detail page: what points at the object, grouped by kind
 * (model/related.c), each item a link to the object with the field that points (and a link's weight). */
#include <string.h>
#include "model/related.h"
#include "web.h"

enum { RELATED_SHOWN = 50 }; /* items shown per kind; the rest are a filtered list away */

/* Are the items of kind from that point at e through its parent field shown on e's page already (a launch's
 * checklist, activities and RACI)? */
static bool embedded(const struct entity *from, const struct entity *e, const char *via)
{
	return from->parent == e && from->embed_as && from->parent_field && !strcmp(from->parent_field, via);
}

void related_section(request *rq, buf *b, const struct entity *e, long long id)
{
	bool can = false; /* can anything point at this kind that its page does not show already? */
	for (int i = 0; i < related_count() && !can; i++) {
		const struct related_ref *r = related_at(i);
		can = r->to == e && !embedded(r->from, e, r->field->name);
	}
	json_t *rel = can ? entity_related(rq->db, e, id) : NULL;
	if (!rel)
		return;
	buf_lit(b, "<section class=\"related\" id=\"related\"><h2>Referenced by</h2>");
	int groups = 0;
	const char *kind;
	json_t *items;
	json_object_foreach(rel, kind, items)
	{
		const struct entity *from = entity_find(kind);
		size_t n = 0, i;
		json_t *it;
		if (!from)
			continue;
		json_array_foreach(items, i, it) n += !embedded(from, e, json_string_value(json_object_get(it, "via")));
		if (!n)
			continue;
		groups++;
		html(b, "<h3 id=\"related-%s\">%s <span class=\"count\">(%zu)</span></h3><ul class=\"related-list\">", from->kind,
		     from->label, n);
		size_t shown = 0;
		json_array_foreach(items, i, it)
		{
			const char *via = json_string_value(json_object_get(it, "via"));
			if (embedded(from, e, via))
				continue;
			if (shown++ == RELATED_SHOWN)
				break;
			const struct field *f = entity_field(from, via);
			html(b, "<li><a href=\"/%s/%lld\">%s</a> <span class=\"muted\">· %s", from->kind,
			     (long long)json_integer_value(json_object_get(it, "id")),
			     json_string_value(json_object_get(it, "title")), f ? f->label : via);
			json_t *w = json_object_get(it, "weight");
			if (json_is_integer(w))
				html(b, ", weight %lld", (long long)json_integer_value(w));
			buf_lit(b, "</span></li>");
		}
		buf_lit(b, "</ul>");
		if (n > RELATED_SHOWN) { /* the rest through the kind's list, filtered by each field that can filter */
			html(b, "<p class=\"more\">%zu more:", n - RELATED_SHOWN);
			for (int k = 0; k < from->nfields; k++) {
				const struct field *f = &from->fields[k];
				if ((f->flags & F_FILTER) && (f->type == FT_REF || f->type == FT_LINKS) && f->ref &&
				    !strcmp(f->ref, e->kind))
					html(b, " <a href=\"/%s?%s=%lld\">every %s by %s</a>", from->kind, f->name, id, from->one,
					     f->label);
			}
			buf_lit(b, "</p>");
		}
	}
	if (!groups)
		html(b, "<p class=\"muted\">Nothing points at this %s yet.</p>", e->one);
	buf_lit(b, "</section>");
	json_decref(rel);
}
