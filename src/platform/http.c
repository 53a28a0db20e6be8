/* http.c — libmicrohttpd glue: thread pool, per-request arena, bodies, whole responses, ETags, connection limits. */
#include "http.h"
#include <arpa/inet.h>
#include <microhttpd.h>
#include <netinet/in.h>
#include <pthread.h>
#include <sodium.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <unistd.h>
#include "log.h"

/* One connection, from libmicrohttpd's notice that it started to the one that it closed (its socket context):
 * its socket, the deadline for the headers it is waiting for (shared with the watchdog, under the server's lock),
 * and what the request line said (only its worker thread touches those). */
struct conn {
	int fd;
	long long deadline_ms;  /* CLOCK_MONOTONIC; 0 while a request is being read past its headers or answered */
	bool shut;              /* the watchdog shut its socket down */
	size_t uri_len;         /* the request target as sent, of the request being read */
	bool path_nul;          /* its path holds %00 */
	struct conn *prev, *next;
};

struct http_server {
	struct MHD_Daemon *d;
	struct http_config cfg;
	bool close_after; /* one-shot mode: answer with Connection: close */
	/* Every open connection, for the watchdog that closes those whose headers are late. Start-up-owned state:
	 * the list and each conn's deadline and shut are guarded by lock. */
	pthread_mutex_t lock;
	pthread_cond_t wake;
	struct conn *conns;
	bool stopping;
	bool watching;    /* the watchdog thread runs */
	pthread_t watchdog;
};

static atomic_uint request_seq;

const char *http_method_name(enum http_method m)
{
	static const char *names[HTTP__MAX] = {"GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OTHER"};
	return m < HTTP__MAX ? names[m] : "OTHER";
}

static enum http_method parse_method(const char *m)
{
	for (int i = 0; i < HTTP_OTHER; i++)
		if (strcmp(m, http_method_name(i)) == 0)
			return i;
	return HTTP_OTHER;
}

static void client_ip(struct MHD_Connection *c, char out[64])
{
	const union MHD_ConnectionInfo *ci = MHD_get_connection_info(c, MHD_CONNECTION_INFO_CLIENT_ADDRESS);
	snprintf(out, 64, "local");
	if (!ci || !ci->client_addr)
		return;
	const struct sockaddr *sa = ci->client_addr;
	if (sa->sa_family == AF_INET)
		inet_ntop(AF_INET, &((const struct sockaddr_in *)sa)->sin_addr, out, 64);
	else if (sa->sa_family == AF_INET6)
		inet_ntop(AF_INET6, &((const struct sockaddr_in6 *)sa)->sin6_addr, out, 64);
}

const char *rq_query(request *rq, const char *name)
{
	return MHD_lookup_connection_value(rq->conn, MHD_GET_ARGUMENT_KIND, name);
}

const char *rq_header(request *rq, const char *name)
{
	return MHD_lookup_connection_value(rq->conn, MHD_HEADER_KIND, name);
}

struct each_query {
	void (*fn)(const char *, const char *, void *);
	void *arg;
};

static enum MHD_Result each_query(void *cls, enum MHD_ValueKind kind, const char *key, const char *value)
{
	(void)kind;
	struct each_query *q = cls;
	q->fn(key, value, q->arg);
	return MHD_YES;
}

void rq_each_query(request *rq, void (*fn)(const char *name, const char *value, void *arg), void *arg)
{
	struct each_query q = {fn, arg};
	MHD_get_connection_values(rq->conn, MHD_GET_ARGUMENT_KIND, each_query, &q);
}

const char *rq_cookie(request *rq, const char *name)
{
	return MHD_lookup_connection_value(rq->conn, MHD_COOKIE_KIND, name);
}

const char *rq_form(request *rq, const char *name)
{
	for (struct kv *f = rq->form; f; f = f->next)
		if (strcmp(f->key, name) == 0)
			return f->value;
	return NULL;
}

const char *rq_form_n(request *rq, const char *name, size_t *len)
{
	for (struct kv *f = rq->form; f; f = f->next)
		if (strcmp(f->key, name) == 0) {
			*len = f->len;
			return f->value;
		}
	*len = 0;
	return NULL;
}

struct kv_collect {
	arena *a;
	struct kv *head, **tail;
};

