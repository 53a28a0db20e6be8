/* svg.c — inline SVG sparklines, line charts and the value/effort scatter with its key; every label is escaped,
 * coordinates are numbers. */
#include "svg.h"
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

void fmt_number(buf *b, double x)
{
	if (x == floor(x) && fabs(x) < 1e15) {
		buf_int(b, (long long)x);
		return;
	}
	char s[64];
	snprintf(s, sizeof s, "%.2f", x);
	size_t n = strlen(s);
	while (n > 0 && s[n - 1] == '0')
		s[--n] = 0;
	if (n > 0 && s[n - 1] == '.')
		s[--n] = 0;
	buf_raw(b, s);
}

/* The range a chart spans: the values, the target and the baseline, never empty. */
static void span(const double *v, int n, const double *extra, int nextra, double *lo, double *hi)
{
	*lo = INFINITY, *hi = -INFINITY;
	for (int i = 0; i < n; i++)
		*lo = fmin(*lo, v[i]), *hi = fmax(*hi, v[i]);
	for (int i = 0; i < nextra; i++)
		*lo = fmin(*lo, extra[i]), *hi = fmax(*hi, extra[i]);
	if (*hi - *lo < 1e-9)
		*lo -= 1, *hi += 1;
}

/* "x,y" in whole pixels. */
static void point(buf *b, double x, double y)
{
	buf_int(b, lround(x));
	buf_addc(b, ',');
	buf_int(b, lround(y));
}

void svg_sparkline(buf *b, const double *v, int n, bool has_target, double target)
{
	const double w = 120, h = 28, pad = 3;
	if (n == 0) {
		buf_lit(b, "<span class=\"muted\">no data</span>");
		return;
	}
	double lo, hi;
	span(v, n, &target, has_target ? 1 : 0, &lo, &hi);
#define SX(i) (n == 1 ? w / 2 : pad + (w - 2 * pad) * (i) / (n - 1))
#define SY(x) (h - pad - (h - 2 * pad) * ((x) - lo) / (hi - lo))
	buf_lit(b, "<svg class=\"spark\" width=\"120\" height=\"28\" viewBox=\"0 0 120 28\" role=\"img\" aria-label=\"");
	buf_int(b, n);
	buf_raw(b, n == 1 ? " measurement, latest " : " measurements, latest ");
	fmt_number(b, v[n - 1]);
	buf_lit(b, "\">");
	if (has_target) {
		buf_lit(b, "<line class=\"target\" x1=\"0\" x2=\"120\" y1=\"");
		buf_int(b, lround(SY(target)));
		buf_lit(b, "\" y2=\"");
		buf_int(b, lround(SY(target)));
		buf_lit(b, "\"/>");
	}
	buf_lit(b, "<polyline points=\"");
	for (int i = 0; i < n; i++) {
		if (i)
			buf_addc(b, ' ');
		point(b, SX(i), SY(v[i]));
	}
	buf_lit(b, "\"/><circle r=\"2.5\" cx=\"");
	buf_int(b, lround(SX(n - 1)));
	buf_lit(b, "\" cy=\"");
	buf_int(b, lround(SY(v[n - 1])));
	buf_lit(b, "\"/></svg>");
#undef SX
#undef SY
}

