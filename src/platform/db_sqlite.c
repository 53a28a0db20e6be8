/* db_sqlite.c — the SQLite implementation of db.h: WAL, foreign keys, a statement cache. */
#include "db.h"
#include <sqlite3.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "log.h"
#include "util.h"

enum { CACHE_SLOTS = 256, PROBES = 8 /* a text's neighbourhood: the slots it may take from its home on */ };

struct db_stmt {
	sqlite3_stmt *st;
	const char *sql; /* the program's text: compared by content */
	struct db *d;
	bool held;       /* handed out and not yet db_done: never reset, rebound or finalised under its holder */
	bool once;       /* not in the cache: db_done finalises it and frees this */
};

struct db {
	sqlite3 *h;
	struct db_stmt cache[CACHE_SLOTS];
	bool bulk;            /* inside db_bulk(d, true) */
	sqlite3_int64 begun;  /* total changes when the transaction began: a commit after more bumps the clock */
	bool clock;           /* the workspace_clock table is there (looked for until it is) */
	long long cache_size; /* the connection's cache_size, restored when the bulk load ends */
};

static unsigned hash_str(const char *s)
{
	unsigned h = 2166136261u;
	for (; *s; s++)
		h = (h ^ (unsigned char)*s) * 16777619u;
	return h;
}
db *db_open(const char *path, enum db_open_mode mode, const char **err)
{
	int flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX;
	if (mode == DB_OPEN_CREATE)
		flags |= SQLITE_OPEN_CREATE;
	sqlite3 *h = NULL;
	int rc = sqlite3_open_v2(path, &h, flags, NULL);
	if (rc != SQLITE_OK) {
		*err = rc == SQLITE_CANTOPEN ? "cannot open the database file (missing or unreadable)"
		                             : "cannot open the database file";
		sqlite3_close(h);
		return NULL;
	}
	sqlite3_busy_timeout(h, 5000);
	sqlite3_extended_result_codes(h, 0);
	/* Reading the schema proves the file is a database at all. */
	if (sqlite3_exec(h, "PRAGMA journal_mode=WAL; PRAGMA foreign_keys=ON; PRAGMA synchronous=NORMAL;"
	                    "SELECT count(*) FROM sqlite_master;",
	                 NULL, NULL, NULL) != SQLITE_OK) {
		int code = sqlite3_errcode(h);
		*err = (code == SQLITE_NOTADB || code == SQLITE_CORRUPT) ? "the file is not a Tandem database or is corrupt"
		       : code == SQLITE_READONLY ? "the database file is read-only"
		                                 : "cannot read the database file";
		sqlite3_close(h);
		return NULL;
	}
	db *d = calloc(1, sizeof *d);
	if (!d)
		die_oom();
	d->h = h;
	return d;
}

void db_close(db *d)
{
	if (!d)
		return;
	for (int i = 0; i < CACHE_SLOTS; i++) {
		if (d->cache[i].held) /* a caller never said db_done: its statement is finalised with the rest */
			log_error("db: statement still in use at close: %.80s", d->cache[i].sql);
		sqlite3_finalize(d->cache[i].st);
	}
	sqlite3_close(d->h);
	free(d);
}

/* Prepare sql into the empty cache slot s (persistent: the program's fixed statements live as long as the
 * connection). */
static db_stmt *fill(db *d, db_stmt *s, const char *sql)
{
	if (sqlite3_prepare_v3(d->h, sql, -1, SQLITE_PREPARE_PERSISTENT, &s->st, NULL) != SQLITE_OK) {
		log_error("db: prepare failed: %s", sqlite3_errmsg(d->h));
		sqlite3_finalize(s->st);
		s->st = NULL;
		return NULL;
	}
	s->sql = sqlite3_sql(s->st);
	s->d = d;
	s->held = true;
	s->once = false;
	return s;
}

