/* page_people.c — people: the list (everyone signed in; admins add), a person's profile (what they own; the mail
 * preference, for themselves and admins; admins change the role, deactivate or reactivate, send a new invitation link
 * or revoke it), and the link shown once. */
#include <string.h>
#include "action_form.h"
#include "app/reply.h"
#include "fields.h"
#include "model/entity.h"
#include "model/invitations.h"
#include "model/notifications.h"
#include "model/owned.h"
#include "model/people.h"
#include "model/user_admin.h"
#include "model/users.h"
#include "platform/json_get.h"
#include "web.h"

void owned_list(request *rq, buf *b, long long user_id, const char *empty)
{
	json_t *own = owned_counts(rq->db, rq->a, user_id), *o;
	if (json_array_size(own) == 0)
		html(b, "<p class=\"empty\">%s</p>", empty);
	else
		buf_lit(b, "<ul class=\"counts\">");
	size_t i;
	json_array_foreach(own, i, o)
	{
		html(b, "<li><a href=\"/%s?%s=%lld\"><strong>%lld</strong> %s <span class=\"muted\">as %s</span></a></li>",
		     jget_str(o, "kind"), jget_str(o, "field"), user_id, jget_int(o, "count"), jget_str(o, "kind_label"),
		     jget_str(o, "field_label"));
	}
	if (json_array_size(own))
		buf_lit(b, "</ul>");
	json_decref(own);
}

/* A person's state as a badge: active, deactivated (since), or an invitation waiting (until). */
static void state_badge(buf *b, json_t *p)
{
	json_t *inv = json_object_get(p, "invitation");
	if (!json_is_true(json_object_get(p, "active"))) {
		buf_lit(b, "<span class=\"badge badge-dropped\">Deactivated</span> <span class=\"muted\">since ");
		show_time(b, jget_str(p, "deactivated_at"));
		buf_lit(b, "</span>");
	} else if (json_is_object(inv)) {
		html(b, "<span class=\"badge badge-warning\">%s</span> <span class=\"muted\">link until ",
		     str_eq(jget_str(inv, "purpose"), "reset") ? "Password reset pending" : "Invitation pending");
		show_time(b, jget_str(inv, "expires_at"));
		buf_lit(b, "</span>");
	} else {
		buf_lit(b, "<span class=\"badge badge-met\">Active</span>");
	}
}

static void list_page(request *rq, response *rs)
{
	page_begin(rq, rs, "People", "people");
	buf *b = &rs->body;
	bool admin = rq->user_rank >= RANK_ADMIN;
	buf_lit(b, "<h1>People</h1><p class=\"blurb\">Everyone in this workspace, with their role. Admins add people (each "
	           "gets an invitation link to choose a password), change roles and deactivate those who left: a "
	           "deactivated person cannot sign in but stays the owner of what they own.</p>");
	if (admin) {
		struct kv viewer = {"role", "viewer", NULL}; /* the least a new person may do, unless chosen */
		buf_lit(b, "<section class=\"card\" id=\"add-person\" aria-labelledby=\"add-h\"><h2 id=\"add-h\">Add a "
		           "person</h2><p class=\"help\">They get an invitation link, shown to you once, to choose their own "
		           "password; it works for 7 days.</p>");
		action_form(rq, b, &user_add_action, NULL,
		            &(struct form_opts){.cls = "inline", .only = "email name role", .values = &viewer});
		buf_lit(b, "</section>");
	}
	json_t *people = people_list(rq->db, false), *p;
	size_t i;
	html(b, "<h2>Everyone</h2><table class=\"list\" id=\"people\"><caption class=\"sr-only\">People</caption><thead><tr>"
	        "<th scope=\"col\">Name</th><th scope=\"col\">Email</th><th scope=\"col\">Role</th>"
	        "<th scope=\"col\">State</th></tr></thead><tbody>");
	json_array_foreach(people, i, p)
	{
		long long id = jget_int(p, "id");
		html(b, "<tr id=\"person-%lld\"><td class=\"title\"><a href=\"/users/%lld\">%s</a></td><td>%s</td><td>%s</td><td>",
		     id, id, jget_str(p, "name"), jget_str(p, "email"), jget_str(p, "role"));
		state_badge(b, p);
		buf_lit(b, "</td></tr>");
	}
	buf_lit(b, "</tbody></table>");
	json_decref(people);
	if (admin)
		buf_lit(b, "<section class=\"card\" id=\"workspace-data\" aria-labelledby=\"data-h\"><h2 id=\"data-h\">The "
		           "workspace's data</h2><p class=\"help\">Everything in this workspace as one JSON bundle: every object "
		           "with its history, links, comments, decisions and the audit trail. Imported into a new workspace "
		           "(<code>tandem import json</code>) it comes back exactly; without secrets, everyone gets an invitation "
		           "link there. Back up a running workspace with <code>tandem backup</code> (docs/CLI.md).</p>"
		           "<p class=\"actions\"><a class=\"button secondary\" href=\"/api/v1/export\" download>Download the "
		           "bundle</a> <a class=\"button secondary\" href=\"/api/v1/export?include_secrets=true\" download>With "
		           "secrets (password hashes, tokens, links)</a></p></section>");
	page_end(rq, rs);
}

