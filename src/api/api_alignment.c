/* api_alignment.c — GET /api/v1/alignment: the findings and the health score. */
#include "api.h"
#include "app/reply.h"
#include "domain/align.h"

void api_alignment(request *rq, response *rs)
{
	char today[11];
	today_ymd(today);
	struct align_report r;
	align_run(rq->db, rq->a, today, &r);
	reply_json(rs, 200, align_json(&r));
}
