/* bundle.c — the workspace bundle: every row of every table the workspace keeps, written as one JSON document with
 * one row a line, and read back. Tandem's own layout is read a line at a time (each line parsed by Jansson), so
 * memory is bounded by the largest row; the same JSON in any other layout (reformatted by a tool) is read whole.
 * Which tables and columns are secrets, or never leave the workspace, is said once, here. */
#include "bundle.h"
#include <jansson.h>
#include <stdlib.h>
#include <string.h>
#include "invitations.h"
#include "platform/buf.h"
#include "platform/migrate.h"
#include "platform/util.h"
#include "webhooks.h"

/* Never in a bundle: the schema's own record (the header says it), sign-ins, the sign-in slow-down and the change
 * counter (every write moves it). */
static const char *const never_kept[] = {"schema_version", "sessions", "login_failures", "workspace_clock", NULL};
/* Only with secrets: tables whose rows are worth nothing without their hash or secret. */
static const char *const secret_tables[] = {"tokens", "share_links", "invitations", "webhook_secrets", NULL};
/* Only with secrets: columns, and what a row loaded without one holds instead (never a valid hash). */
static const struct {
	const char *table, *column, *without;
} secret_columns[] = {
    {"users", "pw_hash", "!no password: imported without secrets; choose one with an invitation link"},
};

#define KINDS_OPEN ",\"kinds\":{"

static bool listed(const char *const *list, const char *s)
{
	for (; *list; list++)
		if (!strcmp(*list, s))
			return true;
	return false;
}

static const char *secret_column(const char *table, const char *column)
{
	for (size_t i = 0; i < COUNT(secret_columns); i++)
		if (!strcmp(secret_columns[i].table, table) && !strcmp(secret_columns[i].column, column))
			return secret_columns[i].without;
	return NULL;
}

static bool table_kept(const char *table, bool secrets)
{
	return !listed(never_kept, table) && (secrets || !listed(secret_tables, table));
}

/* The workspace's tables, NUL-separated in b. */
static int gather(const char *table, void *arg)
{
	buf_add(arg, table, strlen(table) + 1);
	return 0;
}

#define EACH_NAME(b, t) for (const char *t = (b)->p; (b)->len && t < (b)->p + (b)->len; t += strlen(t) + 1)

/* ---- export */

static void write_real(buf *b, double v)
{
	char num[40];
	snprintf(num, sizeof num, "%.17g", v);
	buf_raw(b, num);
	if (!strpbrk(num, ".eEn")) /* stays a real when read back */
		buf_lit(b, ".0");
}

static int write_table(db *d, FILE *out, const char *table, bool secrets, bool last, buf *row, struct err *e)
{
	buf_reset(row);
	buf_json(row, table);
	buf_lit(row, ":[\n");
	db_stmt *s = db_table_rows(d, table);
	if (!s)
		return err_internal(e);
	int cols = db_col_count(s), rc = db_step(s);
	while (rc == DB_ROW) {
		buf_addc(row, '{');
		bool first = true;
		for (int i = 0; i < cols; i++) {
			const char *name = db_col_name(s, i);
			if (!secrets && secret_column(table, name))
				continue;
			if (!first)
				buf_addc(row, ',');
			first = false;
			buf_json(row, name);
			buf_addc(row, ':');
			switch (db_col_type(s, i)) {
			case DB_T_INT: buf_int(row, db_col_int(s, i)); break;
			case DB_T_REAL: write_real(row, db_col_double(s, i)); break;
			case DB_T_TEXT:
			case DB_T_BLOB: buf_json(row, db_col_text(s, i)); break;
			default: buf_lit(row, "null");
			}
		}
		buf_addc(row, '}');
		rc = db_step(s);
		if (rc == DB_ROW)
			buf_addc(row, ',');
		buf_addc(row, '\n');
		if (fwrite(row->p, 1, row->len, out) != row->len) {
			db_done(s);
			return err_set(e, 500, "write_failed", NULL, "the bundle could not be written (disk full?)");
		}
		buf_reset(row);
	}
	db_done(s);
	if (rc != DB_DONE)
		return err_internal(e);
	buf_raw(row, last ? "]\n" : "],\n");
	return fwrite(row->p, 1, row->len, out) == row->len
	           ? 0
	           : err_set(e, 500, "write_failed", NULL, "the bundle could not be written (disk full?)");
}

