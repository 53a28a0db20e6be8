/* entity.c — the generic entity engine: SQL from descriptors, read, create, update, delete (lists and CSV:
 * entity_list.c). */
#include "entity.h"
#include "entity_int.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "platform/log.h"
#include "approvals.h"
#include "users.h"


const char *ftype_name(enum ftype t)
{
	static const char *names[FT__MAX] = {"string", "text", "int",  "number", "money", "date",   "timestamp",
	                                     "enum",   "ref",  "list", "links",  "bool",  "ids",   "record",
	                                     "records"};
	return t < FT__MAX && names[t] ? names[t] : "?";
}

const char *field_choice_label(const struct field *f, const char *value, arena *a)
{
	if (!value)
		return "";
	if (f && f->labels && f->choices)
		for (int i = 0; f->choices[i]; i++)
			if (!strcmp(f->choices[i], value) && f->labels[i])
				return f->labels[i];
	char *s = arena_strdup(a, value);
	for (char *p = s; *p; p++)
		if (*p == '_')
			*p = ' ';
	if (s[0] >= 'a' && s[0] <= 'z')
		s[0] = (char)(s[0] - 'a' + 'A');
	return s;
}

const struct entity *entity_find(const char *kind)
{
	if (!kind)
		return NULL;
	for (int i = 0; i < entity_count; i++)
		if (strcmp(entity_all[i]->kind, kind) == 0)
			return entity_all[i];
	return NULL;
}

const struct field *entity_field(const struct entity *e, const char *name)
{
	for (int i = 0; i < e->nfields; i++)
		if (strcmp(e->fields[i].name, name) == 0)
			return &e->fields[i];
	return NULL;
}

bool field_is_column(const struct field *f) { return f->type != FT_LINKS; }

/* A link field's value as one JSON text column: ids in order, or {"<key>": id, "weight": w} objects. */
static void link_select(buf *b, const struct entity *e, const struct link *l)
{
	char outer[80];
	snprintf(outer, sizeof outer, "%s.id", e->table);
	buf_lit(b, ", ");
	if (l->weight)
		db_sql_json_weighted(b, l->table, l->own, outer, l->other, l->key, l->weight);
	else
		db_sql_json_ids(b, l->table, l->own, outer, l->other);
}

enum { SQL_GET, SQL_CHILDREN, SQL_INSERT, SQL_UPDATE };

/* Builds the fixed statements of one kind from its descriptor (program-owned names only). */
static char *sql_build(const char *head, const struct entity *e, int mode)
{
	buf b;
	buf_init(&b);
	buf_raw(&b, head);
	if (mode == SQL_GET || mode == SQL_CHILDREN) {
		buf_lit(&b, "SELECT id, created_at, updated_at, version");
		for (int i = 0; i < e->nfields; i++)
			if (field_is_column(&e->fields[i]))
				buf_rawf(&b, ", %s", e->fields[i].name);
			else
				link_select(&b, e, e->fields[i].link);
		if (mode == SQL_GET)
			buf_rawf(&b, " FROM %s WHERE id = ?", e->table);
		else
			buf_rawf(&b, " FROM %s WHERE %s = ? ORDER BY %s, id", e->table, e->parent_field,
			         e->default_sort ? e->default_sort : "id");
	} else if (mode == SQL_INSERT) {
		buf_rawf(&b, "INSERT INTO %s (created_at, updated_at, version", e->table);
		for (int i = 0; i < e->nfields; i++)
			if (field_is_column(&e->fields[i]))
				buf_rawf(&b, ", %s", e->fields[i].name);
		buf_lit(&b, ") VALUES (?, ?, 1");
		for (int i = 0; i < e->ncolumns; i++)
			buf_lit(&b, ", ?");
		buf_lit(&b, ")");
	} else {
		buf_rawf(&b, "UPDATE %s SET updated_at = ?, version = version + 1", e->table);
		for (int i = 0; i < e->nfields; i++)
			if (field_is_column(&e->fields[i]))
				buf_rawf(&b, ", %s = ?", e->fields[i].name);
		buf_lit(&b, " WHERE id = ? AND version = ?");
	}
	return buf_detach(&b, NULL);
}

void entity_init(void)
{
	for (int i = 0; i < entity_count; i++)
		entity_init_one(entity_all[i]);
	for (int i = 0; i < entity_count; i++) {
		struct entity *e = entity_all[i];
		const struct field *f = e->parent_field ? entity_field(e, e->parent_field) : NULL;
		struct entity *p = f ? (struct entity *)entity_find(f->ref) : NULL;
		e->parent = p;
		if (p)
			p->has_children = true;
	}
}

