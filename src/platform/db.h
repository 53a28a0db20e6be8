/* db.h — the database interface the domain uses; db_sqlite.c implements it for SQLite (db_sqlite_sql.c: its
 * dialect). Statements are prepared from program-owned SQL text, cached per connection, and bound. The text the
 * rest of the program writes is portable SQL with plain ? parameters; what a dialect says its own way (full-text
 * search, JSON aggregates, case-insensitive order) the program asks for here, by meaning (db_sql_*), or names as
 * a whole statement whose text the backend holds (model/queries.h). */
#ifndef TANDEM_DB_H
#define TANDEM_DB_H
#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include "buf.h"

typedef struct db db;
typedef struct db_stmt db_stmt;

enum db_rc { DB_OK = 0, DB_ROW = 1, DB_DONE = 2, DB_ERR = -1, DB_BUSY = -2, DB_CONSTRAINT = -3 };

enum db_open_mode { DB_OPEN_EXISTING, DB_OPEN_CREATE };

/* Open a connection (WAL, foreign keys, busy timeout). NULL on failure with *err set
 * to a static, user-readable message. */
db *db_open(const char *path, enum db_open_mode mode, const char **err);
void db_close(db *d);

/* Prepare (from the per-connection cache) and bind. types has one letter per argument:
 * 'i' long long, 'd' double, 't' const char * (NULL binds null), 'n' null (no argument).
 * Returns NULL on a prepare error (logged). The statement is reset by db_done. */
db_stmt *db_q(db *d, const char *sql, const char *types, ...);
/* Prepare (cached), reset, with no bindings yet; then bind by 1-based index. */
db_stmt *db_prepare(db *d, const char *sql);
/* The same for text made for one use (a list's SQL built from the request's arguments): prepared outside the
 * cache, finalised by db_done. The cache keeps the program's fixed statements only. */
db_stmt *db_prepare_once(db *d, const char *sql);
/* db_q, db_run and db_int with the arguments as a va_list (for wrappers such as the named queries). */
db_stmt *db_vq(db *d, const char *sql, const char *types, va_list ap);
int db_vrun(db *d, const char *sql, const char *types, va_list ap);
long long db_vint(db *d, long long dflt, const char *sql, const char *types, va_list ap);
void db_bind_int(db_stmt *s, int i, long long v);
void db_bind_double(db_stmt *s, int i, double v);
void db_bind_text(db_stmt *s, int i, const char *t); /* NULL binds null */
int db_step(db_stmt *s);                /* DB_ROW, DB_DONE or an error */
/* Ready a statement the caller holds for its next run: reset, its bindings cleared (a statement prepared once and
 * run for many rows, as a bulk load does). */
void db_reset(db_stmt *s);
/* The caller is done with s: reset for reuse (a cached statement) or finalised (one prepared once, or one the
 * cache could not hold because its neighbours were all in use); NULL is fine. A statement handed out is never
 * reset or evicted under its holder until then. */
void db_done(db_stmt *s);
/* Run a statement that returns no rows: DB_OK or an error. */
int db_run(db *d, const char *sql, const char *types, ...);
/* One integer from the first row; dflt when there is no row or on error. */
long long db_int(db *d, long long dflt, const char *sql, const char *types, ...);

long long db_col_int(db_stmt *s, int i);
double db_col_double(db_stmt *s, int i);
const char *db_col_text(db_stmt *s, int i); /* valid until the next step/done; NULL for null */
bool db_col_null(db_stmt *s, int i);
enum db_type { DB_T_NULL, DB_T_INT, DB_T_REAL, DB_T_TEXT, DB_T_BLOB };
enum db_type db_col_type(db_stmt *s, int i); /* what the value in column i of this row is */
int db_col_count(db_stmt *s);
const char *db_col_name(db_stmt *s, int i);

int db_exec(db *d, const char *sql);    /* several statements, no parameters */
int db_begin(db *d);                    /* a write transaction (takes the write lock now) */
int db_begin_read(db *d);
int db_commit(db *d); /* a transaction that changed rows moves the workspace's clock first (db_clock) */
/* The workspace's change counter: different after any committed change, by any connection or process; -1 before the
 * schema has it. One cheap statement. */
long long db_clock(db *d);
/* The workspace's history starts over (a restored backup): its clock jumps to values no earlier answer had. */
int db_clock_restart(db *d);
void db_rollback(db *d);
/* A savepoint inside the transaction (or, outside one, a transaction of its own); name is a program-owned word
 * ([a-z_]). Release keeps what was done since, rollback-to undoes it and releases. */
