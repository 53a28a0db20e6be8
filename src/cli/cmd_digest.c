/* cmd_digest.c — `tandem digest`: a person's daily digest as Markdown on stdout (nothing marked mailed), or with
 * --send every mail that is due now, through an SMTP server (for cron, instead of serve's daily work). */
#include <stdio.h>
#include <stdlib.h>
#include "cli.h"
#include "domain/digest.h"
#include "domain/notify.h"
#include "model/notifications.h"
#include "model/users.h"
#include "platform/smtp.h"

int cmd_digest(int argc, char **argv)
{
	struct opt o[] = {{"--db", true, NULL},   {"--user", true, NULL},      {"--send", false, NULL},
	                  {"--smtp", true, NULL}, {"--mail-from", true, NULL}, {"--base-url", true, NULL}};
	const char *pos[1];
	int npos;
	if (cli_parse("digest", argc, argv, o, COUNT(o), pos, 0, &npos) < 0)
		return 2;
	const char *email = opt_get(o, COUNT(o), "--user"), *smtp = opt_get(o, COUNT(o), "--smtp");
	const char *from = opt_get(o, COUNT(o), "--mail-from"), *base = opt_get(o, COUNT(o), "--base-url");
	bool send = opt_get(o, COUNT(o), "--send") != NULL;
	if (!send && !email) {
		fprintf(stderr, "tandem digest: give --user EMAIL to print a digest, or --send --smtp URL --mail-from ADDR\n");
		return 2;
	}
	if (send && (!smtp_url_ok(smtp) || !from)) {
		fprintf(stderr, "tandem digest: --send needs --smtp smtp://host[:port] (or smtps://) and --mail-from ADDR\n");
		return 2;
	}
	db *d = workspace_start(workspace_path(opt_get(o, COUNT(o), "--db")));
	if (!d)
		return 1;
	char today[11];
	today_ymd(today);
	int rc = 0;
	if (send) {
		if (db_begin(d) == DB_OK && notify_daily(d, today) >= 0)
			db_commit(d);
		else
			db_rollback(d);
		int n = digest_send_due(d, smtp, from, today, true, base);
		printf("%d mail%s sent\n", n < 0 ? 0 : n, n == 1 ? "" : "s");
		rc = n < 0 ? 1 : 0;
	} else {
		arena *a = arena_new();
		struct user u;
		db_begin_read(d);
		if (!users_find(d, a, email, &u)) {
			fprintf(stderr, "tandem digest: no user %s\n", email);
			rc = 1;
		} else {
			json_t *items = notifications_unmailed(d, u.id, NULL);
			char *md = digest_markdown(u.name, today, items, base);
			fputs(md ? md : "Nothing to tell: no unread notification.\n", stdout);
			free(md);
			json_decref(items);
		}
		db_rollback(d);
		arena_free(a);
	}
	workspace_end(d);
	return rc;
}
