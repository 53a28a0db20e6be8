/* main.c — tandem's entry point: the command table and its help. */
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include "cli.h"
#include "model/entity.h"

const struct command commands[] = {
	{"init", cmd_init, "tandem init --admin EMAIL [--db FILE]",
	 "Create a new workspace with one admin; prints the admin's generated password once."},
	{"serve", cmd_serve,
	 "tandem serve [--db FILE] [--listen ADDR] [--port N] [--threads N] [--max-conns-per-ip N] "
	 "[--cache-mb N | --no-cache] [--allow-private-webhooks] [--smtp URL --mail-from ADDR [--digest-hour H] [--base-url URL]] [--quiet]",
	 "Serve the web UI and the JSON API (default 127.0.0.1:8080, 4 threads), send the webhooks' outbox, give the day's "
	 "reminders and, with --smtp, mail each person's digest (from --digest-hour, UTC, default 8) and immediate "
	 "mentions."},
	{"demo", cmd_demo, "tandem demo [--db FILE] [--port N] [--listen ADDR] [--no-serve] [--quiet]",
	 "Create a demo workspace with sample data (default ./tandem-demo.db), print the logins, and serve it."},
	{"user", cmd_user,
	 "tandem user add EMAIL --role ROLE [--name NAME] | list | passwd EMAIL | invite EMAIL [--role ROLE] [--name NAME] "
	 "[--base-url URL] | role EMAIL --role ROLE | deactivate EMAIL | reactivate EMAIL  [--db FILE]",
	 "Manage users. Roles: admin, leader, pm, pmm, contributor, viewer. New passwords are generated and "
	 "printed once (or read from the first line of stdin with --password-stdin). `invite` prints an invitation "
	 "link (good for 7 days, once; adds the user first with --role when unknown): the path, after --base-url when "
	 "given. `role` and `deactivate` never leave the workspace without an active admin. `list` adds each user's "
	 "state: active, invited or deactivated."},
	{"token", cmd_token, "tandem token create EMAIL [--name NAME] | list | revoke ID  [--db FILE]",
	 "Manage API bearer tokens. `create` prints the token alone on stdout; it is stored only as a hash."},
	{"check", cmd_check, "tandem check [--db FILE] [--format text|json] [--fail-on warning|error]",
	 "Print the alignment report; exit 1 when a finding at or above --fail-on (default error) exists, "
	 "2 when the workspace cannot be read."},
	{"plan", cmd_plan,
	 "tandem plan --period 2027-Q1 [--capacity eng=40,design=8,mkt=6] [--must 12,14] [--exclude 9] "
	 "[--candidates 1,2,3] [--format text|json] [--time-limit SECONDS] [--db FILE]",
	 "The optimal plan for a period: the candidate features (accepted, or planned for the period) that maximise "
	 "the total score within each team's capacity (stored for the period, or --capacity), with dependencies, "
	 "must-includes and exclusions; the cut list says why. Exit 0 with a plan, 1 when it is infeasible or the "
	 "workspace refuses, 2 on bad usage."},
	{"capacity", cmd_capacity,
	 "tandem capacity set --period 2027-Q1 [--eng N] [--design N] [--mkt N] | list [--format text|json]  [--db FILE]",
	 "Person-weeks per team for a planning period (2027-Q1, 2027-H1 or 2027-03). `set` changes the teams given "
	 "and keeps the others."},
	{"import", cmd_import,
	 "tandem import insights FILE.csv [--format generic|fider|quackback|productboard|jira] "
	 "[--map \"Feedback=text,Company=account,Date=observed_at\"] [--source SOURCE] [--all-or-nothing] [--quiet] "
	 "[--db FILE] | tandem import json BUNDLE.json [--replace [--yes]] [--base-url URL] [--db FILE]",
	 "Import insights from CSV (FILE or - for stdin), streamed: a progress bar on a terminal, a summary at the end, "
	 "each malformed row as FILE:LINE: reason. Without --format the layout is recognised from the header; --map "
	 "means generic. Exit 0 when every row was read, 1 when rows were malformed (the rest is imported, or nothing "
	 "with --all-or-nothing), 2 when the import could not run. See docs/IMPORT.md. `import json` restores a workspace bundle (tandem export "
	 "json) into a new workspace, or replaces one with --replace --yes; a refused bundle writes nothing."},
	{"export", cmd_export, "tandem export ics [--base-url URL] [--db FILE] | tandem export json [--include-secrets] [--db FILE]",
	 "Print the launch calendar as iCalendar (RFC 5545) on stdout: one all-day event per launch and per dated "
	 "marketing activity, with UIDs that stay the same from one export to the next and SEQUENCE from the object's "
	 "version. Links point under --base-url (default http://localhost:8080). `export json` writes the whole "
	 "workspace as one JSON bundle (secrets only with --include-secrets); another format is a usage error (exit 2)."},
	{"digest", cmd_digest,
	 "tandem digest --user EMAIL | --send --smtp URL --mail-from ADDR [--base-url URL] [--db FILE]",
	 "A person's daily digest of unread notifications as Markdown; --send mails every digest due today (and each "
	 "mention to who chose immediate) through SMTP."},
	{"brief", cmd_brief, "tandem brief LAUNCH_ID [--html] [--db FILE]",
	 "Print a launch's sales enablement brief: Markdown on stdout, or with --html a standalone printable HTML page "
	 "(stylesheet inline). Exit 1 when there is no such launch, 2 on bad usage."},
	{"prfaq", cmd_prfaq, "tandem prfaq PRFAQ_ID [--db FILE]",
	 "Print a PR/FAQ as Markdown: the press release, the external and internal FAQ, then the five questions with "
	 "the insights that show how we know. Exit 1 when there is no such PR/FAQ, 2 on bad usage."},
	{"deck", cmd_deck, "tandem deck [--db FILE]",
	 "Write the all-hands deck to stdout as one self-contained HTML file (tandem deck > deck.html): a slide each for "
	 "the vision, each goal with its chart, the plan's focus, the roadmap, each tier-1 and tier-2 launch ahead, and "
	 "the wins. Arrow keys move; printing gives one slide a page."},
	{"notes", cmd_notes, "tandem notes RELEASE_ID [--db FILE]",
	 "Print a release's notes as Markdown: its shipped features in customer words (the approved benefit message, else "
	 "the title and description), grouped by segment. Exit 1 when there is no such release, 2 on bad usage."},
	{"battlecard", cmd_battlecard, "tandem battlecard COMPETITOR_ID [--format text|json] [--db FILE]",
	 "Print a competitor's battlecard: who they are, why we win, objections and answers with proof, landmines, "
	 "what customers say of them. Exit 1 when there is no such competitor, 2 on bad usage."},
	{"launches", cmd_launches, "tandem launches [--upcoming DAYS] [--format text|json] [--db FILE]",
	 "The launches by date with tier, status, readiness and conflicts (each conflict on its own line). With "
	 "--upcoming only the open launches (planning or ready) dated from today to DAYS days ahead."},
	{"backup", cmd_backup, "tandem backup FILE [--force] [--db FILE]",
	 "Write a consistent copy of the workspace to FILE while it is served and written to (SQLite's online backup), "
	 "read back and checked; an existing FILE is refused unless --force. See docs/CLI.md for a cron example."},
	{"restore", cmd_restore, "tandem restore FILE [--db FILE]",
	 "Replace the workspace with the backup FILE after checking its integrity and schema (a newer one is refused, "
	 "an older one migrated); the workspace is unchanged when any check fails."},
	{"migrate", cmd_migrate, "tandem migrate [--db FILE]", "Bring the workspace's schema up to this binary's."},
	{"http", cmd_http, "tandem http [--db FILE]",
	 "Answer one HTTP request read from stdin on stdout (for tests and inetd-style use)."},
	{"list", cmd_list,
	 "tandem list KIND [--q WORDS] [--where FIELD=VALUE] [--sort FIELD|-FIELD] [--limit N] [--format text|json|csv] "
	 "[--db FILE]",
	 "List objects of a kind ({kinds}), with the API's filters, search and sort."},
	{"show", cmd_show, "tandem show KIND ID [--db FILE]", "Print one object as JSON."},
	{"add", cmd_add, "tandem add KIND FIELD=VALUE… [--json] [--as EMAIL] [--db FILE]",
	 "Create an object. Values are typed as in the web forms; links repeat the field (persona_ids=1 persona_ids=2) "
	 "or carry a weight (goals.3=4). --json reads the object from stdin instead. --as names the user in the audit "
	 "trail."},
	{"edit", cmd_edit, "tandem edit KIND ID FIELD=VALUE… [--json] [--version N] [--as EMAIL] [--db FILE]",
	 "Change the fields given. With --version the change is refused (exit 3) when someone changed the object "
	 "since that version."},
	{"delete", cmd_delete, "tandem delete KIND ID [--as EMAIL] [--db FILE]", "Delete an object."},
	{"help", cmd_help, "tandem help [COMMAND]", "Show the commands, or one command's help."},
};
const int commands_count = sizeof commands / sizeof commands[0];

