/* openapi_docs.c — what the route table cannot say about routes that serve no kind: bodies, answers, statuses. */
#include <string.h>
#include "openapi.h"

static const struct openapi_param demand_query[] = {
	{"period", "string", "Only features planned for this period (2027-Q1, 2027-H1, 2027-03); all planned without it"},
	{NULL, NULL, NULL},
};

static const struct openapi_param import_query[] = {
	{"format", "string", "generic, fider, quackback, productboard or jira; without it the layout is recognised from "
	                     "the header (see docs/IMPORT.md)"},
	{"map", "string", "format=generic: Column=field pairs, comma-separated (fields: text, source, author, account, "
	                  "persona, observed_at, url, tags, external_id), e.g. Feedback=text,Company=account"},
	{"source", "string", "The source of rows that carry none (default other)"},
	{"all_or_nothing", "string", "1: import nothing when any row is malformed (answers 422)"},
	{NULL, NULL, NULL},
};

static const struct openapi_param export_query[] = {
	{"include_secrets", "boolean", "true: password hashes, API tokens, share links and webhook secrets too"},
	{NULL, NULL, NULL},
};

static const struct openapi_param activity_query[] = {
	{"kind", "string", "Only changes to objects of this kind (or strategy, settings, share-links)"},
	{"limit", "integer", "1 to 500, default 50"},
	{"cursor", "string", "The next_cursor of the page before"},
	{NULL, NULL, NULL},
};

static const struct openapi_param notifications_query[] = {
	{"unread", "boolean", "true: only the unread ones"},
	{"limit", "integer", "1 to 500, default 50"},
	{"cursor", "string", "The next_cursor of the page before"},
	{NULL, NULL, NULL},
};

static const struct openapi_param reschedule_query[] = {
	{"target_date", "string", "The new target date, YYYY-MM-DD"},
	{NULL, NULL, NULL},
};

static const struct openapi_param messaging_query[] = {
	{"segment_id", "integer", "The segment whose ladder (required)"},
	{NULL, NULL, NULL},
};
static const struct openapi_status messaging_more[] = {
	{"404", "No segment with that id (the error names segment_id)"},
	{NULL, NULL},
};

static const struct openapi_param roadmap_query[] = {
	{"group", "string", "Lanes by goal (a feature's highest-weight goal; the default), team (largest effort) or persona "
	                    "(its first)"},
	{"goal", "integer", "Only features that serve this goal"},
	{"segment", "integer", "Only features for a persona of this segment, and launches for this segment"},
	{"persona", "integer", "Only features for this persona"},
	{"tier", "string", "Only features shipped in this package: free, pro or enterprise"},
	{"launch_tier", "integer", "Only launches of this tier (1-3)"},
	{NULL, NULL, NULL},
};

static const struct openapi_param share_links_query[] = {
	{"kind", "string", "roadmap or calendar; both without it"},
	{NULL, NULL, NULL},
};

static const struct openapi_param alignment_query[] = {
	{"owner", "string", "Only findings whose object is owned by this user: me, or a user's id"},
	{"kind", "string", "Only findings about objects of this kind (goals, features, launches, strategy ...)"},
	{"severity", "string", "Only findings of this severity: error, warning or info"},
	{"rule", "string", "Only findings of this rule (its id)"},
	{NULL, NULL, NULL},
};

static const struct openapi_status signin_statuses[] = {
	{"401", "Wrong email or password"},
	{"429", "Too many failed sign-ins from this address or for this account; try again later"},
	{NULL, NULL},
};

