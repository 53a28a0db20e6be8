/* decisions.h — decisions with their options and evidence, escalated to the leaders when PM and PMM disagree, and
 * the record of how each was decided (or reversed); the state machine is one function, tested on its own. */
#ifndef TANDEM_DECISIONS_H
#define TANDEM_DECISIONS_H
#include "action.h"
#include "entity.h"
#include "setting.h"

extern struct entity decisions_entity;
extern const struct action decision_escalate_action, decision_decide_action, decision_reverse_action;
/* open_days: an open or escalated decision older than this is flagged (decision-open-too-long). */
extern const struct setting decision_setting;

enum { DECISION_OPTIONS_MAX = 10, DECISION_OPEN_DAYS = 14 };

/* The status a decision in status moves to when verb ("escalate", "decide", "reverse") is done by a user of rank:
 * escalate open -> escalated; decide open -> decided (editors) or escalated -> decided (leaders only: 403 for
 * others); reverse decided -> reversed. NULL with err (409 naming status for a wrong state, 403) when refused. */
const char *decision_next_status(const char *status, const char *verb, int rank, struct err *err);
/* The open_days setting (DECISION_OPEN_DAYS when unset). */
long decision_open_days(db *d);
#endif
