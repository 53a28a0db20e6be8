/* choices.c — what a select offers for a reference: active people by name with their role (a deactivated one only
 * when already chosen), a kind's objects by title. */
#include "choices.h"
#include <string.h>
#include "entity.h"

enum { CHOICES_MAX = 2000 };

json_t *owner_choices(db *d, long long extra_id)
{
	json_t *out = json_array();
	db_stmt *s = db_q(d,
	                  "SELECT id, name || ' (' || role || CASE active WHEN 1 THEN ')' ELSE ', deactivated)' END FROM users "
	                  "WHERE (role IN ('pm', 'pmm', 'leader', 'admin') AND active = 1) OR id = ? ORDER BY name",
	                  "i", extra_id);
	while (s && db_step(s) == DB_ROW)
		json_array_append_new(out, json_pack("{sIss}", "id", (json_int_t)db_col_int(s, 0), "label", db_col_text(s, 1)));
	db_done(s);
	return out;
}

json_t *entity_choices(db *d, const char *kind, long long extra_id)
{
	json_t *out = json_array();
	db_stmt *s;
	if (!strcmp(kind, "users")) {
		s = db_q(d,
		         "SELECT id, name || ' (' || role || CASE active WHEN 1 THEN ')' ELSE ', deactivated)' END FROM users "
		         "WHERE active = 1 OR id = ? ORDER BY name",
		         "i", extra_id);
	} else {
		const struct entity *e = entity_find(kind);
		if (!e)
			return out;
		s = db_q(d, e->sql_choices, "ii", (long long)CHOICES_MAX, extra_id);
	}
	while (s && db_step(s) == DB_ROW)
		json_array_append_new(out, json_pack("{sIss}", "id", (json_int_t)db_col_int(s, 0), "label", db_col_text(s, 1)));
	db_done(s);
	return out;
}