void entity_init_one(struct entity *e)
{
	{
		if (e->sql_get)
			return;
		if (e->default_sort && !entity_sortable(e, e->default_sort)) { /* a descriptor bug: every list would fail */
			log_error("entity %s: default_sort %s is not a sortable field", e->kind, e->default_sort);
			abort();
		}
		e->ncolumns = 0;
		for (int i = 0; i < e->nfields; i++)
			e->ncolumns += field_is_column(&e->fields[i]);
		e->sql_get = sql_build("", e, SQL_GET);
		e->sql_insert = sql_build("", e, SQL_INSERT);
		e->sql_update = sql_build("", e, SQL_UPDATE);
		e->sql_children = e->parent_field ? sql_build("", e, SQL_CHILDREN) : NULL;
		buf b;
		buf_init(&b);
		buf_rawf(&b, "DELETE FROM %s WHERE id = ?", e->table);
		e->sql_delete = buf_detach(&b, NULL);
		buf_rawf(&b, "SELECT 1 FROM %s WHERE id = ?", e->table);
		e->sql_exists = buf_detach(&b, NULL);
		buf_rawf(&b, "SELECT count(*) FROM %s", e->table);
		e->sql_count = buf_detach(&b, NULL);
		/* the first choices by title, and the one object a form shows whatever its place (the second parameter) */
		buf_rawf(&b, "SELECT id, t FROM (SELECT id, t FROM (SELECT id, %s AS t FROM %s ORDER BY ", e->title_field,
		         e->table);
		db_sql_order_nocase(&b, e->title_field);
		buf_rawf(&b, ", id LIMIT ?) AS firsts UNION SELECT id, %s FROM %s WHERE id = ?) AS c ORDER BY ", e->title_field,
		         e->table);
		db_sql_order_nocase(&b, "c.t");
		buf_lit(&b, ", c.id");
		e->sql_choices = buf_detach(&b, NULL);
		size_t links = (size_t)e->nfields * sizeof(char *);
		e->sql_link_delete = memset(xmalloc(links), 0, links);
		e->sql_link_insert = memset(xmalloc(links), 0, links);
		for (int i = 0; i < e->nfields; i++) {
			const struct link *l = e->fields[i].link;
			if (field_is_column(&e->fields[i]))
				continue;
			buf_rawf(&b, "DELETE FROM %s WHERE %s = ?", l->table, l->own);
			e->sql_link_delete[i] = buf_detach(&b, NULL);
			if (l->weight)
				buf_rawf(&b, "INSERT INTO %s (%s, %s, %s) VALUES (?, ?, ?)", l->table, l->own, l->other, l->weight);
			else
				buf_rawf(&b, "INSERT INTO %s (%s, %s) VALUES (?, ?)", l->table, l->own, l->other);
			e->sql_link_insert[i] = buf_detach(&b, NULL);
		}
	}
}

void entity_shutdown(void)
{
	for (int i = 0; i < entity_count; i++)
		entity_free_sql(entity_all[i]);
}

void entity_free_sql(struct entity *e)
{
	{
		free(e->sql_get), free(e->sql_insert), free(e->sql_update), free(e->sql_delete), free(e->sql_exists);
		free(e->sql_children), free(e->sql_count), free(e->sql_choices);
		for (int i = 0; e->sql_link_delete && i < e->nfields; i++)
			free(e->sql_link_delete[i]), free(e->sql_link_insert[i]);
		free(e->sql_link_delete), free(e->sql_link_insert);
		e->sql_link_delete = e->sql_link_insert = NULL;
		e->sql_get = e->sql_insert = e->sql_update = e->sql_delete = e->sql_exists = e->sql_children = NULL;
		e->sql_count = e->sql_choices = NULL;
	}
}

/* Column i of a row as JSON, by the field's type. */
static json_t *column_json(db_stmt *s, int col, const struct field *f)
{
	if (db_col_null(s, col))
		return f->type == FT_LIST || f->type == FT_LINKS || f->type == FT_RECORDS ? json_array() : json_null();
	switch (f->type) {
	case FT_INT:
	case FT_MONEY:
	case FT_REF: return json_integer(db_col_int(s, col));
	case FT_NUMBER: return json_real(db_col_double(s, col));
	case FT_BOOL: return json_boolean(db_col_int(s, col) != 0);
	case FT_LIST:
	case FT_LINKS:
	case FT_RECORDS: { /* a kind's list of records is a column of JSON text, like a list */
		json_t *v = json_loads(db_col_text(s, col), 0, NULL);
		if (!json_is_array(v)) {
			json_decref(v);
			v = json_array();
		}
		return v;
	}
	default: return json_string(db_col_text(s, col));
	}
}

