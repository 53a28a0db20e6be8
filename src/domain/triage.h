/* triage.h — the perspective gate for new requests (accept, or decline citing the strategy) and merging duplicates. */
#ifndef TANDEM_TRIAGE_H
#define TANDEM_TRIAGE_H
#include <jansson.h>
#include "platform/arena.h"
#include "platform/db.h"
#include "model/action.h"
#include "platform/err.h"

/* The perspective gate as an action (model/action.h) on a request in status new or triage: input
 * {"decision": "accept"|"decline", "reason": text, "cites": "perspective" | "principle:N" | "out_of_scope:N"
 * (1-based; both required to decline)}; answers {"feature", "reply"} (the text to send to the requester). */
extern const struct action triage_action;
/* The reply for the requester of a triaged feature (accepted: why it fits; declined: the reason with what it
 * cites), signed by actor; NULL when the feature is missing or not triaged yet. In the arena. */
const char *triage_reply(db *d, arena *a, long long actor, long long id);
/* The strategy statement a citation names ("principle:2" -> the second principle), in the arena; NULL when
 * it names nothing. *label says which kind of statement it is. */
const char *triage_cited(db *d, arena *a, const char *cites, const char **label);

/* Merging a duplicate as an action on `from`: {"into": id}; goal, persona and evidence links, dependencies and
 * dependents move; `from` stays as a redirect (merged_into, declined); answers the kept feature. */
extern const struct action merge_action;
/* The merge itself: 0, or -1 with e filled (e.g. a dependency cycle). */
int feature_merge(db *d, long long actor, long long from, long long into, struct err *e);
#endif
