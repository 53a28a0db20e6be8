/* roadmap.c — the roadmap assembled from releases, features and launches: lanes, bars, buckets, filters. */
#include "roadmap.h"
#include "model/entity.h"
#include "platform/util.h"
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

static const char *const group_names[] = {"goal", "team", "persona"};
static const char *const bucket_names[] = {"now", "next", "later"};
static const char *const team_keys[] = {"eng", "design", "mkt", NULL};
static const char *const team_labels[] = {"Engineering", "Design", "Marketing", "Unestimated"};

const char *roadmap_group_name(enum roadmap_group g)
{
	return g >= 0 && g < ROADMAP_GROUP__MAX ? group_names[g] : "goal";
}
const char *roadmap_bucket_name(enum roadmap_bucket b)
{
	return b >= 0 && b < BUCKET__MAX ? bucket_names[b] : NULL;
}
const char *roadmap_team_key(enum roadmap_team t)
{
	return t >= 0 && t < TEAM__MAX ? team_keys[t] : NULL;
}
const char *roadmap_team_label(enum roadmap_team t)
{
	return team_labels[t >= 0 && t < TEAM__MAX ? t : TEAM_NONE];
}

void roadmap_filter_init(struct roadmap_filter *f)
{
	memset(f, 0, sizeof *f);
	f->group = ROADMAP_GOAL;
}

/* An id parameter that must name an object of kind ("goals"); 0 for an empty value. */
static int id_param(db *d, const char *name, const char *kind, const char *value, long long *out, struct err *err)
{
	long long id = 0;
	if (str_empty(value)) {
		*out = 0;
		return 0;
	}
	if (!parse_ll(value, &id) || id <= 0)
		return err_invalid(err, name, "%s must be the id of a %s", name, name);
	if (!entity_ref_exists(d, kind, id))
		return err_invalid(err, name, "no %s with id %lld", name, id);
	*out = id;
	return 0;
}

int roadmap_param(db *d, struct roadmap_filter *f, const char *name, const char *value, struct err *err)
{
	if (!strcmp(name, "group")) {
		for (int g = 0; g < ROADMAP_GROUP__MAX; g++)
			if (str_eq(value, group_names[g])) {
				f->group = (enum roadmap_group)g;
				return 0;
			}
		if (str_empty(value))
			return f->group = ROADMAP_GOAL, 0;
		return err_invalid(err, "group", "group must be goal, team or persona");
	}
	if (!strcmp(name, "goal"))
		return id_param(d, name, "goals", value, &f->goal, err);
	if (!strcmp(name, "segment"))
		return id_param(d, name, "segments", value, &f->segment, err);
	if (!strcmp(name, "persona"))
		return id_param(d, name, "personas", value, &f->persona, err);
	if (!strcmp(name, "tier")) {
		if (str_empty(value))
			return f->tier = NULL, 0;
		if (!str_eq(value, "free") && !str_eq(value, "pro") && !str_eq(value, "enterprise"))
			return err_invalid(err, "tier", "tier must be free, pro or enterprise");
		f->tier = value;
		return 0;
	}
	if (!strcmp(name, "launch_tier")) {
		long long t = 0;
		if (str_empty(value))
			return f->launch_tier = 0, 0;
		if (!parse_ll(value, &t) || t < 1 || t > 3)
			return err_invalid(err, "launch_tier", "launch_tier must be 1, 2 or 3");
		f->launch_tier = (int)t;
		return 0;
	}
	return 0;
}

enum roadmap_bucket roadmap_bucket_of(const char *today, const char *date, const char *status)
{
	if (str_eq(status, "shipped") || str_eq(status, "launched"))
		return BUCKET_NONE;
	if (str_eq(status, "in_progress"))
		return BUCKET_NOW;
	if (!date || !valid_date(date))
		return BUCKET_LATER;
	long d = date_diff(today, date);
	return d <= ROADMAP_NOW_DAYS ? BUCKET_NOW : d <= ROADMAP_NEXT_DAYS ? BUCKET_NEXT : BUCKET_LATER;
}

