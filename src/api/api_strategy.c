/* api_strategy.c — GET/PUT /api/v1/strategy and its revisions. */
#include "api.h"
#include "app/reply.h"
#include "model/strategy.h"

void api_strategy_get(request *rq, response *rs) { reply_json(rs, 200, strategy_get(rq->db)); }

void api_strategy_put(request *rq, response *rs)
{
	struct err e = {0};
	if (strategy_put(rq->db, rq->user_id, rq->json, rq_version(rq, rq->json), &e) < 0)
		return reply_err_json(rs, &e);
	reply_json(rs, 200, strategy_get(rq->db));
}

void api_strategy_revisions(request *rq, response *rs)
{
	reply_json(rs, 200, json_pack("{sosn}", "items", strategy_revisions(rq->db), "next_cursor"));
}
