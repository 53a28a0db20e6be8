/* test_triage.c — the perspective gate (accept, or decline citing the strategy, with a reply for the requester)
 * and merging duplicate features. */
#include <stdlib.h>
#include "domain/triage.h"
#include "harness.h"
#include "model/entity.h"
#include "model/features.h"
#include "model/strategy.h"

static long long tr_make(db *d, const char *k, const char *json)
{
	struct err e = {0};
	json_t *in = json_loads(json, 0, NULL);
	if (!in)
		abort();
	long long id = entity_create(d, entity_find(k), 0, in, &e);
	json_decref(in);
	if (id < 0) {
		fprintf(stderr, "fixture %s: %s\n", json, e.message);
		abort();
	}
	return id;
}

/* A workspace with a strategy, a PM, goals 1-3, personas 1-2. */
static db *tr_db(long long *pm)
{
	db *d = t_db();
	struct err e = {0};
	json_t *s = json_loads("{\"perspective\":\"Push the answer to the user; never ask them to build a dashboard.\","
	                       "\"principles\":[\"Time to first insight beats breadth\",\"Explainable numbers over clever models\"],"
	                       "\"out_of_scope\":[\"On-premise installation\",\"A general-purpose BI dashboard builder\"]}",
	                       0, NULL);
	if (strategy_put(d, 0, s, 1, &e) < 0)
		abort();
	json_decref(s);
	*pm = t_user(d, "priya@x.test", "pm");
	db_run(d, "UPDATE users SET name = 'Priya Patel' WHERE id = ?", "i", *pm);
	for (int i = 1; i <= 3; i++) {
		char json[100];
		snprintf(json, sizeof json, "{\"title\":\"G%d\",\"metric\":\"m\",\"target\":1}", i);
		tr_make(d, "goals", json);
	}
	tr_make(d, "personas", "{\"name\":\"Ops lead\"}");
	tr_make(d, "personas", "{\"name\":\"Analyst\"}");
	return d;
}

static int tr_decide(db *d, arena *a, long long actor, long long id, const char *json, const char **reply, struct err *e)
{
	json_t *in = json_loads(json, 0, NULL);
	if (!in)
		abort();
	memset(e, 0, sizeof *e);
	*reply = NULL;
	json_t *out = NULL;
	int rc = action_call(d, &triage_action, actor, id, 0, in, &out, e) < 0 ? -1 : 0;
	if (rc == 0)
		*reply = arena_strdup(a, json_string_value(json_object_get(out, "reply")));
	json_decref(out);
	json_decref(in);
	return rc;
}

static const char *tr_str(db *d, long long id, const char *field)
{
	static char out[600];
	json_t *f = entity_get(d, &features_entity, id);
	const char *s = json_string_value(json_object_get(f, field));
	snprintf(out, sizeof out, "%s", s ? s : "(null)");
	json_decref(f);
	return out;
}

static const char *tr_json(db *d, long long id, const char *field)
{
	static char out[600];
	json_t *f = entity_get(d, &features_entity, id);
	char *s = f ? json_dumps(json_object_get(f, field), JSON_COMPACT | JSON_ENCODE_ANY) : NULL;
	snprintf(out, sizeof out, "%s", s ? s : "(none)");
	free(s);
	json_decref(f);
	return out;
}

static long long tr_int(db *d, long long id, const char *field)
{
	json_t *f = entity_get(d, &features_entity, id);
	long long v = json_integer_value(json_object_get(f, field));
	json_decref(f);
	return v;
}

