/* api_openapi.c — the OpenAPI 3.1 document, derived from the route table and entity descriptors. */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include "api.h"
#include "app/reply.h"
#include "app/route.h"
#include "model/action.h"
#include "model/approvals.h"
#include "model/entity.h"
#include "model/setting.h"
#include "model/strategy.h"
#include "openapi.h"
#include "platform/log.h"

/* Does path end with the segment tail ("/review": a goal's, not "/api/v1/reviews")? */
static bool ends_with(const char *path, const char *tail)
{
	size_t n = strlen(path), t = strlen(tail);
	return n >= t && !strcmp(path + n - t, tail);
}

static json_t *field_schema(const struct field *f);

/* An object with the given members (an action's input, a record): required members, nothing else. */
json_t *openapi_fields_schema(const struct field *fields, int n)
{
	json_t *props = json_object(), *req = json_array();
	for (int i = 0; i < n; i++) {
		json_object_set_new(props, fields[i].name, field_schema(&fields[i]));
		if ((fields[i].flags & F_REQUIRED) && !fields[i].dflt)
			json_array_append_new(req, json_string(fields[i].name));
	}
	return json_pack("{sssososb}", "type", "object", "properties", props, "required", req, "additionalProperties", 0);
}

static json_t *field_schema(const struct field *f)
{
	json_t *s = json_object();
	switch (f->type) {
	case FT_STRING:
	case FT_TEXT:
		json_object_set_new(s, "type", json_string("string"));
		json_object_set_new(s, "maxLength", json_integer(f->max > 0 ? f->max : (f->type == FT_TEXT ? 20000 : 200)));
		break;
	case FT_INT:
	case FT_MONEY:
	case FT_REF:
		json_object_set_new(s, "type", json_string("integer"));
		if (f->lo < f->hi) {
			json_object_set_new(s, "minimum", json_integer((json_int_t)f->lo));
			json_object_set_new(s, "maximum", json_integer((json_int_t)f->hi));
		} else if (f->type == FT_MONEY) {
			json_object_set_new(s, "minimum", json_integer(0));
		}
		break;
	case FT_NUMBER:
		json_object_set_new(s, "type", json_string("number"));
		if (f->lo < f->hi) {
			json_object_set_new(s, "minimum", json_real(f->lo));
			json_object_set_new(s, "maximum", json_real(f->hi));
		}
		break;
	case FT_DATE:
		json_object_set_new(s, "type", json_string("string"));
		json_object_set_new(s, "format", json_string("date"));
		break;
	case FT_BOOL: json_object_set_new(s, "type", json_string("boolean")); break;
	case FT_TIMESTAMP:
		json_object_set_new(s, "type", json_string("string"));
		json_object_set_new(s, "format", json_string("date-time"));
		break;
	case FT_ENUM: {
		json_t *en = json_array();
		for (const char *const *c = f->choices; *c; c++)
			json_array_append_new(en, json_string(*c));
		json_object_set_new(s, "type", json_string("string"));
		json_object_set_new(s, "enum", en);
		break;
	}
	case FT_LIST:
		json_object_set_new(s, "type", json_string("array"));
		json_object_set_new(s, "items", json_pack("{sssi}", "type", "string", "maxLength", 200));
		json_object_set_new(s, "maxItems", json_integer(f->max > 0 ? f->max : 50));
		break;
	case FT_LINKS:
		json_object_set_new(s, "type", json_string("array"));
		if (f->link->weight)
			json_object_set_new(s, "items",
			                    json_pack("{sss{s{ss}s{sssisi}}s[ss]sb}", "type", "object", "properties", f->link->key,
			                              "type", "integer", "weight", "type", "integer", "minimum", f->link->wlo,
			                              "maximum", f->link->whi, "required", f->link->key, "weight",
			                              "additionalProperties", 0));
		else
			json_object_set_new(s, "items", json_pack("{sssi}", "type", "integer", "minimum", 1));
		json_object_set_new(s, "maxItems", json_integer(f->max > 0 ? f->max : 200));
		json_object_set_new(s, "uniqueItems", json_true());
		break;
	case FT_IDS:
		json_object_set_new(s, "type", json_string("array"));
		json_object_set_new(s, "items", json_pack("{sssi}", "type", "integer", "minimum", 1));
		json_object_set_new(s, "maxItems", json_integer(f->max > 0 ? f->max : 1000));
		json_object_set_new(s, "uniqueItems", json_true());
		break;
	case FT_RECORD: {
		json_t *r = openapi_fields_schema(f->sub, f->nsub);
		json_object_update(s, r);
		json_decref(r);
		break;
	}
	case FT_RECORDS:
		json_object_set_new(s, "type", json_string("array"));
		json_object_set_new(s, "items", openapi_fields_schema(f->sub, f->nsub));
		json_object_set_new(s, "maxItems", json_integer(f->max > 0 ? f->max : 50));
		break;
	case FT__MAX: break;
	}
	/* optional values may be null */
	if (!(f->flags & F_REQUIRED) && f->type != FT_LIST && f->type != FT_LINKS && f->type != FT_IDS &&
	    f->type != FT_RECORDS) {
		json_t *t = json_object_get(s, "type");
		json_object_set_new(s, "type", json_pack("[Os]", t, "null"));
		if (json_object_get(s, "enum"))
			json_array_append_new(json_object_get(s, "enum"), json_null());
	}
	const char *desc = f->help ? f->help : f->label;
	if (f->type == FT_REF)
		json_object_set_new(s, "description", json_sprintf("%s (id of one of %s)", desc, f->ref));
	else if (f->type == FT_LINKS)
		json_object_set_new(s, "description", json_sprintf("%s (ids of %s)", desc, f->ref));
	else
		json_object_set_new(s, "description", json_string(desc));
	if (f->flags & F_READONLY)
		json_object_set_new(s, "readOnly", json_true());
	return s;
}

