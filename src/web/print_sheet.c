/* print_sheet.c — the chrome of a printable A4 sheet (the PR/FAQ, the battlecard): its own minimal page with
 * brief.css, a bar back into Tandem that is never printed, the sheet's head and foot. */
#include "web.h"

void sheet_begin(request *rq, response *rs, const struct sheet *s)
{
	(void)rq;
	page_headers(rs);
	buf *b = &rs->body;
	html(b,
	     "<!doctype html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
	     "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
	     "<title>%s: %s · Tandem</title><link rel=\"stylesheet\" href=\"/static/brief.css\"><link rel=\"icon\" "
	     "href=\"/static/favicon.svg\"><script src=\"/static/brief.js\" defer></script></head>\n"
	     "<body class=\"brief %s\"><nav class=\"brief-bar\" aria-label=\"%s\"><a href=\"%s\">← %s</a>",
	     s->kind_label, s->title, s->body_class, s->kind_label, s->back_href, s->back_label);
	if (s->markdown_href)
		html(b, "<a href=\"%s\">Markdown</a>", s->markdown_href);
	html(b,
	     "<button type=\"button\" class=\"brief-print\" hidden>Print</button><span class=\"brief-hint\">To print or "
	     "save as PDF, press Ctrl+P (⌘P on a Mac); the page is laid out for A4.</span></nav>\n<main class=\"sheet\" "
	     "id=\"main\"><div class=\"sheet-head\"><span class=\"sheet-brand\">Tandem</span><span>%s</span></div>\n",
	     s->head_note);
}

void sheet_end(request *rq, response *rs, const char *foot)
{
	(void)rq;
	html(&rs->body, "<footer class=\"sheet-foot\">%s</footer></main>\n</body></html>\n", foot);
}
