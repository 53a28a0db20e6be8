/* fields.h — one described field shown for people: as a value (list cell, detail) or as a form input. */
#ifndef TANDEM_FIELDS_H
#define TANDEM_FIELDS_H
#include <jansson.h>
#include "model/entity.h"

/* Remembers the display names of referenced objects for one page (lists name the same owner often). */
struct ref_cache {
	struct {
		const char *kind, *label;
		long long id;
	} e[64];
	int n;
};

enum show_mode { SHOW_CELL, SHOW_DETAIL };

/* The value of field f in obj, escaped; references become links with the object's name. */
void field_show(request *rq, buf *b, struct ref_cache *rc, const struct field *f, json_t *obj, enum show_mode mode);
/* A form's inputs for every writable field of e. Values come from the submitted form when the request
 * carries one (a re-render after an error), else from obj (NULL for a new object: the defaults).
 * e->field at fault gets its message beside it. editing: F_OWN_ACTION fields are shown, not editable. */
void field_inputs(request *rq, buf *b, const struct entity *e, json_t *obj, const struct err *error, bool editing);
/* The same without the field named skip (a child's parent, sent as a hidden input). */
void field_inputs_except(request *rq, buf *b, const struct entity *e, json_t *obj, const struct err *error,
                         bool editing, const char *skip);
/* One labelled input of field f with element id and value val (NULL: empty), the message beside it when error
 * names the field, else its help. For an action's forms (action_form.c). */
void field_input_row(request *rq, buf *b, const struct field *f, const char *id, const char *val,
                     const struct err *error);
/* The same input without the row: its label for screen readers only, no note (a form in a table row). */
void field_input_bare(request *rq, buf *b, const struct field *f, const char *id, const char *val);
/* A settings form's fields as the group's JSON input, typed by its fields; a field left empty is not sent (keeps its
 * value). NULL with err on a malformed number. */
struct setting;
json_t *setting_form(const struct setting *s, struct kv *form, struct err *err);
/* An RFC 3339 timestamp as <time> showing "YYYY-MM-DD HH:MM" (UTC). */
void show_time(buf *b, const char *ts);
/* An error summary for the top of a form (nothing when error is NULL or empty). */
void form_error_summary(buf *b, const struct err *error);
/* The value as text for an input: numbers as typed, lists one per line; "" for null. */
const char *value_text(arena *a, json_t *v);
#endif
