/* strategy.h — the workspace's one strategy: vision, perspective, principles, out of scope; versioned. */
#ifndef TANDEM_STRATEGY_H
#define TANDEM_STRATEGY_H
#include <jansson.h>
#include "entity.h"

extern struct entity strategy_entity; /* described like any kind; served at /api/v1/strategy */

json_t *strategy_get(db *d);          /* new object */
/* Replace the fields given in input, checking version; writes a revision. */
int strategy_put(db *d, long long actor, json_t *input, long long version, struct err *e);
/* Every version, newest first: {version, vision, perspective, principles, out_of_scope, changed_by_name, changed_at}. */
json_t *strategy_revisions(db *d);
#endif