static json_t *ref(arena *a, const char *name);
static const char *schema_name(arena *a, const struct entity *e, const char *suffix);

/* What an answer carries beside the fields: the children it embeds, the values computed when it is read, and in a
 * list searched with q the matching text. */
static void answer_extras(arena *a, const struct entity *e, json_t *props, json_t *req)
{
	for (int k = 0; k < entity_count; k++) {
		const struct entity *c = entity_all[k];
		if (c->parent != e || !c->embed_as)
			continue;
		json_object_set_new(props, c->embed_as,
		                    json_pack("{sssoss}", "type", "array", "items", ref(a, schema_name(a, c, "")), "description",
		                              arena_printf(a, "The %s's %s, in their default order", e->one, c->label)));
		json_array_append_new(req, json_string(c->embed_as));
	}
	if (e->approvals) {
		json_object_set_new(props, approvals_field.name, field_schema(&approvals_field));
		json_array_append_new(req, json_string(approvals_field.name));
	}
	for (int i = 0; i < e->ncomputed; i++) {
		json_object_set_new(props, e->computed[i].name, field_schema(&e->computed[i]));
		if (e->computed[i].flags & F_REQUIRED) /* computed values are always there unless said (a webhook's secret) */
			json_array_append_new(req, json_string(e->computed[i].name));
	}
	for (int i = 0; i < e->nfields; i++)
		if (e->fields[i].flags & F_SEARCH) {
			json_object_set_new(props, "snippet_html",
			                    openapi_t("string", "In a list searched with q: the matching text, HTML-escaped, each "
			                                        "match in <mark>"));
			break;
		}
}

