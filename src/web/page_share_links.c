/* page_share_links.c — read-only share links from pages: the list (both kinds), making one (its address shown
 * once, on the answer to the POST), revoking one; and the share section of the roadmap page. */
#include "action_form.h"
#include "app/reply.h"
#include "fields.h"
#include "model/share_links.h"
#include "model/users.h"
#include "platform/json_get.h"
#include "web.h"
#include <string.h>

/* Where a revoke or a failed create goes back to: only these pages. */
static const char *back_of(request *rq)
{
	return str_eq(rq_form(rq, "back"), "/roadmap") ? "/roadmap" : "/share-links";
}

static const char *kind_label(const char *kind)
{
	const struct share_kind *k = share_kind(kind);
	return k ? k->name : kind;
}

/* The rows of share links (kind NULL: both kinds; active_only: hide revoked ones), with revoke buttons for editors. */
static void links_table(request *rq, buf *b, const char *kind, bool active_only, const char *back)
{
	json_t *items = share_links_list(rq->db, kind), *it;
	size_t i;
	int shown = 0;
	bool edit = rq->user_rank >= RANK_EDITOR;
	buf_lit(b, "<table class=\"list compact\" id=\"share-links\"><thead><tr>");
	if (!kind)
		buf_lit(b, "<th scope=\"col\">Kind</th>");
	buf_lit(b, "<th scope=\"col\">Label</th><th scope=\"col\">Created</th><th scope=\"col\">By</th>"
	           "<th scope=\"col\">State</th>");
	if (edit)
		buf_lit(b, "<th scope=\"col\"><span class=\"sr-only\">Actions</span></th>");
	buf_lit(b, "</tr></thead><tbody>");
	json_array_foreach(items, i, it)
	{
		long long id = jget_int(it, "id");
		const char *revoked = jget_str(it, "revoked_at");
		if (active_only && revoked)
			continue;
		shown++;
		html(b, "<tr id=\"share-link-%lld\">", id);
		if (!kind)
			html(b, "<td>%s</td>", kind_label(jget_str(it, "kind")));
		html(b, "<td class=\"title\">%s</td><td class=\"date\">", jget_str(it, "label"));
		show_time(b, jget_str(it, "created_at"));
		const char *by = users_name(rq->db, rq->a, jget_int(it, "created_by"));
		html(b, "</td><td>%s</td><td>", by ? by : "—");
		if (revoked) {
			buf_lit(b, "<span class=\"badge badge-dropped\">revoked</span> ");
			show_time(b, revoked);
		} else {
			buf_lit(b, "<span class=\"badge badge-met\">active</span>");
		}
		buf_lit(b, "</td>");
		if (edit) {
			buf_lit(b, "<td>");
			if (!revoked) {
				struct kv bk = {"back", back, NULL};
				json_t *link = json_pack("{sI}", "id", (json_int_t)id);
				action_form(rq, b, &share_link_revoke_action, link,
				            &(struct form_opts){.suffix = arena_printf(rq->a, "-%lld", id), .cls = "rm-revoke",
				                                .hidden = &bk, .button_cls = "danger",
				                                .button_aria = arena_printf(rq->a, "Revoke %s", jget_str(it, "label"))});
				json_decref(link);
			}
			buf_lit(b, "</td>");
		}
		buf_lit(b, "</tr>");
	}
	if (!shown)
		html(b, "<tr><td colspan=\"6\" class=\"muted\">%s</td></tr>",
		     active_only ? "No active link: nobody outside can see it." : "No share links yet.");
	buf_lit(b, "</tbody></table>");
	json_decref(items);
}

static void kind_select(request *rq, buf *b, const char *id, const char *name, const char *val, void *ctx)
{
	(void)rq, (void)ctx;
	html(b, "<select id=\"%s\" name=\"%s\">", id, name);
	for (int i = 0; i < share_kinds_count; i++)
		html(b, "<option value=\"%s\"%s>%s</option>", share_kinds[i].kind, str_eq(val, share_kinds[i].kind) ? " selected" : "",
		     share_kinds[i].name);
	buf_lit(b, "</select>");
}

