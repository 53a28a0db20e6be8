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
/* A line chart of measurements over time with the target and baseline as labelled lines; key (the goal's id) keeps
 * its title's id unique on a page with several charts. */
void svg_chart(buf *b, const struct svg_point *pts, int n, bool has_target, double target, bool has_baseline,
               double baseline, const char *unit, long long key);
struct svg_dot {
	double x, y;        /* effort (person-weeks), value (score) */
	long long id;
	const char *label;  /* escaped when drawn */
};
/* A value/effort scatter with quadrants split at the medians: quick wins top left, big bets top right,
 * fill-ins bottom left, money pits bottom right. Dots are numbered in the order given (a number that would
 * cover a dot, a label or another number is left off), and a table beside lists every one by its number with
 * a link to /features/{id}, its value, effort and quadrant. The chart is one image: nothing in it is
 * focusable. */
void svg_scatter(buf *b, const struct svg_dot *dots, int n);
/* The health score's history (values 0-100, oldest first) as a 270x56 sparkline, its lowest and latest points
 * labelled with their values. */
void svg_history(buf *b, const struct svg_point *pts, int n);
/* A number for people: whole numbers without decimals, others with at most two. */
void fmt_number(buf *b, double x);
#endif
