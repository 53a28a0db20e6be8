/* entity.h — describe each kind of object once; the generic engine derives SQL, JSON in and
 * out, validation with field-level errors, CSV, forms, OpenAPI, audit and version checks. */
#ifndef TANDEM_ENTITY_H
#define TANDEM_ENTITY_H
#include <jansson.h>
#include <stdbool.h>
#include "platform/arena.h"
#include "platform/buf.h"
#include "platform/db.h"
#include "platform/err.h"
#include "platform/http.h"

enum ftype {
	FT_STRING,    /* one line of text */
	FT_TEXT,      /* several lines (Markdown where the kind says so) */
	FT_INT,       /* whole number, range lo..hi when lo < hi */
	FT_NUMBER,    /* real number, range lo..hi when lo < hi */
	FT_MONEY,     /* whole currency units, >= 0 */
	FT_DATE,      /* YYYY-MM-DD, a real calendar date */
	FT_TIMESTAMP, /* RFC 3339 UTC, always server-set */
	FT_ENUM,      /* one of choices */
	FT_REF,       /* id of an object of kind ref ("users" or an entity kind) */
	FT_LIST,      /* list of short strings, stored as JSON text */
	FT_LINKS,     /* ids of objects of kind ref, kept in a link table (see struct link) */
	FT_BOOL,      /* true or false, stored as 0 or 1 */
	/* input of actions and settings only (never a column): */
	FT_IDS,       /* a list of ids (of kind ref when set), none twice */
	FT_RECORD,    /* an object with the members sub[0..nsub) */
	/* a list of such objects; an error names the item: "checklist.1[2]". Also a kind's column (JSON text, as
	 * FT_LIST): a PR/FAQ's questions and answers; forms send it as rows "name.N.member", a row left blank dropped */
	FT_RECORDS,
	FT__MAX
};

enum field_flag {
	F_REQUIRED = 1 << 0, /* must be present and non-empty on create, never emptied */
	F_LISTED = 1 << 1,   /* a column on the list page */
	F_SEARCH = 1 << 2,   /* matched by ?q= */
	F_FILTER = 1 << 3,   /* ?field=value filters the list */
	F_SORT = 1 << 4,     /* ?sort=field and ?sort=-field */
	F_READONLY = 1 << 5, /* computed by the server; ignored on input */
	F_OWN_ACTION = 1 << 6, /* set on create; later changed only through its own action (e.g. a goal's target) */
	F_MARKDOWN = 1 << 7, /* FT_TEXT written in Markdown, shown rendered (safe HTML) */
	F_PAGE_ACTION = 1 << 8, /* the edit form shows it, not edits it: an action on the object's page changes it
	                         * with what follows from it (a release's date: Reschedule moves its launches) */
	F_OWNER = 1 << 9,    /* a reference to users who may own work: pickers offer pm, pmm, leader and admin only */
};

/* Where an FT_LINKS field lives: rows (own, other[, weight]) of a link table. Without a weight the
 * value is a list of ids [3, 7]; with one, a list of objects [{"<key>": 3, "weight": 2}]. */
struct link {
	const char *table;  /* e.g. feature_goals */
	const char *own;    /* column naming this object: feature_id */
	const char *other;  /* column naming the linked one: goal_id */
	const char *weight; /* weight column, or NULL */
	int wlo, whi;       /* the weight's range */
	const char *key;    /* JSON key of the id in weighted items: "goal_id" */
};

struct field {
	const char *name, *label;
	enum ftype type;
	unsigned flags;
	long max;                     /* text: characters; list: items (each item <= 200 chars) */
	double lo, hi;                /* numeric range when lo < hi */
	const char *const *choices;   /* FT_ENUM: NULL-terminated */
	const char *ref;              /* FT_REF: the kind pointed at */
	const char *dflt;             /* JSON text of the value a new object gets when absent */
	const char *help;             /* one line for forms and the OpenAPI description */
	const struct link *link;      /* FT_LINKS: the link table */
	const struct field *sub;      /* FT_RECORD, FT_RECORDS: the members */
	int nsub;
	const char *const *labels;    /* FT_ENUM: what people read for each choice (NULL: derived from the value) */
	const char *engine_choice;    /* FT_ENUM: a choice only the engine sets (approvals' "approved"): forms offer it
	                               * only while it is the value */
	const char *section;          /* a heading the form and the detail page show before this field, or NULL */
};

