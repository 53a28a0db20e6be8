/* page_views.c — saved views on the list pages: the user's and the shared ones as links above a list, a form that
 * saves the list's filters and sort under a name, /views/{id} opening a view (the list at its query), and the
 * dashboard's list of the user's views. */
#include <string.h>
#include "app/reply.h"
#include "model/entity.h"
#include "model/users.h"
#include "model/views.h"
#include "web.h"

enum { VIEWS_SHOWN = 50 }; /* views listed above one list */

/* The views of kind this user sees (their own and the shared ones), by name; a new array. */
static json_t *views_of(request *rq, const char *kind)
{
	struct kv sort = {"sort", "name", NULL}, lim = {"limit", "50", &sort}, k = {"kind", kind, &lim};
	struct list_query q = {kind ? &k : &lim, VIEWS_SHOWN, rq->user_id};
	json_t *items = NULL;
	const char *next;
	struct err err = {0};
	if (entity_list(rq->db, &views_entity, &q, rq->a, &items, &next, &err) < 0)
		return json_array();
	return items;
}

/* The list URL a view opens: /kind, and ?query when it has one (kept re-encoded, so safe in a URL). */
static const char *view_href(request *rq, json_t *v)
{
	const char *kind = json_string_value(json_object_get(v, "kind")), *q = json_string_value(json_object_get(v, "query"));
	return str_empty(q) ? arena_printf(rq->a, "/%s", kind) : arena_printf(rq->a, "/%s?%s", kind, q);
}

void views_strip(request *rq, buf *b, const struct entity *e, struct kv *args)
{
	if (e == &views_entity || e->parent_field)
		return;
	/* the list as it is shown, without its page position: what "Save this view" keeps */
	buf cur;
	buf_init(&cur);
	for (struct kv *k = args; k; k = k->next) {
		if (!strcmp(k->key, "cursor"))
			continue;
		if (cur.len)
			buf_addc(&cur, '&');
		buf_url(&cur, k->key), buf_addc(&cur, '='), buf_url(&cur, k->value);
	}
	struct err err = {0};
	const char *canon = NULL;
	bool savable = view_query_check(e->kind, buf_str(&cur), rq->a, &canon, &err) == 0;
	buf_free(&cur);
	json_t *views = views_of(rq, e->kind);
	buf_lit(b, "<section class=\"saved-views\" aria-labelledby=\"saved-views-h\"><h2 id=\"saved-views-h\">Saved views</h2>");
	if (json_array_size(views)) {
		buf_lit(b, "<ul>");
		size_t i;
		json_t *v;
		json_array_foreach(views, i, v)
		{
			long long id = json_integer_value(json_object_get(v, "id")),
			          owner = json_integer_value(json_object_get(v, "owner_id"));
			const char *q = json_string_value(json_object_get(v, "query"));
			bool here = savable && str_eq(q ? q : "", canon);
			html(b, "<li><a href=\"%s\"", view_href(rq, v));
			if (here)
				buf_lit(b, " aria-current=\"page\"");
			html(b, ">%s</a>", json_string_value(json_object_get(v, "name")));
			if (owner != rq->user_id) {
				const char *who = entity_ref_label(rq->db, rq->a, "users", owner);
				html(b, " <span class=\"by\">shared by %s</span>", who ? who : "someone");
			} else if (json_is_true(json_object_get(v, "shared"))) {
				buf_lit(b, " <span class=\"by\">shared</span>");
			}
			if (entity_may_change(rq->db, &views_entity, id, rq->user_id, rq->user_rank)) {
				html(b, " <a class=\"small\" href=\"/views/%lld/edit\" aria-label=\"Edit %s\">Edit</a>", id,
				     json_string_value(json_object_get(v, "name")));
				html(b, " <form class=\"view-delete\" method=\"post\" action=\"/views/%lld/delete\">", id);
				form_csrf(rq, b);
				html(b, "<button type=\"submit\" class=\"link-button\" aria-label=\"Delete %s\">Delete</button></form>",
				     json_string_value(json_object_get(v, "name")));
			}
			buf_lit(b, "</li>");
		}
		buf_lit(b, "</ul>");
	} else {
		buf_lit(b, "<p class=\"empty\">None yet: filter and sort the list, then save it here.</p>");
	}
	json_decref(views);
	if (savable && entity_may_create(&views_entity, rq->user_rank)) {
		buf_lit(b, "<details><summary>Save this view</summary><form class=\"save-view\" method=\"post\" action=\"/views\">");
		form_csrf(rq, b);
		html(b, "<input type=\"hidden\" name=\"kind\" value=\"%s\"><input type=\"hidden\" name=\"query\" value=\"%s\">",
		     e->kind, canon);
		html(b, "<label for=\"view-name\">Name</label> <input id=\"view-name\" name=\"name\" required maxlength=\"120\">"
		        " <label><input type=\"checkbox\" name=\"shared\" value=\"true\"> Share with everyone</label>"
		        " <button type=\"submit\">Save view</button>");
		html(b, "<p class=\"hint\">Keeps %s.</p></form></details>",
		     *canon ? arena_printf(rq->a, "?%s", canon) : "the whole list, in its default order");
	}
	buf_lit(b, "</section>");
}

void page_view_open(request *rq, response *rs)
{
	long long id = rq_id(rq, 0); /* /views/{id}: the only parameter */
	long long viewer = rq->user_rank >= RANK_ADMIN ? 0 : rq->user_id;
	json_t *v = entity_visible(rq->db, &views_entity, id, viewer) ? entity_get(rq->db, &views_entity, id) : NULL;
	if (!v)
		return page_error(rq, rs, 404, "No such saved view, or it is not shared with you.");
	const char *kind = json_string_value(json_object_get(v, "kind")), *q = json_string_value(json_object_get(v, "query"));
	struct err err = {0};
	const char *canon;
	if (view_query_check(kind, q, rq->a, &canon, &err) < 0) { /* the list changed since it was saved */
		const struct entity *e = entity_find(kind);
		page_begin(rq, rs, "Saved view", "views");
		html(&rs->body,
		     "<h1>%s</h1><p class=\"error\" role=\"alert\">This view no longer fits its list: %s</p><p>",
		     json_string_value(json_object_get(v, "name")), err.message);
		if (e)
			html(&rs->body, "<a href=\"/%s\">Open %s without it</a> · ", e->kind, e->label);
		if (entity_may_change(rq->db, &views_entity, id, rq->user_id, rq->user_rank))
			html(&rs->body, "<a href=\"/views/%lld/edit\">Edit the view</a>", id);
		buf_lit(&rs->body, "</p>");
		page_end(rq, rs);
		rs->status = 400;
		json_decref(v);
		return;
	}
	reply_redirect(rs, rq, view_href(rq, v));
	json_decref(v);
}

void views_card(request *rq, buf *b)
{
	json_t *views = views_of(rq, NULL);
	if (!json_array_size(views)) {
		json_decref(views);
		return;
	}
	buf_lit(b, "<section class=\"card\"><h2><a href=\"/views\">Saved views</a></h2><ul>");
	size_t i;
	json_t *v;
	json_array_foreach(views, i, v)
	{
		const struct entity *e = entity_find(json_string_value(json_object_get(v, "kind")));
		html(b, "<li><a href=\"/views/%lld\">%s</a> <span class=\"by\">%s</span></li>",
		     (long long)json_integer_value(json_object_get(v, "id")), json_string_value(json_object_get(v, "name")),
		     e ? e->label : "");
	}
	buf_lit(b, "</ul></section>");
	json_decref(views);
}
