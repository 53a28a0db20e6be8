/* openapi_related.c — the answer of GET /api/v1/{kind}/{id}/related for one kind, derived from the references the
 * model found (model/related.c): one member per kind that can point at it, its items' via the fields that do. */
#include "model/related.h"
#include "openapi.h"

/* The items of one pointing kind: {id, title, via[, weight]}, via one of its fields that point at e. */
static json_t *items_schema(const struct entity *from, const struct entity *e)
{
	json_t *vias = json_array(), *weight = NULL;
	bool all_weighted = true;
	for (int i = 0; i < related_count(); i++) {
		const struct related_ref *r = related_at(i);
		if (r->from != from || r->to != e)
			continue;
		json_array_append_new(vias, json_string(r->field->name));
		const struct link *l = r->field->type == FT_LINKS ? r->field->link : NULL;
		if (l && l->weight && !weight)
			weight = json_pack("{sssisiss}", "type", "integer", "minimum", l->wlo, "maximum", l->whi, "description",
			                   "The link's weight (weighted links only)");
		else if (!l || !l->weight)
			all_weighted = false;
	}
	json_t *props = json_pack(
	    "{s{sssiss}s{sssiss}s{sssoss}}", "id", "type", "integer", "minimum", 1, "description", "The pointing object",
	    "title", "type", "string", "maxLength", RELATED_TITLE_MAX, "description",
	    "Its title field, cut to 200 characters with an ellipsis", "via", "type", "string", "enum", vias,
	    "description", "The field or link that points");
	json_t *req = json_pack("[sss]", "id", "title", "via");
	if (weight) {
		json_object_set_new(props, "weight", weight);
		if (all_weighted)
			json_array_append_new(req, json_string("weight"));
	}
	return json_pack("{sss{sssososb}ss}", "type", "array", "items", "type", "object", "properties", props, "required",
	                 req, "additionalProperties", 0, "description",
	                 "The objects of this kind that point at it, by field, heaviest first, then by id");
}

json_t *openapi_related_schema(const struct entity *e)
{
	json_t *props = json_object(), *req = json_array();
	for (int k = 0; k < entity_count; k++)
		for (int i = 0; i < related_count(); i++) {
			const struct related_ref *r = related_at(i);
			if (r->to == e && r->from == entity_all[k]) {
				json_object_set_new(props, r->from->kind, items_schema(r->from, e));
				json_array_append_new(req, json_string(r->from->kind));
				break;
			}
		}
	return json_pack("{sssososbss}", "type", "object", "properties", props, "required", req, "additionalProperties",
	                 0, "description",
	                 "What points at the object: every kind that can, each with the objects that do (maybe none)");
}
