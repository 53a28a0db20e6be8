/* api_launches.c — what the API adds for launches and releases: a launch's readiness and conflicts,
 * rescheduling a release (preview and move), and the launch settings. */
#include "api.h"
#include "app/reply.h"
#include "domain/launch.h"

void api_launch_readiness(request *rq, response *rs)
{
	json_t *l = entity_get(rq->db, &launches_entity, rq_id(rq, 0));
	if (!l)
		return reply_error(rs, 404, "not_found", NULL, "no such launch");
	struct launch_settings s;
	launch_settings_get(rq->db, &s);
	char today[11];
	today_ymd(today);
	json_t *r = launch_readiness(rq->db, l);
	json_object_set_new(r, "launch_id", json_integer(rq_id(rq, 0)));
	json_object_set_new(r, "conflicts", launch_conflicts(rq->db, l, &s, today));
	launch_settings_free(&s);
	json_decref(l);
	reply_json(rs, 200, r);
}

void api_release_reschedule_preview(request *rq, response *rs)
{
	struct err e = {0};
	json_t *p = release_reschedule_preview(rq->db, rq_id(rq, 0), rq_query(rq, "target_date"), &e);
	if (!p)
		return reply_err_json(rs, &e);
	reply_json(rs, 200, p);
}

