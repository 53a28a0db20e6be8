/* test_db.c — the database interface: binding, reading, the statement cache, transactions. */
#include <stdio.h>
#include <stdlib.h>
#include "harness.h"
#include "platform/db.h"

static db *scratch(void)
{
	const char *err = NULL;
	db *d = db_open(":memory:", DB_OPEN_CREATE, &err);
	if (d)
		db_exec(d, "CREATE TABLE t (id INTEGER PRIMARY KEY, i INTEGER, r REAL, s TEXT UNIQUE, n TEXT)");
	return d;
}

TEST(db_binds_every_type_and_reads_it_back)
{
	db *d = scratch();
	REQUIRE(d);
	CHECK_EQ_INT(db_run(d, "INSERT INTO t(i, r, s, n) VALUES (?, ?, ?, ?)", "idtn", 1LL << 40, 2.5, "héllo"), DB_OK);
	long long id = db_last_id(d);
	CHECK_EQ_INT(db_changes(d), 1);
	db_stmt *s = db_q(d, "SELECT i, r, s, n FROM t WHERE id = ?", "i", id);
	REQUIRE(s);
	REQUIRE(db_step(s) == DB_ROW);
	CHECK_EQ_INT(db_col_count(s), 4);
	CHECK_STR(db_col_name(s, 2), "s");
	CHECK_EQ_INT(db_col_int(s, 0), 1LL << 40);
	CHECK_EQ_DBL(db_col_double(s, 1), 2.5);
	CHECK_STR(db_col_text(s, 2), "héllo");
	CHECK(db_col_null(s, 3));
	CHECK(db_col_text(s, 3) == NULL);
	CHECK(!db_col_null(s, 0));
	CHECK_EQ_INT(db_step(s), DB_DONE);
	db_done(s);
	/* 't' with NULL binds null */
	CHECK_EQ_INT(db_run(d, "INSERT INTO t(i, s) VALUES (?, ?)", "it", 5LL, (const char *)NULL), DB_OK);
	CHECK_EQ_INT(db_int(d, -1, "SELECT count(*) FROM t WHERE s IS NULL", ""), 1);
	db_close(d);
}

TEST(db_text_binding_is_not_sql)
{
	db *d = scratch();
	REQUIRE(d);
	const char *evil = "x'); DROP TABLE t; --";
	CHECK_EQ_INT(db_run(d, "INSERT INTO t(s) VALUES (?)", "t", evil), DB_OK);
	CHECK(db_has_table(d, "t"));
	CHECK_EQ_INT(db_int(d, 0, "SELECT count(*) FROM t WHERE s = ?", "t", evil), 1);
	db_close(d);
}

TEST(db_int_default_and_prepare_bind)
{
	db *d = scratch();
	REQUIRE(d);
	CHECK_EQ_INT(db_int(d, -5, "SELECT i FROM t WHERE id = 999", ""), -5);  /* no row */
	CHECK_EQ_INT(db_int(d, -6, "SELECT NULL", ""), -6);                    /* null */
	CHECK_EQ_INT(db_int(d, -7, "SELECT nosuchcolumn FROM t", ""), -7);     /* error */
	CHECK(db_q(d, "SELEKT 1", "") == NULL);                                /* prepare error */
	CHECK_EQ_INT(db_run(d, "SELEKT 1", ""), DB_ERR);
	db_stmt *s = db_prepare(d, "SELECT ? + ?, ?");
	REQUIRE(s);
	db_bind_int(s, 1, 40);
	db_bind_double(s, 2, 2.0);
	db_bind_text(s, 3, "t");
	REQUIRE(db_step(s) == DB_ROW);
	CHECK_EQ_DBL(db_col_double(s, 0), 42.0);
	CHECK_STR(db_col_text(s, 1), "t");
	db_done(s);
	db_done(NULL);
	db_close(d);
}

TEST(db_statement_cache_reuse_and_eviction)
{
	db *d = scratch();
	REQUIRE(d);
	/* the same text comes back from the cache, reset and rebound */
	for (long long i = 0; i < 50; i++)
		CHECK_EQ_INT(db_int(d, -1, "SELECT ? * 2", "i", i), i * 2);
	/* more distinct statements than cache slots: every one still answers right */
	char sql[600][40];
	for (int i = 0; i < 600; i++) {
		snprintf(sql[i], sizeof sql[i], "SELECT %d + ?", i);
		CHECK_EQ_INT(db_int(d, -1, sql[i], "i", 1LL), i + 1);
	}
	for (int i = 599; i >= 0; i -= 37)
		CHECK_EQ_INT(db_int(d, -1, sql[i], "i", 2LL), i + 2);
	db_close(d);
}

