/* launches.c — releases and launches described once, their child kinds (checklist items, marketing
 * activities, RACI), the checklist a new launch gets from its tier, and the launch settings. */
#include "launches.h"
#include <stdio.h>
#include <string.h>
#include "settings.h"
#include "users.h"
#include "platform/json_get.h"

static const char *const release_statuses[] = {"planned", "in_progress", "shipped", "cancelled", NULL};
static const char *const launch_statuses[] = {"planning", "ready", "launched", "cancelled", NULL};
static const char *const activity_statuses[] = {"planned", "in_progress", "done", "cancelled", NULL};
static const char *const channels[] = {"blog",  "email",   "social",    "press", "webinar", "event", "ads",
                                       "in_app", "website", "sales",    "partner", "community", "docs", "other",
                                       NULL};
static const char *const raci_letters[] = {"R", "A", "C", "I", NULL};
const char *const owner_roles[] = {"pm", "pmm", "leader", "sales", "support", "docs", "design", "eng", "legal", NULL};

static const struct field release_fields[] = {
	{"name", "Name", FT_STRING, F_REQUIRED | F_LISTED | F_SEARCH | F_SORT, 120, .help = "e.g. 2027.1 or Spring release"},
	{"target_date", "Target date", FT_DATE, F_REQUIRED | F_LISTED | F_FILTER | F_SORT | F_PAGE_ACTION,
	 .help = "When engineering ships it; later moved with Reschedule on its page, which offers to move its launches"},
	{"status", "Status", FT_ENUM, F_REQUIRED | F_LISTED | F_FILTER, .choices = release_statuses, .dflt = "\"planned\""},
	{"description", "Description", FT_TEXT, F_SEARCH | F_MARKDOWN, 20000, .help = "Markdown"},
};

struct entity releases_entity = {
	.kind = "releases", .table = "releases", .one = "release", .label = "Releases", .title_field = "name",
	.blurb = "What engineering ships, and when; features are assigned to a release.",
	.fields = release_fields, .nfields = COUNT(release_fields), .write_rank = RANK_EDITOR,
	.default_sort = "target_date",
};

static const struct link launch_feature_links = {"launch_features", "launch_id", "feature_id", NULL, 0, 0, NULL};
static const struct link launch_segment_links = {"launch_segments", "launch_id", "segment_id", NULL, 0, 0, NULL};

static const struct field launch_fields[] = {
	{"title", "Title", FT_STRING, F_REQUIRED | F_LISTED | F_SEARCH | F_SORT, 200},
	{"tier", "Tier", FT_INT, F_REQUIRED | F_LISTED | F_FILTER | F_SORT, 0, 1, 3, .dflt = "2",
	 .help = "1 major, 2 notable, 3 minor: sets the checklist and the lead time"},
	{"launch_date", "Launch date", FT_DATE, F_REQUIRED | F_LISTED | F_FILTER | F_SORT,
	 .help = "When the market hears of it; filter with launch_date_from and launch_date_to"},
	{"release_id", "Release", FT_REF, F_LISTED | F_FILTER, .ref = "releases"},
	{"feature_ids", "Features", FT_LINKS, F_FILTER, 100, .ref = "features", .link = &launch_feature_links,
	 .help = "What it announces; each should ship in the launch's release"},
	{"segment_ids", "Segments", FT_LINKS, F_FILTER, 20, .ref = "segments", .link = &launch_segment_links,
	 .help = "Who it is for"},
	{"owner", "Owner", FT_REF, F_LISTED | F_FILTER, .ref = "users", .help = "The PMM who runs it"},
	{"status", "Status", FT_ENUM, F_REQUIRED | F_LISTED | F_FILTER | F_SORT, .choices = launch_statuses,
	 .dflt = "\"planning\""},
	{"summary", "Summary", FT_TEXT, F_SEARCH | F_MARKDOWN, 20000, .help = "The story in a few lines (Markdown)"},
};

/* A new launch gets its tier's checklist, each item due days_before the launch date. */
static int prefill_checklist(db *d, long long actor, long long id, json_t *obj, struct err *err)
{
	struct launch_settings s;
	launch_settings_get(d, &s);
	char key[4], due[11];
	snprintf(key, sizeof key, "%lld", (long long)json_integer_value(json_object_get(obj, "tier")));
	const char *date = json_string_value(json_object_get(obj, "launch_date"));
	json_t *items = json_object_get(s.checklist, key), *it;
	size_t i;
	int rc = 0;
	json_array_foreach(items, i, it)
	{
		if (!date_add(date, -json_integer_value(json_object_get(it, "days_before")), due))
			continue;
		json_t *in = json_pack("{sIsOsOss}", "launch_id", (json_int_t)id, "item", json_object_get(it, "item"),
		                       "owner_role", json_object_get(it, "owner_role"), "due", due);
		rc = entity_create(d, &checklist_entity, actor, in, err) < 0 ? -1 : 0;
		json_decref(in);
		if (rc < 0)
			break;
	}
	launch_settings_free(&s);
	return rc;
}

