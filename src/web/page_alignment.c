/* page_alignment.c — the alignment report: the health score with its history, the findings (filtered by owner,
 * kind, severity and rule; worst first), each linked to the object it names with a hint on how to fix it and a form
 * to accept it as a known risk; and the accepted findings with their revoke buttons. */
#include <string.h>
#include "action_form.h"
#include "domain/align.h"
#include "model/users.h"
#include "platform/json_get.h"
#include "svg.h"
#include "web.h"

static const char *finding_href(request *rq, const struct finding *f)
{
	/* a finding about the workspace (id 0: no strategy, no goal) opens the kind's page */
	return f->id ? arena_printf(rq->a, "/%s/%lld", f->kind, f->id) : arena_printf(rq->a, "/%s", f->kind);
}

/* What the score cannot judge yet (no data for some rules), so a high score is read for what it is. */
static void unjudged(request *rq, buf *b)
{
	json_t *u = align_unjudged(rq->db), *x;
	size_t i;
	if (json_array_size(u))
		buf_lit(b, "<div class=\"unjudged\" id=\"cannot-judge\"><p>What the score cannot judge yet:</p><ul>");
	json_array_foreach(u, i, x) html(b, "<li>%s <small class=\"muted\">(%s)</small></li>",
	                                json_string_value(json_object_get(x, "reason")),
	                                json_string_value(json_object_get(x, "rules")));
	if (json_array_size(u))
		buf_lit(b, "</ul></div>");
	json_decref(u);
}

static void score_and_tally(buf *b, const struct align_report *r)
{
	int score = align_score(r);
	const char *band = score >= 90 ? "good" : score >= 70 ? "fair" : "poor";
	int count[3] = {0};
	for (int i = 0; i < r->n; i++)
		count[r->items[i].severity]++;
	buf_rawf(b, "<div class=\"score score-%s\"><span class=\"score-value\" id=\"score\">%d</span><span>/100</span></div>",
	         band, score);
	buf_rawf(b, "<p class=\"tally\"><span class=\"badge badge-error\">%d error%s</span> <span class=\"badge "
	            "badge-warning\">%d warning%s</span> <span class=\"badge badge-info\">%d info</span>",
	         count[SEV_ERROR], count[SEV_ERROR] == 1 ? "" : "s", count[SEV_WARNING], count[SEV_WARNING] == 1 ? "" : "s",
	         count[SEV_INFO]);
	if (r->nacc)
		buf_rawf(b, " <a class=\"badge\" href=\"/alignment#accepted\">%d accepted as a risk</a>", r->nacc);
	buf_lit(b, "</p>");
}

/* The report for today, with today's point of the history kept. */
static int report(request *rq, struct align_report *r)
{
	char today[11];
	today_ymd(today);
	if (align_run(rq->db, rq->a, today, r) < 0)
		return -1;
	align_history_record(rq->db, r);
	return 0;
}

/* The score and the worst findings, for the dashboard's narrow column. */
void alignment_summary(request *rq, buf *b, int max_findings)
{
	struct align_report r;
	if (report(rq, &r) < 0) {
		buf_lit(b, "<p class=\"error\">The alignment report could not be computed; see the server log.</p>");
		return;
	}
	score_and_tally(b, &r);
	if (r.n == 0) {
		buf_lit(b, "<p class=\"empty\">No drift found: PM and PMM are aligned on everything Tandem checks.</p>");
		return;
	}
	buf_lit(b, "<ul class=\"findings-compact\">");
	int shown = 0;
	for (int sev = SEV_ERROR; sev >= SEV_INFO; sev--)
		for (int i = 0; i < r.n && (max_findings <= 0 || shown < max_findings); i++) {
			const struct finding *f = &r.items[i];
			if ((int)f->severity != sev)
				continue;
			shown++;
			html(b, "<li><span class=\"badge badge-%s\">%s</span> <a href=\"%s\">%s</a></li>",
			     severity_name(f->severity), severity_name(f->severity), finding_href(rq, f), f->message);
		}
	buf_lit(b, "</ul>");
	if (r.n > shown)
		buf_rawf(b, "<p><a href=\"/alignment\">All %d findings</a></p>", r.n);
}

static void option(request *rq, buf *b, const char *value, const char *label, const char *sel)
{
	(void)rq;
	html(b, "<option value=\"%s\"%s>%s</option>", value, str_eq(value, sel) ? " selected" : "", label);
}

