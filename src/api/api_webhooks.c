/* api_webhooks.c — a webhook's deliveries (the kind, its secret and its actions are described in model/webhooks.c). */
#include "api.h"
#include "app/reply.h"
#include "model/webhooks.h"

void api_webhook_deliveries(request *rq, response *rs)
{
	long long id = rq_id(rq, 0);
	if (!entity_ref_exists(rq->db, "webhooks", id))
		return reply_error(rs, 404, "not_found", NULL, "no such webhook");
	reply_json(rs, 200, json_pack("{so}", "items", deliveries_list(rq->db, id, 200)));
}
