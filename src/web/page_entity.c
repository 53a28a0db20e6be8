/* page_entity.c — the generic pages every described kind gets: list (filter, search, sort), detail with
 * history, new and edit forms that re-render with the message beside the field, and delete. */
#include <stdio.h>
#include <string.h>
#include <strings.h>
#include "app/reply.h"
#include "fields.h"
#include "model/action.h"
#include "model/choices.h"
#include "model/comments.h"
#include "model/reviews.h"
#include "model/entity.h"
#include "model/users.h"
#include "platform/json_get.h"
#include "svg.h"
#include "web.h"

enum { PAGE_LIMIT = 200 }; /* the largest page a list page shows; 50 unless asked */

static const char *const page_sizes[] = {"25", "50", "100", "200"};

static const struct kind_page *const kind_pages[] = {&goal_page,    &feature_page, &insight_page,   &launch_page,
                                                     &release_page, &message_page, &prfaq_page,     &competitor_page,
                                                     &decision_page, &webhook_page};

static const struct kind_page *extras(const struct entity *e)
{
	for (size_t i = 0; i < COUNT(kind_pages); i++)
		if (!strcmp(kind_pages[i]->kind, e->kind))
			return kind_pages[i];
	return NULL;
}

static const struct entity *kind(request *rq) { return entity_find(rq->params[0]); }

static bool may_create(request *rq, const struct entity *e) { return entity_may_create(e, rq->user_rank); }

static bool may_change(request *rq, const struct entity *e, long long id)
{
	return entity_may_change(rq->db, e, id, rq->user_id, rq->user_rank);
}

/* The query arguments that are set (an empty filter from the form means "any"), but for done and count: a notice
 * of what a write just did (page_insight.c's bulk change), no filter. */
static struct kv *set_args(request *rq)
{
	struct kv *out = NULL, **tail = &out;
	for (struct kv *k = rq_query_all(rq); k; k = k->next) {
		if (str_empty(k->value) || !strcmp(k->key, "done") || !strcmp(k->key, "count"))
			continue;
		struct kv *c = arena_alloc(rq->a, sizeof *c);
		c->key = k->key, c->value = k->value;
		*tail = c, tail = &c->next;
	}
	return out;
}

/* A link to this list with one argument replaced (value NULL drops it); the cursor is always dropped. */
static const char *list_href(request *rq, struct kv *args, const char *key, const char *value)
{
	buf t;
	buf_init(&t);
	buf_addc(&t, '/');
	buf_url(&t, rq->params[0]);
	char sep = '?';
	for (struct kv *k = args; k; k = k->next) {
		if (!strcmp(k->key, key) || !strcmp(k->key, "cursor"))
			continue;
		buf_addc(&t, sep), sep = '&';
		buf_url(&t, k->key), buf_addc(&t, '='), buf_url(&t, k->value);
	}
	if (value) {
		buf_addc(&t, sep);
		buf_url(&t, key), buf_addc(&t, '='), buf_url(&t, value);
	}
	const char *s = arena_strdup(rq->a, buf_str(&t));
	buf_free(&t);
	return s;
}

static const char *arg_value(struct kv *args, const char *key)
{
	for (struct kv *k = args; k; k = k->next)
		if (!strcmp(k->key, key))
			return k->value;
	return NULL;
}

static void option(buf *b, const char *value, const char *label, const char *cur)
{
	html(b, "<option value=\"%s\"%s>%s</option>", value, !strcmp(value, cur) ? " selected" : "", label);
}

/* A small whole-number range (dismissed: 0..1) is a choice, not a box. */
static bool small_range(const struct field *f) { return f->type == FT_INT && f->lo < f->hi && f->hi - f->lo <= 10; }

/* The filter bar: search box, one control per filterable field (a select where the choices are fixed), the
 * kind's other filters, the page size. */
