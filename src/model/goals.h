/* goals.h — goals: the descriptor, measurements, target changes with a reason, reviews. */
#ifndef TANDEM_GOALS_H
#define TANDEM_GOALS_H
#include <jansson.h>
#include "entity.h"

extern struct entity goals_entity;

/* Record a measurement {at, value, source}; updates the goal's current value. Returns the id. */
long long goal_measure(db *d, long long actor, long long goal_id, json_t *input, struct err *e);
/* Measurements oldest first, as a new array of {id, at, value, source}. NULL when no such goal. */
json_t *goal_measurements(db *d, long long goal_id);
/* Change the target: {target, reason, version?}. */
int goal_change_target(db *d, long long actor, long long goal_id, json_t *input, struct err *e);
/* Target changes, newest first: {id, old_target, new_target, reason, changed_by, changed_at}. */
json_t *goal_target_changes(db *d, long long goal_id);
/* Mark reviewed now. */
int goal_mark_reviewed(db *d, long long actor, long long goal_id, struct err *e);
#endif
