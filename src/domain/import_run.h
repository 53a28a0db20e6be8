/* import_run.h — one import in progress, shared by the reader (import.c) and the store (import_store.c). */
#ifndef TANDEM_IMPORT_RUN_H
#define TANDEM_IMPORT_RUN_H
#include <csv.h>
#include <stdarg.h>
#include "import.h"
#include "import_int.h"
#include "platform/buf.h"

/* Names already resolved to ids (accounts, personas), keyed without regard to ASCII case. */
struct name_cache {
	struct name_slot {
		char *key;
		long long id;
	} *slots;
	size_t cap, n;
};

/* New insights waiting to be written, their strings one after another in data (import_batch.c). */
struct batch_row {
	size_t text, author, url, tags, extid; /* offsets in data; (size_t)-1 for none */
	const char *source;           /* a static name */
	long long account, persona;   /* 0 for none */
	char date[11];
	long line;
};
struct batch {
	struct batch_row *rows;
	int n;
	short slots[1024];            /* external ids of rows waiting: hash -> row index + 1 */
	buf data;
	char *sql_full, *sql_one;
};
/* One checked row, as batch_add takes it (copied). */
struct batch_in {
	const char *text, *author, *url, *tags, *extid, *source;
	long long account, persona;
	const char *date;             /* "" or YYYY-MM-DD */
	long line;
};

struct importer {
	db *d;                        /* NULL for a preview */
	const struct import_options *o;
	struct import_result *r;
	struct import_preview *pv;    /* a preview: collect the first rows, write nothing */
	struct csv_parser p;
	buf head;                     /* bytes held until the first line is complete */
	bool started, stopped;
	unsigned long long bytes;
	long line;                    /* the physical line being parsed, from 1 */
	char last;                    /* the last byte parsed */
	bool row_open;                /* a row has begun and not yet ended */
	long row_line;                /* the line the current row began on */
	size_t row_bytes;
	/* the current row: fields NUL-terminated one after another in row, starting at offs[i] */
	buf row;
	size_t *offs;
	char **fp;
	int nfields, cap;
	bool too_many;
	/* the header and how each column is read */
	bool header_done;
	int ncols;
	char **header;
	struct colmap *cm;
	const struct layout *layout;
	/* the store */
	bool savepoint, failed;       /* failed: all_or_nothing saw a bad row, nothing more is written */
	char now[21];
	buf text, tags, tmp;
	int ntags;
	struct name_cache accounts, personas;
	struct batch batch;
};

/* import.c */
void run_fatal(struct importer *im, int status, const char *fmt, ...) PRINTF(3, 4);
void run_utf8_tail(char *s);

/* import_store.c */
int run_begin(struct importer *im);        /* the savepoint; -1 with r->status on failure */
void run_end(struct importer *im);         /* keep or roll back, the audit row */
void run_row(struct importer *im, char **f); /* check one data row and store it */
/* A malformed row: counted as skipped, listed with its line (the first IMPORT_MAX_ERRORS). */
void run_bad(struct importer *im, long line, const char *fmt, ...) PRINTF(3, 4);
bool run_source_ok(const char *s);

/* import_batch.c */
void batch_add(struct importer *im, const struct batch_in *in); /* writes when the batch is full */
bool batch_has(struct importer *im, const char *extid);          /* waiting in the batch? */
int batch_flush(struct importer *im);                            /* write what waits; -1 (fatal set) */
void batch_free(struct importer *im);
void run_free(struct importer *im);
#endif
