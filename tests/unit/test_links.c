/* test_links.c — FT_LINKS through the entity engine (features: goals with weights, personas, dependencies),
 * link filters, CSV and audit of links, and full-text search (FTS5) over features. */
#include <stdlib.h>
#include "harness.h"
#include "model/entity.h"
#include "model/features.h"

/* Create from a JSON literal in kind k; the id, or -1 with e filled. */
static long long lk_make(db *d, const char *k, const char *json, struct err *e)
{
	json_t *in = json_loads(json, 0, NULL);
	if (!in)
		return err_invalid(e, NULL, "bad test JSON: %s", json);
	long long id = entity_create(d, entity_find(k), 0, in, e);
	json_decref(in);
	return id;
}

static int lk_patch(db *d, long long id, const char *json, long long version, struct err *e)
{
	json_t *in = json_loads(json, 0, NULL);
	if (!in)
		return err_invalid(e, NULL, "bad test JSON: %s", json);
	int rc = entity_update(d, &features_entity, 0, id, in, version, e);
	json_decref(in);
	return rc;
}

/* A fixture: goals 1-3, personas 1-2. */
static void lk_fixture(db *d)
{
	struct err e = {0};
	const char *goals[] = {"{\"title\":\"G1\",\"metric\":\"m\",\"target\":1}", "{\"title\":\"G2\",\"metric\":\"m\",\"target\":1}",
	                       "{\"title\":\"G3\",\"metric\":\"m\",\"target\":1}"};
	for (size_t i = 0; i < COUNT(goals); i++)
		if (lk_make(d, "goals", goals[i], &e) != (long long)i + 1)
			abort();
	if (lk_make(d, "personas", "{\"name\":\"Ops lead\"}", &e) != 1 || lk_make(d, "personas", "{\"name\":\"Analyst\"}", &e) != 2)
		abort();
}

/* A field of a feature as compact JSON text, into a static buffer (one at a time). */
static const char *lk_field(db *d, long long id, const char *field)
{
	static char out[1000];
	json_t *f = entity_get(d, &features_entity, id);
	char *s = f ? json_dumps(json_object_get(f, field), JSON_COMPACT | JSON_ENCODE_ANY) : NULL;
	snprintf(out, sizeof out, "%s", s ? s : "(none)");
	free(s);
	json_decref(f);
	return out;
}

static long long lk_version(db *d, long long id)
{
	return db_int(d, -1, "SELECT version FROM features WHERE id = ?", "i", id);
}

/* A list query from "a=b&c=d" (values are not decoded). */
static struct kv *lk_args(arena *a, const char *qs)
{
	struct kv *head = NULL, **tail = &head;
	char *s = arena_strdup(a, qs);
	for (char *save = NULL, *tok = strtok_r(s, "&", &save); tok; tok = strtok_r(NULL, "&", &save)) {
		struct kv *kv = arena_alloc(a, sizeof *kv);
		char *eq = strchr(tok, '=');
		*eq = 0;
		kv->key = tok;
		kv->value = eq + 1;
		kv->next = NULL;
		*tail = kv;
		tail = &kv->next;
	}
	return head;
}

/* Ids of the features a list query answers, "1,3" (ascending), into the arena; NULL with e on error. */
static const char *lk_ids(db *d, arena *a, const char *qs, struct err *e)
{
	char extra[600];
	snprintf(extra, sizeof extra, "%s%ssort=id", qs, *qs ? "&" : "");
	struct list_query q = {lk_args(a, extra), 500};
	json_t *items;
	const char *next = NULL;
	if (entity_list(d, &features_entity, &q, a, &items, &next, e) < 0)
		return NULL;
	buf b;
	buf_init(&b);
	size_t i;
	json_t *o;
	json_array_foreach(items, i, o)
	{
		if (i)
			buf_addc(&b, ',');
		buf_int(&b, json_integer_value(json_object_get(o, "id")));
	}
	json_decref(items);
	const char *out = arena_strdup(a, buf_str(&b));
	buf_free(&b);
	return out;
}

