/* api_entity.c — the generic JSON endpoints every described kind gets: list, CSV, get, create,
 * patch, delete, history, what points at an object. */
#include <string.h>
#include "api.h"
#include "app/reply.h"
#include "model/entity.h"
#include "model/related.h"
#include "model/users.h"

enum { API_MAX_LIMIT = 500, CSV_MAX_LIMIT = 1000000 };

static const struct entity *kind(request *rq) { return entity_find(rq->params[0]); }

/* Whose view of a kind with visible_sql a list shows: the user's, but admins see every object. */
static long long viewer(request *rq) { return rq->user_rank >= RANK_ADMIN ? 0 : rq->user_id; }

void api_snippets_html(json_t *items)
{
	size_t i;
	json_t *o;
	json_array_foreach(items, i, o)
	{
		json_t *snip = json_object_get(o, "snippet");
		if (!json_is_string(snip))
			continue;
		buf b;
		buf_init(&b);
		buf_html_marked(&b, json_string_value(snip));
		json_object_set_new(o, "snippet_html", json_string(buf_str(&b)));
		buf_free(&b);
		json_object_del(o, "snippet");
	}
}

void api_entity_list(request *rq, response *rs)
{
	struct list_query q = {rq_query_all(rq), API_MAX_LIMIT, viewer(rq)};
	json_t *items;
	const char *next;
	struct err e = {0};
	if (entity_list(rq->db, kind(rq), &q, rq->a, &items, &next, &e) < 0)
		return reply_err_json(rs, &e);
	api_snippets_html(items);
	reply_json(rs, 200, json_pack("{soso}", "items", items, "next_cursor", next ? json_string(next) : json_null()));
}

void api_entity_csv(request *rq, response *rs)
{
	struct list_query q = {rq_query_all(rq), CSV_MAX_LIMIT, viewer(rq)};
	struct err e = {0};
	/* without an explicit limit the export is whole */
	if (!rq_query(rq, "limit")) {
		struct kv *lim = arena_alloc(rq->a, sizeof *lim);
		lim->key = "limit";
		lim->value = "1000000";
		lim->next = q.args;
		q.args = lim;
	}
	if (entity_csv(rq->db, kind(rq), &q, rq->a, &rs->body, &e) < 0)
		return reply_err_json(rs, &e);
	reply_file(rq, rs, "text/csv; charset=utf-8", "attachment", arena_printf(rq->a, "%s.csv", kind(rq)->kind));
}

void api_entity_get(request *rq, response *rs)
{
	json_t *o = entity_visible(rq->db, kind(rq), rq_id(rq, 1), viewer(rq)) ? entity_get(rq->db, kind(rq), rq_id(rq, 1))
	                                                                       : NULL;
	if (!o)
		return reply_error(rs, 404, "not_found", NULL, "no such object");
	reply_json(rs, 200, o);
}

void api_entity_create(request *rq, response *rs)
{
	struct err e = {0};
	long long id = entity_create_ranked(rq->db, kind(rq), rq->user_id, rq->user_rank, rq->json, &e);
	if (id < 0)
		return reply_err_json(rs, &e);
	rs_header(rs, "Location", arena_printf(rq->a, "/api/v1/%s/%lld", kind(rq)->kind, id));
	reply_json(rs, 201, entity_get(rq->db, kind(rq), id));
}

void api_entity_patch(request *rq, response *rs)
{
	struct err e = {0};
	long long id = rq_id(rq, 1);
	if (entity_update(rq->db, kind(rq), rq->user_id, id, rq->json, rq_version(rq, rq->json), &e) < 0)
		return reply_err_json(rs, &e);
	reply_json(rs, 200, entity_get(rq->db, kind(rq), id));
}

void api_entity_delete(request *rq, response *rs)
{
	struct err e = {0};
	if (entity_delete(rq->db, kind(rq), rq->user_id, rq_id(rq, 1), &e) < 0)
		return reply_err_json(rs, &e);
	rs->status = 204;
}

void api_entity_history(request *rq, response *rs)
{
	long long id = rq_id(rq, 1);
	if (!entity_ref_exists(rq->db, kind(rq)->kind, id) || !entity_visible(rq->db, kind(rq), id, viewer(rq)))
		return reply_error(rs, 404, "not_found", NULL, "no such object");
	reply_json(rs, 200, json_pack("{so}", "items", audit_history(rq->db, kind(rq)->kind, id, 200)));
}

void api_entity_related(request *rq, response *rs)
{
	json_t *o = entity_related(rq->db, kind(rq), rq_id(rq, 1));
	if (!o)
		return reply_error(rs, 404, "not_found", NULL, "no such object");
	reply_json(rs, 200, o);
}

void api_activity(request *rq, response *rs)
{
	const char *kind = rq_query(rq, "kind"), *cur = rq_query(rq, "cursor"), *lim = rq_query(rq, "limit");
	long long before = 0, limit = 50;
	if (str_empty(kind))
		kind = NULL;
	if (kind && !audit_kind_known(kind))
		return reply_error(rs, 400, "invalid", "kind", "kind must be an object kind, strategy, settings or share-links");
	if (cur && (!parse_ll(cur, &before) || before < 0))
		return reply_error(rs, 400, "invalid", "cursor", "cursor must be the next_cursor of the page before");
	if (lim && (!parse_ll(lim, &limit) || limit < 1 || limit > 500))
		return reply_error(rs, 400, "invalid", "limit", "limit must be a whole number from 1 to 500");
	long long next;
	json_t *items = audit_feed(rq->db, kind, rq->user_rank, before, (int)limit, &next);
	reply_json(rs, 200,
	           json_pack("{soso}", "items", items, "next_cursor",
	                     next ? json_string(arena_printf(rq->a, "%lld", next)) : json_null()));
}
