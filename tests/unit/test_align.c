/* test_align.c — each alignment rule on goals (fires, does not fire, edge days) and the health score. */
#include <stdio.h>
#include "harness.h"
#include "domain/align.h"
#include "model/goals.h"

/* A goal with the given owners, due date and status; created long ago and reviewed on reviewed (or never). */
static long long goal(db *d, const char *title, long long pm, long long pmm, const char *due, const char *status,
                      const char *reviewed)
{
	struct err e = {0};
	json_t *in = json_pack("{sssssfssss}", "title", title, "metric", "m", "target", 1.0, "status", status,
	                       "unit", "u");
	if (pm)
		json_object_set_new(in, "pm_owner", json_integer(pm));
	if (pmm)
		json_object_set_new(in, "pmm_owner", json_integer(pmm));
	if (due)
		json_object_set_new(in, "due", json_string(due));
	long long id = entity_create(d, &goals_entity, 0, in, &e);
	json_decref(in);
	if (id < 0)
		printf("fixture goal %s: %s\n", title, e.message);
	db_run(d, "UPDATE goals SET created_at = '2020-01-01T09:00:00Z', last_reviewed_at = ? WHERE id = ?", "ti",
	       reviewed, id);
	return id;
}

/* Run one rule for a day; returns how many findings, and checks each one's shape. */
static int run(db *d, const char *rule, const char *today, long long want_id)
{
	arena *a = arena_new();
	struct align_report r;
	if (align_run_rule(d, a, today, rule, &r) < 0) {
		arena_free(a);
		return -1;
	}
	int n = r.n;
	bool seen = false;
	for (int i = 0; i < r.n; i++) {
		const struct finding *f = &r.items[i];
		CHECK_STR(f->rule, rule);
		CHECK_STR(f->kind, "goals");
		CHECK(*f->message && *f->hint);
		CHECK(strstr(f->message, f->title) != NULL);
		seen |= f->id == want_id;
	}
	if (want_id && !seen)
		n = -100; /* found something, but not the goal expected */
	arena_free(a);
	return n;
}

TEST(align_rule_goal_no_pm_owner)
{
	db *d = t_db();
	long long pm = t_user(d, "pm@x.test", "pm"), pmm = t_user(d, "pmm@x.test", "pmm");
	long long bad = goal(d, "Lonely", 0, pmm, NULL, "active", "2026-01-01T00:00:00Z");
	CHECK_EQ_INT(run(d, "goal-no-pm-owner", "2020-01-02", bad), 1);
	goal(d, "Owned", pm, pmm, NULL, "active", NULL);
	goal(d, "Closed without owner", 0, 0, NULL, "met", NULL);   /* only active goals */
	goal(d, "Dropped without owner", 0, 0, NULL, "dropped", NULL);
	CHECK_EQ_INT(run(d, "goal-no-pm-owner", "2020-01-02", bad), 1);
	db_run(d, "UPDATE goals SET pm_owner = ? WHERE id = ?", "ii", pm, bad);
	CHECK_EQ_INT(run(d, "goal-no-pm-owner", "2020-01-02", 0), 0);
	db_close(d);
}

TEST(align_rule_goal_no_pmm_owner)
{
	db *d = t_db();
	long long pm = t_user(d, "pm@x.test", "pm"), pmm = t_user(d, "pmm@x.test", "pmm");
	long long bad = goal(d, "Product only", pm, 0, NULL, "active", NULL);
	goal(d, "Shared", pm, pmm, NULL, "active", NULL);
	goal(d, "Missed alone", pm, 0, NULL, "missed", NULL);
	CHECK_EQ_INT(run(d, "goal-no-pmm-owner", "2020-01-02", bad), 1);
	CHECK_EQ_INT(run(d, "goal-no-pm-owner", "2020-01-02", 0), 0); /* the other rule stays quiet */
	db_run(d, "UPDATE goals SET pmm_owner = ? WHERE id = ?", "ii", pmm, bad);
	CHECK_EQ_INT(run(d, "goal-no-pmm-owner", "2020-01-02", 0), 0);
	db_close(d);
}

