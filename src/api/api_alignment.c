/* api_alignment.c — GET /api/v1/alignment: the findings (filtered, worst first), those accepted as a known risk,
 * the health score and its history; GET /api/v1/alignment/accepted: the acceptances. */
#include "api.h"
#include "app/reply.h"
#include "domain/align.h"

void api_alignment(request *rq, response *rs)
{
	char today[11];
	today_ymd(today);
	struct align_filter f;
	struct err e = {0};
	if (align_filter_parse(&f, rq->user_id, rq_query(rq, "owner"), rq_query(rq, "kind"), rq_query(rq, "severity"),
	                       rq_query(rq, "rule"), &e) < 0)
		return reply_err_json(rs, &e);
	struct align_report r;
	align_run(rq->db, rq->a, today, &r);
	align_history_record(rq->db, &r);
	json_t *out = align_json_filtered(&r, &f);
	json_object_set_new(out, "history", align_history(rq->db, today, 90));
	json_object_set_new(out, "cannot_judge", align_unjudged(rq->db));
	reply_json(rs, 200, out);
}

void api_alignment_accepted(request *rq, response *rs)
{
	char today[11];
	today_ymd(today);
	reply_json(rs, 200, align_accepted_list(rq->db, today));
}