/* The object as the server answers it, or the input a client sends. */
static json_t *entity_schema(arena *a, const struct entity *e, bool input)
{
	json_t *props = json_object(), *req = json_array();
	if (!input) {
		json_object_set_new(props, "id", json_pack("{ss}", "type", "integer"));
		json_object_set_new(props, "created_at", json_pack("{ssss}", "type", "string", "format", "date-time"));
		json_object_set_new(props, "updated_at", json_pack("{ssss}", "type", "string", "format", "date-time"));
		json_array_append_new(req, json_string("id"));
		json_array_append_new(req, json_string("version"));
	}
	json_object_set_new(props, "version", json_pack("{ssss}", "type", "integer", "description",
	                                                "Bumped on every change; send it back with a change (or If-Match)"));
	for (int i = 0; i < e->nfields; i++) {
		const struct field *f = &e->fields[i];
		if (input && (f->flags & F_READONLY))
			continue;
		json_object_set_new(props, f->name, field_schema(f));
		if ((f->flags & F_REQUIRED) && (!input || !f->dflt))
			json_array_append_new(req, json_string(f->name));
	}
	if (!input)
		answer_extras(a, e, props, req);
	return json_pack("{sssososb}", "type", "object", "properties", props, "required", req, "additionalProperties",
	                 0);
}

static const char *schema_name(arena *a, const struct entity *e, const char *suffix)
{
	/* "journey-stages" -> "JourneyStage", "PR/FAQ" -> "PRFAQ"; singular from e->one, letters and digits only */
	char *out = arena_alloc(a, strlen(e->one) + strlen(suffix) + 1), *o = out;
	bool up = true;
	for (const char *p = e->one; *p; p++) {
		if (!isalnum((unsigned char)*p)) {
			up = true;
			continue;
		}
		*o++ = up ? (char)toupper((unsigned char)*p) : *p;
		up = false;
	}
	strcpy(o, suffix);
	return out;
}

/* "measure" -> "MeasureInput", "evidence-link" -> "EvidenceLinkInput": the component of an action's body. */
static const char *action_schema_name(arena *a, const struct action *act)
{
	if (act->input)
		return act->input;
	char *out = arena_alloc(a, strlen(act->name) + 6), *o = out;
	bool up = true;
	for (const char *p = act->name; *p; p++) {
		if (*p == '-' || *p == '_') {
			up = true;
			continue;
		}
		*o++ = up ? (char)toupper((unsigned char)*p) : *p;
		up = false;
	}
	strcpy(o, "Input");
	return out;
}

/* The body an action takes: its fields, and the object's version when it needs one. */
static json_t *action_input_schema(const struct action *act)
{
	json_t *s = openapi_fields_schema(act->fields, act->nfields);
	if (act->flags & (A_VERSION | A_IF_VERSION)) {
		json_object_set_new(json_object_get(s, "properties"), "version",
		                    json_pack("{ssss}", "type", "integer", "description",
		                              act->flags & A_VERSION
		                                  ? "The object's current version (required, here or as If-Match); a stale one is 409"
		                                  : "The version acted on (optional, here or as If-Match); a stale one is 409"));
	}
	return s;
}

static json_t *ref(arena *a, const char *name)
{
	return json_pack("{ss}", "$ref", arena_printf(a, "#/components/schemas/%s", name));
}

static json_t *json_body(json_t *schema)
{
	return json_pack("{s{s{so}}}", "content", "application/json", "schema", schema);
}

static json_t *error_response(const char *desc)
{
	return json_pack("{sss{s{s{ss}}}}", "description", desc, "content", "application/json", "schema", "$ref",
	                 "#/components/schemas/Error");
}

/* What any operation may answer, whatever its route: a malformed request (a NUL byte, more than 200 query
 * arguments, a repeated list argument), a target or headers over the limits. */
static void common_errors(json_t *resp)
{
	if (!json_object_get(resp, "400"))
		json_object_set_new(resp, "400", error_response("Bad input; field names the culprit"));
	json_object_set_new(resp, "414", error_response("The request target is over the size limit"));
	json_object_set_new(resp, "431", error_response("The request headers are over the size limit"));
}

