/* evidence.h — customer evidence tied to the backlog: an insight linked to a feature with an importance 1-3. */
#ifndef TANDEM_EVIDENCE_H
#define TANDEM_EVIDENCE_H
#include <jansson.h>
#include <stdbool.h>
#include "platform/db.h"
#include "platform/err.h"

#define EVIDENCE_LIST_MAX 1000 /* linked insights listed per feature (the source mix counts them all) */
#define EVIDENCE_DEFAULT_IMPORTANCE 2

/* Check a link request {"insight_id", "importance"} (importance 1..3, 2 when absent; nothing else) against
 * feature_id without writing. 0 with *insight_id and *importance set, or -1 with e: 404 naming "feature"
 * (no such feature), 409 naming "feature" (merged into another), 400 naming insight_id or importance. */
/* "nice to have", "important" or "critical" for an importance 1-3; NULL outside. */
const char *evidence_importance_label(long long importance);
int evidence_check(db *d, long long feature_id, json_t *in, long long *insight_id, int *importance, struct err *e);
/* Link the insight to the feature, or change the importance of the link. Audit rows on both objects (none
 * when nothing changed); the objects' versions are untouched (a link is not an edit of either). *created is
 * true for a new link. The link as a new object {feature_id, insight_id, importance, created_at}, or NULL
 * with e (as evidence_check; 500 on a database failure). The caller holds the transaction. */
json_t *evidence_link(db *d, long long actor, long long feature_id, json_t *in, bool *created, struct err *e);
/* Remove a link, with audit rows on both objects. 0, or -1 with e (404 when there is no such link). */
int evidence_unlink(db *d, long long actor, long long feature_id, long long insight_id, struct err *e);
/* A feature's evidence as a new object: {"items": [{insight_id, text, author, source, observed_at,
 * account_id, account, arr, importance, weight, linked_at}] (most important first, at most
 * EVIDENCE_LIST_MAX), "total", "source_mix": {source: count} (every source, 0 included)}. NULL with e (404). */
json_t *evidence_list(db *d, long long feature_id, struct err *e);
/* The features an insight supports: {"items": [{feature_id, title, status, period, importance, linked_at}]}.
 * NULL with e (404 naming "insight"). */
json_t *evidence_of_insight(db *d, long long insight_id, struct err *e);
#endif
