/* page_insight.c — what insight pages add to the generic ones: importing from CSV, and (on an insight's
 * page) the features it supports. */
#include "model/insights.h"
#include "evidence.h"
#include "web.h"

static void list_actions(request *rq, buf *b)
{
	if (entity_may_create(&insights_entity, rq->user_rank)) /* contributors add insights */
		buf_lit(b, "<a class=\"button secondary\" href=\"/insights/import\">Import CSV</a>");
}

/* On an insight's page: the features it supports, linking to more, and suggestions. */
static void show_extra(request *rq, buf *b, json_t *o, const char *form, const struct err *err)
{
	(void)form, (void)err; /* the section shows its own form errors */
	insight_section(rq, b, json_integer_value(json_object_get(o, "id")));
}

const struct kind_page insight_page = {"insights", NULL, NULL, NULL, list_actions, NULL, show_extra};
