/* entity_list.c — lists of any kind: filters, date ranges, full-text search (ranked, with snippets), sort,
 * paging, and the CSV export. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "entity.h"
#include "entity_int.h"

static const char *arg(const struct list_query *q, const char *name)
{
	for (struct kv *k = q ? q->args : NULL; k; k = k->next)
		if (strcmp(k->key, name) == 0)
			return k->value;
	return NULL;
}

enum {
	ARGS_MAX = 64,  /* query arguments a list takes */
	BIND_MAX = 64,  /* values a list's statement binds */
	VIRTUAL_SORT_MAX = 100000 /* matches ordered in C for ?sort=<computed> */
};
struct binds {
	int n;
	char types[BIND_MAX + 1];
	long long ints[BIND_MAX];
	const char *texts[BIND_MAX];
	const char *over; /* the argument whose value found no room, refused by list_sql */
};

/* Is there room for one more value? An argument's values leave room for the page's LIMIT and OFFSET (arg NULL);
 * the first argument that finds none is refused. */
static bool bind_room(struct binds *b, const char *arg)
{
	if (b->n < BIND_MAX - (arg ? 2 : 0))
		return true;
	if (!b->over && arg)
		b->over = arg;
	return false;
}

static void bind_text(struct binds *b, const char *arg, const char *t)
{
	if (!bind_room(b, arg))
		return;
	b->types[b->n] = 't';
	b->texts[b->n++] = t;
}

static void bind_int(struct binds *b, const char *arg, long long v)
{
	if (!bind_room(b, arg))
		return;
	b->types[b->n] = 'i';
	b->ints[b->n++] = v;
}

/* Each argument once, and at most ARGS_MAX of them: a repeated filter would silently lose to the first. */
static int check_args(const struct list_query *q, struct err *err)
{
	int n = 0;
	for (struct kv *k = q ? q->args : NULL; k; k = k->next) {
		if (++n > ARGS_MAX)
			return err_invalid(err, k->key, "a list takes at most %d query arguments; %s is one too many", ARGS_MAX,
			                   k->key);
		for (struct kv *o = q->args; o != k; o = o->next)
			if (!strcmp(o->key, k->key))
				return err_invalid(err, k->key, "%s is given more than once", k->key);
	}
	return 0;
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

/* Words of a search box as a full-text query that cannot be malformed (db_fts_word): each word as a prefix or
 * whole, all of them required. NULL when there is no word. */
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
			/* exact words make the per-row snippet lookups cheap */
			db_fts_word(&b, w, (size_t)(p - w), prefix ? DB_FTS_PREFIX : 0);
		}
	}
	const char *out = b.len ? arena_strdup(a, buf_str(&b)) : NULL;
	buf_free(&b);
	return out;
}

/* "snippet" for each listed object: its text around the search words, each match between \x02 and \x03 (the
 * faces mark them up). */
