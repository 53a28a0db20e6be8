/* action.h — verbs described like kinds: an action names the kind it acts on, its paths, its input fields (checked
 * by the same validator as a kind's), the least role, what the dispatcher does around it (version check, audit row,
 * answer), and one function that receives the checked input. The table of every action is src/app/actions.c. */
#ifndef TANDEM_ACTION_H
#define TANDEM_ACTION_H
#include <jansson.h>
#include "entity.h"

enum action_flag {
	A_VERSION = 1 << 0,  /* the client names the object's current version (body "version" or If-Match): 400
	                      * without, 409 when someone changed it since */
	A_AUDIT = 1 << 1,    /* one audit row on the object: the action's verb, the checked input (or x->audit) */
	A_OBJECT = 1 << 2,   /* the API answers the object as read after the action (else x->out) */
	A_CREATED = 1 << 3,  /* the API answers 201 */
	A_EMPTY = 1 << 4,    /* the API answers 204 with no body (a DELETE) */
	A_NO_BODY = 1 << 5,  /* takes no input: the API reads no body (a DELETE, a button) */
	A_READ = 1 << 6,     /* changes nothing (a computation with a body, e.g. the plan): a read transaction */
	A_IF_VERSION = 1 << 7, /* a version the client names must be current (409), but it may name none */
};

/* One run of an action, filled by the dispatcher before run is called. */
struct act {
	const struct action *action;
	db *d;
	arena *a;
	long long actor;     /* the signed-in user */
	int rank;
	long long id, sub;   /* the path's {id} and {mid}; 0 when the path has none (run sets id to what it made) */
	json_t *obj;         /* the object acted on, as read before the action (borrowed); NULL without a kind */
	json_t *in;          /* the checked input: every field, null (or the default) when not sent (borrowed) */
	json_t *raw;         /* the input as sent, before the check (borrowed): which fields were sent */
	const char *origin;  /* "http://host" of the request when its Host header is sane (links in answers), or NULL */
	/* set by run: */
	json_t *out;         /* the API's answer when the action does not answer the object (stolen) */
	json_t *audit;       /* what the audit row records instead of the input (stolen) */
	int status;          /* the answer's status instead of the action's own */
	const char *redirect; /* where the page goes after success, in the arena; NULL: the object's page */
	struct err *err;
};

struct action {
	const char *name;      /* the form's name and the OpenAPI operation: "measure" */
	const char *one;       /* what the input is, for messages: "a measurement" */
	const char *verb;      /* the audit trail's action: "measured" */
	const char *kind;      /* the kind acted on (the path's {id}), or NULL */
	const char *audit_kind; /* the audit trail's kind when not kind ("share-links"); the object is x->id */
	enum http_method method; /* POST, or DELETE */
	const char *api_path;  /* "/api/v1/goals/{id}/measurements" */
	const char *page_path; /* the form's POST "/goals/{id}/measurements", or NULL for the API only */
	int rank;              /* least role */
	unsigned flags;        /* enum action_flag */
	const struct field *fields;
	int nfields;
	const char *summary;   /* one line for OpenAPI and docs */
	const char *answer;    /* the OpenAPI schema of the answer when not A_OBJECT (NULL: none) */
	const char *input;     /* the OpenAPI schema name of its body, derived from the fields (NULL: "<Name>Input") */
	const char *button;    /* the form's button */
	const char *missing_field; /* the field a 404 names when the object is missing (NULL: none) */
	const char *conflict;  /* what a 409 means besides a stale version, for OpenAPI (NULL: nothing more) */
	/* Do it with the checked input, inside the request's transaction; 0, or -1 with x->err. */
	int (*run)(struct act *x);
};

/* Every action served: the table in src/app/actions.c (each row is defined beside its run function). */
extern const struct action *const actions_all[];
extern const int actions_count;
/* The action of that name, NULL when none. */
const struct action *action_find(const char *name);

/* One run, as the dispatcher does it for a request (origin: see struct act) and the demo, CLI and tests do it
 * directly: the object
 * (404 when the kind has none with id), raw checked against the fields (A_NO_BODY: ignored), the version
 * (A_VERSION: version < 0 is 400, another than the object's 409), run, the audit row (A_AUDIT). The caller holds
 * the transaction. 0 with x filled (free with act_free), or -1 with err (x is freed). */
int action_invoke(db *d, arena *a, const struct action *ac, long long actor, int rank, long long id, long long sub,
                  json_t *raw, long long version, const char *origin, struct act *x, struct err *err);
void act_free(struct act *x);
/* action_invoke for code that is not a request (the demo, the CLI, tests): an admin's rank, the version from
 * raw's "version"; *out (when not NULL) gets the API's answer (the object, or x->out), a new reference.
 * The status the API would answer (200, 201, 204), or -1 with err. */
int action_call(db *d, const struct action *ac, long long actor, long long id, long long sub, json_t *raw,
                json_t **out, struct err *err);
#endif
