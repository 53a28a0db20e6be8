/* launches.c — releases and launches described once, their child kinds (checklist items, marketing
 * activities, RACI), the checklist a new launch gets from its tier, and the launch settings. */
#include "launches.h"
#include <stdio.h>
#include <string.h>
#include "setting.h"
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
	{"owner", "Owner", FT_REF, F_LISTED | F_FILTER | F_OWNER, .ref = "users", .help = "The PMM who runs it"},
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
	.kind = "launch-checklist", .table = "launch_checklist", .one = "checklist item", .event = "checklist_item", .label = "Checklist items",
	.title_field = "item", .blurb = "A launch's readiness checklist, one item each.",
	.fields = checklist_fields, .nfields = COUNT(checklist_fields), .write_rank = RANK_EDITOR, .default_sort = "due",
	.parent_field = "launch_id", .embed_as = "checklist",
};

static const struct field tick_fields[] = {
	{"done", "Done", FT_BOOL, F_REQUIRED, .help = "true: the item is done; false: open again"},
};

/* Tick a checklist item (or open it again); the browser goes back to the item on its launch's page (its row is
 * #item-{id}), saying it was ticked. */
static int tick(struct act *x)
{
	json_t *in = json_pack("{sO}", "done", json_object_get(x->in, "done"));
	int rc = entity_update_as(x->d, &checklist_entity, x->actor, x->id, in, jget_int(x->obj, "version"), "ticked",
	                          x->err);
	json_decref(in);
	x->redirect = arena_printf(x->a, "/launches/%lld?done=tick#item-%lld", jget_int(x->obj, "launch_id"), x->id);
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
	{"owner", "Owner", FT_REF, F_LISTED | F_FILTER | F_OWNER, .ref = "users"},
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
	.kind = "launch-raci", .table = "launch_raci", .one = "RACI entry", .event = "raci_entry", .label = "RACI", .title_field = "raci",
	.blurb = "Who is responsible, accountable, consulted and informed for a launch.",
	.fields = raci_fields, .nfields = COUNT(raci_fields), .write_rank = RANK_EDITOR, .default_sort = "raci",
	.parent_field = "launch_id", .embed_as = "raci",
};

/* settings */

static const char default_checklist[] =
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

static const struct field lead_members[] = {
	{"1", "Tier 1 (major)", FT_INT, F_REQUIRED, 0, 0, LEAD_MAX},
	{"2", "Tier 2 (notable)", FT_INT, F_REQUIRED, 0, 0, LEAD_MAX},
	{"3", "Tier 3 (minor)", FT_INT, F_REQUIRED, 0, 0, LEAD_MAX},
};

static const struct field template_item[] = {
	{"item", "Item", FT_STRING, F_REQUIRED, 200},
	{"owner_role", "Owner role", FT_ENUM, F_REQUIRED, .choices = owner_roles},
	{"days_before", "Days before", FT_INT, F_REQUIRED, 0, 0, LEAD_MAX},
};

static const struct field template_tiers[] = {
	{"1", "Tier 1 (major)", FT_RECORDS, 0, CHECKLIST_MAX, .sub = template_item, .nsub = COUNT(template_item)},
	{"2", "Tier 2 (notable)", FT_RECORDS, 0, CHECKLIST_MAX, .sub = template_item, .nsub = COUNT(template_item)},
	{"3", "Tier 3 (minor)", FT_RECORDS, 0, CHECKLIST_MAX, .sub = template_item, .nsub = COUNT(template_item)},
};

static const struct field launch_setting_fields[] = {
	{"lead_days", "Lead time", FT_RECORD, 0, .sub = lead_members, .nsub = COUNT(lead_members),
	 .dflt = "{\"1\": 30, \"2\": 14, \"3\": 3}",
	 .help = "Days before its launch date a launch of each tier must be ready"},
	{"ready_threshold", "Readiness bar", FT_INT, 0, 0, 0, 100, .dflt = "80",
	 .help = "The readiness (percent) a launch needs inside its lead time"},
	{"checklist", "Checklist templates", FT_RECORD, 0, .sub = template_tiers, .nsub = COUNT(template_tiers),
	 .dflt = default_checklist, .help = "The checklist a new launch of each tier starts with: {item, owner_role, "
	                                    "days_before} per item"},
};

const struct setting launch_setting = {
	.name = "launches", .label = "Launch settings", .schema = "LaunchSettings", .fields = launch_setting_fields,
	.nfields = COUNT(launch_setting_fields), .key = LAUNCH_SETTINGS_KEY, .write_rank = RANK_LEADER,
	.summary_get = "Lead time per tier, the readiness bar and the checklist template per tier",
	.summary_put = "Change the launch settings (the fields sent)",
};

void launch_settings_get(db *d, struct launch_settings *s)
{
	json_t *v = setting_get(d, &launch_setting);
	json_t *lead = json_object_get(v, "lead_days");
	s->lead_days[0] = 0;
	for (int t = 1; t <= 3; t++) {
		char k[2] = {(char)('0' + t), 0};
		s->lead_days[t] = (int)json_integer_value(json_object_get(lead, k));
	}
	s->ready_threshold = (int)json_integer_value(json_object_get(v, "ready_threshold"));
	s->checklist = json_incref(json_object_get(v, "checklist"));
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

