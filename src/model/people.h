/* people.h — the lists of people and API tokens the API and the CLI show. */
#ifndef TANDEM_PEOPLE_H
#define TANDEM_PEOPLE_H
#include <jansson.h>
#include <stdbool.h>
#include "platform/db.h"

/* Every user as a new array of {id, email, name, role, created_at, active, deactivated_at, invitation (the pending
 * one: {id, purpose, created_at, expires_at}, or null)}, by name (by_id: by id). */
json_t *people_list(db *d, bool by_id);
/* One user as people_list shows them (a new object), NULL when there is none with that id. */
json_t *people_get(db *d, long long id);
/* The API tokens of user_id (0: everyone's) as a new array of {id, name, user (email), created_at, last_used_at,
 * revoked_at}, oldest first; never a secret. */
json_t *tokens_list(db *d, long long user_id);
/* The user a token belongs to; 0 when there is no such token. */
long long token_owner(db *d, long long id);
#endif
