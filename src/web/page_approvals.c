/* page_approvals.c — the approvals section of any kind that opts into approvals (model/approvals.h): its state,
 * who approved which version, what is still missing, and the approve and request-changes forms (action rows). */
#include <string.h>
#include "action_form.h"
#include "fields.h"
#include "model/approvals.h"
#include "web.h"
#include "platform/json_get.h"

/* The kind's row of the action whose run is run, or NULL. */
static const struct action *row_of(const struct entity *e, int (*run)(struct act *))
{
	for (int i = 0; i < actions_count; i++)
		if (actions_all[i]->run == run && str_eq(actions_all[i]->kind, e->kind))
			return actions_all[i];
	return NULL;
}

void approvals_section(request *rq, buf *b, const struct entity *e, json_t *o)
{
	json_t *apps = json_object_get(o, "approvals"), *a;
	const char *status = jget_str(o, "status");
	long long version = jget_int(o, "version");
	html(b, "<section class=\"approvals\" id=\"approvals\"><h2>Approval</h2><p>Status <span class=\"badge badge-%s\" "
	        "id=\"approval-status\">%s</span> · version %lld</p>",
	     status, field_choice_label(entity_field(e, "status"), status, rq->a), version);
	bool pm = false, pmm = false, mine = false;
	size_t i;
	if (json_array_size(apps))
		buf_lit(b, "<ul class=\"approvals-list\">");
	json_array_foreach(apps, i, a)
	{
		const char *role = jget_str(a, "role");
		long long uid = jget_int(a, "user_id");
		const char *who = uid ? entity_ref_label(rq->db, rq->a, "users", uid) : NULL;
		html(b, "<li>Approved by <strong>%s</strong> (%s), version %lld, ", who ? who : "a former user", role,
		     jget_int(a, "version"));
		show_time(b, jget_str(a, "at"));
		buf_lit(b, "</li>");
		pm |= str_eq(role, "pm"), pmm |= str_eq(role, "pmm");
		mine |= uid == rq->user_id;
	}
	if (json_array_size(apps))
		buf_lit(b, "</ul>");
	if (str_eq(status, "draft"))
		html(b, "<p class=\"help\">A draft. Set its status to In review on the edit form when it is ready; then a pm "
		        "and a pmm approve it (a leader may stand for either).</p>");
	else if (str_eq(status, "in_review"))
		html(b, "<p class=\"help\" id=\"approval-needs\">Needs %s. Any change to it clears the approvals.</p>",
		     json_array_size(apps) == 0 ? "a pm's and a pmm's approval"
		     : pm || pmm ? (pm ? "a pmm's (or a leader's) approval" : "a pm's (or a leader's) approval")
		                 : "one more approval, from a pm or a pmm");
	else
		buf_lit(b, "<p class=\"help\">Approved: a change to it returns it to review.</p>");
	bool approver = str_eq(rq->user_role, "pm") || str_eq(rq->user_role, "pmm") || str_eq(rq->user_role, "leader");
	const struct action *approve = row_of(e, approvals_approve), *changes = row_of(e, approvals_request_changes);
	struct kv hidden = {"version", arena_printf(rq->a, "%lld", version), NULL, 0, 0};
	if (approver && approve && str_eq(status, "in_review") && !mine)
		action_form(rq, b, approve, o, &(struct form_opts){.hidden = &hidden, .cls = "inline"});
	if (approver && changes && !str_eq(status, "draft"))
		action_form(rq, b, changes, o,
		            &(struct form_opts){.hidden = &hidden, .details = "Request changes", .button_cls = "secondary"});
	buf_lit(b, "</section>");
}
