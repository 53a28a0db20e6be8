/* cmd_bundle.c — `tandem export json` (the whole workspace as one JSON bundle on stdout) and `tandem import json`
 * (a bundle into a new workspace, or replacing one with --replace --yes). The import is built in a file beside the
 * target and copied over it only once every row is in and every reference holds: a refused bundle writes nothing. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include "cli.h"
#include "model/bundle.h"
#include "platform/migrate.h"

#define IMPORT_JSON_USAGE "usage: tandem import json BUNDLE.json [--replace [--yes]] [--base-url URL] [--db FILE]"

int cmd_export_json(int argc, char **argv)
{
	struct opt o[] = {{"--db", true, NULL}, {"--include-secrets", false, NULL}};
	const char *pos[1];
	int npos;
	if (cli_parse("export", argc, argv, o, COUNT(o), pos, 1, &npos) < 0)
		return 2;
	if (npos) {
		fprintf(stderr, "tandem export json: unexpected argument '%s'; the bundle goes to stdout\n", pos[0]);
		return 2;
	}
	db *d = workspace_start(workspace_path(opt_get(o, COUNT(o), "--db")));
	if (!d)
		return 1;
	int rc = 1;
	char now[21];
	now_rfc3339(now);
	struct err e = {0};
	if (db_begin_read(d) != DB_OK)
		fprintf(stderr, "tandem export: the workspace is busy: %s\n", db_errmsg(d));
	else if (bundle_export(d, stdout, opt_get(o, COUNT(o), "--include-secrets") != NULL, now, &e) < 0)
		fprintf(stderr, "tandem export: %s\n", e.message);
	else
		rc = 0;
	db_rollback(d);
	workspace_end(d);
	return rc;
}

/* The links and secrets made for an import without secrets, told once the workspace is written. */
struct told {
	const char *base;
	int links, secrets;
	buf out;
};

static void tell(const char *what, const char *who, const char *secret, void *arg)
{
	struct told *t = arg;
	char line[600];
	if (!strcmp(what, "invitation")) {
		if (!t->links++)
			buf_raw(&t->out, "Imported without secrets: each person chooses a password with their link (one use, 7 "
			                 "days):\n");
		size_t bl = t->base ? strlen(t->base) : 0;
		snprintf(line, sizeof line, "  %-32s %.*s%s\n", who, (int)(bl && t->base[bl - 1] == '/' ? bl - 1 : bl),
		         t->base ? t->base : "", secret);
	} else {
		if (!t->secrets++)
			buf_raw(&t->out, "Each webhook has a new signing secret (shown this once; give it to its receiver):\n");
		snprintf(line, sizeof line, "  %-32s %s\n", who, secret);
	}
	buf_raw(&t->out, line);
}

/* Does path hold a workspace with people in it? Prints what it holds when it does. */
static bool holds_workspace(const char *path, bool say)
{
	struct stat st;
	if (stat(path, &st) != 0 || st.st_size == 0)
		return false;
	const char *err = NULL;
	db *d = db_open(path, DB_OPEN_EXISTING, &err);
	if (!d)
		return true; /* something that is not a workspace: not ours to overwrite */
	bool held = migrate_current(d) != 0 && (migrate_current(d) < 0 || bundle_rows_held(d) > 0);
	if (held && say)
		fprintf(stderr, "tandem import: %s holds a workspace (%lld people and what they wrote); importing deletes all "
		                "of it and puts the bundle's in its place: add --yes to do so\n",
		        path, bundle_rows_held(d));
	db_close(d);
	return held;
}

