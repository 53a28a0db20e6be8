/* test_related.c — what points at an object (model/related.c): every FT_REF and FT_LINKS field to a kind is found
 * from the descriptors, its statement prepares, and entity_related answers the pointing objects by kind. */
#include <stdlib.h>
#include <string.h>
#include "harness.h"
#include "model/entity.h"
#include "model/related.h"

static long long rl_make(db *d, const char *k, const char *json)
{
	struct err e = {0};
	json_t *in = json_loads(json, 0, NULL);
	long long id = in ? entity_create(d, entity_find(k), 0, in, &e) : -1;
	json_decref(in);
	if (id < 0)
		harness_fail(__FILE__, __LINE__, "cannot make %s %s: %s", k, json, e.message);
	return id;
}

/* The related answer's member kind as compact JSON text, into a static buffer (one at a time). */
static const char *rl_member(json_t *rel, const char *kind)
{
	static char out[2000];
	char *s = json_dumps(json_object_get(rel, kind), JSON_COMPACT | JSON_ENCODE_ANY);
	snprintf(out, sizeof out, "%s", s ? s : "(none)");
	free(s);
	return out;
}

TEST(related_every_reference_to_a_kind_is_found_and_prepares)
{
	db *d = t_db();
	int want = 0;
	for (int k = 0; k < entity_count; k++)
		for (int i = 0; i < entity_all[k]->nfields; i++) {
			const struct field *f = &entity_all[k]->fields[i];
			want += (f->type == FT_REF || f->type == FT_LINKS) && entity_find(f->ref);
		}
	int direct = 0, paths = 0;
	for (int i = 0; i < related_count(); i++) {
		const struct related_ref *r = related_at(i);
		if (r->through || r->mentions) { /* a path's or a mention's target is not its field's */
			paths++;
			CHECK(r->mentions ? r->from->fts != NULL : r->through != r->to);
		} else {
			direct++;
			CHECK(r->to == entity_find(r->field->ref));
		}
		db_stmt *s = db_prepare(d, r->sql);
		if (!s)
			harness_fail(__FILE__, __LINE__, "%s.%s: the related statement does not prepare: %s", r->from->kind,
			             r->field->name, r->sql);
		db_done(s);
	}
	CHECK_EQ_INT(direct, want);
	CHECK(paths >= 6); /* the table's rows: goal launches, account requests, persona launches, segment x3, mentions */
	CHECK(related_at(related_count()) == NULL);
	db_close(d);
}

TEST(related_answers_references_and_weighted_links_by_kind)
{
	db *d = t_db();
	long long g = rl_make(d, "goals", "{\"title\":\"Retention\",\"metric\":\"m\",\"target\":1}");
	long long seg = rl_make(d, "segments", "{\"name\":\"Mid-market\"}");
	long long p = rl_make(d, "personas", "{\"name\":\"Ops lead\"}");
	long long acc = rl_make(d, "accounts", "{\"name\":\"Acme\"}");
	char buf_[400];
	snprintf(buf_, sizeof buf_, "{\"title\":\"Light\",\"goals\":[{\"goal_id\":%lld,\"weight\":2}],\"persona_ids\":[%lld]}", g,
	         p);
	long long f1 = rl_make(d, "features", buf_);
	snprintf(buf_, sizeof buf_, "{\"title\":\"Heavy\",\"goals\":[{\"goal_id\":%lld,\"weight\":5}]}", g);
	long long f2 = rl_make(d, "features", buf_);
	snprintf(buf_, sizeof buf_, "{\"text\":\"Slow\",\"account_id\":%lld,\"persona_id\":%lld}", acc, p);
	long long ins = rl_make(d, "insights", buf_);

	json_t *rel = entity_related(d, entity_find("goals"), g);
	REQUIRE(rel);
	CHECK_EQ_INT((long long)json_object_size(rel), 3); /* features, launches through them, decisions */
	CHECK_STR(rl_member(rel, "decisions"), "[]");
	snprintf(buf_, sizeof buf_,
	         "[{\"id\":%lld,\"title\":\"Heavy\",\"via\":\"goals\",\"weight\":5,\"status\":\"new\",\"score\":50.0},{\"id\":"
	         "%lld,\"title\":\"Light\",\"via\":\"goals\",\"weight\":2,\"status\":\"new\",\"score\":20.0}]",
	         f2, f1);
	CHECK_STR(rl_member(rel, "features"), buf_);
	json_decref(rel);

	rel = entity_related(d, entity_find("personas"), p);
	REQUIRE(rel);
	snprintf(buf_, sizeof buf_, "[{\"id\":%lld,\"title\":\"Light\",\"via\":\"persona_ids\",\"status\":\"new\",\"score\":20.0}]",
	         f1);
	CHECK_STR(rl_member(rel, "features"), buf_);
	snprintf(buf_, sizeof buf_, "[{\"id\":%lld,\"title\":\"Slow\",\"via\":\"persona_id\"}]", ins);
	CHECK_STR(rl_member(rel, "insights"), buf_);
	CHECK_STR(rl_member(rel, "journey-stages"), "[]");
	json_decref(rel);

	rel = entity_related(d, entity_find("segments"), seg); /* nothing points at it yet: every member empty */
	REQUIRE(rel);
	CHECK_STR(rl_member(rel, "personas"), "[]");
	CHECK_STR(rl_member(rel, "launches"), "[]");
	json_decref(rel);

	CHECK(entity_related(d, entity_find("goals"), g + 100) == NULL);
	db_close(d);
}

