/* dispatch.c — route lookup, sign-in and role checks from the headers, then body parsing, CSRF, one transaction a request. */
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <time.h>
#include "domain/ics.h"
#include "model/entity.h"
#include "model/setting.h"
#include "model/users.h"
#include "platform/db.h"
#include "platform/log.h"
#include "access.h"
#include "answer_key.h"
#include "render_cache.h"
#include "outcome.h"
#include "reply.h"
#include "route.h"

enum { BODY_LIMIT = 1 << 20, QUERY_ARGS_MAX = 200 /* arguments of one query string (plan: must and exclude repeat) */ };
#define IMPORT_API_LIMIT ((size_t)256 << 20)
#define IMPORT_SPOOL_OVER ((size_t)4 << 20) /* the API import's body past this goes to a temp file */
#define IMPORT_PAGE_LIMIT ((size_t)32 << 20)

static const char *db_path;      /* set once at start-up */
/* The page that answers an error for a browser (the web face's, set by the composition root). */
static void (*page_error_face)(request *rq, response *rs, int status, const char *message);

void dispatch_faces(void (*page_error)(request *rq, response *rs, int status, const char *message))
{
	page_error_face = page_error;
}
static pthread_key_t db_key;     /* each worker thread's connection */

static void close_thread_db(void *p) { db_close(p); }

void dispatch_init(const char *path)
{
	db_path = path;
	pthread_key_create(&db_key, close_thread_db);
}

void dispatch_shutdown(void)
{
	db *d = pthread_getspecific(db_key);
	if (d) {
		db_close(d);
		pthread_setspecific(db_key, NULL);
	}
}

static db *thread_db(void)
{
	db *d = pthread_getspecific(db_key);
	if (!d) {
		const char *err = NULL;
		d = db_open(db_path, DB_OPEN_EXISTING, &err);
		if (!d) {
			log_error("db: %s: %s", db_path, err);
			return NULL;
		}
		pthread_setspecific(db_key, d);
	}
	return d;
}

/* Bodies are read whole into memory, so every limit is a bound on a request's memory — except the API's
 * insight import and bundle import, whose bodies go to a temp file past 4 MiB (dispatch_spool_for). The insight import
 * takes CSV files: 256 MiB through the API; in the browser 32 MiB for the upload, and the second step
 * carries that file again as base64 (4/3 of it) with the chosen mapping. */
static const struct {
	const char *path;
	size_t limit;
} body_limits[] = {
	{"/api/v1/insights/import", IMPORT_API_LIMIT},
	{"/api/v1/import", IMPORT_API_LIMIT},
	{"/insights/import/preview", IMPORT_PAGE_LIMIT},
	{"/insights/import", IMPORT_PAGE_LIMIT / 3 * 4 + (1 << 20)},
};

size_t dispatch_body_limit(const char *method, const char *path)
{
	if (method && !strcmp(method, "POST") && path)
		for (size_t i = 0; i < COUNT(body_limits); i++)
			if (!strcmp(path, body_limits[i].path))
				return body_limits[i].limit;
	return BODY_LIMIT;
}

size_t dispatch_spool_for(const char *method, const char *path)
{
	return method && !strcmp(method, "POST") && path &&
	               (!strcmp(path, "/api/v1/insights/import") || !strcmp(path, "/api/v1/import"))
	           ? IMPORT_SPOOL_OVER
	           : 0;
}

int route_match(const char *pattern, const char *path, arena *a, const char **params)
{
	int np = 0;
	const char *p = pattern, *s = path;
	while (*p && *s) {
		if (*p != '/' || *s != '/')
			return 0;
		p++, s++;
		size_t pl = strcspn(p, "/"), sl = strcspn(s, "/");
		if (*p == '{') {
			/* a parameter may carry a literal suffix: {kind}.csv */
			const char *close = memchr(p, '}', pl);
			size_t suffix = close ? pl - (size_t)(close + 1 - p) : 0;
			if (sl <= suffix || np >= HTTP_MAX_PARAMS || strncmp(s + sl - suffix, close + 1, suffix) != 0)
				return 0;
			char *val = arena_strndup(a, s, sl - suffix);
			if (!strncmp(p, "{id}", 4) || !strncmp(p, "{mid}", 5)) {
				long long id;
				if (!parse_ll(val, &id) || id <= 0 || val[0] == '+' || val[0] == '0')
					return 0;
			} else if (!strncmp(p, "{kind}", 6) && !entity_find(val)) {
				return 0;
			} else if (!strncmp(p, "{setting}", 9) && !setting_find(val)) {
				return 0;
			}
			params[np++] = val;
		} else if (pl != sl || strncmp(p, s, pl) != 0) {
			return 0;
		}
		p += pl, s += sl;
	}
	return *p == 0 && *s == 0;
}

