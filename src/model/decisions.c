/* decisions.c — the decision described once (what is decided, the options with their pros and cons, the evidence
 * that arbitrates, the owner, the revisit date) and its three verbs: escalate to the leaders, decide (a leader only
 * once escalated), reverse. Status and the record of the decision are written by the verbs alone; once decided,
 * the content stays as it was decided, so the record stays true. */
#include "decisions.h"
#include <stdio.h>
#include <string.h>
#include <strings.h>
#include "platform/json_get.h"
#include "platform/util.h"
#include "users.h"

static const struct link decision_insight_links = {"decision_insights", "decision_id", "insight_id", NULL, 0, 0, NULL};
static const struct link decision_goal_links = {"decision_goals", "decision_id", "goal_id", NULL, 0, 0, NULL};
static const struct link decision_feature_links = {"decision_features", "decision_id", "feature_id", NULL, 0, 0, NULL};

static const char *const decision_statuses[] = {"open", "escalated", "decided", "reversed", NULL};

/* One option weighed. The title is checked by the kind (named with its entry: "options[2].title"). */
static const struct field option_members[] = {
	{"title", "Option", FT_STRING, 0, 200},
	{"pros", "Pros", FT_TEXT, 0, 2000},
	{"cons", "Cons", FT_TEXT, 0, 2000},
};

static const struct field decision_fields[] = {
	{"title", "Title", FT_STRING, F_REQUIRED | F_LISTED | F_SEARCH | F_SORT, 200,
	 .help = "What is to be decided, as a question"},
	{"context", "Context", FT_TEXT, F_SEARCH | F_MARKDOWN, 8000, .help = "Why it must be decided now, and what is at stake"},
	{"options", "Options", FT_RECORDS, 0, DECISION_OPTIONS_MAX, .sub = option_members, .nsub = COUNT(option_members),
	 .help = "The options weighed, each with its pros and cons; a row left blank is dropped"},
	{"insight_ids", "Insights", FT_LINKS, 0, 50, .ref = "insights", .link = &decision_insight_links,
	 .help = "What customers said that bears on it"},
	{"goal_ids", "Goals", FT_LINKS, 0, 20, .ref = "goals", .link = &decision_goal_links,
	 .help = "The goals it moves"},
	{"feature_ids", "Features", FT_LINKS, 0, 50, .ref = "features", .link = &decision_feature_links,
	 .help = "The features it concerns"},
	{"owner", "Owner", FT_REF, F_LISTED | F_FILTER | F_OWNER, .ref = "users"},
	{"status", "Status", FT_ENUM, F_LISTED | F_FILTER | F_OWN_ACTION, .choices = decision_statuses, .dflt = "\"open\"",
	 .help = "Set by the actions: escalate, decide, reverse"},
	{"revisit_on", "Revisit on", FT_DATE, F_LISTED | F_SORT, .help = "When to look at the decision again"},
	{"reversal_criteria", "Reversal criteria", FT_TEXT, 0, 2000,
	 .help = "What would make us reverse it (a number, a signal)"},
	{"escalation_reason", "Escalation reason", FT_TEXT, F_READONLY, 2000, .help = "Why it went to the leaders"},
	{"escalated_at", "Escalated at", FT_TIMESTAMP, F_READONLY},
	{"chosen_option", "Chosen option", FT_STRING, F_READONLY, 200, .help = "The title of the option chosen"},
	{"decision", "Decision", FT_TEXT, F_READONLY, 2000, .help = "What was decided"},
	{"rationale", "Rationale", FT_TEXT, F_READONLY | F_MARKDOWN, 4000, .help = "Why, with the evidence"},
	{"decided_by", "Decided by", FT_REF, F_READONLY, .ref = "users"},
	{"decided_at", "Decided at", FT_TIMESTAMP, F_READONLY},
	{"reversal_reason", "Reversal reason", FT_TEXT, F_READONLY, 2000, .help = "Why it was reversed"},
	{"superseded_by", "Superseded by", FT_REF, F_READONLY, .ref = "decisions",
	 .help = "The decision that replaces it"},
};

const char *decision_next_status(const char *status, const char *verb, int rank, struct err *err)
{
	status = status ? status : "";
	if (!strcmp(verb, "escalate")) {
		if (!strcmp(status, "open"))
			return "escalated";
		return err_set(err, 409, "conflict", "status", "only an open decision can be escalated (this one is %s)",
		               status),
		       NULL;
	}
	if (!strcmp(verb, "decide")) {
		if (!strcmp(status, "open"))
			return "decided";
		if (!strcmp(status, "escalated")) {
			if (rank >= RANK_LEADER)
				return "decided";
			return err_set(err, 403, "forbidden", NULL, "this decision is escalated: only a leader can decide it"),
			       NULL;
		}
		return err_set(err, 409, "conflict", "status", "this decision is %s already; reverse it to decide anew",
		               status),
		       NULL;
	}
	if (!strcmp(verb, "reverse")) {
		if (!strcmp(status, "decided"))
			return "reversed";
		return err_set(err, 409, "conflict", "status", "only a decided decision can be reversed (this one is %s)",
		               status),
		       NULL;
	}
	return err_invalid(err, NULL, "no such verb %s", verb), NULL;
}

