/* entity_validate.c — checks input against a descriptor, field by field, and reads forms. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "entity.h"
#include "approvals.h"

static bool system_key(const char *k)
{
	return !strcmp(k, "id") || !strcmp(k, "created_at") || !strcmp(k, "updated_at") || !strcmp(k, "version");
}

enum { LIST_ITEM_MAX = 200 };

static int check_text(const struct field *f, const char *s, struct err *e)
{
	size_t n = strlen(s);
	if (!valid_text(s, n))
		return err_invalid(e, f->name, "%s contains invalid UTF-8 or control characters", f->name);
	if (f->type == FT_STRING && strpbrk(s, "\r\n"))
		return err_invalid(e, f->name, "%s is one line: it must not contain a line break", f->name);
	long max = f->max > 0 ? f->max : (f->type == FT_TEXT ? 20000 : 200);
	if ((long)utf8_len(s) > max)
		return err_invalid(e, f->name, "%s is longer than %ld characters", f->name, max);
	return 0;
}

static bool blank(const char *s)
{
	for (; *s; s++)
		if (*s != ' ' && *s != '\t' && *s != '\n' && *s != '\r')
			return false;
	return true;
}

/* Links: [id, ...] or, weighted, [{"<key>": id, "weight": w}, ...]; each id exists, none twice.
 * Returns a new list ordered by id (as the engine reads it back). */
static json_t *check_links(db *d, const struct field *f, json_t *v, struct err *e)
{
	const struct link *l = f->link;
	long max = f->max > 0 ? f->max : 200;
	if (!json_is_array(v))
		return err_invalid(e, f->name, "%s must be a list of %s", f->name,
		                   l->weight ? "{id, weight} objects" : "ids"),
		       NULL;
	if ((long)json_array_size(v) > max)
		return err_invalid(e, f->name, "%s has more than %ld items", f->name, max), NULL;
	size_t n = json_array_size(v), i;
	long long *ids = calloc(n + 1, sizeof *ids), *ws = calloc(n + 1, sizeof *ws);
	json_t *it;
	json_array_foreach(v, i, it)
	{
		json_t *id = l->weight ? json_object_get(it, l->key) : it, *w = l->weight ? json_object_get(it, "weight") : NULL;
		if (l->weight && (!json_is_object(it) || json_object_size(it) != 2 || !w)) {
			err_invalid(e, f->name, "%s item %zu must be {\"%s\": id, \"weight\": %d..%d}", f->name, i + 1, l->key,
			            l->wlo, l->whi);
			goto fail;
		}
		if (!json_is_integer(id) || json_integer_value(id) <= 0) {
			err_invalid(e, f->name, "%s item %zu must name an id", f->name, i + 1);
			goto fail;
		}
		ids[i] = json_integer_value(id);
		if (w && (!json_is_integer(w) || json_integer_value(w) < l->wlo || json_integer_value(w) > l->whi)) {
			err_invalid(e, f->name, "%s item %zu: weight must be a whole number from %d to %d", f->name, i + 1, l->wlo,
			            l->whi);
			goto fail;
		}
		ws[i] = w ? json_integer_value(w) : 0;
		for (size_t k = 0; k < i; k++)
			if (ids[k] == ids[i]) {
				err_invalid(e, f->name, "%s names %lld twice", f->name, ids[i]);
				goto fail;
			}
		if (!entity_ref_exists(d, f->ref, ids[i])) {
			err_invalid(e, f->name, "%s: no %s with id %lld", f->name, f->ref, ids[i]);
			goto fail;
		}
	}
	/* ordered by id, as read back */
	for (size_t a = 1; a < n; a++)
		for (size_t b = a; b > 0 && ids[b - 1] > ids[b]; b--) {
			long long t = ids[b], u = ws[b];
			ids[b] = ids[b - 1], ws[b] = ws[b - 1];
			ids[b - 1] = t, ws[b - 1] = u;
		}
	json_t *out = json_array();
	for (size_t k = 0; k < n; k++)
		json_array_append_new(out, l->weight ? json_pack("{sIsI}", l->key, (json_int_t)ids[k], "weight", (json_int_t)ws[k])
		                                     : json_integer(ids[k]));
	free(ids), free(ws);
	return out;
fail:
	free(ids), free(ws);
	return NULL;
}

