/* owned.c — what a person owns: for every reference to people that names an owner (F_OWNER) in every kind, how
 * many objects name them there; derived from the descriptors, so a new kind's owners count the day it is added. */
#include "owned.h"
#include "entity.h"

json_t *owned_counts(db *d, arena *a, long long user_id)
{
	json_t *out = json_array();
	for (int k = 0; k < entity_count; k++) {
		const struct entity *e = entity_all[k];
		for (int i = 0; i < e->nfields; i++) {
			const struct field *f = &e->fields[i];
			if (!(f->flags & F_OWNER))
				continue;
			/* program-owned names only; the person is bound */
			long long n = db_int(d, 0, arena_printf(a, "SELECT count(*) FROM %s WHERE %s = ?", e->table, f->name),
			                     "i", user_id);
			if (n > 0)
				json_array_append_new(out, json_pack("{sssssssssI}", "kind", e->kind, "kind_label", e->label, "field",
				                                     f->name, "field_label", f->label, "count", (json_int_t)n));
		}
	}
	return out;
}
