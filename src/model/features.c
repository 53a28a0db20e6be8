/* features.c — the backlog described once: features (also problems, ideas, bugs) with their links to
 * goals, personas, a journey stage and other features; journey stages; capacity per period. */
#include "features.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "insights.h"
#include "queries.h"
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
	{"release_id", "Release", FT_REF, F_FILTER, .ref = "releases", .help = "The release it ships in"},
	{"pm_owner", "PM owner", FT_REF, F_LISTED | F_FILTER | F_OWNER, .ref = "users"},
	{"pmm_owner", "PMM owner", FT_REF, F_FILTER | F_OWNER, .ref = "users"},
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

bool period_range(const char *period, char from[11], char to[11])
{
	if (!valid_period(period))
		return false;
	int y = atoi(period), first, last;
	if (period[5] == 'Q')
		first = (period[6] - '1') * 3 + 1, last = first + 2;
	else if (period[5] == 'H')
		first = period[6] == '1' ? 1 : 7, last = first + 5;
	else
		first = last = atoi(period + 5);
	static const int days[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
	int end = days[last - 1] + (last == 2 && ((y % 4 == 0 && y % 100) || y % 400 == 0));
	snprintf(from, 11, "%04d-%02d-01", y, first);
	snprintf(to, 11, "%04d-%02d-%02d", y, last, end);
	return true;
}

/* The dependency graph as edges sorted by feature, for a breadth-first search. */
struct edges {
	long long (*e)[2]; /* {feature_id, depends_on} */
	size_t n;
};

static void load_edges(db *d, struct edges *g)
{
	size_t cap = 0;
	g->e = NULL, g->n = 0;
	db_stmt *s = db_q(d, "SELECT feature_id, depends_on FROM feature_deps ORDER BY feature_id", "");
	while (s && db_step(s) == DB_ROW) {
		if (g->n == cap) {
			cap = cap ? 2 * cap : 256;
			g->e = xrealloc(g->e, cap * sizeof *g->e);
		}
		g->e[g->n][0] = db_col_int(s, 0);
		g->e[g->n++][1] = db_col_int(s, 1);
	}
	db_done(s);
}

/* The first edge of a feature (binary search); g->n when it has none. */
static size_t first_edge(const struct edges *g, long long id)
{
	size_t lo = 0, hi = g->n;
	while (lo < hi) {
		size_t mid = (lo + hi) / 2;
		if (g->e[mid][0] < id)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}

/* Visited features and the one each was reached from: an open-addressing table. */
struct seen {
	long long *id, *parent;
	size_t cap;
};

static long long *seen_slot(struct seen *v, long long id, bool *fresh)
{
	size_t h = (size_t)id * 11400714819323198485ull % v->cap;
	while (v->id[h] && v->id[h] != id)
		h = (h + 1) % v->cap;
	*fresh = v->id[h] == 0;
	v->id[h] = id;
	return &v->parent[h];
}

bool feature_dep_path(db *d, long long from, json_t *extra, long long to, char *out, size_t n)
{
	struct edges g;
	load_edges(d, &g);
	size_t nodes = g.n + json_array_size(extra) + 2;
	struct seen v = {xmalloc(sizeof(long long) * 4 * nodes), xmalloc(sizeof(long long) * 4 * nodes), 4 * nodes};
	memset(v.id, 0, sizeof(long long) * v.cap);
	long long *queue = xmalloc(sizeof(long long) * (nodes + 1));
	size_t head = 0, tail = 0;
	bool found = false, fresh;
	queue[tail++] = from;
	while (head < tail && !found) {
		long long at = queue[head++];
		/* the edges of `from` are the ones about to be written, when given */
		size_t k = at == from && extra ? 0 : first_edge(&g, at);
		for (;;) {
			long long next;
			if (at == from && extra) {
				if (k >= json_array_size(extra))
					break;
				next = json_integer_value(json_array_get(extra, k++));
			} else {
				if (k >= g.n || g.e[k][0] != at)
					break;
				next = g.e[k++][1];
			}
			long long *parent = seen_slot(&v, next, &fresh);
			if (!fresh)
				continue;
			*parent = at;
			if (next == to) {
				found = true;
				break;
			}
			if (tail < nodes)
				queue[tail++] = next;
		}
	}
	if (found) { /* walk back from `to` to `from`, then print forwards */
		long long path[64];
		int len = 0;
		long long at = to;
		path[len++] = at;
		do {
			at = *seen_slot(&v, at, &fresh);
			path[len++] = at;
		} while (at != from && len < 63);
		size_t o = 0;
		out[0] = 0;
		for (int i = len - 1; i >= 0 && o < n; i--)
			o += (size_t)snprintf(out + o, n - o, "%s#%lld", i == len - 1 ? "" : " → ", path[i]);
	}
	free(v.id), free(v.parent), free(queue), free(g.e);
	return found;
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

/* What a contributor files: a new problem or idea (the team triages it into the backlog). */
static int feature_request_check(json_t *obj, struct err *e)
{
	const char *kind = json_string_value(json_object_get(obj, "kind"));
	if (!str_eq(kind, "problem") && !str_eq(kind, "idea"))
		return err_set(e, 403, "forbidden", "kind", "contributors file requests: kind must be problem or idea");
	if (!str_eq(json_string_value(json_object_get(obj, "status")), "new"))
		return err_set(e, 403, "forbidden", "status", "contributors file requests with status new; the team triages them");
	return 0;
}

/* The backlog's page hides what is decided and done unless asked: ?closed=false. */
static const struct list_filter feature_filters[] = {
	{"closed", "Declined or shipped", "true: only declined and shipped features; false: only the others",
	 "features.status IN ('declined', 'shipped')"},
};

struct entity features_entity = {
	.kind = "features", .table = "features", .one = "feature", .label = "Features", .title_field = "title",
	.blurb = "The backlog: features, problems, ideas and bugs, tied to goals and personas.",
	.fields = feature_fields, .nfields = COUNT(feature_fields), .write_rank = RANK_EDITOR, .default_sort = "-id",
	.check = feature_check, .fts = "features_fts", .create_rank = RANK_CONTRIBUTOR, .create_check = feature_request_check,
	.filters = feature_filters, .nfilters = COUNT(feature_filters),
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
	.kind = "journey-stages", .table = "journey_stages", .one = "journey stage", .event = "journey_stage", .label = "Journey stages",
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

json_t *features_merge_candidates(db *d, long long except)
{
	json_t *out = json_array();
	db_stmt *s = query_q(d, Q_FEATURES_MERGE_CANDIDATES, "i", except);
	while (s && db_step(s) == DB_ROW)
		json_array_append_new(out, json_pack("{sIss}", "id", (json_int_t)db_col_int(s, 0), "title", db_col_text(s, 1)));
	db_done(s);
	return out;
}

int features_requests(db *d, long long *ids, int max)
{
	int n = 0;
	db_stmt *s = db_q(d, "SELECT id FROM features WHERE status IN ('new', 'triage') AND merged_into IS NULL "
	                     "ORDER BY created_at, id LIMIT ?",
	                  "i", (long long)max);
	while (s && db_step(s) == DB_ROW && n < max)
		ids[n++] = db_col_int(s, 0);
	db_done(s);
	return n;
}

void backlog_counts(db *d, struct backlog_counts *c)
{
	c->waiting = db_int(d, 0, "SELECT count(*) FROM features WHERE status IN ('new', 'triage') AND merged_into IS NULL", "");
	c->accepted = db_int(d, 0, "SELECT count(*) FROM features WHERE status = 'accepted' AND merged_into IS NULL", "");
	c->planned = db_int(d, 0, "SELECT count(*) FROM features WHERE status IN ('planned', 'in_progress') AND merged_into "
	                          "IS NULL", "");
	/* the insights list's own count of ?linked=false&dismissed=0, so the card and the page agree */
	arena *a = arena_new();
	struct kv dismissed = {"dismissed", "0", NULL}, linked = {"linked", "false", &dismissed};
	struct list_query q = {&linked, 1};
	struct err err = {0};
	if (entity_list_count(d, &insights_entity, &q, a, &c->unlinked_insights, &err) < 0)
		c->unlinked_insights = 0;
	arena_free(a);
}

json_t *features_planned_periods(db *d)
{
	json_t *out = json_array();
	db_stmt *s = db_q(d, "SELECT DISTINCT period FROM features WHERE status IN ('planned', 'in_progress') AND "
	                     "merged_into IS NULL AND period IS NOT NULL ORDER BY period", "");
	while (s && db_step(s) == DB_ROW)
		json_array_append_new(out, json_string(db_col_text(s, 0)));
	db_done(s);
	return out;
}

json_t *features_plan_choices(db *d)
{
	json_t *out = json_array();
	db_stmt *s = query_q(d, Q_FEATURES_PLAN_CHOICES, "");
	while (s && db_step(s) == DB_ROW)
		json_array_append_new(out, json_pack("{sIss}", "id", (json_int_t)db_col_int(s, 0), "title", db_col_text(s, 1)));
	db_done(s);
	return out;
}

json_t *features_of_release(db *d, long long release_id)
{
	json_t *out = json_array();
	db_stmt *s = db_q(d, "SELECT id, title, status, readiness FROM features WHERE release_id = ? AND merged_into IS NULL "
	                     "ORDER BY status, title", "i", release_id);
	while (s && db_step(s) == DB_ROW) {
		json_t *o = json_pack("{sIssss}", "id", (json_int_t)db_col_int(s, 0), "title", db_col_text(s, 1), "status",
		                      db_col_text(s, 2));
		json_object_set_new(o, "readiness", db_col_null(s, 3) ? json_null() : json_integer(db_col_int(s, 3)));
		json_array_append_new(out, o);
	}
	db_done(s);
	return out;
}

json_t *capacity_periods(db *d)
{
	json_t *out = json_array();
	db_stmt *s = db_q(d, "SELECT period FROM capacity ORDER BY period", "");
	while (s && db_step(s) == DB_ROW)
		json_array_append_new(out, json_string(db_col_text(s, 0)));
	db_done(s);
	return out;
}

const char *capacity_default_period(db *d, arena *a, const char *today)
{
	char month[8]; /* today's YYYY-MM: periods from this month on come first */
	snprintf(month, sizeof month, "%.7s", today);
	db_stmt *s = db_q(d, "SELECT period FROM capacity ORDER BY (period < ?), period LIMIT 1", "t", month);
	const char *p = s && db_step(s) == DB_ROW ? arena_strdup(a, db_col_text(s, 0)) : NULL;
	db_done(s);
	return p;
}

long long capacity_id(db *d, const char *period)
{
	return db_int(d, 0, "SELECT id FROM capacity WHERE period = ?", "t", period);
}

bool capacity_of(db *d, const char *period, double out[3])
{
	db_stmt *s = db_q(d, "SELECT eng, design, mkt FROM capacity WHERE period = ?", "t", period);
	bool found = s && db_step(s) == DB_ROW;
	for (int t = 0; t < 3; t++)
		out[t] = found ? db_col_double(s, t) : 0;
	db_done(s);
	return found;
}

struct entity capacity_entity = {
	.kind = "capacity", .table = "capacity", .one = "capacity", .label = "Capacity", .title_field = "period",
	.blurb = "Person-weeks per team (engineering, design, marketing) for each planning period.",
	.fields = capacity_fields, .nfields = COUNT(capacity_fields), .write_rank = RANK_EDITOR, .default_sort = "period",
	.check = capacity_check,
};
