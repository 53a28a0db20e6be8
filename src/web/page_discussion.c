/* page_discussion.c — the discussion on every detail page: its threads oldest first, replies indented under them,
 * Resolve/Reopen, Edit and Delete where the user may, and forms (no JavaScript) to start a thread and to reply,
 * posting to the generic create of comments and coming back to #discussion; @mentions offered from the people. */
#include "fields.h"
#include "model/comments.h"
#include "model/people.h"
#include "model/users.h"
#include "platform/json_get.h"
#include "platform/markdown.h"
#include "web.h"

/* Everyone who can be mentioned, once per page: a datalist for the one-line reply fields and a visible hint. */
static void people_hint(request *rq, buf *b)
{
	json_t *people = people_list(rq->db, false), *p;
	size_t i;
	buf_lit(b, "<datalist id=\"mention-people\">");
	json_array_foreach(people, i, p) if (json_is_true(json_object_get(p, "active")))
	    html(b, "<option value=\"@%s \">%s</option>", jget_str(p, "name"), jget_str(p, "email"));
	buf_lit(b, "</datalist><details class=\"mention-hint\"><summary>Mention someone: @ and their full name or email"
	           "</summary><ul class=\"inline-list\">");
	json_array_foreach(people, i, p) if (json_is_true(json_object_get(p, "active")))
	    html(b, "<li><code>@%s</code> <span class=\"muted\">%s</span></li>", jget_str(p, "name"), jget_str(p, "email"));
	buf_lit(b, "</ul></details>");
	json_decref(people);
}

static void hidden_target(request *rq, buf *b, const struct entity *e, long long id)
{
	form_csrf(rq, b);
	html(b, "<input type=\"hidden\" name=\"on_kind\" value=\"%s\"><input type=\"hidden\" name=\"on_id\" value=\"%lld\">",
	     e->kind, id);
}

static void one_comment(request *rq, buf *b, json_t *c, bool top)
{
	long long cid = jget_int(c, "id");
	bool resolved = json_is_true(json_object_get(c, "resolved"));
	const char *who = jget_str(c, "author_name");
	html(b, "<article class=\"comment%s\" id=\"comment-%lld\"><header><strong>%s</strong> ", resolved ? " resolved" : "",
	     cid, who ? who : "Someone");
	show_time(b, jget_str(c, "created_at"));
	if (top && resolved)
		buf_lit(b, " <span class=\"badge\">Resolved</span>");
	buf_lit(b, "</header><div class=\"markdown\">");
	markdown_html(b, jget_str(c, "body"));
	buf_lit(b, "</div>");
	bool changer = entity_may_change(rq->db, &comments_entity, cid, rq->user_id, rq->user_rank);
	bool settler = top && (rq->user_rank >= RANK_EDITOR || jget_int(c, "author") == rq->user_id);
	if (changer || settler) {
		buf_lit(b, "<div class=\"comment-actions\">");
		if (settler) {
			html(b, "<form method=\"post\" action=\"/comments/%lld/resolve\" class=\"comment-action\">", cid);
			form_csrf(rq, b);
			html(b, "<input type=\"hidden\" name=\"version\" value=\"%lld\"><input type=\"hidden\" name=\"resolved\" "
			        "value=\"%s\"><button type=\"submit\" class=\"secondary\">%s</button></form> ",
			     jget_int(c, "version"), resolved ? "false" : "true", resolved ? "Reopen" : "Resolve");
		}
		if (changer) {
			html(b, "<a href=\"/comments/%lld/edit\">Edit</a> <form method=\"post\" action=\"/comments/%lld/delete\" "
			        "class=\"comment-action\">",
			     cid, cid);
			form_csrf(rq, b);
			buf_lit(b, "<button type=\"submit\" class=\"secondary\">Delete</button></form>");
		}
		buf_lit(b, "</div>");
	}
	buf_lit(b, "</article>");
}

void discussion_section(request *rq, buf *b, const struct entity *e, long long id)
{
	if (e == &comments_entity)
		return;
	json_t *threads = comments_thread(rq->db, e->kind, id), *t;
	bool can = entity_may_create(&comments_entity, rq->user_rank);
	html(b, "<section class=\"discussion\" id=\"discussion\"><h2>Discussion <span class=\"count\">(%zu)</span></h2>",
	     json_array_size(threads));
	if (can)
		people_hint(rq, b);
	if (!json_array_size(threads))
		buf_lit(b, "<p class=\"muted\">No comments yet.</p>");
	size_t i, k;
	json_t *r;
	json_array_foreach(threads, i, t)
	{
		long long tid = jget_int(t, "id");
		html(b, "<div class=\"thread\" id=\"thread-%lld\">", tid);
		one_comment(rq, b, t, true);
		json_t *replies = json_object_get(t, "replies");
		if (json_array_size(replies)) {
			buf_lit(b, "<div class=\"replies\">");
			json_array_foreach(replies, k, r) one_comment(rq, b, r, false);
			buf_lit(b, "</div>");
		}
		if (can) {
			buf_lit(b, "<form method=\"post\" action=\"/comments\" class=\"reply\">");
			hidden_target(rq, b, e, id);
			html(b, "<input type=\"hidden\" name=\"parent_id\" value=\"%lld\"><label>Reply <input type=\"text\" "
			        "name=\"body\" list=\"mention-people\" maxlength=\"10000\" required></label> <button "
			        "type=\"submit\" class=\"secondary\">Reply</button></form>",
			     tid);
		}
		buf_lit(b, "</div>");
	}
	if (can) {
		buf_lit(b, "<form method=\"post\" action=\"/comments\" class=\"new-comment\" id=\"new-comment\">");
		hidden_target(rq, b, e, id);
		buf_lit(b, "<label for=\"comment-body\">Comment <span class=\"muted\">(Markdown)</span></label><textarea "
		           "id=\"comment-body\" name=\"body\" rows=\"3\" maxlength=\"10000\" required></textarea><div "
		           "class=\"form-actions\"><button type=\"submit\">Comment</button></div></form>");
	}
	buf_lit(b, "</section>");
	json_decref(threads);
}