/* A statement outside the cache, for one use: db_done finalises it. */
static db_stmt *prepare_once(db *d, const char *sql)
{
	db_stmt *s = calloc(1, sizeof *s);
	if (!s)
		die_oom();
	if (sqlite3_prepare_v3(d->h, sql, -1, 0, &s->st, NULL) != SQLITE_OK) {
		log_error("db: prepare failed: %s", sqlite3_errmsg(d->h));
		sqlite3_finalize(s->st);
		free(s);
		return NULL;
	}
	s->sql = sqlite3_sql(s->st);
	s->d = d;
	s->held = s->once = true;
	return s;
}

/* Is a cache slot's statement in a caller's hands (or, belt and braces, still running)? */
static bool in_use(const db_stmt *s) { return s->held || sqlite3_stmt_busy(s->st); }

/* The cached statement of sql, taken out for the caller. A statement in use is never taken from its holder:
 * the same text re-entered while it runs gets a statement of its own, and a full neighbourhood gives up one
 * of its idle slots, or, when every one is in use, an uncached statement. */
static db_stmt *prepare(db *d, const char *sql)
{
	unsigned h = hash_str(sql) % CACHE_SLOTS;
	db_stmt *idle = NULL;
	for (int probe = 0; probe < PROBES; probe++) {
		db_stmt *s = &d->cache[(h + probe) % CACHE_SLOTS];
		if (!s->st)
			return fill(d, s, sql);
		if (s->sql == sql || strcmp(s->sql, sql) == 0) {
			if (in_use(s))
				return prepare_once(d, sql);
			s->held = true;
			return s;
		}
		if (!idle && !in_use(s))
			idle = s;
	}
	if (!idle)
		return prepare_once(d, sql);
	sqlite3_finalize(idle->st);
	idle->st = NULL;
	return fill(d, idle, sql);
}

static void bindv(db_stmt *s, const char *types, va_list ap)
{
	for (int i = 1; types && *types; types++, i++) {
		switch (*types) {
		case 'i': sqlite3_bind_int64(s->st, i, va_arg(ap, long long)); break;
		case 'd': sqlite3_bind_double(s->st, i, va_arg(ap, double)); break;
		case 't': {
			const char *t = va_arg(ap, const char *);
			if (t)
				sqlite3_bind_text(s->st, i, t, -1, SQLITE_TRANSIENT);
			else
				sqlite3_bind_null(s->st, i);
			break;
		}
		case 'n': sqlite3_bind_null(s->st, i); break;
		default: abort(); /* a bug in the caller's type string */
		}
	}
}

db_stmt *db_vq(db *d, const char *sql, const char *types, va_list ap)
{
	db_stmt *s = prepare(d, sql);
	if (!s)
		return NULL;
	sqlite3_reset(s->st);
	sqlite3_clear_bindings(s->st);
	bindv(s, types, ap);
	return s;
}

db_stmt *db_q(db *d, const char *sql, const char *types, ...)
{
	va_list ap;
	va_start(ap, types);
	db_stmt *s = db_vq(d, sql, types, ap);
	va_end(ap);
	return s;
}

db_stmt *db_prepare(db *d, const char *sql) { return db_q(d, sql, ""); }
db_stmt *db_prepare_once(db *d, const char *sql) { return prepare_once(d, sql); }
void db_bind_int(db_stmt *s, int i, long long v) { sqlite3_bind_int64(s->st, i, v); }
void db_bind_double(db_stmt *s, int i, double v) { sqlite3_bind_double(s->st, i, v); }

void db_bind_text(db_stmt *s, int i, const char *t)
{
	if (t)
		sqlite3_bind_text(s->st, i, t, -1, SQLITE_TRANSIENT);
	else
		sqlite3_bind_null(s->st, i);
}

static int map_rc(int rc)
{
	switch (rc) {
	case SQLITE_ROW: return DB_ROW;
	case SQLITE_DONE: return DB_DONE;
	case SQLITE_OK: return DB_OK;
	case SQLITE_BUSY:
	case SQLITE_LOCKED: return DB_BUSY;
	case SQLITE_CONSTRAINT: return DB_CONSTRAINT;
	default: return DB_ERR;
	}
}

