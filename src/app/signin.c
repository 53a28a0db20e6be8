/* signin.c — password sign-in with per-address slow-down, session cookies, sign-out. */
#include "signin.h"
#include <stdio.h>
#include "model/users.h"
#include "route.h"

int signin(request *rq, response *rs, const char *email, const char *password, struct err *e)
{
	long wait = login_wait(rq->db, rq->ip);
	if (wait > 0) {
		rs_header(rs, "Retry-After", arena_printf(rq->a, "%ld", wait));
		return err_set(e, 429, "too_many_requests", NULL,
		               "too many failed sign-ins from your address; wait %ld seconds", wait);
	}
	struct user u;
	if (!users_authenticate(rq->db, rq->a, email, password, &u)) {
		login_failed(rq->db, rq->ip);
		/* the same message whether the email or the password was wrong */
		return err_set(e, 401, "unauthorized", NULL, "wrong email or password");
	}
	login_succeeded(rq->db, rq->ip);
	const char *cookie, *csrf;
	if (session_create(rq->db, rq->a, u.id, &cookie, &csrf) < 0)
		return err_internal(e);
	rs_header(rs, "Set-Cookie",
	          arena_printf(rq->a, "%s=%s; Path=/; HttpOnly; SameSite=Lax; Max-Age=1209600", SESSION_COOKIE, cookie));
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
