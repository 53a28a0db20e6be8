/* openapi_evidence.c — the OpenAPI schemas of evidence links, suggestions, demand concentration and its settings. */
#include "openapi.h"

static json_t *date_n(const char *desc)
{
	return json_pack("{s[ss]ssss}", "type", "string", "null", "format", "date", "description", desc);
}

static json_t *stamp(const char *desc)
{
	return json_pack("{ssssss}", "type", "string", "format", "date-time", "description", desc);
}

static json_t *importance(void)
{
	return json_pack("{sssisiss}", "type", "integer", "minimum", 1, "maximum", 3, "description",
	                 "1 nice to have, 2 important, 3 critical");
}

static json_t *list_of(json_t *item)
{
	return json_pack("{sss{s{ssso}}s[s]}", "type", "object", "properties", "items", "type", "array", "items", item,
	                 "required", "items");
}

static json_t *share(const char *desc)
{
	return json_pack("{sssisiss}", "type", "number", "minimum", 0, "maximum", 1, "description", desc);
}

/* The concentration numbers of one body of demand, added to props. */
static void concentration(json_t *props)
{
	json_object_set_new(props, "demand",
	                    openapi_t("number", "Weighted demand: Σ importance × the ARR factor, 2 decimals"));
	json_object_set_new(props, "top1_share", share("Share of the demand from the largest account"));
	json_object_set_new(props, "top3_share", share("Share of the demand from the 3 largest accounts"));
	json_object_set_new(props, "hhi",
	                    share("Herfindahl index: Σ (account share)²; insights without an account "
	                          "count as spread thin and add nothing"));
	json_object_set_new(props, "unattributed_share", share("Share of the demand from insights without an account"));
	json_object_set_new(props, "account_count", openapi_t("integer", "Accounts with demand"));
	json_object_set_new(
	    props, "accounts",
	    json_pack("{sssoss}", "type", "array", "items",
	              openapi_object(json_pack("{s{ss}s{ss}s{ss}so}", "id", "type", "integer", "name", "type", "string",
	                                       "demand", "type", "number", "share", share("Of the demand"))),
	              "description", "The largest accounts first (10 per feature, 20 overall)"));
}

void openapi_evidence_schemas(json_t *schemas)
{
	json_object_set_new(schemas, "EvidenceLink",
	                    openapi_object(json_pack("{s{ss}s{ss}soso}", "feature_id", "type", "integer", "insight_id",
	                                             "type", "integer", "importance", importance(), "created_at",
	                                             stamp("When the link was made"))));
	json_t *item = json_object();
	json_object_set_new(item, "insight_id", openapi_t("integer", "The insight"));
	json_object_set_new(item, "text", openapi_t("string", "What the customer said or did"));
	json_object_set_new(item, "author", openapi_tn("string", "Who said it"));
	json_object_set_new(
	    item, "source",
	    openapi_t("string", "interview, support, sales, survey, review, analytics, research, other"));
	json_object_set_new(item, "observed_at", date_n("When it was said"));
	json_object_set_new(item, "account_id", openapi_tn("integer", "The customer account"));
	json_object_set_new(item, "account", openapi_tn("string", "The account's name"));
	json_object_set_new(item, "arr", openapi_tn("integer", "The account's annual recurring revenue"));
	json_object_set_new(item, "importance", importance());
	json_object_set_new(item, "weight",
	                    openapi_t("number", "importance × (1 + log10(1 + ARR / 10,000)) when ARR weighting is on"));
	json_object_set_new(item, "linked_at", stamp("When it was linked"));
	json_t *ev = list_of(openapi_object(item));
	json_object_set_new(json_object_get(ev, "properties"), "total",
	                    openapi_t("integer", "Linked insights (items lists 1,000 at most)"));
	json_object_set_new(json_object_get(ev, "properties"), "source_mix",
	                    json_pack("{sss{ss}ss}", "type", "object", "additionalProperties", "type", "integer",
	                              "description", "Linked insights per source, every source listed"));
	json_object_set_new(schemas, "Evidence", ev);

	json_object_set_new(schemas, "InsightFeatures",
	                    list_of(openapi_object(json_pack(
	                        "{s{ss}s{ss}s{ss}sosos{ss}}", "feature_id", "type", "integer", "title", "type",
	                        "string", "status", "type", "string", "period", openapi_tn("string", "Planned for"),
	                        "importance", importance(), "linked_at", "type", "string"))));
	json_object_set_new(schemas, "FeatureSuggestions",
	                    list_of(openapi_object(
	                        json_pack("{s{ss}s{ss}s{ss}sosos{sss{ss}ss}}", "id", "type", "integer", "title", "type",
	                                  "string", "status", "type", "string", "period", openapi_tn("string", "Planned for"),
	                                  "relevance", openapi_t("number", "bm25 relevance, higher is closer"), "matched",
	                                  "type", "array", "items", "type", "string", "description",
	                                  "Why: the words of the insight it matched, as the feature writes them"))));
	json_t *sug = json_object();
	json_object_set_new(sug, "insight_id", openapi_t("integer", "The insight"));
	json_object_set_new(sug, "text", openapi_t("string", "What the customer said or did"));
	json_object_set_new(
	    sug, "snippet_html",
	    openapi_t("string", "Where the feature's words are: HTML, text escaped, matches in <mark>"));
	json_object_set_new(sug, "source", openapi_t("string", "Where it came from"));
	json_object_set_new(sug, "observed_at", date_n("When it was said"));
	json_object_set_new(sug, "account_id", openapi_tn("integer", "The customer account"));
	json_object_set_new(sug, "account", openapi_tn("string", "The account's name"));
	json_object_set_new(sug, "relevance", openapi_t("number", "bm25 relevance, higher is closer"));
	json_object_set_new(sug, "matched",
	                    json_pack("{sss{ss}ss}", "type", "array", "items", "type", "string", "description",
	                              "Why: the feature's words it matched, as the insight writes them (a suggestion whose "
	                              "words are all common among the insights is not made)"));
	json_object_set_new(schemas, "InsightSuggestions", list_of(openapi_object(sug)));
	json_t *match = openapi_object(json_pack(
	    "{s{sss[sss]}sososo}", "type", "type", "string", "enum", "perspective", "principle", "out_of_scope", "index",
	    openapi_t("integer", "1-based within its type, as triage's cites name it (principle:2)"), "text",
	    openapi_t("string", "The statement"), "words",
	    json_pack("{sss{ss}ss}", "type", "array", "items", "type", "string", "description",
	              "Its significant words the request's title or description holds")));
	json_object_set_new(schemas, "Gate", openapi_object(json_pack("{s{ssso}}", "matches", "type", "array", "items", match)));

	json_t *fp = json_pack("{s{ss}s{ss}s{ss}so}", "id", "type", "integer", "title", "type", "string", "status",
	                       "type", "string", "period", openapi_tn("string", "Planned for"));
	concentration(fp);
	json_t *op = json_pack("{so}", "features", openapi_t("integer", "Features in the plan counted"));
	concentration(op);
	json_object_set_new(schemas, "Demand",
	                    openapi_object(json_pack(
	                        "{sosos{sss{ss}}so}", "period", openapi_tn("string", "The period asked for, or null"),
	                        "arr_weighting", openapi_t("boolean", "Whether ARR weights the demand"), "features",
	                        "type", "array", "items", "$ref", "#/components/schemas/DemandFeature", "overall",
	                        json_pack("{ss}", "$ref", "#/components/schemas/DemandOverall"))));
	json_object_set_new(schemas, "DemandFeature", openapi_object(fp));
	json_object_set_new(schemas, "DemandOverall", openapi_object(op));
}