/* One line per route; api_openapi.c uses it for every route found here. */
static const struct openapi_doc docs[] = {
	{HTTP_GET, "/healthz", NULL, "Health", "200", NULL, NULL},
	{HTTP_POST, "/api/v1/session", NULL, "Session", "201", NULL, NULL, .more = signin_statuses},
	{HTTP_GET, "/api/v1/session", NULL, "Session", "200", NULL, NULL},
	{HTTP_GET, "/api/v1/users", NULL, "Users", "200", NULL, NULL},
	{HTTP_POST, "/api/v1/users", NULL, "UserCreated", "201", "409", "A user with this email exists"},
	{HTTP_GET, "/api/v1/users/{id}", NULL, "User", "200", NULL, NULL},
	{HTTP_POST, "/api/v1/users/{id}/role", NULL, "User", "200", "409",
	 "The user is the last active admin (code last_admin): make someone else an admin first"},
	{HTTP_POST, "/api/v1/users/{id}/deactivate", NULL, "User", "200", "409",
	 "Deactivated already, or the last active admin (code last_admin)"},
	{HTTP_POST, "/api/v1/users/{id}/reactivate", NULL, "User", "200", "409", "The user is active already"},
	{HTTP_POST, "/api/v1/users/{id}/invitation", NULL, "Invitation", "201", "409",
	 "The user is deactivated: reactivate them first"},
	{HTTP_GET, "/api/v1/tokens", NULL, "Tokens", "200", NULL, NULL},
	{HTTP_POST, "/api/v1/tokens", NULL, "TokenCreated", "201", NULL, NULL},
	{HTTP_GET, "/api/v1/strategy", NULL, "Strategy", "200", NULL, NULL},
	{HTTP_PUT, "/api/v1/strategy", NULL, "Strategy", "200", NULL, NULL},
	{HTTP_GET, "/api/v1/strategy/revisions", NULL, "StrategyRevisions", "200", NULL, NULL},
	{HTTP_GET, "/api/v1/goals/{id}/measurements", NULL, "Measurements", "200", NULL, NULL},
	{HTTP_GET, "/api/v1/goals/{id}/revisions", NULL, "TargetChanges", "200", NULL, NULL},
	{HTTP_GET, "/api/v1/alignment", NULL, "Alignment", "200", "400",
	 "An owner, severity or rule that is not valid (the field names it)", NULL, alignment_query},
	{HTTP_GET, "/api/v1/alignment/accepted", NULL, "AlignmentAcceptedList", "200", NULL, NULL},
	{HTTP_POST, "/api/v1/alignment/accepted", NULL, NULL, "201", "409", "The finding is accepted already"},
	{HTTP_GET, "/api/v1/getting-started", NULL, "GettingStarted", "200", NULL, NULL},
	{HTTP_GET, "/api/v1/users/{id}/owned", NULL, "Owned", "200", NULL, NULL},
	{HTTP_GET, "/api/v1/features/{id}/score", NULL, "Score", "200", NULL, NULL},
	{HTTP_POST, "/api/v1/plan", NULL, NULL, "200", "422",
	 "Infeasible: the must-includes cannot be planned together (which team is short, by how much), or a "
	 "dependency cycle"},
	{HTTP_POST, "/api/v1/plan/apply", NULL, NULL, "200", "422",
	 "Infeasible: the must-includes cannot be planned together (which team is short, by how much), or a "
	 "dependency cycle"},
	{HTTP_POST, "/api/v1/features/{id}/triage", NULL, NULL, "200", "409",
	 "The feature is not a new request (only status new or triage is triaged)"},
	{HTTP_POST, "/api/v1/features/{id}/merge", NULL, NULL, "200", "409", "The feature was merged already"},
	{HTTP_POST, "/api/v1/insights/import", NULL, "ImportResult", "200", "422",
	 "all_or_nothing and malformed rows: nothing was imported; the body is the result with an error", NULL,
	 import_query},
	/* evidence, suggestions, demand (schemas in openapi_evidence.c) */
	{HTTP_GET, "/api/v1/features/{id}/evidence", NULL, "Evidence", "200", NULL, NULL},
	{HTTP_POST, "/api/v1/features/{id}/evidence", NULL, NULL, "201", "409",
	 "The feature was merged into another: link the evidence to that one", "200"},
	{HTTP_GET, "/api/v1/features/{id}/suggestions", NULL, "InsightSuggestions", "200", NULL, NULL},
	{HTTP_GET, "/api/v1/features/{id}/gate", NULL, "Gate", "200", NULL, NULL},
	{HTTP_GET, "/api/v1/insights/{id}/features", NULL, "InsightFeatures", "200", NULL, NULL},
	{HTTP_GET, "/api/v1/insights/{id}/suggestions", NULL, "FeatureSuggestions", "200", NULL, NULL},
	{HTTP_GET, "/api/v1/demand", NULL, "Demand", "200", NULL, NULL, NULL, demand_query},
	/* a launch's sales enablement brief (schema in api_brief.c) */
	{HTTP_GET, "/api/v1/launches/{id}/brief", NULL, "LaunchBrief", "200", NULL, NULL},
	/* the PMM's documents (schemas in api_prfaq.c) */
	{HTTP_GET, "/api/v1/prfaqs/{id}/markdown", NULL, "text/markdown", "200", NULL, NULL},
	{HTTP_GET, "/api/v1/competitors/{id}/battlecard", NULL, "Battlecard", "200", NULL, NULL},
	{HTTP_GET, "/api/v1/journey", NULL, "JourneyMap", "200", NULL, NULL},
	{HTTP_GET, "/api/v1/activity", NULL, "ActivityFeed", "200", NULL, NULL, NULL, activity_query},
	/* the inbox and following (schemas below) */
	{HTTP_GET, "/api/v1/notifications", NULL, "Notifications", "200", NULL, NULL, NULL, notifications_query},
	{HTTP_POST, "/api/v1/notifications/read", "NotificationsReadInput", "NotificationsRead", "200", NULL, NULL},
	{HTTP_POST, "/api/v1/{kind}/{id}/watch", NULL, "Watch", "200", NULL, NULL},
	{HTTP_GET, "/api/v1/webhooks/{id}/deliveries", NULL, "WebhookDeliveries", "200", NULL, NULL},
	{HTTP_DELETE, "/api/v1/{kind}/{id}/watch", NULL, "Watch", "200", NULL, NULL},
	/* launches and releases (schemas in openapi_launches.c) */
	{HTTP_GET, "/api/v1/launches/{id}/readiness", NULL, "Readiness", "200", NULL, NULL},
	{HTTP_GET, "/api/v1/releases/{id}/reschedule", NULL, "ReschedulePreview", "200", NULL, NULL, NULL,
	 reschedule_query},
	{HTTP_POST, "/api/v1/releases/{id}/reschedule", NULL, NULL, "200", "409",
	 "The release or one of its launches changed since the version sent"},
	/* the roadmap and share links (schemas in openapi_roadmap.c) */
	{HTTP_GET, "/api/v1/roadmap", NULL, "Roadmap", "200", "400", "A group or filter is not valid (the field names it)",
	 NULL, roadmap_query},
	{HTTP_GET, "/api/v1/share-links", NULL, "ShareLinks", "200", NULL, NULL, NULL, share_links_query},
	/* the messaging ladder and the message lint (schemas in openapi_messaging.c) */
	{HTTP_GET, "/api/v1/messaging", NULL, "Messaging", "200", "400", "segment_id is missing or no number", NULL,
	 messaging_query, messaging_more},
	{HTTP_GET, "/api/v1/messages/{id}/lint", NULL, "MessageLint", "200", NULL, NULL},
	/* the launch calendar (ics.c) */
	{HTTP_GET, "/api/v1/calendar.ics", NULL, "text/calendar", "200", NULL, NULL},
	/* a release's notes (api_release_notes.c) */
	{HTTP_GET, "/api/v1/releases/{id}/notes", NULL, "ReleaseNotes", "200", NULL, NULL},
	{HTTP_GET, "/api/v1/releases/{id}/notes.md", NULL, "text/markdown", "200", NULL, NULL},
	/* the workspace bundle (api_bundle.c) */
	{HTTP_GET, "/api/v1/export", NULL, "Bundle", "200", NULL, NULL, NULL, export_query},
	{HTTP_POST, "/api/v1/import", "Bundle", "BundleImported", "200", "409",
	 "The workspace holds data already (the API imports only into one nothing has been written to)"},
};

