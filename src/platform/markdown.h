/* markdown.h — Markdown (GitHub flavour) to safe HTML with cmark-gfm: raw HTML is never passed through. */
#ifndef TANDEM_MARKDOWN_H
#define TANDEM_MARKDOWN_H
#include "platform/buf.h"

/* Once at start-up, before threads: registers the GFM extensions (tables, strikethrough, autolinks, task lists). */
void markdown_init(void);
/* Append the HTML rendering of md. Raw HTML and javascript:/data: links are dropped by cmark's safe mode. */
void markdown_html(buf *b, const char *md);
#endif