static enum MHD_Result collect_arg(void *cls, enum MHD_ValueKind kind, const char *key, const char *value)
{
	(void)kind;
	struct kv_collect *c = cls;
	struct kv *kv = arena_alloc(c->a, sizeof *kv);
	kv->key = arena_strdup(c->a, key);
	kv->value = arena_strdup(c->a, value ? value : "");
	*c->tail = kv;
	c->tail = &kv->next;
	return MHD_YES;
}

struct kv *rq_query_all(request *rq)
{
	struct kv_collect c = {rq->a, NULL, NULL};
	c.tail = &c.head;
	MHD_get_connection_values(rq->conn, MHD_GET_ARGUMENT_KIND, collect_arg, &c);
	return c.head;
}

struct kv *http_query_parse(arena *a, const char *qs)
{
	struct kv *head = NULL, **tail = &head;
	for (const char *p = qs ? qs : ""; *p;) {
		size_t n = strcspn(p, "&");
		char *pair = arena_strndup(a, p, n);
		p += n + (p[n] == '&');
		for (char *c = pair; *c; c++)
			if (*c == '+')
				*c = ' ';
		char *eq = strchr(pair, '=');
		if (eq)
			*eq = 0;
		char *value = eq ? eq + 1 : pair + strlen(pair);
		MHD_http_unescape(pair);
		MHD_http_unescape(value);
		if (!*pair)
			continue;
		struct kv *k = arena_alloc(a, sizeof *k);
		k->key = pair, k->value = value;
		*tail = k, tail = &k->next;
	}
	return head;
}

/* The post processor may hand a value over in pieces: append to the last field of that key. */
static enum MHD_Result form_field(void *cls, enum MHD_ValueKind kind, const char *key, const char *filename,
                                  const char *ctype, const char *enc, const char *data, uint64_t off, size_t size)
{
	(void)kind, (void)ctype, (void)enc;
	request *rq = cls;
	/* a NUL would cut the value short wherever it is used as a string; an uploaded file (one with a file name)
	 * may hold NULs and is read with its length */
	if (!filename && size && !rq->nul_field && memchr(data, 0, size))
		rq->nul_field = arena_strdup(rq->a, key);
	struct kv **tail = &rq->form, *last = NULL;
	while (*tail) {
		last = *tail;
		tail = &(*tail)->next;
	}
	if (off > 0 && last && strcmp(last->key, key) == 0) {
		/* grow by doubling: an uploaded file arrives in many pieces, and copying the whole value
		 * for each would be quadratic in time and in arena memory */
		if (last->len + size + 1 > last->cap) {
			size_t cap = last->cap * 2 > last->len + size + 1 ? last->cap * 2 : last->len + size + 1;
			char *v = arena_alloc(rq->a, cap);
			memcpy(v, last->value, last->len);
			last->value = v;
			last->cap = cap;
		}
		char *v = (char *)last->value; /* arena memory this function allocated */
		memcpy(v + last->len, data, size);
		last->len += size;
		v[last->len] = 0;
		return MHD_YES;
	}
	struct kv *kv = arena_alloc(rq->a, sizeof *kv);
	kv->key = arena_strdup(rq->a, key);
	kv->value = arena_strndup(rq->a, data ? data : "", size);
	kv->len = size;
	kv->cap = size + 1;
	*tail = kv;
	return MHD_YES;
}

int rq_parse_form(request *rq)
{
	struct MHD_PostProcessor *pp = MHD_create_post_processor(rq->conn, 16384, form_field, rq);
	if (!pp)
		return -1;
	int ok = MHD_post_process(pp, rq->body.p ? rq->body.p : "", rq->body.len) == MHD_YES;
	MHD_destroy_post_processor(pp);
	return ok ? 0 : -1;
}

void rs_header(response *rs, const char *name, const char *value)
{
	if (rs->nheaders >= HTTP_MAX_HEADERS) { /* a bug: no answer of ours sets this many; never drop one silently */
		log_error("http: more than %d response headers (adding %s)", HTTP_MAX_HEADERS, name);
		abort();
	}
	rs->headers[rs->nheaders].name = name;
	rs->headers[rs->nheaders].value = value;
	rs->nheaders++;
}

