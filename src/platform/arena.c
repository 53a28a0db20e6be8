/* arena.c — per-request bump allocator (blocks in a list, freed together). */
#include "arena.h"
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct block {
	struct block *next;
	size_t used, cap;
	_Alignas(16) unsigned char data[];
};

struct arena {
	struct block *head;
};

enum { BLOCK_SIZE = 16384 - sizeof(struct block) };

static struct block *block_new(size_t cap)
{
	struct block *b = malloc(sizeof *b + cap);
	if (!b)
		die_oom();
	b->next = NULL;
	b->used = 0;
	b->cap = cap;
	return b;
}

arena *arena_new(void)
{
	arena *a = malloc(sizeof *a);
	if (!a)
		die_oom();
	a->head = block_new(BLOCK_SIZE);
	return a;
}

void arena_free(arena *a)
{
	if (!a)
		return;
	struct block *b = a->head;
	while (b) {
		struct block *n = b->next;
		free(b);
		b = n;
	}
	free(a);
}

void *arena_alloc(arena *a, size_t n)
{
	n = (n + 15) & ~(size_t)15;
	if (n == 0)
		n = 16;
	struct block *b = a->head;
	if (b->used + n > b->cap) {
		if (n > BLOCK_SIZE / 4) {
			/* a big allocation gets its own block, kept behind the current one */
			struct block *big = block_new(n);
			big->used = n;
			big->next = b->next;
			b->next = big;
			memset(big->data, 0, n);
			return big->data;
		}
		b = block_new(BLOCK_SIZE);
		b->next = a->head;
		a->head = b;
	}
	void *p = b->data + b->used;
	b->used += n;
	memset(p, 0, n);
	return p;
}

char *arena_strndup(arena *a, const char *s, size_t n)
{
	if (!s)
		return NULL;
	char *p = arena_alloc(a, n + 1);
	memcpy(p, s, n);
	p[n] = 0;
	return p;
}

char *arena_strdup(arena *a, const char *s)
{
	return s ? arena_strndup(a, s, strlen(s)) : NULL;
}

char *arena_printf(arena *a, const char *fmt, ...)
{
	va_list ap, ap2;
	va_start(ap, fmt);
	va_copy(ap2, ap);
	int n = vsnprintf(NULL, 0, fmt, ap);
	va_end(ap);
	char *p = arena_alloc(a, (size_t)n + 1);
	vsnprintf(p, (size_t)n + 1, fmt, ap2);
	va_end(ap2);
	return p;
}
