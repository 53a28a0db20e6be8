/* users.h — people, roles, password sign-in, browser sessions and API tokens. */
#ifndef TANDEM_USERS_H
#define TANDEM_USERS_H
#include <stdbool.h>
#include "platform/arena.h"
#include "platform/db.h"
#include "platform/err.h"

/* Role ranks for route checks: pm and pmm are peers. */
enum rank { RANK_NONE = 0, RANK_VIEWER = 1, RANK_CONTRIBUTOR = 2, RANK_EDITOR = 3, RANK_LEADER = 4, RANK_ADMIN = 5 };

extern const char *const role_names[]; /* NULL-terminated: admin leader pm pmm contributor viewer */
int role_rank(const char *role);        /* RANK_NONE for an unknown role */

struct user {
	long long id;
	const char *email, *name, *role;
	int rank;
	bool active; /* false: deactivated (cannot sign in; sessions and tokens refused) */
};

/* Start-up: initialise libsodium. 0 on success. */
int users_init(void);

/* Hash a password with argon2id into out (crypto_pwhash_STRBYTES). 0 on success. */
int password_hash(const char *password, char *out, size_t outlen);
bool password_verify(const char *hash, const char *password);
/* A random password of 20 characters for `init` and the demo into out[21]. */
void password_generate(char out[21]);

enum { PASSWORD_MIN = 8 }; /* characters, wherever a password is set */

long long users_add(db *d, const char *email, const char *name, const char *role, const char *password,
                    struct err *e);
int users_set_password(db *d, const char *email, const char *password, struct err *e);
/* The same for the user with that id: argon2id hash, every session of theirs ended. 0, or -1 with e (400 password,
 * 404). */
int users_set_password_of(db *d, long long id, const char *password, struct err *e);
/* The user of that email or id, active or not (u->active says). */
bool users_find(db *d, arena *a, const char *email, struct user *u);
bool users_get(db *d, arena *a, long long id, struct user *u);
const char *users_name(db *d, arena *a, long long id); /* NULL when missing */
/* Check email + password of an active user; on success fill u. Returns false on any mismatch (or deactivated). */
bool users_authenticate(db *d, arena *a, const char *email, const char *password, struct user *u);

/* Failed sign-ins, counted per address and per account (the email tried, known or not, case-insensitive):
 * seconds a sign-in from ip as email must still wait (0 = may try), the longer of the two counts' waits. */
long login_wait(db *d, const char *ip, const char *email);
/* A failed sign-in: counts one more for the address and for the account. */
void login_failed(db *d, const char *ip, const char *email);
/* A sign-in that succeeded: clears that account's count only (the address's runs out with its window). */
void login_succeeded(db *d, const char *email);

/* A new session for the user: the cookie value and CSRF token (both arena). */
int session_create(db *d, arena *a, long long user_id, const char **cookie, const char **csrf);
/* The session's user and CSRF token for a cookie value; false when unknown or expired. */
bool session_lookup(db *d, arena *a, const char *cookie, struct user *u, const char **csrf);
void session_delete(db *d, const char *cookie);

/* 32 random bytes as URL-safe base64 after prefix, into the arena (session cookies, tokens, links). */
char *random_secret(arena *a, const char *prefix);
/* A secret's BLAKE2b hash in hex: what is stored instead of the secret. */
void secret_hash(const char *secret, char out[65]);

/* A new API token: returns its id and the secret (arena) that is shown once. */
long long token_create(db *d, arena *a, long long user_id, const char *name, const char **secret, struct err *e);
bool token_lookup(db *d, arena *a, const char *secret, struct user *u);
int token_revoke(db *d, long long id, struct err *e);
#endif
