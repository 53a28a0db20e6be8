/* page_insight.c — what insight pages add to the generic ones: importing from CSV, selecting insights on the list
 * for one bulk decision (link to a feature, tag, dismiss), and (on an insight's page) the features it supports. */
#include "action_form.h"
#include "app/reply.h"
#include "domain/insights_bulk.h"
#include "model/insights.h"
#include "evidence.h"
#include <string.h>
#include "platform/json_get.h"
#include "web.h"

static void list_actions(request *rq, buf *b)
{
	if (entity_may_create(&insights_entity, rq->user_rank)) /* contributors add insights */
		buf_lit(b, "<a class=\"button secondary\" href=\"/insights/import\">Import CSV</a>");
}

static bool may_bulk(request *rq) { return rq->user_rank >= insights_bulk_action.rank; }

/* The list's query as it is (filters, search, sort, page), the notice's own arguments left out: where a bulk
 * change returns to. */
static const char *list_query(request *rq)
{
	buf t;
	buf_init(&t);
	for (struct kv *k = rq_query_all(rq); k; k = k->next) {
		if (!strcmp(k->key, "done") || !strcmp(k->key, "count"))
			continue;
		if (t.len)
			buf_addc(&t, '&');
		buf_url(&t, k->key), buf_addc(&t, '='), buf_url(&t, k->value);
	}
	const char *q = arena_strdup(rq->a, buf_str(&t));
	buf_free(&t);
	return q;
}

/* After a bulk change, back on the list: what was done to how many. */
static void bulk_notice(request *rq, buf *b)
{
	long long n;
	const char *what = rq_query(rq, "done");
	if (!what || !parse_ll(rq_query(rq, "count"), &n) || n < 0)
		return;
	const char *verb = !strcmp(what, "link") ? "linked to the feature" : !strcmp(what, "tag") ? "tagged"
	                   : !strcmp(what, "dismiss")                       ? "dismissed"
	                                                                    : NULL;
	if (verb)
		html(b, "<p class=\"notice\" role=\"status\" id=\"saved\">%lld insight%s %s.</p>", n, n == 1 ? "" : "s", verb);
}

/* Above the list: the notice of a bulk change just made, the bulk form; the rows' checkboxes belong to it (the
 * form attribute). */
static void list_before(request *rq, buf *b, json_t *items, void *ctx)
{
	(void)ctx;
	bulk_notice(rq, b);
	if (!may_bulk(rq) || !json_array_size(items))
		return;
	buf_lit(b, "<details class=\"bulk\" id=\"bulk\"");
	if (action_failed(rq, &insights_bulk_action, 0))
		buf_lit(b, " open");
	buf_lit(b, "><summary>Change the selected insights</summary>");
	struct kv importance = {"importance", "2", NULL}, back = {"back", list_query(rq), NULL};
	action_form(rq, b, &insights_bulk_action, NULL,
	            &(struct form_opts){.cls = "inline", .only = "action feature_id importance tag", .values = &importance,
	                                .hidden = &back,
	                                .intro = "Tick insights in the list, then link them to a feature, tag them or dismiss "
	                                         "them — all of them or, if one cannot be changed, none."});
	buf_lit(b, "</details>");
}

static void *list_prepare(request *rq, json_t *items)
{
	(void)items;
	return may_bulk(rq) ? (void *)1 : NULL;
}

static void list_cell(request *rq, buf *b, json_t *obj, void *ctx)
{
	(void)rq;
	if (!ctx)
		return;
	long long id = json_integer_value(json_object_get(obj, "id"));
	html(b, "<input type=\"checkbox\" name=\"ids\" value=\"%lld\" form=\"insights-bulk-form\" "
	        "aria-label=\"Select insight %lld\">",
	     id, id);
}

/* On an insight's page: the features it supports, linking to more, and suggestions. */
static void show_extra(request *rq, buf *b, json_t *o, const char *form, const struct err *err)
{
	(void)form, (void)err; /* the section shows its own form errors */
	insight_section(rq, b, json_integer_value(json_object_get(o, "id")));
}

/* A refused bulk change shows the insights list again, the form open with the message (nothing was changed). */
static void bulk_failed(request *rq, response *rs, const struct outcome *o)
{
	rq->params[0] = "insights"; /* the list page reads its kind from the path: /insights */
	page_entity_list(rq, rs);
	rs->status = o->err.status;
}

/* A bulk change made: back to the list as it was (the form's back: its query), saying what was done. */
static void bulk_done(request *rq, response *rs, const struct outcome *o)
{
	const char *back = rq_form(rq, "back");
	if (!back || strchr(back, '#') || strchr(back, '\r') || strchr(back, '\n'))
		back = "";
	reply_redirect(rs, rq,
	               arena_printf(rq->a, "/insights?%s%sdone=%s&count=%lld", back, *back ? "&" : "",
	                            jget_str(o->x.out, "action"), (long long)jget_int(o->x.out, "count")));
}

const struct action_page insights_bulk_page = {&insights_bulk_action, bulk_failed, bulk_done};

const struct kind_page insight_page = {"insights", "Select", list_prepare, list_cell, list_actions, list_before,
                                       show_extra};
