/* page_goal.c — what a goal's pages add to the generic ones: a sparkline per listed goal, and on the
 * goal page its progress, a chart, recording a measurement, changing the target with a reason, reviews. */
#include <stdlib.h>
#include <string.h>
#include "action_form.h"
#include "fields.h"
#include "model/goals.h"
#include "model/users.h"
#include "svg.h"
#include "web.h"

/* Every listed goal's measurements, loaded with one query, ordered by goal then date. */
struct trend {
	long long *goal;
	double *value;
	size_t n;
};

static void *list_prepare(request *rq, json_t *items)
{
	struct trend *t = arena_alloc(rq->a, sizeof *t);
	long long lo = 0, hi = -1;
	size_t i;
	json_t *o;
	json_array_foreach(items, i, o)
	{
		long long id = json_integer_value(json_object_get(o, "id"));
		if (i == 0 || id < lo)
			lo = id;
		if (i == 0 || id > hi)
			hi = id;
	}
	t->n = goal_trends(rq->db, rq->a, lo, hi, &t->goal, &t->value);
	return t;
}

static void list_cell(request *rq, buf *b, json_t *goal, void *ctx)
{
	(void)rq;
	struct trend *t = ctx;
	long long id = json_integer_value(json_object_get(goal, "id"));
	size_t lo = 0, hi = t->n; /* first row of this goal */
	while (lo < hi) {
		size_t mid = (lo + hi) / 2;
		if (t->goal[mid] < id)
			lo = mid + 1;
		else
			hi = mid;
	}
	size_t end = lo;
	while (end < t->n && t->goal[end] == id)
		end++;
	json_t *target = json_object_get(goal, "target");
	svg_sparkline(b, t->value + lo, (int)(end - lo), json_is_number(target), json_number_value(target));
}

/* "Current 41 of 60 %, 63% of the way from the baseline" */
void goal_chart(arena *a, buf *b, json_t *g, json_t *ms)
{
	size_t n = json_array_size(ms), i;
	struct svg_point *pts = arena_alloc(a, sizeof *pts * (n + 1));
	json_t *m;
	json_array_foreach(ms, i, m)
	{
		pts[i].at = arena_strdup(a, json_string_value(json_object_get(m, "at")));
		pts[i].day = date_days(pts[i].at);
		pts[i].value = json_number_value(json_object_get(m, "value"));
	}
	json_t *tgt = json_object_get(g, "target"), *base = json_object_get(g, "baseline");
	svg_chart(b, pts, (int)n, json_is_number(tgt), json_number_value(tgt), json_is_number(base),
	          json_number_value(base), json_string_value(json_object_get(g, "unit")),
	          json_integer_value(json_object_get(g, "id")));
}

static void progress(buf *b, json_t *g)
{
	json_t *cur = json_object_get(g, "current"), *tgt = json_object_get(g, "target"), *base = json_object_get(g, "baseline");
	const char *unit = json_string_value(json_object_get(g, "unit"));
	buf_lit(b, "<p class=\"progress-line\">");
	if (!json_is_number(cur)) {
		buf_lit(b, "No measurement yet.</p>");
		return;
	}
	buf_lit(b, "Now <strong>");
	fmt_number(b, json_number_value(cur));
	html(b, "</strong>%s%s, target <strong>", unit ? " " : "", unit ? unit : "");
	fmt_number(b, json_number_value(tgt));
	buf_lit(b, "</strong>");
	if (json_is_number(base) && json_number_value(tgt) != json_number_value(base)) {
		double pct = 100 * (json_number_value(cur) - json_number_value(base)) /
		             (json_number_value(tgt) - json_number_value(base));
		int w = pct < 0 ? 0 : pct > 100 ? 100 : (int)pct;
		buf_rawf(b, " — %.0f%% of the way from the baseline</p><div class=\"bar\" role=\"presentation\">"
		            "<span class=\"w%d\"></span></div>",
		         pct, w / 5 * 5);
		return;
	}
	buf_lit(b, "</p>");
}

