/* api_messaging.c — a segment's messaging ladder as a tree, and one message's lint. */
#include "api.h"
#include "app/reply.h"
#include "domain/message_lint.h"
#include "domain/messaging.h"
#include "model/messages.h"

void api_messaging(request *rq, response *rs)
{
	struct err err = {0};
	long long seg = messaging_segment_arg(rq_query(rq, "segment_id"), &err);
	json_t *tree = seg > 0 ? messaging_ladder(rq->db, seg, &err) : NULL;
	if (!tree)
		return reply_err_json(rs, &err);
	reply_json(rs, 200, tree);
}

void api_message_lint(request *rq, response *rs)
{
	json_t *m = entity_get(rq->db, &messages_entity, rq_id(rq, 0));
	if (!m)
		return reply_error(rs, 404, "not_found", NULL, "no message with that id");
	json_t *problems = message_lint(rq->db, m);
	json_decref(m);
	reply_json(rs, 200, json_pack("{so}", "problems", problems));
}
