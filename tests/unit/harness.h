/* harness.h — a tiny unit-test harness: TEST() registers itself, CHECK*() report file:line. */
#ifndef TANDEM_HARNESS_H
#define TANDEM_HARNESS_H
#include <stdbool.h>
#include <stdio.h>
#include <string.h>
#include "platform/db.h"

/* One test case; each TEST() adds one to a global list before main runs. */
struct harness_test {
	const char *name, *file;
	void (*fn)(void);
	struct harness_test *next;
};
void harness_register(struct harness_test *t);
/* Record a failed check of the running test (prints file:line and what failed). */
void harness_fail(const char *file, int line, const char *fmt, ...) __attribute__((format(printf, 3, 4)));

#define TEST(name)                                                                                                 \
	static void test_##name(void);                                                                               \
	static struct harness_test harness_t_##name = {#name, __FILE__, test_##name, NULL};                          \
	__attribute__((constructor)) static void harness_reg_##name(void) { harness_register(&harness_t_##name); } \
	static void test_##name(void)

#define CHECK(cond)                                                                  \
	do {                                                                             \
		if (!(cond))                                                                 \
			harness_fail(__FILE__, __LINE__, "CHECK(%s)", #cond);                    \
	} while (0)

/* Like CHECK, but ends the test at once (use before dereferencing what it checks). */
#define REQUIRE(cond)                                                                \
	do {                                                                             \
		if (!(cond)) {                                                               \
			harness_fail(__FILE__, __LINE__, "REQUIRE(%s)", #cond);                  \
			return;                                                                  \
		}                                                                            \
	} while (0)

#define CHECK_EQ_INT(a, b)                                                                                   \
	do {                                                                                                     \
		long long harness_a = (long long)(a), harness_b = (long long)(b);                                    \
		if (harness_a != harness_b)                                                                          \
			harness_fail(__FILE__, __LINE__, "CHECK_EQ_INT(%s, %s): %lld != %lld", #a, #b, harness_a, harness_b); \
	} while (0)

#define CHECK_EQ_DBL(a, b)                                                                                 \
	do {                                                                                                   \
		double harness_a = (a), harness_b = (b);                                                           \
		if (!(harness_a - harness_b < 1e-9 && harness_b - harness_a < 1e-9))                               \
			harness_fail(__FILE__, __LINE__, "CHECK_EQ_DBL(%s, %s): %g != %g", #a, #b, harness_a, harness_b); \
	} while (0)

#define CHECK_STR(a, b)                                                                                      \
	do {                                                                                                     \
		const char *harness_a = (a), *harness_b = (b);                                                       \
		if (!harness_a || !harness_b || strcmp(harness_a, harness_b) != 0)                                   \
			harness_fail(__FILE__, __LINE__, "CHECK_STR(%s, %s): \"%s\" != \"%s\"", #a, #b,                   \
			             harness_a ? harness_a : "(null)", harness_b ? harness_b : "(null)");                 \
	} while (0)

/* Is needle in haystack? */
#define CHECK_CONTAINS(hay, needle)                                                                         \
	do {                                                                                                    \
		const char *harness_h = (hay), *harness_n = (needle);                                               \
		if (!harness_h || !strstr(harness_h, harness_n))                                                    \
			harness_fail(__FILE__, __LINE__, "CHECK_CONTAINS(%s, %s): \"%s\" lacks \"%s\"", #hay, #needle,   \
			             harness_h ? harness_h : "(null)", harness_n);                                      \
	} while (0)

/* Shared fixtures (test_main.c). */
/* A new, migrated, empty workspace in memory; close with db_close. */
db *t_db(void);
/* A user row without the cost of a password hash; returns its id. */
long long t_user(db *d, const char *email, const char *role);
/* A scratch path /tmp/tandem-tests-unit-<pid>/name into out (the directory is removed at exit). */
void t_tmp(char *out, size_t n, const char *name);
#endif
