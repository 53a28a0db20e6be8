/* page_dashboard.c — the home page: the shared perspective, active goals with their trend,
 * the alignment score with the worst findings, and what the workspace holds. */
#include <string.h>
#include "model/entity.h"
#include "model/goals.h"
#include "model/strategy.h"
#include "model/features.h"
#include "model/users.h"
#include "model/notifications.h"
#include "model/wins.h"
#include "platform/json_get.h"
#include "domain/align.h"
#include "domain/getting_started.h"
#include "web.h"

/* Until every step is done: the first run's checklist, ticked from the data, the next step highlighted. */
static void getting_started_card(request *rq, buf *b)
{
	json_t *g = getting_started(rq->db), *st;
	long long done = json_integer_value(json_object_get(g, "done")), total = json_integer_value(json_object_get(g, "total"));
	if (done < total) {
		html(b, "<section class=\"card getting-started\" id=\"getting-started\"><h2>Getting started</h2>"
		        "<p class=\"muted\">%lld of %lld done. Each step ticks itself when the workspace has it.</p><ol class=\"steps\">",
		     done, total);
		size_t i;
		bool next = true;
		json_array_foreach(json_object_get(g, "steps"), i, st) {
			bool ok = json_is_true(json_object_get(st, "done"));
			html(b, "<li class=\"%s\">", ok ? "done" : next ? "next" : "open");
			if (ok)
				html(b, "<span aria-label=\"done\">✓</span> %s", json_string_value(json_object_get(st, "title")));
			else
				html(b, "<a href=\"%s\">%s</a>", json_string_value(json_object_get(st, "href")),
				     json_string_value(json_object_get(st, "title")));
			buf_lit(b, "</li>");
			next &= ok;
		}
		buf_lit(b, "</ol></section>");
	}
	json_decref(g);
}

/* My work: what names me as its owner, each a link to the list filtered to me; what waits for me at the gate. */
static void my_work_card(request *rq, buf *b)
{
	buf_lit(b, "<section class=\"card\" id=\"my-work\"><h2>My work</h2>");
	owned_list(rq, b, rq->user_id, "Nothing names you as its owner yet.");
	char today[11];
	today_ymd(today);
	struct align_report r;
	int mine = 0;
	if (align_run(rq->db, rq->a, today, &r) == 0)
		for (int k = 0; k < r.n; k++)
			mine += r.items[k].owner == rq->user_id;
	if (mine)
		html(b, "<p>Findings on what you own: <a href=\"/alignment?owner=me\"><strong>%d</strong> finding%s</a></p>", mine,
		     mine == 1 ? "" : "s");
	long long unread = notifications_unread(rq->db, rq->user_id);
	if (unread)
		html(b, "<p id=\"my-inbox\">In your inbox: <a href=\"/inbox?unread=true\"><strong>%lld</strong> unread "
		        "notification%s</a></p>",
		     unread, unread == 1 ? "" : "s");
	if (rq->user_rank >= RANK_EDITOR) {
		struct backlog_counts c;
		backlog_counts(rq->db, &c);
		if (c.waiting)
			html(b, "<p>Waiting for you: <a href=\"/triage\"><strong>%lld</strong> request%s to triage</a></p>",
			     c.waiting, c.waiting == 1 ? "" : "s");
	}
	buf_lit(b, "</section>");
}

static void active_goals(request *rq, buf *b)
{
	struct kv status = {"status", "active", NULL};
	struct list_query q = {&status, 1000};
	json_t *items = NULL;
	const char *next;
	struct err err = {0};
	if (entity_list(rq->db, &goals_entity, &q, rq->a, &items, &next, &err) < 0 || json_array_size(items) == 0) {
		buf_lit(b, "<p class=\"empty\">No active goals. <a href=\"/goals/new\">Set the first one</a>.</p>");
		json_decref(items);
		return;
	}
	void *ctx = goal_page.list_prepare(rq, items);
	buf_lit(b, "<table class=\"list\"><thead><tr><th scope=\"col\">Goal</th><th scope=\"col\">Due</th>"
	           "<th scope=\"col\">Trend</th></tr></thead><tbody>");
	size_t i;
	json_t *g;
	json_array_foreach(items, i, g)
	{
		const char *due = json_string_value(json_object_get(g, "due"));
		html(b, "<tr><td><a href=\"/goals/%lld\">%s</a></td><td>%s</td><td>",
		     (long long)json_integer_value(json_object_get(g, "id")), json_string_value(json_object_get(g, "title")),
		     due ? due : "—");
		goal_page.list_cell(rq, b, g, ctx);
		buf_lit(b, "</td></tr>");
	}
	buf_lit(b, "</tbody></table>");
	json_decref(items);
}

