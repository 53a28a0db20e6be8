/* views.c — saved views described once: the list's kind, a name, its query string (checked against that list's
 * arguments when saved and again when opened), the owner (the creator) and whether everyone sees it. */
#include "views.h"
#include <string.h>
#include "users.h"

static const struct field view_fields[] = {
	{"name", "Name", FT_STRING, F_REQUIRED | F_LISTED | F_SEARCH | F_SORT, 120, .help = "What the view is called"},
	{"kind", "List", FT_STRING, F_REQUIRED | F_LISTED | F_FILTER | F_SORT, 40,
	 .help = "The kind whose list it filters and sorts, e.g. insights"},
	{"query", "Query", FT_STRING, F_LISTED, VIEW_QUERY_MAX,
	 .help = "The list's query string without '?': its filters, q, sort and limit, e.g. linked=false&sort=-observed_at"},
	{"shared", "Shared", FT_BOOL, F_LISTED | F_FILTER, .dflt = "false",
	 .help = "true: every user sees it above the list; false: only its owner"},
	{"owner_id", "Owner", FT_REF, F_READONLY | F_LISTED | F_FILTER, .ref = "users",
	 .help = "Who saved it; only they (and admins) may rename, change or delete it"},
};

int view_query_check(const char *kind, const char *query, arena *a, const char **canon, struct err *err)
{
	const struct entity *e = entity_find(kind);
	if (!e || e == &views_entity || e->parent_field)
		return err_invalid(err, "kind", "kind must be a kind with a list page, e.g. insights or features");
	struct kv *args = http_query_parse(a, query && query[0] == '?' ? query + 1 : query), *kept = NULL, **tail = &kept;
	buf out;
	buf_init(&out);
	for (struct kv *k = args; k; k = k->next) {
		if (!strcmp(k->key, "cursor") || !strcmp(k->key, "format")) {
			buf_free(&out);
			return err_invalid(err, "query", "a view keeps filters and a sort, not %s", k->key);
		}
		if (!*k->value)
			continue; /* an empty filter on the list page means "any" */
		if (out.len)
			buf_addc(&out, '&');
		buf_url(&out, k->key);
		buf_addc(&out, '=');
		buf_url(&out, k->value);
		if (!strcmp(k->key, "all")) /* the list page's own argument: show what it hides by default */
			continue;
		struct kv *c = arena_alloc(a, sizeof *c);
		c->key = k->key, c->value = k->value;
		*tail = c, tail = &c->next;
	}
	struct list_query q = {kept, 200};
	struct err inner = {0};
	if (entity_list_check(e, &q, a, &inner) < 0) {
		buf_free(&out);
		return err_invalid(err, "query", "%s", inner.message);
	}
	*canon = arena_strdup(a, buf_str(&out));
	buf_free(&out);
	return 0;
}

/* The kind must have a list and the query must be one that list takes; the query is kept re-encoded. */
static int view_check(db *d, long long id, json_t *obj, struct err *e)
{
	(void)d, (void)id;
	arena *a = arena_new();
	const char *canon = NULL;
	int rc = view_query_check(json_string_value(json_object_get(obj, "kind")),
	                          json_string_value(json_object_get(obj, "query")), a, &canon, e);
	if (rc == 0) {
		if (strlen(canon) > VIEW_QUERY_MAX)
			rc = err_invalid(e, "query", "query is longer than %d characters", VIEW_QUERY_MAX);
		else
			json_object_set_new(obj, "query", json_string(canon));
	}
	arena_free(a);
	return rc;
}

struct entity views_entity = {
	.kind = "views", .table = "views", .one = "saved view", .event = "view", .label = "Saved views", .title_field = "name",
	.blurb = "Named filters and sorts of a list, your own or shared with everyone; open one by its link.",
	.fields = view_fields, .nfields = COUNT(view_fields), .write_rank = RANK_ADMIN, .create_rank = RANK_VIEWER,
	.owner_field = "owner_id", .default_sort = "name", .check = view_check,
	.visible_sql = "views.owner_id = ? OR views.shared = 1",
};
