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

/* The answer to a new link: the secret once, its path, and a full URL when the Host header is usable. */
void api_share_links_create(request *rq, response *rs)
{
	json_t *in = rq->json, *v;
	const char *key;
	if (!json_is_object(in))
		return reply_error(rs, 400, "invalid", NULL, "the body must be a JSON object");
	json_object_foreach(in, key, v)
	{
		if (strcmp(key, "kind") && strcmp(key, "label"))
			return reply_error(rs, 400, "invalid", key, "unknown field for a share link (kind, label)");
		if (!json_is_string(v))
			return reply_error(rs, 400, "invalid", key, "must be a string");
	}
	const char *kind = jget_str(in, "kind"), *secret = NULL;
	if (!kind)
		return reply_error(rs, 400, "invalid", "kind", "kind is required: roadmap or calendar");
	struct err err = {0};
	long long id = share_link_create(rq->db, rq->a, rq->user_id, kind, jget_str(in, "label"), &secret, &err);
	if (id < 0)
		return reply_err_json(rs, &err);
	const char *path = share_link_path(rq->a, kind, secret);
	const char *host = rq_header(rq, "Host"), *proto = rq_header(rq, "X-Forwarded-Proto");
	json_t *o = json_pack("{sIsssssssn}", "id", (json_int_t)id, "kind", kind, "token", secret, "path", path, "url");
	if (ics_host_sane(host))
		json_object_set_new(o, "url",
		                    json_string(arena_printf(rq->a, "%s://%s%s",
		                                             str_eq(proto, "https") ? "https" : "http", host, path)));
	db_stmt *s = db_q(rq->db, "SELECT label, created_at FROM share_links WHERE id = ?", "i", id);
	if (s && db_step(s) == DB_ROW) { /* the label as stored (a default when none was given) */
		json_object_set_new(o, "label", json_string(db_col_text(s, 0)));
		json_object_set_new(o, "created_at", json_string(db_col_text(s, 1)));
	}
	db_done(s);
	reply_json(rs, 201, o);
}

void api_share_links_delete(request *rq, response *rs)
{
	struct err err = {0};
	if (share_link_revoke(rq->db, rq->user_id, rq_id(rq, 0), &err) < 0)
		return reply_err_json(rs, &err);
	rs->status = 204;
}
