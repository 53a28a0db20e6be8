/* route.h — the one route table: method, pattern, handler, and the flags the dispatcher enforces. */
#ifndef TANDEM_ROUTE_H
#define TANDEM_ROUTE_H
#include "platform/http.h"

#define SESSION_COOKIE "tandem_session"
#define LOGIN_COOKIE "tandem_login" /* the sign-in form's CSRF token */

enum route_flag {
	R_API = 1 << 0,        /* JSON errors; 401 when anonymous */
	R_PAGE = 1 << 1,       /* HTML errors; anonymous users are sent to /login */
	R_PUBLIC = 1 << 2,     /* no sign-in needed */
	R_CSRF = 1 << 3,       /* a browser (cookie) request must carry the session's CSRF token */
	R_JSON = 1 << 4,       /* body is application/json, parsed into rq->json */
	R_FORM = 1 << 5,       /* body is a urlencoded or multipart form, parsed into rq->form */
	R_KIND_WRITE = 1 << 6, /* also needs the entity kind's write rank ({kind} parameter) */
	R_OWN_TX = 1 << 7,     /* the handler runs its own transactions (e.g. counts failed sign-ins) */
	R_CSV = 1 << 8,        /* answers text/csv (documented as such in OpenAPI) */
	R_ETAG = 1 << 9,       /* hash the answer into an ETag; answer 304 to a matching If-None-Match */
	R_CSV_BODY = 1 << 10,  /* body is text/csv, left raw in rq->body or rq->body_file (a larger limit:
	                        * dispatch_body_limit; spooled past dispatch_spool_for) */
	R_JSON_RAW = 1 << 11,  /* body is application/json left raw like R_CSV_BODY's (a document read as a stream) */
};

typedef void (*route_fn)(request *rq, response *rs);

struct action;

struct route {
	enum http_method method;
	const char *pattern; /* segments; {kind} = an entity kind, {id} = a positive integer, {x} = any */
	route_fn fn;
	unsigned flags;
	int rank;            /* least role rank (users.h enum rank) */
	const char *summary; /* one line, for OpenAPI and docs */
	const struct action *action; /* an action's route: the dispatcher runs it, fn answers for its face */
};

/* Everything Tandem answers: the actions' routes (each action's API path and page path, derived from the action
 * table at start-up by routes_init) and then the lines of routes.c. */
extern const struct route *routes;
extern int routes_count;
void routes_init(void);
void routes_shutdown(void);

/* The dispatcher's headers stage (http_config.on_headers): route, sign-in and role checked before a body is
 * read; false with the refusal in rs. */
bool dispatch_headers(request *rq, response *rs);
/* The dispatcher: the handler of every request once its body is in (it runs the headers stage first when that
 * has not run, as for requests without a body). */
void dispatch(request *rq, response *rs);
/* Body limit for a request: 1 MiB, more for the CSV import routes. */
size_t dispatch_body_limit(const char *method, const char *path);
/* Past how many bytes a route's body is spooled to a temp file (the API's insight import), else 0. */
size_t dispatch_spool_for(const char *method, const char *path);
/* Start-up and shutdown of per-thread database connections. */
void dispatch_init(const char *db_path);
/* The page face of errors before a handler runs (page_error), given at start-up by the composition root. */
void dispatch_faces(void (*page_error)(request *rq, response *rs, int status, const char *message));
void dispatch_shutdown(void);
/* Match a path against a pattern; fills params. Exposed for tests and OpenAPI. */
int route_match(const char *pattern, const char *path, arena *a, const char **params);
#endif
