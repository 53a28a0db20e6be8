/* api_session.c — health check, and signing in and out through the API (cookie sessions). */
#include "api.h"
#include "app/reply.h"
#include "app/signin.h"

void api_healthz(request *rq, response *rs)
{
	(void)rq;
	reply_json(rs, 200, json_pack("{ss}", "status", "ok"));
}

static json_t *me(request *rq)
{
	return json_pack("{s{sIssssss}ss}", "user", "id", (json_int_t)rq->user_id, "email", rq->user_email, "name",
	                 rq->user_name, "role", rq->user_role, "csrf_token", rq->csrf ? rq->csrf : "");
}

void api_session_create(request *rq, response *rs)
{
	json_t *email = json_object_get(rq->json, "email"), *pw = json_object_get(rq->json, "password");
	if (!json_is_object(rq->json))
		return reply_error(rs, 400, "invalid", NULL, "the body must be a JSON object");
	if (!json_is_string(email))
		return reply_error(rs, 400, "invalid", "email", "email is required");
	if (!json_is_string(pw))
		return reply_error(rs, 400, "invalid", "password", "password is required");
	struct err e = {0};
	if (signin(rq, rs, json_string_value(email), json_string_value(pw), &e) < 0)
		return reply_err_json(rs, &e);
	reply_json(rs, 201, me(rq));
}

void api_session_get(request *rq, response *rs) { reply_json(rs, 200, me(rq)); }

void api_session_delete(request *rq, response *rs)
{
	signout(rq, rs);
	rs->status = 204;
}
