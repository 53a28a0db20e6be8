/* page_invite.c — an invitation link's page for a person not signed in: choose a password and be signed in; a used,
 * expired, revoked or unknown link gets a page that says so and changes nothing. */
#include <string.h>
#include "app/reply.h"
#include "app/signin.h"
#include "fields.h"
#include "model/invitations.h"
#include "model/users.h"
#include "web.h"

/* Headers of every invitation page: the secret in the address goes to no other site and into no cache. */
static void private_headers(response *rs)
{
	rs_header_set(rs, "Cache-Control", "no-store");
	rs_header(rs, "Referrer-Policy", "no-referrer");
}

static void refused_page(request *rq, response *rs, enum invitation_state st)
{
	rs->status = st == INVITE_UNKNOWN ? 404 : 410;
	page_begin(rq, rs, "Invitation link not valid", NULL);
	private_headers(rs);
	html(&rs->body,
	     "<section class=\"signin\" id=\"invite-refused\"><h1>%s</h1><p class=\"error\" role=\"alert\">%s</p>"
	     "<p>Nothing was changed. <a href=\"/login\">Sign in</a> if you have a password.</p></section>",
	     st == INVITE_USED      ? "This link was used already"
	     : st == INVITE_EXPIRED ? "This link has expired"
	     : st == INVITE_REVOKED ? "This link is no longer valid"
	                            : "No such invitation",
	     invitation_refusal(st));
	page_end(rq, rs);
}

static void form_page(request *rq, response *rs, const struct invitation *inv, const char *error, const char *field)
{
	bool reset = str_eq(inv->purpose, "reset");
	page_begin(rq, rs, reset ? "Choose a new password" : "Welcome to Tandem", NULL);
	private_headers(rs);
	buf *b = &rs->body;
	html(b, "<section class=\"signin\" id=\"invite\"><h1>%s</h1>", reset ? "Choose a new password" : "Welcome to Tandem");
	html(b, "<p>%s <strong>%s</strong> (%s). The link works once, until ", reset ? "A new password for" : "You are invited as",
	     inv->name, inv->email);
	show_time(b, inv->expires_at);
	buf_lit(b, ".</p>");
	if (error)
		html(b, "<p class=\"error\" role=\"alert\" id=\"invite-error\">%s</p>", error);
	bool bad1 = str_eq(field, "password"), bad2 = str_eq(field, "password_confirm");
	html(b,
	     "<form method=\"post\" action=\"%s\"><input type=\"hidden\" name=\"_csrf\" value=\"%s\">"
	     "<label for=\"invite-email\">Email</label><input id=\"invite-email\" type=\"email\" readonly "
	     "autocomplete=\"username\" value=\"%s\">"
	     "<label for=\"password\">New password</label><input id=\"password\" name=\"password\" type=\"password\" "
	     "autocomplete=\"new-password\" required minlength=\"%d\" aria-describedby=\"password-help\"%s>"
	     "<p class=\"help\" id=\"password-help\">At least %d characters.</p>"
	     "<label for=\"password_confirm\">The same password again</label><input id=\"password_confirm\" "
	     "name=\"password_confirm\" type=\"password\" autocomplete=\"new-password\" required%s>"
	     "<button type=\"submit\">Set password and sign in</button></form></section>",
	     rq->path, signin_form_token(rq, rs, "/invite"), inv->email, PASSWORD_MIN,
	     bad1 ? " aria-invalid=\"true\"" : "", PASSWORD_MIN, bad2 ? " aria-invalid=\"true\"" : "");
	page_end(rq, rs);
}

void page_invite_form(request *rq, response *rs)
{
	struct invitation inv;
	enum invitation_state st = invitation_check(rq->db, rq->a, rq->params[0], &inv);
	if (st != INVITE_OK)
		return refused_page(rq, rs, st);
	form_page(rq, rs, &inv, NULL, NULL);
}

void page_invite_submit(request *rq, response *rs)
{
	struct invitation inv;
	enum invitation_state st = invitation_check(rq->db, rq->a, rq->params[0], &inv);
	if (st != INVITE_OK)
		return refused_page(rq, rs, st);
	if (!signin_form_token_ok(rq)) { /* a form not served by us to this browser */
		rs->status = 403;
		return form_page(rq, rs, &inv, "This form has expired. Please enter your password again.", NULL);
	}
	const char *pw = rq_form(rq, "password"), *again = rq_form(rq, "password_confirm");
	struct err e = {0};
	if (!str_empty(pw) && !str_eq(pw, again ? again : "")) {
		rs->status = 400;
		return form_page(rq, rs, &inv, "The two passwords differ: type the same one twice.", "password_confirm");
	}
	long long id = invitation_accept(rq->db, rq->a, rq->params[0], pw, &e);
	struct user u;
	if (id < 0 || !users_get(rq->db, rq->a, id, &u) || signin_session(rq, rs, &u, &e) < 0) {
		rs->status = e.status ? e.status : 500;
		if (e.status == 400)
			return form_page(rq, rs, &inv, e.message, e.field);
		return page_error(rq, rs, rs->status, e.message[0] ? e.message : "the password could not be saved");
	}
	reply_redirect(rs, rq, "/?welcome=1");
}