TEST(links_create_reads_back_ordered_by_id)
{
	db *d = t_db();
	lk_fixture(d);
	struct err e = {0};
	long long dep = lk_make(d, "features", "{\"title\":\"Base\"}", &e);
	REQUIRE(dep == 1);
	long long id = lk_make(d, "features",
	                       "{\"title\":\"Alerts\",\"goals\":[{\"goal_id\":3,\"weight\":2},{\"goal_id\":1,\"weight\":5}],"
	                       "\"persona_ids\":[2,1],\"depends_on\":[1]}",
	                       &e);
	REQUIRE(id == 2);
	CHECK_STR(lk_field(d, id, "goals"), "[{\"goal_id\":1,\"weight\":5},{\"goal_id\":3,\"weight\":2}]");
	CHECK_STR(lk_field(d, id, "persona_ids"), "[1,2]");
	CHECK_STR(lk_field(d, id, "depends_on"), "[1]");
	CHECK_EQ_INT(lk_version(d, id), 1);
	/* stored in the link tables */
	CHECK_EQ_INT(db_int(d, -1, "SELECT weight FROM feature_goals WHERE feature_id = 2 AND goal_id = 3", ""), 2);
	CHECK_EQ_INT(db_int(d, -1, "SELECT count(*) FROM feature_personas WHERE feature_id = 2", ""), 2);
	CHECK_EQ_INT(db_int(d, -1, "SELECT depends_on FROM feature_deps WHERE feature_id = 2", ""), 1);
	/* a feature without links reads back empty lists, never null */
	CHECK_STR(lk_field(d, dep, "goals"), "[]");
	CHECK_STR(lk_field(d, dep, "persona_ids"), "[]");
	CHECK_STR(lk_field(d, dep, "depends_on"), "[]");
	/* the list answers the same links as the object */
	arena *a = arena_new();
	struct list_query q = {lk_args(a, "sort=id"), 500};
	json_t *items;
	const char *next;
	REQUIRE(entity_list(d, &features_entity, &q, a, &items, &next, &e) == 0);
	char *s = json_dumps(json_object_get(json_array_get(items, 1), "goals"), JSON_COMPACT);
	CHECK_STR(s, "[{\"goal_id\":1,\"weight\":5},{\"goal_id\":3,\"weight\":2}]");
	free(s);
	json_decref(items);
	arena_free(a);
	db_close(d);
}

TEST(links_update_replaces_and_bumps_version)
{
	db *d = t_db();
	lk_fixture(d);
	struct err e = {0};
	long long id = lk_make(d, "features", "{\"title\":\"F\",\"goals\":[{\"goal_id\":1,\"weight\":2}],\"persona_ids\":[1]}", &e);
	REQUIRE(id > 0);
	/* links only: a new version */
	CHECK_EQ_INT(lk_patch(d, id, "{\"goals\":[{\"goal_id\":2,\"weight\":4},{\"goal_id\":1,\"weight\":3}]}", 1, &e), 0);
	CHECK_EQ_INT(lk_version(d, id), 2);
	CHECK_STR(lk_field(d, id, "goals"), "[{\"goal_id\":1,\"weight\":3},{\"goal_id\":2,\"weight\":4}]");
	CHECK_STR(lk_field(d, id, "persona_ids"), "[1]"); /* absent link fields are kept */
	CHECK_EQ_INT(db_int(d, -1, "SELECT count(*) FROM feature_goals WHERE feature_id = ?", "i", id), 2);
	/* replaced, not added to */
	CHECK_EQ_INT(lk_patch(d, id, "{\"persona_ids\":[2]}", 2, &e), 0);
	CHECK_STR(lk_field(d, id, "persona_ids"), "[2]");
	CHECK_EQ_INT(lk_version(d, id), 3);
	/* null and [] empty a link field */
	CHECK_EQ_INT(lk_patch(d, id, "{\"persona_ids\":null}", 3, &e), 0);
	CHECK_STR(lk_field(d, id, "persona_ids"), "[]");
	CHECK_EQ_INT(lk_patch(d, id, "{\"goals\":[]}", 4, &e), 0);
	CHECK_STR(lk_field(d, id, "goals"), "[]");
	CHECK_EQ_INT(db_int(d, -1, "SELECT count(*) FROM feature_goals", ""), 0);
	CHECK_EQ_INT(lk_version(d, id), 5);
	/* a stale version changes no link */
	memset(&e, 0, sizeof e);
	CHECK_EQ_INT(lk_patch(d, id, "{\"persona_ids\":[1]}", 4, &e), -1);
	CHECK_EQ_INT(e.status, 409);
	CHECK_STR(lk_field(d, id, "persona_ids"), "[]");
	db_close(d);
}