/* Where the backlog stands: requests waiting at the gate, accepted and planned work, evidence to triage. */
static void backlog_card(request *rq, buf *b)
{
	struct backlog_counts c;
	backlog_counts(rq->db, &c);
	const struct {
		long long n;
		const char *label, *href;
	} rows[] = {
		{c.waiting, "requests waiting for triage", "/triage"},
		{c.accepted, "accepted, not planned", "/features?status=accepted"},
		{c.planned, "planned or in progress", "/features?status=planned"},
		{c.unlinked_insights, "insights not linked to a feature", "/insights?linked=false&dismissed=0"},
	};
	buf_lit(b, "<section class=\"card\"><h2>Backlog and evidence</h2><ul class=\"counts\">");
	for (size_t i = 0; i < COUNT(rows); i++)
		html(b, "<li><a href=\"%s\"><strong>%lld</strong> %s</a></li>", rows[i].href, rows[i].n, rows[i].label);
	buf_lit(b, "</ul><p><a href=\"/plan\">The plan</a> · <a href=\"/demand\">Demand</a></p></section>");
}

/* Celebrate: the wins of the last 30 days, newest first, with whom to thank. */
static void wins_card(request *rq, buf *b)
{
	char today[11], since[11];
	today_ymd(today);
	if (!date_add(today, -30, since))
		snprintf(since, sizeof since, "%s", today);
	json_t *wins = wins_recent(rq->db, 5), *w, *n;
	buf_lit(b, "<section class=\"card wins\" id=\"wins\"><h2><a href=\"/wins\">Recent wins</a></h2><ul>");
	size_t i, k, shown = 0;
	json_array_foreach(wins, i, w)
	{
		const char *at = jget_str(w, "at");
		if (!at || strcmp(at, since) < 0)
			continue;
		shown++;
		html(b, "<li><span class=\"win-mark\" aria-hidden=\"true\">★</span> <a href=\"/wins/%lld\">%s</a> <span class=\"muted\">%s",
		     jget_int(w, "id"), jget_str(w, "title"), at);
		json_array_foreach(json_object_get(w, "thanks_names"), k, n)
		    html(b, "%s%s", k ? ", " : " · thanks to ", json_string_value(n));
		buf_lit(b, "</span></li>");
	}
	buf_lit(b, "</ul>");
	if (!shown)
		buf_lit(b, "<p class=\"muted\">No win in the last 30 days yet: goals met, launches launched and features "
		           "at their success target appear here by themselves.</p>");
	buf_lit(b, "</section>");
	json_decref(wins);
}

void page_dashboard(request *rq, response *rs)
{
	page_begin(rq, rs, "Dashboard", "dashboard");
	buf *b = &rs->body;
	json_t *s = strategy_get(rq->db);
	const char *persp = json_string_value(json_object_get(s, "perspective"));
	html(b, "<h1>Welcome, %s</h1>", rq->user_name);
	if (str_eq(rq_query(rq, "welcome"), "1")) /* just signed in from an invitation link, a password of their own set */
		html(b, "<p class=\"notice\" role=\"status\" id=\"saved\">Your password is set and you are signed in as %s "
		        "(%s). My work below lists what names you as its owner.</p>",
		     rq->user_name, rq->user_role ? rq->user_role : "");
	if (persp && *persp)
		html(b, "<blockquote class=\"perspective\"><a href=\"/strategy\">%s</a></blockquote>", persp);
	json_decref(s);
	getting_started_card(rq, b);
	my_work_card(rq, b);
	views_card(rq, b);
	buf_lit(b, "<div class=\"grid\"><section class=\"card wide\"><h2>Active goals</h2>");
	active_goals(rq, b);
	buf_lit(b, "</section><section class=\"card\"><h2><a href=\"/alignment\">Alignment</a></h2>");
	alignment_summary(rq, b, 5);
	buf_lit(b, "</section></div>");
	wins_card(rq, b);
	launches_upcoming_card(rq, b, 60);
	activity_card(rq, b, 8);
	backlog_card(rq, b);
	buf_lit(b, "<section class=\"card\"><h2>Workspace</h2><ul class=\"counts\">");
	for (int i = 0; i < entity_count; i++) {
		const struct entity *e = entity_all[i];
		if (e->parent_field || rq->user_rank < e->read_rank) /* a launch's checklist items are counted on the launch */
			continue;
		long long n = entity_count_of(rq->db, e);
		html(b, "<li><a href=\"/%s\"><strong>%lld</strong> %s</a></li>", e->kind, n, e->label);
	}
	buf_lit(b, "</ul></section>");
	page_end(rq, rs);
}
