/* page_reviews.c — the review requests of every detail page: each with its reviewer, due date, state and answer,
 * the answer form for the reviewer and Cancel for the requester while it stands, and a "Request a review" form
 * (no JavaScript) posting to the generic create of reviews and coming back to #reviews. */
#include "fields.h"
#include "model/people.h"
#include "model/reviews.h"
#include "model/users.h"
#include "model/wins.h"
#include "model/comments.h"
#include "platform/json_get.h"
#include "platform/markdown.h"
#include "web.h"

static void one_review(request *rq, buf *b, json_t *r)
{
	long long rid = jget_int(r, "id");
	const char *state = jget_str(r, "state"), *who = jget_str(r, "reviewer_name"), *by = jget_str(r, "requested_by_name");
	const struct field *sf = entity_field(&reviews_entity, "state");
	html(b, "<article class=\"review\" id=\"review-%lld\"><header><span class=\"badge badge-review-%s\">%s</span> "
	        "<strong>%s</strong> asked by %s, due %s</header>",
	     rid, state ? state : "", field_choice_label(sf, state ? state : "", rq->a), who ? who : "Someone",
	     by ? by : "someone", jget_str(r, "due") ? jget_str(r, "due") : "—");
	if (jget_str(r, "note")) {
		buf_lit(b, "<div class=\"markdown\">");
		markdown_html(b, jget_str(r, "note"));
		buf_lit(b, "</div>");
	}
	if (jget_str(r, "answer_note")) {
		buf_lit(b, "<div class=\"markdown review-answer\">");
		markdown_html(b, jget_str(r, "answer_note"));
		buf_lit(b, "</div>");
	}
	if (str_eq(state, "requested") && jget_int(r, "reviewer_id") == rq->user_id) {
		html(b, "<form method=\"post\" action=\"/reviews/%lld/answer\" class=\"review-answer-form\">", rid);
		form_csrf(rq, b);
		buf_lit(b, "<label>Answer <select name=\"state\" required><option value=\"approved\">Approved</option>"
		           "<option value=\"changes_requested\">Changes requested</option></select></label> <label>Note "
		           "<input type=\"text\" name=\"note\" maxlength=\"4000\"></label> <button type=\"submit\">Answer"
		           "</button></form>");
	}
	if (str_eq(state, "requested") &&
	    (jget_int(r, "requested_by") == rq->user_id || rq->user_rank >= RANK_ADMIN)) {
		html(b, "<form method=\"post\" action=\"/reviews/%lld/cancel\" class=\"comment-action\">", rid);
		form_csrf(rq, b);
		buf_lit(b, "<button type=\"submit\" class=\"secondary\">Cancel request</button></form>");
	}
	buf_lit(b, "</article>");
}

/* Who can review: active pm, pmm, leader and admin. */
static void reviewer_select(request *rq, buf *b)
{
	json_t *people = people_list(rq->db, false), *p;
	size_t i;
	buf_lit(b, "<label>Reviewer <select name=\"reviewer_id\" required><option value=\"\">Choose…</option>");
	json_array_foreach(people, i, p)
	{
		if (!json_is_true(json_object_get(p, "active")) || role_rank(jget_str(p, "role")) < RANK_EDITOR ||
		    jget_int(p, "id") == rq->user_id)
			continue;
		html(b, "<option value=\"%lld\">%s (%s)</option>", jget_int(p, "id"), jget_str(p, "name"), jget_str(p, "role"));
	}
	buf_lit(b, "</select></label> ");
	json_decref(people);
}

void reviews_section(request *rq, buf *b, const struct entity *e, long long id)
{
	if (e == &reviews_entity || e == &comments_entity || e == &wins_entity)
		return;
	json_t *list = reviews_of(rq->db, e->kind, id), *r;
	html(b, "<section class=\"reviews\" id=\"reviews\"><h2>Reviews <span class=\"count\">(%zu)</span></h2>",
	     json_array_size(list));
	if (!json_array_size(list))
		buf_lit(b, "<p class=\"muted\">No review requested.</p>");
	size_t i;
	json_array_foreach(list, i, r) one_review(rq, b, r);
	if (entity_may_create(&reviews_entity, rq->user_rank)) {
		char due[11], today[11];
		today_ymd(today);
		if (!date_add(today, 7, due))
			snprintf(due, sizeof due, "%s", today);
		buf_lit(b, "<details class=\"review-request\"><summary>Request a review</summary><form method=\"post\" "
		           "action=\"/reviews\">");
		form_csrf(rq, b);
		html(b, "<input type=\"hidden\" name=\"on_kind\" value=\"%s\"><input type=\"hidden\" name=\"on_id\" "
		        "value=\"%lld\">",
		     e->kind, id);
		reviewer_select(rq, b);
		html(b, "<label>Due <input type=\"date\" name=\"due\" value=\"%s\" min=\"%s\" required></label> <label>Note "
		        "<input type=\"text\" name=\"note\" maxlength=\"4000\"></label> <button type=\"submit\">Request review"
		        "</button></form></details>",
		     due, today);
	}
	buf_lit(b, "</section>");
	json_decref(list);
}
