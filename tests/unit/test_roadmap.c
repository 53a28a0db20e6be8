/* test_roadmap.c — the roadmap: buckets at their edge days, the team rule, parameters refused by name, which
 * releases, features and launches it holds, lanes by goal, team and persona, bars, filters, its JSON. */
#include "domain/roadmap.h"
#include "harness.h"
#include "model/entity.h"
#include <stdio.h>

#define TODAY "2027-01-01"

static long long rm_make(db *d, const char *kind, const char *json)
{
	struct err err = {0};
	json_t *in = json_loads(json, 0, NULL);
	long long id = in ? entity_create(d, entity_find(kind), 0, in, &err) : -1;
	if (id < 0)
		printf("fixture %s %s: %s (%s)\n", kind, json, err.message, err.field);
	json_decref(in);
	return id;
}

/* A date `days` from TODAY. */
static const char *rm_day(long days)
{
	static char out[8][11];
	static int next;
	char *o = out[next++ % 8];
	date_add(TODAY, days, o);
	return o;
}

static long long rm_release(db *d, const char *name, long days, const char *status)
{
	char json[200];
	snprintf(json, sizeof json, "{\"name\":\"%s\",\"target_date\":\"%s\",\"status\":\"%s\"}", name, rm_day(days),
	         status);
	return rm_make(d, "releases", json);
}

static long long rm_launch(db *d, const char *title, int tier, long days, const char *status, long long segment)
{
	char json[300];
	snprintf(json, sizeof json, "{\"title\":\"%s\",\"tier\":%d,\"launch_date\":\"%s\",\"status\":\"%s\"%s", title,
	         tier, rm_day(days), status, segment ? ",\"segment_ids\":[" : "}");
	if (segment)
		snprintf(json + strlen(json), sizeof json - strlen(json), "%lld]}", segment);
	return rm_make(d, "launches", json);
}

/* The workspace every roadmap test reads (ids in the comments). */
struct rm_fixture {
	long long g_grow, g_act, s_ent, s_smb, p_ops, p_owner, r_old, r1, r2, r3, r_cancel;
	long long a, b, c, dd, e, f, g, h, i, j, l1, l2, l3, l4;
};

static db *rm_fixture(struct rm_fixture *x)
{
	db *d = t_db();
	char json[400];
	x->g_grow = rm_make(d, "goals", "{\"title\":\"Grow revenue\",\"metric\":\"ARR\",\"target\":10}");
	x->g_act = rm_make(d, "goals", "{\"title\":\"Activation\",\"metric\":\"Activated\",\"target\":50}");
	x->s_ent = rm_make(d, "segments", "{\"name\":\"Enterprise\"}");
	x->s_smb = rm_make(d, "segments", "{\"name\":\"Small business\"}");
	snprintf(json, sizeof json, "{\"name\":\"Ops lead\",\"segment_id\":%lld}", x->s_ent);
	x->p_ops = rm_make(d, "personas", json);
	snprintf(json, sizeof json, "{\"name\":\"Owner\",\"segment_id\":%lld}", x->s_smb);
	x->p_owner = rm_make(d, "personas", json);
	x->r_old = rm_release(d, "Old", -200, "shipped");
	x->r2 = rm_release(d, "R2", 80, "planned"); /* made out of order: the roadmap sorts by date */
	x->r1 = rm_release(d, "R1", 20, "in_progress");
	x->r3 = rm_release(d, "R3", 200, "planned");
	x->r_cancel = rm_release(d, "Dropped", 30, "cancelled");
	/* a: planned in R1, goals Grow (2) and Activation (5), Ops lead, mostly engineering, pro */
	snprintf(
	    json, sizeof json,
	    "{\"title\":\"SSO\",\"status\":\"planned\",\"release_id\":%lld,\"goals\":[{\"goal_id\":%lld,\"weight\":2},"
	    "{\"goal_id\":%lld,\"weight\":5}],\"persona_ids\":[%lld],\"effort_eng\":3,\"effort_design\":1,\"tier\":"
	    "\"pro\"}",
	    x->r1, x->g_grow, x->g_act, x->p_ops);
	x->a = rm_make(d, "features", json);
	snprintf(json, sizeof json,
	         "{\"title\":\"Billing page\",\"status\":\"accepted\",\"release_id\":%lld,\"goals\":[{\"goal_id\":%lld,"
	         "\"weight\":3}],\"persona_ids\":[%lld],\"effort_mkt\":5,\"effort_eng\":1,\"tier\":\"free\"}",
	         x->r2, x->g_grow, x->p_owner);
	x->b = rm_make(d, "features", json);
	snprintf(json, sizeof json, "{\"title\":\"Audit log\",\"status\":\"in_progress\",\"release_id\":%lld}", x->r3);
	x->c = rm_make(d, "features", json);
	x->dd = rm_make(d, "features", "{\"title\":\"Dark mode\",\"status\":\"accepted\"}");
	snprintf(json, sizeof json,
	         "{\"title\":\"Fax\",\"status\":\"declined\",\"decline_reason\":\"out of scope\",\"release_id\":%lld}",
	         x->r1);
	x->e = rm_make(d, "features", json);
	snprintf(json, sizeof json, "{\"title\":\"SSO again\",\"status\":\"planned\",\"release_id\":%lld}", x->r1);
	x->f = rm_make(d, "features", json);
	db_run(d, "UPDATE features SET merged_into = ? WHERE id = ?", "ii", x->a, x->f);
	x->g = rm_make(d, "features", "{\"title\":\"Idea\",\"status\":\"new\"}");
	snprintf(json, sizeof json, "{\"title\":\"Export\",\"status\":\"shipped\",\"release_id\":%lld}", x->r1);
	x->h = rm_make(d, "features", json);
	snprintf(json, sizeof json, "{\"title\":\"Webhooks\",\"status\":\"planned\",\"release_id\":%lld}", x->r_cancel);
	x->i = rm_make(d, "features", json);
	snprintf(json, sizeof json, "{\"title\":\"Legacy\",\"status\":\"shipped\",\"release_id\":%lld}", x->r_cancel);
	x->j = rm_make(d, "features", json);
	x->l1 = rm_launch(d, "SSO launch", 1, 25, "planning", x->s_ent);
	x->l2 = rm_launch(d, "Billing note", 3, 100, "ready", 0);
	x->l3 = rm_launch(d, "Called off", 2, 40, "cancelled", 0);
	x->l4 = rm_launch(d, "Long ago", 2, -200, "launched", 0);
	return d;
}