static void filter_form(request *rq, buf *b, const struct entity *e, const struct kind_page *x, struct kv *args)
{
	bool searchable = false, filterable = e->nfilters > 0;
	for (int i = 0; i < e->nfields; i++) {
		searchable |= (e->fields[i].flags & F_SEARCH) != 0;
		filterable |= (e->fields[i].flags & F_FILTER) != 0;
	}
	html(b, "<form class=\"filters\" method=\"get\" action=\"/%s\" role=\"search\">", e->kind);
	const char *q = arg_value(args, "q");
	if (searchable)
		html(b, "<label>Search <input type=\"search\" name=\"q\" value=\"%s\" placeholder=\"Words in any text\"></label>",
		     q ? q : "");
	for (int i = 0; filterable && i < e->nfields; i++) {
		const struct field *f = &e->fields[i];
		if (!(f->flags & F_FILTER))
			continue;
		const char *cur = arg_value(args, f->name);
		cur = cur ? cur : "";
		if (f->type == FT_DATE) { /* a range: from and to, both inclusive (the model's name_from and name_to) */
			const char *from = arg_value(args, arena_printf(rq->a, "%s_from", f->name));
			const char *to = arg_value(args, arena_printf(rq->a, "%s_to", f->name));
			html(b, "<label>%s from <input type=\"date\" name=\"%s_from\" value=\"%s\"></label><label>to <input "
			        "type=\"date\" name=\"%s_to\" value=\"%s\"></label>",
			     f->label, f->name, from ? from : "", f->name, to ? to : "");
			continue;
		}
		html(b, "<label>%s ", f->label);
		if (f->type == FT_ENUM) {
			html(b, "<select name=\"%s\"><option value=\"\">any</option>", f->name);
			for (const char *const *c = f->choices; *c; c++)
				option(b, *c, field_choice_label(f, *c, rq->a), cur);
			buf_lit(b, "</select>");
		} else if (f->type == FT_BOOL) {
			html(b, "<select name=\"%s\"><option value=\"\">any</option>", f->name);
			option(b, "true", "Yes", cur);
			option(b, "false", "No", cur);
			buf_lit(b, "</select>");
		} else if (small_range(f)) {
			html(b, "<select name=\"%s\"><option value=\"\">any</option>", f->name);
			for (long v = (long)f->lo; v <= (long)f->hi; v++) {
				const char *val = arena_printf(rq->a, "%ld", v);
				option(b, val, f->lo == 0 && f->hi == 1 ? (v ? "Yes" : "No") : val, cur);
			}
			buf_lit(b, "</select>");
		} else if (f->type == FT_REF || f->type == FT_LINKS) {
			html(b, "<select name=\"%s\"><option value=\"\">any</option>", f->name);
			if (f->type == FT_REF) /* links filter by what is linked; "none" is for references */
				html(b, "<option value=\"none\"%s>none</option>", !strcmp(cur, "none") ? " selected" : "");
			long long sel = 0;
			parse_ll(cur, &sel);
			json_t *choices = entity_choices(rq->db, f->ref, sel), *c;
			size_t k;
			json_array_foreach(choices, k, c)
			{
				const char *id = arena_printf(rq->a, "%lld", (long long)json_integer_value(json_object_get(c, "id")));
				html(b, "<option value=\"%s\"%s>%s</option>", id, !strcmp(id, cur) ? " selected" : "",
				     json_string_value(json_object_get(c, "label")));
			}
			json_decref(choices);
			buf_lit(b, "</select>");
		} else {
			html(b, "<input name=\"%s\" value=\"%s\">", f->name, cur);
		}
		buf_lit(b, "</label>");
	}
	for (int i = 0; i < e->nfilters; i++) {
		const struct list_filter *lf = &e->filters[i];
		const char *cur = arg_value(args, lf->name);
		cur = cur ? cur : "";
		if (x && x->hide_filter && !strcmp(x->hide_filter, lf->name) && !*cur) {
			html(b, "<label class=\"check\"><input type=\"checkbox\" name=\"all\" value=\"1\"%s> %s</label>",
			     arg_value(args, "all") ? " checked" : "", x->show_all);
			continue;
		}
		html(b, "<label>%s <select name=\"%s\"><option value=\"\">any</option>", lf->label, lf->name);
		option(b, "true", "Yes", cur);
		option(b, "false", "No", cur);
		buf_lit(b, "</select></label>");
	}
	const char *lim = arg_value(args, "limit");
	lim = lim ? lim : "50";
	buf_lit(b, "<label>Per page <select name=\"limit\">");
	bool listed = false;
	for (size_t i = 0; i < COUNT(page_sizes); i++) {
		option(b, page_sizes[i], page_sizes[i], lim);
		listed |= !strcmp(page_sizes[i], lim);
	}
	if (!listed)
		option(b, lim, lim, lim);
	buf_lit(b, "</select></label>");
	const char *sort = arg_value(args, "sort");
	if (sort)
		html(b, "<input type=\"hidden\" name=\"sort\" value=\"%s\">", sort);
	html(b, "<button type=\"submit\">Apply</button> <a href=\"/%s\">Clear</a></form>", e->kind);
}