/* A list of whole numbers > 0, none twice, each an object of kind ref when the field names one. */
static json_t *check_ids(db *d, const struct field *f, json_t *v, struct err *e)
{
	long max = f->max > 0 ? f->max : 1000;
	if (!json_is_array(v))
		return err_invalid(e, f->name, "%s must be a list of ids", f->name), NULL;
	if ((long)json_array_size(v) > max)
		return err_invalid(e, f->name, "%s has more than %ld items", f->name, max), NULL;
	size_t i, k;
	json_t *it;
	json_array_foreach(v, i, it)
	{
		if (!json_is_integer(it) || json_integer_value(it) <= 0)
			return err_invalid(e, f->name, "%s item %zu must be an id (a whole number above 0)", f->name, i + 1), NULL;
		for (k = 0; k < i; k++)
			if (json_integer_value(json_array_get(v, k)) == json_integer_value(it))
				return err_invalid(e, f->name, "%s names %lld twice", f->name, (long long)json_integer_value(it)),
				       NULL;
		if (f->ref && !entity_ref_exists(d, f->ref, json_integer_value(it)))
			return err_invalid(e, f->name, "%s: no %s with id %lld", f->name, f->ref, (long long)json_integer_value(it)),
			       NULL;
	}
	return json_incref(v);
}

/* An object checked against f's members; an error inside it is named at path ("checklist.1[2]") with the
 * member in the message, or, for a record that is not in a list, path.member ("capacity.eng"). */
static json_t *check_record(db *d, const struct field *f, const char *path, json_t *v, json_t *base, struct err *e)
{
	if (!json_is_object(v))
		return err_invalid(e, path, "%s must be an object", path), NULL;
	json_t *out = fields_validate(d, f->sub, f->nsub, path, v, json_is_object(base) ? base : NULL, e);
	if (!out) {
		char msg[sizeof e->message + sizeof e->field + 2], at[2 * sizeof e->field];
		if (f->type == FT_RECORDS) {
			snprintf(msg, sizeof msg, "%s: %s", path, e->message);
			snprintf(e->message, sizeof e->message, "%.*s", (int)sizeof e->message - 1, msg);
			snprintf(e->field, sizeof e->field, "%s", path);
		} else {
			size_t n = strlen(e->field);
			if (n && !strncmp(e->message, e->field, n) && e->message[n] == ':') { /* an item's message names it */
				snprintf(msg, sizeof msg, "%s.%s", path, e->message);
				snprintf(e->message, sizeof e->message, "%.*s", (int)sizeof e->message - 1, msg);
			}
			snprintf(at, sizeof at, "%s.%s", path, e->field);
			snprintf(e->field, sizeof e->field, "%.*s", (int)sizeof e->field - 1, at);
		}
	}
	return out;
}

/* Check one present, non-null value (base: the field's value before, for a record whose members not sent keep
 * theirs); returns a new normalized value or NULL with e set. */
