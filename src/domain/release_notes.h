/* release_notes.h — a release's notes in customer words, grouped by segment: JSON and Markdown. */
#ifndef TANDEM_DOMAIN_RELEASE_NOTES_H
#define TANDEM_DOMAIN_RELEASE_NOTES_H
#include <jansson.h>
#include "platform/buf.h"
#include "platform/db.h"
#include "platform/err.h"

/* {release: {id, name, status, target_date, description}, groups: [{segment_id, segment, items: [{feature_id,
 * title, text, from: "benefit"|"feature"}]}], count} (new); NULL with e (404) for no such release. */
json_t *release_notes(db *d, long long release_id, struct err *e);
/* The notes as a Markdown document (new string). */
char *release_notes_markdown(json_t *notes);
/* The notes of release_id as a Markdown file: its text appended to b and its download name; 0, or -1 with e (404). */
int release_notes_file(db *d, long long release_id, buf *b, char name[64], struct err *e);
/* Only the groups, each under a heading of the given level ("##"), for a document that holds several releases. */
void release_notes_items_md(buf *b, json_t *notes, const char *heading);
#endif
