/* util.h — small shared helpers: attributes, dates and times, string checks. */
#ifndef TANDEM_UTIL_H
#define TANDEM_UTIL_H
#include <stdbool.h>
#include <stddef.h>
#include <time.h>

#define PRINTF(f, a) __attribute__((format(printf, f, a)))
#define NORETURN __attribute__((noreturn))
#define COUNT(a) (sizeof(a) / sizeof((a)[0]))

NORETURN void die_oom(void);
void *xmalloc(size_t n);
void *xrealloc(void *p, size_t n);
char *xstrdup(const char *s);

/* Current time as RFC 3339 UTC ("2026-11-23T16:31:00Z") into out[21]. */
void now_rfc3339(char out[21]);
long long now_unix(void);                     /* seconds since 1970 */
void unix_rfc3339(long long at, char out[21]); /* those seconds as RFC 3339 UTC */
/* Today's date (UTC) as YYYY-MM-DD into out[11]. TANDEM_TODAY overrides (tests). */
void today_ymd(char out[11]);
/* Is s a real calendar date YYYY-MM-DD? */
bool valid_date(const char *s);
/* Days since 1970-01-01 for a valid YYYY-MM-DD; -1 on error. */
long date_days(const char *s);
/* Days from date a to date b (b - a). Both must be valid dates. */
long date_diff(const char *a, const char *b);
/* The date `days` days after 1970-01-01 as YYYY-MM-DD into out[11]. */
void days_date(long days, char out[11]);
/* date moved by days (negative: earlier) into out[11]; false when date is not a real date. */
bool date_add(const char *date, long days, char out[11]);
/* Is s valid UTF-8 with no NUL and no control characters other than \t \n \r? */
bool valid_text(const char *s, size_t n);
/* Number of Unicode code points in valid UTF-8 s. */
size_t utf8_len(const char *s);
bool str_eq(const char *a, const char *b); /* NULL-safe */
bool str_empty(const char *s);               /* NULL or "" */
/* Parse a whole decimal integer; false when s is not exactly one. */
bool parse_ll(const char *s, long long *out);
bool parse_double(const char *s, double *out);
#endif
