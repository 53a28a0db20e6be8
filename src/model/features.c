/* features.c — the backlog described once: features (also problems, ideas, bugs) with their links to
 * goals, personas, a journey stage and other features; journey stages; capacity per period. */
#include "features.h"
#include <stdio.h>
#include <string.h>
#include "users.h"

static const char *const feature_kinds[] = {"problem", "idea", "feature", "bug", NULL};
static const char *const feature_statuses[] = {"new", "triage", "accepted", "planned", "in_progress", "shipped",
                                               "declined", NULL};
static const char *const tiers[] = {"free", "pro", "enterprise", NULL};

static const struct link goal_links = {"feature_goals", "feature_id", "goal_id", "weight", 1, 5, "goal_id"};
static const struct link persona_links = {"feature_personas", "feature_id", "persona_id", NULL, 0, 0, NULL};
static const struct link dep_links = {"feature_deps", "feature_id", "depends_on", NULL, 0, 0, NULL};

static const struct field feature_fields[] = {
	{"title", "Title", FT_STRING, F_REQUIRED | F_LISTED | F_SEARCH | F_SORT, 200},
	{"kind", "Kind", FT_ENUM, F_REQUIRED | F_LISTED | F_FILTER, .choices = feature_kinds, .dflt = "\"feature\""},
	{"status", "Status", FT_ENUM, F_REQUIRED | F_LISTED | F_FILTER | F_SORT, .choices = feature_statuses,
	 .dflt = "\"new\""},
	{"description", "Description", FT_TEXT, F_SEARCH | F_MARKDOWN, 20000, .help = "Markdown"},
	{"requester", "Requested by", FT_STRING, 0, 200, .help = "Who asked: a name or an email, for the reply"},
	{"decline_reason", "Decline reason", FT_TEXT, 0, 2000,
	 .help = "Required when declined: cite the perspective, a principle or an out-of-scope line"},
	{"goals", "Goals", FT_LINKS, F_FILTER, 50, .ref = "goals", .link = &goal_links,
	 .help = "The goals it moves, each with a weight from 1 (a little) to 5 (a lot)"},
	{"persona_ids", "Personas", FT_LINKS, F_FILTER, 50, .ref = "personas", .link = &persona_links},
	{"journey_stage_id", "Journey stage", FT_REF, F_FILTER, .ref = "journey-stages"},
	{"depends_on", "Depends on", FT_LINKS, 0, 50, .ref = "features", .link = &dep_links,
	 .help = "Features that must ship first; a plan takes this one only with them"},
	{"effort_eng", "Effort: engineering", FT_NUMBER, F_SORT, 0, 0, 1000, .help = "Person-weeks"},
	{"effort_design", "Effort: design", FT_NUMBER, 0, 0, 0, 1000, .help = "Person-weeks"},
	{"effort_mkt", "Effort: marketing", FT_NUMBER, 0, 0, 0, 1000, .help = "Person-weeks"},
	{"reach", "Reach", FT_INT, F_SORT, 0, 0, 1e9, .help = "People or accounts affected per quarter"},
	{"impact", "Impact", FT_NUMBER, 0, 0, 0.25, 3, .help = "0.25 minimal, 0.5 low, 1 medium, 2 high, 3 massive"},
	{"confidence", "Confidence", FT_NUMBER, 0, 0, 0, 1, .help = "0 to 1: how sure the estimates are"},
	{"tier", "Tier", FT_ENUM, F_LISTED | F_FILTER, .choices = tiers, .help = "The package it ships in"},
	{"readiness", "Readiness", FT_INT, 0, 0, 0, 100, .help = "Percent ready to launch"},
	{"period", "Period", FT_STRING, F_LISTED | F_FILTER | F_SORT, 7, .help = "Planned for, e.g. 2027-Q1"},
	{"pm_owner", "PM owner", FT_REF, F_LISTED | F_FILTER, .ref = "users"},
	{"pmm_owner", "PMM owner", FT_REF, F_FILTER, .ref = "users"},
	{"success_metric", "Success metric", FT_STRING, 0, 200, .help = "How we will know it worked"},
	{"success_baseline", "Success baseline", FT_NUMBER},
	{"success_target", "Success target", FT_NUMBER},
	{"success_actual", "Success actual", FT_NUMBER},
	{"merged_into", "Merged into", FT_REF, F_READONLY, .ref = "features",
	 .help = "Set when this duplicate was merged into another feature"},
};

bool valid_period(const char *s)
{
	if (!s || strlen(s) != 7 || s[4] != '-')
		return false;
	for (int i = 0; i < 4; i++)
		if (s[i] < '0' || s[i] > '9')
			return false;
	if (s[5] == 'Q')
		return s[6] >= '1' && s[6] <= '4';
	if (s[5] == 'H')
		return s[6] == '1' || s[6] == '2';
	return (s[5] == '0' && s[6] >= '1' && s[6] <= '9') || (s[5] == '1' && s[6] >= '0' && s[6] <= '2');
}

