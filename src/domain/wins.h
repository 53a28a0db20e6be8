/* wins.h — win detection: when a goal, a launch or a feature has just been won, in the transaction of the change. */
#ifndef TANDEM_DOMAIN_WINS_H
#define TANDEM_DOMAIN_WINS_H
#include <jansson.h>
#include <stdbool.h>

/* Has value reached target in the direction the baseline sets: a target below the baseline is met by going down
 * (value <= target), any other (or no baseline, a JSON null) by going up (value >= target). False when value or
 * target is not a number. */
bool win_reached(json_t *baseline, json_t *target, json_t *value);

/* Start-up: hook the detection into goals (a measurement), launches and features (an update). */
void wins_init(void);
#endif
