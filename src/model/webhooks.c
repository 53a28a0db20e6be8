/* webhooks.c — webhooks described once (admins only), their secrets (made at create, shown in that answer once,
 * rotated with a day's overlap), the outbox written in the change's transaction, and the deliveries' records. */
#include "webhooks.h"
#include <sodium.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "notifications.h"
#include "platform/json_get.h"
#include "platform/net_check.h"
#include "platform/util.h"
#include "platform/webhook_sign.h"
#include "users.h"

static const char *const webhook_formats[] = {"standard", "slack", NULL};
static const char *const format_labels[] = {"Standard Webhooks (signed JSON)", "Chat channel (Slack, Mattermost, Rocket.Chat)", NULL};

static const struct field webhook_fields[] = {
	{"name", "Name", FT_STRING, F_REQUIRED | F_LISTED | F_SORT | F_SEARCH, 120, .help = "What it feeds, e.g. #launches in Slack"},
	{"url", "URL", FT_STRING, F_REQUIRED, 2000,
	 .help = "http(s) address the events are posted to; not on a loopback, private or link-local address"},
	{"events", "Events", FT_LIST, F_LISTED, 50, .dflt = "[\"*\"]",
	 .help = "Patterns of the events to send: * (all), feature.* (a kind's), launch.launched (one)"},
	{"format", "Format", FT_ENUM, F_LISTED | F_FILTER, .choices = webhook_formats, .labels = format_labels,
	 .dflt = "\"standard\"", .help = "standard: signed JSON (Standard Webhooks); slack: {\"text\"} for a chat channel"},
	{"active", "Active", FT_BOOL, F_LISTED | F_FILTER, .dflt = "true",
	 .help = "Inactive webhooks are sent nothing; a 410 answer makes one inactive"},
	{"owner", "Owner", FT_REF, F_READONLY | F_FILTER, .ref = "users",
	 .help = "The admin who made it: told when a delivery gives up"},
};

static bool allow_private;
void webhooks_allow_private(bool allow) { allow_private = allow; }
bool webhooks_private_allowed(void) { return allow_private; }

/* The URL may be sent to (resolved now; again at every delivery), and every pattern names events. */
static int webhook_check(db *d, long long id, json_t *obj, struct err *e)
{
	(void)d, (void)id;
	json_t *events = json_object_get(obj, "events"), *p;
	size_t i;
	if (!json_array_size(events))
		return err_invalid(e, "events", "events must name at least one pattern: * for all");
	json_array_foreach(events, i, p) if (!event_pattern_valid(json_string_value(p)))
	{
		char field[40];
		snprintf(field, sizeof field, "events[%zu]", i);
		return err_invalid(e, field,
		                   "events[%zu] \"%.80s\" is no event pattern: give *, <name>.* or <name>.<verb> of a kind's "
		                   "name (feature.*, launch.launched)",
		                   i, json_string_value(p));
	}
	char why[400];
	if (!url_public(jget_str(obj, "url"), allow_private, why, sizeof why, NULL))
		return err_invalid(e, "url", "url: %s", why);
	return 0;
}

/* The secret made by the create this thread runs, shown in its answer once. */
static _Thread_local struct {
	long long id;
	char secret[WEBHOOK_SECRET_MAX];
} fresh;

int webhook_secret_add(db *d, long long id, char out[WEBHOOK_SECRET_MAX])
{
	char now[21];
	now_rfc3339(now);
	webhook_secret_new(out);
	return db_run(d, "INSERT INTO webhook_secrets (webhook_id, secret, created_at) VALUES (?, ?, ?)", "itt", id, out,
	              now) == DB_OK
	           ? 0
	           : -1;
}

static int webhook_created(db *d, long long actor, long long id, json_t *obj, struct err *err)
{
	(void)actor, (void)obj;
	if (webhook_secret_add(d, id, fresh.secret) < 0)
		return err_internal(err);
	fresh.id = id;
	return 0;
}

