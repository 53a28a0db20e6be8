/* api_features.c — what features have beyond the generic kind: triage through the perspective gate, merging. */
#include <string.h>
#include "api.h"
#include "app/reply.h"
#include "domain/triage.h"
#include "model/features.h"

void api_feature_triage(request *rq, response *rs)
{
	struct err e = {0};
	const char *reply = NULL;
	if (triage_decide(rq->db, rq->a, rq->user_id, rq_id(rq, 0), rq->json, &reply, &e) < 0)
		return reply_err_json(rs, &e);
	reply_json(rs, 200, json_pack("{soss}", "feature", entity_get(rq->db, &features_entity, rq_id(rq, 0)), "reply", reply));
}

void api_feature_merge(request *rq, response *rs)
{
	struct err e = {0};
	json_t *into = json_object_get(rq->json, "into");
	const char *key;
	json_t *v;
	json_object_foreach(rq->json, key, v) if (strcmp(key, "into")) return reply_error(rs, 400, "invalid", key,
	                                                                                   "unknown field; send {\"into\": id}");
	if (!json_is_integer(into))
		return reply_error(rs, 400, "invalid", "into", "into must be the id of the feature to keep");
	if (feature_merge(rq->db, rq->user_id, rq_id(rq, 0), json_integer_value(into), &e) < 0)
		return reply_err_json(rs, &e);
	reply_json(rs, 200, entity_get(rq->db, &features_entity, json_integer_value(into)));
}