int bundle_export(db *d, FILE *out, bool secrets, const char *exported_at, struct err *e)
{
	buf names, row;
	buf_init(&names);
	buf_init(&row);
	db_each_table(d, gather, &names);
	buf_rawf(&row, "{\"format\":\"" BUNDLE_FORMAT "\",\"format_version\":%d,\"schema_version\":%lld,\"exported_at\":",
	         BUNDLE_FORMAT_VERSION, (long long)migrate_current(d));
	buf_json(&row, exported_at);
	buf_rawf(&row, ",\"secrets\":%s" KINDS_OPEN "\n", secrets ? "true" : "false");
	int rc = fwrite(row.p, 1, row.len, out) == row.len ? 0 : err_set(e, 500, "write_failed", NULL, "write failed");
	const char *last = NULL;
	EACH_NAME(&names, t)
	if (table_kept(t, secrets))
		last = t;
	EACH_NAME(&names, t)
	{
		if (rc < 0)
			break;
		if (table_kept(t, secrets))
			rc = write_table(d, out, t, secrets, t == last, &row, e);
	}
	if (rc == 0 && (fputs("}}\n", out) < 0 || fflush(out) != 0))
		rc = err_set(e, 500, "write_failed", NULL, "the bundle could not be written (disk full?)");
	buf_free(&names);
	buf_free(&row);
	return rc;
}

/* ---- import */

struct bundle_reader {
	FILE *in;
	const char *name;
	json_t *doc; /* read whole: not Tandem's own line layout */
	char *line;
	size_t cap;
	long long at, next; /* the byte offset of the line read, and of the next */
};

/* Read the next line (without its newline) into r->line; its length, or -1 at the end. */
static long long next_line(struct bundle_reader *r)
{
	ssize_t n = getline(&r->line, &r->cap, r->in);
	if (n < 0)
		return -1;
	r->at = r->next;
	r->next += n;
	while (n && (r->line[n - 1] == '\n' || r->line[n - 1] == '\r'))
		r->line[--n] = 0;
	return n;
}

static int at_byte(struct err *e, const struct bundle_reader *r, long long offset, const char *why)
{
	return err_set(e, 400, "invalid", NULL, "%s: byte %lld: %s", r->name, offset, why);
}

static int read_header(json_t *h, const char *name, int schema_latest, struct bundle_header *out, struct err *e)
{
	const char *format = json_string_value(json_object_get(h, "format"));
	json_t *fv = json_object_get(h, "format_version"), *sv = json_object_get(h, "schema_version");
	if (!format || strcmp(format, BUNDLE_FORMAT))
		return err_set(e, 400, "invalid", "format", "%s is not a Tandem bundle (its format is %s, not " BUNDLE_FORMAT ")",
		               name, format ? format : "missing");
	if (!json_is_integer(fv) || !json_is_integer(sv) || json_integer_value(fv) < 1 || json_integer_value(sv) < 1)
		return err_set(e, 400, "invalid", "format_version", "%s: format_version and schema_version must be whole "
		               "numbers from 1", name);
	out->format_version = (int)json_integer_value(fv);
	out->schema_version = (int)json_integer_value(sv);
	out->secrets = json_is_true(json_object_get(h, "secrets"));
	snprintf(out->exported_at, sizeof out->exported_at, "%s",
	         json_string_value(json_object_get(h, "exported_at")) ? json_string_value(json_object_get(h, "exported_at"))
	                                                              : "");
	if (out->format_version > BUNDLE_FORMAT_VERSION || out->schema_version > schema_latest)
		return err_set(e, 400, "too_new", out->format_version > BUNDLE_FORMAT_VERSION ? "format_version" : "schema_version",
		               "%s was written by a newer Tandem: format_version %d and schema_version %d; this Tandem reads "
		               "format_version up to %d and schema_version up to %d (upgrade it first)",
		               name, out->format_version, out->schema_version, BUNDLE_FORMAT_VERSION, schema_latest);
	return 0;
}