/* "secret" (whsec_…) in the answer to the create only; rotate-secret makes a new one. */
static void webhook_decorate(db *d, json_t *obj)
{
	(void)d;
	if (fresh.id && fresh.id == jget_int(obj, "id")) {
		json_object_set_new(obj, "secret", json_string(fresh.secret));
		fresh.id = 0;
		sodium_memzero(fresh.secret, sizeof fresh.secret);
	}
}

static const struct field webhook_computed[] = {
	{"secret", "Secret", FT_STRING, F_READONLY,
	 .help = "whsec_…: the signing secret, in the answer to the create only (rotate-secret makes a new one)"},
};

struct entity webhooks_entity = {
	.kind = "webhooks", .table = "webhooks", .one = "webhook", .label = "Webhooks", .title_field = "name",
	.blurb = "Webhooks: events posted to another system as they happen, signed (Standard Webhooks) or to a chat "
	         "channel.",
	.fields = webhook_fields, .nfields = COUNT(webhook_fields), .write_rank = RANK_ADMIN, .read_rank = RANK_ADMIN,
	.owner_field = "owner", .default_sort = "name", .check = webhook_check, .after_create = webhook_created,
	.decorate = webhook_decorate, .computed = webhook_computed, .ncomputed = COUNT(webhook_computed),
};

/* --- rotating the secret --- */

static int rotate(struct act *x)
{
	char now[21], until[21], secret[WEBHOOK_SECRET_MAX];
	now_rfc3339(now);
	long long t = now_unix() + 24 * 3600;
	unix_rfc3339(t, until);
	if (db_run(x->d, "DELETE FROM webhook_secrets WHERE webhook_id = ? AND expires_at IS NOT NULL", "i", x->id) != DB_OK ||
	    db_run(x->d, "UPDATE webhook_secrets SET expires_at = ? WHERE webhook_id = ? AND expires_at IS NULL", "ti", until,
	           x->id) != DB_OK ||
	    webhook_secret_add(x->d, x->id, secret) < 0)
		return err_internal(x->err);
	x->out = json_pack("{sIssss}", "id", (json_int_t)x->id, "secret", secret, "previous_valid_until", until);
	x->audit = json_pack("{ss}", "previous_valid_until", until);
	return 0;
}

const struct action webhook_rotate_action = {
	.name = "webhook-rotate-secret", .one = "a new secret", .verb = "secret rotated", .kind = "webhooks",
	.method = HTTP_POST, .api_path = "/api/v1/webhooks/{id}/rotate-secret", .rank = RANK_ADMIN,
	.flags = A_AUDIT | A_NO_BODY,
	.summary = "A new signing secret, answered once; the previous one keeps signing beside it for 24 hours",
	.answer = "WebhookSecret", .button = "New secret", .run = rotate,
};

/* --- the outbox --- */

static long long object_version(db *d, const struct entity *e, long long id)
{
	char sql[160];
	snprintf(sql, sizeof sql, "SELECT version FROM %s WHERE id = ?", e->table);
	return db_int(d, -1, sql, "i", id);
}

/* The body of a delivery of ev in a format: thin Standard Webhooks JSON, or a line of text for a chat channel. */
static char *delivery_body(db *d, struct event *ev, const char *format)
{
	char now[21];
	now_rfc3339(now);
	json_t *o;
	if (str_eq(format, "slack")) {
		arena *a = arena_new();
		const char *who = ev->actor > 0 ? users_name(d, a, ev->actor) : NULL;
		char *title = NULL;
		db_stmt *t = db_q(d, "SELECT title FROM events WHERE id = ?", "i", ev->id);
		if (t && db_step(t) == DB_ROW && !db_col_null(t, 0))
			title = xstrdup(db_col_text(t, 0));
		db_done(t);
		char verb[64];
		snprintf(verb, sizeof verb, "%s", ev->verb);
		for (char *c = verb; *c; c++)
			*c = *c == '_' ? ' ' : *c;
		char text[600];
		snprintf(text, sizeof text, "%s %s %s \"%.300s\" (%s)", who ? who : "Tandem", verb, ev->e->one,
		         title ? title : "", ev->type);
		free(title);
		arena_free(a);
		o = json_pack("{ss}", "text", text);
	} else {
		long long v = object_version(d, ev->e, ev->object_id);
		o = json_pack("{sssss{sIss}}", "type", ev->type, "timestamp", now, "data", "id", (json_int_t)ev->object_id,
		              "kind", ev->e->kind);
		json_object_set_new(json_object_get(o, "data"), "version", v >= 0 ? json_integer(v) : json_null());
	}
	char *s = json_dumps(o, JSON_COMPACT);
	json_decref(o);
	return s;
}

