/* openapi_workspace.c — the OpenAPI schemas of the workspace's own answers: health, the session, people and
 * tokens, a goal's measurements and target changes, the strategy's revisions, the alignment report, history. */
#include "openapi.h"

static json_t *when(const char *desc)
{
	return json_pack("{ssssss}", "type", "string", "format", "date-time", "description", desc);
}

static json_t *role(void)
{
	return json_pack("{sss[ssssss]ss}", "type", "string", "enum", "admin", "leader", "pm", "pmm", "contributor",
	                 "viewer", "description", "What the user may do (see docs/API.md, Roles)");
}

/* {items: [item], next_cursor: null}: a list that fits one page. */
static json_t *page_of(json_t *item)
{
	return openapi_object(json_pack("{s{ssso}so}", "items", "type", "array", "items", item, "next_cursor",
	                                openapi_tn("string", "Always null: the whole list fits one page")));
}

static json_t *strings(const char *desc)
{
	return json_pack("{sss{ss}ss}", "type", "array", "items", "type", "string", "description", desc);
}

static json_t *purpose(void)
{
	return json_pack("{sss[ss]ss}", "type", "string", "enum", "invite", "reset", "description",
	                 "invite: a new person; reset: a new password for someone who has one");
}

/* schema, but also null, described as desc (a new reference; schema is stolen). */
static json_t *or_null(json_t *schema, const char *desc)
{
	json_object_set_new(schema, "type", json_pack("[ss]", "object", "null"));
	json_object_set_new(schema, "description", json_string(desc));
	return schema;
}

static void people_schemas(json_t *schemas)
{
	json_t *user = openapi_object(json_pack("{sosososo}", "id", openapi_t("integer", "The user"), "email",
	                                        openapi_t("string", "Their sign-in email"), "name",
	                                        openapi_t("string", "Their name"), "role", role()));
	json_t *pending = or_null(openapi_object(json_pack("{sosososo}", "id", openapi_t("integer", "The invitation"),
	                                                   "purpose", purpose(), "created_at", when("When the link was made"),
	                                                   "expires_at", when("When it stops working (7 days on)"))),
	                          "Their pending invitation link (never its secret), or null");
	json_t *listed = json_deep_copy(user);
	json_t *lp = json_object_get(listed, "properties"), *lr = json_object_get(listed, "required");
	json_object_set_new(lp, "created_at", when("When the user was added"));
	json_object_set_new(lp, "active", openapi_t("boolean", "false: deactivated (cannot sign in; still shown as the "
	                                                      "owner of what they own)"));
	json_object_set_new(lp, "deactivated_at", json_pack("{s[ss]ssss}", "type", "string", "null", "format", "date-time",
	                                                    "description", "When they were deactivated, or null"));
	json_object_set_new(lp, "invitation", pending);
	json_object_set_new(lp, "notify", openapi_t("string", "How they are told of their notifications by mail: digest "
	                                                      "(once a day), immediate (each mention at once), none"));
	static const char *const more[] = {"created_at", "active", "deactivated_at", "invitation", "notify"};
	for (size_t i = 0; i < COUNT(more); i++)
		json_array_append_new(lr, json_string(more[i]));
	json_object_set_new(schemas, "User", json_deep_copy(listed));
	json_object_set_new(schemas, "Users", page_of(json_deep_copy(listed)));
	json_t *link = openapi_object(json_pack(
	    "{sosososososo}", "id", openapi_t("integer", "The invitation"), "user_id", openapi_t("integer", "Whom it is for"),
	    "purpose", purpose(), "token", openapi_t("string", "The secret, answered this once (only its hash is kept)"),
	    "path", openapi_t("string", "/invite/<token>: where the person chooses their password"), "url",
	    openapi_tn("string", "The whole link on this server, or null when the request's Host is not usable")));
	json_object_set_new(json_object_get(link, "properties"), "expires_at", when("When the link stops working (7 days on)"));
	json_array_append_new(json_object_get(link, "required"), json_string("expires_at"));
	json_object_set_new(schemas, "Invitation", json_deep_copy(link));
	json_object_set_new(lp, "invitation_link",
	                    or_null(link, "The invitation link, answered this once; null when a password was given"));
	json_array_append_new(lr, json_string("invitation_link"));
	json_object_set_new(schemas, "UserCreated", listed);
	json_object_set_new(schemas, "Session",
	                    openapi_object(json_pack("{soso}", "user", user, "csrf_token",
	                                             openapi_t("string", "Send it as X-CSRF-Token with every change made "
	                                                                 "with the session cookie (empty for a bearer token)"))));
	json_t *token = openapi_object(json_pack(
	    "{sososososo}", "id", openapi_t("integer", "The token"), "name", openapi_t("string", "What it is for"), "user",
	    openapi_t("string", "The email of the user it acts as"), "created_at", when("When it was created"),
	    "revoked_at", json_pack("{s[ss]ssss}", "type", "string", "null", "format", "date-time", "description",
	                            "When it was revoked, or null")));
	json_object_set_new(schemas, "Tokens", page_of(token));
	json_object_set_new(schemas, "TokenCreated",
	                    openapi_object(json_pack("{soso}", "id", openapi_t("integer", "The token"), "token",
	                                             openapi_t("string", "The secret, shown this once: send it as "
	                                                                 "Authorization: Bearer <token>"))));
}