void rs_header_set(response *rs, const char *name, const char *value)
{
	for (int i = 0; i < rs->nheaders; i++)
		if (!strcasecmp(rs->headers[i].name, name)) {
			rs->headers[i].value = value;
			return;
		}
	rs_header(rs, name, value);
}

static request *request_new(struct MHD_Connection *c, const char *url, const char *method)
{
	arena *a = arena_new();
	request *rq = arena_alloc(a, sizeof *rq);
	rq->a = a;
	rq->conn = c;
	rq->method = parse_method(method);
	rq->path = arena_strdup(a, url);
	buf_init(&rq->body);
	clock_gettime(CLOCK_MONOTONIC, &rq->started);
	client_ip(c, rq->ip);
	snprintf(rq->id, sizeof rq->id, "%08x", atomic_fetch_add(&request_seq, 1) + 1);
	return rq;
}

static void request_free(request *rq)
{
	if (!rq)
		return;
	buf_free(&rq->body);
	if (rq->body_file)
		fclose(rq->body_file);
	if (rq->json)
		json_decref(rq->json);
	arena_free(rq->a);
}

static long long now_ms(void)
{
	struct timespec t;
	clock_gettime(CLOCK_MONOTONIC, &t);
	return (long long)t.tv_sec * 1000 + t.tv_nsec / 1000000;
}

static struct conn *conn_of(struct MHD_Connection *c)
{
	const union MHD_ConnectionInfo *ci = MHD_get_connection_info(c, MHD_CONNECTION_INFO_SOCKET_CONTEXT);
	return ci ? ci->socket_context : NULL;
}

static int headers_timeout(const struct http_server *s)
{
	return s->cfg.headers_timeout > 0 ? s->cfg.headers_timeout : HTTP_DEFAULT_HEADERS_TIMEOUT;
}

/* The connection now waits for a request's headers (deadline_ms = now + the timeout), or has them (0). */
static void conn_wait_headers(struct http_server *s, struct conn *cn, bool waiting)
{
	if (!cn)
		return;
	pthread_mutex_lock(&s->lock);
	cn->deadline_ms = waiting ? now_ms() + 1000LL * headers_timeout(s) : 0;
	pthread_mutex_unlock(&s->lock);
}

/* libmicrohttpd's notices of a connection's start and close: the conn is made, listed, unlisted and freed. It
 * reports the close before it closes the socket, so a listed conn's fd is always still this connection's. */
static void conn_notify(void *cls, struct MHD_Connection *c, void **socket_context,
                        enum MHD_ConnectionNotificationCode code)
{
	struct http_server *s = cls;
	struct conn *cn = *socket_context;
	if (code == MHD_CONNECTION_NOTIFY_STARTED) {
		cn = calloc(1, sizeof *cn);
		if (!cn)
			die_oom();
		const union MHD_ConnectionInfo *ci = MHD_get_connection_info(c, MHD_CONNECTION_INFO_CONNECTION_FD);
		cn->fd = ci ? ci->connect_fd : -1;
		pthread_mutex_lock(&s->lock);
		cn->deadline_ms = now_ms() + 1000LL * headers_timeout(s);
		cn->next = s->conns;
		if (s->conns)
			s->conns->prev = cn;
		s->conns = cn;
		pthread_mutex_unlock(&s->lock);
		*socket_context = cn;
		return;
	}
	if (!cn)
		return;
	pthread_mutex_lock(&s->lock);
	if (cn->prev)
		cn->prev->next = cn->next;
	else
		s->conns = cn->next;
	if (cn->next)
		cn->next->prev = cn->prev;
	pthread_mutex_unlock(&s->lock);
	free(cn);
	*socket_context = NULL;
}

/* The request line as sent, before libmicrohttpd decodes it: its length, and a %00 in its path (decoded, it
 * would cut the path short: /share/roadmap/TOKEN%00junk would be the link's page). */
static void *uri_seen(void *cls, const char *uri, struct MHD_Connection *c)
{
	(void)cls;
	struct conn *cn = conn_of(c);
	if (cn) {
		const char *nul = strstr(uri, "%00");
		cn->uri_len = strlen(uri);
		cn->path_nul = nul && (size_t)(nul - uri) < strcspn(uri, "?");
	}
	return NULL; /* the request's con_cls starts empty */
}

