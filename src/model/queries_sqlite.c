/* queries_sqlite.c — SQLite's text of the named statements (queries.h): upserts, INSERT OR IGNORE, json_each over
 * a JSON parameter, FTS5 with bm25 weights, COLLATE NOCASE, date(). */
#include "queries.h"
#include <stdlib.h>

/* The JSON array of ids bound as one parameter, as a set of ids. */
#define IDS(p) "(SELECT value FROM json_each(" p "))"

static const char *const sqlite_text[Q__COUNT] = {
	[Q_SETTING_PUT] = "INSERT INTO settings(key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = "
	                  "excluded.value",
	[Q_LOGIN_FAILED] = "INSERT INTO login_failures(scope, key, count, last_at) VALUES (?, lower(?), 1, ?) "
	                   "ON CONFLICT(scope, key) DO UPDATE SET "
	                   "count = CASE WHEN ? - last_at > ? THEN 1 ELSE count + 1 END, last_at = excluded.last_at",
	/* "AND true" keeps SQLite from reading ON CONFLICT as a join's ON */
	[Q_MERGE_GOALS] = "INSERT INTO feature_goals(feature_id, goal_id, weight) SELECT ?2, goal_id, weight FROM "
	                  "feature_goals WHERE feature_id = ?1 AND true ON CONFLICT(feature_id, goal_id) DO UPDATE SET "
	                  "weight = max(weight, excluded.weight)",
	[Q_MERGE_PERSONAS] = "INSERT OR IGNORE INTO feature_personas(feature_id, persona_id) SELECT ?2, persona_id FROM "
	                     "feature_personas WHERE feature_id = ?1",
	[Q_MERGE_DEPS_OUT] = "INSERT OR IGNORE INTO feature_deps(feature_id, depends_on) SELECT ?2, depends_on FROM "
	                     "feature_deps WHERE feature_id = ?1 AND depends_on <> ?2",
	[Q_MERGE_DEPS_IN] = "INSERT OR IGNORE INTO feature_deps(feature_id, depends_on) SELECT feature_id, ?2 FROM "
	                    "feature_deps WHERE depends_on = ?1 AND feature_id <> ?2",
	[Q_MERGE_INSIGHTS] = "INSERT INTO feature_insights(feature_id, insight_id, importance) SELECT ?2, insight_id, "
	                     "importance FROM feature_insights WHERE feature_id = ?1 AND true ON CONFLICT(feature_id, "
	                     "insight_id) DO UPDATE SET importance = max(importance, excluded.importance)",
	/* the best 200 (500) matches by rank (FTS5 sorts them itself), then the filters, then the top few */
	[Q_SUGGEST_FEATURES] = "SELECT f.id, f.title, f.status, f.period, m.rank FROM (SELECT rowid, rank FROM features_fts "
	                       "WHERE features_fts MATCH ?1 AND rank MATCH 'bm25(2.0, 1.0)' ORDER BY rank LIMIT 200) m "
	                       "JOIN features f ON f.id = m.rowid WHERE f.merged_into IS NULL AND f.status <> 'declined' AND NOT EXISTS (SELECT 1 "
	                       "FROM feature_insights fi WHERE fi.feature_id = f.id AND fi.insight_id = ?2) ORDER BY "
	                       "m.rank, f.id LIMIT ?3",
	[Q_SUGGEST_INSIGHTS] = "SELECT i.id, i.text, i.source, i.observed_at, i.account_id, a.name, m.rank FROM (SELECT "
	                       "rowid, rank FROM insights_fts WHERE insights_fts MATCH ?1 AND rank MATCH 'bm25(1.0, 0.2)' "
	                       "ORDER BY rank LIMIT 500) m JOIN insights i ON i.id = m.rowid LEFT JOIN accounts a ON a.id = "
	                       "i.account_id WHERE i.dismissed = 0 AND NOT EXISTS (SELECT 1 FROM feature_insights fi WHERE "
	                       "fi.insight_id = i.id AND fi.feature_id = ?2) ORDER BY m.rank, i.id LIMIT ?3",
	[Q_SUGGEST_SNIPPET] = "SELECT snippet(insights_fts, 0, char(2), char(3), '…', 16) FROM insights_fts WHERE "
	                      "insights_fts MATCH ? AND rowid = ?",
	[Q_SUGGEST_FEATURE_MARKS] = "SELECT highlight(features_fts, 0, char(2), char(3)) || ' ' || highlight(features_fts, 1, "
	                            "char(2), char(3)) FROM features_fts WHERE features_fts MATCH ? AND rowid = ?",
	[Q_INSIGHTS_MATCHING] = "SELECT count(*) FROM insights_fts WHERE insights_fts MATCH ?",
	[Q_FEATURE_HAS_WORD] = "SELECT count(*) FROM features_fts WHERE features_fts MATCH ? AND rowid = ?",
	/* per feature, how many of the words (each a phrase of its own) its text matches */
	[Q_OUT_OF_SCOPE_HITS] = "SELECT f.id, f.title, (SELECT count(*) FROM json_each(?2) w WHERE EXISTS (SELECT 1 FROM "
	                        "features_fts WHERE features_fts MATCH '\"' || w.value || '\"' AND rowid = f.id)) AS hits "
	                        "FROM features f WHERE f.id IN (SELECT rowid FROM features_fts WHERE features_fts MATCH ?1) "
	                        "AND f.status IN ('accepted', 'planned', 'in_progress') AND f.merged_into IS NULL ORDER BY "
	                        "f.id",
	[Q_FEATURES_MERGE_CANDIDATES] = "SELECT id, title FROM features WHERE id <> ? AND merged_into IS NULL ORDER BY "
	                                "title COLLATE NOCASE LIMIT 2000",
	[Q_FEATURES_PLAN_CHOICES] = "SELECT id, title FROM features WHERE merged_into IS NULL AND status IN ('accepted', "
	                            "'planned') ORDER BY title COLLATE NOCASE LIMIT 500",
	[Q_INSIGHT_FEATURES] = "SELECT f.id, f.title, f.status, f.period, fi.importance, fi.created_at FROM "
	                       "feature_insights fi JOIN features f ON f.id = fi.feature_id WHERE fi.insight_id = ? "
	                       "ORDER BY fi.importance DESC, f.title COLLATE NOCASE, f.id LIMIT ?",
	[Q_ACCOUNT_NAMED] = "SELECT id FROM accounts WHERE name = ? COLLATE NOCASE ORDER BY id LIMIT 1",
	[Q_PERSONA_NAMED] = "SELECT id FROM personas WHERE name = ? COLLATE NOCASE ORDER BY id LIMIT 1",
	[Q_SCORE_FEATURES] = "SELECT id, reach, impact, confidence, effort_eng, effort_design, effort_mkt FROM features "
	                     "WHERE id IN " IDS("?"),
	[Q_SCORE_GOALS] = "SELECT fg.feature_id, sum(fg.weight), count(*) FROM feature_goals fg JOIN goals g ON g.id = "
	                  "fg.goal_id WHERE g.status <> 'dropped' AND fg.feature_id IN " IDS("?") " GROUP BY fg.feature_id",
	[Q_SCORE_DEMAND] = "SELECT fi.feature_id, fi.importance, a.arr FROM feature_insights fi JOIN insights i ON i.id = "
	                   "fi.insight_id LEFT JOIN accounts a ON a.id = i.account_id WHERE i.dismissed = 0 AND "
	                   "fi.feature_id IN " IDS("?"),
	[Q_SCORE_DEMAND_ALL] = "SELECT fi.feature_id, fi.importance, a.arr FROM feature_insights fi JOIN insights i ON i.id "
	                       "= fi.insight_id LEFT JOIN accounts a ON a.id = i.account_id WHERE fi.feature_id IN " IDS("?"),
	[Q_PLAN_FOUND] = "SELECT id, merged_into FROM features WHERE id IN " IDS("?") " ORDER BY id",
	[Q_PLAN_CANDIDATES] = "SELECT id, title, effort_eng, effort_design, effort_mkt FROM features WHERE id IN " IDS("?"),
	/* the same form: 2027-Q1 and 2027-Q3 share their sixth character */
	[Q_PLAN_DEPS] = "SELECT fd.feature_id, fd.depends_on FROM feature_deps fd JOIN features f ON f.id = fd.depends_on "
	                "WHERE f.status NOT IN ('shipped', 'in_progress') AND NOT (f.status = 'planned' AND f.period IS "
	                "NOT NULL AND f.period < ?2 AND substr(f.period, 6, 1) = substr(?2, 6, 1)) AND fd.feature_id IN "
	                IDS("?1") " ORDER BY fd.feature_id, fd.depends_on",
	[Q_GOALS_REVIEW_OVERDUE] = "SELECT id, title, date(coalesce(last_reviewed_at, created_at), '+' || "
	                           "review_every_days || ' days') AS due_review FROM goals WHERE status = 'active' AND "
	                           "date(coalesce(last_reviewed_at, created_at), '+' || review_every_days || ' days') < ? "
	                           "ORDER BY id",
	[Q_ALIGN_HISTORY_PUT] = "INSERT INTO alignment_history(day, score, count, recorded_at) VALUES (?, ?, ?, ?) "
	                        "ON CONFLICT(day) DO UPDATE SET score = excluded.score, count = excluded.count, "
	                        "recorded_at = excluded.recorded_at",
};

const char *query_sql(db *d, enum query q)
{
	(void)d; /* one backend today; a second picks its table by the connection's */
	if ((unsigned)q >= Q__COUNT || !sqlite_text[q])
		abort(); /* a bug: a name without its text */
	return sqlite_text[q];
}
