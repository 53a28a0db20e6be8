/* import_store.c — the insight import's writing side: each row checked by the insight rules, accounts
 * matched or created, insights inserted with bound statements inside a savepoint, one audit row. */
#include <ctype.h>
#include <sodium.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include "import_run.h"
#include "model/entity.h"
#include "model/queries.h"
#include "platform/log.h"

/* The limits of the insight descriptor (src/model/insights.c). */
enum { TEXT_MAX = 20000, SHORT_MAX = 200, URL_MAX = 2000, TAGS_MAX = 30, TAG_MAX = 200, ACCOUNT_MAX = 160,
       PARTS_MAX = 16, CACHE_MAX = 4096 };

static const char *const sources[] = {"interview", "support", "sales",    "survey", "review",
                                      "analytics", "research", "other", NULL};

bool run_source_ok(const char *s)
{
	for (int i = 0; sources[i]; i++)
		if (!strcasecmp(s, sources[i]))
			return true;
	return false;
}

static const char *source_name(const char *s)
{
	for (int i = 0; sources[i]; i++)
		if (!strcasecmp(s, sources[i]))
			return sources[i];
	return NULL;
}

void run_bad(struct importer *im, long line, const char *fmt, ...)
{
	struct import_result *r = im->r;
	r->skipped++;
	if (im->o->all_or_nothing)
		im->failed = true;
	if (r->nerrors >= IMPORT_MAX_ERRORS) {
		r->more_errors++;
		return;
	}
	if (!r->errors)
		r->errors = xmalloc(sizeof *r->errors * IMPORT_MAX_ERRORS);
	struct import_error *e = &r->errors[r->nerrors++];
	e->line = line;
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(e->message, sizeof e->message, fmt, ap);
	va_end(ap);
	run_utf8_tail(e->message);
}

/* A value for a message: at most 40 bytes, cut on a character boundary. */
static const char *clip(const char *s, char out[48])
{
	snprintf(out, 44, "%.40s", s);
	if (strlen(s) > 40) {
		run_utf8_tail(out);
		strcat(out, "…");
	}
	return out;
}

/* --- name caches: FNV-1a over the lowercased name, open addressing --- */
static size_t name_hash(const char *s)
{
	size_t h = 1469598103934665603ULL;
	for (; *s; s++)
		h = (h ^ (unsigned char)tolower((unsigned char)*s)) * 1099511628211ULL;
	return h;
}

static struct name_slot *cache_slot(struct name_cache *c, const char *name)
{
	if (!c->cap)
		return NULL;
	for (size_t i = name_hash(name) & (c->cap - 1);; i = (i + 1) & (c->cap - 1))
		if (!c->slots[i].key || !strcasecmp(c->slots[i].key, name))
			return &c->slots[i];
}

static void cache_put(struct name_cache *c, const char *name, long long id)
{
	if (!c->cap) {
		c->cap = 2 * CACHE_MAX;
		c->slots = calloc(c->cap, sizeof *c->slots);
		if (!c->slots)
			die_oom();
	}
	if (c->n >= CACHE_MAX) /* a file naming more accounts than that asks the database each time */
		return;
	struct name_slot *s = cache_slot(c, name);
	if (!s->key) {
		s->key = xstrdup(name);
		s->id = id;
		c->n++;
	}
}

static void cache_free(struct name_cache *c)
{
	for (size_t i = 0; i < c->cap; i++)
		free(c->slots[i].key);
	free(c->slots);
	memset(c, 0, sizeof *c);
}

/* The id of the row of table whose name matches (ASCII case ignored), 0 when none. */
static long long find_named(struct importer *im, struct name_cache *c, const char *sql, const char *name)
{
	struct name_slot *s = cache_slot(c, name);
	if (s && s->key)
		return s->id;
	long long id = db_int(im->d, 0, sql, "t", name);
	if (id)
		cache_put(c, name, id);
	return id;
}

