/* cmd_capacity.c — `tandem capacity set|list`: person-weeks per team for a planning period. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "cli.h"
#include "domain/plan.h"
#include "model/entity.h"
#include "model/features.h"

static const char *const teams[PLAN_TEAM__MAX] = {"eng", "design", "mkt"};
#define CAPACITY_MAX 100000.0 /* person-weeks, as the capacity kind allows */

/* Insert or change the row for period: the teams given change, the others keep their value (0 when new).
 * Bumps the version and writes an audit row like the API. 0, or -1 after a message. */
static int capacity_set(db *d, const char *period, const bool given[PLAN_TEAM__MAX], const double v[PLAN_TEAM__MAX])
{
	char now[21];
	now_rfc3339(now);
	double old[PLAN_TEAM__MAX] = {0};
	long long id = 0;
	db_stmt *s = db_q(d, "SELECT id, eng, design, mkt FROM capacity WHERE period = ?", "t", period);
	if (!s)
		return -1;
	if (db_step(s) == DB_ROW) {
		id = db_col_int(s, 0);
		for (int t = 0; t < PLAN_TEAM__MAX; t++)
			old[t] = db_col_double(s, 1 + t);
	}
	db_done(s);
	double nv[PLAN_TEAM__MAX];
	for (int t = 0; t < PLAN_TEAM__MAX; t++)
		nv[t] = given[t] ? v[t] : old[t];
	json_t *changes = json_object();
	int rc;
	if (!id) {
		rc = db_run(d, "INSERT INTO capacity(period, eng, design, mkt, created_at, updated_at, version) "
		               "VALUES (?, ?, ?, ?, ?, ?, 1)", "tdddtt", period, nv[0], nv[1], nv[2], now, now);
		id = db_last_id(d);
		json_object_set_new(changes, "period", json_string(period));
		for (int t = 0; t < PLAN_TEAM__MAX; t++)
			json_object_set_new(changes, teams[t], json_real(nv[t]));
	} else {
		for (int t = 0; t < PLAN_TEAM__MAX; t++)
			if (nv[t] != old[t])
				json_object_set_new(changes, teams[t], json_pack("{sfsf}", "from", old[t], "to", nv[t]));
		rc = json_object_size(changes) == 0 ? DB_OK
		     : db_run(d, "UPDATE capacity SET eng = ?, design = ?, mkt = ?, updated_at = ?, version = version + 1 "
		                 "WHERE id = ?", "dddti", nv[0], nv[1], nv[2], now, id);
	}
	if (rc == DB_OK && json_object_size(changes) > 0)
		rc = audit_write(d, 0, "capacity", id, json_object_get(changes, "period") ? "created" : "updated", changes) < 0
		         ? DB_ERR : DB_OK;
	json_decref(changes);
	if (rc != DB_OK) {
		fprintf(stderr, "tandem capacity: the capacity could not be saved: %s\n", db_errmsg(d));
		return -1;
	}
	printf("%s: eng %g, design %g, mkt %g person-weeks\n", period, nv[0], nv[1], nv[2]);
	return 0;
}

static int capacity_list(db *d, bool json)
{
	db_stmt *s = db_q(d, "SELECT id, period, eng, design, mkt, version FROM capacity ORDER BY period", "");
	if (!s)
		return -1;
	json_t *items = json_array();
	if (!json)
		printf("%-8s %8s %8s %8s\n", "period", "eng", "design", "mkt");
	while (db_step(s) == DB_ROW) {
		if (json)
			json_array_append_new(items, json_pack("{sIsssfsfsfsI}", "id", (json_int_t)db_col_int(s, 0), "period",
			                                       db_col_text(s, 1), "eng", db_col_double(s, 2), "design",
			                                       db_col_double(s, 3), "mkt", db_col_double(s, 4), "version",
			                                       (json_int_t)db_col_int(s, 5)));
		else
			printf("%-8s %8g %8g %8g\n", db_col_text(s, 1), db_col_double(s, 2), db_col_double(s, 3),
			       db_col_double(s, 4));
	}
	db_done(s);
	if (json) {
		char *text = json_dumps(items, JSON_INDENT(2));
		printf("%s\n", text);
		free(text);
	}
	json_decref(items);
	return 0;
}

int cmd_capacity(int argc, char **argv)
{
	struct opt o[] = {{"--db", true, NULL},  {"--period", true, NULL}, {"--eng", true, NULL},
	                  {"--design", true, NULL}, {"--mkt", true, NULL}, {"--format", true, NULL}};
	const int no = (int)COUNT(o);
	const char *pos[1];
	int npos;
	if (cli_parse("capacity", argc, argv, o, no, pos, 1, &npos) < 0)
		return 2;
	bool set = npos == 1 && !strcmp(pos[0], "set"), list = npos == 1 && !strcmp(pos[0], "list");
	if (!set && !list) {
		fprintf(stderr, "tandem capacity: say set or list; see 'tandem help capacity'\n");
		return 2;
	}
	const char *format = opt_get(o, no, "--format") ? opt_get(o, no, "--format") : "text";
	if (strcmp(format, "text") && strcmp(format, "json")) {
		fprintf(stderr, "tandem capacity: --format must be text or json\n");
		return 2;
	}
	const char *period = opt_get(o, no, "--period");
	bool given[PLAN_TEAM__MAX] = {0}, any = false;
	double v[PLAN_TEAM__MAX] = {0};
	if (set) {
		if (!period || !valid_period(period)) {
			fprintf(stderr, "tandem capacity: --period is required: a quarter (2027-Q1), a half year (2027-H1) or "
			                "a month (2027-03)\n");
			return 2;
		}
		for (int t = 0; t < PLAN_TEAM__MAX; t++) {
			char name[16];
			snprintf(name, sizeof name, "--%s", teams[t]);
			const char *x = opt_get(o, no, name);
			if (!x)
				continue;
			if (!parse_double(x, &v[t]) || v[t] < 0 || v[t] > CAPACITY_MAX) {
				fprintf(stderr, "tandem capacity: %s takes person-weeks from 0 to %.0f\n", name, CAPACITY_MAX);
				return 2;
			}
			given[t] = any = true;
		}
		if (!any) {
			fprintf(stderr, "tandem capacity: give at least one of --eng, --design, --mkt\n");
			return 2;
		}
	}
	if (app_init() < 0)
		return 1;
	db *d = workspace_open(workspace_path(opt_get(o, no, "--db")), false);
	if (!d) {
		app_shutdown();
		return 1;
	}
	int rc;
	if (set) {
		rc = db_begin(d) == DB_OK ? capacity_set(d, period, given, v) : -1;
		if (rc == 0 && db_commit(d) != DB_OK)
			rc = -1;
		if (rc < 0)
			db_rollback(d);
	} else {
		db_begin_read(d);
		rc = capacity_list(d, !strcmp(format, "json"));
		db_rollback(d);
	}
	db_close(d);
	app_shutdown();
	return rc < 0 ? 1 : 0;
}
