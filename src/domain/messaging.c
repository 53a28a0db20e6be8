/* messaging.c — a segment's messages (model/messages.c) arranged as the ladder's tree. */
#include "messaging.h"
#include "model/entity.h"
#include "model/messages.h"
#include "platform/json_get.h"
#include "platform/util.h"

long long messaging_segment_arg(const char *s, struct err *err)
{
	long long id = 0;
	if (str_empty(s))
		return err_invalid(err, "segment_id", "segment_id is required: the ladder is per segment"), 0;
	if (!parse_ll(s, &id) || id <= 0)
		return err_invalid(err, "segment_id", "segment_id must be a segment's id"), 0;
	return id;
}

json_t *messaging_ladder(db *d, long long segment_id, struct err *err)
{
	json_t *seg = entity_get(d, entity_find("segments"), segment_id);
	if (!seg)
		return err_set(err, 404, "not_found", "segment_id", "no segment with id %lld", segment_id), NULL;
	json_t *all = messages_of_segment(d, segment_id), *tree = json_array(), *m;
	json_t *counts = json_pack("{sisisisi}", "positioning", 0, "value_prop", 0, "benefit", 0, "feature", 0);
	size_t i;
	json_array_foreach(all, i, m) json_object_set_new(m, "children", json_array());
	json_array_foreach(all, i, m)
	{
		const char *level = jget_str(m, "level");
		json_object_set_new(counts, level, json_integer(jget_int(counts, level) + 1));
		long long parent = jget_int(m, "parent_id");
		json_t *home = tree, *p;
		size_t k;
		json_array_foreach(all, k, p) if (parent > 0 && jget_int(p, "id") == parent) home = json_object_get(p, "children");
		json_object_del(m, "parent_id");
		json_array_append(home, m);
	}
	json_t *out = json_pack("{s{sIss}soso}", "segment", "id", (json_int_t)segment_id, "name", jget_str(seg, "name"),
	                        "counts", counts, "tree", tree);
	json_decref(all), json_decref(seg);
	return out;
}
