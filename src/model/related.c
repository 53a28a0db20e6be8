/* related.c — what points at an object, derived once from the descriptors: for every FT_REF and FT_LINKS field of
 * every kind whose target is a kind, one statement generated at start-up (program-owned names only) that answers
 * the pointing objects' ids and titles for a bound target id. */
#include "related.h"
#include <stdlib.h>
#include <string.h>
#include "platform/util.h"

static struct related_ref *refs;
static int nrefs;

static char *ref_sql(const struct entity *from, const struct field *f)
{
	buf b;
	buf_init(&b);
	if (f->type == FT_REF) {
		buf_rawf(&b, "SELECT id, %s FROM %s WHERE %s = ? ORDER BY id", from->title_field, from->table, f->name);
	} else {
		const struct link *l = f->link;
		buf_rawf(&b, "SELECT t.id, t.%s", from->title_field);
		if (l->weight)
			buf_rawf(&b, ", l.%s", l->weight);
		buf_rawf(&b, " FROM %s AS l JOIN %s AS t ON t.id = l.%s WHERE l.%s = ? ORDER BY ", l->table, from->table,
		         l->own, l->other);
		if (l->weight)
			buf_rawf(&b, "l.%s DESC, ", l->weight);
		buf_lit(&b, "t.id");
	}
	return buf_detach(&b, NULL);
}

void related_init(void)
{
	if (refs)
		return;
	int max = 0;
	for (int k = 0; k < entity_count; k++)
		max += entity_all[k]->nfields;
	refs = xmalloc((size_t)(max ? max : 1) * sizeof *refs);
	for (int k = 0; k < entity_count; k++) {
		const struct entity *from = entity_all[k];
		for (int i = 0; i < from->nfields; i++) {
			const struct field *f = &from->fields[i];
			const struct entity *to = (f->type == FT_REF || f->type == FT_LINKS) ? entity_find(f->ref) : NULL;
			if (!to) /* not a reference, or one to users (not a kind) */
				continue;
			refs[nrefs++] = (struct related_ref){from, f, to, ref_sql(from, f)};
		}
	}
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

json_t *entity_related(db *d, const struct entity *e, long long id)
{
	if (!entity_ref_exists(d, e->kind, id))
		return NULL;
	json_t *out = json_object();
	for (int k = 0; k < entity_count; k++) /* the members in the order of entity_all */
		for (int i = 0; i < nrefs; i++)
			if (refs[i].to == e && refs[i].from == entity_all[k] && !json_object_get(out, entity_all[k]->kind))
				json_object_set_new(out, entity_all[k]->kind, json_array());
	for (int i = 0; i < nrefs; i++) {
		const struct related_ref *r = &refs[i];
		if (r->to != e)
			continue;
		json_t *list = json_object_get(out, r->from->kind);
		bool weighted = r->field->type == FT_LINKS && r->field->link->weight;
		db_stmt *s = db_q(d, r->sql, "i", id);
		while (s && db_step(s) == DB_ROW) {
			json_t *it = json_pack("{sIsoss}", "id", (json_int_t)db_col_int(s, 0), "title",
			                       title_json(db_col_text(s, 1)), "via", r->field->name);
			if (weighted)
				json_object_set_new(it, "weight", json_integer(db_col_int(s, 2)));
			json_array_append_new(list, it);
		}
		db_done(s);
	}
	return out;
}
