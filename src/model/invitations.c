/* invitations.c — invitation links: made (the older revoked), checked, used once to set a password, revoked. */
#include "invitations.h"
#include <string.h>
#include <time.h>
#include "entity.h"
#include "platform/json_get.h"
#include "users.h"

long long invitation_create(db *d, arena *a, long long user_id, const char *purpose, long long actor,
                            const char **secret, char expires[21], struct err *e)
{
	if (invitations_revoke_pending(d, user_id) < 0)
		return err_internal(e);
	char *s = random_secret(a, "");
	char hash[65], now[21];
	secret_hash(s, hash);
	now_rfc3339(now);
	time_t t = time(NULL) + (time_t)INVITATION_DAYS * 86400;
	struct tm tm;
	gmtime_r(&t, &tm);
	strftime(expires, 21, "%Y-%m-%dT%H:%M:%SZ", &tm);
	if (db_run(d,
	           "INSERT INTO invitations(user_id, hash, purpose, created_by, created_at, expires_at) "
	           "VALUES (?, ?, ?, nullif(?, 0), ?, ?)", /* 0: the CLI, no one */
	           "ittitt", user_id, hash, purpose, actor, now, expires) != DB_OK)
		return err_internal(e);
	*secret = s;
	return db_last_id(d);
}

const char *invitation_path(arena *a, const char *secret) { return arena_printf(a, "/invite/%s", secret); }

json_t *invitation_json(arena *a, long long id, long long user_id, const char *purpose, const char *secret,
                        const char *expires, const char *origin)
{
	const char *path = invitation_path(a, secret);
	json_t *o = json_pack("{sIsIssssssss}", "id", (json_int_t)id, "user_id", (json_int_t)user_id, "purpose", purpose,
	                      "token", secret, "path", path, "expires_at", expires);
	json_object_set_new(o, "url", origin ? json_string(arena_printf(a, "%s%s", origin, path)) : json_null());
	return o;
}

enum invitation_state invitation_check(db *d, arena *a, const char *secret, struct invitation *inv)
{
	if (str_empty(secret) || strlen(secret) > 100)
		return INVITE_UNKNOWN;
	char hash[65], now[21];
	secret_hash(secret, hash);
	now_rfc3339(now);
	db_stmt *s = db_q(d,
	                  "SELECT i.id, i.user_id, i.purpose, i.expires_at, i.used_at IS NOT NULL, "
	                  "i.revoked_at IS NOT NULL OR u.active = 0, i.expires_at <= ?, u.email, u.name "
	                  "FROM invitations i JOIN users u ON u.id = i.user_id WHERE i.hash = ?",
	                  "tt", now, hash);
	enum invitation_state st = INVITE_UNKNOWN;
	if (s && db_step(s) == DB_ROW) {
		st = db_col_int(s, 4) ? INVITE_USED : db_col_int(s, 5) ? INVITE_REVOKED : db_col_int(s, 6) ? INVITE_EXPIRED
		                                                                                            : INVITE_OK;
		if (st == INVITE_OK && inv) {
			inv->id = db_col_int(s, 0);
			inv->user_id = db_col_int(s, 1);
			inv->purpose = arena_strdup(a, db_col_text(s, 2));
			inv->expires_at = arena_strdup(a, db_col_text(s, 3));
			inv->email = arena_strdup(a, db_col_text(s, 7));
			inv->name = arena_strdup(a, db_col_text(s, 8));
		}
	}
	db_done(s);
	return st;
}

const char *invitation_refusal(enum invitation_state st)
{
	switch (st) {
	case INVITE_USED:
		return "This invitation link has been used already: each link works once. If you set your password, sign in "
		       "with it; otherwise ask your admin for a new link.";
	case INVITE_EXPIRED:
		return "This invitation link has expired (links work for 7 days). Ask your admin for a new link.";
	case INVITE_REVOKED:
		return "This invitation link was revoked or replaced by a newer one. Use the newest link you were sent, or "
		       "ask your admin for a new link.";
	default:
		return "There is no invitation at this address. Check that the whole link was copied, or ask your admin for "
		       "a new one.";
	}
}