int db_savepoint(db *d, const char *name);
int db_release(db *d, const char *name);
void db_rollback_to(db *d, const char *name);
long long db_last_id(db *d);
int db_changes(db *d);
const char *db_errmsg(db *d);           /* for the log only, never for clients */
bool db_has_table(db *d, const char *name);
/* Does every page of the database read back sound (SQLite's quick_check)? Reads the whole file. */
bool db_intact(db *d);
bool db_has_column(db *d, const char *table, const char *column);
/* Copy the whole database of d, one consistent snapshot of it, into the database file at path (created, or its
 * content replaced in one transaction there); writers on other connections go on meanwhile. 0, or -1 with *err a
 * static, user-readable message. SQLite: the online backup API. */
int db_copy_to(db *d, const char *path, const char **err);
/* The workspace's own tables, in the order they were made (never the backend's: no full-text index tables), one
 * call of fn each; fn returns nonzero to stop. */
void db_each_table(db *d, int (*fn)(const char *table, void *arg), void *arg);
/* Every row of table (a name db_each_table gave), ordered by its primary key: SELECT * in the table's column order. */
db_stmt *db_table_rows(db *d, const char *table);
/* References are checked at commit, not at each statement, for the rest of this transaction (rows loaded in an order
 * where a row may name one that comes later). */
int db_defer_references(db *d);
/* The first row whose reference names no row: its table and id (its rowid), and the column, written to the buffers;
 * false when every reference holds. */
bool db_broken_reference(db *d, buf *table, long long *id, buf *column);
/* The connection writes a scratch file that is thrown away on any failure (an import built beside its target): no
 * journal and no syncs, so a large load writes each page once. Never on a workspace anyone else uses. */
int db_scratch(db *d);
/* A bulk load starts (true) or ends (false): the backend may size its caches for it (SQLite: a 64 MiB page
 * cache for the load, the connection's own size after). */
void db_bulk(db *d, bool on);

/* The dialect. Fragments of SQL appended to b, for statements built from descriptors; every name passed is
 * program-owned, and each ? in a fragment is a parameter the caller binds in its place, in order. */
/* A scalar subquery: the JSON array (text) of column other of the rows of table whose column own equals
 * outer_id (an expression of the enclosing query), ordered by other: [3, 7]. */
void db_sql_json_ids(buf *b, const char *table, const char *own, const char *outer_id, const char *other);
/* The same as objects, each other under key and its weight column under "weight":
 * [{"<key>": 3, "weight": 2}]. */
void db_sql_json_weighted(buf *b, const char *table, const char *own, const char *outer_id, const char *other,
                          const char *key, const char *weight);
/* A condition: the JSON array of strings in column holds the bound text. One parameter. */
void db_sql_json_has(buf *b, const char *column);
/* An ORDER BY term: expr (a column, not an output alias) ordered with ASCII case ignored. */
void db_sql_order_nocase(buf *b, const char *expr);
/* A condition: expr matches the bound LIKE pattern (% and _ wildcards, \ escapes them) with ASCII case
 * ignored. One parameter. */
void db_sql_like(buf *b, const char *expr);

/* Full-text search over an index named fts whose row ids are the indexed objects' ids. The bound query is made
 * with db_fts_word. */
/* A subquery of the ids of the rows that match. One parameter: the query. */
void db_sql_fts_ids(buf *b, const char *fts);
/* A derived table named alias with the columns rid (a matching row's id), score (lower is a better match) and,
 * with snippet, snip (as db_sql_fts_snippet). Parameters: the query; with top, then the number of best matches
 * it keeps (best first). */
void db_sql_fts_matches(buf *b, const char *fts, const char *alias, bool snippet, bool top);
/* A whole statement: one row's snippet, the text of its column (0-based; -1 the best of them) around the matched
 * words, each match between \x02 and \x03, "…" where text is left out, about 16 words. Parameters: the query, the
 * row's id. */
void db_sql_fts_snippet(buf *b, const char *fts, int column);
enum db_fts_flags {
	DB_FTS_ANY = 1 << 0,    /* the rows matching any of the words (else all of them) */
	DB_FTS_PREFIX = 1 << 1, /* the word as a prefix (else the whole word, stemmed) */
};
/* Add one word (ASCII letters and digits or UTF-8 bytes only: never quotes or operators) to the full-text query
 * being built in q (empty: the first word). Every word of one query takes the same flags. */
void db_fts_word(buf *q, const char *w, size_t len, unsigned flags);
#endif