static void add_param(json_t *params, const char *name, const char *in, const char *type, bool required,
                      const char *desc)
{
	json_array_append_new(params, json_pack("{sssssbs{ss}ss}", "name", name, "in", in, "required", required,
	                                        "schema", "type", type, "description", desc));
}

/* The concrete path of a pattern for one kind (or the pattern itself when it has no {kind}). */
const char *openapi_path(arena *a, const char *pattern, const char *kind)
{
	const char *k = strstr(pattern, "{kind}"), *st = strstr(pattern, "{setting}");
	if (st && kind)
		return arena_printf(a, "%.*s%s%s", (int)(st - pattern), pattern, kind, st + 9);
	if (!k || !kind)
		return pattern;
	return arena_printf(a, "%.*s%s%s", (int)(k - pattern), pattern, kind, k + 6);
}

/* The schema of a setting group's change: the same as its answer when a change sends every field, else
 * "<schema>Input". */
static const char *setting_input_name(arena *a, const struct setting *st)
{
	return st->replace ? st->schema : arena_printf(a, "%sInput", st->schema);
}

/* A setting group's operation: its summary, its body, its answer (derived from the group's fields). */
static json_t *setting_operation(arena *a, const struct route *r, const struct setting *st)
{
	bool put = r->method != HTTP_GET;
	json_t *resp = json_object();
	json_object_set_new(resp, "200", json_pack("{ss}", "description", "The group as it is now"));
	json_object_update_new(json_object_get(resp, "200"), json_body(ref(a, st->schema)));
	if (put) {
		json_object_set_new(resp, "400", error_response("Bad input; field names the culprit"));
		json_object_set_new(resp, "413", error_response("Body over the size limit"));
		json_object_set_new(resp, "415", error_response("Body is not application/json"));
	}
	json_object_set_new(resp, "401", error_response("Not signed in"));
	json_object_set_new(resp, "403", error_response("The role may not do this"));
	common_errors(resp);
	json_t *op = json_pack("{sss[s]sssO}", "summary", put ? st->summary_put : st->summary_get, "tags", "Settings",
	                       "operationId", arena_printf(a, "%s /api/v1/settings/%s", http_method_name(r->method), st->name),
	                       "responses", resp);
	json_decref(resp);
	if (put) {
		json_t *rb = json_body(ref(a, setting_input_name(a, st)));
		json_object_set_new(rb, "required", json_true());
		json_object_set_new(op, "requestBody", rb);
	}
	return op;
}