static void add_snippets(db *d, const struct entity *e, json_t *items, const char *match)
{
	buf sql;
	buf_init(&sql);
	db_sql_fts_snippet(&sql, e->fts, -1);
	size_t i;
	json_t *o;
	json_array_foreach(items, i, o)
	{
		db_stmt *s = db_q(d, buf_str(&sql), "ti", match, (long long)json_integer_value(json_object_get(o, "id")));
		json_object_set_new(o, "snippet", json_string(s && db_step(s) == DB_ROW && db_col_text(s, 0) ? db_col_text(s, 0) : ""));
		db_done(s);
	}
	buf_free(&sql);
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

bool entity_sortable(const struct entity *e, const char *sort)
{
	const char *name = sort && sort[0] == '-' ? sort + 1 : sort;
	if (str_empty(name))
		return false;
	const struct field *f = entity_field(e, name);
	return sys_sortable(name) || (f && (f->flags & F_SORT)) || (e->virtual_sort && !strcmp(name, e->virtual_sort));
}

const struct list_filter *entity_list_filter(const struct entity *e, const char *name)
{
	for (int i = 0; name && i < e->nfilters; i++)
		if (!strcmp(e->filters[i].name, name))
			return &e->filters[i];
	return NULL;
}

/* Builds WHERE/ORDER from the query arguments; every name is checked against the descriptor. Counting, only the
 * WHERE (the statement counts the matches). */
static int list_sql(const struct entity *e, const struct list_query *q, arena *a, buf *sql, struct binds *b,
                    bool ranked, bool counting, long *limit, long *offset, int *virt, struct err *err)
{
	*virt = 0;
	buf_lit(sql, " WHERE 1=1");
	if (e->visible_sql && q && q->viewer > 0) { /* what this user may see, before anything they asked */
		buf_rawf(sql, " AND (%s)", e->visible_sql);
		bind_int(b, "viewer", q->viewer);
	}
	for (struct kv *k = q ? q->args : NULL; k; k = k->next) {
		if (!strcmp(k->key, "q") || !strcmp(k->key, "sort") || !strcmp(k->key, "limit") ||
		    !strcmp(k->key, "cursor") || !strcmp(k->key, "format"))
			continue;
		const struct list_filter *lf = entity_list_filter(e, k->key);
		if (lf) { /* a condition, held or not */
			bool yes = str_eq(k->value, "true") || str_eq(k->value, "1");
			if (!yes && !str_eq(k->value, "false") && !str_eq(k->value, "0"))
				return err_invalid(err, lf->name, "%s must be true or false", lf->name);
			buf_rawf(sql, " AND %s(%s)", yes ? "" : "NOT ", lf->sql);
			continue;
		}
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
				bind_text(b, k->key, k->value);
				continue;
			}
		}
		if (!f || !(f->flags & F_FILTER))
			return err_invalid(err, k->key, "%s cannot be filtered by %s", e->label, k->key);
		if (f->type == FT_LIST) { /* lists that hold the value */
			buf_lit(sql, " AND ");
			db_sql_json_has(sql, arena_printf(a, "%s.%s", e->table, f->name));
			bind_text(b, k->key, k->value);
		} else if (f->type == FT_LINKS) { /* objects linked to the given id */
			long long v;
			if (!parse_ll(k->value, &v))
				return err_invalid(err, f->name, "%s must be a whole number", f->name);
			buf_rawf(sql, " AND id IN (SELECT %s FROM %s WHERE %s = ?)", f->link->own, f->link->table, f->link->other);
			bind_int(b, k->key, v);
		} else if (f->type == FT_BOOL) {
			bool yes = str_eq(k->value, "true") || str_eq(k->value, "1");
			if (!yes && !str_eq(k->value, "false") && !str_eq(k->value, "0"))
				return err_invalid(err, f->name, "%s must be true or false", f->name);
			buf_rawf(sql, " AND %s = %d", f->name, yes);
		} else if (f->type == FT_REF || f->type == FT_INT) {
			long long v;
			if (str_eq(k->value, "none")) {
				buf_rawf(sql, " AND %s IS NULL", f->name);
				continue;
			}
			if (!parse_ll(k->value, &v))
				return err_invalid(err, f->name, "%s must be a whole number or 'none'", f->name);
			buf_rawf(sql, " AND %s = ?", f->name);
			bind_int(b, k->key, v);
		} else {
			if (f->type == FT_ENUM) {
				bool ok = false;
				for (const char *const *c = f->choices; *c; c++)
					ok |= strcmp(*c, k->value) == 0;
				if (!ok)
					return err_invalid(err, f->name, "%s is not one of the allowed values", f->name);
			}
			buf_rawf(sql, " AND %s = ?", f->name);
			bind_text(b, k->key, k->value);
		}
	}
	const char *qs = arg(q, "q");
	if (ranked) {
		/* the search is the join made by entity_list */
	} else if (!str_empty(qs) && e->fts) {
		const char *m = fts_query(a, qs, true);
		if (m) {
			buf_lit(sql, " AND id IN (");
			db_sql_fts_ids(sql, e->fts);
			buf_lit(sql, ")");
			bind_text(b, "q", m);
		}
	} else if (!str_empty(qs)) {
		char *pat = like_pattern(a, qs);
		buf_lit(sql, " AND (0");
		for (int i = 0; i < e->nfields; i++)
			if (e->fields[i].flags & F_SEARCH) {
				buf_lit(sql, " OR ");
				db_sql_like(sql, e->fields[i].name);
				bind_text(b, "q", pat);
			}
		buf_lit(sql, ")");
	}
	if (counting) {
		if (b->over)
			return err_invalid(err, b->over, "the list's arguments need more than %d values; %s is one too many",
			                   BIND_MAX - 2, b->over);
		return 0;
	}
	const char *sort = arg(q, "sort");
	if (str_empty(sort) && ranked) {
		buf_lit(sql, " ORDER BY fts.score, id");
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
	bind_int(b, NULL, *virt ? VIRTUAL_SORT_MAX : lim + 1); /* one more tells whether a next page exists */
	bind_int(b, NULL, *virt ? 0 : off);
	if (b->over)
		return err_invalid(err, b->over, "the list's arguments need more than %d values; %s is one too many",
		                   BIND_MAX - 2, b->over);
	return 0;
}