/* A list filter that is no field: ?name=true keeps the objects the condition holds for, ?name=false the others
 * (an insight linked to a feature as evidence). The condition is SQL over the kind's table, written by the model. */
struct list_filter {
	const char *name, *label; /* the query argument, and its label on the list page */
	const char *help;         /* one line for the OpenAPI description */
	const char *sql;          /* the condition, true for ?name=true */
};

struct entity {
	const char *kind;        /* URL and API name, plural kebab-case: "goals" */
	const char *table;       /* SQL table */
	const char *one;         /* singular label: "goal" */
	const char *event;       /* the name in its events' types ("prfaq" in prfaq.approved) when one is no word */
	const char *label;       /* plural label: "Goals" */
	const char *title_field; /* the field that names an object in lists and links */
	const char *blurb;       /* one sentence for the list page and OpenAPI tag */
	const struct field *fields;
	int nfields;
	int write_rank;          /* least role rank that may create, edit and delete */
	int read_rank;           /* least role rank that may see its objects at all (0: everyone signed in) */
	/* Below write_rank, from create_rank up (0: none below write_rank), a role may create objects of the kind,
	 * as create_check allows (NULL: any; a contributor's request is a new problem or idea); with owner_field, a
	 * users reference the engine sets to the creator, it may also edit and delete the objects it created. */
	int create_rank;
	int (*create_check)(json_t *obj, struct err *e);
	const char *owner_field;
	const char *default_sort;
	/* Rules across fields, after each field checked; id is 0 for a new object. -1 with e filled refuses. */
	int (*check)(db *d, long long id, json_t *obj, struct err *e);
	const char *fts;         /* an FTS5 table over the F_SEARCH fields (rowid = id) for ?q=, or NULL for LIKE */
	/* A computed value lists may be sorted by (?sort=score), and the function that orders items by it;
	 * set at start-up by the layer that computes it (the model does not know how). */
	const char *virtual_sort;
	void (*virtual_sort_fn)(db *d, json_t *items, bool desc);
	/* Adds the computed value virtual_sort names to each of a short list of {id, ...} items, a member of that
	 * name (a feature's score beside it); set at start-up with virtual_sort_fn, NULL for none. */
	void (*annotate)(db *d, json_t *items);
	/* A child kind (a launch's checklist items) names its parent with an FT_REF field; the parent's JSON
	 * embeds the children as a list under embed_as, in the child's default order. NULL for other kinds. */
	const char *parent_field, *embed_as;
	/* Runs after a create, in its transaction (a launch's checklist from its tier's template); -1 with
	 * err set refuses the create. */
	int (*after_create)(db *d, long long actor, long long id, json_t *obj, struct err *err);
	/* Runs after an update changed the object (old: as it was, obj: its checked new fields), in its transaction,
	 * and after an action changed its stored values (a goal's measurement); -1 with err set refuses the change. Set
	 * at start-up by the layer that reacts (a win recorded when a launch is launched); NULL for none. */
	int (*after_update)(db *d, long long actor, long long id, json_t *old, json_t *obj, struct err *err);
	/* Adds values computed when an object is read (a launch's readiness); set at start-up by the layer
	 * that computes them, like virtual_sort_fn. */
	void (*decorate)(db *d, json_t *obj);
	/* The values decorate adds, described as fields (read-only) for the API document; set with decorate. Those
	 * marked F_REQUIRED are in every answer, the others only sometimes (a webhook's secret, after its create). */
	const struct field *computed;
	int ncomputed;
	/* Filters that are no field (struct list_filter); NULL for none. */
	const struct list_filter *filters;
	int nfilters;
	/* Which objects a user sees (a saved view: their own and those shared): a condition over the table with one
	 * '?', the user's id; NULL: every object is seen by all. Lists and entity_visible apply it for a viewer. */
	const char *visible_sql;
	/* PM and PMM sign-off (model/approvals.h): the kind has APPROVAL_STATUS_FIELD and its approval actions; the
	 * engine refuses "approved" from edits, clears approvals on a change and adds "approvals" to the JSON. */
	bool approvals;
	/* Its objects are about an object of any kind, named by the fields on_kind and on_id (a comment, a review
	 * request): entity_on_check checks the pair, and deleting an object deletes what is about it. */
	bool on_any;
	/* SQL text generated once at start-up by entity_init. */
	char *sql_get, *sql_insert, *sql_update, *sql_delete, *sql_exists, *sql_children, *sql_count, *sql_choices;
	/* Per field (NULL but for FT_LINKS): the link table's statements that delete an object's rows and insert one. */
	char **sql_link_delete, **sql_link_insert;
	const struct entity *parent; /* the kind named by parent_field's reference, resolved by entity_init */
	bool has_children;           /* some kind names this one as its parent */
	int ncolumns;            /* fields stored as columns of the table (all but FT_LINKS) */
};