int db_step(db_stmt *s)
{
	if (!s)
		return DB_ERR;
	int rc = sqlite3_step(s->st);
	if (rc != SQLITE_ROW && rc != SQLITE_DONE && rc != SQLITE_CONSTRAINT)
		log_error("db: step failed: %s", sqlite3_errmsg(s->d->h));
	return map_rc(rc);
}

void db_done(db_stmt *s)
{
	if (!s)
		return;
	if (s->once) {
		sqlite3_finalize(s->st);
		free(s);
		return;
	}
	sqlite3_reset(s->st);
	s->held = false;
}

int db_vrun(db *d, const char *sql, const char *types, va_list ap)
{
	db_stmt *s = db_vq(d, sql, types, ap);
	if (!s)
		return DB_ERR;
	int rc = db_step(s);
	db_done(s);
	return rc == DB_DONE || rc == DB_ROW ? DB_OK : rc;
}

int db_run(db *d, const char *sql, const char *types, ...)
{
	va_list ap;
	va_start(ap, types);
	int rc = db_vrun(d, sql, types, ap);
	va_end(ap);
	return rc;
}

long long db_vint(db *d, long long dflt, const char *sql, const char *types, va_list ap)
{
	db_stmt *s = db_vq(d, sql, types, ap);
	long long v = dflt;
	if (s && db_step(s) == DB_ROW && !db_col_null(s, 0))
		v = db_col_int(s, 0);
	db_done(s);
	return v;
}

long long db_int(db *d, long long dflt, const char *sql, const char *types, ...)
{
	va_list ap;
	va_start(ap, types);
	long long v = db_vint(d, dflt, sql, types, ap);
	va_end(ap);
	return v;
}

long long db_col_int(db_stmt *s, int i) { return sqlite3_column_int64(s->st, i); }
double db_col_double(db_stmt *s, int i) { return sqlite3_column_double(s->st, i); }
const char *db_col_text(db_stmt *s, int i) { return (const char *)sqlite3_column_text(s->st, i); }
bool db_col_null(db_stmt *s, int i) { return sqlite3_column_type(s->st, i) == SQLITE_NULL; }

enum db_type db_col_type(db_stmt *s, int i)
{
	switch (sqlite3_column_type(s->st, i)) {
	case SQLITE_INTEGER: return DB_T_INT;
	case SQLITE_FLOAT: return DB_T_REAL;
	case SQLITE_TEXT: return DB_T_TEXT;
	case SQLITE_BLOB: return DB_T_BLOB;
	default: return DB_T_NULL;
	}
}

void db_reset(db_stmt *s)
{
	if (!s)
		return;
	sqlite3_reset(s->st);
	sqlite3_clear_bindings(s->st);
}
int db_col_count(db_stmt *s) { return sqlite3_column_count(s->st); }
const char *db_col_name(db_stmt *s, int i) { return sqlite3_column_name(s->st, i); }

int db_exec(db *d, const char *sql)
{
	char *msg = NULL;
	int rc = sqlite3_exec(d->h, sql, NULL, NULL, &msg);
	if (rc != SQLITE_OK) {
		log_error("db: exec failed: %s", msg ? msg : "?");
		sqlite3_free(msg);
	}
	return rc == SQLITE_OK ? DB_OK : map_rc(rc);
}

/* Through the statement cache: parsing BEGIN/COMMIT anew on every request showed in profiles. */
int db_begin(db *d)
{
	d->begun = sqlite3_total_changes64(d->h);
	return db_run(d, "BEGIN IMMEDIATE", "");
}

int db_begin_read(db *d)
{
	d->begun = sqlite3_total_changes64(d->h);
	return db_run(d, "BEGIN", "");
}

