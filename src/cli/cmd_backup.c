/* cmd_backup.c — `tandem backup FILE` (a consistent copy of a workspace while it is served and written to) and
 * `tandem restore FILE` (its integrity and schema checked, an older schema migrated, before the workspace is
 * replaced). Both write to a file beside the target first, so a failure leaves the target as it was. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include "cli.h"
#include "platform/migrate.h"

#define BACKUP_USAGE "usage: tandem backup FILE [--force] [--db FILE]"
#define RESTORE_USAGE "usage: tandem restore FILE [--db FILE]"

static bool exists(const char *path)
{
	struct stat st;
	return stat(path, &st) == 0;
}

int cmd_backup(int argc, char **argv)
{
	struct opt o[] = {{"--db", true, NULL}, {"--force", false, NULL}};
	const char *pos[1];
	int npos;
	if (cli_parse("backup", argc, argv, o, COUNT(o), pos, 1, &npos) < 0)
		return 2;
	if (npos != 1) {
		fprintf(stderr, "tandem backup: which file to write the copy to?\n" BACKUP_USAGE "\n");
		return 2;
	}
	const char *to = pos[0], *from = workspace_path(opt_get(o, COUNT(o), "--db"));
	if (exists(to) && !opt_get(o, COUNT(o), "--force")) {
		fprintf(stderr, "tandem backup: %s exists; choose another file, or --force to replace it\n", to);
		return 1;
	}
	db *d = workspace_start(from);
	if (!d)
		return 1;
	int rc = 1;
	char tmp[4200];
	snprintf(tmp, sizeof tmp, "%s.partial-%ld", to, (long)getpid());
	const char *err = NULL;
	if (db_copy_to(d, tmp, &err) < 0)
		fprintf(stderr, "tandem backup: the copy of %s could not be made: %s\n", from, err);
	else {
		db *copy = db_open(tmp, DB_OPEN_EXISTING, &err);
		int schema = copy ? migrate_current(copy) : -1;
		bool sound = copy && db_intact(copy);
		db_close(copy);
		if (!sound)
			fprintf(stderr, "tandem backup: the copy did not read back sound; %s is unchanged\n", to);
		else if (rename(tmp, to) != 0)
			perror("tandem backup: rename");
		else {
			struct stat st;
			stat(to, &st);
			printf("Backed up %s to %s (schema %d, %.1f MB, integrity checked)\n", from, to, schema,
			       (double)st.st_size / 1e6);
			rc = 0;
		}
	}
	workspace_remove(tmp);
	workspace_end(d);
	return rc;
}

int cmd_restore(int argc, char **argv)
{
	struct opt o[] = {{"--db", true, NULL}};
	const char *pos[1];
	int npos;
	if (cli_parse("restore", argc, argv, o, COUNT(o), pos, 1, &npos) < 0)
		return 2;
	if (npos != 1) {
		fprintf(stderr, "tandem restore: which backup file?\n" RESTORE_USAGE "\n");
		return 2;
	}
	const char *from = pos[0], *to = workspace_path(opt_get(o, COUNT(o), "--db"));
	if (!exists(from)) {
		fprintf(stderr, "tandem restore: no file %s\n", from);
		return 1;
	}
	if (app_init() < 0)
		return 1;
	int rc = 1;
	char tmp[4200];
	snprintf(tmp, sizeof tmp, "%s.restore-%ld", to, (long)getpid());
	const char *err = NULL;
	/* The backup is copied first, so checking and migrating never change it. */
	db *src = db_open(from, DB_OPEN_EXISTING, &err);
	if (!src)
		fprintf(stderr, "tandem restore: %s: %s\n", from, err);
	else if (db_copy_to(src, tmp, &err) < 0)
		fprintf(stderr, "tandem restore: %s could not be read: %s\n", from, err);
	else {
		int schema = 0;
		db *copy = workspace_open_from(tmp, true, true, &schema); /* integrity, ours, not newer; older migrated */
		if (copy) {
			bool had = exists(to);
			if (db_clock_restart(copy) != DB_OK || db_copy_to(copy, to, &err) < 0)
				fprintf(stderr, "tandem restore: %s could not be written: %s; it is unchanged\n", to, err);
			else {
				printf("Restored %s from %s (schema %d%s)%s\n", to, from, schema,
				       schema < migrate_latest() ? ", migrated to this binary's" : "",
				       had ? "; what it held before is replaced" : "");
				rc = 0;
			}
			db_close(copy);
		} else
			fprintf(stderr, "tandem restore: %s is not a sound Tandem backup this binary can read; %s is unchanged\n",
			        from, to);
	}
	db_close(src);
	workspace_remove(tmp);
	app_shutdown();
	return rc;
}