json_t *openapi_t(const char *type, const char *desc)
{
	return json_pack("{ssss}", "type", type, "description", desc);
}

json_t *openapi_tn(const char *type, const char *desc)
{
	return json_pack("{s[ss]ss}", "type", type, "null", "description", desc);
}

json_t *openapi_object(json_t *props)
{
	json_t *req = json_array();
	const char *k;
	json_t *v;
	json_object_foreach(props, k, v) json_array_append_new(req, json_string(k));
	return json_pack("{sssoso}", "type", "object", "properties", props, "required", req);
}

const struct openapi_doc *openapi_doc_for(enum http_method m, const char *pattern)
{
	for (size_t i = 0; i < sizeof docs / sizeof docs[0]; i++)
		if (docs[i].method == m && !strcmp(docs[i].pattern, pattern))
			return &docs[i];
	return NULL;
}

static json_t *num(const char *desc) { return json_pack("{ssss}", "type", "number", "description", desc); }

/* {"eng", "design", "mkt"} person-weeks */
static json_t *teams(const char *desc)
{
	return json_pack("{sss{s{sssi}s{sssi}s{sssi}}sbss}", "type", "object", "properties", "eng", "type", "number",
	                 "minimum", 0, "design", "type", "number", "minimum", 0, "mkt", "type", "number", "minimum", 0,
	                 "additionalProperties", 0, "description", desc);
}

