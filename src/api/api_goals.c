/* api_goals.c — what goals have beyond the generic kind: measurements, target changes, reviews. */
#include "api.h"
#include "app/reply.h"
#include "model/goals.h"

void api_goal_measurements(request *rq, response *rs)
{
	json_t *items = goal_measurements(rq->db, rq_id(rq, 0));
	if (!items)
		return reply_error(rs, 404, "not_found", NULL, "no such goal");
	reply_json(rs, 200, json_pack("{sosn}", "items", items, "next_cursor"));
}

void api_goal_measure(request *rq, response *rs)
{
	struct err e = {0};
	long long id = goal_measure(rq->db, rq->user_id, rq_id(rq, 0), rq->json, &e);
	if (id < 0)
		return reply_err_json(rs, &e);
	reply_json(rs, 201, entity_get(rq->db, &goals_entity, rq_id(rq, 0)));
}

void api_goal_target(request *rq, response *rs)
{
	struct err e = {0};
	if (goal_change_target(rq->db, rq->user_id, rq_id(rq, 0), rq->json, &e) < 0)
		return reply_err_json(rs, &e);
	reply_json(rs, 200, entity_get(rq->db, &goals_entity, rq_id(rq, 0)));
}

void api_goal_revisions(request *rq, response *rs)
{
	json_t *items = goal_target_changes(rq->db, rq_id(rq, 0));
	if (!items)
		return reply_error(rs, 404, "not_found", NULL, "no such goal");
	reply_json(rs, 200, json_pack("{sosn}", "items", items, "next_cursor"));
}

void api_goal_review(request *rq, response *rs)
{
	struct err e = {0};
	if (goal_mark_reviewed(rq->db, rq->user_id, rq_id(rq, 0), &e) < 0)
		return reply_err_json(rs, &e);
	reply_json(rs, 200, entity_get(rq->db, &goals_entity, rq_id(rq, 0)));
}