/* The list's statement is made for this request's arguments: prepared for this one use, not cached. */
static db_stmt *run_binds(db *d, const char *sql, struct binds *b)
{
	db_stmt *s = db_prepare_once(d, sql);
	for (int i = 0; s && i < b->n; i++) {
		if (b->types[i] == 'i')
			db_bind_int(s, i + 1, b->ints[i]);
		else
			db_bind_text(s, i + 1, b->texts[i]);
	}
	return s;
}

static int list_items(db *d, const struct entity *e, const struct list_query *q, arena *a, json_t **items,
                      const char **next, long *page_limit, long *page_offset, struct err *err)
{
	buf sql;
	buf_init(&sql);
	struct binds b = {0};
	long limit = 0, offset = 0;
	if (check_args(q, err) < 0) {
		buf_free(&sql);
		return -1;
	}
	const char *m = e->fts && !str_empty(arg(q, "q")) ? fts_query(a, arg(q, "q"), true) : NULL;
	long long top = 0;
	if (m) {
		/* ranked search: the kind's columns joined to the FTS matches, best first */
		/* the get statement ends with " FROM <table> WHERE id = ?"; link subqueries have FROMs of their own */
		size_t tail = strlen(" FROM ") + strlen(e->table) + strlen(" WHERE id = ?");
		buf_add(&sql, e->sql_get, strlen(e->sql_get) - tail);
		top = search_top(q);
		/* nothing else filters: the index picks the best few itself, snippets for those only */
		buf_rawf(&sql, "%s FROM %s JOIN ", top > 0 ? ", fts.snip" : "", e->table);
		db_sql_fts_matches(&sql, e->fts, "fts", top > 0, top > 0);
		buf_rawf(&sql, " ON fts.rid = %s.id", e->table);
		bind_text(&b, "q", m);
		if (top > 0)
			bind_int(&b, "q", top);
	} else {
		buf_raw(&sql, e->sql_get);
		sql.len -= strlen(" WHERE id = ?"); /* reuse the column list of the get statement */
		sql.p[sql.len] = 0;
	}
	int virt;
	if (list_sql(e, q, a, &sql, &b, m != NULL, false, &limit, &offset, &virt, err) < 0) {
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
		json_t *o = entity_row_json(s, e);
		if (top > 0)
			json_object_set_new(o, "snippet", json_string(db_col_text(s, 4 + e->nfields) ? db_col_text(s, 4 + e->nfields) : ""));
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
	size_t k;
	json_t *o;
	json_array_foreach(arr, k, o) entity_finish(d, e, o);
	*items = arr;
	*page_limit = limit;
	*page_offset = offset;
	return 0;
}

int entity_list_check(const struct entity *e, const struct list_query *q, arena *a, struct err *err)
{
	if (check_args(q, err) < 0)
		return -1;
	buf sql;
	buf_init(&sql);
	struct binds b = {0};
	long limit, offset;
	int virt;
	int rc = list_sql(e, q, a, &sql, &b, false, false, &limit, &offset, &virt, err);
	buf_free(&sql);
	return rc;
}

bool entity_visible(db *d, const struct entity *e, long long id, long long viewer)
{
	if (!e->visible_sql || viewer <= 0)
		return true;
	buf sql;
	buf_init(&sql);
	buf_rawf(&sql, "SELECT count(*) FROM %s WHERE id = ? AND (%s)", e->table, e->visible_sql);
	long long n = db_int(d, 0, buf_str(&sql), "ii", id, viewer);
	buf_free(&sql);
	return n > 0;
}

int entity_list(db *d, const struct entity *e, const struct list_query *q, arena *a, json_t **items,
                const char **next, struct err *err)
{
	long limit, offset;
	return list_items(d, e, q, a, items, next, &limit, &offset, err);
}

int entity_list_count(db *d, const struct entity *e, const struct list_query *q, arena *a, long long *n,
                      struct err *err)
{
	*n = 0;
	if (check_args(q, err) < 0)
		return -1;
	buf sql;
	buf_init(&sql);
	buf_rawf(&sql, "SELECT count(*) FROM %s", e->table);
	struct binds b = {0};
	long limit, offset;
	int virt;
	if (list_sql(e, q, a, &sql, &b, false, true, &limit, &offset, &virt, err) < 0) {
		buf_free(&sql);
		return -1;
	}
	db_stmt *s = run_binds(d, buf_str(&sql), &b);
	buf_free(&sql);
	if (!s)
		return err_internal(err);
	int rc = db_step(s);
	if (rc == DB_ROW)
		*n = db_col_int(s, 0);
	db_done(s);
	return rc == DB_ROW ? 0 : err_internal(err);
}

int entity_list_page(db *d, const struct entity *e, const struct list_query *q, arena *a, struct list_page *p,
                     struct err *err)
{
	memset(p, 0, sizeof *p);
	if (list_items(d, e, q, a, &p->items, &p->next, &p->limit, &p->offset, err) < 0)
		return -1;
	if (entity_list_count(d, e, q, a, &p->total, err) < 0) {
		json_decref(p->items);
		p->items = NULL;
		return -1;
	}
	if (p->offset > 0) /* the cursor is where a page starts: the previous one starts a page's size earlier */
		p->prev = arena_printf(a, "%ld", p->offset > p->limit ? p->offset - p->limit : 0);
	return 0;
}

int entity_list_all(db *d, const struct entity *e, struct kv *filters, arena *a, json_t **items, struct err *err)
{
	enum { PAGE = 500 };
	json_t *all = json_array();
	const char *cursor = NULL;
	do {
		struct kv lim = {"limit", "500", filters}, cur = {"cursor", cursor, &lim};
		struct list_query q = {cursor ? &cur : &lim, PAGE};
		json_t *page;
		if (entity_list(d, e, &q, a, &page, &cursor, err) < 0) {
			json_decref(all);
			return -1;
		}
		json_array_extend(all, page);
		json_decref(page);
	} while (cursor);
	*items = all;
	return 0;
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
		} else if (json_is_object(it)) { /* a weighted link: id:weight; a record of text: its members' text */
			const char *k;
			json_t *x;
			bool first = true, text = false;
			json_object_foreach(it, k, x) text = text || json_is_string(x);
			json_object_foreach(it, k, x)
			{
				if (text && !json_is_string(x))
					continue;
				if (!first)
					buf_raw(b, text ? " — " : ":");
				if (text)
					buf_raw(b, json_string_value(x));
				else
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
	} else if (json_is_boolean(v)) {
		buf_raw(out, json_is_true(v) ? "true" : "false");
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
