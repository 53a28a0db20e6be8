/* page_plan.c — the plan page: pick a period and capacity, see the provably best set of features with
 * capacity bars, the cut list with reasons and the value captured by the top few; apply it. */
#include <math.h>
#include <string.h>
#include "action_form.h"
#include "app/reply.h"
#include "domain/plan_db.h"
#include "fields.h"
#include "model/features.h"
#include "svg.h"
#include "web.h"

static const char *const teams[] = {"eng", "design", "mkt"};
static const char *const team_labels[] = {"Engineering", "Design", "Marketing"};

/* The plan request from the page's arguments (query or form): period, eng/design/mkt, must, exclude. */
static json_t *request_body(request *rq, bool form, const char **period)
{
	json_t *body = json_object(), *cap = json_object(), *must = json_array(), *excl = json_array();
	struct kv *args = form ? rq->form : rq_query_all(rq);
	for (struct kv *k = args; k; k = k->next) {
		double x;
		long long id;
		if (!strcmp(k->key, "period") && *k->value)
			json_object_set_new(body, "period", json_string_nocheck(k->value));
		for (size_t t = 0; t < COUNT(teams); t++) /* the query's eng=, the apply form's capacity.eng= */
			if ((!strcmp(k->key, teams[t]) || (!strncmp(k->key, "capacity.", 9) && !strcmp(k->key + 9, teams[t]))) &&
			    *k->value)
				json_object_set_new(cap, teams[t], parse_double(k->value, &x) ? json_real(x) : json_string_nocheck(k->value));
		if (!strcmp(k->key, "must") && parse_ll(k->value, &id))
			json_array_append_new(must, json_integer(id));
		if (!strcmp(k->key, "exclude") && parse_ll(k->value, &id))
			json_array_append_new(excl, json_integer(id));
	}
	/* The numbers in the form were those of the period it was shown for (cap_for): after picking another
	 * period, a number nobody changed is that period's stored one and gives way to the new period's. */
	const char *p = json_string_value(json_object_get(body, "period"));
	const char *cap_for = NULL;
	for (struct kv *k = args; k; k = k->next)
		if (!strcmp(k->key, "cap_for"))
			cap_for = k->value;
	double was[COUNT(teams)];
	if (p && cap_for && strcmp(p, cap_for) && capacity_of(rq->db, cap_for, was))
		for (size_t t = 0; t < COUNT(teams); t++) {
			json_t *v = json_object_get(cap, teams[t]);
			if (json_is_number(v) && json_number_value(v) == was[t])
				json_object_del(cap, teams[t]);
		}
	if (json_object_size(cap))
		json_object_set(body, "capacity", cap);
	json_object_set_new(body, "must", must);
	json_object_set_new(body, "exclude", excl);
	json_decref(cap);
	*period = json_string_value(json_object_get(body, "period"));
	return body;
}

/* The latest planning period with stored capacity that is not over, else the latest one. */
static const char *default_period(request *rq)
{
	char today[11];
	today_ymd(today);
	return capacity_default_period(rq->db, rq->a, today);
}

