/* notify.h — who hears of what: the listener that turns events into notifications (mentions, review requests and
 * answers, escalations, decisions, wins, approvals needed, a moved release, a change to what one owns or follows),
 * and the daily reminders (a launch inside its lead time with open items, a goal due for review). */
#ifndef TANDEM_DOMAIN_NOTIFY_H
#define TANDEM_DOMAIN_NOTIFY_H
#include "platform/db.h"

/* Start-up: listen to the events. */
void notify_init(void);
/* The day's reminders as of today ("YYYY-MM-DD"), each once per person, object and day (safe to run again): how
 * many were added, or -1 on a failed statement. The caller holds a write transaction. */
int notify_daily(db *d, const char *today);
#endif
