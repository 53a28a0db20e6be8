/* messages.h — the messaging ladder (PRODUCT.md object 9): messages per segment from features up to the
 * positioning, each backed by features, insights and named alternatives; approved by a pm and a pmm. */
#ifndef TANDEM_MESSAGES_H
#define TANDEM_MESSAGES_H
#include "approvals.h"

extern struct entity messages_entity;
extern const struct action messages_approve_action, messages_request_changes_action;
/* The ladder's levels from the bottom: feature 0, benefit 1, value_prop 2, positioning 3; -1 for another word. */
int message_level_rank(const char *level);
/* The level just below (positioning -> value_prop ...), or NULL below feature. */
const char *message_level_below(const char *level);
/* Ladder rules of a message obj (its id, 0 when new): a parent one level up, of the same segment, no cycle, and
 * children (when it has some) still one level down in the same segment. 0, or -1 with err naming parent_id (or
 * level, segment_id, persona_id). The descriptor's check. */
int message_check(db *d, long long id, json_t *obj, struct err *err);
/* How many of the feature ids (a JSON array) are shipped, in progress or planned: what can back a claim. */
long long message_features_backing(db *d, json_t *feature_ids);
/* The messages of a segment for its ladder, by level from the top, then id: [{id, level, text, status, parent_id,
 * persona_id, proof (linked insights), features: [{id, title, status}]}] (new). */
json_t *messages_of_segment(db *d, long long segment_id);
#endif
