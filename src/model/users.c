/* users.c — people and roles; argon2id passwords, sessions and API tokens stored as hashes. */
#include "users.h"
#include <pthread.h>
#include <sodium.h>
#include <string.h>
#include <time.h>
#include "platform/log.h"
#include "queries.h"

const char *const role_names[] = {"admin", "leader", "pm", "pmm", "contributor", "viewer", NULL};

int role_rank(const char *role)
{
	static const int ranks[] = {RANK_ADMIN, RANK_LEADER, RANK_EDITOR, RANK_EDITOR, RANK_CONTRIBUTOR, RANK_VIEWER};
	for (int i = 0; role && role_names[i]; i++)
		if (strcmp(role, role_names[i]) == 0)
			return ranks[i];
	return RANK_NONE;
}

int users_init(void) { return sodium_init() < 0 ? -1 : 0; }

int password_hash(const char *password, char *out, size_t outlen)
{
	if (outlen < crypto_pwhash_STRBYTES)
		return -1;
	return crypto_pwhash_str(out, password, strlen(password), crypto_pwhash_OPSLIMIT_INTERACTIVE,
	                         crypto_pwhash_MEMLIMIT_INTERACTIVE);
}

bool password_verify(const char *hash, const char *password)
{
	return crypto_pwhash_str_verify(hash, password, strlen(password)) == 0;
}

void password_generate(char out[21])
{
	static const char alphabet[] = "abcdefghjkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";
	for (int i = 0; i < 20; i++)
		out[i] = alphabet[randombytes_uniform(sizeof alphabet - 1)];
	out[20] = 0;
}

static bool valid_email(const char *s)
{
	const char *at = s ? strchr(s, '@') : NULL;
	return at && at != s && strchr(at, '.') && !strchr(at + 1, '@') && strlen(s) <= 254 && !strpbrk(s, " \t\r\n<>\"");
}

long long users_add(db *d, const char *email, const char *name, const char *role, const char *password,
                    struct err *e)
{
	if (!valid_email(email))
		return err_invalid(e, "email", "email must look like name@example.com");
	if (role_rank(role) == RANK_NONE)
		return err_invalid(e, "role", "role must be one of admin, leader, pm, pmm, contributor, viewer");
	if (!password || strlen(password) < PASSWORD_MIN)
		return err_invalid(e, "password", "password must have at least %d characters", PASSWORD_MIN);
	if (db_int(d, 0, "SELECT count(*) FROM users WHERE email = ?", "t", email) > 0)
		return err_set(e, 409, "conflict", "email", "a user with email %s exists already", email);
	char hash[crypto_pwhash_STRBYTES];
	if (password_hash(password, hash, sizeof hash) != 0)
		return err_internal(e);
	char now[21];
	now_rfc3339(now);
	if (db_run(d, "INSERT INTO users(email, name, role, pw_hash, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?)",
	           "tttttt", email, str_empty(name) ? email : name, role, hash, now, now) != DB_OK)
		return err_internal(e);
	return db_last_id(d);
}

int users_set_password(db *d, const char *email, const char *password, struct err *e)
{
	long long id = db_int(d, 0, "SELECT id FROM users WHERE email = ?", "t", email ? email : "");
	if (!id) {
		if (!password || strlen(password) < PASSWORD_MIN) /* the password's fault first, as before */
			return err_invalid(e, "password", "password must have at least %d characters", PASSWORD_MIN);
		return err_not_found(e, "no user with email %s", email);
	}
	return users_set_password_of(d, id, password, e);
}

int users_set_password_of(db *d, long long id, const char *password, struct err *e)
{
	if (!password || strlen(password) < PASSWORD_MIN)
		return err_invalid(e, "password", "password must have at least %d characters", PASSWORD_MIN);
	char hash[crypto_pwhash_STRBYTES];
	if (password_hash(password, hash, sizeof hash) != 0)
		return err_internal(e);
	char now[21];
	now_rfc3339(now);
	if (db_run(d, "UPDATE users SET pw_hash = ?, updated_at = ?, version = version + 1 WHERE id = ?", "tti", hash, now,
	           id) != DB_OK)
		return err_internal(e);
	if (db_changes(d) != 1)
		return err_not_found(e, "no user with id %lld", id);
	/* a new password ends every session of that user */
	if (db_run(d, "DELETE FROM sessions WHERE user_id = ?", "i", id) != DB_OK)
		return err_internal(e);
	return 0;
}

