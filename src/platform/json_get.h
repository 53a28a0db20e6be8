/* json_get.h — reading a member of a JSON object in one call (a string: NULL when absent or not a string; a
 * whole number: 0), and a result column as a JSON value (null for SQL NULL). */
#ifndef TANDEM_JSON_GET_H
#define TANDEM_JSON_GET_H
#include <jansson.h>
#include "db.h"

static inline const char *jget_str(json_t *o, const char *key) { return json_string_value(json_object_get(o, key)); }
static inline long long jget_int(json_t *o, const char *key) { return json_integer_value(json_object_get(o, key)); }
static inline json_t *jcol_str(db_stmt *s, int i) { return db_col_null(s, i) ? json_null() : json_string(db_col_text(s, i)); }
static inline json_t *jcol_int(db_stmt *s, int i) { return db_col_null(s, i) ? json_null() : json_integer(db_col_int(s, i)); }
#endif
