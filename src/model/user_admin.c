/* user_admin.c — admins' verbs on people: add (invited unless a password is given), role, deactivate, reactivate. */
#include "user_admin.h"
#include <string.h>
#include "invitations.h"
#include "people.h"
#include "platform/json_get.h"
#include "users.h"

bool user_is_last_admin(db *d, long long id)
{
	return db_int(d, 0,
	              "SELECT count(*) FROM users WHERE id = ? AND role = 'admin' AND active = 1 AND NOT EXISTS "
	              "(SELECT 1 FROM users WHERE id <> ? AND role = 'admin' AND active = 1)",
	              "ii", id, id) == 1;
}

/* The person ({id}) into u, or 404. */
static int person(struct act *x, struct user *u)
{
	if (!users_get(x->d, x->a, x->id, u))
		return err_not_found(x->err, "no user with id %lld", x->id);
	return 0;
}

/* After the verb: the API answers the person as listed, the page goes back to their profile saying what was done. */
static void answer_person(struct act *x)
{
	x->out = people_get(x->d, x->id);
	x->redirect = arena_printf(x->a, "/users/%lld?done=%s", x->id, x->action->name);
}

static const char *const role_labels[] = {"Admin", "Leader", "PM", "PMM", "Contributor", "Viewer", NULL};

static const struct field add_fields[] = {
	{"email", "Email", FT_STRING, F_REQUIRED, 254, .help = "Their sign-in email, e.g. sam@example.com"},
	{"name", "Name", FT_STRING, 0, 200, .help = "How Tandem names them (their email when empty)"},
	{"role", "Role", FT_ENUM, F_REQUIRED, .choices = role_names, .labels = role_labels,
	 .help = "What they may do: see docs/API.md, Roles"},
	{"password", "Password", FT_STRING, 0, 1024,
	 .help = "Their first password (at least 8 characters); without it they get an invitation link to choose one"},
};

/* A new person. Without a password: an unusable random one and an invitation link (answered once). */
static int add(struct act *x)
{
	const char *email = jget_str(x->in, "email"), *name = jget_str(x->in, "name"), *role = jget_str(x->in, "role");
	json_t *sent = json_object_get(x->raw, "password");
	const char *password = jget_str(x->in, "password");
	bool invited = !sent || json_is_null(sent);
	char generated[21];
	if (invited) {
		password_generate(generated);
		password = generated;
	} else if (str_empty(password)) {
		return err_invalid(x->err, "password", "password must have at least %d characters (or send none to invite "
		                                       "them with a link)", PASSWORD_MIN);
	}
	long long id = users_add(x->d, email, name, role, password, x->err);
	if (id < 0)
		return -1;
	x->id = id;
	json_t *link = json_null();
	if (invited) {
		const char *secret;
		char expires[21];
		long long iid = invitation_create(x->d, x->a, id, "invite", x->actor, &secret, expires, x->err);
		if (iid < 0)
			return -1;
		link = invitation_json(x->a, iid, id, "invite", secret, expires, x->origin);
	}
	x->out = people_get(x->d, id);
	json_object_set_new(x->out, "invitation_link", link);
	/* never the password */
	x->audit = json_pack("{sssssssb}", "email", email, "name", jget_str(x->out, "name"), "role", role, "invited",
	                     invited);
	return 0;
}

const struct action user_add_action = {
	.name = "user-add", .one = "a user", .verb = "added", .audit_kind = "users", .method = HTTP_POST,
	.api_path = "/api/v1/users", .page_path = "/users", .rank = RANK_ADMIN, .flags = A_AUDIT | A_CREATED,
	.fields = add_fields, .nfields = COUNT(add_fields),
	.summary = "Add a user with a role; without a password they get an invitation link (answered once) to choose "
	           "their own",
	.answer = "UserCreated", .input = "UserInput", .button = "Add and invite", .run = add,
};

static const struct field role_fields[] = {
	{"role", "Role", FT_ENUM, F_REQUIRED, .choices = role_names, .labels = role_labels,
	 .help = "admin, leader, pm, pmm, contributor or viewer"},
};

