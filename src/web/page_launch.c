/* page_launch.c — what a launch's page adds to the generic one: readiness with what is missing, its
 * conflicts, the checklist to tick, marketing activities and RACI; the readiness column of the list. */
#include <stdio.h>
#include <string.h>
#include "action_form.h"
#include "domain/launch.h"
#include "fields.h"
#include "web.h"
#include "platform/json_get.h"


/* A percentage as a bar (CSS width classes in steps of 5: the policy forbids inline styles). */
static void meter(buf *b, long long pct, const char *label)
{
	int w = pct < 0 ? 0 : pct > 100 ? 100 : (int)pct;
	html(b, "<div class=\"meter\" role=\"img\" aria-label=\"%s %d%%\"><div class=\"bar\"><span class=\"w%d%s\"></span>"
	        "</div><span class=\"bar-value\">%d%%</span></div>",
	     label, w, w / 5 * 5, w < 50 ? " low" : w < 80 ? " mid" : "", w);
}

static void list_cell(request *rq, buf *b, json_t *obj, void *ctx)
{
	(void)rq, (void)ctx;
	meter(b, jget_int(obj, "readiness"), "Readiness");
}

/* Where a conflict is fixed, as a link after its hint. */
static void fix_link(buf *b, json_t *o, const char *rule)
{
	long long id = jget_int(o, "id"), rel = jget_int(o, "release_id");
	if (str_eq(rule, LAUNCH_BEFORE_RELEASE) && rel)
		html(b, " <a href=\"/releases/%lld#reschedule\">Reschedule the release</a> or <a href=\"/launches/%lld/edit\">"
		        "change the launch date</a>",
		     rel, id);
	else if (str_eq(rule, LAUNCH_NOT_READY) || str_eq(rule, CHECKLIST_OVERDUE))
		buf_lit(b, " <a href=\"#checklist\">The checklist</a>");
	else if (str_eq(rule, ACTIVITY_AFTER_LAUNCH))
		buf_lit(b, " <a href=\"#activities\">The activities</a>");
	else
		html(b, " <a href=\"/launches/%lld/edit\">Edit the launch</a>", id);
}

static void readiness_section(request *rq, buf *b, json_t *o)
{
	json_t *r = launch_readiness(rq->db, o);
	buf_lit(b, "<section id=\"readiness\"><h2>Readiness</h2>");
	meter(b, jget_int(r, "readiness"), "Readiness");
	buf_lit(b, "<p class=\"muted\">");
	json_t *fp = json_object_get(r, "features"), *cp = json_object_get(r, "checklist");
	if (json_is_integer(fp))
		buf_rawf(b, "Features %lld%% ready", (long long)json_integer_value(fp));
	if (json_is_integer(cp))
		buf_rawf(b, "%sChecklist %lld%% done", json_is_integer(fp) ? " · " : "", (long long)json_integer_value(cp));
	buf_lit(b, "</p>");
	json_t *missing = json_object_get(r, "missing");
	if (json_array_size(missing)) {
		buf_lit(b, "<details class=\"missing\"><summary>What is missing</summary><ul>");
		size_t i;
		json_t *m;
		json_array_foreach(missing, i, m) html(b, "<li>%s</li>", json_string_value(m));
		buf_lit(b, "</ul></details>");
	}
	json_decref(r);
	struct launch_settings ls;
	launch_settings_get(rq->db, &ls);
	char today[11];
	today_ymd(today);
	json_t *cs = launch_conflicts(rq->db, o, &ls, today);
	launch_settings_free(&ls);
	buf_lit(b, "<h3 id=\"conflicts\">Conflicts</h3>");
	if (!json_array_size(cs))
		buf_lit(b, "<p class=\"ok\" id=\"no-conflicts\">No conflicts: the date, the release, the checklist and the "
		           "activities agree.</p>");
	else
		buf_lit(b, "<ul class=\"findings\">");
	size_t i;
	json_t *c;
	json_array_foreach(cs, i, c)
	{
		html(b, "<li class=\"finding\" data-rule=\"%s\"><span class=\"badge badge-%s\">%s</span> %s<br><small "
		        "class=\"hint\">%s",
		     jget_str(c, "rule"), jget_str(c, "severity"), jget_str(c, "severity"), jget_str(c, "message"), jget_str(c, "hint"));
		if (rq->user_rank >= launches_entity.write_rank)
			fix_link(b, o, jget_str(c, "rule"));
		buf_lit(b, "</small></li>");
	}
	if (json_array_size(cs))
		buf_lit(b, "</ul>");
	json_decref(cs);
	html(b, "<p class=\"actions\"><a class=\"button secondary\" href=\"/launches/%lld/brief\">Sales enablement "
	        "brief</a> <a href=\"/launches/%lld/brief.md\">Markdown</a></p></section>",
	     jget_int(o, "id"), jget_int(o, "id"));
}

