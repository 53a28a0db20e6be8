/* strategy_brief.h — the strategy brief: the strategy, goals, plan, roadmap, launches, positioning and wins in one
 * document, as Markdown sections. */
#ifndef TANDEM_STRATEGY_BRIEF_H
#define TANDEM_STRATEGY_BRIEF_H
#include <jansson.h>
#include "platform/db.h"

/* The brief's sections in order, as of today: [{id (title, strategy, goals, goal, plan, roadmap, launches,
 * positioning, wins), goal_id (a goal's section: its id; else 0), markdown}] (new). */
json_t *strategy_brief_sections(db *d, const char *today);
/* The whole brief as one Markdown document (new string). */
char *strategy_brief_markdown(db *d, const char *today);
#endif
