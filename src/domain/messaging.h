/* messaging.h — a segment's messaging ladder as a tree: the positioning on top, value props (pillars) under it,
 * benefits under those, features at the bottom; each node with its proof and the status of its features. */
#ifndef TANDEM_MESSAGING_H
#define TANDEM_MESSAGING_H
#include <jansson.h>
#include "platform/db.h"
#include "platform/err.h"

/* {segment: {id, name}, counts: {positioning, value_prop, benefit, feature}, tree: [node]} where a node is {id,
 * level, text, status, persona_id, proof, features: [{id, title, status}], children: [node]}; roots are the messages
 * without a parent, from the top level down (new). NULL with err (404 naming segment_id) for a missing segment. */
json_t *messaging_ladder(db *d, long long segment_id, struct err *err);
/* The segment_id argument of a ladder request (text): 0 with err naming segment_id when missing or no number. */
long long messaging_segment_arg(const char *s, struct err *err);
#endif