static bool has_clock(db *d)
{
	if (!d->clock)
		d->clock = db_int(d, 0, "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = 'workspace_clock'",
		                  "") > 0;
	return d->clock;
}

/* A transaction that changed anything moves the workspace's clock, in the same transaction. */
int db_commit(db *d)
{
	if (!sqlite3_get_autocommit(d->h) && sqlite3_total_changes64(d->h) != d->begun && has_clock(d) &&
	    db_run(d, "UPDATE workspace_clock SET n = n + 1 WHERE id = 1", "") != DB_OK)
		return DB_ERR;
	return db_run(d, "COMMIT", "");
}

long long db_clock(db *d)
{
	return has_clock(d) ? db_int(d, -1, "SELECT n + epoch FROM workspace_clock WHERE id = 1", "") : -1;
}

int db_clock_restart(db *d)
{
	return has_clock(d) ? db_run(d, "UPDATE workspace_clock SET epoch = abs(random() >> 16) WHERE id = 1", "") : DB_OK;
}

void db_rollback(db *d)
{
	if (!sqlite3_get_autocommit(d->h))
		db_run(d, "ROLLBACK", "");
}

/* "<verb> <name>" for a savepoint statement; name must be a program-owned word. */
static int savepoint_run(db *d, const char *verb, const char *name)
{
	char sql[96];
	if (strspn(name, "abcdefghijklmnopqrstuvwxyz_") != strlen(name) || strlen(name) > 60)
		abort(); /* a bug: savepoint names are program text */
	snprintf(sql, sizeof sql, "%s %s", verb, name);
	return db_exec(d, sql);
}

int db_savepoint(db *d, const char *name) { return savepoint_run(d, "SAVEPOINT", name); }
int db_release(db *d, const char *name) { return savepoint_run(d, "RELEASE", name); }

void db_rollback_to(db *d, const char *name)
{
	savepoint_run(d, "ROLLBACK TO", name);
	savepoint_run(d, "RELEASE", name);
}

long long db_last_id(db *d) { return sqlite3_last_insert_rowid(d->h); }
int db_changes(db *d) { return sqlite3_changes(d->h); }
const char *db_errmsg(db *d) { return sqlite3_errmsg(d->h); }

bool db_intact(db *d)
{
	db_stmt *qc = db_q(d, "PRAGMA quick_check(1)", "");
	bool ok = qc && db_step(qc) == DB_ROW && db_col_text(qc, 0) && !strcmp(db_col_text(qc, 0), "ok");
	db_done(qc);
	return ok;
}

bool db_has_table(db *d, const char *name)
{
	return db_int(d, 0, "SELECT count(*) FROM sqlite_master WHERE type IN ('table','view') AND name=?", "t",
	              name) > 0;
}

bool db_has_column(db *d, const char *table, const char *column)
{
	return db_int(d, 0, "SELECT count(*) FROM pragma_table_info(?) WHERE name=?", "tt", table, column) > 0;
}

int db_copy_to(db *d, const char *path, const char **err)
{
	sqlite3 *to = NULL;
	if (sqlite3_open_v2(path, &to, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX, NULL) !=
	    SQLITE_OK) {
		*err = "cannot open the file to copy into";
		sqlite3_close(to);
		return -1;
	}
	sqlite3_busy_timeout(to, 5000);
	sqlite3_backup *b = sqlite3_backup_init(to, "main", d->h, "main");
	int rc = SQLITE_ERROR;
	if (b) {
		/* All pages in one step: a read snapshot of the source (in WAL, writers are not held off), so the copy is
		 * one consistent state however busy the source is. */
		while ((rc = sqlite3_backup_step(b, -1)) == SQLITE_BUSY || rc == SQLITE_LOCKED)
			sqlite3_sleep(50);
		sqlite3_backup_finish(b);
	}
	if (rc != SQLITE_DONE)
		*err = rc == SQLITE_FULL       ? "the disk is full"
		       : rc == SQLITE_READONLY ? "the file to copy into is read-only"
		                               : "the copy could not be made";
	sqlite3_close(to);
	return rc == SQLITE_DONE ? 0 : -1;
}

