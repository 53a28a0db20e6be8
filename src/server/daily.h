/* daily.h — the daily work of a serving process: the day's reminders, and with an SMTP server the digests (once a
 * day per person, from the digest hour on) and immediate mentions. */
#ifndef TANDEM_DAILY_H
#define TANDEM_DAILY_H
struct daily_config {
	const char *path;     /* the workspace */
	const char *smtp;     /* smtp:// or smtps:// URL, or NULL: no mail */
	const char *from;     /* the sender address */
	const char *base_url; /* links in mails, or NULL */
	int digest_hour;      /* 0-23 UTC: digests go from this hour on */
};
int daily_start(const struct daily_config *c); /* 0, or -1 */
void daily_stop(void);
#endif
