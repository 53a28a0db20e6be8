/* openapi_roadmap.c — the OpenAPI schemas of the roadmap and of read-only share links. */
#include "openapi.h"

static json_t *ids(const char *desc)
{
	return json_pack("{sss{ss}ss}", "type", "array", "items", "type", "integer", "description", desc);
}
static json_t *bucket(void)
{
	return json_pack(
	    "{s[ss]s[sssn]ss}", "type", "string", "null", "enum", "now", "next", "later", "description",
	    "now: in progress, or due within 6 weeks (overdue too); next: the 13 weeks after; later: beyond, "
	    "or no release; null: shipped (on the timeline only)");
}

static json_t *array_of(json_t *item)
{
	return json_pack("{ssso}", "type", "array", "items", item);
}

static json_t *feature(void)
{
	json_t *p = json_object();
	json_object_set_new(p, "id", openapi_t("integer", "The feature"));
	json_object_set_new(p, "title", openapi_t("string", "Its title"));
	json_object_set_new(p, "status",
	                    openapi_t("string", "Its status (never declined; merged features are left out)"));
	json_object_set_new(p, "tier", openapi_tn("string", "The package it ships in: free, pro, enterprise"));
	json_object_set_new(p, "release_id", openapi_tn("integer", "Its release, when that release is on the roadmap"));
	json_object_set_new(p, "release", openapi_tn("string", "The release's name"));
	json_object_set_new(p, "start_date",
	                    openapi_tn("string", "Where its bar begins: the previous release's target date (today "
	                                         "minus 14 days for the first), at least 7 days before its end"));
	json_object_set_new(p, "end_date", openapi_tn("string", "Where its bar ends: its release's target date"));
	json_object_set_new(p, "lane", openapi_t("string", "The key of its lane"));
	json_object_set_new(p, "bucket", bucket());
	json_object_set_new(p, "goal_id", openapi_tn("integer", "Its highest-weight goal"));
	json_object_set_new(p, "goal", openapi_tn("string", "That goal's title"));
	json_object_set_new(p, "persona_id", openapi_tn("integer", "Its first persona"));
	json_object_set_new(p, "persona", openapi_tn("string", "That persona's name"));
	json_object_set_new(p, "team",
	                    openapi_tn("string", "The team with the largest effort: eng, design or mkt; null when none "
	                                         "is estimated"));
	return openapi_object(p);
}

static json_t *roadmap(void)
{
	json_t *rel = json_object(), *lane = json_object(), *launch = json_object(), *p = json_object();
	json_object_set_new(rel, "id", openapi_t("integer", "The release"));
	json_object_set_new(rel, "name", openapi_t("string", "Its name"));
	json_object_set_new(rel, "target_date", openapi_t("string", "Its target date"));
	json_object_set_new(rel, "status",
	                    openapi_t("string", "planned, in_progress or shipped (cancelled releases are left out, "
	                                        "and releases shipped more than 90 days ago)"));
	json_object_set_new(rel, "start_date", openapi_t("string", "Where its features' bars begin"));
	json_object_set_new(rel, "feature_ids", ids("Its features on the roadmap"));
	json_object_set_new(lane, "key",
	                    openapi_t("string", "goal-3, goal-none, team-eng, team-none, persona-2, persona-none"));
	json_object_set_new(lane, "label",
	                    openapi_t("string", "The goal's title, the team, the persona's name, or No goal, "
	                                        "Unestimated, No persona"));
	json_object_set_new(lane, "id", openapi_tn("integer", "The goal or persona"));
	json_object_set_new(lane, "feature_ids", ids("Its features, by release date then title"));
	json_object_set_new(launch, "id", openapi_t("integer", "The launch"));
	json_object_set_new(launch, "title", openapi_t("string", "Its title"));
	json_object_set_new(launch, "tier", openapi_t("integer", "1 major, 2 notable, 3 minor"));
	json_object_set_new(launch, "launch_date", openapi_t("string", "When the market hears of it"));
	json_object_set_new(launch, "status",
	                    openapi_t("string", "planning, ready or launched (cancelled ones are left out)"));
	json_object_set_new(launch, "release_id", openapi_tn("integer", "Its release"));
	json_object_set_new(launch, "bucket", bucket());
	json_object_set_new(p, "today", openapi_t("string", "The day the roadmap was computed for"));
	json_object_set_new(p, "group", json_pack("{sss[sss]}", "type", "string", "enum", "goal", "team", "persona"));
	json_object_set_new(p, "filters",
	                    openapi_t("object", "The filters applied: goal, segment, persona, tier, launch_tier "
	                                        "(null when not set)"));
	json_object_set_new(p, "releases", array_of(openapi_object(rel)));
	json_object_set_new(p, "lanes", array_of(openapi_object(lane)));
	json_object_set_new(p, "features", array_of(feature()));
	json_object_set_new(p, "launches", array_of(openapi_object(launch)));
	json_object_set_new(p, "buckets",
	                    json_pack("{sss{sososo}}", "type", "object", "properties", "now", ids("Features now"),
	                              "next", ids("Features next"), "later", ids("Features later")));
	return openapi_object(p);
}

static json_t *share_link(bool created)
{
	json_t *p = json_object();
	json_object_set_new(p, "id", openapi_t("integer", "The link"));
	json_object_set_new(p, "kind", json_pack("{sss[ss]}", "type", "string", "enum", "roadmap", "calendar"));
	json_object_set_new(p, "label", openapi_t("string", "Who it is for"));
	json_object_set_new(p, "created_at", openapi_t("string", "When it was made"));
	if (created) {
		json_object_set_new(p, "token",
		                    openapi_t("string", "The secret: shown this once, stored only as a hash"));
		json_object_set_new(p, "path",
		                    openapi_t("string", "/share/roadmap/{token} or /share/calendar/{token}.ics"));
		json_object_set_new(p, "url",
		                    openapi_tn("string",
		                               "The full address, from the request's Host header when it is a "
		                               "plain host[:port]; else null"));
	} else {
		json_object_set_new(p, "created_by", openapi_tn("integer", "The user who made it"));
		json_object_set_new(p, "revoked_at", openapi_tn("string", "When it was revoked; null while it works"));
		json_object_set_new(p, "active", openapi_t("boolean", "Not revoked"));
	}
	return openapi_object(p);
}

void openapi_roadmap_schemas(json_t *schemas)
{
	json_object_set_new(schemas, "Roadmap", roadmap());
	json_object_set_new(schemas, "ShareLinks",
	                    json_pack("{sss{s{ssso}s{s[ss]}}s[s]}", "type", "object", "properties", "items", "type",
	                              "array", "items", share_link(false), "next_cursor", "type", "null", "string",
	                              "required", "items"));
	json_object_set_new(schemas, "ShareLinkCreated", share_link(true));
	json_object_set_new(schemas, "ShareLinkInput",
	                    json_pack("{sss{s{sss[ss]}s{sssiss}}s[s]sb}", "type", "object", "properties", "kind",
	                              "type", "string", "enum", "roadmap", "calendar", "label", "type", "string",
	                              "maxLength", 120, "description",
	                              "Who it is for (default: Roadmap link, Calendar feed)", "required", "kind",
	                              "additionalProperties", 0));
}