/* Every option has a title, and no two the same title (deciding names one by it). */
static int options_check(json_t *obj, struct err *e)
{
	size_t i, j;
	json_t *it, *other;
	json_array_foreach(json_object_get(obj, "options"), i, it)
	{
		const char *t = jget_str(it, "title");
		char field[48];
		snprintf(field, sizeof field, "options[%zu].title", i + 1);
		if (!t || !t[strspn(t, " \t\r\n")])
			return err_invalid(e, field, "%s is required: option %zu has no title", field, i + 1);
		json_array_foreach(json_object_get(obj, "options"), j, other)
		{
			if (j >= i)
				break;
			const char *o = jget_str(other, "title");
			if (o && !strcasecmp(o, t))
				return err_invalid(e, field, "%s repeats option %zu's title \"%s\"", field, j + 1, t);
		}
	}
	return 0;
}

/* What a decided (or reversed) decision keeps as it was decided. */
static const char *const locked_fields[] = {"title", "context", "options", "insight_ids", "goal_ids", "feature_ids"};

static int decision_check(db *d, long long id, json_t *obj, struct err *e)
{
	if (!id && !str_eq(jget_str(obj, "status"), "open"))
		return err_invalid(e, "status", "a new decision is open; escalate, decide and reverse set its status");
	if (options_check(obj, e) < 0)
		return -1;
	if (!id)
		return 0;
	json_t *stored = entity_get(d, &decisions_entity, id);
	const char *status = jget_str(stored, "status");
	int rc = 0;
	if (str_eq(status, "decided") || str_eq(status, "reversed"))
		for (size_t i = 0; i < COUNT(locked_fields) && !rc; i++)
			if (!json_equal(json_object_get(obj, locked_fields[i]), json_object_get(stored, locked_fields[i])))
				rc = err_invalid(e, locked_fields[i],
				                 "%s cannot change: the decision is %s and its record stays as it was decided; "
				                 "reverse it and record a new decision instead",
				                 locked_fields[i], status);
	json_decref(stored);
	return rc;
}

struct entity decisions_entity = {
	.kind = "decisions", .table = "decisions", .one = "decision", .label = "Decisions", .title_field = "title",
	.blurb = "Decisions with their options and evidence: escalated to the leaders when PM and PMM disagree, and "
	         "recorded so the same argument does not come back.",
	.fields = decision_fields, .nfields = COUNT(decision_fields), .write_rank = RANK_EDITOR, .default_sort = "-id",
	.check = decision_check,
};

static const struct field escalate_fields[] = {
	{"reason", "Reason", FT_TEXT, F_REQUIRED, 2000,
	 .help = "Why PM and PMM cannot settle it between them: what each holds, and what the leaders must weigh"},
};

static int escalate(struct act *x)
{
	const char *to = decision_next_status(jget_str(x->obj, "status"), "escalate", x->rank, x->err);
	if (!to)
		return -1;
	char now[21];
	now_rfc3339(now);
	if (db_run(x->d,
	           "UPDATE decisions SET status = ?, escalation_reason = ?, escalated_at = ?, updated_at = ?, "
	           "version = version + 1 WHERE id = ?",
	           "tttti", to, jget_str(x->in, "reason"), now, now, x->id) != DB_OK)
		return err_internal(x->err);
	return 0;
}

const struct action decision_escalate_action = {
	.name = "decision-escalate", .one = "an escalation", .verb = "escalated", .kind = "decisions",
	.method = HTTP_POST, .api_path = "/api/v1/decisions/{id}/escalate", .page_path = "/decisions/{id}/escalate",
	.rank = RANK_EDITOR, .flags = A_IF_VERSION | A_AUDIT | A_OBJECT, .fields = escalate_fields,
	.nfields = COUNT(escalate_fields),
	.summary = "Escalate an open decision to the leaders, with the reason (then only a leader decides it)",
	.button = "Escalate to the leaders", .conflict = "the decision is not open",
	.run = escalate,
};

static const struct field decide_fields[] = {
	{"option", "Option chosen", FT_STRING, F_REQUIRED, 200, .help = "The title of one of the decision's options"},
	{"decision", "Decision", FT_TEXT, F_REQUIRED, 2000, .help = "What is decided, in a sentence or two"},
	{"rationale", "Rationale", FT_TEXT, F_REQUIRED, 4000, .help = "Why: the evidence that settled it"},
};

