/* reply.c — whole responses: JSON bodies, the error envelope, redirects. */
#include "reply.h"
#include <stdlib.h>
#include <string.h>

void reply_json(response *rs, int status, json_t *o)
{
	rs->status = status;
	rs->content_type = "application/json";
	buf_reset(&rs->body);
	char *text = json_dumps(o, JSON_COMPACT | JSON_REAL_PRECISION(12));
	if (text) {
		buf_raw(&rs->body, text);
		free(text);
	}
	json_decref(o);
}

void reply_error(response *rs, int status, const char *code, const char *field, const char *message)
{
	json_t *e = json_pack("{ssss}", "code", code, "message", message);
	if (field && *field)
		json_object_set_new(e, "field", json_string(field));
	reply_json(rs, status, json_pack("{so}", "error", e));
	rs->etag = false;
}

void reply_err_json(response *rs, const struct err *e)
{
	reply_error(rs, e->status ? e->status : 500, e->code ? e->code : "internal", e->field, e->message);
}

void reply_redirect(response *rs, request *rq, const char *location)
{
	rs->status = 303;
	rs->content_type = "text/plain; charset=utf-8";
	rs->etag = false;
	buf_reset(&rs->body);
	rs_header(rs, "Location", arena_strdup(rq->a, location));
}

long long rq_id(request *rq, int i)
{
	long long id = 0;
	parse_ll(rq->params[i], &id);
	return id;
}

long long rq_version(request *rq, json_t *body)
{
	const char *im = rq_header(rq, "If-Match");
	long long v;
	if (im) {
		/* accept 7, "7" and W/"7" */
		const char *p = im;
		if (!strncmp(p, "W/", 2))
			p += 2;
		char tmp[32];
		size_t n = strlen(p);
		if (n >= 2 && p[0] == '"' && p[n - 1] == '"' && n - 2 < sizeof tmp) {
			memcpy(tmp, p + 1, n - 2);
			tmp[n - 2] = 0;
			p = tmp;
		}
		if (parse_ll(p, &v))
			return v;
	}
	json_t *jv = body ? json_object_get(body, "version") : NULL;
	if (json_is_integer(jv))
		return json_integer_value(jv);
	return -1;
}

void reply_file(request *rq, response *rs, const char *content_type, const char *disposition, const char *filename)
{
	rs->status = 200;
	rs->content_type = content_type;
	rs_header(rs, "Content-Disposition", arena_printf(rq->a, "%s; filename=\"%s\"", disposition, filename));
	rs_header(rs, "Cache-Control", "private, no-cache");
}
