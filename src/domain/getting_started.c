/* getting_started.c — the first run's checklist: the steps that make a workspace useful, each ticked from the data
 * (not from a click), so the dashboard teaches what to do next and stops once it is done. */
#include "getting_started.h"
#include "platform/util.h"

/* Each step: its id, what to do, where, and the count that is above zero once it is done. */
static const struct {
	const char *id, *title, *href, *sql;
} steps[] = {
	{"strategy", "Write the strategy: the vision and the perspective PM and PMM share", "/strategy",
	 "SELECT count(*) FROM strategy WHERE trim(vision) <> '' AND trim(perspective) <> ''"},
	{"goal", "Set a goal with a PM owner and a PMM owner", "/goals/new",
	 "SELECT count(*) FROM goals WHERE status = 'active' AND pm_owner IS NOT NULL AND pmm_owner IS NOT NULL"},
	{"personas", "Describe the personas you build and sell for", "/personas/new", "SELECT count(*) FROM personas"},
	{"evidence", "Import customer evidence (reviews, feedback, requests)", "/insights/import",
	 "SELECT count(*) FROM insights"},
	{"capacity", "Enter each team's capacity for a planning period", "/capacity/new", "SELECT count(*) FROM capacity"},
	{"plan", "Compute a first plan and apply it", "/plan",
	 "SELECT count(*) FROM features WHERE status IN ('planned', 'in_progress', 'shipped') AND period IS NOT NULL"},
	{"launch", "Plan a launch for what ships", "/launches/new", "SELECT count(*) FROM launches"},
};

json_t *getting_started(db *d)
{
	json_t *list = json_array();
	int done = 0;
	for (size_t i = 0; i < COUNT(steps); i++) {
		bool ok = db_int(d, 0, steps[i].sql, "") > 0;
		done += ok;
		json_array_append_new(list, json_pack("{sssssssb}", "id", steps[i].id, "title", steps[i].title, "href",
		                                      steps[i].href, "done", ok));
	}
	return json_pack("{sosisi}", "steps", list, "done", done, "total", (int)COUNT(steps));
}