static json_t *check_value(db *d, const struct field *f, json_t *v, json_t *base, struct err *e)
{
	switch (f->type) {
	case FT_STRING:
	case FT_TEXT:
		if (!json_is_string(v))
			return err_invalid(e, f->name, "%s must be a string", f->name), NULL;
		if (check_text(f, json_string_value(v), e) < 0)
			return NULL;
		if ((f->flags & F_REQUIRED) && blank(json_string_value(v)))
			return err_invalid(e, f->name, "%s must not be empty", f->name), NULL;
		return json_incref(v);
	case FT_INT:
	case FT_MONEY:
	case FT_REF: {
		if (!json_is_integer(v))
			return err_invalid(e, f->name, "%s must be a whole number", f->name), NULL;
		long long n = json_integer_value(v);
		if (f->type == FT_MONEY && n < 0)
			return err_invalid(e, f->name, "%s must not be negative", f->name), NULL;
		if (f->lo < f->hi && (n < f->lo || n > f->hi))
			return err_invalid(e, f->name, "%s must be from %g to %g", f->name, f->lo, f->hi), NULL;
		if (f->type == FT_REF && !entity_ref_exists(d, f->ref, n))
			return err_invalid(e, f->name, "%s: no %s with id %lld", f->name, f->ref, n), NULL;
		/* a new owner must be someone who can act: a deactivated person keeps what they own, takes nothing new */
		if (f->type == FT_REF && (f->flags & F_OWNER) && !strcmp(f->ref, "users") &&
		    !(json_is_integer(base) && json_integer_value(base) == n) &&
		    db_int(d, 0, "SELECT active FROM users WHERE id = ?", "i", n) != 1)
			return err_invalid(e, f->name, "%s: user %lld is deactivated; choose someone active", f->name, n), NULL;
		return json_incref(v);
	}
	case FT_NUMBER: {
		if (!json_is_number(v))
			return err_invalid(e, f->name, "%s must be a number", f->name), NULL;
		double x = json_number_value(v);
		if (!isfinite(x) || fabs(x) > 1e15)
			return err_invalid(e, f->name, "%s is out of range", f->name), NULL;
		if (f->lo < f->hi && (x < f->lo || x > f->hi))
			return err_invalid(e, f->name, "%s must be from %g to %g", f->name, f->lo, f->hi), NULL;
		return json_real(x);
	}
	case FT_DATE:
		if (!json_is_string(v) || !valid_date(json_string_value(v)))
			return err_invalid(e, f->name, "%s must be a real date as YYYY-MM-DD", f->name), NULL;
		return json_incref(v);
	case FT_ENUM: {
		if (json_is_string(v))
			for (const char *const *c = f->choices; *c; c++)
				if (strcmp(*c, json_string_value(v)) == 0)
					return json_incref(v);
		buf b;
		buf_init(&b);
		for (const char *const *c = f->choices; *c; c++)
			buf_rawf(&b, "%s%s", c == f->choices ? "" : ", ", *c);
		err_invalid(e, f->name, "%s must be one of: %s", f->name, buf_str(&b));
		buf_free(&b);
		return NULL;
	}
	case FT_LIST: {
		if (!json_is_array(v))
			return err_invalid(e, f->name, "%s must be a list of strings", f->name), NULL;
		long max = f->max > 0 ? f->max : 50;
		if ((long)json_array_size(v) > max)
			return err_invalid(e, f->name, "%s has more than %ld items", f->name, max), NULL;
		size_t i;
		json_t *it;
		json_array_foreach(v, i, it)
		{
			if (!json_is_string(it))
				return err_invalid(e, f->name, "%s item %zu must be a string", f->name, i + 1), NULL;
			const char *s = json_string_value(it);
			if (!valid_text(s, strlen(s)) || utf8_len(s) > LIST_ITEM_MAX || blank(s))
				return err_invalid(e, f->name, "%s item %zu must be 1 to %d characters of text", f->name, i + 1,
				                   LIST_ITEM_MAX),
				       NULL;
		}
		return json_incref(v);
	}
	case FT_LINKS: return check_links(d, f, v, e);
	case FT_BOOL:
		if (!json_is_boolean(v))
			return err_invalid(e, f->name, "%s must be true or false", f->name), NULL;
		return json_incref(v);
	case FT_IDS: return check_ids(d, f, v, e);
	case FT_RECORD: return check_record(d, f, f->name, v, base, e);
	case FT_RECORDS: {
		long max = f->max > 0 ? f->max : 50;
		if (!json_is_array(v))
			return err_invalid(e, f->name, "%s must be a list of objects", f->name), NULL;
		if ((long)json_array_size(v) > max)
			return err_invalid(e, f->name, "%s has more than %ld items", f->name, max), NULL;
		json_t *out = json_array(), *it;
		size_t i;
		json_array_foreach(v, i, it)
		{
			char at[64];
			snprintf(at, sizeof at, "%s[%zu]", f->name, i + 1);
			json_t *one = check_record(d, f, at, it, NULL, e);
			if (!one) {
				json_decref(out);
				return NULL;
			}
			json_array_append_new(out, one);
		}
		return out;
	}
	case FT_TIMESTAMP:
	case FT__MAX: break;
	}
	return err_invalid(e, f->name, "%s cannot be set", f->name), NULL;
}