static bool fill_user(db_stmt *s, arena *a, struct user *u)
{
	bool found = s && db_step(s) == DB_ROW;
	if (found) {
		u->id = db_col_int(s, 0);
		u->email = arena_strdup(a, db_col_text(s, 1));
		u->name = arena_strdup(a, db_col_text(s, 2));
		u->role = arena_strdup(a, db_col_text(s, 3));
		u->rank = role_rank(u->role);
		u->active = db_col_int(s, 4) != 0;
	}
	db_done(s);
	return found;
}

bool users_find(db *d, arena *a, const char *email, struct user *u)
{
	return fill_user(db_q(d, "SELECT id, email, name, role, active FROM users WHERE email = ?", "t", email), a, u);
}

bool users_get(db *d, arena *a, long long id, struct user *u)
{
	return fill_user(db_q(d, "SELECT id, email, name, role, active FROM users WHERE id = ?", "i", id), a, u);
}

const char *users_name(db *d, arena *a, long long id)
{
	struct user u;
	return users_get(d, a, id, &u) ? u.name : NULL;
}

/* The hash an unknown email is checked against: argon2id of a random password with the same limits as every
 * password's, made once on first use (it costs one hashing), so an unknown email takes as long as a wrong
 * password and the timing does not tell which emails have accounts. Written once, then only read. */
static pthread_once_t dummy_once = PTHREAD_ONCE_INIT;
static char dummy_hash[crypto_pwhash_STRBYTES];

static void dummy_hash_make(void)
{
	char pw[21];
	password_generate(pw);
	if (password_hash(pw, dummy_hash, sizeof dummy_hash) != 0)
		log_error("users: cannot make the hash for unknown emails");
}

bool users_authenticate(db *d, arena *a, const char *email, const char *password, struct user *u)
{
	/* a deactivated user is checked like an unknown email: the same time, the same answer */
	db_stmt *s = db_q(d, "SELECT pw_hash FROM users WHERE email = ? AND active = 1", "t", email ? email : "");
	char hash[crypto_pwhash_STRBYTES] = "";
	if (s && db_step(s) == DB_ROW)
		snprintf(hash, sizeof hash, "%s", db_col_text(s, 0));
	db_done(s);
	if (!password)
		return false;
	bool known = *hash != 0;
	if (!known)
		pthread_once(&dummy_once, dummy_hash_make);
	bool ok = password_verify(known ? hash : dummy_hash, password);
	return known && ok && users_find(d, a, email, u);
}

enum { LOGIN_FREE_TRIES = 5, LOGIN_WINDOW = 900, LOGIN_MAX_WAIT = 300 };

/* Seconds one count of failures (scope "ip" or "account") must still wait: none for the first 5 within the
 * window, then 2, 4, 8 ... seconds after the last failure, at most 256. */
static long failures_wait(db *d, const char *scope, const char *key)
{
	db_stmt *s = db_q(d, "SELECT count, last_at FROM login_failures WHERE scope = ? AND key = lower(?)", "tt", scope,
	                  key ? key : "");
	long wait = 0;
	if (s && db_step(s) == DB_ROW) {
		long long count = db_col_int(s, 0), last = db_col_int(s, 1);
		long long now = (long long)time(NULL);
		if (now - last < LOGIN_WINDOW && count >= LOGIN_FREE_TRIES) {
			/* doubling delay after the free tries: 2, 4, 8 ... seconds, capped */
			long long delay = 1LL << (count - LOGIN_FREE_TRIES + 1 > 8 ? 8 : count - LOGIN_FREE_TRIES + 1);
			if (delay > LOGIN_MAX_WAIT)
				delay = LOGIN_MAX_WAIT;
			wait = (long)(last + delay - now);
			if (wait < 0)
				wait = 0;
		}
	}
	db_done(s);
	return wait;
}

long login_wait(db *d, const char *ip, const char *email)
{
	long by_ip = failures_wait(d, "ip", ip), by_account = failures_wait(d, "account", email);
	return by_ip > by_account ? by_ip : by_account;
}

static void failure_count(db *d, const char *scope, const char *key, long long now)
{
	query_run(d, Q_LOGIN_FAILED, "ttiii", scope, key ? key : "", now, now, (long long)LOGIN_WINDOW);
}

void login_failed(db *d, const char *ip, const char *email)
{
	long long now = (long long)time(NULL);
	/* counts whose window has passed would start again anyway: dropping them keeps the table small, although
	 * every email tried gets a row */
	db_run(d, "DELETE FROM login_failures WHERE last_at < ?", "i", now - LOGIN_WINDOW);
	failure_count(d, "ip", ip, now);
	failure_count(d, "account", email, now);
}

void login_succeeded(db *d, const char *email)
{
	db_run(d, "DELETE FROM login_failures WHERE scope = 'account' AND key = lower(?)", "t", email ? email : "");
}

