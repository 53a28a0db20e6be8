/* roadmap_board.c — the roadmap as now/next/later columns of cards, as tables behind the timeline; feature statuses
 * for people (label, colour) and labels cut to fit, shared with the SVG. */
#include "roadmap_svg.h"
#include <stdlib.h>
#include <string.h>

const struct roadmap_status roadmap_statuses[] = {
    {"new", "New", "#6b7380"},
    {"triage", "Triage", "#6b7380"},
    {"accepted", "Accepted", "#5a76b8"},
    {"planned", "Planned", "#2f5bd3"},
    {"in_progress", "In progress", "#a15c00"},
    {"shipped", "Shipped", "#1f7a4d"},
    {NULL, NULL, NULL},
};

/* The entry of a status; NULL for an unknown one. */
static const struct roadmap_status *status_entry(const char *status)
{
	for (const struct roadmap_status *s = roadmap_statuses; s->status; s++)
		if (str_eq(status, s->status))
			return s;
	return NULL;
}

const char *roadmap_status_label(const char *status)
{
	const struct roadmap_status *s = status_entry(status);
	return s ? s->label : status ? status : "";
}

const char *roadmap_status_fill(const char *status)
{
	const struct roadmap_status *s = status_entry(status);
	return s ? s->fill : "#6b7380";
}

void text_fit(buf *b, const char *s, int max)
{
	if (!s)
		return;
	if (max < 1)
		max = 1;
	if (utf8_len(s) <= (size_t)max) {
		buf_html(b, s);
		return;
	}
	size_t n = 0;
	int chars = 0;
	while (s[n] && chars < max - 1) { /* keep max - 1 code points, then the ellipsis */
		n++;
		while (((unsigned char)s[n] & 0xc0) == 0x80)
			n++;
		chars++;
	}
	char *cut = xmalloc(n + 1);
	memcpy(cut, s, n);
	cut[n] = 0;
	while (n > 0 && cut[n - 1] == ' ')
		cut[--n] = 0;
	buf_html(b, cut);
	buf_lit(b, "…");
	free(cut);
}

static const char *const col_title[] = {"Now", "Next", "Later"};
static const char *const col_help[] = {"In progress, or due within six weeks", "Due in the three months after",
                                       "Further out, or accepted with no release yet"};

static void feature_card(buf *b, const struct roadmap *r, const struct rm_feature *f, bool links)
{
	html(b, "<li class=\"rm-card\"><span class=\"rm-dot st-%s\" aria-hidden=\"true\"></span>", f->status);
	if (links)
		html(b, "<a class=\"rm-title\" href=\"/features/%lld\">%s</a>", f->id, f->title);
	else
		html(b, "<span class=\"rm-title\">%s</span>", f->title);
	html(b, "<div class=\"rm-meta\"><span class=\"rm-status st-%s\">%s</span>", f->status,
	     roadmap_status_label(f->status));
	if (f->release >= 0)
		html(b, " · %s · %s", r->releases[f->release].name, r->releases[f->release].target_date);
	else
		buf_lit(b, " · no release yet");
	if (f->tier)
		html(b, " · %s", f->tier);
	html(b, "</div><div class=\"rm-lane\">%s</div></li>", r->lanes[f->lane].label);
}

static void launch_card(buf *b, const struct rm_launch *l, bool links)
{
	html(b, "<li class=\"rm-card rm-launch\"><span class=\"rm-diamond t%d\" aria-hidden=\"true\"></span>", l->tier);
	if (links)
		html(b, "<a class=\"rm-title\" href=\"/launches/%lld\">%s</a>", l->id, l->title);
	else
		html(b, "<span class=\"rm-title\">%s</span>", l->title);
	html(b, "<div class=\"rm-meta\">Tier %d launch · %s · %s</div></li>", l->tier, l->launch_date, l->status);
}

/* The features of one bucket in release order (no release last), then by lane and title. */
static void column_features(buf *b, const struct roadmap *r, enum roadmap_bucket k, bool links)
{
	for (int rel = 0; rel <= r->nreleases; rel++)
		for (int i = 0; i < r->nfeatures; i++) {
			const struct rm_feature *f = &r->features[i];
			if (f->bucket == k && (rel == r->nreleases ? f->release < 0 : f->release == rel))
				feature_card(b, r, f, links);
		}
}