static void plan_form(request *rq, buf *b, const char *period, json_t *cap, json_t *must, json_t *excl)
{
	buf_lit(b, "<form class=\"filters plan-form\" method=\"get\" action=\"/plan\"><label>Period <select name=\"period\">");
	json_t *periods = capacity_periods(rq->db), *p;
	size_t i;
	json_array_foreach(periods, i, p) html(b, "<option%s>%s</option>", str_eq(period, json_string_value(p)) ? " selected" : "",
	                                       json_string_value(p));
	json_decref(periods);
	buf_lit(b, "</select></label>");
	html(b, "<input type=\"hidden\" name=\"cap_for\" value=\"%s\">", period ? period : "");
	for (size_t t = 0; t < COUNT(teams); t++) {
		json_t *v = json_object_get(cap, teams[t]);
		html(b, "<label>%s <input type=\"number\" min=\"0\" step=\"any\" name=\"%s\" value=\"%s\"></label>",
		     team_labels[t], teams[t], json_is_number(v) ? value_text(rq->a, v) : "");
	}
	/* must-include and exclude, from the default candidates and anything already named */
	const char *lists[] = {"must", "exclude"}, *labels[] = {"Must include", "Exclude"};
	json_t *chosen[] = {must, excl};
	for (int l = 0; l < 2; l++) {
		html(b, "<label class=\"multi\">%s <select multiple size=\"6\" name=\"%s\">", labels[l], lists[l]);
		json_t *fs = features_plan_choices(rq->db), *f;
		json_array_foreach(fs, i, f)
		{
			bool on = false;
			size_t k;
			json_t *x;
			long long id = json_integer_value(json_object_get(f, "id"));
			json_array_foreach(chosen[l], k, x) on |= json_integer_value(x) == id;
			html(b, "<option value=\"%lld\"%s>#%lld %s</option>", id, on ? " selected" : "", id,
			     json_string_value(json_object_get(f, "title")));
		}
		json_decref(fs);
		buf_lit(b, "</select></label>");
	}
	buf_lit(b, "<button type=\"submit\">Compute plan</button> <a href=\"/capacity\">Edit capacity</a></form>");
}

/* A form value in front of list, in the arena. */
static struct kv *kv_push(request *rq, struct kv *list, const char *key, const char *value)
{
	struct kv *k = arena_alloc(rq->a, sizeof *k);
	*k = (struct kv){.key = key, .value = value, .next = list};
	return k;
}

static void capacity_bars(buf *b, json_t *used, json_t *cap)
{
	buf_lit(b, "<div class=\"bars\" id=\"capacity-bars\">");
	for (size_t t = 0; t < COUNT(teams); t++) {
		double u = json_number_value(json_object_get(used, teams[t])), c = json_number_value(json_object_get(cap, teams[t]));
		int pct = c > 0 ? (int)lround(100 * u / c) : (u > 0 ? 100 : 0);
		int w = pct < 0 ? 0 : pct > 100 ? 100 : pct;
		html(b, "<div class=\"bar-row\"><span class=\"bar-label\">%s</span><div class=\"bar\"><span class=\"w%d\"></span>"
		        "</div><span class=\"bar-value\">",
		     team_labels[t], w / 5 * 5);
		fmt_number(b, u);
		buf_lit(b, " / ");
		fmt_number(b, c);
		buf_rawf(b, " person-weeks (%d%%)</span></div>", pct);
	}
	buf_lit(b, "</div>");
}

