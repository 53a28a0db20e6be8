/* wins.h — wins: a goal met, a launch launched, a feature's success reached (recorded once each), or by hand. */
#ifndef TANDEM_WINS_H
#define TANDEM_WINS_H
#include "entity.h"

extern struct entity wins_entity;

/* Record the automatic win of a source ("goal", "launch", "feature") once: the new win's id, 0 when that source was
 * celebrated already, -1 with err. thanks: the user ids to thank (borrowed; nulls skipped). In the caller's
 * transaction, audited as any create. */
long long wins_record(db *d, long long actor, const char *source, long long source_id, const char *title,
                      json_t *thanks, struct err *err);
/* The latest wins, newest first (at most limit), each with "thanks_names" (a list of names); a new array. */
json_t *wins_recent(db *d, int limit);
#endif
