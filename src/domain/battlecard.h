/* battlecard.h — a competitor's battlecard assembled from the data: who they are and how they position, why we win,
 * objections with answers and proof, landmines, what customers say of them, and when it was last updated. */
#ifndef TANDEM_BATTLECARD_H
#define TANDEM_BATTLECARD_H
#include <jansson.h>
#include "platform/db.h"
#include "platform/err.h"

enum { BATTLECARD_PROOF_MAX = 8 }; /* customer quotes that mention the competitor, newest first */
enum { BATTLECARD_STALE_DAYS = 90 }; /* unchanged this long while a launch is coming: rule battlecard-stale */

/* The battlecard of competitor id as a new object: {competitor: {id, name, positioning, strengths, weaknesses,
 * landmines}, why_we_win: [...], objections: [{id, objection, answer, proof: [insight]}], mentions: [insight],
 * mentions_total, updated_at}; an insight is {id, text, source, account, observed_at}. updated_at is the latest
 * change of the competitor or one of its objections. NULL with e (404 naming "competitor") when there is none. */
json_t *battlecard_get(db *d, long long id, struct err *e);

/* Why we win against the competitor: the positioning messages that name it as the alternative (competitor_id) or
 * among the competitive alternatives (competitor_ids), approved first, each {message_id, text, differentiator,
 * status, segment, features: [{id, title, status}]} — the features that back the differentiator (a new array). */
json_t *battlecard_why_we_win(db *d, long long competitor_id);
#endif