TEST(links_patch_without_change_keeps_version)
{
	db *d = t_db();
	lk_fixture(d);
	struct err e = {0};
	long long id = lk_make(d, "features",
	                       "{\"title\":\"F\",\"goals\":[{\"goal_id\":1,\"weight\":2},{\"goal_id\":2,\"weight\":5}],"
	                       "\"persona_ids\":[1,2]}",
	                       &e);
	REQUIRE(id > 0);
	long long audits = db_int(d, -1, "SELECT count(*) FROM audit", "");
	/* the same links in another order, and an unrelated field unchanged */
	CHECK_EQ_INT(lk_patch(d, id,
	                      "{\"title\":\"F\",\"goals\":[{\"weight\":5,\"goal_id\":2},{\"goal_id\":1,\"weight\":2}],"
	                      "\"persona_ids\":[2,1]}",
	                      1, &e),
	             0);
	CHECK_EQ_INT(lk_version(d, id), 1);
	CHECK_EQ_INT(db_int(d, -1, "SELECT count(*) FROM audit", ""), audits);
	/* a PATCH of another field bumps once and leaves the links */
	CHECK_EQ_INT(lk_patch(d, id, "{\"requester\":\"Sam\"}", 1, &e), 0);
	CHECK_EQ_INT(lk_version(d, id), 2);
	CHECK_STR(lk_field(d, id, "goals"), "[{\"goal_id\":1,\"weight\":2},{\"goal_id\":2,\"weight\":5}]");
	CHECK_STR(lk_field(d, id, "persona_ids"), "[1,2]");
	db_close(d);
}

/* Create a feature from the JSON and expect a 400 naming field, with nothing written. */
static void lk_invalid(db *d, const char *json, const char *field, const char *msg_part, int line)
{
	struct err e = {0};
	long long before = db_int(d, 0, "SELECT (SELECT count(*) FROM features) + (SELECT count(*) FROM feature_goals) + "
	                                "(SELECT count(*) FROM feature_personas) + (SELECT count(*) FROM audit)",
	                          "");
	long long id = lk_make(d, "features", json, &e);
	if (id >= 0 || e.status != 400 || strcmp(e.field, field) != 0)
		harness_fail(__FILE__, line, "%s: want 400 on field %s, got id %lld status %d field \"%s\" (%s)", json, field, id,
		             e.status, e.field, e.message);
	else if (msg_part && !strstr(e.message, msg_part))
		harness_fail(__FILE__, line, "%s: message \"%s\" lacks \"%s\"", json, e.message, msg_part);
	long long after = db_int(d, 0, "SELECT (SELECT count(*) FROM features) + (SELECT count(*) FROM feature_goals) + "
	                               "(SELECT count(*) FROM feature_personas) + (SELECT count(*) FROM audit)",
	                         "");
	if (after != before)
		harness_fail(__FILE__, line, "%s: refused input wrote rows", json);
}
#define LK_INVALID(json, field, part) lk_invalid(d, json, field, part, __LINE__)

