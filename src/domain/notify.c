/* notify.c — who hears of what: every event goes down the rules table, each row naming the events it is about, the
 * reason and who hears of it; a person hears of one event once, for the first row that names them; never the one who
 * did it. And the daily reminders that come of time passing (a launch inside its lead time with open items, a goal
 * due for review), each given to a person once a week. */
#include "notify.h"
#include <string.h>
#include "launch.h"
#include "model/audience.h"
#include "model/comments.h"
#include "model/entity.h"
#include "model/goals.h"
#include "model/launches.h"
#include "model/notifications.h"
#include "model/queries.h"
#include "model/wins.h"
#include "platform/json_get.h"
#include "platform/util.h"

enum { REMIND_EVERY_DAYS = 7 };

/* One event on its way down the rules: the object as it is (or was, when deleted). */
struct heard {
	db *d;
	struct event *ev;
	json_t *obj;
};

static void add_ids(json_t *to, json_t *ids) /* steals ids */
{
	size_t i;
	json_t *v;
	json_array_foreach(ids, i, v) if (json_is_integer(v)) json_array_append(to, v);
	json_decref(ids);
}

static json_t *one(json_t *obj, const char *field)
{
	json_t *out = json_array(), *v = json_object_get(obj, field);
	if (json_is_integer(v))
		json_array_append(out, v);
	return out;
}

/* The owners of an object: its F_OWNER references and the kind's owner field. */
static json_t *owners(const struct entity *e, json_t *obj)
{
	json_t *out = json_array();
	for (int i = 0; obj && i < e->nfields; i++)
		if (e->fields[i].flags & F_OWNER)
			add_ids(out, one(obj, e->fields[i].name));
	if (e->owner_field)
		add_ids(out, one(obj, e->owner_field));
	return out;
}

static bool has(json_t *ids, long long id)
{
	size_t i;
	json_t *v;
	json_array_foreach(ids, i, v) if (json_integer_value(v) == id) return true;
	return false;
}

/* Who follows an object: its owners unless they stopped, and whoever chose to follow it; a child's (a launch's
 * checklist item) also who follows its parent. */
static void followers_into(db *d, const struct entity *e, long long id, json_t *obj, json_t *out, int depth)
{
	json_t *own = owners(e, obj), *stopped = watchers_of(d, e->kind, id, false), *v;
	size_t i;
	json_array_foreach(own, i, v) if (!has(stopped, json_integer_value(v))) json_array_append(out, v);
	add_ids(out, watchers_of(d, e->kind, id, true));
	json_decref(own), json_decref(stopped);
	if (!e->parent || depth > 0)
		return;
	const struct entity *pe = e->parent;
	long long pid = jget_int(obj, e->parent_field);
	json_t *parent = pe && pid > 0 ? entity_get(d, pe, pid) : NULL;
	if (parent)
		followers_into(d, pe, pid, parent, out, depth + 1);
	json_decref(parent);
}

bool notify_follows(db *d, const struct entity *e, long long id, json_t *obj, long long user_id)
{
	int said = watch_state(d, user_id, e->kind, id);
	if (said >= 0)
		return said == 1;
	json_t *own = owners(e, obj);
	bool owner = has(own, user_id);
	json_decref(own);
	return owner;
}

static json_t *followers(struct heard *h)
{
	json_t *out = json_array();
	followers_into(h->d, h->ev->e, h->ev->object_id, h->obj, out, 0);
	return out;
}

static bool type_is(struct heard *h, const char *type) { return str_eq(h->ev->type, type); }

/* "launch.launched" after the "launch.updated" that moved the status: the update told the followers already. */
static bool status_echo(struct heard *h)
{
	return str_eq(jget_str(json_object_get(h->ev->changes, "status"), "to"), h->ev->verb) &&
	       !str_eq(h->ev->verb, "updated");
}

/* --- who hears, one function per rule --- */