static json_t *operation(arena *a, const struct route *r, const struct entity *e, const char *path)
{
	json_t *op = json_object(), *params = json_array(), *resp = json_object();
	const struct openapi_doc *doc = openapi_doc_for(r->method, r->pattern); /* {kind} routes too (watch) */
	json_object_set_new(op, "summary", json_string(e ? arena_printf(a, "%s: %s", e->label, r->summary) : r->summary));
	json_object_set_new(op, "operationId",
	                    json_sprintf("%s %s", http_method_name(r->method), path)); /* unique by construction */
	const struct action *act = r->action;
	const struct entity *ae = act && act->kind ? entity_find(act->kind) : NULL;
	json_object_set_new(op, "tags", json_pack("[s]", e ? e->label : ae ? ae->label
	                                                  : strstr(path, "/goals") ? "Goals" : "Workspace"));
	for (const char *p = strchr(path, '{'); p; p = strchr(p + 1, '{')) {
		const char *end = strchr(p, '}');
		add_param(params, arena_strndup(a, p + 1, (size_t)(end - p - 1)), "path", "integer", true,
		          strncmp(p, "{mid}", 5) ? "The object's id" : "The id of the linked object");
	}
	for (const struct openapi_param *q = doc ? doc->query : NULL; q && q->name; q++)
		add_param(params, q->name, "query", q->type, false, q->desc);
	bool is_list = r->method == HTTP_GET && e && !strchr(path + 8, '{') && !(r->flags & R_CSV);
	bool is_csv = r->flags & R_CSV;
	if (is_list || is_csv) {
		add_param(params, "limit", "query", "integer", false, "Items per page (default 50)");
		add_param(params, "cursor", "query", "string", false, "The next_cursor of the previous page");
		add_param(params, "q", "query", "string", false, "Text search over the searchable fields");
		add_param(params, "sort", "query", "string", false, "A sortable field, or -field for descending");
		for (int i = 0; i < e->nfields; i++)
			if (e->fields[i].flags & F_FILTER)
				add_param(params, e->fields[i].name, "query",
				          e->fields[i].type == FT_REF || e->fields[i].type == FT_INT ? "string" : "string", false,
				          arena_printf(a, "Only objects with this %s ('none' for unset references)",
				                       e->fields[i].name));
		for (int i = 0; i < e->nfilters; i++)
			add_param(params, e->filters[i].name, "query", "boolean", false, e->filters[i].help);
	}
	if (json_array_size(params))
		json_object_set(op, "parameters", params);
	json_decref(params);
	if (act && !(act->flags & A_NO_BODY)) {
		json_t *rb = json_body(ref(a, action_schema_name(a, act)));
		json_object_set_new(rb, "required", json_boolean(act->nfields > 0 || (act->flags & A_VERSION)));
		json_object_set_new(op, "requestBody", rb);
	} else if (r->flags & (R_JSON | R_JSON_RAW)) {
		json_t *schema;
		if (doc && doc->request)
			schema = ref(a, doc->request);
		else if (e && r->method == HTTP_POST)
			schema = ref(a, schema_name(a, e, "Input"));
		else if (e)
			schema = ref(a, schema_name(a, e, "Input"));
		else if (strstr(path, "/strategy"))
			schema = ref(a, "StrategyInput");
		else
			schema = json_pack("{ss}", "type", "object");
		json_t *rb = json_body(schema);
		json_object_set_new(rb, "required", json_boolean(r->method != HTTP_DELETE));
		json_object_set_new(op, "requestBody", rb);
	}
	if (r->flags & R_CSV_BODY)
		json_object_set_new(op, "requestBody",
		                    json_pack("{sbs{s{s{ssss}}}}", "required", 1, "content", "text/csv", "schema", "type",
		                              "string", "description", "The CSV file (UTF-8; a BOM, CRLF or LF)"));
	const char *ok = act ? ((act->flags & A_EMPTY) ? "204" : (act->flags & A_CREATED) ? "201" : "200")
	                 : doc                                                                        ? doc->ok
	                 : r->method == HTTP_POST && !ends_with(path, "/review") && !ends_with(path, "/target") ? "201"
	                 : r->method == HTTP_DELETE                                                   ? "204"
	                                                                                              : "200";
	json_t *okr;
	if (!strcmp(ok, "204")) {
		okr = json_pack("{ss}", "description", "Done; no content");
	} else if (act && (act->flags & A_OBJECT) && ae) {
		okr = json_pack("{ss}", "description", arena_printf(a, "The %s as it is now", ae->one));
		json_object_update_new(okr, json_body(ref(a, schema_name(a, ae, ""))));
	} else if (act && act->answer) {
		okr = json_pack("{ss}", "description", "OK");
		json_object_update_new(okr, json_body(ref(a, act->answer)));
	} else if (doc && doc->response && strchr(doc->response, '/')) { /* a media type (text/calendar), not a schema */
		okr = json_pack("{sss{s{s{ss}}}}", "description", "OK", "content", doc->response, "schema", "type", "string");
	} else if (doc && doc->response) {
		okr = json_pack("{ss}", "description", "OK");
		json_object_update_new(okr, json_body(ref(a, doc->response)));
	} else if (is_csv) {
		okr = json_pack("{sss{s{s{ss}}}}", "description", "CSV, one row per object", "content",
		                "text/csv", "schema", "type", "string");
	} else if (is_list) {
		okr = json_pack("{ss}", "description", "A page of objects");
		json_object_update_new(okr, json_body(json_pack("{sss{s{ssso}s{s[ss]}}s[s]}", "type", "object", "properties",
		                                             "items", "type", "array", "items",
		                                             ref(a, schema_name(a, e, "")), "next_cursor", "type", "string",
		                                             "null", "required", "items")));
	} else if (e && strstr(path + 8, "/related")) {
		okr = json_pack("{ss}", "description", "What points at the object, by kind: {id, title, via[, weight]}");
		json_object_update_new(okr, json_body(ref(a, schema_name(a, e, "Related"))));
	} else if (e && strstr(path + 8, "/history")) {
		okr = json_pack("{ss}", "description", "Who changed what, when: the object's audit rows, newest first");
		json_object_update_new(okr, json_body(ref(a, "History")));
	} else if (e) {
		okr = json_pack("{ss}", "description", "The object");
		json_object_update_new(okr, json_body(ref(a, schema_name(a, e, ""))));
	} else {
		okr = json_pack("{ss}", "description", "OK");
		json_object_update_new(okr, json_body(json_pack("{ss}", "type", "object")));
	}
	if (doc && doc->also_ok)
		json_object_set_new(resp, doc->also_ok, json_deep_copy(okr));
	json_object_set_new(resp, ok, okr);
	if (r->flags & (R_JSON | R_JSON_RAW | R_CSRF) || is_list)
		json_object_set_new(resp, "400", error_response("Bad input; field names the culprit"));
	if (!(r->flags & R_PUBLIC)) {
		json_object_set_new(resp, "401", error_response("Not signed in"));
		json_object_set_new(resp, "403", error_response("The role may not do this"));
	}
	if (strchr(path, '{'))
		json_object_set_new(resp, "404", error_response("No such object"));
	if (act && act->conflict)
		json_object_set_new(resp, "409", error_response(arena_printf(a, "Stale version, or: %s", act->conflict)));
	else if (r->method == HTTP_PATCH || r->method == HTTP_PUT || (act && (act->flags & (A_VERSION | A_IF_VERSION))))
		json_object_set_new(resp, "409", error_response("Stale version: someone else changed it"));
	else if (r->method == HTTP_DELETE && e)
		json_object_set_new(resp, "409", error_response("The object is still referenced (e.g. a message with messages "
		                                                "under it)"));
	if (doc && doc->extra)
		json_object_set_new(resp, doc->extra, error_response(doc->extra_desc));
	for (const struct openapi_status *m = doc ? doc->more : NULL; m && m->status; m++)
		json_object_set_new(resp, m->status, error_response(m->desc));
	if (r->flags & (R_JSON | R_JSON_RAW)) {
		json_object_set_new(resp, "413", error_response("Body over the size limit"));
		json_object_set_new(resp, "415", error_response("Body is not application/json"));
	}
	if (r->flags & R_CSV_BODY) {
		json_object_set_new(resp, "413", error_response("Body over the import limit (256 MiB), named in the message"));
		json_object_set_new(resp, "415", error_response("Body is not text/csv"));
	}
	common_errors(resp);
	json_object_set_new(op, "responses", resp);
	if (r->flags & R_PUBLIC)
		json_object_set_new(op, "security", json_array());
	return op;
}