TEST(triage_decline_cites_the_strategy_and_replies)
{
	long long pm;
	db *d = tr_db(&pm);
	arena *a = arena_new();
	struct err e;
	const char *reply;
	long long id = tr_make(d, "features", "{\"title\":\"On-prem installer\",\"requester\":\"Globex IT\",\"kind\":\"idea\"}");
	CHECK_EQ_INT(tr_decide(d, a, pm, id,
	                       "{\"decision\":\"decline\",\"reason\":\"We only run as a service.\",\"cites\":\"out_of_scope:1\"}",
	                       &reply, &e),
	             0);
	REQUIRE(reply);
	CHECK_CONTAINS(reply, "Globex IT");
	CHECK_CONTAINS(reply, "On-prem installer");
	CHECK_CONTAINS(reply, "We only run as a service.");
	CHECK_CONTAINS(reply, "On-premise installation");
	CHECK_CONTAINS(reply, "Priya Patel"); /* signed by who decided */
	CHECK_STR(tr_str(d, id, "status"), "declined");
	CHECK_CONTAINS(tr_str(d, id, "decline_reason"), "We only run as a service.");
	CHECK_CONTAINS(tr_str(d, id, "decline_reason"), "On-premise installation");
	CHECK_EQ_INT(tr_int(d, id, "version"), 2);
	/* the audit row names who decided */
	CHECK_EQ_INT(db_int(d, -1, "SELECT user_id FROM audit WHERE kind = 'features' AND object_id = ? ORDER BY id DESC LIMIT 1",
	                    "i", id),
	             pm);
	/* a principle and the perspective can be cited too */
	long long p = tr_make(d, "features", "{\"title\":\"AI forecasts\",\"requester\":\"Ana\",\"status\":\"triage\"}");
	CHECK_EQ_INT(tr_decide(d, a, pm, p, "{\"decision\":\"decline\",\"reason\":\"Too opaque.\",\"cites\":\"principle:2\"}",
	                       &reply, &e),
	             0);
	CHECK_CONTAINS(reply, "Explainable numbers over clever models");
	CHECK_CONTAINS(reply, "Ana");
	long long q = tr_make(d, "features", "{\"title\":\"Chart builder\"}"); /* no requester */
	CHECK_EQ_INT(tr_decide(d, a, pm, q, "{\"decision\":\"decline\",\"reason\":\"Not us.\",\"cites\":\"perspective\"}",
	                       &reply, &e),
	             0);
	CHECK_CONTAINS(reply, "never ask them to build a dashboard");
	CHECK_CONTAINS(reply, "Chart builder");
	/* the cited statement's text */
	const char *label = NULL;
	CHECK_STR(triage_cited(d, a, "out_of_scope:2", &label), "A general-purpose BI dashboard builder");
	CHECK(triage_cited(d, a, "out_of_scope:3", &label) == NULL);
	CHECK(triage_cited(d, a, "principle:0", &label) == NULL);
	CHECK(triage_cited(d, a, NULL, &label) == NULL);
	arena_free(a);
	db_close(d);
}

TEST(triage_accept_replies_and_keeps_no_reason)
{
	long long pm;
	db *d = tr_db(&pm);
	arena *a = arena_new();
	struct err e;
	const char *reply;
	long long id = tr_make(d, "features", "{\"title\":\"Slack alerts\",\"requester\":\"ops@acme.example\"}");
	CHECK_EQ_INT(tr_decide(d, a, pm, id, "{\"decision\":\"accept\"}", &reply, &e), 0);
	REQUIRE(reply);
	CHECK_CONTAINS(reply, "ops@acme.example");
	CHECK_CONTAINS(reply, "Slack alerts");
	CHECK_CONTAINS(reply, "accepted");
	CHECK_STR(tr_str(d, id, "status"), "accepted");
	CHECK_STR(tr_str(d, id, "decline_reason"), "(null)");
	/* a request in triage may be accepted too, with a reason */
	long long t = tr_make(d, "features", "{\"title\":\"T\",\"status\":\"triage\"}");
	CHECK_EQ_INT(tr_decide(d, a, pm, t, "{\"decision\":\"accept\",\"reason\":\"fits\"}", &reply, &e), 0);
	CHECK_STR(tr_str(d, t, "status"), "accepted");
	arena_free(a);
	db_close(d);
}

