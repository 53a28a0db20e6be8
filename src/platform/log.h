/* log.h — one-line log records on stderr, each with a level and, when known, a request id. */
#ifndef TANDEM_LOG_H
#define TANDEM_LOG_H
#include "util.h"
void log_info(const char *fmt, ...) PRINTF(1, 2);
void log_error(const char *fmt, ...) PRINTF(1, 2);
void log_set_quiet(int quiet); /* start-up only */
#endif
