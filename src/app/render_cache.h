/* render_cache.h — whole GET answers kept by their key (answer_key.h), bounded in bytes, least recently used out. */
#ifndef TANDEM_RENDER_CACHE_H
#define TANDEM_RENDER_CACHE_H
#include <stdbool.h>
#include <stddef.h>
#include "platform/http.h"

#define RENDER_CACHE_DEFAULT_MB 64 /* serve --cache-mb */
/* The room in bytes (0: no cache); before serving. */
void render_cache_init(size_t max_bytes);
/* The answer kept under key into rs (status, type, headers, body; strings copied into rq's arena): true on a hit. */
bool render_cache_get(const char *key, request *rq, response *rs);
/* Keep rs under key: only a 200 built in memory that sets no cookie, and no answer larger than an eighth of the room. */
void render_cache_put(const char *key, const response *rs);
/* Hits and misses since the start, and the bytes held. */
void render_cache_stats(unsigned long long *hits, unsigned long long *misses, size_t *bytes);
/* Drop everything (tests, a stop). */
void render_cache_clear(void);
#endif