TEST(triage_refusals_name_the_field)
{
	long long pm;
	db *d = tr_db(&pm);
	arena *a = arena_new();
	struct err e;
	const char *reply;
	long long id = tr_make(d, "features", "{\"title\":\"R\",\"requester\":\"Sam\"}");
	struct {
		const char *json, *field;
	} bad[] = {
		{"{}", "decision"},
		{"{\"decision\":\"maybe\"}", "decision"},
		{"{\"decision\":1}", "decision"},
		{"{\"decision\":\"decline\",\"cites\":\"perspective\"}", "reason"},
		{"{\"decision\":\"decline\",\"reason\":\"  \\n \",\"cites\":\"perspective\"}", "reason"},
		{"{\"decision\":\"decline\",\"reason\":5,\"cites\":\"perspective\"}", "reason"},
		{"{\"decision\":\"decline\",\"reason\":\"No\"}", "cites"},
		{"{\"decision\":\"decline\",\"reason\":\"No\",\"cites\":\"\"}", "cites"},
		{"{\"decision\":\"decline\",\"reason\":\"No\",\"cites\":\"principle:9\"}", "cites"},
		{"{\"decision\":\"decline\",\"reason\":\"No\",\"cites\":\"principle:0\"}", "cites"},
		{"{\"decision\":\"decline\",\"reason\":\"No\",\"cites\":\"principle:x\"}", "cites"},
		{"{\"decision\":\"decline\",\"reason\":\"No\",\"cites\":\"out_of_scope:3\"}", "cites"},
		{"{\"decision\":\"decline\",\"reason\":\"No\",\"cites\":\"vision\"}", "cites"},
		{"{\"decision\":\"decline\",\"reason\":\"No\",\"cites\":2}", "cites"},
		{"{\"decision\":\"accept\",\"colour\":\"red\"}", "colour"},
	};
	long long audits = db_int(d, -1, "SELECT count(*) FROM audit", "");
	for (size_t i = 0; i < COUNT(bad); i++) {
		int rc = tr_decide(d, a, pm, id, bad[i].json, &reply, &e);
		if (rc != -1 || e.status != 400 || strcmp(e.field, bad[i].field) != 0)
			harness_fail(__FILE__, __LINE__, "%s: want 400 on %s, got rc %d status %d field \"%s\" (%s)", bad[i].json,
			             bad[i].field, rc, e.status, e.field, e.message);
		CHECK(reply == NULL);
	}
	CHECK_STR(tr_str(d, id, "status"), "new");
	CHECK_EQ_INT(tr_int(d, id, "version"), 1);
	CHECK_EQ_INT(db_int(d, -1, "SELECT count(*) FROM audit", ""), audits);
	/* not an object */
	json_t *arr = json_array();
	memset(&e, 0, sizeof e);
	CHECK_EQ_INT(action_call(d, &triage_action, pm, id, 0, arr, NULL, &e), -1);
	CHECK_EQ_INT(e.status, 400);
	json_decref(arr);
	/* a missing feature */
	CHECK_EQ_INT(tr_decide(d, a, pm, 999, "{\"decision\":\"accept\"}", &reply, &e), -1);
	CHECK_EQ_INT(e.status, 404);
	/* a stale version */
	CHECK_EQ_INT(tr_decide(d, a, pm, id, "{\"decision\":\"accept\",\"version\":7}", &reply, &e), -1);
	CHECK_EQ_INT(e.status, 409);
	CHECK_STR(tr_str(d, id, "status"), "new");
	arena_free(a);
	db_close(d);
}

/* A reason that fits what a user may type must not fail on a field the user never sent. */
TEST(triage_long_reason_is_refused_on_reason_or_accepted)
{
	long long pm;
	db *d = tr_db(&pm);
	arena *a = arena_new();
	struct err e;
	const char *reply;
	long long id = tr_make(d, "features", "{\"title\":\"R\",\"requester\":\"Sam\"}");
	char json[2600], reason[2001];
	memset(reason, 'x', 1990);
	reason[1990] = 0;
	snprintf(json, sizeof json, "{\"decision\":\"decline\",\"reason\":\"%s\",\"cites\":\"out_of_scope:2\"}", reason);
	int rc = tr_decide(d, a, pm, id, json, &reply, &e);
	if (rc < 0 && strcmp(e.field, "reason") != 0)
		harness_fail(__FILE__, __LINE__, "a 1990-character reason failed on field \"%s\" (%s), not on reason", e.field,
		             e.message);
	arena_free(a);
	db_close(d);
}

TEST(triage_only_new_or_triage_requests)
{
	long long pm;
	db *d = tr_db(&pm);
	arena *a = arena_new();
	struct err e;
	const char *reply;
	const char *statuses[] = {"accepted", "planned", "in_progress", "shipped"};
	for (size_t i = 0; i < COUNT(statuses); i++) {
		char json[100];
		snprintf(json, sizeof json, "{\"title\":\"F\",\"status\":\"%s\"}", statuses[i]);
		long long id = tr_make(d, "features", json);
		CHECK_EQ_INT(tr_decide(d, a, pm, id, "{\"decision\":\"accept\"}", &reply, &e), -1);
		CHECK_EQ_INT(e.status, 409);
		CHECK_CONTAINS(e.message, statuses[i]);
		CHECK_STR(tr_str(d, id, "status"), statuses[i]);
	}
	long long dec = tr_make(d, "features", "{\"title\":\"F\",\"status\":\"declined\",\"decline_reason\":\"no\"}");
	CHECK_EQ_INT(tr_decide(d, a, pm, dec, "{\"decision\":\"decline\",\"reason\":\"again\",\"cites\":\"perspective\"}",
	                       &reply, &e),
	             -1);
	CHECK_EQ_INT(e.status, 409);
	/* a decided request cannot be decided again */
	long long id = tr_make(d, "features", "{\"title\":\"F\"}");
	CHECK_EQ_INT(tr_decide(d, a, pm, id, "{\"decision\":\"accept\"}", &reply, &e), 0);
	CHECK_EQ_INT(tr_decide(d, a, pm, id, "{\"decision\":\"accept\"}", &reply, &e), -1);
	CHECK_EQ_INT(e.status, 409);
	arena_free(a);
	db_close(d);
}

