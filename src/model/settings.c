/* settings.c — workspace settings: typed access to the settings(key, value) table, values kept as JSON text. */
#include "settings.h"
#include <stdlib.h>
#include <string.h>
#include "entity.h"
#include "platform/log.h"
#include "queries.h"

json_t *settings_get(db *d, const char *key, json_t *dflt)
{
	json_t *v = NULL;
	db_stmt *s = db_q(d, "SELECT value FROM settings WHERE key = ?", "t", key);
	if (s && db_step(s) == DB_ROW) {
		const char *text = db_col_text(s, 0);
		json_error_t je;
		v = text ? json_loads(text, JSON_DECODE_ANY, &je) : NULL;
		if (!v)
			log_error("settings: the value of %s is not JSON; using the default", key);
	}
	db_done(s);
	if (!v && dflt)
		v = json_incref(dflt);
	return v;
}

int settings_put(db *d, long long actor, const char *key, json_t *value)
{
	if (!key || !*key || strlen(key) > SETTINGS_MAX_KEY || !value)
		return -1;
	char *text = json_dumps(value, JSON_COMPACT | JSON_SORT_KEYS | JSON_ENCODE_ANY | JSON_REAL_PRECISION(12));
	if (!text || strlen(text) > SETTINGS_MAX_VALUE) {
		free(text);
		return -1;
	}
	json_t *old = settings_get(d, key, NULL);
	int rc = query_run(d, Q_SETTING_PUT, "tt", key, text);
	free(text);
	if (rc == DB_OK && !(old && json_equal(old, value))) {
		json_t *diff = json_pack("{s{sOsO}}", key, "from", old ? old : json_null(), "to", value);
		rc = audit_write(d, actor, "settings", 0, "updated", diff) < 0 ? DB_ERR : DB_OK;
		json_decref(diff);
	}
	json_decref(old);
	return rc == DB_OK ? 0 : -1;
}

double settings_number(db *d, const char *key, double dflt)
{
	json_t *v = settings_get(d, key, NULL);
	double x = json_is_number(v) ? json_number_value(v) : dflt;
	json_decref(v);
	return x;
}