enum roadmap_team roadmap_team_of(double eng, double design, double mkt)
{
	if (eng <= 0 && design <= 0 && mkt <= 0)
		return TEAM_NONE;
	if (eng >= design && eng >= mkt)
		return TEAM_ENG;
	return design >= mkt ? TEAM_DESIGN : TEAM_MKT;
}

/* Room for one more element in an arena array: doubles it (the old copy stays in the arena). */
static void *grow(arena *a, void *p, int n, int *cap, size_t size)
{
	if (n < *cap)
		return p;
	int ncap = *cap ? 2 * *cap : 16;
	void *q = arena_alloc(a, (size_t)ncap * size);
	if (n)
		memcpy(q, p, (size_t)n * size);
	*cap = ncap;
	return q;
}

/* Releases not cancelled, and not shipped more than ROADMAP_PAST_DAYS ago, by target date. */
static int load_releases(db *d, arena *a, struct roadmap *r)
{
	char cutoff[11], lead[11];
	date_add(r->today, -ROADMAP_PAST_DAYS, cutoff);
	date_add(r->today, -ROADMAP_LEAD_IN, lead);
	int cap = 0;
	db_stmt *s = db_q(d,
	                  "SELECT id, name, target_date, status FROM releases WHERE status <> 'cancelled' "
	                  "AND (target_date >= ? OR status <> 'shipped') ORDER BY target_date, id",
	                  "t", cutoff);
	if (!s)
		return -1;
	while (db_step(s) == DB_ROW) {
		r->releases = grow(a, r->releases, r->nreleases, &cap, sizeof *r->releases);
		struct rm_release *x = &r->releases[r->nreleases++];
		x->id = db_col_int(s, 0);
		x->name = arena_strdup(a, db_col_text(s, 1));
		x->target_date = arena_strdup(a, db_col_text(s, 2));
		x->status = arena_strdup(a, db_col_text(s, 3));
	}
	db_done(s);
	for (int i = 0; i < r->nreleases; i++) { /* a bar is at least a week long */
		struct rm_release *x = &r->releases[i];
		const char *start = i ? r->releases[i - 1].target_date : lead;
		char *out = arena_alloc(a, 11);
		if (date_diff(start, x->target_date) < 7)
			date_add(x->target_date, -7, out);
		else
			memcpy(out, start, 11);
		x->start = out;
	}
	return 0;
}

static int release_index(const struct roadmap *r, long long id)
{
	for (int i = 0; id && i < r->nreleases; i++)
		if (r->releases[i].id == id)
			return i;
	return -1;
}

