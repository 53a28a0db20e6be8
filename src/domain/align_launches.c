/* align_launches.c — alignment rules about launches: the conflicts between a launch's date and the
 * product's state (domain/launch.c finds them; each rule reports the conflicts that carry its id). */
#include <stdlib.h>
#include <string.h>
#include "align.h"
#include "launch.h"

void rule_launch_conflict(db *d, struct align_report *r, const struct align_rule *self)
{
	struct launch_settings ls;
	launch_settings_get(d, &ls);
	db_stmt *s = db_q(d, "SELECT id FROM launches WHERE status IN ('planning', 'ready') ORDER BY launch_date, id", "");
	long long *ids = NULL;
	size_t n = 0, cap = 0;
	while (s && db_step(s) == DB_ROW) {
		if (n == cap)
			ids = xrealloc(ids, (cap = cap ? 2 * cap : 16) * sizeof *ids);
		ids[n++] = db_col_int(s, 0);
	}
	db_done(s);
	for (size_t k = 0; k < n; k++) {
		json_t *l = entity_get(d, &launches_entity, ids[k]);
		json_t *found = l ? launch_conflicts(d, l, &ls, r->today) : NULL;
		size_t i;
		json_t *c;
		json_array_foreach(found, i, c)
		{
			if (strcmp(json_string_value(json_object_get(c, "rule")), self->id))
				continue;
			align_add(r, self, "launches", ids[k], json_string_value(json_object_get(l, "title")),
			          json_string_value(json_object_get(c, "message")), json_string_value(json_object_get(c, "hint")));
		}
		json_decref(found), json_decref(l);
	}
	free(ids);
	launch_settings_free(&ls);
}
