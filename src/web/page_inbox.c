/* page_inbox.c — the signed-in person's inbox: each notification as a sentence (who did what on which object, and
 * why you hear of it) linking to the object, unread ones marked, mark read one by one or all; the Follow button of
 * every detail page. */
#include <string.h>
#include "app/reply.h"
#include "domain/notify.h"
#include "fields.h"
#include "model/audience.h"
#include "model/entity.h"
#include "model/notifications.h"
#include "model/users.h"
#include "model/wins.h"
#include "platform/json_get.h"
#include "web.h"

enum { INBOX_PAGE = 50 };

/* Why one hears of it, as a badge. */
static const char *reason_label(const char *reason)
{
	static const char *const labels[][2] = {
		{"mention", "Mention"},          {"review_requested", "Review asked"}, {"review_answered", "Review answered"},
		{"review_cancelled", "Review cancelled"}, {"escalation", "Escalation"}, {"decision", "Decision"},
		{"approval_needed", "Approval needed"}, {"win", "Win"},         {"release_moved", "Release moved"},
		{"launch_due", "Launch due"},    {"goal_review_due", "Review due"}, {"reply", "Reply"},
		{"comment", "Comment"},          {"change", "Change"},          {"webhook_failed", "Webhook failed"},
	};
	for (size_t i = 0; i < COUNT(labels); i++)
		if (str_eq(reason, labels[i][0]))
			return labels[i][1];
	return reason;
}

/* What a notification points at: a comment or a review at the object it is about, a child at its parent, else the
 * object itself; writes the link (or the title when it is gone). */
static void target_link(request *rq, buf *b, json_t *n)
{
	const struct entity *e = entity_find(jget_str(n, "kind"));
	long long id = jget_int(n, "object_id");
	json_t *o = e ? entity_get(rq->db, e, id) : NULL;
	const char *anchor = "";
	if (o && e->on_any && jget_str(o, "on_kind")) { /* a comment or a review: the object it is on */
		anchor = arena_printf(rq->a, "#%s", str_eq(e->kind, "comments") ? arena_printf(rq->a, "comment-%lld", id)
		                                                                  : "reviews");
		const struct entity *on = entity_find(jget_str(o, "on_kind"));
		long long on_id = jget_int(o, "on_id");
		json_decref(o);
		e = on, id = on_id;
		o = e ? entity_get(rq->db, e, id) : NULL;
	} else if (o && e->parent) { /* a launch's checklist item: its launch */
		long long pid = jget_int(o, e->parent_field);
		json_decref(o);
		e = e->parent, id = pid;
		o = entity_get(rq->db, e, id);
	}
	const char *label = o && e->title_field ? value_text(rq->a, json_object_get(o, e->title_field)) : NULL;
	if (o && e == &wins_entity) /* its title says what it is: "Goal met: …" */
		html(b, "<a href=\"/%s/%lld\">%.120s</a>", e->kind, id, label && *label ? label : "(untitled)");
	else if (o)
		html(b, "%s <a href=\"/%s/%lld%s\">%.120s</a>", e->one, e->kind, id, anchor, label && *label ? label : "(untitled)");
	else
		html(b, "%s “%.120s” (deleted)", e ? e->one : "object", jget_str(n, "title") ? jget_str(n, "title") : "");
	json_decref(o);
}

