/* import.c — reading CSV for the insight import: libcsv fed in chunks a physical line at a time (so
 * every row knows the line it starts on), the header matched to a layout, the first rows for a preview. */
#include <csv.h>
#include <stdlib.h>
#include <string.h>
#include "import_run.h"

enum { ROW_MAX = 4 << 20, FIELDS_MAX = 5000, SNIFF_MAX = 65536, CHUNK = 65536 };

/* libcsv's parser states (libcsv.c); only "inside a field" is needed, to find an unclosed quote. */
enum { LIBCSV_FIELD_BEGUN = 2 };

void run_fatal(struct importer *im, int status, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(im->r->message, sizeof im->r->message, fmt, ap);
	va_end(ap);
	run_utf8_tail(im->r->message);
	im->r->status = status;
	im->stopped = true;
}

/* Cut an incomplete UTF-8 sequence left at the end of s by a truncating snprintf. */
void run_utf8_tail(char *s)
{
	size_t n = strlen(s), k = n;
	while (k > 0 && k > n - 4 && ((unsigned char)s[k - 1] & 0xc0) == 0x80)
		k--;
	if (k > 0 && ((unsigned char)s[k - 1] & 0x80)) {
		unsigned char c = (unsigned char)s[k - 1];
		size_t want = (c & 0xe0) == 0xc0 ? 2 : (c & 0xf0) == 0xe0 ? 3 : (c & 0xf8) == 0xf0 ? 4 : 1;
		if (n - (k - 1) < want)
			s[k - 1] = 0;
	}
}

/* The header as "a, b, c" for messages. */
static void header_list(struct importer *im, char *out, size_t n)
{
	size_t k = 0;
	out[0] = 0;
	for (int i = 0; i < im->ncols && k + 8 < n; i++)
		k += (size_t)snprintf(out + k, n - k, "%s%s", i ? ", " : "", im->header[i]);
	if (k >= n)
		memcpy(out + n - 4, "...", 4);
	run_utf8_tail(out);
}

/* The first row: the layout (named, recognised, or a generic map) and each column's role. */
static void on_header(struct importer *im, char **f, int n)
{
	im->header_done = true;
	im->ncols = n;
	im->header = xmalloc(sizeof *im->header * (size_t)n);
	im->cm = xmalloc(sizeof *im->cm * (size_t)n);
	for (int i = 0; i < n; i++)
		im->header[i] = xstrdup(f[i]);
	for (int i = 0; i < n; i++)
		if (!valid_text(f[i], strlen(f[i])))
			return run_fatal(im, 400, "the header is not valid UTF-8 text: save the file as CSV UTF-8");
	const struct import_options *o = im->o;
	const char *fmt = str_empty(o->format) ? (str_empty(o->map) ? NULL : "generic") : o->format;
	char msg[600], cols[400];
	header_list(im, cols, sizeof cols);
	if (!fmt) {
		im->layout = layout_detect(im->header, n);
		if (!im->layout) {
			if (im->pv) {
				map_guess(im->header, n, im->cm);
				snprintf(im->r->format, sizeof im->r->format, "generic");
				return;
			}
			return run_fatal(im, 400,
			                 "header matches no known layout; use format=generic with map=Column=field,... "
			                 "(header: %s)", cols);
		}
	} else if (strcmp(fmt, "generic") != 0) {
		im->layout = layout_find(fmt);
	}
	if (im->layout) {
		snprintf(im->r->format, sizeof im->r->format, "%s", im->layout->name);
		if (!str_empty(o->map) && !im->pv)
			return run_fatal(im, 400, "map applies only to format=generic, not %s", im->layout->name);
		if (layout_assign(im->layout, im->header, n, im->cm, msg, sizeof msg) < 0)
			return run_fatal(im, 400, "%s (header: %s)", msg, cols);
		return;
	}
	snprintf(im->r->format, sizeof im->r->format, "generic");
	if (str_empty(o->map)) {
		if (im->pv)
			return map_guess(im->header, n, im->cm);
		return run_fatal(im, 400, "format=generic needs map=Column=field,... (header: %s)", cols);
	}
	if (map_assign(o->map, im->header, n, im->cm, msg, sizeof msg) < 0)
		return run_fatal(im, 400, "%s (header: %s)", msg, cols);
}