json_t *entity_row_json(db_stmt *s, const struct entity *e)
{
	json_t *o = json_object();
	json_object_set_new(o, "id", json_integer(db_col_int(s, 0)));
	json_object_set_new(o, "created_at", json_string(db_col_text(s, 1)));
	json_object_set_new(o, "updated_at", json_string(db_col_text(s, 2)));
	json_object_set_new(o, "version", json_integer(db_col_int(s, 3)));
	for (int i = 0; i < e->nfields; i++)
		json_object_set_new(o, e->fields[i].name, column_json(s, 4 + i, &e->fields[i]));
	return o;
}

json_t *entity_get(db *d, const struct entity *e, long long id)
{
	db_stmt *s = db_q(d, e->sql_get, "i", id);
	json_t *o = NULL;
	if (s && db_step(s) == DB_ROW)
		o = entity_row_json(s, e);
	db_done(s);
	if (o)
		entity_finish(d, e, o);
	return o;
}

void entity_finish(db *d, const struct entity *e, json_t *o)
{
	long long id = json_integer_value(json_object_get(o, "id"));
	for (int k = 0; e->has_children && k < entity_count; k++) {
		const struct entity *c = entity_all[k];
		if (!c->sql_children || c->parent != e)
			continue;
		json_t *list = json_array();
		db_stmt *s = db_q(d, c->sql_children, "i", id);
		while (s && db_step(s) == DB_ROW)
			json_array_append_new(list, entity_row_json(s, c));
		db_done(s);
		json_object_set_new(o, c->embed_as, list);
	}
	approvals_decorate(d, e, o);
	if (e->decorate)
		e->decorate(d, o);
}

long long entity_count_of(db *d, const struct entity *e) { return db_int(d, 0, e->sql_count, ""); }

bool entity_ref_exists(db *d, const char *kind, long long id)
{
	if (strcmp(kind, "users") == 0)
		return db_int(d, 0, "SELECT 1 FROM users WHERE id = ?", "i", id) == 1;
	const struct entity *e = entity_find(kind);
	return e && db_int(d, 0, e->sql_exists, "i", id) == 1;
}

const char *entity_ref_label(db *d, arena *a, const char *kind, long long id)
{
	if (strcmp(kind, "users") == 0)
		return users_name(d, a, id);
	const struct entity *e = entity_find(kind);
	if (!e)
		return NULL;
	json_t *o = entity_get(d, e, id);
	const char *label = o ? arena_strdup(a, json_string_value(json_object_get(o, e->title_field))) : NULL;
	json_decref(o);
	return label;
}

/* Bind the column values of obj after the given number of leading parameters. */
static void bind_fields(db_stmt *s, const struct entity *e, json_t *obj, int first)
{
	int idx = first;
	for (int i = 0; i < e->nfields; i++) {
		const struct field *f = &e->fields[i];
		if (!field_is_column(f))
			continue;
		json_t *v = json_object_get(obj, f->name);
		if (!v || json_is_null(v)) {
			db_bind_text(s, idx, NULL);
		} else if (json_is_boolean(v)) {
			db_bind_int(s, idx, json_is_true(v));
		} else if (json_is_integer(v)) {
			db_bind_int(s, idx, json_integer_value(v));
		} else if (json_is_real(v)) {
			db_bind_double(s, idx, json_real_value(v));
		} else if (json_is_array(v)) {
			char *t = json_dumps(v, JSON_COMPACT);
			db_bind_text(s, idx, t);
			free(t);
		} else {
			db_bind_text(s, idx, json_string_value(v));
		}
		idx++;
	}
}