/* The index of feature id in r; -1 when it is not on the roadmap. */
static int rm_find(const struct roadmap *r, long long id)
{
	for (int i = 0; i < r->nfeatures; i++)
		if (r->features[i].id == id)
			return i;
	return -1;
}

static void rm_load(db *d, arena *a, const char *params[][2], int n, struct roadmap *r)
{
	struct roadmap_filter f;
	struct err err = {0};
	roadmap_filter_init(&f);
	for (int i = 0; i < n; i++)
		CHECK_EQ_INT(roadmap_param(d, &f, params[i][0], params[i][1], &err), 0);
	CHECK_EQ_INT(roadmap_load(d, a, &f, TODAY, r), 0);
}

TEST(roadmap_buckets_at_the_edges)
{
	CHECK_EQ_INT(roadmap_bucket_of(TODAY, rm_day(0), "planned"), BUCKET_NOW);
	CHECK_EQ_INT(roadmap_bucket_of(TODAY, rm_day(42), "planned"), BUCKET_NOW); /* exactly six weeks */
	CHECK_EQ_INT(roadmap_bucket_of(TODAY, rm_day(43), "planned"), BUCKET_NEXT);
	CHECK_EQ_INT(roadmap_bucket_of(TODAY, rm_day(133), "accepted"), BUCKET_NEXT);
	CHECK_EQ_INT(roadmap_bucket_of(TODAY, rm_day(134), "accepted"), BUCKET_LATER);
	CHECK_EQ_INT(roadmap_bucket_of(TODAY, rm_day(-30), "planned"), BUCKET_NOW); /* overdue */
	CHECK_EQ_INT(roadmap_bucket_of(TODAY, NULL, "accepted"), BUCKET_LATER);     /* no release */
	CHECK_EQ_INT(roadmap_bucket_of(TODAY, rm_day(300), "in_progress"), BUCKET_NOW);
	CHECK_EQ_INT(roadmap_bucket_of(TODAY, NULL, "in_progress"), BUCKET_NOW);
	CHECK_EQ_INT(roadmap_bucket_of(TODAY, rm_day(10), "shipped"), BUCKET_NONE);
	CHECK_EQ_INT(roadmap_bucket_of(TODAY, rm_day(-1), "launched"), BUCKET_NONE);
	CHECK_STR(roadmap_bucket_name(BUCKET_NEXT), "next");
	CHECK(roadmap_bucket_name(BUCKET_NONE) == NULL);
}