/* The sentence of one notification. */
static void sentence(request *rq, buf *b, json_t *n)
{
	const char *reason = jget_str(n, "reason"), *who = jget_str(n, "actor"), *type = jget_str(n, "type");
	const char *verb = type && strchr(type, '.') ? strchr(type, '.') + 1 : "changed";
	json_t *ch = json_object_get(n, "changes");
	who = who ? who : "Tandem";
	if (str_eq(reason, "mention"))
		html(b, "<strong>%s</strong> mentioned you in a comment on ", who);
	else if (str_eq(reason, "review_requested"))
		html(b, "<strong>%s</strong> asked you to review ", who);
	else if (str_eq(reason, "review_answered"))
		html(b, "<strong>%s</strong> answered your review request (%s) on ", who,
		     str_eq(jget_str(ch, "state"), "approved") ? "approved" : "changes requested");
	else if (str_eq(reason, "review_cancelled"))
		html(b, "<strong>%s</strong> cancelled the review request on ", who);
	else if (str_eq(reason, "reply"))
		html(b, "<strong>%s</strong> replied in a thread on ", who);
	else if (str_eq(reason, "comment"))
		html(b, "<strong>%s</strong> commented on ", who);
	else if (str_eq(reason, "approval_needed") && jget_str(n, "actor"))
		html(b, "<strong>%s</strong> put in review, waiting for a PM's and a PMM's approval: ", who);
	else if (str_eq(reason, "approval_needed"))
		buf_lit(b, "In review, waiting for a PM's and a PMM's approval: ");
	else if (str_eq(reason, "launch_due"))
		buf_lit(b, "Inside its lead time with open items: ");
	else if (str_eq(reason, "goal_review_due"))
		html(b, "Due for review since %s: ", jget_str(ch, "due_review") ? jget_str(ch, "due_review") : "—");
	else if (str_eq(reason, "win"))
		buf_lit(b, "A win to celebrate, with thanks to you: ");
	else if (str_eq(reason, "webhook_failed"))
		buf_lit(b, "A webhook gave up on a delivery: ");
	else {
		char v[64];
		snprintf(v, sizeof v, "%s", verb);
		for (char *c = v; *c; c++)
			*c = *c == '_' ? ' ' : *c;
		html(b, "<strong>%s</strong> %s ", who, v);
	}
	target_link(rq, b, n);
	if (str_eq(reason, "release_moved") || str_eq(reason, "change") || str_eq(reason, "decision")) {
		const struct entity *e = entity_find(jget_str(n, "kind"));
		if (!str_eq(verb, "created") && !str_eq(verb, "deleted"))
			audit_changes(rq, b, e, verb, ch);
	}
	if (str_eq(reason, "launch_due") && jget_str(ch, "message"))
		html(b, " — %s", jget_str(ch, "message"));
}

static void item(request *rq, buf *b, json_t *n)
{
	bool read = json_is_true(json_object_get(n, "read"));
	long long id = jget_int(n, "id");
	const char *reason = jget_str(n, "reason");
	html(b, "<li class=\"notification%s\" id=\"n-%lld\">", read ? "" : " unread", id);
	show_time(b, jget_str(n, "at"));
	html(b, " <span class=\"badge badge-reason-%s\">%s</span> <span class=\"what\">", reason ? reason : "",
	     reason_label(reason));
	sentence(rq, b, n);
	buf_lit(b, "</span>");
	if (!read) {
		buf_lit(b, " <form method=\"post\" action=\"/inbox/read\">");
		form_csrf(rq, b);
		html(b, "<input type=\"hidden\" name=\"ids\" value=\"%lld\"><button type=\"submit\" class=\"link\">Mark read"
		        "</button></form>",
		     id);
	}
	buf_lit(b, "</li>");
}