static void show_extra(request *rq, buf *b, json_t *g, const char *form, const struct err *err)
{
	(void)form, (void)err; /* each action form finds its own failure (action_form) */
	long long id = json_integer_value(json_object_get(g, "id"));
	bool editor = rq->user_rank >= goals_entity.write_rank;
	json_t *ms = goal_measurements(rq->db, id);
	size_t n = json_array_size(ms);
	buf_lit(b, "<section class=\"trend\"><h2>Progress</h2>");
	progress(b, g);
	goal_chart(rq->a, b, g, ms);
	if (n) {
		buf_lit(b, "<details><summary>Measurements</summary><table class=\"list compact\" id=\"measurements\"><thead><tr>"
		           "<th scope=\"col\">Date</th><th scope=\"col\" class=\"num\">Value</th><th scope=\"col\">Source</th>"
		           "</tr></thead><tbody>");
		for (size_t k = n; k-- > 0;) {
			json_t *x = json_array_get(ms, k);
			const char *src = json_string_value(json_object_get(x, "source"));
			html(b, "<tr><td>%s</td><td class=\"num\">", json_string_value(json_object_get(x, "at")));
			fmt_number(b, json_number_value(json_object_get(x, "value")));
			html(b, "</td><td>%s</td></tr>", src ? src : "");
		}
		buf_lit(b, "</tbody></table></details>");
	}
	json_decref(ms);
	if (editor) {
		char today[11];
		today_ymd(today);
		struct kv at = {"at", today, NULL};
		action_form(rq, b, &goal_measure_action, g,
		            &(struct form_opts){.cls = "inline", .heading = "Record a measurement", .values = &at});
	}
	buf_lit(b, "</section>");

	/* target and its revisions */
	buf_lit(b, "<section class=\"target\"><h2>Target</h2>");
	json_t *revs = goal_target_changes(rq->db, id);
	if (json_array_size(revs) == 0)
		buf_lit(b, "<p class=\"muted\">The target has not changed since the goal was set.</p>");
	else {
		buf_lit(b, "<ol class=\"timeline\" id=\"revisions\">");
		size_t i;
		json_t *m;
		json_array_foreach(revs, i, m)
		{
			const char *who = json_string_value(json_object_get(m, "changed_by_name"));
			html(b, "<li><time>%.10s</time> <strong>%s</strong> moved the target from ",
			     json_string_value(json_object_get(m, "changed_at")), who ? who : "someone");
			fmt_number(b, json_number_value(json_object_get(m, "old_target")));
			buf_lit(b, " to ");
			fmt_number(b, json_number_value(json_object_get(m, "new_target")));
			html(b, ": <q>%s</q></li>", json_string_value(json_object_get(m, "reason")));
		}
		buf_lit(b, "</ol>");
	}
	json_decref(revs);
	if (editor)
		action_form(rq, b, &goal_target_action, g, &(struct form_opts){.details = "Change the target"});
	buf_lit(b, "</section>");

	/* review cadence */
	const char *last = json_string_value(json_object_get(g, "last_reviewed_at"));
	const char *from = last ? last : json_string_value(json_object_get(g, "created_at"));
	long every = (long)json_integer_value(json_object_get(g, "review_every_days"));
	char today[11];
	today_ymd(today);
	char from_day[11] = {0};
	if (from)
		memcpy(from_day, from, 10);
	long due_in = from && valid_date(from_day) ? date_diff(today, from_day) : 0; /* days since */
	due_in = every - due_in;
	buf_lit(b, "<section class=\"review\"><h2>Review</h2><p>");
	if (last)
		html(b, "Last reviewed <time>%.10s</time>. ", last);
	else
		buf_lit(b, "Never reviewed. ");
	if (due_in < 0)
		buf_rawf(b, "<span class=\"badge badge-overdue\">Review overdue by %ld day%s</span>", -due_in,
		         due_in == -1 ? "" : "s");
	else
		buf_rawf(b, "Next review due in %ld day%s.", due_in, due_in == 1 ? "" : "s");
	buf_lit(b, "</p>");
	if (editor)
		action_form(rq, b, &goal_review_action, g, &(struct form_opts){.button_cls = "secondary"});
	buf_lit(b, "</section>");
	if (editor) { /* the features that move it are under Referenced by; link another here */
		buf_lit(b, "<section class=\"card\" id=\"link-feature\"><h2>Features that move it</h2>"
		           "<p class=\"muted\">Link a feature to this goal with a weight, or change the weight of one linked "
		           "already; the linked features are listed under Referenced by.</p>");
		struct kv w = {"weight", "3", NULL};
		action_form(rq, b, &goal_link_feature_action, g, &(struct form_opts){.cls = "inline", .values = &w});
		buf_lit(b, "</section>");
	}
}

const struct kind_page goal_page = {"goals", "Trend", list_prepare, list_cell, NULL, NULL, show_extra};