static int enqueue(db *d, struct event *ev, long long webhook_id, const char *format)
{
	if (event_store(d, ev) < 0)
		return -1;
	char *body = delivery_body(d, ev, format), now[21], msg[40];
	now_rfc3339(now);
	snprintf(msg, sizeof msg, "msg_tandem_%lld_%lld", ev->id, webhook_id);
	int rc = body && db_run(d,
	                        "INSERT INTO webhook_deliveries (webhook_id, event_id, msg_id, type, body, next_at, "
	                        "created_at) VALUES (?, ?, ?, ?, ?, ?, ?)",
	                        "iitttit", webhook_id, ev->id, msg, ev->type, body, now_unix(), now) == DB_OK
	             ? 0
	             : -1;
	free(body);
	return rc;
}

int webhook_outbox(db *d, struct event *ev)
{
	if (ev->e == &webhooks_entity) /* a webhook's own changes are told to no webhook */
		return 0;
	db_stmt *s = db_q(d, "SELECT id, events, format FROM webhooks WHERE active = 1 ORDER BY id", "");
	json_t *due = json_array();
	while (s && db_step(s) == DB_ROW) {
		json_t *pats = json_loads(db_col_text(s, 1), 0, NULL), *p;
		size_t i;
		bool match = false;
		json_array_foreach(pats, i, p) match = match || event_pattern_match(json_string_value(p), ev->type);
		json_decref(pats);
		if (match)
			json_array_append_new(due, json_pack("{sIss}", "id", (json_int_t)db_col_int(s, 0), "format", db_col_text(s, 2)));
	}
	db_done(s);
	int rc = 0;
	size_t i;
	json_t *w;
	json_array_foreach(due, i, w) if (rc == 0) rc = enqueue(d, ev, jget_int(w, "id"), jget_str(w, "format"));
	json_decref(due);
	return rc;
}

/* --- a test ping, a retry --- */

static int test_ping(struct act *x)
{
	char type[] = "webhook.test";
	struct event ev = {.e = &webhooks_entity, .type = type, .verb = type + 8, .object_id = x->id, .actor = x->actor};
	if (enqueue(x->d, &ev, x->id, jget_str(x->obj, "format")) < 0)
		return err_internal(x->err);
	json_t *list = deliveries_list(x->d, x->id, 1);
	x->out = json_incref(json_array_get(list, 0));
	json_decref(list);
	return 0;
}

const struct action webhook_test_action = {
	.name = "webhook-test", .one = "a test", .verb = "tested", .kind = "webhooks", .method = HTTP_POST,
	.api_path = "/api/v1/webhooks/{id}/test", .page_path = "/webhooks/{id}/test", .rank = RANK_ADMIN,
	.flags = A_NO_BODY, .summary = "Send the event webhook.test to this webhook now (answers the delivery queued)",
	.answer = "WebhookDelivery", .button = "Send a test", .run = test_ping,
};