/* The value a field gets when the input does not send it: base's (an edit), else the default or empty. */
static json_t *absent(const struct field *f, json_t *base)
{
	json_t *keep = base ? json_object_get(base, f->name) : NULL;
	if (keep)
		return json_incref(keep);
	if (f->dflt)
		return json_loads(f->dflt, JSON_DECODE_ANY, NULL);
	return f->type == FT_LINKS || f->type == FT_LIST || f->type == FT_IDS || f->type == FT_RECORDS ? json_array()
	                                                                                               : json_null();
}

json_t *fields_validate(db *d, const struct field *fields, int n, const char *one, json_t *input, json_t *base,
                        struct err *err)
{
	if (!json_is_object(input))
		return err_invalid(err, NULL, "the body must be a JSON object"), NULL;
	const char *key;
	json_t *val;
	json_object_foreach(input, key, val)
	{
		if (system_key(key))
			continue;
		bool known = false;
		for (int i = 0; i < n && !known; i++)
			known = !strcmp(fields[i].name, key);
		if (!known)
			return err_invalid(err, key, "unknown field %s for %s", key, one), NULL;
	}
	json_t *out = json_object();
	for (int i = 0; i < n; i++) {
		const struct field *f = &fields[i];
		json_t *v = json_object_get(input, f->name);
		json_t *nv = NULL;
		if (f->flags & F_READONLY) {
			/* server-computed: keep what is stored, ignore what was sent */
			json_t *keep = base ? json_object_get(base, f->name) : NULL;
			nv = keep ? json_incref(keep) : json_null();
		} else if (!v) {
			nv = absent(f, base);
		} else if (json_is_null(v)) {
			nv = f->type == FT_LIST || f->type == FT_LINKS || f->type == FT_IDS || f->type == FT_RECORDS ? json_array()
			                                                                                           : json_null();
		} else {
			nv = check_value(d, f, v, base ? json_object_get(base, f->name) : NULL, err);
			if (!nv) {
				json_decref(out);
				return NULL;
			}
		}
		if ((f->flags & F_REQUIRED) && !(f->flags & F_READONLY) && json_is_null(nv)) {
			json_decref(nv);
			json_decref(out);
			return err_invalid(err, f->name, "%s is required", f->name), NULL;
		}
		json_object_set_new(out, f->name, nv);
	}
	return out;
}

json_t *entity_validate(db *d, const struct entity *e, json_t *input, json_t *base, struct err *err)
{
	char one[80];
	snprintf(one, sizeof one, "a %s", e->one);
	json_t *out = fields_validate(d, e->fields, e->nfields, one, input, base, err);
	if (!out)
		return NULL;
	for (int i = 0; base && i < e->nfields; i++) {
		const struct field *f = &e->fields[i];
		if ((f->flags & F_OWN_ACTION) && !json_equal(json_object_get(out, f->name), json_object_get(base, f->name))) {
			json_decref(out);
			return err_invalid(err, f->name, "%s is changed through its own action, with a reason", f->name), NULL;
		}
	}
	if (approvals_check_status(e, out, base, err) < 0) {
		json_decref(out);
		return NULL;
	}
	long long id = base ? (long long)json_integer_value(json_object_get(base, "id")) : 0;
	if (e->check && e->check(d, id, out, err) < 0) {
		json_decref(out);
		return NULL;
	}
	return out;
}

/* A link field from a form: plain links are repeated fields "name=ID" (a multiple select);
 * weighted ones are "name.ID=WEIGHT" per candidate, where an empty or 0 weight means not linked.
 * Forms always show every link field, so none sent means none linked. */
