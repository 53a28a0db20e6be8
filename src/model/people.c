/* people.c — the lists of people and API tokens the API and the CLI show (secrets never among them). */
#include "people.h"
#include "platform/json_get.h"

json_t *people_list(db *d, bool by_id)
{
	json_t *items = json_array();
	db_stmt *s = db_q(d, by_id ? "SELECT id, email, name, role, created_at FROM users ORDER BY id"
	                           : "SELECT id, email, name, role, created_at FROM users ORDER BY name",
	                  "");
	while (s && db_step(s) == DB_ROW)
		json_array_append_new(items, json_pack("{sIssssssss}", "id", (json_int_t)db_col_int(s, 0), "email",
		                                       db_col_text(s, 1), "name", db_col_text(s, 2), "role", db_col_text(s, 3),
		                                       "created_at", db_col_text(s, 4)));
	db_done(s);
	return items;
}

json_t *tokens_list(db *d, long long user_id)
{
	json_t *items = json_array();
	db_stmt *s = db_q(d,
	                  "SELECT t.id, t.name, u.email, t.created_at, t.last_used_at, t.revoked_at FROM tokens t "
	                  "JOIN users u ON u.id = t.user_id WHERE ? = 0 OR t.user_id = ? ORDER BY t.id",
	                  "ii", user_id, user_id);
	while (s && db_step(s) == DB_ROW) {
		json_t *o = json_pack("{sIssssss}", "id", (json_int_t)db_col_int(s, 0), "name", db_col_text(s, 1), "user",
		                      db_col_text(s, 2), "created_at", db_col_text(s, 3));
		json_object_set_new(o, "last_used_at", jcol_str(s, 4));
		json_object_set_new(o, "revoked_at", jcol_str(s, 5));
		json_array_append_new(items, o);
	}
	db_done(s);
	return items;
}

long long token_owner(db *d, long long id) { return db_int(d, 0, "SELECT user_id FROM tokens WHERE id = ?", "i", id); }
