/* related.c — what points at an object, derived once from the descriptors: for every FT_REF and FT_LINKS field of
 * every kind whose target is a kind, and every path and mention of the table below, one statement generated at
 * start-up (program-owned names only) that answers the pointing objects' ids and titles for a bound target. */
#include "related.h"
#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include "platform/log.h"
#include "platform/util.h"

static struct related_ref *refs;
static int nrefs;

/* The evidence link (domain/evidence.c) and a mention are no field of a kind; a path or a mention names them. */
static const struct link evidence_link = {"feature_insights", "feature_id", "insight_id", "importance", 1, 3, NULL};
static const struct field evidence_field = {"evidence", "Evidence", FT_LINKS, 0, .ref = "insights",
                                            .link = &evidence_link};
static const struct field mentions_field = {"mentions", "Mentions by name", FT_TEXT, 0};

/* What reaches an object in more than one step, described once: objects of kind from whose field via points at
 * an object of kind through whose field step points at the target (through NULL: from's full text names it). */
static const struct path {
	const char *to, *from, *via, *through, *step;
} paths[] = {
	{"goals", "launches", "feature_ids", "features", "goals"},      /* the launches of the features that move it */
	{"accounts", "features", "evidence", "insights", "account_id"}, /* the requests its insights back */
	{"personas", "launches", "feature_ids", "features", "persona_ids"},
	{"segments", "features", "persona_ids", "personas", "segment_id"},
	{"segments", "insights", "persona_id", "personas", "segment_id"},
	{"segments", "insights", "account_id", "accounts", "segment_id"},
	{"competitors", "insights", "mentions", NULL, NULL}, /* the evidence that names it */
};

static const struct field *field_named(const struct entity *e, const char *name)
{
	return !strcmp(name, "evidence") && !strcmp(e->kind, "features") ? &evidence_field : entity_field(e, name);
}

/* The pointing kind's status column, when it has one (an enum named status). */
static bool has_status(const struct entity *e)
{
	const struct field *f = entity_field(e, "status");
	return f && f->type == FT_ENUM;
}

/* FROM and the pointer of kind from's field f: the table as t (a link's table as l), and the expression that names
 * the object pointed at. */
static const char *from_pointer(buf *b, const struct entity *from, const struct field *f)
{
	if (f->type == FT_REF) {
		buf_rawf(b, " FROM %s AS t", from->table);
		return f->name;
	}
	buf_rawf(b, " FROM %s AS l JOIN %s AS t ON t.id = l.%s", f->link->table, from->table, f->link->own);
	return f->link->other;
}

/* The statement of a reference, a link, a path or a mention; the optional columns' places into r. */
static void ref_sql(struct related_ref *r, const struct field *step)
{
	const struct entity *from = r->from;
	const struct field *f = r->field;
	buf b;
	buf_init(&b);
	int col = 2;
	bool weighted = !r->through && !r->mentions && f->type == FT_LINKS && f->link->weight;
	r->col_weight = r->col_status = r->col_through = -1;
	buf_rawf(&b, "SELECT t.id, t.%s", from->title_field);
	if (weighted)
		buf_rawf(&b, ", l.%s", f->link->weight), r->col_weight = col++;
	if (has_status(from))
		buf_lit(&b, ", t.status"), r->col_status = col++;
	if (r->through)
		buf_rawf(&b, ", m.id, m.%s", r->through->title_field), r->col_through = col, col += 2;
	if (r->mentions) {
		buf_rawf(&b, " FROM %s AS t WHERE t.id IN (", from->table);
		db_sql_fts_ids(&b, from->fts);
		buf_rawf(&b, ") ORDER BY t.id DESC LIMIT %d", RELATED_MENTIONS_MAX);
		r->sql = buf_detach(&b, NULL);
		return;
	}
	const char *ptr = from_pointer(&b, from, f);
	const char *alias = f->type == FT_REF ? "t" : "l";
	if (!r->through) {
		buf_rawf(&b, " WHERE %s.%s = ? ORDER BY ", alias, ptr);
		if (weighted)
			buf_rawf(&b, "l.%s DESC, ", f->link->weight);
		buf_lit(&b, "t.id");
	} else { /* m: the object between, pointing at the target through step */
		buf_rawf(&b, " JOIN %s AS m ON m.id = %s.%s WHERE m.id IN (", r->through->table, alias, ptr);
		if (step->type == FT_REF)
			buf_rawf(&b, "SELECT id FROM %s WHERE %s = ?", r->through->table, step->name);
		else
			buf_rawf(&b, "SELECT %s FROM %s WHERE %s = ?", step->link->own, step->link->table, step->link->other);
		buf_lit(&b, ") ORDER BY t.id, m.id");
	}
	r->sql = buf_detach(&b, NULL);
}

static void add_path(const struct path *p)
{
	const struct entity *to = entity_find(p->to), *from = entity_find(p->from);
	const struct entity *through = p->through ? entity_find(p->through) : NULL;
	const struct field *via = !from ? NULL : p->through ? field_named(from, p->via) : &mentions_field;
	const struct field *step = through ? field_named(through, p->step) : NULL;
	if (!to || !via || (p->through && (!through || !step)) || (!p->through && !from->fts)) { /* a bug in the table: every related answer would be wrong */
		log_error("related: the path to %s from %s via %s does not match the descriptors", p->to, p->from, p->via);
		abort();
	}
	refs[nrefs] = (struct related_ref){from, via, to, through, !p->through, NULL, -1, -1, -1};
	ref_sql(&refs[nrefs++], step);
}

