/* test_people.c — admins' verbs on people: the last active admin kept, deactivation ending sessions and tokens at
 * once, invitation links (one use, expiry, a newer one revoking the older, a deactivated person's refused). */
#include "harness.h"
#include "model/invitations.h"
#include "model/user_admin.h"
#include "model/users.h"

static int verb(db *d, const struct action *ac, long long id, const char *json)
{
	struct err e = {0};
	json_t *in = json ? json_loads(json, 0, NULL) : NULL;
	int rc = action_call(d, ac, 0, id, 0, in, NULL, &e);
	json_decref(in);
	return rc < 0 ? -e.status : rc;
}

TEST(people_the_last_active_admin_stays)
{
	db *d = t_db();
	long long a1 = t_user(d, "a1@x.test", "admin"), pm = t_user(d, "pm@x.test", "pm");
	CHECK(user_is_last_admin(d, a1));
	CHECK(!user_is_last_admin(d, pm));
	CHECK_EQ_INT(verb(d, &user_role_action, a1, "{\"role\":\"pm\"}"), -409);
	CHECK_EQ_INT(verb(d, &user_deactivate_action, a1, NULL), -409);
	CHECK_EQ_INT(verb(d, &user_role_action, a1, "{\"role\":\"admin\"}"), 200); /* staying an admin is fine */
	long long a2 = t_user(d, "a2@x.test", "admin");
	CHECK(!user_is_last_admin(d, a1));
	CHECK_EQ_INT(verb(d, &user_deactivate_action, a2, NULL), 200);
	CHECK(user_is_last_admin(d, a1)); /* a deactivated admin does not count */
	CHECK_EQ_INT(verb(d, &user_role_action, a1, "{\"role\":\"viewer\"}"), -409);
	CHECK_EQ_INT(verb(d, &user_reactivate_action, a2, NULL), 200);
	CHECK_EQ_INT(verb(d, &user_role_action, a1, "{\"role\":\"viewer\"}"), 200);
	CHECK(user_is_last_admin(d, a2));
	CHECK_EQ_INT(verb(d, &user_role_action, 999, "{\"role\":\"pm\"}"), -404);
	db_close(d);
}

TEST(people_deactivation_ends_sessions_and_tokens)
{
	db *d = t_db();
	arena *a = arena_new();
	struct err e = {0};
	t_user(d, "admin@x.test", "admin");
	long long pm = users_add(d, "pm@x.test", "Priya", "pm", "s3cret-pass", &e);
	const char *cookie, *csrf, *secret;
	REQUIRE(session_create(d, a, pm, &cookie, &csrf) == 0);
	REQUIRE(token_create(d, a, pm, "ci", &secret, &e) > 0);
	struct user u;
	CHECK(session_lookup(d, a, cookie, &u, &csrf));
	CHECK(token_lookup(d, a, secret, &u));
	CHECK_EQ_INT(verb(d, &user_deactivate_action, pm, NULL), 200);
	CHECK(!session_lookup(d, a, cookie, &u, &csrf));
	CHECK(!token_lookup(d, a, secret, &u));
	CHECK(!users_authenticate(d, a, "pm@x.test", "s3cret-pass", &u));
	CHECK(users_get(d, a, pm, &u) && !u.active);
	CHECK_EQ_INT(verb(d, &user_reactivate_action, pm, NULL), 200);
	CHECK(users_authenticate(d, a, "pm@x.test", "s3cret-pass", &u) && u.active);
	CHECK(!token_lookup(d, a, secret, &u)); /* revoked for good */
	arena_free(a);
	db_close(d);
}

TEST(people_invitation_links_work_once)
{
	db *d = t_db();
	arena *a = arena_new();
	struct err e = {0};
	long long admin = t_user(d, "admin@x.test", "admin");
	long long pm = t_user(d, "pm@x.test", "pm");
	const char *s1, *s2;
	char exp[21];
	REQUIRE(invitation_create(d, a, pm, "reset", admin, &s1, exp, &e) > 0);
	struct invitation inv;
	CHECK_EQ_INT(invitation_check(d, a, s1, &inv), INVITE_OK);
	CHECK_EQ_INT(inv.user_id, pm);
	CHECK_STR(inv.purpose, "reset");
	CHECK_EQ_INT(invitation_check(d, a, "nope", &inv), INVITE_UNKNOWN);
	CHECK_EQ_INT(invitation_check(d, a, "", &inv), INVITE_UNKNOWN);
	/* a newer link revokes the older */
	REQUIRE(invitation_create(d, a, pm, "reset", admin, &s2, exp, &e) > 0);
	CHECK_EQ_INT(invitation_check(d, a, s1, &inv), INVITE_REVOKED);
	CHECK_EQ_INT(invitation_accept(d, a, s1, "new-password", &e), -1);
	CHECK_EQ_INT(e.status, 410);
	/* a short password is refused and uses nothing */
	CHECK_EQ_INT(invitation_accept(d, a, s2, "short", &e), -1);
	CHECK_STR(e.field, "password");
	CHECK_EQ_INT(invitation_check(d, a, s2, &inv), INVITE_OK);
	CHECK_EQ_INT(invitation_accept(d, a, s2, "new-password", &e), pm);
	struct user u;
	CHECK(users_authenticate(d, a, "pm@x.test", "new-password", &u));
	CHECK_EQ_INT(invitation_check(d, a, s2, &inv), INVITE_USED);
	CHECK_EQ_INT(invitation_accept(d, a, s2, "other-password", &e), -1);
	CHECK(users_authenticate(d, a, "pm@x.test", "new-password", &u)); /* unchanged */
	/* expired */
	REQUIRE(invitation_create(d, a, pm, "reset", admin, &s1, exp, &e) > 0);
	db_run(d, "UPDATE invitations SET expires_at = '2020-01-01T00:00:00Z' WHERE used_at IS NULL AND revoked_at IS NULL",
	       "");
	CHECK_EQ_INT(invitation_check(d, a, s1, &inv), INVITE_EXPIRED);
	/* a deactivated person's link is revoked */
	REQUIRE(invitation_create(d, a, pm, "reset", admin, &s1, exp, &e) > 0);
	CHECK_EQ_INT(verb(d, &user_deactivate_action, pm, NULL), 200);
	CHECK_EQ_INT(invitation_check(d, a, s1, &inv), INVITE_REVOKED);
	arena_free(a);
	db_close(d);
}