static int load_features(db *d, arena *a, struct roadmap *r)
{
	const struct roadmap_filter *f = &r->filter;
	int cap = 0;
	db_stmt *s = db_q(
	    d,
	    "SELECT f.id, f.title, f.status, f.tier, f.release_id, coalesce(f.effort_eng, 0), "
	    "coalesce(f.effort_design, 0), coalesce(f.effort_mkt, 0), g.id, g.title, p.id, p.name FROM features f "
	    "LEFT JOIN goals g ON g.id = (SELECT x.goal_id FROM feature_goals x WHERE x.feature_id = f.id "
	    "ORDER BY x.weight DESC, x.goal_id LIMIT 1) "
	    "LEFT JOIN personas p ON p.id = (SELECT min(x.persona_id) FROM feature_personas x WHERE x.feature_id = "
	    "f.id) "
	    "WHERE f.merged_into IS NULL AND f.status <> 'declined' "
	    "AND (f.release_id IS NOT NULL OR f.status IN ('accepted', 'planned', 'in_progress')) "
	    "AND (? = 0 OR EXISTS (SELECT 1 FROM feature_goals x WHERE x.feature_id = f.id AND x.goal_id = ?)) "
	    "AND (? = 0 OR EXISTS (SELECT 1 FROM feature_personas x JOIN personas y ON y.id = x.persona_id "
	    "WHERE x.feature_id = f.id AND y.segment_id = ?)) "
	    "AND (? = 0 OR EXISTS (SELECT 1 FROM feature_personas x WHERE x.feature_id = f.id AND x.persona_id = ?)) "
	    "AND (? IS NULL OR f.tier = ?) ORDER BY f.id",
	    "iiiiiitt", f->goal, f->goal, f->segment, f->segment, f->persona, f->persona, f->tier, f->tier);
	if (!s)
		return -1;
	while (db_step(s) == DB_ROW) {
		const char *status = db_col_text(s, 2);
		int rel = release_index(r, db_col_int(s, 4));
		/* in a release that is off the roadmap (cancelled, long shipped): only open work stays, unscheduled */
		if (rel < 0 && strcmp(status, "accepted") && strcmp(status, "planned") && strcmp(status, "in_progress"))
			continue;
		r->features = grow(a, r->features, r->nfeatures, &cap, sizeof *r->features);
		struct rm_feature *x = &r->features[r->nfeatures++];
		x->id = db_col_int(s, 0);
		x->title = arena_strdup(a, db_col_text(s, 1));
		x->status = arena_strdup(a, status);
		x->tier = arena_strdup(a, db_col_text(s, 3));
		x->release = rel;
		x->team = roadmap_team_of(db_col_double(s, 5), db_col_double(s, 6), db_col_double(s, 7));
		x->goal_id = db_col_int(s, 8);
		x->goal = arena_strdup(a, db_col_text(s, 9));
		x->persona_id = db_col_int(s, 10);
		x->persona = arena_strdup(a, db_col_text(s, 11));
		x->bucket = roadmap_bucket_of(r->today, rel >= 0 ? r->releases[rel].target_date : NULL, x->status);
		if (rel >= 0)
			r->releases[rel].nfeatures++;
	}
	db_done(s);
	return 0;
}

static int lane_cmp(const void *pa, const void *pb)
{
	const struct rm_lane *x = pa, *y = pb;
	if (!x->id != !y->id)
		return x->id ? -1 : 1; /* the "none" lane last */
	int c = strcasecmp(x->label, y->label);
	return c ? c : (x->id > y->id) - (x->id < y->id);
}

/* The lane key and label of a feature under the grouping; id 0 is the "none" lane. */
static long long lane_of(const struct roadmap *r, const struct rm_feature *x, const char **label)
{
	if (r->filter.group == ROADMAP_PERSONA) {
		*label = x->persona_id ? x->persona : "No persona";
		return x->persona_id;
	}
	*label = x->goal_id ? x->goal : "No goal";
	return x->goal_id;
}

/* The index of the lane of this goal or persona (0: the "none" lane); nlanes when there is none yet. */
static int lane_index(const struct roadmap *r, long long id)
{
	int k = 0;
	while (k < r->nlanes && r->lanes[k].id != id)
		k++;
	return k;
}

/* Lanes by team: the teams that have features, in the fixed order of the teams. */
static void team_lanes(arena *a, struct roadmap *r)
{
	int count[TEAM__MAX] = {0}, index[TEAM__MAX];
	for (int i = 0; i < r->nfeatures; i++)
		count[r->features[i].team]++;
	r->lanes = arena_alloc(a, sizeof *r->lanes * TEAM__MAX);
	for (int t = 0; t < TEAM__MAX; t++) {
		index[t] = r->nlanes;
		if (!count[t])
			continue;
		struct rm_lane *l = &r->lanes[r->nlanes++];
		l->key = arena_printf(a, "team-%s", t == TEAM_NONE ? "none" : team_keys[t]);
		l->label = team_labels[t];
		l->nfeatures = count[t];
	}
	for (int i = 0; i < r->nfeatures; i++)
		r->features[i].lane = index[r->features[i].team];
}