void roadmap_board(buf *b, const struct roadmap *r, bool links)
{
	int shipped = 0;
	for (int i = 0; i < r->nfeatures; i++)
		shipped += r->features[i].bucket == BUCKET_NONE;
	buf_lit(b, "<div class=\"rm-board\" id=\"roadmap-board\">");
	for (int k = 0; k < BUCKET__MAX; k++) {
		int count = 0;
		for (int i = 0; i < r->nfeatures; i++)
			count += r->features[i].bucket == (enum roadmap_bucket)k;
		for (int i = 0; i < r->nlaunches; i++)
			count += r->launches[i].bucket == (enum roadmap_bucket)k;
		html(b,
		     "<section class=\"rm-col rm-col-%s\" aria-labelledby=\"col-%s\"><h2 id=\"col-%s\">%s <span "
		     "class=\"count\">"
		     "%d</span></h2><p class=\"rm-help\">%s</p><ul class=\"rm-cards\">",
		     roadmap_bucket_name(k), roadmap_bucket_name(k), roadmap_bucket_name(k), col_title[k], count,
		     col_help[k]);
		for (int i = 0; i < r->nlaunches; i++)
			if (r->launches[i].bucket == (enum roadmap_bucket)k)
				launch_card(b, &r->launches[i], links);
		column_features(b, r, k, links);
		if (!count)
			buf_lit(b, "<li class=\"rm-empty\">Nothing here.</li>");
		buf_lit(b, "</ul></section>");
	}
	buf_lit(b, "</div>");
	if (shipped)
		buf_rawf(b, "<p class=\"muted\">%d shipped feature%s %s on the timeline only.</p>", shipped,
		         shipped == 1 ? "" : "s", shipped == 1 ? "is" : "are");
}

void roadmap_table(buf *b, const struct roadmap *r, bool links)
{
	buf_lit(
	    b,
	    "<table class=\"list compact rm-table\" id=\"roadmap-table\"><caption>Features by lane</caption><thead><tr>"
	    "<th scope=\"col\">Lane</th><th scope=\"col\">Feature</th><th scope=\"col\">Status</th><th scope=\"col\">"
	    "Release</th><th scope=\"col\">From</th><th scope=\"col\">Target date</th><th scope=\"col\">Horizon</th>"
	    "</tr></thead><tbody>");
	for (int i = 0; i < r->nfeatures; i++) {
		const struct rm_feature *f = &r->features[i];
		const struct rm_release *rel = f->release >= 0 ? &r->releases[f->release] : NULL;
		const char *bucket = roadmap_bucket_name(f->bucket);
		html(b, "<tr><td>%s</td><td class=\"title\">", r->lanes[f->lane].label);
		if (links)
			html(b, "<a href=\"/features/%lld\">%s</a>", f->id, f->title);
		else
			html(b, "%s", f->title);
		html(b,
		     "</td><td>%s</td><td>%s</td><td class=\"date\">%s</td><td class=\"date\">%s</td><td>%s</td></tr>",
		     roadmap_status_label(f->status), rel ? rel->name : "—", rel ? rel->start : "—",
		     rel ? rel->target_date : "—", bucket ? bucket : "shipped");
	}
	if (!r->nfeatures)
		buf_lit(b, "<tr><td colspan=\"7\" class=\"muted\">No features.</td></tr>");
	buf_lit(b, "</tbody></table>");
	if (!r->nlaunches)
		return;
	buf_lit(b,
	        "<table class=\"list compact rm-table\" id=\"roadmap-launches\"><caption>Launches</caption><thead><tr>"
	        "<th scope=\"col\">Launch</th><th scope=\"col\" class=\"num\">Tier</th><th scope=\"col\">Date</th>"
	        "<th scope=\"col\">Status</th></tr></thead><tbody>");
	for (int i = 0; i < r->nlaunches; i++) {
		const struct rm_launch *l = &r->launches[i];
		buf_lit(b, "<tr><td class=\"title\">");
		if (links)
			html(b, "<a href=\"/launches/%lld\">%s</a>", l->id, l->title);
		else
			html(b, "%s", l->title);
		html(b, "</td><td class=\"num\">%d</td><td class=\"date\">%s</td><td>%s</td></tr>", l->tier,
		     l->launch_date, l->status);
	}
	buf_lit(b, "</tbody></table>");
}
