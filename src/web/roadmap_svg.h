/* roadmap_svg.h — the roadmap drawn for people: the timeline as one self-contained SVG (roadmap_svg.c; inline on
 * pages, alone as a file), the now/next/later board and the table behind the timeline (roadmap_board.c). */
#ifndef TANDEM_ROADMAP_SVG_H
#define TANDEM_ROADMAP_SVG_H
#include "domain/roadmap.h"
#include "platform/buf.h"

/* How much time the timeline's fitting width shows: three months, six or twelve. */
enum roadmap_zoom { ZOOM_QUARTER, ZOOM_HALF, ZOOM_YEAR, ZOOM__MAX };
const char *roadmap_zoom_name(enum roadmap_zoom z);  /* "quarter", "half", "year" */
const char *roadmap_zoom_label(enum roadmap_zoom z); /* "Quarter", "Half", "Year" */
int roadmap_zoom_parse(const char *s);               /* the zoom of a name; -1 for another string */
/* The closest zoom that shows the whole roadmap in the fitting width (a year when even that is too short). */
enum roadmap_zoom roadmap_zoom_fit(const struct roadmap *r);

/* The timeline: a month axis, a lane per group with feature bars, releases as dashed lines, today's line
 * under every label, launches as diamonds (a warning mark on one dated before its release ships), a legend.
 * At a zoom, its months fill a width that fits the page; more content makes it wider (ZOOM__MAX: the zoom
 * that fits). Colours are presentation attributes (no CSS needed); every label is escaped; role="img" with a
 * summary as its label, and a <title> on every bar, marker and milestone. */
void roadmap_svg(buf *b, const struct roadmap *r, enum roadmap_zoom zoom);

/* roadmap_board.c — links: features and launches link to their pages (false at a share link). */
/* Feature statuses for people: the label and the bar colour, ending with a NULL status. */
struct roadmap_status {
	const char *status, *label, *fill;
};
extern const struct roadmap_status roadmap_statuses[];
const char *roadmap_status_label(const char *status); /* "In progress"; an unknown status as it is */
const char *roadmap_status_fill(const char *status);  /* "#a15c00"; grey for an unknown one */
/* s escaped, cut to at most max characters (code points) with "…" when longer. */
void text_fit(buf *b, const char *s, int max);
/* Now, next and later as three columns of cards (features and launches); shipped work is left out. */
void roadmap_board(buf *b, const struct roadmap *r, bool links);
/* The timeline as tables (features by lane, launches), for screen readers and for copying. */
void roadmap_table(buf *b, const struct roadmap *r, bool links);
#endif
