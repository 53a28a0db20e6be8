/* journey.c — the journey map: stages (by position) across, personas down; in each cell the features that serve
 * that persona at that stage, the persona's messages, and how many of the persona's insights back those features;
 * a cell no feature serves is a gap (the persona's messages, which are not per stage, do not fill it). */
#include "journey.h"
#include <string.h>
#include "model/entity.h"
#include "platform/json_get.h"

json_t *journey_messages_for(db *d, long long persona_id)
{
	json_t *out = json_array();
	db_stmt *s = db_q(d,
	                  "SELECT id, text, level, status FROM messages WHERE persona_id = ? ORDER BY CASE level WHEN "
	                  "'positioning' THEN 0 WHEN 'value_prop' THEN 1 WHEN 'benefit' THEN 2 ELSE 3 END, id",
	                  "i", persona_id);
	while (s && db_step(s) == DB_ROW)
		json_array_append_new(out, json_pack("{sIssssss}", "id", (json_int_t)db_col_int(s, 0), "text", db_col_text(s, 1),
		                                     "level", db_col_text(s, 2), "status", db_col_text(s, 3)));
	db_done(s);
	return out;
}

static bool names(json_t *ids, long long id)
{
	size_t i;
	json_t *it;
	json_array_foreach(ids, i, it) if (json_integer_value(it) == id) return true;
	return false;
}

/* Does a feature count as serving anyone: not declined, not merged into another? */
static bool serving(json_t *f)
{
	return !str_eq(jget_str(f, "status"), "declined") && !json_is_integer(json_object_get(f, "merged_into"));
}

int journey_map(db *d, arena *a, json_t **out, struct err *e)
{
	json_t *stages = NULL, *personas = NULL;
	if (entity_list_all(d, entity_find("journey-stages"), NULL, a, &stages, e) < 0 ||
	    entity_list_all(d, entity_find("personas"), NULL, a, &personas, e) < 0) {
		json_decref(stages);
		return -1;
	}
	const struct entity *fe = entity_find("features");
	size_t ns = json_array_size(stages), i, k;
	json_t **at = arena_alloc(a, (ns + 1) * sizeof *at); /* the features at each stage */
	json_t *st, *p, *ostages = json_array(), *opersonas = json_array(), *cells = json_array();
	json_array_foreach(stages, i, st)
	{
		struct kv filter = {.key = "journey_stage_id", .value = arena_printf(a, "%lld", jget_int(st, "id"))};
		if (entity_list_all(d, fe, &filter, a, &at[i], e) < 0) {
			for (k = 0; k < i; k++)
				json_decref(at[k]);
			json_decref(stages), json_decref(personas), json_decref(ostages), json_decref(opersonas),
			    json_decref(cells);
			return -1;
		}
		json_t *unassigned = json_array(), *f;
		size_t j;
		json_array_foreach(at[i], j, f) if (serving(f) && !json_array_size(json_object_get(f, "persona_ids")))
		    json_array_append_new(unassigned, json_pack("{sOsOsO}", "id", json_object_get(f, "id"), "title",
		                                                json_object_get(f, "title"), "status",
		                                                json_object_get(f, "status")));
		json_array_append_new(ostages, json_pack("{sOsOsOsOsOsOso}", "id", json_object_get(st, "id"), "name",
		                                         json_object_get(st, "name"), "position", json_object_get(st, "position"),
		                                         "persona_id", json_object_get(st, "persona_id"), "touchpoints",
		                                         json_object_get(st, "touchpoints"), "pains",
		                                         json_object_get(st, "pains"), "unassigned_features", unassigned));
	}
	json_array_foreach(personas, k, p)
	{
		long long pid = jget_int(p, "id");
		json_array_append_new(
		    opersonas, json_pack("{sOsOsOsOsI}", "id", json_object_get(p, "id"), "name", json_object_get(p, "name"),
		                         "role", json_object_get(p, "role"), "segment_id", json_object_get(p, "segment_id"),
		                         "insights",
		                         (json_int_t)db_int(d, 0, "SELECT count(*) FROM insights WHERE persona_id = ?", "i", pid)));
		json_array_foreach(stages, i, st)
		{
			long long sid = jget_int(st, "id");
			bool applies = !json_is_integer(json_object_get(st, "persona_id")) || jget_int(st, "persona_id") == pid;
			json_t *features = json_array(), *f;
			size_t j;
			json_array_foreach(at[i], j, f) if (applies && serving(f) && names(json_object_get(f, "persona_ids"), pid))
			    json_array_append_new(features, json_pack("{sOsOsO}", "id", json_object_get(f, "id"), "title",
			                                              json_object_get(f, "title"), "status",
			                                              json_object_get(f, "status")));
			json_t *messages = applies ? journey_messages_for(d, pid) : json_array();
			long long insights =
			    !applies ? 0
			             : db_int(d, 0,
			                      "SELECT count(DISTINCT i.id) FROM insights AS i JOIN feature_insights AS fi ON "
			                      "fi.insight_id = i.id JOIN features AS f ON f.id = fi.feature_id WHERE i.persona_id "
			                      "= ? AND f.journey_stage_id = ?",
			                      "ii", pid, sid);
			bool gap = applies && !json_array_size(features); /* a message is no feature: it promises, it does not serve */
			json_array_append_new(cells, json_pack("{sIsIsbsososIsb}", "stage_id", (json_int_t)sid, "persona_id",
			                                       (json_int_t)pid, "applies", applies, "features", features,
			                                       "messages", messages, "insights", (json_int_t)insights, "gap", gap));
		}
	}
	for (i = 0; i < ns; i++)
		json_decref(at[i]);
	json_decref(stages), json_decref(personas);
	*out = json_pack("{sososo}", "stages", ostages, "personas", opersonas, "cells", cells);
	return 0;
}
