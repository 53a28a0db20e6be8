/* related.h — what points at an object: every reference (FT_REF) and link (FT_LINKS) of every kind to another
 * kind, found once from the descriptors at start-up, and asked of one object. */
#ifndef TANDEM_RELATED_H
#define TANDEM_RELATED_H
#include <jansson.h>
#include "entity.h"

/* One way a kind points at another: a reference field, or a link field's table. */
struct related_ref {
	const struct entity *from; /* the kind that points */
	const struct field *field; /* its FT_REF or FT_LINKS field (the "via") */
	const struct entity *to;   /* the kind pointed at */
	char *sql;                 /* the pointing objects' id and title (and the link's weight) for the target's id */
};

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
 * (via: the field's name; weighted links add weight), by field, then heaviest first, then id. NULL when the
 * object does not exist. */
json_t *entity_related(db *d, const struct entity *e, long long id);
#endif
