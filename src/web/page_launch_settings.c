/* page_launch_settings.c — the launch settings in the browser: lead time per tier, the readiness bar, and
 * the checklist a new launch of each tier starts with (one line per item: role | item | days before). */
#include <stdlib.h>
#include <string.h>
#include "app/reply.h"
#include "fields.h"
#include "model/launches.h"
#include "model/users.h"
#include "web.h"

static const char *const tier_names[] = {"", "Tier 1 (major)", "Tier 2 (notable)", "Tier 3 (minor)"};

/* A template as lines "pmm | Messaging approved | 21". */
static void template_text(buf *b, json_t *list)
{
	size_t i;
	json_t *it;
	json_array_foreach(list, i, it)
	{
		buf_rawf(b, "%s | ", json_string_value(json_object_get(it, "owner_role")));
		buf_raw(b, json_string_value(json_object_get(it, "item")));
		buf_rawf(b, " | %lld\n", (long long)json_integer_value(json_object_get(it, "days_before")));
	}
}

/* Trimmed copy of s[0..n). */
static char *trimmed(const char *s, size_t n)
{
	while (n && (*s == ' ' || *s == '\t'))
		s++, n--;
	while (n && (s[n - 1] == ' ' || s[n - 1] == '\t' || s[n - 1] == '\r'))
		n--;
	return strndup(s, n);
}

/* Lines back into a template; a line's missing parts stay missing so the model names them. */
static json_t *template_parse(const char *text)
{
	json_t *list = json_array();
	for (const char *p = text; p && *p;) {
		size_t n = strcspn(p, "\n");
		char *line = trimmed(p, n);
		if (*line) {
			json_t *it = json_object();
			char *parts[3] = {NULL, NULL, NULL};
			int k = 0;
			for (char *q = line; k < 3;) {
				size_t m = strcspn(q, "|");
				parts[k++] = trimmed(q, m);
				if (!q[m])
					break;
				q += m + 1;
			}
			if (k == 1) { /* just an item: no role given */
				json_object_set_new(it, "item", json_string(parts[0]));
			} else {
				if (*parts[0])
					json_object_set_new(it, "owner_role", json_string(parts[0]));
				json_object_set_new(it, "item", json_string(parts[1]));
				long long days = 0;
				json_object_set_new(it, "days_before",
				                    k < 3 || !*parts[2] ? json_integer(0)
				                    : parse_ll(parts[2], &days) ? json_integer(days)
				                                                : json_string(parts[2]));
			}
			json_array_append_new(list, it);
			for (int j = 0; j < 3; j++)
				free(parts[j]);
		}
		free(line);
		p += n;
		if (*p)
			p++;
	}
	return list;
}

