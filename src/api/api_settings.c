/* api_settings.c — GET and PUT /api/v1/settings/{setting} for every setting group (model/setting.h). */
#include "api.h"
#include "app/reply.h"
#include "model/setting.h"

void api_setting_get(request *rq, response *rs)
{
	reply_json(rs, 200, setting_get(rq->db, setting_find(rq->params[0])));
}

void api_setting_put(request *rq, response *rs)
{
	const struct setting *s = setting_find(rq->params[0]);
	struct err e = {0};
	if (setting_put(rq->db, s, rq->user_id, rq->json, &e) < 0)
		return reply_err_json(rs, &e);
	reply_json(rs, 200, setting_get(rq->db, s));
}
