/* related.h — what points at an object: every reference (FT_REF) and link (FT_LINKS) of every kind to another
 * kind, found once from the descriptors at start-up, the two-step paths and full-text mentions described in
 * related.c's table, asked of one object. */
#ifndef TANDEM_RELATED_H
#define TANDEM_RELATED_H
#include <jansson.h>
#include "entity.h"

/* One way a kind points at another: a reference field, a link field's table, two of them in a row (a launch's
 * features that move a goal), or the full text that names the object (insights that mention a competitor). */
struct related_ref {
	const struct entity *from;    /* the kind that points */
	const struct field *field;    /* its FT_REF or FT_LINKS field (the "via"), or the mentions pseudo-field */
	const struct entity *to;      /* the kind pointed at */
	const struct entity *through; /* a two-step path: the kind between (field points at it); NULL otherwise */
	bool mentions;                /* the from objects whose full text names the target (its title's words) */
	/* The pointing objects' id and title, then the columns below where they are not -1, for the target's id
	 * (mentions: for the full-text query made of the target's title). */
	char *sql;
	int col_weight;  /* a weighted link's weight */
	int col_status;  /* the pointing kind's status (an FT_ENUM field named "status") */
	int col_through; /* a path's object between: its id, then its title */
};

/* The most mentions one object lists, newest first. */
enum { RELATED_MENTIONS_MAX = 500 };

/* Start-up, after entity_init: one statement per reference and link of every kind; idempotent. */
void related_init(void);
void related_shutdown(void);
/* The references found (for the schema test). */
int related_count(void);
const struct related_ref *related_at(int i);

/* The longest title an item carries, in characters; a longer one is cut and ends with an ellipsis. */
enum { RELATED_TITLE_MAX = 200 };

/* Every object of every kind that points at object id of kind e, as a new JSON object: one member per kind that
 * can point at e (in the order of entity_all, an empty list when none does), each a list of {id, title, via}
 * (via: the field's name, or "mentions"; weighted links add weight, kinds with a status their status, paths
 * through: {kind, id, title}, the first object between), by field, then heaviest first, then id; an object a
 * path or mention reaches that is in the list already is not repeated. The pointing kind's annotate adds its
 * computed values (a feature's score). NULL when the object does not exist. */
json_t *entity_related(db *d, const struct entity *e, long long id);
#endif