TEST(align_rule_goal_review_overdue_edge_days)
{
	db *d = t_db();
	/* reviewed 2026-01-01, every 30 days: due for review on 2026-01-31 */
	long long u = t_user(d, "pm@x.test", "pm");
	long long g = goal(d, "Reviewed", u, u, NULL, "active", "2026-01-01T15:30:00Z");
	CHECK_EQ_INT(run(d, "goal-review-overdue", "2026-01-30", 0), 0);
	CHECK_EQ_INT(run(d, "goal-review-overdue", "2026-01-31", 0), 0); /* due today is not overdue */
	CHECK_EQ_INT(run(d, "goal-review-overdue", "2026-02-01", g), 1);
	/* a shorter cadence moves the day */
	db_run(d, "UPDATE goals SET review_every_days = 7 WHERE id = ?", "i", g);
	CHECK_EQ_INT(run(d, "goal-review-overdue", "2026-01-08", 0), 0);
	CHECK_EQ_INT(run(d, "goal-review-overdue", "2026-01-09", g), 1);
	/* never reviewed: counted from creation (2020-01-01 in the fixture) */
	db_run(d, "UPDATE goals SET last_reviewed_at = NULL WHERE id = ?", "i", g);
	CHECK_EQ_INT(run(d, "goal-review-overdue", "2020-01-08", 0), 0);
	CHECK_EQ_INT(run(d, "goal-review-overdue", "2020-01-09", g), 1);
	/* closed goals are not reviewed */
	db_run(d, "UPDATE goals SET status = 'met' WHERE id = ?", "i", g);
	CHECK_EQ_INT(run(d, "goal-review-overdue", "2030-01-01", 0), 0);
	db_close(d);
}

TEST(align_rule_goal_past_due_edge_days)
{
	db *d = t_db();
	long long g = goal(d, "Due mid-year", 0, 0, "2026-06-30", "active", NULL);
	goal(d, "No due date", 0, 0, NULL, "active", NULL);
	goal(d, "Met late", 0, 0, "2026-01-01", "met", NULL);
	goal(d, "Missed", 0, 0, "2026-01-01", "missed", NULL);
	goal(d, "Dropped", 0, 0, "2026-01-01", "dropped", NULL);
	CHECK_EQ_INT(run(d, "goal-past-due", "2026-06-29", 0), 0);
	CHECK_EQ_INT(run(d, "goal-past-due", "2026-06-30", 0), 0); /* due today is not past due */
	CHECK_EQ_INT(run(d, "goal-past-due", "2026-07-01", g), 1);
	arena *a = arena_new();
	struct align_report r;
	align_run_rule(d, a, "2026-07-01", "goal-past-due", &r);
	REQUIRE(r.n == 1);
	CHECK_EQ_INT(r.items[0].severity, SEV_ERROR);
	CHECK_CONTAINS(r.items[0].message, "2026-06-30");
	CHECK_STR(r.items[0].title, "Due mid-year");
	arena_free(a);
	db_close(d);
}

TEST(align_rules_table_and_unknown_rule)
{
	const char *want[] = {"goal-no-pm-owner", "goal-no-pmm-owner", "goal-review-overdue", "goal-past-due"};
	for (size_t i = 0; i < COUNT(want); i++) {
		bool found = false;
		for (int k = 0; k < align_rules_count; k++)
			found |= strcmp(align_rules[k].id, want[i]) == 0 && align_rules[k].run && align_rules[k].summary;
		CHECK(found);
	}
	db *d = t_db();
	arena *a = arena_new();
	struct align_report r;
	CHECK_EQ_INT(align_run_rule(d, a, "2026-01-01", "no-such-rule", &r), -1);
	CHECK_EQ_INT(align_run(d, a, "2026-01-01", &r), 0);
	/* an empty workspace is not "aligned": it has nothing to align to yet */
	REQUIRE(r.n == 2);
	CHECK_STR(r.items[0].rule, "strategy-missing");
	CHECK_STR(r.items[0].kind, "strategy");
	CHECK_STR(r.items[1].rule, "no-active-goals");
	CHECK_STR(r.items[1].kind, "goals");
	CHECK_EQ_INT(r.items[1].id, 0);
	CHECK_EQ_INT(align_score(&r), 80);
	/* a vision and an active goal answer both */
	db_run(d, "UPDATE strategy SET vision = 'Answers in minutes'", "");
	goal(d, "Grow", 0, 0, NULL, "active", NULL);
	CHECK_EQ_INT(align_run_rule(d, a, "2026-01-01", "strategy-missing", &r), 0);
	CHECK_EQ_INT(r.n, 0);
	CHECK_EQ_INT(align_run_rule(d, a, "2026-01-01", "no-active-goals", &r), 0);
	CHECK_EQ_INT(r.n, 0);
	arena_free(a);
	db_close(d);
}