/* Counts that a refused merge must leave as they were. */
static void tr_state(db *d, char *out, size_t n)
{
	db_stmt *s = db_q(d, "SELECT (SELECT group_concat(feature_id || ':' || goal_id || ':' || weight, ' ') FROM "
	                     "(SELECT * FROM feature_goals ORDER BY 1, 2)), (SELECT group_concat(feature_id || ':' || persona_id, ' ') "
	                     "FROM (SELECT * FROM feature_personas ORDER BY 1, 2)), (SELECT group_concat(feature_id || '>' || "
	                     "depends_on, ' ') FROM (SELECT * FROM feature_deps ORDER BY 1, 2)), (SELECT group_concat(id || ':' || "
	                     "version || ':' || status || ':' || coalesce(merged_into, '-'), ' ') FROM features), (SELECT count(*) "
	                     "FROM audit)",
	                  "");
	if (s && db_step(s) == DB_ROW)
		snprintf(out, n, "%s | %s | %s | %s | %s", db_col_text(s, 0) ? db_col_text(s, 0) : "", db_col_text(s, 1) ? db_col_text(s, 1) : "",
		         db_col_text(s, 2) ? db_col_text(s, 2) : "", db_col_text(s, 3) ? db_col_text(s, 3) : "",
		         db_col_text(s, 4) ? db_col_text(s, 4) : "");
	db_done(s);
}

/* Merge in a transaction as a request would: rolled back when refused. */
static int tr_merge(db *d, long long actor, long long from, long long into, struct err *e)
{
	memset(e, 0, sizeof *e);
	db_begin(d);
	int rc = feature_merge(d, actor, from, into, e);
	if (rc < 0)
		db_rollback(d);
	else
		db_commit(d);
	return rc;
}

TEST(merge_moves_links_and_leaves_a_redirect)
{
	long long pm;
	db *d = tr_db(&pm);
	struct err e;
	long long base = tr_make(d, "features", "{\"title\":\"Base\"}");                                   /* 1 */
	long long a = tr_make(d, "features", "{\"title\":\"Alerts\",\"status\":\"accepted\",\"goals\":[{\"goal_id\":1,"
	                                     "\"weight\":2},{\"goal_id\":2,\"weight\":5}],\"persona_ids\":[1]}"); /* 2 */
	long long b = tr_make(d, "features",
	                      "{\"title\":\"Notifications\",\"goals\":[{\"goal_id\":1,\"weight\":4},{\"goal_id\":2,\"weight\":1},"
	                      "{\"goal_id\":3,\"weight\":3}],\"persona_ids\":[1,2],\"depends_on\":[1]}"); /* 3 */
	long long dependent = tr_make(d, "features", "{\"title\":\"Digest\",\"depends_on\":[3]}");          /* 4 */
	long long both = tr_make(d, "features", "{\"title\":\"Both\",\"depends_on\":[2,3]}");               /* 5 */
	REQUIRE(base == 1 && a == 2 && b == 3 && dependent == 4 && both == 5);
	CHECK_EQ_INT(tr_merge(d, pm, b, a, &e), 0);
	/* goals: the higher weight of each, and B's own */
	CHECK_STR(tr_json(d, a, "goals"),
	          "[{\"goal_id\":1,\"weight\":4},{\"goal_id\":2,\"weight\":5},{\"goal_id\":3,\"weight\":3}]");
	CHECK_STR(tr_json(d, a, "persona_ids"), "[1,2]");
	CHECK_STR(tr_json(d, a, "depends_on"), "[1]");       /* what B depended on */
	CHECK_STR(tr_json(d, dependent, "depends_on"), "[2]"); /* what depended on B */
	CHECK_STR(tr_json(d, both, "depends_on"), "[2]");      /* no duplicate */
	CHECK_EQ_INT(tr_int(d, a, "version"), 2);
	CHECK_STR(tr_str(d, a, "status"), "accepted");
	/* B stays as a declined redirect with no links */
	CHECK_STR(tr_str(d, b, "status"), "declined");
	CHECK_EQ_INT(tr_int(d, b, "merged_into"), a);
	CHECK_CONTAINS(tr_str(d, b, "decline_reason"), "#2");
	CHECK_STR(tr_json(d, b, "goals"), "[]");
	CHECK_STR(tr_json(d, b, "persona_ids"), "[]");
	CHECK_STR(tr_json(d, b, "depends_on"), "[]");
	CHECK_EQ_INT(tr_int(d, b, "version"), 2);
	/* both are audited as merged, by who merged */
	CHECK_EQ_INT(db_int(d, -1, "SELECT count(*) FROM audit WHERE kind = 'features' AND action = 'merged' AND user_id = ?",
	                    "i", pm),
	             2);
	json_t *h = audit_history(d, "features", a, 1);
	CHECK_EQ_INT(json_integer_value(json_object_get(json_object_get(json_array_get(h, 0), "changes"), "merged_from")), b);
	json_decref(h);
	db_close(d);
}