struct bundle_reader *bundle_open(FILE *in, const char *name, int schema_latest, struct bundle_header *h,
                                  struct err *e)
{
	struct bundle_reader *r = calloc(1, sizeof *r);
	if (!r)
		die_oom();
	r->in = in;
	r->name = name;
	long long n = next_line(r);
	size_t tail = sizeof KINDS_OPEN - 1;
	json_t *head = NULL;
	if (n > 0 && r->line[0] == '{' && (size_t)n > tail && !strcmp(r->line + n - tail, KINDS_OPEN)) {
		/* Tandem's layout: the header's fields end the first line, before the kinds */
		strcpy(r->line + n - tail, "}");
		json_error_t je;
		head = json_loads(r->line, 0, &je);
		if (!head) {
			at_byte(e, r, r->at + je.position, je.text);
			goto fail;
		}
	} else {
		/* Any other layout: read the whole document (what was read so far, then the rest). */
		buf all;
		buf_init(&all);
		if (n >= 0) {
			buf_add(&all, r->line, (size_t)n);
			buf_addc(&all, '\n');
		}
		char chunk[65536];
		size_t got;
		while ((got = fread(chunk, 1, sizeof chunk, in)) > 0)
			buf_add(&all, chunk, got);
		json_error_t je;
		r->doc = all.len ? json_loadb(all.p, all.len, 0, &je) : NULL;
		buf_free(&all);
		if (!r->doc) {
			if (n < 0)
				err_set(e, 400, "invalid", NULL, "%s is empty: not a Tandem bundle", name);
			else
				err_set(e, 400, "invalid", NULL, "%s: byte %d: not JSON: %s", name, je.position, je.text);
			goto fail;
		}
		if (!json_is_object(json_object_get(r->doc, "kinds"))) {
			read_header(r->doc, name, schema_latest, h, e);
			if (!e->status)
				err_set(e, 400, "invalid", "kinds", "%s: no \"kinds\" object: not a Tandem bundle", name);
			goto fail;
		}
		head = json_incref(r->doc);
	}
	int rc = read_header(head, name, schema_latest, h, e);
	json_decref(head);
	if (rc == 0)
		return r;
fail:
	bundle_close(r);
	return NULL;
}

void bundle_close(struct bundle_reader *r)
{
	if (!r)
		return;
	json_decref(r->doc);
	free(r->line);
	free(r);
}

/* The table being loaded: its columns, and the rows waiting to be written. Rows go BATCH to a statement: FTS5
 * flushes its pending index at every statement of a transaction, so a row a statement costs several times the work
 * (see domain/import_batch.c). */
enum { BATCH = 256 };
struct loading {
	db *d;
	const char *name;  /* the table */
	buf cols;          /* its columns, NUL-separated */
	int ncols;
	unsigned long long shape; /* which columns the waiting rows give (bit i: column i) */
	json_t *pending;          /* the rows waiting, all of that shape */
	long long first;          /* the place of pending[0] in the table's array */
	db_stmt *batch;           /* the statement for BATCH rows of shape, kept for the next */
	unsigned long long batch_shape;
	long long index;          /* the next row's place in the table's array */
	struct bundle_counts *c;
};

static int begin_table(struct loading *t, const char *name, const buf *tables, struct err *e)
{
	bool known = false;
	EACH_NAME(tables, n)
	known = known || !strcmp(n, name);
	if (!known || listed(never_kept, name))
		return err_set(e, 400, "invalid", "kinds", "kinds.%.60s: a workspace of this schema keeps no such table", name);
	t->name = name;
	buf_reset(&t->cols);
	t->ncols = 0;
	db_stmt *s = db_table_rows(t->d, name);
	if (!s)
		return err_internal(e);
	for (int i = 0; i < db_col_count(s) && i < 64; i++, t->ncols++)
		buf_add(&t->cols, db_col_name(s, i), strlen(db_col_name(s, i)) + 1);
	db_done(s);
	t->index = t->first = 0;
	t->c->tables++;
	return 0;
}

/* The column's number, or -1. */
static int column_of(const struct loading *t, const char *key)
{
	int i = 0;
	EACH_NAME(&t->cols, c)
	{
		if (!strcmp(c, key))
			return i;
		i++;
	}
	return -1;
}

