/* http.h — libmicrohttpd glue: a request read whole into its arena, a response built whole. */
#ifndef TANDEM_HTTP_H
#define TANDEM_HTTP_H
#include <jansson.h>
#include <stdbool.h>
#include <stdio.h>
#include <stddef.h>
#include <time.h>
#include "arena.h"
#include "buf.h"

struct MHD_Connection;
struct db;

enum http_method { HTTP_GET, HTTP_HEAD, HTTP_POST, HTTP_PUT, HTTP_PATCH, HTTP_DELETE, HTTP_OTHER, HTTP__MAX };

enum { HTTP_MAX_PARAMS = 4, HTTP_MAX_HEADERS = 12 };

/* Limits checked when a request's headers are in. libmicrohttpd answers a request line or headers that do not
 * fit its memory per connection with its own bare page, so that memory has room for both limits: a request over
 * them gets our answer, with our headers. */
enum {
	HTTP_MAX_URI = 8192,               /* the request target as sent (path and query): over it, 414 */
	HTTP_MAX_HEADER_BYTES = 32768,     /* every header line together: over it, 431 */
	HTTP_CONN_MEMORY = 65536,          /* libmicrohttpd's memory per connection */
	HTTP_DEFAULT_CONNS_PER_IP = 64,    /* connections at once from one client address */
	HTTP_DEFAULT_HEADERS_TIMEOUT = 15, /* seconds for a request's headers, however they trickle in */
};

struct kv {
	const char *key, *value;
	struct kv *next;
	size_t len, cap;               /* form fields: value's length (it may hold NULs) and its room */
};

typedef struct request {
	arena *a;                      /* freed when libmicrohttpd reports completion */
	struct MHD_Connection *conn;
	enum http_method method;
	const char *path;              /* decoded, without the query */
	char ip[64];
	char id[12];                   /* request id for the log */
	buf body;
	FILE *body_file;               /* the body instead, when it was spooled to an anonymous temp file (spool_for) */
	size_t body_size;              /* bytes of body received, wherever they went */
	struct timespec started;       /* when its headers were in (CLOCK_MONOTONIC) */
	int refused;                   /* found before the body: 414 (URI), 431 (headers), 413 (Content-Length over the limit) */
	size_t body_limit;             /* this request's body limit (limit_for) */
	const char *nul_field;         /* the first value holding a NUL byte: "path", a query argument's name, or (after
	                                * rq_parse_form) an ordinary form field's name; NULL when none */
	bool too_large;                /* a body without Content-Length went past the limit (read, not stored) */
	bool answered;                 /* a response was queued before the body was read */
	bool checked;                  /* the headers hook ran: route, db and principal below are set */
	struct kv *form;               /* parsed urlencoded/multipart fields, in order */
	json_t *json;                  /* parsed JSON body when the route wants one */
	const char *params[HTTP_MAX_PARAMS]; /* path parameters, in pattern order */
	/* The authenticated principal, set by the dispatcher. */
	long long user_id;
	const char *user_email, *user_name, *user_role;
	int user_rank;
	bool bearer;                   /* authenticated by a bearer token (no CSRF needed) */
	const char *csrf;              /* the session's CSRF token, for forms */
	const void *route;             /* the matched route (app-defined) */
	const void *outcome;           /* what the dispatcher did for it before the handler (app-defined) */
	struct db *db;                 /* this worker thread's connection */
} request;

typedef struct response {
	int status;
	const char *content_type;
	buf body;
	struct {
		const char *name, *value;
	} headers[HTTP_MAX_HEADERS];
	int nheaders;
	bool etag;                     /* hash the body into an ETag and honour If-None-Match */
	const char *etag_value;        /* the ETag known before the body (quoted; kept by the caller): used instead of
	                                * hashing; with a matching If-None-Match the answer is a 304 whatever the body */
	FILE *file;                    /* when set, the answer is this file from its start, not body (an answer too large
	                                * to hold, written to a temporary file); sent from disk and closed after */
} response;

typedef void (*http_handler)(request *rq, response *rs);

struct http_config {
	const char *listen;            /* address, e.g. "127.0.0.1" */
	int port;
	int threads;
	int max_conns_per_ip;          /* connections at once from one address; 0: HTTP_DEFAULT_CONNS_PER_IP */
	int headers_timeout;           /* seconds a request has for all its headers, from the connection's start or the
	                                * end of its previous request; trickling does not extend it. 0: the default */
	size_t body_limit;             /* default limit for request bodies */
	http_handler handler;          /* called once the body is in */
	/* Called when the headers of a request that announces a body are in, before any of the body is read: false
	 * when it has filled rs with the answer, which is sent at once (the body is never read, the connection then
	 * closes). rq->refused and rq->nul_field tell what http.c found. NULL: such requests are only refused for
	 * rq->refused, with a plain JSON error. Requests without a body go straight to handler (keep-alive stays). */
	bool (*on_headers)(request *rq, response *rs);
	/* Limit for one request's body; NULL means body_limit for all. */
	size_t (*limit_for)(const char *method, const char *path);
	/* A body over this many bytes goes to an anonymous temp file (rq->body_file) instead of memory;
	 * 0 (or NULL) keeps it in memory. Only for routes whose handler reads the file. */
	size_t (*spool_for)(const char *method, const char *path);
};

typedef struct http_server http_server;

/* Start a threaded server; NULL with *err set when the port cannot be bound. */
http_server *http_start(const struct http_config *cfg, const char **err);
void http_stop(http_server *s);
/* Serve exactly one request read from fd_in, writing the raw response to fd_out. */
int http_serve_one(const struct http_config *cfg, int fd_in, int fd_out);

/* Request accessors (values decoded by libmicrohttpd; NULL when absent). */
const char *rq_query(request *rq, const char *name);
const char *rq_header(request *rq, const char *name);
/* Every query argument in the order sent, to fn (value NULL for a bare name). */
void rq_each_query(request *rq, void (*fn)(const char *name, const char *value, void *arg), void *arg);
const char *rq_cookie(request *rq, const char *name);
const char *rq_form(request *rq, const char *name);
/* A form field with its length (an uploaded file may hold NUL bytes); NULL when absent. */
const char *rq_form_n(request *rq, const char *name, size_t *len);
/* Parse a urlencoded or multipart body into rq->form; -1 when it is neither. */
int rq_parse_form(request *rq);
/* Every query argument, in order. */
struct kv *rq_query_all(request *rq);
/* A query string kept as text ("a=1&b=x%20y", no '?') as arguments in the arena, decoded ('+' is a space), in
 * order; arguments with no name are dropped. A decoded NUL ends its value. */
struct kv *http_query_parse(arena *a, const char *qs);
const char *http_method_name(enum http_method m);

void rs_header(response *rs, const char *name, const char *value); /* value copied by MHD later */
/* Replace the value of a header already added (or add it). */
void rs_header_set(response *rs, const char *name, const char *value);
#endif
