/* wins.c — wins described once: a title, where it came from (goal, launch, feature or manual, and the id), when,
 * whom to thank (the owners); the automatic ones are recorded at most once per source (a unique index), by hand
 * only manual ones. */
#include "wins.h"
#include <string.h>
#include "platform/json_get.h"
#include "platform/util.h"
#include "events.h"
#include "users.h"

static const char *const win_sources[] = {"goal", "launch", "feature", "manual", NULL};
static const struct link thanks_link = {"win_thanks", "win_id", "user_id", NULL, 0, 0, NULL};

static const struct field win_fields[] = {
	{"title", "Title", FT_STRING, F_REQUIRED | F_LISTED | F_SEARCH | F_SORT, 200, .help = "What was won"},
	{"source", "Source", FT_ENUM, F_REQUIRED | F_LISTED | F_FILTER, .choices = win_sources, .dflt = "\"manual\"",
	 .help = "goal, launch or feature: recorded automatically, once; manual: recorded by hand"},
	{"source_id", "Source id", FT_INT, F_FILTER, 0, 1, 9e15, .help = "The goal, launch or feature won; none for manual"},
	{"at", "Date", FT_DATE, F_LISTED | F_SORT, .help = "When it was won; today when absent"},
	{"thanks", "Thanks to", FT_LINKS, F_LISTED, 50, .ref = "users", .link = &thanks_link,
	 .help = "Who to thank: the owners of what was won"},
	{"note", "Note", FT_TEXT, F_SEARCH | F_MARKDOWN, 4000, .help = "The story (Markdown)"},
	{"recorded_by", "Recorded by", FT_REF, F_READONLY | F_FILTER, .ref = "users",
	 .help = "Who recorded it, or whose change made it"},
};

/* Set while wins_record creates an automatic win (one thread runs one request). */
static _Thread_local bool recording;

static bool same(json_t *a, json_t *b) { return json_equal(a, b) || (json_is_null(a) && !b); }

/* By hand only manual wins, with no source id; a win keeps its source; the date defaults to today. */
static int win_check(db *d, long long id, json_t *obj, struct err *e)
{
	if (id > 0) {
		json_t *base = entity_get(d, &wins_entity, id);
		const char *moved = NULL;
		static const char *const fixed[] = {"source", "source_id"};
		for (size_t i = 0; base && i < COUNT(fixed) && !moved; i++)
			if (!same(json_object_get(obj, fixed[i]), json_object_get(base, fixed[i])))
				moved = fixed[i];
		json_decref(base);
		if (moved)
			return err_invalid(e, moved, "a win keeps where it came from: %s cannot change", moved);
	} else if (!recording) {
		if (!str_eq(jget_str(obj, "source"), "manual"))
			return err_invalid(e, "source",
			                   "source must be manual: goal, launch and feature wins are recorded automatically");
		if (!json_is_null(json_object_get(obj, "source_id")))
			return err_invalid(e, "source_id", "a manual win has no source_id");
	}
	if (json_is_null(json_object_get(obj, "at"))) {
		char today[11];
		today_ymd(today);
		json_object_set_new(obj, "at", json_string(today));
	}
	return 0;
}

/* Every win, automatic or by hand, is also the event win.recorded (for webhooks: one name for "we won"). */
static int win_recorded(db *d, long long actor, long long id, json_t *obj, struct err *err)
{
	return event_emit(d, actor, &wins_entity, id, "recorded", obj) < 0 ? err_internal(err) : 0;
}

struct entity wins_entity = {
	.kind = "wins", .table = "wins", .one = "win", .label = "Wins", .title_field = "title",
	.blurb = "Wins to celebrate: goals met, launches launched, features that reached their success target, and "
	         "more by hand.",
	.fields = win_fields, .nfields = COUNT(win_fields), .write_rank = RANK_EDITOR, .owner_field = "recorded_by",
	.default_sort = "-at", .check = win_check, .after_create = win_recorded,
};

long long wins_record(db *d, long long actor, const char *source, long long source_id, const char *title,
                      json_t *thanks, struct err *err)
{
	if (db_int(d, 0, "SELECT count(*) FROM wins WHERE source = ? AND source_id = ?", "ti", source, source_id) > 0)
		return 0;
	json_t *ids = json_array(), *v;
	size_t i;
	json_array_foreach(thanks, i, v)
	{
		bool seen = !json_is_integer(v);
		size_t k;
		json_t *w;
		json_array_foreach(ids, k, w) seen = seen || json_equal(v, w);
		if (!seen)
			json_array_append(ids, v);
	}
	char t[201];
	snprintf(t, sizeof t, "%s", title);
	json_t *in = json_pack("{sssssIso}", "title", t, "source", source, "source_id", (json_int_t)source_id, "thanks",
	                       ids);
	recording = true;
	long long id = in ? entity_create(d, &wins_entity, actor, in, err) : err_internal(err);
	recording = false;
	json_decref(in);
	return id;
}

json_t *wins_recent(db *d, int limit)
{
	json_t *out = json_array(), *ids = json_array(), *v;
	db_stmt *s = db_q(d, "SELECT id FROM wins ORDER BY at DESC, id DESC LIMIT ?", "i", (long long)limit);
	while (s && db_step(s) == DB_ROW)
		json_array_append_new(ids, json_integer(db_col_int(s, 0)));
	db_done(s);
	size_t i, k;
	arena *a = arena_new();
	json_array_foreach(ids, i, v)
	{
		json_t *w = entity_get(d, &wins_entity, json_integer_value(v)), *u;
		if (!w)
			continue;
		json_t *names = json_array();
		json_array_foreach(json_object_get(w, "thanks"), k, u)
		{
			const char *n = users_name(d, a, json_integer_value(u));
			if (n)
				json_array_append_new(names, json_string(n));
		}
		json_object_set_new(w, "thanks_names", names);
		json_array_append_new(out, w);
	}
	arena_free(a);
	json_decref(ids);
	return out;
}
