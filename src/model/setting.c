/* setting.c — the settings engine: a group read with its defaults, checked by the fields' validator, stored
 * under its keys and audited. */
#include "setting.h"
#include <string.h>
#include "platform/log.h"
#include "settings.h"

const struct setting *setting_find(const char *name)
{
	for (int i = 0; name && i < settings_count; i++)
		if (!strcmp(settings_all[i]->name, name))
			return settings_all[i];
	return NULL;
}

/* What is stored for the group, as an object of the fields found (a group kept whole, or one key per field). */
static json_t *stored(db *d, const struct setting *s)
{
	if (s->key) {
		json_t *v = settings_get(d, s->key, NULL);
		if (json_is_object(v))
			return v;
		json_decref(v);
		return json_object();
	}
	json_t *o = json_object();
	for (int i = 0; i < s->nfields; i++) {
		json_t *v = settings_get(d, s->keys[i], NULL);
		if (v)
			json_object_set_new(o, s->fields[i].name, v);
	}
	return o;
}

json_t *setting_get(db *d, const struct setting *s)
{
	json_t *have = stored(d, s), *out = json_object();
	for (int i = 0; i < s->nfields; i++) {
		const struct field *f = &s->fields[i];
		json_t *v = json_object_get(have, f->name), *checked = NULL;
		if (v) { /* each stored value passes its field's check, else the default stands in for it */
			struct err e = {0};
			json_t *one = json_pack("{sO}", f->name, v);
			json_t *ok = fields_validate(d, f, 1, s->label, one, NULL, &e);
			checked = ok ? json_incref(json_object_get(ok, f->name)) : NULL;
			if (!ok)
				log_error("settings: %s.%s as stored is refused (%s); using the default", s->name, f->name, e.message);
			json_decref(ok), json_decref(one);
		}
		if (!checked)
			checked = f->dflt ? json_loads(f->dflt, JSON_DECODE_ANY, NULL) : json_null();
		json_object_set_new(out, f->name, checked ? checked : json_null());
	}
	json_decref(have);
	return out;
}

int setting_put(db *d, const struct setting *s, long long actor, json_t *input, struct err *err)
{
	if (!json_is_object(input) || (!s->replace && json_object_size(input) == 0)) {
		buf names;
		buf_init(&names);
		for (int i = 0; i < s->nfields; i++)
			buf_rawf(&names, "%s%s", i ? (i + 1 == s->nfields ? " and " : ", ") : "", s->fields[i].name);
		err_invalid(err, NULL, "send %s of %s", s->replace ? "every one" : "one or more", buf_str(&names));
		buf_free(&names);
		return -1;
	}
	for (int i = 0; s->replace && i < s->nfields; i++)
		if (!json_object_get(input, s->fields[i].name))
			return err_invalid(err, s->fields[i].name, "%s is required: a change of the %s sends every field",
			                   s->fields[i].name, s->label);
	json_t *now = setting_get(d, s);
	json_t *obj = fields_validate(d, s->fields, s->nfields, s->label, input, s->replace ? NULL : now, err);
	int rc = -1;
	if (!obj || (s->check && s->check(obj, input, err) < 0))
		goto done;
	rc = 0;
	if (s->key) {
		if (!json_equal(obj, now))
			rc = settings_put(d, actor, s->key, obj) < 0 ? err_internal(err) : 0;
	} else {
		for (int i = 0; rc == 0 && i < s->nfields; i++) {
			json_t *v = json_object_get(obj, s->fields[i].name);
			if (json_object_get(input, s->fields[i].name) && !json_equal(v, json_object_get(now, s->fields[i].name)))
				rc = settings_put(d, actor, s->keys[i], v) < 0 ? err_internal(err) : 0;
		}
	}
done:
	json_decref(obj), json_decref(now);
	return rc;
}
