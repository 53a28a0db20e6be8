/* invitations.h — invitation links: a secret shown once to the admin who made it (only its hash is kept), good for
 * 7 days and one use, with which a person sets their own password and is signed in. A newer link for the same
 * person revokes the older; an admin can revoke one; deactivating a person revokes theirs. */
#ifndef TANDEM_INVITATIONS_H
#define TANDEM_INVITATIONS_H
#include <jansson.h>
#include "action.h"
#include "platform/arena.h"
#include "platform/db.h"
#include "platform/err.h"

enum { INVITATION_DAYS = 7 };

enum invitation_state { INVITE_OK, INVITE_UNKNOWN, INVITE_USED, INVITE_EXPIRED, INVITE_REVOKED };

struct invitation {
	long long id, user_id;
	const char *purpose;    /* "invite" (a new person) or "reset" (a new password) */
	const char *expires_at; /* RFC 3339 */
	const char *email, *name;
};

/* A new link for user_id (purpose "invite" or "reset") made by actor, in the caller's transaction; the user's older
 * pending links are revoked. Fills *secret (arena, shown once) and expires; the link's id, or -1 with e. */
long long invitation_create(db *d, arena *a, long long user_id, const char *purpose, long long actor,
                            const char **secret, char expires[21], struct err *e);
/* Where a link answers: /invite/SECRET (arena). */
const char *invitation_path(arena *a, const char *secret);
/* What the API answers for a new link (a new object): {id, user_id, purpose, token, path, url (null without an
 * origin), expires_at}. */
json_t *invitation_json(arena *a, long long id, long long user_id, const char *purpose, const char *secret,
                        const char *expires, const char *origin);
/* What a secret is now; INVITE_OK fills inv (arena). A link of a deactivated person is revoked. */
enum invitation_state invitation_check(db *d, arena *a, const char *secret, struct invitation *inv);
/* A sentence for a person who opened a link that is not INVITE_OK. */
const char *invitation_refusal(enum invitation_state st);
/* Use a link: the person's new password (PASSWORD_MIN characters at least), the link used, an audit row (kind users,
 * by the person), in the caller's transaction. The user's id, or -1 with e: 400 (field password), 404 unknown,
 * 410 used, expired or revoked. */
long long invitation_accept(db *d, arena *a, const char *secret, const char *password, struct err *e);
/* The user's pending link as {id, purpose, created_at, expires_at} (new), or JSON null. */
json_t *invitation_pending(db *d, long long user_id);
/* Revoke the user's pending links: how many, or -1 on a database error. */
int invitations_revoke_pending(db *d, long long user_id);

/* Admins' verbs (kind users): a new link for a person (a reset for someone who has a password; revokes the older),
 * and revoking the pending one. */
extern const struct action user_invite_action, user_invite_revoke_action;
#endif
