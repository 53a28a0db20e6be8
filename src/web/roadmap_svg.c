/* roadmap_svg.c — the roadmap timeline as one SVG at a zoom (quarter, half, year): month axis, lanes of feature
 * bars, release milestones, today's line under the labels, launch diamonds (early ones marked) and a legend;
 * labels wrapped or placed beside rather than cut, escaped, colours as presentation attributes. */
#include "roadmap_svg.h"
#include <math.h>
#include <stdlib.h>
#include <string.h>

enum {
	W_FIT = 1100, /* the width of a timeline that fits its zoom: the page's content column */
	RIGHT = 28,   /* room right of the last day */
	LABEL_X = 14,
	LANE_CHARS = 24,
	LANE_LINES = 3,
	REL_CHARS = 40,
	LAUNCH_CHARS = 48,
	BAR_CHARS = 60,
	REL_ROW = 15,
	AXIS_H = 24,
	BAR_H = 20,
	ROW_H = 26,
	LAUNCH_ROW = 24,
	WARN_W = 15 /* the warning mark before a launch's label, with its gap */
};
static const double X0 = 196;
static const int zoom_months[] = {3, 6, 12};
static const char *const zoom_names[] = {"quarter", "half", "year"};
static const char *const zoom_labels[] = {"Quarter", "Half", "Year"};
/* Text drawn over lines and the today line stays readable: a halo of the background under every glyph. */
#define HALO " stroke=\"#ffffff\" stroke-width=\"3\" stroke-linejoin=\"round\" paint-order=\"stroke\""

static const char *const months[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                     "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
static const double tier_size[] = {0, 9, 7, 5};
static const char *const tier_fill[] = {"", "#b2438f", "#d17fb6", "#f3cfe5"};

const char *roadmap_zoom_name(enum roadmap_zoom z)
{
	return zoom_names[z >= 0 && z < ZOOM__MAX ? z : ZOOM_HALF];
}

const char *roadmap_zoom_label(enum roadmap_zoom z)
{
	return zoom_labels[z >= 0 && z < ZOOM__MAX ? z : ZOOM_HALF];
}

int roadmap_zoom_parse(const char *s)
{
	for (int z = 0; z < ZOOM__MAX; z++)
		if (str_eq(s, zoom_names[z]))
			return z;
	return -1;
}

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
	double ppd, x1, w; /* pixels per day; the x of the last day; the drawing's width */
	int *rel_row, rel_rows; /* release label rows */
	int *launch_row, launch_rows;
	int *feat_row, *lane_rows, *lane_later; /* a lane's rows of bars, and its features with no release */
	int *bar_label;                          /* where a bar's title goes: 0 inside, 1 right of it, -1 left */
	double *lane_top, *lane_h, body_top, body_bottom, launch_top, legend_h;
};