/* The watchdog: twice a second, shut down the socket of every connection whose headers are past their deadline
 * (libmicrohttpd's own timeout is an idle timeout, which a client trickling a header line now and then resets).
 * libmicrohttpd then sees the connection end and closes it. */
static void *watchdog_run(void *arg)
{
	struct http_server *s = arg;
	pthread_mutex_lock(&s->lock);
	while (!s->stopping) {
		long long now = now_ms();
		for (struct conn *cn = s->conns; cn; cn = cn->next)
			if (cn->deadline_ms && now >= cn->deadline_ms && !cn->shut && cn->fd >= 0) {
				shutdown(cn->fd, SHUT_RDWR);
				cn->shut = true;
			}
		struct timespec until;
		clock_gettime(CLOCK_MONOTONIC, &until);
		until.tv_nsec += 500000000L;
		if (until.tv_nsec >= 1000000000L) {
			until.tv_sec++;
			until.tv_nsec -= 1000000000L;
		}
		pthread_cond_timedwait(&s->wake, &s->lock, &until);
	}
	pthread_mutex_unlock(&s->lock);
	return NULL;
}

static void server_init_sync(struct http_server *s)
{
	pthread_mutex_init(&s->lock, NULL);
	pthread_condattr_t ca;
	pthread_condattr_init(&ca);
	pthread_condattr_setclock(&ca, CLOCK_MONOTONIC);
	pthread_cond_init(&s->wake, &ca);
	pthread_condattr_destroy(&ca);
}

static void server_free_sync(struct http_server *s)
{
	pthread_cond_destroy(&s->wake);
	pthread_mutex_destroy(&s->lock);
}

/* A request is over (answered, or its client went away): free it; the connection now waits for the next
 * request's headers, which have the whole timeout from now. */
static void completed(void *cls, struct MHD_Connection *c, void **con_cls, enum MHD_RequestTerminationCode toe)
{
	(void)toe;
	request_free(*con_cls);
	*con_cls = NULL;
	conn_wait_headers(cls, conn_of(c), true);
}

/* An answer from rs->file: its whole content, from disk (the file is closed; MHD closes its copy when sent). */
static struct MHD_Response *file_response(response *rs)
{
	struct stat st;
	int fd = -1;
	if (fflush(rs->file) == 0 && fstat(fileno(rs->file), &st) == 0)
		fd = dup(fileno(rs->file));
	fclose(rs->file);
	rs->file = NULL;
	if (fd < 0)
		return NULL;
	struct MHD_Response *r = MHD_create_response_from_fd((uint64_t)st.st_size, fd);
	if (!r)
		close(fd);
	return r;
}

static enum MHD_Result send_response(struct http_server *s, request *rq, response *rs)
{
	if (rs->file) {
		buf_free(&rs->body);
		rs->etag = false;
	}
	size_t len = 0;
	char *body = buf_detach(&rs->body, &len);
	char etag[2 + 2 * 16 + 1];
	bool not_modified = false;
	if (rs->etag_value && rs->status == 200) {
		snprintf(etag, sizeof etag, "%s", rs->etag_value);
		const char *inm = rq_header(rq, MHD_HTTP_HEADER_IF_NONE_MATCH);
		not_modified = inm && strstr(inm, etag);
		rs->etag = true;
	} else if (rs->etag && rs->status == 200) {
		unsigned char h[16];
		crypto_generichash(h, sizeof h, (const unsigned char *)body, len, NULL, 0);
		etag[0] = '"';
		sodium_bin2hex(etag + 1, sizeof etag - 2, h, sizeof h);
		strcat(etag, "\"");
		const char *inm = rq_header(rq, MHD_HTTP_HEADER_IF_NONE_MATCH);
		if (inm && strstr(inm, etag))
			not_modified = true;
	}
	struct MHD_Response *r;
	if (rs->file) {
		free(body);
		r = file_response(rs);
		if (!r)
			return MHD_NO;
	} else if (not_modified) {
		free(body);
		r = MHD_create_response_from_buffer(0, "", MHD_RESPMEM_PERSISTENT);
	} else {
		r = MHD_create_response_from_buffer(len, body, MHD_RESPMEM_MUST_FREE);
	}
	if (!r) {
		if (!not_modified)
			free(body);
		return MHD_NO;
	}
	if (rs->content_type && !not_modified)
		MHD_add_response_header(r, MHD_HTTP_HEADER_CONTENT_TYPE, rs->content_type);
	if (rs->etag && rs->status == 200)
		MHD_add_response_header(r, MHD_HTTP_HEADER_ETAG, etag);
	for (int i = 0; i < rs->nheaders; i++)
		MHD_add_response_header(r, rs->headers[i].name, rs->headers[i].value);
	MHD_add_response_header(r, "X-Content-Type-Options", "nosniff");
	MHD_add_response_header(r, "X-Frame-Options", "DENY");
	MHD_add_response_header(r, "Referrer-Policy", "same-origin");
	MHD_add_response_header(r, "X-Request-Id", rq->id);
	if (s->close_after)
		MHD_add_response_header(r, MHD_HTTP_HEADER_CONNECTION, "close");
	enum MHD_Result ret = MHD_queue_response(rq->conn, not_modified ? 304 : (unsigned)rs->status, r);
	MHD_destroy_response(r);
	return ret;
}

