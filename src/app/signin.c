/* signin.c — password sign-in with a slow-down per address and per account, session cookies, sign-out. */
#include "signin.h"
#include <stdio.h>
#include <string.h>
#include <sodium.h>
#include "model/users.h"
#include "route.h"

const char *cookie_secure(request *rq)
{
	const char *proto = rq_header(rq, "X-Forwarded-Proto");
	return proto && !strcmp(proto, "https") ? "; Secure" : "";
}

const char *signin_form_token(request *rq, response *rs, const char *path)
{
	const char *have = rq_cookie(rq, LOGIN_COOKIE);
	if (have && strlen(have) >= 40 && strlen(have) <= 64 && strspn(have, "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"
	                                                                      "0123456789-_") == strlen(have))
		return have; /* another tab's form stays valid */
	const char *token = random_secret(rq->a, "");
	rs_header(rs, "Set-Cookie",
	          arena_printf(rq->a, "%s=%s; Path=%s; HttpOnly; SameSite=Strict; Max-Age=86400%s", LOGIN_COOKIE, token,
	                       path, cookie_secure(rq)));
	return token;
}

bool signin_form_token_ok(request *rq)
{
	const char *have = rq_cookie(rq, LOGIN_COOKIE), *sent = rq_form(rq, "_csrf");
	return have && sent && *have && strlen(have) == strlen(sent) && sodium_memcmp(have, sent, strlen(have)) == 0;
}

int signin(request *rq, response *rs, const char *email, const char *password, struct err *e)
{
	long wait = login_wait(rq->db, rq->ip, email);
	if (wait > 0) {
		rs_header(rs, "Retry-After", arena_printf(rq->a, "%ld", wait));
		return err_set(e, 429, "too_many_requests", NULL,
		               "too many failed sign-ins from your address or for this account; wait %ld seconds", wait);
	}
	struct user u;
	if (!users_authenticate(rq->db, rq->a, email, password, &u)) {
		login_failed(rq->db, rq->ip, email);
		/* the same message whether the email or the password was wrong */
		return err_set(e, 401, "unauthorized", NULL, "wrong email or password");
	}
	login_succeeded(rq->db, email);
	return signin_session(rq, rs, &u, e);
}

int signin_session(request *rq, response *rs, const struct user *uu, struct err *e)
{
	struct user u = *uu;
	const char *cookie, *csrf;
	if (session_create(rq->db, rq->a, u.id, &cookie, &csrf) < 0)
		return err_internal(e);
	rs_header(rs, "Set-Cookie",
	          arena_printf(rq->a, "%s=%s; Path=/; HttpOnly; SameSite=Lax; Max-Age=1209600%s", SESSION_COOKIE, cookie,
	                       cookie_secure(rq)));
	rq->user_id = u.id;
	rq->user_email = u.email;
	rq->user_name = u.name;
	rq->user_role = u.role;
	rq->user_rank = u.rank;
	rq->csrf = csrf;
	return 0;
}

void signout(request *rq, response *rs)
{
	session_delete(rq->db, rq_cookie(rq, SESSION_COOKIE));
	rs_header(rs, "Set-Cookie", SESSION_COOKIE "=; Path=/; HttpOnly; SameSite=Lax; Max-Age=0");
}
