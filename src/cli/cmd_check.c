/* cmd_check.c — `tandem check`: the alignment report in the terminal, with an exit code for CI. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "cli.h"
#include "domain/align.h"

int cmd_check(int argc, char **argv)
{
	struct opt o[] = {{"--db", true, NULL}, {"--format", true, NULL}, {"--fail-on", true, NULL}};
	const char *pos[1];
	int npos;
	if (cli_parse("check", argc, argv, o, 3, pos, 0, &npos) < 0)
		return 2;
	const char *format = opt_get(o, 3, "--format") ? opt_get(o, 3, "--format") : "text";
	if (strcmp(format, "text") && strcmp(format, "json")) {
		fprintf(stderr, "tandem check: --format must be text or json\n");
		return 2;
	}
	const char *fail_on = opt_get(o, 3, "--fail-on") ? opt_get(o, 3, "--fail-on") : "error";
	int level = severity_parse(fail_on);
	if (level != SEV_WARNING && level != SEV_ERROR) {
		fprintf(stderr, "tandem check: --fail-on must be warning or error\n");
		return 2;
	}
	if (app_init() < 0)
		return 1;
	db *d = workspace_open_checked(workspace_path(opt_get(o, 3, "--db")), false);
	if (!d)
		return 2; /* 1 means findings; a workspace that cannot be read is another failure */
	arena *a = arena_new();
	char today[11];
	today_ymd(today);
	struct align_report r;
	/* today's point of the health history, when the workspace can be written (else the report stands alone) */
	bool write = db_begin(d) == DB_OK;
	if (!write)
		db_begin_read(d);
	align_run(d, a, today, &r);
	if (write && align_history_record(d, &r) == 0)
		db_commit(d);
	else
		db_rollback(d);
	int worst = 0;
	for (int i = 0; i < r.n; i++)
		if ((int)r.items[i].severity >= level)
			worst = 1;
	if (!strcmp(format, "json")) {
		json_t *j = align_json(&r);
		char *text = json_dumps(j, JSON_INDENT(2));
		printf("%s\n", text);
		free(text);
		json_decref(j);
	} else {
		printf("Alignment health: %d/100, %d finding%s\n", align_score(&r), r.n, r.n == 1 ? "" : "s");
		for (int i = 0; i < r.n; i++) {
			const struct finding *f = &r.items[i];
			printf("%-7s %s %s#%lld: %s\n        hint: %s\n", severity_name(f->severity), f->rule, f->kind, f->id,
			       f->message, f->hint);
		}
	}
	arena_free(a);
	db_close(d);
	app_shutdown();
	return worst;
}
