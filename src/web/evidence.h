/* evidence.h — the evidence sections of feature and insight pages (page_evidence.c), for page_feature.c and
 * page_insight.c to call from their show_extra. */
#ifndef TANDEM_WEB_EVIDENCE_H
#define TANDEM_WEB_EVIDENCE_H
#include "platform/http.h"

/* A feature's "Evidence" card: demand concentration (top 1, top 3, HHI, account bars), the source mix, the
 * linked insights with quotes, accounts, ARR and importance (change, unlink), an "add evidence" search
 * (?evidence_q=) with a link form per match, and suggested insights with one-click links. Forms only for
 * contributors and above. After a failed link form, the message is shown here. */
void evidence_section(request *rq, buf *b, long long feature_id);
/* An insight's "Features it supports" card: its links (unlink), "link to feature" search (?feature_q=),
 * and suggested features with one-click links. */
void insight_section(request *rq, buf *b, long long insight_id);
/* page_demand.c: a concentration object (demand_feature, or the demand report's "overall") as one line of
 * numbers, and as bars of its largest accounts (at most max). */
void demand_numbers(buf *b, json_t *c);
void demand_bars(buf *b, json_t *c, int max);
#endif
