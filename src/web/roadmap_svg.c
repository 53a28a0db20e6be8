/* roadmap_svg.c — the roadmap timeline as one SVG: month axis, lanes of feature bars, release milestones,
 * today's line, launch diamonds and a legend; labels escaped, colours as presentation attributes. */
#include "roadmap_svg.h"
#include <math.h>
#include <stdlib.h>
#include <string.h>

enum {
	W = 1120,
	LABEL_X = 14,
	LANE_CHARS = 24,
	REL_CHARS = 30,
	LAUNCH_CHARS = 28,
	REL_ROW = 15,
	AXIS_H = 24,
	BAR_H = 20,
	ROW_H = 26,
	LAUNCH_ROW = 24
};
static const double X0 = 196, X1 = W - 28;

static const char *const months[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                     "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
static const double tier_size[] = {0, 9, 7, 5};
static const char *const tier_fill[] = {"", "#b2438f", "#d17fb6", "#f3cfe5"};

/* The first day of the month of day, and of the month after. */
static long month_floor(long day)
{
	char s[11];
	days_date(day, s);
	s[8] = '0', s[9] = '1';
	return date_days(s);
}

static long month_next(long day)
{
	return month_floor(month_floor(day) + 31); /* 31 days after a first is always in the next month */
}

struct geo {
	long from, to, today;
	int *rel_row, rel_rows; /* release label rows */
	int *launch_row, launch_rows;
	int *feat_row, *lane_rows, *lane_later; /* a lane's rows of bars, and its features with no release */
	double *lane_top, *lane_h, body_top, body_bottom, launch_top;
};

/* The x of a day (days since the epoch), and of a date. */
static double XD(const struct geo *g, long d)
{
	return X0 + (X1 - X0) * (double)(d - g->from) / (double)(g->to - g->from);
}

static double X(const struct geo *g, const char *date)
{
	return XD(g, date_days(date));
}

/* The first row whose last extent ends before x0 (rows grow up to n); records x1 as its new end. */
static int pack(double *ends, int *used, int n, double x0, double x1)
{
	int k = 0;
	while (k < *used && ends[k] > x0)
		k++;
	if (k >= n)
		k = n - 1;
	if (k == *used)
		(*used)++;
	ends[k] = x1;
	return k;
}

/* Would a launch's label of width w overflow on the right of its marker at x? Then it goes on the left. */
static bool label_left(double x, double w)
{
	return x + 14 + w > W - 4;
}

static double label_width(const char *s, int max, double per)
{
	size_t n = utf8_len(s);
	return per * (double)(n > (size_t)max ? (size_t)max : n) + 8;
}

/* Where a label longer than max characters breaks into two lines: the byte offset of its last space within
 * the first max characters; 0 when it fits on one line (or has no such space: it is cut instead). */
static size_t wrap_point(const char *s, int max)
{
	if (utf8_len(s) <= (size_t)max)
		return 0;
	size_t brk = 0, n = 0;
	for (int chars = 0; s[n] && chars <= max; chars++) {
		if (s[n] == ' ')
			brk = n;
		n++;
		while (((unsigned char)s[n] & 0xc0) == 0x80)
			n++;
	}
	return brk;
}

/* A lane's label at baseline y, on two lines when it is long (the whole label as its tooltip); returns the
 * baseline of its last line. */
static double lane_label(buf *b, const char *label, double y)
{
	size_t brk = wrap_point(label, LANE_CHARS);
	html(b, "<text x=\"%d\" y=\"%.1f\" font-size=\"12.5\" font-weight=\"600\" fill=\"#1b1f24\"><title>%s</title>",
	     LABEL_X, y, label);
	if (!brk) {
		text_fit(b, label, LANE_CHARS);
		buf_lit(b, "</text>");
		return y;
	}
	char *first = xmalloc(brk + 1);
	memcpy(first, label, brk);
	first[brk] = 0;
	buf_html(b, first);
	free(first);
	buf_rawf(b, "<tspan x=\"%d\" dy=\"15\">", LABEL_X);
	text_fit(b, label + brk + 1, LANE_CHARS);
	buf_lit(b, "</tspan></text>");
	return y + 15;
}

/* The months shown: from two weeks before today to two months after, widened to every bar and launch. */
static void date_range(const struct roadmap *r, struct geo *g)
{
	g->today = date_days(r->today);
	long lo = g->today - 14, hi = g->today + 60;
	for (int i = 0; i < r->nreleases; i++) {
		long a = date_days(r->releases[i].start), z = date_days(r->releases[i].target_date);
		lo = a < lo ? a : lo;
		hi = z > hi ? z : hi;
	}
	for (int i = 0; i < r->nlaunches; i++) {
		long d = date_days(r->launches[i].launch_date);
		lo = d < lo ? d : lo;
		hi = d > hi ? d : hi;
	}
	g->from = month_floor(lo), g->to = month_next(hi + 10); /* room for the last labels */
}

/* Rows packed so that nothing overlaps: release names (at most three rows), launches with their labels, and
 * each lane's bars; a lane's features with no release are counted instead. ends: room for n rows. */
static void pack_rows(const struct roadmap *r, struct geo *g, double *ends, int n)
{
	g->rel_rows = 0;
	for (int i = 0; i < r->nreleases; i++) {
		double x = X(g, r->releases[i].target_date), w = label_width(r->releases[i].name, REL_CHARS, 6.9);
		g->rel_row[i] = pack(ends, &g->rel_rows, 3, x - w / 2, x + w / 2 + 6);
	}
	g->launch_rows = 0;
	for (int i = 0; i < r->nlaunches; i++) {
		double x = X(g, r->launches[i].launch_date), w = label_width(r->launches[i].title, LAUNCH_CHARS, 6.4);
		if (label_left(x, w))
			g->launch_row[i] = pack(ends, &g->launch_rows, n, x - 14 - w, x + 10);
		else
			g->launch_row[i] = pack(ends, &g->launch_rows, n, x - 10, x + 14 + w);
	}
	for (int k = 0, i = 0; k < r->nlanes; k++) {
		int used = 0;
		for (; i < r->nfeatures && r->features[i].lane == k; i++) {
			const struct rm_feature *f = &r->features[i];
			g->feat_row[i] = -1;
			if (f->release < 0) {
				g->lane_later[k]++;
				continue;
			}
			const struct rm_release *rel = &r->releases[f->release];
			g->feat_row[i] = pack(ends, &used, n, X(g, rel->start) + 1, X(g, rel->target_date) - 1);
		}
		g->lane_rows[k] = used;
	}
}

/* Where the body, the launch band and each lane begin, and how tall each lane is. */
static void heights(const struct roadmap *r, struct geo *g)
{
	g->body_top = 6 + REL_ROW * (g->rel_rows ? g->rel_rows : 1) + 6 + AXIS_H;
	g->launch_top = g->body_top;
	double y = g->body_top + (r->nlaunches ? LAUNCH_ROW * g->launch_rows + 14 : 0);
	for (int k = 0; k < r->nlanes; k++) {
		g->lane_top[k] = y;
		g->lane_h[k] = ROW_H * (g->lane_rows[k] ? g->lane_rows[k] : 1) + 14;
		if (wrap_point(r->lanes[k].label, LANE_CHARS) && g->lane_h[k] < 56)
			g->lane_h[k] = 56; /* two lines of label and the count */
		y += g->lane_h[k];
	}
	g->body_bottom = y + (r->nlanes ? 0 : 44);
}

/* The geometry of the timeline; its arrays are freed by geo_free. */
static void layout(const struct roadmap *r, struct geo *g)
{
	date_range(r, g);
	int n = r->nreleases + r->nlaunches + r->nfeatures + 1;
	double *ends = xmalloc(sizeof *ends * (size_t)n);
	g->rel_row = xmalloc(sizeof(int) * (size_t)n);
	g->launch_row = xmalloc(sizeof(int) * (size_t)n);
	g->feat_row = xmalloc(sizeof(int) * (size_t)n);
	g->lane_rows = calloc((size_t)r->nlanes + 1, sizeof(int));
	g->lane_later = calloc((size_t)r->nlanes + 1, sizeof(int));
	g->lane_top = xmalloc(sizeof(double) * ((size_t)r->nlanes + 1));
	g->lane_h = xmalloc(sizeof(double) * ((size_t)r->nlanes + 1));
	pack_rows(r, g, ends, n);
	free(ends);
	heights(r, g);
}

static void geo_free(struct geo *g)
{
	free(g->rel_row), free(g->launch_row), free(g->feat_row), free(g->lane_rows), free(g->lane_later);
	free(g->lane_top), free(g->lane_h);
}

static void summary(buf *b, const struct roadmap *r)
{
	html(b, "Roadmap timeline grouped by %s: %d release%s, %d feature%s in %d lane%s, %d launch%s; today is %s",
	     roadmap_group_name(r->filter.group), r->nreleases, r->nreleases == 1 ? "" : "s", r->nfeatures,
	     r->nfeatures == 1 ? "" : "s", r->nlanes, r->nlanes == 1 ? "" : "s", r->nlaunches,
	     r->nlaunches == 1 ? "" : "es", r->today);
}

static void axis(buf *b, const struct geo *g)
{
	double ppm = (X1 - X0) * 30.4 / (double)(g->to - g->from); /* pixels per month */
	int step = ppm >= 34 ? 1 : ppm >= 12 ? 3 : ppm >= 6 ? 6 : 12;
	double y = g->body_top - AXIS_H;
	for (long d = g->from; d < g->to; d = month_next(d)) {
		char s[11];
		days_date(d, s);
		int m = atoi(s + 5);
		double x = XD(g, d);
		buf_rawf(b, "<line x1=\"%.1f\" x2=\"%.1f\" y1=\"%.1f\" y2=\"%.1f\" stroke=\"#e3e7ed\"/>", x, x, y + 4,
		         g->body_bottom);
		if ((m - 1) % step)
			continue;
		buf_rawf(b, "<text x=\"%.1f\" y=\"%.1f\" font-size=\"11.5\" fill=\"#5b6470\">%s", x + 4, y + 15,
		         months[m - 1]);
		if (m == 1 || d == g->from)
			buf_rawf(b, " %.4s", s);
		buf_lit(b, "</text>");
	}
	buf_rawf(b, "<line x1=\"%.1f\" x2=\"%.1f\" y1=\"%.1f\" y2=\"%.1f\" stroke=\"#aab2bf\"/>", X0, X1, g->body_top,
	         g->body_top);
}

static void lanes(buf *b, const struct roadmap *r, const struct geo *g)
{
	if (r->nlaunches) {
		buf_rawf(b, "<rect x=\"0\" y=\"%.1f\" width=\"%d\" height=\"%.1f\" fill=\"#fbf4f8\"/>", g->launch_top,
		         W, (double)(LAUNCH_ROW * g->launch_rows + 14));
		buf_rawf(
		    b,
		    "<text x=\"%d\" y=\"%.1f\" font-size=\"12.5\" font-weight=\"600\" fill=\"#7a2d61\">Launches</text>",
		    LABEL_X, g->launch_top + 20);
	}
	for (int k = 0; k < r->nlanes; k++) {
		double top = g->lane_top[k], h = g->lane_h[k];
		buf_rawf(b, "<rect x=\"0\" y=\"%.1f\" width=\"%d\" height=\"%.1f\" fill=\"%s\"/>", top, W, h,
		         k % 2 ? "#f6f8fb" : "#ffffff");
		buf_rawf(b, "<line x1=\"0\" x2=\"%d\" y1=\"%.1f\" y2=\"%.1f\" stroke=\"#e3e7ed\"/>", W, top, top);
		double y = lane_label(b, r->lanes[k].label, top + 19);
		int later = g->lane_later[k], n = r->lanes[k].nfeatures;
		buf_rawf(b, "<text x=\"%d\" y=\"%.1f\" font-size=\"11\" fill=\"#5b6470\">%d feature%s", LABEL_X, y + 15,
		         n, n == 1 ? "" : "s");
		if (later && later < n)
			buf_rawf(b, " · %d unscheduled", later);
		buf_lit(b, "</text>");
		if (later == n) /* nothing to draw: say where the features are */
			buf_rawf(
			    b,
			    "<text x=\"%.1f\" y=\"%.1f\" font-size=\"11.5\" font-style=\"italic\" fill=\"#5b6470\">%s "
			    "no release yet: under Later on the board</text>",
			    X0 + 6, top + 24, n == 1 ? "1 feature with" : "Features with");
	}
	if (!r->nlanes)
		buf_rawf(
		    b, "<text x=\"%.1f\" y=\"%.1f\" font-size=\"13\" fill=\"#5b6470\" text-anchor=\"middle\">%s</text>",
		    (X0 + X1) / 2, g->body_bottom - 18,
		    r->nreleases ? "No features on the roadmap match." : "No releases on the roadmap yet.");
	buf_rawf(b, "<line x1=\"%.1f\" x2=\"%.1f\" y1=\"%.1f\" y2=\"%.1f\" stroke=\"#d9dee5\"/>", X0 - 8, X0 - 8,
	         g->body_top, g->body_bottom);
}

static void milestones(buf *b, const struct roadmap *r, const struct geo *g)
{
	for (int i = 0; i < r->nreleases; i++) {
		const struct rm_release *x = &r->releases[i];
		double cx = X(g, x->target_date), y = 6 + REL_ROW * (g->rel_row[i] + 1) - 3;
		double w = label_width(x->name, REL_CHARS, 6.9), lx = fmin(fmax(cx, X0 + w / 2 - 8), W - 4 - w / 2);
		html(b, "<g><title>Release %s: target %s (%s), %d feature%s</title>", x->name, x->target_date,
		     x->status, x->nfeatures, x->nfeatures == 1 ? "" : "s");
		buf_rawf(
		    b,
		    "<line x1=\"%.1f\" x2=\"%.1f\" y1=\"%.1f\" y2=\"%.1f\" stroke=\"#46505c\" stroke-width=\"1.3\" "
		    "stroke-dasharray=\"5 4\"/>",
		    cx, cx, y + 4, g->body_bottom);
		buf_rawf(b,
		         "<text x=\"%.1f\" y=\"%.1f\" font-size=\"12\" font-weight=\"600\" fill=\"#1b1f24\" "
		         "text-anchor=\"middle\">",
		         lx, y);
		text_fit(b, x->name, REL_CHARS);
		buf_lit(b, "</text></g>");
	}
}

static void bars(buf *b, const struct roadmap *r, const struct geo *g)
{
	for (int i = 0; i < r->nfeatures; i++) {
		const struct rm_feature *f = &r->features[i];
		if (f->release < 0)
			continue;
		const struct rm_release *rel = &r->releases[f->release];
		double x0 = X(g, rel->start) + 1, x1 = X(g, rel->target_date) - 1, w = fmax(x1 - x0, 6);
		double y = g->lane_top[f->lane] + 7 + ROW_H * g->feat_row[i];
		html(b, "<g><title>%s — %s · release %s, %s → %s", f->title, roadmap_status_label(f->status), rel->name,
		     rel->start, rel->target_date);
		if (f->goal)
			html(b, " · goal: %s", f->goal);
		if (f->tier)
			html(b, " · %s tier", f->tier);
		buf_rawf(b, "</title><rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%d\" rx=\"4\" fill=\"%s\"/>",
		         x0, y, w, BAR_H, roadmap_status_fill(f->status));
		if (w >= 36) {
			buf_rawf(b, "<text x=\"%.1f\" y=\"%.1f\" font-size=\"11.5\" fill=\"#ffffff\">", x0 + 6, y + 14);
			text_fit(b, f->title, (int)((w - 12) / 6.3));
			buf_lit(b, "</text>");
		}
		buf_lit(b, "</g>");
	}
}

/* A diamond of half-size s centred on (x, y), filled by the launch tier. */
static void diamond(buf *b, double x, double y, int tier)
{
	double s = tier_size[tier];
	buf_rawf(b,
	         "<polygon points=\"%.1f,%.1f %.1f,%.1f %.1f,%.1f %.1f,%.1f\" fill=\"%s\" stroke=\"#7a2d61\" "
	         "stroke-width=\"1.2\"/>",
	         x, y - s, x + s, y, x, y + s, x - s, y, tier_fill[tier]);
}

static void launches(buf *b, const struct roadmap *r, const struct geo *g)
{
	for (int i = 0; i < r->nlaunches; i++) {
		const struct rm_launch *l = &r->launches[i];
		int tier = l->tier >= 1 && l->tier <= 3 ? l->tier : 2;
		double x = X(g, l->launch_date), y = g->launch_top + 19 + LAUNCH_ROW * g->launch_row[i];
		html(b, "<g><title>Tier %d launch: %s — %s (%s)</title>", tier, l->title, l->launch_date, l->status);
		diamond(b, x, y, tier);
		bool left = label_left(x, label_width(l->title, LAUNCH_CHARS, 6.4));
		buf_rawf(b, "<text x=\"%.1f\" y=\"%.1f\" font-size=\"11.5\" fill=\"#1b1f24\"%s%s>",
		         left ? x - tier_size[tier] - 5 : x + tier_size[tier] + 5, y + 4,
		         left ? " text-anchor=\"end\"" : "", tier == 1 ? " font-weight=\"600\"" : "");
		text_fit(b, l->title, LAUNCH_CHARS);
		buf_lit(b, "</text></g>");
	}
}

static void today_line(buf *b, const struct geo *g)
{
	double x = XD(g, g->today);
	buf_rawf(
	    b,
	    "<g><title>Today</title><line x1=\"%.1f\" x2=\"%.1f\" y1=\"%.1f\" y2=\"%.1f\" stroke=\"#b42318\" "
	    "stroke-width=\"2\"/><rect x=\"%.1f\" y=\"%.1f\" width=\"44\" height=\"16\" rx=\"3\" fill=\"#b42318\"/>"
	    "<text x=\"%.1f\" y=\"%.1f\" font-size=\"11\" font-weight=\"600\" fill=\"#ffffff\" "
	    "text-anchor=\"middle\">Today</text></g>",
	    x, x, g->body_top - AXIS_H + 2, g->body_bottom + 4, x - 22, g->body_bottom + 4, x, g->body_bottom + 16);
}

static void legend(buf *b, const struct geo *g)
{
	double y = g->body_bottom + 40, x = X0;
	buf_rawf(b, "<text x=\"%d\" y=\"%.1f\" font-size=\"11\" fill=\"#5b6470\">Legend</text>", LABEL_X, y + 4);
	for (int i = 1; roadmap_statuses[i].status; i++) { /* triage shares new's colour */
		const char *label = i == 1 ? "New / triage" : roadmap_statuses[i].label;
		buf_rawf(b,
		         "<rect x=\"%.1f\" y=\"%.1f\" width=\"14\" height=\"10\" rx=\"2\" fill=\"%s\"/>"
		         "<text x=\"%.1f\" y=\"%.1f\" font-size=\"11\" fill=\"#1b1f24\">%s</text>",
		         x, y - 5, roadmap_statuses[i].fill, x + 19, y + 4, label);
		x += 30 + 6.2 * (double)strlen(label);
	}
	x += 10;
	for (int t = 1; t <= 3; t++) {
		diamond(b, x + 6, y, t);
		buf_rawf(b, "<text x=\"%.1f\" y=\"%.1f\" font-size=\"11\" fill=\"#1b1f24\">Tier %d launch</text>",
		         x + 18, y + 4, t);
		x += 96;
	}
	buf_rawf(b,
	         "<line x1=\"%.1f\" x2=\"%.1f\" y1=\"%.1f\" y2=\"%.1f\" stroke=\"#46505c\" stroke-dasharray=\"5 4\"/>"
	         "<text x=\"%.1f\" y=\"%.1f\" font-size=\"11\" fill=\"#1b1f24\">Release</text>",
	         x + 4, x + 4, y - 7, y + 7, x + 11, y + 4);
}

void roadmap_svg(buf *b, const struct roadmap *r)
{
	struct geo g;
	layout(r, &g);
	double h = g.body_bottom + 58;
	buf_rawf(b,
	         "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"roadmap\" viewBox=\"0 0 %d %.0f\" width=\"%d\" "
	         "height=\"%.0f\" font-family=\"system-ui, -apple-system, 'Segoe UI', sans-serif\" role=\"img\" "
	         "aria-label=\"",
	         W, h, W, h);
	summary(b, r);
	buf_lit(b, "\"><title>");
	summary(b, r);
	buf_lit(b, "</title>");
	buf_rawf(b, "<rect width=\"%d\" height=\"%.0f\" fill=\"#ffffff\"/>", W, h);
	lanes(b, r, &g);
	axis(b, &g);
	milestones(b, r, &g);
	bars(b, r, &g);
	launches(b, r, &g);
	today_line(b, &g);
	legend(b, &g);
	buf_lit(b, "</svg>");
	geo_free(&g);
}
