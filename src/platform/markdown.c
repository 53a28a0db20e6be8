/* markdown.c — Markdown to safe HTML with cmark-gfm and its core extensions; no raw HTML, no unsafe links. */
#include "markdown.h"
#include <cmark-gfm-core-extensions.h>
#include <cmark-gfm.h>
#include <stdlib.h>
#include <string.h>

static const char *const extension_names[] = {"table", "strikethrough", "autolink", "tasklist"};

/* html into b with each task list checkbox named for screen readers (cmark-gfm writes them bare, a form
 * control without a label; the item's text follows it). */
static void tasklist_labelled(buf *b, const char *html)
{
	static const char open_box[] = "<input type=\"checkbox\" disabled=\"\" />",
	                  done_box[] = "<input type=\"checkbox\" checked=\"\" disabled=\"\" />";
	for (;;) {
		const char *o = strstr(html, open_box), *d = strstr(html, done_box);
		const char *at = o && (!d || o < d) ? o : d;
		if (!at)
			break;
		buf_add(b, html, (size_t)(at - html));
		buf_lit(b, "<input type=\"checkbox\" disabled");
		buf_raw(b, at == o ? " aria-label=\"To do\">" : " checked aria-label=\"Done\">");
		html = at + (at == o ? sizeof open_box : sizeof done_box) - 1;
	}
	buf_raw(b, html);
}

void markdown_init(void) { cmark_gfm_core_extensions_ensure_registered(); }

void markdown_html(buf *b, const char *md)
{
	/* CMARK_OPT_UNSAFE is never set: raw HTML becomes a comment and dangerous URLs are emptied */
	const int options = CMARK_OPT_DEFAULT | CMARK_OPT_VALIDATE_UTF8 | CMARK_OPT_SMART;
	cmark_parser *p = cmark_parser_new(options);
	for (size_t i = 0; i < sizeof extension_names / sizeof extension_names[0]; i++) {
		cmark_syntax_extension *ext = cmark_find_syntax_extension(extension_names[i]);
		if (ext)
			cmark_parser_attach_syntax_extension(p, ext);
	}
	cmark_parser_feed(p, md, strlen(md));
	cmark_node *doc = cmark_parser_finish(p);
	char *out = cmark_render_html(doc, options, cmark_parser_get_syntax_extensions(p));
	tasklist_labelled(b, out);
	free(out);
	cmark_node_free(doc);
	cmark_parser_free(p);
}
