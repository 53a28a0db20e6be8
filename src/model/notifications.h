/* notifications.h — each person's inbox: one row per event they are to hear of, with the reason (mention,
 * review_requested, escalation, ...), read or unread, mailed or not. Who hears of what is the domain's
 * (domain/notify.c); this stores and reads. */
#ifndef TANDEM_NOTIFICATIONS_H
#define TANDEM_NOTIFICATIONS_H
#include <jansson.h>
#include <stdbool.h>
#include "action.h"
#include "events.h"
#include "platform/db.h"

/* The reasons, in the order a person hears of one event for the first that applies. */
extern const char *const notification_reasons[]; /* NULL-terminated */

/* Tell user of ev for reason (the event stored once); nothing when they already hear of it or are deactivated.
 * 0, or -1 on a failed statement. */
int notifications_add(db *d, long long user_id, struct event *ev, const char *reason);
/* The user's notifications newest first, older than the row id before (0: from the newest), at most limit; with
 * unread_only the unread ones: [{id, at, reason, read, type, kind, object_id, title, actor_id, actor, changes}];
 * *next is the next page's cursor (0: the last page). */
json_t *notifications_list(db *d, long long user_id, bool unread_only, long long before, int limit, long long *next);
long long notifications_unread(db *d, long long user_id);
/* Mark the user's notifications read: those of ids (a JSON array of integers), or all when ids is NULL. How many
 * changed, or -1. */
long long notifications_mark_read(db *d, long long user_id, json_t *ids);

/* Mail: the user's unmailed notifications (reason: only those; NULL: all), oldest first, as notifications_list's. */
json_t *notifications_unmailed(db *d, long long user_id, const char *reason);
/* Mark these (ids) mailed; 0, or -1. */
int notifications_mark_mailed(db *d, json_t *ids);
/* The active users whose preference is notify ("digest", "immediate") and, for digests, not mailed one today:
 * [{id, email, name}]. */
json_t *notify_mail_due(db *d, const char *notify, const char *today);
/* Their digest was mailed today. */
int notify_digest_done(db *d, long long user_id, const char *today);
/* How each person is told by mail: digest (default), immediate (mentions at once), none. */
extern const char *const notify_prefs[];
extern const struct action user_notify_action;
#endif
