/* notify.h — who hears of what: the listener that turns events into notifications (mentions, review requests and
 * answers, escalations, decisions, wins, approvals needed, a moved release, a change to what one owns or follows),
 * and the daily reminders (a launch inside its lead time with open items, a goal due for review). */
#ifndef TANDEM_DOMAIN_NOTIFY_H
#define TANDEM_DOMAIN_NOTIFY_H
#include <jansson.h>
#include <stdbool.h>
#include "platform/db.h"

struct entity;

/* Does the user hear of the object's changes: they follow it, or own it and did not stop. */
bool notify_follows(db *d, const struct entity *e, long long id, json_t *obj, long long user_id);
/* Start-up: listen to the events. */
void notify_init(void);
/* The day's reminders as of today ("YYYY-MM-DD"), each once per person, object and day (safe to run again): how
 * many were added, or -1 on a failed statement. The caller holds a write transaction. */
int notify_daily(db *d, const char *today);
#endif
