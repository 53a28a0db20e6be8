/* reply.h — building whole responses: JSON bodies, the error envelope, redirects. */
#ifndef TANDEM_REPLY_H
#define TANDEM_REPLY_H
#include <jansson.h>
#include "platform/err.h"
#include "platform/http.h"

/* JSON body from o (reference stolen). */
void reply_json(response *rs, int status, json_t *o);
/* {"error": {"code", "message", "field"}} with e's status. */
void reply_err_json(response *rs, const struct err *e);
/* Same, from parts. */
void reply_error(response *rs, int status, const char *code, const char *field, const char *message);
void reply_redirect(response *rs, request *rq, const char *location); /* 303 See Other */
/* 200 with a file the caller writes into rs->body: its type, shown "inline" or saved as an "attachment"
 * under filename (program-made: letters, digits, dashes, dots), never kept by shared caches. */
void reply_file(request *rq, response *rs, const char *content_type, const char *disposition, const char *filename);
/* The request's numeric path parameter i (validated by the router). */
long long rq_id(request *rq, int i);
/* The version a client claims: If-Match header, else the body's "version"; -1 when absent. */
long long rq_version(request *rq, json_t *body);
#endif