extern struct entity *const entity_all[];
extern const int entity_count;

void entity_init(void);                          /* start-up: generate SQL; idempotent */
void entity_init_one(struct entity *e);          /* a kind outside entity_all (the strategy) */
void entity_shutdown(void);
void entity_free_sql(struct entity *e);
const struct entity *entity_find(const char *kind); /* NULL for an unknown kind */
const struct field *entity_field(const struct entity *e, const char *name);

/* One object as a new JSON object (id, created_at, updated_at, version, fields, embedded children,
 * decorations); NULL if missing. */
json_t *entity_get(db *d, const struct entity *e, long long id);

struct list_query {
	struct kv *args;   /* the request's query arguments: filters, q, sort, limit, cursor */
	long max_limit;    /* the largest limit allowed (API 500, CSV and pages more) */
	long long viewer;  /* > 0: only what this user sees (the kind's visible_sql); 0: every object */
};
/* Matching objects as a new JSON array; *next is an opaque cursor or NULL. -1 with e on bad arguments. */
int entity_list(db *d, const struct entity *e, const struct list_query *q, arena *a, json_t **items,
                const char **next, struct err *err);

/* One page of a list with what a page face needs around it: the page's items (new), the cursors of the next and
 * the previous page (NULL when there is none; in the arena), how many objects match in all, the page's size and
 * where it starts (0 for the first). */
struct list_page {
	json_t *items;
	const char *next, *prev;
	long long total;
	long limit, offset;
};
int entity_list_page(db *d, const struct entity *e, const struct list_query *q, arena *a, struct list_page *p,
                     struct err *err);
/* How many objects match the filters and q of the arguments (sort, limit and cursor are ignored but checked);
 * -1 with err on bad arguments. The dashboard counts with it what the list pages show. */
int entity_list_count(db *d, const struct entity *e, const struct list_query *q, arena *a, long long *n,
                      struct err *err);
/* Are the arguments ones a list of e takes (filters, q, sort, limit, cursor; each value of the right form)? Runs
 * nothing; -1 with err naming the argument at fault. */
int entity_list_check(const struct entity *e, const struct list_query *q, arena *a, struct err *err);
/* May viewer (> 0; 0: anyone may) see object id of e under the kind's visible_sql? False for a missing object. */
bool entity_visible(db *d, const struct entity *e, long long id, long long viewer);
/* For a kind with on_any: on_kind names a kind (not e itself) and on_id an object of it, else -1 with err naming the
 * field; with base (the object before an edit) neither may change ("<what> stays on its object"). */
int entity_on_check(db *d, const struct entity *e, json_t *obj, json_t *base, struct err *err);
/* The list filter named name of kind e (struct list_filter), or NULL. */
const struct list_filter *entity_list_filter(const struct entity *e, const char *name);

/* Every match of the filters (a list of query arguments, NULL for none) in the kind's default order, read a
 * page at a time; -1 with err on bad filters. */
int entity_list_all(db *d, const struct entity *e, struct kv *filters, arena *a, json_t **items, struct err *err);

/* Check input (a JSON object) against the descriptor. With base (an existing object) absent
 * fields keep base's values. Returns a new object of field values, or NULL with err set. */
