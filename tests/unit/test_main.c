/* test_main.c — runs every registered TEST (optionally those whose name contains argv[1]) and the shared fixtures. */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include "cli/cli.h"
#include "harness.h"
#include "platform/migrate.h"

static struct harness_test *tests;
static int current_failed;
static char tmpdir[128];

void harness_register(struct harness_test *t)
{
	t->next = tests;
	tests = t;
}

void harness_fail(const char *file, int line, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	printf("%s:%d: FAILED ", file, line);
	vprintf(fmt, ap);
	putchar('\n');
	va_end(ap);
	current_failed++;
}

db *t_db(void)
{
	const char *err = NULL;
	db *d = db_open(":memory:", DB_OPEN_CREATE, &err);
	int applied = 0;
	if (!d || migrate_up(d, &applied, &err) < 0) {
		fprintf(stderr, "fixture: cannot make a workspace: %s\n", err ? err : "?");
		abort();
	}
	return d;
}

long long t_user(db *d, const char *email, const char *role)
{
	if (db_run(d, "INSERT INTO users(email, name, role, pw_hash, created_at, updated_at) VALUES (?, ?, ?, 'x', "
	              "'2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z')",
	           "ttt", email, email, role) != DB_OK)
		abort();
	return db_last_id(d);
}

void t_tmp(char *out, size_t n, const char *name)
{
	if (!*tmpdir) {
		snprintf(tmpdir, sizeof tmpdir, "/tmp/tandem-tests-unit-%d", (int)getpid());
		mkdir(tmpdir, 0700);
	}
	snprintf(out, n, "%s/%s", tmpdir, name);
}

/* Sort by file, then name, so the order is the same on every run. */
static int cmp(const void *a, const void *b)
{
	const struct harness_test *x = *(struct harness_test *const *)a, *y = *(struct harness_test *const *)b;
	int c = strcmp(x->file, y->file);
	return c ? c : strcmp(x->name, y->name);
}

int main(int argc, char **argv)
{
	const char *only = argc > 1 ? argv[1] : NULL;
	if (app_init() < 0)
		return 2;
	int n = 0;
	for (struct harness_test *t = tests; t; t = t->next)
		n++;
	struct harness_test **all = malloc(sizeof *all * (size_t)(n ? n : 1));
	int i = 0;
	for (struct harness_test *t = tests; t; t = t->next)
		all[i++] = t;
	qsort(all, (size_t)n, sizeof *all, cmp);
	int passed = 0, failed = 0;
	for (i = 0; i < n; i++) {
		if (only && !strstr(all[i]->name, only))
			continue;
		current_failed = 0;
		all[i]->fn();
		if (current_failed) {
			failed++;
			printf("FAIL %s (%s)\n", all[i]->name, all[i]->file);
		} else {
			passed++;
			printf("ok   %s\n", all[i]->name);
		}
		fflush(stdout);
	}
	free(all);
	app_shutdown();
	if (*tmpdir) {
		char cmd[200];
		snprintf(cmd, sizeof cmd, "rm -rf '%s'", tmpdir);
		if (system(cmd) != 0)
			fprintf(stderr, "could not remove %s\n", tmpdir);
	}
	printf("%d passed, %d failed\n", passed, failed);
	return failed ? 1 : 0;
}
