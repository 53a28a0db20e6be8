/* comments.c — comments described once: on any object (on_kind, on_id), Markdown, threaded one level (a reply's
 * parent is a top-level comment on the same object), resolvable, the creator as author, and the users the body
 * @mentions kept as links for whatever tells them. */
#include "comments.h"
#include <ctype.h>
#include <string.h>
#include <strings.h>
#include "platform/json_get.h"
#include "platform/util.h"
#include "users.h"

static const struct link mention_link = {"comment_mentions", "comment_id", "user_id", NULL, 0, 0, NULL};

static const struct field comment_fields[] = {
	{"on_kind", "On", FT_STRING, F_REQUIRED | F_LISTED | F_FILTER, 40,
	 .help = "The kind of the object commented on, e.g. launches"},
	{"on_id", "Object", FT_INT, F_REQUIRED | F_LISTED | F_FILTER, 0, 1, 9e15, .help = "The id of the object commented on"},
	{"body", "Comment", FT_TEXT, F_REQUIRED | F_LISTED | F_SEARCH | F_MARKDOWN, 10000,
	 .help = "Markdown; @email or @Full Name mentions a person"},
	{"parent_id", "Reply to", FT_REF, F_FILTER, .ref = "comments",
	 .help = "The top-level comment this answers, on the same object; absent for a new thread"},
	{"resolved", "Resolved", FT_BOOL, F_LISTED | F_FILTER, .dflt = "false",
	 .help = "true: the thread (a top-level comment and its replies) is settled"},
	{"author", "Author", FT_REF, F_READONLY | F_LISTED | F_FILTER, .ref = "users",
	 .help = "Who wrote it; only they (and admins) may edit or delete it"},
	{"mentions", "Mentions", FT_LINKS, F_READONLY, .ref = "users", .link = &mention_link,
	 .help = "The users the body mentions, read from it when saved"},
};

struct person {
	long long id;
	char *email, *name;
};

static int load_people(db *d, struct person **out)
{
	int n = 0, cap = 0;
	struct person *p = NULL;
	db_stmt *s = db_q(d, "SELECT id, email, name FROM users ORDER BY id", "");
	while (s && db_step(s) == DB_ROW) {
		if (n == cap)
			p = xrealloc(p, (size_t)(cap = cap ? cap * 2 : 16) * sizeof *p);
		p[n++] = (struct person){db_col_int(s, 0), xstrdup(db_col_text(s, 1)), xstrdup(db_col_text(s, 2))};
	}
	db_done(s);
	*out = p;
	return n;
}

static bool word_char(unsigned char c) { return isalnum(c) || c == '_' || c >= 0x80; }

/* Where a mention's text ends: the run of non-space characters, less trailing punctuation. */
static const char *token_end(const char *s)
{
	const char *q = s;
	while (*q && !isspace((unsigned char)*q) && !strchr("<>()[]{},;!?\"'`*", *q))
		q++;
	while (q > s && strchr(".:", q[-1]))
		q--;
	return q;
}

/* The person "@" at s names (s just after it) and where the mention ends, or -1. */
static int match(const struct person *p, int n, const char *s, const char **end)
{
	const char *te = token_end(s);
	if (memchr(s, '@', (size_t)(te - s))) { /* an email */
		for (int i = 0; i < n; i++)
			if (strlen(p[i].email) == (size_t)(te - s) && !strncasecmp(p[i].email, s, (size_t)(te - s)))
				return *end = te, i;
		return -1;
	}
	int best = -1;
	size_t blen = 0;
	for (int i = 0; i < n; i++) { /* the longest full name that stops at a word's end */
		size_t l = strlen(p[i].name);
		if (l > blen && !strncasecmp(p[i].name, s, l) && !word_char((unsigned char)s[l]))
			best = i, blen = l;
	}
	if (best >= 0)
		*end = s + blen;
	return best;
}

json_t *comment_mentions(db *d, const char *body, struct err *err)
{
	struct person *p;
	int n = load_people(d, &p);
	json_t *ids = json_array();
	for (const char *s = body ? body : ""; *s; s++) {
		if (*s != '@' || (s > body && word_char((unsigned char)s[-1])) || !word_char((unsigned char)s[1]))
			continue;
		const char *end = NULL;
		int i = match(p, n, s + 1, &end);
		if (i < 0) {
			const char *te = token_end(s + 1);
			err_invalid(err, "body", "body mentions @%.*s, who is nobody here: write @ and a person's email or full name",
			            (int)(te - s - 1 > 80 ? 80 : te - s - 1), s + 1);
			json_decref(ids);
			ids = NULL;
			break;
		}
		bool seen = false;
		size_t k;
		json_t *v;
		json_array_foreach(ids, k, v) seen = seen || json_integer_value(v) == p[i].id;
		if (!seen)
			json_array_append_new(ids, json_integer(p[i].id));
		s = end - 1;
	}
	for (int i = 0; i < n; i++)
		free(p[i].email), free(p[i].name);
	free(p);
	return ids;
}

static bool same(json_t *a, json_t *b) { return json_equal(a, b) || (json_is_null(a) && !b); }

/* The object must exist; a reply answers a top-level comment on it; a comment stays where it was posted; the
 * mentions are read from the body. */
