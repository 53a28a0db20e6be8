/* prfaq.h — a PR/FAQ as a document: the press release and its two FAQs as Markdown, the five questions and the
 * evidence after them; shared by the API, the printable page and `tandem prfaq`. */
#ifndef TANDEM_PRFAQ_H
#define TANDEM_PRFAQ_H
#include <stddef.h>
#include "platform/buf.h"
#include "platform/db.h"
#include "platform/err.h"

enum { PRFAQ_QUOTES_MAX = 5 }; /* insights quoted under "How do we know?" */

/* Append PR/FAQ id to out as Markdown (GitHub flavour): the headline (h1), the subheading, a dateline with the
 * launch's date or today, summary, problem, solution, the two quotes, how it works, the call to action; the
 * external FAQ and the internal FAQ (each question an h3); then "Working backwards": the five questions with the
 * first insights that show how we know; a status line. Plain text escaped (brief_md_text), Markdown fields kept
 * as blocks that cannot break the outline (brief_md_blocks). 0, or -1 with e: 404 naming "prfaq". */
int prfaq_markdown(db *d, long long id, const char *today, buf *out, struct err *e);
/* The download name "prfaq-ID-slug.md" into out. */
void prfaq_filename(long long id, const char *headline, char *out, size_t n);
#endif
