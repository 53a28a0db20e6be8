/* page_settings.c — workspace settings a leader edits in the browser: the score formula's weights. */
#include <string.h>
#include "app/reply.h"
#include "domain/score.h"
#include "fields.h"
#include "model/users.h"
#include "svg.h"
#include "web.h"

static const struct {
	const char *key, *label, *help;
} weights[] = {
	{"goal", "Goal value", "Points per unit of goal weight (a feature linked to two goals with weight 3 has 6 units)"},
	{"demand", "Evidence demand", "Points per unit of customer demand (importance, weighted by the account's ARR)"},
	{"rice", "RICE", "Points per unit of reach × impact × confidence ÷ effort"},
};

static void settings_page(request *rq, response *rs, const struct err *err)
{
	struct score_weights w;
	score_weights_get(rq->db, &w);
	const double now[] = {w.goal, w.demand, w.rice};
	page_begin(rq, rs, "Score weights", "features");
	buf *b = &rs->body;
	buf_lit(b, "<nav class=\"crumbs\"><a href=\"/features\">Features</a></nav><h1>Score weights</h1><p class=\"blurb\">"
	           "A feature's score is the sum of three parts, each times its weight. Leaders set them for everyone.</p>");
	form_error_summary(b, err);
	bool leader = rq->user_rank >= RANK_LEADER;
	buf_lit(b, "<form class=\"edit\" method=\"post\" action=\"/settings/score\">");
	form_csrf(rq, b);
	for (size_t i = 0; i < COUNT(weights); i++) {
		bool bad = err && err->status && !strcmp(err->field, weights[i].key);
		const char *typed = rq->form ? rq_form(rq, weights[i].key) : NULL;
		html(b, "<div class=\"field%s\"><label for=\"w-%s\">%s</label><input id=\"w-%s\" name=\"%s\" type=\"number\" "
		        "min=\"0\" max=\"1000\" step=\"any\" value=\"",
		     bad ? " has-error" : "", weights[i].key, weights[i].label, weights[i].key, weights[i].key);
		if (typed)
			html(b, "%s", typed);
		else
			fmt_number(b, now[i]);
		html(b, "\"%s><p class=\"help\">%s</p></div>", leader ? "" : " disabled", weights[i].help);
	}
	if (leader)
		buf_lit(b, "<div class=\"form-actions\"><button type=\"submit\">Save weights</button></div>");
	else
		buf_lit(b, "<p class=\"muted\">Only leaders change the weights.</p>");
	buf_lit(b, "</form>");
	page_end(rq, rs);
}

void page_score_settings(request *rq, response *rs) { settings_page(rq, rs, NULL); }

void page_score_settings_save(request *rq, response *rs)
{
	json_t *in = json_object();
	for (size_t i = 0; i < COUNT(weights); i++) {
		const char *v = rq_form(rq, weights[i].key);
		double x;
		if (v)
			json_object_set_new(in, weights[i].key, parse_double(v, &x) ? json_real(x) : json_string_nocheck(v));
	}
	struct err err = {0};
	int rc = score_weights_put(rq->db, rq->user_id, in, &err);
	json_decref(in);
	if (rc < 0) {
		rs->status = err.status;
		return settings_page(rq, rs, &err);
	}
	reply_redirect(rs, rq, "/settings/score");
}
