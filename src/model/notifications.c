/* notifications.c — each person's inbox, stored: one row per (person, event), read when they say so. */
#include "notifications.h"
#include "people.h"
#include "platform/json_get.h"
#include "users.h"
#include "platform/util.h"

const char *const notification_reasons[] = {
	"mention",         /* a comment names you */
	"review_requested", "review_answered", "review_cancelled",
	"escalation",      /* a decision escalated to the leaders (you lead) */
	"decision",        /* a decision you own or follow was decided or reversed */
	"approval_needed", /* something you may approve is in review */
	"win",             /* a win that thanks you */
	"release_moved",   /* a release that carries your features or launches moved */
	"launch_due",      /* a launch of yours inside its lead time with open items */
	"goal_review_due", /* a goal of yours due for review */
	"reply",           /* a reply in a thread you are in */
	"comment",         /* a comment on what you own or follow */
	"change",          /* a change to what you own or follow */
	"webhook_failed",  /* a webhook of yours gave up on a delivery */
	NULL,
};

int notifications_add(db *d, long long user_id, struct event *ev, const char *reason)
{
	if (user_id <= 0 || user_id == ev->actor)
		return 0;
	if (db_int(d, 0, "SELECT count(*) FROM users WHERE id = ? AND active = 1", "i", user_id) == 0)
		return 0;
	long long id = event_store(d, ev);
	if (id < 0)
		return -1;
	if (db_int(d, 0, "SELECT count(*) FROM notifications WHERE user_id = ? AND event_id = ?", "ii", user_id, id))
		return 0;
	char now[21];
	now_rfc3339(now);
	return db_run(d, "INSERT INTO notifications (user_id, event_id, reason, at) VALUES (?, ?, ?, ?)", "iitt", user_id,
	              id, reason, now) == DB_OK
	           ? 0
	           : -1;
}

#define NOTIFICATION_COLUMNS                                                                                      \
	"SELECT n.id, n.at, n.reason, n.read_at, e.type, e.kind, e.object_id, e.title, e.actor, u.name, e.changes "    \
	"FROM notifications n JOIN events e ON e.id = n.event_id LEFT JOIN users u ON u.id = e.actor "

static json_t *notification_row(db_stmt *s)
{
	json_t *o = json_pack("{sIsssssbsssssI}", "id", (json_int_t)db_col_int(s, 0), "at", db_col_text(s, 1),
		                      "reason", db_col_text(s, 2), "read", !db_col_null(s, 3), "type", db_col_text(s, 4),
		                      "kind", db_col_text(s, 5), "object_id", (json_int_t)db_col_int(s, 6));
		json_object_set_new(o, "title", jcol_str(s, 7));
		json_object_set_new(o, "actor_id", jcol_int(s, 8));
		json_object_set_new(o, "actor", jcol_str(s, 9));
		json_t *ch = json_loads(db_col_text(s, 10), 0, NULL);
		json_object_set_new(o, "changes", ch ? ch : json_object());
		return o;
}

json_t *notifications_list(db *d, long long user_id, bool unread_only, long long before, int limit, long long *next)
{
	json_t *arr = json_array();
	*next = 0;
	db_stmt *s = db_q(d,
	                  NOTIFICATION_COLUMNS "WHERE n.user_id = ? AND (? = 0 OR n.read_at IS NULL) "
	                  "AND (? = 0 OR n.id < ?) ORDER BY n.id DESC LIMIT ?",
	                  "iiiii", user_id, (long long)unread_only, before, before, (long long)limit + 1);
	while (s && db_step(s) == DB_ROW) {
		if ((int)json_array_size(arr) == limit) {
			*next = json_integer_value(json_object_get(json_array_get(arr, limit - 1), "id"));
			break;
		}
		json_array_append_new(arr, notification_row(s));
	}
	db_done(s);
	return arr;
}

json_t *notifications_unmailed(db *d, long long user_id, const char *reason)
{
	json_t *arr = json_array();
	db_stmt *s = db_q(d,
	                  NOTIFICATION_COLUMNS "WHERE n.user_id = ? AND n.mailed_at IS NULL AND n.read_at IS NULL "
	                  "AND (? IS NULL OR n.reason = ?) ORDER BY n.id LIMIT 500",
	                  "itt", user_id, reason, reason);
	while (s && db_step(s) == DB_ROW)
		json_array_append_new(arr, notification_row(s));
	db_done(s);
	return arr;
}