/* Two steps: a goal's launches through its features, an account's requests through its insights' evidence, each
 * object once; a competitor's mentions by the words of its name, operators and quotes only words. */
TEST(related_follows_paths_and_mentions)
{
	db *d = t_db();
	long long g = rl_make(d, "goals", "{\"title\":\"Retention\",\"metric\":\"m\",\"target\":1}");
	long long acc = rl_make(d, "accounts", "{\"name\":\"Acme\"}");
	char in[400];
	snprintf(in, sizeof in, "{\"title\":\"Alerts\",\"goals\":[{\"goal_id\":%lld,\"weight\":3}]}", g);
	long long f1 = rl_make(d, "features", in);
	snprintf(in, sizeof in, "{\"title\":\"Digest\",\"goals\":[{\"goal_id\":%lld,\"weight\":1}]}", g);
	long long f2 = rl_make(d, "features", in);
	snprintf(in, sizeof in, "{\"title\":\"Spring\",\"launch_date\":\"2027-03-01\",\"feature_ids\":[%lld,%lld]}", f1, f2);
	long long l = rl_make(d, "launches", in);
	snprintf(in, sizeof in, "{\"text\":\"We left Metabase for this\",\"account_id\":%lld}", acc);
	long long i1 = rl_make(d, "insights", in);
	snprintf(in, sizeof in, "{\"text\":\"metabase alerts are late\",\"account_id\":%lld}", acc);
	long long i2 = rl_make(d, "insights", in);
	rl_make(d, "insights", "{\"text\":\"Nothing to see\"}");
	CHECK(db_run(d, "INSERT INTO feature_insights(feature_id, insight_id, importance, created_at) VALUES (?, ?, 2, ?), "
	                "(?, ?, 3, ?)",
	             "iitiit", f1, i1, "2026-01-01T00:00:00Z", f1, i2, "2026-01-01T00:00:00Z") == DB_OK);

	json_t *rel = entity_related(d, entity_find("goals"), g);
	REQUIRE(rel);
	char want[600];
	snprintf(want, sizeof want,
	         "[{\"id\":%lld,\"title\":\"Spring\",\"via\":\"feature_ids\",\"status\":\"planning\",\"through\":{\"kind\":"
	         "\"features\",\"id\":%lld,\"title\":\"Alerts\"}}]",
	         l, f1);
	CHECK_STR(rl_member(rel, "launches"), want);
	json_decref(rel);

	rel = entity_related(d, entity_find("accounts"), acc);
	REQUIRE(rel);
	snprintf(want, sizeof want,
	         "[{\"id\":%lld,\"title\":\"Alerts\",\"via\":\"evidence\",\"status\":\"new\",\"through\":{\"kind\":"
	         "\"insights\",\"id\":%lld,\"title\":\"We left Metabase for this\"},\"score\":40.0}]",
	         f1, i1);
	CHECK_STR(rl_member(rel, "features"), want);
	json_decref(rel);

	long long c = rl_make(d, "competitors", "{\"name\":\"Metabase\"}");
	rel = entity_related(d, entity_find("competitors"), c);
	REQUIRE(rel);
	snprintf(want, sizeof want,
	         "[{\"id\":%lld,\"title\":\"metabase alerts are late\",\"via\":\"mentions\"},{\"id\":%lld,\"title\":"
	         "\"We left Metabase for this\",\"via\":\"mentions\"}]",
	         i2, i1);
	CHECK_STR(rl_member(rel, "insights"), want);
	json_decref(rel);
	const char *hostile[] = {"{\"name\":\"\\\"x\\\" OR NEAR(*\"}", "{\"name\":\"!!!\"}"};
	for (size_t k = 0; k < COUNT(hostile); k++) {
		rel = entity_related(d, entity_find("competitors"), rl_make(d, "competitors", hostile[k]));
		REQUIRE(rel);
		CHECK_STR(rl_member(rel, "insights"), "[]");
		json_decref(rel);
	}
	db_close(d);
}

TEST(related_cuts_long_titles_at_a_character)
{
	db *d = t_db();
	long long acc = rl_make(d, "accounts", "{\"name\":\"Acme\"}");
	char text[1200], in[1400];
	size_t n = 0;
	for (int i = 0; i < 300; i++) /* 300 two-byte characters */
		n += (size_t)snprintf(text + n, sizeof text - n, "é");
	snprintf(in, sizeof in, "{\"text\":\"%s\",\"account_id\":%lld}", text, acc);
	rl_make(d, "insights", in);
	json_t *rel = entity_related(d, entity_find("accounts"), acc);
	REQUIRE(rel);
	const char *t = json_string_value(json_object_get(json_array_get(json_object_get(rel, "insights"), 0), "title"));
	REQUIRE(t);
	CHECK_EQ_INT((long long)utf8_len(t), RELATED_TITLE_MAX);
	CHECK(strlen(t) >= 3 && !strcmp(t + strlen(t) - 3, "…"));
	json_decref(rel);
	db_close(d);
}
