/* notifications.c — each person's inbox, stored: one row per (person, event), read when they say so. */
#include "notifications.h"
#include "platform/json_get.h"
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

json_t *notifications_list(db *d, long long user_id, bool unread_only, long long before, int limit, long long *next)
{
	json_t *arr = json_array();
	*next = 0;
	db_stmt *s = db_q(d,
	                  "SELECT n.id, n.at, n.reason, n.read_at, e.type, e.kind, e.object_id, e.title, e.actor, u.name, "
	                  "e.changes FROM notifications n JOIN events e ON e.id = n.event_id "
	                  "LEFT JOIN users u ON u.id = e.actor WHERE n.user_id = ? AND (? = 0 OR n.read_at IS NULL) "
	                  "AND (? = 0 OR n.id < ?) ORDER BY n.id DESC LIMIT ?",
	                  "iiiii", user_id, (long long)unread_only, before, before, (long long)limit + 1);
	while (s && db_step(s) == DB_ROW) {
		if ((int)json_array_size(arr) == limit) {
			*next = json_integer_value(json_object_get(json_array_get(arr, limit - 1), "id"));
			break;
		}
		json_t *o = json_pack("{sIsssssbsssssI}", "id", (json_int_t)db_col_int(s, 0), "at", db_col_text(s, 1),
		                      "reason", db_col_text(s, 2), "read", !db_col_null(s, 3), "type", db_col_text(s, 4),
		                      "kind", db_col_text(s, 5), "object_id", (json_int_t)db_col_int(s, 6));
		json_object_set_new(o, "title", jcol_str(s, 7));
		json_object_set_new(o, "actor_id", jcol_int(s, 8));
		json_object_set_new(o, "actor", jcol_str(s, 9));
		json_t *ch = json_loads(db_col_text(s, 10), 0, NULL);
		json_object_set_new(o, "changes", ch ? ch : json_object());
		json_array_append_new(arr, o);
	}
	db_done(s);
	return arr;
}

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
