/* daily.c — the daily work thread of `tandem serve`: every minute (TANDEM_DAILY_INTERVAL_SECONDS), in its own
 * connection, the day's reminders (domain/notify.c: each once a week, so running again is harmless), then with an
 * SMTP server each immediate mention at once and, from the digest hour (UTC) on, each person's digest once a day. */
#include "daily.h"
#include <stdlib.h>
#include <time.h>
#include "domain/digest.h"
#include "domain/notify.h"
#include "platform/db.h"
#include "platform/log.h"
#include "platform/util.h"
#include "ticker.h"

static struct daily_config conf;

/* One round: the reminders, then the mail that is due. */
static int once(db *d, void *arg)
{
	(void)arg;
	char today[11];
	today_ymd(today);
	if (db_begin(d) != DB_OK || notify_daily(d, today) < 0) {
		db_rollback(d);
		log_error("daily work: the reminders could not be given: %s", db_errmsg(d));
	} else
		db_commit(d);
	if (!conf.smtp)
		return 0;
	time_t t = time(NULL);
	struct tm tm;
	gmtime_r(&t, &tm);
	int n = digest_send_due(d, conf.smtp, conf.from, today, tm.tm_hour >= conf.digest_hour, conf.base_url);
	if (n > 0)
		log_info("daily work: %d mail%s sent", n, n == 1 ? "" : "s");
	return 0;
}

static struct ticker tick = {.name = "daily work", .round = once, .seconds = 60};

int daily_start(const struct daily_config *c)
{
	if (tick.running)
		return 0;
	conf = *c;
	const char *iv = getenv("TANDEM_DAILY_INTERVAL_SECONDS");
	long long v;
	if (iv && parse_ll(iv, &v) && v >= 1 && v <= 86400)
		tick.seconds = v;
	return ticker_start(&tick, c->path);
}

void daily_stop(void) { ticker_stop(&tick); }
