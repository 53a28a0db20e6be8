/* gate.h — the strategy statements a request touches, for the perspective gate. */
#ifndef TANDEM_GATE_H
#define TANDEM_GATE_H
#include <jansson.h>
#include "platform/db.h"
#include "platform/err.h"
/* {"matches": [{"type": "perspective"|"principle"|"out_of_scope", "index" (1-based within its type, as triage's
 * cites name it), "text", "words": the statement's significant words the feature's title or description holds}]},
 * in the strategy's order; NULL with e (404 naming "feature") when there is no such feature. */
json_t *feature_gate(db *d, long long id, struct err *e);
#endif