TEST(links_validation_names_the_field)
{
	db *d = t_db();
	lk_fixture(d);
	LK_INVALID("{\"title\":\"F\",\"goals\":[{\"goal_id\":99,\"weight\":2}]}", "goals", "99");           /* unknown goal */
	LK_INVALID("{\"title\":\"F\",\"persona_ids\":[1,42]}", "persona_ids", "42");                     /* unknown persona */
	LK_INVALID("{\"title\":\"F\",\"depends_on\":[7]}", "depends_on", "7");                           /* unknown feature */
	LK_INVALID("{\"title\":\"F\",\"goals\":[{\"goal_id\":1,\"weight\":0}]}", "goals", "weight");      /* below 1 */
	LK_INVALID("{\"title\":\"F\",\"goals\":[{\"goal_id\":1,\"weight\":6}]}", "goals", "weight");      /* above 5 */
	LK_INVALID("{\"title\":\"F\",\"goals\":[{\"goal_id\":1,\"weight\":2.5}]}", "goals", "weight");    /* not whole */
	LK_INVALID("{\"title\":\"F\",\"goals\":[{\"goal_id\":1,\"weight\":\"3\"}]}", "goals", "weight");  /* not a number */
	LK_INVALID("{\"title\":\"F\",\"goals\":[{\"goal_id\":1,\"weight\":2},{\"goal_id\":1,\"weight\":3}]}", "goals",
	           "twice");                                                                          /* duplicate */
	LK_INVALID("{\"title\":\"F\",\"persona_ids\":[2,2]}", "persona_ids", "twice");
	LK_INVALID("{\"title\":\"F\",\"goals\":[1,2]}", "goals", NULL);                                  /* wrong shape */
	LK_INVALID("{\"title\":\"F\",\"goals\":[{\"goal_id\":1}]}", "goals", NULL);                      /* no weight */
	LK_INVALID("{\"title\":\"F\",\"goals\":[{\"id\":1,\"weight\":2}]}", "goals", NULL);              /* wrong key */
	LK_INVALID("{\"title\":\"F\",\"goals\":[{\"goal_id\":1,\"weight\":2,\"x\":1}]}", "goals", NULL); /* extra key */
	LK_INVALID("{\"title\":\"F\",\"goals\":[{\"goal_id\":\"1\",\"weight\":2}]}", "goals", NULL);     /* id a string */
	LK_INVALID("{\"title\":\"F\",\"persona_ids\":[{\"persona_id\":1}]}", "persona_ids", NULL);
	LK_INVALID("{\"title\":\"F\",\"persona_ids\":[\"1\"]}", "persona_ids", NULL);
	LK_INVALID("{\"title\":\"F\",\"persona_ids\":[0]}", "persona_ids", NULL);
	LK_INVALID("{\"title\":\"F\",\"persona_ids\":[-1]}", "persona_ids", NULL);
	LK_INVALID("{\"title\":\"F\",\"goals\":{\"goal_id\":1,\"weight\":2}}", "goals", "list");        /* not a list */
	LK_INVALID("{\"title\":\"F\",\"persona_ids\":1}", "persona_ids", "list");
	LK_INVALID("{\"title\":\"F\",\"depends_on\":\"1\"}", "depends_on", "list");
	/* more than the field's maximum (50) */
	buf b;
	buf_init(&b);
	buf_lit(&b, "{\"title\":\"F\",\"persona_ids\":[");
	for (int i = 0; i < 51; i++)
		buf_rawf(&b, "%s%d", i ? "," : "", i + 1);
	buf_lit(&b, "]}");
	LK_INVALID(buf_str(&b), "persona_ids", NULL);
	buf_free(&b);
	CHECK_EQ_INT(db_int(d, -1, "SELECT count(*) FROM features", ""), 0);
	/* and on update: nothing changes */
	struct err e = {0};
	long long id = lk_make(d, "features", "{\"title\":\"F\",\"goals\":[{\"goal_id\":1,\"weight\":2}]}", &e);
	REQUIRE(id > 0);
	CHECK_EQ_INT(lk_patch(d, id, "{\"goals\":[{\"goal_id\":1,\"weight\":9}]}", 1, &e), -1);
	CHECK_EQ_INT(e.status, 400);
	CHECK_STR(e.field, "goals");
	CHECK_STR(lk_field(d, id, "goals"), "[{\"goal_id\":1,\"weight\":2}]");
	CHECK_EQ_INT(lk_version(d, id), 1);
	db_close(d);
}