static void goal_schemas(json_t *schemas)
{
	json_object_set_new(schemas, "Measurements",
	                    page_of(openapi_object(json_pack(
	                        "{sosososo}", "id", openapi_t("integer", "The measurement"), "at",
	                        json_pack("{ss}", "type", "string"), "value", openapi_t("number", "The metric's value then"),
	                        "source", openapi_tn("string", "Where the number came from")))));
	json_object_set_new(schemas, "TargetChanges",
	                    page_of(openapi_object(json_pack(
	                        "{sososososososo}", "id", openapi_t("integer", "The change"), "old_target",
	                        openapi_t("number", "The target before"), "new_target", openapi_t("number", "The target after"),
	                        "reason", openapi_t("string", "Why it changed"), "changed_by",
	                        openapi_tn("integer", "Who changed it"), "changed_by_name", openapi_tn("string", "Their name"),
	                        "changed_at", when("When")))));
	json_object_set_new(schemas, "StrategyRevisions",
	                    page_of(openapi_object(json_pack(
	                        "{sososososososo}", "version", openapi_t("integer", "The strategy's version"), "vision",
	                        openapi_t("string", "The vision then"), "perspective", openapi_t("string", "The perspective"),
	                        "principles", strings("The principles"), "out_of_scope", strings("What was out of scope"),
	                        "changed_by_name", openapi_tn("string", "Who saved it"), "changed_at", when("When")))));
}

/* The first run's checklist and what a person owns (the dashboard's cards). */
static void dashboard_schemas(json_t *schemas)
{
	json_t *step = openapi_object(json_pack("{sosososo}", "id", openapi_t("string", "strategy, goal, personas, "
	                                                                          "evidence, capacity, plan or launch"),
	                                        "title", openapi_t("string", "What to do"), "href",
	                                        openapi_t("string", "The page where it is done"), "done",
	                                        openapi_t("boolean", "Ticked from the data")));
	json_object_set_new(schemas, "GettingStarted",
	                    openapi_object(json_pack("{s{ssso}soso}", "steps", "type", "array", "items", step, "done",
	                                             openapi_t("integer", "Steps done"), "total",
	                                             openapi_t("integer", "Steps in all"))));
	json_t *own = openapi_object(json_pack("{sososososo}", "kind", openapi_t("string", "The kind"), "kind_label",
	                                       openapi_t("string", "Its name"), "field",
	                                       openapi_t("string", "The owner field naming the person"), "field_label",
	                                       openapi_t("string", "Its label"), "count",
	                                       openapi_t("integer", "How many objects name them there")));
	json_object_set_new(schemas, "Owned",
	                    openapi_object(json_pack("{sos{ssso}}", "user_id", openapi_t("integer", "The person"), "items",
	                                             "type", "array", "items", own)));
}

