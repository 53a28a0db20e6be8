/* launch.h — what Tandem computes about a launch: its readiness (features and checklist) with what is
 * missing, the conflicts between its date and the product's state, and moving a release's date. */
#ifndef TANDEM_LAUNCH_H
#define TANDEM_LAUNCH_H
#include <jansson.h>
#include "model/action.h"
#include "model/launches.h"
#include "platform/db.h"
#include "platform/err.h"

/* A launch (as entity_get gives it, with its checklist) → {"readiness": 0-100, "features": percent or null,
 * "checklist": percent or null, "missing": ["Feature \"X\": 40% ready (in_progress)", ...]}.
 * Readiness is the mean of the two parts that exist: each feature counts 100 when shipped, else its own
 * readiness (0 when unset, 0 when declined); the checklist counts the share of items done. */
json_t *launch_readiness(db *d, json_t *launch);
/* Store the readiness percent, the PR/FAQs and the segments' positioning into a launch object (the launches kind's
 * decoration; launch_messaging.h). */
void launch_decorate(db *d, json_t *launch);
/* What launch_decorate adds, as fields (for the API document). */
extern const struct field launch_computed[];
extern const int launch_computed_count;

/* The conflict rules, one id each; a launch that is launched or cancelled has none. */
#define LAUNCH_BEFORE_RELEASE "launch-before-release"
#define LAUNCH_NOT_READY "launch-not-ready"
#define LAUNCH_DATE_PASSED "launch-date-passed"
#define ACTIVITY_AFTER_LAUNCH "activity-after-launch"
#define LAUNCH_FEATURE_NOT_IN_RELEASE "launch-feature-not-in-release"
#define CHECKLIST_OVERDUE "checklist-overdue"

/* Conflicts of one launch on day today (YYYY-MM-DD): [{"rule", "severity", "message", "hint"}]. */
json_t *launch_conflicts(db *d, json_t *launch, const struct launch_settings *s, const char *today);

/* Launches by date, each as entity_get gives it with its "conflicts" on day today added: with open_only the
 * open ones (planning or ready) dated from..to (NULL: no bound), else every launch; at most max (0: all). */
json_t *launches_with_conflicts(db *d, const char *today, bool open_only, const char *from, const char *to, int max);

/* Moving a release to a new date: the open launches of the release (planning or ready) with their date
 * moved by the same number of days: {"release_id", "from", "to", "delta_days", "launches": [{"id",
 * "title", "launch_date", "new_date", "version"}]}. NULL with err when the release or the date is bad. */
json_t *release_reschedule_preview(db *d, long long release_id, const char *new_date, struct err *err);
/* Move the release (stale version → 409) and, when move_launches, its open launches by the same delta,
 * each change audited as "rescheduled". Returns the preview of what was done; NULL with err. The caller
 * holds the transaction. */
json_t *release_reschedule(db *d, long long actor, long long release_id, const char *new_date, long long version,
                           bool move_launches, struct err *err);
/* The same as an action on a release (model/action.h): {target_date, move_launches (default true)} with the
 * release's version; answers what was done with the release as it is now ("release"). */
extern const struct action reschedule_action;
#endif