void svg_chart(buf *b, const struct svg_point *p, int n, bool has_target, double target, bool has_baseline,
               double baseline, const char *unit, long long key)
{
	const double w = 640, h = 240, left = 56, right = 96, top = 16, bottom = 32;
	if (n == 0) {
		buf_lit(b, "<p class=\"muted\">No measurements yet. Record the first one below.</p>");
		return;
	}
	double *vals = xmalloc(sizeof *vals * (size_t)n), extra[2];
	int nextra = 0;
	for (int i = 0; i < n; i++)
		vals[i] = p[i].value;
	if (has_target)
		extra[nextra++] = target;
	if (has_baseline)
		extra[nextra++] = baseline;
	double lo, hi;
	span(vals, n, extra, nextra, &lo, &hi);
	free(vals);
	long d0 = p[0].day, d1 = p[n - 1].day;
	if (d1 == d0)
		d0 -= 1, d1 += 1;
	double pw = w - left - right, ph = h - top - bottom;
#define CX(d) (left + pw * (double)((d) - d0) / (double)(d1 - d0))
#define CY(x) (top + ph - ph * ((x) - lo) / (hi - lo))
	buf_rawf(b, "<svg class=\"chart\" viewBox=\"0 0 %.0f %.0f\" role=\"img\" aria-labelledby=\"chart-title-%lld\">", w, h,
	         key);
	html(b, "<title id=\"chart-title-%lld\">Measurements over time%s%s%s</title>", key, unit && *unit ? " (" : "",
	     unit ? unit : "", unit && *unit ? ")" : "");
	/* axes and the value range */
	buf_rawf(b, "<line class=\"axis\" x1=\"%.0f\" x2=\"%.0f\" y1=\"%.0f\" y2=\"%.0f\"/>", left, w - right, top + ph,
	         top + ph);
	buf_rawf(b, "<line class=\"axis\" x1=\"%.0f\" x2=\"%.0f\" y1=\"%.0f\" y2=\"%.0f\"/>", left, left, top, top + ph);
	buf_rawf(b, "<text class=\"tick\" x=\"%.0f\" y=\"%.0f\" text-anchor=\"end\">", left - 6, top + 4);
	fmt_number(b, hi);
	buf_rawf(b, "</text><text class=\"tick\" x=\"%.0f\" y=\"%.0f\" text-anchor=\"end\">", left - 6, top + ph);
	fmt_number(b, lo);
	buf_lit(b, "</text>");
	html(b, "<text class=\"tick\" x=\"%.0f\" y=\"%.0f\" text-anchor=\"%s\">%s</text>", CX(p[0].day), h - 10,
	     n == 1 || p[n - 1].day == p[0].day ? "middle" : "start", p[0].at);
	if (n > 1 && p[n - 1].day != p[0].day)
		html(b, "<text class=\"tick\" x=\"%.0f\" y=\"%.0f\" text-anchor=\"end\">%s</text>", w - right, h - 10,
		     p[n - 1].at);
	const struct {
		bool on;
		double v;
		const char *cls, *label;
	} lines[] = {{has_target, target, "target", "target"}, {has_baseline, baseline, "baseline", "baseline"}};
	for (size_t i = 0; i < COUNT(lines); i++) {
		if (!lines[i].on)
			continue;
		buf_rawf(b, "<line class=\"%s\" x1=\"%.0f\" x2=\"%.0f\" y1=\"%.1f\" y2=\"%.1f\"/>", lines[i].cls, left,
		         w - right, CY(lines[i].v), CY(lines[i].v));
		buf_rawf(b, "<text class=\"tick %s\" x=\"%.0f\" y=\"%.1f\">%s ", lines[i].cls, w - right + 6,
		         CY(lines[i].v) + 4, lines[i].label);
		fmt_number(b, lines[i].v);
		buf_lit(b, "</text>");
	}
	buf_lit(b, "<polyline class=\"series\" points=\"");
	for (int i = 0; i < n; i++)
		buf_rawf(b, "%s%.1f,%.1f", i ? " " : "", CX(p[i].day), CY(p[i].value));
	buf_lit(b, "\"/>");
	for (int i = 0; i < n; i++) {
		buf_rawf(b, "<circle r=\"3.5\" cx=\"%.1f\" cy=\"%.1f\"><title>", CX(p[i].day), CY(p[i].value));
		html(b, "%s: ", p[i].at);
		fmt_number(b, p[i].value);
		buf_lit(b, "</title></circle>");
	}
	buf_lit(b, "</svg>");
#undef CX
#undef CY
}

static int cmp_double(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;
	return x < y ? -1 : x > y;
}

