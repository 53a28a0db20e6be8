/* goals.h — goals: the descriptor, measurements, target changes with a reason, reviews. */
#ifndef TANDEM_GOALS_H
#define TANDEM_GOALS_H
#include <jansson.h>
#include "action.h"

extern struct entity goals_entity;

/* The goal's own actions (model/action.h): measure {at, value, source} (the current value follows the latest
 * measurement), target {target, reason} with the version (the change kept with its reason), review. */
extern const struct action goal_measure_action, goal_target_action, goal_review_action, goal_link_feature_action;
/* Measurements oldest first, as a new array of {id, at, value, source}. NULL when no such goal. */
json_t *goal_measurements(db *d, long long goal_id);
/* Target changes, newest first: {id, old_target, new_target, reason, changed_by, changed_at}. */
json_t *goal_target_changes(db *d, long long goal_id);
/* The measurements of goals lo..hi, by goal then date, as two arrays in the arena (goal ids, values); the count. */
size_t goal_trends(db *d, arena *a, long long lo, long long hi, long long **goal, double **value);
#endif
