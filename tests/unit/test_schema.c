/* test_schema.c — the descriptors and the schema agree: every statement generated from a descriptor, every list a
 * kind answers and every named statement prepares against a fresh workspace, and every field that is a column is
 * one (and every link table with its columns exists). A descriptor or a migration that drifts fails here first. */
#include <stdlib.h>
#include "harness.h"
#include "model/entity.h"
#include "model/queries.h"
#include "model/strategy.h"

/* Does sql prepare on d? A failure names the kind and the statement. */
static void prepares(db *d, const char *kind, const char *what, const char *sql)
{
	if (!sql) {
		harness_fail(__FILE__, __LINE__, "%s: no %s statement", kind, what);
		return;
	}
	db_stmt *s = db_prepare(d, sql);
	if (!s)
		harness_fail(__FILE__, __LINE__, "%s: the %s statement does not prepare: %s", kind, what, sql);
	db_done(s);
}

/* The kinds the engine serves: every one of entity_all[], and the strategy. */
static int kinds(const struct entity **out, int max)
{
	int n = 0;
	for (int i = 0; i < entity_count && n < max - 1; i++)
		out[n++] = entity_all[i];
	out[n++] = &strategy_entity;
	return n;
}

TEST(schema_every_generated_statement_prepares)
{
	db *d = t_db();
	const struct entity *all[64];
	int n = kinds(all, (int)COUNT(all));
	for (int k = 0; k < n; k++) {
		const struct entity *e = all[k];
		prepares(d, e->kind, "get", e->sql_get);
		prepares(d, e->kind, "insert", e->sql_insert);
		prepares(d, e->kind, "update", e->sql_update);
		prepares(d, e->kind, "delete", e->sql_delete);
		prepares(d, e->kind, "exists", e->sql_exists);
		prepares(d, e->kind, "count", e->sql_count);
		prepares(d, e->kind, "choices", e->sql_choices);
		if (e->parent_field)
			prepares(d, e->kind, "children", e->sql_children);
		else
			CHECK(e->sql_children == NULL);
		for (int i = 0; i < e->nfields; i++) {
			if (field_is_column(&e->fields[i])) {
				CHECK(e->sql_link_delete[i] == NULL && e->sql_link_insert[i] == NULL);
				continue;
			}
			prepares(d, e->kind, "link delete", e->sql_link_delete[i]);
			prepares(d, e->kind, "link insert", e->sql_link_insert[i]);
		}
		if (e->fts) {
			buf b;
			buf_init(&b);
			db_sql_fts_snippet(&b, e->fts, -1);
			prepares(d, e->kind, "snippet", buf_str(&b));
			buf_reset(&b);
			buf_lit(&b, "SELECT m.rid, m.score, m.snip FROM ");
			db_sql_fts_matches(&b, e->fts, "m", true, true);
			prepares(d, e->kind, "ranked search", buf_str(&b));
			buf_free(&b);
		}
	}
	db_close(d);
}

TEST(schema_every_field_that_is_a_column_is_one)
{
	db *d = t_db();
	const struct entity *all[64];
	int n = kinds(all, (int)COUNT(all));
	for (int k = 0; k < n; k++) {
		const struct entity *e = all[k];
		if (!db_has_table(d, e->table)) {
			harness_fail(__FILE__, __LINE__, "%s: no table %s", e->kind, e->table);
			continue;
		}
		const char *sys[] = {"id", "created_at", "updated_at", "version"};
		for (size_t i = 0; i < COUNT(sys); i++)
			if (!db_has_column(d, e->table, sys[i]))
				harness_fail(__FILE__, __LINE__, "%s: no column %s.%s", e->kind, e->table, sys[i]);
		for (int i = 0; i < e->nfields; i++) {
			const struct field *f = &e->fields[i];
			if (field_is_column(f)) {
				if (!db_has_column(d, e->table, f->name))
					harness_fail(__FILE__, __LINE__, "%s: field %s is no column of %s", e->kind, f->name, e->table);
				continue;
			}
			const struct link *l = f->link;
			if (!l) {
				harness_fail(__FILE__, __LINE__, "%s: links field %s names no link table", e->kind, f->name);
				continue;
			}
			if (!db_has_table(d, l->table)) {
				harness_fail(__FILE__, __LINE__, "%s: field %s: no link table %s", e->kind, f->name, l->table);
				continue;
			}
			const char *cols[] = {l->own, l->other, l->weight};
			for (size_t c = 0; c < COUNT(cols); c++)
				if (cols[c] && !db_has_column(d, l->table, cols[c]))
					harness_fail(__FILE__, __LINE__, "%s: field %s: no column %s.%s", e->kind, f->name, l->table,
					             cols[c]);
			CHECK(!l->weight || l->key);
		}
		if (e->fts && !db_has_table(d, e->fts))
			harness_fail(__FILE__, __LINE__, "%s: no search index %s", e->kind, e->fts);
	}
	db_close(d);
}

