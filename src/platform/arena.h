/* arena.h — per-request bump allocator: everything made for one request is freed at once. */
#ifndef TANDEM_ARENA_H
#define TANDEM_ARENA_H
#include <stddef.h>
#include "util.h"

typedef struct arena arena;

arena *arena_new(void);                 /* aborts on out-of-memory */
void arena_free(arena *a);              /* frees every block; NULL is fine */
void *arena_alloc(arena *a, size_t n);  /* zeroed, 16-byte aligned */
char *arena_strdup(arena *a, const char *s);  /* NULL stays NULL */
char *arena_strndup(arena *a, const char *s, size_t n); /* exactly n bytes of s (which must hold them) */
char *arena_printf(arena *a, const char *fmt, ...) PRINTF(2, 3);
#endif
