/* share_links.h — read-only links for people without an account (the roadmap, the launch calendar
 * feed): a secret shown once, stored as a hash, revocable. */
#ifndef TANDEM_SHARE_LINKS_H
#define TANDEM_SHARE_LINKS_H
#include <jansson.h>
#include <stdbool.h>
#include "platform/arena.h"
#include "platform/db.h"
#include "action.h"
#include "platform/err.h"

/* A kind of link: its name, as people read it, the label a link gets when given none, what its address opens, and
 * what follows the secret in its path. */
struct share_kind {
	const char *kind, *name, *default_label, *opens, *suffix;
};
extern const struct share_kind share_kinds[];
extern const int share_kinds_count;
extern const char *const share_link_kinds[]; /* their names, NULL-terminated (the kind field's choices) */
const struct share_kind *share_kind(const char *kind); /* NULL for none */
/* Making a link (an action, model/action.h): {kind: roadmap|calendar|changelog, label}; answers {id, kind, token, path,
 * url, label, created_at} with the secret, once; only its BLAKE2b hash is kept. Revoking one ({id}). Both are
 * audited (kind share-links). */
extern const struct action share_link_create_action, share_link_revoke_action;
/* Where a link of that kind with that secret answers: /share/roadmap/SECRET, /share/calendar/SECRET.ics,
 * /share/changelog/SECRET. */
const char *share_link_path(arena *a, const char *kind, const char *secret);
/* Is secret an unrevoked link of this kind? */
bool share_link_valid(db *d, const char *kind, const char *secret);
/* The same, giving the link's id (0: none) and when it was made (created_at, when not NULL). */
long long share_link_find(db *d, const char *kind, const char *secret, char created_at[21]);
/* The links of a kind (NULL: every kind), newest first: {id, kind, label, created_by, created_at, revoked_at}. */
json_t *share_links_list(db *d, const char *kind);
#endif
