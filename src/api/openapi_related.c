/* openapi_related.c — the answer of GET /api/v1/{kind}/{id}/related for one kind, derived from the references the
 * model found (model/related.c): one member per kind that can point at it, its items' via the fields that do. */
#include <string.h>
#include "model/related.h"
#include "openapi.h"

/* The items of one pointing kind: {id, title, via[, weight][, status][, through][, score]}, via one of its ways of
 * pointing at e (fields, paths, mentions). */
static json_t *items_schema(const struct entity *from, const struct entity *e)
{
	json_t *vias = json_array(), *weight = NULL;
	bool all_weighted = true, through = false;
	for (int i = 0; i < related_count(); i++) {
		const struct related_ref *r = related_at(i);
		if (r->from != from || r->to != e)
			continue;
		bool seen = false;
		size_t k;
		json_t *v;
		json_array_foreach(vias, k, v) seen = seen || !strcmp(json_string_value(v), r->field->name);
		if (!seen)
			json_array_append_new(vias, json_string(r->field->name));
		through = through || r->through;
		if (r->col_weight >= 0 && !weight) {
			const struct link *l = r->field->link;
			weight = json_pack("{sssisiss}", "type", "integer", "minimum", l->wlo, "maximum", l->whi, "description",
			                   "The link's weight (weighted links only)");
		} else if (r->col_weight < 0) {
			all_weighted = false;
		}
	}
	json_t *props = json_pack(
	    "{s{sssiss}s{sssiss}s{sssoss}}", "id", "type", "integer", "minimum", 1, "description", "The pointing object",
	    "title", "type", "string", "maxLength", RELATED_TITLE_MAX, "description",
	    "Its title field, cut to 200 characters with an ellipsis", "via", "type", "string", "enum", vias,
	    "description", "The field or link that points (mentions: its text names the object)");
	json_t *req = json_pack("[sss]", "id", "title", "via");
	if (weight) {
		json_object_set_new(props, "weight", weight);
		if (all_weighted)
			json_array_append_new(req, json_string("weight"));
	}
	const struct field *status = entity_field(from, "status");
	if (status && status->type == FT_ENUM) {
		json_t *en = json_array();
		for (const char *const *c = status->choices; *c; c++)
			json_array_append_new(en, json_string(*c));
		json_object_set_new(props, "status", json_pack("{ssso}", "type", "string", "enum", en));
	}
	if (through)
		json_object_set_new(props, "through",
		                    json_pack("{sss{s{ss}s{sssi}s{sssi}}s[sss]sbss}", "type", "object", "properties", "kind",
		                              "type", "string", "id", "type", "integer", "minimum", 1, "title", "type",
		                              "string", "maxLength", RELATED_TITLE_MAX, "required", "kind", "id", "title",
		                              "additionalProperties", 0, "description",
		                              "Reached in two steps: the first object between (a launch's feature that moves "
		                              "the goal)"));
	if (from->annotate && from->virtual_sort)
		json_object_set_new(props, from->virtual_sort, openapi_t("number", "Its computed value (a feature's score)"));
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
