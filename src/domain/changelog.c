/* changelog.c — the public changelog: the shipped releases, newest first, each with its notes in customer words; as
 * Markdown (the share page renders it) and as an Atom feed (RFC 4287) whose entry ids stay the same across hosts,
 * share links and a bundle's round trip (made from the release's id and creation time). */
#include "changelog.h"
#include <string.h>
#include "brief.h"
#include "model/release_notes.h"
#include "platform/json_get.h"
#include "platform/markdown.h"
#include "platform/util.h"
#include "release_notes.h"

enum { CHANGELOG_RELEASES = 50 };

/* Text as XML character data or an attribute value: & < > " ' escaped, and the characters XML 1.0 does not allow
 * (controls but tab and line breaks) left out, so no field value can break the feed. */
static void xml_text(buf *b, const char *s)
{
	for (const unsigned char *p = (const unsigned char *)(s ? s : ""); *p; p++) {
		switch (*p) {
		case '&': buf_lit(b, "&amp;"); break;
		case '<': buf_lit(b, "&lt;"); break;
		case '>': buf_lit(b, "&gt;"); break;
		case '"': buf_lit(b, "&quot;"); break;
		case '\'': buf_lit(b, "&#39;"); break;
		default:
			if (*p >= 0x20 || *p == '\t' || *p == '\n' || *p == '\r')
				buf_addc(b, (char)*p);
		}
	}
}

json_t *changelog_releases(db *d) { return releases_shipped(d, CHANGELOG_RELEASES); }

void changelog_release_md(db *d, buf *b, json_t *rel)
{
	struct err e = {0};
	json_t *notes = release_notes(d, jget_int(rel, "id"), &e);
	buf_lit(b, "## ");
	brief_md_text(b, jget_str(rel, "name"));
	buf_rawf(b, "\n\nShipped %s.", jget_str(rel, "target_date") ? jget_str(rel, "target_date") : "");
	if (jget_str(rel, "description")) {
		buf_lit(b, " ");
		brief_md_paragraph(b, jget_str(rel, "description"), 1000);
	}
	buf_lit(b, "\n");
	if (notes)
		release_notes_items_md(b, notes, "###");
	json_decref(notes);
}

/* "2026-12-04T18:04:48Z" → "20261204T180448Z" (letters and digits only), for an id. */
static void compact_time(const char *t, char out[32])
{
	size_t n = 0;
	for (const char *p = t ? t : ""; *p && n < 31; p++)
		if (*p != '-' && *p != ':')
			out[n++] = *p;
	out[n] = 0;
}

void changelog_atom(db *d, const char *page_url, const char *feed_url, const char *feed_id, buf *out)
{
	json_t *rels = changelog_releases(d), *rel;
	const char *updated = NULL;
	size_t i;
	json_array_foreach(rels, i, rel)
	{
		const char *u = jget_str(rel, "updated_at");
		if (u && (!updated || strcmp(u, updated) > 0))
			updated = u;
	}
	buf_lit(out, "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<feed xmlns=\"http://www.w3.org/2005/Atom\">\n"
	             "<title>What's new</title>\n<id>");
	xml_text(out, feed_id);
	buf_lit(out, "</id>\n<updated>");
	xml_text(out, updated ? updated : "1970-01-01T00:00:00Z");
	buf_lit(out, "</updated>\n<author><name>The product team</name></author>\n<generator>Tandem</generator>\n"
	             "<link rel=\"self\" type=\"application/atom+xml\" href=\"");
	xml_text(out, feed_url);
	buf_lit(out, "\"/>\n<link rel=\"alternate\" type=\"text/html\" href=\"");
	xml_text(out, page_url);
	buf_lit(out, "\"/>\n");
	json_array_foreach(rels, i, rel)
	{
		char when[32];
		const char *created = jget_str(rel, "created_at");
		compact_time(created, when);
		buf_lit(out, "<entry>\n<title type=\"text\">");
		xml_text(out, jget_str(rel, "name"));
		buf_rawf(out, "</title>\n<id>tag:tandem,%.10s:release/%lld/", created ? created : "1970-01-01", jget_int(rel, "id"));
		xml_text(out, when);
		buf_lit(out, "</id>\n<updated>");
		xml_text(out, jget_str(rel, "updated_at"));
		buf_lit(out, "</updated>\n");
		if (jget_str(rel, "target_date")) {
			buf_lit(out, "<published>");
			xml_text(out, jget_str(rel, "target_date"));
			buf_lit(out, "T00:00:00Z</published>\n");
		}
		buf_lit(out, "<link rel=\"alternate\" type=\"text/html\" href=\"");
		xml_text(out, page_url);
		buf_rawf(out, "#release-%lld\"/>\n<content type=\"html\">", jget_int(rel, "id"));
		buf md, htm;
		buf_init(&md);
		buf_init(&htm);
		changelog_release_md(d, &md, rel);
		markdown_html(&htm, buf_str(&md));
		xml_text(out, buf_str(&htm));
		buf_free(&md);
		buf_free(&htm);
		buf_lit(out, "</content>\n</entry>\n");
	}
	buf_lit(out, "</feed>\n");
	json_decref(rels);
}
