/* cli.h — the command table, option parsing and opening the workspace for commands. */
#ifndef TANDEM_CLI_H
#define TANDEM_CLI_H
#include <stdbool.h>
#include "platform/db.h"
#include "server/server.h"

struct command {
	const char *name;
	int (*run)(int argc, char **argv); /* argv[0] is the command name; returns the exit code */
	const char *usage;
	const char *help;
};
extern const struct command commands[];
extern const int commands_count;

/* Options: specs like {"--db", true} (takes a value) or {"--json", false}. */
struct opt {
	const char *name;
	bool has_value;
	const char *value; /* filled: the value, or "" for a present flag; NULL when absent */
};
/* Parse argv[1..]; positional arguments go to pos (at most maxpos). Prints a hint and
 * returns -1 on an unknown option, a missing value or too many arguments. */
int cli_parse(const char *cmd, int argc, char **argv, struct opt *opts, int nopts, const char **pos, int maxpos,
              int *npos);
const char *opt_get(struct opt *opts, int nopts, const char *name);

/* The workspace path: --db, else $TANDEM_DB, else ./tandem.db. */
const char *workspace_path(const char *db_opt);
/* Open an existing workspace; migrate it when migrate is true, else refuse an outdated one.
 * Prints a clear message and returns NULL on any failure. */
db *workspace_open(const char *path, bool migrate);
/* The same after checking every page of the file (PRAGMA quick_check): for check, migrate, serve, demo. */
db *workspace_open_checked(const char *path, bool migrate);
/* Either, telling the schema version the file had before any migration into *from (NULL: not wanted). */
db *workspace_open_from(const char *path, bool migrate, bool verify, int *from);
/* Create (or open empty) and migrate a new workspace; NULL when it already holds data. */
db *workspace_create(const char *path);
/* A one-shot command's start: the program's (app_init), then the workspace at path; NULL after a message, the
 * program ended again. workspace_end closes the workspace and ends the program. */
db *workspace_start(const char *path);
void workspace_end(db *d);
/* Remove a workspace file and what the database keeps beside it (a scratch copy made on the way). */
void workspace_remove(const char *path);

int cmd_init(int argc, char **argv);
int cmd_migrate(int argc, char **argv);
int cmd_serve(int argc, char **argv);
int cmd_demo(int argc, char **argv);
int cmd_http(int argc, char **argv);
int cmd_user(int argc, char **argv);
int cmd_token(int argc, char **argv);
int cmd_check(int argc, char **argv);
int cmd_plan(int argc, char **argv);
int cmd_capacity(int argc, char **argv);
int cmd_import(int argc, char **argv);
int cmd_list(int argc, char **argv);
int cmd_show(int argc, char **argv);
int cmd_add(int argc, char **argv);
int cmd_edit(int argc, char **argv);
int cmd_delete(int argc, char **argv);
int cmd_export(int argc, char **argv);
int cmd_brief(int argc, char **argv);
int cmd_digest(int argc, char **argv);
int cmd_backup(int argc, char **argv);
int cmd_restore(int argc, char **argv);
int cmd_export_json(int argc, char **argv); /* export json */
int cmd_import_json(int argc, char **argv); /* import json */
int cmd_prfaq(int argc, char **argv);
int cmd_notes(int argc, char **argv);
int cmd_deck(int argc, char **argv);
int cmd_battlecard(int argc, char **argv);
int cmd_launches(int argc, char **argv);
int cmd_help(int argc, char **argv);
#endif
