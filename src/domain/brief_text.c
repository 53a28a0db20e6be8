/* brief_text.c — user text made safe for the brief's Markdown: inline escaping, a Markdown field's first
 * paragraph, a Markdown field kept as blocks that cannot break the outline, unsafe link targets dropped, and the
 * download name. */
#include "brief.h"
#include <cmark-gfm.h>
#include <ctype.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

/* Characters that are markup wherever they stand, and ones that are markup only at the start of a line. */
static const char inline_marks[] = "\\`*_[]|~&";
static const char leading_marks[] = "+-=";

void brief_md_text(buf *b, const char *s)
{
	if (!s)
		return;
	while (*s == ' ' || *s == '\t' || *s == '\r' || *s == '\n')
		s++;
	for (const char *p = s; *p; p++) {
		char c = *p;
		if (c == '\r' || c == '\n' || c == '\t')
			c = ' ';
		/* # is markup at the start and, in a heading, when only #s and spaces follow (a closing sequence) */
		bool hash = c == '#' && (p == s || !p[strspn(p, "# ")]);
		if (c == '<' || c == '>') { /* as entities: no angle bracket of user text reaches the Markdown */
			buf_raw(b, c == '<' ? "&lt;" : "&gt;");
			continue;
		}
		if (strchr(inline_marks, c) || hash || (p == s && strchr(leading_marks, c)))
			buf_addc(b, '\\');
		buf_addc(b, c);
	}
}

/* Is a link's target one a reader may follow: no scheme (a relative path, #anchor), or http, https, mailto? */
static bool link_safe(const char *url)
{
	if (!url)
		return true;
	while (*url && (unsigned char)*url <= ' ')
		url++;
	size_t n = strcspn(url, ":/?#");
	if (url[n] != ':')
		return true;
	return (n == 4 && !strncasecmp(url, "http", 4)) || (n == 5 && !strncasecmp(url, "https", 5)) ||
	       (n == 6 && !strncasecmp(url, "mailto", 6));
}

/* md with every link or image whose target is unsafe (javascript:, data:, vbscript:, file: …) replaced by its text,
 * written again as CommonMark by cmark-gfm; NULL when md has no such link (it is used as it is). Free the result. */
static char *without_unsafe_links(const char *md)
{
	cmark_node *doc = cmark_parse_document(md, strlen(md), CMARK_OPT_DEFAULT);
	cmark_iter *it = cmark_iter_new(doc);
	cmark_node *bad[64];
	int nbad = 0;
	cmark_event_type ev;
	while ((ev = cmark_iter_next(it)) != CMARK_EVENT_DONE) {
		cmark_node *n = cmark_iter_get_node(it);
		cmark_node_type t = cmark_node_get_type(n);
		if (ev == CMARK_EVENT_ENTER && (t == CMARK_NODE_LINK || t == CMARK_NODE_IMAGE) &&
		    !link_safe(cmark_node_get_url(n)) && nbad < (int)(sizeof bad / sizeof bad[0]))
			bad[nbad++] = n;
	}
	cmark_iter_free(it);
	char *out = NULL;
	if (nbad) {
		for (int i = nbad; i-- > 0;) { /* innermost last found: unwrap from the inside out */
			cmark_node *c;
			while ((c = cmark_node_first_child(bad[i])) != NULL)
				cmark_node_insert_before(bad[i], c);
			cmark_node_free(bad[i]);
		}
		out = cmark_render_commonmark(doc, CMARK_OPT_DEFAULT, 0);
		if (nbad == (int)(sizeof bad / sizeof bad[0])) { /* too many to be an honest text: keep none of it */
			free(out);
			out = strdup("");
		}
	}
	cmark_node_free(doc);
	return out;
}

/* Is the line an ATX heading: at most three spaces, 1-6 #, then a space or the end? */
static bool heading(const char *line, size_t len)
{
	size_t i = 0, n = 0;
	while (i < 3 && i < len && line[i] == ' ')
		i++;
	while (i < len && line[i] == '#')
		i++, n++;
	return n >= 1 && n <= 6 && (i == len || line[i] == ' ' || line[i] == '\t' || line[i] == '\r');
}

/* Is the line made of one of = - * _ only (with spaces): a setext heading's underline or a rule? */
static bool underline(const char *line, size_t len)
{
	size_t marks = 0;
	char mark = 0;
	for (size_t i = 0; i < len; i++) {
		if (line[i] == ' ' || line[i] == '\t' || line[i] == '\r')
			continue;
		if (!strchr("=-*_", line[i]) || (mark && line[i] != mark))
			return false;
		mark = line[i], marks++;
	}
	return marks > 0 && (mark == '=' || mark == '-' || marks >= 3);
}

static bool blank(const char *line, size_t len)
{
	for (size_t i = 0; i < len; i++)
		if (!isspace((unsigned char)line[i]))
			return false;
	return true;
}