/* What the engine is asked for: the arguments the page was given but its own (all), with the page's defaults: 50
 * a page, the kind page's order, and its hidden filter unless the page is asked for everything. */
static struct kv *model_args(request *rq, const struct kind_page *x, struct kv *args)
{
	struct kv *out = NULL, **tail = &out;
	for (struct kv *k = args; k; k = k->next) {
		if (!strcmp(k->key, "all"))
			continue;
		struct kv *c = arena_alloc(rq->a, sizeof *c);
		c->key = k->key, c->value = k->value;
		*tail = c, tail = &c->next;
	}
	struct {
		const char *key, *value;
		bool add;
	} dflt[] = {
		{"limit", "50", !arg_value(args, "limit")},
		{"sort", x ? x->page_sort : NULL, !arg_value(args, "sort") && !arg_value(args, "q")},
		{x ? x->hide_filter : NULL, "false",
		 x && x->hide_filter && !arg_value(args, "all") && !arg_value(args, x->hide_filter) &&
		     !(x->unless_field && arg_value(args, x->unless_field))},
	};
	for (size_t i = 0; i < COUNT(dflt); i++) {
		if (!dflt[i].add || !dflt[i].key || !dflt[i].value)
			continue;
		struct kv *c = arena_alloc(rq->a, sizeof *c);
		c->key = dflt[i].key, c->value = dflt[i].value;
		*tail = c, tail = &c->next;
	}
	return out;
}

/* "120 goals": the kind's plural for people (launch-raci: launch raci). */
static const char *plural(request *rq, const struct entity *e, long long n)
{
	char *s = arena_strdup(rq->a, n == 1 ? e->one : e->kind);
	for (char *p = s; *p; p++)
		if (*p == '-')
			*p = ' ';
	return s;
}

/* A column heading; sortable fields link to sorting by them (again: the other way). */
static void column_head(request *rq, buf *b, const struct field *f, struct kv *args, const char *sort)
{
	bool num = f->type >= FT_INT && f->type <= FT_MONEY;
	if (!(f->flags & F_SORT)) {
		html(b, "<th scope=\"col\"%s>%s</th>", num ? " class=num" : "", f->label);
		return;
	}
	bool on = sort && !strcmp(sort[0] == '-' ? sort + 1 : sort, f->name), desc = on && sort[0] == '-';
	const char *next = on && !desc ? arena_printf(rq->a, "-%s", f->name) : f->name;
	html(b, "<th scope=\"col\"%s%s><a href=\"%s\">%s%s</a></th>", num ? " class=num" : "",
	     on ? (desc ? " aria-sort=descending" : " aria-sort=ascending") : "",
	     list_href(rq, args, "sort", next), f->label, on ? (desc ? " ▼" : " ▲") : "");
}

