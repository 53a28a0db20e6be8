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

/* Create or change the capacity of period through the engine (checked, versioned, audited as the API does): the
 * teams given change, the others keep their value (0 when new). 0, or -1 after a message. */
static int capacity_set(db *d, const char *period, const bool given[PLAN_TEAM__MAX], const double v[PLAN_TEAM__MAX])
{
	json_t *in = json_object();
	for (int t = 0; t < PLAN_TEAM__MAX; t++)
		if (given[t])
			json_object_set_new(in, teams[t], json_real(v[t]));
	struct err e = {0};
	long long id = capacity_id(d, period);
	int rc;
	if (id) {
		json_t *old = entity_get(d, &capacity_entity, id);
		rc = entity_update(d, &capacity_entity, 0, id, in, json_integer_value(json_object_get(old, "version")), &e);
		json_decref(old);
	} else {
		json_object_set_new(in, "period", json_string(period));
		rc = entity_create(d, &capacity_entity, 0, in, &e) < 0 ? -1 : 0;
		id = capacity_id(d, period);
	}
	json_decref(in);
	if (rc < 0) {
		fprintf(stderr, "tandem capacity: %s\n", e.message);
		return -1;
	}
	json_t *now = entity_get(d, &capacity_entity, id);
	printf("%s: eng %g, design %g, mkt %g person-weeks\n", period, json_number_value(json_object_get(now, "eng")),
	       json_number_value(json_object_get(now, "design")), json_number_value(json_object_get(now, "mkt")));
	json_decref(now);
	return 0;
}

static int capacity_list(db *d, bool json)
{
	json_t *items;
	struct err e = {0};
	arena *a = arena_new();
	int rc = entity_list_all(d, &capacity_entity, NULL, a, &items, &e);
	arena_free(a);
	if (rc < 0) {
		fprintf(stderr, "tandem capacity: %s\n", e.message);
		return -1;
	}
	size_t i;
	json_t *c;
	if (json) {
		json_array_foreach(items, i, c) /* the list as it always was: id, period, the teams, version */
		{
			json_object_del(c, "created_at");
			json_object_del(c, "updated_at");
		}
		char *text = json_dumps(items, JSON_INDENT(2));
		printf("%s\n", text);
		free(text);
	} else {
		printf("%-8s %8s %8s %8s\n", "period", "eng", "design", "mkt");
		json_array_foreach(items, i, c) printf("%-8s %8g %8g %8g\n", json_string_value(json_object_get(c, "period")),
		                                       json_number_value(json_object_get(c, "eng")),
		                                       json_number_value(json_object_get(c, "design")),
		                                       json_number_value(json_object_get(c, "mkt")));
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
