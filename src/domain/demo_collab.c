/* demo_collab.c — the demo's working together: the PMM and the PM discuss the escalated decision (a mention and a
 * reply), the PMM asks the PM to review the enterprise positioning by next week, the leader follows the enterprise
 * launch, and the day's reminders are given (the tier-1 launch inside its lead time, goals due for review). */
#include <stdio.h>
#include "demo.h"
#include "model/audience.h"
#include "model/entity.h"
#include "notify.h"
#include "platform/util.h"

static long long add_as(db *d, const char *kind, long long actor, json_t *o)
{
	struct err e = {0};
	long long id = entity_create(d, entity_find(kind), actor, o, &e);
	if (id < 0)
		fprintf(stderr, "demo: %s: %s (%s)\n", kind, e.message, e.field);
	json_decref(o);
	return id;
}

int demo_seed_collab(db *d, long long pm, long long pmm)
{
	long long decision = db_int(d, 0, "SELECT id FROM decisions WHERE status = 'escalated' ORDER BY id LIMIT 1", "");
	long long positioning = db_int(d, 0,
	                               "SELECT m.id FROM messages m JOIN segments g ON g.id = m.segment_id WHERE m.level = "
	                               "'positioning' AND g.name = 'Enterprise IT' ORDER BY m.id LIMIT 1",
	                               "");
	if (!entity_find("comments") || !entity_find("reviews") || !decision || !positioning)
		return 0; /* this build has no such kinds or data */
	long long top = add_as(d, "comments", pmm,
	                       json_pack("{sssIss}", "on_kind", "decisions", "on_id", (json_int_t)decision, "body",
	                                 "@Priya Patel the beta customers asked for Teams first. Could we keep the press "
	                                 "slot and say *why it moved* in the follow-up webinar instead?"));
	if (top < 0 || add_as(d, "comments", pm,
	                      json_pack("{sssIsssI}", "on_kind", "decisions", "on_id", (json_int_t)decision, "body",
	                                "That works for me if the webinar is within two weeks of the launch; the leaders "
	                                "decide on Thursday.",
	                                "parent_id", (json_int_t)top)) < 0)
		return -1;
	char today[11], due[11];
	today_ymd(today);
	date_add(today, 7, due);
	if (add_as(d, "reviews", pmm,
	           json_pack("{sssIsIssss}", "on_kind", "messages", "on_id", (json_int_t)positioning, "reviewer_id",
	                     (json_int_t)pm, "due", due, "note",
	                     "Does the differentiator hold once SCIM slips to the next release?")) < 0)
		return -1;
	long long leader = db_int(d, 0, "SELECT id FROM users WHERE role = 'leader' AND active = 1 ORDER BY id LIMIT 1", "");
	long long launch = db_int(d, 0, "SELECT id FROM launches WHERE tier = 2 ORDER BY id LIMIT 1", "");
	if (leader && launch && watch_set(d, leader, "launches", launch, true) < 0)
		return -1;
	return notify_daily(d, today) < 0 ? -1 : 0;
}
