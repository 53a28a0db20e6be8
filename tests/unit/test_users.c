/* test_users.c — people and secrets: argon2id passwords, sessions, hashed tokens, sign-in slow-down. */
#include <time.h>
#include "harness.h"
#include "model/users.h"

TEST(users_roles_rank)
{
	CHECK_EQ_INT(role_rank("admin"), RANK_ADMIN);
	CHECK_EQ_INT(role_rank("leader"), RANK_LEADER);
	CHECK_EQ_INT(role_rank("pm"), RANK_EDITOR);
	CHECK_EQ_INT(role_rank("pmm"), RANK_EDITOR);
	CHECK_EQ_INT(role_rank("contributor"), RANK_CONTRIBUTOR);
	CHECK_EQ_INT(role_rank("viewer"), RANK_VIEWER);
	CHECK_EQ_INT(role_rank("root"), RANK_NONE);
	CHECK_EQ_INT(role_rank(NULL), RANK_NONE);
}

TEST(users_password_hash_is_argon2id)
{
	char hash[256];
	REQUIRE(password_hash("correct horse", hash, sizeof hash) == 0);
	CHECK(strncmp(hash, "$argon2id$", 10) == 0);
	CHECK(strstr(hash, "correct horse") == NULL);
	CHECK(password_verify(hash, "correct horse"));
	CHECK(!password_verify(hash, "correct horsE"));
	CHECK(!password_verify(hash, ""));
	char hash2[256];
	REQUIRE(password_hash("correct horse", hash2, sizeof hash2) == 0);
	CHECK(strcmp(hash, hash2) != 0); /* salted */
	char small[8];
	CHECK(password_hash("x", small, sizeof small) != 0);
	char pw[21], pw2[21];
	password_generate(pw);
	password_generate(pw2);
	CHECK_EQ_INT(strlen(pw), 20);
	CHECK(strcmp(pw, pw2) != 0);
}

TEST(users_add_and_authenticate)
{
	db *d = t_db();
	arena *a = arena_new();
	struct err e = {0};
	long long id = users_add(d, "pm@x.test", "Priya", "pm", "s3cret-pass", &e);
	REQUIRE(id > 0);
	struct user u = {0};
	CHECK(users_authenticate(d, a, "pm@x.test", "s3cret-pass", &u));
	CHECK_EQ_INT(u.id, id);
	CHECK_STR(u.role, "pm");
	CHECK_EQ_INT(u.rank, RANK_EDITOR);
	CHECK(users_authenticate(d, a, "PM@X.TEST", "s3cret-pass", &u)); /* email is case-insensitive */
	CHECK(!users_authenticate(d, a, "pm@x.test", "wrong-pass", &u));
	CHECK(!users_authenticate(d, a, "nobody@x.test", "s3cret-pass", &u));
	CHECK(!users_authenticate(d, a, NULL, "s3cret-pass", &u));
	CHECK(!users_authenticate(d, a, "pm@x.test", NULL, &u));
	CHECK_STR(users_name(d, a, id), "Priya");
	CHECK(users_name(d, a, id + 1) == NULL);
	/* the stored hash is not the password */
	CHECK_EQ_INT(db_int(d, 0, "SELECT count(*) FROM users WHERE pw_hash LIKE '%s3cret%'", ""), 0);
	/* a new password replaces the old and ends sessions */
	const char *cookie, *csrf;
	REQUIRE(session_create(d, a, id, &cookie, &csrf) == 0);
	CHECK_EQ_INT(users_set_password(d, "pm@x.test", "another-pass", &e), 0);
	CHECK(!users_authenticate(d, a, "pm@x.test", "s3cret-pass", &u));
	CHECK(users_authenticate(d, a, "pm@x.test", "another-pass", &u));
	CHECK(!session_lookup(d, a, cookie, &u, &csrf));
	CHECK_EQ_INT(users_set_password(d, "nobody@x.test", "another-pass", &e), -1);
	CHECK_EQ_INT(e.status, 404);
	arena_free(a);
	db_close(d);
}

static double seconds_now(void)
{
	struct timespec t;
	clock_gettime(CLOCK_MONOTONIC, &t);
	return (double)t.tv_sec + (double)t.tv_nsec / 1e9;
}

/* Defect 9: an unknown email was refused in 2 ms, a wrong password in 74 ms, so the timing told which emails
 * have accounts. Both now cost one argon2id verification. */