/* Depth-first search over feature_deps (plus the edges about to be written from `from`). */
static bool dfs(db *d, long long at, json_t *extra, long long from, long long to, long long *path, int depth, int max,
                int *len)
{
	path[depth] = at;
	if (at == to && depth > 0) {
		*len = depth + 1;
		return true;
	}
	if (depth + 1 >= max)
		return false;
	for (int k = 0; k < depth; k++) /* a cycle not through `to` is someone else's; stop */
		if (path[k] == at)
			return false;
	if (at == from && extra) {
		size_t i;
		json_t *x;
		json_array_foreach(extra, i, x) if (dfs(d, json_integer_value(x), extra, from, to, path, depth + 1, max, len))
			return true;
		return false;
	}
	db_stmt *s = db_q(d, "SELECT depends_on FROM feature_deps WHERE feature_id = ? ORDER BY depends_on", "i", at);
	long long next[64];
	int n = 0;
	while (s && db_step(s) == DB_ROW && n < 64)
		next[n++] = db_col_int(s, 0);
	db_done(s);
	for (int i = 0; i < n; i++)
		if (dfs(d, next[i], extra, from, to, path, depth + 1, max, len))
			return true;
	return false;
}

bool feature_dep_path(db *d, long long from, json_t *extra, long long to, char *out, size_t n)
{
	long long path[64];
	int len = 0;
	if (!dfs(d, from, extra, from, to, path, 0, 64, &len))
		return false;
	size_t o = 0;
	out[0] = 0;
	for (int i = 0; i < len && o < n; i++)
		o += (size_t)snprintf(out + o, n - o, "%s#%lld", i ? " → " : "", path[i]);
	return true;
}

static int feature_check(db *d, long long id, json_t *obj, struct err *e)
{
	const char *status = json_string_value(json_object_get(obj, "status"));
	const char *reason = json_string_value(json_object_get(obj, "decline_reason"));
	if (status && !strcmp(status, "declined") && (!reason || strspn(reason, " \t\r\n") == strlen(reason)))
		return err_invalid(e, "decline_reason", "declining needs a reason that cites the perspective, a principle "
		                                        "or an out-of-scope line");
	const char *period = json_string_value(json_object_get(obj, "period"));
	if (period && !valid_period(period))
		return err_invalid(e, "period", "period must look like 2027-Q1, 2027-H2 or 2027-03");
	json_t *deps = json_object_get(obj, "depends_on");
	size_t i;
	json_t *x;
	json_array_foreach(deps, i, x) if (id && json_integer_value(x) == id) return err_invalid(
		e, "depends_on", "a feature cannot depend on itself");
	char path[400];
	if (id && feature_dep_path(d, id, deps, id, path, sizeof path))
		return err_invalid(e, "depends_on", "dependency cycle: %s", path);
	return 0;
}

struct entity features_entity = {
	.kind = "features", .table = "features", .one = "feature", .label = "Features", .title_field = "title",
	.blurb = "The backlog: features, problems, ideas and bugs, tied to goals and personas.",
	.fields = feature_fields, .nfields = COUNT(feature_fields), .write_rank = RANK_EDITOR, .default_sort = "-id",
	.check = feature_check, .fts = "features_fts",
};

static const struct field stage_fields[] = {
	{"name", "Name", FT_STRING, F_REQUIRED | F_LISTED | F_SEARCH | F_SORT, 120},
	{"position", "Position", FT_INT, F_REQUIRED | F_LISTED | F_SORT, 0, 1, 100, .dflt = "1",
	 .help = "Order in the journey, 1 first"},
	{"persona_id", "Persona", FT_REF, F_LISTED | F_FILTER, .ref = "personas"},
	{"touchpoints", "Touchpoints", FT_TEXT, F_SEARCH, 4000},
	{"pains", "Pains", FT_TEXT, F_SEARCH, 4000},
};

struct entity journey_stages_entity = {
	.kind = "journey-stages", .table = "journey_stages", .one = "journey stage", .label = "Journey stages",
	.title_field = "name", .blurb = "The steps a persona goes through, from first hearing of you to renewing.",
	.fields = stage_fields, .nfields = COUNT(stage_fields), .write_rank = RANK_EDITOR, .default_sort = "position",
};

static const struct field capacity_fields[] = {
	{"period", "Period", FT_STRING, F_REQUIRED | F_LISTED | F_SORT, 7, .help = "e.g. 2027-Q1, 2027-H2 or 2027-03"},
	{"eng", "Engineering", FT_NUMBER, F_REQUIRED | F_LISTED, 0, 0, 100000, .dflt = "0", .help = "Person-weeks"},
	{"design", "Design", FT_NUMBER, F_REQUIRED | F_LISTED, 0, 0, 100000, .dflt = "0", .help = "Person-weeks"},
	{"mkt", "Marketing", FT_NUMBER, F_REQUIRED | F_LISTED, 0, 0, 100000, .dflt = "0", .help = "Person-weeks"},
};

static int capacity_check(db *d, long long id, json_t *obj, struct err *e)
{
	const char *period = json_string_value(json_object_get(obj, "period"));
	if (!valid_period(period))
		return err_invalid(e, "period", "period must look like 2027-Q1, 2027-H2 or 2027-03");
	long long other = db_int(d, 0, "SELECT id FROM capacity WHERE period = ? AND id <> ?", "ti", period, id);
	if (other)
		return err_invalid(e, "period", "capacity for %s exists already (id %lld); edit that one", period, other);
	return 0;
}

struct entity capacity_entity = {
	.kind = "capacity", .table = "capacity", .one = "capacity", .label = "Capacity", .title_field = "period",
	.blurb = "Person-weeks per team (engineering, design, marketing) for each planning period.",
	.fields = capacity_fields, .nfields = COUNT(capacity_fields), .write_rank = RANK_EDITOR, .default_sort = "period",
	.check = capacity_check,
};