long long invitation_accept(db *d, arena *a, const char *secret, const char *password, struct err *e)
{
	struct invitation inv;
	enum invitation_state st = invitation_check(d, a, secret, &inv);
	if (st != INVITE_OK)
		return err_set(e, st == INVITE_UNKNOWN ? 404 : 410, st == INVITE_UNKNOWN ? "not_found" : "gone", NULL, "%s",
		               invitation_refusal(st));
	if (str_empty(password))
		return err_invalid(e, "password", "password is required: choose one of at least %d characters", PASSWORD_MIN);
	if (users_set_password_of(d, inv.user_id, password, e) < 0)
		return -1;
	char now[21];
	now_rfc3339(now);
	/* used_at IS NULL: a second request racing this one changes nothing */
	if (db_run(d, "UPDATE invitations SET used_at = ? WHERE id = ? AND used_at IS NULL", "ti", now, inv.id) != DB_OK)
		return err_internal(e);
	if (db_changes(d) != 1)
		return err_set(e, 410, "gone", NULL, "%s", invitation_refusal(INVITE_USED));
	json_t *audit = json_pack("{sIss}", "invitation", (json_int_t)inv.id, "purpose", inv.purpose);
	int rc = audit_write(d, inv.user_id, "users", inv.user_id, "password set", audit);
	json_decref(audit);
	return rc < 0 ? err_internal(e) : inv.user_id;
}

json_t *invitation_pending(db *d, long long user_id)
{
	char now[21];
	now_rfc3339(now);
	db_stmt *s = db_q(d,
	                  "SELECT id, purpose, created_at, expires_at FROM invitations WHERE user_id = ? AND used_at IS NULL "
	                  "AND revoked_at IS NULL AND expires_at > ? ORDER BY id DESC LIMIT 1",
	                  "it", user_id, now);
	json_t *o = s && db_step(s) == DB_ROW ? json_pack("{sIssssss}", "id", (json_int_t)db_col_int(s, 0), "purpose",
	                                                  db_col_text(s, 1), "created_at", db_col_text(s, 2),
	                                                  "expires_at", db_col_text(s, 3))
	                                      : json_null();
	db_done(s);
	return o;
}

int invitations_revoke_pending(db *d, long long user_id)
{
	char now[21];
	now_rfc3339(now);
	if (db_run(d, "UPDATE invitations SET revoked_at = ? WHERE user_id = ? AND used_at IS NULL AND revoked_at IS NULL",
	           "ti", now, user_id) != DB_OK)
		return -1;
	return db_changes(d);
}

/* A new link for the person ({id}): "invite" again while their newest link is an unused invitation, else a
 * password reset. Their current password keeps working until the link is used. */
static int invite(struct act *x)
{
	struct user u;
	if (!users_get(x->d, x->a, x->id, &u))
		return err_not_found(x->err, "no user with id %lld", x->id);
	if (!u.active)
		return err_set(x->err, 409, "conflict", NULL, "%s is deactivated: reactivate them before sending a link",
		               u.name);
	const char *purpose = db_int(x->d, 0,
	                             "SELECT purpose = 'invite' AND used_at IS NULL FROM invitations WHERE user_id = ? "
	                             "ORDER BY id DESC LIMIT 1",
	                             "i", x->id)
	                          ? "invite"
	                          : "reset";
	const char *secret;
	char expires[21];
	long long id = invitation_create(x->d, x->a, x->id, purpose, x->actor, &secret, expires, x->err);
	if (id < 0)
		return -1;
	x->out = invitation_json(x->a, id, x->id, purpose, secret, expires, x->origin);
	x->audit = json_pack("{sIssss}", "invitation", (json_int_t)id, "purpose", purpose, "expires_at", expires);
	return 0;
}

const struct action user_invite_action = {
	.name = "user-invite", .one = "an invitation", .verb = "invitation sent", .audit_kind = "users",
	.method = HTTP_POST, .api_path = "/api/v1/users/{id}/invitation", .page_path = "/users/{id}/invitation",
	.rank = RANK_ADMIN, .flags = A_AUDIT | A_CREATED | A_NO_BODY,
	.summary = "A new invitation link for a person (a password reset when they have one): shown once, good for 7 "
	           "days; their older link is revoked",
	.answer = "Invitation", .button = "New invitation link", .run = invite,
};

static int revoke(struct act *x)
{
	if (!db_int(x->d, 0, "SELECT count(*) FROM users WHERE id = ?", "i", x->id))
		return err_not_found(x->err, "no user with id %lld", x->id);
	json_t *pending = invitation_pending(x->d, x->id);
	bool none = json_is_null(pending);
	json_decref(pending);
	if (none)
		return err_not_found(x->err, "no pending invitation for user %lld", x->id);
	if (invitations_revoke_pending(x->d, x->id) < 0)
		return err_internal(x->err);
	return 0;
}

const struct action user_invite_revoke_action = {
	.name = "user-invite-revoke", .one = "a revocation", .verb = "invitation revoked", .audit_kind = "users",
	.method = HTTP_DELETE, .api_path = "/api/v1/users/{id}/invitation", .page_path = "/users/{id}/invitation/revoke",
	.rank = RANK_ADMIN, .flags = A_AUDIT | A_EMPTY | A_NO_BODY,
	.summary = "Revoke a person's pending invitation link: it shows a clear page and changes nothing from now on",
	.button = "Revoke link", .run = revoke,
};