/* A command's help, with {kinds} written out as every kind the engine describes. */
static void print_help(const char *text)
{
	const char *at = strstr(text, "{kinds}");
	if (!at) {
		fputs(text, stdout);
		return;
	}
	printf("%.*s", (int)(at - text), text);
	for (int k = 0; k < entity_count; k++)
		printf("%s%s", k ? ", " : "", entity_all[k]->kind);
	fputs(at + strlen("{kinds}"), stdout);
}

int cmd_help(int argc, char **argv)
{
	if (argc > 1) {
		for (int i = 0; i < commands_count; i++)
			if (!strcmp(commands[i].name, argv[1])) {
				printf("usage: %s\n\n", commands[i].usage);
				print_help(commands[i].help);
				printf("\n\nThe workspace is --db FILE, else $TANDEM_DB, else ./tandem.db.\n");
				return 0;
			}
		fprintf(stderr, "tandem: no command '%s'; try 'tandem help'\n", argv[1]);
		return 2;
	}
	printf("Tandem — where product management and product marketing decide together.\n\nCommands:\n");
	for (int i = 0; i < commands_count; i++)
	{
		printf("  %-8s ", commands[i].name);
		print_help(commands[i].help);
		printf("\n");
	}
	printf("\nRun 'tandem help COMMAND' for its options. The workspace is --db FILE, else $TANDEM_DB, "
	       "else ./tandem.db.\n");
	return 0;
}

int main(int argc, char **argv)
{
	signal(SIGPIPE, SIG_IGN);
	if (argc < 2)
		return cmd_help(1, argv);
	if (!strcmp(argv[1], "--help") || !strcmp(argv[1], "-h"))
		return cmd_help(argc - 1, argv + 1);
	for (int i = 0; i < commands_count; i++)
		if (!strcmp(commands[i].name, argv[1]))
			return commands[i].run(argc - 1, argv + 1);
	/* a hint: the command whose name starts like the unknown word */
	const char *near = NULL;
	for (int i = 0; i < commands_count; i++)
		if (!strncmp(commands[i].name, argv[1], 2))
			near = commands[i].name;
	if (near)
		fprintf(stderr, "tandem: unknown command '%s'; did you mean '%s'? (see 'tandem help')\n", argv[1], near);
	else
		fprintf(stderr, "tandem: unknown command '%s'; see 'tandem help'\n", argv[1]);
	return 2;
}
