/* entity.c — the generic entity engine: SQL from descriptors, read, list, create, update, delete. */
#include "entity.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "platform/log.h"
#include "users.h"


const char *ftype_name(enum ftype t)
{
	static const char *names[FT__MAX] = {"string", "text", "int", "number", "money", "date",
	                                     "timestamp", "enum", "ref", "list", "links"};
	return t < FT__MAX ? names[t] : "?";
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
	if (l->weight)
		buf_rawf(b, ", (SELECT json_group_array(json_object('%s', %s, 'weight', %s)) FROM (SELECT %s, %s FROM %s "
		            "WHERE %s = %s.id ORDER BY %s))",
		         l->key, l->other, l->weight, l->other, l->weight, l->table, l->own, e->table, l->other);
	else
		buf_rawf(b, ", (SELECT json_group_array(%s) FROM (SELECT %s FROM %s WHERE %s = %s.id ORDER BY %s))", l->other,
		         l->other, l->table, l->own, e->table, l->other);
}

enum { SQL_GET, SQL_INSERT, SQL_UPDATE };

/* Builds the fixed statements of one kind from its descriptor (program-owned names only). */
static char *sql_build(const char *head, const struct entity *e, int mode)
{
	buf b;
	buf_init(&b);
	buf_raw(&b, head);
	if (mode == SQL_GET) {
		buf_lit(&b, "SELECT id, created_at, updated_at, version");
		for (int i = 0; i < e->nfields; i++)
			if (field_is_column(&e->fields[i]))
				buf_rawf(&b, ", %s", e->fields[i].name);
			else
				link_select(&b, e, e->fields[i].link);
		buf_rawf(&b, " FROM %s WHERE id = ?", e->table);
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
}

void entity_init_one(struct entity *e)
{
	{
		if (e->sql_get)
			return;
		e->ncolumns = 0;
		for (int i = 0; i < e->nfields; i++)
			e->ncolumns += field_is_column(&e->fields[i]);
		e->sql_get = sql_build("", e, SQL_GET);
		e->sql_insert = sql_build("", e, SQL_INSERT);
		e->sql_update = sql_build("", e, SQL_UPDATE);
		buf b;
		buf_init(&b);
		buf_rawf(&b, "DELETE FROM %s WHERE id = ?", e->table);
		e->sql_delete = buf_detach(&b, NULL);
		buf_rawf(&b, "SELECT 1 FROM %s WHERE id = ?", e->table);
		e->sql_exists = buf_detach(&b, NULL);
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
		e->sql_get = e->sql_insert = e->sql_update = e->sql_delete = e->sql_exists = NULL;
	}
}

/* Column i of a row as JSON, by the field's type. */
static json_t *column_json(db_stmt *s, int col, const struct field *f)
{
	if (db_col_null(s, col))
		return f->type == FT_LIST || f->type == FT_LINKS ? json_array() : json_null();
	switch (f->type) {
	case FT_INT:
	case FT_MONEY:
	case FT_REF: return json_integer(db_col_int(s, col));
	case FT_NUMBER: return json_real(db_col_double(s, col));
	case FT_LIST:
	case FT_LINKS: {
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

static json_t *row_json(db_stmt *s, const struct entity *e)
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
		o = row_json(s, e);
	db_done(s);
	return o;
}

static const char *arg(const struct list_query *q, const char *name)
{
	for (struct kv *k = q ? q->args : NULL; k; k = k->next)
		if (strcmp(k->key, name) == 0)
			return k->value;
	return NULL;
}

enum { BIND_MAX = 64, VIRTUAL_SORT_MAX = 100000 /* matches ordered in C for ?sort=<computed> */ };
struct binds {
	int n;
	char types[BIND_MAX + 1];
	long long ints[BIND_MAX];
	const char *texts[BIND_MAX];
};

static void bind_text(struct binds *b, const char *t)
{
	if (b->n < BIND_MAX) {
		b->types[b->n] = 't';
		b->texts[b->n++] = t;
	}
}

static void bind_int(struct binds *b, long long v)
{
	if (b->n < BIND_MAX) {
		b->types[b->n] = 'i';
		b->ints[b->n++] = v;
	}
}

/* Escape LIKE wildcards so ?q= matches literally. */
static char *like_pattern(arena *a, const char *q)
{
	char *p = arena_alloc(a, strlen(q) * 2 + 3), *o = p;
	*o++ = '%';
	for (; *q; q++) {
		if (*q == '%' || *q == '_' || *q == '\\')
			*o++ = '\\';
		*o++ = *q;
	}
	*o++ = '%';
	return p;
}

/* Words of a search box as an FTS5 query that cannot be malformed: each word quoted, as a prefix,
 * all of them required. NULL when there is no word. */
static const char *fts_query(arena *a, const char *q, bool prefix)
{
	buf b;
	buf_init(&b);
	const char *p = q;
	while (*p) {
		while (*p && !((unsigned char)*p >= 0x80 || (*p >= '0' && *p <= '9') || ((*p | 32) >= 'a' && (*p | 32) <= 'z')))
			p++;
		const char *w = p;
		while (*p && ((unsigned char)*p >= 0x80 || (*p >= '0' && *p <= '9') || ((*p | 32) >= 'a' && (*p | 32) <= 'z')))
			p++;
		if (p > w) {
			if (b.len)
				buf_addc(&b, ' ');
			buf_addc(&b, '"');
			buf_add(&b, w, (size_t)(p - w));
			buf_raw(&b, prefix ? "\"*" : "\""); /* exact words make the per-row snippet lookups cheap */
		}
	}
	const char *out = b.len ? arena_strdup(a, buf_str(&b)) : NULL;
	buf_free(&b);
	return out;
}

json_t *fts_snippet_html(const char *snip)
{
	buf b;
	buf_init(&b);
	for (const char *p = snip ? snip : ""; *p;) {
		size_t n = strcspn(p, "\x02\x03");
		char *run = strndup(p, n);
		buf_html(&b, run);
		free(run);
		p += n;
		if (*p == 2)
			buf_lit(&b, "<mark>");
		else if (*p == 3)
			buf_lit(&b, "</mark>");
		if (*p)
			p++;
	}
	json_t *j = json_string_nocheck(buf_str(&b));
	buf_free(&b);
	return j;
}

/* "snippet_html" for each listed object: where the search words are, highlighted. */
static void add_snippets(db *d, const struct entity *e, json_t *items, const char *match)
{
	char sql[300];
	snprintf(sql, sizeof sql, "SELECT snippet(%s, -1, char(2), char(3), '…', 16) FROM %s WHERE %s MATCH ? AND rowid = ?",
	         e->fts, e->fts, e->fts);
	size_t i;
	json_t *o;
	json_array_foreach(items, i, o)
	{
		db_stmt *s = db_q(d, sql, "ti", match, (long long)json_integer_value(json_object_get(o, "id")));
		json_object_set_new(o, "snippet_html", fts_snippet_html(s && db_step(s) == DB_ROW ? db_col_text(s, 0) : ""));
		db_done(s);
	}
}

/* For a search filtered by nothing else and in rank order: how many best matches the page needs
 * (cursor + limit + 1); 0 when other arguments filter or sort, so every match must be ranked. */
static long long search_top(const struct list_query *q)
{
	long long lim = 50, off = 0;
	for (struct kv *k = q->args; k; k = k->next) {
		if (!strcmp(k->key, "limit")) {
			if (!parse_ll(k->value, &lim) || lim < 1)
				return 0;
		} else if (!strcmp(k->key, "cursor")) {
			if (!parse_ll(k->value, &off) || off < 0)
				return 0;
		} else if (strcmp(k->key, "q") && strcmp(k->key, "format"))
			return 0; /* a filter or a sort */
	}
	return off + lim + 1;
}

static bool sys_sortable(const char *name)
{
	return strcmp(name, "id") == 0 || strcmp(name, "created_at") == 0 || strcmp(name, "updated_at") == 0;
}

/* Builds WHERE/ORDER from the query arguments; every name is checked against the descriptor. */
static int list_sql(const struct entity *e, const struct list_query *q, arena *a, buf *sql, struct binds *b,
                    bool ranked, long *limit, long *offset, int *virt, struct err *err)
{
	*virt = 0;
	buf_lit(sql, " WHERE 1=1");
	for (struct kv *k = q ? q->args : NULL; k; k = k->next) {
		if (!strcmp(k->key, "q") || !strcmp(k->key, "sort") || !strcmp(k->key, "limit") ||
		    !strcmp(k->key, "cursor") || !strcmp(k->key, "format"))
			continue;
		const struct field *f = entity_field(e, k->key);
		size_t kl = strlen(k->key);
		if (!f && kl > 5 && (!strcmp(k->key + kl - 5, "_from") || !strcmp(k->key + kl - 3, "_to"))) {
			/* a date range: observed_at_from=2026-01-01&observed_at_to=2026-03-31, both inclusive */
			bool from = !strcmp(k->key + kl - 5, "_from");
			const char *name = arena_strndup(a, k->key, kl - (from ? 5 : 3));
			const struct field *df = entity_field(e, name);
			if (df && df->type == FT_DATE && (df->flags & F_FILTER)) {
				if (!valid_date(k->value))
					return err_invalid(err, k->key, "%s must be a real date as YYYY-MM-DD", k->key);
				buf_rawf(sql, " AND %s %s ?", df->name, from ? ">=" : "<=");
				bind_text(b, k->value);
				continue;
			}
		}
		if (!f || !(f->flags & F_FILTER))
			return err_invalid(err, k->key, "%s cannot be filtered by %s", e->label, k->key);
		if (f->type == FT_LIST) { /* lists that hold the value */
			buf_rawf(sql, " AND EXISTS (SELECT 1 FROM json_each(%s.%s) WHERE value = ?)", e->table, f->name);
			bind_text(b, k->value);
		} else if (f->type == FT_LINKS) { /* objects linked to the given id */
			long long v;
			if (!parse_ll(k->value, &v))
				return err_invalid(err, f->name, "%s must be a whole number", f->name);
			buf_rawf(sql, " AND id IN (SELECT %s FROM %s WHERE %s = ?)", f->link->own, f->link->table, f->link->other);
			bind_int(b, v);
		} else if (f->type == FT_REF || f->type == FT_INT) {
			long long v;
			if (str_eq(k->value, "none")) {
				buf_rawf(sql, " AND %s IS NULL", f->name);
				continue;
			}
			if (!parse_ll(k->value, &v))
				return err_invalid(err, f->name, "%s must be a whole number or 'none'", f->name);
			buf_rawf(sql, " AND %s = ?", f->name);
			bind_int(b, v);
		} else {
			if (f->type == FT_ENUM) {
				bool ok = false;
				for (const char *const *c = f->choices; *c; c++)
					ok |= strcmp(*c, k->value) == 0;
				if (!ok)
					return err_invalid(err, f->name, "%s is not one of the allowed values", f->name);
			}
			buf_rawf(sql, " AND %s = ?", f->name);
			bind_text(b, k->value);
		}
	}
	const char *qs = arg(q, "q");
	if (ranked) {
		/* the search is the join made by entity_list */
	} else if (!str_empty(qs) && e->fts) {
		const char *m = fts_query(a, qs, true);
		if (m) {
			buf_rawf(sql, " AND id IN (SELECT rowid FROM %s WHERE %s MATCH ?)", e->fts, e->fts);
			bind_text(b, m);
		}
	} else if (!str_empty(qs)) {
		char *pat = like_pattern(a, qs);
		buf_lit(sql, " AND (0");
		for (int i = 0; i < e->nfields; i++)
			if (e->fields[i].flags & F_SEARCH) {
				buf_rawf(sql, " OR %s LIKE ? ESCAPE '\\'", e->fields[i].name);
				bind_text(b, pat);
			}
		buf_lit(sql, ")");
	}
	const char *sort = arg(q, "sort");
	if (str_empty(sort) && ranked) {
		buf_lit(sql, " ORDER BY fts.rank, id");
		sort = NULL;
	} else if (str_empty(sort))
		sort = e->default_sort ? e->default_sort : "id";
	if (sort && e->virtual_sort && e->virtual_sort_fn && !strcmp(sort[0] == '-' ? sort + 1 : sort, e->virtual_sort)) {
		*virt = sort[0] == '-' ? -1 : 1; /* ordered in C after the query, over every match */
		buf_rawf(sql, " ORDER BY %s.id", e->table);
	} else if (sort) {
		bool desc = sort[0] == '-';
		const char *sname = desc ? sort + 1 : sort;
		const struct field *sf = entity_field(e, sname);
		if (!sys_sortable(sname) && (!sf || !(sf->flags & F_SORT)))
			return err_invalid(err, "sort", "%s cannot be sorted by %s", e->label, sname);
		buf_rawf(sql, " ORDER BY (%s.%s IS NULL), %s.%s %s, %s.id %s", e->table, sname, e->table, sname,
		         desc ? "DESC" : "ASC", e->table, desc ? "DESC" : "ASC");
	}
	long long lim = 50;
	const char *ls = arg(q, "limit");
	if (ls && (!parse_ll(ls, &lim) || lim < 1 || lim > q->max_limit))
		return err_invalid(err, "limit", "limit must be a whole number from 1 to %ld", q->max_limit);
	long long off = 0;
	const char *cs = arg(q, "cursor");
	if (!str_empty(cs) && (!parse_ll(cs, &off) || off < 0))
		return err_invalid(err, "cursor", "cursor is not one this server gave out");
	*limit = (long)lim;
	*offset = (long)off;
	buf_lit(sql, " LIMIT ? OFFSET ?");
	bind_int(b, *virt ? VIRTUAL_SORT_MAX : lim + 1); /* one more tells whether a next page exists */
	bind_int(b, *virt ? 0 : off);
	return 0;
}

static db_stmt *run_binds(db *d, const char *sql, struct binds *b)
{
	db_stmt *s = db_prepare(d, sql);
	for (int i = 0; s && i < b->n; i++) {
		if (b->types[i] == 'i')
			db_bind_int(s, i + 1, b->ints[i]);
		else
			db_bind_text(s, i + 1, b->texts[i]);
	}
	return s;
}

int entity_list(db *d, const struct entity *e, const struct list_query *q, arena *a, json_t **items,
                const char **next, struct err *err)
{
	buf sql;
	buf_init(&sql);
	struct binds b = {0};
	long limit = 0, offset = 0;
	const char *m = e->fts && !str_empty(arg(q, "q")) ? fts_query(a, arg(q, "q"), true) : NULL;
	long long top = 0;
	if (m) {
		/* ranked search: the kind's columns joined to the FTS matches, best first */
		/* the get statement ends with " FROM <table> WHERE id = ?"; link subqueries have FROMs of their own */
		size_t tail = strlen(" FROM ") + strlen(e->table) + strlen(" WHERE id = ?");
		buf_add(&sql, e->sql_get, strlen(e->sql_get) - tail);
		top = search_top(q);
		if (top > 0) /* nothing else filters: FTS5 picks the best few itself, snippets for those only */
			buf_rawf(&sql, ", fts.snip FROM %s JOIN (SELECT rowid AS rid, rank, snippet(%s, -1, char(2), char(3), '…', "
			               "16) AS snip FROM %s WHERE %s MATCH ? ORDER BY rank LIMIT ?) fts ON fts.rid = %s.id",
			         e->table, e->fts, e->fts, e->fts, e->table);
		else
			buf_rawf(&sql, " FROM %s JOIN (SELECT rowid AS rid, rank FROM %s WHERE %s MATCH ?) fts ON fts.rid = %s.id",
			         e->table, e->fts, e->fts, e->table);
		bind_text(&b, m);
		if (top > 0)
			bind_int(&b, top);
	} else {
		buf_raw(&sql, e->sql_get);
		sql.len -= strlen(" WHERE id = ?"); /* reuse the column list of the get statement */
		sql.p[sql.len] = 0;
	}
	int virt;
	if (list_sql(e, q, a, &sql, &b, m != NULL, &limit, &offset, &virt, err) < 0) {
		buf_free(&sql);
		return -1;
	}
	db_stmt *s = run_binds(d, buf_str(&sql), &b);
	buf_free(&sql);
	if (!s)
		return err_internal(err);
	json_t *arr = json_array();
	long n = 0;
	int rc;
	*next = NULL;
	while ((rc = db_step(s)) == DB_ROW) {
		if (!virt && n == limit) {
			*next = arena_printf(a, "%ld", offset + limit);
			break;
		}
		json_t *o = row_json(s, e);
		if (top > 0)
			json_object_set_new(o, "snippet_html", fts_snippet_html(db_col_text(s, 4 + e->nfields)));
		json_array_append_new(arr, o);
		n++;
	}
	db_done(s);
	if (rc != DB_ROW && rc != DB_DONE) {
		json_decref(arr);
		return err_internal(err);
	}
	if (virt) { /* sorted by a computed value: order every match, then cut the page out */
		e->virtual_sort_fn(d, arr, virt < 0);
		json_t *page = json_array();
		for (size_t k = (size_t)offset; k < json_array_size(arr) && k < (size_t)(offset + limit); k++)
			json_array_append(page, json_array_get(arr, k));
		if (json_array_size(arr) > (size_t)(offset + limit))
			*next = arena_printf(a, "%ld", offset + limit);
		json_decref(arr);
		arr = page;
	}
	if (m && top == 0) /* snippets only for the page shown, not for every match */
		add_snippets(d, e, arr, fts_query(a, arg(q, "q"), false));
	*items = arr;
	return 0;
}

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
		char *del = NULL, *ins = NULL;
		if (asprintf(&del, "DELETE FROM %s WHERE %s = ?", l->table, l->own) < 0 ||
		    (l->weight ? asprintf(&ins, "INSERT INTO %s (%s, %s, %s) VALUES (?, ?, ?)", l->table, l->own, l->other,
		                          l->weight)
		               : asprintf(&ins, "INSERT INTO %s (%s, %s) VALUES (?, ?)", l->table, l->own, l->other)) < 0) {
			free(del);
			return -1;
		}
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
		free(del), free(ins);
		if (rc != DB_OK)
			return -1;
	}
	return 0;
}

long long entity_create(db *d, const struct entity *e, long long actor, json_t *input, struct err *err)
{
	json_t *obj = entity_validate(d, e, input, NULL, err);
	if (!obj)
		return -1;
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
	json_decref(obj);
	return id;
}

int entity_update(db *d, const struct entity *e, long long actor, long long id, json_t *input, long long version,
                  struct err *err)
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
	int ret = write_links(d, e, id, obj, old) < 0 || audit_write(d, actor, e->kind, id, "updated", diff) < 0
	              ? err_internal(err)
	              : 0;
	json_decref(diff), json_decref(old), json_decref(obj);
	return ret;
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
	int ret = audit_write(d, actor, e->kind, id, "deleted", old) < 0 ? err_internal(err) : 0;
	json_decref(old);
	return ret;
}

