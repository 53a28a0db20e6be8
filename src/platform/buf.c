/* buf.c — growable byte buffer and its context-escaping writers. */
#include "buf.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

void buf_init(buf *b) { b->p = NULL, b->len = b->cap = 0; }

void buf_free(buf *b)
{
	free(b->p);
	buf_init(b);
}

void buf_reset(buf *b)
{
	b->len = 0;
	if (b->p)
		b->p[0] = 0;
}

char *buf_detach(buf *b, size_t *len)
{
	if (!b->p)
		buf_add(b, "", 0);
	char *p = b->p;
	if (len)
		*len = b->len;
	buf_init(b);
	return p;
}

const char *buf_str(buf *b) { return b->p ? b->p : ""; }

static void grow(buf *b, size_t extra)
{
	if (b->len + extra + 1 <= b->cap)
		return;
	size_t cap = b->cap ? b->cap : 256;
	while (cap < b->len + extra + 1)
		cap *= 2;
	b->p = xrealloc(b->p, cap);
	b->cap = cap;
}

void buf_add(buf *b, const void *p, size_t n)
{
	grow(b, n);
	if (n)
		memcpy(b->p + b->len, p, n);
	b->len += n;
	b->p[b->len] = 0;
}

void buf_addc(buf *b, char c) { buf_add(b, &c, 1); }

void buf_raw(buf *b, const char *s)
{
	if (s)
		buf_add(b, s, strlen(s));
}

static void vrawf(buf *b, const char *fmt, va_list ap)
{
	va_list ap2;
	va_copy(ap2, ap);
	char small[256];
	int n = vsnprintf(small, sizeof small, fmt, ap);
	if (n < 0) {
		va_end(ap2);
		return;
	}
	if ((size_t)n < sizeof small) {
		buf_add(b, small, (size_t)n);
	} else {
		grow(b, (size_t)n);
		vsnprintf(b->p + b->len, (size_t)n + 1, fmt, ap2);
		b->len += (size_t)n;
	}
	va_end(ap2);
}

void buf_rawf(buf *b, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	vrawf(b, fmt, ap);
	va_end(ap);
}

void buf_html(buf *b, const char *s)
{
	if (!s)
		return;
	const char *run = s;
	for (; *s; s++) {
		const char *rep;
		switch (*s) {
		case '&': rep = "&amp;"; break;
		case '<': rep = "&lt;"; break;
		case '>': rep = "&gt;"; break;
		case '"': rep = "&quot;"; break;
		case '\'': rep = "&#39;"; break;
		default: continue;
		}
		buf_add(b, run, (size_t)(s - run));
		buf_raw(b, rep);
		run = s + 1;
	}
	buf_add(b, run, (size_t)(s - run));
}

void buf_url(buf *b, const char *s)
{
	static const char hex[] = "0123456789ABCDEF";
	for (; s && *s; s++) {
		unsigned char c = (unsigned char)*s;
		if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' ||
		    c == '_' || c == '.' || c == '~') {
			buf_addc(b, (char)c);
		} else {
			char e[3] = {'%', hex[c >> 4], hex[c & 15]};
			buf_add(b, e, 3);
		}
	}
}

void buf_json(buf *b, const char *s)
{
	if (!s) {
		buf_lit(b, "null");
		return;
	}
	buf_addc(b, '"');
	for (; *s; s++) {
		unsigned char c = (unsigned char)*s;
		switch (c) {
		case '"': buf_lit(b, "\\\""); break;
		case '\\': buf_lit(b, "\\\\"); break;
		case '\n': buf_lit(b, "\\n"); break;
		case '\r': buf_lit(b, "\\r"); break;
		case '\t': buf_lit(b, "\\t"); break;
		case '<': buf_lit(b, "\\u003c"); break; /* safe inside <script> too */
		default:
			if (c < 0x20)
				buf_rawf(b, "\\u%04x", c);
			else
				buf_addc(b, (char)c);
		}
	}
	buf_addc(b, '"');
}

/* Is s wholly a decimal number: [+-]digits[.digits][e[+-]digits]? */
static bool csv_number(const char *s)
{
	if (*s == '+' || *s == '-')
		s++;
	const char *d = s;
	while (*s >= '0' && *s <= '9')
		s++;
	if (*s == '.')
		for (s++; *s >= '0' && *s <= '9';)
			s++;
	if (s == d || (s == d + 1 && *d == '.'))
		return false;
	if (*s == 'e' || *s == 'E') {
		s++;
		if (*s == '+' || *s == '-')
			s++;
		if (!(*s >= '0' && *s <= '9'))
			return false;
		while (*s >= '0' && *s <= '9')
			s++;
	}
	return *s == 0;
}