/* Replace the rows of every link field whose value differs from old (NULL: a new object). */
static int write_links(db *d, const struct entity *e, long long id, json_t *obj, json_t *old)
{
	for (int i = 0; i < e->nfields; i++) {
		const struct field *f = &e->fields[i];
		if (field_is_column(f))
			continue;
		json_t *v = json_object_get(obj, f->name);
		if (old && json_equal(v, json_object_get(old, f->name)))
			continue;
		const struct link *l = f->link;
		const char *del = e->sql_link_delete[i], *ins = e->sql_link_insert[i];
		int rc = db_run(d, del, "i", id);
		size_t k;
		json_t *it;
		json_array_foreach(v, k, it)
		{
			if (rc != DB_OK)
				break;
			if (l->weight)
				rc = db_run(d, ins, "iii", id, (long long)json_integer_value(json_object_get(it, l->key)),
				            (long long)json_integer_value(json_object_get(it, "weight")));
			else
				rc = db_run(d, ins, "ii", id, (long long)json_integer_value(it));
		}
		if (rc != DB_OK)
			return -1;
	}
	return 0;
}

bool entity_may_create(const struct entity *e, int rank)
{
	return rank >= e->write_rank || (e->create_rank && rank >= e->create_rank);
}

bool entity_may_change(db *d, const struct entity *e, long long id, long long user, int rank)
{
	if (rank >= e->write_rank)
		return true;
	if (!e->owner_field || !e->create_rank || rank < e->create_rank || user <= 0)
		return false;
	json_t *o = entity_get(d, e, id);
	bool own = o && json_integer_value(json_object_get(o, e->owner_field)) == user;
	json_decref(o);
	return own;
}

static long long create(db *d, const struct entity *e, long long actor, bool limited, json_t *input, struct err *err);

long long entity_create(db *d, const struct entity *e, long long actor, json_t *input, struct err *err)
{
	return create(d, e, actor, false, input, err);
}

long long entity_create_ranked(db *d, const struct entity *e, long long actor, int rank, json_t *input,
                               struct err *err)
{
	if (!entity_may_create(e, rank))
		return err_set(err, 403, "forbidden", NULL, "your role may not add %s", e->label);
	return create(d, e, actor, rank < e->write_rank, input, err);
}

/* Insert a checked object; limited: made by a role below write_rank, so create_check applies. */
static long long create(db *d, const struct entity *e, long long actor, bool limited, json_t *input, struct err *err)
{
	json_t *obj = entity_validate(d, e, input, NULL, err);
	if (!obj)
		return -1;
	if (limited && e->create_check && e->create_check(obj, err) < 0) {
		json_decref(obj);
		return -1;
	}
	if (e->owner_field) /* the creator, whatever was sent (the field is read-only) */
		json_object_set_new(obj, e->owner_field, actor > 0 ? json_integer(actor) : json_null());
	char now[21];
	now_rfc3339(now);
	db_stmt *s = db_prepare(d, e->sql_insert);
	if (!s) {
		json_decref(obj);
		return err_internal(err);
	}
	db_bind_text(s, 1, now);
	db_bind_text(s, 2, now);
	bind_fields(s, e, obj, 3);
	int rc = db_step(s);
	db_done(s);
	if (rc != DB_DONE) {
		json_decref(obj);
		return rc == DB_CONSTRAINT ? err_invalid(err, NULL, "the %s conflicts with existing data", e->one)
		                           : err_internal(err);
	}
	long long id = db_last_id(d);
	if (write_links(d, e, id, obj, NULL) < 0 || audit_write(d, actor, e->kind, id, "created", obj) < 0) {
		json_decref(obj);
		return err_internal(err);
	}
	if (e->after_create && e->after_create(d, actor, id, obj, err) < 0) {
		json_decref(obj);
		return -1;
	}
	json_decref(obj);
	return id;
}

int entity_update(db *d, const struct entity *e, long long actor, long long id, json_t *input, long long version,
                  struct err *err)
{
	return entity_update_as(d, e, actor, id, input, version, "updated", err);
}

