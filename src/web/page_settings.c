/* page_settings.c — workspace settings a leader edits in the browser: the score formula's weights. */
#include <string.h>
#include "app/reply.h"
#include "domain/score.h"
#include "fields.h"
#include "model/users.h"
#include "svg.h"
#include "web.h"

/* The weights' form, from the setting group's fields; a re-shown form keeps what was typed. */
static void settings_page(request *rq, response *rs, const struct err *err)
{
	json_t *now = setting_get(rq->db, &score_setting);
	page_begin(rq, rs, score_setting.label, "features");
	buf *b = &rs->body;
	buf_lit(b, "<nav class=\"crumbs\"><a href=\"/features\">Features</a></nav><h1>Score weights</h1><p class=\"blurb\">"
	           "A feature's score is the sum of three parts, each times its weight. Leaders set them for everyone.</p>");
	form_error_summary(b, err);
	bool leader = rq->user_rank >= score_setting.write_rank;
	buf_lit(b, "<form class=\"edit\" method=\"post\" action=\"/settings/score\">");
	form_csrf(rq, b);
	buf_raw(b, leader ? "<fieldset class=\"group\">" : "<fieldset class=\"group\" disabled>");
	for (int i = 0; i < score_setting.nfields; i++) {
		const struct field *f = &score_setting.fields[i];
		const char *typed = rq->form ? rq_form(rq, f->name) : NULL;
		field_input_row(rq, b, f, arena_printf(rq->a, "f-%s", f->name),
		                typed ? typed : value_text(rq->a, json_object_get(now, f->name)), err);
	}
	buf_lit(b, "</fieldset>");
	if (leader)
		buf_lit(b, "<div class=\"form-actions\"><button type=\"submit\">Save weights</button></div>");
	else
		buf_lit(b, "<p class=\"muted\">Only leaders change the weights.</p>");
	buf_lit(b, "</form>");
	json_decref(now);
	page_end(rq, rs);
}

void page_score_settings(request *rq, response *rs) { settings_page(rq, rs, NULL); }

void page_score_settings_save(request *rq, response *rs)
{
	struct err err = {0};
	json_t *in = setting_form(&score_setting, rq->form, &err);
	int rc = in ? setting_put(rq->db, &score_setting, rq->user_id, in, &err) : -1;
	json_decref(in);
	if (rc < 0) {
		rs->status = err.status;
		return settings_page(rq, rs, &err);
	}
	reply_redirect(rs, rq, "/settings/score");
}