static int decide(struct act *x)
{
	const char *to = decision_next_status(jget_str(x->obj, "status"), "decide", x->rank, x->err);
	if (!to)
		return -1;
	const char *option = jget_str(x->in, "option"), *chosen = NULL;
	size_t i;
	json_t *it;
	json_array_foreach(json_object_get(x->obj, "options"), i, it)
	{
		if (!chosen && str_eq(jget_str(it, "title"), option))
			chosen = jget_str(it, "title");
	}
	if (!chosen)
		return err_invalid(x->err, "option", json_array_size(json_object_get(x->obj, "options"))
		                                          ? "option must be the title of one of the decision's options"
		                                          : "this decision has no options yet: add them, then decide");
	char now[21];
	now_rfc3339(now);
	db_stmt *s = db_prepare(x->d, "UPDATE decisions SET status = ?, chosen_option = ?, decision = ?, rationale = ?, "
	                              "decided_by = ?, decided_at = ?, updated_at = ?, version = version + 1 WHERE id = ?");
	db_bind_text(s, 1, to);
	db_bind_text(s, 2, chosen);
	db_bind_text(s, 3, jget_str(x->in, "decision"));
	db_bind_text(s, 4, jget_str(x->in, "rationale"));
	if (x->actor > 0)
		db_bind_int(s, 5, x->actor);
	db_bind_text(s, 6, now);
	db_bind_text(s, 7, now);
	db_bind_int(s, 8, x->id);
	int rc = db_step(s);
	db_done(s);
	return rc == DB_DONE ? 0 : err_internal(x->err);
}

const struct action decision_decide_action = {
	.name = "decision-decide", .one = "a decision", .verb = "decided", .kind = "decisions", .method = HTTP_POST,
	.api_path = "/api/v1/decisions/{id}/decide", .page_path = "/decisions/{id}/decide", .rank = RANK_EDITOR,
	.flags = A_IF_VERSION | A_AUDIT | A_OBJECT, .fields = decide_fields, .nfields = COUNT(decide_fields),
	.summary = "Decide: the option chosen, the decision and its rationale (an escalated decision: leaders only)",
	.button = "Record the decision", .conflict = "the decision is decided or reversed already",
	.run = decide,
};

static const struct field reverse_fields[] = {
	{"reason", "Reason", FT_TEXT, F_REQUIRED, 2000, .help = "What changed: the reversal criteria met, new evidence"},
	{"superseded_by", "Superseded by", FT_REF, 0, .ref = "decisions", .help = "The decision that replaces it, if any"},
};

static int reverse(struct act *x)
{
	const char *to = decision_next_status(jget_str(x->obj, "status"), "reverse", x->rank, x->err);
	if (!to)
		return -1;
	json_t *by = json_object_get(x->in, "superseded_by");
	if (json_is_integer(by) && json_integer_value(by) == x->id)
		return err_invalid(x->err, "superseded_by", "a decision cannot supersede itself");
	char now[21];
	now_rfc3339(now);
	db_stmt *s = db_prepare(x->d, "UPDATE decisions SET status = ?, reversal_reason = ?, superseded_by = ?, "
	                              "updated_at = ?, version = version + 1 WHERE id = ?");
	db_bind_text(s, 1, to);
	db_bind_text(s, 2, jget_str(x->in, "reason"));
	if (json_is_integer(by))
		db_bind_int(s, 3, json_integer_value(by));
	db_bind_text(s, 4, now);
	db_bind_int(s, 5, x->id);
	int rc = db_step(s);
	db_done(s);
	return rc == DB_DONE ? 0 : err_internal(x->err);
}

const struct action decision_reverse_action = {
	.name = "decision-reverse", .one = "a reversal", .verb = "reversed", .kind = "decisions", .method = HTTP_POST,
	.api_path = "/api/v1/decisions/{id}/reverse", .page_path = "/decisions/{id}/reverse", .rank = RANK_EDITOR,
	.flags = A_IF_VERSION | A_AUDIT | A_OBJECT, .fields = reverse_fields, .nfields = COUNT(reverse_fields),
	.summary = "Reverse a decided decision, with the reason and the decision that supersedes it",
	.button = "Reverse the decision", .conflict = "the decision is not decided",
	.run = reverse,
};

static const struct field decision_setting_fields[] = {
	{"open_days", "Open at most (days)", FT_INT, 0, 0, 1, 365, .dflt = "14",
	 .help = "An open or escalated decision older than this is flagged (decision-open-too-long)"},
};

const struct setting decision_setting = {
	.name = "decisions", .label = "Decision settings", .schema = "DecisionSettings", .fields = decision_setting_fields,
	.nfields = COUNT(decision_setting_fields), .key = "decisions", .write_rank = RANK_LEADER,
	.summary_get = "How long a decision may stay open", .summary_put = "Change the decision settings (the fields sent)",
};

long decision_open_days(db *d)
{
	json_t *v = setting_get(d, &decision_setting);
	long days = json_is_integer(json_object_get(v, "open_days")) ? (long)jget_int(v, "open_days") : DECISION_OPEN_DAYS;
	json_decref(v);
	return days;
}