void page_entity_list(request *rq, response *rs)
{
	const struct entity *e = kind(rq);
	const struct kind_page *x = extras(e);
	struct kv *args = set_args(rq), *margs = model_args(rq, x, args);
	struct list_query q = {margs, PAGE_LIMIT, rq->user_rank >= RANK_ADMIN ? 0 : rq->user_id};
	struct list_page pg;
	struct err err = {0};
	if (entity_list_page(rq->db, e, &q, rq->a, &pg, &err) < 0) {
		pg.items = json_array(); /* show the page with the problem named rather than a bare error */
		rs->status = 400;
	}
	json_t *items = pg.items;
	page_begin(rq, rs, e->label, e->kind);
	buf *b = &rs->body;
	html(b, "<div class=\"page-head\"><div><h1>%s</h1><p class=\"blurb\">%s</p></div><div class=\"actions\">", e->label,
	     e->blurb);
	if (may_create(rq, e))
		html(b, "<a class=\"button\" href=\"/%s/new\">New %s</a>", e->kind, e->one);
	if (x && x->list_actions)
		x->list_actions(rq, b);
	html(b, "<a class=\"button secondary\" href=\"/api/v1/%s.csv\" download>Export CSV</a></div></div>", e->kind);
	views_strip(rq, b, e, args);
	filter_form(rq, b, e, x, args);
	if (err.status)
		html(b, "<p class=\"error\" role=\"alert\" data-field=\"%s\">%s</p>", err.field, err.message);
	size_t n = json_array_size(items);
	if (!err.status)
		html(b, "<p class=\"count\" id=\"list-count\">%lld %s</p>", pg.total, plural(rq, e, pg.total));
	if (n == 0 && pg.total > 0) {
		html(b, "<p class=\"empty\">No %s on this page. <a href=\"%s\">The first page</a>.</p>", e->kind,
		     list_href(rq, args, "cursor", NULL));
	} else if (n == 0 && !err.status) {
		html(b, "<p class=\"empty\">No %s match. ", e->kind);
		if (may_create(rq, e))
			html(b, "<a href=\"/%s/new\">Create the first %s</a>.", e->kind, e->one);
		buf_lit(b, "</p>");
	} else if (n) {
		void *ctx = x && x->list_prepare ? x->list_prepare(rq, items) : NULL;
		const char *sort = arg_value(margs, "sort");
		if (!sort && !(e->fts && arg_value(args, "q"))) /* a search is in relevance order unless sorted */
			sort = e->default_sort;
		if (x && x->list_before)
			x->list_before(rq, b, items, ctx);
		buf_lit(b, "<table class=\"list\"><thead><tr>");
		for (int i = 0; i < e->nfields; i++)
			if (e->fields[i].flags & F_LISTED)
				column_head(rq, b, &e->fields[i], args, sort);
		if (x && x->list_head && e->virtual_sort && !strcasecmp(x->list_head, e->virtual_sort)) {
			bool on = sort && !strcmp(sort[0] == '-' ? sort + 1 : sort, e->virtual_sort), desc = on && sort[0] == '-';
			html(b, "<th scope=\"col\" class=num%s><a href=\"%s\">%s%s</a></th>",
			     on ? (desc ? " aria-sort=descending" : " aria-sort=ascending") : "",
			     list_href(rq, args, "sort", on && desc ? e->virtual_sort : arena_printf(rq->a, "-%s", e->virtual_sort)),
			     x->list_head, on ? (desc ? " ▼" : " ▲") : "");
		} else if (x && x->list_head)
			html(b, "<th scope=\"col\">%s</th>", x->list_head);
		buf_lit(b, "</tr></thead><tbody>");
		struct ref_cache rc = {0};
		size_t i;
		json_t *o;
		json_array_foreach(items, i, o)
		{
			long long id = json_integer_value(json_object_get(o, "id"));
			buf_lit(b, "<tr>");
			for (int k = 0; k < e->nfields; k++) {
				const struct field *f = &e->fields[k];
				if (!(f->flags & F_LISTED))
					continue;
				if (!strcmp(f->name, e->title_field)) {
					html(b, "<td class=\"title\"><a href=\"/%s/%lld\">", e->kind, id);
					json_t *snip = json_object_get(o, "snippet"); /* a search: where the words are */
					if (json_is_string(snip) && *json_string_value(snip) && f->type == FT_TEXT)
						buf_html_marked(b, json_string_value(snip));
					else
						field_show(rq, b, &rc, f, o, SHOW_CELL);
					buf_lit(b, "</a></td>");
				} else {
					buf_raw(b, f->type >= FT_INT && f->type <= FT_MONEY ? "<td class=\"num\">"
					           : f->type == FT_DATE                      ? "<td class=\"date\">"
					                                                     : "<td>");
					field_show(rq, b, &rc, f, o, SHOW_CELL);
					buf_lit(b, "</td>");
				}
			}
			if (x && x->list_cell) {
				if (e->virtual_sort && x->list_head && !strcasecmp(x->list_head, e->virtual_sort))
					buf_lit(b, "<td class=\"num\">");
				else
					buf_lit(b, "<td>");
				x->list_cell(rq, b, o, ctx);
				buf_lit(b, "</td>");
			}
			buf_lit(b, "</tr>\n");
		}
		buf_lit(b, "</tbody></table>");
		html(b, "<nav class=\"pager\" aria-label=\"Pages\"><span id=\"list-range\">%ld–%ld of %lld</span>", pg.offset + 1,
		     pg.offset + (long)n, pg.total);
		if (pg.prev)
			html(b, " <a rel=\"prev\" href=\"%s\">Previous page</a>", list_href(rq, args, "cursor", pg.prev));
		if (pg.next)
			html(b, " <a rel=\"next\" href=\"%s\">Next page</a>", list_href(rq, args, "cursor", pg.next));
		buf_lit(b, "</nav>");
	}
	json_decref(items);
	page_end(rq, rs);
}