struct entity launches_entity = {
	.kind = "launches", .table = "launches", .one = "launch", .label = "Launches", .title_field = "title",
	.blurb = "How the market hears of a release: tier, date, features, checklist, activities and RACI.",
	.fields = launch_fields, .nfields = COUNT(launch_fields), .write_rank = RANK_EDITOR,
	.default_sort = "launch_date", .after_create = prefill_checklist,
};

static const struct field checklist_fields[] = {
	{"launch_id", "Launch", FT_REF, F_REQUIRED | F_LISTED | F_FILTER, .ref = "launches"},
	{"item", "Item", FT_STRING, F_REQUIRED | F_LISTED | F_SEARCH, 200, .help = "What must be true before launch"},
	{"owner_role", "Owner role", FT_ENUM, F_REQUIRED | F_LISTED | F_FILTER, .choices = owner_roles,
	 .help = "Who sees it through"},
	{"due", "Due", FT_DATE, F_LISTED | F_FILTER | F_SORT},
	{"done", "Done", FT_BOOL, F_LISTED | F_FILTER, .dflt = "false"},
};

struct entity checklist_entity = {
	.kind = "launch-checklist", .table = "launch_checklist", .one = "checklist item", .label = "Checklist items",
	.title_field = "item", .blurb = "A launch's readiness checklist, one item each.",
	.fields = checklist_fields, .nfields = COUNT(checklist_fields), .write_rank = RANK_EDITOR, .default_sort = "due",
	.parent_field = "launch_id", .embed_as = "checklist",
};

static const struct field tick_fields[] = {
	{"done", "Done", FT_BOOL, F_REQUIRED, .help = "true: the item is done; false: open again"},
};

/* Tick a checklist item (or open it again); the browser goes back to its launch's checklist. */
static int tick(struct act *x)
{
	json_t *in = json_pack("{sO}", "done", json_object_get(x->in, "done"));
	int rc = entity_update_as(x->d, &checklist_entity, x->actor, x->id, in, jget_int(x->obj, "version"), "ticked",
	                          x->err);
	json_decref(in);
	x->redirect = arena_printf(x->a, "/launches/%lld#checklist", jget_int(x->obj, "launch_id"));
	return rc;
}

const struct action checklist_tick_action = {
	.name = "tick", .one = "a tick", .verb = "ticked", .kind = "launch-checklist", .method = HTTP_POST,
	.api_path = "/api/v1/launch-checklist/{id}/tick", .page_path = "/launch-checklist/{id}/tick", .rank = RANK_EDITOR,
	.flags = A_VERSION | A_OBJECT, .fields = tick_fields, .nfields = COUNT(tick_fields),
	.summary = "Tick a launch's checklist item done, or open it again (needs its version)", .run = tick,
};

static const struct field activity_fields[] = {
	{"launch_id", "Launch", FT_REF, F_REQUIRED | F_LISTED | F_FILTER, .ref = "launches"},
	{"channel", "Channel", FT_ENUM, F_REQUIRED | F_LISTED | F_FILTER, .choices = channels},
	{"title", "Title", FT_STRING, F_REQUIRED | F_LISTED | F_SEARCH, 200},
	{"date", "Date", FT_DATE, F_LISTED | F_FILTER | F_SORT},
	{"owner", "Owner", FT_REF, F_LISTED | F_FILTER, .ref = "users"},
	{"status", "Status", FT_ENUM, F_REQUIRED | F_LISTED | F_FILTER, .choices = activity_statuses,
	 .dflt = "\"planned\""},
};

struct entity activities_entity = {
	.kind = "launch-activities", .table = "launch_activities", .one = "activity", .label = "Marketing activities",
	.title_field = "title", .blurb = "A launch's marketing activities: channel, date, owner, status.",
	.fields = activity_fields, .nfields = COUNT(activity_fields), .write_rank = RANK_EDITOR, .default_sort = "date",
	.parent_field = "launch_id", .embed_as = "activities",
};

static const struct field raci_fields[] = {
	{"launch_id", "Launch", FT_REF, F_REQUIRED | F_LISTED | F_FILTER, .ref = "launches"},
	{"user_id", "Person", FT_REF, F_REQUIRED | F_LISTED | F_FILTER, .ref = "users"},
	{"raci", "Role", FT_ENUM, F_REQUIRED | F_LISTED | F_FILTER | F_SORT, .choices = raci_letters,
	 .help = "R responsible, A accountable, C consulted, I informed"},
};