TEST(links_list_filters)
{
	db *d = t_db();
	lk_fixture(d);
	arena *a = arena_new();
	struct err e = {0};
	REQUIRE(lk_make(d, "features", "{\"title\":\"A\",\"goals\":[{\"goal_id\":1,\"weight\":2}],\"persona_ids\":[1]}", &e) == 1);
	REQUIRE(lk_make(d, "features",
	                "{\"title\":\"B\",\"goals\":[{\"goal_id\":1,\"weight\":1},{\"goal_id\":2,\"weight\":5}],"
	                "\"persona_ids\":[1,2]}",
	                &e) == 2);
	REQUIRE(lk_make(d, "features", "{\"title\":\"C\",\"status\":\"accepted\"}", &e) == 3);
	CHECK_STR(lk_ids(d, a, "goals=1", &e), "1,2");
	CHECK_STR(lk_ids(d, a, "goals=2", &e), "2");
	CHECK_STR(lk_ids(d, a, "goals=3", &e), "");
	CHECK_STR(lk_ids(d, a, "goals=999", &e), ""); /* an unknown id matches nothing */
	CHECK_STR(lk_ids(d, a, "persona_ids=1", &e), "1,2");
	CHECK_STR(lk_ids(d, a, "persona_ids=2", &e), "2");
	CHECK_STR(lk_ids(d, a, "goals=1&persona_ids=2", &e), "2"); /* filters combine with AND */
	CHECK_STR(lk_ids(d, a, "goals=1&status=new", &e), "1,2");
	CHECK_STR(lk_ids(d, a, "status=accepted", &e), "3");
	/* bad values name the field */
	const char *bad[][2] = {{"goals=abc", "goals"}, {"persona_ids=1.5", "persona_ids"}, {"depends_on=1", "depends_on"}};
	for (size_t i = 0; i < COUNT(bad); i++) {
		memset(&e, 0, sizeof e);
		CHECK(lk_ids(d, a, bad[i][0], &e) == NULL);
		CHECK_EQ_INT(e.status, 400);
		CHECK_STR(e.field, bad[i][1]);
	}
	arena_free(a);
	db_close(d);
}

TEST(links_removed_when_the_linked_object_is_deleted)
{
	db *d = t_db();
	lk_fixture(d);
	struct err e = {0};
	long long base = lk_make(d, "features", "{\"title\":\"Base\"}", &e);
	long long id = lk_make(d, "features",
	                       "{\"title\":\"F\",\"goals\":[{\"goal_id\":1,\"weight\":2},{\"goal_id\":2,\"weight\":3}],"
	                       "\"persona_ids\":[1,2],\"depends_on\":[1]}",
	                       &e);
	REQUIRE(base == 1 && id == 2);
	CHECK_EQ_INT(entity_delete(d, entity_find("goals"), 0, 1, &e), 0);
	CHECK_STR(lk_field(d, id, "goals"), "[{\"goal_id\":2,\"weight\":3}]");
	CHECK_EQ_INT(entity_delete(d, entity_find("personas"), 0, 2, &e), 0);
	CHECK_STR(lk_field(d, id, "persona_ids"), "[1]");
	CHECK_EQ_INT(entity_delete(d, &features_entity, 0, base, &e), 0);
	CHECK_STR(lk_field(d, id, "depends_on"), "[]");
	/* deleting the feature removes its own link rows */
	CHECK_EQ_INT(entity_delete(d, &features_entity, 0, id, &e), 0);
	CHECK_EQ_INT(db_int(d, -1, "SELECT (SELECT count(*) FROM feature_goals) + (SELECT count(*) FROM feature_personas) + "
	                           "(SELECT count(*) FROM feature_deps)",
	                    ""),
	             0);
	db_close(d);
}

TEST(links_csv_renders_links)
{
	db *d = t_db();
	lk_fixture(d);
	arena *a = arena_new();
	struct err e = {0};
	REQUIRE(lk_make(d, "features",
	                "{\"title\":\"F\",\"goals\":[{\"goal_id\":2,\"weight\":4},{\"goal_id\":1,\"weight\":2}],"
	                "\"persona_ids\":[2,1]}",
	                &e) == 1);
	REQUIRE(lk_make(d, "features", "{\"title\":\"G\",\"depends_on\":[1]}", &e) == 2);
	buf out;
	buf_init(&out);
	struct list_query q = {lk_args(a, "sort=id"), 1000};
	CHECK_EQ_INT(entity_csv(d, &features_entity, &q, a, &out, &e), 0);
	const char *csv = buf_str(&out);
	CHECK_CONTAINS(csv, ",goals,persona_ids,journey_stage_id,depends_on,");
	CHECK_CONTAINS(csv, ",1:2; 2:4,1; 2,,,"); /* goals, persona_ids, no stage, no dependency */
	CHECK_CONTAINS(csv, ",G,");
	CHECK_CONTAINS(csv, ",,,,1,"); /* G: no goals, no personas, no stage, depends on 1 */
	buf_free(&out);
	arena_free(a);
	db_close(d);
}

