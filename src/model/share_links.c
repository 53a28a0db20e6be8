/* share_links.c — read-only share links: secrets kept as BLAKE2b hashes, revocation, audit. */
#include "share_links.h"
#include <string.h>
#include "entity.h"
#include "platform/json_get.h"
#include "users.h"

static bool valid_kind(const char *k) { return str_eq(k, "roadmap") || str_eq(k, "calendar"); }

long long share_link_create(db *d, arena *a, long long actor, const char *kind, const char *label,
                            const char **secret, struct err *err)
{
	if (!valid_kind(kind))
		return err_invalid(err, "kind", "kind must be roadmap or calendar");
	if (str_empty(label))
		label = !strcmp(kind, "roadmap") ? "Roadmap link" : "Calendar feed";
	if (strlen(label) > 120 || !valid_text(label, strlen(label)))
		return err_invalid(err, "label", "label must be at most 120 characters of text");
	char *s = random_secret(a, "");
	char hash[65], now[21];
	secret_hash(s, hash);
	now_rfc3339(now);
	if (db_run(d, "INSERT INTO share_links(kind, label, hash, created_by, created_at) VALUES (?, ?, ?, ?, ?)",
	           "ttt" "it", kind, label, hash, actor, now) != DB_OK)
		return err_internal(err);
	long long id = db_last_id(d);
	json_t *what = json_pack("{ssss}", "kind", kind, "label", label);
	int rc = audit_write(d, actor, "share-links", id, "created", what);
	json_decref(what);
	if (rc < 0)
		return err_internal(err);
	*secret = s;
	return id;
}

const char *share_link_path(arena *a, const char *kind, const char *secret)
{
	return arena_printf(a, "/share/%s/%s%s", kind, secret, str_eq(kind, "calendar") ? ".ics" : "");
}

bool share_link_valid(db *d, const char *kind, const char *secret)
{
	if (str_empty(secret) || strlen(secret) > 100)
		return false;
	char hash[65];
	secret_hash(secret, hash);
	return db_int(d, 0, "SELECT 1 FROM share_links WHERE hash = ? AND kind = ? AND revoked_at IS NULL", "tt", hash,
	              kind) == 1;
}

int share_link_revoke(db *d, long long actor, long long id, struct err *err)
{
	char now[21];
	now_rfc3339(now);
	if (db_run(d, "UPDATE share_links SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL", "ti", now, id) != DB_OK)
		return err_internal(err);
	if (db_changes(d) != 1)
		return err_not_found(err, "no active share link with id %lld", id);
	return audit_write(d, actor, "share-links", id, "revoked", NULL) < 0 ? err_internal(err) : 0;
}

json_t *share_links_list(db *d, const char *kind)
{
	json_t *out = json_array();
	db_stmt *s = db_q(d,
	                  "SELECT id, kind, label, created_by, created_at, revoked_at FROM share_links "
	                  "WHERE ?1 IS NULL OR kind = ?1 ORDER BY id DESC",
	                  "t", kind);
	while (s && db_step(s) == DB_ROW) {
		json_t *o = json_pack("{sIssss}", "id", (json_int_t)db_col_int(s, 0), "kind", db_col_text(s, 1), "label",
		                      db_col_text(s, 2));
		json_object_set_new(o, "created_by", jcol_int(s, 3));
		json_object_set_new(o, "created_at", json_string(db_col_text(s, 4)));
		json_object_set_new(o, "revoked_at", jcol_str(s, 5));
		json_array_append_new(out, o);
	}
	db_done(s);
	return out;
}
