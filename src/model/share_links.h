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

/* Making a link (an action, model/action.h): {kind: roadmap|calendar, label}; answers {id, kind, token, path,
 * url, label, created_at} with the secret, once; only its BLAKE2b hash is kept. Revoking one ({id}). Both are
 * audited (kind share-links). */
extern const struct action share_link_create_action, share_link_revoke_action;
/* Where a link of that kind with that secret answers: /share/roadmap/SECRET or /share/calendar/SECRET.ics. */
const char *share_link_path(arena *a, const char *kind, const char *secret);
/* Is secret an unrevoked link of this kind? */
bool share_link_valid(db *d, const char *kind, const char *secret);
/* The links of a kind (NULL: every kind), newest first: {id, kind, label, created_by, created_at, revoked_at}. */
json_t *share_links_list(db *d, const char *kind);
#endif