/* Text of a Markdown line with raw HTML disarmed: < as &lt;. */
static void add_disarmed(buf *b, const char *s, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		if (s[i] == '<')
			buf_lit(b, "&lt;");
		else if (s[i] != '\r')
			buf_addc(b, s[i]);
	}
}

/* Does s open a code fence? */
static bool fence(const char *s)
{
	return !strncmp(s, "```", 3) || !strncmp(s, "~~~", 3);
}

/* Where a paragraph that now begins a line would start a block (a list, quote, fence, link reference
 * definition), the offset of the character to escape; SIZE_MAX when it starts plain text. */
static size_t block_start(const char *s)
{
	size_t digits = strspn(s, "0123456789");
	if (digits && (s[digits] == '.' || s[digits] == ')'))
		return digits;
	if (*s == '>' || ((*s == '-' || *s == '+' || *s == '*') && (s[1] == ' ' || s[1] == '\t' || !s[1])))
		return 0;
	if (fence(s))
		return 0;
	const char *close = *s == '[' ? strchr(s, ']') : NULL;
	return close && close[1] == ':' ? 0 : SIZE_MAX;
}

static void escape_block_start(buf *b, size_t from)
{
	size_t at = block_start(b->p + from);
	if (at == SIZE_MAX)
		return;
	buf_addc(b, 0); /* room for the backslash */
	memmove(b->p + from + at + 1, b->p + from + at, b->len - from - at - 1);
	b->p[from + at] = '\\';
	b->p[b->len] = 0;
}

/* Cut b back to at most max bytes after from, at a UTF-8 character boundary, and add an ellipsis. */
static void cut(buf *b, size_t from, size_t max)
{
	if (b->len - from <= max)
		return;
	size_t end = from + max;
	while (end > from && ((unsigned char)b->p[end] & 0xC0) == 0x80)
		end--;
	/* do not leave half an escape (a lone backslash) or half an entity behind */
	while (end > from && b->p[end - 1] == '\\')
		end--;
	char *amp = memchr(b->p + (end > from + 4 ? end - 4 : from), '&', end - (end > from + 4 ? end - 4 : from));
	if (amp && !memchr(amp, ';', (size_t)(b->p + end - amp)))
		end = (size_t)(amp - b->p);
	while (end > from && b->p[end - 1] == ' ')
		end--;
	b->len = end;
	b->p[end] = 0;
	buf_raw(b, "…");
}

void brief_md_paragraph(buf *b, const char *md, size_t max)
{
	if (!md)
		return;
	char *safe = without_unsafe_links(md);
	if (safe) {
		brief_md_paragraph(b, safe, max);
		free(safe);
		return;
	}
	size_t from = b->len;
	bool started = false;
	for (const char *line = md; *line;) {
		size_t len = strcspn(line, "\n");
		bool skip = blank(line, len) || heading(line, len) || underline(line, len);
		if (started && blank(line, len))
			break;
		if (!skip) {
			const char *t = line;
			size_t n = len;
			while (n && (*t == ' ' || *t == '\t'))
				t++, n--;
			if (started)
				buf_addc(b, ' ');
			add_disarmed(b, t, n);
			started = true;
		}
		line += len;
		if (*line == '\n')
			line++;
	}
	if (!started)
		return;
	while (b->len > from && (b->p[b->len - 1] == ' ' || b->p[b->len - 1] == '\t'))
		b->p[--b->len] = 0;
	escape_block_start(b, from);
	cut(b, from, max);
}

void brief_md_blocks(buf *b, const char *md)
{
	if (!md)
		return;
	char *safe = without_unsafe_links(md);
	if (safe) {
		brief_md_blocks(b, safe);
		free(safe);
		return;
	}
	for (const char *line = md; *line;) {
		size_t len = strcspn(line, "\n");
		size_t indent = 0;
		while (indent < 3 && indent < len && line[indent] == ' ')
			indent++;
		const char *t = line + indent;
		if (heading(line, len) || fence(t) || underline(line, len)) {
			buf_add(b, line, indent);
			buf_addc(b, '\\');
			add_disarmed(b, t, len - indent);
		} else {
			add_disarmed(b, line, len);
		}
		buf_addc(b, '\n');
		line += len;
		if (*line == '\n')
			line++;
	}
}

void brief_filename(long long launch_id, const char *title, char *out, size_t n)
{
	int o = snprintf(out, n, "launch-%lld-", launch_id);
	size_t at = o > 0 && (size_t)o < n ? (size_t)o : 0;
	bool dash = true; /* no dash right after the id's */
	for (const char *p = title ? title : ""; *p && at + 4 < n && at < 72; p++) {
		unsigned char c = (unsigned char)*p;
		if (isalnum(c) && c < 128) {
			out[at++] = (char)tolower(c);
			dash = false;
		} else if (!dash) {
			out[at++] = '-';
			dash = true;
		}
	}
	while (at > 0 && out[at - 1] == '-')
		at--;
	snprintf(out + at, n - at, ".md");
}
