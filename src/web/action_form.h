/* action_form.h — an action's form, rendered from its fields, and what a page adds when an action fails or
 * succeeds (struct action_page, like struct kind_page for kinds). */
#ifndef TANDEM_ACTION_FORM_H
#define TANDEM_ACTION_FORM_H
#include "app/outcome.h"
#include "platform/http.h"

struct form_opts {
	const char *suffix;    /* added to the form's ids when a page shows it more than once ("-12") */
	long long sub;         /* the path's {mid} (the linked object: /features/{id}/evidence/{mid}/delete) */
	bool bare;             /* inputs without their labels and notes (labelled for screen readers): a form in a row */
	const char *cls;       /* the form's class ("inline", "row-action") */
	const char *heading;   /* an <h3> at the top of the form */
	const char *details;   /* wrap the form in <details> with this summary (open when it failed) */
	const char *button;    /* the button's label instead of the action's */
	const char *button_cls; /* the button's class ("secondary", "danger", "tick") */
	const char *button_aria; /* the button's aria-label */
	struct kv *hidden;     /* values sent as hidden inputs: fields that are not shown (and "back") */
	struct kv *values;     /* the first values of shown fields (else the object's field of the same name) */
	const char *only;      /* show only these fields, space-separated ("reason cites"); NULL: every field */
	const char *intro;     /* a line of help at the top of the form */
	bool quiet;            /* another form of the same action shows its failure (accept beside decline) */
	/* The input of the field named custom (a choice the page knows best, e.g. the strategy's lines), written
	 * instead of the generic one: id and name as given, val what to select. */
	const char *custom;
	void (*custom_input)(request *rq, buf *b, const char *id, const char *name, const char *val, void *ctx);
	void *ctx;
};

/* The form of action a on the object obj (NULL for none): POST to its page path with obj's id, the CSRF token,
 * obj's version (A_VERSION), an input per field (as entity forms do), the button. When this request is the
 * failed POST of that form (same action, same object), the message shows at the top and beside its field, and
 * the inputs keep what was typed. */
void action_form(request *rq, buf *b, const struct action *a, json_t *obj, const struct form_opts *o);
/* Did this request's action a fail on object id (so its form shows again with the message)? */
bool action_failed(request *rq, const struct action *a, long long id);

/* What one action's page face does instead of the default: after a failure the object's page shows again with
 * the form open (page_entity_show_failed), or the list when the action has no kind; after success a 303 to the
 * object's page or x.redirect. */
struct action_page {
	const struct action *action;
	void (*failed)(request *rq, response *rs, const struct outcome *o);
	void (*done)(request *rq, response *rs, const struct outcome *o);
};
#endif