/* Random secret as URL-safe base64 into the arena. */
char *random_secret(arena *a, const char *prefix)
{
	unsigned char raw[32];
	randombytes_buf(raw, sizeof raw);
	size_t plen = strlen(prefix);
	size_t n = sodium_base64_ENCODED_LEN(sizeof raw, sodium_base64_VARIANT_URLSAFE_NO_PADDING);
	char *out = arena_alloc(a, plen + n);
	memcpy(out, prefix, plen);
	sodium_bin2base64(out + plen, n, raw, sizeof raw, sodium_base64_VARIANT_URLSAFE_NO_PADDING);
	return out;
}

/* Secrets are stored only as a BLAKE2b hash in hex. */
void secret_hash(const char *secret, char out[65])
{
	unsigned char h[32];
	crypto_generichash(h, sizeof h, (const unsigned char *)secret, strlen(secret), NULL, 0);
	sodium_bin2hex(out, 65, h, sizeof h);
}

enum { SESSION_DAYS = 14 };

int session_create(db *d, arena *a, long long user_id, const char **cookie, const char **csrf)
{
	char *secret = random_secret(a, "");
	char *token = random_secret(a, "");
	char hash[65], now[21], expires[21];
	secret_hash(secret, hash);
	now_rfc3339(now);
	time_t t = time(NULL) + SESSION_DAYS * 86400;
	struct tm tm;
	gmtime_r(&t, &tm);
	strftime(expires, sizeof expires, "%Y-%m-%dT%H:%M:%SZ", &tm);
	db_run(d, "DELETE FROM sessions WHERE expires_at < ?", "t", now);
	if (db_run(d, "INSERT INTO sessions(hash, user_id, csrf, created_at, expires_at) VALUES (?, ?, ?, ?, ?)", "titt"
	           "t", hash, user_id, token, now, expires) != DB_OK)
		return -1;
	*cookie = secret;
	*csrf = token;
	return 0;
}

bool session_lookup(db *d, arena *a, const char *cookie, struct user *u, const char **csrf)
{
	if (str_empty(cookie) || strlen(cookie) > 100)
		return false;
	char hash[65], now[21];
	secret_hash(cookie, hash);
	now_rfc3339(now);
	db_stmt *s = db_q(d,
	                  "SELECT u.id, u.email, u.name, u.role, s.csrf FROM sessions s JOIN users u ON u.id = s.user_id "
	                  "WHERE s.hash = ? AND s.expires_at > ? AND u.active = 1",
	                  "tt", hash, now);
	bool found = s && db_step(s) == DB_ROW;
	if (found) {
		u->id = db_col_int(s, 0);
		u->email = arena_strdup(a, db_col_text(s, 1));
		u->name = arena_strdup(a, db_col_text(s, 2));
		u->role = arena_strdup(a, db_col_text(s, 3));
		u->rank = role_rank(u->role);
		u->active = true;
		*csrf = arena_strdup(a, db_col_text(s, 4));
	}
	db_done(s);
	return found;
}

void session_delete(db *d, const char *cookie)
{
	if (str_empty(cookie))
		return;
	char hash[65];
	secret_hash(cookie, hash);
	db_run(d, "DELETE FROM sessions WHERE hash = ?", "t", hash);
}

long long token_create(db *d, arena *a, long long user_id, const char *name, const char **secret, struct err *e)
{
	char *s = random_secret(a, "tdm_");
	char hash[65], now[21];
	secret_hash(s, hash);
	now_rfc3339(now);
	if (db_run(d, "INSERT INTO tokens(user_id, name, hash, created_at) VALUES (?, ?, ?, ?)", "ittt", user_id,
	           str_empty(name) ? "api" : name, hash, now) != DB_OK)
		return err_internal(e);
	*secret = s;
	return db_last_id(d);
}

bool token_lookup(db *d, arena *a, const char *secret, struct user *u)
{
	if (str_empty(secret) || strlen(secret) > 100)
		return false;
	char hash[65];
	secret_hash(secret, hash);
	return fill_user(db_q(d,
	                      "SELECT u.id, u.email, u.name, u.role, u.active FROM tokens t JOIN users u ON u.id = t.user_id "
	                      "WHERE t.hash = ? AND t.revoked_at IS NULL AND u.active = 1",
	                      "t", hash),
	                 a, u);
}

int token_revoke(db *d, long long id, struct err *e)
{
	char now[21];
	now_rfc3339(now);
	if (db_run(d, "UPDATE tokens SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL", "ti", now, id) != DB_OK)
		return err_internal(e);
	if (db_changes(d) != 1)
		return err_not_found(e, "no active token with id %lld", id);
	return 0;
}