/* An add form for a child kind, folded: the parent's id travels hidden. */
static void add_form(request *rq, buf *b, const struct entity *child, long long launch_id, const char *summary)
{
	html(b, "<details class=\"add\"><summary>%s</summary><form class=\"edit compact\" method=\"post\" action=\"/%s\">",
	     summary, child->kind);
	form_csrf(rq, b);
	html(b, "<input type=\"hidden\" name=\"launch_id\" value=\"%lld\">", launch_id);
	field_inputs_except(rq, b, child, NULL, NULL, false, "launch_id");
	html(b, "<div class=\"form-actions\"><button type=\"submit\">Add</button></div></form></details>");
}

static void checklist_section(request *rq, buf *b, json_t *o, bool writer)
{
	char today[11];
	today_ymd(today);
	json_t *items = json_object_get(o, "checklist");
	buf_lit(b, "<section id=\"checklist\"><h2>Checklist</h2>");
	if (action_failed(rq, &checklist_tick_action, 0))
		html(b, "<p class=\"error\" role=\"alert\" id=\"tick-error\">%s</p>", rq_outcome(rq)->err.message);
	if (!json_array_size(items))
		buf_lit(b, "<p class=\"muted\">No checklist items.</p>");
	else
		buf_lit(b, "<table class=\"list checklist\"><thead><tr><th>Done</th><th>Item</th><th>Owner</th><th>Due</th>"
		           "</tr></thead><tbody>");
	size_t i;
	json_t *it;
	json_array_foreach(items, i, it)
	{
		bool done = json_is_true(json_object_get(it, "done"));
		const char *due = jget_str(it, "due");
		bool late = !done && due && strcmp(due, today) < 0;
		/* the row is where a tick sends the browser back to (focused, so the next Tab is the next item) */
		html(b, "<tr id=\"item-%lld\" tabindex=\"-1\" class=\"%s\"><td>", jget_int(it, "id"),
		     done ? "done" : late ? "late" : "");
		if (writer) {
			struct kv to = {"done", done ? "false" : "true", NULL};
			action_form(rq, b, &checklist_tick_action, it,
			            &(struct form_opts){.suffix = arena_printf(rq->a, "-%lld", jget_int(it, "id")),
			                                .cls = "row-action", .hidden = &to, .quiet = true, .button = done ? "✓" : "",
			                                .button_cls = done ? "tick ticked" : "tick",
			                                .button_aria = arena_printf(rq->a, "%s: %s", done ? "Mark not done" : "Mark done",
			                                                            jget_str(it, "item"))});
		} else
			buf_raw(b, done ? "✓" : "—");
		html(b, "</td><td><a href=\"/launch-checklist/%lld\">%s</a></td><td>%s</td><td>%s", jget_int(it, "id"),
		     jget_str(it, "item"), jget_str(it, "owner_role"), due ? due : "—");
		if (late)
			buf_lit(b, " <span class=\"badge badge-overdue\">overdue</span>");
		buf_lit(b, "</td></tr>");
	}
	if (json_array_size(items))
		buf_lit(b, "</tbody></table>");
	if (writer)
		add_form(rq, b, &checklist_entity, jget_int(o, "id"), "Add a checklist item");
	buf_lit(b, "</section>");
}

