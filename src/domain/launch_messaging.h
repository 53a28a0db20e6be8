/* launch_messaging.h — what the PMM's side says about a launch: the PR/FAQs that announce it and the positioning of
 * each of its segments, with their approval state; shared by the launch's JSON, its page and its brief. */
#ifndef TANDEM_LAUNCH_MESSAGING_H
#define TANDEM_LAUNCH_MESSAGING_H
#include <jansson.h>
#include "model/entity.h"
#include "platform/db.h"

/* The PR/FAQs whose launch_id is the launch, approved ones first, then newest first: objects as entity_get gives
 * them (with approvals), a new array (empty when there is none). */
json_t *launch_prfaqs(db *d, long long launch_id);
/* The one the launch speaks with: the first of launch_prfaqs (approved if any is), borrowed from it; NULL if none. */
json_t *launch_prfaq_first(json_t *prfaqs);

/* The positioning of each of the launch's segments (its segment_ids, in their order; a deleted segment skipped):
 * [{segment_id, segment, approved, positioning: [{id, text, status}]}] where approved says whether one of the
 * segment's positioning messages is approved; positioning approved first, then by id (new). */
json_t *launch_positioning(db *d, json_t *launch);

/* What launch_decorate adds for them: "prfaqs" [{id, headline, status}] and "messaging" (launch_positioning). */
void launch_messaging_decorate(db *d, json_t *launch);
/* The members of their items, for the fields launch.c describes them with (the API document). */
extern const struct field launch_prfaq_members[], launch_segment_members[];
enum { LAUNCH_PRFAQ_MEMBERS = 3, LAUNCH_SEGMENT_MEMBERS = 4 };
#endif
