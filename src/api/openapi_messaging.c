/* openapi_messaging.c — the OpenAPI schemas of a segment's messaging ladder (a tree of nodes) and a message's lint. */
#include "openapi.h"
#include "platform/util.h"

static json_t *levels(void)
{
	return json_pack("{sss[ssss]}", "type", "string", "enum", "feature", "benefit", "value_prop", "positioning");
}

static json_t *node(void)
{
	json_t *feature = openapi_object(json_pack(
		"{sososo}", "id", openapi_t("integer", "The feature"), "title", openapi_t("string", "Its title"), "status",
		openapi_t("string", "Its status: new, triage, accepted, planned, in_progress, shipped or declined")));
	return openapi_object(json_pack(
		"{sosososososos{ssso}s{ss}}", "id", openapi_t("integer", "The message"), "level", levels(), "text",
		openapi_t("string", "The claim"), "status",
		json_pack("{sss[sss]}", "type", "string", "enum", "draft", "in_review", "approved"), "persona_id",
		openapi_tn("integer", "Its persona, if any"), "proof", openapi_t("integer", "How many insights prove it"),
		"features", "type", "array", "items", feature, "children", "$ref",
		"#/components/schemas/MessagingNodes"));
}

void openapi_messaging_schemas(json_t *schemas)
{
	json_object_set_new(schemas, "MessagingNode", node());
	json_object_set_new(schemas, "MessagingNodes",
	                    json_pack("{sss{ss}ss}", "type", "array", "items", "$ref", "#/components/schemas/MessagingNode",
	                              "description", "The messages one level down that support it"));
	json_t *counts = openapi_object(json_pack("{sosososo}", "positioning", openapi_t("integer", "Positionings"),
	                                          "value_prop", openapi_t("integer", "Value props (pillars)"), "benefit",
	                                          openapi_t("integer", "Benefits"), "feature",
	                                          openapi_t("integer", "Feature messages")));
	json_object_set_new(
	    schemas, "Messaging",
	    openapi_object(json_pack("{sososo}", "segment",
	                             openapi_object(json_pack("{soso}", "id", openapi_t("integer", "The segment"), "name",
	                                                      openapi_t("string", "Its name"))),
	                             "counts", counts, "tree",
	                             json_pack("{sss{ss}ss}", "type", "array", "items", "$ref",
	                                       "#/components/schemas/MessagingNode", "description",
	                                       "The messages without a parent, from the top level down"))));
	json_t *problem = openapi_object(json_pack(
		"{sososo}", "part", openapi_t("string", "The field at fault (text, benefit, unlike, differentiator, insight_ids, …)"),
		"rule",
		json_pack("{sss[ssss]}", "type", "string", "enum", "superlative", "unlike-not-named", "differentiator-unbacked",
		          "claim-without-proof"),
		"message", openapi_t("string", "What is wrong, and what to do")));
	json_object_set_new(schemas, "MessageLint",
	                    openapi_object(json_pack("{s{sssoss}}", "problems", "type", "array", "items", problem,
	                                             "description", "Empty when the message passes every rule")));
}
