/* api_import.c — POST /api/v1/insights/import: a text/csv body imported as insights, and its OpenAPI schema. */
#include <string.h>
#include "api.h"
#include "app/reply.h"
#include "domain/import.h"
#include "openapi.h"

/* ?format= ?map= ?source= ?all_or_nothing=1; the body is the CSV (the dispatcher checked text/csv and the size). */
void api_insights_import(request *rq, response *rs)
{
	const char *aon = rq_query(rq, "all_or_nothing");
	struct import_options o = {
		.format = rq_query(rq, "format"),
		.map = rq_query(rq, "map"),
		.source = rq_query(rq, "source"),
		.all_or_nothing = aon && (!strcmp(aon, "1") || !strcmp(aon, "true")),
		.actor = rq->user_id,
	};
	if (aon && !o.all_or_nothing && strcmp(aon, "0") && strcmp(aon, "false"))
		return reply_error(rs, 400, "invalid", "all_or_nothing", "all_or_nothing must be 1 or 0");
	struct import_result r;
	if (rq->body_file && (ferror(rq->body_file) || fseek(rq->body_file, 0, SEEK_SET) != 0))
		return reply_error(rs, 500, "internal", NULL, "the upload could not be stored on the server; see its log");
	int rc = rq->body_file ? import_file(rq->db, &o, rq->body_file, &r) /* a large body, spooled: streamed */
	                       : import_buffer(rq->db, &o, rq->body.p, rq->body.len, &r);
	if (rc < 0) {
		reply_error(rs, r.status, r.status == 400 ? "invalid" : "internal", NULL, r.message);
		import_result_free(&r);
		return;
	}
	json_t *out = import_result_json(&r);
	int status = 200;
	if (r.rolled_back) {
		/* all or nothing: the result, with the error envelope the API answers for every failure */
		status = 422;
		json_object_set_new(out, "error",
		                    json_pack("{ssss}", "code", "invalid", "message",
		                              "malformed rows: nothing was imported (all_or_nothing); see errors"));
	}
	import_result_free(&r);
	reply_json(rs, status, out);
}

/* The answer of an import, for the OpenAPI document. */
void openapi_import_schemas(json_t *schemas)
{
	json_t *p = json_object();
	json_object_set_new(p, "imported", json_pack("{ssss}", "type", "integer", "description", "New insights"));
	json_object_set_new(p, "unchanged", json_pack("{ssss}", "type", "integer", "description",
	                                              "Rows whose external id is already in the workspace: nothing written"));
	json_object_set_new(p, "skipped", json_pack("{ssss}", "type", "integer", "description",
	                                            "Rows not imported: malformed ones (in errors) and ones the layout "
	                                            "skips (Fider's deleted posts); imported + unchanged + skipped = rows"));
	json_object_set_new(p, "errors",
	                    json_pack("{sss{sss{s{ssss}s{ss}}s[ss]}ss}", "type", "array", "items", "type", "object",
	                              "properties", "line", "type", "integer", "description",
	                              "The physical line the row starts on (1 is the header)", "message", "type", "string",
	                              "required", "line", "message", "description", "The first 1000 malformed rows"));
	json_object_set_new(p, "more_errors", json_pack("{ssss}", "type", "integer", "description",
	                                                "Malformed rows beyond the errors listed"));
	json_object_set_new(p, "rows", json_pack("{ssss}", "type", "integer", "description", "Data rows read"));
	json_object_set_new(p, "format", json_pack("{sss[sssss]}", "type", "string", "enum", "generic", "fider",
	                                           "quackback", "productboard", "jira"));
	json_object_set_new(p, "rolled_back", json_pack("{ssss}", "type", "boolean", "description",
	                                                "all_or_nothing and a malformed row: nothing was kept"));
	json_object_set_new(p, "error", json_pack("{sss{s{ss}s{ss}}ss}", "type", "object", "properties", "code", "type",
	                                          "string", "message", "type", "string", "description",
	                                          "Present when all_or_nothing refused the import (status 422)"));
	json_object_set_new(schemas, "ImportResult",
	                    json_pack("{sssos[ssssss]}", "type", "object", "properties", p, "required", "imported",
	                              "unchanged", "skipped", "errors", "rows", "format"));
}
