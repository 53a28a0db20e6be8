/* api_bundle.c — GET /api/v1/export (the workspace bundle, for admins, streamed from a temporary file) and POST /api/v1/import (a bundle into a
 * workspace nothing has been written to yet, in the request's one transaction), and their OpenAPI schemas. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "api.h"
#include "app/reply.h"
#include "model/bundle.h"
#include "openapi.h"
#include "platform/migrate.h"

/* ?include_secrets=true: the password hashes, tokens, share links and webhook secrets too. */
void api_export(request *rq, response *rs)
{
	const char *inc = rq_query(rq, "include_secrets");
	if (inc && strcmp(inc, "true") && strcmp(inc, "false"))
		return reply_error(rs, 400, "invalid", "include_secrets", "include_secrets must be true or false");
	char now[21];
	now_rfc3339(now);
	/* written to a temporary file in the request's read transaction (one snapshot), sent from disk: memory stays
	 * bounded by a row however large the workspace */
	FILE *f = tmpfile();
	struct err e = {0};
	if (!f || bundle_export(rq->db, f, str_eq(inc, "true"), now, &e) < 0) {
		if (f)
			fclose(f);
		return e.status ? reply_err_json(rs, &e) : reply_error(rs, 500, "internal", NULL, "no room for the export");
	}
	rs->file = f;
	reply_file(rq, rs, "application/json", "attachment", "tandem-bundle.json");
	rs_header_set(rs, "Cache-Control", "no-store");
}

struct told {
	json_t *invitations, *secrets;
};

static void tell(const char *what, const char *who, const char *secret, void *arg)
{
	struct told *t = arg;
	if (!strcmp(what, "invitation"))
		json_array_append_new(t->invitations, json_pack("{ssss}", "email", who, "path", secret));
	else
		json_array_append_new(t->secrets, json_pack("{ssss}", "name", who, "secret", secret));
}

/* The body is the bundle (application/json, left raw: a large one is spooled to a file and read as a stream). */
void api_import(request *rq, response *rs)
{
	if (!bundle_workspace_empty(rq->db))
		return reply_error(rs, 409, "conflict", NULL,
		                   "this workspace holds data already: a bundle is imported through the API only into a "
		                   "workspace nothing has been written to (one just made with tandem init); to replace one, "
		                   "use tandem import json --replace");
	if (rq->body_file && (ferror(rq->body_file) || fseek(rq->body_file, 0, SEEK_SET) != 0))
		return reply_error(rs, 500, "internal", NULL, "the upload could not be stored on the server; see its log");
	FILE *f = rq->body_file ? rq->body_file : fmemopen(rq->body.p ? rq->body.p : "", rq->body.len, "rb");
	if (!f)
		return reply_error(rs, 500, "internal", NULL, "the body could not be read");
	struct err e = {0};
	struct bundle_header h;
	struct bundle_counts c;
	struct told t = {json_array(), json_array()};
	int schema = migrate_current(rq->db);
	struct bundle_reader *r = bundle_open(f, "the bundle", migrate_latest(), &h, &e);
	if (r && h.schema_version != schema)
		err_set(&e, 400, "invalid", "schema_version",
		        "the bundle is of schema_version %d and this workspace of %d: import it with tandem import json, "
		        "which makes the workspace at the bundle's schema and migrates it",
		        h.schema_version, schema);
	if (!e.status && bundle_load(rq->db, r, &c, &e) == 0 && !h.secrets)
		bundle_new_secrets(rq->db, rq->a, tell, &t, &e);
	bundle_close(r);
	if (f != rq->body_file)
		fclose(f);
	if (e.status) {
		json_decref(t.invitations);
		json_decref(t.secrets);
		return reply_err_json(rs, &e);
	}
	reply_json(rs, 200,
	           json_pack("{sIsisIsisssbsoso}", "rows", (json_int_t)c.rows, "tables", c.tables, "people",
	                     (json_int_t)c.users, "schema_version", h.schema_version, "exported_at", h.exported_at,
	                     "secrets", h.secrets, "invitations", t.invitations, "webhook_secrets", t.secrets));
}

void openapi_bundle_schemas(json_t *schemas)
{
	json_t *kinds = json_pack("{sss{sss{ss}}ss}", "type", "object", "additionalProperties", "type", "array", "items",
	                          "type", "object", "description",
	                          "One array per table the workspace keeps, in the schema's order: each row an object of "
	                          "the table's columns as stored (numbers, text, null), by id");
	json_t *bundle = openapi_object(json_pack(
	    "{s{sss[s]}sosososos o}", "format", "type", "string", "enum", BUNDLE_FORMAT, "format_version",
	    openapi_t("integer", "The bundle's layout (this Tandem writes 1)"), "schema_version",
	    openapi_t("integer", "The workspace's schema (its migrations) when exported"), "exported_at",
	    openapi_t("string", "When (UTC, RFC 3339)"), "secrets",
	    openapi_t("boolean", "Whether password hashes, tokens, share links and webhook secrets are in it"), "kinds",
	    kinds));
	json_object_set_new(schemas, "Bundle", bundle);
	json_t *inv = openapi_object(json_pack("{soso}", "email", openapi_t("string", "The person"), "path",
	                                       openapi_t("string", "Their invitation link (/invite/…), shown once")));
	json_t *sec = openapi_object(json_pack("{soso}", "name", openapi_t("string", "The webhook"), "secret",
	                                       openapi_t("string", "Its new signing secret (whsec_…), shown once")));
	json_object_set_new(
	    schemas, "BundleImported",
	    openapi_object(json_pack("{sosososososos{ssso}s{ssso}}", "rows", openapi_t("integer", "Rows written"), "tables",
	                             openapi_t("integer", "Tables in the bundle"), "people",
	                             openapi_t("integer", "People in it (everyone signed in before is signed out)"),
	                             "schema_version", openapi_t("integer", "The bundle's schema"), "exported_at",
	                             openapi_t("string", "When the bundle was made"), "secrets",
	                             openapi_t("boolean", "Whether it carried secrets"), "invitations", "type", "array",
	                             "items", inv, "webhook_secrets", "type", "array", "items", sec)));
}