/* The x of a day (days since the epoch), and of a date. */
static double XD(const struct geo *g, long d)
{
	return X0 + g->ppd * (double)(d - g->from);
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

static double label_width(const char *s, int max, double per)
{
	size_t n = utf8_len(s);
	return per * (double)(n > (size_t)max ? (size_t)max : n) + 8;
}

/* Would a launch's label of width w overflow on the right of its marker at x? Then it goes on the left. */
static bool label_left(const struct geo *g, double x, double w)
{
	return x + 14 + w > g->w - 4;
}

static double launch_label_width(const struct rm_launch *l)
{
	return label_width(l->title, LAUNCH_CHARS, 6.4) + (l->before_release ? WARN_W : 0);
}

/* Where a label longer than max characters breaks: the byte offset of its last space within the first max
 * characters; 0 when it fits on one line (or has no such space: it is cut instead). */
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

/* The lines a lane's label takes (at most LANE_LINES). */
static int lane_lines(const char *label)
{
	int lines = 1;
	for (size_t brk; lines < LANE_LINES && (brk = wrap_point(label, LANE_CHARS)); lines++)
		label += brk + 1;
	return lines;
}

/* A lane's label at baseline y, wrapped at spaces onto up to LANE_LINES lines, only the last one cut (the whole
 * label as its tooltip); returns the baseline of its last line. */
static double lane_label(buf *b, const char *label, double y)
{
	html(b, "<text x=\"%d\" y=\"%.1f\" font-size=\"12.5\" font-weight=\"600\" fill=\"#1b1f24\"><title>%s</title>",
	     LABEL_X, y, label);
	for (int line = 0;; line++) {
		size_t brk = line < LANE_LINES - 1 ? wrap_point(label, LANE_CHARS) : 0;
		if (line)
			buf_rawf(b, "<tspan x=\"%d\" dy=\"15\">", LABEL_X);
		if (brk) {
			char *part = xmalloc(brk + 1);
			memcpy(part, label, brk);
			part[brk] = 0;
			buf_html(b, part);
			free(part);
		} else {
			text_fit(b, label, LANE_CHARS);
		}
		if (line)
			buf_lit(b, "</tspan>");
		if (!brk) {
			buf_lit(b, "</text>");
			return y + 15 * line;
		}
		label += brk + 1;
	}
}

/* The days with something on them: from two weeks before today to two months after, widened to every bar
 * and launch (the end with room for the last labels). */
static void content_range(const struct roadmap *r, long *lo_out, long *hi_out)
{
	long today = date_days(r->today), lo = today - 14, hi = today + 60;
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
	*lo_out = month_floor(lo), *hi_out = month_next(hi + 10);
}

/* The month that starts months after the month of day. */
static long months_after(long day, int n)
{
	long d = month_floor(day);
	while (n-- > 0)
		d = month_next(d);
	return d;
}

enum roadmap_zoom roadmap_zoom_fit(const struct roadmap *r)
{
	long lo, hi;
	content_range(r, &lo, &hi);
	for (int z = 0; z < ZOOM__MAX - 1; z++)
		if (months_after(lo, zoom_months[z]) >= hi)
			return (enum roadmap_zoom)z;
	return ZOOM_YEAR;
}

/* The months shown and their scale: a zoom's months fill the fitting width; more content makes the drawing
 * wider (the page scrolls it sideways), less is shown as the zoom's whole span. */
static void date_range(const struct roadmap *r, enum roadmap_zoom zoom, struct geo *g)
{
	long hi;
	g->today = date_days(r->today);
	content_range(r, &g->from, &hi);
	long span_end = months_after(g->from, zoom_months[zoom]);
	g->to = hi > span_end ? hi : span_end;
	g->ppd = (W_FIT - RIGHT - X0) / (double)(span_end - g->from);
	g->x1 = XD(g, g->to);
	g->w = g->x1 + RIGHT;
}

/* Where a bar's title goes: inside when it fits, else beside the bar (right, or left near the end); its
 * extent with the label is written to x0 and x1. */
static int bar_label_side(const struct geo *g, const char *title, double *x0, double *x1)
{
	double tw = label_width(title, BAR_CHARS, 6.3);
	if (*x1 - *x0 >= tw + 4)
		return 0;
	if (*x1 + 6 + tw <= g->w - 4 || *x0 - 6 - tw < X0) {
		*x1 += 6 + tw;
		return 1;
	}
	*x0 -= 6 + tw;
	return -1;
}

/* Rows packed so that nothing overlaps: release names, launches with their labels, and each lane's bars with
 * their titles; a lane's features with no release are counted instead. ends: room for n rows. */
static void pack_rows(const struct roadmap *r, struct geo *g, double *ends, int n)
{
	g->rel_rows = 0;
	for (int i = 0; i < r->nreleases; i++) {
		double x = X(g, r->releases[i].target_date), w = label_width(r->releases[i].name, REL_CHARS, 6.9);
		double lx = fmin(fmax(x, X0 + w / 2 - 8), g->w - 4 - w / 2);
		g->rel_row[i] = pack(ends, &g->rel_rows, n, lx - w / 2, lx + w / 2 + 6);
	}
	g->launch_rows = 0;
	for (int i = 0; i < r->nlaunches; i++) {
		double x = X(g, r->launches[i].launch_date), w = launch_label_width(&r->launches[i]);
		if (label_left(g, x, w))
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
			double x0 = X(g, rel->start) + 1, x1 = fmax(X(g, rel->target_date) - 1, x0 + 6);
			g->bar_label[i] = bar_label_side(g, f->title, &x0, &x1);
			g->feat_row[i] = pack(ends, &used, n, x0, x1 + 4);
		}
		g->lane_rows[k] = used;
	}
}

static int legend_rows(const struct roadmap *r, const struct geo *g);

