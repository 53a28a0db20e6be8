/* strategy.c — the strategy is one object described like any kind, plus a full snapshot per version. */
#include "strategy.h"
#include <assert.h>
#include <stdlib.h>
#include "users.h"
#include "platform/json_get.h"

static const struct field strategy_fields[] = {
	{"vision", "Vision", FT_TEXT, F_MARKDOWN, 4000, .help = "Where the product is going, in a few sentences (Markdown)"},
	{"perspective", "Perspective", FT_STRING, 0, 300,
	 .help = "The one-line stance used to accept or decline requests"},
	{"principles", "Principles", FT_LIST, 0, 30, .help = "One short statement per line"},
	{"out_of_scope", "Out of scope", FT_LIST, 0, 50, .help = "What we will not do, one per line"},
};

struct entity strategy_entity = {
	.kind = "strategy", .table = "strategy", .one = "strategy", .label = "Strategy", .title_field = "perspective",
	.blurb = "Vision, perspective, principles and what is out of scope.",
	.fields = strategy_fields, .nfields = COUNT(strategy_fields), .write_rank = RANK_LEADER,
};

/* The SQL is generated at start-up (entity_init_one from app start-up); this only asserts it. */
static void ensure_sql(void) { assert(strategy_entity.sql_get); }

json_t *strategy_get(db *d)
{
	ensure_sql();
	return entity_get(d, &strategy_entity, 1);
}

int strategy_put(db *d, long long actor, json_t *input, long long version, struct err *e)
{
	ensure_sql();
	if (entity_update(d, &strategy_entity, actor, 1, input, version, e) < 0)
		return -1;
	json_t *s = entity_get(d, &strategy_entity, 1);
	if (json_integer_value(json_object_get(s, "version")) == version) { /* saved without a change */
		json_decref(s);
		return 0;
	}
	char *pr = json_dumps(json_object_get(s, "principles"), JSON_COMPACT);
	char *os = json_dumps(json_object_get(s, "out_of_scope"), JSON_COMPACT);
	db_stmt *st = db_prepare(d, "INSERT INTO strategy_revisions(version, vision, perspective, principles, "
	                            "out_of_scope, changed_by, changed_at) VALUES (?, ?, ?, ?, ?, ?, ?)");
	db_bind_int(st, 1, json_integer_value(json_object_get(s, "version")));
	db_bind_text(st, 2, json_string_value(json_object_get(s, "vision")));
	db_bind_text(st, 3, json_string_value(json_object_get(s, "perspective")));
	db_bind_text(st, 4, pr);
	db_bind_text(st, 5, os);
	if (actor > 0)
		db_bind_int(st, 6, actor);
	db_bind_text(st, 7, json_string_value(json_object_get(s, "updated_at")));
	int rc = db_step(st);
	db_done(st);
	free(pr), free(os);
	json_decref(s);
	return rc == DB_DONE ? 0 : err_internal(e);
}

json_t *strategy_revisions(db *d)
{
	json_t *arr = json_array();
	db_stmt *s = db_q(d,
	                  "SELECT r.version, r.vision, r.perspective, r.principles, r.out_of_scope, u.name, r.changed_at "
	                  "FROM strategy_revisions r LEFT JOIN users u ON u.id = r.changed_by ORDER BY r.version DESC",
	                  "");
	while (s && db_step(s) == DB_ROW) {
		json_t *o = json_pack("{sIssss}", "version", (json_int_t)db_col_int(s, 0), "vision", db_col_text(s, 1),
		                      "perspective", db_col_text(s, 2));
		json_t *p = json_loads(db_col_text(s, 3), 0, NULL), *x = json_loads(db_col_text(s, 4), 0, NULL);
		json_object_set_new(o, "principles", p ? p : json_array());
		json_object_set_new(o, "out_of_scope", x ? x : json_array());
		json_object_set_new(o, "changed_by_name", jcol_str(s, 5));
		json_object_set_new(o, "changed_at", json_string(db_col_text(s, 6)));
		json_array_append_new(arr, o);
	}
	db_done(s);
	return arr;
}