static void settings_form(request *rq, response *rs, const struct err *err)
{
	struct launch_settings s;
	launch_settings_get(rq->db, &s);
	page_begin(rq, rs, "Launch settings", "launches");
	buf *b = &rs->body;
	buf_lit(b, "<nav class=\"crumbs\"><a href=\"/launches\">Launches</a></nav><h1>Launch settings</h1><p class=\"blurb\">"
	           "How early each tier must be ready, and the checklist a new launch starts with. Leaders set them for "
	           "everyone; a launch keeps the checklist it was created with.</p>");
	form_error_summary(b, err);
	if (!err && rq_query(rq, "saved"))
		buf_lit(b, "<p class=\"notice\" role=\"status\">Saved. New launches get these checklists.</p>");
	bool leader = rq->user_rank >= RANK_LEADER;
	const char *dis = leader ? "" : " disabled";
	buf_lit(b, "<form class=\"edit\" method=\"post\" action=\"/settings/launches\">");
	form_csrf(rq, b);
	buf_lit(b, "<fieldset><legend>Lead time (days before the launch date when it must be ready)</legend>"
	           "<div class=\"columns\">");
	for (int t = 1; t <= 3; t++) {
		const char *typed = rq->form ? rq_form(rq, arena_printf(rq->a, "lead_%d", t)) : NULL;
		html(b, "<div class=\"field\"><label for=\"lead-%d\">%s</label><input id=\"lead-%d\" name=\"lead_%d\" "
		        "type=\"number\" min=\"0\" max=\"365\" step=\"1\" value=\"%s\"%s></div>",
		     t, tier_names[t], t, t, typed ? typed : arena_printf(rq->a, "%d", s.lead_days[t]), dis);
	}
	const char *th = rq->form ? rq_form(rq, "ready_threshold") : NULL;
	html(b, "</div></fieldset><div class=\"field\"><label for=\"ready-threshold\">Readiness bar (%%)</label><input "
	        "id=\"ready-threshold\" name=\"ready_threshold\" type=\"number\" min=\"0\" max=\"100\" step=\"1\" value=\"%s\""
	        "%s><p class=\"help\">Inside its lead time a launch below this readiness, or with checklist items open, "
	        "is a conflict.</p></div>",
	     th ? th : arena_printf(rq->a, "%d", s.ready_threshold), dis);
	for (int t = 1; t <= 3; t++) {
		char key[2] = {(char)('0' + t), 0};
		const char *name = arena_printf(rq->a, "checklist_%d", t);
		const char *typed = rq->form ? rq_form(rq, name) : NULL;
		bool bad = err && err->status && !strncmp(err->field, arena_printf(rq->a, "checklist.%d", t), 11);
		html(b, "<div class=\"field%s\"><label for=\"cl-%d\">Checklist: %s</label><textarea id=\"cl-%d\" name=\"%s\" "
		        "rows=\"8\"%s>",
		     bad ? " has-error" : "", t, tier_names[t], t, name, dis);
		if (typed)
			html(b, "%s", typed);
		else {
			buf lines;
			buf_init(&lines);
			template_text(&lines, json_object_get(s.checklist, key));
			html(b, "%s", buf_str(&lines));
			buf_free(&lines);
		}
		buf_lit(b, "</textarea><p class=\"help\">One item per line: owner role | item | days before the launch. "
		           "Roles: pm, pmm, leader, sales, support, docs, design, eng, legal.</p></div>");
	}
	if (leader)
		buf_lit(b, "<div class=\"form-actions\"><button type=\"submit\">Save launch settings</button></div>");
	else
		buf_lit(b, "<p class=\"muted\">Only leaders change the launch settings.</p>");
	buf_lit(b, "</form>");
	launch_settings_free(&s);
	page_end(rq, rs);
}

void page_launch_settings(request *rq, response *rs) { settings_form(rq, rs, NULL); }

void page_launch_settings_save(request *rq, response *rs)
{
	struct err err = {0};
	json_t *in = json_object(), *lead = json_object(), *cl = json_object();
	for (int t = 1; t <= 3; t++) {
		char key[2] = {(char)('0' + t), 0};
		long long v;
		const char *typed = rq_form(rq, arena_printf(rq->a, "lead_%d", t));
		if (typed)
			json_object_set_new(lead, key, parse_ll(typed, &v) ? json_integer(v) : json_string(typed));
		const char *text = rq_form(rq, arena_printf(rq->a, "checklist_%d", t));
		if (text)
			json_object_set_new(cl, key, template_parse(text));
	}
	json_object_set_new(in, "lead_days", lead);
	json_object_set_new(in, "checklist", cl);
	long long th;
	const char *ts = rq_form(rq, "ready_threshold");
	if (ts)
		json_object_set_new(in, "ready_threshold", parse_ll(ts, &th) ? json_integer(th) : json_string(ts));
	int rc = setting_put(rq->db, &launch_setting, rq->user_id, in, &err);
	json_decref(in);
	if (rc < 0) {
		rs->status = err.status;
		return settings_form(rq, rs, &err);
	}
	reply_redirect(rs, rq, "/settings/launches?saved=1");
}
