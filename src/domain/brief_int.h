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

/* brief_faq.c: the FAQ section. */
void brief_faq(struct brief *x);
#endif
