/* events.c — every audit row of an object offered as an event to the listeners, stored once when one keeps it. */
#include "events.h"
#include <stdio.h>
#include <string.h>
#include "entity.h"
#include "platform/json_get.h"
#include "platform/util.h"
#include "strategy.h"

enum { MAX_LISTENERS = 4 };
static event_listener listeners[MAX_LISTENERS];
static int nlisteners;

void events_listen(event_listener fn)
{
	for (int i = 0; i < nlisteners; i++)
		if (listeners[i] == fn)
			return;
	if (nlisteners < MAX_LISTENERS)
		listeners[nlisteners++] = fn;
}

const char *event_name(const struct entity *e) { return e->event ? e->event : e->one; }

static const struct entity *event_kind(const char *kind)
{
	return str_eq(kind, strategy_entity.kind) ? &strategy_entity : entity_find(kind);
}

int event_emit(db *d, long long actor, const struct entity *e, long long id, const char *verb, json_t *changes)
{
	if (!nlisteners)
		return 0;
	char type[96];
	int n = snprintf(type, sizeof type, "%s.", event_name(e));
	for (const char *v = verb; *v && n < (int)sizeof type - 1; v++)
		type[n++] = *v == ' ' ? '_' : *v;
	type[n] = 0;
	struct event ev = {.e = e, .type = type, .verb = type + strlen(event_name(e)) + 1, .object_id = id,
	                   .actor = actor, .changes = changes};
	for (int i = 0; i < nlisteners; i++)
		if (listeners[i](d, &ev) < 0)
			return -1;
	return 0;
}

int events_after_audit(db *d, long long actor, const char *kind, long long id, const char *verb, json_t *changes)
{
	const struct entity *e = event_kind(kind);
	if (!e || !nlisteners)
		return 0;
	if (event_emit(d, actor, e, id, verb, changes) < 0)
		return -1;
	const char *to = str_eq(verb, "updated") ? jget_str(json_object_get(changes, "status"), "to") : NULL;
	return to && *to && strlen(to) < 40 ? event_emit(d, actor, e, id, to, changes) : 0;
}

/* What the object is called: its title now, or as it was when it is gone (the audit row of a delete holds it). */
static char *event_title(db *d, struct event *ev)
{
	arena *a = arena_new();
	const char *t = entity_ref_label(d, a, ev->e->kind, ev->object_id);
	if (!t && ev->e->title_field)
		t = jget_str(ev->changes, ev->e->title_field);
	char *out = NULL;
	if (t) {
		size_t n = strlen(t) > 200 ? 200 : strlen(t);
		while (n > 0 && (t[n] & 0xC0) == 0x80) /* not inside a character */
			n--;
		out = xmalloc(n + 1);
		memcpy(out, t, n);
		out[n] = 0;
	}
	arena_free(a);
	return out;
}

long long event_store(db *d, struct event *ev)
{
	if (ev->id)
		return ev->id;
	char now[21];
	now_rfc3339(now);
	char *title = event_title(d, ev);
	char *changes = json_dumps(ev->changes ? ev->changes : json_object(), JSON_COMPACT | JSON_SORT_KEYS);
	db_stmt *s = db_prepare(d, "INSERT INTO events (at, type, kind, object_id, actor, title, changes) "
	                           "VALUES (?, ?, ?, ?, ?, ?, ?)");
	int rc = DB_ERR;
	if (s) {
		db_bind_text(s, 1, now);
		db_bind_text(s, 2, ev->type);
		db_bind_text(s, 3, ev->e->kind);
		db_bind_int(s, 4, ev->object_id);
		if (ev->actor > 0)
			db_bind_int(s, 5, ev->actor);
		db_bind_text(s, 6, title);
		db_bind_text(s, 7, changes ? changes : "{}");
		rc = db_step(s);
		db_done(s);
	}
	free(title);
	free(changes);
	if (rc != DB_DONE)
		return -1;
	return ev->id = db_last_id(d);
}

static bool name_known(const char *name, size_t n)
{
	if (n == strlen(strategy_entity.kind) && !strncmp(name, strategy_entity.kind, n))
		return true;
	for (int i = 0; i < entity_count; i++) {
		const char *en = event_name(entity_all[i]);
		if (strlen(en) == n && !strncmp(en, name, n))
			return true;
	}
	return false;
}

bool event_pattern_valid(const char *p)
{
	if (!p)
		return false;
	if (str_eq(p, "*"))
		return true;
	const char *dot = strchr(p, '.');
	if (!dot || !name_known(p, (size_t)(dot - p)) || !dot[1])
		return false;
	if (str_eq(dot + 1, "*"))
		return true;
	for (const char *v = dot + 1; *v; v++)
		if (!((*v >= 'a' && *v <= 'z') || *v == '_'))
			return false;
	return true;
}

bool event_pattern_match(const char *p, const char *type)
{
	if (str_eq(p, "*"))
		return true;
	size_t n = strlen(p);
	if (n >= 2 && p[n - 1] == '*' && p[n - 2] == '.')
		return !strncmp(p, type, n - 1);
	return str_eq(p, type);
}
