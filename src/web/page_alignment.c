/* page_alignment.c — the alignment report: the health score and every finding, worst first, each
 * linked to the object it names with a hint on how to fix it. */
#include <string.h>
#include "domain/align.h"
#include "web.h"

/* The score and findings, sorted errors first; shared with the dashboard. */
void alignment_summary(request *rq, buf *b, int max_findings)
{
	struct align_report r;
	char today[11];
	today_ymd(today);
	if (align_run(rq->db, rq->a, today, &r) < 0) {
		buf_lit(b, "<p class=\"error\">The alignment report could not be computed; see the server log.</p>");
		return;
	}
	int score = align_score(&r);
	const char *band = score >= 90 ? "good" : score >= 70 ? "fair" : "poor";
	int count[3] = {0};
	for (int i = 0; i < r.n; i++)
		count[r.items[i].severity]++;
	buf_rawf(b, "<div class=\"score score-%s\"><span class=\"score-value\" id=\"score\">%d</span><span>/100</span></div>",
	         band, score);
	buf_rawf(b, "<p class=\"tally\"><span class=\"badge badge-error\">%d error%s</span> <span class=\"badge "
	            "badge-warning\">%d warning%s</span> <span class=\"badge badge-info\">%d info</span></p>",
	         count[SEV_ERROR], count[SEV_ERROR] == 1 ? "" : "s", count[SEV_WARNING], count[SEV_WARNING] == 1 ? "" : "s",
	         count[SEV_INFO]);
	if (r.n == 0) {
		buf_lit(b, "<p class=\"empty\">No drift found: PM and PMM are aligned on everything Tandem checks.</p>");
		return;
	}
	bool compact = max_findings > 0; /* the dashboard's narrow column: a list, the hints on the full report */
	if (compact)
		buf_lit(b, "<ul class=\"findings-compact\">");
	else
		buf_lit(b, "<table class=\"list findings\"><thead><tr><th scope=\"col\">Severity</th><th scope=\"col\">"
		           "Finding</th><th scope=\"col\">How to fix it</th><th scope=\"col\">Rule</th></tr></thead><tbody>");
	int shown = 0;
	for (int sev = SEV_ERROR; sev >= SEV_INFO; sev--)
		for (int i = 0; i < r.n && (max_findings <= 0 || shown < max_findings); i++) {
			const struct finding *f = &r.items[i];
			if ((int)f->severity != sev)
				continue;
			shown++;
			/* a finding about the workspace (id 0: no strategy, no goal) opens the kind's page */
			const char *href = f->id ? arena_printf(rq->a, "/%s/%lld", f->kind, f->id) : arena_printf(rq->a, "/%s", f->kind);
			if (compact) {
				html(b, "<li><span class=\"badge badge-%s\">%s</span> <a href=\"%s\">%s</a></li>",
				     severity_name(f->severity), severity_name(f->severity), href, f->message);
				continue;
			}
			html(b, "<tr><td><span class=\"badge badge-%s\">%s</span></td><td><a href=\"%s\">%s</a></td>"
			        "<td>%s</td><td><code>%s</code></td></tr>",
			     severity_name(f->severity), severity_name(f->severity), href, f->message, f->hint, f->rule);
		}
	if (compact)
		buf_lit(b, "</ul>");
	else
		buf_lit(b, "</tbody></table>");
	if (max_findings > 0 && r.n > shown)
		buf_rawf(b, "<p><a href=\"/alignment\">All %d findings</a></p>", r.n);
}

void page_alignment(request *rq, response *rs)
{
	page_begin(rq, rs, "Alignment", "alignment");
	buf *b = &rs->body;
	buf_lit(b, "<div class=\"page-head\"><div><h1>Alignment</h1><p class=\"blurb\">Every place product and marketing "
	           "have drifted apart. The score starts at 100 and loses 10 per error, 3 per warning, 1 per info.</p></div>"
	           "<div class=\"actions\"><a class=\"button secondary\" href=\"/api/v1/alignment\">JSON</a></div></div>");
	alignment_summary(rq, b, 0);
	page_end(rq, rs);
}