static json_t *ids(const char *desc)
{
	return json_pack("{sss{sssi}sbss}", "type", "array", "items", "type", "integer", "minimum", 1, "uniqueItems", 1,
	                 "description", desc);
}

static json_t *plan_schema(bool applied)
{
	json_t *props = json_object();
	json_object_set_new(props, "optimal", json_pack("{ssss}", "type", "boolean", "description",
	                                                "true only when the solver proved no better plan exists"));
	json_object_set_new(props, "feasible", json_pack("{ss}", "type", "boolean"));
	json_object_set_new(props, "value", num("Sum of the chosen features' scores"));
	json_object_set_new(props, "chosen", ids("Chosen feature ids, by value descending"));
	json_object_set_new(props, "used", teams("Person-weeks the chosen features spend by team"));
	json_object_set_new(props, "capacity", teams("The capacity planned against"));
	json_object_set_new(props, "cut", json_pack("{sss{sss{s{ss}s{ss}s{ss}}s[ss]}}", "type", "array", "items", "type",
	                                            "object", "properties", "id", "type", "integer", "title", "type",
	                                            "string", "reason", "type", "string", "required", "id", "reason"));
	json_object_set_new(props, "items", json_pack("{sss{sss{s{ss}s{ss}s{ss}s{ss}}}ss}", "type", "array", "items", "type",
	                                              "object", "properties", "id", "type", "integer", "title", "type",
	                                              "string", "value", "type", "number", "effort", "type", "object",
	                                              "description", "The chosen features with title, value and effort"));
	json_object_set_new(props, "top3_share", num("Share of the value from the 3 highest-value chosen (0..1)"));
	json_object_set_new(props, "top5_share", num("Share of the value from the 5 highest-value chosen (0..1)"));
	json_object_set_new(props, "period", json_pack("{ss}", "type", "string"));
	json_object_set_new(props, "message", json_pack("{ssss}", "type", "string", "description",
	                                                "Proven optimal, or why the plan is not proven optimal"));
	json_t *req = json_pack("[sssssssss]", "optimal", "feasible", "value", "chosen", "used", "cut", "top3_share",
	                        "top5_share", "period");
	if (applied) {
		json_object_set_new(props, "applied", ids("Features now planned for the period"));
		json_object_set_new(props, "unplanned", ids("Features that were planned for the period, now cut: accepted again"));
		json_array_append_new(req, json_string("applied"));
		json_object_set_new(
		    props, "release_warnings",
		    json_pack("{sss{sss{s{ss}s{ss}s{ss}s{ss}s{ss}}s[sssss]}ss}", "type", "array", "items", "type", "object",
		              "properties", "id", "type", "integer", "title", "type", "string", "release_id", "type", "integer",
		              "target_date", "type", "string", "message", "type", "string", "required", "id", "title",
		              "release_id", "target_date", "message", "description",
		              "Features now planned for the period whose release ships outside it"));
		json_array_append_new(req, json_string("release_warnings"));
	}
	return json_pack("{sssoso}", "type", "object", "properties", props, "required", req);
}

