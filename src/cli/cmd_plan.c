/* cmd_plan.c — `tandem plan` (the optimal plan in the terminal or as JSON) and `tandem capacity` (set, list). */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "cli.h"
#include "domain/plan_db.h"
#include "model/entity.h"
#include "model/features.h"

static const char *const teams[PLAN_TEAM__MAX] = {"eng", "design", "mkt"};

/* "12,14" into a JSON array of ids; NULL (after a message) when an item is not a positive whole number. */
static json_t *id_list(const char *opt, const char *s)
{
	json_t *a = json_array();
	const char *p = s;
	while (*p) {
		const char *end = strchr(p, ',');
		size_t n = end ? (size_t)(end - p) : strlen(p);
		char item[32];
		long long id;
		if (*p == '#')
			p++, n--;
		snprintf(item, sizeof item, "%.*s", (int)(n < sizeof item ? n : sizeof item - 1), p);
		if (n == 0 || n >= sizeof item || !parse_ll(item, &id) || id <= 0) {
			fprintf(stderr, "tandem plan: %s takes feature ids separated by commas, e.g. 12,14\n", opt);
			json_decref(a);
			return NULL;
		}
		json_array_append_new(a, json_integer(id));
		p += n;
		if (*p == ',')
			p++;
	}
	return a;
}

/* "eng=40,design=8,mkt=6" into {"eng": 40, ...}; NULL (after a message) when malformed. */
static json_t *capacity_arg(const char *s)
{
	json_t *o = json_object();
	const char *p = s;
	while (*p) {
		const char *end = strchr(p, ','), *eq = strchr(p, '=');
		size_t n = end ? (size_t)(end - p) : strlen(p);
		int t = 0;
		double v;
		char num[40];
		if (eq && (!end || eq < end)) {
			while (t < PLAN_TEAM__MAX && (strlen(teams[t]) != (size_t)(eq - p) || strncmp(p, teams[t], (size_t)(eq - p))))
				t++;
			size_t nn = n - (size_t)(eq - p) - 1;
			snprintf(num, sizeof num, "%.*s", (int)(nn < sizeof num ? nn : sizeof num - 1), eq + 1);
			if (t < PLAN_TEAM__MAX && nn < sizeof num && parse_double(num, &v)) {
				json_object_set_new(o, teams[t], json_real(v));
				p += n + (end ? 1 : 0);
				continue;
			}
		}
		fprintf(stderr, "tandem plan: --capacity takes team=person-weeks pairs, e.g. eng=40,design=8,mkt=6\n");
		json_decref(o);
		return NULL;
	}
	return o;
}

/* Up to max code points of UTF-8 s, padded with spaces to max (an ellipsis marks a cut). */
static void print_cell(const char *s, int max)
{
	int cps = 0;
	const char *p = s;
	while (*p && cps < max) {
		const char *q = p + 1;
		while ((*q & 0xC0) == 0x80)
			q++;
		if (cps == max - 1 && *q) {
			fputs("…", stdout);
			cps++;
			p = q;
			break;
		}
		fwrite(p, 1, (size_t)(q - p), stdout);
		cps++;
		p = q;
	}
	printf("%*s", max - cps, "");
}

static double team(json_t *o, int t) { return json_number_value(json_object_get(o, teams[t])); }

static void print_text(json_t *ans)
{
	json_t *used = json_object_get(ans, "used"), *cap = json_object_get(ans, "capacity");
	json_t *items = json_object_get(ans, "items"), *cut = json_object_get(ans, "cut");
	bool optimal = json_is_true(json_object_get(ans, "optimal"));
	printf("Plan for %s: optimal: %s\n", json_string_value(json_object_get(ans, "period")),
	       optimal ? "proven" : "not proven");
	if (!optimal)
		printf("  (%s)\n", json_string_value(json_object_get(ans, "message")));
	printf("Value %.2f from %zu of %zu candidates; top 3 hold %.0f%%, top 5 hold %.0f%% of it\n\n",
	       json_number_value(json_object_get(ans, "value")), json_array_size(items),
	       json_array_size(items) + json_array_size(cut), 100 * json_number_value(json_object_get(ans, "top3_share")),
	       100 * json_number_value(json_object_get(ans, "top5_share")));
	printf("Chosen%*s   value     eng  design     mkt\n", 40 - 6, "");
	size_t i;
	json_t *x;
	json_array_foreach(items, i, x)
	{
		json_t *ef = json_object_get(x, "effort");
		char id[24];
		snprintf(id, sizeof id, "#%lld ", (long long)json_integer_value(json_object_get(x, "id")));
		printf("  %s", id);
		print_cell(json_string_value(json_object_get(x, "title")), 38 - (int)strlen(id));
		printf(" %7.2f %7.1f %7.1f %7.1f\n", json_number_value(json_object_get(x, "value")), team(ef, 0), team(ef, 1),
		       team(ef, 2));
	}
	if (json_array_size(items) == 0)
		printf("  (nothing)\n");
	printf("\nCapacity (person-weeks)\n");
	for (int t = 0; t < PLAN_TEAM__MAX; t++) {
		double u = team(used, t), c = team(cap, t);
		int fill = c > 0 ? (int)lround(fmin(1.0, u / c) * 30) : 0;
		printf("  %-7s [", teams[t]);
		for (int k = 0; k < 30; k++)
			fputs(k < fill ? "#" : ".", stdout);
		printf("] %6.1f of %6.1f\n", u, c);
	}
	if (json_array_size(cut) > 0)
		printf("\nCut\n");
	json_array_foreach(cut, i, x)
	{
		char id[24];
		snprintf(id, sizeof id, "#%lld ", (long long)json_integer_value(json_object_get(x, "id")));
		printf("  %s", id);
		print_cell(json_string_value(json_object_get(x, "title")), 38 - (int)strlen(id));
		printf(" %s\n", json_string_value(json_object_get(x, "reason")));
	}
}

