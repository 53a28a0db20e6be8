/* evidence.h — customer evidence tied to the backlog: an insight linked to a feature with an importance 1-3. */
#ifndef TANDEM_EVIDENCE_H
#define TANDEM_EVIDENCE_H
#include <jansson.h>
#include <stdbool.h>
#include "platform/db.h"
#include "model/action.h"
#include "platform/err.h"

#define EVIDENCE_LIST_MAX 1000 /* linked insights listed per feature (the source mix counts them all) */
#define EVIDENCE_DEFAULT_IMPORTANCE 2

/* "nice to have", "important" or "critical" for an importance 1-3; NULL outside. */
const char *evidence_importance_label(long long importance);
/* The evidence actions (model/action.h) on a feature: link {"insight_id", "importance" 1..3, 2 when absent}, or
 * change the importance of the link (answers {feature_id, insight_id, importance, created_at}: 201 for a new
 * link, 200 otherwise; 409 naming "feature" for a merged duplicate); unlink ({mid}: the insight; 404 when not
 * linked). Audit rows on both objects (none when nothing changed); the objects' versions are untouched (a link
 * is not an edit of either). A missing feature is a 404 naming "feature". */
extern const struct action evidence_link_action, evidence_unlink_action;
/* Is the insight linked to the feature? */
bool evidence_linked(db *d, long long feature_id, long long insight_id);
/* How many insights are linked to the feature as evidence. */
long long evidence_count(db *d, long long feature_id);
/* A feature's evidence as a new object: {"items": [{insight_id, text, author, source, observed_at,
 * account_id, account, arr, importance, weight, linked_at}] (most important first, at most
 * EVIDENCE_LIST_MAX), "total", "source_mix": {source: count} (every source, 0 included)}. NULL with e (404). */
json_t *evidence_list(db *d, long long feature_id, struct err *e);
/* The features an insight supports: {"items": [{feature_id, title, status, period, importance, linked_at}]}.
 * NULL with e (404 naming "insight"). */
json_t *evidence_of_insight(db *d, long long insight_id, struct err *e);
#endif
