/* api_evidence.c — a feature's evidence and an insight's features, suggestions, demand concentration and the
 * demand settings (linking and unlinking are actions: domain/evidence.c). */
#include <string.h>
#include "api.h"
#include "app/reply.h"
#include "domain/demand.h"
#include "domain/evidence.h"
#include "domain/gate.h"
#include "domain/suggest.h"

/* Answer o, or e when o is NULL. */
static void answer(response *rs, json_t *o, const struct err *e)
{
	if (!o)
		return reply_err_json(rs, e);
	reply_json(rs, 200, o);
}

void api_feature_evidence(request *rq, response *rs)
{
	struct err e = {0};
	answer(rs, evidence_list(rq->db, rq_id(rq, 0), &e), &e);
}

void api_feature_suggestions(request *rq, response *rs)
{
	struct err e = {0};
	json_t *o = suggest_insights(rq->db, rq_id(rq, 0), &e);
	api_snippets_html(json_object_get(o, "items"));
	answer(rs, o, &e);
}

void api_feature_gate(request *rq, response *rs)
{
	struct err e = {0};
	answer(rs, feature_gate(rq->db, rq_id(rq, 0), &e), &e);
}

void api_insight_features(request *rq, response *rs)
{
	struct err e = {0};
	answer(rs, evidence_of_insight(rq->db, rq_id(rq, 0), &e), &e);
}

void api_insight_suggestions(request *rq, response *rs)
{
	struct err e = {0};
	answer(rs, suggest_features(rq->db, rq_id(rq, 0), &e), &e);
}

void api_demand(request *rq, response *rs)
{
	struct err e = {0};
	const char *period = rq_query(rq, "period");
	answer(rs, demand_report(rq->db, period && *period ? period : NULL, &e), &e);
}