/* Which columns row gives (the secret ones always: their stand-in when absent); 0 with e when it cannot be one. */
static unsigned long long row_shape(struct loading *t, json_t *row, struct err *e)
{
	long long id = json_integer_value(json_object_get(row, "id"));
	if (!json_is_object(row)) {
		err_set(e, 400, "invalid", "kinds", "kinds.%.40s[%lld]: each row is an object", t->name, t->index);
		return 0;
	}
	unsigned long long shape = 0;
	const char *key;
	json_t *v;
	json_object_foreach(row, key, v)
	{
		int i = column_of(t, key);
		if (i < 0) {
			err_set(e, 400, "invalid", key, "kinds.%.40s[%lld] (id %lld): %.40s has no field \"%.40s\"", t->name,
			        t->index, id, t->name, key);
			return 0;
		}
		if (json_is_object(v) || json_is_array(v)) {
			err_set(e, 400, "invalid", key, "kinds.%.40s[%lld] (id %lld): %.40s must be a number, text or null",
			        t->name, t->index, id, key);
			return 0;
		}
		shape |= 1ull << i;
	}
	int i = 0;
	EACH_NAME(&t->cols, c)
	{
		if (secret_column(t->name, c))
			shape |= 1ull << i;
		i++;
	}
	if (!shape)
		err_set(e, 400, "invalid", "kinds", "kinds.%.40s[%lld]: an empty row", t->name, t->index);
	return shape;
}

/* INSERT for n rows of shape (program-owned names: the schema's, checked). */
static db_stmt *insert_for(struct loading *t, unsigned long long shape, int n)
{
	buf q;
	buf_init(&q);
	buf_rawf(&q, "INSERT INTO \"%s\" (", t->name);
	int cols = 0, i = 0;
	EACH_NAME(&t->cols, c)
	{
		if (shape & (1ull << i))
			buf_rawf(&q, "%s\"%s\"", cols++ ? ", " : "", c);
		i++;
	}
	buf_lit(&q, ") VALUES ");
	for (int r = 0; r < n; r++) {
		buf_raw(&q, r ? ", (" : "(");
		for (int k = 0; k < cols; k++)
			buf_raw(&q, k ? ", ?" : "?");
		buf_lit(&q, ")");
	}
	db_stmt *s = db_prepare_once(t->d, buf_str(&q));
	buf_free(&q);
	return s;
}

/* Bind row's values of shape from parameter *p on. */
static void bind_row(struct loading *t, db_stmt *s, int *p, json_t *row, unsigned long long shape)
{
	int i = 0;
	EACH_NAME(&t->cols, c)
	{
		if (shape & (1ull << i)) {
			json_t *x = json_object_get(row, c);
			const char *without = secret_column(t->name, c);
			if (!x && without)
				db_bind_text(s, *p, without);
			else if (json_is_integer(x))
				db_bind_int(s, *p, json_integer_value(x));
			else if (json_is_real(x))
				db_bind_double(s, *p, json_real_value(x));
			else if (json_is_boolean(x))
				db_bind_int(s, *p, json_is_true(x));
			else
				db_bind_text(s, *p, json_string_value(x)); /* null binds null */
			(*p)++;
		}
		i++;
	}
}

/* Write n rows from pending[from] (their places from first + from) in one statement. */
static int write_rows(struct loading *t, size_t from, int n, struct err *e)
{
	bool full = n == BATCH;
	if (full && (!t->batch || t->batch_shape != t->shape)) {
		db_done(t->batch);
		t->batch = insert_for(t, t->shape, BATCH);
		t->batch_shape = t->shape;
	} else if (full)
		db_reset(t->batch);
	db_stmt *s = full ? t->batch : insert_for(t, t->shape, n);
	if (!s)
		return err_internal(e);
	int p = 1;
	for (int k = 0; k < n; k++)
		bind_row(t, s, &p, json_array_get(t->pending, from + (size_t)k), t->shape);
	int rc = db_step(s);
	if (!full)
		db_done(s);
	if (rc == DB_CONSTRAINT && n > 1) { /* which row: each alone (the import fails either way) */
		for (int k = 0; k < n; k++)
			if (write_rows(t, from + (size_t)k, 1, e) < 0)
				return -1;
		return err_internal(e);
	}
	if (rc == DB_CONSTRAINT) {
		json_t *row = json_array_get(t->pending, from);
		return err_set(e, 400, "invalid", "kinds", "kinds.%.40s[%lld] (id %lld) does not fit the schema: a required "
		               "field empty, an id or unique value twice, or a value not allowed",
		               t->name, t->first + (long long)from, json_integer_value(json_object_get(row, "id")));
	}
	return rc == DB_DONE ? 0 : err_internal(e);
}

