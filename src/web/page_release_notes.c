/* page_release_notes.c — /releases/{id}/notes: a release's notes in customer words, grouped by segment (the
 * Markdown of domain/release_notes.c rendered), with the Markdown download at /releases/{id}/notes.md. */
#include <stdlib.h>
#include "app/reply.h"
#include "domain/release_notes.h"
#include "platform/json_get.h"
#include "platform/markdown.h"
#include "web.h"

void page_release_notes(request *rq, response *rs)
{
	struct err e = {0};
	long long id = rq_id(rq, 0);
	json_t *notes = release_notes(rq->db, id, &e);
	if (!notes)
		return page_error(rq, rs, 404, "No such release.");
	json_t *rel = json_object_get(notes, "release");
	page_begin(rq, rs, "Release notes", "releases");
	buf *b = &rs->body;
	html(b, "<nav class=\"crumbs\"><a href=\"/releases\">Releases</a> / <a href=\"/releases/%lld\">%s</a></nav>"
	        "<div class=\"actions\"><a class=\"button secondary\" href=\"/releases/%lld/notes.md\">Markdown</a></div>"
	        "<article class=\"release-notes\" id=\"notes\">",
	     id, jget_str(rel, "name"), id);
	char *md = release_notes_markdown(notes);
	markdown_html(b, md);
	free(md);
	buf_lit(b, "</article><p class=\"help\">Each shipped feature is told by its approved benefit message where it has "
	           "one, else by its title and description; approve a benefit message linked to a feature to change "
	           "what customers read here.</p>");
	json_decref(notes);
	page_end(rq, rs);
}

void page_release_notes_md(request *rq, response *rs)
{
	struct err e = {0};
	char name[64];
	if (release_notes_file(rq->db, rq_id(rq, 0), &rs->body, name, &e) < 0)
		return page_error(rq, rs, 404, "No such release.");
	reply_file(rq, rs, "text/markdown; charset=utf-8", "attachment", name);
}
