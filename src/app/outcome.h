/* outcome.h — what the dispatcher did for an action's route, handed to the face that answers it (api_action,
 * page_action): the action, its run (x) and the failure, if any. */
#ifndef TANDEM_OUTCOME_H
#define TANDEM_OUTCOME_H
#include "model/action.h"
#include "platform/http.h"

struct outcome {
	const struct action *action;
	int rc;          /* 0: done (x holds the run); -1: refused or failed (err) */
	struct act x;
	struct err err;
	long long id;    /* the path's {id}, also when the run failed (0 when none) */
};

/* The outcome of this request's action; NULL for a route that is not an action's. */
static inline const struct outcome *rq_outcome(request *rq) { return rq->outcome; }
#endif
