/* wins.c — win detection hooked after the changes that can make one: a goal measured at its target (in its
 * direction), a launch that becomes launched, a feature whose success_actual reaches its success_target; each is
 * recorded once (model/wins.c) with its owners to thank. */
#include "wins.h"
#include <stdio.h>
#include "model/features.h"
#include "model/goals.h"
#include "model/launches.h"
#include "model/wins.h"
#include "platform/json_get.h"
#include "platform/util.h"

bool win_reached(json_t *baseline, json_t *target, json_t *value)
{
	if (!json_is_number(target) || !json_is_number(value))
		return false;
	double t = json_number_value(target), v = json_number_value(value);
	bool down = json_is_number(baseline) && json_number_value(baseline) > t;
	return down ? v <= t : v >= t;
}

static long long record(db *d, long long actor, const char *source, long long id, const char *fmt, json_t *obj,
                        const char *o1, const char *o2, struct err *err)
{
	char title[240];
	snprintf(title, sizeof title, fmt, jget_str(obj, "title") ? jget_str(obj, "title") : "");
	json_t *thanks = json_array();
	const char *owners[] = {o1, o2};
	for (size_t i = 0; i < COUNT(owners); i++)
		if (owners[i] && json_is_integer(json_object_get(obj, owners[i])))
			json_array_append(thanks, json_object_get(obj, owners[i]));
	long long r = wins_record(d, actor, source, id, title, thanks, err);
	json_decref(thanks);
	return r;
}

static int goal_won(db *d, long long actor, long long id, json_t *old, json_t *obj, struct err *err)
{
	(void)old;
	if (!win_reached(json_object_get(obj, "baseline"), json_object_get(obj, "target"), json_object_get(obj, "current")))
		return 0;
	return record(d, actor, "goal", id, "Goal met: %s", obj, "pm_owner", "pmm_owner", err) < 0 ? -1 : 0;
}

static int launch_won(db *d, long long actor, long long id, json_t *old, json_t *obj, struct err *err)
{
	if (!str_eq(jget_str(obj, "status"), "launched") || str_eq(jget_str(old, "status"), "launched"))
		return 0;
	return record(d, actor, "launch", id, "Launched: %s", obj, "owner", NULL, err) < 0 ? -1 : 0;
}

static int feature_won(db *d, long long actor, long long id, json_t *old, json_t *obj, struct err *err)
{
	(void)old;
	if (!win_reached(json_object_get(obj, "success_baseline"), json_object_get(obj, "success_target"),
	                 json_object_get(obj, "success_actual")))
		return 0;
	return record(d, actor, "feature", id, "Success target reached: %s", obj, "pm_owner", "pmm_owner", err) < 0 ? -1
	                                                                                                               : 0;
}

void wins_init(void)
{
	goals_entity.after_update = goal_won;
	launches_entity.after_update = launch_won;
	features_entity.after_update = feature_won;
}