/* An account by name, created when missing (validated and audited by the engine). 0 with msg on failure. */
static long long account_id(struct importer *im, const char *name, char *msg, size_t msgn)
{
	long long id = find_named(im, &im->accounts, query_sql(im->d, Q_ACCOUNT_NAMED), name);
	if (id)
		return id;
	if (utf8_len(name) > ACCOUNT_MAX) {
		snprintf(msg, msgn, "the account name is longer than %d characters", ACCOUNT_MAX);
		return 0;
	}
	json_t *in = json_pack("{ss}", "name", name);
	struct err e = {0};
	id = in ? entity_create(im->d, entity_find("accounts"), im->o->actor, in, &e) : -1;
	json_decref(in);
	if (id <= 0) {
		snprintf(msg, msgn, "the account could not be created: %.150s", e.message);
		run_utf8_tail(msg);
		return 0;
	}
	cache_put(&im->accounts, name, id);
	return id;
}

/* Split a tags cell and add each tag once (ASCII case ignored); -1 when a tag is too long. */
static int add_tags(struct importer *im, char *v, enum split how)
{
	while (v) {
		char *next = NULL;
		if (how == SPLIT_COMMA_SPACE && (next = strstr(v, ", ")))
			*next = 0, next += 2;
		else if ((how == SPLIT_COMMA || how == SPLIT_LIST) && (next = strpbrk(v, how == SPLIT_LIST ? ",;" : ",")))
			*next++ = 0;
		while (isspace((unsigned char)*v))
			v++;
		size_t n = strlen(v);
		while (n && isspace((unsigned char)v[n - 1]))
			v[--n] = 0;
		if (n) {
			if (utf8_len(v) > TAG_MAX)
				return -1;
			bool seen = false;
			for (size_t off = 0; off < im->tags.len && !seen; off += strlen(im->tags.p + off) + 1)
				seen = !strcasecmp(im->tags.p + off, v);
			if (!seen) {
				buf_add(&im->tags, v, n + 1);
				im->ntags++;
			}
		}
		v = next;
	}
	return 0;
}

struct part {
	int order;
	const char *v;
	bool html;
};

static int part_cmp(const void *a, const void *b)
{
	const struct part *x = a, *y = b;
	return (x->order > y->order) - (x->order < y->order);
}

/* A one-line value (author, url, ids): each line break becomes a space, as the insight's one-line fields require. */
static void one_line(char *v)
{
	for (; *v; v++)
		if (*v == '\r' || *v == '\n')
			*v = ' ';
}

static char *trimmed(char *v)
{
	while (isspace((unsigned char)*v))
		v++;
	size_t n = strlen(v);
	while (n && isspace((unsigned char)v[n - 1]))
		v[--n] = 0;
	return v;
}

