/* triage.c — the perspective gate: a request is accepted, or declined with a reason that cites the
 * strategy's perspective, a principle or an out-of-scope line; either way the requester gets a reply. */
#include "triage.h"
#include <stdlib.h>
#include <string.h>
#include "model/entity.h"
#include "model/features.h"
#include "model/strategy.h"
#include "model/users.h"
#include "platform/json_get.h"

const char *triage_cited(db *d, arena *a, const char *cites, const char **label)
{
	if (!cites)
		return NULL;
	json_t *s = strategy_get(d);
	const char *out = NULL;
	long long n = 0;
	if (!strcmp(cites, "perspective")) {
		const char *p = json_string_value(json_object_get(s, "perspective"));
		out = p && *p ? arena_strdup(a, p) : NULL;
		*label = "perspective";
	} else if (!strncmp(cites, "principle:", 10) && parse_ll(cites + 10, &n) && n > 0) {
		out = arena_strdup(a, json_string_value(json_array_get(json_object_get(s, "principles"), (size_t)n - 1)));
		*label = "principle";
	} else if (!strncmp(cites, "out_of_scope:", 13) && parse_ll(cites + 13, &n) && n > 0) {
		out = arena_strdup(a, json_string_value(json_array_get(json_object_get(s, "out_of_scope"), (size_t)n - 1)));
		*label = "out-of-scope list";
	}
	json_decref(s);
	return out;
}

const char *triage_reply(db *d, arena *a, long long actor, long long id)
{
	json_t *f = entity_get(d, &features_entity, id);
	if (!f)
		return NULL;
	const char *status = json_string_value(json_object_get(f, "status"));
	const char *who = json_string_value(json_object_get(f, "requester"));
	const char *title = json_string_value(json_object_get(f, "title"));
	const char *why = json_string_value(json_object_get(f, "decline_reason"));
	const char *me = users_name(d, a, actor);
	json_t *s = strategy_get(d);
	const char *persp = json_string_value(json_object_get(s, "perspective"));
	const char *text = NULL;
	bool has_persp = persp && *persp;
	if (!strcmp(status, "declined"))
		text = arena_printf(a,
		                    "Hi %s,\n\nthank you for asking for \"%s\". We have decided not to build it. %s\n\n"
		                    "If that changes, we will come back to you.\n\nBest,\n%s",
		                    who && *who ? who : "there", title, why ? why : "", me ? me : "the product team");
	else if (strcmp(status, "new") && strcmp(status, "triage"))
		text = arena_printf(a,
		                    "Hi %s,\n\nthank you for asking for \"%s\". We have accepted it into our backlog: it fits "
		                    "what we are building%s%s%s. We will let you know when it is planned.\n\nBest,\n%s",
		                    who && *who ? who : "there", title, has_persp ? " (\"" : "", has_persp ? persp : "",
		                    has_persp ? "\")" : "", me ? me : "the product team");
	json_decref(s);
	json_decref(f);
	return text;
}

static const char *const decisions[] = {"accept", "decline", NULL};

static const struct field triage_fields[] = {
	{"decision", "Decision", FT_ENUM, F_REQUIRED, .choices = decisions},
	{"reason", "Reason", FT_TEXT, 0, 1500, .help = "Why it is declined; quoted in the reply to the requester"},
	{"cites", "It conflicts with", FT_STRING, 0, 40,
	 .help = "What a decline cites: perspective, principle:N or out_of_scope:N (1-based)"},
};

/* Accept a new request, or decline it with a reason that cites the strategy; the answer carries the reply. */
static int triage(struct act *x)
{
	const char *status = jget_str(x->obj, "status");
	if (strcmp(status, "new") && strcmp(status, "triage"))
		return err_set(x->err, 409, "conflict", "status", "only new requests are triaged; this one is %s", status);
	bool accept = !strcmp(jget_str(x->in, "decision"), "accept");
	const char *reason = jget_str(x->in, "reason"), *label = NULL, *cited = NULL;
	if (!accept) {
		if (!reason || strspn(reason, " \t\r\n") == strlen(reason))
			return err_invalid(x->err, "reason", "declining needs a reason");
		cited = triage_cited(x->d, x->a, jget_str(x->in, "cites"), &label);
		if (!cited)
			return err_invalid(x->err, "cites", "a decline cites the perspective, a principle or an out-of-scope line "
			                                    "(perspective, principle:N or out_of_scope:N)");
	}
	json_t *patch = json_pack("{ss}", "status", accept ? "accepted" : "declined");
	if (!accept)
		json_object_set_new(patch, "decline_reason",
		                    json_string_nocheck(arena_printf(x->a, "%s (cites the %s: \"%s\")", reason, label, cited)));
	int rc = entity_update_as(x->d, &features_entity, x->actor, x->id, patch, jget_int(x->obj, "version"), "triaged",
	                          x->err);
	json_decref(patch);
	if (rc < 0)
		return -1;
	x->out = json_pack("{soss}", "feature", entity_get(x->d, &features_entity, x->id), "reply",
	                   triage_reply(x->d, x->a, x->actor, x->id));
	x->redirect = arena_printf(x->a, "/triage?replied=%lld", x->id);
	return 0;
}

const struct action triage_action = {
	.name = "triage", .input = "TriageRequest", .one = "a triage decision", .verb = "triaged", .kind = "features", .method = HTTP_POST,
	.api_path = "/api/v1/features/{id}/triage", .page_path = "/features/{id}/triage", .rank = RANK_EDITOR,
	.flags = A_IF_VERSION, .fields = triage_fields, .nfields = COUNT(triage_fields),
	.summary = "Accept a request, or decline it citing the strategy; answers the reply for the requester",
	.answer = "TriageResult", .button = "Accept", .run = triage,
};