/* Write the rows waiting. */
static int flush(struct loading *t, struct err *e)
{
	size_t n = json_array_size(t->pending);
	if (n && write_rows(t, 0, (int)n, e) < 0)
		return -1;
	t->c->rows += (long long)n;
	if (!strcmp(t->name, "users"))
		t->c->users += (long long)n;
	json_array_clear(t->pending);
	t->first = t->index;
	return 0;
}

static int end_table(struct loading *t, struct err *e)
{
	int rc = t->name ? flush(t, e) : 0;
	t->name = NULL;
	return rc;
}

static int load_row(struct loading *t, json_t *row, struct err *e)
{
	unsigned long long shape = row_shape(t, row, e);
	if (!shape)
		return -1;
	if (json_array_size(t->pending) && shape != t->shape && flush(t, e) < 0)
		return -1;
	t->shape = shape;
	json_array_append(t->pending, row);
	t->index++;
	return json_array_size(t->pending) == BATCH ? flush(t, e) : 0;
}

/* Tandem's layout, a line at a time. */
static int load_lines(struct bundle_reader *r, struct loading *t, const buf *tables, struct err *e)
{
	long long n;
	char *name = NULL;
	while ((n = next_line(r)) >= 0) {
		char *l = r->line;
		if (!n)
			continue;
		if (!strcmp(l, "}}")) {
			free(name);
			if (t->name)
				return at_byte(e, r, r->at, "the bundle ends inside a table");
			while ((n = next_line(r)) >= 0)
				if (strspn(r->line, " \t") != (size_t)n)
					return at_byte(e, r, r->at, "text after the end of the bundle");
			return 0;
		}
		if (!t->name) { /* "table":[ */
			if (n < 3 || strcmp(l + n - 2, ":[")) {
				free(name);
				return at_byte(e, r, r->at, "a table (\"name\":[) was expected");
			}
			l[n - 2] = 0;
			json_error_t je;
			json_t *s = json_loads(l, JSON_DECODE_ANY, &je);
			if (!json_is_string(s)) {
				json_decref(s);
				free(name);
				return at_byte(e, r, r->at, "a table's name must be a JSON string");
			}
			free(name);
			name = xstrdup(json_string_value(s));
			json_decref(s);
			if (begin_table(t, name, tables, e) < 0) {
				free(name);
				return -1;
			}
			continue;
		}
		if (!strcmp(l, "]") || !strcmp(l, "],")) {
			if (end_table(t, e) < 0) {
				free(name);
				return -1;
			}
			continue;
		}
		if (l[n - 1] == ',')
			l[--n] = 0;
		json_error_t je;
		json_t *row = json_loadb(l, (size_t)n, 0, &je);
		if (!row) {
			free(name);
			return at_byte(e, r, r->at + je.position, je.text);
		}
		int rc = load_row(t, row, e);
		json_decref(row);
		if (rc < 0) {
			free(name);
			return -1;
		}
	}
	free(name);
	return at_byte(e, r, r->next, "the bundle ends early (it is cut short: no closing }})");
}

/* Any other layout, read whole. */
static int load_doc(struct bundle_reader *r, struct loading *t, const buf *tables, struct err *e)
{
	const char *name;
	json_t *rows;
	json_object_foreach(json_object_get(r->doc, "kinds"), name, rows)
	{
		if (!json_is_array(rows))
			return err_set(e, 400, "invalid", "kinds", "kinds.%.60s must be an array of rows", name);
		if (begin_table(t, name, tables, e) < 0)
			return -1;
		size_t i;
		json_t *row;
		json_array_foreach(rows, i, row)
		if (load_row(t, row, e) < 0)
			return -1;
		if (end_table(t, e) < 0)
			return -1;
	}
	return 0;
}

