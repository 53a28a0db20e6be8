/* test_strategy.c — the one strategy: versioned updates, revisions, validation of its lists. */
#include "harness.h"
#include "model/strategy.h"

static int put(db *d, const char *json, long long version, struct err *e)
{
	json_t *in = json_loads(json, 0, NULL);
	int rc = strategy_put(d, 0, in, version, e);
	json_decref(in);
	return rc;
}

TEST(strategy_starts_empty_at_version_one)
{
	db *d = t_db();
	json_t *s = strategy_get(d);
	REQUIRE(s);
	CHECK_EQ_INT(json_integer_value(json_object_get(s, "version")), 1);
	CHECK_STR(json_string_value(json_object_get(s, "vision")), "");
	CHECK(json_is_array(json_object_get(s, "principles")));
	CHECK_EQ_INT(json_array_size(json_object_get(s, "principles")), 0);
	json_decref(s);
	json_t *r = strategy_revisions(d);
	CHECK_EQ_INT(json_array_size(r), 0);
	json_decref(r);
	db_close(d);
}

TEST(strategy_put_versions_and_keeps_revisions)
{
	db *d = t_db();
	struct err e = {0};
	CHECK_EQ_INT(put(d, "{\"vision\":\"v1\",\"principles\":[\"fast\",\"clear\"]}", 1, &e), 0);
	CHECK_EQ_INT(put(d, "{\"perspective\":\"push, not pull\",\"out_of_scope\":[\"on-prem\"]}", 2, &e), 0);
	json_t *s = strategy_get(d);
	CHECK_EQ_INT(json_integer_value(json_object_get(s, "version")), 3);
	CHECK_STR(json_string_value(json_object_get(s, "vision")), "v1"); /* kept */
	CHECK_STR(json_string_value(json_object_get(s, "perspective")), "push, not pull");
	CHECK_STR(json_string_value(json_array_get(json_object_get(s, "principles"), 1)), "clear");
	json_decref(s);
	json_t *r = strategy_revisions(d);
	REQUIRE(json_array_size(r) == 2);
	json_t *newest = json_array_get(r, 0), *oldest = json_array_get(r, 1);
	CHECK_EQ_INT(json_integer_value(json_object_get(newest, "version")), 3);
	CHECK_EQ_INT(json_integer_value(json_object_get(oldest, "version")), 2);
	CHECK_STR(json_string_value(json_object_get(oldest, "perspective")), "");
	CHECK_EQ_INT(json_array_size(json_object_get(oldest, "out_of_scope")), 0);
	CHECK_STR(json_string_value(json_array_get(json_object_get(newest, "out_of_scope"), 0)), "on-prem");
	json_decref(r);
	db_close(d);
}

TEST(strategy_put_refuses_stale_and_bad_input)
{
	db *d = t_db();
	struct err e = {0};
	CHECK_EQ_INT(put(d, "{\"vision\":\"v\"}", 7, &e), -1);
	CHECK_EQ_INT(e.status, 409);
	memset(&e, 0, sizeof e);
	CHECK_EQ_INT(put(d, "{\"principles\":\"not a list\"}", 1, &e), -1);
	CHECK_STR(e.field, "principles");
	CHECK_EQ_INT(put(d, "{\"principles\":[\"ok\", 5]}", 1, &e), -1);
	CHECK_STR(e.field, "principles");
	CHECK_EQ_INT(put(d, "{\"principles\":[\"  \"]}", 1, &e), -1);
	CHECK_STR(e.field, "principles");
	CHECK_EQ_INT(put(d, "{\"mission\":\"x\"}", 1, &e), -1);
	CHECK_STR(e.field, "mission");
	/* a list item over 200 characters, and more than 30 principles */
	char json[8000], item[300];
	memset(item, 'p', 201);
	item[201] = 0;
	snprintf(json, sizeof json, "{\"principles\":[\"%s\"]}", item);
	CHECK_EQ_INT(put(d, json, 1, &e), -1);
	CHECK_STR(e.field, "principles");
	strcpy(json, "{\"principles\":[");
	for (int i = 0; i < 31; i++)
		strcat(json, i ? ",\"p\"" : "\"p\"");
	strcat(json, "]}");
	CHECK_EQ_INT(put(d, json, 1, &e), -1);
	CHECK_STR(e.field, "principles");
	json_t *s = strategy_get(d);
	CHECK_EQ_INT(json_integer_value(json_object_get(s, "version")), 1);
	json_decref(s);
	json_t *r = strategy_revisions(d);
	CHECK_EQ_INT(json_array_size(r), 0);
	json_decref(r);
	db_close(d);
}