static const char *method_key(enum http_method m)
{
	static const char *keys[HTTP__MAX] = {"get", "head", "post", "put", "patch", "delete", "other"};
	return keys[m];
}

json_t *openapi_document(arena *a)
{
	json_t *paths = json_object(), *schemas = json_object();
	for (int i = 0; i < routes_count; i++) {
		const struct route *r = &routes[i];
		if (!(r->flags & R_API))
			continue;
		bool per_kind = strstr(r->pattern, "{kind}") != NULL, per_setting = strstr(r->pattern, "{setting}") != NULL;
		int n = per_kind ? entity_count : per_setting ? settings_count : 1;
		for (int k = 0; k < n; k++) {
			const struct entity *e = per_kind ? entity_all[k] : NULL;
			const struct setting *st = per_setting ? settings_all[k] : NULL;
			const char *path = openapi_path(a, r->pattern, e ? e->kind : st ? st->name : NULL);
			json_t *item = json_object_get(paths, path);
			if (!item) {
				item = json_object();
				json_object_set_new(paths, path, item);
			}
			json_object_set_new(item, method_key(r->method), st ? setting_operation(a, r, st) : operation(a, r, e, path));
		}
	}
	for (int k = 0; k < entity_count; k++) {
		const struct entity *e = entity_all[k];
		json_object_set_new(schemas, schema_name(a, e, ""), entity_schema(a, e, false));
		json_object_set_new(schemas, schema_name(a, e, "Input"), entity_schema(a, e, true));
		json_object_set_new(schemas, schema_name(a, e, "Related"), openapi_related_schema(e));
	}
	for (int i = 0; i < actions_count; i++)
		if (!(actions_all[i]->flags & A_NO_BODY))
			json_object_set_new(schemas, action_schema_name(a, actions_all[i]), action_input_schema(actions_all[i]));
	for (int i = 0; i < settings_count; i++) {
		const struct setting *st = settings_all[i];
		json_t *all = openapi_fields_schema(st->fields, st->nfields), *req = json_array();
		for (int f = 0; f < st->nfields; f++) /* the answer always carries every field */
			json_array_append_new(req, json_string(st->fields[f].name));
		json_object_set_new(all, "required", req);
		json_object_set_new(all, "description", json_string(st->label));
		if (!st->replace) { /* a change sends one or more of the fields */
			json_t *in = json_deep_copy(all);
			json_object_set_new(in, "required", json_array());
			json_object_set_new(in, "minProperties", json_integer(1));
			json_object_set_new(schemas, setting_input_name(a, st), in);
		}
		json_object_set_new(schemas, st->schema, all);
	}
	json_object_set_new(schemas, "Strategy", entity_schema(a, &strategy_entity, false));
	json_object_set_new(schemas, "StrategyInput", entity_schema(a, &strategy_entity, true));
	/* the schemas of routes that serve no kind, under names no kind may take (a bug otherwise: one name, two meanings) */
	json_t *docs = json_object();
	openapi_doc_schemas(docs);
	const char *name;
	json_t *sch;
	json_object_foreach(docs, name, sch)
	{
		if (json_object_get(schemas, name)) {
			log_error("openapi: the schema name %s is used twice", name);
			abort();
		}
	}
	json_object_update(schemas, docs);
	json_decref(docs);
	json_object_set_new(
	    schemas, "Error",
	    json_pack("{sss{s{sss{s{ss}s{ss}s{ss}}s[ss]}}s[s]}", "type", "object", "properties", "error", "type",
	              "object", "properties", "code", "type", "string", "message", "type", "string", "field", "type",
	              "string", "required", "code", "message", "required", "error"));
	return json_pack(
	    "{sss{ssssss}s[{ss}]sos{sos{s{ssss}s{ssssss}}}s[{s[]}{s[]}]}", "openapi", "3.1.0", "info", "title",
	    "Tandem API", "version", "1", "description",
	    "The JSON API of Tandem, where product management and product marketing decide together. "
	    "Lists answer {items, next_cursor}; changes carry the object's version; errors answer "
	    "{error: {code, message, field}}.",
	    "servers", "url", "/", "paths", paths, "components", "schemas", schemas, "securitySchemes", "bearer",
	    "type", "http", "scheme", "bearer", "session", "type", "apiKey", "in", "cookie", "name", SESSION_COOKIE,
	    "security", "bearer", "session");
}

void api_openapi(request *rq, response *rs) { reply_json(rs, 200, openapi_document(rq->a)); }
