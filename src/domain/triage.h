/* triage.h — the perspective gate for new requests (accept, or decline citing the strategy) and merging duplicates. */
#ifndef TANDEM_TRIAGE_H
#define TANDEM_TRIAGE_H
#include <jansson.h>
#include "platform/arena.h"
#include "platform/db.h"
#include "platform/err.h"

/* Decide on a request in status new or triage. input: {"decision": "accept"|"decline", "reason": text,
 * "cites": "perspective" | "principle:N" | "out_of_scope:N" (1-based; both required to decline)}.
 * On success *reply is the text to send to the requester, in the arena. 0, or -1 with e filled. */
int triage_decide(db *d, arena *a, long long actor, long long id, json_t *input, const char **reply, struct err *e);
/* The reply for the requester of a triaged feature (accepted: why it fits; declined: the reason with what it
 * cites), signed by actor; NULL when the feature is missing or not triaged yet. In the arena. */
const char *triage_reply(db *d, arena *a, long long actor, long long id);
/* The strategy statement a citation names ("principle:2" -> the second principle), in the arena; NULL when
 * it names nothing. *label says which kind of statement it is. */
const char *triage_cited(db *d, arena *a, const char *cites, const char **label);

/* Merge duplicate `from` into `into`: goal, persona and evidence links, dependencies and dependents move;
 * `from` stays as a redirect (merged_into, declined). 0, or -1 with e filled (e.g. a dependency cycle). */
int feature_merge(db *d, long long actor, long long from, long long into, struct err *e);
#endif
