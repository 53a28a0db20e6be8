/* deliver.c — the webhook delivery thread of `tandem serve`: every second it reads the deliveries due from the outbox
 * (model/webhooks.c), checks the URL again (DNS may have changed) and pins the address it checked, posts each with
 * libcurl (15 s, no redirects), signs Standard Webhooks deliveries with every current secret, and records the answer
 * in its own transaction right away: 2xx delivered, 410 the webhook made inactive, else the next try on the
 * schedule (5 s, 5 min, 30 min, 2 h, 5 h, 10 h, 24 h, ±10%, or a longer Retry-After). Pending rows outlive a killed
 * server: the next start sends them. */
#include "deliver.h"
#include <curl/curl.h>
#include <sodium.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "model/webhooks.h"
#include "platform/log.h"
#include "platform/net_check.h"
#include "platform/util.h"
#include "platform/webhook_sign.h"
#include "ticker.h"

enum { BATCH = 8, TIMEOUT_SECONDS = 15 };

static int round_once(db *d, void *arg);
static struct ticker tick = {.name = "webhook deliveries", .round = round_once, .seconds = 1};
static double scale = 1; /* TANDEM_WEBHOOK_RETRY_SCALE: tests shrink the schedule */

static size_t discard(char *p, size_t size, size_t n, void *u)
{
	(void)p, (void)u;
	return size * n;
}

static int abort_on_stop(void *u, curl_off_t a, curl_off_t b, curl_off_t c, curl_off_t e)
{
	(void)u, (void)a, (void)b, (void)c, (void)e;
	return ticker_stopping(&tick); /* a stopping server does not wait out a slow receiver */
}

/* Post one delivery: the HTTP status (0 when none came, with error), and a Retry-After in seconds (0: none). */
static int post(const struct delivery *x, char *error, size_t errlen, long long *retry_after)
{
	char pin[NET_PIN_MAX] = "", why[400];
	*retry_after = 0;
	if (!url_public(x->url, webhooks_private_allowed(), why, sizeof why, pin)) {
		snprintf(error, errlen, "refused: %.250s", why);
		return 0;
	}
	CURL *c = curl_easy_init();
	if (!c) {
		snprintf(error, errlen, "libcurl could not start");
		return 0;
	}
	struct curl_slist *h = NULL, *resolve = pin[0] ? curl_slist_append(NULL, pin) : NULL;
	h = curl_slist_append(h, "Content-Type: application/json");
	h = curl_slist_append(h, "User-Agent: Tandem-Webhooks/1");
	if (str_eq(x->format, "standard")) {
		long long ts = now_unix();
		char line[600];
		snprintf(line, sizeof line, "webhook-id: %s", x->msg_id);
		h = curl_slist_append(h, line);
		snprintf(line, sizeof line, "webhook-timestamp: %lld", ts);
		h = curl_slist_append(h, line);
		int n = snprintf(line, sizeof line, "webhook-signature:");
		size_t i;
		json_t *s;
		json_array_foreach(x->secrets, i, s)
		{
			char sig[WEBHOOK_SIG_MAX];
			if (i < 3 && webhook_sign(json_string_value(s), x->msg_id, ts, x->body, strlen(x->body), sig))
				n += snprintf(line + n, sizeof line - (size_t)n, " %s", sig);
		}
		h = curl_slist_append(h, line);
	}
	curl_easy_setopt(c, CURLOPT_URL, x->url);
	curl_easy_setopt(c, CURLOPT_HTTPHEADER, h);
	if (resolve)
		curl_easy_setopt(c, CURLOPT_RESOLVE, resolve);
	curl_easy_setopt(c, CURLOPT_POSTFIELDS, x->body);
	curl_easy_setopt(c, CURLOPT_POSTFIELDSIZE, (long)strlen(x->body));
	curl_easy_setopt(c, CURLOPT_TIMEOUT, (long)TIMEOUT_SECONDS);
	curl_easy_setopt(c, CURLOPT_CONNECTTIMEOUT, 10L);
	curl_easy_setopt(c, CURLOPT_NOSIGNAL, 1L);
	curl_easy_setopt(c, CURLOPT_FOLLOWLOCATION, 0L);
	curl_easy_setopt(c, CURLOPT_PROTOCOLS_STR, "http,https");
	curl_easy_setopt(c, CURLOPT_WRITEFUNCTION, discard);
	curl_easy_setopt(c, CURLOPT_NOPROGRESS, 0L);
	curl_easy_setopt(c, CURLOPT_XFERINFOFUNCTION, abort_on_stop);
	CURLcode rc = curl_easy_perform(c);
	long code = 0;
	if (rc == CURLE_OK) {
		curl_easy_getinfo(c, CURLINFO_RESPONSE_CODE, &code);
		curl_off_t ra = 0;
		if (curl_easy_getinfo(c, CURLINFO_RETRY_AFTER, &ra) == CURLE_OK && ra > 0)
			*retry_after = (long long)ra;
		snprintf(error, errlen, "%s", code >= 200 && code < 300 ? "" : "the receiver did not answer 2xx");
	} else
		snprintf(error, errlen, "%s", curl_easy_strerror(rc));
	curl_slist_free_all(h);
	curl_slist_free_all(resolve);
	curl_easy_cleanup(c);
	return (int)code;
}

/* One round: send what is due; 1 when a whole batch went (more may be due at once), else 0. */
static int round_once(db *d, void *arg)
{
	(void)arg;
	struct delivery due[BATCH];
	if (db_begin_read(d) != DB_OK)
		return 0;
	int n = deliveries_due(d, now_unix(), due, BATCH);
	db_commit(d);
	for (int i = 0; i < n && !ticker_stopping(&tick); i++) {
		char error[300];
		long long retry_after;
		int code = post(&due[i], error, sizeof error, &retry_after);
		long long wait = code >= 200 && code < 300 ? 0 : webhook_retry_delay(due[i].attempts + 1, scale,
		                                                                      randombytes_random());
		if (wait >= 0 && retry_after > wait)
			wait = retry_after;
		if (code < 200 || code >= 300)
			log_info("webhook %lld: delivery %lld (%s) try %d: %d %s", due[i].webhook_id, due[i].id, due[i].type,
			         due[i].attempts + 1, code, error);
		if (code == 0 && ticker_stopping(&tick)) /* cut off by the stop: not a try */
			break;
		if (db_begin(d) != DB_OK || delivery_record(d, &due[i], code, error, wait < 0 ? -1 : now_unix() + wait) < 0) {
			db_rollback(d);
			log_info("webhook delivery %lld: the result could not be recorded: %s", due[i].id, db_errmsg(d));
		} else
			db_commit(d);
	}
	for (int i = 0; i < n; i++)
		delivery_free(&due[i]);
	return n == BATCH;
}

int deliver_start(const char *path)
{
	if (tick.running)
		return 0;
	curl_global_init(CURL_GLOBAL_DEFAULT);
	const char *sc = getenv("TANDEM_WEBHOOK_RETRY_SCALE");
	if (sc && (!parse_double(sc, &scale) || scale < 0 || scale > 1))
		scale = 1;
	return ticker_start(&tick, path);
}

void deliver_stop(void)
{
	if (!tick.running)
		return;
	ticker_stop(&tick);
	curl_global_cleanup();
}