/* The form that makes a link; kind NULL offers both kinds. */
static void create_form(request *rq, buf *b, const char *kind, const char *back)
{
	struct kv bk = {"back", back, NULL}, k = {"kind", kind, &bk};
	action_form(rq, b, &share_link_create_action, NULL,
	            &(struct form_opts){.cls = "inline", .heading = "New read-only link", .hidden = kind ? &k : &bk,
	                                .custom = "kind", .custom_input = kind_select});
}

void share_links_section(request *rq, buf *b, const char *kind)
{
	buf_lit(
	    b, "<section class=\"card rm-share\" id=\"share\" aria-labelledby=\"share-h\"><h2 id=\"share-h\">Read-only "
	       "links</h2><p class=\"muted\">People without an account open the roadmap at a secret address: no "
	       "navigation, nothing but the roadmap. Revoke a link to end its access at once. The address is shown "
	       "once, when the link is made.</p>");
	links_table(rq, b, kind, true, "/roadmap");
	create_form(rq, b, kind, "/roadmap");
	buf_lit(b, "<p><a href=\"/share-links\">All share links, revoked ones too</a></p></section>");
}

static void list_page(request *rq, response *rs)
{
	page_begin(rq, rs, "Share links", "roadmap");
	buf *b = &rs->body;
	buf_lit(
	    b,
	    "<h1>Share links</h1><p class=\"blurb\">Read-only addresses for people without an account: the roadmap "
	    "page, the launch calendar as a feed for their calendar app, or the changelog of what shipped with its Atom "
	    "feed for customers. Only a hash of each address is kept.</p>");
	if (rq->user_rank >= RANK_EDITOR) {
		buf_lit(b, "<section class=\"card\">");
		create_form(rq, b, NULL, "/share-links");
		buf_lit(b, "</section>");
	} else {
		buf_lit(b, "<p class=\"muted\">Editors make and revoke links.</p>");
	}
	buf_lit(b, "<h2>Links</h2>");
	links_table(rq, b, NULL, false, "/share-links");
	page_end(rq, rs);
}

void page_share_links(request *rq, response *rs) { list_page(rq, rs); }

/* A refused link: the list page again with the message in its form. */
static void create_failed(request *rq, response *rs, const struct outcome *o)
{
	(void)o;
	list_page(rq, rs);
}

/* The link made: its address, shown this once (the page is kept out of every cache). */
static void created(request *rq, response *rs, const struct outcome *o)
{
	const char *kind = jget_str(o->x.out, "kind"), *path = jget_str(o->x.out, "path");
	rs->status = 201;
	page_begin(rq, rs, "Share link created", "roadmap");
	rs_header_set(rs, "Cache-Control", "no-store");
	const struct share_kind *k = share_kind(kind);
	buf *b = &rs->body;
	html(
	    b,
	    "<h1>%s: link created</h1><div class=\"notice\" role=\"status\">Copy this address now: Tandem keeps only a "
	    "hash of it and cannot show it again.</div><section class=\"card rm-created\"><p><label for=\"share-path\">"
	    "Address (on this server)</label><input id=\"share-path\" readonly value=\"%s\"></p><p><a href=\"%s\" "
	    "id=\"share-open\">%s</a> — open it, or copy the link's full address from your browser.</p></section>",
	    k ? k->default_label : kind, path, path, k ? k->opens : kind);
	html(b, "<p><a href=\"%s\">Back</a> · <a href=\"/share-links\">All share links</a></p>", back_of(rq));
	page_end(rq, rs);
}

static void revoke_failed(request *rq, response *rs, const struct outcome *o)
{
	page_error(rq, rs, o->err.status, o->err.message);
}

static void revoked(request *rq, response *rs, const struct outcome *o)
{
	(void)o;
	reply_redirect(rs, rq, str_eq(back_of(rq), "/roadmap") ? "/roadmap#share" : "/share-links");
}

const struct action_page share_link_create_page = {&share_link_create_action, create_failed, created},
                         share_link_revoke_page = {&share_link_revoke_action, revoke_failed, revoked};
