/* align_launches.c — alignment rules about launches: the conflicts between a launch's date and the
 * product's state (domain/launch.c finds them; each rule reports the conflicts that carry its id). */
#include "align.h"
#include "launch.h"
#include "platform/json_get.h"

void rule_launch_conflict(db *d, struct align_report *r, const struct align_rule *self)
{
	json_t *launches = launches_with_conflicts(d, r->today, true, NULL, NULL, 0);
	size_t k, i;
	json_t *l, *c;
	json_array_foreach(launches, k, l)
	{
		json_array_foreach(json_object_get(l, "conflicts"), i, c)
		{
			if (!str_eq(jget_str(c, "rule"), self->id))
				continue;
			align_add(r, self, "launches", jget_int(l, "id"), jget_str(l, "title"), jget_str(c, "message"),
			          jget_str(c, "hint"));
		}
	}
	json_decref(launches);
}