void openapi_workspace_schemas(json_t *schemas)
{
	json_object_set_new(schemas, "BulkResult",
	                    openapi_object(json_pack("{s{sss[sss]}sos{sss{ss}}}", "action", "type", "string", "enum", "link",
	                                             "tag", "dismiss", "count", openapi_t("integer", "Insights changed"),
	                                             "ids", "type", "array", "items", "type", "integer")));
	dashboard_schemas(schemas);
	json_object_set_new(schemas, "Health", openapi_object(json_pack("{so}", "status", openapi_t("string", "ok"))));
	people_schemas(schemas);
	goal_schemas(schemas);
	json_t *finding = openapi_object(json_pack(
	    "{sos{sss[sss]}sosososososo}", "rule", openapi_t("string", "The rule's id (docs/ALIGNMENT.md)"), "severity",
	    "type", "string", "enum", "error", "warning", "info", "kind", openapi_t("string", "The kind of the object concerned"),
	    "id", openapi_t("integer", "Its id (0: the workspace)"), "title", openapi_t("string", "Its title"), "message",
	    openapi_t("string", "What is out of line"), "hint", openapi_t("string", "What to do about it"), "owner",
	    openapi_tn("integer", "The object's owner: the first of its owner fields that is set (PM owner, then PMM "
	                          "owner; a launch's owner), or null")));
	json_t *accepted = json_deep_copy(finding), *ap = json_object_get(accepted, "properties");
	json_object_set_new(ap, "accepted_id", openapi_t("integer", "The acceptance (DELETE /api/v1/alignment/accepted/{id})"));
	json_object_set_new(ap, "reason", openapi_t("string", "Why the risk is accepted"));
	json_object_set_new(ap, "until", json_pack("{ssssss}", "type", "string", "format", "date", "description",
	                                           "The last day it stays accepted"));
	json_object_set_new(ap, "accepted_by", openapi_tn("integer", "Who accepted it"));
	json_object_set_new(ap, "accepted_at", when("When"));
	const char *more[] = {"accepted_id", "reason", "until", "accepted_by", "accepted_at"};
	for (size_t i = 0; i < 5; i++)
		json_array_append_new(json_object_get(accepted, "required"), json_string(more[i]));
	json_t *point = openapi_object(json_pack(
	    "{s{ssssss}s{sssisiss}}", "day", "type", "string", "format", "date", "description", "The day", "score", "type",
	    "integer", "minimum", 0, "maximum", 100, "description", "The day's latest health score"));
	json_object_set_new(
	    schemas, "Alignment",
	    openapi_object(json_pack(
	        "{s{sssisiss}sos{ssso}s{ssssso}s{ssssso}}", "score", "type", "integer", "minimum", 0, "maximum", 100,
	        "description", "Health: 100 less each finding's weight, over the whole workspace whatever the filters",
	        "count", openapi_t("integer", "How many findings the workspace has (not accepted), whatever the filters"),
	        "findings", "type", "array", "items", finding, "accepted", "type", "array", "description",
	        "The findings accepted as a known risk (until today or later): out of the findings and the score",
	        "items", accepted, "history", "type", "array", "description",
	        "The health score's daily points of the last 90 days, oldest first", "items", point)));
	json_t *al = json_object_get(schemas, "Alignment");
	json_object_set_new(json_object_get(al, "properties"), "cannot_judge",
	                    json_pack("{sssss{sss{s{ss}s{ss}}s[ss]}}", "type", "array", "description",
	                              "What the score cannot judge yet: rules with no data to look at", "items", "type",
	                              "object", "properties", "rules", "type", "string", "reason", "type", "string",
	                              "required", "rules", "reason"));
	json_array_append_new(json_object_get(al, "required"), json_string("cannot_judge"));
	json_t *acceptance = openapi_object(json_pack(
	    "{sosososososos{ssssss}sososo}", "id", openapi_t("integer", "The acceptance"), "rule",
	    openapi_t("string", "The finding's rule"), "kind", openapi_t("string", "The kind of its object"), "object_id",
	    openapi_t("integer", "Its object (0: the workspace)"), "reason", openapi_t("string", "Why the risk is accepted"),
	    "active", openapi_t("boolean", "Whether until is today or later (false: it has expired and counts again)"),
	    "until", "type", "string", "format", "date", "description", "The last day it stays accepted",
	    "accepted_by", openapi_tn("integer", "Who accepted it"), "accepted_by_name", openapi_tn("string", "Their name"),
	    "accepted_at", when("When")));
	json_object_set_new(schemas, "AlignmentAcceptedList",
	                    openapi_object(json_pack("{s{ssso}}", "items", "type", "array", "items",
	                                             json_deep_copy(acceptance))));
	json_object_set_new(schemas, "AlignmentAccepted", acceptance);
	json_object_set_new(
	    schemas, "History",
	    openapi_object(json_pack(
	        "{s{sss{sss{sosososos{ssss}}s[sssss]}}}", "items", "type", "array", "items", "type", "object", "properties",
	        "at", when("When"), "action", openapi_t("string", "created, updated, deleted, or the action's name"),
	        "user_id", openapi_tn("integer", "Who (null: Tandem itself)"), "user", openapi_tn("string", "Their name"),
	        "changes", "type", "object", "description",
	        "The created object, {field: {from, to}} for updates, or the action's details", "required", "at", "action",
	        "user_id", "user", "changes")));
}
