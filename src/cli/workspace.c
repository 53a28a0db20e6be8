/* workspace.c — option parsing for commands, and finding, opening and migrating the workspace. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include "cli.h"
#include "platform/migrate.h"

int cli_parse(const char *cmd, int argc, char **argv, struct opt *opts, int nopts, const char **pos, int maxpos,
              int *npos)
{
	*npos = 0;
	for (int i = 1; i < argc; i++) {
		const char *a = argv[i];
		if (a[0] == '-' && a[1] == '-') {
			const char *eq = strchr(a, '=');
			size_t n = eq ? (size_t)(eq - a) : strlen(a);
			struct opt *o = NULL;
			for (int k = 0; k < nopts; k++)
				if (strlen(opts[k].name) == n && !strncmp(opts[k].name, a, n))
					o = &opts[k];
			if (!o) {
				fprintf(stderr, "tandem %s: unknown option '%.*s'; see 'tandem help %s'\n", cmd, (int)n, a, cmd);
				return -1;
			}
			if (o->has_value) {
				if (eq)
					o->value = eq + 1;
				else if (i + 1 < argc)
					o->value = argv[++i];
				else {
					fprintf(stderr, "tandem %s: option %s needs a value; see 'tandem help %s'\n", cmd, o->name, cmd);
					return -1;
				}
			} else {
				o->value = "";
			}
		} else {
			if (*npos >= maxpos) {
				fprintf(stderr, "tandem %s: unexpected argument '%s'; see 'tandem help %s'\n", cmd, a, cmd);
				return -1;
			}
			pos[(*npos)++] = a;
		}
	}
	return 0;
}

const char *opt_get(struct opt *opts, int nopts, const char *name)
{
	for (int k = 0; k < nopts; k++)
		if (!strcmp(opts[k].name, name))
			return opts[k].value;
	return NULL;
}

const char *workspace_path(const char *db_opt)
{
	if (db_opt && *db_opt)
		return db_opt;
	const char *env = getenv("TANDEM_DB");
	return env && *env ? env : "tandem.db";
}

db *workspace_open(const char *path, bool migrate) { return workspace_open_from(path, migrate, false, NULL); }

db *workspace_open_checked(const char *path, bool migrate) { return workspace_open_from(path, migrate, true, NULL); }

db *workspace_open_from(const char *path, bool migrate, bool verify, int *from)
{
	struct stat st;
	if (stat(path, &st) != 0) {
		fprintf(stderr, "tandem: no workspace at %s (create one with 'tandem init --admin EMAIL' or use --db)\n", path);
		return NULL;
	}
	const char *err = NULL;
	db *d = db_open(path, DB_OPEN_EXISTING, &err);
	if (!d) {
		fprintf(stderr, "tandem: %s: %s\n", path, err);
		return NULL;
	}
	/* A damaged page deep in the file shows only when read: the commands that read everything or start a
	 * server (check, migrate, serve, demo) check every page first; quick ones (http, list, …) do not read
	 * the whole file for it, and a damaged page they touch is an error then. */
	if (verify && !db_intact(d)) {
		fprintf(stderr, "tandem: %s: the database file is corrupt (integrity check failed); restore a backup\n", path);
		db_close(d);
		return NULL;
	}
	int cur = migrate_current(d);
	if (from)
		*from = cur;
	if (cur < 0 || cur == 0) {
		fprintf(stderr, "tandem: %s: %s\n", path,
		        cur < 0 ? "the file is an SQLite database but not a Tandem workspace" : "the workspace is empty; run 'tandem init'");
		db_close(d);
		return NULL;
	}
	if (cur > migrate_latest()) {
		fprintf(stderr, "tandem: %s: the workspace was written by a newer Tandem (schema %d, this binary knows %d); "
		                "upgrade tandem\n", path, cur, migrate_latest());
		db_close(d);
		return NULL;
	}
	if (cur < migrate_latest()) {
		if (!migrate) {
			fprintf(stderr, "tandem: %s: the workspace's schema is older (%d < %d); run 'tandem migrate'\n", path, cur,
			        migrate_latest());
			db_close(d);
			return NULL;
		}
		int applied;
		if (migrate_up(d, &applied, &err) < 0) {
			fprintf(stderr, "tandem: %s: %s\n", path, err);
			db_close(d);
			return NULL;
		}
	}
	return d;
}

db *workspace_create(const char *path)
{
	const char *err = NULL;
	db *d = db_open(path, DB_OPEN_CREATE, &err);
	if (!d) {
		fprintf(stderr, "tandem: %s: %s\n", path, err);
		return NULL;
	}
	if (migrate_current(d) != 0) {
		fprintf(stderr, "tandem: %s already holds a workspace (or other data); choose another --db\n", path);
		db_close(d);
		return NULL;
	}
	int applied;
	if (migrate_up(d, &applied, &err) < 0) {
		fprintf(stderr, "tandem: %s: %s\n", path, err);
		db_close(d);
		return NULL;
	}
	return d;
}

void workspace_remove(const char *path)
{
	char side[4200];
	unlink(path);
	snprintf(side, sizeof side, "%s-wal", path);
	unlink(side);
	snprintf(side, sizeof side, "%s-shm", path);
	unlink(side);
}

db *workspace_start(const char *path)
{
	if (app_init() < 0)
		return NULL;
	db *d = workspace_open(path, false);
	if (!d)
		app_shutdown();
	return d;
}

void workspace_end(db *d)
{
	db_close(d);
	app_shutdown();
}
