/* api_plan.c — score weights (a workspace setting), a feature's score breakdown, the plan and applying it. */
#include "api.h"
#include "app/reply.h"
#include "domain/plan_db.h"
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

/* Compute (apply = false) or apply the plan the body asks for. */
static void plan(request *rq, response *rs, bool apply)
{
	struct err e = {0};
	struct plan_req r;
	json_t *ans = NULL;
	if (plan_req_parse(rq->json, &r, &e) == 0)
		ans = apply ? plan_apply(rq->db, rq->user_id, &r, &e) : plan_compute(rq->db, &r, &e);
	plan_req_free(&r);
	if (!ans)
		return reply_err_json(rs, &e);
	reply_json(rs, 200, ans);
}

void api_plan(request *rq, response *rs) { plan(rq, rs, false); }

void api_plan_apply(request *rq, response *rs) { plan(rq, rs, true); }
