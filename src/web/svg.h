/* svg.h — small inline SVG charts drawn on the server: a sparkline for lists, a line chart for a goal. */
#ifndef TANDEM_SVG_H
#define TANDEM_SVG_H
#include <stdbool.h>
#include "platform/buf.h"

struct svg_point {
	long day;        /* days since the epoch (date_days) */
	const char *at;  /* the date as YYYY-MM-DD, for labels */
	double value;
};

/* A 120x28 sparkline of values in order; the target as a dashed line when has_target. */
void svg_sparkline(buf *b, const double *values, int n, bool has_target, double target);
/* A line chart of measurements over time with the target and baseline as labelled lines. */
void svg_chart(buf *b, const struct svg_point *pts, int n, bool has_target, double target, bool has_baseline,
               double baseline, const char *unit);
/* A number for people: whole numbers without decimals, others with at most two. */
void fmt_number(buf *b, double x);
#endif
