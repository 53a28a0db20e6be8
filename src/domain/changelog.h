/* changelog.h — the public changelog of shipped releases: each release's section in Markdown, and the Atom feed. */
#ifndef TANDEM_CHANGELOG_H
#define TANDEM_CHANGELOG_H
#include <jansson.h>
#include "platform/buf.h"
#include "platform/db.h"

/* The shipped releases the changelog tells, newest first (at most 50): [{id, name, target_date, description,
 * updated_at, created_at}] (new). */
json_t *changelog_releases(db *d);
/* One release's section of the changelog as Markdown: its name as a heading, when it shipped, its notes. */
void changelog_release_md(db *d, buf *b, json_t *release);
/* The changelog as an Atom feed (RFC 4287) into out: the feed's id, its own and its page's addresses; one entry per
 * release with a stable id (tag:tandem,DATE:release/ID/CREATED), its notes as HTML content. */
void changelog_atom(db *d, const char *page_url, const char *feed_url, const char *feed_id, buf *out);
#endif
