/* api_workspace.c — the first run's checklist and what a person owns (the dashboard's cards, as JSON). */
#include "api.h"
#include "app/reply.h"
#include "domain/getting_started.h"
#include "model/owned.h"
#include "model/users.h"

void api_getting_started(request *rq, response *rs) { reply_json(rs, 200, getting_started(rq->db)); }

void api_user_owned(request *rq, response *rs)
{
	struct user u;
	long long id = rq_id(rq, 0);
	if (!users_get(rq->db, rq->a, id, &u))
		return reply_error(rs, 404, "not_found", NULL, "no such user");
	reply_json(rs, 200, json_pack("{sIso}", "user_id", (json_int_t)id, "items", owned_counts(rq->db, rq->a, id)));
}
