/* test_openapi.c — the OpenAPI document matches the route table exactly; route_match cases. */
#include <ctype.h>
#include "harness.h"
#include "api/openapi.h"
#include "app/route.h"
#include "model/entity.h"
#include "model/setting.h"

static const char *method_key(enum http_method m)
{
	static const char *keys[] = {"get", "head", "post", "put", "patch", "delete"};
	return m < HTTP_OTHER ? keys[m] : "?";
}

/* How many documented paths a route pattern stands for: one per kind ({kind}), per setting group ({setting}),
 * else one; and the name that fills its k-th. */
static int expansions(const struct route *r)
{
	return strstr(r->pattern, "{kind}") ? entity_count : strstr(r->pattern, "{setting}") ? settings_count : 1;
}

static const char *expansion(const struct route *r, int k)
{
	return strstr(r->pattern, "{kind}") ? entity_all[k]->kind : strstr(r->pattern, "{setting}") ? settings_all[k]->name : NULL;
}

TEST(openapi_every_api_route_is_documented)
{
	arena *a = arena_new();
	json_t *doc = openapi_document(a);
	REQUIRE(doc);
	CHECK_STR(json_string_value(json_object_get(doc, "openapi")), "3.1.0");
	json_t *paths = json_object_get(doc, "paths");
	REQUIRE(json_is_object(paths));
	int expected = 0;
	for (int i = 0; i < routes_count; i++) {
		const struct route *r = &routes[i];
		if (!(r->flags & R_API))
			continue;
		for (int k = 0; k < expansions(r); k++) {
			const char *path = openapi_path(a, r->pattern, expansion(r, k));
			CHECK(strstr(path, "{kind}") == NULL);
			json_t *op = json_object_get(json_object_get(paths, path), method_key(r->method));
			if (!op)
				harness_fail(__FILE__, __LINE__, "route %s %s is missing from the OpenAPI document",
				             method_key(r->method), path);
			expected++;
		}
	}
	/* the document has nothing else: count its operations */
	int documented = 0;
	const char *path;
	json_t *item;
	json_object_foreach(paths, path, item)
	{
		const char *m;
		json_t *op;
		json_object_foreach(item, m, op)
		{
			documented++;
			bool found = false;
			for (int i = 0; i < routes_count && !found; i++) {
				const struct route *r = &routes[i];
				if (!(r->flags & R_API) || strcmp(method_key(r->method), m) != 0)
					continue;
				for (int k = 0; k < expansions(r) && !found; k++)
					found = !strcmp(openapi_path(a, r->pattern, expansion(r, k)), path);
			}
			if (!found)
				harness_fail(__FILE__, __LINE__, "the OpenAPI document has %s %s, which no route answers", m, path);
		}
	}
	CHECK_EQ_INT(documented, expected);
	/* pages are not API operations */
	CHECK(json_object_get(paths, "/login") == NULL);
	CHECK(json_object_get(paths, "/goals") == NULL);
	CHECK(json_object_get(json_object_get(paths, "/api/v1/goals"), "get") != NULL);
	CHECK(json_object_get(json_object_get(paths, "/api/v1/competitors.csv"), "get") != NULL);
	CHECK(json_object_get(json_object_get(paths, "/api/v1/strategy"), "put") != NULL);
	CHECK(json_object_get(json_object_get(paths, "/api/v1/strategy"), "delete") == NULL);
	json_decref(doc);
	arena_free(a);
}

/* Every "$ref" in v points at an existing schema. */
static void check_refs(json_t *v, json_t *schemas)
{
	if (json_is_object(v)) {
		const char *k;
		json_t *c;
		json_object_foreach(v, k, c)
		{
			if (!strcmp(k, "$ref") && json_is_string(c)) {
				const char *ref = json_string_value(c);
				const char *prefix = "#/components/schemas/";
				if (strncmp(ref, prefix, strlen(prefix)) || !json_object_get(schemas, ref + strlen(prefix)))
					harness_fail(__FILE__, __LINE__, "dangling $ref %s", ref);
			} else {
				check_refs(c, schemas);
			}
		}
	} else if (json_is_array(v)) {
		size_t i;
		json_t *c;
		json_array_foreach(v, i, c) check_refs(c, schemas);
	}
}