/* Where a write sends the browser: a comment to its object's discussion, a child's parent page at the children's
 * section (a launch's checklist), else the object's page, or the list when id is 0. */
static const char *after_write(request *rq, const struct entity *e, long long id, json_t *obj)
{
	const struct entity *p = e->parent;
	long long pid = p && obj ? json_integer_value(json_object_get(obj, e->parent_field)) : 0;
	if (pid > 0)
		return arena_printf(rq->a, "/%s/%lld#%s", p->kind, pid, e->embed_as);
	const struct entity *on = e == &comments_entity && obj ? entity_find(jget_str(obj, "on_kind")) : NULL;
	if (on) /* a comment: back to the discussion of what it is on */
		return arena_printf(rq->a, "/%s/%lld#discussion", on->kind, jget_int(obj, "on_id"));
	on = e == &reviews_entity && obj ? entity_find(jget_str(obj, "on_kind")) : NULL;
	if (on) /* a review request: back to the reviews of what it is on */
		return arena_printf(rq->a, "/%s/%lld#reviews", on->kind, jget_int(obj, "on_id"));
	return id ? arena_printf(rq->a, "/%s/%lld", e->kind, id) : arena_printf(rq->a, "/%s", e->kind);
}

/* The page a write sends the browser to, saying what was done (?saved=created|saved, before any #section), so
 * the page confirms it; a list is left as it is (its query is its filters). */
static const char *with_notice(request *rq, const char *url, const char *what)
{
	const char *hash = strchr(url, '#');
	if (strchr(url, '?') || !strchr(url + 1, '/')) /* a query already, or a list (/goals) */
		return url;
	if (!hash)
		return arena_printf(rq->a, "%s?saved=%s", url, what);
	return arena_printf(rq->a, "%.*s?saved=%s%s", (int)(hash - url), url, what, hash);
}

