/* rows.c — a statement's rows as JSON objects keyed by their columns' names, for the read-only documents (the
 * strategy brief, release notes) whose rows are what a query answers, not a kind's objects. */
#include "rows.h"

static json_t *col(db_stmt *s, int i)
{
	switch (db_col_type(s, i)) {
	case DB_T_INT: return json_integer(db_col_int(s, i));
	case DB_T_REAL: return json_real(db_col_double(s, i));
	case DB_T_TEXT: return json_string(db_col_text(s, i));
	default: return json_null();
	}
}

json_t *rows_json(db_stmt *s)
{
	json_t *out = json_array();
	while (s && db_step(s) == DB_ROW) {
		json_t *o = json_object();
		for (int i = 0; i < db_col_count(s); i++)
			json_object_set_new(o, db_col_name(s, i), col(s, i));
		json_array_append_new(out, o);
	}
	db_done(s);
	return out;
}
