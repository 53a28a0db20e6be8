/* render_cache.c — whole answers kept by their key (answer_key.c: the route and query, who asks, their session, the
 * day and the workspace's change counter), so a page asked for again before anything changed is sent from memory
 * without running its handler. Never stale: any committed write moves the counter, so the old keys are never asked
 * for again and fall out, least recently used first, when the cache is over its size. Shared by the worker threads
 * under one lock; an entry is copied out, never handed out. */
#include "render_cache.h"
#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include "platform/util.h"

enum { SLOTS = 4096 }; /* hash buckets; entries chain */

struct entry {
	char key[40];
	int status;
	char *content_type;
	int nheaders;
	char *hname[HTTP_MAX_HEADERS], *hvalue[HTTP_MAX_HEADERS];
	char *body;
	size_t len, cost;
	struct entry *next_in_slot, *newer, *older; /* its bucket; the use order (newest first) */
};

static struct {
	pthread_mutex_t lock;
	size_t max, used;
	struct entry *slot[SLOTS];
	struct entry *newest, *oldest;
	unsigned long long hits, misses;
} c = {.lock = PTHREAD_MUTEX_INITIALIZER};

void render_cache_init(size_t max_bytes) { c.max = max_bytes; }

static unsigned slot_of(const char *key)
{
	unsigned h = 2166136261u;
	for (const char *p = key; *p; p++)
		h = (h ^ (unsigned char)*p) * 16777619u;
	return h % SLOTS;
}

static void unlink_use(struct entry *e)
{
	if (e->newer)
		e->newer->older = e->older;
	else
		c.newest = e->older;
	if (e->older)
		e->older->newer = e->newer;
	else
		c.oldest = e->newer;
	e->newer = e->older = NULL;
}

static void link_newest(struct entry *e)
{
	e->older = c.newest;
	e->newer = NULL;
	if (c.newest)
		c.newest->newer = e;
	c.newest = e;
	if (!c.oldest)
		c.oldest = e;
}

static void entry_free(struct entry *e)
{
	free(e->content_type);
	for (int i = 0; i < e->nheaders; i++) {
		free(e->hname[i]);
		free(e->hvalue[i]);
	}
	free(e->body);
	free(e);
}

static void drop(struct entry *e)
{
	struct entry **p = &c.slot[slot_of(e->key)];
	while (*p && *p != e)
		p = &(*p)->next_in_slot;
	if (*p)
		*p = e->next_in_slot;
	unlink_use(e);
	c.used -= e->cost;
	entry_free(e);
}

static struct entry *find(const char *key)
{
	for (struct entry *e = c.slot[slot_of(key)]; e; e = e->next_in_slot)
		if (!strcmp(e->key, key))
			return e;
	return NULL;
}

bool render_cache_get(const char *key, request *rq, response *rs)
{
	if (!c.max || !key)
		return false;
	pthread_mutex_lock(&c.lock);
	struct entry *e = find(key);
	if (e) {
		unlink_use(e);
		link_newest(e);
		rs->status = e->status;
		rs->content_type = e->content_type ? arena_strdup(rq->a, e->content_type) : NULL;
		for (int i = 0; i < e->nheaders; i++)
			rs_header(rs, arena_strdup(rq->a, e->hname[i]), arena_strdup(rq->a, e->hvalue[i]));
		buf_reset(&rs->body);
		buf_add(&rs->body, e->body, e->len);
		c.hits++;
	} else
		c.misses++;
	pthread_mutex_unlock(&c.lock);
	return e != NULL;
}

void render_cache_put(const char *key, const response *rs)
{
	if (!c.max || !key || rs->status != 200 || rs->file || strlen(key) >= sizeof ((struct entry *)0)->key)
		return;
	for (int i = 0; i < rs->nheaders; i++)
		if (!strcasecmp(rs->headers[i].name, "Set-Cookie")) /* a cookie is for one answer, never replayed */
			return;
	size_t cost = sizeof(struct entry) + rs->body.len + 256;
	if (cost > c.max / 8) /* one answer never takes much of the room */
		return;
	struct entry *e = calloc(1, sizeof *e);
	if (!e)
		return;
	snprintf(e->key, sizeof e->key, "%s", key);
	e->status = rs->status;
	e->content_type = rs->content_type ? xstrdup(rs->content_type) : NULL;
	for (int i = 0; i < rs->nheaders; i++) {
		e->hname[i] = xstrdup(rs->headers[i].name);
		e->hvalue[i] = xstrdup(rs->headers[i].value);
		cost += strlen(rs->headers[i].name) + strlen(rs->headers[i].value) + 2;
	}
	e->nheaders = rs->nheaders;
	e->len = rs->body.len;
	e->body = malloc(e->len ? e->len : 1);
	if (!e->body) {
		entry_free(e);
		return;
	}
	memcpy(e->body, rs->body.p, e->len);
	e->cost = cost;
	pthread_mutex_lock(&c.lock);
	struct entry *had = find(key);
	if (had) /* another thread made the same answer meanwhile */
		drop(had);
	unsigned s = slot_of(key);
	e->next_in_slot = c.slot[s];
	c.slot[s] = e;
	link_newest(e);
	c.used += cost;
	while (c.used > c.max && c.oldest && c.oldest != e)
		drop(c.oldest);
	pthread_mutex_unlock(&c.lock);
}

void render_cache_stats(unsigned long long *hits, unsigned long long *misses, size_t *bytes)
{
	pthread_mutex_lock(&c.lock);
	*hits = c.hits, *misses = c.misses, *bytes = c.used;
	pthread_mutex_unlock(&c.lock);
}

void render_cache_clear(void)
{
	pthread_mutex_lock(&c.lock);
	while (c.oldest)
		drop(c.oldest);
	c.hits = c.misses = 0;
	pthread_mutex_unlock(&c.lock);
}
