/* test_err.c — client-facing failures: status, code, field and message. */
#include "harness.h"
#include "platform/err.h"

TEST(err_set_fills_everything_and_returns_minus_one)
{
	struct err e = {0};
	CHECK_EQ_INT(err_set(&e, 418, "teapot", "brew", "no %s today (%d)", "coffee", 7), -1);
	CHECK_EQ_INT(e.status, 418);
	CHECK_STR(e.code, "teapot");
	CHECK_STR(e.field, "brew");
	CHECK_STR(e.message, "no coffee today (7)");
}

TEST(err_macros_map_to_statuses)
{
	struct err e = {0};
	CHECK_EQ_INT(err_invalid(&e, "title", "title is required"), -1);
	CHECK_EQ_INT(e.status, 400);
	CHECK_STR(e.code, "invalid");
	CHECK_STR(e.field, "title");
	err_not_found(&e, "no goal with id %d", 3);
	CHECK_EQ_INT(e.status, 404);
	CHECK_STR(e.code, "not_found");
	CHECK_STR(e.field, ""); /* a previous field does not linger */
	CHECK_STR(e.message, "no goal with id 3");
	err_conflict(&e, "stale");
	CHECK_EQ_INT(e.status, 409);
	CHECK_STR(e.code, "conflict");
	CHECK_STR(e.field, "version");
	err_internal(&e);
	CHECK_EQ_INT(e.status, 500);
	CHECK_STR(e.code, "internal");
	CHECK(strstr(e.message, "SQL") == NULL);
}

TEST(err_truncates_long_text_safely)
{
	struct err e = {0};
	char big[1000];
	memset(big, 'f', sizeof big - 1);
	big[sizeof big - 1] = 0;
	err_set(&e, 400, "invalid", big, "%s", big);
	CHECK_EQ_INT(strlen(e.field), sizeof e.field - 1);
	CHECK_EQ_INT(strlen(e.message), sizeof e.message - 1);
}