void run_row(struct importer *im, char **f)
{
	struct import_result *r = im->r;
	long line = im->row_line;
	const struct layout *l = im->layout;
	struct part parts[PARTS_MAX];
	int np = 0;
	const char *val[ROLE__MAX] = {0};
	int ord[ROLE__MAX] = {0}, col[ROLE__MAX] = {0}; /* col: the column a role's value came from */
	char c1[48], c2[48];
	buf_reset(&im->tags);
	im->ntags = 0;
	for (int i = 0; i < im->ncols; i++) {
		const struct colmap *c = &im->cm[i];
		if (c->role == ROLE_NONE)
			continue;
		char *v = f[i];
		if (!valid_text(v, strlen(v)))
			return run_bad(im, line, "column '%s' holds invalid UTF-8 or control characters", clip(im->header[i], c1));
		if (l && (l->flags & L_FORMULA_QUOTE) && v[0] == '\'' && v[1] && strchr("=+-@\t\r", v[1]))
			v++;
		v = trimmed(v);
		if (!*v)
			continue;
		if (c->role == ROLE_TEXT) {
			if (np < PARTS_MAX)
				parts[np++] = (struct part){c->order * 10000 + i, v, c->html};
		} else if (c->role == ROLE_TAGS) {
			if (add_tags(im, v, c->split) < 0)
				return run_bad(im, line, "a tag in column '%s' is longer than %d characters", clip(im->header[i], c1),
				               TAG_MAX);
		} else if (!val[c->role] || c->order < ord[c->role]) {
			one_line(v);
			val[c->role] = v;
			ord[c->role] = c->order;
			col[c->role] = i;
		}
	}
	if (l && l->skip_status && val[ROLE_STATUS])
		for (const char *const *s = l->skip_status; *s; s++)
			if (!strcasecmp(val[ROLE_STATUS], *s)) {
				r->skipped++;
				return;
			}
	qsort(parts, (size_t)np, sizeof *parts, part_cmp);
	buf_reset(&im->text);
	for (int i = 0; i < np; i++) {
		size_t before = im->text.len;
		if (before)
			buf_lit(&im->text, "\n\n");
		if (parts[i].html)
			import_html_text(&im->text, parts[i].v);
		else
			buf_raw(&im->text, parts[i].v);
		if (im->text.len == before + (before ? 2 : 0)) /* an HTML cell with no text */
			im->text.len = before, im->text.p[before] = 0;
	}
	const char *text = buf_str(&im->text);
	if (!*text)
		return run_bad(im, line, "the text is empty");
	if (!valid_text(text, im->text.len))
		return run_bad(im, line, "the text holds control characters");
	size_t tl = utf8_len(text);
	if (tl > TEXT_MAX)
		return run_bad(im, line, "the text is longer than %d characters (%zu)", TEXT_MAX, tl);
	if (val[ROLE_AUTHOR] && utf8_len(val[ROLE_AUTHOR]) > SHORT_MAX)
		return run_bad(im, line, "the author is longer than %d characters", SHORT_MAX);
	if (val[ROLE_URL] && utf8_len(val[ROLE_URL]) > URL_MAX)
		return run_bad(im, line, "the url is longer than %d characters", URL_MAX);
	if (im->ntags > TAGS_MAX)
		return run_bad(im, line, "%d tags; an insight has at most %d", im->ntags, TAGS_MAX);
	char date[11] = "";
	if (val[ROLE_DATE] && import_date(val[ROLE_DATE], date) < 0)
		return run_bad(im, line,
		               "cannot read the date '%s' in column '%s' (YYYY-MM-DD, RFC 3339, 14/Jul/25 3:42 PM or 6/21/2025)",
		               clip(val[ROLE_DATE], c1), clip(im->header[col[ROLE_DATE]], c2));
	const char *source = str_empty(im->o->source) ? "other" : source_name(im->o->source);
	if (val[ROLE_SOURCE] && !(source = source_name(val[ROLE_SOURCE])))
		return run_bad(im, line, "source '%s' is not one of interview, support, sales, survey, review, analytics, "
		                         "research, other", clip(val[ROLE_SOURCE], c1));
	/* the external id: the layout's prefix and the id column, else a hash of what the row says */
	buf_reset(&im->tmp);
	if (l)
		buf_raw(&im->tmp, l->id_prefix);
	if (val[ROLE_EXTID]) {
		buf_raw(&im->tmp, val[ROLE_EXTID]);
	} else {
		unsigned char h[8];
		crypto_generichash_state st;
		crypto_generichash_init(&st, NULL, 0, sizeof h);
		const char *parts_h[] = {text, val[ROLE_AUTHOR], val[ROLE_ACCOUNT], date};
		for (size_t i = 0; i < COUNT(parts_h); i++)
			crypto_generichash_update(&st, (const unsigned char *)(parts_h[i] ? parts_h[i] : ""),
			                          strlen(parts_h[i] ? parts_h[i] : "") + 1);
		crypto_generichash_final(&st, h, sizeof h);
		char hex[17];
		sodium_bin2hex(hex, sizeof hex, h, sizeof h);
		buf_raw(&im->tmp, l ? "h" : "csv:h");
		buf_raw(&im->tmp, hex);
	}
	char extid[SHORT_MAX * 4 + 1];
	if (utf8_len(buf_str(&im->tmp)) > SHORT_MAX)
		return run_bad(im, line, "the external id is longer than %d characters", SHORT_MAX);
	snprintf(extid, sizeof extid, "%s", buf_str(&im->tmp));
	if (batch_has(im, extid) || db_int(im->d, 0, "SELECT 1 FROM insights WHERE external_id = ?", "t", extid)) {
		r->unchanged++;
		return;
	}
	long long persona = 0, account = 0;
	if (val[ROLE_PERSONA] &&
	    !(persona = find_named(im, &im->personas, query_sql(im->d, Q_PERSONA_NAMED), val[ROLE_PERSONA])))
		return run_bad(im, line, "no persona named '%s'", clip(val[ROLE_PERSONA], c1));
	if (im->failed) /* all or nothing, and already failed: check the rest, write nothing */
		return;
	char msg[200];
	if (val[ROLE_ACCOUNT] && !(account = account_id(im, val[ROLE_ACCOUNT], msg, sizeof msg)))
		return run_bad(im, line, "%s", msg);
	/* tags as a JSON array */
	buf_reset(&im->tmp);
	buf_addc(&im->tmp, '[');
	for (size_t off = 0; off < im->tags.len; off += strlen(im->tags.p + off) + 1) {
		if (off)
			buf_addc(&im->tmp, ',');
		buf_json(&im->tmp, im->tags.p + off);
	}
	buf_addc(&im->tmp, ']');
	struct batch_in in = {text, val[ROLE_AUTHOR], val[ROLE_URL], buf_str(&im->tmp), extid, source, account,
	                      persona, date, line};
	batch_add(im, &in);
	r->imported++;
}

