/* page_login.c — the sign-in page, signing in from its form, and signing out. */
#include <string.h>
#include "app/reply.h"
#include "app/signin.h"
#include "web.h"

/* Only a path on this server is followed after sign-in (no open redirects): it starts with exactly one '/' and
 * holds printable ASCII only — no whitespace or control character (browsers drop a tab, so "/\t/evil.example"
 * becomes "//evil.example"), no backslash (read as a slash). Anything else goes to the dashboard. */
static const char *safe_next(const char *next)
{
	if (!next || next[0] != '/' || next[1] == '/')
		return "/";
	for (const unsigned char *p = (const unsigned char *)next; *p; p++)
		if (*p <= ' ' || *p >= 0x7f || *p == '\\')
			return "/";
	return next;
}

static void login_page(request *rq, response *rs, const char *email, const char *error)
{
	page_begin(rq, rs, "Sign in", NULL);
	buf *b = &rs->body;
	buf_lit(b, "<section class=\"signin\"><h1>Sign in to Tandem</h1>");
	if (error)
		html(b, "<p class=\"error\" role=\"alert\" id=\"signin-error\">%s</p>", error);
	html(b,
	     "<form method=\"post\" action=\"/login\"><input type=\"hidden\" name=\"_csrf\" value=\"%s\">"
	     "<input type=\"hidden\" name=\"next\" value=\"%s\">"
	     "<label for=\"email\">Email</label><input id=\"email\" name=\"email\" type=\"email\" autocomplete=\"username\" "
	     "required value=\"%s\">"
	     "<label for=\"password\">Password</label><input id=\"password\" name=\"password\" type=\"password\" "
	     "autocomplete=\"current-password\" required>"
	     "<button type=\"submit\">Sign in</button></form></section>",
	     signin_form_token(rq, rs, "/login"), safe_next(rq_form(rq, "next") ? rq_form(rq, "next") : rq_query(rq, "next")),
	     email ? email : "");
	page_end(rq, rs);
}

void page_login_form(request *rq, response *rs)
{
	if (rq->user_id)
		return reply_redirect(rs, rq, safe_next(rq_query(rq, "next")));
	login_page(rq, rs, NULL, NULL);
}

void page_login_submit(request *rq, response *rs)
{
	struct err e = {0};
	const char *email = rq_form(rq, "email"), *pw = rq_form(rq, "password");
	if (!signin_form_token_ok(rq)) { /* a form not served by us to this browser: a cross-site sign-in */
		rs->status = 403;
		return login_page(rq, rs, email, "This sign-in form has expired. Please sign in again.");
	}
	if (signin(rq, rs, email ? email : "", pw ? pw : "", &e) < 0) {
		rs->status = e.status;
		return login_page(rq, rs, email, e.message);
	}
	reply_redirect(rs, rq, safe_next(rq_form(rq, "next")));
}

void page_logout(request *rq, response *rs)
{
	signout(rq, rs);
	reply_redirect(rs, rq, "/login");
}
