/* api_calendar.c — GET /api/v1/calendar.ics: the launch calendar (iCalendar) for signed-in people and tokens. */
#include "api.h"
#include "app/reply.h"
#include "domain/ics.h"

void api_calendar_ics(request *rq, response *rs)
{
	struct err err = {0};
	const char *base = ics_base_url(rq->db, rq->a, rq_header(rq, "Host"), rq_header(rq, "X-Forwarded-Proto"));
	if (ics_calendar(rq->db, rq->a, base, &rs->body, &err) < 0) {
		buf_reset(&rs->body);
		reply_err_json(rs, &err);
		return;
	}
	reply_file(rq, rs, "text/calendar; charset=utf-8", "inline", "tandem-launches.ics");
}