/* A value a filter on f accepts. */
static const char *filter_value(const struct field *f)
{
	switch (f->type) {
	case FT_ENUM: return f->choices[0];
	case FT_DATE: return "2026-01-01";
	case FT_BOOL: return "true";
	case FT_INT:
	case FT_REF:
	case FT_LINKS: return "1";
	default: return "x";
	}
}

/* One list of kind e with the arguments (key, value)...; fails naming them when it does not answer. */
static void lists(db *d, arena *a, const struct entity *e, const char *k1, const char *v1, const char *k2,
                  const char *v2)
{
	struct kv second = {k2, v2, NULL}, first = {k1, v1, k2 ? &second : NULL};
	struct list_query q = {&first, 50};
	json_t *items = NULL;
	const char *next = NULL;
	struct err err = {0};
	if (entity_list(d, e, &q, a, &items, &next, &err) < 0)
		harness_fail(__FILE__, __LINE__, "%s?%s=%s%s%s%s%s: %d %s", e->kind, k1, v1, k2 ? "&" : "", k2 ? k2 : "",
		             k2 ? "=" : "", k2 ? v2 : "", err.status, err.message);
	json_decref(items);
}

/* The list statements are built per request: each filter, each sort and the search of every kind prepares and
 * runs (on an empty workspace: the SQL is what is tested). */
TEST(schema_every_list_filter_sort_and_search_runs)
{
	db *d = t_db();
	arena *a = arena_new();
	for (int k = 0; k < entity_count; k++) {
		const struct entity *e = entity_all[k];
		lists(d, a, e, "q", "alerts export", NULL, NULL);
		lists(d, a, e, "q", "alerts", "sort", "-id");     /* a search that is not in rank order */
		lists(d, a, e, "q", "alerts", "limit", "2");      /* the ranked one with snippets */
		lists(d, a, e, "q", "alerts", "cursor", "3");
		if (e->virtual_sort)
			lists(d, a, e, "sort", e->virtual_sort, NULL, NULL);
		for (int i = 0; i < e->nfilters; i++) {
			lists(d, a, e, e->filters[i].name, "true", NULL, NULL);
			lists(d, a, e, e->filters[i].name, "false", "q", "alerts");
		}
		for (int i = 0; i < e->nfields; i++) {
			const struct field *f = &e->fields[i];
			if (f->flags & F_FILTER) {
				lists(d, a, e, f->name, filter_value(f), NULL, NULL);
				if (f->type == FT_REF || f->type == FT_INT)
					lists(d, a, e, f->name, "none", NULL, NULL);
				if (f->type == FT_DATE) {
					const char *from = arena_printf(a, "%s_from", f->name), *to = arena_printf(a, "%s_to", f->name);
					lists(d, a, e, from, "2026-01-01", to, "2026-12-31");
				}
			}
			if (f->flags & F_SORT) {
				lists(d, a, e, "sort", f->name, NULL, NULL);
				lists(d, a, e, "sort", arena_printf(a, "-%s", f->name), NULL, NULL);
			}
		}
	}
	arena_free(a);
	db_close(d);
}

TEST(schema_every_named_statement_prepares)
{
	db *d = t_db();
	for (int q = 0; q < Q__COUNT; q++) {
		char what[32];
		snprintf(what, sizeof what, "named query %d", q);
		prepares(d, "queries", what, query_sql(d, (enum query)q));
	}
	db_close(d);
}