struct entity raci_entity = {
	.kind = "launch-raci", .table = "launch_raci", .one = "RACI entry", .label = "RACI", .title_field = "raci",
	.blurb = "Who is responsible, accountable, consulted and informed for a launch.",
	.fields = raci_fields, .nfields = COUNT(raci_fields), .write_rank = RANK_EDITOR, .default_sort = "raci",
	.parent_field = "launch_id", .embed_as = "raci",
};

/* settings */

static const char *const default_checklist =
	"{\"1\": [{\"item\": \"PR/FAQ approved\", \"owner_role\": \"pm\", \"days_before\": 28},"
	"{\"item\": \"Messaging approved\", \"owner_role\": \"pmm\", \"days_before\": 21},"
	"{\"item\": \"Sales enablement brief\", \"owner_role\": \"pmm\", \"days_before\": 14},"
	"{\"item\": \"Documentation published\", \"owner_role\": \"docs\", \"days_before\": 7},"
	"{\"item\": \"Support training\", \"owner_role\": \"support\", \"days_before\": 7},"
	"{\"item\": \"Press release and blog post\", \"owner_role\": \"pmm\", \"days_before\": 3},"
	"{\"item\": \"Launch-day review\", \"owner_role\": \"leader\", \"days_before\": 1}],"
	"\"2\": [{\"item\": \"Messaging approved\", \"owner_role\": \"pmm\", \"days_before\": 14},"
	"{\"item\": \"Sales enablement brief\", \"owner_role\": \"pmm\", \"days_before\": 7},"
	"{\"item\": \"Documentation published\", \"owner_role\": \"docs\", \"days_before\": 3},"
	"{\"item\": \"Blog post\", \"owner_role\": \"pmm\", \"days_before\": 1}],"
	"\"3\": [{\"item\": \"Release note\", \"owner_role\": \"pm\", \"days_before\": 0}]}";

enum { LEAD_MAX = 365, CHECKLIST_MAX = 30 };

static const int default_lead[4] = {0, 30, 14, 3};

void launch_settings_get(db *d, struct launch_settings *s)
{
	json_t *v = settings_get(d, LAUNCH_SETTINGS_KEY, NULL);
	json_t *lead = json_object_get(v, "lead_days");
	for (int t = 1; t <= 3; t++) {
		char k[2] = {(char)('0' + t), 0};
		json_t *x = json_object_get(lead, k);
		s->lead_days[t] = json_is_integer(x) ? (int)json_integer_value(x) : default_lead[t];
	}
	s->lead_days[0] = 0;
	json_t *th = json_object_get(v, "ready_threshold");
	s->ready_threshold = json_is_integer(th) ? (int)json_integer_value(th) : 80;
	json_t *cl = json_object_get(v, "checklist");
	s->checklist = json_is_object(cl) ? json_incref(cl) : json_loads(default_checklist, 0, NULL);
	json_decref(v);
}

void launch_settings_free(struct launch_settings *s)
{
	json_decref(s->checklist);
	s->checklist = NULL;
}

json_t *launch_settings_json(const struct launch_settings *s)
{
	return json_pack("{s{sisisi}sisO}", "lead_days", "1", s->lead_days[1], "2", s->lead_days[2], "3",
	                 s->lead_days[3], "ready_threshold", s->ready_threshold, "checklist", s->checklist);
}

static bool is_owner_role(const char *r)
{
	for (const char *const *c = owner_roles; r && *c; c++)
		if (!strcmp(*c, r))
			return true;
	return false;
}

/* One tier's template: a list of {item, owner_role, days_before}. */
static int check_template(json_t *list, const char *tier, struct err *err)
{
	char f[64];
	snprintf(f, sizeof f, "checklist.%s", tier);
	if (!json_is_array(list))
		return err_invalid(err, f, "%s must be a list of {item, owner_role, days_before}", f);
	if (json_array_size(list) > CHECKLIST_MAX)
		return err_invalid(err, f, "%s has more than %d items", f, CHECKLIST_MAX);
	size_t i;
	json_t *it;
	json_array_foreach(list, i, it)
	{
		snprintf(f, sizeof f, "checklist.%s[%zu]", tier, i + 1);
		const char *item = json_string_value(json_object_get(it, "item"));
		json_t *days = json_object_get(it, "days_before");
		if (!json_is_object(it))
			return err_invalid(err, f, "%s must be {item, owner_role, days_before}", f);
		if (!item || !*item || strlen(item) > 200 || !valid_text(item, strlen(item)))
			return err_invalid(err, f, "%s: item must be 1 to 200 characters of text", f);
		if (!json_object_get(it, "owner_role") || json_is_null(json_object_get(it, "owner_role")))
			return err_invalid(err, f, "%s (\"%.60s\") has no owner role", f, item);
		if (!is_owner_role(json_string_value(json_object_get(it, "owner_role"))))
			return err_invalid(err, f, "%s: owner_role must be one of pm, pmm, leader, sales, support, docs, design, "
			                   "eng, legal", f);
		if (!json_is_integer(days) || json_integer_value(days) < 0 || json_integer_value(days) > LEAD_MAX)
			return err_invalid(err, f, "%s: days_before must be a whole number from 0 to %d", f, LEAD_MAX);
	}
	return 0;
}

