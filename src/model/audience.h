/* audience.h — who may hear of an object: the people who follow it (or stopped following what they own), the people
 * of some roles, the owners of what a release carries, the people of a comment thread; and the reminders already
 * given, so time passing tells each person once. */
#ifndef TANDEM_AUDIENCE_H
#define TANDEM_AUDIENCE_H
#include <jansson.h>
#include <stdbool.h>
#include "platform/db.h"

/* Follow an object (on) or stop following it (!on: also what one owns); 0, or -1 on a failed statement. */
int watch_set(db *d, long long user_id, const char *kind, long long object_id, bool on);
/* Does the user follow it: 1 on, 0 stopped, -1 never said. */
int watch_state(db *d, long long user_id, const char *kind, long long object_id);
/* The users who said on (or, with on false, who stopped) about the object: a new array of ids. */
json_t *watchers_of(db *d, const char *kind, long long object_id, bool on);
/* Forget what anyone said about an object that is gone. */
int watches_forget(db *d, const char *kind, long long object_id);
/* Active users whose role is one of roles (NULL-terminated), by id: a new array of ids. */
json_t *users_with_roles(db *d, const char *const roles[]);
/* The owners of the features (pm and pmm owner) and launches (owner) a release carries: a new array of ids. */
json_t *release_carriers(db *d, long long release_id);
/* The authors of a top-level comment and of its replies: a new array of ids. */
json_t *thread_people(db *d, long long comment_id);
/* Was the user reminded of reason about the object within the last `days` days up to today? If not, note it now
 * and answer true (remind them); false when reminded already; -1 on a failed statement. */
int reminder_due(db *d, long long user_id, const char *reason, const char *kind, long long object_id,
                 const char *today, int days);
#endif