/* Statements still running while others are prepared: the cache must never finalise, reset or rebind one under
 * its holder (the old cache evicted the home slot of a full neighbourhood whatever ran there: a use after free of
 * the running statement's row). 300 running statements are more than the cache has slots, so every
 * neighbourhood fills up with statements in use. */
TEST(db_statement_cache_never_evicts_a_running_statement)
{
	db *d = scratch();
	REQUIRE(d);
	enum { N = 300 };
	static char sql[N][64];
	db_stmt *s[N];
	const char *first[N];
	for (int i = 0; i < N; i++) {
		snprintf(sql[i], sizeof sql[i], "SELECT 'row-%d-a' UNION ALL SELECT 'row-%d-b'", i, i);
		s[i] = db_q(d, sql[i], "");
		REQUIRE(s[i]);
		REQUIRE(db_step(s[i]) == DB_ROW);
		first[i] = db_col_text(s[i], 0); /* valid until this statement's next step */
	}
	char want[32];
	for (int i = 0; i < N; i++) {
		snprintf(want, sizeof want, "row-%d-a", i);
		CHECK_STR(first[i], want);
		REQUIRE(db_step(s[i]) == DB_ROW);
		snprintf(want, sizeof want, "row-%d-b", i);
		CHECK_STR(db_col_text(s[i], 0), want);
		CHECK_EQ_INT(db_step(s[i]), DB_DONE);
	}
	for (int i = 0; i < N; i++)
		db_done(s[i]);
	/* and they all work again afterwards, from the cache or not */
	for (int i = 0; i < N; i += 7) {
		db_stmt *t = db_q(d, sql[i], "");
		REQUIRE(t && db_step(t) == DB_ROW);
		snprintf(want, sizeof want, "row-%d-a", i);
		CHECK_STR(db_col_text(t, 0), want);
		db_done(t);
	}
	db_close(d);
}

/* The same text asked for again while its statement runs (a loop over rows calling a function that runs that
 * statement too) gets a statement of its own: the outer one keeps its place. */
TEST(db_statement_cache_same_text_reentered)
{
	db *d = scratch();
	REQUIRE(d);
	for (int i = 1; i <= 3; i++)
		db_run(d, "INSERT INTO t(i) VALUES (?)", "i", (long long)i);
	const char *sql = "SELECT i FROM t WHERE i >= ? ORDER BY i";
	db_stmt *outer = db_q(d, sql, "i", 1LL);
	REQUIRE(outer);
	long long sum = 0, rows = 0;
	while (db_step(outer) == DB_ROW) {
		db_stmt *inner = db_q(d, sql, "i", db_col_int(outer, 0));
		REQUIRE(inner && inner != outer);
		while (db_step(inner) == DB_ROW)
			sum += db_col_int(inner, 0);
		db_done(inner);
		rows++;
	}
	db_done(outer);
	CHECK_EQ_INT(rows, 3);
	CHECK_EQ_INT(sum, (1 + 2 + 3) + (2 + 3) + 3);
	db_close(d);
}

/* One-off text is prepared outside the cache and finalised by db_done (ASan's leak check sees one kept). */
TEST(db_prepare_once_is_not_cached)
{
	db *d = scratch();
	REQUIRE(d);
	char sql[64];
	for (int i = 0; i < 1000; i++) {
		snprintf(sql, sizeof sql, "SELECT %d + ?", i);
		db_stmt *s = db_prepare_once(d, sql);
		REQUIRE(s);
		db_bind_int(s, 1, 1);
		REQUIRE(db_step(s) == DB_ROW);
		CHECK_EQ_INT(db_col_int(s, 0), i + 1);
		db_done(s);
	}
	/* two of the same text at once are two statements */
	db_stmt *a = db_prepare_once(d, "SELECT 1 UNION ALL SELECT 2"), *b = db_prepare_once(d, "SELECT 1 UNION ALL SELECT 2");
	REQUIRE(a && b && a != b);
	REQUIRE(db_step(a) == DB_ROW && db_step(b) == DB_ROW && db_step(b) == DB_ROW);
	CHECK_EQ_INT(db_col_int(a, 0), 1);
	CHECK_EQ_INT(db_col_int(b, 0), 2);
	db_done(a);
	db_done(b);
	CHECK(db_prepare_once(d, "SELEKT 1") == NULL);
	db_close(d);
}