/* "Saved." after a write that came back here (?saved=, or ?done= an action's name); nothing for other values. */
static void saved_notice(request *rq, buf *b)
{
	const char *saved = rq_query(rq, "saved"), *done = rq_query(rq, "done");
	const struct action *a = done ? action_find(done) : NULL;
	const char *msg = str_eq(saved, "created") ? "Created." : str_eq(saved, "saved") ? "Saved." : NULL;
	if (a && a->verb)
		msg = arena_printf(rq->a, "%c%s.", a->verb[0] >= 'a' && a->verb[0] <= 'z' ? a->verb[0] - 32 : a->verb[0],
		                   a->verb + 1);
	if (msg)
		html(b, "<p class=\"notice\" role=\"status\" id=\"saved\">%s</p>", msg);
}

/* Breadcrumbs: the list, or for a child kind its parent's list and the parent. */
static void crumbs(request *rq, buf *b, const struct entity *e, json_t *obj)
{
	const struct entity *p = e->parent;
	long long pid = p && obj ? json_integer_value(json_object_get(obj, e->parent_field)) : 0;
	if (!pid && p && !obj && rq_query(rq, e->parent_field))
		parse_ll(rq_query(rq, e->parent_field), &pid);
	const char *label = pid > 0 ? entity_ref_label(rq->db, rq->a, p->kind, pid) : NULL;
	if (label)
		html(b, "<nav class=\"crumbs\"><a href=\"/%s\">%s</a> / <a href=\"/%s/%lld\">%s</a>", p->kind, p->label, p->kind,
		     pid, label);
	else
		html(b, "<nav class=\"crumbs\"><a href=\"/%s\">%s</a>", e->kind, e->label);
}

/* The new/edit form page; obj is NULL for a new object. */
static void form_page(request *rq, response *rs, const struct entity *e, json_t *obj, const struct err *error)
{
	long long id = obj ? json_integer_value(json_object_get(obj, "id")) : 0;
	const char *title = obj ? json_string_value(json_object_get(obj, e->title_field)) : NULL;
	const char *heading = obj ? arena_printf(rq->a, "Edit %s", e->one) : arena_printf(rq->a, "New %s", e->one);
	page_begin(rq, rs, heading, e->kind);
	buf *b = &rs->body;
	crumbs(rq, b, e, obj);
	if (obj && !e->parent)
		html(b, " / <a href=\"/%s/%lld\">%s</a>", e->kind, id, title ? title : "");
	html(b, "</nav><h1>%s</h1>", heading);
	form_error_summary(b, error);
	const struct kind_page *x = extras(e);
	if (x && x->form_extra)
		x->form_extra(rq, b, obj);
	if (obj)
		html(b, "<form class=\"edit\" method=\"post\" action=\"/%s/%lld\" novalidate>", e->kind, id);
	else
		html(b, "<form class=\"edit\" method=\"post\" action=\"/%s\" novalidate>", e->kind);
	form_csrf(rq, b);
	if (obj) {
		const char *v = rq->form ? rq_form(rq, "version") : NULL;
		html(b, "<input type=\"hidden\" name=\"version\" value=\"%s\">",
		     v ? v : value_text(rq->a, json_object_get(obj, "version")));
	}
	field_inputs(rq, b, e, obj, error, obj != NULL);
	html(b, "<div class=\"form-actions\"><button type=\"submit\">%s</button> <a href=\"%s\">Cancel</a></div></form>",
	     obj ? "Save changes" : arena_printf(rq->a, "Create %s", e->one),
	     after_write(rq, e, id, obj));
	page_end(rq, rs);
}

void page_entity_new(request *rq, response *rs) { form_page(rq, rs, kind(rq), NULL, NULL); }

