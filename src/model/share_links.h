/* share_links.h — read-only links for people without an account (the roadmap, the launch calendar
 * feed): a secret shown once, stored as a hash, revocable. */
#ifndef TANDEM_SHARE_LINKS_H
#define TANDEM_SHARE_LINKS_H
#include <jansson.h>
#include <stdbool.h>
#include "platform/arena.h"
#include "platform/db.h"
#include "platform/err.h"

/* kind is "roadmap" or "calendar". Returns the new link's id and its secret (arena, shown once);
 * -1 with err on a bad kind or label. The caller holds the transaction; the audit trail records it. */
long long share_link_create(db *d, arena *a, long long actor, const char *kind, const char *label,
                            const char **secret, struct err *err);
/* Where a link of that kind with that secret answers: /share/roadmap/SECRET or /share/calendar/SECRET.ics. */
const char *share_link_path(arena *a, const char *kind, const char *secret);
/* Is secret an unrevoked link of this kind? */
bool share_link_valid(db *d, const char *kind, const char *secret);
/* Revoke a link; 404 when there is no unrevoked link with that id. */
int share_link_revoke(db *d, long long actor, long long id, struct err *err);
/* The links of a kind (NULL: every kind), newest first: {id, kind, label, created_by, created_at, revoked_at}. */
json_t *share_links_list(db *d, const char *kind);
#endif