/* Lanes by goal or persona: one per object its features name, by label, the "none" lane last. */
static void object_lanes(arena *a, struct roadmap *r)
{
	int cap = 0;
	const char *prefix = r->filter.group == ROADMAP_PERSONA ? "persona" : "goal";
	for (int i = 0; i < r->nfeatures; i++) {
		const char *label;
		long long id = lane_of(r, &r->features[i], &label);
		int k = lane_index(r, id);
		if (k == r->nlanes) {
			r->lanes = grow(a, r->lanes, r->nlanes, &cap, sizeof *r->lanes);
			r->lanes[k] = (struct rm_lane){.id = id, .label = label};
			r->nlanes++;
		}
		r->lanes[k].nfeatures++;
	}
	if (r->nlanes > 1)
		qsort(r->lanes, (size_t)r->nlanes, sizeof *r->lanes, lane_cmp);
	for (int k = 0; k < r->nlanes; k++)
		r->lanes[k].key = r->lanes[k].id ? arena_printf(a, "%s-%lld", prefix, r->lanes[k].id)
		                                 : arena_printf(a, "%s-none", prefix);
	for (int i = 0; i < r->nfeatures; i++) {
		const char *label;
		r->features[i].lane = lane_index(r, lane_of(r, &r->features[i], &label));
	}
}

static int feature_cmp(const void *pa, const void *pb)
{
	const struct rm_feature *x = pa, *y = pb;
	if (x->lane != y->lane)
		return x->lane - y->lane;
	int rx = x->release < 0 ? INT_MAX : x->release, ry = y->release < 0 ? INT_MAX : y->release;
	if (rx != ry)
		return rx < ry ? -1 : 1;
	int c = strcasecmp(x->title, y->title);
	return c ? c : (x->id > y->id) - (x->id < y->id);
}

static int load_launches(db *d, arena *a, struct roadmap *r)
{
	char cutoff[11];
	date_add(r->today, -ROADMAP_PAST_DAYS, cutoff);
	int cap = 0;
	db_stmt *s = db_q(d,
	                  "SELECT l.id, l.title, l.tier, l.launch_date, l.status, l.release_id FROM launches l "
	                  "WHERE l.status <> 'cancelled' AND l.launch_date >= ? AND (? = 0 OR l.tier = ?) "
	                  "AND (? = 0 OR EXISTS (SELECT 1 FROM launch_segments x WHERE x.launch_id = l.id "
	                  "AND x.segment_id = ?)) ORDER BY l.launch_date, l.id",
	                  "tiiii", cutoff, (long long)r->filter.launch_tier, (long long)r->filter.launch_tier,
	                  r->filter.segment, r->filter.segment);
	if (!s)
		return -1;
	while (db_step(s) == DB_ROW) {
		r->launches = grow(a, r->launches, r->nlaunches, &cap, sizeof *r->launches);
		struct rm_launch *x = &r->launches[r->nlaunches++];
		x->id = db_col_int(s, 0);
		x->title = arena_strdup(a, db_col_text(s, 1));
		x->tier = (int)db_col_int(s, 2);
		x->launch_date = arena_strdup(a, db_col_text(s, 3));
		x->status = arena_strdup(a, db_col_text(s, 4));
		x->release_id = db_col_int(s, 5);
		x->bucket = roadmap_bucket_of(r->today, x->launch_date, x->status);
		int rel = release_index(r, x->release_id);
		x->before_release = rel >= 0 && !str_eq(r->releases[rel].status, "shipped") &&
		                    strcmp(x->launch_date, r->releases[rel].target_date) < 0;
	}
	db_done(s);
	return 0;
}

int roadmap_load(db *d, arena *a, const struct roadmap_filter *f, const char *today, struct roadmap *r)
{
	memset(r, 0, sizeof *r);
	r->filter = *f;
	snprintf(r->today, sizeof r->today, "%s", today);
	if (load_releases(d, a, r) < 0 || load_features(d, a, r) < 0 || load_launches(d, a, r) < 0)
		return -1;
	if (r->filter.group == ROADMAP_TEAM)
		team_lanes(a, r);
	else
		object_lanes(a, r);
	if (r->nfeatures > 1)
		qsort(r->features, (size_t)r->nfeatures, sizeof *r->features, feature_cmp);
	return 0;
}