void page_users(request *rq, response *rs) { list_page(rq, rs); }

static const char *done_text(const char *done)
{
	return str_eq(done, "user-role")            ? "Role changed."
	       : str_eq(done, "user-deactivate")    ? "Deactivated: their sessions ended and their API tokens were revoked."
	       : str_eq(done, "user-reactivate")    ? "Reactivated: they can sign in again."
	       : str_eq(done, "user-invite-revoke") ? "Invitation link revoked."
	       : str_eq(done, "user-notify")        ? "Mail preference saved."
	                                            : NULL;
}

/* The admin's forms on a person's profile: the role; a new link (or revoking the pending one); access. */
static void manage_section(request *rq, buf *b, json_t *p)
{
	bool active = json_is_true(json_object_get(p, "active"));
	bool pending = json_is_object(json_object_get(p, "invitation"));
	buf_lit(b, "<section class=\"card manage\" id=\"manage\" aria-labelledby=\"manage-h\"><h2 id=\"manage-h\">Manage</h2>");
	action_form(rq, b, &user_role_action, p, &(struct form_opts){.cls = "inline"});
	if (active) {
		html(b, "<h3>Password</h3><p class=\"help\">%s</p><div class=\"button-row\">",
		     pending ? "A link is waiting to be used. A new one, shown to you once, replaces it; revoking it leaves "
		               "them without one."
		             : "A link, shown to you once, with which they choose a new password (7 days, one use). Their "
		               "current password works until the link is used.");
		action_form(rq, b, &user_invite_action, p,
		            &(struct form_opts){.cls = "row-action", .button_cls = "secondary",
		                                .button = pending ? "New invitation link" : "Reset password"});
		if (pending)
			action_form(rq, b, &user_invite_revoke_action, p,
			            &(struct form_opts){.cls = "row-action", .button_cls = "secondary"});
		buf_lit(b, "</div><h3>Access</h3><p class=\"help\">Deactivating ends their sessions and revokes their API tokens "
		           "at once; they can no longer sign in. What they own stays theirs.</p>");
		action_form(rq, b, &user_deactivate_action, p, &(struct form_opts){.cls = "row-action", .button_cls = "danger"});
	} else {
		buf_lit(b, "<h3>Access</h3><p class=\"help\">Reactivated, they sign in with their password again (API tokens "
		           "revoked when they were deactivated stay revoked).</p>");
		action_form(rq, b, &user_reactivate_action, p, &(struct form_opts){.cls = "row-action"});
	}
	buf_lit(b, "</section>");
}

static void profile_page(request *rq, response *rs, long long id)
{
	json_t *p = people_get(rq->db, id);
	if (!p)
		return page_error(rq, rs, 404, "no such person");
	page_begin(rq, rs, jget_str(p, "name"), "people");
	buf *b = &rs->body;
	const char *done = done_text(rq_query(rq, "done"));
	html(b, "<p class=\"crumbs\"><a href=\"/users\">People</a></p><h1>%s</h1>", jget_str(p, "name"));
	if (done)
		html(b, "<div class=\"notice\" role=\"status\" id=\"done\">%s</div>", done);
	html(b, "<dl class=\"fields\"><div><dt>Email</dt><dd id=\"v-email\">%s</dd></div><div><dt>Role</dt>"
	        "<dd id=\"v-role\">%s</dd></div><div><dt>State</dt><dd id=\"v-state\">",
	     jget_str(p, "email"), jget_str(p, "role"));
	state_badge(b, p);
	buf_lit(b, "</dd></div><div><dt>Added</dt><dd>");
	show_time(b, jget_str(p, "created_at"));
	buf_lit(b, "</dd></div></dl>");
	buf_lit(b, "<section class=\"card\" id=\"owned\"><h2>What they own</h2>");
	owned_list(rq, b, id, "Nothing names them as its owner.");
	buf_lit(b, "</section>");
	if (id == rq->user_id || rq->user_rank >= RANK_ADMIN) {
		buf_lit(b, "<section class=\"card\" id=\"mail\" aria-labelledby=\"mail-h\"><h2 id=\"mail-h\">Mail</h2>"
		           "<p class=\"help\">What the inbox holds, by mail: one digest a day grouped by why you hear of it, "
		           "each mention at once instead, or nothing (the inbox keeps everything either way).</p>");
		action_form(rq, b, &user_notify_action, p, &(struct form_opts){.cls = "inline"});
		buf_lit(b, "</section>");
	}
	if (rq->user_rank >= RANK_ADMIN)
		manage_section(rq, b, p);
	json_t *hist = audit_history(rq->db, "users", id, 50), *h;
	size_t i;
	if (json_array_size(hist)) {
		buf_lit(b, "<section class=\"history\"><h2>History</h2><ol class=\"timeline\">");
		json_array_foreach(hist, i, h)
		{
			const char *who = jget_str(h, "user");
			json_t *ch = json_object_get(h, "changes");
			buf_lit(b, "<li>");
			show_time(b, jget_str(h, "at"));
			html(b, " <strong>%s</strong> %s", who ? who : "Tandem", jget_str(h, "action"));
			if (jget_str(ch, "from"))
				html(b, ": %s → %s", jget_str(ch, "from"), jget_str(ch, "to"));
			buf_lit(b, "</li>");
		}
		buf_lit(b, "</ol></section>");
	}
	json_decref(hist);
	json_decref(p);
	page_end(rq, rs);
}