/* Triage: what a decision answers (what it sends derives from the action, TriageInput). */
static void triage_schemas(json_t *schemas)
{
	json_object_set_new(schemas, "TriageResult",
	                    json_pack("{sss{s{ss}s{ssss}}s[ss]}", "type", "object", "properties", "feature", "$ref",
	                              "#/components/schemas/Feature", "reply", "type", "string", "description",
	                              "The text to send to the requester", "required", "feature", "reply"));
}

/* The activity feed: audit rows, newest first. */
static void activity_schema(json_t *schemas)
{
	json_t *row = openapi_object(json_pack(
		"{sosososososososo}", "id", openapi_t("integer", "The row; older rows have smaller ids"), "at",
		json_pack("{ssssss}", "type", "string", "format", "date-time", "description", "When"), "user_id",
		openapi_tn("integer", "Who (null: Tandem itself)"), "user", openapi_tn("string", "Their name"), "kind",
		openapi_t("string", "The object's kind, or strategy, settings, share-links"), "object_id",
		openapi_t("integer", "The object"), "action",
		openapi_t("string", "created, updated, deleted, rescheduled, revoked, …"), "changes",
		json_pack("{ssss}", "type", "object", "description",
		          "The created object, {field: {from, to}} for updates, or the action's details")));
	json_object_set_new(schemas, "ActivityFeed",
	                    openapi_object(json_pack("{s{ssso}so}", "items", "type", "array", "items", row, "next_cursor",
	                                             openapi_tn("string", "The cursor of the next page, or null"))));
}

/* The inbox: notifications newest first, marking them read; following an object. */
static void notification_schemas(json_t *schemas)
{
	json_t *p = json_object();
	json_object_set_new(p, "id", openapi_t("integer", "The notification; older ones have smaller ids"));
	json_object_set_new(p, "reason",
	                    openapi_t("string", "Why you hear of it: mention, review_requested, review_answered, "
	                                        "review_cancelled, escalation, decision, approval_needed, win, release_moved, "
	                                        "launch_due, goal_review_due, reply, comment, change, webhook_failed"));
	json_object_set_new(p, "at", json_pack("{ssssss}", "type", "string", "format", "date-time", "description", "When"));
	json_object_set_new(p, "read", openapi_t("boolean", "Marked read"));
	json_object_set_new(p, "type", openapi_t("string", "The event: feature.updated, decision.escalated, …"));
	json_object_set_new(p, "kind", openapi_t("string", "The object's kind"));
	json_object_set_new(p, "object_id", openapi_t("integer", "The object"));
	json_object_set_new(p, "title", openapi_tn("string", "What the object is called (as it was, when deleted)"));
	json_object_set_new(p, "actor_id", openapi_tn("integer", "Who did it (null: Tandem itself)"));
	json_object_set_new(p, "actor", openapi_tn("string", "Their name"));
	json_object_set_new(p, "changes", json_pack("{ssss}", "type", "object", "description",
	                                            "What the event records: a diff, an action's input"));
	json_t *n = openapi_object(p);
	json_object_set_new(schemas, "Notification", n);
	json_object_set_new(schemas, "Notifications",
	                    openapi_object(json_pack("{s{sss{ss}}soso}", "items", "type", "array", "items", "$ref",
	                                             "#/components/schemas/Notification", "unread",
	                                             openapi_t("integer", "How many of yours are unread"), "next_cursor",
	                                             openapi_tn("string", "The cursor of the next page, or null"))));
	json_object_set_new(schemas, "NotificationsReadInput",
	                    json_pack("{sss{s{sss{ss}ss}s{ssss}}}", "type", "object", "properties", "ids", "type", "array",
	                              "items", "type", "integer", "description", "These notifications (yours)", "all",
	                              "type", "boolean", "description", "true: every one of yours"));
	json_object_set_new(schemas, "NotificationsRead",
	                    openapi_object(json_pack("{soso}", "marked", openapi_t("integer", "How many were unread and are read now"),
	                                             "unread", openapi_t("integer", "How many of yours are unread now"))));
	json_t *dp = json_object();
	json_object_set_new(dp, "id", openapi_t("integer", "The delivery"));
	json_object_set_new(dp, "type", openapi_t("string", "The event: feature.updated, webhook.test, …"));
	json_object_set_new(dp, "msg_id", openapi_t("string", "The webhook-id header: the same on every try"));
	json_object_set_new(dp, "status", openapi_t("string", "pending, delivered or failed"));
	json_object_set_new(dp, "attempts", openapi_t("integer", "How many tries were made"));
	json_object_set_new(dp, "response_code", openapi_tn("integer", "The last try's HTTP status (0: no answer)"));
	json_object_set_new(dp, "error", openapi_tn("string", "Why the last try failed"));
	json_object_set_new(dp, "next_at", openapi_tn("string", "When a pending delivery is tried next"));
	json_object_set_new(dp, "last_at", openapi_tn("string", "When it was last tried"));
	json_object_set_new(dp, "created_at", openapi_t("string", "When the event was queued"));
	json_object_set_new(schemas, "WebhookDelivery", openapi_object(dp));
	json_object_set_new(schemas, "WebhookDeliveries",
	                    openapi_object(json_pack("{s{sss{ss}}}", "items", "type", "array", "items", "$ref",
	                                             "#/components/schemas/WebhookDelivery")));
	json_object_set_new(schemas, "WebhookSecret",
	                    openapi_object(json_pack("{sososo}", "id", openapi_t("integer", "The webhook"), "secret",
	                                             openapi_t("string", "whsec_…: the new signing secret, shown this once"),
	                                             "previous_valid_until",
	                                             openapi_t("string", "Until when the previous secret signs beside it"))));
	json_object_set_new(schemas, "Watch",
	                    openapi_object(json_pack("{sososo}", "kind", openapi_t("string", "The object's kind"), "id",
	                                             openapi_t("integer", "The object"), "watching",
	                                             openapi_t("boolean", "Whether you hear of its changes now"))));
}