TEST(merge_refusals_change_nothing)
{
	long long pm;
	db *d = tr_db(&pm);
	struct err e;
	char before[2000], after[2000];
	long long a = tr_make(d, "features", "{\"title\":\"A\",\"goals\":[{\"goal_id\":1,\"weight\":2}]}"); /* 1 */
	long long b = tr_make(d, "features", "{\"title\":\"B\",\"goals\":[{\"goal_id\":1,\"weight\":5}],\"persona_ids\":[2]}");
	long long c = tr_make(d, "features", "{\"title\":\"C\",\"depends_on\":[2]}"); /* 3 depends on B */
	REQUIRE(a == 1 && b == 2 && c == 3);
	struct err pe = {0};
	json_t *in = json_pack("{sIs[I]}", "version", (json_int_t)1, "depends_on", (json_int_t)c);
	REQUIRE(entity_update(d, &features_entity, 0, a, in, 1, &pe) == 0); /* A depends on C */
	json_decref(in);
	tr_state(d, before, sizeof before);
	/* into itself */
	CHECK_EQ_INT(tr_merge(d, pm, b, b, &e), -1);
	CHECK_EQ_INT(e.status, 400);
	CHECK_STR(e.field, "into");
	/* into a missing feature */
	CHECK_EQ_INT(tr_merge(d, pm, b, 99, &e), -1);
	CHECK_EQ_INT(e.status, 400);
	CHECK_STR(e.field, "into");
	/* a missing duplicate */
	CHECK_EQ_INT(tr_merge(d, pm, 99, a, &e), -1);
	CHECK_EQ_INT(e.status, 404);
	/* a cycle: A depends on C, C depends on B; B into A makes C depend on A */
	CHECK_EQ_INT(tr_merge(d, pm, b, a, &e), -1);
	CHECK_EQ_INT(e.status, 400);
	CHECK_STR(e.field, "into");
	CHECK_CONTAINS(e.message, "dependency cycle");
	CHECK_CONTAINS(e.message, "#1 → #3 → #1");
	tr_state(d, after, sizeof after);
	CHECK_STR(after, before);
	/* a second merge of the same duplicate, and a merge into a merged one */
	long long x = tr_make(d, "features", "{\"title\":\"X\"}"); /* 4 */
	long long y = tr_make(d, "features", "{\"title\":\"Y\"}"); /* 5 */
	CHECK_EQ_INT(tr_merge(d, pm, x, y, &e), 0);
	tr_state(d, before, sizeof before);
	CHECK_EQ_INT(tr_merge(d, pm, x, a, &e), -1);
	CHECK_EQ_INT(e.status, 409);
	CHECK_EQ_INT(tr_merge(d, pm, a, x, &e), -1);
	CHECK_EQ_INT(e.status, 400);
	CHECK_STR(e.field, "into");
	CHECK_CONTAINS(e.message, "merged");
	tr_state(d, after, sizeof after);
	CHECK_STR(after, before);
	/* a merged redirect cannot be triaged either */
	arena *ar = arena_new();
	const char *reply;
	CHECK_EQ_INT(tr_decide(d, ar, pm, x, "{\"decision\":\"accept\"}", &reply, &e), -1);
	CHECK_EQ_INT(e.status, 409);
	arena_free(ar);
	db_close(d);
}

/* Editing a merged redirect through the engine must not bring links back onto it, nor undo merged_into. */
TEST(merge_redirect_keeps_merged_into_on_edit)
{
	long long pm;
	db *d = tr_db(&pm);
	struct err e;
	long long a = tr_make(d, "features", "{\"title\":\"A\"}");
	long long b = tr_make(d, "features", "{\"title\":\"B\"}");
	CHECK_EQ_INT(tr_merge(d, pm, b, a, &e), 0);
	json_t *in = json_pack("{ss}", "title", "B renamed");
	memset(&e, 0, sizeof e);
	entity_update(d, &features_entity, pm, b, in, 2, &e);
	json_decref(in);
	CHECK_EQ_INT(tr_int(d, b, "merged_into"), a);
	db_close(d);
}
