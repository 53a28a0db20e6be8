/* cmd_export.c — `tandem export ics`: the launch calendar (iCalendar) on stdout; `export json` is cmd_bundle.c's. */
#include <stdio.h>
#include <string.h>
#include "cli.h"
#include "domain/ics.h"

#define EXPORT_USAGE "usage: tandem export ics [--base-url URL] [--db FILE] | tandem export json [--include-secrets] [--db FILE]"
#define EXPORT_FORMATS "ics (the launch calendar), json (the whole workspace as a bundle)"

/* The calendar of the workspace at path, with links under base, its strings in a; 0, or 1 after a message. */
static int export_ics(const char *path, const char *base, arena *a)
{
	db *d = workspace_open(path, false);
	if (!d)
		return 1;
	buf out;
	buf_init(&out);
	struct err err = {0};
	int rc = 1;
	/* a write transaction: the workspace's calendar id is made on the first export */
	if (db_begin(d) != DB_OK)
		fprintf(stderr, "tandem export: the workspace is busy: %s\n", db_errmsg(d));
	else if (ics_calendar(d, a, base, &out, &err) < 0 || db_commit(d) != DB_OK)
		fprintf(stderr, "tandem export: the calendar could not be made: %s\n", err.status ? err.message : db_errmsg(d));
	else if (fwrite(out.p, 1, out.len, stdout) != out.len || fflush(stdout) != 0)
		fprintf(stderr, "tandem export: could not write the calendar to stdout\n");
	else
		rc = 0;
	db_rollback(d);
	buf_free(&out);
	db_close(d);
	return rc;
}

int cmd_export(int argc, char **argv)
{
	if (argc > 1 && !strcmp(argv[1], "json"))
		return cmd_export_json(argc - 1, argv + 1);
	struct opt o[] = {{"--db", true, NULL}, {"--base-url", true, NULL}};
	const char *pos[1];
	int npos;
	if (cli_parse("export", argc, argv, o, COUNT(o), pos, 1, &npos) < 0)
		return 2;
	if (npos == 0) {
		fprintf(stderr, "tandem export: which format? The formats: " EXPORT_FORMATS "\n" EXPORT_USAGE "\n");
		return 2;
	}
	if (strcmp(pos[0], "ics")) {
		fprintf(stderr, "tandem export: unknown format '%s'; the formats: " EXPORT_FORMATS "\n" EXPORT_USAGE "\n",
		        pos[0]);
		return 2;
	}
	arena *a = arena_new();
	const char *given = opt_get(o, COUNT(o), "--base-url");
	const char *base = ics_base_url_clean(a, given ? given : ICS_DEFAULT_BASE_URL);
	int rc = 2;
	if (!base)
		fprintf(stderr, "tandem export: --base-url must be http:// or https:// then a host (and an optional path), "
		                "e.g. https://tandem.example.com\n");
	else if (app_init() == 0) {
		rc = export_ics(workspace_path(opt_get(o, COUNT(o), "--db")), base, a);
		app_shutdown();
	} else
		rc = 1;
	arena_free(a);
	return rc;
}