static json_t *links_from_form(const struct field *f, struct kv *form, struct err *err)
{
	json_t *out = json_array();
	size_t n = strlen(f->name);
	for (struct kv *k = form; k; k = k->next) {
		long long id, w;
		if (!f->link->weight && !strcmp(k->key, f->name)) {
			if (blank(k->value))
				continue;
			if (!parse_ll(k->value, &id)) {
				json_decref(out);
				return err_invalid(err, f->name, "%s must name ids", f->name), NULL;
			}
			json_array_append_new(out, json_integer(id));
		} else if (f->link->weight && !strncmp(k->key, f->name, n) && k->key[n] == '.' &&
		           parse_ll(k->key + n + 1, &id)) {
			if (blank(k->value) || !strcmp(k->value, "0"))
				continue;
			if (!parse_ll(k->value, &w)) {
				json_decref(out);
				return err_invalid(err, f->name, "%s: a weight must be a whole number", f->name), NULL;
			}
			json_array_append_new(out, json_pack("{sIsI}", f->link->key, (json_int_t)id, "weight", (json_int_t)w));
		}
	}
	return out;
}

json_t *entity_from_form(const struct entity *e, struct kv *form, struct err *err)
{
	return fields_from_form(e->fields, e->nfields, form, err);
}

/* Repeated form fields "name=ID" as a list of ids (a multiple select or several hidden inputs). */
static json_t *ids_from_form(const struct field *f, struct kv *form, struct err *err)
{
	json_t *out = json_array();
	for (struct kv *k = form; k; k = k->next) {
		long long id;
		if (strcmp(k->key, f->name) || blank(k->value))
			continue;
		if (!parse_ll(k->value, &id)) {
			json_decref(out);
			return err_invalid(err, f->name, "%s must name ids", f->name), NULL;
		}
		json_array_append_new(out, json_integer(id));
	}
	return out;
}

/* The fields "name.member" of a form as the record's object (members not sent are left out). */
static json_t *record_from_form(const struct field *f, struct kv *form, struct err *err)
{
	size_t n = strlen(f->name);
	struct kv *head = NULL, **tail = &head;
	for (struct kv *k = form; k; k = k->next)
		if (!strncmp(k->key, f->name, n) && k->key[n] == '.') {
			struct kv *c = xmalloc(sizeof *c);
			*c = (struct kv){.key = k->key + n + 1, .value = k->value};
			*tail = c, tail = &c->next;
		}
	json_t *rec = fields_from_form(f->sub, f->nsub, head, err);
	while (head) {
		struct kv *next = head->next;
		free(head);
		head = next;
	}
	return rec;
}

/* The rows "name.N.member" of a form as a list of records, in the order their numbers first appear; a row whose
 * members are all blank is left out (the blank rows a form offers for new entries). NULL when the form sends no
 * such row (the list is not given: a settings form whose page builds the list itself); *bad set with err on a
 * malformed number. */
static json_t *records_from_form(const struct field *f, struct kv *form, struct err *err, bool *bad)
{
	size_t n = strlen(f->name);
	json_t *rows = NULL;
	*bad = false;
	for (struct kv *k = form; k; k = k->next) {
		const char *p = k->key + n + 1, *dot;
		if (strncmp(k->key, f->name, n) || k->key[n] != '.' || !(dot = strchr(p, '.')) || dot == p ||
		    strspn(p, "0123456789") != (size_t)(dot - p))
			continue;
		if (!rows)
			rows = json_array();
		size_t len = (size_t)(dot - p + 1), i; /* "N." */
		json_t *seen;
		bool done = false;
		json_array_foreach(rows, i, seen) done = done || !strncmp(json_string_value(seen), p, len);
		if (!done)
			json_array_append_new(rows, json_stringn(p, len));
	}
	if (!rows)
		return NULL;
	json_t *out = json_array(), *row;
	size_t i;
	json_array_foreach(rows, i, row)
	{
		const char *num = json_string_value(row);
		size_t len = strlen(num);
		struct kv *head = NULL, **tail = &head;
		bool blank_row = true;
		for (struct kv *k = form; k; k = k->next)
			if (!strncmp(k->key, f->name, n) && k->key[n] == '.' && !strncmp(k->key + n + 1, num, len)) {
				struct kv *c = xmalloc(sizeof *c);
				*c = (struct kv){.key = k->key + n + 1 + len, .value = k->value};
				*tail = c, tail = &c->next;
				blank_row = blank_row && blank(k->value);
			}
		json_t *rec = blank_row ? NULL : fields_from_form(f->sub, f->nsub, head, err);
		while (head) {
			struct kv *next = head->next;
			free(head);
			head = next;
		}
		if (blank_row)
			continue;
		if (!rec) {
			*bad = true;
			json_decref(rows), json_decref(out);
			return NULL;
		}
		const char *key;
		json_t *v;
		void *tmp;
		json_object_foreach_safe(rec, tmp, key, v) if (json_is_null(v)) json_object_del(rec, key); /* left empty */
		json_array_append_new(out, rec);
	}
	json_decref(rows);
	return out;
}

