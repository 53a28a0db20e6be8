/* page_demand.c — the demand page: per planned feature and over the whole plan, the share of weighted demand
 * from the top 1 and top 3 accounts and the Herfindahl index, with bars; the demand settings for leaders. */
#include <math.h>
#include <string.h>
#include "app/reply.h"
#include "domain/demand.h"
#include "evidence.h"
#include "model/users.h"
#include "svg.h"
#include "model/features.h"
#include "fields.h"
#include "web.h"

void demand_numbers(buf *b, json_t *c)
{
	long long n = json_integer_value(json_object_get(c, "account_count"));
	buf_lit(b, "<p class=\"demand-line\">Weighted demand <strong>");
	fmt_number(b, json_number_value(json_object_get(c, "demand")));
	buf_rawf(b, "</strong> from %lld account%s", n, n == 1 ? "" : "s");
	if (n) {
		buf_rawf(b, " · top account <strong>%.0f%%</strong> · top 3 <strong>%.0f%%</strong> · HHI <strong>%.2f</strong>",
		         100 * json_number_value(json_object_get(c, "top1_share")),
		         100 * json_number_value(json_object_get(c, "top3_share")), json_number_value(json_object_get(c, "hhi")));
	}
	double un = json_number_value(json_object_get(c, "unattributed_share"));
	if (un > 0)
		buf_rawf(b, " · %.0f%% from insights without an account", 100 * un);
	buf_lit(b, "</p>");
}

void demand_bars(buf *b, json_t *c, int max)
{
	json_t *accs = json_object_get(c, "accounts");
	if (!json_array_size(accs))
		return;
	buf_lit(b, "<div class=\"bars demand-bars\">");
	size_t i;
	json_t *a;
	json_array_foreach(accs, i, a)
	{
		if ((int)i >= max)
			break;
		double share = json_number_value(json_object_get(a, "share"));
		int w = (int)lround(100 * share);
		html(b, "<div class=\"bar-row\"><span class=\"bar-label\"><a href=\"/accounts/%lld\">%s</a></span><div class=\"bar\">"
		        "<span class=\"w%d\"></span></div><span class=\"bar-value\">",
		     (long long)json_integer_value(json_object_get(a, "id")), json_string_value(json_object_get(a, "name")),
		     (w < 0 ? 0 : w > 100 ? 100 : w) / 5 * 5);
		buf_rawf(b, "%.0f%% · ", 100 * share);
		fmt_number(b, json_number_value(json_object_get(a, "demand")));
		buf_lit(b, "</span></div>");
	}
	buf_lit(b, "</div>");
}

static void period_form(request *rq, buf *b, const char *period)
{
	buf_lit(b, "<form class=\"filters\" method=\"get\" action=\"/demand\"><label>Period <select name=\"period\">"
	           "<option value=\"\">All planned</option>");
	json_t *periods = features_planned_periods(rq->db), *p;
	size_t i;
	json_array_foreach(periods, i, p) html(b, "<option%s>%s</option>", str_eq(period, json_string_value(p)) ? " selected" : "",
	                                       json_string_value(p));
	json_decref(periods);
	buf_lit(b, "</select></label><button type=\"submit\">Show</button></form>");
}

static void share_cell(buf *b, double share)
{
	int w = (int)lround(100 * share);
	buf_rawf(b, "<td class=\"share\"><div class=\"bar\"><span class=\"w%d\"></span></div>%.0f%%</td>",
	         (w < 0 ? 0 : w > 100 ? 100 : w) / 5 * 5, 100 * share);
}

static void features_table(buf *b, json_t *features, double threshold)
{
	if (!json_array_size(features)) {
		buf_lit(b, "<p class=\"empty\">No feature is planned here. Plan some on the <a href=\"/plan\">plan page</a>.</p>");
		return;
	}
	buf_lit(b, "<table class=\"list\" id=\"demand-features\"><thead><tr><th scope=\"col\">Feature</th><th scope=\"col\">"
	           "Period</th><th scope=\"col\" class=\"num\">Demand</th><th scope=\"col\">Top account</th><th scope=\"col\">"
	           "Top 1</th><th scope=\"col\" class=\"num\">Top 3</th><th scope=\"col\" class=\"num\">HHI</th>"
	           "<th scope=\"col\" class=\"num\">Accounts</th></tr></thead><tbody>");
	size_t i;
	json_t *f;
	json_array_foreach(features, i, f)
	{
		long long id = json_integer_value(json_object_get(f, "id"));
		double top1 = json_number_value(json_object_get(f, "top1_share"));
		long long n = json_integer_value(json_object_get(f, "account_count"));
		json_t *top = json_array_get(json_object_get(f, "accounts"), 0);
		const char *period = json_string_value(json_object_get(f, "period"));
		html(b, "<tr id=\"demand-%lld\"><td class=\"title\"><a href=\"/features/%lld#evidence\">%s</a>", id, id,
		     json_string_value(json_object_get(f, "title")));
		if (n >= 1 && top1 > threshold)
			buf_lit(b, " <span class=\"badge badge-warning\">concentrated</span>");
		else if (json_number_value(json_object_get(f, "demand")) <= 0)
			buf_lit(b, " <span class=\"badge badge-info\">no evidence</span>");
		html(b, "</td><td>%s</td><td class=\"num\">", period ? period : "—");
		fmt_number(b, json_number_value(json_object_get(f, "demand")));
		buf_lit(b, "</td><td>");
		if (top)
			html(b, "<a href=\"/accounts/%lld\">%s</a>", (long long)json_integer_value(json_object_get(top, "id")),
			     json_string_value(json_object_get(top, "name")));
		else
			buf_lit(b, "<span class=\"muted\">—</span>");
		buf_lit(b, "</td>");
		share_cell(b, top1);
		buf_rawf(b, "<td class=\"num\">%.0f%%</td><td class=\"num\">%.2f</td><td class=\"num\">%lld</td></tr>",
		         100 * json_number_value(json_object_get(f, "top3_share")), json_number_value(json_object_get(f, "hhi")),
		         n);
	}
	buf_lit(b, "</tbody></table>");
}