static void activities_section(request *rq, buf *b, json_t *o, bool writer)
{
	json_t *items = json_object_get(o, "activities");
	const char *launch_date = jget_str(o, "launch_date");
	struct ref_cache rc = {0};
	buf_lit(b, "<section id=\"activities\"><h2>Marketing activities</h2>");
	if (!json_array_size(items))
		buf_lit(b, "<p class=\"muted\">No activities yet.</p>");
	else
		buf_lit(b, "<table class=\"list\"><thead><tr><th>Date</th><th>Channel</th><th>Activity</th><th>Owner</th>"
		           "<th>Status</th></tr></thead><tbody>");
	size_t i;
	json_t *a;
	json_array_foreach(items, i, a)
	{
		const char *date = jget_str(a, "date");
		bool after = date && launch_date && strcmp(date, launch_date) > 0 && !str_eq(jget_str(a, "status"), "cancelled");
		html(b, "<tr><td>%s", date ? date : "—");
		if (after)
			buf_lit(b, " <span class=\"badge badge-warning\">after launch</span>");
		html(b, "</td><td><span class=\"badge\">%s</span></td><td><a href=\"/launch-activities/%lld\">%s</a></td><td>",
		     field_choice_label(entity_field(&activities_entity, "channel"), jget_str(a, "channel"), rq->a),
		     jget_int(a, "id"), jget_str(a, "title"));
		field_show(rq, b, &rc, entity_field(&activities_entity, "owner"), a, SHOW_CELL);
		buf_lit(b, "</td><td>");
		field_show(rq, b, &rc, entity_field(&activities_entity, "status"), a, SHOW_CELL);
		buf_lit(b, "</td></tr>");
	}
	if (json_array_size(items))
		buf_lit(b, "</tbody></table>");
	if (writer)
		add_form(rq, b, &activities_entity, jget_int(o, "id"), "Add an activity");
	buf_lit(b, "</section>");
}

static void raci_section(request *rq, buf *b, json_t *o, bool writer)
{
	static const char *const letters[] = {"R", "A", "C", "I"};
	static const char *const names[] = {"Responsible", "Accountable", "Consulted", "Informed"};
	json_t *items = json_object_get(o, "raci");
	buf_lit(b, "<section id=\"raci\"><h2>RACI</h2><dl class=\"raci\">");
	for (int k = 0; k < 4; k++) {
		html(b, "<div><dt>%s</dt><dd>", names[k]);
		bool any = false;
		size_t i;
		json_t *r;
		json_array_foreach(items, i, r)
		{
			if (!str_eq(jget_str(r, "raci"), letters[k]))
				continue;
			const char *who = entity_ref_label(rq->db, rq->a, "users", jget_int(r, "user_id"));
			html(b, "<span class=\"person\">%s", who ? who : "(deleted)");
			if (writer) {
				html(b, "<form method=\"post\" action=\"/launch-raci/%lld/delete\" class=\"row-action\">", jget_int(r, "id"));
				form_csrf(rq, b);
				html(b, "<button type=\"submit\" class=\"link-button\" aria-label=\"Remove %s as %s\">×</button></form>",
				     who ? who : "", names[k]);
			}
			buf_lit(b, "</span> ");
			any = true;
		}
		if (!any)
			buf_lit(b, "<span class=\"muted\">—</span>");
		buf_lit(b, "</dd></div>");
	}
	buf_lit(b, "</dl>");
	if (writer)
		add_form(rq, b, &raci_entity, jget_int(o, "id"), "Add a person");
	buf_lit(b, "</section>");
}

static void show_extra(request *rq, buf *b, json_t *o, const char *form, const struct err *err)
{
	(void)form, (void)err;
	bool writer = rq->user_rank >= launches_entity.write_rank;
	readiness_section(rq, b, o);
	launch_messaging_section(rq, b, o, writer);
	checklist_section(rq, b, o, writer);
	activities_section(rq, b, o, writer);
	raci_section(rq, b, o, writer);
}

