/* insights_bulk.h — link, tag or dismiss many insights in one transaction (an action). */
#ifndef TANDEM_INSIGHTS_BULK_H
#define TANDEM_INSIGHTS_BULK_H
#include "model/action.h"
/* {"ids": [...], "action": "link"|"tag"|"dismiss", "feature_id", "importance", "tag"} -> {"action", "count", "ids"} */
extern const struct action insights_bulk_action;
#endif
