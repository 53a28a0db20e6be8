/* audience.c — who may hear of an object (followers, roles, a release's carriers, a thread's people) and the
 * reminders already given. */
#include "audience.h"
#include "platform/util.h"

/* The first column of each row of a statement: a new array of ids, none twice. */
static json_t *ids_of(db_stmt *s)
{
	json_t *out = json_array();
	while (s && db_step(s) == DB_ROW) {
		long long id = db_col_int(s, 0);
		bool seen = false;
		size_t i;
		json_t *v;
		json_array_foreach(out, i, v) seen = seen || json_integer_value(v) == id;
		if (!seen && id > 0)
			json_array_append_new(out, json_integer(id));
	}
	db_done(s);
	return out;
}

int watch_set(db *d, long long user_id, const char *kind, long long object_id, bool on)
{
	char now[21];
	now_rfc3339(now);
	if (db_run(d, "DELETE FROM watches WHERE user_id = ? AND kind = ? AND object_id = ?", "iti", user_id, kind,
	           object_id) != DB_OK)
		return -1;
	return db_run(d, "INSERT INTO watches (user_id, kind, object_id, \"on\", at) VALUES (?, ?, ?, ?, ?)", "itiit",
	              user_id, kind, object_id, (long long)on, now) == DB_OK
	           ? 0
	           : -1;
}

int watch_state(db *d, long long user_id, const char *kind, long long object_id)
{
	return (int)db_int(d, -1, "SELECT \"on\" FROM watches WHERE user_id = ? AND kind = ? AND object_id = ?", "iti",
	                   user_id, kind, object_id);
}

json_t *watchers_of(db *d, const char *kind, long long object_id, bool on)
{
	return ids_of(db_q(d, "SELECT user_id FROM watches WHERE kind = ? AND object_id = ? AND \"on\" = ? ORDER BY user_id",
	                   "tii", kind, object_id, (long long)on));
}

int watches_forget(db *d, const char *kind, long long object_id)
{
	return db_run(d, "DELETE FROM watches WHERE kind = ? AND object_id = ?", "ti", kind, object_id) == DB_OK ? 0 : -1;
}

json_t *users_with_roles(db *d, const char *const roles[])
{
	json_t *out = json_array();
	for (size_t r = 0; roles[r]; r++) {
		json_t *some = ids_of(db_q(d, "SELECT id FROM users WHERE role = ? AND active = 1 ORDER BY id", "t", roles[r]));
		json_array_extend(out, some);
		json_decref(some);
	}
	return out;
}

json_t *release_carriers(db *d, long long release_id)
{
	return ids_of(db_q(d,
	                   "SELECT pm_owner FROM features WHERE release_id = ? AND pm_owner IS NOT NULL "
	                   "UNION SELECT pmm_owner FROM features WHERE release_id = ? AND pmm_owner IS NOT NULL "
	                   "UNION SELECT owner FROM launches WHERE release_id = ? AND owner IS NOT NULL ORDER BY 1",
	                   "iii", release_id, release_id, release_id));
}

json_t *thread_people(db *d, long long comment_id)
{
	return ids_of(db_q(d,
	                   "SELECT author FROM comments WHERE (id = ? OR parent_id = ?) AND author IS NOT NULL "
	                   "ORDER BY id",
	                   "ii", comment_id, comment_id));
}

int reminder_due(db *d, long long user_id, const char *reason, const char *kind, long long object_id,
                 const char *today, int days)
{
	char since[11];
	if (!date_add(today, -(days - 1), since))
		return -1;
	long long n = db_int(d, -1,
	                     "SELECT count(*) FROM reminders WHERE user_id = ? AND reason = ? AND kind = ? AND object_id = ? "
	                     "AND day >= ? AND day <= ?",
	                     "ittitt", user_id, reason, kind, object_id, since, today);
	if (n < 0)
		return -1;
	if (n > 0)
		return 0;
	return db_run(d, "INSERT INTO reminders (user_id, reason, kind, object_id, day) VALUES (?, ?, ?, ?, ?)", "ittit",
	              user_id, reason, kind, object_id, today) == DB_OK
	           ? 1
	           : -1;
}