static double median(const struct svg_dot *d, int n, bool y)
{
	double *v = xmalloc(sizeof *v * (size_t)n);
	for (int i = 0; i < n; i++)
		v[i] = y ? d[i].y : d[i].x;
	qsort(v, (size_t)n, sizeof *v, cmp_double);
	double m = n % 2 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
	free(v);
	return m;
}

/* Does the box x0..x1 × y0..y1 overlap any of the n boxes (x0, x1, y0, y1)? */
static bool box_clash(const double (*boxes)[4], int n, double x0, double x1, double y0, double y1)
{
	for (int k = 0; k < n; k++)
		if (x0 < boxes[k][1] && boxes[k][0] < x1 && y0 < boxes[k][3] && boxes[k][2] < y1)
			return true;
	return false;
}

/* Which quadrant a point is in, named as the chart names it. */
static const char *quadrant_of(double x, double y, double mx, double my)
{
	return y >= my ? (x <= mx ? "Quick win" : "Big bet") : (x <= mx ? "Fill-in" : "Money pit");
}

void svg_scatter(buf *b, const struct svg_dot *d, int n)
{
	const double w = 720, h = 360, left = 56, right = 24, top = 20, bottom = 40, r = 5;
	if (n == 0) {
		buf_lit(b, "<p class=\"muted\">No features with a score to chart.</p>");
		return;
	}
	double xmax = 1, ymax = 1;
	for (int i = 0; i < n; i++)
		xmax = fmax(xmax, d[i].x), ymax = fmax(ymax, d[i].y);
	xmax *= 1.08, ymax *= 1.08;
	double pw = w - left - right, ph = h - top - bottom, mx = median(d, n, false), my = median(d, n, true);
#define PX(v) (left + pw * (v) / xmax)
#define PY(v) (top + ph - ph * (v) / ymax)
	buf_lit(b, "<div class=\"scatter-wrap\">");
	buf_rawf(b,
	         "<svg class=\"scatter\" viewBox=\"0 0 %.0f %.0f\" role=\"img\" aria-labelledby=\"scatter-title\">"
	         "<title id=\"scatter-title\">Value against effort for %d features, numbered as in the table "
	         "beside</title>",
	         w, h, n);
	buf_rawf(b, "<line class=\"axis\" x1=\"%.0f\" x2=\"%.0f\" y1=\"%.0f\" y2=\"%.0f\"/>", left, w - right, top + ph,
	         top + ph);
	buf_rawf(b, "<line class=\"axis\" x1=\"%.0f\" x2=\"%.0f\" y1=\"%.0f\" y2=\"%.0f\"/>", left, left, top, top + ph);
	buf_rawf(b, "<line class=\"median\" x1=\"%.1f\" x2=\"%.1f\" y1=\"%.0f\" y2=\"%.0f\"/>", PX(mx), PX(mx), top,
	         top + ph);
	buf_rawf(b, "<line class=\"median\" x1=\"%.0f\" x2=\"%.0f\" y1=\"%.1f\" y2=\"%.1f\"/>", left, w - right, PY(my),
	         PY(my));
	/* what a number may not cover: the quadrant names, the largest effort's tick, every dot, and the numbers
	 * already placed */
	double (*boxes)[4] = xmalloc(sizeof *boxes * (size_t)(2 * n + 5));
	int nb = 0;
	const struct {
		double x, y;
		const char *anchor, *label;
	} quad[] = {{left + 8, top + 14, "start", "Quick wins"},
	            {w - right - 8, top + 14, "end", "Big bets"},
	            {left + 8, top + ph - 8, "start", "Fill-ins"},
	            {w - right - 8, top + ph - 8, "end", "Money pits"}};
	for (size_t i = 0; i < COUNT(quad); i++) {
		buf_rawf(b, "<text class=\"quadrant\" x=\"%.0f\" y=\"%.0f\" text-anchor=\"%s\">%s</text>", quad[i].x,
		         quad[i].y, quad[i].anchor, quad[i].label);
		double qw = 80, qx = quad[i].anchor[0] == 's' ? quad[i].x : quad[i].x - qw;
		boxes[nb][0] = qx, boxes[nb][1] = qx + qw, boxes[nb][2] = quad[i].y - 12, boxes[nb++][3] = quad[i].y + 3;
	}
	buf_rawf(b, "<text class=\"tick\" x=\"%.0f\" y=\"%.0f\" text-anchor=\"middle\">effort (person-weeks)</text>",
	         left + pw / 2, h - 6);
	buf_rawf(b, "<text class=\"tick\" x=\"14\" y=\"%.0f\" transform=\"rotate(-90 14 %.0f)\" "
	            "text-anchor=\"middle\">value (score)</text>",
	         top + ph / 2, top + ph / 2);
	/* axis ends: 0 and the largest value shown */
	buf_rawf(b, "<text class=\"tick\" x=\"%.0f\" y=\"%.0f\" text-anchor=\"end\">0</text>", left - 6, top + ph);
	buf_rawf(b, "<text class=\"tick\" x=\"%.0f\" y=\"%.0f\" text-anchor=\"end\">", left - 6, top + 10);
	fmt_number(b, floor(ymax));
	buf_rawf(b, "</text><text class=\"tick\" x=\"%.0f\" y=\"%.0f\" text-anchor=\"end\">", w - right, top + ph + 16);
	fmt_number(b, floor(xmax));
	buf_lit(b, "</text>");
	boxes[nb][0] = w - right - 30, boxes[nb][1] = w - right, boxes[nb][2] = top + ph + 4, boxes[nb++][3] = top + ph + 18;
	for (int i = 0; i < n; i++) {
		double x = PX(d[i].x), y = PY(d[i].y);
		boxes[nb][0] = x - r, boxes[nb][1] = x + r, boxes[nb][2] = y - r, boxes[nb++][3] = y + r;
		html(b, "<circle r=\"%.0f\" cx=\"%.1f\" cy=\"%.1f\"><title>%d. %s: value ", r, x, y, i + 1, d[i].label);
		fmt_number(b, d[i].y);
		buf_lit(b, ", effort ");
		fmt_number(b, d[i].x);
		buf_lit(b, "</title></circle>");
	}
	/* each dot's number beside it: the first of eight places around it (then eight farther out, with a
	 * leader line) that covers nothing; a dot with no free place has its number only in the table */
	static const double around[8][2] = {{1, 0}, {-1, 0}, {0, -1}, {0, 1}, {1, -1}, {-1, -1}, {1, 1}, {-1, 1}};
	for (int i = 0; i < n; i++) {
		double x = PX(d[i].x), y = PY(d[i].y), tw = i + 1 >= 100 ? 21 : i + 1 >= 10 ? 14 : 7, th = 11;
		bool placed = false;
		for (int ring = 1; ring <= 2 && !placed; ring++)
			for (int k = 0; k < 8 && !placed; k++) {
				double gap = ring == 1 ? r + 2 : r + 14;
				double cx = x + around[k][0] * (gap + tw / 2), cy = y + around[k][1] * (gap + th / 2);
				double x0 = cx - tw / 2, x1 = cx + tw / 2, y0 = cy - th / 2, y1 = cy + th / 2;
				if (x0 < left + 2 || x1 > w - 4 || y0 < 2 || y1 > h - 20 || /* above the axis title */
				    box_clash((const double (*)[4])boxes, nb, x0, x1, y0, y1))
					continue;
				if (ring == 2)
					buf_rawf(b,
					         "<line class=\"leader\" x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\"/>",
					         x + around[k][0] * r, y + around[k][1] * r, cx - around[k][0] * tw / 2,
					         cy - around[k][1] * th / 2);
				buf_rawf(b,
				         "<text class=\"dot-label\" x=\"%.1f\" y=\"%.1f\" text-anchor=\"middle\">%d</text>",
				         cx, cy + 4, i + 1);
				boxes[nb][0] = x0, boxes[nb][1] = x1, boxes[nb][2] = y0, boxes[nb++][3] = y1;
				placed = true;
			}
	}
	free(boxes);
	buf_lit(b, "</svg>");
	/* the key: every point by its number, linked, with its numbers and quadrant */
	buf_rawf(b,
	         "<div class=\"scatter-key\" role=\"region\" tabindex=\"0\" aria-label=\"The chart's %d features\">"
	         "<table class=\"list compact\"><thead><tr><th scope=\"col\" class=\"num\">#</th>"
	         "<th scope=\"col\">Feature</th><th scope=\"col\" class=\"num\">Value</th>"
	         "<th scope=\"col\" class=\"num\">Effort</th><th scope=\"col\">Quadrant</th></tr></thead><tbody>",
	         n);
	for (int i = 0; i < n; i++) {
		html(b, "<tr><td class=\"num\">%d</td><td><a href=\"/features/%lld\">%s</a></td><td class=\"num\">", i + 1,
		     d[i].id, d[i].label);
		fmt_number(b, d[i].y);
		buf_lit(b, "</td><td class=\"num\">");
		fmt_number(b, d[i].x);
		html(b, "</td><td>%s</td></tr>", quadrant_of(d[i].x, d[i].y, mx, my));
	}
	buf_lit(b, "</tbody></table></div></div>");
#undef PX
#undef PY
}

