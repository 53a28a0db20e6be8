/* owned.h — what a person owns, counted per kind and owner field. */
#ifndef TANDEM_OWNED_H
#define TANDEM_OWNED_H
#include <jansson.h>
#include "platform/arena.h"
#include "platform/db.h"
/* [{"kind", "kind_label", "field", "field_label", "count"}] for every owner field naming the user at least once, in
 * the order of the kinds and their fields. */
json_t *owned_counts(db *d, arena *a, long long user_id);
#endif
