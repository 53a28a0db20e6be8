/* release_notes.c — what a release's notes are made of: the features it shipped (each shipped one, or all of a
 * shipped release but the declined), each with the approved benefit message that speaks for it where one exists, and
 * the segment it speaks to (the message's, else that of the first persona the feature serves). */
#include "release_notes.h"
#include "rows.h"

#define BENEFIT_OF(col)                                                                                              \
	"(SELECT m." col " FROM messages m JOIN message_features mf ON mf.message_id = m.id WHERE mf.feature_id = f.id "  \
	"AND m.level = 'benefit' AND m.status = 'approved' ORDER BY m.id LIMIT 1)"

json_t *release_notes_rows(db *d, long long release_id)
{
	return rows_json(db_q(
	    d,
	    "SELECT f.id AS feature_id, f.title, f.description, " BENEFIT_OF("text") " AS benefit, seg.id AS segment_id, "
	    "seg.name AS segment FROM features f JOIN releases r ON r.id = f.release_id "
	    "LEFT JOIN segments seg ON seg.id = coalesce(" BENEFIT_OF("segment_id") ", (SELECT p.segment_id FROM "
	    "feature_personas fp JOIN personas p ON p.id = fp.persona_id WHERE fp.feature_id = f.id ORDER BY p.segment_id "
	    "LIMIT 1)) "
	    "WHERE f.release_id = ? AND f.merged_into IS NULL AND f.status <> 'declined' "
	    "AND (f.status = 'shipped' OR r.status = 'shipped') ORDER BY seg.name IS NULL, seg.name, f.id",
	    "i", release_id));
}

json_t *releases_shipped(db *d, int limit)
{
	return rows_json(db_q(d,
	                      "SELECT id, name, target_date, description, updated_at, created_at FROM releases "
	                      "WHERE status = 'shipped' ORDER BY target_date DESC, id DESC LIMIT ?",
	                      "i", (long long)limit));
}
