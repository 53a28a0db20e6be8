/* access.c — may the signed-in user take this route: its least role, a setting group's write rank, and for a
 * kind's writes the kind's ranks (write rank; create rank and, for objects they created, the creator's right to
 * edit and delete). */
#include "access.h"
#include <string.h>
#include "model/action.h"
#include "model/entity.h"
#include "model/setting.h"
#include "model/users.h"

bool access_allowed(request *rq, const struct route *r)
{
	if (rq->user_rank < r->rank)
		return false;
	/* a kind some roles may not see at all (webhooks): its routes and its actions' */
	const struct entity *seen = strstr(r->pattern, "{kind}") ? entity_find(rq->params[0])
	                            : r->action && r->action->kind ? entity_find(r->action->kind)
	                                                           : NULL;
	if (seen && rq->user_rank < seen->read_rank)
		return false;
	if (strstr(r->pattern, "{setting}") && r->method != HTTP_GET) /* a setting group's own write rank */
		return rq->user_rank >= setting_find(rq->params[0])->write_rank;
	if (!(r->flags & R_KIND_WRITE))
		return true;
	const struct entity *e = entity_find(rq->params[0]);
	if (!e)
		return true; /* the router let no unknown kind through; nothing to judge */
	long long id;
	if (!strstr(r->pattern, "{id}") || !parse_ll(rq->params[1], &id)) /* a new object: the list's /new, POST */
		return entity_may_create(e, rq->user_rank);
	if (rq->user_rank >= e->write_rank || !entity_ref_exists(rq->db, e->kind, id))
		return true; /* writers may; a missing object is the handler's 404 */
	return entity_may_change(rq->db, e, id, rq->user_id, rq->user_rank);
}
