/* page_activity.c — the activity feed: every change in the workspace, newest first (who, what, when),
 * with what changed in a line; the dashboard's recent-activity card; and the change line an object's
 * history shares. */
#include <string.h>
#include "domain/evidence.h"
#include "fields.h"
#include "model/action.h"
#include "model/entity.h"
#include "svg.h"
#include "web.h"

enum { FEED_PAGE = 50 };

static bool strings_only(json_t *v)
{
	size_t i;
	json_t *x;
	json_array_foreach(v, i, x) if (!json_is_string(x)) return false;
	return true;
}

/* A changed value, short: text cut at 60 characters, a list of words as the words, other lists by their length,
 * objects as "…", an enum's value as its label, an evidence link's importance in words (f: the field changed, NULL
 * when unknown). */
static void short_value(request *rq, buf *b, const struct field *f, json_t *v)
{
	if (f && f->type == FT_ENUM && json_is_string(v))
		html(b, "%s", field_choice_label(f, json_string_value(v), rq->a));
	else if (f && !strcmp(f->name, "importance") && json_is_integer(v) && evidence_importance_label(json_integer_value(v)))
		html(b, "%s", evidence_importance_label(json_integer_value(v))); /* an evidence link's: "critical" */
	else if (json_is_array(v) && strings_only(v)) { /* tags: the words themselves, cut like text */
		buf t;
		buf_init(&t);
		size_t i;
		json_t *x;
		json_array_foreach(v, i, x) buf_rawf(&t, "%s%s", i ? ", " : "", json_string_value(x));
		html(b, "%.60s", json_array_size(v) ? buf_str(&t) : "none");
		buf_free(&t);
	} else if (json_is_array(v)) {
		size_t n = json_array_size(v);
		buf_rawf(b, n == 1 ? "%zu item" : "%zu items", n);
	} else if (json_is_object(v))
		buf_lit(b, "…");
	else if (json_is_null(v))
		buf_lit(b, "none");
	else if (json_is_number(v))
		fmt_number(b, json_number_value(v));
	else
		html(b, "%.60s", value_text(rq->a, v));
}

/* The record of list whose first member (a question) is key's, or NULL. */
static json_t *record_named(json_t *list, const struct field *f, json_t *key)
{
	size_t i;
	json_t *it;
	json_array_foreach(list, i, it) if (json_equal(json_object_get(it, f->sub[0].name), key)) return it;
	return NULL;
}

/* A list of records that changed (a PR/FAQ's FAQ), by the first member of its entries: which were added, changed
 * and removed, each named (cut at 60 characters). */
static void records_change(buf *b, const struct field *f, json_t *from, json_t *to)
{
	static const char *const what[] = {"added", "changed", "removed"};
	bool any = false;
	for (int pass = 0; pass < 3; pass++) {
		json_t *list = pass == 2 ? from : to, *it;
		size_t i, n = 0;
		json_array_foreach(list, i, it)
		{
			json_t *key = json_object_get(it, f->sub[0].name), *other = record_named(pass == 2 ? to : from, f, key);
			if (pass == 0 ? other != NULL : pass == 1 ? !other || json_equal(other, it) : other != NULL)
				continue;
			const char *q = json_is_string(key) ? json_string_value(key) : "";
			if (n)
				html(b, ", “%.60s”", q);
			else
				html(b, "%s%s “%.60s”", any ? "; " : "", what[pass], q);
			n++;
		}
		any = any || n;
	}
	if (!any)
		buf_lit(b, "reordered");
}

/* The kind a change's "<one>_id" key names (insight_id: insights), or NULL. */
static const struct entity *id_kind(request *rq, const char *key)
{
	size_t n = strlen(key);
	if (n < 4 || strcmp(key + n - 3, "_id"))
		return NULL;
	return entity_find(arena_printf(rq->a, "%.*ss", (int)(n - 3), key));
}

/* The field a change's key names when it is no field of the kind: one of the input fields of the action that
 * wrote it (its verb is the row's action), else of any action on the kind (measured: at → "Date"). */
static const struct field *action_field(const struct entity *e, const char *action, const char *key)
{
	for (int pass = 0; e && pass < 2; pass++)
		for (int i = 0; i < actions_count; i++) {
			const struct action *a = actions_all[i];
			const char *kind = a->audit_kind ? a->audit_kind : a->kind;
			if (!kind || strcmp(kind, e->kind) || (pass == 0 && !str_eq(a->verb, action)))
				continue;
			for (int k = 0; k < a->nfields; k++)
				if (!strcmp(a->fields[k].name, key))
					return &a->fields[k];
		}
	return NULL;
}

/* An evidence link is told on both objects; the feed keeps the feature's side only, so it is logged once. */
static bool mirror_row(json_t *it)
{
	const char *kind = json_string_value(json_object_get(it, "kind")), *a = json_string_value(json_object_get(it, "action"));
	return kind && a && !strcmp(kind, "insights") &&
	       (!strcmp(a, "linked to a feature") || !strcmp(a, "unlinked from a feature") || !strcmp(a, "link changed"));
}

