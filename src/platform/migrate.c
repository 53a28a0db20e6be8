/* migrate.c — applies the embedded numbered migrations and refuses newer databases. */
#include "migrate.h"
#include "util.h"

int migrate_latest(void)
{
	int max = 0;
	for (int i = 0; i < migrations_count; i++)
		if (migrations[i].number > max)
			max = migrations[i].number;
	return max;
}

int migrate_current(db *d)
{
	if (!db_has_table(d, "schema_version"))
		return db_int(d, 0, "SELECT count(*) FROM sqlite_master", "") > 0 ? -1 : 0;
	return (int)db_int(d, 0, "SELECT max(version) FROM schema_version", "");
}

int migrate_up(db *d, int *applied, const char **err) { return migrate_to(d, migrate_latest(), applied, err); }

int migrate_to(db *d, int upto, int *applied, const char **err)
{
	*applied = 0;
	int cur = migrate_current(d);
	if (cur < 0) {
		*err = "the file is an SQLite database but not a Tandem workspace";
		return -1;
	}
	if (cur > migrate_latest()) {
		*err = "the database was written by a newer Tandem; upgrade this binary";
		return -1;
	}
	if (db_exec(d, "CREATE TABLE IF NOT EXISTS schema_version (version INTEGER PRIMARY KEY, applied_at TEXT NOT NULL)") != DB_OK) {
		*err = "cannot create the schema_version table";
		return -1;
	}
	for (int i = 0; i < migrations_count; i++) {
		const struct migration *m = &migrations[i];
		if (m->number <= cur || m->number > upto)
			continue;
		char now[21];
		now_rfc3339(now);
		if (db_begin(d) != DB_OK || db_exec(d, m->sql) != DB_OK ||
		    db_run(d, "INSERT INTO schema_version(version, applied_at) VALUES (?, ?)", "it", (long long)m->number,
		           now) != DB_OK ||
		    db_commit(d) != DB_OK) {
			db_rollback(d);
			*err = "a migration failed; the database is unchanged by it";
			return -1;
		}
		(*applied)++;
	}
	return 0;
}
