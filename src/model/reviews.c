/* reviews.c — review requests described once: on any object (on_kind, on_id), asked of a reviewer who can review
 * (pm, pmm, leader or admin) by a due date not in the past, by the creator; only the reviewer answers (approved or
 * changes_requested) and only the requester cancels, each once, while the request stands. */
#include "reviews.h"
#include <string.h>
#include "platform/json_get.h"
#include "platform/util.h"
#include "users.h"

static const char *const review_states[] = {"requested", "approved", "changes_requested", "cancelled", NULL};
static const char *const answer_states[] = {"approved", "changes_requested", NULL};

static const struct field review_fields[] = {
	{"on_kind", "On", FT_STRING, F_REQUIRED | F_LISTED | F_FILTER, 40,
	 .help = "The kind of the object to review, e.g. prfaqs or launches"},
	{"on_id", "Object", FT_INT, F_REQUIRED | F_LISTED | F_FILTER, 0, 1, 9e15, .help = "The id of the object to review"},
	{"reviewer_id", "Reviewer", FT_REF, F_REQUIRED | F_LISTED | F_FILTER | F_OWNER, .ref = "users",
	 .help = "Who is asked: a pm, pmm, leader or admin"},
	{"due", "Due", FT_DATE, F_REQUIRED | F_LISTED | F_SORT, .help = "When the answer is needed; not in the past"},
	{"note", "Note", FT_TEXT, F_SEARCH | F_MARKDOWN, 4000, .help = "What to look at (Markdown)"},
	{"state", "State", FT_ENUM, F_READONLY | F_LISTED | F_FILTER, .choices = review_states,
	 .help = "requested until the reviewer answers (approved, changes_requested) or the requester cancels"},
	{"requested_by", "Requested by", FT_REF, F_READONLY | F_LISTED | F_FILTER, .ref = "users",
	 .help = "Who asked; only they (and admins) may edit or cancel it"},
	{"answer_note", "Answer", FT_TEXT, F_READONLY | F_MARKDOWN, 4000, .help = "The reviewer's note with the answer"},
	{"answered_at", "Answered", FT_TIMESTAMP, F_READONLY, .help = "When it was answered or cancelled"},
};

static bool same(json_t *a, json_t *b) { return json_equal(a, b) || (json_is_null(a) && !b); }

/* The object exists and stays; the reviewer can review; the due date is not past (when set or moved); a new
 * request is requested. */
static int review_check(db *d, long long id, json_t *obj, struct err *e)
{
	json_t *base = id > 0 ? entity_get(d, &reviews_entity, id) : NULL;
	if (entity_on_check(d, &reviews_entity, obj, base, e) < 0) {
		json_decref(base);
		return -1;
	}
	bool new_reviewer = !base || !same(json_object_get(obj, "reviewer_id"), json_object_get(base, "reviewer_id"));
	bool new_due = !base || !same(json_object_get(obj, "due"), json_object_get(base, "due"));
	json_decref(base);
	if (new_reviewer) {
		arena *a = arena_new();
		struct user u;
		bool can = users_get(d, a, jget_int(obj, "reviewer_id"), &u) && u.rank >= RANK_EDITOR;
		char role[24];
		snprintf(role, sizeof role, "%s", can || !u.role ? "" : u.role);
		arena_free(a);
		if (!can)
			return err_invalid(e, "reviewer_id", "reviewer_id must be a pm, pmm, leader or admin; a %s cannot review",
			                   role[0] ? role : "user");
	}
	char today[11];
	today_ymd(today);
	const char *due = jget_str(obj, "due");
	if (new_due && due && strcmp(due, today) < 0)
		return err_invalid(e, "due", "due %s is in the past: give today (%s) or later", due, today);
	if (id == 0)
		json_object_set_new(obj, "state", json_string("requested"));
	return 0;
}

struct entity reviews_entity = {
	.kind = "reviews", .table = "reviews", .one = "review request", .event = "review", .label = "Reviews", .title_field = "note",
	.blurb = "Review requests: a named reviewer asked to look at any object by a date, answered approved or with "
	         "changes requested.",
	.fields = review_fields, .nfields = COUNT(review_fields), .write_rank = RANK_ADMIN, .create_rank = RANK_EDITOR,
	.owner_field = "requested_by", .default_sort = "due", .check = review_check, .on_any = true,
};