struct clearing {
	db *d;
	bool failed;
};

static int clear(const char *table, void *arg)
{
	struct clearing *c = arg;
	if (listed(never_kept, table))
		return 0;
	buf q;
	buf_init(&q);
	buf_rawf(&q, "DELETE FROM \"%s\"", table);
	c->failed = db_exec(c->d, buf_str(&q)) != DB_OK;
	buf_free(&q);
	return c->failed;
}

int bundle_load(db *d, struct bundle_reader *r, struct bundle_counts *c, struct err *e)
{
	memset(c, 0, sizeof *c);
	buf tables;
	buf_init(&tables);
	db_each_table(d, gather, &tables);
	struct loading t = {.d = d, .c = c, .pending = json_array()};
	buf_init(&t.cols);
	int rc = db_defer_references(d) == DB_OK ? 0 : err_internal(e);
	/* what a new workspace starts with (the strategy's row) makes way for the bundle's */
	struct clearing cl = {d, false};
	if (rc == 0) {
		db_each_table(d, clear, &cl);
		if (cl.failed)
			rc = err_internal(e);
	}
	if (rc == 0)
		rc = r->doc ? load_doc(r, &t, &tables, e) : load_lines(r, &t, &tables, e);
	db_done(t.batch);
	json_decref(t.pending);
	if (rc == 0) {
		buf table, column;
		buf_init(&table);
		buf_init(&column);
		long long id = 0;
		if (db_broken_reference(d, &table, &id, &column))
			rc = err_set(e, 400, "invalid", buf_str(&column), "kinds.%.40s (id %lld): %.40s names a row that is not in "
			             "the bundle", buf_str(&table), id, buf_str(&column));
		buf_free(&table);
		buf_free(&column);
	}
	buf_free(&t.cols);
	buf_free(&tables);
	return rc;
}

/* The rows of sql (id, text) into b as "id\0text\0" pairs: gathered first, as each is then written to by
 * statements of its own. */
static void id_texts(db *d, const char *sql, buf *b)
{
	buf_reset(b);
	db_stmt *s = db_q(d, sql, "");
	while (s && db_step(s) == DB_ROW) {
		buf_int(b, db_col_int(s, 0));
		buf_addc(b, 0);
		buf_add(b, db_col_text(s, 1), strlen(db_col_text(s, 1)) + 1);
	}
	db_done(s);
}

/* The next pair of id_texts' b from *o on; false after the last. */
static bool next_pair(const buf *b, size_t *o, long long *id, const char **text)
{
	if (*o >= b->len)
		return false;
	*id = atoll(b->p + *o);
	*o += strlen(b->p + *o) + 1;
	*text = b->p + *o;
	*o += strlen(*text) + 1;
	return true;
}

int bundle_new_secrets(db *d, arena *a, void (*fn)(const char *what, const char *who, const char *secret, void *arg),
                       void *arg, struct err *e)
{
	buf rows;
	buf_init(&rows);
	long long id;
	const char *text;
	size_t o = 0;
	int rc = 0;
	id_texts(d, "SELECT id, email FROM users WHERE active = 1 ORDER BY id", &rows);
	while (next_pair(&rows, &o, &id, &text)) {
		const char *secret = NULL;
		char expires[21];
		if (invitation_create(d, a, id, "invite", 0, &secret, expires, e) < 0) {
			rc = -1;
			break;
		}
		fn("invitation", text, invitation_path(a, secret), arg);
	}
	id_texts(d, "SELECT id, name FROM webhooks ORDER BY id", &rows);
	for (o = 0; rc == 0 && next_pair(&rows, &o, &id, &text);) {
		char secret[WEBHOOK_SECRET_MAX];
		if (webhook_secret_add(d, id, secret) < 0)
			rc = err_internal(e);
		else
			fn("webhook secret", text, secret, arg);
	}
	buf_free(&rows);
	return rc;
}

long long bundle_rows_held(db *d) { return db_int(d, 0, "SELECT count(*) FROM users", ""); }

bool bundle_workspace_empty(db *d) { return db_int(d, 1, "SELECT count(*) FROM audit", "") == 0; }
