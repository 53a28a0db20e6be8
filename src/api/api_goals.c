/* api_goals.c — what goals have beyond the generic kind to read: measurements and target changes (their actions:
 * model/goals.c). */
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



void api_goal_revisions(request *rq, response *rs)
{
	json_t *items = goal_target_changes(rq->db, rq_id(rq, 0));
	if (!items)
		return reply_error(rs, 404, "not_found", NULL, "no such goal");
	reply_json(rs, 200, json_pack("{sosn}", "items", items, "next_cursor"));
}
