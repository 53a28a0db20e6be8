/* test_util.c — dates, today (TANDEM_TODAY), UTF-8 text checks, number parsing. */
#include <stdlib.h>
#include "harness.h"
#include "platform/util.h"

TEST(util_valid_date)
{
	CHECK(valid_date("2026-11-25"));
	CHECK(valid_date("2024-02-29"));  /* leap year */
	CHECK(valid_date("2000-02-29"));  /* divisible by 400 */
	CHECK(!valid_date("1900-02-29")); /* divisible by 100 only */
	CHECK(!valid_date("2023-02-29"));
	CHECK(!valid_date("2026-04-31"));
	CHECK(valid_date("2026-12-31"));
	CHECK(!valid_date("2026-13-01"));
	CHECK(!valid_date("2026-00-10"));
	CHECK(!valid_date("2026-01-00"));
	CHECK(!valid_date("2026-1-01"));
	CHECK(!valid_date("2026-01-01T00:00:00Z"));
	CHECK(!valid_date("2026/01/01"));
	CHECK(!valid_date("20a6-01-01"));
	CHECK(!valid_date(""));
	CHECK(!valid_date(NULL));
}

TEST(util_date_days_and_diff)
{
	CHECK_EQ_INT(date_days("1970-01-01"), 0);
	CHECK_EQ_INT(date_days("1970-01-02"), 1);
	CHECK_EQ_INT(date_days("2000-03-01"), 11017);
	CHECK_EQ_INT(date_days("1969-12-31"), -1); /* before the epoch is fine, but -1 is also the error value */
	CHECK_EQ_INT(date_days("bad"), -1);
	CHECK_EQ_INT(date_diff("2024-02-28", "2024-03-01"), 2);
	CHECK_EQ_INT(date_diff("2023-02-28", "2023-03-01"), 1);
	CHECK_EQ_INT(date_diff("2026-12-31", "2026-01-01"), -364);
	CHECK_EQ_INT(date_diff("2025-01-01", "2026-01-01"), 365);
}

TEST(util_date_add_and_days_date)
{
	char out[11];
	CHECK(date_add("2024-02-28", 1, out));
	CHECK_STR(out, "2024-02-29"); /* leap day */
	CHECK(date_add("2023-12-31", 1, out));
	CHECK_STR(out, "2024-01-01");
	CHECK(date_add("2027-03-01", -1, out));
	CHECK_STR(out, "2027-02-28");
	CHECK(date_add("2026-11-25", -365, out));
	CHECK_STR(out, "2025-11-25");
	CHECK(date_add("1970-01-01", -1, out)); /* the day before the epoch is a real date too */
	CHECK_STR(out, "1969-12-31");
	CHECK(!date_add("2026-02-30", 1, out));
	days_date(0, out);
	CHECK_STR(out, "1970-01-01");
	days_date(date_days("2000-02-29"), out);
	CHECK_STR(out, "2000-02-29");
}

TEST(util_today_honours_tandem_today)
{
	char out[11];
	setenv("TANDEM_TODAY", "2027-03-04", 1);
	today_ymd(out);
	CHECK_STR(out, "2027-03-04");
	setenv("TANDEM_TODAY", "not-a-date", 1); /* ignored: the real date */
	today_ymd(out);
	CHECK(valid_date(out));
	CHECK(strcmp(out, "2027-03-04") != 0);
	unsetenv("TANDEM_TODAY");
	char real[11];
	today_ymd(real);
	CHECK_STR(out, real);
	char ts[21];
	now_rfc3339(ts);
	CHECK_EQ_INT(strlen(ts), 20);
	CHECK(ts[10] == 'T' && ts[19] == 'Z');
	CHECK(valid_date(real));
}

#define TEXT_OK(s) valid_text((s), sizeof(s) - 1)

