/* test_migrate.c — the embedded migrations: a fresh database migrates; newer or foreign ones are refused. */
#include <stdio.h>
#include "harness.h"
#include "platform/migrate.h"

TEST(migrate_fresh_database)
{
	const char *err = NULL;
	db *d = db_open(":memory:", DB_OPEN_CREATE, &err);
	REQUIRE(d);
	CHECK_EQ_INT(migrate_current(d), 0);
	int applied = -1;
	CHECK_EQ_INT(migrate_up(d, &applied, &err), 0);
	CHECK_EQ_INT(applied, migrations_count);
	CHECK(migrate_latest() >= 1);
	CHECK_EQ_INT(migrate_current(d), migrate_latest());
	CHECK(db_has_table(d, "goals"));
	CHECK(db_has_table(d, "users"));
	CHECK(db_has_table(d, "audit"));
	CHECK_EQ_INT(db_int(d, 0, "SELECT count(*) FROM strategy", ""), 1);
	/* again: nothing to do, nothing duplicated */
	CHECK_EQ_INT(migrate_up(d, &applied, &err), 0);
	CHECK_EQ_INT(applied, 0);
	CHECK_EQ_INT(db_int(d, 0, "SELECT count(*) FROM schema_version", ""), migrations_count);
	CHECK_EQ_INT(db_int(d, 0, "SELECT count(*) FROM strategy", ""), 1);
	db_close(d);
}

TEST(migrate_numbers_are_increasing)
{
	for (int i = 1; i < migrations_count; i++)
		CHECK(migrations[i].number > migrations[i - 1].number);
	for (int i = 0; i < migrations_count; i++) {
		CHECK(migrations[i].sql && *migrations[i].sql);
		CHECK(migrations[i].name && *migrations[i].name);
	}
}

TEST(migrate_refuses_newer_database)
{
	db *d = t_db();
	db_run(d, "INSERT INTO schema_version(version, applied_at) VALUES (?, 'x')", "i", (long long)migrate_latest() + 1);
	CHECK_EQ_INT(migrate_current(d), migrate_latest() + 1);
	const char *err = NULL;
	int applied = -1;
	CHECK_EQ_INT(migrate_up(d, &applied, &err), -1);
	CHECK_EQ_INT(applied, 0);
	CHECK_CONTAINS(err, "newer Tandem");
	db_close(d);
}

TEST(migrate_refuses_foreign_database)
{
	const char *err = NULL;
	db *d = db_open(":memory:", DB_OPEN_CREATE, &err);
	REQUIRE(d);
	db_exec(d, "CREATE TABLE invoices(id INTEGER PRIMARY KEY)");
	CHECK_EQ_INT(migrate_current(d), -1);
	int applied = -1;
	CHECK_EQ_INT(migrate_up(d, &applied, &err), -1);
	CHECK_CONTAINS(err, "not a Tandem workspace");
	CHECK(!db_has_table(d, "goals")); /* untouched */
	db_close(d);
}

TEST(migrate_refuses_corrupt_file)
{
	char path[256];
	t_tmp(path, sizeof path, "corrupt.db");
	FILE *f = fopen(path, "wb");
	REQUIRE(f);
	/* a real SQLite header followed by garbage pages */
	fputs("SQLite format 3", f);
	fputc(0, f);
	for (int i = 0; i < 8192; i++)
		fputc((i * 31 + 7) & 0xff, f);
	fclose(f);
	const char *err = NULL;
	db *d = db_open(path, DB_OPEN_EXISTING, &err);
	CHECK(d == NULL);
	CHECK_CONTAINS(err, "not a Tandem database or is corrupt");
	db_close(d);
}