/* Without an on_headers hook: what http.c found, as a plain JSON error (a body over the limit is never read). */
static bool refuse_plainly(request *rq, response *rs)
{
	if (!rq->refused)
		return true;
	const char *code = rq->refused == 414 ? "uri_too_long" : rq->refused == 431 ? "headers_too_large" : "too_large";
	rs->status = rq->refused;
	rs->content_type = "application/json";
	buf_rawf(&rs->body, "{\"error\":{\"code\":\"%s\",\"message\":\"the request is over a limit\"}}", code);
	return false;
}

/* Adds up the header lines' bytes ("Name: value" and CRLF). */
static enum MHD_Result count_header(void *cls, enum MHD_ValueKind kind, const char *key, size_t key_size,
                                    const char *value, size_t value_size)
{
	(void)kind, (void)key, (void)value;
	*(size_t *)cls += key_size + value_size + 4;
	return MHD_YES;
}

/* Stops at the first query argument whose name or value holds a NUL byte (libmicrohttpd decodes %00 and keeps
 * the decoded length) and names it. */
static enum MHD_Result find_nul_arg(void *cls, enum MHD_ValueKind kind, const char *key, size_t key_size,
                                    const char *value, size_t value_size)
{
	(void)kind;
	request *rq = cls;
	if (memchr(key, 0, key_size) || (value && memchr(value, 0, value_size))) {
		rq->nul_field = arena_strdup(rq->a, key);
		return MHD_NO;
	}
	return MHD_YES;
}

/* What can be told from the request line and headers alone: the target and headers against our limits, an
 * announced body against the route's limit, NUL bytes in the path or a query argument. */
static void check_request(struct http_server *s, request *rq, struct conn *cn, const char *method, const char *url)
{
	rq->body_limit = s->cfg.limit_for ? s->cfg.limit_for(method, url) : s->cfg.body_limit;
	size_t header_bytes = 0;
	MHD_get_connection_values_n(rq->conn, MHD_HEADER_KIND, count_header, &header_bytes);
	const char *cl = rq_header(rq, MHD_HTTP_HEADER_CONTENT_LENGTH);
	if (cn && cn->uri_len > HTTP_MAX_URI)
		rq->refused = 414;
	else if (header_bytes > HTTP_MAX_HEADER_BYTES)
		rq->refused = 431;
	else if (cl && strtoull(cl, NULL, 10) > rq->body_limit)
		rq->refused = 413;
	if (cn && cn->path_nul)
		rq->nul_field = "path";
	else
		MHD_get_connection_values_n(rq->conn, MHD_GET_ARGUMENT_KIND, find_nul_arg, rq);
}

/* Does the request announce a body? Only then is it worth answering before reading on: an answer queued that
 * early closes the connection. */
static bool has_body(request *rq)
{
	const char *cl = rq_header(rq, MHD_HTTP_HEADER_CONTENT_LENGTH);
	return (cl && strtoull(cl, NULL, 10) > 0) || rq_header(rq, MHD_HTTP_HEADER_TRANSFER_ENCODING);
}

