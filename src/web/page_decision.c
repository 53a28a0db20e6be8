/* page_decision.c — what a decision's page adds: its options side by side with the evidence they are weighed
 * against (data as the arbiter), the record of the escalation and the decision, and the forms of the verbs the
 * user's role allows in the decision's state (escalate and decide while open; decide an escalated one: leaders;
 * reverse a decided one). */
#include <string.h>
#include "action_form.h"
#include "model/decisions.h"
#include "model/entity.h"
#include "model/users.h"
#include "platform/json_get.h"
#include "platform/markdown.h"
#include "web.h"

/* The decide form's option: one of the decision's option titles. */
static void option_select(request *rq, buf *b, const char *id, const char *name, const char *val, void *ctx)
{
	(void)rq;
	json_t *options = ctx;
	html(b, "<select id=\"%s\" name=\"%s\" required><option value=\"\">Choose an option</option>", id, name);
	size_t i;
	json_t *o;
	json_array_foreach(options, i, o)
	{
		const char *t = jget_str(o, "title");
		html(b, "<option value=\"%s\"%s>%s</option>", t ? t : "", str_eq(t, val) ? " selected" : "", t ? t : "");
	}
	buf_lit(b, "</select>");
}

static void options_column(buf *b, json_t *d)
{
	json_t *options = json_object_get(d, "options");
	const char *chosen = jget_str(d, "chosen_option");
	buf_lit(b, "<div class=\"decision-options\" id=\"decision-options\">");
	if (!json_array_size(options))
		buf_lit(b, "<p class=\"empty\">No options yet: edit the decision to add the options weighed.</p>");
	size_t i;
	json_t *o;
	json_array_foreach(options, i, o)
	{
		const char *t = jget_str(o, "title"), *pros = jget_str(o, "pros"), *cons = jget_str(o, "cons");
		bool is_chosen = str_eq(chosen, t);
		html(b, "<article class=\"decision-option%s\"><h3>%s", is_chosen ? " chosen" : "", t ? t : "");
		buf_raw(b, is_chosen ? " <span class=\"decision-chosen\">Chosen</span></h3>" : "</h3>");
		html(b, "<h4>Pros</h4><p>%s</p><h4>Cons</h4><p>%s</p></article>", pros && *pros ? pros : "—",
		     cons && *cons ? cons : "—");
	}
	buf_lit(b, "</div>");
}

/* The linked objects of one evidence field as a list of links, with what matters of each. */
static void evidence_list(request *rq, buf *b, json_t *d, const char *field, const char *kind, const char *heading)
{
	const struct entity *e = entity_find(kind);
	json_t *ids = json_object_get(d, field);
	html(b, "<h3>%s</h3>", heading);
	if (!json_array_size(ids)) {
		buf_lit(b, "<p class=\"empty\">None linked.</p>");
		return;
	}
	buf_lit(b, "<ul class=\"decision-evidence\">");
	size_t i;
	json_t *v;
	json_array_foreach(ids, i, v)
	{
		long long id = json_integer_value(v);
		json_t *o = entity_get(rq->db, e, id);
		if (!o)
			continue;
		html(b, "<li><a href=\"/%s/%lld\">%s</a>", kind, id, jget_str(o, e->title_field));
		if (!strcmp(kind, "insights"))
			html(b, " <span class=\"decision-meta\">%s%s%s</span>", jget_str(o, "source") ? jget_str(o, "source") : "",
			     jget_str(o, "author") ? " · " : "", jget_str(o, "author") ? jget_str(o, "author") : "");
		else if (!strcmp(kind, "goals") && json_is_number(json_object_get(o, "target"))) {
			buf_lit(b, " <span class=\"decision-meta\">");
			json_t *cur = json_object_get(o, "current");
			if (json_is_number(cur))
				html(b, "now %g, ", json_number_value(cur));
			html(b, "target %g</span>", json_number_value(json_object_get(o, "target")));
		} else if (!strcmp(kind, "features"))
			html(b, " <span class=\"decision-meta\">%s</span>", jget_str(o, "status") ? jget_str(o, "status") : "");
		buf_lit(b, "</li>");
		json_decref(o);
	}
	buf_lit(b, "</ul>");
}