static void result(request *rq, buf *b, json_t *p, json_t *body)
{
	bool optimal = json_is_true(json_object_get(p, "optimal"));
	buf_lit(b, "<section class=\"card\" id=\"plan-result\"><div class=\"result-head\"><h2>");
	buf_int(b, (long long)json_array_size(json_object_get(p, "chosen")));
	buf_lit(b, " features, value ");
	fmt_number(b, json_number_value(json_object_get(p, "value")));
	html(b, "</h2><span class=\"badge %s\" id=\"optimality\">%s</span></div>", optimal ? "badge-met" : "badge-warning",
	     optimal ? "optimal: proven by the solver" : "not proven optimal");
	const char *msg = json_string_value(json_object_get(p, "message"));
	if (msg && *msg && !optimal) /* why it is not proven; a proof needs no words */
		html(b, "<p class=\"muted\">%s</p>", msg);
	capacity_bars(b, json_object_get(p, "used"), json_object_get(p, "capacity"));
	buf_lit(b, "<p>The top 3 carry <strong>");
	buf_rawf(b, "%.0f%%", 100 * json_number_value(json_object_get(p, "top3_share")));
	buf_lit(b, "</strong> of the plan's value, the top 5 <strong>");
	buf_rawf(b, "%.0f%%", 100 * json_number_value(json_object_get(p, "top5_share")));
	buf_lit(b, "</strong>.</p><h3>Chosen</h3><table class=\"list\" id=\"chosen\"><thead><tr><th scope=\"col\">Feature</th>"
	           "<th scope=\"col\" class=\"num\">Value</th><th scope=\"col\" class=\"num\">Eng</th><th scope=\"col\" "
	           "class=\"num\">Design</th><th scope=\"col\" class=\"num\">Mkt</th></tr></thead><tbody>");
	size_t i;
	json_t *it;
	json_array_foreach(json_object_get(p, "items"), i, it)
	{
		html(b, "<tr><td class=\"title\"><a href=\"/features/%lld\">%s</a></td><td class=\"num\">",
		     (long long)json_integer_value(json_object_get(it, "id")), json_string_value(json_object_get(it, "title")));
		fmt_number(b, json_number_value(json_object_get(it, "value")));
		for (size_t t = 0; t < COUNT(teams); t++) {
			buf_lit(b, "</td><td class=\"num\">");
			fmt_number(b, json_number_value(json_object_get(json_object_get(it, "effort"), teams[t])));
		}
		buf_lit(b, "</td></tr>");
	}
	buf_lit(b, "</tbody></table>");
	json_t *cut = json_object_get(p, "cut");
	if (json_array_size(cut)) {
		buf_lit(b, "<h3>Cut</h3><table class=\"list\" id=\"cut\"><thead><tr><th scope=\"col\">Feature</th><th scope=\"col\">"
		           "Why</th></tr></thead><tbody>");
		json_array_foreach(cut, i, it)
		{
			const char *title = json_string_value(json_object_get(it, "title"));
			html(b, "<tr><td><a href=\"/features/%lld\">%s</a></td><td>%s</td></tr>",
			     (long long)json_integer_value(json_object_get(it, "id")), title ? title : "",
			     json_string_value(json_object_get(it, "reason")));
		}
		buf_lit(b, "</tbody></table>");
	}
	if (rq->user_rank >= plan_apply_action.rank && json_array_size(json_object_get(p, "chosen"))) {
		/* the same request again, as hidden fields: the period, the capacity typed, must and exclude */
		struct kv *hidden = NULL;
		const char *lists[] = {"must", "exclude"};
		for (int l = 0; l < 2; l++)
			json_array_foreach(json_object_get(body, lists[l]), i, it) hidden = kv_push(rq, hidden, lists[l],
			                                                                            value_text(rq->a, it));
		json_t *cap = json_object_get(body, "capacity");
		for (size_t t = 0; t < COUNT(teams); t++)
			if (json_object_get(cap, teams[t]))
				hidden = kv_push(rq, hidden, arena_printf(rq->a, "capacity.%s", teams[t]),
				                 value_text(rq->a, json_object_get(cap, teams[t])));
		hidden = kv_push(rq, hidden, "period", json_string_value(json_object_get(p, "period")));
		action_form(rq, b, &plan_apply_action, NULL, &(struct form_opts){.cls = "apply", .hidden = hidden, .quiet = true});
	}
	buf_lit(b, "</section>");
}