/* Keep n more bytes of body: in memory, or past spool bytes in an anonymous temp file (what was in
 * memory moves there first). A temp file that cannot be made keeps the body in memory. */
static void body_add(request *rq, size_t spool, const char *data, size_t n)
{
	rq->body_size += n;
	if (!rq->body_file && spool && rq->body.len + n > spool && (rq->body_file = tmpfile()) != NULL) {
		if (rq->body.len)
			fwrite(rq->body.p, 1, rq->body.len, rq->body_file);
		buf_free(&rq->body);
		buf_init(&rq->body);
	}
	if (rq->body_file)
		fwrite(data, 1, n, rq->body_file); /* a short write shows as ferror() to the reader */
	else
		buf_add(&rq->body, data, n);
}

static enum MHD_Result on_request(void *cls, struct MHD_Connection *c, const char *url, const char *method,
                                  const char *version, const char *upload, size_t *upload_size, void **con_cls)
{
	(void)version;
	struct http_server *s = cls;
	request *rq = *con_cls;
	if (!rq) {
		/* The headers are in: the deadline is met. A request with a body is checked now (by the hook: its route,
		 * the sign-in, the role), and refused before any of the body is read; the client is told at once. */
		struct conn *cn = conn_of(c);
		conn_wait_headers(s, cn, false);
		rq = request_new(c, url, method);
		*con_cls = rq;
		check_request(s, rq, cn, method, url);
		if (!has_body(rq))
			return MHD_YES;
		response rs = {.status = 200};
		buf_init(&rs.body);
		if (s->cfg.on_headers ? s->cfg.on_headers(rq, &rs) : refuse_plainly(rq, &rs)) {
			buf_free(&rs.body);
			return MHD_YES;
		}
		rq->answered = true;
		return send_response(s, rq, &rs);
	}
	if (rq->answered) {
		*upload_size = 0;
		return MHD_YES;
	}
	if (*upload_size) {
		size_t limit = rq->body_limit;
		if (!rq->too_large && rq->body_size + *upload_size <= limit)
			body_add(rq, s->cfg.spool_for ? s->cfg.spool_for(method, url) : 0, upload, *upload_size);
		else
			rq->too_large = true; /* chunked bodies: keep reading, store nothing */
		*upload_size = 0;
		return MHD_YES;
	}
	response rs = {.status = 200};
	buf_init(&rs.body);
	if (s->cfg.on_headers || refuse_plainly(rq, &rs))
		s->cfg.handler(rq, &rs);
	return send_response(s, rq, &rs);
}

static void log_mhd(void *cls, const char *fmt, va_list ap)
{
	(void)cls;
	char line[512];
	vsnprintf(line, sizeof line, fmt, ap);
	size_t n = strlen(line);
	while (n && line[n - 1] == '\n')
		line[--n] = 0;
	log_error("http: %s", line);
}

http_server *http_start(const struct http_config *cfg, const char **err)
{
	struct http_server *s = calloc(1, sizeof *s);
	if (!s)
		die_oom();
	s->cfg = *cfg;
	struct sockaddr_in addr = {.sin_family = AF_INET, .sin_port = htons((uint16_t)cfg->port)};
	if (inet_pton(AF_INET, cfg->listen ? cfg->listen : "127.0.0.1", &addr.sin_addr) != 1) {
		*err = "the listen address is not an IPv4 address";
		free(s);
		return NULL;
	}
	server_init_sync(s);
	unsigned threads = cfg->threads > 0 ? (unsigned)cfg->threads : 4;
	unsigned per_ip = cfg->max_conns_per_ip > 0 ? (unsigned)cfg->max_conns_per_ip : HTTP_DEFAULT_CONNS_PER_IP;
	s->d = MHD_start_daemon(MHD_USE_INTERNAL_POLLING_THREAD | MHD_USE_EPOLL | MHD_USE_ERROR_LOG, (uint16_t)cfg->port,
	                        NULL, NULL, on_request, s, MHD_OPTION_EXTERNAL_LOGGER, log_mhd, NULL,
	                        MHD_OPTION_NOTIFY_COMPLETED, completed, s, MHD_OPTION_NOTIFY_CONNECTION, conn_notify, s,
	                        MHD_OPTION_URI_LOG_CALLBACK, uri_seen, s,
	                        MHD_OPTION_THREAD_POOL_SIZE, threads, MHD_OPTION_SOCK_ADDR, (struct sockaddr *)&addr,
	                        MHD_OPTION_CONNECTION_TIMEOUT, (unsigned)30, MHD_OPTION_CONNECTION_LIMIT, (unsigned)1000,
	                        MHD_OPTION_PER_IP_CONNECTION_LIMIT, per_ip,
	                        MHD_OPTION_CONNECTION_MEMORY_LIMIT, (size_t)HTTP_CONN_MEMORY,
	                        MHD_OPTION_LISTENING_ADDRESS_REUSE, (unsigned)1, MHD_OPTION_END);
	if (!s->d) {
		*err = "cannot listen on that address and port (in use, or not allowed)";
		server_free_sync(s);
		free(s);
		return NULL;
	}
	s->watching = pthread_create(&s->watchdog, NULL, watchdog_run, s) == 0;
	if (!s->watching)
		log_error("http: cannot start the watchdog for late headers");
	return s;
}

