/* launches.h — releases (what engineering ships) and launches (how the market hears of it) with their
 * checklist, marketing activities and RACI; the launch settings (lead time, readiness bar, checklist
 * templates per tier). */
#ifndef TANDEM_LAUNCHES_H
#define TANDEM_LAUNCHES_H
#include "action.h"

extern struct entity releases_entity, launches_entity, checklist_entity, activities_entity, raci_entity;
extern const char *const owner_roles[]; /* who may own a checklist item: pm, pmm, leader, ... */
/* Ticking a checklist item done or open again: {done} with the item's version (model/action.h). */
extern const struct action checklist_tick_action;

/* The launch settings: lead time in days and the checklist template per tier, the readiness bar. */
struct launch_settings {
	int lead_days[4];     /* [1..3]: a launch this close (in days) must be ready */
	int ready_threshold;  /* readiness (percent) a launch needs inside its lead time */
	json_t *checklist;    /* {"1": [{"item", "owner_role", "days_before"}], "2": [...], "3": [...]} (owned) */
};
#define LAUNCH_SETTINGS_KEY "launches"

/* The stored settings, defaults where absent; free with launch_settings_free. */
void launch_settings_get(db *d, struct launch_settings *s);
void launch_settings_free(struct launch_settings *s);
/* The settings as JSON (a new object): {lead_days: {"1","2","3"}, ready_threshold, checklist}. */
json_t *launch_settings_json(const struct launch_settings *s);
/* Check input (the fields sent; others keep their values) and store it in the caller's transaction.
 * 0, or -1 with err naming the field ("checklist.1[2].owner_role"). */
int launch_settings_put(db *d, long long actor, json_t *input, struct err *err);
/* The launches riding on a release, or announcing a feature, by date: [{id, title, tier, launch_date, status}]. */
enum launches_by { LAUNCHES_OF_RELEASE, LAUNCHES_OF_FEATURE };
json_t *launches_list_by(db *d, enum launches_by by, long long id);
#endif
