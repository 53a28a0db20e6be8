/* reviews.h — review requests: ask a named reviewer to review any object by a date; answered or cancelled once. */
#ifndef TANDEM_REVIEWS_H
#define TANDEM_REVIEWS_H
#include "action.h"
#include "entity.h"

extern struct entity reviews_entity;
extern const struct action review_answer_action, review_cancel_action;

/* The review requests of one object, newest first, each with "reviewer_name" and "requested_by_name"; a new array. */
json_t *reviews_of(db *d, const char *on_kind, long long on_id);
#endif
