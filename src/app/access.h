/* access.h — the role checks of a route, made by the dispatcher before a handler runs. */
#ifndef TANDEM_ACCESS_H
#define TANDEM_ACCESS_H
#include <stdbool.h>
#include "route.h"

/* Does the signed-in user's role allow route r for this request (its path parameters parsed, rq->db open)? */
bool access_allowed(request *rq, const struct route *r);
#endif
