/* answer_key.h — the ETag of a GET answer known before it is made: everything the answer depends on (the route and
 * query, who asks and their session, the headers a page reads, the day, the workspace's change counter). */
#ifndef TANDEM_ANSWER_KEY_H
#define TANDEM_ANSWER_KEY_H
#include "platform/http.h"

/* The quoted ETag of rq's answer (in rq's arena), or NULL when the workspace has no change counter yet. */
const char *answer_key(request *rq);
/* Does the request's If-None-Match name key? */
bool answer_key_matches(request *rq, const char *key);
#endif