/* The filters as selects (GET /alignment): owner (anyone, mine, each owner of a finding), kind, severity, rule. */
static void filters(request *rq, buf *b, const struct align_report *r)
{
	const char *owner = rq_query(rq, "owner"), *kind = rq_query(rq, "kind"), *sev = rq_query(rq, "severity"),
	           *rule = rq_query(rq, "rule");
	buf_lit(b, "<form class=\"filters\" id=\"filters\" method=\"get\" action=\"/alignment\">"
	           "<label for=\"f-owner\">Owner <select id=\"f-owner\" name=\"owner\">");
	option(rq, b, "", "Anyone", owner);
	option(rq, b, "me", "Mine", owner);
	for (int i = 0; i < r->n; i++) {
		long long o = r->items[i].owner;
		bool seen = !o || o == rq->user_id;
		for (int j = 0; j < i && !seen; j++)
			seen = r->items[j].owner == o;
		if (!seen) {
			const char *name = users_name(rq->db, rq->a, o);
			option(rq, b, arena_printf(rq->a, "%lld", o), name ? name : arena_printf(rq->a, "User %lld", o), owner);
		}
	}
	buf_lit(b, "</select></label><label for=\"f-kind\">Kind <select id=\"f-kind\" name=\"kind\">");
	option(rq, b, "", "Every kind", kind);
	for (int i = 0; i < r->n; i++) {
		bool seen = false;
		for (int j = 0; j < i && !seen; j++)
			seen = !strcmp(r->items[j].kind, r->items[i].kind);
		if (!seen)
			option(rq, b, r->items[i].kind, r->items[i].kind, kind);
	}
	buf_lit(b, "</select></label><label for=\"f-severity\">Severity <select id=\"f-severity\" name=\"severity\">");
	option(rq, b, "", "Every severity", sev);
	option(rq, b, "error", "Errors", sev);
	option(rq, b, "warning", "Warnings", sev);
	option(rq, b, "info", "Info", sev);
	buf_lit(b, "</select></label><label for=\"f-rule\">Rule <select id=\"f-rule\" name=\"rule\">");
	option(rq, b, "", "Every rule", rule);
	for (int i = 0; i < align_rules_count; i++)
		option(rq, b, align_rules[i].id, align_rules[i].id, rule);
	buf_lit(b, "</select></label><button type=\"submit\" class=\"secondary\">Filter</button></form>");
}

/* Did this request post the accept form of finding f, and fail? */
static bool failed_here(request *rq, const struct finding *f)
{
	long long id;
	return action_failed(rq, &align_accept_action, 0) && str_eq(rq_form(rq, "rule"), f->rule) &&
	       str_eq(rq_form(rq, "kind"), f->kind) && parse_ll(rq_form(rq, "id"), &id) && id == f->id;
}

static void accept_form(request *rq, buf *b, const struct finding *f, int i)
{
	struct kv id = {"id", arena_printf(rq->a, "%lld", f->id), NULL}, kind = {"kind", f->kind, &id},
	          rule = {"rule", f->rule, &kind};
	action_form(rq, b, &align_accept_action, NULL,
	            &(struct form_opts){.suffix = arena_printf(rq->a, "-%d", i), .cls = "accept-risk", .hidden = &rule,
	                                .only = "reason until", .details = "Accept as a risk",
	                                .quiet = !failed_here(rq, f)});
}

static void findings_table(request *rq, buf *b, const struct align_report *r, const struct align_filter *filt)
{
	bool edit = rq->user_rank >= RANK_EDITOR;
	int shown = 0;
	buf_lit(b, "<table class=\"list findings\" id=\"findings\"><thead><tr><th scope=\"col\">Severity</th><th "
	           "scope=\"col\">Finding</th><th scope=\"col\">How to fix it</th><th scope=\"col\">Owner</th><th "
	           "scope=\"col\">Rule</th>");
	if (edit)
		buf_lit(b, "<th scope=\"col\"><span class=\"sr-only\">Actions</span></th>");
	buf_lit(b, "</tr></thead><tbody>");
	for (int sev = SEV_ERROR; sev >= SEV_INFO; sev--)
		for (int i = 0; i < r->n; i++) {
			const struct finding *f = &r->items[i];
			if ((int)f->severity != sev || !align_filter_match(filt, f))
				continue;
			shown++;
			const char *owner = f->owner ? users_name(rq->db, rq->a, f->owner) : NULL;
			html(b, "<tr><td><span class=\"badge badge-%s\">%s</span></td><td><a href=\"%s\">%s</a></td>"
			        "<td>%s</td><td>%s</td><td><code>%s</code></td>",
			     severity_name(f->severity), severity_name(f->severity), finding_href(rq, f), f->message, f->hint,
			     owner ? owner : "—", f->rule);
			if (edit) {
				buf_lit(b, "<td>");
				accept_form(rq, b, f, i);
				buf_lit(b, "</td>");
			}
			buf_lit(b, "</tr>");
		}
	if (!shown)
		html(b, "<tr><td colspan=\"6\" class=\"muted\">%s</td></tr>",
		     r->n ? "No finding matches these filters." : "No drift found: PM and PMM are aligned on everything "
		                                                   "Tandem checks.");
	buf_lit(b, "</tbody></table>");
}

