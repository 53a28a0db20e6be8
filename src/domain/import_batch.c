/* import_batch.c — new insights written 256 to a statement: FTS5 flushes its pending index at every
 * statement of a transaction, so a row per statement costs four times the work of a batch. */
#include <stdlib.h>
#include <string.h>
#include "import_run.h"
#include "platform/log.h"

enum { BATCH = 256, PER_ROW = 12 /* nine values, who imports, the time twice */ };
#define NO_TEXT ((size_t)-1)

static const char ins_head[] = "INSERT INTO insights(text, source, author, account_id, persona_id, observed_at, url, "
                               "tags, external_id, created_by, created_at, updated_at) VALUES ";

static size_t keep(struct batch *b, const char *s)
{
	if (!s)
		return NO_TEXT;
	size_t off = b->data.len;
	buf_add(&b->data, s, strlen(s) + 1);
	return off;
}

/* The statement for n rows, PER_ROW parameters each (program-owned text). */
static char *insert_sql(int n)
{
	buf s;
	buf_init(&s);
	buf_add(&s, ins_head, sizeof ins_head - 1);
	for (int k = 0; k < n; k++)
		buf_raw(&s, k ? ", (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)" : "(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
	return buf_detach(&s, NULL);
}

static const char *at(struct batch *b, size_t off) { return off == NO_TEXT ? NULL : b->data.p + off; }

static void bind_row(struct importer *im, db_stmt *s, const struct batch_row *r, int k)
{
	struct batch *b = &im->batch;
	int p = 1 + k * PER_ROW;
	db_bind_text(s, p, at(b, r->text));
	db_bind_text(s, p + 1, r->source);
	db_bind_text(s, p + 2, at(b, r->author));
	if (r->account)
		db_bind_int(s, p + 3, r->account);
	else
		db_bind_text(s, p + 3, NULL);
	if (r->persona)
		db_bind_int(s, p + 4, r->persona);
	else
		db_bind_text(s, p + 4, NULL);
	db_bind_text(s, p + 5, r->date[0] ? r->date : NULL);
	db_bind_text(s, p + 6, at(b, r->url));
	db_bind_text(s, p + 7, at(b, r->tags));
	db_bind_text(s, p + 8, at(b, r->extid));
	if (im->o->actor > 0)
		db_bind_int(s, p + 9, im->o->actor);
	else
		db_bind_text(s, p + 9, NULL);
	db_bind_text(s, p + 10, im->now);
	db_bind_text(s, p + 11, im->now);
}

/* Run one statement of n rows from rows[]; 0 or -1 (logged). */
static int insert(struct importer *im, const char *sql, const struct batch_row *rows, int n)
{
	db_stmt *s = db_prepare(im->d, sql);
	if (!s)
		return -1;
	for (int k = 0; k < n; k++)
		bind_row(im, s, &rows[k], k);
	int rc = db_step(s);
	db_done(s);
	if (rc != DB_DONE) {
		log_error("import: insert of the rows from line %ld failed: %s", rows[0].line, db_errmsg(im->d));
		return -1;
	}
	return 0;
}

int batch_flush(struct importer *im)
{
	struct batch *b = &im->batch;
	int rc = 0;
	if (b->n == BATCH) {
		if (!b->sql_full)
			b->sql_full = insert_sql(BATCH);
		rc = insert(im, b->sql_full, b->rows, BATCH);
	} else {
		/* the rest one at a time: a statement per size would crowd the statement cache */
		if (!b->sql_one)
			b->sql_one = insert_sql(1);
		for (int k = 0; k < b->n && rc == 0; k++)
			rc = insert(im, b->sql_one, &b->rows[k], 1);
	}
	if (rc < 0)
		run_fatal(im, 500, "the rows from line %ld could not be stored; see the server log", b->rows[0].line);
	b->n = 0;
	buf_reset(&b->data);
	memset(b->slots, 0, sizeof b->slots);
	return rc;
}

static size_t slot_of(const char *s)
{
	size_t h = 2166136261u;
	for (; *s; s++)
		h = (h ^ (unsigned char)*s) * 16777619u;
	return h & (COUNT(((struct batch *)0)->slots) - 1);
}

void batch_add(struct importer *im, const struct batch_in *in)
{
	struct batch *b = &im->batch;
	if (!b->rows)
		b->rows = xmalloc(sizeof *b->rows * BATCH);
	struct batch_row *r = &b->rows[b->n++];
	r->text = keep(b, in->text);
	r->author = keep(b, in->author);
	r->url = keep(b, in->url);
	r->tags = keep(b, in->tags);
	r->extid = keep(b, in->extid);
	r->source = in->source;
	r->account = in->account;
	r->persona = in->persona;
	memcpy(r->date, in->date, sizeof r->date);
	r->line = in->line;
	size_t i = slot_of(in->extid);
	while (b->slots[i])
		i = (i + 1) & (COUNT(b->slots) - 1);
	b->slots[i] = (short)b->n;
	if (b->n == BATCH)
		batch_flush(im);
}

bool batch_has(struct importer *im, const char *extid)
{
	struct batch *b = &im->batch;
	for (size_t i = slot_of(extid); b->slots[i]; i = (i + 1) & (COUNT(b->slots) - 1))
		if (!strcmp(b->data.p + b->rows[b->slots[i] - 1].extid, extid))
			return true;
	return false;
}

void batch_free(struct importer *im)
{
	struct batch *b = &im->batch;
	free(b->rows);
	free(b->sql_full);
	free(b->sql_one);
	buf_free(&b->data);
	memset(b, 0, sizeof *b);
}
