/* share_links.c — read-only share links: secrets kept as BLAKE2b hashes, revocation, audit. */
#include "share_links.h"
#include <stdio.h>
#include <string.h>
#include "entity.h"
#include "platform/json_get.h"
#include "users.h"

/* The kinds of link, described once: the forms, the pages, the paths and the API's schema follow. */
const struct share_kind share_kinds[] = {
	{"roadmap", "Roadmap", "Roadmap link", "The read-only roadmap", ""},
	{"calendar", "Calendar feed (.ics)", "Calendar feed", "The calendar feed", ".ics"},
	{"changelog", "Changelog (with an Atom feed)", "Changelog", "The public changelog (its Atom feed: the same address with .atom)", ""},
};
const int share_kinds_count = COUNT(share_kinds);
const char *const share_link_kinds[] = {"roadmap", "calendar", "changelog", NULL};

const struct share_kind *share_kind(const char *kind)
{
	for (int i = 0; i < share_kinds_count; i++)
		if (str_eq(share_kinds[i].kind, kind))
			return &share_kinds[i];
	return NULL;
}

static const struct field create_fields[] = {
	{"kind", "Kind", FT_ENUM, F_REQUIRED, .choices = share_link_kinds,
	 .help = "roadmap, calendar (the launch feed) or changelog (shipped releases, with an Atom feed)"},
	{"label", "Label", FT_STRING, 0, 120, .help = "Who it is for, e.g. Board of directors"},
};

/* A new link: its secret answered once with its path (and its URL when the request's origin is known), only a
 * hash of it kept. */
static int create(struct act *x)
{
	const char *kind = jget_str(x->in, "kind"), *label = jget_str(x->in, "label");
	if (str_empty(label))
		label = share_kind(kind)->default_label;
	char *secret = random_secret(x->a, "");
	char hash[65], now[21];
	secret_hash(secret, hash);
	now_rfc3339(now);
	if (db_run(x->d, "INSERT INTO share_links(kind, label, hash, created_by, created_at) VALUES (?, ?, ?, ?, ?)",
	           "ttt" "it", kind, label, hash, x->actor, now) != DB_OK)
		return err_internal(x->err);
	x->id = db_last_id(x->d);
	const char *path = share_link_path(x->a, kind, secret);
	x->out = json_pack("{sIsssssssssssn}", "id", (json_int_t)x->id, "kind", kind, "token", secret, "path", path,
	                   "label", label, "created_at", now, "url");
	if (x->origin)
		json_object_set_new(x->out, "url", json_string(arena_printf(x->a, "%s%s", x->origin, path)));
	x->audit = json_pack("{ssss}", "kind", kind, "label", label);
	return 0;
}

const struct action share_link_create_action = {
	.name = "share-link", .one = "a share link", .verb = "created", .audit_kind = "share-links",
	.method = HTTP_POST, .api_path = "/api/v1/share-links", .page_path = "/share-links", .rank = RANK_EDITOR,
	.flags = A_AUDIT | A_CREATED, .fields = create_fields, .nfields = COUNT(create_fields),
	.summary = "Make a share link; its token, path and url are answered once", .answer = "ShareLinkCreated",
	.button = "Create link", .run = create,
};

const char *share_link_path(arena *a, const char *kind, const char *secret)
{
	const struct share_kind *k = share_kind(kind);
	return arena_printf(a, "/share/%s/%s%s", kind, secret, k ? k->suffix : "");
}

long long share_link_find(db *d, const char *kind, const char *secret, char created_at[21])
{
	if (str_empty(secret) || strlen(secret) > 100)
		return 0;
	char hash[65];
	secret_hash(secret, hash);
	db_stmt *s = db_q(d, "SELECT id, created_at FROM share_links WHERE hash = ? AND kind = ? AND revoked_at IS NULL",
	                  "tt", hash, kind);
	long long id = 0;
	if (s && db_step(s) == DB_ROW) {
		id = db_col_int(s, 0);
		if (created_at)
			snprintf(created_at, 21, "%s", db_col_text(s, 1));
	}
	db_done(s);
	return id;
}

bool share_link_valid(db *d, const char *kind, const char *secret) { return share_link_find(d, kind, secret, NULL) > 0; }

/* Revoke a link ({id}): its address answers 404 from now on. */
static int revoke(struct act *x)
{
	char now[21];
	now_rfc3339(now);
	if (db_run(x->d, "UPDATE share_links SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL", "ti", now, x->id) !=
	    DB_OK)
		return err_internal(x->err);
	if (db_changes(x->d) != 1)
		return err_not_found(x->err, "no active share link with id %lld", x->id);
	return 0;
}

const struct action share_link_revoke_action = {
	.name = "share-link-revoke", .one = "a revocation", .verb = "revoked", .audit_kind = "share-links",
	.method = HTTP_DELETE, .api_path = "/api/v1/share-links/{id}", .page_path = "/share-links/{id}/revoke",
	.rank = RANK_EDITOR, .flags = A_AUDIT | A_EMPTY | A_NO_BODY,
	.summary = "Revoke a share link: its address answers 404 from now on", .button = "Revoke", .run = revoke,
};

json_t *share_links_list(db *d, const char *kind)
{
	json_t *out = json_array();
	db_stmt *s = db_q(d,
	                  "SELECT id, kind, label, created_by, created_at, revoked_at FROM share_links "
	                  "WHERE ? IS NULL OR kind = ? ORDER BY id DESC",
	                  "tt", kind, kind);
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
