/* prfaqs.h — PR/FAQs ("working backwards": the five questions, the press release, two FAQs) for a feature or a
 * launch, and objections with their answers, a child kind of a competitor. */
#ifndef TANDEM_PRFAQS_H
#define TANDEM_PRFAQS_H
#include "entity.h"

extern struct entity prfaqs_entity, objections_entity;
extern const char *const prfaq_statuses[]; /* draft, in_review, approved */

enum { PRFAQ_FAQ_MAX = 40 }; /* entries in each FAQ */
#endif