void svg_history(buf *b, const struct svg_point *p, int n)
{
	/* the line in the left 210 pixels; the latest value is labelled to its right, the lowest above it */
	const double w = 210, h = 56, pad = 6, top = 14;
	if (n == 0) {
		buf_lit(b, "<p class=\"muted\" id=\"history\">No history yet: a point is kept each day the report is "
		           "computed.</p>");
		return;
	}
	int lo = 0, last = n - 1;
	for (int i = 1; i < n; i++)
		if (p[i].value <= p[lo].value) /* the latest of equal lows */
			lo = i;
#define HX(i) (n == 1 ? w / 2 : pad + (w - 2 * pad) * (i) / (n - 1))
#define HY(x) (h - pad - (h - pad - top) * (x) / 100.0) /* 0 to 100, so a drop looks as large as it is */
	buf_lit(b, "<svg class=\"spark history\" id=\"history\" width=\"320\" height=\"56\" viewBox=\"0 0 320 56\" "
	           "role=\"img\" aria-label=\"Health score over ");
	buf_int(b, n);
	buf_raw(b, n == 1 ? " day" : " days");
	buf_lit(b, ": lowest ");
	fmt_number(b, p[lo].value);
	html(b, " on %s, latest ", p[lo].at);
	fmt_number(b, p[last].value);
	buf_lit(b, "\"><polyline points=\"");
	for (int i = 0; i < n; i++) {
		if (i)
			buf_addc(b, ' ');
		point(b, HX(i), HY(p[i].value));
	}
	buf_lit(b, "\"/>");
	/* the lowest point (when it is not the latest) and the latest, each with its value */
	for (int k = 0; k < 2; k++) {
		int i = k ? last : lo;
		if (!k && lo == last)
			continue;
		double x = HX(i);
		buf_lit(b, "<circle r=\"2.5\" cx=\"");
		buf_int(b, lround(x));
		buf_lit(b, "\" cy=\"");
		buf_int(b, lround(HY(p[i].value)));
		buf_raw(b, k ? "\"/><text class=\"label latest\" x=\"" : "\"/><text class=\"label lowest\" x=\"");
		buf_int(b, k ? lround(w + 4) : lround(x));
		buf_lit(b, "\" y=\"");
		buf_int(b, k ? lround(HY(p[i].value) + 4) : 10);
		buf_lit(b, "\" text-anchor=\"");
		buf_raw(b, k ? "start" : x > w * 0.75 ? "end" : x < w * 0.25 ? "start" : "middle");
		buf_lit(b, "\">");
		buf_raw(b, k ? (n == 1 ? "today " : "latest ") : "lowest ");
		fmt_number(b, p[i].value);
		if (k && lo == last && n > 1)
			buf_lit(b, ", lowest");
		buf_lit(b, "</text>");
	}
	buf_lit(b, "</svg>");
#undef HX
#undef HY
}