static void settings_card(request *rq, buf *b, const struct err *err)
{
	json_t *s = demand_settings_get(rq->db);
	bool on = json_is_true(json_object_get(s, "arr_weighting"));
	double t = json_number_value(json_object_get(s, "concentration_threshold"));
	long long days = json_integer_value(json_object_get(s, "triage_days"));
	buf_lit(b, "<section class=\"card\" id=\"demand-settings\"><h2>Settings</h2>");
	if (rq->user_rank < RANK_LEADER) {
		buf_rawf(b, "<p>ARR weighting is <strong>%s</strong>; a planned feature is flagged when one account carries "
		            "more than <strong>%.0f%%</strong> of its demand; insights should be triaged within <strong>%lld"
		            "</strong> days.</p><p class=\"help\">Leaders change these.</p></section>",
		         on ? "on" : "off", 100 * t, days);
		json_decref(s);
		return;
	}
	if (err && err->status)
		html(b, "<p class=\"error\" role=\"alert\">%s</p>", err->message);
	buf_lit(b, "<form class=\"inline\" method=\"post\" action=\"/demand/settings\">");
	form_csrf(rq, b);
	html(b, "<label>ARR weighting <select name=\"arr_weighting\"><option value=\"on\"%s>On: larger accounts count more"
	        "</option><option value=\"off\"%s>Off: every insight counts its importance</option></select></label>",
	     on ? " selected" : "", on ? "" : " selected");
	buf_rawf(b, "<label>Concentration threshold <input type=\"number\" name=\"concentration_threshold\" min=\"0.05\" "
	            "max=\"1\" step=\"0.05\" value=\"%g\"></label><label>Triage within (days) <input type=\"number\" "
	            "name=\"triage_days\" min=\"1\" max=\"3650\" value=\"%lld\"></label>",
	         t, days);
	buf_lit(b, "<button type=\"submit\">Save settings</button></form><p class=\"help\">With ARR weighting on, an insight "
	           "counts importance × (1 + log10(1 + ARR ÷ 10,000)): an account of 90,000 ARR counts twice.</p></section>");
	json_decref(s);
}

static void demand_page(request *rq, response *rs, const struct err *err)
{
	const char *period = rq_query(rq, "period");
	if (period && !*period)
		period = NULL;
	struct err e = {0};
	json_t *rep = demand_report(rq->db, period, &e);
	if (!rep)
		return page_error(rq, rs, e.status, e.message);
	page_begin(rq, rs, "Demand", "demand");
	buf *b = &rs->body;
	buf_lit(b, "<div class=\"page-head\"><div><h1>Demand concentration</h1><p class=\"blurb\">Whose voice drives the "
	           "plan: for each planned feature, how much of its weighted customer demand comes from the largest "
	           "account and the largest three, and the Herfindahl index (1 = one account, near 0 = many).</p></div></div>");
	period_form(rq, b, period);
	json_t *overall = json_object_get(rep, "overall");
	html(b, "<section class=\"card\" id=\"demand-overall\"><h2>The plan%s%s: %lld feature%s</h2>", period ? " for " : "",
	     period ? period : "", (long long)json_integer_value(json_object_get(overall, "features")),
	     json_integer_value(json_object_get(overall, "features")) == 1 ? "" : "s");
	demand_numbers(b, overall);
	demand_bars(b, overall, 10);
	if (!json_is_true(json_object_get(rep, "arr_weighting")))
		buf_lit(b, "<p class=\"help\">ARR weighting is off: every insight counts its importance.</p>");
	buf_lit(b, "</section><h2>Per feature</h2>");
	features_table(b, json_object_get(rep, "features"), demand_threshold(rq->db));
	settings_card(rq, b, err);
	json_decref(rep);
	page_end(rq, rs);
}

void page_demand(request *rq, response *rs) { demand_page(rq, rs, NULL); }

void page_demand_settings_save(request *rq, response *rs)
{
	struct err e = {0};
	json_t *in = setting_form(&demand_setting, rq->form, &e);
	int rc = in ? setting_put(rq->db, &demand_setting, rq->user_id, in, &e) : -1;
	json_decref(in);
	if (rc < 0) {
		rs->status = e.status;
		return demand_page(rq, rs, &e);
	}
	reply_redirect(rs, rq, "/demand#demand-settings");
}
