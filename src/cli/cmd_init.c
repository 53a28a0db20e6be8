/* cmd_init.c — `tandem init` (a new workspace with its admin) and `tandem migrate`. */
#include <stdio.h>
#include "cli.h"
#include "model/users.h"
#include "platform/migrate.h"

int cmd_init(int argc, char **argv)
{
	struct opt o[] = {{"--db", true, NULL}, {"--admin", true, NULL}, {"--name", true, NULL}};
	const char *pos[1];
	int npos;
	if (cli_parse("init", argc, argv, o, 3, pos, 0, &npos) < 0)
		return 2;
	const char *admin = opt_get(o, 3, "--admin");
	if (!admin) {
		fprintf(stderr, "tandem init: --admin EMAIL is required; see 'tandem help init'\n");
		return 2;
	}
	if (app_init() < 0)
		return 1;
	const char *path = workspace_path(opt_get(o, 3, "--db"));
	db *d = workspace_create(path);
	if (!d)
		return 1;
	char pw[21];
	password_generate(pw);
	struct err e = {0};
	db_begin(d);
	if (users_add(d, admin, opt_get(o, 3, "--name"), "admin", pw, &e) < 0) {
		db_rollback(d);
		fprintf(stderr, "tandem init: %s\n", e.message);
		db_close(d);
		remove(path);
		return 1;
	}
	db_commit(d);
	db_close(d);
	app_shutdown();
	printf("Created workspace %s\nAdmin: %s\nPassword: %s\n(shown once; change it with 'tandem user passwd %s')\n",
	       path, admin, pw, admin);
	return 0;
}

int cmd_migrate(int argc, char **argv)
{
	struct opt o[] = {{"--db", true, NULL}};
	const char *pos[1];
	int npos;
	if (cli_parse("migrate", argc, argv, o, 1, pos, 0, &npos) < 0)
		return 2;
	const char *path = workspace_path(opt_get(o, 1, "--db"));
	int before = 0;
	db *d = workspace_open_from(path, true, true, &before);
	if (!d)
		return 1;
	int now = migrate_current(d);
	db_close(d);
	if (now == before)
		printf("%s: schema at version %d (already current)\n", path, now);
	else
		printf("%s: schema migrated from version %d to %d\n", path, before, now);
	return 0;
}
