/* choices.h — what a select offers for a reference (users or a kind). */
#ifndef TANDEM_CHOICES_H
#define TANDEM_CHOICES_H
#include <jansson.h>
#include "platform/db.h"

/* The objects a reference to kind ("users" or an entity kind) may name, as a new array of {id, label}: people by
 * name with their role, objects by title (case-insensitively, then id), at most 2000 — and the object extra_id
 * (0: none) even past them, so a form never drops the one it shows. */
json_t *entity_choices(db *d, const char *kind, long long extra_id);
/* The people who may own work (pm, pmm, leader, admin) by name, and extra_id whoever it is (the current owner
 * stays offered, so a form never drops it). */
json_t *owner_choices(db *d, long long extra_id);
#endif