TEST(regression_unknown_email_takes_as_long_as_a_wrong_password)
{
	db *d = t_db();
	arena *a = arena_new();
	struct err e = {0};
	REQUIRE(users_add(d, "pm@x.test", "Priya", "pm", "s3cret-pass", &e) > 0);
	struct user u = {0};
	CHECK(!users_authenticate(d, a, "nobody@x.test", "s3cret-pass", &u)); /* the dummy hash is made once */
	double unknown = 0, wrong = 0;
	for (int i = 0; i < 3; i++) {
		double t0 = seconds_now();
		CHECK(!users_authenticate(d, a, "nobody@x.test", "s3cret-pass", &u));
		double t1 = seconds_now();
		CHECK(!users_authenticate(d, a, "pm@x.test", "wrong-pass", &u));
		double t2 = seconds_now();
		unknown += t1 - t0;
		wrong += t2 - t1;
	}
	if (!(unknown >= wrong / 2))
		harness_fail(__FILE__, __LINE__, "an unknown email took %.1f ms, a wrong password %.1f ms (3 tries each)",
		             unknown * 1e3, wrong * 1e3);
	CHECK(users_authenticate(d, a, "pm@x.test", "s3cret-pass", &u)); /* and the right one still signs in */
	arena_free(a);
	db_close(d);
}

TEST(users_add_refuses_bad_input)
{
	db *d = t_db();
	struct err e = {0};
	CHECK_EQ_INT(users_add(d, "not-an-email", NULL, "pm", "longenough", &e), -1);
	CHECK_STR(e.field, "email");
	CHECK_EQ_INT(users_add(d, "a@b", NULL, "pm", "longenough", &e), -1); /* no dot in the domain */
	CHECK_STR(e.field, "email");
	CHECK_EQ_INT(users_add(d, "a@x.test", NULL, "boss", "longenough", &e), -1);
	CHECK_STR(e.field, "role");
	CHECK_EQ_INT(users_add(d, "a@x.test", NULL, "pm", "short", &e), -1);
	CHECK_STR(e.field, "password");
	CHECK(users_add(d, "a@x.test", NULL, "pm", "longenough", &e) > 0);
	CHECK_EQ_INT(users_add(d, "A@x.test", NULL, "pmm", "longenough", &e), -1);
	CHECK_EQ_INT(e.status, 409);
	CHECK_STR(e.field, "email");
	CHECK_EQ_INT(db_int(d, 0, "SELECT count(*) FROM users", ""), 1);
	/* a missing name defaults to the email */
	CHECK_EQ_INT(db_int(d, 0, "SELECT count(*) FROM users WHERE name = 'a@x.test'", ""), 1);
	db_close(d);
}

TEST(users_tokens_are_stored_hashed)
{
	db *d = t_db();
	arena *a = arena_new();
	struct err e = {0};
	long long uid = t_user(d, "viewer@x.test", "viewer");
	const char *secret = NULL;
	long long tid = token_create(d, a, uid, "ci", &secret, &e);
	REQUIRE(tid > 0 && secret);
	CHECK(strncmp(secret, "tdm_", 4) == 0);
	CHECK(strlen(secret) >= 40);
	CHECK_EQ_INT(db_int(d, 0, "SELECT count(*) FROM tokens WHERE hash = ? OR hash LIKE ?", "tt", secret,
	                    arena_printf(a, "%%%s%%", secret + 4)),
	             0);
	CHECK_EQ_INT(db_int(d, 0, "SELECT length(hash) FROM tokens WHERE id = ?", "i", tid), 64);
	struct user u = {0};
	CHECK(token_lookup(d, a, secret, &u));
	CHECK_EQ_INT(u.id, uid);
	CHECK_STR(u.role, "viewer");
	char wrong[128];
	snprintf(wrong, sizeof wrong, "%s", secret);
	wrong[10] = wrong[10] == 'A' ? 'B' : 'A';
	CHECK(!token_lookup(d, a, wrong, &u));
	CHECK(!token_lookup(d, a, "", &u));
	CHECK(!token_lookup(d, a, NULL, &u));
	const char *secret2 = NULL;
	CHECK(token_create(d, a, uid, NULL, &secret2, &e) > 0);
	CHECK(strcmp(secret, secret2) != 0);
	CHECK_EQ_INT(token_revoke(d, tid, &e), 0);
	CHECK(!token_lookup(d, a, secret, &u));
	CHECK(token_lookup(d, a, secret2, &u));
	CHECK_EQ_INT(token_revoke(d, tid, &e), -1); /* already revoked */
	CHECK_EQ_INT(e.status, 404);
	arena_free(a);
	db_close(d);
}

