/* json_get.h — reading a member of a JSON object in one call: a string (NULL when absent or not a string)
 * or a whole number (0 when absent or not one). */
#ifndef TANDEM_JSON_GET_H
#define TANDEM_JSON_GET_H
#include <jansson.h>

static inline const char *jget_str(json_t *o, const char *key) { return json_string_value(json_object_get(o, key)); }
static inline long long jget_int(json_t *o, const char *key) { return json_integer_value(json_object_get(o, key)); }
#endif
