/* journey.h — the journey map: journey stages × personas, each cell what serves that persona at that stage. */
#ifndef TANDEM_JOURNEY_H
#define TANDEM_JOURNEY_H
#include <jansson.h>
#include "platform/arena.h"
#include "platform/db.h"
#include "platform/err.h"

/* The map as a new object: {stages: [{id, name, position, persona_id, touchpoints, pains, unassigned_features}],
 * personas: [{id, name, role, segment_id, insights}], cells: [{stage_id, persona_id, applies, features: [{id, title,
 * status}], messages, insights, gap}]} — stages by position, personas by name, one cell per persona and
 * stage (persona-major). A stage named for one persona applies only to that persona. A cell's features are those
 * at the stage that name the persona (declined and merged ones left out); its insights count the persona's
 * insights linked as evidence to a feature at that stage; messages: the persona's ({id, text, level, status},
 * the positioning first); a cell that applies with no feature is a gap. unassigned_features: features at the stage that name no persona. -1 with e on a failed read. */
int journey_map(db *d, arena *a, json_t **out, struct err *e);

/* The messages for a persona on the map, each {id, level, text}. The messaging ladder is not built yet, so this
 * answers an empty list; it is the one place to fill once the messages kind lands (a new array). */
json_t *journey_messages_for(db *d, long long persona_id);
#endif