static void record(request *rq, buf *b, json_t *d)
{
	const char *status = jget_str(d, "status");
	if (jget_str(d, "escalation_reason"))
		html(b, "<div class=\"decision-note\" id=\"decision-escalation\"><strong>Escalated to the leaders</strong> on %.10s: %s</div>",
		     jget_str(d, "escalated_at") ? jget_str(d, "escalated_at") : "", jget_str(d, "escalation_reason"));
	if (str_eq(status, "decided") || str_eq(status, "reversed")) {
		const char *by = json_is_integer(json_object_get(d, "decided_by"))
		                     ? users_name(rq->db, rq->a, jget_int(d, "decided_by"))
		                     : NULL;
		html(b, "<div class=\"card\" id=\"decision-record\"><h3>Decided: %s</h3><p>%s</p>",
		     jget_str(d, "chosen_option") ? jget_str(d, "chosen_option") : "", jget_str(d, "decision") ? jget_str(d, "decision") : "");
		if (jget_str(d, "rationale")) {
			buf_lit(b, "<div class=\"markdown\">");
			markdown_html(b, jget_str(d, "rationale"));
			buf_lit(b, "</div>");
		}
		html(b, "<p class=\"decision-meta\">By %s on %.10s</p></div>", by ? by : "someone", jget_str(d, "decided_at") ? jget_str(d, "decided_at") : "");
	}
	if (str_eq(status, "reversed"))
		html(b, "<div class=\"decision-note\" id=\"decision-reversal\"><strong>Reversed:</strong> %s</div>",
		     jget_str(d, "reversal_reason") ? jget_str(d, "reversal_reason") : "");
}

static void show_extra(request *rq, buf *b, json_t *d, const char *form, const struct err *err)
{
	(void)form, (void)err; /* each action form finds its own failure (action_form) */
	const char *status = jget_str(d, "status");
	buf_lit(b, "<section class=\"card\" id=\"decision-board\"><h2>Options and evidence</h2>"
	           "<p class=\"help\">The options beside what customers said, the goals they move and the features they "
	           "concern: let the data arbitrate.</p><div class=\"decision-board\">");
	options_column(b, d);
	buf_lit(b, "<aside class=\"decision-data\" id=\"decision-data\">");
	evidence_list(rq, b, d, "insight_ids", "insights", "Insights");
	evidence_list(rq, b, d, "goal_ids", "goals", "Goals");
	evidence_list(rq, b, d, "feature_ids", "features", "Features");
	buf_lit(b, "</aside></div>");
	record(rq, b, d);
	buf_lit(b, "</section>");

	bool editor = rq->user_rank >= RANK_EDITOR, leader = rq->user_rank >= RANK_LEADER;
	bool open = str_eq(status, "open"), escalated = str_eq(status, "escalated");
	if (!editor || !(open || escalated || str_eq(status, "decided")))
		return;
	buf_lit(b, "<section class=\"card\" id=\"decision-actions\"><h2>Move it forward</h2>");
	if (open || (escalated && leader))
		action_form(rq, b, &decision_decide_action, d,
		            &(struct form_opts){.heading = escalated ? "Decide (as a leader)" : "Decide", .custom = "option",
		                                .custom_input = option_select, .ctx = json_object_get(d, "options")});
	else if (escalated)
		buf_lit(b, "<p class=\"help\" id=\"decision-waits\">Escalated: a leader decides it.</p>");
	if (open)
		action_form(rq, b, &decision_escalate_action, d,
		            &(struct form_opts){.details = "Escalate to the leaders", .button_cls = "secondary",
		                                .intro = "When PM and PMM cannot settle it between them."});
	if (str_eq(status, "decided"))
		action_form(rq, b, &decision_reverse_action, d,
		            &(struct form_opts){.details = "Reverse the decision", .button_cls = "danger"});
	buf_lit(b, "</section>");
}

/* The fields the section above shows (the options, the evidence, the record) stay out of the field list; who
 * supersedes it shows when set. */
static bool show_field(json_t *d, const struct field *f)
{
	static const char *const board[] = {"options",  "insight_ids", "goal_ids",  "feature_ids", "escalation_reason",
	                                    "escalated_at", "chosen_option", "decision", "rationale", "decided_by",
	                                    "decided_at", "reversal_reason"};
	for (size_t i = 0; i < COUNT(board); i++)
		if (!strcmp(f->name, board[i]))
			return false;
	return strcmp(f->name, "superseded_by") || json_is_integer(json_object_get(d, "superseded_by"));
}

const struct kind_page decision_page = {"decisions", NULL, NULL, NULL, NULL, NULL, show_extra, .show_field = show_field};
