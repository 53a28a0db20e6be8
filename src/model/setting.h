/* setting.h — a group of workspace settings described once, like a kind with one object per workspace (as the
 * strategy): its fields (type, range, default, help), where it is stored, who may change it. The engine reads it
 * with defaults, checks a change with the fields' validator, stores and audits it; the API routes
 * /api/v1/settings/{name}, their OpenAPI schemas and the settings pages derive from it. */
#ifndef TANDEM_SETTING_H
#define TANDEM_SETTING_H
#include <jansson.h>
#include <stdbool.h>
#include "entity.h"

struct setting {
	const char *name;        /* the URL name: GET/PUT /api/v1/settings/<name> */
	const char *label;       /* "Score weights" */
	const char *schema;      /* its OpenAPI schema ("ScoreWeights"); a change is "<schema>Input" unless replace */
	const struct field *fields; /* each with its default (dflt) */
	int nfields;
	/* Storage in the settings table: the whole group as one JSON object under key, or (key NULL) field i under
	 * keys[i]. */
	const char *key;
	const char *const *keys;
	bool replace;            /* a change sends every field (PUT replaces); else the fields sent change */
	int write_rank;          /* least role that changes it */
	/* Rules across fields, after each field is checked: obj is the whole group as it would be, sent the input.
	 * -1 with err refuses. NULL: none. */
	int (*check)(json_t *obj, json_t *sent, struct err *err);
	const char *summary_get, *summary_put; /* one line each for OpenAPI and docs */
};

/* Every group served: the table in src/app/settings_all.c (each row is defined beside what it configures). */
extern const struct setting *const settings_all[];
extern const int settings_count;
const struct setting *setting_find(const char *name); /* NULL for an unknown name */

/* The group as a new object: every field, the stored value or its default (a stored value that no longer
 * passes the field's check is logged and replaced by the default). */
json_t *setting_get(db *d, const struct setting *s);
/* Check input (a JSON object) against the group and store what changed, with one audit row per stored key
 * (kind "settings", action "updated", {key: {from, to}}). The caller holds the transaction. 0, or -1 with err
 * naming the field ("lead_days.3", "checklist.1[2]"). */
int setting_put(db *d, const struct setting *s, long long actor, json_t *input, struct err *err);
#endif
