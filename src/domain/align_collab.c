/* align_collab.c — alignment rules about working together: review requests left unanswered past their date. */
#include <stdio.h>
#include "align.h"
#include "model/entity.h"

/* A request still requested whose due date is before today; the finding goes to the reviewer. */
void rule_review_overdue(db *d, struct align_report *r, const struct align_rule *self)
{
	db_stmt *s = db_q(d,
	                  "SELECT r.id, r.on_kind, r.on_id, r.due, u.name FROM reviews r LEFT JOIN users u ON "
	                  "u.id = r.reviewer_id WHERE r.state = 'requested' AND r.due < ? ORDER BY r.due, r.id",
	                  "t", r->today);
	while (s && db_step(s) == DB_ROW) {
		const char *kind = db_col_text(s, 1), *due = db_col_text(s, 3), *who = db_col_text(s, 4);
		const struct entity *k = entity_find(kind);
		const char *label = entity_ref_label(d, r->a, kind, db_col_int(s, 2));
		char title[300], msg[500];
		snprintf(title, sizeof title, "Review of the %s \"%s\"", k ? k->one : kind, label ? label : "?");
		snprintf(msg, sizeof msg, "%s asked of %s was due on %s and is not answered.", title, who ? who : "nobody",
		         due ? due : "?");
		align_add(r, self, "reviews", db_col_int(s, 0), title, msg,
		          "Answer it (approved or changes requested), or the requester moves the date or cancels it.");
	}
	db_done(s);
}