static void plan_page(request *rq, response *rs, json_t *body, const char *period, json_t *applied,
                      const struct err *failed)
{
	page_begin(rq, rs, "Plan", "plan");
	buf *b = &rs->body;
	buf_lit(b, "<div class=\"page-head\"><div><h1>Plan</h1><p class=\"blurb\">The set of features that gives the most "
	           "value within each team's capacity, taking dependencies along; proven best by an integer program.</p>"
	           "</div></div>");
	if (!period) {
		buf_lit(b, "<p class=\"empty\">No capacity yet. <a href=\"/capacity/new\">Set the capacity of a period</a> "
		           "to plan it.</p>");
		return page_end(rq, rs);
	}
	/* the form shows what is computed with: the numbers typed, the period's stored ones for the rest */
	json_t *typed = json_object_get(body, "capacity");
	double stored[COUNT(teams)];
	bool has_stored = capacity_of(rq->db, period, stored);
	json_t *cap = json_object();
	for (size_t t = 0; t < COUNT(teams); t++) {
		json_t *v = json_object_get(typed, teams[t]);
		if (json_is_number(v))
			json_object_set(cap, teams[t], v);
		else if (has_stored)
			json_object_set_new(cap, teams[t], json_real(stored[t]));
	}
	plan_form(rq, b, period, cap, json_object_get(body, "must"), json_object_get(body, "exclude"));
	bool differs = false;
	for (size_t t = 0; t < COUNT(teams); t++)
		differs |= json_is_number(json_object_get(cap, teams[t])) &&
		           (!has_stored || json_number_value(json_object_get(cap, teams[t])) != stored[t]);
	json_decref(cap);
	if (differs && has_stored) {
		html(b, "<p class=\"notice\" role=\"status\" id=\"capacity-differs\">Computed with the numbers above, not the "
		        "capacity stored for %s (engineering ", period);
		fmt_number(b, stored[0]);
		buf_lit(b, ", design ");
		fmt_number(b, stored[1]);
		buf_lit(b, ", marketing ");
		fmt_number(b, stored[2]);
		html(b, " person-weeks). <a href=\"/plan?period=%s\">Use the stored capacity</a></p>", period);
	}
	if (applied) {
		html(b, "<p class=\"notice\" role=\"status\" id=\"applied\">Applied: %zu features are planned for %s.</p>",
		     json_array_size(json_object_get(applied, "applied")), period);
		json_t *warn = json_object_get(applied, "release_warnings"), *w;
		size_t i;
		if (json_array_size(warn))
			buf_lit(b, "<div class=\"warning\" role=\"alert\" id=\"release-warnings\"><p>Their releases ship outside "
			           "the period:</p><ul>");
		json_array_foreach(warn, i, w) html(b, "<li><a href=\"/features/%lld\">%s</a></li>",
		                                   (long long)json_integer_value(json_object_get(w, "id")),
		                                   json_string_value(json_object_get(w, "message")));
		if (json_array_size(warn))
			buf_lit(b, "</ul></div>");
	}
	if (failed) {
		html(b, "<p class=\"error\" role=\"alert\" id=\"plan-error\">%s</p>", failed->message);
		return page_end(rq, rs);
	}
	struct plan_req r;
	struct err e = {0};
	json_t *p = NULL;
	if (plan_req_parse(body, &r, &e) == 0)
		p = plan_compute(rq->db, &r, &e);
	plan_req_free(&r);
	if (!p) {
		rs->status = e.status;
		html(b, "<p class=\"error\" role=\"alert\" id=\"plan-error\">%s</p>", e.message);
	} else {
		result(rq, b, p, body);
		json_decref(p);
	}
	page_end(rq, rs);
}

void page_plan(request *rq, response *rs)
{
	const char *period = NULL;
	json_t *body = request_body(rq, false, &period);
	if (!period) {
		period = default_period(rq);
		if (period)
			json_object_set_new(body, "period", json_string(period));
	}
	plan_page(rq, rs, body, period, NULL, NULL);
	json_decref(body);
}

/* After Apply: the plan page of the same request, with what was applied, or the message. */
static void applied_or_failed(request *rq, response *rs, const struct outcome *o)
{
	const char *period = NULL;
	json_t *body = request_body(rq, true, &period);
	if (o->rc < 0)
		rs->status = o->err.status ? o->err.status : 500;
	plan_page(rq, rs, body, period, o->rc < 0 ? NULL : o->x.out, o->rc < 0 ? &o->err : NULL);
	json_decref(body);
}

const struct action_page plan_apply_page = {&plan_apply_action, applied_or_failed, applied_or_failed};
