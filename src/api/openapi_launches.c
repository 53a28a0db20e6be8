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

}