void related_init(void)
{
	if (refs)
		return;
	int max = (int)COUNT(paths);
	for (int k = 0; k < entity_count; k++)
		max += entity_all[k]->nfields;
	refs = xmalloc((size_t)max * sizeof *refs);
	for (int k = 0; k < entity_count; k++) {
		const struct entity *from = entity_all[k];
		for (int i = 0; i < from->nfields; i++) {
			const struct field *f = &from->fields[i];
			const struct entity *to = (f->type == FT_REF || f->type == FT_LINKS) ? entity_find(f->ref) : NULL;
			if (!to) /* not a reference, or one to users (not a kind) */
				continue;
			refs[nrefs] = (struct related_ref){from, f, to, NULL, false, NULL, -1, -1, -1};
			ref_sql(&refs[nrefs++], NULL);
		}
	}
	for (size_t i = 0; i < COUNT(paths); i++)
		add_path(&paths[i]);
}

void related_shutdown(void)
{
	for (int i = 0; i < nrefs; i++)
		free(refs[i].sql);
	free(refs);
	refs = NULL;
	nrefs = 0;
}

int related_count(void) { return nrefs; }
const struct related_ref *related_at(int i) { return i >= 0 && i < nrefs ? &refs[i] : NULL; }

/* A title of at most RELATED_TITLE_MAX characters, cut at a character's boundary with an ellipsis. */
static json_t *title_json(const char *s)
{
	if (!s)
		return json_string("");
	if (utf8_len(s) <= RELATED_TITLE_MAX) {
		json_t *t = json_string(s);
		return t ? t : json_string("");
	}
	size_t n = 0;
	for (int chars = 0; s[n] && chars < RELATED_TITLE_MAX - 1; chars++) {
		n++;
		while (((unsigned char)s[n] & 0xc0) == 0x80)
			n++;
	}
	while (n > 0 && s[n - 1] == ' ')
		n--;
	char *cut = xmalloc(n + sizeof "…");
	memcpy(cut, s, n);
	memcpy(cut + n, "…", sizeof "…");
	json_t *t = json_string(cut);
	free(cut);
	return t ? t : json_string("");
}

/* The full-text query of a mention: every word of the target's title (letters, digits, UTF-8), all required;
 * empty when it has none. */
static void mention_query(buf *q, const char *title)
{
	for (const char *p = title ? title : ""; *p;) {
		size_t n = 0;
		while (p[n] && (isalnum((unsigned char)p[n]) || (unsigned char)p[n] >= 0x80))
			n++;
		if (n)
			db_fts_word(q, p, n, 0);
		p += n ? n : 1;
	}
}

static bool listed(json_t *list, long long id)
{
	size_t i;
	json_t *it;
	json_array_foreach(list, i, it) if (json_integer_value(json_object_get(it, "id")) == id) return true;
	return false;
}

/* The objects one way of pointing reaches, appended to list. */
static void related_rows(db *d, const struct related_ref *r, long long id, const char *title, json_t *list)
{
	buf q;
	buf_init(&q);
	if (r->mentions)
		mention_query(&q, title);
	db_stmt *s = !r->mentions ? db_q(d, r->sql, "i", id) : q.len ? db_q(d, r->sql, "t", buf_str(&q)) : NULL;
	bool dedupe = r->through || r->mentions;
	while (s && db_step(s) == DB_ROW) {
		long long oid = db_col_int(s, 0);
		if (dedupe && listed(list, oid))
			continue;
		json_t *it = json_pack("{sIsoss}", "id", (json_int_t)oid, "title", title_json(db_col_text(s, 1)), "via",
		                       r->field->name);
		if (r->col_weight >= 0)
			json_object_set_new(it, "weight", json_integer(db_col_int(s, r->col_weight)));
		if (r->col_status >= 0 && db_col_text(s, r->col_status))
			json_object_set_new(it, "status", json_string(db_col_text(s, r->col_status)));
		if (r->col_through >= 0)
			json_object_set_new(it, "through",
			                    json_pack("{sssIso}", "kind", r->through->kind, "id",
			                              (json_int_t)db_col_int(s, r->col_through), "title",
			                              title_json(db_col_text(s, r->col_through + 1))));
		json_array_append_new(list, it);
	}
	db_done(s);
	buf_free(&q);
}

json_t *entity_related(db *d, const struct entity *e, long long id)
{
	json_t *obj = entity_get(d, e, id);
	if (!obj)
		return NULL;
	const char *title = json_string_value(json_object_get(obj, e->title_field));
	json_t *out = json_object();
	for (int k = 0; k < entity_count; k++) /* the members in the order of entity_all */
		for (int i = 0; i < nrefs; i++)
			if (refs[i].to == e && refs[i].from == entity_all[k] && !json_object_get(out, entity_all[k]->kind))
				json_object_set_new(out, entity_all[k]->kind, json_array());
	for (int i = 0; i < nrefs; i++)
		if (refs[i].to == e)
			related_rows(d, &refs[i], id, title, json_object_get(out, refs[i].from->kind));
	const char *kind;
	json_t *list;
	json_object_foreach(out, kind, list)
	{
		const struct entity *from = entity_find(kind);
		if (from && from->annotate && json_array_size(list))
			from->annotate(d, list);
	}
	json_decref(obj);
	return out;
}
