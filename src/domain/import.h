/* import.h — importing insights from CSV: streaming (libcsv), real export layouts, per-line errors. */
#ifndef TANDEM_IMPORT_H
#define TANDEM_IMPORT_H
#include <jansson.h>
#include <stdbool.h>
#include <stdio.h>
#include "platform/db.h"

enum { IMPORT_MAX_ERRORS = 1000, IMPORT_PREVIEW_ROWS = 10 };

struct import_options {
	const char *format;   /* generic, fider, quackback, productboard, jira; NULL/"" = recognise from the header */
	const char *map;      /* generic: "Column=field,Column=field"; implies generic when format is empty */
	const char *source;   /* source of rows that carry none (default "other") */
	bool all_or_nothing;  /* any bad row: nothing is imported */
	long long actor;      /* user id for the audit row; 0 for the CLI */
	/* Called every 64 KiB or so: bytes read so far and data rows seen. */
	void (*progress)(void *ctx, unsigned long long bytes, long rows);
	void *progress_ctx;
};

struct import_error {
	long line;            /* physical line where the row starts (1 = the header) */
	char message[240];
};

struct import_result {
	long imported;        /* new insights */
	long unchanged;       /* rows whose external id is already in the workspace (or earlier in the file) */
	long skipped;         /* rows not imported: malformed ones (in errors) and ones the layout skips */
	struct import_error *errors; /* the first IMPORT_MAX_ERRORS, by line */
	int nerrors;
	long more_errors;     /* malformed rows beyond the list */
	long rows;            /* data rows read */
	char format[16];      /* the layout used */
	bool rolled_back;     /* all_or_nothing with a bad row: nothing was kept */
	/* The import could not run at all (bad map, unknown format, header matching no layout, empty
	 * file): status 400 and the message; nothing was imported. 0 otherwise. */
	int status;
	char message[1024];
};

/* Import a whole file read in 64 KiB chunks (never held whole); the caller holds the transaction.
 * Returns 0 when the import ran (see r->errors), -1 when it could not (r->status, r->message).
 * Free r with import_result_free. */
int import_file(db *d, const struct import_options *o, FILE *f, struct import_result *r);
/* The same over a buffer (an HTTP body), parsed in chunks. */
int import_buffer(db *d, const struct import_options *o, const char *data, size_t n, struct import_result *r);
void import_result_free(struct import_result *r);
/* {"imported", "unchanged", "skipped", "errors": [{"line", "message"}], "more_errors", "format", ...}: new. */
json_t *import_result_json(const struct import_result *r);

/* The first rows of a file and the mapping Tandem proposes for its columns (the UI's preview). */
struct import_preview {
	char format[16];      /* the layout recognised, or "generic" (then fields are guesses) */
	bool known;           /* the header matched a known layout */
	char source[16];      /* the source the layout's rows most likely are ("support" for Jira); "other" for generic */
	int ncols;
	char **header;        /* ncols names */
	const char **fields;  /* per column: the Tandem field it feeds ("text", "tags", ...) or NULL */
	int nrows;
	char **cells;         /* nrows x ncols, row-major; missing cells of ragged rows are NULL */
	long lines[IMPORT_PREVIEW_ROWS];
	char message[1024];   /* why there is no preview (empty file, bad format), else "" */
};
/* Fill p from the first rows of data (format as in import_options, or NULL). -1 with p->message. */
int import_preview(const char *data, size_t n, const char *format, struct import_preview *p);
void import_preview_free(struct import_preview *p);

/* The fields a map may name, NULL-terminated. */
extern const char *const import_fields[];
/* The formats by name, NULL-terminated ("generic" first). */
extern const char *const import_formats[];
#endif