/* Where the body, the launch band and each lane begin, and how tall each lane is. */
static void heights(const struct roadmap *r, struct geo *g)
{
	g->body_top = 6 + REL_ROW * (g->rel_rows ? g->rel_rows : 1) + 6 + AXIS_H;
	g->launch_top = g->body_top;
	double y = g->body_top + (r->nlaunches ? LAUNCH_ROW * g->launch_rows + 14 : 0);
	for (int k = 0; k < r->nlanes; k++) {
		g->lane_top[k] = y;
		g->lane_h[k] = ROW_H * (g->lane_rows[k] ? g->lane_rows[k] : 1) + 14;
		double label_h = 19 + 15.0 * lane_lines(r->lanes[k].label) + 12; /* its lines and the count */
		g->lane_h[k] = fmax(g->lane_h[k], label_h);
		y += g->lane_h[k];
	}
	g->body_bottom = y + (r->nlanes ? 0 : 44);
	g->legend_h = 20.0 * legend_rows(r, g);
}

/* The geometry of the timeline; its arrays are freed by geo_free. */
static void layout(const struct roadmap *r, enum roadmap_zoom zoom, struct geo *g)
{
	date_range(r, zoom, g);
	int n = r->nreleases + r->nlaunches + r->nfeatures + 1;
	double *ends = xmalloc(sizeof *ends * (size_t)n);
	g->rel_row = xmalloc(sizeof(int) * (size_t)n);
	g->launch_row = xmalloc(sizeof(int) * (size_t)n);
	g->feat_row = xmalloc(sizeof(int) * (size_t)n);
	g->bar_label = calloc((size_t)n, sizeof(int));
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
	free(g->rel_row), free(g->launch_row), free(g->feat_row), free(g->bar_label), free(g->lane_rows);
	free(g->lane_later), free(g->lane_top), free(g->lane_h);
}

static void summary(buf *b, const struct roadmap *r, enum roadmap_zoom zoom)
{
	int early = 0;
	for (int i = 0; i < r->nlaunches; i++)
		early += r->launches[i].before_release;
	html(b, "Roadmap timeline grouped by %s: %d release%s, %d feature%s in %d lane%s, %d launch%s; today is %s",
	     roadmap_group_name(r->filter.group), r->nreleases, r->nreleases == 1 ? "" : "s", r->nfeatures,
	     r->nfeatures == 1 ? "" : "s", r->nlanes, r->nlanes == 1 ? "" : "s", r->nlaunches,
	     r->nlaunches == 1 ? "" : "es", r->today);
	if (early)
		buf_rawf(b, "; %d launch%s dated before %s release ships", early, early == 1 ? " is" : "es are",
		         early == 1 ? "its" : "their");
	buf_rawf(b, "; zoom: %s", zoom_names[zoom]);
}

/* Months along the top (every one, or every 3rd, 6th or 12th when they are narrow), and the week's Mondays
 * when a month is wide. */
static void axis(buf *b, const struct geo *g)
{
	double ppm = g->ppd * 30.4; /* pixels per month */
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
		buf_rawf(b, "<text x=\"%.1f\" y=\"%.1f\" font-size=\"11.5\" font-weight=\"600\" fill=\"#46505c\">%s",
		         x + 4, y + 15, months[m - 1]);
		if (m == 1 || d == g->from)
			buf_rawf(b, " %.4s", s);
		buf_lit(b, "</text>");
	}
	if (g->ppd * 7 >= 45) /* a week is wide enough for its Monday's date */
		for (long d = g->from + 1; d < g->to; d++) {
			if ((d + 3) % 7) /* 1970-01-05, day 4, was a Monday */
				continue;
			char s[11];
			days_date(d, s);
			double x = XD(g, d);
			if (atoi(s + 8) < 5 || XD(g, month_next(d)) - x < 30) /* too close to a month's own label */
				continue;
			buf_rawf(b,
			         "<line x1=\"%.1f\" x2=\"%.1f\" y1=\"%.1f\" y2=\"%.1f\" stroke=\"#eef1f5\"/>"
			         "<text x=\"%.1f\" y=\"%.1f\" font-size=\"10.5\" fill=\"#5b6470\">%d</text>",
			         x, x, g->body_top, g->body_bottom, x + 3, y + 15, atoi(s + 8));
		}
	buf_rawf(b, "<line x1=\"%.1f\" x2=\"%.1f\" y1=\"%.1f\" y2=\"%.1f\" stroke=\"#aab2bf\"/>", X0, g->x1,
	         g->body_top, g->body_top);
}

