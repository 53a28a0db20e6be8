/* cmd_brief.c — `tandem brief`: a launch's sales enablement brief on stdout, as Markdown or a standalone HTML page;
 * `tandem brief strategy`: the strategy brief as Markdown; `tandem deck`: the all-hands deck, one HTML file. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "cli.h"
#include "domain/brief.h"
#include "domain/strategy_brief.h"
#include "model/entity.h"
#include "web/web.h"

static int strategy_brief(const char *path)
{
	db *d = workspace_start(path);
	if (!d)
		return 1;
	char today[11];
	today_ymd(today);
	db_begin_read(d);
	char *md = strategy_brief_markdown(d, today);
	db_rollback(d);
	fputs(md, stdout);
	free(md);
	workspace_end(d);
	return 0;
}

int cmd_deck(int argc, char **argv)
{
	struct opt o[] = {{"--db", true, NULL}};
	const char *pos[1];
	int npos;
	if (cli_parse("deck", argc, argv, o, COUNT(o), pos, 1, &npos) < 0)
		return 2;
	if (npos) {
		fprintf(stderr, "tandem deck: unexpected argument '%s'; the deck goes to stdout: tandem deck > deck.html\n",
		        pos[0]);
		return 2;
	}
	db *d = workspace_start(workspace_path(opt_get(o, COUNT(o), "--db")));
	if (!d)
		return 1;
	char today[11];
	today_ymd(today);
	arena *a = arena_new();
	buf out;
	buf_init(&out);
	db_begin_read(d);
	deck_document(d, a, today, &out);
	db_rollback(d);
	fputs(buf_str(&out), stdout);
	buf_free(&out);
	arena_free(a);
	workspace_end(d);
	return 0;
}

int cmd_brief(int argc, char **argv)
{
	struct opt o[] = {{"--db", true, NULL}, {"--html", false, NULL}};
	const char *pos[1];
	int npos;
	long long id;
	if (cli_parse("brief", argc, argv, o, COUNT(o), pos, 1, &npos) < 0)
		return 2;
	if (npos == 1 && !strcmp(pos[0], "strategy"))
		return strategy_brief(workspace_path(opt_get(o, COUNT(o), "--db")));
	if (npos < 1 || !parse_ll(pos[0], &id) || id <= 0) {
		fprintf(stderr, "tandem brief: name the launch by its id (tandem brief LAUNCH_ID [--html]), or: tandem brief "
		                "strategy\n");
		return 2;
	}
	db *d = workspace_start(workspace_path(opt_get(o, COUNT(o), "--db")));
	if (!d)
		return 1;
	char today[11];
	today_ymd(today);
	buf md;
	buf_init(&md);
	struct err e = {0};
	db_begin_read(d);
	int rc = brief_markdown(d, id, today, &md, &e);
	arena *a = arena_new();
	const char *title = rc == 0 ? entity_ref_label(d, a, "launches", id) : NULL;
	db_rollback(d);
	if (rc < 0) {
		fprintf(stderr, "tandem brief: %s\n", e.message);
	} else if (opt_get(o, COUNT(o), "--html")) {
		buf page;
		buf_init(&page);
		brief_document(&page, id, title ? title : "", buf_str(&md), today, true);
		fputs(buf_str(&page), stdout);
		buf_free(&page);
	} else {
		fputs(buf_str(&md), stdout);
	}
	arena_free(a);
	buf_free(&md);
	workspace_end(d);
	return rc < 0 ? 1 : 0;
}