void page_user(request *rq, response *rs)
{
	long long id = 0;
	parse_ll(rq->params[0], &id);
	profile_page(rq, rs, id);
}

/* The new link, shown this once (the page is kept out of every cache). */
static void link_page(request *rq, response *rs, long long user_id, json_t *link, const char *title)
{
	json_t *p = people_get(rq->db, user_id);
	rs->status = 201;
	page_begin(rq, rs, title, "people");
	rs_header_set(rs, "Cache-Control", "no-store");
	buf *b = &rs->body;
	const char *url = jget_str(link, "url") ? jget_str(link, "url") : jget_str(link, "path");
	html(b,
	     "<h1>%s</h1><div class=\"notice\" role=\"status\">Copy this link now and send it to %s (%s): Tandem keeps only "
	     "a hash of it and cannot show it again.</div><section class=\"card\" id=\"invitation-link\"><p><label "
	     "for=\"invite-url\">Invitation link</label><input id=\"invite-url\" readonly value=\"%s\"></p>"
	     "<p><button type=\"button\" class=\"secondary\" data-copy=\"invite-url\" hidden>Copy the link</button></p>"
	     "<p class=\"muted\">It works once, until ",
	     title, p ? jget_str(p, "name") : "them", p ? jget_str(p, "email") : "", url);
	show_time(b, jget_str(link, "expires_at"));
	html(b, ". Opening it needs no sign-in: whoever has it chooses the password.</p></section>"
	        "<p><a href=\"/users/%lld\">Back to their profile</a> · <a href=\"/users\">People</a></p>"
	        "<script src=\"/static/copy.js\" defer></script>",
	     user_id);
	json_decref(p);
	page_end(rq, rs);
}

static void add_failed(request *rq, response *rs, const struct outcome *o)
{
	(void)o;
	list_page(rq, rs);
}

static void added(request *rq, response *rs, const struct outcome *o)
{
	json_t *link = json_object_get(o->x.out, "invitation_link");
	if (!json_is_object(link))
		return reply_redirect(rs, rq, arena_printf(rq->a, "/users/%lld", o->x.id));
	link_page(rq, rs, o->x.id, link, "Person added");
}

static void invited(request *rq, response *rs, const struct outcome *o)
{
	link_page(rq, rs, o->x.id, o->x.out,
	          str_eq(jget_str(o->x.out, "purpose"), "reset") ? "Password reset link" : "New invitation link");
}

/* A refused verb: the profile again with the message in its form (a missing person: the 404 page). */
static void verb_failed(request *rq, response *rs, const struct outcome *o)
{
	int status = o->err.status;
	profile_page(rq, rs, o->id);
	rs->status = status;
}

static void revoked(request *rq, response *rs, const struct outcome *o)
{
	reply_redirect(rs, rq, arena_printf(rq->a, "/users/%lld?done=user-invite-revoke", o->x.id));
}

const struct action_page user_add_page = {&user_add_action, add_failed, added},
                         user_role_page = {&user_role_action, verb_failed, NULL},
                         user_notify_page = {&user_notify_action, verb_failed, NULL},
                         user_deactivate_page = {&user_deactivate_action, verb_failed, NULL},
                         user_reactivate_page = {&user_reactivate_action, verb_failed, NULL},
                         user_invite_page = {&user_invite_action, verb_failed, invited},
                         user_invite_revoke_page = {&user_invite_revoke_action, verb_failed, revoked};
