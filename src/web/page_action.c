/* page_action.c — the page face of every action: after the dispatcher ran it, a 303 to where the browser goes
 * next (back at the form posted, so focus returns there), or the page again with the form's message (a page may
 * say otherwise in its struct action_page). */
#include <string.h>
#include "action_form.h"
#include "app/reply.h"
#include "model/entity.h"
#include "web.h"

/* The pages that do more than the default; each row is defined beside its page. */
static const struct action_page *const action_pages[] = {&triage_page_face, &evidence_link_page, &evidence_unlink_page,
                                                            &reschedule_page, &share_link_create_page,
                                                            &share_link_revoke_page, &plan_apply_page,
                                                            &checklist_tick_page, &align_accept_page, &insights_bulk_page,
                                                            &user_add_page, &user_role_page, &user_notify_page, &user_deactivate_page,
                                                            &user_reactivate_page, &user_invite_page,
                                                            &user_invite_revoke_page};

static const struct action_page *page_of(const struct action *a)
{
	for (size_t i = 0; i < COUNT(action_pages); i++)
		if (action_pages[i]->action == a)
			return action_pages[i];
	return NULL;
}

void page_action(request *rq, response *rs)
{
	const struct outcome *o = rq_outcome(rq);
	const struct action *a = o->action;
	const struct action_page *p = page_of(a);
	const struct entity *e = a->kind ? entity_find(a->kind) : NULL;
	if (o->rc < 0) {
		rs->status = o->err.status;
		if (p && p->failed)
			return p->failed(rq, rs, o);
		if (e && o->err.status != 404)
			return page_entity_show_failed(rq, rs, e, o->id, a->name, &o->err);
		return page_error(rq, rs, o->err.status, o->err.message);
	}
	if (p && p->done)
		return p->done(rq, rs, o);
	/* the object's page, saying what was done, at the form the user posted (focused there by focus.js) */
	const char *next = o->x.redirect ? o->x.redirect
	                   : e ? arena_printf(rq->a, "/%s/%lld?done=%s#%s-form", e->kind, o->x.id, a->name, a->name)
	                       : "/";
	reply_redirect(rs, rq, next);
}