static void preview_row(struct importer *im, char **f, int n)
{
	struct import_preview *pv = im->pv;
	pv->cells = xrealloc(pv->cells, sizeof *pv->cells * (size_t)(pv->nrows + 1) * (size_t)im->ncols);
	for (int i = 0; i < im->ncols; i++)
		pv->cells[pv->nrows * im->ncols + i] = i < n ? xstrdup(f[i]) : NULL;
	pv->lines[pv->nrows++] = im->row_line;
	if (pv->nrows >= IMPORT_PREVIEW_ROWS)
		im->stopped = true;
}

static void on_field(void *s, size_t len, void *data)
{
	struct importer *im = data;
	if (im->nfields >= FIELDS_MAX) {
		im->too_many = true;
		return;
	}
	if (im->nfields == im->cap) {
		im->cap = im->cap ? im->cap * 2 : 32;
		im->offs = xrealloc(im->offs, sizeof *im->offs * (size_t)im->cap);
		im->fp = xrealloc(im->fp, sizeof *im->fp * (size_t)im->cap);
	}
	im->offs[im->nfields++] = im->row.len;
	const char *p = s ? s : "";
	/* quoted newlines of a CRLF file are stored as LF */
	const char *cr = len ? memchr(p, '\r', len) : NULL;
	if (!cr) {
		buf_add(&im->row, p, len);
	} else {
		for (size_t i = 0; i < len; i++) {
			if (p[i] == '\r' && i + 1 < len && p[i + 1] == '\n')
				continue;
			buf_addc(&im->row, p[i] == '\r' ? '\n' : p[i]);
		}
	}
	buf_addc(&im->row, 0);
}

static void on_row(int c, void *data)
{
	(void)c;
	struct importer *im = data;
	im->row_open = false;
	int n = im->nfields;
	if (!im->stopped && n > 0) {
		char **f = im->fp;
		bool empty = true;
		for (int i = 0; i < n; i++) {
			f[i] = im->row.p + im->offs[i];
			empty &= f[i][0] == 0;
		}
		if (!im->header_done)
			on_header(im, f, n);
		else if (!empty) { /* spreadsheets end files with rows of bare commas */
			im->r->rows++;
			if (im->pv)
				preview_row(im, f, n);
			else if (n != im->ncols || im->too_many)
				run_bad(im, im->row_line, "%d fields where the header has %d (a quote left open, or a comma too many?)",
				        n, im->ncols);
			else
				run_row(im, f);
		}
	}
	buf_reset(&im->row);
	im->nfields = 0;
	im->too_many = false;
}

/* Hand bytes to libcsv up to each newline: the line count stays exact and a row's first line is known. */
static void feed(struct importer *im, const char *p, size_t n)
{
	while (n && !im->stopped) {
		const char *nl = memchr(p, '\n', n);
		size_t len = nl ? (size_t)(nl - p) + 1 : n;
		if (!im->row_open)
			for (size_t i = 0; i < len; i++)
				if (p[i] != ' ' && p[i] != '\t' && p[i] != '\r' && p[i] != '\n') {
					im->row_open = true;
					im->row_line = im->line;
					im->row_bytes = 0;
					break;
				}
		im->row_bytes += len;
		if (im->row_open && im->row_bytes > ROW_MAX) {
			im->r->rows++;
			run_bad(im, im->row_line, "this row runs past 4 MiB: a quote is probably left open; the rest of the file "
			                          "was not read");
			im->stopped = true;
			return;
		}
		if (csv_parse(&im->p, p, len, on_field, on_row, im) != len) {
			run_fatal(im, 500, "the CSV parser failed at line %ld: %s", im->line, csv_strerror(csv_error(&im->p)));
			return;
		}
		im->last = p[len - 1];
		if (nl)
			im->line++;
		p += len, n -= len;
	}
}

static int space_only(unsigned char c) { return c == ' '; }