void page_inbox(request *rq, response *rs)
{
	bool unread_only = str_eq(rq_query(rq, "unread"), "true");
	long long before = 0, next;
	const char *cur = rq_query(rq, "cursor");
	if (cur && (!parse_ll(cur, &before) || before < 0))
		return page_error(rq, rs, 400, "cursor must be the cursor of the page before (a whole number).");
	json_t *items = notifications_list(rq->db, rq->user_id, unread_only, before, INBOX_PAGE, &next), *n;
	long long unread = notifications_unread(rq->db, rq->user_id);
	page_begin(rq, rs, "Inbox", "inbox");
	buf *b = &rs->body;
	html(b, "<div class=\"page-head\"><h1>Inbox <span class=\"count\">(%lld unread)</span></h1><div class=\"actions\">",
	     unread);
	if (unread) {
		buf_lit(b, "<form method=\"post\" action=\"/inbox/read\">");
		form_csrf(rq, b);
		buf_lit(b, "<input type=\"hidden\" name=\"all\" value=\"true\"><button type=\"submit\" class=\"secondary\">"
		           "Mark all read</button></form>");
	}
	buf_lit(b, "</div></div><p class=\"blurb\">What you are to hear of: mentions, review requests and answers, "
	           "escalations and decisions, approvals needed, wins, moved releases, launches and goals that need you, "
	           "and changes to what you own or follow.</p>");
	html(b, "<p class=\"tabs-inline\"><a href=\"/inbox\"%s>All</a> · <a href=\"/inbox?unread=true\"%s>Unread</a></p>",
	     unread_only ? "" : " aria-current=page", unread_only ? " aria-current=page" : "");
	buf_lit(b, "<ol class=\"timeline inbox\" id=\"inbox\">");
	size_t i;
	json_array_foreach(items, i, n) item(rq, b, n);
	buf_lit(b, "</ol>");
	if (!json_array_size(items))
		html(b, "<p class=\"muted\">%s</p>",
		     unread_only ? "Nothing unread." : "Nothing yet. Follow an object to hear of its changes.");
	if (next)
		html(b, "<p><a class=\"button secondary\" href=\"/inbox?%scursor=%lld\">Older</a></p>",
		     unread_only ? "unread=true&" : "", next);
	json_decref(items);
	page_end(rq, rs);
}

void page_inbox_read(request *rq, response *rs)
{
	const char *ids = rq_form(rq, "ids");
	long long id = 0;
	if (str_eq(rq_form(rq, "all"), "true"))
		notifications_mark_read(rq->db, rq->user_id, NULL);
	else if (ids && parse_ll(ids, &id) && id > 0) {
		json_t *one = json_pack("[I]", (json_int_t)id);
		notifications_mark_read(rq->db, rq->user_id, one);
		json_decref(one);
	} else
		return page_error(rq, rs, 400, "ids must be a notification id, or all must be true.");
	reply_redirect(rs, rq, "/inbox");
}

void follow_button(request *rq, buf *b, const struct entity *e, long long id, json_t *obj)
{
	bool on = notify_follows(rq->db, e, id, obj, rq->user_id);
	html(b, "<form method=\"post\" action=\"/%s/%lld/watch\" class=\"follow\">", e->kind, id);
	form_csrf(rq, b);
	html(b, "<input type=\"hidden\" name=\"on\" value=\"%d\"><button type=\"submit\" class=\"secondary\" "
	        "aria-pressed=\"%s\" title=\"%s\">%s</button></form>",
	     on ? 0 : 1, on ? "true" : "false",
	     on ? "You hear of its changes in your inbox; stop following" : "Hear of its changes in your inbox",
	     on ? "Following" : "Follow");
}

void page_watch(request *rq, response *rs)
{
	const struct entity *e = entity_find(rq->params[0]);
	long long id = rq_id(rq, 1);
	json_t *o = e ? entity_get(rq->db, e, id) : NULL;
	bool seen = o && entity_visible(rq->db, e, id, rq->user_rank >= RANK_ADMIN ? 0 : rq->user_id);
	json_decref(o);
	const char *on = rq_form(rq, "on");
	if (!seen)
		return page_error(rq, rs, 404, "There is no such object.");
	if (!str_eq(on, "1") && !str_eq(on, "0"))
		return page_error(rq, rs, 400, "on must be 1 (follow) or 0 (stop following).");
	if (watch_set(rq->db, rq->user_id, e->kind, id, str_eq(on, "1")) < 0)
		return page_error(rq, rs, 500, "The follow could not be saved.");
	reply_redirect(rs, rq, arena_printf(rq->a, "/%s/%lld", e->kind, id));
}
