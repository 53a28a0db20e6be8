/* page_webhook.c — what a webhook's page has beyond its fields: its deliveries (status, tries, the last answer, the
 * next try) with Retry, "Send a test", and "New secret", whose answer is the one page that shows the new secret. */
#include "action_form.h"
#include "app/reply.h"
#include "fields.h"
#include "model/webhooks.h"
#include "platform/json_get.h"
#include "web.h"

static void show_extra(request *rq, buf *b, json_t *w, const char *form, const struct err *err)
{
	(void)form, (void)err;
	long long id = jget_int(w, "id");
	json_t *list = deliveries_list(rq->db, id, 50), *x;
	html(b, "<section class=\"card\" id=\"deliveries\"><h2>Deliveries <span class=\"count\">(%zu)</span></h2>",
	     json_array_size(list));
	buf_lit(b, "<div class=\"actions\">");
	action_form(rq, b, &webhook_test_action, w, &(struct form_opts){.button_cls = "secondary"});
	html(b, "<form method=\"post\" action=\"/webhooks/%lld/secret\">", id);
	form_csrf(rq, b);
	buf_lit(b, "<button type=\"submit\" class=\"secondary\">New secret</button></form></div>"
	           "<p class=\"help\">The secret signs every delivery (header webhook-signature). It is shown once, when it "
	           "is made; a new one signs beside the old one for 24 hours.</p>");
	if (!json_array_size(list))
		buf_lit(b, "<p class=\"muted\">Nothing sent yet.</p>");
	else
		buf_lit(b, "<table class=\"list compact\"><thead><tr><th>Event</th><th>Status</th><th>Tries</th><th>Answer</th>"
		           "<th>Last try</th><th>Next try</th><th></th></tr></thead><tbody>");
	size_t i;
	json_array_foreach(list, i, x)
	{
		const char *st = jget_str(x, "status");
		html(b, "<tr id=\"delivery-%lld\"><td>%s <small class=\"muted\">%s</small></td><td><span class=\"badge "
		        "badge-%s\">%s</span></td><td>%lld</td><td>",
		     jget_int(x, "id"), jget_str(x, "type"), jget_str(x, "msg_id"), st, st, jget_int(x, "attempts"));
		if (json_is_integer(json_object_get(x, "response_code")))
			html(b, "%lld", jget_int(x, "response_code"));
		if (jget_str(x, "error") && *jget_str(x, "error"))
			html(b, " <small>%s</small>", jget_str(x, "error"));
		html(b, "</td><td>%s</td><td>%s</td><td>", jget_str(x, "last_at") ? jget_str(x, "last_at") : "—",
		     jget_str(x, "next_at") ? jget_str(x, "next_at") : "—");
		if (!str_eq(st, "delivered")) {
			html(b, "<form method=\"post\" action=\"/webhooks/%lld/deliveries/%lld/retry\">", id, jget_int(x, "id"));
			form_csrf(rq, b);
			buf_lit(b, "<button type=\"submit\" class=\"link-button\">Retry</button></form>");
		}
		buf_lit(b, "</td></tr>");
	}
	if (json_array_size(list))
		buf_lit(b, "</tbody></table>");
	buf_lit(b, "</section>");
	json_decref(list);
}

const struct kind_page webhook_page = {"webhooks", NULL, NULL, NULL, NULL, NULL, show_extra};

void page_webhook_secret(request *rq, response *rs)
{
	long long id = rq_id(rq, 0);
	json_t *out = NULL;
	struct err e = {0};
	if (action_call(rq->db, &webhook_rotate_action, rq->user_id, id, 0, NULL, &out, &e) < 0)
		return page_error(rq, rs, e.status, e.message);
	rs->status = 201;
	page_begin(rq, rs, "New webhook secret", "webhooks");
	rs_header_set(rs, "Cache-Control", "no-store");
	buf *b = &rs->body;
	html(b, "<h1>New webhook secret</h1><p class=\"notice\" role=\"status\">Copy it now: it is not shown again. The "
	        "previous secret keeps signing beside it until %s.</p><label for=\"secret\">Secret</label> <input "
	        "id=\"secret\" class=\"wide\" readonly value=\"%s\"><p><a href=\"/webhooks/%lld\">Back to the webhook</a></p>",
	     jget_str(out, "previous_valid_until"), jget_str(out, "secret"), id);
	json_decref(out);
	page_end(rq, rs);
}
