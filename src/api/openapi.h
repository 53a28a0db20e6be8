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

/* What the route table cannot say about a route that serves no kind (openapi_docs.c). */
struct openapi_doc {
	enum http_method method;
	const char *pattern;
	const char *request;  /* schema name of the body, or NULL */
	const char *response; /* schema name of the answer */
	const char *ok;       /* the success status */
	const char *extra, *extra_desc; /* one more status the route may answer, or NULL */
	const char *also_ok;  /* another success status answering the same schema, or NULL */
	const struct openapi_param *query; /* query parameters, ending with a NULL name; or NULL */
};
/* The description of route (method, pattern), or NULL. */
const struct openapi_doc *openapi_doc_for(enum http_method m, const char *pattern);
/* Add the schemas the descriptions name. */
void openapi_doc_schemas(json_t *schemas);
/* The schemas of evidence, suggestions and demand (openapi_evidence.c). */
void openapi_evidence_schemas(json_t *schemas);
/* The answer of an insight import (api_import.c). */
void openapi_import_schemas(json_t *schemas);
#endif
