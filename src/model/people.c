/* people.c — the lists of people and API tokens the API and the CLI show (secrets never among them). */
#include "people.h"
#include "invitations.h"
#include "platform/json_get.h"

#define PERSON_COLUMNS "SELECT id, email, name, role, created_at, active, deactivated_at, notify FROM users "

/* One user row as JSON, with their pending invitation (or null). */
static json_t *person_json(db *d, db_stmt *s)
{
	long long id = db_col_int(s, 0);
	json_t *o = json_pack("{sIssssssss}", "id", (json_int_t)id, "email", db_col_text(s, 1), "name", db_col_text(s, 2),
	                      "role", db_col_text(s, 3), "created_at", db_col_text(s, 4));
	json_object_set_new(o, "active", json_boolean(db_col_int(s, 5) != 0));
	json_object_set_new(o, "deactivated_at", jcol_str(s, 6));
	json_object_set_new(o, "invitation", invitation_pending(d, id));
	json_object_set_new(o, "notify", jcol_str(s, 7));
	return o;
}

json_t *people_list(db *d, bool by_id)
{
	json_t *items = json_array();
	db_stmt *s = db_q(d, by_id ? PERSON_COLUMNS "ORDER BY id" : PERSON_COLUMNS "ORDER BY name, id", "");
	while (s && db_step(s) == DB_ROW)
		json_array_append_new(items, person_json(d, s));
	db_done(s);
	return items;
}

json_t *people_get(db *d, long long id)
{
	db_stmt *s = db_q(d, PERSON_COLUMNS "WHERE id = ?", "i", id);
	json_t *o = s && db_step(s) == DB_ROW ? person_json(d, s) : NULL;
	db_done(s);
	return o;
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
