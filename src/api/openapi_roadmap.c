/* openapi_roadmap.c — the OpenAPI schemas of the roadmap and of read-only share links. */
#include "model/share_links.h"
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

/* One property of an object schema: its name and its schema (stolen). */
struct prop {
	const char *name;
	json_t *schema;
};

/* o with these properties added in order; returns o. */
static json_t *add_props(json_t *o, const struct prop *p, size_t n)
{
	for (size_t i = 0; i < n; i++)
		json_object_set_new(o, p[i].name, p[i].schema);
	return o;
}

/* An object schema of the properties in the array p, every one required. */
#define OBJECT_OF(p) openapi_object(add_props(json_object(), (p), COUNT(p)))

static json_t *feature(void)
{
	struct prop p[] = {
	    {"id", openapi_t("integer", "The feature")},
	    {"title", openapi_t("string", "Its title")},
	    {"status", openapi_t("string", "Its status (never declined; merged features are left out)")},
	    {"tier", openapi_tn("string", "The package it ships in: free, pro, enterprise")},
	    {"release_id", openapi_tn("integer", "Its release, when that release is on the roadmap")},
	    {"release", openapi_tn("string", "The release's name")},
	    {"start_date", openapi_tn("string", "Where its bar begins: the previous release's target date (today "
	                                        "minus 14 days for the first), at least 7 days before its end")},
	    {"end_date", openapi_tn("string", "Where its bar ends: its release's target date")},
	    {"lane", openapi_t("string", "The key of its lane")},
	    {"bucket", bucket()},
	    {"goal_id", openapi_tn("integer", "Its highest-weight goal")},
	    {"goal", openapi_tn("string", "That goal's title")},
	    {"persona_id", openapi_tn("integer", "Its first persona")},
	    {"persona", openapi_tn("string", "That persona's name")},
	    {"team", openapi_tn("string", "The team with the largest effort: eng, design or mkt; null when none is "
	                                  "estimated")},
	};
	return OBJECT_OF(p);
}

static json_t *release(void)
{
	struct prop p[] = {
	    {"id", openapi_t("integer", "The release")},
	    {"name", openapi_t("string", "Its name")},
	    {"target_date", openapi_t("string", "Its target date")},
	    {"status", openapi_t("string", "planned, in_progress or shipped (cancelled releases are left out, and "
	                                   "releases shipped more than 90 days ago)")},
	    {"start_date", openapi_t("string", "Where its features' bars begin")},
	    {"feature_ids", ids("Its features on the roadmap")},
	};
	return OBJECT_OF(p);
}

static json_t *lane(void)
{
	struct prop p[] = {
	    {"key", openapi_t("string", "goal-3, goal-none, team-eng, team-none, persona-2, persona-none")},
	    {"label", openapi_t("string", "The goal's title, the team, the persona's name, or No goal, Unestimated, "
	                                  "No persona")},
	    {"id", openapi_tn("integer", "The goal or persona")},
	    {"feature_ids", ids("Its features, by release date then title")},
	};
	return OBJECT_OF(p);
}

static json_t *launch(void)
{
	struct prop p[] = {
	    {"id", openapi_t("integer", "The launch")},
	    {"title", openapi_t("string", "Its title")},
	    {"tier", openapi_t("integer", "1 major, 2 notable, 3 minor")},
	    {"launch_date", openapi_t("string", "When the market hears of it")},
	    {"status", openapi_t("string", "planning, ready or launched (cancelled ones are left out)")},
	    {"release_id", openapi_tn("integer", "Its release")},
	    {"bucket", bucket()},
	    {"before_release", openapi_t("boolean", "Dated before its release's target date, that release not "
	                                            "shipped yet: the market would hear of work not out")},
	};
	return OBJECT_OF(p);
}

static json_t *roadmap(void)
{
	struct prop p[] = {
	    {"today", openapi_t("string", "The day the roadmap was computed for")},
	    {"group", json_pack("{sss[sss]}", "type", "string", "enum", "goal", "team", "persona")},
	    {"filters", openapi_t("object", "The filters applied: goal, segment, persona, tier, launch_tier (null "
	                                    "when not set)")},
	    {"releases", array_of(release())},
	    {"lanes", array_of(lane())},
	    {"features", array_of(feature())},
	    {"launches", array_of(launch())},
	    {"buckets", json_pack("{sss{sososo}}", "type", "object", "properties", "now", ids("Features now"), "next",
	                          ids("Features next"), "later", ids("Features later"))},
	};
	return OBJECT_OF(p);
}

static json_t *share_kind_schema(void)
{
	json_t *e = json_array();
	for (int i = 0; i < share_kinds_count; i++)
		json_array_append_new(e, json_string(share_kinds[i].kind));
	return json_pack("{ssso}", "type", "string", "enum", e);
}

/* A share link: what every link has, then more (the secret when it is made; its state when listed). */
static json_t *share_link(const struct prop *more, size_t n)
{
	struct prop p[] = {
	    {"id", openapi_t("integer", "The link")},
	    {"kind", share_kind_schema()},
	    {"label", openapi_t("string", "Who it is for")},
	    {"created_at", openapi_t("string", "When it was made")},
	};
	return openapi_object(add_props(add_props(json_object(), p, COUNT(p)), more, n));
}

static json_t *share_link_listed(void)
{
	struct prop p[] = {
	    {"created_by", openapi_tn("integer", "The user who made it")},
	    {"revoked_at", openapi_tn("string", "When it was revoked; null while it works")},
	    {"active", openapi_t("boolean", "Not revoked")},
	};
	return share_link(p, COUNT(p));
}

static json_t *share_link_created(void)
{
	struct prop p[] = {
	    {"token", openapi_t("string", "The secret: shown this once, stored only as a hash")},
	    {"path", openapi_t("string", "/share/roadmap/{token}, /share/calendar/{token}.ics or /share/changelog/{token}")},
	    {"url", openapi_tn("string", "The full address, from the request's Host header when it is a plain "
	                                 "host[:port]; else null")},
	};
	return share_link(p, COUNT(p));
}

void openapi_roadmap_schemas(json_t *schemas)
{
	json_object_set_new(schemas, "Roadmap", roadmap());
	json_object_set_new(schemas, "ShareLinks",
	                    json_pack("{sss{s{ssso}s{s[ss]}}s[s]}", "type", "object", "properties", "items", "type",
	                              "array", "items", share_link_listed(), "next_cursor", "type", "null", "string",
	                              "required", "items"));
	json_object_set_new(schemas, "ShareLinkCreated", share_link_created());
}