TEST(roadmap_team_is_the_largest_effort)
{
	CHECK_EQ_INT(roadmap_team_of(3, 1, 1), TEAM_ENG);
	CHECK_EQ_INT(roadmap_team_of(1, 3, 1), TEAM_DESIGN);
	CHECK_EQ_INT(roadmap_team_of(1, 1, 3), TEAM_MKT);
	CHECK_EQ_INT(roadmap_team_of(0, 0, 0), TEAM_NONE);
	CHECK_EQ_INT(roadmap_team_of(2, 2, 0), TEAM_ENG);    /* ties: engineering first */
	CHECK_EQ_INT(roadmap_team_of(0, 2, 2), TEAM_DESIGN); /* then design */
	CHECK_STR(roadmap_team_label(TEAM_NONE), "Unestimated");
	CHECK(roadmap_team_key(TEAM_NONE) == NULL);
}

TEST(roadmap_params_refused_by_name)
{
	struct rm_fixture x;
	db *d = rm_fixture(&x);
	struct roadmap_filter f;
	roadmap_filter_init(&f);
	const char *bad[][2] = {{"group", "release"}, {"goal", "abc"},     {"goal", "999"},  {"goal", "-1"},
	                        {"segment", "0"},     {"persona", "12x"},  {"tier", "gold"}, {"launch_tier", "4"},
	                        {"launch_tier", "0"}, {"launch_tier", "x"}};
	for (size_t i = 0; i < COUNT(bad); i++) {
		struct err err = {0};
		CHECK_EQ_INT(roadmap_param(d, &f, bad[i][0], bad[i][1], &err), -1);
		CHECK_EQ_INT(err.status, 400);
		CHECK_STR(err.field, bad[i][0]);
		CHECK_CONTAINS(err.message, bad[i][0]);
	}
	struct err err = {0};
	char id[24];
	snprintf(id, sizeof id, "%lld", x.g_act);
	CHECK_EQ_INT(roadmap_param(d, &f, "group", "persona", &err), 0);
	CHECK_EQ_INT(roadmap_param(d, &f, "goal", id, &err), 0);
	CHECK_EQ_INT(roadmap_param(d, &f, "tier", "enterprise", &err), 0);
	CHECK_EQ_INT(roadmap_param(d, &f, "launch_tier", "2", &err), 0);
	CHECK_EQ_INT(roadmap_param(d, &f, "view", "anything", &err), 0); /* not the roadmap's: ignored */
	CHECK_EQ_INT(f.group, ROADMAP_PERSONA);
	CHECK_EQ_INT(f.goal, x.g_act);
	CHECK_STR(f.tier, "enterprise");
	CHECK_EQ_INT(f.launch_tier, 2);
	CHECK_EQ_INT(roadmap_param(d, &f, "goal", "", &err), 0); /* empty: any */
	CHECK_EQ_INT(f.goal, 0);
	CHECK_EQ_INT(roadmap_param(d, &f, "tier", NULL, &err), 0);
	CHECK(f.tier == NULL);
	db_close(d);
}

