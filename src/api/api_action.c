/* api_action.c — the API's answer to every action: the object as it is now, or the action's own answer, or the
 * error (the dispatcher ran the action; src/app/outcome.h). */
#include "api.h"
#include "app/outcome.h"
#include "app/reply.h"

void api_action(request *rq, response *rs)
{
	const struct outcome *o = rq_outcome(rq);
	if (o->rc < 0)
		return reply_err_json(rs, &o->err);
	const struct action *a = o->action;
	if (a->flags & A_EMPTY) {
		rs->status = 204;
		return;
	}
	int status = o->x.status ? o->x.status : (a->flags & A_CREATED) ? 201 : 200;
	json_t *body = (a->flags & A_OBJECT) ? entity_get(rq->db, entity_find(a->kind), o->x.id) : json_incref(o->x.out);
	reply_json(rs, status, body ? body : json_object());
}
