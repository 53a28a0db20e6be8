/* strategy_brief.h — the rows of the strategy brief (domain/strategy_brief.c writes the document). Each is a new
 * array of objects named by their columns. */
#ifndef TANDEM_MODEL_STRATEGY_BRIEF_H
#define TANDEM_MODEL_STRATEGY_BRIEF_H
#include <jansson.h>
#include "platform/db.h"

/* Active goals by due date, then met ones: {id, title, why, metric, unit, baseline, current, target, due, status,
 * pm_owner, pmm_owner (names or null)}. */
json_t *strategy_brief_goals(db *d);
/* Planned and in-progress features: {id, title, status, period, insights, accounts, goals: [titles]}. */
json_t *strategy_brief_plan(db *d);
/* Releases planned or in progress, by date: {id, name, target_date, status, features}. */
json_t *strategy_brief_releases(db *d);
/* Open launches from today on, by date: {id, title, tier, launch_date, status, summary, owner}. */
json_t *strategy_brief_launches(db *d, const char *today);
/* Approved positioning statements by segment: {id, text, for_whom, category, benefit, unlike, differentiator,
 * segment}. */
json_t *strategy_brief_positioning(db *d);
#endif