/* The first line is in: strip a UTF-8 BOM, refuse UTF-16, pick the delimiter, start parsing. */
static void start(struct importer *im)
{
	im->started = true;
	const char *p = buf_str(&im->head);
	size_t n = im->head.len;
	if (n >= 3 && !memcmp(p, "\xEF\xBB\xBF", 3))
		p += 3, n -= 3;
	else if (n >= 2 && (!memcmp(p, "\xFF\xFE", 2) || !memcmp(p, "\xFE\xFF", 2)))
		return run_fatal(im, 400, "the file is UTF-16 text: save it as CSV UTF-8");
	/* the delimiter: the most frequent of , ; TAB in the first line outside quotes (comma on ties) */
	int counts[3] = {0, 0, 0};
	bool q = false;
	for (size_t i = 0; i < n && (q || p[i] != '\n'); i++) {
		if (p[i] == '"')
			q = !q;
		else if (!q)
			counts[0] += p[i] == ',', counts[1] += p[i] == ';', counts[2] += p[i] == '\t';
	}
	unsigned char delim = ',';
	if (counts[1] > counts[0] && counts[1] >= counts[2])
		delim = ';';
	else if (counts[2] > counts[0] && counts[2] > counts[1])
		delim = '\t';
	csv_set_delim(&im->p, delim);
	if (delim == '\t')
		csv_set_space_func(&im->p, space_only);
	feed(im, p, n);
	buf_free(&im->head);
}

static void push(struct importer *im, const char *data, size_t n)
{
	im->bytes += n;
	if (im->stopped)
		return;
	if (!im->started) {
		buf_add(&im->head, data, n);
		if (memchr(data, '\n', n) || im->head.len >= SNIFF_MAX)
			start(im);
		return;
	}
	feed(im, data, n);
}

static void finish(struct importer *im)
{
	if (!im->started && !im->stopped)
		start(im);
	if (!im->stopped) {
		if (im->row_open && im->p.quoted && im->p.pstate == LIBCSV_FIELD_BEGUN) {
			long last = im->line - (im->last == '\n');
			im->r->rows++;
			run_bad(im, im->row_line,
			        "a quoted field is never closed (unbalanced quote): lines %ld to %ld were not imported",
			        im->row_line, last);
		} else {
			csv_fini(&im->p, on_field, on_row, im);
		}
	}
	if (!im->header_done && !im->r->status)
		run_fatal(im, 400, "the file is empty: there is no header row");
}

static void importer_init(struct importer *im, db *d, const struct import_options *o, struct import_result *r)
{
	memset(im, 0, sizeof *im);
	memset(r, 0, sizeof *r);
	im->d = d, im->o = o, im->r = r;
	im->line = 1;
	csv_init(&im->p, CSV_APPEND_NULL);
}

static void importer_free(struct importer *im)
{
	csv_free(&im->p);
	buf_free(&im->head);
	buf_free(&im->row);
	free(im->offs);
	free(im->fp);
	for (int i = 0; i < im->ncols; i++)
		free(im->header[i]);
	free(im->header);
	free(im->cm);
	run_free(im);
}

/* Refuse what can be refused before reading: an unknown format or source. */
static int check_options(const struct import_options *o, struct import_result *r)
{
	if (!str_empty(o->format) && strcmp(o->format, "generic") && !layout_find(o->format)) {
		snprintf(r->message, sizeof r->message,
		         "unknown format '%.40s'; formats are generic, fider, quackback, productboard, jira", o->format);
		run_utf8_tail(r->message);
		r->status = 400;
		return -1;
	}
	if (!str_empty(o->source) && !run_source_ok(o->source)) {
		snprintf(r->message, sizeof r->message,
		         "unknown source '%.40s'; sources are interview, support, sales, survey, review, analytics, "
		         "research, other", o->source);
		run_utf8_tail(r->message);
		r->status = 400;
		return -1;
	}
	return 0;
}