static void accepted_section(request *rq, buf *b, const struct align_report *r)
{
	bool edit = rq->user_rank >= RANK_EDITOR;
	buf_lit(b, "<section class=\"card\" id=\"accepted\" aria-labelledby=\"accepted-h\"><h2 id=\"accepted-h\">Accepted "
	           "as a known risk</h2>");
	if (!r->nacc) {
		buf_lit(b, "<p class=\"muted\">No finding is accepted as a risk.</p></section>");
		return;
	}
	buf_lit(b, "<p class=\"muted\">These findings leave the score until their date; then they count again.</p>"
	           "<table class=\"list compact\"><thead><tr><th scope=\"col\">Finding</th><th scope=\"col\">Reason</th>"
	           "<th scope=\"col\">Until</th><th scope=\"col\">Accepted by</th><th scope=\"col\">Rule</th>");
	if (edit)
		buf_lit(b, "<th scope=\"col\"><span class=\"sr-only\">Actions</span></th>");
	buf_lit(b, "</tr></thead><tbody>");
	for (int i = 0; i < r->nacc; i++) {
		const struct finding *f = &r->accepted[i];
		const char *by = f->accepted_by ? users_name(rq->db, rq->a, f->accepted_by) : NULL;
		html(b, "<tr id=\"accepted-%lld\"><td><span class=\"badge badge-%s\">%s</span> <a href=\"%s\">%s</a></td>"
		        "<td>%s</td><td class=\"date\">%s</td><td>%s</td><td><code>%s</code></td>",
		     f->accepted_id, severity_name(f->severity), severity_name(f->severity), finding_href(rq, f), f->message,
		     f->reason, f->until, by ? by : "—", f->rule);
		if (edit) {
			json_t *obj = json_pack("{sI}", "id", (json_int_t)f->accepted_id);
			buf_lit(b, "<td>");
			action_form(rq, b, &align_accept_revoke_action, obj,
			            &(struct form_opts){.suffix = arena_printf(rq->a, "-%lld", f->accepted_id), .cls = "inline",
			                                .button_cls = "danger",
			                                .button_aria = arena_printf(rq->a, "Revoke the acceptance of %s", f->message)});
			json_decref(obj);
			buf_lit(b, "</td>");
		}
		buf_lit(b, "</tr>");
	}
	buf_lit(b, "</tbody></table></section>");
}

static void history_chart(request *rq, buf *b, const struct align_report *r)
{
	json_t *h = align_history(rq->db, r->today, 90), *pt;
	size_t n = json_array_size(h), i;
	struct svg_point *pts = arena_alloc(rq->a, (n ? n : 1) * sizeof *pts);
	json_array_foreach(h, i, pt)
	{
		pts[i].at = arena_strdup(rq->a, jget_str(pt, "day"));
		pts[i].value = (double)jget_int(pt, "score");
		pts[i].day = 0;
	}
	buf_lit(b, "<div class=\"history-chart\"><h2 class=\"sr-only\">Health over the last 90 days</h2>");
	svg_history(b, pts, (int)n);
	buf_lit(b, "</div>");
	json_decref(h);
}

void page_alignment(request *rq, response *rs)
{
	page_begin(rq, rs, "Alignment", "alignment");
	buf *b = &rs->body;
	buf_lit(b, "<div class=\"page-head\"><div><h1>Alignment</h1><p class=\"blurb\">Every place product and marketing "
	           "have drifted apart. The score starts at 100 and loses 10 per error, 3 per warning, 1 per info.</p></div>"
	           "<div class=\"actions\"><a class=\"button secondary\" href=\"/api/v1/alignment\">JSON</a></div></div>");
	struct align_report r;
	if (report(rq, &r) < 0) {
		buf_lit(b, "<p class=\"error\">The alignment report could not be computed; see the server log.</p>");
		page_end(rq, rs);
		return;
	}
	score_and_tally(b, &r);
	unjudged(rq, b);
	history_chart(rq, b, &r);
	struct align_filter filt;
	struct err e = {0};
	if (align_filter_parse(&filt, rq->user_id, rq_query(rq, "owner"), rq_query(rq, "kind"), rq_query(rq, "severity"),
	                       rq_query(rq, "rule"), &e) < 0) {
		html(b, "<p class=\"error\" role=\"alert\">%s; showing every finding.</p>", e.message);
		filt = (struct align_filter){.severity = -1};
	}
	if (action_failed(rq, &align_accept_action, 0)) { /* a form of no finding shown: say it here */
		bool shown = false;
		for (int i = 0; i < r.n && !shown; i++)
			shown = failed_here(rq, &r.items[i]);
		if (!shown)
			html(b, "<p class=\"error\" role=\"alert\">%s</p>", rq_outcome(rq)->err.message);
	}
	filters(rq, b, &r);
	findings_table(rq, b, &r, &filt);
	accepted_section(rq, b, &r);
	page_end(rq, rs);
}

/* A refused acceptance: the report again, the message in the finding's form. */
static void accept_failed(request *rq, response *rs, const struct outcome *o)
{
	(void)o;
	page_alignment(rq, rs);
}

const struct action_page align_accept_page = {&align_accept_action, accept_failed, NULL};