static int retry(struct act *x)
{
	const char *st = NULL;
	db_stmt *s = db_q(x->d, "SELECT status FROM webhook_deliveries WHERE id = ? AND webhook_id = ?", "ii", x->sub, x->id);
	char status[16] = "";
	if (s && db_step(s) == DB_ROW)
		snprintf(status, sizeof status, "%s", db_col_text(s, 0));
	db_done(s);
	st = status;
	if (!*st)
		return err_not_found(x->err, "no delivery %lld of webhook %lld", x->sub, x->id);
	if (str_eq(st, "delivered"))
		return err_set(x->err, 409, "conflict", "status", "the delivery was delivered already: nothing to retry");
	if (db_run(x->d, "UPDATE webhook_deliveries SET status = 'pending', next_at = ? WHERE id = ?", "ii", now_unix(),
	           x->sub) != DB_OK)
		return err_internal(x->err);
	x->redirect = arena_printf(x->a, "/webhooks/%lld#deliveries", x->id);
	json_t *list = deliveries_list(x->d, x->id, 200), *v;
	size_t i;
	json_array_foreach(list, i, v) if (jget_int(v, "id") == x->sub) x->out = json_incref(v);
	json_decref(list);
	return 0;
}

const struct action webhook_retry_action = {
	.name = "webhook-retry", .one = "a retry", .verb = "delivery retried", .kind = "webhooks", .method = HTTP_POST,
	.api_path = "/api/v1/webhooks/{id}/deliveries/{mid}/retry", .page_path = "/webhooks/{id}/deliveries/{mid}/retry",
	.rank = RANK_ADMIN, .flags = A_NO_BODY | A_AUDIT,
	.summary = "Send a pending or failed delivery again now (a delivered one: 409)", .answer = "WebhookDelivery",
	.button = "Retry", .missing_field = NULL, .conflict = "the delivery was delivered already", .run = retry,
};

/* --- the deliveries --- */

long long webhook_retry_delay(int attempts, double scale, unsigned rnd)
{
	static const long long wait[] = {5, 5 * 60, 30 * 60, 2 * 3600, 5 * 3600, 10 * 3600, 24 * 3600};
	if (attempts < 1 || attempts >= WEBHOOK_MAX_ATTEMPTS)
		return -1;
	double base = (double)wait[attempts - 1] * scale;
	double jitter = ((double)rnd / 4294967295.0 - 0.5) * 0.2; /* ±10% */
	long long s = (long long)(base * (1 + jitter) + 0.5);
	return s < 0 ? 0 : s;
}

static char *dup_col(db_stmt *s, int i) { return xstrdup(db_col_null(s, i) ? "" : db_col_text(s, i)); }

int deliveries_due(db *d, long long now, struct delivery *out, int max)
{
	db_stmt *s = db_q(d,
	                  "SELECT x.id, x.webhook_id, x.event_id, w.owner, x.attempts, w.url, w.format, x.msg_id, x.type, "
	                  "x.body FROM webhook_deliveries x JOIN webhooks w ON w.id = x.webhook_id "
	                  "WHERE x.status = 'pending' AND x.next_at <= ? AND w.active = 1 ORDER BY x.next_at, x.id LIMIT ?",
	                  "ii", now, (long long)max);
	int n = 0;
	while (s && db_step(s) == DB_ROW && n < max) {
		struct delivery *x = &out[n++];
		memset(x, 0, sizeof *x);
		x->id = db_col_int(s, 0), x->webhook_id = db_col_int(s, 1), x->event_id = db_col_int(s, 2);
		x->owner = db_col_null(s, 3) ? 0 : db_col_int(s, 3), x->attempts = (int)db_col_int(s, 4);
		x->url = dup_col(s, 5), x->format = dup_col(s, 6), x->msg_id = dup_col(s, 7), x->type = dup_col(s, 8);
		x->body = dup_col(s, 9);
	}
	db_done(s);
	char stamp[21];
	unix_rfc3339(now, stamp);
	for (int i = 0; i < n; i++) {
		out[i].secrets = json_array();
		s = db_q(d,
		         "SELECT secret FROM webhook_secrets WHERE webhook_id = ? AND (expires_at IS NULL OR expires_at > ?) "
		         "ORDER BY id DESC",
		         "it", out[i].webhook_id, stamp);
		while (s && db_step(s) == DB_ROW)
			json_array_append_new(out[i].secrets, json_string(db_col_text(s, 0)));
		db_done(s);
	}
	return n;
}

