/* align_decisions.c — alignment rules about decisions: one left open (or escalated, waiting on the leaders) longer
 * than the workspace allows, and one decided whose revisit date has come. */
#include <stdio.h>
#include "align.h"
#include "model/decisions.h"
#include "platform/util.h"

/* Open or escalated since before today minus open_days (the decision's creation day counts). */
void rule_decision_open_too_long(db *d, struct align_report *r, const struct align_rule *self)
{
	long days = decision_open_days(d);
	char since[11];
	if (!date_add(r->today, -days, since))
		return;
	db_stmt *s = db_q(d,
	                  "SELECT id, title, status, substr(created_at, 1, 10) FROM decisions WHERE status IN ('open', "
	                  "'escalated') AND substr(created_at, 1, 10) < ? ORDER BY created_at, id",
	                  "t", since);
	while (s && db_step(s) == DB_ROW) {
		const char *title = db_col_text(s, 1), *status = db_col_text(s, 2);
		char msg[600], hint[300];
		snprintf(msg, sizeof msg, "Decision \"%s\" has been %s since %s, longer than %ld days.", title, status,
		         db_col_text(s, 3), days);
		snprintf(hint, sizeof hint,
		         status[0] == 'e' ? "A leader decides it on its page (/decisions/%lld), with the evidence beside "
		                            "the options."
		                          : "Decide it on its page (/decisions/%lld), or escalate it to the leaders if PM and "
		                            "PMM cannot agree.",
		         db_col_int(s, 0));
		align_add(r, self, "decisions", db_col_int(s, 0), title, msg, hint);
	}
	db_done(s);
}

/* Decided, with revisit_on today or before. */
void rule_decision_revisit_due(db *d, struct align_report *r, const struct align_rule *self)
{
	db_stmt *s = db_q(d,
	                  "SELECT id, title, revisit_on FROM decisions WHERE status = 'decided' AND revisit_on IS NOT NULL "
	                  "AND revisit_on <= ? ORDER BY revisit_on, id",
	                  "t", r->today);
	while (s && db_step(s) == DB_ROW) {
		const char *title = db_col_text(s, 1);
		char msg[600], hint[300];
		snprintf(msg, sizeof msg, "Decision \"%s\" was to be revisited on %s.", title, db_col_text(s, 2));
		snprintf(hint, sizeof hint,
		         "Check its reversal criteria against the evidence (/decisions/%lld): keep it and set a new revisit "
		         "date, or reverse it.",
		         db_col_int(s, 0));
		align_add(r, self, "decisions", db_col_int(s, 0), title, msg, hint);
	}
	db_done(s);
}
