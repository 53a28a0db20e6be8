/* openapi.h — the OpenAPI document, for the route and for the test that walks the route table. */
#ifndef TANDEM_OPENAPI_H
#define TANDEM_OPENAPI_H
#include <jansson.h>
#include "platform/arena.h"
#include "platform/http.h"
json_t *openapi_document(arena *a);
/* The concrete path of a route pattern for one kind ({kind} replaced), or the pattern itself. */
const char *openapi_path(arena *a, const char *pattern, const char *kind);

/* A query parameter of a route that serves no kind. */
struct openapi_param {
	const char *name, *type, *desc;
};

/* A further status a route may answer, with what it means. */
struct openapi_status {
	const char *status, *desc;
};

/* What the route table cannot say about a route that serves no kind (openapi_docs.c). */
struct openapi_doc {
	enum http_method method;
	const char *pattern;
	const char *request;  /* schema name of the body, or NULL */
	const char *response; /* schema name of the answer, or its media type when not JSON ("text/calendar") */
	const char *ok;       /* the success status */
	const char *extra, *extra_desc; /* one more status the route may answer, or NULL */
	const char *also_ok;  /* another success status answering the same schema, or NULL */
	const struct openapi_param *query; /* query parameters, ending with a NULL name; or NULL */
	const struct openapi_status *more; /* further statuses, ending with a NULL status; or NULL */
};
/* The description of route (method, pattern), or NULL. */
const struct openapi_doc *openapi_doc_for(enum http_method m, const char *pattern);
/* Schema pieces the schema files share: a value of a type with a description; the same or null; an object
 * with these properties (reference stolen), every one required. */
json_t *openapi_t(const char *type, const char *desc);
json_t *openapi_tn(const char *type, const char *desc);
json_t *openapi_object(json_t *props);
/* Add the schemas the descriptions name. */
void openapi_doc_schemas(json_t *schemas);
/* The schemas of evidence, suggestions and demand (openapi_evidence.c). */
void openapi_evidence_schemas(json_t *schemas);
/* Readiness, rescheduling and the launch settings (openapi_launches.c). */
void openapi_launch_schemas(json_t *schemas);
/* A launch's sales enablement brief (api_brief.c). */
void openapi_brief_schemas(json_t *schemas);
/* A competitor's battlecard and the journey map (api_prfaq.c). */
void openapi_prfaq_schemas(json_t *schemas);
/* The roadmap and share links (openapi_roadmap.c). */
void openapi_roadmap_schemas(json_t *schemas);
/* The messaging ladder and the message lint (openapi_messaging.c). */
void openapi_messaging_schemas(json_t *schemas);
/* Health, the session, people and tokens, goal and strategy history, alignment (openapi_workspace.c). */
void openapi_workspace_schemas(json_t *schemas);
/* The answer of GET /api/v1/{kind}/{id}/related for kind e (openapi_related.c). */
struct entity;
json_t *openapi_related_schema(const struct entity *e);
/* The answer of an insight import (api_import.c). */
void openapi_import_schemas(json_t *schemas);
/* The workspace bundle's (api_bundle.c). */
void openapi_bundle_schemas(json_t *schemas);
/* A release's notes (api_release_notes.c). */
void openapi_release_notes_schemas(json_t *schemas);
#endif