void audit_changes(request *rq, buf *b, const struct entity *e, const char *action, json_t *changes)
{
	if (!action || !strcmp(action, "created") || !strcmp(action, "deleted"))
		return;
	const char *key;
	json_t *v;
	bool first = true;
	for (int pass = 0; pass < 2; pass++) /* the other side of a link first, then the values */
	json_object_foreach(changes, key, v)
	{
		if (json_is_null(v))
			continue;
		const struct field *f = e ? entity_field(e, key) : NULL;
		const struct entity *other = f ? NULL : id_kind(rq, key);
		if (!f && !other)
			f = action_field(e, action, key);
		if ((other && json_is_integer(v)) != (pass == 0))
			continue;
		if (other && json_is_integer(v)) { /* the other side of a link, by name: insight "…" */
			const char *label = entity_ref_label(rq->db, rq->a, other->kind, json_integer_value(v));
			html(b, "%s%s ", first ? ": " : "; ", other->one);
			if (label)
				html(b, "<a href=\"/%s/%lld\">%.80s</a>", other->kind, (long long)json_integer_value(v), label);
			else
				buf_rawf(b, "#%lld", (long long)json_integer_value(v));
			first = false;
			continue;
		}
		html(b, "%s%s", first ? ": " : "; ", f ? f->label : key);
		first = false;
		json_t *from = json_object_get(v, "from"), *to = json_object_get(v, "to");
		buf_lit(b, " ");
		if (f && f->type == FT_RECORDS && f->nsub && json_is_array(from) && json_is_array(to)) {
			records_change(b, f, from, to);
		} else if (json_is_object(v) && to) {
			short_value(rq, b, f, from);
			buf_lit(b, " → ");
			short_value(rq, b, f, to);
		} else
			short_value(rq, b, f, v);
	}
}

/* One feed row: when, who, what happened to which object, and what changed. */
static void feed_item(request *rq, buf *b, json_t *it)
{
	const char *kind = json_string_value(json_object_get(it, "kind"));
	const char *action = json_string_value(json_object_get(it, "action"));
	const char *who = json_string_value(json_object_get(it, "user"));
	long long id = json_integer_value(json_object_get(it, "object_id"));
	const struct entity *e = entity_find(kind);
	buf_lit(b, "<li>");
	show_time(b, json_string_value(json_object_get(it, "at")));
	html(b, " <strong>%s</strong> %s ", who ? who : "Tandem", action);
	if (!e) {
		html(b, "%s", !strcmp(kind, "strategy") ? "the strategy" : kind);
	} else {
		const char *label = entity_ref_label(rq->db, rq->a, e->kind, id);
		if (label && strcmp(action, "deleted"))
			html(b, "%s <a href=\"/%s/%lld\">%.80s</a>", e->one, e->kind, id, label);
		else /* gone: its name is in the deleted row */
			html(b, "%s #%lld %.80s", e->one, id,
			     e->title_field ? value_text(rq->a, json_object_get(json_object_get(it, "changes"), e->title_field)) : "");
	}
	if (e && e->parent) { /* a launch's checklist item: on which launch */
		json_t *o = entity_get(rq->db, e, id);
		long long pid = json_integer_value(json_object_get(o ? o : json_object_get(it, "changes"), e->parent_field));
		const char *plabel = pid ? entity_ref_label(rq->db, rq->a, e->parent->kind, pid) : NULL;
		if (plabel)
			html(b, " on %s <a href=\"/%s/%lld\">%.80s</a>", e->parent->one, e->parent->kind, pid, plabel);
		json_decref(o);
	}
	audit_changes(rq, b, e, action, json_object_get(it, "changes"));
	buf_lit(b, "</li>");
}

void activity_card(request *rq, buf *b, int n)
{
	long long next;
	json_t *items = audit_feed(rq->db, NULL, rq->user_rank, 0, n, &next);
	buf_lit(b, "<section class=\"card\" id=\"recent-activity\"><h2><a href=\"/activity\">Recent activity</a></h2>"
	           "<ol class=\"timeline\">");
	size_t i;
	json_t *it;
	json_array_foreach(items, i, it) if (!mirror_row(it)) feed_item(rq, b, it);
	buf_lit(b, "</ol></section>");
	json_decref(items);
}

void page_activity(request *rq, response *rs)
{
	const char *kind = rq_query(rq, "kind");
	if (str_empty(kind))
		kind = NULL;
	long long before = 0;
	const char *cur = rq_query(rq, "cursor");
	if (cur && (!parse_ll(cur, &before) || before < 0))
		return page_error(rq, rs, 400, "cursor must be the cursor of the page before (a whole number).");
	if (kind && !audit_kind_known(kind))
		return page_error(rq, rs, 400, "kind must be one of the kinds Tandem keeps (goals, features, launches, …).");
	long long next;
	json_t *items = audit_feed(rq->db, kind, rq->user_rank, before, FEED_PAGE, &next);
	page_begin(rq, rs, "Activity", "activity");
	buf *b = &rs->body;
	buf_lit(b, "<h1>Activity</h1><p class=\"blurb\">Every change in the workspace, newest first: who changed what, "
	           "and when.</p><form method=\"get\" action=\"/activity\" class=\"inline-form\"><label for=\"kind\">Only"
	           "</label> <select id=\"kind\" name=\"kind\"><option value=\"\">everything</option>");
	for (int k = 0; k < entity_count; k++)
		if (rq->user_rank >= entity_all[k]->read_rank)
			html(b, "<option value=\"%s\"%s>%s</option>", entity_all[k]->kind,
			     kind && !strcmp(kind, entity_all[k]->kind) ? " selected" : "", entity_all[k]->label);
	buf_lit(b, "</select> <button type=\"submit\">Show</button></form><ol class=\"timeline\" id=\"feed\">");
	size_t i;
	json_t *it;
	json_array_foreach(items, i, it) if (kind || !mirror_row(it)) feed_item(rq, b, it); /* filtered to insights: their side too */
	buf_lit(b, "</ol>");
	if (!json_array_size(items))
		buf_lit(b, "<p class=\"muted\">Nothing yet.</p>");
	if (next)
		html(b, "<p><a class=\"button secondary\" href=\"/activity?%s%s%scursor=%lld\">Older</a></p>",
		     kind ? "kind=" : "", kind ? kind : "", kind ? "&" : "", next);
	json_decref(items);
	page_end(rq, rs);
}
