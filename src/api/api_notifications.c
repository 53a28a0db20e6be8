/* api_notifications.c — the signed-in person's inbox (list, mark read) and following any object (watch). */
#include "api.h"
#include "app/reply.h"
#include "model/audience.h"
#include "model/entity.h"
#include "model/notifications.h"
#include "model/users.h"
#include "platform/util.h"

void api_notifications_list(request *rq, response *rs)
{
	const char *cur = rq_query(rq, "cursor"), *lim = rq_query(rq, "limit"), *unread = rq_query(rq, "unread");
	long long before = 0, limit = 50;
	if (cur && (!parse_ll(cur, &before) || before < 0))
		return reply_error(rs, 400, "invalid", "cursor", "cursor must be the next_cursor of the page before");
	if (lim && (!parse_ll(lim, &limit) || limit < 1 || limit > 500))
		return reply_error(rs, 400, "invalid", "limit", "limit must be a whole number from 1 to 500");
	if (unread && !str_eq(unread, "true") && !str_eq(unread, "false"))
		return reply_error(rs, 400, "invalid", "unread", "unread must be true or false");
	long long next;
	json_t *items = notifications_list(rq->db, rq->user_id, str_eq(unread, "true"), before, (int)limit, &next);
	reply_json(rs, 200,
	           json_pack("{sosIso}", "items", items, "unread", (json_int_t)notifications_unread(rq->db, rq->user_id),
	                     "next_cursor", next ? json_string(arena_printf(rq->a, "%lld", next)) : json_null()));
}

/* {"ids": [1, 2]} or {"all": true}: {"marked": n, "unread": n}. */
void api_notifications_read(request *rq, response *rs)
{
	json_t *ids = json_object_get(rq->json, "ids"), *all = json_object_get(rq->json, "all"), *v;
	if (!json_is_object(rq->json))
		return reply_error(rs, 400, "invalid", NULL, "the body must be an object: {\"ids\": [...]} or {\"all\": true}");
	if (all && !json_is_boolean(all))
		return reply_error(rs, 400, "invalid", "all", "all must be true or false");
	bool every = json_is_true(all);
	if (every == (ids != NULL))
		return reply_error(rs, 400, "invalid", ids ? "all" : "ids",
		                   "give either ids (a list of notification ids) or all: true");
	size_t i;
	if (ids && (!json_is_array(ids) || json_array_size(ids) > 1000))
		return reply_error(rs, 400, "invalid", "ids", "ids must be a list of at most 1000 notification ids");
	json_array_foreach(ids, i, v) if (!json_is_integer(v) || json_integer_value(v) < 1)
		return reply_error(rs, 400, "invalid", arena_printf(rq->a, "ids[%zu]", i),
		                   arena_printf(rq->a, "ids[%zu] must be a notification id", i));
	long long n = notifications_mark_read(rq->db, rq->user_id, every ? NULL : ids);
	if (n < 0)
		return reply_error(rs, 500, "internal", NULL, "the notifications could not be marked read");
	reply_json(rs, 200, json_pack("{sIsI}", "marked", (json_int_t)n, "unread",
	                              (json_int_t)notifications_unread(rq->db, rq->user_id)));
}

/* POST follows, DELETE stops (also what one owns): {"kind", "id", "watching"}. */
void api_watch(request *rq, response *rs)
{
	const struct entity *e = entity_find(rq->params[0]);
	long long id = rq_id(rq, 1);
	json_t *obj = entity_get(rq->db, e, id);
	bool seen = obj && entity_visible(rq->db, e, id, rq->user_rank >= RANK_ADMIN ? 0 : rq->user_id);
	json_decref(obj);
	if (!seen)
		return reply_error(rs, 404, "not_found", NULL, arena_printf(rq->a, "no %s with id %lld", e->one, id));
	bool on = rq->method == HTTP_POST;
	if (watch_set(rq->db, rq->user_id, e->kind, id, on) < 0)
		return reply_error(rs, 500, "internal", NULL, "the watch could not be saved");
	reply_json(rs, 200, json_pack("{sssIsb}", "kind", e->kind, "id", (json_int_t)id, "watching", on));
}