TEST(links_audit_diff_includes_links)
{
	db *d = t_db();
	lk_fixture(d);
	long long uid = t_user(d, "pm@x.test", "pm");
	struct err e = {0};
	json_t *in = json_loads("{\"title\":\"F\",\"goals\":[{\"goal_id\":1,\"weight\":2}],\"persona_ids\":[1]}", 0, NULL);
	long long id = entity_create(d, &features_entity, uid, in, &e);
	json_decref(in);
	REQUIRE(id > 0);
	in = json_loads("{\"goals\":[{\"goal_id\":1,\"weight\":4}],\"persona_ids\":[1,2]}", 0, NULL);
	CHECK_EQ_INT(entity_update(d, &features_entity, uid, id, in, 1, &e), 0);
	json_decref(in);
	json_t *h = audit_history(d, "features", id, 10);
	REQUIRE(json_array_size(h) == 2);
	json_t *ch = json_object_get(json_array_get(h, 0), "changes");
	char *s = json_dumps(json_object_get(ch, "goals"), JSON_COMPACT | JSON_SORT_KEYS);
	CHECK_STR(s, "{\"from\":[{\"goal_id\":1,\"weight\":2}],\"to\":[{\"goal_id\":1,\"weight\":4}]}");
	free(s);
	s = json_dumps(json_object_get(ch, "persona_ids"), JSON_COMPACT | JSON_SORT_KEYS);
	CHECK_STR(s, "{\"from\":[1],\"to\":[1,2]}");
	free(s);
	CHECK(json_object_get(ch, "depends_on") == NULL); /* unchanged links are not in the diff */
	CHECK(json_object_get(ch, "title") == NULL);
	/* the created row carries the links */
	json_t *cre = json_object_get(json_array_get(h, 1), "changes");
	s = json_dumps(json_object_get(cre, "goals"), JSON_COMPACT | JSON_SORT_KEYS);
	CHECK_STR(s, "[{\"goal_id\":1,\"weight\":2}]");
	free(s);
	json_decref(h);
	/* deleting: the deleted row keeps what the links were */
	CHECK_EQ_INT(entity_delete(d, &features_entity, uid, id, &e), 0);
	h = audit_history(d, "features", id, 10);
	s = json_dumps(json_object_get(json_object_get(json_array_get(h, 0), "changes"), "persona_ids"), JSON_COMPACT);
	CHECK_STR(s, "[1,2]");
	free(s);
	json_decref(h);
	db_close(d);
}

TEST(links_from_form)
{
	arena *a = arena_new();
	struct err e = {0};
	json_t *o = entity_from_form(&features_entity,
	                             lk_args(a, "title=T&goals.3=2&goals.1=5&goals.2=&goals.4=0&persona_ids=2&persona_ids=1&"
	                                        "persona_ids=&depends_on=7"),
	                             &e);
	REQUIRE(o);
	char *s = json_dumps(json_object_get(o, "goals"), JSON_COMPACT);
	CHECK_STR(s, "[{\"goal_id\":3,\"weight\":2},{\"goal_id\":1,\"weight\":5}]"); /* blank and 0 mean not linked */
	free(s);
	s = json_dumps(json_object_get(o, "persona_ids"), JSON_COMPACT);
	CHECK_STR(s, "[2,1]");
	free(s);
	s = json_dumps(json_object_get(o, "depends_on"), JSON_COMPACT);
	CHECK_STR(s, "[7]");
	free(s);
	json_decref(o);
	/* none sent: none linked */
	o = entity_from_form(&features_entity, lk_args(a, "title=T"), &e);
	REQUIRE(o);
	CHECK_EQ_INT(json_array_size(json_object_get(o, "goals")), 0);
	CHECK(json_is_array(json_object_get(o, "persona_ids")));
	json_decref(o);
	/* malformed values name the field */
	memset(&e, 0, sizeof e);
	CHECK(entity_from_form(&features_entity, lk_args(a, "title=T&goals.1=lots"), &e) == NULL);
	CHECK_STR(e.field, "goals");
	memset(&e, 0, sizeof e);
	CHECK(entity_from_form(&features_entity, lk_args(a, "title=T&persona_ids=x"), &e) == NULL);
	CHECK_STR(e.field, "persona_ids");
	arena_free(a);
}

