/* queries.h — statements named by what they mean, for the ones a dialect writes its own way (an upsert, a JSON
 * list as a parameter, full-text ranking, a case-insensitive order or match, date arithmetic). The backend holds
 * the text (queries_sqlite.c for SQLite); the callers bind the parameters listed here, in order, with plain
 * db types. Portable SQL stays where it is used. */
#ifndef TANDEM_QUERIES_H
#define TANDEM_QUERIES_H
#include "platform/db.h"

enum query {
	/* settings: put (key t, JSON value t), replacing the key's value */
	Q_SETTING_PUT,
	/* login_failures: one failure more for (scope t: "ip" or "account", key t, now i, now i, window i); the count
	 * starts again at 1 when the last failure is more than window seconds old */
	Q_LOGIN_FAILED,
	/* merging feature from into feature into (from i, into i): copy one kind of link, skipping what into has */
	Q_MERGE_GOALS,    /* feature_goals, keeping the higher weight */
	Q_MERGE_PERSONAS, /* feature_personas */
	Q_MERGE_DEPS_OUT, /* feature_deps: what from depends on, into now depends on (never on itself) */
	Q_MERGE_DEPS_IN,  /* feature_deps: what depended on from now depends on into */
	Q_MERGE_INSIGHTS, /* feature_insights, keeping the higher importance */
	/* suggestions: (full-text query t, the object i, limit i) -> id, columns, score (lower is closer); the best
	 * matches not merged, dismissed or linked to the object already, best first */
	Q_SUGGEST_FEATURES, /* features for an insight: id, title, status, period, score */
	Q_SUGGEST_INSIGHTS, /* insights for a feature: id, text, source, observed_at, account_id, account name, score */
	/* an insight's snippet for a query (query t, insight i) -> text with matches between \x02 and \x03 */
	Q_SUGGEST_SNIPPET,
	/* a feature's title and description for a query (query t, feature i) -> text with matches between \x02 and \x03 */
	Q_SUGGEST_FEATURE_MARKS,
	/* how many insights a query matches (query t) -> count: how common a word is */
	Q_INSIGHTS_MATCHING,
	/* does a feature's text hold a word (query t, feature i) -> 1 or 0 */
	Q_FEATURE_HAS_WORD,
	/* accepted or planned features matching any word of (query t, the words as a JSON array of strings t)
	 * -> id, title, how many of the words each matches; by id */
	Q_OUT_OF_SCOPE_HITS,
	/* features a feature can be merged into (except i) -> id, title by title ignoring case; at most 2000 */
	Q_FEATURES_MERGE_CANDIDATES,
	/* accepted and planned features for the plan's choices -> id, title by title ignoring case; at most 500 */
	Q_FEATURES_PLAN_CHOICES,
	/* the features an insight is linked to (insight i, limit i) -> id, title, status, period, importance,
	 * linked at; by importance (highest first), then title ignoring case */
	Q_INSIGHT_FEATURES,
	/* the first account or persona whose name is (name t), ignoring case -> id */
	Q_ACCOUNT_NAMED,
	Q_PERSONA_NAMED,
	/* scores of the features whose ids are (a JSON array of ids t) */
	Q_SCORE_FEATURES,    /* -> id, reach, impact, confidence, effort_eng, effort_design, effort_mkt */
	Q_SCORE_GOALS,       /* -> feature id, sum of its weights to goals not dropped, their number */
	Q_SCORE_DEMAND,      /* -> feature id, importance, account ARR of each linked insight not dismissed */
	Q_SCORE_DEMAND_ALL,  /* the same before insights could be dismissed */
	/* the plan over the features whose ids are (a JSON array of ids t) */
	Q_PLAN_FOUND,        /* -> id, merged_into; by id */
	Q_PLAN_CANDIDATES,   /* -> id, title, effort_eng, effort_design, effort_mkt */
	/* (ids t, period t) -> feature id, the id of a dependency not yet met by the period (not shipped or in
	 * progress, nor planned for an earlier period of the same form); by both */
	Q_PLAN_DEPS,
	/* active goals whose last review (or creation) plus review_every_days is before (today t)
	 * -> id, title, that date; by id */
	Q_GOALS_REVIEW_OVERDUE,
	/* the health score's point for a day (day t, score i, count i, now t), replacing that day's */
	Q_ALIGN_HISTORY_PUT,
	Q__COUNT
};

/* The backend's text of a named statement. */
const char *query_sql(db *d, enum query q);
/* db_q, db_run and db_int for a named statement. */
db_stmt *query_q(db *d, enum query q, const char *types, ...);
int query_run(db *d, enum query q, const char *types, ...);
long long query_int(db *d, long long dflt, enum query q, const char *types, ...);
#endif