TEST(openapi_parameters_refs_and_operation_ids)
{
	arena *a = arena_new();
	json_t *doc = openapi_document(a);
	json_t *paths = json_object_get(doc, "paths");
	json_t *schemas = json_object_get(json_object_get(doc, "components"), "schemas");
	REQUIRE(schemas);
	check_refs(doc, schemas);
	CHECK(json_object_get(schemas, "Goal") && json_object_get(schemas, "GoalInput") &&
	      json_object_get(schemas, "Error") && json_object_get(schemas, "StrategyInput"));
	json_t *ids = json_object();
	const char *path;
	json_t *item;
	json_object_foreach(paths, path, item)
	{
		const char *m;
		json_t *op;
		json_object_foreach(item, m, op)
		{
			const char *id = json_string_value(json_object_get(op, "operationId"));
			CHECK(id != NULL);
			if (id && json_object_get(ids, id))
				harness_fail(__FILE__, __LINE__, "operationId %s is not unique", id);
			if (id)
				json_object_set_new(ids, id, json_true());
			CHECK(json_object_size(json_object_get(op, "responses")) > 0);
			/* every {param} in the path is declared as a path parameter */
			for (const char *p = strchr(path, '{'); p; p = strchr(p + 1, '{')) {
				const char *end = strchr(p, '}');
				char name[32];
				snprintf(name, sizeof name, "%.*s", (int)(end - p - 1), p + 1);
				bool declared = false;
				size_t i;
				json_t *prm;
				json_array_foreach(json_object_get(op, "parameters"), i, prm)
				    declared |= !strcmp(json_string_value(json_object_get(prm, "name")), name) &&
				                !strcmp(json_string_value(json_object_get(prm, "in")), "path");
				if (!declared)
					harness_fail(__FILE__, __LINE__, "%s %s: path parameter %s is not declared", m, path, name);
			}
		}
	}
	json_decref(ids);
	/* public routes need no security; the rest need bearer or session */
	json_t *health = json_object_get(json_object_get(paths, "/healthz"), "get");
	CHECK_EQ_INT(json_array_size(json_object_get(health, "security")), 0);
	CHECK(json_object_get(health, "security") != NULL);
	CHECK(json_object_get(json_object_get(json_object_get(paths, "/api/v1/goals"), "get"), "security") == NULL);
	/* the goal schema describes the descriptor: target required, status an enum */
	json_t *goal = json_object_get(schemas, "Goal");
	json_t *status = json_object_get(json_object_get(goal, "properties"), "status");
	CHECK_EQ_INT(json_array_size(json_object_get(status, "enum")), 4);
	json_t *input = json_object_get(schemas, "GoalInput");
	CHECK(json_object_get(json_object_get(input, "properties"), "current") == NULL); /* read-only */
	json_decref(doc);
	arena_free(a);
}

TEST(openapi_route_table_has_no_duplicates)
{
	for (int i = 0; i < routes_count; i++) {
		CHECK(routes[i].fn && routes[i].summary && routes[i].pattern[0] == '/');
		for (int k = i + 1; k < routes_count; k++)
			if (routes[i].method == routes[k].method && !strcmp(routes[i].pattern, routes[k].pattern))
				harness_fail(__FILE__, __LINE__, "route %s is listed twice", routes[i].pattern);
		/* writes carry CSRF protection unless public */
		if (routes[i].method != HTTP_GET && !(routes[i].flags & R_PUBLIC))
			CHECK(routes[i].flags & R_CSRF);
	}
}

/* Does pattern match path, and with which first two parameters ("" when none)? */
static bool match(const char *pattern, const char *path, const char *p0, const char *p1)
{
	arena *a = arena_new();
	const char *params[HTTP_MAX_PARAMS] = {0};
	bool ok = route_match(pattern, path, a, params) &&
	          !strcmp(params[0] ? params[0] : "", p0) && !strcmp(params[1] ? params[1] : "", p1);
	arena_free(a);
	return ok;
}

static bool matches(const char *pattern, const char *path)
{
	arena *a = arena_new();
	const char *params[HTTP_MAX_PARAMS] = {0};
	bool ok = route_match(pattern, path, a, params);
	arena_free(a);
	return ok;
}

