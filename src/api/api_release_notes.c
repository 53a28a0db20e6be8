/* api_release_notes.c — GET /api/v1/releases/{id}/notes (JSON) and /notes.md (Markdown): a release's notes in
 * customer words; and their schema. */
#include "api.h"
#include "app/reply.h"
#include "domain/release_notes.h"
#include "openapi.h"

void api_release_notes(request *rq, response *rs)
{
	struct err e = {0};
	json_t *notes = release_notes(rq->db, rq_id(rq, 0), &e);
	if (!notes)
		return reply_err_json(rs, &e);
	reply_json(rs, 200, notes);
}

void api_release_notes_md(request *rq, response *rs)
{
	struct err e = {0};
	char name[64];
	if (release_notes_file(rq->db, rq_id(rq, 0), &rs->body, name, &e) < 0)
		return reply_err_json(rs, &e);
	reply_file(rq, rs, "text/markdown; charset=utf-8", "inline", name);
}

void openapi_release_notes_schemas(json_t *schemas)
{
	json_t *item = openapi_object(json_pack(
	    "{sosos{s[ss]ss}s{sss[ss]ss}}", "feature_id", openapi_t("integer", "The feature"), "title",
	    openapi_t("string", "Its title"), "text", "type", "string", "null", "description",
	    "What customers read: the approved benefit message, else the feature's description", "from", "type", "string",
	    "enum", "benefit", "feature", "description", "Which of the two the text is"));
	json_t *group = openapi_object(json_pack("{sos{s[ss]ss}s{ssso}}", "segment_id",
	                                         openapi_tn("integer", "The segment (null: for everyone)"), "segment", "type",
	                                         "string", "null", "description", "Its name", "items", "type", "array",
	                                         "items", item));
	json_t *rel = openapi_object(json_pack("{sosososos{s[ss]}}", "id", openapi_t("integer", "The release"), "name",
	                                       openapi_t("string", "Its name"), "status",
	                                       openapi_t("string", "planned, in_progress, shipped or cancelled"),
	                                       "target_date", openapi_tn("string", "Its date"), "description", "type",
	                                       "string", "null"));
	json_object_set_new(schemas, "ReleaseNotes",
	                    openapi_object(json_pack("{sos{ssso}so}", "release", rel, "groups", "type", "array", "items",
	                                             group, "count", openapi_t("integer", "Features told"))));
}
