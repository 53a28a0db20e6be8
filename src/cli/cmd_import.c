/* cmd_import.c — `tandem import insights CSV`: a streamed import with a progress bar and a summary. */
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>
#include "cli.h"
#include "domain/import.h"
#include "platform/util.h"

struct progress {
	unsigned long long size; /* 0 when unknown (a pipe) */
	struct timespec last;
	bool shown;
};

/* A bar on stderr, at most ten times a second. */
static void show_progress(void *ctx, unsigned long long bytes, long rows)
{
	struct progress *p = ctx;
	struct timespec now;
	clock_gettime(CLOCK_MONOTONIC, &now);
	long ms = (now.tv_sec - p->last.tv_sec) * 1000 + (now.tv_nsec - p->last.tv_nsec) / 1000000;
	if (p->shown && ms < 100 && (!p->size || bytes < p->size))
		return;
	p->last = now;
	p->shown = true;
	if (p->size) {
		int pct = (int)(bytes * 100 / p->size), fill = pct * 30 / 100;
		char bar[31];
		memset(bar, '#', (size_t)fill);
		memset(bar + fill, '.', (size_t)(30 - fill));
		bar[30] = 0;
		fprintf(stderr, "\r[%s] %3d%%  %ld rows", bar, pct, rows);
	} else {
		fprintf(stderr, "\r%llu MB read, %ld rows", bytes >> 20, rows);
	}
	fflush(stderr);
}

int cmd_import(int argc, char **argv)
{
	if (argc > 1 && !strcmp(argv[1], "json"))
		return cmd_import_json(argc, argv);
	struct opt o[] = {{"--db", true, NULL},     {"--format", true, NULL},          {"--map", true, NULL},
	                  {"--source", true, NULL}, {"--all-or-nothing", false, NULL}, {"--quiet", false, NULL}};
	const int no = (int)COUNT(o);
	const char *pos[2];
	int npos;
	if (cli_parse("import", argc, argv, o, no, pos, 2, &npos) < 0)
		return 2;
	if (npos != 2 || strcmp(pos[0], "insights") != 0) {
		fprintf(stderr, "tandem import: usage: tandem import insights FILE.csv [--format F] [--map \"Column=field,...\"]; "
		                "see 'tandem help import'\n");
		return 2;
	}
	const char *path = pos[1];
	FILE *f = strcmp(path, "-") ? fopen(path, "rb") : stdin;
	if (!f) {
		fprintf(stderr, "tandem import: cannot read %s: %s\n", path, strerror(errno));
		return 2;
	}
	struct progress prog = {0};
	struct stat st;
	if (fstat(fileno(f), &st) == 0 && S_ISREG(st.st_mode))
		prog.size = (unsigned long long)st.st_size;
	if (app_init() < 0) {
		if (f != stdin)
			fclose(f);
		return 2;
	}
	db *d = workspace_open(workspace_path(opt_get(o, no, "--db")), false);
	if (!d) {
		if (f != stdin)
			fclose(f);
		app_shutdown();
		return 2;
	}
	bool bar = isatty(STDERR_FILENO) && !opt_get(o, no, "--quiet");
	struct import_options io = {
		.format = opt_get(o, no, "--format"),
		.map = opt_get(o, no, "--map"),
		.source = opt_get(o, no, "--source"),
		.all_or_nothing = opt_get(o, no, "--all-or-nothing") != NULL,
		.progress = bar ? show_progress : NULL,
		.progress_ctx = &prog,
	};
	struct import_result r;
	int rc = 0;
	if (db_begin(d) != DB_OK) {
		fprintf(stderr, "tandem import: the workspace is busy; try again\n");
		rc = 2;
		goto out;
	}
	int ok = import_file(d, &io, f, &r);
	if (bar && prog.shown)
		fputc('\n', stderr);
	if (ok < 0) {
		db_rollback(d);
		fprintf(stderr, "tandem import: %s\n", r.message);
		rc = 2;
	} else if (db_commit(d) != DB_OK) {
		db_rollback(d);
		fprintf(stderr, "tandem import: the import could not be saved (disk full or read-only?)\n");
		rc = 2;
	} else {
		for (int i = 0; i < r.nerrors; i++)
			fprintf(stderr, "%s:%ld: %s\n", path, r.errors[i].line, r.errors[i].message);
		if (r.more_errors)
			fprintf(stderr, "%s: ... and %ld more malformed rows\n", path, r.more_errors);
		printf("%s: %ld rows (%s): %ld imported, %ld unchanged, %ld skipped, %ld malformed%s\n", path, r.rows,
		       r.format, r.imported, r.unchanged, r.skipped, r.nerrors + r.more_errors,
		       r.rolled_back ? "; nothing was imported (--all-or-nothing)" : "");
		rc = r.nerrors || r.more_errors ? 1 : 0;
	}
	import_result_free(&r);
out:
	if (f != stdin)
		fclose(f);
	db_close(d);
	app_shutdown();
	return rc;
}