void openapi_doc_schemas(json_t *schemas)
{
	triage_schemas(schemas);
	activity_schema(schemas);
	notification_schemas(schemas);
	json_t *sp = json_object();
	const char *nums[][2] = {
		{"score", "goal·goal_value + demand·demand + rice·RICE, 2 decimals"},
		{"goal_value", "Sum of the weights of links to goals that are not dropped"},
		{"demand", "Evidence demand: importance of linked insights, weighted by account ARR (0 without insights)"},
		{"rice", "reach × impact × confidence / effort"},
		{"reach", "As used in RICE (0 when missing)"},
		{"impact", "As used in RICE (1 when missing)"},
		{"confidence", "As used in RICE (0.5 when missing)"},
		{"effort", "Person-weeks, all teams (RICE divides by 0.5 when 0)"},
	};
	for (size_t i = 0; i < sizeof nums / sizeof nums[0]; i++)
		json_object_set_new(sp, nums[i][0], num(nums[i][1]));
	json_object_set_new(sp, "id", json_pack("{ss}", "type", "integer"));
	json_object_set_new(sp, "effort_by_team", teams("Person-weeks by team"));
	json_object_set_new(sp, "weights", json_pack("{ss}", "$ref", "#/components/schemas/ScoreWeights"));
	json_object_set_new(sp, "terms", json_pack("{sss{s{ss}s{ss}s{ss}}}", "type", "object", "properties", "goal", "type",
	                                           "number", "demand", "type", "number", "rice", "type", "number"));
	json_object_set_new(sp, "notes", json_pack("{sss{ss}ss}", "type", "array", "items", "type", "string",
	                                           "description", "Which inputs were missing and what was used instead"));
	json_object_set_new(schemas, "Score", json_pack("{sssos[sssssssssss]}", "type", "object", "properties", sp,
	                                                "required", "score", "goal_value", "demand", "rice", "reach",
	                                                "impact", "confidence", "effort", "weights", "terms", "notes"));
	json_object_set_new(schemas, "Plan", plan_schema(false));
	json_object_set_new(schemas, "PlanApplied", plan_schema(true));
	openapi_evidence_schemas(schemas);
	openapi_import_schemas(schemas);
	openapi_bundle_schemas(schemas);
	openapi_release_notes_schemas(schemas);
	openapi_brief_schemas(schemas);
	openapi_prfaq_schemas(schemas);
	openapi_launch_schemas(schemas);
	openapi_roadmap_schemas(schemas);
	openapi_messaging_schemas(schemas);
	openapi_workspace_schemas(schemas);
}
