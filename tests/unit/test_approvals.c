/* test_approvals.c — the approval state machine (model/approvals.c) on messages: draft, in review, approved by a pm
 * and a pmm (a leader standing for either), 409s, and any change after approval clearing it. */
#include "harness.h"
#include "model/messages.h"
#include "platform/json_get.h"

static long long segment(db *d)
{
	struct err err = {0};
	json_t *in = json_pack("{ss}", "name", "Ops");
	long long id = entity_create(d, entity_find("segments"), 0, in, &err);
	json_decref(in);
	return id;
}

static long long message(db *d, long long seg, const char *status)
{
	struct err err = {0};
	json_t *in = json_pack("{sIssssss}", "segment_id", (json_int_t)seg, "level", "positioning", "text", "We alert",
	                       "status", status);
	long long id = entity_create(d, &messages_entity, 0, in, &err);
	json_decref(in);
	return id;
}

/* approve as actor with the rank of the role (as the dispatcher would): the status it answers, or -1 (err) */
static int approve(db *d, long long actor, int rank, long long id, struct err *err)
{
	arena *a = arena_new();
	struct act x;
	int rc = action_invoke(d, a, &messages_approve_action, actor, rank, id, 0, NULL, -1, NULL, &x, err);
	if (rc == 0)
		act_free(&x);
	arena_free(a);
	return rc;
}

static const char *status_of(db *d, long long id, char out[16])
{
	json_t *m = entity_get(d, &messages_entity, id);
	snprintf(out, 16, "%s", m ? jget_str(m, "status") : "?");
	json_decref(m);
	return out;
}

static int edit(db *d, long long id, json_t *in, struct err *err)
{
	json_t *m = entity_get(d, &messages_entity, id);
	int rc = entity_update(d, &messages_entity, 0, id, in, jget_int(m, "version"), err);
	json_decref(m), json_decref(in);
	return rc;
}

TEST(approvals_complete_needs_a_pm_and_a_pmm)
{
	json_t *cases[] = {json_pack("[]"), json_pack("[{ss}]", "role", "pm"), json_pack("[{ss}{ss}]", "role", "pm", "role", "pm"),
	                   json_pack("[{ss}{ss}]", "role", "pm", "role", "pmm"), json_pack("[{ss}]", "role", "leader"),
	                   json_pack("[{ss}{ss}]", "role", "leader", "role", "pmm"),
	                   json_pack("[{ss}{ss}]", "role", "leader", "role", "leader")};
	bool want[] = {false, false, false, true, false, true, true};
	for (size_t i = 0; i < COUNT(cases); i++) {
		CHECK(approvals_complete(cases[i]) == want[i]);
		json_decref(cases[i]);
	}
}

TEST(approvals_state_machine)
{
	db *d = t_db();
	long long pm = t_user(d, "pm@x", "pm"), pmm = t_user(d, "pmm@x", "pmm"), leader = t_user(d, "l@x", "leader");
	long long admin = t_user(d, "a@x", "admin");
	long long id = message(d, segment(d), "draft");
	REQUIRE(id > 0);
	char s[16];
	struct err err = {0};
	CHECK_EQ_INT(approve(d, pm, RANK_EDITOR, id, &err), -1); /* a draft */
	CHECK_EQ_INT(err.status, 409);
	CHECK_STR(err.field, "status");
	err = (struct err){0};
	CHECK_EQ_INT(edit(d, id, json_pack("{ss}", "status", "approved"), &err), -1); /* never by an edit */
	CHECK_STR(err.field, "status");
	err = (struct err){0};
	CHECK_EQ_INT(edit(d, id, json_pack("{ss}", "status", "in_review"), &err), 0);
	CHECK_EQ_INT(approve(d, admin, RANK_ADMIN, id, &err), -1); /* an admin signs nothing off */
	CHECK_EQ_INT(err.status, 403);
	err = (struct err){0};
	CHECK_EQ_INT(approve(d, pm, RANK_EDITOR, id, &err), 0);
	CHECK_STR(status_of(d, id, s), "in_review");
	CHECK_EQ_INT(approve(d, pm, RANK_EDITOR, id, &err), -1); /* twice */
	CHECK_EQ_INT(err.status, 409);
	err = (struct err){0};
	CHECK_EQ_INT(approve(d, pmm, RANK_EDITOR, id, &err), 0);
	CHECK_STR(status_of(d, id, s), "approved");
	json_t *m = entity_get(d, &messages_entity, id);
	CHECK_EQ_INT(json_array_size(json_object_get(m, "approvals")), 2);
	json_decref(m);
	CHECK_EQ_INT(approve(d, leader, RANK_LEADER, id, &err), -1); /* approved already */
	CHECK_EQ_INT(err.status, 409);
	err = (struct err){0};

	/* a change after approval: back in review, approvals cleared but kept */
	CHECK_EQ_INT(edit(d, id, json_pack("{ss}", "text", "We alert the same day"), &err), 0);
	CHECK_STR(status_of(d, id, s), "in_review");
	m = entity_get(d, &messages_entity, id);
	CHECK_EQ_INT(json_array_size(json_object_get(m, "approvals")), 0);
	json_decref(m);
	CHECK_EQ_INT(db_int(d, 0, "SELECT count(*) FROM approvals WHERE object_id = ? AND cleared_at IS NOT NULL", "i", id), 2);
	CHECK_EQ_INT(db_int(d, 0, "SELECT count(*) FROM audit WHERE object_id = ? AND kind = 'messages' AND action = "
	                          "'approvals cleared'",
	                    "i", id),
	             1);
	/* a leader stands for the pmm; the approval is of the current version */
	CHECK_EQ_INT(approve(d, leader, RANK_LEADER, id, &err), 0);
	CHECK_EQ_INT(approve(d, pm, RANK_EDITOR, id, &err), 0);
	CHECK_STR(status_of(d, id, s), "approved");
	/* an edit that changes nothing keeps it approved */
	CHECK_EQ_INT(edit(d, id, json_pack("{ss}", "text", "We alert the same day"), &err), 0);
	CHECK_STR(status_of(d, id, s), "approved");
	/* one approval in review, then a change: cleared, still in review */
	CHECK_EQ_INT(edit(d, id, json_pack("{ss}", "status", "in_review"), &err), 0);
	json_t *cur = approvals_current(d, "messages", id);
	CHECK_EQ_INT(json_array_size(cur), 0);
	json_decref(cur);
	db_close(d);
}
