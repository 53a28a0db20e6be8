/* roadmap_json.c — the assembled roadmap as JSON: releases, lanes and buckets refer to features by id. */
#include "roadmap.h"

static json_t *id_or_null(long long id)
{
	return id ? json_integer(id) : json_null();
}
static json_t *str_or_null(const char *s)
{
	return s ? json_string(s) : json_null();
}

static json_t *feature_json(const struct roadmap *r, const struct rm_feature *x)
{
	const struct rm_release *rel = x->release >= 0 ? &r->releases[x->release] : NULL;
	json_t *o = json_pack("{sIssss}", "id", (json_int_t)x->id, "title", x->title, "status", x->status);
	json_object_set_new(o, "tier", str_or_null(x->tier));
	json_object_set_new(o, "release_id", id_or_null(rel ? rel->id : 0));
	json_object_set_new(o, "release", str_or_null(rel ? rel->name : NULL));
	json_object_set_new(o, "start_date", str_or_null(rel ? rel->start : NULL));
	json_object_set_new(o, "end_date", str_or_null(rel ? rel->target_date : NULL));
	json_object_set_new(o, "lane", json_string(r->lanes[x->lane].key));
	json_object_set_new(o, "bucket", str_or_null(roadmap_bucket_name(x->bucket)));
	json_object_set_new(o, "goal_id", id_or_null(x->goal_id));
	json_object_set_new(o, "goal", str_or_null(x->goal));
	json_object_set_new(o, "persona_id", id_or_null(x->persona_id));
	json_object_set_new(o, "persona", str_or_null(x->persona));
	json_object_set_new(o, "team", str_or_null(roadmap_team_key(x->team)));
	return o;
}

static json_t *filter_json(const struct roadmap_filter *f)
{
	json_t *o = json_object();
	json_object_set_new(o, "goal", id_or_null(f->goal));
	json_object_set_new(o, "segment", id_or_null(f->segment));
	json_object_set_new(o, "persona", id_or_null(f->persona));
	json_object_set_new(o, "tier", str_or_null(f->tier));
	json_object_set_new(o, "launch_tier", id_or_null(f->launch_tier));
	return o;
}

json_t *roadmap_json(const struct roadmap *r)
{
	json_t *rels = json_array(), *lanes = json_array(), *feats = json_array(), *launches = json_array();
	json_t *buckets = json_pack("{s[]s[]s[]}", "now", "next", "later");
	for (int i = 0; i < r->nreleases; i++) {
		const struct rm_release *x = &r->releases[i];
		json_array_append_new(rels, json_pack("{sIsssssssss[]}", "id", (json_int_t)x->id, "name", x->name,
		                                      "target_date", x->target_date, "status", x->status, "start_date",
		                                      x->start, "feature_ids"));
	}
	for (int k = 0; k < r->nlanes; k++) {
		json_t *l = json_pack("{ssss}", "key", r->lanes[k].key, "label", r->lanes[k].label);
		json_object_set_new(l, "id", id_or_null(r->lanes[k].id));
		json_object_set_new(l, "feature_ids", json_array());
		json_array_append_new(lanes, l);
	}
	for (int i = 0; i < r->nfeatures; i++) {
		const struct rm_feature *x = &r->features[i];
		json_array_append_new(feats, feature_json(r, x));
		if (x->release >= 0)
			json_array_append_new(json_object_get(json_array_get(rels, (size_t)x->release), "feature_ids"),
			                      json_integer(x->id));
		json_array_append_new(json_object_get(json_array_get(lanes, (size_t)x->lane), "feature_ids"),
		                      json_integer(x->id));
		if (x->bucket != BUCKET_NONE)
			json_array_append_new(json_object_get(buckets, roadmap_bucket_name(x->bucket)),
			                      json_integer(x->id));
	}
	for (int i = 0; i < r->nlaunches; i++) {
		const struct rm_launch *x = &r->launches[i];
		json_t *o = json_pack("{sIsssIssss}", "id", (json_int_t)x->id, "title", x->title, "tier",
		                      (json_int_t)x->tier, "launch_date", x->launch_date, "status", x->status);
		json_object_set_new(o, "release_id", id_or_null(x->release_id));
		json_object_set_new(o, "bucket", str_or_null(roadmap_bucket_name(x->bucket)));
		json_object_set_new(o, "before_release", json_boolean(x->before_release));
		json_array_append_new(launches, o);
	}
	json_t *out = json_pack("{ssss}", "today", r->today, "group", roadmap_group_name(r->filter.group));
	json_object_set_new(out, "filters", filter_json(&r->filter));
	json_object_set_new(out, "releases", rels);
	json_object_set_new(out, "lanes", lanes);
	json_object_set_new(out, "features", feats);
	json_object_set_new(out, "launches", launches);
	json_object_set_new(out, "buckets", buckets);
	return out;
}