void json_list_join(buf *b, json_t *list, const char *sep)
{
	size_t i;
	json_t *it;
	json_array_foreach(list, i, it)
	{
		if (i)
			buf_raw(b, sep);
		if (json_is_string(it)) {
			buf_raw(b, json_string_value(it));
		} else if (json_is_integer(it)) {
			buf_int(b, json_integer_value(it));
		} else if (json_is_object(it)) { /* a weighted link: id:weight */
			const char *k;
			json_t *x;
			bool first = true;
			json_object_foreach(it, k, x)
			{
				if (!first)
					buf_addc(b, ':');
				buf_int(b, json_integer_value(x));
				first = false;
			}
		}
	}
}

static void csv_value(buf *out, json_t *v)
{
	if (!v || json_is_null(v))
		return;
	if (json_is_string(v)) {
		buf_csv(out, json_string_value(v));
	} else if (json_is_integer(v)) {
		buf_rawf(out, "%lld", json_integer_value(v));
	} else if (json_is_real(v)) {
		buf_rawf(out, "%.15g", json_real_value(v));
	} else if (json_is_array(v)) {
		/* lists as one field, items separated by "; " */
		buf items;
		buf_init(&items);
		json_list_join(&items, v, "; ");
		buf_csv(out, buf_str(&items));
		buf_free(&items);
	}
}

int entity_csv(db *d, const struct entity *e, const struct list_query *q, arena *a, buf *out, struct err *err)
{
	json_t *items;
	const char *next;
	if (entity_list(d, e, q, a, &items, &next, err) < 0)
		return -1;
	buf_lit(out, "id,created_at,updated_at,version");
	for (int i = 0; i < e->nfields; i++)
		buf_rawf(out, ",%s", e->fields[i].name);
	buf_lit(out, "\r\n");
	size_t i;
	json_t *o;
	json_array_foreach(items, i, o)
	{
		buf_rawf(out, "%lld,", json_integer_value(json_object_get(o, "id")));
		csv_value(out, json_object_get(o, "created_at"));
		buf_addc(out, ',');
		csv_value(out, json_object_get(o, "updated_at"));
		buf_rawf(out, ",%lld", json_integer_value(json_object_get(o, "version")));
		for (int f = 0; f < e->nfields; f++) {
			buf_addc(out, ',');
			csv_value(out, json_object_get(o, e->fields[f].name));
		}
		buf_lit(out, "\r\n");
	}
	json_decref(items);
	return 0;
}
