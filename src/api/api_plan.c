/* api_plan.c — score weights (a workspace setting) and a feature's score breakdown. */
#include "api.h"
#include "app/reply.h"
#include "domain/score.h"

void api_settings_score_get(request *rq, response *rs)
{
	struct score_weights w;
	score_weights_get(rq->db, &w);
	reply_json(rs, 200, score_weights_json(&w));
}

void api_settings_score_put(request *rq, response *rs)
{
	struct err e = {0};
	if (score_weights_put(rq->db, rq->user_id, rq->json, &e) < 0)
		return reply_err_json(rs, &e);
	api_settings_score_get(rq, rs);
}

void api_feature_score(request *rq, response *rs)
{
	bool missing;
	json_t *s = feature_score(rq->db, rq_id(rq, 0), &missing);
	if (!s)
		return missing ? reply_error(rs, 404, "not_found", NULL, "no such feature")
		               : reply_error(rs, 500, "internal", NULL, "internal error; see the server log");
	reply_json(rs, 200, s);
}
