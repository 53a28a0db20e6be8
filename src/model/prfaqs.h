/* prfaqs.h — PR/FAQs ("working backwards": the five questions, the press release, two FAQs) for a feature or a
 * launch, and objections with their answers, a child kind of a competitor. */
#ifndef TANDEM_PRFAQS_H
#define TANDEM_PRFAQS_H
#include "action.h"
#include "entity.h"

extern struct entity prfaqs_entity, objections_entity;
extern const struct action prfaqs_approve_action, prfaqs_request_changes_action; /* model/approvals.h */

enum { PRFAQ_FAQ_MAX = 40 }; /* entries in each FAQ */
#endif
