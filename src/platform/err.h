/* err.h — a client-facing failure: HTTP status, stable code, message, and the field at fault. */
#ifndef TANDEM_ERR_H
#define TANDEM_ERR_H
#include "util.h"

struct err {
	int status;          /* 0 when there is no error */
	const char *code;    /* invalid, not_found, conflict, forbidden, ... */
	char field[64];      /* "" when no single field is at fault */
	char message[256];
};

/* Fill e and return -1, so callers can write: return err_set(e, ...). */
int err_set(struct err *e, int status, const char *code, const char *field, const char *fmt, ...) PRINTF(5, 6);
#define err_invalid(e, field, ...) err_set((e), 400, "invalid", (field), __VA_ARGS__)
#define err_not_found(e, ...) err_set((e), 404, "not_found", NULL, __VA_ARGS__)
#define err_conflict(e, ...) err_set((e), 409, "conflict", "version", __VA_ARGS__)
#define err_internal(e) err_set((e), 500, "internal", NULL, "internal error; see the server log")
#endif