/* Shared by import_file and import_buffer: reader fills up to CHUNK bytes, returns 0 at the end. */
static int run(db *d, const struct import_options *o, struct import_result *r,
               size_t (*reader)(void *src, char *out, size_t n), void *src)
{
	struct importer im;
	importer_init(&im, d, o, r);
	if (check_options(o, r) < 0) {
		importer_free(&im);
		return -1;
	}
	if (run_begin(&im) < 0) {
		importer_free(&im);
		return -1;
	}
	char *chunk = xmalloc(CHUNK);
	size_t n;
	while (!im.stopped && (n = reader(src, chunk, CHUNK)) > 0) {
		push(&im, chunk, n);
		if (o->progress)
			o->progress(o->progress_ctx, im.bytes, r->rows);
	}
	free(chunk);
	finish(&im);
	run_end(&im);
	importer_free(&im);
	return r->status ? -1 : 0;
}

static size_t read_file(void *src, char *out, size_t n) { return fread(out, 1, n, src); }

struct mem {
	const char *p;
	size_t n;
};

static size_t read_mem(void *src, char *out, size_t n)
{
	struct mem *m = src;
	size_t k = m->n < n ? m->n : n;
	memcpy(out, m->p, k);
	m->p += k, m->n -= k;
	return k;
}

int import_file(db *d, const struct import_options *o, FILE *f, struct import_result *r)
{
	int rc = run(d, o, r, read_file, f);
	if (ferror(f) && !r->status) {
		snprintf(r->message, sizeof r->message, "the file could not be read to its end");
		r->status = 500;
		rc = -1;
	}
	return rc;
}

int import_buffer(db *d, const struct import_options *o, const char *data, size_t n, struct import_result *r)
{
	struct mem m = {data ? data : "", data ? n : 0};
	return run(d, o, r, read_mem, &m);
}

int import_preview(const char *data, size_t n, const char *format, struct import_preview *p)
{
	memset(p, 0, sizeof *p);
	struct import_options o = {.format = format};
	struct import_result r;
	struct importer im;
	importer_init(&im, NULL, &o, &r);
	im.pv = p;
	int rc = check_options(&o, &r);
	for (size_t off = 0; rc == 0 && off < n && !im.stopped; off += CHUNK)
		push(&im, data + off, n - off < CHUNK ? n - off : CHUNK);
	if (rc == 0)
		finish(&im);
	p->ncols = im.ncols;
	p->header = im.header;
	p->fields = xmalloc(sizeof *p->fields * (size_t)(im.ncols ? im.ncols : 1));
	for (int i = 0; i < im.ncols; i++)
		p->fields[i] = role_field(im.cm[i].role);
	p->known = im.layout != NULL;
	snprintf(p->source, sizeof p->source, "%s", im.layout && im.layout->source ? im.layout->source : "other");
	snprintf(p->format, sizeof p->format, "%s", r.format);
	snprintf(p->message, sizeof p->message, "%s", r.status ? r.message : "");
	im.header = NULL, im.ncols = 0; /* handed to p */
	importer_free(&im);
	import_result_free(&r);
	return p->message[0] ? -1 : 0;
}

void import_preview_free(struct import_preview *p)
{
	for (int i = 0; i < p->nrows * p->ncols; i++)
		free(p->cells[i]);
	free(p->cells);
	for (int i = 0; i < p->ncols; i++)
		free(p->header[i]);
	free(p->header);
	free(p->fields);
	memset(p, 0, sizeof *p);
}

void import_result_free(struct import_result *r)
{
	free(r->errors);
	r->errors = NULL;
	r->nerrors = 0;
}

json_t *import_result_json(const struct import_result *r)
{
	json_t *errs = json_array();
	for (int i = 0; i < r->nerrors; i++) {
		json_t *m = json_string(r->errors[i].message);
		json_array_append_new(errs, json_pack("{sIso}", "line", (json_int_t)r->errors[i].line, "message",
		                                      m ? m : json_string("(unprintable message)")));
	}
	return json_pack("{sIsIsIsosIsIsssb}", "imported", (json_int_t)r->imported, "unchanged", (json_int_t)r->unchanged,
	                 "skipped", (json_int_t)r->skipped, "errors", errs, "more_errors", (json_int_t)r->more_errors,
	                 "rows", (json_int_t)r->rows, "format", r->format, "rolled_back", r->rolled_back);
}
