/* features.h — the backlog: features, problems, ideas and bugs; journey stages; capacity per period. */
#ifndef TANDEM_FEATURES_H
#define TANDEM_FEATURES_H
#include <stdbool.h>
#include "entity.h"

extern struct entity features_entity, journey_stages_entity, capacity_entity;

/* A planning period: "2027-Q1" (quarter), "2027-H2" (half) or "2027-03" (month). */
bool valid_period(const char *s);
/* The first and last day of a period (YYYY-MM-DD); false when it is not a period. */
bool period_range(const char *period, char from[11], char to[11]);
/* The dependency path from `from` to `to` through feature_deps as "#3 → #7 → #3" into out, when
 * `to` is reachable; else false. `extra` adds the edges from `from` that are about to be written. */
bool feature_dep_path(db *d, long long from, json_t *extra, long long to, char *out, size_t n);
/* Features a duplicate may be merged into: every unmerged one but except, by title, as [{id, title}] (new). */
json_t *features_merge_candidates(db *d, long long except);
/* The ids of the requests waiting for triage (status new or triage, not merged), oldest first, at most max. */
int features_requests(db *d, long long *ids, int max);
/* Where the backlog stands: requests waiting for triage, accepted and not planned, planned or in progress (none
 * merged), insights linked to no feature and not dismissed. */
struct backlog_counts {
	long long waiting, accepted, planned, unlinked_insights;
};
void backlog_counts(db *d, struct backlog_counts *c);
/* The periods planned or in-progress features name, in order, as a new array of strings. */
json_t *features_planned_periods(db *d);
/* What a plan may be told to include or exclude: accepted or planned features, by title, as [{id, title}]. */
json_t *features_plan_choices(db *d);
/* The features of a release (not merged), by status then title: [{id, title, status, readiness}]. */
json_t *features_of_release(db *d, long long release_id);
/* The periods with stored capacity, in order; the first that is not over by today (else the first), in a. */
json_t *capacity_periods(db *d);
const char *capacity_default_period(db *d, arena *a, const char *today);
/* The id of the capacity row of a period; 0 when none is stored. */
long long capacity_id(db *d, const char *period);
/* The stored person-weeks of a period for eng, design and mkt (in that order); false (all 0) when none is stored. */
bool capacity_of(db *d, const char *period, double out[3]);
#endif
