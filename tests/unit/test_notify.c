/* test_notify.c — who hears of what: a person hears of one event once, for the first rule that names them (a
 * mention before a comment on what they own), never the one who did it; owners follow what they own until they stop;
 * the daily reminders (a launch inside its lead time with open items, a goal due for review) once a week each. */
#include "harness.h"
#include "domain/notify.h"
#include "model/audience.h"
#include "model/comments.h"
#include "model/goals.h"
#include "model/launches.h"
#include "model/notifications.h"
#include "platform/util.h"

static long long heard(db *d, long long user, const char *reason)
{
	return db_int(d, -1, "SELECT count(*) FROM notifications WHERE user_id = ? AND reason = ?", "it", user, reason);
}

static long long all_of(db *d, long long user)
{
	return db_int(d, -1, "SELECT count(*) FROM notifications WHERE user_id = ?", "i", user);
}

TEST(notify_first_reason_wins_never_the_actor)
{
	db *d = t_db();
	long long pm = t_user(d, "pm@x.test", "pm"), pmm = t_user(d, "pmm@x.test", "pmm");
	struct err e = {0};
	char date[11];
	today_ymd(date);
	date_add(date, 90, date);
	json_t *in = json_pack("{sssisssI}", "title", "SSO", "tier", 3, "launch_date", date, "owner", (json_int_t)pm);
	long long l = entity_create(d, &launches_entity, pm, in, &e);
	json_decref(in);
	REQUIRE(l > 0);
	CHECK_EQ_INT(all_of(d, pm), 0); /* made by its owner: nothing to hear */
	/* the pmm comments on the pm's launch, mentioning the pm: one notification, a mention (not also a comment) */
	in = json_pack("{sssIss}", "on_kind", "launches", "on_id", (json_int_t)l, "body", "@pm@x.test when?");
	long long c = entity_create(d, &comments_entity, pmm, in, &e);
	json_decref(in);
	REQUIRE(c > 0);
	CHECK_EQ_INT(heard(d, pm, "mention"), 1);
	CHECK_EQ_INT(heard(d, pm, "comment"), 0);
	CHECK_EQ_INT(all_of(d, pmm), 0);
	/* a comment without the mention: the owner hears of it as a comment on what they own */
	in = json_pack("{sssIss}", "on_kind", "launches", "on_id", (json_int_t)l, "body", "And the FAQ?");
	CHECK(entity_create(d, &comments_entity, pmm, in, &e) > 0);
	json_decref(in);
	CHECK_EQ_INT(heard(d, pm, "comment"), 1);
	/* the owner stops following: no more comments or changes, but a mention still reaches them */
	CHECK_EQ_INT(watch_set(d, pm, "launches", l, false), 0);
	json_t *obj = entity_get(d, &launches_entity, l);
	CHECK(!notify_follows(d, &launches_entity, l, obj, pm));
	CHECK(!notify_follows(d, &launches_entity, l, obj, pmm));
	json_decref(obj);
	in = json_pack("{sssIss}", "on_kind", "launches", "on_id", (json_int_t)l, "body", "Anyone?");
	CHECK(entity_create(d, &comments_entity, pmm, in, &e) > 0);
	json_decref(in);
	CHECK_EQ_INT(heard(d, pm, "comment"), 1);
	in = json_pack("{sssIss}", "on_kind", "launches", "on_id", (json_int_t)l, "body", "@pm@x.test please");
	CHECK(entity_create(d, &comments_entity, pmm, in, &e) > 0);
	json_decref(in);
	CHECK_EQ_INT(heard(d, pm, "mention"), 2);
	/* the pmm follows it and hears of the pm's change */
	CHECK_EQ_INT(watch_set(d, pmm, "launches", l, true), 0);
	in = json_pack("{ss}", "summary", "Single sign-on for every plan");
	CHECK_EQ_INT(entity_update(d, &launches_entity, pm, l, in, 1, &e), 0);
	json_decref(in);
	CHECK_EQ_INT(heard(d, pmm, "change"), 1);
	long long next;
	json_t *list = notifications_list(d, pmm, true, 0, 10, &next);
	CHECK_STR(json_string_value(json_object_get(json_array_get(list, 0), "type")), "launch.updated");
	CHECK_STR(json_string_value(json_object_get(json_array_get(list, 0), "title")), "SSO");
	json_decref(list);
	CHECK_EQ_INT(notifications_unread(d, pmm), 1);
	CHECK_EQ_INT(notifications_mark_read(d, pmm, NULL), 1);
	CHECK_EQ_INT(notifications_unread(d, pmm), 0);
	db_close(d);
}

TEST(notify_daily_reminders_once_a_week)
{
	db *d = t_db();
	long long pm = t_user(d, "pm@x.test", "pm"), pmm = t_user(d, "pmm@x.test", "pmm");
	struct err e = {0};
	char today[11], soon[11], later[11];
	today_ymd(today);
	date_add(today, 3, soon);
	date_add(today, 8, later);
	/* a tier-1 launch in three days with its checklist open: inside its lead time */
	json_t *in = json_pack("{sssisssI}", "title", "Big launch", "tier", 1, "launch_date", soon, "owner", (json_int_t)pmm);
	long long l = entity_create(d, &launches_entity, pm, in, &e);
	json_decref(in);
	REQUIRE(l > 0);
	/* a goal reviewed every 7 days, last reviewed long ago */
	in = json_pack("{sssssfsfsisI}", "title", "Grow", "metric", "weekly users", "baseline", 1.0, "target", 2.0,
	               "review_every_days", 7, "pm_owner", (json_int_t)pm);
	long long g = entity_create(d, &goals_entity, pmm, in, &e);
	json_decref(in);
	REQUIRE(g > 0);
	REQUIRE(db_run(d, "UPDATE goals SET created_at = '2026-01-01T00:00:00Z' WHERE id = ?", "i", g) == DB_OK);
	CHECK_EQ_INT(notify_daily(d, today), 2);
	CHECK_EQ_INT(heard(d, pmm, "launch_due"), 1);
	CHECK_EQ_INT(heard(d, pm, "goal_review_due"), 1);
	CHECK_EQ_INT(notify_daily(d, today), 0); /* the same day again: nothing more */
	char tomorrow[11];
	date_add(today, 1, tomorrow);
	CHECK_EQ_INT(notify_daily(d, tomorrow), 0); /* within the week */
	CHECK_EQ_INT(notify_daily(d, later), 1);    /* a week on: the goal again (the launch is past its date: no lead) */
	CHECK_EQ_INT(heard(d, pm, "goal_review_due"), 2);
	db_close(d);
}