json_t *fields_from_form(const struct field *fields, int nfields, struct kv *form, struct err *err)
{
	json_t *o = json_object();
	for (int i = 0; i < nfields; i++) {
		const struct field *f = &fields[i];
		if (f->type == FT_RECORDS) { /* rows "name.N.member"; a settings page that shows a list builds it itself */
			bool bad;
			json_t *rows = records_from_form(f, form, err, &bad);
			if (bad) {
				json_decref(o);
				return NULL;
			}
			if (rows)
				json_object_set_new(o, f->name, rows);
			continue;
		}
		if (f->type == FT_RECORD) { /* its members as "name.member" fields */
			json_t *rec = record_from_form(f, form, err);
			if (!rec) {
				json_decref(o);
				return NULL;
			}
			if (json_object_size(rec))
				json_object_set(o, f->name, rec);
			json_decref(rec);
			continue;
		}
		if (f->type == FT_IDS) {
			json_t *ids = ids_from_form(f, form, err);
			if (!ids) {
				json_decref(o);
				return NULL;
			}
			if (json_array_size(ids)) /* none sent: not given (a list the form does not show) */
				json_object_set(o, f->name, ids);
			json_decref(ids);
			continue;
		}
		if (f->flags & F_READONLY)
			continue;
		if (f->type == FT_LINKS) {
			json_t *links = links_from_form(f, form, err);
			if (!links) {
				json_decref(o);
				return NULL;
			}
			json_object_set_new(o, f->name, links);
			continue;
		}
		const char *v = NULL;
		for (struct kv *k = form; k; k = k->next)
			if (strcmp(k->key, f->name) == 0)
				v = k->value;
		if (!v)
			continue;
		json_t *jv;
		if (f->type == FT_LIST) {
			jv = json_array();
			const char *p = v;
			while (*p) {
				size_t n = strcspn(p, "\r\n");
				size_t a = 0, b = n;
				while (a < b && (p[a] == ' ' || p[a] == '\t'))
					a++;
				while (b > a && (p[b - 1] == ' ' || p[b - 1] == '\t'))
					b--;
				if (b > a) {
					char *item = strndup(p + a, b - a);
					json_array_append_new(jv, json_string_nocheck(item));
					free(item);
				}
				p += n;
				while (*p == '\r' || *p == '\n')
					p++;
			}
		} else if (f->type == FT_BOOL) { /* a checkbox or a yes/no choice */
			bool yes = str_eq(v, "true") || str_eq(v, "1") || str_eq(v, "on") || str_eq(v, "yes");
			if (!yes && !blank(v) && !str_eq(v, "false") && !str_eq(v, "0") && !str_eq(v, "no") && !str_eq(v, "off")) {
				json_decref(o);
				return err_invalid(err, f->name, "%s must be yes or no", f->name), NULL;
			}
			jv = json_boolean(yes);
		} else if (blank(v)) {
			jv = json_null();
		} else if (f->type == FT_INT || f->type == FT_MONEY || f->type == FT_REF) {
			long long n;
			if (!parse_ll(v, &n)) {
				json_decref(o);
				return err_invalid(err, f->name, "%s must be a whole number", f->name), NULL;
			}
			jv = json_integer(n);
		} else if (f->type == FT_NUMBER) {
			double x;
			if (!parse_double(v, &x)) {
				json_decref(o);
				return err_invalid(err, f->name, "%s must be a number", f->name), NULL;
			}
			jv = json_real(x);
		} else {
			jv = json_string_nocheck(v);
		}
		json_object_set_new(o, f->name, jv);
	}
	return o;
}