json_t *entity_validate(db *d, const struct entity *e, json_t *input, json_t *base, struct err *err);
/* Turn form fields (strings) into typed JSON input; NULL with err set on a malformed number. */
json_t *entity_from_form(const struct entity *e, struct kv *form, struct err *err);

/* The same two for any list of fields (an action's input, a setting): check input field by field (type, range,
 * length, UTF-8, choices, references, required; read-only fields keep base's value or null; id, version,
 * created_at, updated_at are ignored), one names what the fields describe in the message for an unknown field
 * ("a measurement"). A new object with every field (null, an empty list or the default where absent and no
 * base), or NULL with err naming the field. */
json_t *fields_validate(db *d, const struct field *fields, int n, const char *one, json_t *input, json_t *base,
                        struct err *err);
json_t *fields_from_form(const struct field *fields, int n, struct kv *form, struct err *err);

/* Writes; the caller holds the transaction. Each writes an audit row. */
long long entity_create(db *d, const struct entity *e, long long actor, json_t *input, struct err *err);
/* version: the client's; -1 when missing (refused). */
int entity_update(db *d, const struct entity *e, long long actor, long long id, json_t *input, long long version,
                  struct err *err);
/* The same, audited under another action than "updated" (e.g. "rescheduled"). */
int entity_update_as(db *d, const struct entity *e, long long actor, long long id, json_t *input, long long version,
                     const char *action, struct err *err);
int entity_delete(db *d, const struct entity *e, long long actor, long long id, struct err *err);

/* Who may write what (the dispatcher asks before a body is read; pages ask to show their buttons). */
bool entity_may_create(const struct entity *e, int rank);
/* May the user (id, rank) edit or delete object id: write_rank, or its creator from create_rank up. */
bool entity_may_change(db *d, const struct entity *e, long long id, long long user, int rank);
/* entity_create by a user of that rank: below the kind's write_rank, the object must pass create_check. */
long long entity_create_ranked(db *d, const struct entity *e, long long actor, int rank, json_t *input,
                               struct err *err);

/* How many objects of the kind there are. */
long long entity_count_of(db *d, const struct entity *e);
/* Does an object with this id exist in kind ("users" included)? */
bool entity_ref_exists(db *d, const char *kind, long long id);
/* The display name of a referenced object into the arena; NULL when missing. */
const char *entity_ref_label(db *d, arena *a, const char *kind, long long id);

/* Append an audit row: who, when, what changed (changes is borrowed). */
int audit_write(db *d, long long actor, const char *kind, long long id, const char *action, json_t *changes);
/* Audit rows of one object, newest first: {at, user_id, user, action, changes}. */
json_t *audit_history(db *d, const char *kind, long long id, int limit);

/* The workspace's activity feed: audit rows newest first, of one kind (NULL: all), older than the row id
 * before (0: from the newest), at most limit, leaving out the kinds a reader of rank may not see: {id, at, user_id, user, kind, object_id, action, changes}.
 * *next is the cursor of the next page (0 when this is the last). */
json_t *audit_feed(db *d, const char *kind, int rank, long long before, int limit, long long *next);
/* Is kind one the audit trail records: an object kind, strategy, settings or share-links? */
bool audit_kind_known(const char *kind);

/* CSV of every listed object (header row of field names); filters as entity_list. */
int entity_csv(db *d, const struct entity *e, const struct list_query *q, arena *a, buf *out, struct err *err);

const char *ftype_name(enum ftype t);
/* What people read for a choice of an FT_ENUM field: the descriptor's label, else the value with '_' as spaces
 * and the first letter capitalised ("in_progress" -> "In progress"); in the arena, raw (the caller escapes). */
const char *field_choice_label(const struct field *f, const char *value, arena *a);
/* Is the field a column of the kind's table (FT_LINKS live in link tables)? */
bool field_is_column(const struct field *f);
/* The items of a FT_LIST, FT_LINKS or FT_RECORDS value joined by sep, raw (the caller escapes for its context):
 * strings as they are, ids as numbers, weighted links as "id:weight", records of text as "q — a". */
void json_list_join(buf *b, json_t *list, const char *sep);
#endif
