/* buf.h — growable byte buffer whose writers are named by the context they escape for. */
#ifndef TANDEM_BUF_H
#define TANDEM_BUF_H
#include <stdarg.h>
#include <stddef.h>
#include "util.h"

typedef struct buf {
	char *p;      /* always NUL-terminated once anything was written */
	size_t len, cap;
} buf;

void buf_init(buf *b);
void buf_free(buf *b);
void buf_reset(buf *b);                  /* len = 0, keeps the memory */
char *buf_detach(buf *b, size_t *len);   /* caller frees; b is empty after */
const char *buf_str(buf *b);             /* "" when empty */

/* Raw bytes: only for text the program owns. */
void buf_add(buf *b, const void *p, size_t n);
void buf_addc(buf *b, char c);
/* A string literal, raw: the "" around s makes anything but a literal fail to compile. */
#define buf_lit(b, s) buf_add((b), "" s "", sizeof(s) - 1)
/* Raw text the program owns (e.g. a number it formatted); never user data. */
void buf_raw(buf *b, const char *s);
/* Raw printf for numbers and program-owned text; never %s with user data. */
void buf_rawf(buf *b, const char *fmt, ...) PRINTF(2, 3);

/* A whole number in decimal, without printf (hot in big lists and charts). */
void buf_int(buf *b, long long v);
/* The same with commas between groups of three digits: 1,250,000 (money, sizes). */
void buf_int_grouped(buf *b, long long v);

/* Escaping writers. */
void buf_html(buf *b, const char *s);    /* text or attribute value: & < > " ' */
/* Text with marked runs (a search snippet: each run between \x02 and \x03) as HTML: escaped, runs in <mark>. */
void buf_html_marked(buf *b, const char *s);
void buf_url(buf *b, const char *s);     /* a URL query or path component */
void buf_json(buf *b, const char *s);    /* a JSON string with its quotes; NULL -> null */
void buf_csv(buf *b, const char *s);     /* one CSV field, quoted when needed, formula-safe */
/* printf for HTML: every %s argument is HTML-escaped; numbers are formatted as usual. */
void html(buf *b, const char *fmt, ...) PRINTF(2, 3);
void vhtml(buf *b, const char *fmt, va_list ap);
#endif