static int comment_check(db *d, long long id, json_t *obj, struct err *e)
{
	json_t *base = id > 0 ? entity_get(d, &comments_entity, id) : NULL;
	int rc = entity_on_check(d, &comments_entity, obj, base, e);
	bool moved = rc == 0 && base && !same(json_object_get(obj, "parent_id"), json_object_get(base, "parent_id"));
	json_decref(base);
	if (rc < 0)
		return -1;
	if (moved)
		return err_invalid(e, "parent_id", "a comment stays where it was posted: parent_id cannot change");
	json_t *pid = json_object_get(obj, "parent_id");
	if (json_is_integer(pid)) {
		json_t *parent = entity_get(d, &comments_entity, json_integer_value(pid));
		bool top = parent && json_is_null(json_object_get(parent, "parent_id"));
		bool here = parent && json_equal(json_object_get(parent, "on_kind"), json_object_get(obj, "on_kind")) &&
		            json_equal(json_object_get(parent, "on_id"), json_object_get(obj, "on_id"));
		json_decref(parent);
		if (!top)
			return err_invalid(e, "parent_id", "parent_id must be a top-level comment: replies are one level deep");
		if (!here)
			return err_invalid(e, "parent_id", "parent_id must be a comment on the same object");
		if (json_is_true(json_object_get(obj, "resolved")))
			return err_invalid(e, "resolved", "a thread is resolved on its first comment, not on a reply");
	}
	json_t *ids = comment_mentions(d, json_string_value(json_object_get(obj, "body")), e);
	if (!ids)
		return -1;
	json_object_set_new(obj, "mentions", ids);
	return 0;
}

json_t *comments_thread(db *d, const char *on_kind, long long on_id)
{
	json_t *top = json_array(), *by_id = json_object();
	db_stmt *s = db_q(d,
	                  "SELECT c.id FROM comments c WHERE c.on_kind = ? AND c.on_id = ? "
	                  "ORDER BY c.parent_id IS NOT NULL, c.created_at, c.id",
	                  "ti", on_kind, on_id);
	json_t *ids = json_array();
	while (s && db_step(s) == DB_ROW)
		json_array_append_new(ids, json_integer(db_col_int(s, 0)));
	db_done(s);
	size_t i;
	json_t *v;
	json_array_foreach(ids, i, v)
	{
		json_t *c = entity_get(d, &comments_entity, json_integer_value(v));
		if (!c)
			continue;
		json_t *a = json_object_get(c, "author");
		arena *ar = arena_new();
		const char *who = json_is_integer(a) ? entity_ref_label(d, ar, "users", json_integer_value(a)) : NULL;
		json_object_set_new(c, "author_name", who ? json_string(who) : json_null());
		arena_free(ar);
		char key[24];
		json_t *pid = json_object_get(c, "parent_id");
		if (json_is_integer(pid)) {
			snprintf(key, sizeof key, "%lld", (long long)json_integer_value(pid));
			json_t *parent = json_object_get(by_id, key);
			if (parent)
				json_array_append(json_object_get(parent, "replies"), c);
			json_decref(c);
			continue;
		}
		json_object_set_new(c, "replies", json_array());
		snprintf(key, sizeof key, "%lld", (long long)json_integer_value(json_object_get(c, "id")));
		json_object_set(by_id, key, c);
		json_array_append_new(top, c);
	}
	json_decref(ids);
	json_decref(by_id);
	return top;
}

struct entity comments_entity = {
	.kind = "comments", .table = "comments", .one = "comment", .label = "Comments", .title_field = "body",
	.blurb = "Discussion on any object: threads one reply deep, @mentions of people, resolved when settled.",
	.fields = comment_fields, .nfields = COUNT(comment_fields), .write_rank = RANK_ADMIN,
	.create_rank = RANK_CONTRIBUTOR, .owner_field = "author", .default_sort = "created_at", .check = comment_check,
	.on_any = true,
};

static const struct field resolve_fields[] = {
	{"resolved", "Resolved", FT_BOOL, 0, .dflt = "true", .help = "true resolves the thread, false reopens it"},
};

/* A thread is settled by anyone in the conversation who may act on the object (a pm, pmm, leader, admin) or by who
 * started it; only on its first comment. */
static int resolve(struct act *x)
{
	if (!json_is_null(json_object_get(x->obj, "parent_id")) && json_object_get(x->obj, "parent_id"))
		return err_invalid(x->err, "parent_id", "a thread is resolved on its first comment, not on a reply");
	if (x->rank < RANK_EDITOR && jget_int(x->obj, "author") != x->actor)
		return err_set(x->err, 403, "forbidden", NULL, "only who started the thread, a pm, a pmm or a leader may resolve it");
	bool on = json_is_true(json_object_get(x->in, "resolved"));
	x->redirect = arena_printf(x->a, "/%s/%lld#comment-%lld", jget_str(x->obj, "on_kind"), jget_int(x->obj, "on_id"),
	                           x->id);
	if (on == json_is_true(json_object_get(x->obj, "resolved")))
		return 0; /* as asked already */
	json_t *in = json_pack("{sb}", "resolved", on);
	int rc = entity_update_as(x->d, &comments_entity, x->actor, x->id, in, jget_int(x->obj, "version"),
	                          on ? "resolved" : "reopened", x->err);
	json_decref(in);
	return rc;
}

const struct action comment_resolve_action = {
	.name = "comment-resolve", .one = "a resolution", .verb = "resolved", .kind = "comments", .method = HTTP_POST,
	.api_path = "/api/v1/comments/{id}/resolve", .page_path = "/comments/{id}/resolve", .rank = RANK_CONTRIBUTOR,
	.flags = A_IF_VERSION | A_OBJECT, .fields = resolve_fields, .nfields = COUNT(resolve_fields),
	.summary = "Resolve a thread (resolved: true) or reopen it (false): who started it, a pm, pmm or leader",
	.button = "Resolve", .run = resolve,
};
