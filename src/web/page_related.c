/* page_related.c — the "Referenced by" section of every detail page: what points at the object, grouped by kind
 * (model/related.c), each item a link to the object with the field that points (and a link's weight). */
#include <string.h>
#include "model/related.h"
#include "svg.h"
#include "web.h"

enum { RELATED_SHOWN = 50 }; /* items shown per kind; the rest are a filtered list away */

/* Are the items of kind from that point at e through its parent field shown on e's page already (a launch's
 * checklist, activities and RACI)? */
static bool embedded(const struct entity *from, const struct entity *e, const char *via)
{
	return from->parent == e && from->embed_as && from->parent_field && !strcmp(from->parent_field, via);
}

/* One item: its link, then how it points (the field, the object between, or a mention), its weight, status and
 * computed value. */
static void related_item(request *rq, buf *b, const struct entity *from, json_t *it)
{
	const char *via = json_string_value(json_object_get(it, "via"));
	html(b, "<li><a href=\"/%s/%lld\">%s</a>", from->kind, (long long)json_integer_value(json_object_get(it, "id")),
	     json_string_value(json_object_get(it, "title")));
	const struct field *sf = entity_field(from, "status");
	const char *status = json_string_value(json_object_get(it, "status"));
	if (sf && status)
		html(b, " <span class=\"badge badge-%s\">%s</span>", status, field_choice_label(sf, status, rq->a));
	json_t *through = json_object_get(it, "through");
	const struct entity *te = through ? entity_find(json_string_value(json_object_get(through, "kind"))) : NULL;
	if (te)
		html(b, " <span class=\"muted\">· through %s <a href=\"/%s/%lld\">%s</a>", te->one, te->kind,
		     (long long)json_integer_value(json_object_get(through, "id")),
		     json_string_value(json_object_get(through, "title")));
	else if (!strcmp(via, "mentions"))
		buf_lit(b, " <span class=\"muted\">· mentions it by name");
	else {
		const struct field *f = entity_field(from, via);
		html(b, " <span class=\"muted\">· %s", f ? f->label : via);
	}
	json_t *w = json_object_get(it, "weight");
	if (json_is_integer(w))
		html(b, ", weight %lld", (long long)json_integer_value(w));
	json_t *sc = from->virtual_sort ? json_object_get(it, from->virtual_sort) : NULL;
	if (json_is_number(sc)) {
		html(b, ", %s ", from->virtual_sort);
		fmt_number(b, json_number_value(sc));
	}
	buf_lit(b, "</span></li>");
}

/* What an object with ARR (an account) stands to lose: its ARR behind the requests its evidence backs that are
 * neither shipped nor declined. */
static void at_stake(request *rq, buf *b, const struct entity *e, long long id, const struct entity *from, json_t *items)
{
	const struct field *arr = entity_field(e, "arr");
	if (!arr || arr->type != FT_MONEY || !entity_field(from, "status"))
		return;
	size_t open = 0, i;
	json_t *it;
	json_array_foreach(items, i, it)
	{
		const char *st = json_string_value(json_object_get(it, "status"));
		open += st && strcmp(st, "shipped") && strcmp(st, "declined");
	}
	json_t *obj = entity_get(rq->db, e, id);
	json_int_t v = obj ? json_integer_value(json_object_get(obj, "arr")) : 0;
	json_decref(obj);
	buf_lit(b, "<p class=\"at-stake\">ARR at stake: <strong>");
	buf_int_grouped(b, open ? v : 0);
	html(b, "</strong> <span class=\"muted\">— this %s's ARR, behind %zu open request%s</span></p>", e->one, open,
	     open == 1 ? "" : "s");
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
		html(b, "<h3 id=\"related-%s\">%s <span class=\"count\">(%zu)</span></h3>", from->kind, from->label, n);
		at_stake(rq, b, e, id, from, items);
		buf_lit(b, "<ul class=\"related-list\">");
		size_t shown = 0;
		json_array_foreach(items, i, it)
		{
			const char *via = json_string_value(json_object_get(it, "via"));
			if (embedded(from, e, via))
				continue;
			if (shown++ == RELATED_SHOWN)
				break;
			related_item(rq, b, from, it);
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