int cmd_plan(int argc, char **argv)
{
	struct opt o[] = {{"--db", true, NULL},      {"--period", true, NULL},     {"--capacity", true, NULL},
	                  {"--must", true, NULL},    {"--exclude", true, NULL},    {"--candidates", true, NULL},
	                  {"--format", true, NULL},  {"--time-limit", true, NULL}};
	const int no = (int)COUNT(o);
	const char *pos[1];
	int npos;
	if (cli_parse("plan", argc, argv, o, no, pos, 0, &npos) < 0)
		return 2;
	const char *format = opt_get(o, no, "--format") ? opt_get(o, no, "--format") : "text";
	if (strcmp(format, "text") && strcmp(format, "json")) {
		fprintf(stderr, "tandem plan: --format must be text or json\n");
		return 2;
	}
	const char *period = opt_get(o, no, "--period");
	if (!period || !valid_period(period)) {
		fprintf(stderr, "tandem plan: --period is required: a quarter (2027-Q1), a half year (2027-H1) or a month (2027-03)\n");
		return 2;
	}
	double limit = 0;
	if (opt_get(o, no, "--time-limit") &&
	    (!parse_double(opt_get(o, no, "--time-limit"), &limit) || limit <= 0 || limit > 3600)) {
		fprintf(stderr, "tandem plan: --time-limit takes seconds, more than 0 and at most 3600\n");
		return 2;
	}
	json_t *body = json_pack("{ss}", "period", period);
	static const char *const lists[] = {"must", "exclude", "candidates"};
	for (size_t i = 0; i < COUNT(lists); i++) {
		char name[24];
		snprintf(name, sizeof name, "--%s", lists[i]);
		const char *v = opt_get(o, no, name);
		json_t *a = v ? id_list(name, v) : NULL;
		if (v && !a) {
			json_decref(body);
			return 2;
		}
		if (a)
			json_object_set_new(body, lists[i], a);
	}
	if (opt_get(o, no, "--capacity")) {
		json_t *c = capacity_arg(opt_get(o, no, "--capacity"));
		if (!c) {
			json_decref(body);
			return 2;
		}
		json_object_set_new(body, "capacity", c);
	}
	struct plan_req r;
	struct err e = {0};
	int rc = plan_req_parse(body, &r, &e);
	json_decref(body);
	if (rc < 0) {
		fprintf(stderr, "tandem plan: %s\n", e.message);
		plan_req_free(&r);
		return 2;
	}
	r.time_limit = limit;
	if (app_init() < 0) {
		plan_req_free(&r);
		return 1;
	}
	db *d = workspace_open(workspace_path(opt_get(o, no, "--db")), false);
	if (!d) {
		plan_req_free(&r);
		app_shutdown();
		return 1;
	}
	db_begin_read(d);
	json_t *ans = plan_compute(d, &r, &e);
	db_rollback(d);
	plan_req_free(&r);
	if (!ans) {
		fprintf(stderr, "tandem plan: %s%s\n", e.status == 422 ? "infeasible: " : "", e.message);
		if (!strcmp(format, "json")) {
			json_t *err = json_pack("{s{ssss}}", "error", "code", e.code, "message", e.message);
			if (*e.field)
				json_object_set_new(json_object_get(err, "error"), "field", json_string(e.field));
			char *text = json_dumps(err, JSON_INDENT(2));
			printf("%s\n", text);
			free(text);
			json_decref(err);
		}
	} else if (!strcmp(format, "json")) {
		char *text = json_dumps(ans, JSON_INDENT(2) | JSON_REAL_PRECISION(12));
		printf("%s\n", text);
		free(text);
	} else {
		print_text(ans);
	}
	int exit_code = ans ? 0 : 1;
	json_decref(ans);
	db_close(d);
	app_shutdown();
	return exit_code;
}