TEST(util_valid_text_utf8)
{
	CHECK(TEXT_OK("plain ascii"));
	CHECK(TEXT_OK("tab\tnewline\ncr\r"));
	CHECK(TEXT_OK("caf\xc3\xa9"));             /* é */
	CHECK(TEXT_OK("\xe2\x82\xac"));            /* € */
	CHECK(TEXT_OK("\xf0\x9f\x98\x80"));        /* an emoji */
	CHECK(TEXT_OK("\xf4\x8f\xbf\xbf"));        /* U+10FFFF, the last code point */
	CHECK(TEXT_OK(""));
	CHECK(!TEXT_OK("\xff"));
	CHECK(!TEXT_OK("\xc3"));                   /* truncated */
	CHECK(!TEXT_OK("\xe2\x82"));               /* truncated */
	CHECK(!TEXT_OK("\xc3\x28"));               /* bad continuation */
	CHECK(!TEXT_OK("\xc0\x80"));               /* overlong NUL */
	CHECK(!TEXT_OK("\xe0\x80\xaf"));           /* overlong / */
	CHECK(!TEXT_OK("\xed\xa0\x80"));           /* a UTF-16 surrogate */
	CHECK(!TEXT_OK("\xf4\x90\x80\x80"));       /* beyond U+10FFFF */
	CHECK(!TEXT_OK("\x80"));                   /* lone continuation byte */
	CHECK(!TEXT_OK("a\x01z"));                 /* control character */
	CHECK(!TEXT_OK("a\x7fz"));                 /* DEL */
	CHECK(!TEXT_OK("a\0z"));                   /* NUL inside the length */
	CHECK(valid_text("ab\xff", 2));            /* only n bytes are checked */
}

TEST(util_utf8_len_counts_code_points)
{
	CHECK_EQ_INT(utf8_len(""), 0);
	CHECK_EQ_INT(utf8_len("abc"), 3);
	CHECK_EQ_INT(utf8_len("caf\xc3\xa9"), 4);
	CHECK_EQ_INT(utf8_len("\xf0\x9f\x98\x80\xe2\x82\xac"), 2);
}

TEST(util_parse_ll)
{
	long long v = 99;
	CHECK(parse_ll("0", &v) && v == 0);
	CHECK(parse_ll("12", &v) && v == 12);
	CHECK(parse_ll("-7", &v) && v == -7);
	CHECK(parse_ll("9223372036854775807", &v) && v == 9223372036854775807LL);
	v = 99;
	CHECK(!parse_ll("9223372036854775808", &v)); /* overflow */
	CHECK(!parse_ll("", &v));
	CHECK(!parse_ll(NULL, &v));
	CHECK(!parse_ll("12x", &v));
	CHECK(!parse_ll("1.5", &v));
	CHECK(!parse_ll("0x10", &v));
	CHECK(!parse_ll(" 5", &v)); /* exactly one integer: no leading space */
	CHECK(!parse_ll("5 ", &v));
	CHECK(!parse_ll("-", &v));
	CHECK_EQ_INT(v, 99); /* untouched on failure */
}

TEST(util_parse_double)
{
	double x = 0;
	CHECK(parse_double("2.5", &x) && x == 2.5);
	CHECK(parse_double("-1e3", &x) && x == -1000);
	CHECK(parse_double("7", &x) && x == 7);
	CHECK(!parse_double("", &x));
	CHECK(!parse_double("abc", &x));
	CHECK(!parse_double("1.5kg", &x));
	CHECK(!parse_double("inf", &x));
	CHECK(!parse_double("nan", &x));
	CHECK(!parse_double("1e999", &x)); /* overflow */
}

TEST(util_str_helpers)
{
	CHECK(str_eq("a", "a"));
	CHECK(!str_eq("a", "b"));
	CHECK(str_eq(NULL, NULL));
	CHECK(!str_eq(NULL, "a"));
	CHECK(!str_eq("a", NULL));
	CHECK(str_empty(NULL));
	CHECK(str_empty(""));
	CHECK(!str_empty(" "));
	char *s = xstrdup("copy");
	CHECK_STR(s, "copy");
	free(s);
}
