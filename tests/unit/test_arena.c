/* test_arena.c — the per-request bump allocator: zeroed, aligned, big blocks, strings. */
#include <stdint.h>
#include "harness.h"
#include "platform/arena.h"

TEST(arena_alloc_zeroed_and_aligned)
{
	arena *a = arena_new();
	for (size_t n = 1; n < 100; n += 7) {
		unsigned char *p = arena_alloc(a, n);
		REQUIRE(p);
		CHECK_EQ_INT((uintptr_t)p % 16, 0);
		size_t zero = 0;
		for (size_t i = 0; i < n; i++)
			zero += p[i] == 0;
		CHECK_EQ_INT(zero, n);
		memset(p, 0xAB, n); /* ASan reports it if the block were too small */
	}
	CHECK(arena_alloc(a, 0) != NULL);
	arena_free(a);
}

TEST(arena_allocations_do_not_overlap)
{
	arena *a = arena_new();
	char *prev = NULL;
	/* far more than one 16 KiB block, so new blocks are chained */
	for (int i = 0; i < 5000; i++) {
		char *p = arena_alloc(a, 24);
		REQUIRE(p);
		memset(p, i & 0xff, 24);
		if (prev)
			CHECK(p != prev);
		prev = p;
	}
	arena_free(a);
}

TEST(arena_big_allocation_gets_its_own_block)
{
	arena *a = arena_new();
	char *small1 = arena_alloc(a, 16000); /* nearly fills the first block */
	char *big = arena_alloc(a, 100000);   /* larger than a block */
	REQUIRE(small1 && big);
	memset(big, 1, 100000);
	CHECK_EQ_INT(big[99999], 1);
	char *small2 = arena_alloc(a, 32);
	REQUIRE(small2);
	memset(small2, 2, 32);
	char *huge = arena_alloc(a, 5000); /* over a quarter block: its own block too */
	REQUIRE(huge);
	memset(huge, 3, 5000);
	memset(small1, 4, 16000);
	/* nothing handed out later overlaps what came before */
	size_t ones = 0;
	for (size_t i = 0; i < 100000; i++)
		ones += big[i] == 1;
	CHECK_EQ_INT(ones, 100000);
	CHECK_EQ_INT(small2[0], 2);
	CHECK_EQ_INT(small2[31], 2);
	CHECK_EQ_INT(huge[4999], 3);
	arena_free(a);
}

TEST(arena_strings)
{
	arena *a = arena_new();
	CHECK(arena_strdup(a, NULL) == NULL);
	CHECK(arena_strndup(a, NULL, 3) == NULL);
	CHECK_STR(arena_strdup(a, "héllo"), "héllo");
	CHECK_STR(arena_strndup(a, "abcdef", 3), "abc");
	CHECK_STR(arena_strdup(a, ""), "");
	CHECK_STR(arena_printf(a, "%s-%d-%lld", "x", 42, 1234567890123LL), "x-42-1234567890123");
	char long_s[3000];
	memset(long_s, 'q', sizeof long_s - 1);
	long_s[sizeof long_s - 1] = 0;
	char *p = arena_printf(a, "<%s>", long_s);
	CHECK_EQ_INT(strlen(p), 3001);
	CHECK(p[0] == '<' && p[3000] == '>');
	arena_free(a);
	arena_free(NULL); /* allowed */
}
