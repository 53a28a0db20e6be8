/* message_lint.h — the lint that keeps claims honest: rules over one message (superlatives any competitor could
 * claim, an unnamed alternative, an unbacked differentiator, a claim without proof), described once as a table. */
#ifndef TANDEM_MESSAGE_LINT_H
#define TANDEM_MESSAGE_LINT_H
#include <jansson.h>
#include "platform/db.h"

/* One rule: its name (what a problem's "rule" says) and what it checks, for docs and the page. */
struct lint_rule {
	const char *name, *summary;
	/* Appends problems {part, rule, message} of message m to out. */
	void (*check)(db *d, json_t *m, json_t *out);
};
extern const struct lint_rule message_lint_rules[];
extern const int message_lint_count;

/* The problems of message m (as entity_get answers it): a new array of {part, rule, message}, in rule order. */
json_t *message_lint(db *d, json_t *m);
#endif