void page_entity_create(request *rq, response *rs)
{
	const struct entity *e = kind(rq);
	struct err err = {0};
	json_t *in = entity_from_form(e, rq->form, &err);
	long long id = in ? entity_create_ranked(rq->db, e, rq->user_id, rq->user_rank, in, &err) : -1;
	json_decref(in);
	if (id < 0) {
		rs->status = err.status;
		return form_page(rq, rs, e, NULL, &err);
	}
	json_t *o = entity_get(rq->db, e, id);
	reply_redirect(rs, rq, with_notice(rq, after_write(rq, e, id, o), "created"));
	json_decref(o);
}

void page_entity_show(request *rq, response *rs) { page_entity_show_failed(rq, rs, kind(rq), rq_id(rq, 1), NULL, NULL); }

void page_entity_show_failed(request *rq, response *rs, const struct entity *e, long long id, const char *form,
                             const struct err *err)
{
	if (err && err->status)
		rs->status = err->status;
	json_t *o = entity_get(rq->db, e, id);
	if (!o)
		return page_error(rq, rs, 404, arena_printf(rq->a, "There is no %s with id %lld.", e->one, id));
	json_t *merged = json_object_get(o, "merged_into"); /* a merged duplicate is kept as a redirect */
	if (json_is_integer(merged) && !form) {
		reply_redirect(rs, rq, arena_printf(rq->a, "/%s/%lld?merged_from=%lld", e->kind,
		                                    (long long)json_integer_value(merged), id));
		json_decref(o);
		return;
	}
	const char *title = json_string_value(json_object_get(o, e->title_field));
	page_begin(rq, rs, title ? title : e->one, e->kind);
	buf *b = &rs->body;
	crumbs(rq, b, e, o);
	html(b, "</nav><div class=\"page-head\"><h1>%s</h1><div class=\"actions\">", title ? title : "");
	bool changer = may_change(rq, e, id);
	follow_button(rq, b, e, id, o);
	if (changer)
		html(b, "<a class=\"button\" href=\"/%s/%lld/edit\">Edit</a>", e->kind, id);
	buf_lit(b, "</div></div>");
	long long from;
	if (rq_query(rq, "merged_from") && parse_ll(rq_query(rq, "merged_from"), &from))
		html(b, "<p class=\"notice\" role=\"status\">%s #%lld was merged into this one as a duplicate.</p>", e->one,
		     from);
	saved_notice(rq, b);
	const struct kind_page *x = extras(e);
	if (!e->fields[0].section)
		buf_lit(b, "<dl class=\"fields\">");
	struct ref_cache rc = {0};
	for (int i = 0; i < e->nfields; i++) {
		const struct field *f = &e->fields[i];
		if (f->section) { /* a heading before a group of fields (a PR/FAQ's five questions, its press release) */
			if (i)
				buf_lit(b, "</dl>");
			html(b, "<h2 class=\"field-section\">%s</h2><dl class=\"fields\">", f->section);
		}
		if (!strcmp(f->name, e->title_field) || (x && x->show_field && !x->show_field(o, f)))
			continue;
		json_t *v = json_object_get(o, f->name);
		/* prose, a list of records, several links or a long line get the whole row */
		bool wide = (f->type == FT_TEXT && json_is_string(v) && *json_string_value(v)) ||
		            (f->type == FT_RECORDS && json_array_size(v)) || (f->type == FT_LINKS && json_array_size(v) > 1) ||
		            (f->type == FT_STRING && json_is_string(v) && utf8_len(json_string_value(v)) > 60);
		html(b, "<div%s><dt>%s</dt><dd id=\"v-%s\">", wide ? " class=wide" : "", f->label, f->name);
		field_show(rq, b, &rc, f, o, SHOW_DETAIL);
		buf_lit(b, "</dd></div>");
	}
	buf_lit(b, "</dl>");
	if (x && x->show_extra)
		x->show_extra(rq, b, o, form, err);
	if (e->approvals)
		approvals_section(rq, b, e, o);
	reviews_section(rq, b, e, id);
	discussion_section(rq, b, e, id);
	related_section(rq, b, e, id); /* what points at it */
	/* history: who changed what, when */
	json_t *hist = audit_history(rq->db, e->kind, id, 50);
	buf_lit(b, "<section class=\"history\"><h2>History</h2><ol class=\"timeline\">");
	size_t i;
	json_t *h;
	json_array_foreach(hist, i, h)
	{
		const char *who = json_string_value(json_object_get(h, "user"));
		buf_lit(b, "<li>");
		show_time(b, json_string_value(json_object_get(h, "at")));
		html(b, " <strong>%s</strong> %s", who ? who : "Tandem", json_string_value(json_object_get(h, "action")));
		audit_changes(rq, b, e, json_string_value(json_object_get(h, "action")), json_object_get(h, "changes"));
		buf_lit(b, "</li>");
	}
	buf_lit(b, "</ol></section>");
	json_decref(hist);
	if (changer) {
		html(b, "<details class=\"danger\"><summary>Delete this %s</summary><form method=\"post\" action=\"/%s/%lld/delete\">",
		     e->one, e->kind, id);
		form_csrf(rq, b);
		html(b, "<p>This removes the %s for everyone. Its history stays in the audit log.</p>"
		        "<button type=\"submit\" class=\"danger\">Delete %s</button></form></details>",
		     e->one, e->one);
	}
	json_decref(o);
	page_end(rq, rs);
}