int notifications_mark_mailed(db *d, json_t *ids)
{
	char now[21];
	now_rfc3339(now);
	size_t i;
	json_t *v;
	json_array_foreach(ids, i, v) if (db_run(d, "UPDATE notifications SET mailed_at = ? WHERE id = ?", "ti", now,
	                                         json_integer_value(v)) != DB_OK) return -1;
	return 0;
}

json_t *notify_mail_due(db *d, const char *notify, const char *today)
{
	json_t *out = json_array();
	db_stmt *s = db_q(d,
	                  "SELECT id, email, name FROM users WHERE active = 1 AND notify = ? AND (? = 'immediate' OR "
	                  "digest_at IS NULL OR digest_at < ?) ORDER BY id",
	                  "ttt", notify, notify, today);
	while (s && db_step(s) == DB_ROW)
		json_array_append_new(out, json_pack("{sIssss}", "id", (json_int_t)db_col_int(s, 0), "email", db_col_text(s, 1),
		                                     "name", db_col_text(s, 2)));
	db_done(s);
	return out;
}

int notify_digest_done(db *d, long long user_id, const char *today)
{
	return db_run(d, "UPDATE users SET digest_at = ? WHERE id = ?", "ti", today, user_id) == DB_OK ? 0 : -1;
}

const char *const notify_prefs[] = {"digest", "immediate", "none", NULL};

static const struct field notify_fields[] = {
	{"notify", "Mail me", FT_ENUM, F_REQUIRED, .choices = notify_prefs,
	 .help = "digest: one mail a day; immediate: each mention at once, no digest; none: no mail"},
};

/* A person sets their own; an admin anyone's. */
static int set_notify(struct act *x)
{
	if (x->id != x->actor && x->rank < RANK_ADMIN)
		return err_set(x->err, 403, "forbidden", NULL, "you choose how you are told, and admins; not for others");
	x->out = people_get(x->d, x->id);
	if (!x->out)
		return err_not_found(x->err, "no user with id %lld", x->id);
	const char *to = jget_str(x->in, "notify");
	x->audit = json_pack("{ssss}", "from", jget_str(x->out, "notify"), "to", to);
	json_decref(x->out);
	x->out = NULL;
	if (db_run(x->d, "UPDATE users SET notify = ? WHERE id = ?", "ti", to, x->id) != DB_OK)
		return err_internal(x->err);
	x->out = people_get(x->d, x->id);
	x->redirect = arena_printf(x->a, "/users/%lld?done=user-notify", x->id);
	return 0;
}

const struct action user_notify_action = {
	.name = "user-notify", .one = "a mail preference", .verb = "mail preference changed", .audit_kind = "users",
	.method = HTTP_POST, .api_path = "/api/v1/users/{id}/notify", .page_path = "/users/{id}/notify",
	.rank = RANK_VIEWER, .flags = A_AUDIT, .fields = notify_fields, .nfields = COUNT(notify_fields),
	.summary = "How a person is told by mail: digest (daily), immediate (mentions at once) or none (yourself; "
	           "admins anyone)",
	.answer = "User", .button = "Save", .run = set_notify,
};

long long notifications_unread(db *d, long long user_id)
{
	return db_int(d, 0, "SELECT count(*) FROM notifications WHERE user_id = ? AND read_at IS NULL", "i", user_id);
}

long long notifications_mark_read(db *d, long long user_id, json_t *ids)
{
	char now[21];
	now_rfc3339(now);
	if (!ids)
		return db_run(d, "UPDATE notifications SET read_at = ? WHERE user_id = ? AND read_at IS NULL", "ti", now,
		              user_id) == DB_OK
		           ? db_changes(d)
		           : -1;
	long long n = 0;
	size_t i;
	json_t *v;
	json_array_foreach(ids, i, v)
	{
		if (db_run(d, "UPDATE notifications SET read_at = ? WHERE id = ? AND user_id = ? AND read_at IS NULL", "tii",
		           now, json_integer_value(v), user_id) != DB_OK)
			return -1;
		n += db_changes(d);
	}
	return n;
}