static bool wants_json(request *rq)
{
	return strncmp(rq->path, "/api/", 5) == 0;
}

/* Errors before a handler runs: JSON for the API (field: the one at fault, or NULL), a small page otherwise. */
static void early_error(request *rq, response *rs, int status, const char *code, const char *field, const char *msg)
{
	if (wants_json(rq))
		reply_error(rs, status, code, field, msg);
	else
		page_error_face(rq, rs, status, msg);
}

static void too_large(request *rq, response *rs)
{
	char msg[120];
	snprintf(msg, sizeof msg, "request body is over the limit of %zu bytes (%zu MiB)", rq->body_limit,
	         rq->body_limit >> 20);
	early_error(rq, rs, 413, "too_large", NULL, msg);
}

/* A NUL byte in a value (rq->nul_field names it) would cut it short wherever it is used as a string. */
static void nul_refused(request *rq, response *rs)
{
	const char *msg = arena_printf(rq->a, "%s must not contain a NUL byte (%%00)", rq->nul_field);
	early_error(rq, rs, 400, "invalid", rq->nul_field, msg);
}

static bool content_type_is(request *rq, const char *want)
{
	const char *ct = rq_header(rq, "Content-Type");
	return ct && strncasecmp(ct, want, strlen(want)) == 0;
}

static void authenticate(request *rq)
{
	struct user u;
	const char *auth = rq_header(rq, "Authorization");
	if (auth && strncasecmp(auth, "Bearer ", 7) == 0) {
		if (token_lookup(rq->db, rq->a, auth + 7, &u)) {
			rq->bearer = true;
			goto found;
		}
		return;
	}
	const char *csrf = NULL;
	if (session_lookup(rq->db, rq->a, rq_cookie(rq, SESSION_COOKIE), &u, &csrf)) {
		rq->csrf = csrf;
		goto found;
	}
	return;
found:
	rq->user_id = u.id;
	rq->user_email = u.email;
	rq->user_name = u.name;
	rq->user_role = u.role;
	rq->user_rank = u.rank;
}

/* Parse the body as the route asks; false after replying with the error. */
static bool read_body(request *rq, response *rs, const struct route *r)
{
	if (rq->too_large) {
		too_large(rq, rs);
		return false;
	}
	if ((r->flags & R_JSON_RAW) && !content_type_is(rq, "application/json")) {
		early_error(rq, rs, 415, "unsupported_media_type", NULL, "the body must be application/json");
		return false;
	}
	if (r->flags & R_CSV_BODY) {
		if (!content_type_is(rq, "text/csv")) {
			early_error(rq, rs, 415, "unsupported_media_type", NULL, "the body must be text/csv (a CSV file, UTF-8)");
			return false;
		}
	}
	if ((r->flags & R_JSON) && (rq->body.len > 0 || rq->method != HTTP_DELETE)) {
		if (!content_type_is(rq, "application/json")) {
			reply_error(rs, 415, "unsupported_media_type", NULL, "the body must be application/json");
			return false;
		}
		json_error_t je;
		rq->json = json_loadb(rq->body.p ? rq->body.p : "", rq->body.len, JSON_REJECT_DUPLICATES, &je);
		if (!rq->json) {
			char msg[300];
			snprintf(msg, sizeof msg, "malformed JSON at line %d, column %d: %s", je.line, je.column, je.text);
			reply_error(rs, 400, "invalid", NULL, msg);
			return false;
		}
	}
	if (r->flags & R_FORM) {
		if (!content_type_is(rq, "application/x-www-form-urlencoded") && !content_type_is(rq, "multipart/form-data")) {
			early_error(rq, rs, 415, "unsupported_media_type", NULL, "the body must be a form");
			return false;
		}
		if (rq_parse_form(rq) < 0) {
			early_error(rq, rs, 400, "invalid", NULL, "the form could not be read");
			return false;
		}
		if (rq->nul_field) {
			nul_refused(rq, rs);
			return false;
		}
	}
	return true;
}