TEST(links_fts_search_prefix_and_stems)
{
	db *d = t_db();
	arena *a = arena_new();
	struct err e = {0};
	REQUIRE(lk_make(d, "features",
	                "{\"title\":\"Notifications\",\"description\":\"Send alerts to Slack when a metric moves.\"}", &e) == 1);
	REQUIRE(lk_make(d, "features", "{\"title\":\"Guided onboarding\",\"description\":\"Connect a source in three clicks.\"}",
	                &e) == 2);
	REQUIRE(lk_make(d, "features", "{\"title\":\"Dashboards\",\"description\":\"Un tableau de bord très rapide.\"}", &e) == 3);
	CHECK_STR(lk_ids(d, a, "q=slack", &e), "1");           /* a word of the description, any case */
	CHECK_STR(lk_ids(d, a, "q=SLA", &e), "1");             /* a prefix */
	CHECK_STR(lk_ids(d, a, "q=alerting", &e), "1");        /* stems: alerting ~ alerts (porter) */
	CHECK_STR(lk_ids(d, a, "q=alert", &e), "1");
	CHECK_STR(lk_ids(d, a, "q=moving", &e), "1");
	CHECK_STR(lk_ids(d, a, "q=onboard", &e), "2");         /* the title too */
	CHECK_STR(lk_ids(d, a, "q=slack%20metric", &e), "");   /* values are not decoded here: one odd word */
	CHECK_STR(lk_ids(d, a, "q=slack metric", &e), "1");    /* every word must match */
	CHECK_STR(lk_ids(d, a, "q=slack clicks", &e), "");
	CHECK_STR(lk_ids(d, a, "q=très", &e), "3");            /* non-ASCII words */
	CHECK_STR(lk_ids(d, a, "q=zzz", &e), "");
	/* the index follows updates and deletes */
	CHECK_EQ_INT(lk_patch(d, 2, "{\"description\":\"Now with Slack.\"}", 1, &e), 0);
	CHECK_STR(lk_ids(d, a, "q=slack", &e), "1,2");
	CHECK_STR(lk_ids(d, a, "q=clicks", &e), "");
	CHECK_EQ_INT(entity_delete(d, &features_entity, 0, 1, &e), 0);
	CHECK_STR(lk_ids(d, a, "q=slack", &e), "2");
	/* search combines with filters */
	CHECK_STR(lk_ids(d, a, "q=slack&status=accepted", &e), "");
	CHECK_STR(lk_ids(d, a, "q=slack&status=new", &e), "2");
	arena_free(a);
	db_close(d);
}

TEST(links_fts_syntax_characters_never_error)
{
	db *d = t_db();
	arena *a = arena_new();
	struct err e = {0};
	REQUIRE(lk_make(d, "features", "{\"title\":\"Slack alerts\",\"description\":\"near real-time (fast) \\\"quoted\\\"\"}",
	                &e) == 1);
	const char *queries[] = {"\"",           "\"\"",        "*",         "(",          ")",         "NEAR",
	                         "NEAR(",        "-",           "-slack",    "slack*",     "\"slack",   "slack\"",
	                         "a OR",         "AND",         "NOT slack", "title:x",    "^slack",    "{title}: x",
	                         "slack AND (",  "+",           "'",         "near/3",     "NEAR(slack alerts, 2)",
	                         "real-time",    "col:",        ":",         "\"\"\"",     "**",        "$",
	                         "\\"};
	for (size_t i = 0; i < COUNT(queries); i++) {
		char qs[120];
		snprintf(qs, sizeof qs, "q=%s", queries[i]);
		memset(&e, 0, sizeof e);
		const char *ids = lk_ids(d, a, qs, &e);
		if (!ids)
			harness_fail(__FILE__, __LINE__, "q=%s failed: %d %s", queries[i], e.status, e.message);
	}
	/* the words in such a query still match */
	CHECK_STR(lk_ids(d, a, "q=\"slack*", &e), "1");
	CHECK_STR(lk_ids(d, a, "q=NEAR(slack alerts)", &e), "1");
	CHECK_STR(lk_ids(d, a, "q=real-time", &e), "1");
	CHECK_STR(lk_ids(d, a, "q=-slack", &e), "1");
	CHECK_STR(lk_ids(d, a, "q=slack OR nothing", &e), ""); /* OR is a word here, and every word must match */
	arena_free(a);
	db_close(d);
}