void db_each_table(db *d, int (*fn)(const char *table, void *arg), void *arg)
{
	/* Virtual tables (full-text indexes) and their shadow tables are the backend's: made again from the rows. */
	db_stmt *s = db_q(d,
	                  "SELECT name FROM sqlite_master m WHERE type = 'table' AND name NOT LIKE 'sqlite_%' "
	                  "AND sql NOT LIKE 'CREATE VIRTUAL TABLE%' AND NOT EXISTS (SELECT 1 FROM sqlite_master v "
	                  "WHERE v.type = 'table' AND v.sql LIKE 'CREATE VIRTUAL TABLE%' AND m.name LIKE v.name || '\\_%' "
	                  "ESCAPE '\\') ORDER BY rowid",
	                  "");
	buf names;
	buf_init(&names);
	while (s && db_step(s) == DB_ROW) { /* gathered first: fn may run statements of its own */
		const char *n = db_col_text(s, 0);
		buf_add(&names, n, strlen(n) + 1);
	}
	db_done(s);
	for (size_t o = 0; o < names.len; o += strlen(names.p + o) + 1)
		if (fn(names.p + o, arg))
			break;
	buf_free(&names);
}

db_stmt *db_table_rows(db *d, const char *table)
{
	buf q;
	buf_init(&q);
	buf_rawf(&q, "SELECT * FROM \"%s\" ORDER BY ", table);
	db_stmt *pk = db_q(d, "SELECT name FROM pragma_table_info(?) WHERE pk > 0 ORDER BY pk", "t", table);
	int n = 0;
	while (pk && db_step(pk) == DB_ROW)
		buf_rawf(&q, "%s\"%s\"", n++ ? ", " : "", db_col_text(pk, 0));
	db_done(pk);
	if (!n)
		buf_lit(&q, "rowid");
	db_stmt *s = db_prepare_once(d, buf_str(&q));
	buf_free(&q);
	return s;
}

int db_defer_references(db *d) { return db_exec(d, "PRAGMA defer_foreign_keys = ON"); }

bool db_broken_reference(db *d, buf *table, long long *id, buf *column)
{
	db_stmt *s = db_q(d, "SELECT \"table\", rowid, fkid FROM pragma_foreign_key_check LIMIT 1", "");
	bool broken = s && db_step(s) == DB_ROW;
	long long fkid = 0;
	if (broken) {
		buf_add(table, db_col_text(s, 0), strlen(db_col_text(s, 0)));
		*id = db_col_int(s, 1);
		fkid = db_col_int(s, 2);
	}
	db_done(s);
	if (broken) {
		db_stmt *c = db_q(d, "SELECT \"from\" FROM pragma_foreign_key_list(?) WHERE id = ?", "ti", buf_str(table), fkid);
		if (c && db_step(c) == DB_ROW)
			buf_add(column, db_col_text(c, 0), strlen(db_col_text(c, 0)));
		db_done(c);
	}
	return broken;
}

int db_scratch(db *d) { return db_exec(d, "PRAGMA journal_mode = OFF; PRAGMA synchronous = OFF"); }

void db_bulk(db *d, bool on)
{
	/* A big load rewrites index pages many times: with SQLite's default 2 MiB cache they are spilled to the
	 * WAL and read back again and again. */
	if (on && !d->bulk) {
		d->cache_size = db_int(d, -2000, "PRAGMA cache_size", "");
		db_exec(d, "PRAGMA cache_size = -65536");
		d->bulk = true;
	} else if (!on && d->bulk) {
		char sql[48];
		snprintf(sql, sizeof sql, "PRAGMA cache_size = %lld", d->cache_size);
		db_exec(d, sql);
		d->bulk = false;
	}
}
