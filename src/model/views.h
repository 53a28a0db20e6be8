/* views.h — saved views: a named filter and sort of one kind's list, a user's own or shared with everyone. */
#ifndef TANDEM_VIEWS_H
#define TANDEM_VIEWS_H
#include "entity.h"

extern struct entity views_entity;

enum { VIEW_QUERY_MAX = 2000 }; /* characters of a view's query string */

/* Check a view's query string ("linked=false&sort=-observed_at", no '?') against the list of kind: only the
 * arguments that list takes, each of the right form, plus all=1 (the list page's "show everything"); no page
 * position (cursor) or format. On success *canon is the query re-encoded in the arena (empty arguments dropped).
 * -1 with err naming the field "query" (or "kind" for a kind with no list). */
int view_query_check(const char *kind, const char *query, arena *a, const char **canon, struct err *err);
#endif
