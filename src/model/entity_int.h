/* entity_int.h — what the engine's files share (entity.c reads and writes, entity_list.c lists). */
#ifndef TANDEM_ENTITY_INT_H
#define TANDEM_ENTITY_INT_H
#include "entity.h"

/* The current row of a statement built from e->sql_get (id, created_at, updated_at, version, fields) as JSON. */
json_t *entity_row_json(db_stmt *s, const struct entity *e);
#endif
