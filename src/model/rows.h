/* rows.h — a statement's rows as JSON objects keyed by the names its columns have (name them with AS). */
#ifndef TANDEM_ROWS_H
#define TANDEM_ROWS_H
#include <jansson.h>
#include "platform/db.h"

/* Every row of s as an object of its columns — numbers, text or null as stored — in a new array; s is done. */
json_t *rows_json(db_stmt *s);
#endif