TEST(align_score_formula)
{
	arena *a = arena_new();
	struct align_report r = {.a = a};
	static const struct align_rule err = {"e", SEV_ERROR, "", NULL}, warn = {"w", SEV_WARNING, "", NULL},
	                                   info = {"i", SEV_INFO, "", NULL};
	CHECK_EQ_INT(align_score(&r), 100);
	align_add(&r, &err, "goals", 1, "t", "m", "h");
	CHECK_EQ_INT(align_score(&r), 90);
	align_add(&r, &warn, "goals", 2, "t", "m", "h");
	CHECK_EQ_INT(align_score(&r), 87);
	align_add(&r, &info, "goals", 3, "t", "m", "h");
	CHECK_EQ_INT(align_score(&r), 86);
	for (int i = 0; i < 40; i++) /* grows past its first capacity */
		align_add(&r, &err, "goals", 10 + i, NULL, "m", "h");
	CHECK_EQ_INT(r.n, 43);
	CHECK_EQ_INT(align_score(&r), 0); /* never below zero */
	CHECK_EQ_INT(r.items[1].id, 2);   /* earlier findings survive growth */
	CHECK_STR(r.items[42].title, "");
	arena_free(a);
}

TEST(align_json_and_severities)
{
	CHECK_STR(severity_name(SEV_ERROR), "error");
	CHECK_STR(severity_name(SEV_WARNING), "warning");
	CHECK_STR(severity_name(SEV_INFO), "info");
	CHECK_EQ_INT(severity_parse("error"), SEV_ERROR);
	CHECK_EQ_INT(severity_parse("warning"), SEV_WARNING);
	CHECK_EQ_INT(severity_parse("info"), SEV_INFO);
	CHECK_EQ_INT(severity_parse("fatal"), -1);
	CHECK_EQ_INT(severity_parse(NULL), -1);
	db *d = t_db();
	db_run(d, "UPDATE strategy SET vision = 'Answers in minutes'", "");
	long long g = goal(d, "Orphan", 0, 0, "2026-01-01", "active", NULL);
	arena *a = arena_new();
	struct align_report r;
	align_run(d, a, "2026-03-01", &r);
	json_t *j = align_json(&r);
	/* no PM owner, no PMM owner, overdue review, no work toward it (warnings), past due (error) */
	CHECK_EQ_INT(json_integer_value(json_object_get(j, "score")), 100 - 4 * 3 - 10);
	json_t *fs = json_object_get(j, "findings");
	REQUIRE(json_array_size(fs) == 5);
	for (size_t i = 0; i < 5; i++) {
		json_t *f = json_array_get(fs, i);
		CHECK_EQ_INT(json_integer_value(json_object_get(f, "id")), g);
		CHECK_STR(json_string_value(json_object_get(f, "kind")), "goals");
		CHECK_STR(json_string_value(json_object_get(f, "title")), "Orphan");
		const char *sev = json_string_value(json_object_get(f, "severity"));
		CHECK(sev && (!strcmp(sev, "warning") || !strcmp(sev, "error")));
		CHECK(json_is_string(json_object_get(f, "rule")) && json_is_string(json_object_get(f, "hint")) &&
		      json_is_string(json_object_get(f, "message")));
	}
	json_decref(j);
	arena_free(a);
	db_close(d);
}
