/* db_sqlite_sql.c — SQLite's dialect for the fragments db.h offers: JSON aggregates and membership (json1),
 * case-insensitive order and LIKE (NOCASE, SQLite's LIKE), and full-text search (FTS5: MATCH, rank, snippet).
 * A backend for another database gives its own text for each with the same columns and parameters. */
#include "db.h"

void db_sql_json_ids(buf *b, const char *table, const char *own, const char *outer_id, const char *other)
{
	buf_rawf(b, "(SELECT json_group_array(%s) FROM (SELECT %s FROM %s WHERE %s = %s ORDER BY %s))", other, other, table,
	         own, outer_id, other);
}

void db_sql_json_weighted(buf *b, const char *table, const char *own, const char *outer_id, const char *other,
                          const char *key, const char *weight)
{
	buf_rawf(b,
	         "(SELECT json_group_array(json_object('%s', %s, 'weight', %s)) FROM (SELECT %s, %s FROM %s WHERE %s = %s "
	         "ORDER BY %s))",
	         key, other, weight, other, weight, table, own, outer_id, other);
}

void db_sql_json_has(buf *b, const char *column)
{
	buf_rawf(b, "EXISTS (SELECT 1 FROM json_each(%s) WHERE value = ?)", column);
}

void db_sql_order_nocase(buf *b, const char *expr) { buf_rawf(b, "%s COLLATE NOCASE", expr); }

/* SQLite's LIKE ignores ASCII case already. */
void db_sql_like(buf *b, const char *expr) { buf_rawf(b, "%s LIKE ? ESCAPE '\\'", expr); }

void db_sql_fts_ids(buf *b, const char *fts) { buf_rawf(b, "SELECT rowid FROM %s WHERE %s MATCH ?", fts, fts); }

/* FTS5's rank is bm25 (negative: the lower the better); ORDER BY rank with a LIMIT lets FTS5 keep only the best. */
void db_sql_fts_matches(buf *b, const char *fts, const char *alias, bool snippet, bool top)
{
	buf_lit(b, "(SELECT rowid AS rid, rank AS score");
	if (snippet)
		buf_rawf(b, ", snippet(%s, -1, char(2), char(3), '…', 16) AS snip", fts);
	buf_rawf(b, " FROM %s WHERE %s MATCH ?", fts, fts);
	if (top)
		buf_lit(b, " ORDER BY rank LIMIT ?");
	buf_rawf(b, ") %s", alias);
}

void db_sql_fts_snippet(buf *b, const char *fts, int column)
{
	buf_rawf(b, "SELECT snippet(%s, %d, char(2), char(3), '…', 16) FROM %s WHERE %s MATCH ? AND rowid = ?", fts, column,
	         fts, fts);
}

/* FTS5 query syntax: each word a quoted string (so nothing in it is an operator), "…"* for a prefix; words side
 * by side are all required, OR between them any. */
void db_fts_word(buf *q, const char *w, size_t len, unsigned flags)
{
	if (q->len)
		buf_raw(q, flags & DB_FTS_ANY ? " OR " : " ");
	buf_addc(q, '"');
	buf_add(q, w, len);
	buf_raw(q, flags & DB_FTS_PREFIX ? "\"*" : "\"");
}
