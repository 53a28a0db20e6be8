/* triage.c — the perspective gate: a request is accepted, or declined with a reason that cites the
 * strategy's perspective, a principle or an out-of-scope line; either way the requester gets a reply. */
#include "triage.h"
#include <stdlib.h>
#include <string.h>
#include "model/entity.h"
#include "model/features.h"
#include "model/strategy.h"
#include "model/users.h"

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

int triage_decide(db *d, arena *a, long long actor, long long id, json_t *in, const char **reply, struct err *e)
{
	if (!json_is_object(in))
		return err_invalid(e, NULL, "the body must be a JSON object");
	const char *key;
	json_t *v;
	json_object_foreach(in, key, v) if (strcmp(key, "decision") && strcmp(key, "reason") && strcmp(key, "cites") &&
	                                     strcmp(key, "version")) return err_invalid(e, key, "unknown field %s", key);
	const char *decision = json_string_value(json_object_get(in, "decision"));
	if (!decision || (strcmp(decision, "accept") && strcmp(decision, "decline")))
		return err_invalid(e, "decision", "decision must be accept or decline");
	bool accept = !strcmp(decision, "accept");
	json_t *f = entity_get(d, &features_entity, id);
	if (!f)
		return err_not_found(e, "no feature with id %lld", id);
	const char *status = json_string_value(json_object_get(f, "status"));
	if (strcmp(status, "new") && strcmp(status, "triage")) {
		err_set(e, 409, "conflict", "status", "only new requests are triaged; this one is %s", status);
		json_decref(f);
		return -1;
	}
	const char *reason = json_string_value(json_object_get(in, "reason"));
	const char *cites = json_string_value(json_object_get(in, "cites")), *label = NULL, *cited = NULL;
	if (!accept) {
		if (!reason || strspn(reason, " \t\r\n") == strlen(reason)) {
			json_decref(f);
			return err_invalid(e, "reason", "declining needs a reason");
		}
		if (!valid_text(reason, strlen(reason)) || utf8_len(reason) > 1500) {
			json_decref(f);
			return err_invalid(e, "reason", "reason must be text of at most 1500 characters");
		}
		cited = triage_cited(d, a, cites, &label);
		if (!cited) {
			json_decref(f);
			return err_invalid(e, "cites", "a decline cites the perspective, a principle or an out-of-scope line "
			                               "(perspective, principle:N or out_of_scope:N)");
		}
	}
	json_t *patch = json_pack("{ss}", "status", accept ? "accepted" : "declined");
	if (!accept)
		json_object_set_new(patch, "decline_reason",
		                    json_string_nocheck(arena_printf(a, "%s (cites the %s: \"%s\")", reason, label, cited)));
	long long version = json_integer_value(json_object_get(f, "version"));
	json_t *cv = json_object_get(in, "version");
	if (json_is_integer(cv))
		version = json_integer_value(cv);
	int rc = entity_update(d, &features_entity, actor, id, patch, version, e);
	json_decref(patch);
	if (rc == 0)
		*reply = triage_reply(d, a, actor, id);
	json_decref(f);
	return rc;
}
