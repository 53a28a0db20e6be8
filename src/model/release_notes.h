/* release_notes.h — the rows a release's notes and the changelog are made of. */
#ifndef TANDEM_RELEASE_NOTES_H
#define TANDEM_RELEASE_NOTES_H
#include <jansson.h>
#include "platform/db.h"

/* The features release_id shipped, by segment (by name, those for no segment last), then id: [{feature_id, title,
 * description, benefit (the approved benefit message's text, or null), segment_id, segment}] (new). */
json_t *release_notes_rows(db *d, long long release_id);
/* The shipped releases, newest first, at most limit: [{id, name, target_date, description, updated_at,
 * created_at}] (new). */
json_t *releases_shipped(db *d, int limit);
#endif
