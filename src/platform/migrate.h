/* migrate.h — numbered schema migrations embedded in the binary, tracked in schema_version. */
#ifndef TANDEM_MIGRATE_H
#define TANDEM_MIGRATE_H
#include "db.h"

struct migration {
	int number;
	const char *name;
	const char *sql;
};
extern const struct migration migrations[];
extern const int migrations_count;

int migrate_latest(void);                 /* the highest number this binary knows */
int migrate_current(db *d);               /* 0 for an empty database, -1 when not ours */
/* Apply every pending migration, each in its own transaction. 0 on success; -1 with
 * *err set (static text) when the database is newer than this binary or a step fails. */
int migrate_up(db *d, int *applied, const char **err);
/* The same, only up to the migration numbered upto (a workspace made at an older schema, to load a bundle of it). */
int migrate_to(db *d, int upto, int *applied, const char **err);
#endif
