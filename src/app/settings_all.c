/* settings_all.c — the one table of setting groups: every workspace setting the API, the pages and the audit trail
 * know of. Each row is defined beside what it configures. */
#include "domain/demand.h"
#include "domain/score.h"
#include "model/decisions.h"
#include "model/launches.h"
#include "model/setting.h"

const struct setting *const settings_all[] = {
	&score_setting,
	&demand_setting,
	&launch_setting,
	&decision_setting,
};
const int settings_count = COUNT(settings_all);
