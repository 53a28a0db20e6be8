/* page_release.c — what a release's page adds to the generic one (its features and the launches that
 * ride on it), and rescheduling: a new date shows the launches it affects and offers to move them too. */
#include <stdio.h>
#include <string.h>
#include "action_form.h"
#include "app/reply.h"
#include "domain/launch.h"
#include "fields.h"
#include "model/features.h"
#include "web.h"
#include "platform/json_get.h"


static void features_table(request *rq, buf *b, long long id)
{
	json_t *fs = features_of_release(rq->db, id), *f;
	size_t i;
	if (json_array_size(fs))
		buf_lit(b, "<table class=\"list\"><thead><tr><th>Feature</th><th>Status</th><th class=\"num\">Readiness</th>"
		           "</tr></thead><tbody>");
	json_array_foreach(fs, i, f)
	{
		html(b, "<tr><td><a href=\"/features/%lld\">%s</a></td><td><span class=\"badge badge-%s\">%s</span></td>"
		        "<td class=\"num\">",
		     jget_int(f, "id"), jget_str(f, "title"), jget_str(f, "status"),
		     field_choice_label(entity_field(&features_entity, "status"), jget_str(f, "status"), rq->a));
		if (json_is_integer(json_object_get(f, "readiness")))
			buf_rawf(b, "%lld%%", jget_int(f, "readiness"));
		else
			buf_lit(b, "—");
		buf_lit(b, "</td></tr>");
	}
	if (json_array_size(fs))
		buf_lit(b, "</tbody></table>");
	else
		html(b, "<p class=\"muted\">No features yet: set a feature's release on its edit form.</p>");
	json_decref(fs);
}

static void show_extra(request *rq, buf *b, json_t *o, const char *form, const struct err *err)
{
	(void)form, (void)err;
	long long id = jget_int(o, "id");
	html(b, "<p class=\"actions\"><a class=\"button secondary\" href=\"/releases/%lld/notes\">Release notes</a></p>"
	        "<section id=\"features\"><h2>Features</h2>",
	     id);
	features_table(rq, b, id);
	buf_lit(b, "</section><section id=\"launches\"><h2>Launches</h2>");
	if (!launches_table(rq, b, LAUNCHES_OF_RELEASE, id, "release-launches"))
		html(b, "<p class=\"muted\">No launch rides on this release. <a href=\"/launches/new?release_id=%lld\">Plan "
		        "one</a>.</p>",
		     id);
	buf_lit(b, "</section>");
	if (rq->user_rank >= releases_entity.write_rank)
		html(b, "<section id=\"reschedule\"><h2>Reschedule</h2><form method=\"get\" action=\"/releases/%lld/reschedule\" "
		        "class=\"inline-form\"><label for=\"new-date\">New target date</label> <input id=\"new-date\" "
		        "type=\"date\" name=\"target_date\" value=\"%s\" required> <button type=\"submit\">See what moves"
		        "</button></form><p class=\"help\">You will see the launches it affects before anything changes.</p>"
		        "</section>",
		     id, jget_str(o, "target_date"));
}

const struct kind_page release_page = {"releases", NULL, NULL, NULL, NULL, NULL, show_extra};

/* The preview: the move, the launches it affects with their dates before and after, and the choice. */
static void preview_page(request *rq, response *rs, long long id, json_t *p, const struct err *failed)
{
	json_t *rel = entity_get(rq->db, &releases_entity, id);
	page_begin(rq, rs, "Reschedule release", "releases");
	buf *b = &rs->body;
	long delta = (long)jget_int(p, "delta_days");
	html(b, "<nav class=\"crumbs\"><a href=\"/releases\">Releases</a> / <a href=\"/releases/%lld\">%s</a></nav>"
	        "<h1>Reschedule %s</h1>",
	     id, jget_str(rel, "name"), jget_str(rel, "name"));
	form_error_summary(b, failed);
	html(b, "<p class=\"lead\">From <strong>%s</strong> to <strong>%s</strong>: %s%ld day%s.</p>", jget_str(p, "from"),
	     jget_str(p, "to"), delta > 0 ? "later by " : delta < 0 ? "earlier by " : "", delta < 0 ? -delta : delta,
	     (delta == 1 || delta == -1) ? "" : "s");
	json_t *ls = json_object_get(p, "launches");
	html(b, "<form method=\"post\" action=\"/releases/%lld/reschedule\" class=\"edit\">", id);
	form_csrf(rq, b);
	html(b, "<input type=\"hidden\" name=\"target_date\" value=\"%s\"><input type=\"hidden\" name=\"version\" "
	        "value=\"%lld\">",
	     jget_str(p, "to"), jget_int(p, "version"));
	if (json_array_size(ls)) {
		html(b, "<h2>Launches it affects</h2><table class=\"list\" id=\"affected\"><thead><tr><th>Launch</th>"
		        "<th>Now</th><th>Moved by the same %ld day%s</th></tr></thead><tbody>",
		     delta < 0 ? -delta : delta, (delta == 1 || delta == -1) ? "" : "s");
		size_t i;
		json_t *l;
		json_array_foreach(ls, i, l) html(b, "<tr><td><a href=\"/launches/%lld\">%s</a></td><td>%s</td><td>%s</td></tr>",
		                                  jget_int(l, "id"), jget_str(l, "title"), jget_str(l, "launch_date"), jget_str(l, "new_date"));
		buf_lit(b, "</tbody></table><fieldset><legend>The launches</legend>"
		           "<label><input type=\"radio\" name=\"move_launches\" value=\"true\" checked> Move them by the same "
		           "number of days</label><br><label><input type=\"radio\" name=\"move_launches\" value=\"false\"> Keep "
		           "their dates (the alignment report will flag any launch now before its release)</label></fieldset>");
	} else
		buf_lit(b, "<p class=\"muted\">No open launch rides on this release.</p>"
		           "<input type=\"hidden\" name=\"move_launches\" value=\"false\">");
	html(b, "<div class=\"form-actions\"><button type=\"submit\">Reschedule</button> <a href=\"/releases/%lld\">Cancel"
	        "</a></div></form>",
	     id);
	json_decref(rel);
	page_end(rq, rs);
}

void page_release_reschedule_form(request *rq, response *rs)
{
	struct err err = {0};
	long long id = rq_id(rq, 0);
	const char *date = rq_query(rq, "target_date");
	if (!entity_ref_exists(rq->db, "releases", id))
		return page_error(rq, rs, 404, "No such release.");
	if (!date || !*date) /* no date yet: the form that asks for one */
		return reply_redirect(rs, rq, arena_printf(rq->a, "/releases/%lld#reschedule", id));
	json_t *p = release_reschedule_preview(rq->db, id, date, &err);
	if (!p)
		return page_error(rq, rs, err.status, err.message);
	preview_page(rq, rs, id, p, NULL);
	json_decref(p);
}

/* A failed move shows the preview again (the state before it: the run was rolled back) with the message. */
static void reschedule_failed(request *rq, response *rs, const struct outcome *o)
{
	struct err err = o->err, perr = {0};
	json_t *p = release_reschedule_preview(rq->db, o->id, rq_form(rq, "target_date"), &perr);
	if (!p)
		return page_error(rq, rs, err.status, err.message);
	if (err.status == 409)
		snprintf(err.message, sizeof err.message,
		         "Someone changed this release after you opened the preview. Check the dates below and confirm again.");
	rs->status = err.status;
	preview_page(rq, rs, o->id, p, &err);
	json_decref(p);
}

const struct action_page reschedule_page = {&reschedule_action, reschedule_failed, NULL};