static void lanes(buf *b, const struct roadmap *r, const struct geo *g)
{
	if (r->nlaunches) {
		buf_rawf(b, "<rect x=\"0\" y=\"%.1f\" width=\"%.0f\" height=\"%.1f\" fill=\"#fbf4f8\"/>", g->launch_top,
		         g->w, (double)(LAUNCH_ROW * g->launch_rows + 14));
		buf_rawf(
		    b,
		    "<text x=\"%d\" y=\"%.1f\" font-size=\"12.5\" font-weight=\"600\" fill=\"#7a2d61\">Launches</text>",
		    LABEL_X, g->launch_top + 20);
	}
	for (int k = 0; k < r->nlanes; k++) {
		double top = g->lane_top[k], h = g->lane_h[k];
		buf_rawf(b, "<rect x=\"0\" y=\"%.1f\" width=\"%.0f\" height=\"%.1f\" fill=\"%s\"/>", top, g->w, h,
		         k % 2 ? "#f6f8fb" : "#ffffff");
		buf_rawf(b, "<line x1=\"0\" x2=\"%.0f\" y1=\"%.1f\" y2=\"%.1f\" stroke=\"#e3e7ed\"/>", g->w, top, top);
		double y = lane_label(b, r->lanes[k].label, top + 19);
		int later = g->lane_later[k], n = r->lanes[k].nfeatures;
		buf_rawf(b, "<text x=\"%d\" y=\"%.1f\" font-size=\"11\" fill=\"#5b6470\">%d feature%s", LABEL_X, y + 15,
		         n, n == 1 ? "" : "s");
		if (later && later < n)
			buf_rawf(b, " · %d unscheduled", later);
		buf_lit(b, "</text>");
	}
	buf_rawf(b, "<line x1=\"%.1f\" x2=\"%.1f\" y1=\"%.1f\" y2=\"%.1f\" stroke=\"#d9dee5\"/>", X0 - 8, X0 - 8,
	         g->body_top, g->body_bottom);
}

/* What goes over the today line: the note of a lane with nothing to draw, or of an empty roadmap. */
static void lane_notes(buf *b, const struct roadmap *r, const struct geo *g)
{
	for (int k = 0; k < r->nlanes; k++)
		if (g->lane_later[k] == r->lanes[k].nfeatures)
			buf_rawf(b,
			         "<text x=\"%.1f\" y=\"%.1f\" font-size=\"11.5\" font-style=\"italic\" fill=\"#5b6470\"" HALO
			         ">%s no release yet: under Later on the board</text>",
			         X0 + 6, g->lane_top[k] + 24,
			         r->lanes[k].nfeatures == 1 ? "1 feature with" : "Features with");
	if (!r->nlanes)
		buf_rawf(b,
		         "<text x=\"%.1f\" y=\"%.1f\" font-size=\"13\" fill=\"#5b6470\" text-anchor=\"middle\"" HALO
		         ">%s</text>",
		         (X0 + g->x1) / 2, g->body_bottom - 18,
		         r->nreleases ? "No features on the roadmap match." : "No releases on the roadmap yet.");
}

/* Each release's dashed line (drawn under everything else in the body), then its name at the top. */
static void milestone_lines(buf *b, const struct roadmap *r, const struct geo *g)
{
	for (int i = 0; i < r->nreleases; i++) {
		double cx = X(g, r->releases[i].target_date), y = 6 + REL_ROW * (g->rel_row[i] + 1) - 3;
		buf_rawf(
		    b,
		    "<line x1=\"%.1f\" x2=\"%.1f\" y1=\"%.1f\" y2=\"%.1f\" stroke=\"#46505c\" stroke-width=\"1.3\" "
		    "stroke-dasharray=\"5 4\"/>",
		    cx, cx, y + 4, g->body_bottom);
	}
}

