/* entity_int.h — what the engine's files share (entity.c reads and writes, entity_list.c lists). */
#ifndef TANDEM_ENTITY_INT_H
#define TANDEM_ENTITY_INT_H
#include "entity.h"

/* The current row of a statement built from e->sql_get (id, created_at, updated_at, version, fields) as JSON. */
json_t *entity_row_json(db_stmt *s, const struct entity *e);
/* Complete an object as read: its children embedded and the kind's decorations (entity_get, lists). */
void entity_finish(db *d, const struct entity *e, json_t *o);
/* May lists of e be sorted by sort ("field" or "-field")? */
bool entity_sortable(const struct entity *e, const char *sort);
#endif
