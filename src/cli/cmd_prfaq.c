/* cmd_prfaq.c — the documents named by an id, on stdout: `tandem prfaq` (a PR/FAQ as Markdown), `tandem notes` (a
 * release's notes as Markdown) and `tandem battlecard` (a competitor's battlecard as text or JSON). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "cli.h"
#include "domain/battlecard.h"
#include "domain/prfaq.h"
#include "domain/release_notes.h"
#include "platform/json_get.h"

/* The id argument and the workspace, read-only; NULL after a message (*rc: the exit code). */
static db *open_for(const char *cmd, const char *what, int argc, char **argv, struct opt *o, int no, long long *id,
                    int *rc)
{
	const char *pos[1];
	int npos;
	*rc = 2;
	if (cli_parse(cmd, argc, argv, o, no, pos, 1, &npos) < 0)
		return NULL;
	if (npos < 1 || !parse_ll(pos[0], id) || *id <= 0) {
		fprintf(stderr, "tandem %s: name the %s by its id: tandem %s ID\n", cmd, what, cmd);
		return NULL;
	}
	*rc = 1;
	return workspace_start(workspace_path(opt_get(o, no, "--db")));
}

int cmd_prfaq(int argc, char **argv)
{
	struct opt o[] = {{"--db", true, NULL}};
	long long id;
	int rc;
	db *d = open_for("prfaq", "PR/FAQ", argc, argv, o, COUNT(o), &id, &rc);
	if (!d)
		return rc;
	char today[11];
	today_ymd(today);
	buf md;
	buf_init(&md);
	struct err e = {0};
	db_begin_read(d);
	rc = prfaq_markdown(d, id, today, &md, &e);
	db_rollback(d);
	if (rc < 0)
		fprintf(stderr, "tandem prfaq: %s\n", e.message);
	else
		fputs(buf_str(&md), stdout);
	buf_free(&md);
	workspace_end(d);
	return rc < 0 ? 1 : 0;
}

int cmd_notes(int argc, char **argv)
{
	struct opt o[] = {{"--db", true, NULL}};
	long long id;
	int rc;
	db *d = open_for("notes", "release", argc, argv, o, COUNT(o), &id, &rc);
	if (!d)
		return rc;
	struct err e = {0};
	db_begin_read(d);
	json_t *notes = release_notes(d, id, &e);
	db_rollback(d);
	if (!notes)
		fprintf(stderr, "tandem notes: %s\n", e.message);
	else {
		char *md = release_notes_markdown(notes);
		fputs(md, stdout);
		free(md);
		json_decref(notes);
	}
	workspace_end(d);
	return notes ? 0 : 1;
}

/* One line of text with a label, or nothing when empty. */
static void line(const char *label, const char *text)
{
	if (text && *text)
		printf("%s: %s\n", label, text);
}

static void print_quote(json_t *q, const char *indent)
{
	printf("%s“%s” — %s%s%s\n", indent, jget_str(q, "text"), jget_str(q, "source"), jget_str(q, "account") ? ", " : "",
	       jget_str(q, "account") ? jget_str(q, "account") : "");
}

static void print_card(json_t *card)
{
	json_t *c = json_object_get(card, "competitor"), *it, *q;
	size_t i, k;
	printf("Battlecard: us vs %s (last updated %.10s)\n\n", jget_str(c, "name"), jget_str(card, "updated_at"));
	line("Positioning", jget_str(c, "positioning"));
	line("Strengths", jget_str(c, "strengths"));
	line("Weaknesses", jget_str(c, "weaknesses"));
	printf("\nWhy we win:\n");
	if (!json_array_size(json_object_get(card, "why_we_win")))
		printf("  (no positioning names them yet)\n");
	json_array_foreach(json_object_get(card, "why_we_win"), i, it) printf("  - %s\n", jget_str(it, "text"));
	printf("\nObjections:\n");
	if (!json_array_size(json_object_get(card, "objections")))
		printf("  (none written yet)\n");
	json_array_foreach(json_object_get(card, "objections"), i, it)
	{
		printf("  - “%s”\n    %s\n", jget_str(it, "objection"), jget_str(it, "answer") ? jget_str(it, "answer") : "(no answer yet)");
		json_array_foreach(json_object_get(it, "proof"), k, q) print_quote(q, "      ");
	}
	printf("\nLandmines: %s\n", jget_str(c, "landmines") ? jget_str(c, "landmines") : "(none written yet)");
	printf("\nWhat customers say (%lld insight%s mention%s them):\n", jget_int(card, "mentions_total"),
	       jget_int(card, "mentions_total") == 1 ? "" : "s", jget_int(card, "mentions_total") == 1 ? "s" : "");
	json_array_foreach(json_object_get(card, "mentions"), i, q) print_quote(q, "  - ");
}

int cmd_battlecard(int argc, char **argv)
{
	struct opt o[] = {{"--db", true, NULL}, {"--format", true, NULL}};
	long long id;
	int rc;
	const char *format = NULL;
	for (int i = 0; i + 1 < argc; i++) /* checked before opening the workspace */
		if (!strcmp(argv[i], "--format"))
			format = argv[i + 1];
	if (format && strcmp(format, "text") && strcmp(format, "json")) {
		fprintf(stderr, "tandem battlecard: --format must be text or json\n");
		return 2;
	}
	db *d = open_for("battlecard", "competitor", argc, argv, o, COUNT(o), &id, &rc);
	if (!d)
		return rc;
	struct err e = {0};
	db_begin_read(d);
	json_t *card = battlecard_get(d, id, &e);
	db_rollback(d);
	if (!card) {
		fprintf(stderr, "tandem battlecard: %s\n", e.message);
	} else if (format && !strcmp(format, "json")) {
		char *t = json_dumps(card, JSON_INDENT(2));
		printf("%s\n", t);
		free(t);
	} else {
		print_card(card);
	}
	rc = card ? 0 : 1;
	json_decref(card);
	workspace_end(d);
	return rc;
}