TEST(roadmap_holds_releases_features_and_launches)
{
	struct rm_fixture x;
	db *d = rm_fixture(&x);
	arena *a = arena_new();
	struct roadmap r;
	rm_load(d, a, NULL, 0, &r);
	/* releases: by date; long-shipped and cancelled ones are off */
	REQUIRE(r.nreleases == 3);
	CHECK_EQ_INT(r.releases[0].id, x.r1);
	CHECK_EQ_INT(r.releases[1].id, x.r2);
	CHECK_EQ_INT(r.releases[2].id, x.r3);
	CHECK_STR(r.releases[0].start, rm_day(-14)); /* the first bar starts two weeks ago */
	CHECK_STR(r.releases[1].start, rm_day(20));  /* the others where the previous release ends */
	CHECK_STR(r.releases[2].start, rm_day(80));
	CHECK_EQ_INT(r.releases[0].nfeatures, 2); /* SSO and the shipped Export; not the declined, not the merged */
	/* features: declined, merged, new without a release and shipped in a cancelled release are left out */
	CHECK_EQ_INT(r.nfeatures, 6);
	CHECK(rm_find(&r, x.e) < 0 && rm_find(&r, x.f) < 0 && rm_find(&r, x.g) < 0 && rm_find(&r, x.j) < 0);
	REQUIRE(rm_find(&r, x.a) >= 0 && rm_find(&r, x.i) >= 0 && rm_find(&r, x.dd) >= 0);
	CHECK_EQ_INT(r.features[rm_find(&r, x.a)].bucket, BUCKET_NOW);
	CHECK_EQ_INT(r.features[rm_find(&r, x.b)].bucket, BUCKET_NEXT);
	CHECK_EQ_INT(r.features[rm_find(&r, x.c)].bucket, BUCKET_NOW); /* in progress, though due in 200 days */
	CHECK_EQ_INT(r.features[rm_find(&r, x.dd)].bucket, BUCKET_LATER);
	CHECK_EQ_INT(r.features[rm_find(&r, x.h)].bucket, BUCKET_NONE);
	/* planned in a cancelled release: kept, with no release, later */
	CHECK_EQ_INT(r.features[rm_find(&r, x.i)].release, -1);
	CHECK_EQ_INT(r.features[rm_find(&r, x.i)].bucket, BUCKET_LATER);
	/* a feature's goal is its highest-weight one */
	CHECK_EQ_INT(r.features[rm_find(&r, x.a)].goal_id, x.g_act);
	/* launches: by date, cancelled and long-past ones off */
	REQUIRE(r.nlaunches == 2);
	CHECK_EQ_INT(r.launches[0].id, x.l1);
	CHECK_EQ_INT(r.launches[0].tier, 1);
	CHECK_EQ_INT(r.launches[0].bucket, BUCKET_NOW);
	CHECK_EQ_INT(r.launches[1].id, x.l2);
	CHECK_EQ_INT(r.launches[1].bucket, BUCKET_NEXT);
	arena_free(a);
	db_close(d);
}

/* The lane labels in order, joined by "|", into out. */
static void rm_lanes(const struct roadmap *r, char *out, size_t n)
{
	out[0] = 0;
	for (int k = 0; k < r->nlanes; k++)
		snprintf(out + strlen(out), n - strlen(out), "%s%s:%d", k ? "|" : "", r->lanes[k].label,
		         r->lanes[k].nfeatures);
}

TEST(roadmap_lanes_by_goal_team_persona)
{
	struct rm_fixture x;
	db *d = rm_fixture(&x);
	arena *a = arena_new();
	struct roadmap r;
	char lanes[300];
	rm_load(d, a, NULL, 0, &r);
	rm_lanes(&r, lanes, sizeof lanes);
	CHECK_STR(lanes, "Activation:1|Grow revenue:1|No goal:4"); /* by title, the "none" lane last */
	CHECK_STR(r.lanes[0].key, "goal-2");
	CHECK_STR(r.lanes[2].key, "goal-none");
	/* within a lane: by release date, features with no release last */
	int c = rm_find(&r, x.c), h = rm_find(&r, x.h), dd = rm_find(&r, x.dd), i = rm_find(&r, x.i);
	CHECK(h < c && c < dd && dd < i); /* Export (R1), Audit log (R3), then Dark mode, Webhooks by title */
	const char *team[][2] = {{"group", "team"}};
	rm_load(d, a, team, 1, &r);
	rm_lanes(&r, lanes, sizeof lanes);
	CHECK_STR(lanes, "Engineering:1|Marketing:1|Unestimated:4"); /* Design has nothing: no lane */
	CHECK_STR(r.lanes[1].key, "team-mkt");
	CHECK_EQ_INT(r.features[rm_find(&r, x.b)].team, TEAM_MKT);
	const char *persona[][2] = {{"group", "persona"}};
	rm_load(d, a, persona, 1, &r);
	rm_lanes(&r, lanes, sizeof lanes);
	CHECK_STR(lanes, "Ops lead:1|Owner:1|No persona:4");
	CHECK_STR(r.lanes[2].key, "persona-none");
	arena_free(a);
	db_close(d);
}