/* Only while requested: 409 otherwise. */
static int still_requested(struct act *x)
{
	const char *state = jget_str(x->obj, "state");
	if (!str_eq(state, "requested"))
		return err_set(x->err, 409, "conflict", "state", "the review request is %s already: it was answered once",
		               state ? state : "closed");
	return 0;
}

/* A form answered on the object's page goes back to its reviews. */
static void back_to_object(struct act *x)
{
	x->redirect = arena_printf(x->a, "/%s/%lld#reviews", jget_str(x->obj, "on_kind"), jget_int(x->obj, "on_id"));
}

static int set_state(struct act *x, const char *state, const char *note)
{
	char now[21];
	now_rfc3339(now);
	if (db_run(x->d,
	           "UPDATE reviews SET state = ?, answer_note = ?, answered_at = ?, updated_at = ?, version = version + 1 "
	           "WHERE id = ?",
	           "tttti", state, note, now, now, x->id) != DB_OK)
		return err_internal(x->err);
	return 0;
}

static const struct field answer_fields[] = {
	{"state", "Answer", FT_ENUM, F_REQUIRED, .choices = answer_states,
	 .help = "approved, or changes_requested"},
	{"note", "Note", FT_TEXT, F_MARKDOWN, 4000, .help = "What you saw or want changed (Markdown)"},
};

/* Only the reviewer answers, once, while requested. */
static int answer(struct act *x)
{
	if (jget_int(x->obj, "reviewer_id") != x->actor)
		return err_set(x->err, 403, "forbidden", NULL, "only the reviewer asked may answer this review request");
	if (still_requested(x) < 0)
		return -1;
	back_to_object(x);
	return set_state(x, jget_str(x->in, "state"), jget_str(x->in, "note"));
}

const struct action review_answer_action = {
	.name = "review-answer", .one = "a review answer", .verb = "answered", .kind = "reviews", .method = HTTP_POST,
	.api_path = "/api/v1/reviews/{id}/answer", .page_path = "/reviews/{id}/answer", .rank = RANK_EDITOR,
	.flags = A_AUDIT | A_OBJECT, .fields = answer_fields, .nfields = COUNT(answer_fields),
	.summary = "Answer a review request: approved or changes_requested, with a note (the reviewer only, once)",
	.button = "Answer", .conflict = "the request was answered or cancelled already", .run = answer,
};

/* Only the requester (or an admin) cancels, while requested. */
static int cancel(struct act *x)
{
	if (jget_int(x->obj, "requested_by") != x->actor && x->rank < RANK_ADMIN)
		return err_set(x->err, 403, "forbidden", NULL, "only who asked for the review may cancel it");
	if (still_requested(x) < 0)
		return -1;
	back_to_object(x);
	return set_state(x, "cancelled", NULL);
}

const struct action review_cancel_action = {
	.name = "review-cancel", .one = "a cancellation", .verb = "cancelled", .kind = "reviews", .method = HTTP_POST,
	.api_path = "/api/v1/reviews/{id}/cancel", .page_path = "/reviews/{id}/cancel", .rank = RANK_EDITOR,
	.flags = A_AUDIT | A_OBJECT | A_NO_BODY, .summary = "Cancel a review request (the requester only, while requested)",
	.button = "Cancel request", .conflict = "the request was answered or cancelled already", .run = cancel,
};

json_t *reviews_of(db *d, const char *on_kind, long long on_id)
{
	json_t *out = json_array();
	db_stmt *s = db_q(d, "SELECT id FROM reviews WHERE on_kind = ? AND on_id = ? ORDER BY id DESC", "ti", on_kind, on_id);
	json_t *ids = json_array();
	while (s && db_step(s) == DB_ROW)
		json_array_append_new(ids, json_integer(db_col_int(s, 0)));
	db_done(s);
	size_t i;
	json_t *v;
	arena *a = arena_new();
	json_array_foreach(ids, i, v)
	{
		json_t *r = entity_get(d, &reviews_entity, json_integer_value(v));
		if (!r)
			continue;
		static const char *const who[][2] = {{"reviewer_id", "reviewer_name"}, {"requested_by", "requested_by_name"}};
		for (size_t k = 0; k < COUNT(who); k++) {
			json_t *u = json_object_get(r, who[k][0]);
			const char *name = json_is_integer(u) ? users_name(d, a, json_integer_value(u)) : NULL;
			json_object_set_new(r, who[k][1], name ? json_string(name) : json_null());
		}
		json_array_append_new(out, r);
	}
	arena_free(a);
	json_decref(ids);
	return out;
}