TEST(openapi_route_match_cases)
{
	CHECK(match("/", "/", "", ""));
	CHECK(!matches("/", "/x"));
	CHECK(match("/healthz", "/healthz", "", ""));
	CHECK(!matches("/healthz", "/healthz/"));
	CHECK(!matches("/healthz", "/health"));
	CHECK(match("/api/v1/{kind}", "/api/v1/goals", "goals", ""));
	CHECK(match("/api/v1/{kind}", "/api/v1/journey-stages", "journey-stages", "")); /* kebab-case kinds */
	CHECK(!matches("/api/v1/{kind}", "/api/v1/nosuch"));   /* only described kinds */
	CHECK(!matches("/api/v1/{kind}", "/api/v1/strategy")); /* strategy has its own routes */
	CHECK(!matches("/api/v1/{kind}", "/api/v1/goals/"));
	CHECK(match("/api/v1/{kind}.csv", "/api/v1/segments.csv", "segments", ""));
	CHECK(!matches("/api/v1/{kind}.csv", "/api/v1/segments"));
	CHECK(!matches("/api/v1/{kind}.csv", "/api/v1/.csv"));
	CHECK(!matches("/api/v1/{kind}", "/api/v1/segments.csv"));
	CHECK(match("/api/v1/{kind}/{id}", "/api/v1/accounts/12", "accounts", "12"));
	CHECK(match("/api/v1/{kind}/{id}", "/api/v1/accounts/9223372036854775807", "accounts", "9223372036854775807"));
	const char *bad_ids[] = {"0", "-1", "012", "+1", "abc", "1.5", "99999999999999999999", " 1", ""};
	for (size_t i = 0; i < COUNT(bad_ids); i++) {
		char path[80];
		snprintf(path, sizeof path, "/api/v1/accounts/%s", bad_ids[i]);
		if (matches("/api/v1/{kind}/{id}", path))
			harness_fail(__FILE__, __LINE__, "id \"%s\" was accepted", bad_ids[i]);
	}
	CHECK(match("/api/v1/goals/{id}/measurements", "/api/v1/goals/3/measurements", "3", ""));
	CHECK(!matches("/api/v1/goals/{id}/measurements", "/api/v1/goals/3/measurements/4"));
	CHECK(match("/{kind}/{id}/edit", "/personas/7/edit", "personas", "7"));
	CHECK(match("/static/{x}", "/static/tandem.css", "tandem.css", ""));
	CHECK(!matches("/static/{x}", "/static/"));
	CHECK(!matches("/{kind}", "//goals"));
	CHECK(!matches("/{kind}", "/goals/../users"));
}

/* The schema a path's answer refers to (its 200 JSON body's $ref), looked up in the document; NULL when absent. */
static json_t *answer_schema(json_t *doc, const char *path, const char *method)
{
	json_t *op = json_object_get(json_object_get(json_object_get(doc, "paths"), path), method);
	json_t *s = json_object_get(
	    json_object_get(json_object_get(json_object_get(json_object_get(op, "responses"), "200"), "content"),
	                    "application/json"),
	    "schema");
	const char *ref = json_string_value(json_object_get(s, "$ref"));
	if (!ref || strncmp(ref, "#/components/schemas/", 21))
		return NULL;
	return json_object_get(json_object_get(json_object_get(doc, "components"), "schemas"), ref + 21);
}

/* regression: the schema name Activity meant both the activity feed and a marketing activity, so
 * GET /api/v1/launch-activities/{id} was documented as a list. */
TEST(regression_openapi_activity_schema_names)
{
	arena *a = arena_new();
	json_t *doc = openapi_document(a);
	json_t *one = answer_schema(doc, "/api/v1/launch-activities/{id}", "get");
	json_t *feed = answer_schema(doc, "/api/v1/activity", "get");
	REQUIRE(one && feed);
	CHECK(json_object_get(json_object_get(one, "properties"), "channel") != NULL);
	CHECK(json_object_get(json_object_get(one, "properties"), "items") == NULL);
	CHECK(json_object_get(json_object_get(feed, "properties"), "items") != NULL);
	json_decref(doc);
	arena_free(a);
}
