/* openapi.h — the OpenAPI document, for the route and for the test that walks the route table. */
#ifndef TANDEM_OPENAPI_H
#define TANDEM_OPENAPI_H
#include <jansson.h>
#include "platform/arena.h"
json_t *openapi_document(arena *a);
/* The concrete path of a route pattern for one kind ({kind} replaced), or the pattern itself. */
const char *openapi_path(arena *a, const char *pattern, const char *kind);
#endif
