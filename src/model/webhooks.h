/* webhooks.h — webhooks described once (an admin's endpoint: name, url, event patterns, format, active, owner), the
 * secret made at create and shown in that answer only, its rotation with a day's overlap, and the outbox: every event
 * an active webhook's patterns name becomes a delivery row in the change's own transaction; what the delivery thread
 * reads and records. */
#ifndef TANDEM_WEBHOOKS_H
#define TANDEM_WEBHOOKS_H
#include <jansson.h>
#include "action.h"
#include "entity.h"
#include "events.h"
#include "platform/webhook_sign.h"

extern struct entity webhooks_entity;
extern const struct action webhook_rotate_action, webhook_test_action, webhook_retry_action;

enum { WEBHOOK_MAX_ATTEMPTS = 8 }; /* the first try and seven retries */

/* Refuse or allow targets on loopback, private, link-local and multicast addresses (serve --allow-private-webhooks). */
void webhooks_allow_private(bool allow);
bool webhooks_private_allowed(void);

/* The outbox's listener (events_listen at start-up): a delivery for every active webhook whose patterns match. */
int webhook_outbox(db *d, struct event *ev);
/* A new secret for webhook id (written to out, shown once), in the caller's transaction; 0 or -1. */
int webhook_secret_add(db *d, long long id, char out[WEBHOOK_SECRET_MAX]);

/* Seconds to wait after the attempts-th failed try (1: after the first), scaled and with ±10% jitter from rnd (0 ..
 * UINT32_MAX); -1 when that was the last try (WEBHOOK_MAX_ATTEMPTS). */
long long webhook_retry_delay(int attempts, double scale, unsigned rnd);

/* A delivery due to be sent, read for the delivery thread. */
struct delivery {
	long long id, webhook_id, event_id, owner;
	int attempts;
	char *url, *format, *msg_id, *type, *body;
	json_t *secrets; /* the secrets that sign now, newest first (strings) */
};
/* Up to max deliveries due at now (Unix seconds), oldest first; how many were read into out. */
int deliveries_due(db *d, long long now, struct delivery *out, int max);
void delivery_free(struct delivery *x);
/* Record one try: delivered (2xx), gone (410: the webhook is made inactive), else failed and due again at next_at
 * (< 0: given up; the owner is told). code 0 when no answer came (error says why). 0, or -1. */
int delivery_record(db *d, const struct delivery *x, int code, const char *error, long long next_at);
/* A webhook's deliveries, newest first: [{id, type, msg_id, status, attempts, response_code, error, next_at,
 * last_at, created_at}]. */
json_t *deliveries_list(db *d, long long webhook_id, int limit);
/* The earliest next try of a pending delivery (Unix seconds), or -1 when none is pending. */
long long deliveries_next_due(db *d);
#endif
