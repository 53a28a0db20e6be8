/* api_plan.c — score weights (a workspace setting) and a feature's score breakdown. */
#include "api.h"
#include "app/reply.h"
#include "domain/score.h"

void api_feature_score(request *rq, response *rs)
{
	bool missing;
	json_t *s = feature_score(rq->db, rq_id(rq, 0), &missing);
	if (!s)
		return missing ? reply_error(rs, 404, "not_found", NULL, "no such feature")
		               : reply_error(rs, 500, "internal", NULL, "internal error; see the server log");
	reply_json(rs, 200, s);
}