static bool csrf_ok(request *rq)
{
	if (rq->bearer)
		return true;
	const char *sent = rq_header(rq, "X-CSRF-Token");
	if (!sent)
		sent = rq_form(rq, "_csrf");
	return sent && rq->csrf && strlen(sent) == strlen(rq->csrf) && strcmp(sent, rq->csrf) == 0;
}

static const struct route *find_route(request *rq, bool *path_known)
{
	enum http_method m = rq->method == HTTP_HEAD ? HTTP_GET : rq->method;
	*path_known = false;
	for (int i = 0; i < routes_count; i++) {
		const char *params[HTTP_MAX_PARAMS] = {0};
		if (!route_match(routes[i].pattern, rq->path, rq->a, params))
			continue;
		*path_known = true;
		if (routes[i].method == m) {
			memcpy(rq->params, params, sizeof params);
			return &routes[i];
		}
	}
	return NULL;
}

/* A form's fields as an action's JSON input: typed by the action's fields, with the form's version. */
static json_t *form_input(request *rq, const struct action *a, struct err *err)
{
	json_t *in = fields_from_form(a->fields, a->nfields, rq->form, err);
	long long v;
	const char *vs = rq_form(rq, "version");
	if (in && vs && parse_ll(vs, &v))
		json_object_set_new(in, "version", json_integer(v));
	return in;
}

/* An action's route: the run (model/action.c: object, input, version, run, audit) inside the request's
 * transaction, then the route's face answers from the outcome. */
static void run_action(request *rq, response *rs, const struct route *r)
{
	const struct action *a = r->action;
	struct outcome o = {.action = a};
	long long sub = 0;
	if (strstr(r->pattern, "{id}"))
		parse_ll(rq->params[0], &o.id);
	if (strstr(r->pattern, "{mid}"))
		parse_ll(rq->params[1], &sub);
	json_t *in = (r->flags & R_FORM) ? form_input(rq, a, &o.err) : json_incref(rq->json);
	const char *host = rq_header(rq, "Host"), *proto = rq_header(rq, "X-Forwarded-Proto");
	const char *origin = ics_host_sane(host) ? arena_printf(rq->a, "%s://%s", str_eq(proto, "https") ? "https" : "http",
	                                                        host)
	                                         : NULL;
	o.rc = in || (a->flags & A_NO_BODY) ? action_invoke(rq->db, rq->a, a, rq->user_id, rq->user_rank, o.id, sub, in,
	                                                    rq_version(rq, in), origin, &o.x, &o.err)
	                                    : -1;
	rq->outcome = &o;
	r->fn(rq, rs);
	rq->outcome = NULL;
	if (o.rc == 0)
		act_free(&o.x);
	json_decref(in);
}

/* The path as the access log shows it: a share link's secret (/share/roadmap/SECRET) and an invitation's are left out, so the log
 * never hands out read access; a very long path is cut. */
static const char *logged_path(request *rq)
{
	const char *p = rq->path;
	if (strlen(p) > 512) /* a 414's path, say: the log keeps its start */
		return arena_printf(rq->a, "%.512s…", p);
	if (!strncmp(p, "/invite/", 8)) /* an invitation's secret signs its holder in */
		return "/invite/…";
	if (strncmp(p, "/share/", 7))
		return p;
	const char *slash = strchr(p + 7, '/');
	return slash ? arena_printf(rq->a, "%.*s/…", (int)(slash - p), p) : p;
}

/* What every answer gets on its way out: API answers are private (Cache-Control: no-store, unless the handler set
 * its own, as reply_file does), and the access log line (µs since the headers were in). */
static void finish(request *rq, response *rs)
{
	if (wants_json(rq)) {
		bool has = false;
		for (int i = 0; i < rs->nheaders; i++)
			has = has || !strcasecmp(rs->headers[i].name, "Cache-Control");
		if (!has)
			rs_header(rs, "Cache-Control", "no-store");
	}
	struct timespec t1;
	clock_gettime(CLOCK_MONOTONIC, &t1);
	long us = (t1.tv_sec - rq->started.tv_sec) * 1000000L + (t1.tv_nsec - rq->started.tv_nsec) / 1000;
	log_info("%s %s %s %d %ldus", rq->id, http_method_name(rq->method), logged_path(rq), rs->status, us);
}

/* Everything the headers alone decide: http.c's findings (414, 431, 413, a NUL), the route (404, 405), this
 * thread's database, who is asking (401, or the sign-in page) and whether their role may (403). True when the
 * request may go on to its body; false with the answer in rs. The route, db and principal stay on rq. */
