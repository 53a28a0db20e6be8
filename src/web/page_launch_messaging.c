/* page_launch_messaging.c — on a launch's page: the PR/FAQs that announce it and the positioning of its segments,
 * each with its approval state and a way to it (or to write it when there is none). */
#include "domain/launch_messaging.h"
#include "fields.h"
#include "model/prfaqs.h"
#include "web.h"
#include "platform/json_get.h"

/* A status badge ("In review"), for a kind with approvals. */
static void status_badge(request *rq, buf *b, const struct entity *e, const char *status)
{
	html(b, " <span class=\"badge badge-%s\">%s</span>", status,
	     field_choice_label(entity_field(e, "status"), status, rq->a));
}

/* Who approved the current version, and who is still missing ("Approved by Pat (pm); needs a pmm"). */
static void approvals_line(request *rq, buf *b, json_t *p)
{
	json_t *apps = json_object_get(p, "approvals"), *a;
	bool pm = false, pmm = false;
	size_t i;
	buf_lit(b, "<br><small class=\"muted\">");
	json_array_foreach(apps, i, a)
	{
		const char *role = jget_str(a, "role");
		const char *who = entity_ref_label(rq->db, rq->a, "users", jget_int(a, "user_id"));
		html(b, "%s%s (%s)", i ? ", " : "Approved by ", who ? who : "a former user", role);
		pm |= str_eq(role, "pm"), pmm |= str_eq(role, "pmm");
	}
	const char *status = jget_str(p, "status");
	if (str_eq(status, "approved"))
		buf_raw(b, json_array_size(apps) ? "" : "Approved");
	else if (str_eq(status, "draft"))
		buf_lit(b, "A draft: not in review yet");
	else
		html(b, "%sneeds %s", json_array_size(apps) ? "; " : "",
		     !json_array_size(apps) ? "a pm's and a pmm's approval"
		     : pm || pmm            ? (pm ? "a pmm's (or a leader's) approval" : "a pm's (or a leader's) approval")
		                            : "one more approval, from a pm or a pmm");
	buf_lit(b, "</small>");
}

static void prfaqs_part(request *rq, buf *b, long long launch_id, bool writer)
{
	json_t *list = launch_prfaqs(rq->db, launch_id), *p;
	size_t i;
	buf_lit(b, "<h3 id=\"launch-prfaqs\">PR/FAQ</h3>");
	if (!json_array_size(list))
		buf_lit(b, "<p class=\"muted\" id=\"no-prfaq\">No PR/FAQ announces this launch yet: work backwards from the "
		           "customer before the launch is built.</p>");
	else
		buf_lit(b, "<ul class=\"launch-pmm\">");
	json_array_foreach(list, i, p)
	{
		long long id = jget_int(p, "id");
		html(b, "<li id=\"launch-prfaq-%lld\"><a href=\"/prfaqs/%lld\">%s</a>", id, id, jget_str(p, "headline"));
		status_badge(rq, b, &prfaqs_entity, jget_str(p, "status"));
		html(b, " · <a href=\"/prfaqs/%lld/print\">Print</a>", id);
		approvals_line(rq, b, p);
		buf_lit(b, "</li>");
	}
	if (json_array_size(list))
		buf_lit(b, "</ul>");
	if (writer && !json_array_size(list))
		html(b, "<p><a class=\"button secondary\" id=\"write-prfaq\" href=\"/prfaqs/new?launch_id=%lld\">Write the "
		        "PR/FAQ</a></p>",
		     launch_id);
	json_decref(list);
}

static void messaging_part(request *rq, buf *b, json_t *o, bool writer)
{
	const struct entity *messages = entity_find("messages");
	json_t *segs = launch_positioning(rq->db, o), *s, *m;
	size_t i, k;
	buf_lit(b, "<h3 id=\"launch-messaging\">Messaging of its segments</h3>");
	if (!json_array_size(segs))
		html(b, "<p class=\"muted\">No segments are set on the launch: its messaging is its segments' positioning. "
		        "<a href=\"/launches/%lld/edit\">Set its segments</a></p>",
		     jget_int(o, "id"));
	else
		buf_lit(b, "<ul class=\"launch-pmm\">");
	json_array_foreach(segs, i, s)
	{
		long long seg = jget_int(s, "segment_id");
		json_t *pos = json_object_get(s, "positioning");
		html(b, "<li id=\"launch-segment-%lld\"><strong>%s</strong>: ", seg, jget_str(s, "segment"));
		if (!json_array_size(pos))
			buf_lit(b, "<span class=\"muted\">no positioning yet</span>");
		json_array_foreach(pos, k, m)
		{
			html(b, "%s<a href=\"/messages/%lld\">%s</a>", k ? "; " : "", jget_int(m, "id"), jget_str(m, "text"));
			status_badge(rq, b, messages, jget_str(m, "status"));
		}
		html(b, " · <a href=\"/messaging?segment_id=%lld\">The ladder</a>", seg);
		if (writer && !json_array_size(pos))
			html(b, " · <a href=\"/messages/new?segment_id=%lld&amp;level=positioning&amp;status=draft\">Write its "
			        "positioning</a>",
			     seg);
		buf_lit(b, "</li>");
	}
	if (json_array_size(segs))
		buf_lit(b, "</ul>");
	json_decref(segs);
}

void launch_messaging_section(request *rq, buf *b, json_t *o, bool writer)
{
	buf_lit(b, "<section id=\"messaging\"><h2>PR/FAQ and messaging</h2><p class=\"help\">What the launch says and "
	           "how: approved once a pm and a pmm have both approved. The enablement brief prints only what is "
	           "approved.</p>");
	prfaqs_part(rq, b, jget_int(o, "id"), writer);
	messaging_part(rq, b, o, writer);
	buf_lit(b, "</section>");
}
