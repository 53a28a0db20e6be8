/* api_prfaq.c — the PMM's documents from the data: a PR/FAQ as Markdown, a competitor's battlecard, the journey
 * map; and their answer schemas. */
#include "api.h"
#include "app/reply.h"
#include "domain/battlecard.h"
#include "domain/journey.h"
#include "domain/prfaq.h"
#include "model/entity.h"
#include "openapi.h"

void api_prfaq_markdown(request *rq, response *rs)
{
	char today[11], name[128];
	today_ymd(today);
	struct err e = {0};
	if (prfaq_markdown(rq->db, rq_id(rq, 0), today, &rs->body, &e) < 0) {
		buf_reset(&rs->body);
		return reply_err_json(rs, &e);
	}
	prfaq_filename(rq_id(rq, 0), entity_ref_label(rq->db, rq->a, "prfaqs", rq_id(rq, 0)), name, sizeof name);
	/* the name holds only ASCII letters, digits, dashes and dots: safe inside the quotes */
	reply_file(rq, rs, "text/markdown; charset=utf-8", "inline", name);
}

void api_competitor_battlecard(request *rq, response *rs)
{
	struct err e = {0};
	json_t *card = battlecard_get(rq->db, rq_id(rq, 0), &e);
	if (!card)
		return reply_err_json(rs, &e);
	reply_json(rs, 200, card);
}

void api_journey(request *rq, response *rs)
{
	struct err e = {0};
	json_t *map;
	if (journey_map(rq->db, rq->a, &map, &e) < 0)
		return reply_err_json(rs, &e);
	reply_json(rs, 200, map);
}

static json_t *ref_to(const char *name) { return json_pack("{ss}", "$ref", name); }

/* An insight as the battlecard quotes it. */
static json_t *quoted_insight(void)
{
	return openapi_object(json_pack("{sososososo}", "id", openapi_t("integer", "The insight"), "text",
	                                openapi_t("string", "What the customer said"), "source",
	                                openapi_t("string", "interview, support, sales, …"), "observed_at",
	                                openapi_tn("string", "When it was heard (YYYY-MM-DD)"), "account",
	                                openapi_tn("string", "The account's name")));
}

static json_t *item_ref(const char *desc)
{
	return json_pack("{sssoss}", "type", "array", "items", ref_to("#/components/schemas/QuotedInsight"),
	                 "description", desc);
}

/* A feature as the battlecard and the journey map name it. */
static json_t *feature_schema(void)
{
	return openapi_object(json_pack("{sososo}", "id", openapi_t("integer", "The feature"), "title",
	                                openapi_t("string", "Its title"), "status", openapi_t("string", "Its status")));
}

void openapi_prfaq_schemas(json_t *schemas)
{
	json_object_set_new(schemas, "QuotedInsight", quoted_insight());
	json_t *objection = openapi_object(json_pack(
	    "{sosososo}", "id", openapi_t("integer", "The objection"), "objection",
	    openapi_t("string", "What the buyer says"), "answer", openapi_tn("string", "What to say back"), "proof",
	    item_ref("The insights that back the answer")));
	json_t *competitor = openapi_object(json_pack(
	    "{sosososososo}", "id", openapi_t("integer", "The competitor"), "name", openapi_t("string", "Its name"),
	    "positioning", openapi_tn("string", "How they position"), "strengths", openapi_tn("string", "Their strengths"),
	    "weaknesses", openapi_tn("string", "Their weaknesses"), "landmines",
	    openapi_tn("string", "Questions to plant that their weaknesses answer badly")));
	json_t *win = json_pack(
	    "{sssoss}", "type", "array", "items",
	    openapi_object(json_pack("{sosososososo}", "message_id", openapi_t("integer", "The positioning message"), "text",
	                             openapi_t("string", "Its text"), "differentiator",
	                             openapi_t("string", "What sets us apart (empty when not written)"), "status",
	                             openapi_t("string", "draft, in_review or approved"), "segment",
	                             openapi_t("string", "The segment it positions for"), "features",
	                             json_pack("{ssso}", "type", "array", "items", feature_schema()))),
	    "description", "Our differentiators against them: the positioning that names them, approved first");
	json_object_set_new(
	    schemas, "Battlecard",
	    openapi_object(json_pack(
	        "{sosos{ssso}sososo}", "competitor", competitor, "why_we_win", win, "objections", "type", "array", "items",
	        objection, "mentions", item_ref("Insights that mention the competitor by name (full text), newest first"),
	        "mentions_total", openapi_t("integer", "How many insights mention them in all"), "updated_at",
	        json_pack("{ssssss}", "type", "string", "format", "date-time", "description",
	                  "The latest change of the competitor or one of its objections"))));
	json_t *feature = feature_schema();
	json_t *features = json_pack("{ssso}", "type", "array", "items", feature);
	json_t *stage = openapi_object(json_pack(
	    "{sososososososo}", "id", openapi_t("integer", "The journey stage"), "name", openapi_t("string", "Its name"),
	    "position", openapi_t("integer", "Its place, 1 first"), "persona_id",
	    openapi_tn("integer", "The persona it is for; null: every persona"), "touchpoints",
	    openapi_tn("string", "Where the customer meets us"), "pains", openapi_tn("string", "What hurts there"),
	    "unassigned_features", json_pack("{sssOss}", "type", "array", "items", feature, "description",
	                                     "Features at this stage that name no persona")));
	json_t *persona = openapi_object(json_pack(
	    "{sososososo}", "id", openapi_t("integer", "The persona"), "name", openapi_t("string", "Its name"), "role",
	    openapi_tn("string", "Job title or function"), "segment_id", openapi_tn("integer", "Its segment"), "insights",
	    openapi_t("integer", "Insights from this persona")));
	json_t *cell = openapi_object(json_pack(
	    "{sososososososo}", "stage_id", openapi_t("integer", "The stage (column)"), "persona_id",
	    openapi_t("integer", "The persona (row)"), "applies",
	    openapi_t("boolean", "false when the stage is another persona's"), "features", features, "messages",
	    json_pack("{sssoss}", "type", "array", "items",
	              openapi_object(json_pack("{sosososo}", "id", openapi_t("integer", "The message"), "text",
	                                       openapi_t("string", "Its text"), "level",
	                                       openapi_t("string", "feature, benefit, value_prop or positioning"), "status",
	                                       openapi_t("string", "draft, in_review or approved"))),
	              "description", "The persona's messages, the positioning first"),
	    "insights",
	    openapi_t("integer", "The persona's insights linked as evidence to features at this stage"), "gap",
	    openapi_t("boolean", "Applies, and no feature serves it")));
	json_object_set_new(schemas, "JourneyMap",
	                    openapi_object(json_pack("{s{ssso}s{ssso}s{ssso}}", "stages", "type", "array", "items", stage,
	                                             "personas", "type", "array", "items", persona, "cells", "type",
	                                             "array", "items", cell)));
}