bool launches_table(request *rq, buf *b, enum launches_by by, long long id, const char *table_id)
{
	json_t *ls = launches_list_by(rq->db, by, id), *l;
	size_t i;
	if (json_array_size(ls))
		html(b, "<table class=\"list\" id=\"%s\"><thead><tr><th>Launch</th><th>Tier</th><th>Date</th><th>Status</th>"
		        "</tr></thead><tbody>",
		     table_id);
	json_array_foreach(ls, i, l) html(b, "<tr><td><a href=\"/launches/%lld\">%s</a></td><td>Tier %lld</td><td>%s</td><td>"
	                                     "<span class=\"badge badge-%s\">%s</span></td></tr>",
	                                  jget_int(l, "id"), jget_str(l, "title"), jget_int(l, "tier"),
	                                  jget_str(l, "launch_date"), jget_str(l, "status"),
	                                  field_choice_label(entity_field(&launches_entity, "status"), jget_str(l, "status"), rq->a));
	bool any = json_array_size(ls) > 0;
	if (any)
		buf_lit(b, "</tbody></table>");
	json_decref(ls);
	return any;
}

void feature_launches_section(request *rq, buf *b, long long feature_id)
{
	buf t;
	buf_init(&t);
	if (launches_table(rq, &t, LAUNCHES_OF_FEATURE, feature_id, "feature-launches")) {
		buf_lit(b, "<section class=\"card\" id=\"launches\"><h2>Launches</h2>");
		buf_raw(b, buf_str(&t));
		buf_lit(b, "</section>");
	}
	buf_free(&t);
}

void launches_upcoming_card(request *rq, buf *b, int days)
{
	char today[11], until[11];
	today_ymd(today);
	date_add(today, days, until);
	html(b, "<section class=\"card\" id=\"upcoming-launches\"><h2><a href=\"/launches\">Upcoming launches</a></h2>");
	json_t *list = launches_with_conflicts(rq->db, today, true, today, until, 8);
	size_t n = json_array_size(list), i;
	json_t *o;
	if (!n)
		html(b, "<p class=\"muted\">No launch in the next %d days. <a href=\"/calendar\">The calendar</a></p>", days);
	else
		buf_lit(b, "<table class=\"list\"><thead><tr><th>Date</th><th>Launch</th><th>Readiness</th><th>Conflicts</th>"
		           "</tr></thead><tbody>");
	json_array_foreach(list, i, o)
	{
		long long id = jget_int(o, "id");
		size_t nc = json_array_size(json_object_get(o, "conflicts"));
		html(b, "<tr><td>%s</td><td><a href=\"/launches/%lld\">%s</a> <span class=\"badge\">Tier %lld</span></td><td>",
		     jget_str(o, "launch_date"), id, jget_str(o, "title"), jget_int(o, "tier"));
		meter(b, jget_int(o, "readiness"), "Readiness");
		if (nc)
			html(b, "</td><td><a href=\"/launches/%lld#conflicts\" class=\"badge badge-error\">%zu</a></td></tr>", id, nc);
		else
			buf_lit(b, "</td><td><span class=\"badge badge-met\">none</span></td></tr>");
	}
	if (n)
		buf_lit(b, "</tbody></table>");
	buf_lit(b, "<p><a href=\"/roadmap\">Roadmap</a> · <a href=\"/calendar\">Calendar</a></p></section>");
	json_decref(list);
}

static void list_actions(request *rq, buf *b)
{
	(void)rq;
	buf_lit(b, "<a class=\"button secondary\" href=\"/settings/launches\">Settings</a>");
}

const struct kind_page launch_page = {"launches", "Readiness", NULL, list_cell, list_actions, NULL, show_extra};

/* A tick that failed (someone changed the item): the launch's page again, its checklist saying so. */
static void tick_failed(request *rq, response *rs, const struct outcome *o)
{
	json_t *item = entity_get(rq->db, &checklist_entity, o->id);
	long long launch = jget_int(item, "launch_id");
	json_decref(item);
	if (!launch)
		return page_error(rq, rs, o->err.status, o->err.message);
	page_entity_show_failed(rq, rs, &launches_entity, launch, "tick", &o->err);
}

const struct action_page checklist_tick_page = {&checklist_tick_action, tick_failed, NULL};