static bool check_headers(request *rq, response *rs)
{
	rq->checked = true;
	if (rq->refused == 414) {
		early_error(rq, rs, 414, "uri_too_long", NULL,
		            arena_printf(rq->a, "the request's address is over the limit of %d bytes", HTTP_MAX_URI));
		return false;
	}
	if (rq->refused == 431) {
		early_error(rq, rs, 431, "headers_too_large", NULL,
		            arena_printf(rq->a, "the request's headers are over the limit of %d bytes", HTTP_MAX_HEADER_BYTES));
		return false;
	}
	if (rq->refused == 413) {
		too_large(rq, rs);
		return false;
	}
	if (rq->nul_field) {
		nul_refused(rq, rs);
		return false;
	}
	int nargs = 0;
	for (struct kv *k = rq_query_all(rq); k; k = k->next)
		if (++nargs > QUERY_ARGS_MAX) { /* no page or list reads this many; a query this long is refused, not cut */
			early_error(rq, rs, 400, "invalid", k->key,
			            arena_printf(rq->a, "the query has more than %d arguments", QUERY_ARGS_MAX));
			return false;
		}
	bool known;
	const struct route *r = find_route(rq, &known);
	if (!r) {
		if (known)
			early_error(rq, rs, 405, "method_not_allowed", NULL, "that method is not allowed here");
		else
			early_error(rq, rs, 404, "not_found", NULL, "no such page or resource");
		return false;
	}
	rq->route = r;
	rq->db = thread_db();
	if (!rq->db) {
		early_error(rq, rs, 500, "internal", NULL, "the database is not available; see the server log");
		return false;
	}
	if (!(r->flags & R_PUBLIC) || rq_cookie(rq, SESSION_COOKIE) || rq_header(rq, "Authorization"))
		authenticate(rq);
	if (!(r->flags & R_PUBLIC) && !rq->user_id) {
		if (r->flags & R_PAGE) {
			buf loc;
			buf_init(&loc);
			buf_lit(&loc, "/login?next=");
			buf_url(&loc, rq->path);
			reply_redirect(rs, rq, buf_str(&loc));
			buf_free(&loc);
		} else {
			reply_error(rs, 401, "unauthorized", NULL, "sign in or send a bearer token");
		}
		return false;
	}
	if (rq->user_id && !access_allowed(rq, r)) {
		early_error(rq, rs, 403, "forbidden", NULL, "your role may not do this");
		return false;
	}
	return true;
}

bool dispatch_headers(request *rq, response *rs)
{
	if (check_headers(rq, rs))
		return true;
	finish(rq, rs);
	return false;
}

void dispatch(request *rq, response *rs)
{
	if (!rq->checked && !check_headers(rq, rs))
		goto done;
	const struct route *r = rq->route;
	if (!read_body(rq, rs, r))
		goto done;
	if ((r->flags & R_CSRF) && rq->user_id && !csrf_ok(rq)) {
		early_error(rq, rs, 403, "forbidden", NULL, "missing or wrong CSRF token; reload the page and try again");
		goto done;
	}
	bool write = rq->method != HTTP_GET && rq->method != HTTP_HEAD && !(r->action && (r->action->flags & A_READ));
	if (r->flags & R_OWN_TX) {
		r->fn(rq, rs);
	} else {
		if ((write ? db_begin(rq->db) : db_begin_read(rq->db)) != DB_OK) {
			early_error(rq, rs, 503, "unavailable", NULL, "the database is busy; try again");
			goto done;
		}
		/* a GET whose answer the client has: its key is known before rendering, so a 304 costs one lookup */
		const char *key = !r->action && (r->flags & R_ETAG) && (rq->method == HTTP_GET || rq->method == HTTP_HEAD)
		                      ? answer_key(rq)
		                      : NULL;
		if (r->action)
			run_action(rq, rs, r);
		else if (!answer_key_matches(rq, key) && !render_cache_get(key, rq, rs)) {
			r->fn(rq, rs);
			render_cache_put(key, rs);
		}
		rs->etag_value = key; /* an answer other than 200 gets none (platform/http.c) */
		if (rs->status >= 400) {
			db_rollback(rq->db);
		} else if (db_commit(rq->db) != DB_OK) {
			db_rollback(rq->db);
			early_error(rq, rs, 500, "internal", NULL, "the change could not be saved; see the server log");
		}
	}
	if (r->flags & R_ETAG && rq->method != HTTP_POST)
		rs->etag = rs->status == 200;
done:
	finish(rq, rs);
}
