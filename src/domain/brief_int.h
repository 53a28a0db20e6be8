/* brief_int.h — what the brief's sections share: the launch loaded once, helpers that write escaped text. */
#ifndef TANDEM_BRIEF_INT_H
#define TANDEM_BRIEF_INT_H
#include <jansson.h>
#include <stdbool.h>
#include <string.h>
#include "brief.h"
#include "platform/arena.h"
#include "platform/json_get.h"

struct brief {
	db *d;
	arena *a; /* scratch for this brief */
	buf *b;   /* the Markdown being written */
	const char *today;
	json_t *launch;   /* owned */
	json_t *release;  /* owned; NULL when the launch has none */
	json_t *features; /* the launch's features as objects, in its order (owned) */
	json_t *prfaqs;      /* the PR/FAQs announcing the launch, approved first (owned) */
	json_t *prfaq;       /* the one it speaks with, the first of prfaqs (borrowed); NULL when none */
	json_t *messaging;   /* its segments' positioning with status (launch_positioning; owned) */
	json_t *positioning; /* the approved positioning messages as objects, each with its "segment" name (owned) */
};

enum { PACKAGES = 3 };
/* The packages a feature ships in, cheapest first: a feature is in its own package and every dearer one. */
extern const char *const brief_package_labels[PACKAGES];

static inline bool has_text(const char *s)
{
	return s && s[strspn(s, " \t\r\n")];
}

/* The package index of a feature's tier (0 free, 1 pro, 2 enterprise); -1 when not decided. */
int package_of(json_t *feature);
/* An enum value for people (in_progress as "in progress"; NULL as "not set"), escaped. */
void add_word(struct brief *x, const char *s);
/* Names joined with commas and a final "and", escaped. */
void add_names(struct brief *x, const char *const *names, int n);
/* Distinct ids of a link field over all the launch's features, in first-seen order, with the summed
 * weights of weighted links (key names the id in each item; NULL: plain ids, weight 1 each) in *weights
 * when wanted. *n is set; the arrays live in the arena. */
long long *collect(struct brief *x, const char *field, const char *key, int **weights, int *n);

/* The n bytes of s escaped, cut to at most max bytes at a character boundary and then ending in "…". */
void add_cut(struct brief *x, const char *s, size_t n, size_t max);
/* A list item that opens with name in bold. */
void item(struct brief *x, const char *name);

/* brief_faq.c: the FAQ section (with the approved PR/FAQ's external FAQ before "Who do I ask?"). */
void brief_faq(struct brief *x);

/* brief_messaging.c: the PMM's work. Load fills prfaqs, prfaq, messaging and positioning; free releases them. */
void brief_messaging_load(struct brief *x);
void brief_messaging_free(struct brief *x);
/* In "How to talk about it": the approved positioning per segment as Moore's statement with its approved pillars and
 * their proof quotes, the segments whose positioning is not approved; "No approved messaging yet" only when no
 * positioning of the launch's segments is approved. */
void brief_positioning(struct brief *x);
/* The approved PR/FAQ's headline and subheading; one in review or draft named as not approved; or none yet. */
void brief_prfaq_line(struct brief *x);
/* "## Against the competition": the short battlecard (how they position, why we win, top objections with answers,
 * landmines) of each competitor the approved positioning names. */
void brief_battlecards(struct brief *x);
/* The approved PR/FAQ's external FAQ as the FAQ's questions (nothing when it is not approved). */
void brief_prfaq_faq(struct brief *x);
#endif
