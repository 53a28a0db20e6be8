/* api_people.c — users (listed for everyone; admins' verbs are actions: model/user_admin.c) and API tokens. */
#include <string.h>
#include "api.h"
#include "app/reply.h"
#include "model/people.h"
#include "model/users.h"

void api_users_list(request *rq, response *rs)
{
	reply_json(rs, 200, json_pack("{sosn}", "items", people_list(rq->db, false), "next_cursor"));
}

void api_user_get(request *rq, response *rs)
{
	json_t *u = people_get(rq->db, rq_id(rq, 0));
	if (!u)
		return reply_error(rs, 404, "not_found", NULL, "no such user");
	reply_json(rs, 200, u);
}

/* Admins see every token; others their own. Secrets are never shown again. */
void api_tokens_list(request *rq, response *rs)
{
	json_t *items = tokens_list(rq->db, rq->user_rank >= RANK_ADMIN ? 0 : rq->user_id), *it;
	size_t i;
	json_array_foreach(items, i, it) json_object_del(it, "last_used_at"); /* the API's answer as it was */
	reply_json(rs, 200, json_pack("{sosn}", "items", items, "next_cursor"));
}

void api_tokens_create(request *rq, response *rs)
{
	json_t *name = json_object_get(rq->json, "name");
	if (!json_is_object(rq->json))
		return reply_error(rs, 400, "invalid", NULL, "the body must be a JSON object");
	if (name && (!json_is_string(name) || strlen(json_string_value(name)) > 100))
		return reply_error(rs, 400, "invalid", "name", "name must be text of at most 100 characters");
	struct err e = {0};
	const char *secret;
	long long id = token_create(rq->db, rq->a, rq->user_id, json_string_value(name), &secret, &e);
	if (id < 0)
		return reply_err_json(rs, &e);
	reply_json(rs, 201, json_pack("{sIss}", "id", (json_int_t)id, "token", secret));
}

void api_tokens_delete(request *rq, response *rs)
{
	long long id = rq_id(rq, 0);
	long long owner = token_owner(rq->db, id);
	if (!owner || (owner != rq->user_id && rq->user_rank < RANK_ADMIN))
		return reply_error(rs, 404, "not_found", NULL, "no such token");
	struct err e = {0};
	if (token_revoke(rq->db, id, &e) < 0)
		return reply_err_json(rs, &e);
	rs->status = 204;
}