TEST(users_sessions)
{
	db *d = t_db();
	arena *a = arena_new();
	long long uid = t_user(d, "leader@x.test", "leader");
	const char *cookie = NULL, *csrf = NULL;
	REQUIRE(session_create(d, a, uid, &cookie, &csrf) == 0);
	CHECK(cookie && strlen(cookie) >= 40);
	CHECK(csrf && strlen(csrf) >= 40 && strcmp(cookie, csrf) != 0);
	CHECK_EQ_INT(db_int(d, 0, "SELECT count(*) FROM sessions WHERE hash = ?", "t", cookie), 0); /* hashed */
	struct user u = {0};
	const char *got_csrf = NULL;
	CHECK(session_lookup(d, a, cookie, &u, &got_csrf));
	CHECK_EQ_INT(u.id, uid);
	CHECK_EQ_INT(u.rank, RANK_LEADER);
	CHECK_STR(got_csrf, csrf);
	CHECK(!session_lookup(d, a, "forged", &u, &got_csrf));
	CHECK(!session_lookup(d, a, NULL, &u, &got_csrf));
	/* expired sessions are not found */
	db_run(d, "UPDATE sessions SET expires_at = '2000-01-01T00:00:00Z'", "");
	CHECK(!session_lookup(d, a, cookie, &u, &got_csrf));
	db_run(d, "UPDATE sessions SET expires_at = '2999-01-01T00:00:00Z'", "");
	session_delete(d, cookie);
	CHECK(!session_lookup(d, a, cookie, &u, &got_csrf));
	arena_free(a);
	db_close(d);
}

TEST(users_login_wait_after_five_failures)
{
	db *d = t_db();
	const char *ip = "203.0.113.9";
	for (int i = 0; i < 4; i++) {
		login_failed(d, ip, "pm@x.test");
		CHECK_EQ_INT(login_wait(d, ip, "pm@x.test"), 0); /* the first failures are free */
	}
	login_failed(d, ip, "pm@x.test"); /* the fifth */
	long w5 = login_wait(d, ip, "pm@x.test");
	CHECK(w5 >= 1 && w5 <= 2);
	login_failed(d, ip, "pm@x.test");
	long w6 = login_wait(d, ip, "pm@x.test");
	CHECK(w6 >= 3 && w6 <= 4); /* doubling */
	for (int i = 0; i < 20; i++)
		login_failed(d, ip, "pm@x.test");
	long wmax = login_wait(d, ip, "pm@x.test");
	CHECK(wmax > 4 && wmax <= 256); /* capped */
	CHECK_EQ_INT(login_wait(d, "198.51.100.1", "other@x.test"), 0); /* per address and account */
	/* failures long ago do not count */
	db_run(d, "UPDATE login_failures SET last_at = last_at - 1000", "");
	CHECK_EQ_INT(login_wait(d, ip, "pm@x.test"), 0);
	login_failed(d, ip, "pm@x.test"); /* and the count starts again (the old rows are gone) */
	CHECK_EQ_INT(db_int(d, 0, "SELECT count FROM login_failures WHERE scope = 'ip' AND key = ?", "t", ip), 1);
	CHECK_EQ_INT(db_int(d, 0, "SELECT count(*) FROM login_failures", ""), 2);
	db_close(d);
}

/* Defect 8: a success on one account reset the address's count, so 4 wrong admin passwords and one right
 * viewer sign-in, over and over, were never slowed down. */
TEST(regression_signin_of_one_account_does_not_reset_the_address_count)
{
	db *d = t_db();
	const char *ip = "203.0.113.9";
	for (int i = 0; i < 4; i++)
		login_failed(d, ip, "admin@x.test");
	login_succeeded(d, "viewer@x.test");
	login_failed(d, ip, "admin@x.test");
	CHECK(login_wait(d, ip, "admin@x.test") > 0); /* the admin account: 5 failures */
	CHECK(login_wait(d, ip, "viewer@x.test") > 0); /* the address: 5 failures, whatever the account */
	CHECK_EQ_INT(login_wait(d, "198.51.100.1", "viewer@x.test"), 0);
	/* the account is counted from every address, case-insensitively */
	CHECK(login_wait(d, "198.51.100.1", "ADMIN@x.test") > 0);
	/* a success clears only its own account's count */
	login_succeeded(d, "Admin@X.test");
	CHECK_EQ_INT(login_wait(d, "198.51.100.1", "admin@x.test"), 0);
	CHECK(login_wait(d, ip, "admin@x.test") > 0); /* the address still waits */
	CHECK_EQ_INT(db_int(d, 0, "SELECT count FROM login_failures WHERE scope = 'ip' AND key = ?", "t", ip), 5);
	/* failures for one account from many addresses */
	for (int i = 0; i < 5; i++) {
		char other[32];
		snprintf(other, sizeof other, "192.0.2.%d", i + 1);
		login_failed(d, other, "leader@x.test");
	}
	CHECK(login_wait(d, "192.0.2.99", "leader@x.test") > 0);
	CHECK_EQ_INT(login_wait(d, "192.0.2.99", "pm@x.test"), 0);
	db_close(d);
}
