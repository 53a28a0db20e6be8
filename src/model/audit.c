/* audit.c — the audit trail: who changed what, when, for every kind of object. */
#include <stdlib.h>
#include "entity.h"
#include "events.h"
#include "platform/json_get.h"

int audit_write(db *d, long long actor, const char *kind, long long id, const char *action, json_t *changes)
{
	char now[21];
	now_rfc3339(now);
	char *text = json_dumps(changes, JSON_COMPACT | JSON_SORT_KEYS);
	db_stmt *s = db_prepare(d, "INSERT INTO audit(at, user_id, kind, object_id, action, changes) VALUES (?, ?, ?, ?, ?, ?)");
	if (!s) {
		free(text);
		return -1;
	}
	db_bind_text(s, 1, now);
	if (actor > 0)
		db_bind_int(s, 2, actor);
	db_bind_text(s, 3, kind);
	db_bind_int(s, 4, id);
	db_bind_text(s, 5, action);
	db_bind_text(s, 6, text ? text : "{}");
	int rc = db_step(s);
	db_done(s);
	free(text);
	return rc == DB_DONE ? events_after_audit(d, actor, kind, id, action, changes) : -1;
}

/* Both reads select the same columns: a.id, a.at, a.user_id, u.name, a.kind, a.object_id, a.action, a.changes. */
#define AUDIT_COLUMNS "SELECT a.id, a.at, a.user_id, u.name, a.kind, a.object_id, a.action, a.changes FROM audit a " \
                      "LEFT JOIN users u ON u.id = a.user_id "

/* One audit row as JSON: {at, action, user_id, user, changes}, and with_object also {id, kind, object_id}. */
static json_t *audit_row(db_stmt *s, bool with_object)
{
	json_t *o = json_pack("{ssss}", "at", db_col_text(s, 1), "action", db_col_text(s, 6));
	if (with_object) {
		json_object_set_new(o, "id", json_integer(db_col_int(s, 0)));
		json_object_set_new(o, "kind", json_string(db_col_text(s, 4)));
		json_object_set_new(o, "object_id", json_integer(db_col_int(s, 5)));
	}
	json_object_set_new(o, "user_id", jcol_int(s, 2));
	json_object_set_new(o, "user", jcol_str(s, 3));
	json_t *ch = json_loads(db_col_text(s, 7), 0, NULL);
	json_object_set_new(o, "changes", ch ? ch : json_object());
	return o;
}

bool audit_kind_known(const char *kind)
{
	return entity_find(kind) || str_eq(kind, "strategy") || str_eq(kind, "settings") || str_eq(kind, "share-links") ||
	       str_eq(kind, "users");
}

json_t *audit_feed(db *d, const char *kind, int rank, long long before, int limit, long long *next)
{
	json_t *arr = json_array();
	*next = 0;
	buf sql; /* leave out the kinds the reader may not see (webhooks: their URLs carry secrets) */
	buf_init(&sql);
	buf_lit(&sql, AUDIT_COLUMNS "WHERE (? IS NULL OR a.kind = ?) AND (? = 0 OR a.id < ?)");
	for (int i = 0; i < entity_count; i++)
		if (entity_all[i]->read_rank > rank)
			buf_rawf(&sql, " AND a.kind <> '%s'", entity_all[i]->kind); /* a descriptor's name, never input */
	buf_lit(&sql, " ORDER BY a.id DESC LIMIT ?");
	db_stmt *s = db_q(d, buf_str(&sql), "ttiii", kind, kind, before, before, (long long)limit + 1);
	buf_free(&sql);
	while (s && db_step(s) == DB_ROW) {
		if ((int)json_array_size(arr) == limit) { /* one row more than the page: there is a next page */
			*next = json_integer_value(json_object_get(json_array_get(arr, limit - 1), "id"));
			break;
		}
		json_array_append_new(arr, audit_row(s, true));
	}
	db_done(s);
	return arr;
}

json_t *audit_history(db *d, const char *kind, long long id, int limit)
{
	json_t *arr = json_array();
	db_stmt *s = db_q(d, AUDIT_COLUMNS "WHERE a.kind = ? AND a.object_id = ? ORDER BY a.id DESC LIMIT ?", "tii", kind, id,
	                  (long long)limit);
	while (s && db_step(s) == DB_ROW)
		json_array_append_new(arr, audit_row(s, false));
	db_done(s);
	return arr;
}
