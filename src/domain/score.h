/* score.h — a feature's score with a visible breakdown: goal value, evidence demand and RICE, weighted. */
#ifndef TANDEM_SCORE_H
#define TANDEM_SCORE_H
#include <jansson.h>
#include <stdbool.h>
#include "model/setting.h"
#include "platform/db.h"
#include "platform/err.h"

/* score = goal · goal_value + demand · demand + rice · RICE, rounded to 2 decimals.
 *   goal_value = Σ weight (1..5) of the feature's links to goals that are not dropped
 *   demand     = Σ importance (1..3) of linked insights × (1 + log10(1 + account ARR / 10,000)) (1 when the
 *                insight has no account or the account no ARR); 0 until the evidence tables exist
 *   RICE       = reach × impact × confidence / effort, effort = effort_eng + effort_design + effort_mkt
 *                in person-weeks. Missing reach: 0 (RICE 0). Missing impact: 1 (medium). Missing confidence:
 *                0.5. Effort 0 or missing: 0.5 person-weeks, so RICE stays finite. Each fallback is a note.
 * The defaults make typical terms comparable: two goal links of weight 3 give 60; ten insights of
 * importance 2 from accounts of about 50,000 ARR give about 70; RICE 1,000 (reach 5,000, impact 2,
 * confidence 0.5, 5 person-weeks) gives 50. */
#define SCORE_W_GOAL 10.0
#define SCORE_W_DEMAND 2.0
#define SCORE_W_RICE 0.05
#define SCORE_W_MAX 1000.0
#define SCORE_SETTINGS_KEY "score.weights"
#define SCORE_MIN_EFFORT 0.5       /* person-weeks RICE divides by when there is no effort estimate */
#define SCORE_DEFAULT_CONFIDENCE 0.5
#define SCORE_DEFAULT_IMPACT 1.0

struct score_weights {
	double goal, demand, rice;
};

/* One feature's score and how it came about. */
struct score {
	long long id;
	bool found;            /* the feature exists */
	double score;          /* rounded to 2 decimals */
	double goal_value;     /* Σ goal weights */
	int goals;             /* how many goal links count */
	double demand;         /* weighted evidence demand (2 decimals) */
	double rice;           /* 2 decimals */
	double reach, impact, confidence; /* as used in RICE (after the fallbacks) */
	double effort;         /* person-weeks, all teams (as stored: 0 when none) */
	double effort_team[3]; /* eng, design, mkt */
	double terms[3];       /* weighted goal, demand and RICE terms, 2 decimals each */
	bool no_reach, no_impact, no_confidence, no_effort, no_evidence_tables;
};

/* The weights as a setting group (model/setting.h): {"goal", "demand", "rice"}, every one a number 0..1000, not
 * all 0, a change sends all three; stored under "score.weights". */
extern const struct setting score_setting;
/* The workspace's weights, the defaults for absent or bad entries. */
void score_weights_get(db *d, struct score_weights *w);
/* {"goal", "demand", "rice"} as a new object. */
json_t *score_weights_json(const struct score_weights *w);

/* Score n features at once: out[i] for ids[i] (ids may repeat), with one query per table whatever n.
 * Features that do not exist get found = false and score 0. 0, or -1 on a database failure. */
int score_batch(db *d, const struct score_weights *w, const long long *ids, int n, struct score *out);
/* The breakdown as a new object: {score, goal_value, demand, rice, reach, impact, confidence, effort,
 * effort_by_team, weights, terms: {goal, demand, rice}, notes: [...]}. */
json_t *score_json(const struct score *s, const struct score_weights *w);
/* One feature's breakdown (the workspace's weights) as a new object; NULL when there is no such feature
 * or the database fails (*missing tells which). */
json_t *feature_score(db *d, long long id, bool *missing);
/* Order a list of feature objects by their score (the engine's ?sort=score for features). */
void score_sort_items(db *d, json_t *items, bool desc);
/* Each feature item ({id, ...}) gets its score: what a short list shows beside it (features' annotate). */
void score_annotate_items(db *d, json_t *items);
/* Round to 2 decimals (half away from zero). */
double score_round2(double v);
#endif