void buf_html_marked(buf *b, const char *s)
{
	for (const char *p = s ? s : ""; *p;) {
		size_t n = strcspn(p, "\x02\x03");
		char *run = strndup(p, n);
		if (!run)
			die_oom();
		buf_html(b, run);
		free(run);
		p += n;
		if (*p == 2)
			buf_lit(b, "<mark>");
		else if (*p == 3)
			buf_lit(b, "</mark>");
		if (*p)
			p++;
	}
}

void buf_csv(buf *b, const char *s)
{
	if (!s)
		return;
	/* A leading = + - @ (or a tab or carriage return before one) makes spreadsheets run a formula: prefix a quote
	 * mark. Only a cell that is wholly a number ("-12.5") is left as it is. */
	bool formula = strchr("=+-@\t\r", *s) && *s && !csv_number(s);
	bool quote = formula || strpbrk(s, ",\"\r\n") != NULL;
	if (!quote) {
		buf_raw(b, s);
		return;
	}
	buf_addc(b, '"');
	if (formula)
		buf_addc(b, '\'');
	for (; *s; s++) {
		if (*s == '"')
			buf_addc(b, '"');
		buf_addc(b, *s);
	}
	buf_addc(b, '"');
}

/* v in decimal, with a comma between groups of three digits when grouped. */
static void int_digits(buf *b, long long v, bool grouped)
{
	char t[32];
	int n = 0, digits = 0;
	unsigned long long u = v < 0 ? 0ULL - (unsigned long long)v : (unsigned long long)v;
	do {
		if (grouped && digits && digits % 3 == 0)
			t[n++] = ',';
		t[n++] = (char)('0' + u % 10);
		digits++;
	} while ((u /= 10) > 0);
	if (v < 0)
		t[n++] = '-';
	char r[32];
	for (int i = 0; i < n; i++)
		r[i] = t[n - 1 - i];
	buf_add(b, r, (size_t)n);
}

void buf_int(buf *b, long long v) { int_digits(b, v, false); }

void buf_int_grouped(buf *b, long long v) { int_digits(b, v, true); }

/* %s and %.Ns: escaped; a precision cuts at most N bytes, never inside a UTF-8 character. */
static void html_str(buf *b, const char *s, const char *spec)
{
	const char *dot = strchr(spec, '.');
	if (!dot || !s)
		return buf_html(b, s);
	size_t n = strnlen(s, (size_t)atoi(dot + 1));
	while (n > 0 && s[n] && ((unsigned char)s[n] & 0xC0) == 0x80)
		n--;
	char *cut = xstrdup(s);
	cut[n] = 0;
	buf_html(b, cut);
	free(cut);
}

/* Walks fmt; copies each conversion spec and formats its one argument, escaping %s. */
void vhtml(buf *b, const char *fmt, va_list ap)
{
	const char *run = fmt;
	while (*fmt) {
		if (*fmt != '%') {
			fmt++;
			continue;
		}
		buf_add(b, run, (size_t)(fmt - run));
		const char *start = fmt++;
		if (*fmt == '%') {
			buf_addc(b, '%');
			run = ++fmt;
			continue;
		}
		while (*fmt && strchr("-+ #0", *fmt)) /* strchr finds the terminating NUL too */
			fmt++;
		while ((*fmt >= '0' && *fmt <= '9') || *fmt == '.')
			fmt++;
		int lng = 0, size = 0;
		while (*fmt == 'l') {
			lng++;
			fmt++;
		}
		if (*fmt == 'z') {
			size = 1;
			fmt++;
		}
		char spec[32];
		size_t sl = (size_t)(fmt - start) + 1;
		if (sl >= sizeof spec) { /* a bug in the format: cut, it would print something else */
			fprintf(stderr, "html(): conversion too long in \"%s\"\n", start);
			abort();
		}
		memcpy(spec, start, sl);
		spec[sl] = 0;
		switch (*fmt) {
		case 's': html_str(b, va_arg(ap, const char *), spec); break;
		case 'd':
		case 'i':
		case 'u':
		case 'x':
			if (size)
				buf_rawf(b, spec, va_arg(ap, size_t));
			else if (lng >= 2)
				buf_rawf(b, spec, va_arg(ap, long long));
			else if (lng == 1)
				buf_rawf(b, spec, va_arg(ap, long));
			else
				buf_rawf(b, spec, va_arg(ap, int));
			break;
		case 'f':
		case 'g':
		case 'e': buf_rawf(b, spec, va_arg(ap, double)); break;
		case 'c': {
			char c[2] = {(char)va_arg(ap, int), 0};
			buf_html(b, c);
			break;
		}
		default: /* a bug in the format: an unknown conversion (%p, %n, a * width) would take its argument wrong */
			fprintf(stderr, "html(): unknown conversion in \"%s\"\n", start);
			abort();
		}
		fmt++;
		run = fmt;
	}
	buf_add(b, run, (size_t)(fmt - run));
}

void html(buf *b, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	vhtml(b, fmt, ap);
	va_end(ap);
}