TEST(roadmap_filters)
{
	struct rm_fixture x;
	db *d = rm_fixture(&x);
	arena *a = arena_new();
	struct roadmap r;
	char gid[24], sid[24], pid[24];
	snprintf(gid, sizeof gid, "%lld", x.g_grow);
	snprintf(sid, sizeof sid, "%lld", x.s_ent);
	snprintf(pid, sizeof pid, "%lld", x.p_owner);
	const char *goal[][2] = {{"goal", gid}};
	rm_load(d, a, goal, 1, &r);
	CHECK_EQ_INT(r.nfeatures, 2); /* SSO (weight 2) and Billing page */
	CHECK(rm_find(&r, x.a) >= 0 && rm_find(&r, x.b) >= 0);
	CHECK_EQ_INT(r.nreleases, 3); /* milestones stay */
	const char *segment[][2] = {{"segment", sid}};
	rm_load(d, a, segment, 1, &r);
	CHECK_EQ_INT(r.nfeatures, 1);
	CHECK(rm_find(&r, x.a) == 0);
	CHECK_EQ_INT(r.nlaunches, 1); /* the launch for that segment */
	CHECK_EQ_INT(r.launches[0].id, x.l1);
	const char *persona[][2] = {{"persona", pid}};
	rm_load(d, a, persona, 1, &r);
	CHECK_EQ_INT(r.nfeatures, 1);
	CHECK(rm_find(&r, x.b) == 0);
	CHECK_EQ_INT(r.nlaunches, 2); /* persona does not filter launches */
	const char *tier[][2] = {{"tier", "pro"}, {"launch_tier", "3"}};
	rm_load(d, a, tier, 2, &r);
	CHECK_EQ_INT(r.nfeatures, 1);
	CHECK(rm_find(&r, x.a) == 0);
	REQUIRE(r.nlaunches == 1);
	CHECK_EQ_INT(r.launches[0].id, x.l2);
	const char *none[][2] = {{"tier", "enterprise"}};
	rm_load(d, a, none, 1, &r);
	CHECK_EQ_INT(r.nfeatures, 0);
	CHECK_EQ_INT(r.nlanes, 0);
	arena_free(a);
	db_close(d);
}

TEST(roadmap_json_shape)
{
	struct rm_fixture x;
	db *d = rm_fixture(&x);
	arena *a = arena_new();
	struct roadmap r;
	const char *team[][2] = {{"group", "team"}, {"launch_tier", "1"}};
	rm_load(d, a, team, 2, &r);
	json_t *j = roadmap_json(&r);
	CHECK_STR(json_string_value(json_object_get(j, "today")), TODAY);
	CHECK_STR(json_string_value(json_object_get(j, "group")), "team");
	json_t *filters = json_object_get(j, "filters");
	CHECK_EQ_INT(json_integer_value(json_object_get(filters, "launch_tier")), 1);
	CHECK(json_is_null(json_object_get(filters, "goal")));
	json_t *rel = json_array_get(json_object_get(j, "releases"), 0);
	CHECK_STR(json_string_value(json_object_get(rel, "name")), "R1");
	CHECK_STR(json_string_value(json_object_get(rel, "start_date")), rm_day(-14));
	CHECK_EQ_INT(json_array_size(json_object_get(rel, "feature_ids")), 2);
	json_t *lanes = json_object_get(j, "lanes");
	CHECK_EQ_INT(json_array_size(lanes), 3);
	CHECK(json_is_null(json_object_get(json_array_get(lanes, 0), "id")));
	json_t *now = json_object_get(json_object_get(j, "buckets"), "now");
	CHECK_EQ_INT(json_array_size(now), 2); /* SSO and Audit log */
	CHECK_EQ_INT(json_array_size(json_object_get(json_object_get(j, "buckets"), "later")), 2);
	json_t *f = json_array_get(json_object_get(j, "features"), 0);
	CHECK_STR(json_string_value(json_object_get(f, "title")), "SSO");
	CHECK_STR(json_string_value(json_object_get(f, "lane")), "team-eng");
	CHECK_STR(json_string_value(json_object_get(f, "team")), "eng");
	CHECK_STR(json_string_value(json_object_get(f, "goal")), "Activation");
	CHECK_STR(json_string_value(json_object_get(f, "end_date")), rm_day(20));
	CHECK_STR(json_string_value(json_object_get(f, "bucket")), "now");
	json_t *launches = json_object_get(j, "launches");
	CHECK_EQ_INT(json_array_size(launches), 1);
	CHECK_STR(json_string_value(json_object_get(json_array_get(launches, 0), "title")), "SSO launch");
	json_decref(j);
	arena_free(a);
	db_close(d);
}