TEST(db_transactions_commit_and_rollback)
{
	db *d = scratch();
	REQUIRE(d);
	CHECK_EQ_INT(db_begin(d), DB_OK);
	db_run(d, "INSERT INTO t(s) VALUES ('kept')", "");
	CHECK_EQ_INT(db_commit(d), DB_OK);
	CHECK_EQ_INT(db_begin(d), DB_OK);
	db_run(d, "INSERT INTO t(s) VALUES ('gone')", "");
	CHECK_EQ_INT(db_int(d, 0, "SELECT count(*) FROM t", ""), 2); /* visible inside */
	db_rollback(d);
	CHECK_EQ_INT(db_int(d, 0, "SELECT count(*) FROM t", ""), 1);
	CHECK_EQ_INT(db_int(d, 0, "SELECT count(*) FROM t WHERE s = 'kept'", ""), 1);
	db_rollback(d); /* no transaction: harmless */
	CHECK_EQ_INT(db_begin_read(d), DB_OK);
	CHECK_EQ_INT(db_commit(d), DB_OK);
	CHECK(db_commit(d) != DB_OK); /* nothing to commit */
	db_close(d);
}

TEST(db_constraint_is_reported)
{
	db *d = scratch();
	REQUIRE(d);
	CHECK_EQ_INT(db_run(d, "INSERT INTO t(s) VALUES ('a')", ""), DB_OK);
	CHECK_EQ_INT(db_run(d, "INSERT INTO t(s) VALUES ('a')", ""), DB_CONSTRAINT);
	CHECK_EQ_INT(db_int(d, 0, "SELECT count(*) FROM t", ""), 1);
	db_close(d);
}

TEST(db_schema_helpers)
{
	db *d = scratch();
	REQUIRE(d);
	CHECK(db_has_table(d, "t"));
	CHECK(!db_has_table(d, "nope"));
	CHECK(db_has_column(d, "t", "s"));
	CHECK(!db_has_column(d, "t", "zz"));
	CHECK_EQ_INT(db_exec(d, "CREATE TABLE u(x); INSERT INTO u VALUES (1); INSERT INTO u VALUES (2);"), DB_OK);
	CHECK_EQ_INT(db_int(d, 0, "SELECT sum(x) FROM u", ""), 3);
	CHECK(db_exec(d, "CREATE TABLE u(x)") != DB_OK);
	db_close(d);
	db_close(NULL);
}

TEST(db_open_failures_have_clear_messages)
{
	const char *err = NULL;
	char path[256];
	t_tmp(path, sizeof path, "missing.db");
	CHECK(db_open(path, DB_OPEN_EXISTING, &err) == NULL);
	CHECK_CONTAINS(err, "cannot open");
	t_tmp(path, sizeof path, "random.db");
	FILE *f = fopen(path, "wb");
	REQUIRE(f);
	for (int i = 0; i < 8192; i++)
		fputc((i * 7919 + 13) & 0xff, f);
	fclose(f);
	err = NULL;
	CHECK(db_open(path, DB_OPEN_EXISTING, &err) == NULL);
	CHECK_CONTAINS(err, "not a Tandem database or is corrupt");
	t_tmp(path, sizeof path, "");
	err = NULL;
	CHECK(db_open(path, DB_OPEN_EXISTING, &err) == NULL); /* a directory */
	CHECK(err != NULL);
}

TEST(db_file_is_wal_with_foreign_keys)
{
	char path[256];
	t_tmp(path, sizeof path, "wal.db");
	const char *err = NULL;
	db *d = db_open(path, DB_OPEN_CREATE, &err);
	REQUIRE(d);
	db_stmt *s = db_q(d, "PRAGMA journal_mode", "");
	REQUIRE(s && db_step(s) == DB_ROW);
	CHECK_STR(db_col_text(s, 0), "wal");
	db_done(s);
	CHECK_EQ_INT(db_int(d, 0, "PRAGMA foreign_keys", ""), 1);
	db_exec(d, "CREATE TABLE p(id INTEGER PRIMARY KEY); CREATE TABLE c(p INTEGER REFERENCES p(id))");
	CHECK_EQ_INT(db_run(d, "INSERT INTO c VALUES (42)", ""), DB_CONSTRAINT);
	db_close(d);
	/* a second connection sees committed data */
	d = db_open(path, DB_OPEN_EXISTING, &err);
	REQUIRE(d);
	CHECK(db_has_table(d, "c"));
	db_close(d);
}