int launch_settings_put(db *d, long long actor, json_t *input, struct err *err)
{
	if (!json_is_object(input))
		return err_invalid(err, NULL, "the body must be a JSON object");
	const char *key;
	json_t *v;
	json_object_foreach(input, key, v) if (strcmp(key, "lead_days") && strcmp(key, "ready_threshold") &&
	                                       strcmp(key, "checklist")) return err_invalid(err, key,
	                                                                                    "unknown setting %s", key);
	struct launch_settings s;
	launch_settings_get(d, &s);
	json_t *out = launch_settings_json(&s);
	launch_settings_free(&s);
	int rc = -1;
	json_t *lead = json_object_get(input, "lead_days");
	if (lead) {
		if (!json_is_object(lead)) {
			err_invalid(err, "lead_days", "lead_days must be {\"1\": days, \"2\": days, \"3\": days}");
			goto done;
		}
		json_object_foreach(lead, key, v)
		{
			char f[32];
			snprintf(f, sizeof f, "lead_days.%.8s", key);
			if (strcmp(key, "1") && strcmp(key, "2") && strcmp(key, "3")) {
				err_invalid(err, f, "lead_days has tiers 1, 2 and 3 only");
				goto done;
			}
			if (!json_is_integer(v) || json_integer_value(v) < 0 || json_integer_value(v) > LEAD_MAX) {
				err_invalid(err, f, "%s must be a whole number of days from 0 to %d", f, LEAD_MAX);
				goto done;
			}
			json_object_set(json_object_get(out, "lead_days"), key, v);
		}
	}
	json_t *th = json_object_get(input, "ready_threshold");
	if (th) {
		if (!json_is_integer(th) || json_integer_value(th) < 0 || json_integer_value(th) > 100) {
			err_invalid(err, "ready_threshold", "ready_threshold must be a whole percent from 0 to 100");
			goto done;
		}
		json_object_set(out, "ready_threshold", th);
	}
	json_t *cl = json_object_get(input, "checklist");
	if (cl) {
		if (!json_is_object(cl)) {
			err_invalid(err, "checklist", "checklist must be {\"1\": [...], \"2\": [...], \"3\": [...]}");
			goto done;
		}
		json_object_foreach(cl, key, v)
		{
			if (strcmp(key, "1") && strcmp(key, "2") && strcmp(key, "3")) {
				err_invalid(err, "checklist", "checklist has tiers 1, 2 and 3 only");
				goto done;
			}
			if (check_template(v, key, err) < 0)
				goto done;
			json_t *clean = json_array();
			size_t i;
			json_t *it;
			json_array_foreach(v, i, it) json_array_append_new(
				clean, json_pack("{sOsOsO}", "item", json_object_get(it, "item"), "owner_role",
			                     json_object_get(it, "owner_role"), "days_before", json_object_get(it, "days_before")));
			json_object_set_new(json_object_get(out, "checklist"), key, clean);
		}
	}
	rc = settings_put(d, actor, LAUNCH_SETTINGS_KEY, out) < 0 ? err_internal(err) : 0;
done:
	json_decref(out);
	return rc;
}

json_t *launches_list_by(db *d, enum launches_by by, long long id)
{
	static const char *const sql[] = {
		"SELECT id, title, tier, launch_date, status FROM launches WHERE release_id = ? ORDER BY launch_date, id",
		"SELECT id, title, tier, launch_date, status FROM launches WHERE id IN (SELECT launch_id FROM launch_features "
		"WHERE feature_id = ?) ORDER BY launch_date, id",
	};
	json_t *out = json_array();
	db_stmt *s = db_q(d, sql[by], "i", id);
	while (s && db_step(s) == DB_ROW)
		json_array_append_new(out, json_pack("{sIsssIssss}", "id", (json_int_t)db_col_int(s, 0), "title",
		                                     db_col_text(s, 1), "tier", (json_int_t)db_col_int(s, 2), "launch_date",
		                                     db_col_text(s, 3), "status", db_col_text(s, 4)));
	db_done(s);
	return out;
}

