/* getting_started.h — the first run's checklist, ticked from the data. */
#ifndef TANDEM_GETTING_STARTED_H
#define TANDEM_GETTING_STARTED_H
#include <jansson.h>
#include "platform/db.h"
/* {"steps": [{"id", "title", "href", "done"}], "done": n, "total": n}, steps in the order to take them. */
json_t *getting_started(db *d);
#endif