static void milestone_names(buf *b, const struct roadmap *r, const struct geo *g)
{
	for (int i = 0; i < r->nreleases; i++) {
		const struct rm_release *x = &r->releases[i];
		double cx = X(g, x->target_date), y = 6 + REL_ROW * (g->rel_row[i] + 1) - 3;
		double w = label_width(x->name, REL_CHARS, 6.9), lx = fmin(fmax(cx, X0 + w / 2 - 8), g->w - 4 - w / 2);
		html(b, "<g><title>Release %s: target %s (%s), %d feature%s</title>", x->name, x->target_date,
		     x->status, x->nfeatures, x->nfeatures == 1 ? "" : "s");
		buf_rawf(b,
		         "<text x=\"%.1f\" y=\"%.1f\" font-size=\"12\" font-weight=\"600\" fill=\"#1b1f24\" "
		         "text-anchor=\"middle\"" HALO ">",
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
		int side = g->bar_label[i];
		if (!side)
			buf_rawf(b, "<text x=\"%.1f\" y=\"%.1f\" font-size=\"11.5\" fill=\"#ffffff\">", x0 + 6, y + 14);
		else /* beside the bar, in ink */
			buf_rawf(b, "<text x=\"%.1f\" y=\"%.1f\" font-size=\"11.5\" fill=\"#1b1f24\"%s" HALO ">",
			         side > 0 ? x0 + w + 6 : x0 - 6, y + 14, side > 0 ? "" : " text-anchor=\"end\"");
		text_fit(b, f->title, BAR_CHARS);
		buf_lit(b, "</text></g>");
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

/* The warning mark, a red triangle with "!", its left corner at x and its baseline at y. */
static void warning_mark(buf *b, double x, double y)
{
	buf_rawf(b,
	         "<polygon points=\"%.1f,%.1f %.1f,%.1f %.1f,%.1f\" fill=\"#b42318\"/>"
	         "<text x=\"%.1f\" y=\"%.1f\" font-size=\"9.5\" font-weight=\"700\" fill=\"#ffffff\" "
	         "text-anchor=\"middle\">!</text>",
	         x, y + 1, x + 12, y + 1, x + 6, y - 10, x + 6, y - 0.5);
}

static void launches(buf *b, const struct roadmap *r, const struct geo *g)
{
	for (int i = 0; i < r->nlaunches; i++) {
		const struct rm_launch *l = &r->launches[i];
		int tier = l->tier >= 1 && l->tier <= 3 ? l->tier : 2;
		double x = X(g, l->launch_date), y = g->launch_top + 19 + LAUNCH_ROW * g->launch_row[i];
		html(b, "<g><title>Tier %d launch: %s — %s (%s)", tier, l->title, l->launch_date, l->status);
		for (int k = 0; l->before_release && k < r->nreleases; k++)
			if (r->releases[k].id == l->release_id)
				html(b, ". Warning: it launches before its release %s ships (target %s)",
				     r->releases[k].name, r->releases[k].target_date);
		buf_lit(b, "</title>");
		diamond(b, x, y, tier);
		double w = launch_label_width(l), gap = tier_size[tier] + 5;
		bool left = label_left(g, x, w);
		double lx = left ? x - gap - (w - 8) : x + gap; /* where the label (with its mark) begins */
		if (l->before_release) {
			warning_mark(b, lx, y + 4);
			lx += WARN_W;
		}
		buf_rawf(b, "<text x=\"%.1f\" y=\"%.1f\" font-size=\"11.5\" fill=\"%s\"%s" HALO ">", lx, y + 4,
		         l->before_release ? "#b42318" : "#1b1f24", tier == 1 || l->before_release ? " font-weight=\"600\"" : "");
		text_fit(b, l->title, LAUNCH_CHARS);
		buf_lit(b, "</text></g>");
	}
}

/* Today's line, under the bars and every label (they carry a halo), with its tag below the lanes. */
static void today_line(buf *b, const struct geo *g)
{
	double x = XD(g, g->today);
	buf_rawf(
	    b,
	    "<g><title>Today</title><line x1=\"%.1f\" x2=\"%.1f\" y1=\"%.1f\" y2=\"%.1f\" stroke=\"#b42318\" "
	    "stroke-width=\"2\"/><rect x=\"%.1f\" y=\"%.1f\" width=\"44\" height=\"16\" rx=\"3\" fill=\"#b42318\"/>"
	    "<text x=\"%.1f\" y=\"%.1f\" font-size=\"11\" font-weight=\"600\" fill=\"#ffffff\" "
	    "text-anchor=\"middle\">Today</text></g>",
	    x, x, g->body_top, g->body_bottom + 4, x - 22, g->body_bottom + 4, x, g->body_bottom + 16);
}

/* The legend's items from left to right, wrapping onto another row at the drawing's right edge; b NULL only
 * counts the rows. */
static int legend_items(buf *b, const struct roadmap *r, const struct geo *g)
{
	double y = g->body_bottom + 40, x = X0;
	int rows = 1;
#define ROOM(width)                                                                                             \
	do {                                                                                                    \
		if (x + (width) > g->w - 8)                                                                   \
			x = X0, y += 20, rows++;                                                                \
	} while (0)
	if (b)
		buf_rawf(b, "<text x=\"%d\" y=\"%.1f\" font-size=\"11\" fill=\"#5b6470\">Legend</text>", LABEL_X, y + 4);
	for (int i = 1; roadmap_statuses[i].status; i++) { /* triage shares new's colour */
		const char *label = i == 1 ? "New / triage" : roadmap_statuses[i].label;
		double iw = 30 + 6.2 * (double)strlen(label);
		ROOM(iw);
		if (b)
			buf_rawf(b,
			         "<rect x=\"%.1f\" y=\"%.1f\" width=\"14\" height=\"10\" rx=\"2\" fill=\"%s\"/>"
			         "<text x=\"%.1f\" y=\"%.1f\" font-size=\"11\" fill=\"#1b1f24\">%s</text>",
			         x, y - 5, roadmap_statuses[i].fill, x + 19, y + 4, label);
		x += iw;
	}
	x += 10;
	for (int t = 1; t <= 3; t++) {
		ROOM(96);
		if (b) {
			diamond(b, x + 6, y, t);
			buf_rawf(b, "<text x=\"%.1f\" y=\"%.1f\" font-size=\"11\" fill=\"#1b1f24\">Tier %d launch</text>",
			         x + 18, y + 4, t);
		}
		x += 96;
	}
	bool early = false;
	for (int i = 0; i < r->nlaunches; i++)
		early = early || r->launches[i].before_release;
	if (early) {
		ROOM(190);
		if (b) {
			warning_mark(b, x, y + 5);
			buf_rawf(b, "<text x=\"%.1f\" y=\"%.1f\" font-size=\"11\" fill=\"#b42318\">Launch before its "
			            "release ships</text>",
			         x + 16, y + 4);
		}
		x += 190;
	}
	ROOM(70);
	if (b)
		buf_rawf(b,
		         "<line x1=\"%.1f\" x2=\"%.1f\" y1=\"%.1f\" y2=\"%.1f\" stroke=\"#46505c\" "
		         "stroke-dasharray=\"5 4\"/>"
		         "<text x=\"%.1f\" y=\"%.1f\" font-size=\"11\" fill=\"#1b1f24\">Release</text>",
		         x + 4, x + 4, y - 7, y + 7, x + 11, y + 4);
#undef ROOM
	return rows;
}

static int legend_rows(const struct roadmap *r, const struct geo *g)
{
	return legend_items(NULL, r, g);
}

void roadmap_svg(buf *b, const struct roadmap *r, enum roadmap_zoom zoom)
{
	struct geo g;
	zoom = zoom >= 0 && zoom < ZOOM__MAX ? zoom : roadmap_zoom_fit(r);
	layout(r, zoom, &g);
	double h = g.body_bottom + 38 + g.legend_h;
	buf_rawf(b,
	         "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"roadmap\" viewBox=\"0 0 %.0f %.0f\" width=\"%.0f\" "
	         "height=\"%.0f\" font-family=\"system-ui, -apple-system, 'Segoe UI', sans-serif\" role=\"img\" "
	         "aria-label=\"",
	         g.w, h, g.w, h);
	summary(b, r, zoom);
	buf_lit(b, "\"><title>");
	summary(b, r, zoom);
	buf_lit(b, "</title>");
	buf_rawf(b, "<rect width=\"%.0f\" height=\"%.0f\" fill=\"#ffffff\"/>", g.w, h);
	lanes(b, r, &g);
	axis(b, &g);
	milestone_lines(b, r, &g);
	today_line(b, &g);
	lane_notes(b, r, &g);
	milestone_names(b, r, &g);
	bars(b, r, &g);
	launches(b, r, &g);
	legend_items(b, r, &g);
	buf_lit(b, "</svg>");
	geo_free(&g);
}