static int set_role(struct act *x)
{
	struct user u;
	if (person(x, &u) < 0)
		return -1;
	const char *role = jget_str(x->in, "role");
	if (strcmp(role, "admin") && user_is_last_admin(x->d, x->id))
		return err_set(x->err, 409, "last_admin", "role",
		               "%s is the last active admin: make someone else an admin first", u.name);
	char now[21];
	now_rfc3339(now);
	if (db_run(x->d, "UPDATE users SET role = ?, updated_at = ?, version = version + 1 WHERE id = ?", "tti", role, now,
	           x->id) != DB_OK)
		return err_internal(x->err);
	x->audit = json_pack("{ssss}", "from", u.role, "to", role);
	answer_person(x);
	return 0;
}

const struct action user_role_action = {
	.name = "user-role", .one = "a role", .verb = "role changed", .audit_kind = "users", .method = HTTP_POST,
	.api_path = "/api/v1/users/{id}/role", .page_path = "/users/{id}/role", .rank = RANK_ADMIN, .flags = A_AUDIT,
	.fields = role_fields, .nfields = COUNT(role_fields),
	.summary = "Change a user's role (the last active admin stays an admin: 409)", .answer = "User",
	.button = "Change role", .run = set_role,
};

/* Deactivate: they cannot sign in, their sessions end and their API tokens and pending links are revoked, at once;
 * what they own stays theirs. */
static int deactivate(struct act *x)
{
	struct user u;
	if (person(x, &u) < 0)
		return -1;
	if (!u.active)
		return err_set(x->err, 409, "conflict", NULL, "%s is deactivated already", u.name);
	if (user_is_last_admin(x->d, x->id))
		return err_set(x->err, 409, "last_admin", NULL,
		               "%s is the last active admin: make someone else an admin first", u.name);
	char now[21];
	now_rfc3339(now);
	if (db_run(x->d, "UPDATE users SET active = 0, deactivated_at = ?, updated_at = ?, version = version + 1 WHERE id = ?",
	           "tti", now, now, x->id) != DB_OK ||
	    db_run(x->d, "DELETE FROM sessions WHERE user_id = ?", "i", x->id) != DB_OK)
		return err_internal(x->err);
	int sessions = db_changes(x->d);
	if (db_run(x->d, "UPDATE tokens SET revoked_at = ? WHERE user_id = ? AND revoked_at IS NULL", "ti", now, x->id) !=
	    DB_OK)
		return err_internal(x->err);
	int tokens = db_changes(x->d);
	int links = invitations_revoke_pending(x->d, x->id);
	if (links < 0)
		return err_internal(x->err);
	x->audit = json_pack("{sssisisi}", "email", u.email, "sessions_ended", sessions, "tokens_revoked", tokens,
	                     "invitations_revoked", links);
	answer_person(x);
	return 0;
}

const struct action user_deactivate_action = {
	.name = "user-deactivate", .one = "a deactivation", .verb = "deactivated", .audit_kind = "users",
	.method = HTTP_POST, .api_path = "/api/v1/users/{id}/deactivate", .page_path = "/users/{id}/deactivate",
	.rank = RANK_ADMIN, .flags = A_AUDIT | A_NO_BODY,
	.summary = "Deactivate a user: no sign-in, sessions ended and API tokens revoked at once; they stay the owner "
	           "of what they own (the last active admin: 409)",
	.answer = "User", .button = "Deactivate", .run = deactivate,
};

static int reactivate(struct act *x)
{
	struct user u;
	if (person(x, &u) < 0)
		return -1;
	if (u.active)
		return err_set(x->err, 409, "conflict", NULL, "%s is active already", u.name);
	char now[21];
	now_rfc3339(now);
	if (db_run(x->d, "UPDATE users SET active = 1, deactivated_at = NULL, updated_at = ?, version = version + 1 "
	                 "WHERE id = ?",
	           "ti", now, x->id) != DB_OK)
		return err_internal(x->err);
	x->audit = json_pack("{ss}", "email", u.email);
	answer_person(x);
	return 0;
}

const struct action user_reactivate_action = {
	.name = "user-reactivate", .one = "a reactivation", .verb = "reactivated", .audit_kind = "users",
	.method = HTTP_POST, .api_path = "/api/v1/users/{id}/reactivate", .page_path = "/users/{id}/reactivate",
	.rank = RANK_ADMIN, .flags = A_AUDIT | A_NO_BODY,
	.summary = "Reactivate a user: they sign in with their password again (API tokens revoked on deactivation stay "
	           "revoked)",
	.answer = "User", .button = "Reactivate", .run = reactivate,
};
