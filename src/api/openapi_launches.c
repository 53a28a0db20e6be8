/* openapi_launches.c — the OpenAPI schemas of a launch's readiness, rescheduling a release, and the
 * launch settings. */
#include "openapi.h"

static json_t *date(const char *desc)
{
	return json_pack("{ssssss}", "type", "string", "format", "date", "description", desc);
}

static json_t *percent(const char *desc, bool nullable)
{
	return nullable ? json_pack("{s[ss]sisiss}", "type", "integer", "null", "minimum", 0, "maximum", 100,
	                            "description", desc)
	                : json_pack("{sssisiss}", "type", "integer", "minimum", 0, "maximum", 100, "description", desc);
}

static json_t *settings_props(void)
{
	json_t *days = json_pack("{sssisi}", "type", "integer", "minimum", 0, "maximum", 365);
	json_t *item = openapi_object(json_pack("{s{sssi}s{ss}so}", "item", "type", "string", "maxLength", 200,
	                                        "owner_role", "type", "string", "days_before", json_deep_copy(days)));
	json_t *tmpl = json_pack("{sssosi}", "type", "array", "items", item, "maxItems", 30);
	json_t *out = json_pack("{s{sss{sOsOsO}sb}sos{sss{sOsOsO}sbss}}", "lead_days", "type", "object", "properties",
	                        "1", days, "2", days, "3", days, "additionalProperties", 0, "ready_threshold",
	                        percent("Readiness a launch needs inside its lead time", false), "checklist", "type",
	                        "object", "properties", "1", tmpl, "2", tmpl, "3", tmpl, "additionalProperties", 0,
	                        "description", "Items a new launch of the tier gets, each due days_before its date");
	json_decref(days), json_decref(tmpl);
	return out;
}

void openapi_launch_schemas(json_t *schemas)
{
	json_t *conflict = openapi_object(json_pack("{s{ss}s{sss[sss]}s{ss}s{ss}}", "rule", "type", "string",
	                                            "severity", "type", "string", "enum", "error", "warning", "info",
	                                            "message", "type", "string", "hint", "type", "string"));
	json_object_set_new(schemas, "Readiness",
	                    openapi_object(json_pack(
	                        "{sosososos{sss{ss}}s{sssoss}}", "launch_id", openapi_t("integer", "The launch"),
	                        "readiness", percent("Mean of the parts that exist", false), "features",
	                        percent("Mean feature readiness (shipped counts 100)", true), "checklist",
	                        percent("Share of checklist items done", true), "missing", "type", "array", "items",
	                        "type", "string", "conflicts", "type", "array", "items", conflict, "description",
	                        "launch-before-release, launch-not-ready, launch-date-passed, "
	                        "activity-after-launch, launch-feature-not-in-release, "
	                        "checklist-overdue")));
	json_t *moved = openapi_object(json_pack("{s{ss}s{ss}sososo}", "id", "type", "integer", "title", "type",
	                                         "string", "launch_date", date("Its date now"), "new_date",
	                                         date("Its date moved by the delta"), "version",
	                                         openapi_t("integer", "Its version")));
	json_t *prev = json_pack("{sosososos{sss{ss}}so}", "release_id", openapi_t("integer", "The release"), "from",
	                         date("Its target date now"), "to", date("The new target date"), "delta_days",
	                         openapi_t("integer", "Days moved, negative when earlier"), "launches", "type", "array",
	                         "items", "$ref", "#/components/schemas/MovedLaunch", "version",
	                         openapi_t("integer", "The release's version"));
	json_t *done = json_deep_copy(prev);
	json_object_set_new(done, "moved_launches",
	                    openapi_t("boolean", "Whether the launches were moved (else the list is empty)"));
	json_object_set_new(done, "release", json_pack("{ss}", "$ref", "#/components/schemas/Release"));
	json_object_set_new(schemas, "MovedLaunch", moved);
	json_object_set_new(schemas, "ReschedulePreview", openapi_object(prev));
	json_object_set_new(schemas, "Rescheduled", openapi_object(done));
	json_object_set_new(schemas, "LaunchSettings", openapi_object(settings_props()));
	json_object_set_new(schemas, "LaunchSettingsInput",
	                    json_pack("{sssosisb}", "type", "object", "properties", settings_props(), "minProperties",
	                              1, "additionalProperties", 0));
}
