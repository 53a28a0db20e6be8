/* cmd_launches.c — `tandem launches`: the launches by date with tier, readiness and conflicts, optionally
 * only those in the next DAYS days. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "cli.h"
#include "domain/launch.h"

static void print_text(json_t *list, long upcoming)
{
	if (!json_array_size(list)) {
		if (upcoming >= 0)
			printf("No open launch in the next %ld day%s.\n", upcoming, upcoming == 1 ? "" : "s");
		else
			printf("No launches yet.\n");
		return;
	}
	printf("%-10s  %-4s  %-9s  %5s  %-9s  %s\n", "DATE", "TIER", "STATUS", "READY", "CONFLICTS", "LAUNCH");
	size_t i;
	json_t *l;
	json_array_foreach(list, i, l)
	{
		printf("%-10s  %-4lld  %-9s  %4lld%%  %-9zu  #%lld %s\n", json_string_value(json_object_get(l, "launch_date")),
		       (long long)json_integer_value(json_object_get(l, "tier")), json_string_value(json_object_get(l, "status")),
		       (long long)json_integer_value(json_object_get(l, "readiness")),
		       json_array_size(json_object_get(l, "conflicts")), (long long)json_integer_value(json_object_get(l, "id")),
		       json_string_value(json_object_get(l, "title")));
		size_t k;
		json_t *c;
		json_array_foreach(json_object_get(l, "conflicts"), k, c)
			printf("            %-7s %s\n", json_string_value(json_object_get(c, "severity")),
			       json_string_value(json_object_get(c, "message")));
	}
}

int cmd_launches(int argc, char **argv)
{
	struct opt o[] = {{"--db", true, NULL}, {"--upcoming", true, NULL}, {"--format", true, NULL}};
	const char *pos[1];
	int npos;
	if (cli_parse("launches", argc, argv, o, 3, pos, 0, &npos) < 0)
		return 2;
	long long upcoming = -1;
	const char *up = opt_get(o, 3, "--upcoming");
	if (up && (!parse_ll(up, &upcoming) || upcoming < 0 || upcoming > 3650)) {
		fprintf(stderr, "tandem launches: --upcoming must be a whole number of days from 0 to 3650\n");
		return 2;
	}
	const char *format = opt_get(o, 3, "--format") ? opt_get(o, 3, "--format") : "text";
	if (strcmp(format, "text") && strcmp(format, "json")) {
		fprintf(stderr, "tandem launches: --format must be text or json\n");
		return 2;
	}
	if (app_init() < 0)
		return 1;
	db *d = workspace_open(workspace_path(opt_get(o, 3, "--db")), false);
	if (!d)
		return 2;
	char today[11];
	today_ymd(today);
	db_begin_read(d);
	char until[11];
	if (upcoming >= 0)
		date_add(today, upcoming, until);
	json_t *list = launches_with_conflicts(d, today, upcoming >= 0, today, upcoming >= 0 ? until : NULL, 0);
	db_rollback(d);
	if (!strcmp(format, "json")) {
		char *text = json_dumps(list, JSON_INDENT(2));
		printf("%s\n", text);
		free(text);
	} else
		print_text(list, (long)upcoming);
	json_decref(list);
	db_close(d);
	app_shutdown();
	return 0;
}
