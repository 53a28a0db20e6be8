/* roadmap.h — the roadmap assembled: releases by target date with their features, lanes grouped by goal,
 * team or persona, launches as markers, now/next/later buckets, and the filters that narrow it. */
#ifndef TANDEM_ROADMAP_H
#define TANDEM_ROADMAP_H
#include "platform/arena.h"
#include "platform/db.h"
#include "platform/err.h"
#include <jansson.h>

enum roadmap_group { ROADMAP_GOAL, ROADMAP_TEAM, ROADMAP_PERSONA, ROADMAP_GROUP__MAX };
enum roadmap_bucket { BUCKET_NONE = -1, BUCKET_NOW, BUCKET_NEXT, BUCKET_LATER, BUCKET__MAX };
enum roadmap_team { TEAM_ENG, TEAM_DESIGN, TEAM_MKT, TEAM_NONE, TEAM__MAX };

/* Now: within NOW_DAYS of today (or overdue, or in progress); next: up to NEXT_DAYS; later: beyond. */
enum { ROADMAP_NOW_DAYS = 42, ROADMAP_NEXT_DAYS = 42 + 91, ROADMAP_PAST_DAYS = 90, ROADMAP_LEAD_IN = 14 };

struct roadmap_filter {
	enum roadmap_group group;
	long long goal, segment, persona; /* 0: any */
	const char *tier;                 /* a feature's package: free, pro, enterprise; NULL: any */
	int launch_tier;                  /* 1-3; 0: any */
};

struct rm_release {
	long long id;
	const char *name, *target_date, *status;
	const char *start; /* where its features' bars begin: the previous release's target, or today - 14 days */
	int nfeatures;
};

struct rm_lane {
	const char *key, *label; /* "goal-3" / "Grow self-serve", "team-none" / "Unestimated" */
	long long id;            /* the goal or persona; 0 for a team or the "none" lane */
	int nfeatures;
};

struct rm_feature {
	long long id;
	const char *title, *status, *tier; /* tier may be NULL */
	int release;                       /* index in releases; -1: not in a release on the roadmap */
	int lane;                          /* index in lanes */
	enum roadmap_bucket bucket;        /* BUCKET_NONE for shipped work */
	long long goal_id, persona_id;     /* its highest-weight goal, its first persona; 0: none */
	const char *goal, *persona;
	enum roadmap_team team;
};

struct rm_launch {
	long long id;
	const char *title, *launch_date, *status;
	int tier;
	long long release_id; /* 0: none */
	enum roadmap_bucket bucket;
	bool before_release; /* dated before its release's target date while that release has not shipped */
};

/* Everything lives in the arena handed to roadmap_load. Features are ordered by lane, then release date
 * (no release last), then title; lanes by label with the "none" lane last (teams in a fixed order). */
struct roadmap {
	char today[11];
	struct roadmap_filter filter;
	struct rm_release *releases;
	int nreleases;
	struct rm_lane *lanes;
	int nlanes;
	struct rm_feature *features;
	int nfeatures;
	struct rm_launch *launches;
	int nlaunches;
};

/* A filter that lets everything through, grouped by goal. */
void roadmap_filter_init(struct roadmap_filter *f);
/* Apply one query parameter (group, goal, segment, persona, tier, launch_tier; an empty value means any;
 * other names are ignored). -1 with err naming the parameter when the value is not valid or names no
 * object. Strings are kept, not copied. */
int roadmap_param(db *d, struct roadmap_filter *f, const char *name, const char *value, struct err *err);

/* Assemble the roadmap as of today (YYYY-MM-DD). 0, or -1 when the database fails. */
int roadmap_load(db *d, arena *a, const struct roadmap_filter *f, const char *today, struct roadmap *r);
/* The roadmap as JSON (a new object). */
json_t *roadmap_json(const struct roadmap *r);

/* The pure rules, for tests and the pages. */
/* The bucket of work due on date (NULL: no date) with this status, as of today. */
enum roadmap_bucket roadmap_bucket_of(const char *today, const char *date, const char *status);
/* The team with the largest effort (ties: engineering, design, marketing); TEAM_NONE when all are 0. */
enum roadmap_team roadmap_team_of(double eng, double design, double mkt);
const char *roadmap_group_name(enum roadmap_group g);   /* "goal", "team", "persona" */
const char *roadmap_bucket_name(enum roadmap_bucket b); /* "now", "next", "later"; NULL for none */
const char *roadmap_team_key(enum roadmap_team t);      /* "eng", "design", "mkt"; NULL for none */
const char *roadmap_team_label(enum roadmap_team t);    /* "Engineering", ..., "Unestimated" */
#endif