void delivery_free(struct delivery *x)
{
	free(x->url), free(x->format), free(x->msg_id), free(x->type), free(x->body);
	json_decref(x->secrets);
	memset(x, 0, sizeof *x);
}

/* The owner hears that a webhook gave up. */
static int tell_owner(db *d, const struct delivery *x, int code, const char *error)
{
	if (!x->owner)
		return 0;
	char type[] = "webhook.failed";
	json_t *ch = json_pack("{sIsssiss}", "delivery_id", (json_int_t)x->id, "event", x->type, "response_code", code,
	                       "error", error ? error : "");
	struct event ev = {.e = &webhooks_entity, .type = type, .verb = type + 8, .object_id = x->webhook_id, .changes = ch};
	int rc = notifications_add(d, x->owner, &ev, "webhook_failed");
	json_decref(ch);
	return rc;
}

int delivery_record(db *d, const struct delivery *x, int code, const char *error, long long next_at)
{
	char now[21];
	now_rfc3339(now);
	bool ok = code >= 200 && code < 300, gone = code == 410;
	const char *status = ok ? "delivered" : gone || next_at < 0 ? "failed" : "pending";
	char err[300];
	snprintf(err, sizeof err, "%s", error ? error : "");
	if (db_run(d,
	           "UPDATE webhook_deliveries SET status = ?, attempts = attempts + 1, last_at = ?, response_code = ?, "
	           "error = ?, next_at = ? WHERE id = ?",
	           "ttitii", status, now, (long long)code, ok ? NULL : err, ok || gone || next_at < 0 ? 0 : next_at,
	           x->id) != DB_OK)
		return -1;
	if (gone && db_run(d, "UPDATE webhooks SET active = 0, updated_at = ?, version = version + 1 WHERE id = ?", "ti", now,
	                   x->webhook_id) != DB_OK)
		return -1;
	return !ok && (gone || next_at < 0) ? tell_owner(d, x, code, err) : 0;
}

json_t *deliveries_list(db *d, long long webhook_id, int limit)
{
	json_t *out = json_array();
	db_stmt *s = db_q(d,
	                  "SELECT id, type, msg_id, status, attempts, response_code, error, next_at, last_at, created_at "
	                  "FROM webhook_deliveries WHERE webhook_id = ? ORDER BY id DESC LIMIT ?",
	                  "ii", webhook_id, (long long)limit);
	while (s && db_step(s) == DB_ROW) {
		json_t *o = json_pack("{sIsssssssI}", "id", (json_int_t)db_col_int(s, 0), "type", db_col_text(s, 1), "msg_id",
		                      db_col_text(s, 2), "status", db_col_text(s, 3), "attempts", (json_int_t)db_col_int(s, 4));
		json_object_set_new(o, "response_code", jcol_int(s, 5));
		json_object_set_new(o, "error", jcol_str(s, 6));
		char next[21];
		bool pending = str_eq(db_col_text(s, 3), "pending") && !db_col_null(s, 7);
		if (pending)
			unix_rfc3339(db_col_int(s, 7), next);
		json_object_set_new(o, "next_at", pending ? json_string(next) : json_null());
		json_object_set_new(o, "last_at", jcol_str(s, 8));
		json_object_set_new(o, "created_at", jcol_str(s, 9));
		json_array_append_new(out, o);
	}
	db_done(s);
	return out;
}

long long deliveries_next_due(db *d)
{
	return db_int(d, -1,
	              "SELECT coalesce(min(x.next_at), -1) FROM webhook_deliveries x JOIN webhooks w ON w.id = x.webhook_id "
	              "WHERE x.status = 'pending' AND w.active = 1",
	              "");
}
