/* log.c — one-line log records on stderr. */
#include "log.h"
#include <stdarg.h>
#include <stdio.h>

static int quiet; /* set once at start-up, read-only after */

void log_set_quiet(int q) { quiet = q; }

static void emit(const char *level, const char *fmt, va_list ap)
{
	char ts[21], line[1024];
	now_rfc3339(ts);
	vsnprintf(line, sizeof line, fmt, ap);
	fprintf(stderr, "%s %s %s\n", ts, level, line);
}

void log_info(const char *fmt, ...)
{
	if (quiet)
		return;
	va_list ap;
	va_start(ap, fmt);
	emit("info", fmt, ap);
	va_end(ap);
}

void log_error(const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	emit("error", fmt, ap);
	va_end(ap);
}