int run_begin(struct importer *im)
{
	now_rfc3339(im->now);
	db_bulk(im->d, true); /* a big import rewrites index pages many times: bigger caches for it */
	if (db_exec(im->d, "SAVEPOINT import_insights") != DB_OK) {
		db_bulk(im->d, false);
		snprintf(im->r->message, sizeof im->r->message, "the import could not start; see the server log");
		im->r->status = 500;
		return -1;
	}
	im->savepoint = true;
	return 0;
}

void run_end(struct importer *im)
{
	struct import_result *r = im->r;
	if (!im->savepoint)
		return;
	if (!r->status && !im->failed)
		batch_flush(im);
	if (r->status || im->failed) {
		db_exec(im->d, "ROLLBACK TO import_insights");
		r->rolled_back = r->imported > 0 || im->failed;
		r->skipped = r->rows - r->unchanged;
		r->imported = 0;
	} else if (r->imported > 0) {
		char summary[120];
		snprintf(summary, sizeof summary, "imported %ld insight%s from %s", r->imported, r->imported == 1 ? "" : "s",
		         r->format);
		json_t *ch = json_pack("{sssssIsIsIsI}", "summary", summary, "format", r->format, "imported",
		                       (json_int_t)r->imported, "unchanged", (json_int_t)r->unchanged, "skipped",
		                       (json_int_t)r->skipped, "errors", (json_int_t)(r->nerrors + r->more_errors));
		if (audit_write(im->d, im->o->actor, "insights", 0, "import", ch) < 0)
			log_error("import: the audit row could not be written: %s", db_errmsg(im->d));
		json_decref(ch);
	}
	db_exec(im->d, "RELEASE import_insights");
	db_bulk(im->d, false);
}

void run_free(struct importer *im)
{
	buf_free(&im->text);
	buf_free(&im->tags);
	buf_free(&im->tmp);
	cache_free(&im->accounts);
	cache_free(&im->personas);
	batch_free(im);
}
