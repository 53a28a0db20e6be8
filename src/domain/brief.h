/* brief.h — a launch's sales enablement brief, generated as Markdown from the workspace's data. */
#ifndef TANDEM_BRIEF_H
#define TANDEM_BRIEF_H
#include "platform/buf.h"
#include "platform/db.h"
#include "platform/err.h"
#include <stddef.h>

#define BRIEF_QUOTES_MAX 5 /* customer quotes in "Why it matters" */

/* Append the brief of a launch to out as Markdown (GitHub flavour): the title with tier, date and release;
 * What ships; For whom; Why it matters (goals, customer quotes most important first, then by ARR); How to
 * talk about it (the approved positioning of its segments as Moore's statement, its approved pillars with proof
 * quotes, the approved PR/FAQ's headline, or what is not approved yet); Against the competition (the battlecards
 * of the competitors the approved positioning names); Availability by tier; FAQ (with the approved PR/FAQ's
 * external FAQ); Checklist status. today (YYYY-MM-DD) dates the brief and marks
 * overdue checklist items. Every piece of user text is escaped (brief_md_text) or, for Markdown fields,
 * kept to inline markup (brief_md_paragraph). 0, or -1 with e: 404 naming "launch" when there is none. */
int brief_markdown(db *d, long long launch_id, const char *today, buf *out, struct err *e);

/* s as inline Markdown text, for a place inside a line (never a line's start): < and > become &lt; and &gt;;
 * other characters Markdown reads as markup (\ ` * _ [ ] | ~ &, a leading + - = or #, and a # that would
 * close a heading) are backslash-escaped; line breaks and tabs become spaces. NULL writes nothing. */
void brief_md_text(buf *b, const char *s);
/* The first paragraph of Markdown text md on one line (headings and blank lines before it skipped), at most
 * max bytes (cut at a character boundary, with "…"): inline markup kept, block markup at its start escaped,
 * raw HTML disarmed (< written as &lt;). Writes nothing when md holds no paragraph. */
void brief_md_paragraph(buf *b, const char *md, size_t max);
/* Markdown text md kept as blocks (paragraphs, lists, quotes) but unable to break the brief's outline:
 * headings, setext underlines and code fences escaped, raw HTML disarmed. */
void brief_md_blocks(buf *b, const char *md);
/* The download name of a launch's brief: "launch-ID-slug.md" (ASCII letters, digits and dashes) into out. */
void brief_filename(long long launch_id, const char *title, char *out, size_t n);
#endif