static json_t *mentioned(struct heard *h)
{
	if (type_is(h, "comment.created"))
		return json_incref(json_object_get(h->obj, "mentions"));
	if (!type_is(h, "comment.updated"))
		return NULL;
	json_t *m = json_object_get(h->ev->changes, "mentions"), *was = json_object_get(m, "from"), *now = json_object_get(m, "to");
	json_t *out = json_array(), *v;
	size_t i;
	json_array_foreach(now, i, v) if (!has(was, json_integer_value(v))) json_array_append(out, v);
	return out;
}

static json_t *reviewer(struct heard *h)
{
	return type_is(h, "review.created") || type_is(h, "review.cancelled") ? one(h->obj, "reviewer_id") : NULL;
}

static json_t *requester(struct heard *h) { return type_is(h, "review.answered") ? one(h->obj, "requested_by") : NULL; }

static json_t *leaders(struct heard *h)
{
	static const char *const roles[] = {"leader", NULL};
	return type_is(h, "decision.escalated") ? users_with_roles(h->d, roles) : NULL;
}

static json_t *decision_followers(struct heard *h)
{
	return type_is(h, "decision.decided") || type_is(h, "decision.reversed") ? followers(h) : NULL;
}

static json_t *thanked(struct heard *h) { return type_is(h, "win.created") ? json_incref(json_object_get(h->obj, "thanks")) : NULL; }

/* Something that needs a PM's and a PMM's sign-off went into review (by a create or an edit). */
static json_t *approvers(struct heard *h)
{
	static const char *const roles[] = {"pm", "pmm", "leader", NULL};
	bool in_review = str_eq(h->ev->verb, "in_review") ||
	                 (str_eq(h->ev->verb, "created") && str_eq(jget_str(h->obj, "status"), "in_review"));
	return h->ev->e->approvals && in_review ? users_with_roles(h->d, roles) : NULL;
}

/* A release's date moved (rescheduled or edited): the owners of what it carries. */
static json_t *carriers(struct heard *h)
{
	bool moved = str_eq(h->ev->e->kind, "releases") && json_object_get(h->ev->changes, "target_date") &&
	             !str_eq(h->ev->verb, "created") && !str_eq(h->ev->verb, "deleted") && !status_echo(h);
	return moved ? release_carriers(h->d, h->ev->object_id) : NULL;
}

/* A reply: the people of the thread it joins. */
static json_t *thread(struct heard *h)
{
	long long parent = jget_int(h->obj, "parent_id");
	return type_is(h, "comment.created") && parent > 0 ? thread_people(h->d, parent) : NULL;
}

/* A comment: who follows the object it is on. */
static json_t *commented(struct heard *h)
{
	if (!type_is(h, "comment.created") || h->ev->actor <= 0)
		return NULL;
	const struct entity *on = entity_find(jget_str(h->obj, "on_kind"));
	long long id = jget_int(h->obj, "on_id");
	json_t *obj = on ? entity_get(h->d, on, id) : NULL, *out = json_array();
	if (obj)
		followers_into(h->d, on, id, obj, out, 0);
	json_decref(obj);
	return out;
}

/* Any other change by someone: who follows the object (a comment's own edits, echoes of a status, and what Tandem
 * did by itself, such as the demo's seeding, excepted). */
static json_t *changed(struct heard *h)
{
	return h->ev->actor <= 0 || h->ev->e == &comments_entity || status_echo(h) ? NULL : followers(h);
}

/* The rules, in the order a person hears of one event for the first that names them. */
static const struct notify_rule {
	const char *reason;
	json_t *(*who)(struct heard *h); /* a new array of user ids, or NULL when the rule is not about the event */
} rules[] = {
	{"mention", mentioned},
	{"review_requested", reviewer},
	{"review_answered", requester},
	{"review_cancelled", reviewer},
	{"escalation", leaders},
	{"decision", decision_followers},
	{"approval_needed", approvers},
	{"win", thanked},
	{"release_moved", carriers},
	{"reply", thread},
	{"comment", commented},
	{"change", changed},
};