void http_stop(http_server *s)
{
	if (!s)
		return;
	if (s->watching) {
		pthread_mutex_lock(&s->lock);
		s->stopping = true;
		pthread_cond_signal(&s->wake);
		pthread_mutex_unlock(&s->lock);
		pthread_join(s->watchdog, NULL);
	}
	MHD_stop_daemon(s->d);
	server_free_sync(s);
	free(s);
}

/* One request: hand one end of a socket pair to libmicrohttpd, feed it fd_in and copy the
 * answer to fd_out until the server closes (every answer carries Connection: close). */
int http_serve_one(const struct http_config *cfg, int fd_in, int fd_out)
{
	struct http_server s = {.cfg = *cfg, .close_after = true};
	server_init_sync(&s);
	/* no error log here: socket-pair connections make libmicrohttpd warn about TCP options; no watchdog either:
	 * the one connection has libmicrohttpd's 10-second timeout */
	s.d = MHD_start_daemon(MHD_USE_INTERNAL_POLLING_THREAD | MHD_USE_NO_LISTEN_SOCKET | MHD_USE_ITC, 0, NULL, NULL,
	                       on_request, &s, MHD_OPTION_NOTIFY_COMPLETED, completed, &s, MHD_OPTION_NOTIFY_CONNECTION,
	                       conn_notify, &s, MHD_OPTION_URI_LOG_CALLBACK, uri_seen, &s,
	                       MHD_OPTION_CONNECTION_MEMORY_LIMIT, (size_t)HTTP_CONN_MEMORY, MHD_OPTION_CONNECTION_TIMEOUT,
	                       (unsigned)10, MHD_OPTION_END);
	if (!s.d) {
		server_free_sync(&s);
		return -1;
	}
	int sv[2];
	if (socketpair(AF_UNIX, SOCK_STREAM, 0, sv) != 0) {
		MHD_stop_daemon(s.d);
		server_free_sync(&s);
		return -1;
	}
	struct sockaddr_in fake = {.sin_family = AF_INET, .sin_addr.s_addr = htonl(INADDR_LOOPBACK)};
	if (MHD_add_connection(s.d, sv[0], (struct sockaddr *)&fake, sizeof fake) != MHD_YES) {
		close(sv[1]);
		MHD_stop_daemon(s.d);
		server_free_sync(&s);
		return -1;
	}
	char chunk[65536];
	ssize_t n;
	while ((n = read(fd_in, chunk, sizeof chunk)) > 0) {
		for (ssize_t off = 0; off < n;) {
			ssize_t w = write(sv[1], chunk + off, (size_t)(n - off));
			if (w <= 0)
				goto drain;
			off += w;
		}
	}
drain:
	while ((n = read(sv[1], chunk, sizeof chunk)) > 0) {
		for (ssize_t off = 0; off < n;) {
			ssize_t w = write(fd_out, chunk + off, (size_t)(n - off));
			if (w <= 0)
				break;
			off += w;
		}
	}
	close(sv[1]);
	MHD_stop_daemon(s.d);
	server_free_sync(&s);
	return 0;
}
