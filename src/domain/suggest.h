/* suggest.h — likely evidence links by full-text similarity: features for an insight, insights for a feature. */
#ifndef TANDEM_SUGGEST_H
#define TANDEM_SUGGEST_H
#include <jansson.h>
#include "platform/db.h"
#include "platform/err.h"

#define SUGGEST_FEATURES 5   /* features suggested for an insight */
#define SUGGEST_INSIGHTS 10  /* insights suggested for a feature */
#define SUGGEST_MAX_WORDS 24 /* significant words taken from the text, in order of first appearance */
/* The significant words of a text (no stop words, none under 3 letters, lower-cased, each once), in order, at
 * most max_words: a new array of strings. */
json_t *suggest_words(const char *text, int max_words);
#define SUGGEST_COMMON_MIN 50   /* insights needed before a word can be judged common */
#define SUGGEST_COMMON_SHARE 0.1 /* a word in more than this share of the insights is common */

/* The significant words of text (3+ characters, not a common English word, not only digits, each once) as
 * an FTS5 query "w1" OR "w2" ...: every word quoted, so no input can change the query's syntax; the porter
 * tokenizer stems each one. A new string (free it), or NULL when the text has no significant word. */
char *suggest_query(const char *text, int max_words);
/* Features most likely related to the insight, by bm25 over their title (weight 2) and description:
 * merged features and features it is linked to already left out. {"items": [{id, title, status, period,
 * relevance}]} (at most SUGGEST_FEATURES), or NULL with e (404 naming "insight", 500). */
json_t *suggest_features(db *d, long long insight_id, struct err *e);
/* Insights that likely belong to the feature (its title and description against the insights' text and
 * author), not dismissed and not linked to it yet: {"items": [{insight_id, text, snippet (matches between \x02 and \x03), source,
 * observed_at, account_id, account, relevance}]} (at most SUGGEST_INSIGHTS), or NULL with e (404 naming
 * "feature", 500). */
json_t *suggest_insights(db *d, long long feature_id, struct err *e);
#endif
