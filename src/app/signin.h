/* signin.h — signing in and out, shared by the sign-in page and POST /api/v1/session. */
#ifndef TANDEM_SIGNIN_H
#define TANDEM_SIGNIN_H
#include <stdbool.h>
#include "platform/err.h"
#include "platform/http.h"

/* Check the password (slowed down after repeated failures from the address or for the account), create a
 * session and add its Set-Cookie header to rs. Runs its own transactions. On success
 * fills rq's user fields and rq->csrf and returns 0; else -1 with e (401 or 429). */
int signin(request *rq, response *rs, const char *email, const char *password, struct err *e);
/* The CSRF token of a form for people not signed in yet (a double-submit cookie, as there is no session): the
 * browser's token cookie when it has one, else a new one set on rs for path ("/login", "/invite"). */
const char *signin_form_token(request *rq, response *rs, const char *path);
/* Does the submitted form's _csrf match the browser's token cookie? */
bool signin_form_token_ok(request *rq);
struct user;
/* A new session for u (already checked: a password, an invitation): its Set-Cookie on rs, rq's user fields and
 * rq->csrf filled. 0, or -1 with e. */
int signin_session(request *rq, response *rs, const struct user *u, struct err *e);
/* "; Secure" when the request came through HTTPS (X-Forwarded-Proto: https from the proxy), else "". */
const char *cookie_secure(request *rq);
/* End the request's session and clear the cookie. */
void signout(request *rq, response *rs);
#endif