/* Build the workspace of the bundle r in the new file tmp; 0, or 1 after a message. */
static int build(struct bundle_reader *r, const struct bundle_header *h, const char *tmp, struct told *t,
                 struct bundle_counts *c)
{
	const char *err = NULL;
	db *d = db_open(tmp, DB_OPEN_CREATE, &err);
	if (!d) {
		fprintf(stderr, "tandem import: %s: %s\n", tmp, err);
		return 1;
	}
	int applied, rc = 1;
	struct err e = {0};
	arena *a = arena_new();
	db_bulk(d, true);
	if (db_scratch(d) != DB_OK)
		fprintf(stderr, "tandem import: %s: %s\n", tmp, db_errmsg(d));
	else if (migrate_to(d, h->schema_version, &applied, &err) < 0)
		fprintf(stderr, "tandem import: a workspace of schema %d could not be made: %s\n", h->schema_version, err);
	else if (db_begin(d) != DB_OK)
		fprintf(stderr, "tandem import: %s\n", db_errmsg(d));
	else if (bundle_load(d, r, c, &e) < 0 || (!h->secrets && bundle_new_secrets(d, a, tell, t, &e) < 0)) {
		db_rollback(d);
		fprintf(stderr, "tandem import: %s; nothing was written\n", e.message);
	} else if (db_commit(d) != DB_OK) {
		fprintf(stderr, "tandem import: the workspace could not be written: %s\n", db_errmsg(d));
		db_rollback(d);
	} else if (migrate_up(d, &applied, &err) < 0)
		fprintf(stderr, "tandem import: the bundle's schema %d could not be brought up to %d: %s\n",
		        h->schema_version, migrate_latest(), err);
	else
		rc = 0;
	db_bulk(d, false);
	arena_free(a);
	db_close(d);
	return rc;
}

int cmd_import_json(int argc, char **argv)
{
	struct opt o[] = {{"--db", true, NULL},
	                  {"--replace", false, NULL},
	                  {"--yes", false, NULL},
	                  {"--base-url", true, NULL}};
	const char *pos[2];
	int npos;
	if (cli_parse("import", argc, argv, o, COUNT(o), pos, 2, &npos) < 0)
		return 2;
	if (npos != 2) {
		fprintf(stderr, "tandem import: which bundle?\n" IMPORT_JSON_USAGE "\n");
		return 2;
	}
	const char *path = pos[1], *target = workspace_path(opt_get(o, COUNT(o), "--db"));
	bool replace = opt_get(o, COUNT(o), "--replace") != NULL;
	if (holds_workspace(target, false)) {
		if (!replace) {
			fprintf(stderr, "tandem import: %s already holds a workspace; import into a new file (--db NEW.db), or "
			                "--replace it\n", target);
			return 1;
		}
		if (!opt_get(o, COUNT(o), "--yes")) {
			holds_workspace(target, true);
			return 1;
		}
	}
	FILE *f = strcmp(path, "-") ? fopen(path, "rb") : stdin;
	if (!f) {
		fprintf(stderr, "tandem import: cannot read %s: %s\n", path, strerror(errno));
		return 1;
	}
	if (app_init() < 0)
		return 1;
	struct err e = {0};
	struct bundle_header h;
	int rc = 1;
	struct bundle_reader *r = bundle_open(f, path, migrate_latest(), &h, &e);
	if (!r)
		fprintf(stderr, "tandem import: %s\n", e.message);
	else {
		char tmp[4200];
		snprintf(tmp, sizeof tmp, "%s.import-%ld", target, (long)getpid());
		workspace_remove(tmp);
		struct bundle_counts c;
		struct told t = {.base = opt_get(o, COUNT(o), "--base-url")};
		buf_init(&t.out);
		if (build(r, &h, tmp, &t, &c) == 0) {
			const char *err = NULL;
			/* a new file: the built one takes its name; a workspace there: replaced in one transaction */
			bool fresh = access(target, F_OK) != 0;
			db *built = fresh ? NULL : db_open(tmp, DB_OPEN_EXISTING, &err);
			if (fresh ? rename(tmp, target) != 0 : (!built || db_copy_to(built, target, &err) < 0))
				fprintf(stderr, "tandem import: %s could not be written: %s\n", target,
				        fresh ? strerror(errno) : err ? err : "?");
			else {
				printf("Imported %s into %s: %lld rows in %d tables, %lld people (bundle of %s, schema %d%s)\n", path,
				       target, c.rows, c.tables, c.users, h.exported_at[0] ? h.exported_at : "an unknown time",
				       h.schema_version, h.schema_version < migrate_latest() ? ", migrated to this binary's" : "");
				fputs(buf_str(&t.out), stdout);
				rc = 0;
			}
			db_close(built);
		}
		workspace_remove(tmp);
		buf_free(&t.out);
	}
	bundle_close(r);
	if (f != stdin)
		fclose(f);
	app_shutdown();
	return rc;
}
