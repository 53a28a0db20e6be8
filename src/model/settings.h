/* settings.h — workspace settings: one JSON value per key in the settings table, read with a default. */
#ifndef TANDEM_SETTINGS_H
#define TANDEM_SETTINGS_H
#include <jansson.h>
#include "platform/db.h"

#define SETTINGS_MAX_KEY 100
#define SETTINGS_MAX_VALUE 65536 /* bytes of JSON text */

/* The value stored at key as a new reference; dflt (a new reference to it) when the key is absent or its
 * text is not JSON (logged); NULL when both are missing. The caller owns what is returned. */
json_t *settings_get(db *d, const char *key, json_t *dflt);
/* Store value at key (replacing any earlier value); the caller holds the transaction. actor's change is
 * written to the audit trail as kind "settings", action "updated", {key: {from, to}}. 0, or -1 on a
 * database failure or a value that cannot be stored (too long). value is borrowed. */
int settings_put(db *d, long long actor, const char *key, json_t *value);
/* A number stored at key, or dflt when absent or not a number. */
double settings_number(db *d, const char *key, double dflt);
#endif
