/* api_brief.c — a launch's sales enablement brief: its Markdown and the same rendered as safe HTML. */
#include "api.h"
#include "app/reply.h"
#include "domain/brief.h"
#include "openapi.h"
#include "platform/markdown.h"

void api_launch_brief(request *rq, response *rs)
{
	char today[11];
	today_ymd(today);
	buf md, out;
	buf_init(&md);
	struct err e = {0};
	if (brief_markdown(rq->db, rq_id(rq, 0), today, &md, &e) < 0) {
		buf_free(&md);
		return reply_err_json(rs, &e);
	}
	buf_init(&out);
	markdown_html(&out, buf_str(&md));
	reply_json(rs, 200,
	           json_pack("{sIssss}", "launch_id", (json_int_t)rq_id(rq, 0), "markdown", buf_str(&md), "html",
	                     buf_str(&out)));
	buf_free(&md);
	buf_free(&out);
}

void openapi_brief_schemas(json_t *schemas)
{
	json_t *p = json_object();
	json_object_set_new(p, "launch_id", json_pack("{ss}", "type", "integer"));
	json_object_set_new(
	    p, "markdown",
	    json_pack("{ssss}", "type", "string", "description",
	              "The brief as Markdown (GitHub flavour): What ships, For whom, Why it matters, How "
	              "to talk about it, Availability by tier, FAQ, Checklist status; user text escaped"));
	json_object_set_new(p, "html",
	                    json_pack("{ssss}", "type", "string", "description",
	                              "The Markdown rendered by cmark-gfm in safe mode (an HTML fragment)"));
	json_object_set_new(
	    schemas, "LaunchBrief",
	    json_pack("{sssos[sss]}", "type", "object", "properties", p, "required", "launch_id", "markdown", "html"));
}
