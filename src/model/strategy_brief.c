/* strategy_brief.c — the rows the strategy brief is made of: the goals with their owners, the plan's features with
 * the goals they serve and the customers who asked, the releases and launches ahead, the approved positioning. */
#include "strategy_brief.h"
#include "rows.h"

json_t *strategy_brief_goals(db *d)
{
	return rows_json(db_q(d,
	                 "SELECT g.id, g.title, g.why, g.metric, g.unit, g.baseline, g.current, g.target, g.due, g.status, "
	                 "pm.name AS pm_owner, pmm.name AS pmm_owner FROM goals g "
	                 "LEFT JOIN users pm ON pm.id = g.pm_owner LEFT JOIN users pmm ON pmm.id = g.pmm_owner "
	                 "WHERE g.status IN ('active', 'met') ORDER BY g.status = 'met', g.due, g.id",
	                 ""));
}

json_t *strategy_brief_plan(db *d)
{
	json_t *out = rows_json(db_q(
	    d,
	    "SELECT f.id, f.title, f.status, f.period, "
	    "(SELECT count(*) FROM feature_insights fi WHERE fi.feature_id = f.id) AS insights, "
	    "(SELECT count(DISTINCT i.account_id) FROM feature_insights fi JOIN insights i ON i.id = fi.insight_id "
	    "WHERE fi.feature_id = f.id AND i.account_id IS NOT NULL) AS accounts "
	    "FROM features f WHERE f.status IN ('planned', 'in_progress') AND f.merged_into IS NULL ORDER BY f.id",
	    ""));
	size_t i;
	json_t *f;
	json_array_foreach(out, i, f)
	{
		json_t *goals = json_array();
		db_stmt *s = db_q(d, "SELECT g.title FROM feature_goals fg JOIN goals g ON g.id = fg.goal_id "
		                     "WHERE fg.feature_id = ? ORDER BY fg.weight DESC, g.id",
		                  "i", json_integer_value(json_object_get(f, "id")));
		while (s && db_step(s) == DB_ROW)
			json_array_append_new(goals, json_string(db_col_text(s, 0)));
		db_done(s);
		json_object_set_new(f, "goals", goals);
	}
	return out;
}

json_t *strategy_brief_releases(db *d)
{
	return rows_json(db_q(d,
	                 "SELECT r.id, r.name, r.target_date, r.status, (SELECT count(*) FROM features f WHERE "
	                 "f.release_id = r.id AND f.merged_into IS NULL AND f.status <> 'declined') AS features FROM releases r "
	                 "WHERE r.status IN ('planned', 'in_progress') ORDER BY r.target_date, r.id",
	                 ""));
}

json_t *strategy_brief_launches(db *d, const char *today)
{
	return rows_json(db_q(d,
	                 "SELECT l.id, l.title, l.tier, l.launch_date, l.status, l.summary, u.name AS owner FROM launches l "
	                 "LEFT JOIN users u ON u.id = l.owner WHERE l.status IN ('planning', 'ready') "
	                 "AND l.launch_date >= ? ORDER BY l.launch_date, l.id",
	                 "t", today));
}

json_t *strategy_brief_positioning(db *d)
{
	return rows_json(db_q(d,
	                 "SELECT m.id, m.text, m.for AS for_whom, m.category, m.benefit, m.unlike, m.differentiator, "
	                 "s.name AS segment FROM messages m LEFT JOIN segments s ON s.id = m.segment_id "
	                 "WHERE m.level = 'positioning' AND m.status = 'approved' ORDER BY s.name, m.id",
	                 ""));
}
