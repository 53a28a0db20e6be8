/* launches.h — releases (what engineering ships) and launches (how the market hears of it) with their
 * checklist, marketing activities and RACI; the launch settings (lead time, readiness bar, checklist
 * templates per tier). */
#ifndef TANDEM_LAUNCHES_H
#define TANDEM_LAUNCHES_H
#include "action.h"
#include "setting.h"

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
/* The launch settings as a setting group (model/setting.h), stored whole under "launches": the fields sent
 * change (a lead time or a tier's template alone too); an error names the field ("lead_days.3",
 * "checklist.1[2]"). */
extern const struct setting launch_setting;
/* The launches riding on a release, or announcing a feature, by date: [{id, title, tier, launch_date, status}]. */
enum launches_by { LAUNCHES_OF_RELEASE, LAUNCHES_OF_FEATURE };
json_t *launches_list_by(db *d, enum launches_by by, long long id);
#endif
