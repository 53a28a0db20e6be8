/* api_roadmap.c — the roadmap as JSON, and read-only share links (roadmap, calendar feed): list, make, revoke. */
#include "api.h"
#include "app/reply.h"
#include "domain/ics.h"
#include "domain/roadmap.h"
#include "model/share_links.h"
#include "platform/json_get.h"
#include <string.h>

void api_roadmap(request *rq, response *rs)
{
	struct roadmap_filter f;
	struct err err = {0};
	roadmap_filter_init(&f);
	for (struct kv *k = rq_query_all(rq); k; k = k->next)
		if (roadmap_param(rq->db, &f, k->key, k->value, &err) < 0)
			return reply_err_json(rs, &err);
	char today[11];
	today_ymd(today);
	struct roadmap r;
	if (roadmap_load(rq->db, rq->a, &f, today, &r) < 0) {
		err_internal(&err);
		return reply_err_json(rs, &err);
	}
	reply_json(rs, 200, roadmap_json(&r));
}

void api_share_links_list(request *rq, response *rs)
{
	const char *kind = rq_query(rq, "kind");
	if (str_empty(kind))
		kind = NULL;
	else if (!str_eq(kind, "roadmap") && !str_eq(kind, "calendar"))
		return reply_error(rs, 400, "invalid", "kind", "kind must be roadmap or calendar");
	json_t *items = share_links_list(rq->db, kind), *it;
	size_t i;
	json_array_foreach(items, i, it)
	{
		bool active = json_is_null(json_object_get(it, "revoked_at"));
		json_object_set_new(it, "active", json_boolean(active));
	}
	reply_json(rs, 200, json_pack("{sosn}", "items", items, "next_cursor"));
}