void page_entity_edit(request *rq, response *rs)
{
	const struct entity *e = kind(rq);
	json_t *o = entity_get(rq->db, e, rq_id(rq, 1));
	if (!o)
		return page_error(rq, rs, 404, arena_printf(rq->a, "There is no %s with id %lld.", e->one, rq_id(rq, 1)));
	form_page(rq, rs, e, o, NULL);
	json_decref(o);
}

void page_entity_update(request *rq, response *rs)
{
	const struct entity *e = kind(rq);
	long long id = rq_id(rq, 1), version = -1;
	json_t *o = entity_get(rq->db, e, id);
	if (!o)
		return page_error(rq, rs, 404, arena_printf(rq->a, "There is no %s with id %lld.", e->one, id));
	struct err err = {0};
	const char *vs = rq_form(rq, "version");
	if (!vs || !parse_ll(vs, &version))
		version = -1;
	json_t *in = entity_from_form(e, rq->form, &err);
	/* an own-action field is shown, not sent; the form never changes it */
	for (int i = 0; in && i < e->nfields; i++)
		if (e->fields[i].flags & (F_OWN_ACTION | F_PAGE_ACTION))
			json_object_del(in, e->fields[i].name);
	int rc = in ? entity_update(rq->db, e, rq->user_id, id, in, version, &err) : -1;
	json_decref(in);
	if (rc < 0) {
		rs->status = err.status;
		if (err.status == 409)
			snprintf(err.message, sizeof err.message,
			         "Someone saved this %s after you opened it. Your changes are below; reload the %s to see "
			         "theirs, then edit again.",
			         e->one, e->one);
		form_page(rq, rs, e, o, &err);
		json_decref(o);
		return;
	}
	reply_redirect(rs, rq, with_notice(rq, after_write(rq, e, id, o), "saved"));
	json_decref(o);
}

void page_entity_delete(request *rq, response *rs)
{
	const struct entity *e = kind(rq);
	struct err err = {0};
	json_t *o = entity_get(rq->db, e, rq_id(rq, 1));
	if (entity_delete(rq->db, e, rq->user_id, rq_id(rq, 1), &err) < 0) {
		json_decref(o);
		return page_error(rq, rs, err.status, err.message);
	}
	reply_redirect(rs, rq, after_write(rq, e, 0, o));
	json_decref(o);
}