int entity_update_as(db *d, const struct entity *e, long long actor, long long id, json_t *input, long long version,
                     const char *action, struct err *err)
{
	json_t *old = entity_get(d, e, id);
	if (!old)
		return err_not_found(err, "no %s with id %lld", e->one, id);
	if (version < 0) {
		json_decref(old);
		return err_invalid(err, "version", "version is required (the object's current version, or If-Match)");
	}
	long long cur = json_integer_value(json_object_get(old, "version"));
	if (version != cur) {
		json_decref(old);
		return err_conflict(err, "the %s was changed by someone else (version %lld, yours %lld); reload and retry",
		                    e->one, cur, version);
	}
	json_t *obj = entity_validate(d, e, input, old, err);
	if (!obj) {
		json_decref(old);
		return -1;
	}
	/* an edit after an approval clears it (and an approved object whose content changed is in review again) */
	bool clear = e->approvals && approvals_before_update(d, e, old, obj);
	json_t *diff = json_object();
	for (int i = 0; i < e->nfields; i++) {
		const char *n = e->fields[i].name;
		json_t *a = json_object_get(old, n), *b = json_object_get(obj, n);
		if (!json_equal(a ? a : json_null(), b ? b : json_null()))
			json_object_set_new(diff, n, json_pack("{sOsO}", "from", a ? a : json_null(), "to", b ? b : json_null()));
	}
	if (json_object_size(diff) == 0) { /* nothing changed: no new version, no audit row */
		json_decref(diff), json_decref(old), json_decref(obj);
		return 0;
	}
	char now[21];
	now_rfc3339(now);
	db_stmt *s = db_prepare(d, e->sql_update);
	db_bind_text(s, 1, now);
	bind_fields(s, e, obj, 2);
	db_bind_int(s, 2 + e->ncolumns, id);
	db_bind_int(s, 3 + e->ncolumns, version);
	int rc = db_step(s);
	db_done(s);
	int changed = db_changes(d);
	if (rc != DB_DONE || changed != 1) {
		json_decref(diff), json_decref(old), json_decref(obj);
		if (rc == DB_DONE)
			return err_conflict(err, "the %s was changed by someone else; reload and retry", e->one);
		return rc == DB_CONSTRAINT ? err_invalid(err, NULL, "the %s conflicts with existing data", e->one)
		                           : err_internal(err);
	}
	int ret = write_links(d, e, id, obj, old) < 0 || audit_write(d, actor, e->kind, id, action, diff) < 0 ||
	                  (clear && approvals_clear(d, e->kind, id, actor, "changed after approval") < 0)
	              ? err_internal(err)
	              : 0;
	if (ret == 0 && e->after_update && e->after_update(d, actor, id, old, obj, err) < 0)
		ret = -1;
	json_decref(diff), json_decref(old), json_decref(obj);
	return ret;
}

/* Deleting an object deletes what is about it: the objects of every on_any kind (comments, review requests) that
 * name it by on_kind and on_id (program-owned table names). */
static int delete_about(db *d, const struct entity *e, long long id)
{
	for (int k = 0; k < entity_count; k++) {
		const struct entity *about = entity_all[k];
		if (!about->on_any || about == e)
			continue;
		buf sql;
		buf_init(&sql);
		buf_rawf(&sql, "DELETE FROM %s WHERE on_kind = ? AND on_id = ?", about->table);
		int rc = db_run(d, buf_str(&sql), "ti", e->kind, id);
		buf_free(&sql);
		if (rc != DB_OK)
			return rc;
	}
	return DB_OK;
}

int entity_on_check(db *d, const struct entity *e, json_t *obj, json_t *base, struct err *err)
{
	const char *kind = json_string_value(json_object_get(obj, "on_kind"));
	long long on_id = json_integer_value(json_object_get(obj, "on_id"));
	const struct entity *k = kind ? entity_find(kind) : NULL;
	if (!k || k == e)
		return err_invalid(err, "on_kind", "on_kind must name a kind of object, e.g. launches or features");
	if (!entity_ref_exists(d, kind, on_id))
		return err_invalid(err, "on_id", "on_id: no %s with id %lld", k->one, on_id);
	static const char *const fixed[] = {"on_kind", "on_id"};
	for (size_t i = 0; base && i < COUNT(fixed); i++)
		if (!json_equal(json_object_get(obj, fixed[i]), json_object_get(base, fixed[i])))
			return err_invalid(err, fixed[i], "a %s stays on its object: %s cannot change", e->one, fixed[i]);
	return 0;
}

int entity_delete(db *d, const struct entity *e, long long actor, long long id, struct err *err)
{
	json_t *old = entity_get(d, e, id);
	if (!old)
		return err_not_found(err, "no %s with id %lld", e->one, id);
	int rc = db_run(d, e->sql_delete, "i", id);
	if (rc != DB_OK) {
		json_decref(old);
		return rc == DB_CONSTRAINT ? err_set(err, 409, "conflict", NULL, "the %s is still referenced", e->one)
		                           : err_internal(err);
	}
	int ret = audit_write(d, actor, e->kind, id, "deleted", old) < 0 ||
	                  (e->approvals && approvals_forget(d, e->kind, id) != DB_OK) ||
	                  delete_about(d, e, id) != DB_OK
	              ? err_internal(err)
	              : 0;
	json_decref(old);
	return ret;
}
