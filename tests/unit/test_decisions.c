/* test_decisions.c — the decision state machine (every verb from every state, the leader-only decide of an
 * escalated decision), the verbs run as actions (option one of the options, the record written), a decided
 * decision's content locked while its revisit date may move, and the two alignment rules with their setting. */
#include <string.h>
#include "harness.h"
#include "domain/align.h"
#include "model/decisions.h"
#include "model/users.h"

TEST(decisions_state_machine)
{
	static const struct {
		const char *from, *verb;
		int rank;
		const char *to; /* NULL: refused with status */
		int status;
	} rows[] = {
		{"open", "escalate", RANK_EDITOR, "escalated", 0},   {"escalated", "escalate", RANK_EDITOR, NULL, 409},
		{"decided", "escalate", RANK_LEADER, NULL, 409},     {"reversed", "escalate", RANK_EDITOR, NULL, 409},
		{"open", "decide", RANK_EDITOR, "decided", 0},       {"open", "decide", RANK_LEADER, "decided", 0},
		{"escalated", "decide", RANK_EDITOR, NULL, 403},     {"escalated", "decide", RANK_LEADER, "decided", 0},
		{"escalated", "decide", RANK_ADMIN, "decided", 0},   {"decided", "decide", RANK_LEADER, NULL, 409},
		{"reversed", "decide", RANK_LEADER, NULL, 409},      {"decided", "reverse", RANK_EDITOR, "reversed", 0},
		{"open", "reverse", RANK_EDITOR, NULL, 409},         {"escalated", "reverse", RANK_LEADER, NULL, 409},
		{"reversed", "reverse", RANK_EDITOR, NULL, 409},
	};
	for (size_t i = 0; i < COUNT(rows); i++) {
		struct err e = {0};
		const char *to = decision_next_status(rows[i].from, rows[i].verb, rows[i].rank, &e);
		if (rows[i].to) {
			CHECK(to && !strcmp(to, rows[i].to));
		} else {
			CHECK(to == NULL);
			CHECK_EQ_INT(e.status, rows[i].status);
			if (rows[i].status == 409)
				CHECK_STR(e.field, "status");
		}
	}
}

static long long decision(db *d, const char *json)
{
	struct err e = {0};
	json_t *in = json_loads(json, 0, NULL);
	long long id = entity_create(d, &decisions_entity, 0, in, &e);
	json_decref(in);
	return id;
}

static int call(db *d, const struct action *a, long long id, const char *json, struct err *e)
{
	json_t *in = json_loads(json, 0, NULL);
	int rc = action_call(d, a, 0, id, 0, in, NULL, e);
	json_decref(in);
	return rc;
}

TEST(decisions_verbs_record_and_lock)
{
	db *d = t_db();
	long long id = decision(d, "{\"title\":\"Seat or workspace?\",\"options\":[{\"title\":\"Seat\"},{\"title\":\"Workspace\"}]}");
	REQUIRE(id > 0);
	struct err e = {0};
	CHECK(call(d, &decision_decide_action, id, "{\"option\":\"Team\",\"decision\":\"x\",\"rationale\":\"y\"}", &e) < 0);
	CHECK_STR(e.field, "option");
	memset(&e, 0, sizeof e);
	CHECK(call(d, &decision_escalate_action, id, "{\"reason\":\"PM and PMM disagree\"}", &e) == 200);
	/* action_call runs as an admin: past the leader's bar */
	CHECK(call(d, &decision_decide_action, id, "{\"option\":\"Seat\",\"decision\":\"Per seat\",\"rationale\":\"r\"}", &e) ==
	      200);
	json_t *o = entity_get(d, &decisions_entity, id);
	CHECK_STR(json_string_value(json_object_get(o, "status")), "decided");
	CHECK_STR(json_string_value(json_object_get(o, "chosen_option")), "Seat");
	CHECK_STR(json_string_value(json_object_get(o, "escalation_reason")), "PM and PMM disagree");
	CHECK(json_is_string(json_object_get(o, "decided_at")));

	json_t *edit = json_pack("{ss}", "title", "Another question");
	json_t *v = entity_validate(d, &decisions_entity, edit, o, &e);
	CHECK(v == NULL);
	CHECK_STR(e.field, "title");
	json_decref(edit);
	edit = json_pack("{ss}", "revisit_on", "2027-06-01");
	v = entity_validate(d, &decisions_entity, edit, o, &e);
	CHECK(v != NULL);
	json_decref(v), json_decref(edit), json_decref(o);

	CHECK(call(d, &decision_reverse_action, id, "{\"reason\":\"Invites fell\"}", &e) == 200);
	o = entity_get(d, &decisions_entity, id);
	CHECK_STR(json_string_value(json_object_get(o, "status")), "reversed");
	CHECK_STR(json_string_value(json_object_get(o, "decision")), "Per seat"); /* the record stays true */
	json_decref(o);
	db_close(d);
}

TEST(decisions_alignment_rules)
{
	db *d = t_db();
	long long old = decision(d, "{\"title\":\"Old\"}"), fresh = decision(d, "{\"title\":\"Fresh\"}");
	long long due = decision(d, "{\"title\":\"Due\",\"options\":[{\"title\":\"A\"}],\"revisit_on\":\"2027-01-10\"}");
	REQUIRE(old > 0 && fresh > 0 && due > 0);
	struct err e = {0};
	CHECK(call(d, &decision_decide_action, due, "{\"option\":\"A\",\"decision\":\"A\",\"rationale\":\"r\"}", &e) == 200);
	CHECK(db_run(d, "UPDATE decisions SET created_at = '2026-12-01T09:00:00Z' WHERE id = ?", "i", old) == DB_OK);
	CHECK(db_run(d, "UPDATE decisions SET created_at = '2027-01-05T09:00:00Z' WHERE id IN (?, ?)", "ii", fresh, due) ==
	      DB_OK);
	arena *a = arena_new();
	struct align_report r;
	CHECK(align_run_rule(d, a, "2027-01-10", "decision-open-too-long", &r) == 0);
	CHECK_EQ_INT(r.n, 1);
	CHECK(r.n == 1 && r.items[0].id == old);
	CHECK(align_run_rule(d, a, "2027-01-10", "decision-revisit-due", &r) == 0);
	CHECK(r.n == 1 && r.items[0].id == due);
	CHECK(align_run_rule(d, a, "2027-01-09", "decision-revisit-due", &r) == 0);
	CHECK_EQ_INT(r.n, 0);
	json_t *s = json_pack("{si}", "open_days", 60);
	CHECK(setting_put(d, &decision_setting, 0, s, &e) == 0);
	json_decref(s);
	CHECK_EQ_INT(decision_open_days(d), 60);
	CHECK(align_run_rule(d, a, "2027-01-10", "decision-open-too-long", &r) == 0);
	CHECK_EQ_INT(r.n, 0);
	arena_free(a);
	db_close(d);
}