static int hear(db *d, struct event *ev)
{
	if (ev->e == &wins_entity && str_eq(ev->verb, "recorded"))
		return 0; /* the win.created of the same win told them */
	struct heard h = {d, ev, NULL};
	h.obj = str_eq(ev->verb, "deleted") ? json_incref(ev->changes) : entity_get(d, ev->e, ev->object_id);
	if (!h.obj)
		h.obj = json_object();
	int rc = 0;
	for (size_t r = 0; r < COUNT(rules) && rc == 0; r++) {
		json_t *who = rules[r].who(&h), *v;
		size_t i;
		json_array_foreach(who, i, v) if (rc == 0) rc = notifications_add(d, json_integer_value(v), ev, rules[r].reason);
		json_decref(who);
	}
	json_decref(h.obj);
	if (rc == 0 && str_eq(ev->verb, "deleted"))
		rc = watches_forget(d, ev->e->kind, ev->object_id);
	return rc;
}

void notify_init(void) { events_listen(hear); }

/* --- the daily reminders --- */

/* Tell each of ids once a week of the reminder event; the count told, or -1. */
static int remind(db *d, json_t *ids, const struct entity *e, long long id, const char *verb, const char *reason,
                  json_t *changes, const char *today)
{
	char type[64];
	snprintf(type, sizeof type, "%s.%s", event_name(e), verb);
	struct event ev = {.e = e, .type = type, .verb = strchr(type, '.') + 1, .object_id = id, .changes = changes};
	int told = 0;
	size_t i;
	json_t *v;
	json_array_foreach(ids, i, v)
	{
		int due = reminder_due(d, json_integer_value(v), reason, e->kind, id, today, REMIND_EVERY_DAYS);
		if (due < 0 || (due && notifications_add(d, json_integer_value(v), &ev, reason) < 0))
			return -1;
		told += due;
	}
	return told;
}

static int launches_due(db *d, const char *today)
{
	json_t *list = launches_with_conflicts(d, today, true, NULL, NULL, 0), *l, *c;
	int told = 0;
	size_t i, k;
	json_array_foreach(list, i, l)
	{
		json_array_foreach(json_object_get(l, "conflicts"), k, c)
		{
			if (!str_eq(jget_str(c, "rule"), LAUNCH_NOT_READY) || told < 0)
				continue;
			json_t *who = owners(&launches_entity, l);
			json_t *why = json_pack("{sO}", "message", json_object_get(c, "message"));
			int n = remind(d, who, &launches_entity, jget_int(l, "id"), "due", "launch_due", why, today);
			told = n < 0 ? -1 : told + n;
			json_decref(who), json_decref(why);
		}
	}
	json_decref(list);
	return told;
}

static int goals_due(db *d, const char *today)
{
	db_stmt *s = query_q(d, Q_GOALS_REVIEW_OVERDUE, "t", today);
	json_t *due = json_array();
	while (s && db_step(s) == DB_ROW)
		json_array_append_new(due, json_pack("{sIss}", "id", (json_int_t)db_col_int(s, 0), "due_review", db_col_text(s, 2)));
	db_done(s);
	int told = 0;
	size_t i;
	json_t *g;
	json_array_foreach(due, i, g)
	{
		json_t *goal = entity_get(d, &goals_entity, jget_int(g, "id"));
		json_t *who = owners(&goals_entity, goal);
		json_t *why = json_pack("{sO}", "due_review", json_object_get(g, "due_review"));
		int n = goal && told >= 0 ? remind(d, who, &goals_entity, jget_int(g, "id"), "review_due", "goal_review_due", why,
		                                   today)
		                          : 0;
		told = n < 0 ? -1 : told + n;
		json_decref(goal), json_decref(who), json_decref(why);
	}
	json_decref(due);
	return told;
}

int notify_daily(db *d, const char *today)
{
	int a = launches_due(d, today);
	int b = a < 0 ? -1 : goals_due(d, today);
	return a < 0 || b < 0 ? -1 : a + b;
}
