/* battlecard.c — a competitor's battlecard from the data: the competitor's own fields, its objections (a child
 * kind) with the insights that prove each answer, the insights that mention it by name (the related engine's
 * full-text mentions), and the latest change of any of it. */
#include "battlecard.h"
#include <string.h>
#include "model/entity.h"
#include "model/related.h"
#include "platform/arena.h"
#include "platform/json_get.h"

json_t *battlecard_why_we_win(db *d, long long competitor_id)
{
	json_t *out = json_array();
	db_stmt *s = db_q(d,
	                  "SELECT m.id, m.text, m.differentiator, m.status, g.name FROM messages m JOIN segments g ON g.id = "
	                  "m.segment_id WHERE m.level = 'positioning' AND (m.competitor_id = ? OR EXISTS (SELECT 1 FROM "
	                  "message_competitors mc WHERE mc.message_id = m.id AND mc.competitor_id = ?)) ORDER BY "
	                  "m.status = 'approved' DESC, g.name, m.id",
	                  "ii", competitor_id, competitor_id);
	while (s && db_step(s) == DB_ROW) {
		long long id = db_col_int(s, 0);
		json_t *features = json_array();
		db_stmt *f = db_q(d,
		                  "SELECT f.id, f.title, f.status FROM message_features mf JOIN features f ON f.id = mf.feature_id "
		                  "WHERE mf.message_id = ? ORDER BY f.title",
		                  "i", id);
		while (f && db_step(f) == DB_ROW)
			json_array_append_new(features, json_pack("{sIssss}", "id", (json_int_t)db_col_int(f, 0), "title",
			                                          db_col_text(f, 1), "status", db_col_text(f, 2)));
		db_done(f);
		const char *diff = db_col_text(s, 2);
		json_array_append_new(out, json_pack("{sIsssssssssO}", "message_id", (json_int_t)id, "text", db_col_text(s, 1),
		                                     "differentiator", diff ? diff : "", "status", db_col_text(s, 3),
		                                     "segment", db_col_text(s, 4), "features", features));
		json_decref(features);
	}
	db_done(s);
	return out;
}

/* One insight as the battlecard quotes it, or NULL when it is gone. */
static json_t *insight(db *d, arena *a, long long id)
{
	json_t *o = entity_get(d, entity_find("insights"), id);
	if (!o)
		return NULL;
	const char *account = json_is_integer(json_object_get(o, "account_id"))
	                          ? entity_ref_label(d, a, "accounts", jget_int(o, "account_id"))
	                          : NULL;
	json_t *out = json_pack("{sIsOsOsOso}", "id", (json_int_t)id, "text", json_object_get(o, "text"), "source",
	                        json_object_get(o, "source"), "observed_at", json_object_get(o, "observed_at"), "account",
	                        account ? json_string(account) : json_null());
	json_decref(o);
	return out;
}

/* The later of two RFC 3339 UTC timestamps (the same format compares as text). */
static const char *later(const char *a, const char *b)
{
	return !a ? b : !b ? a : strcmp(a, b) >= 0 ? a : b;
}

json_t *battlecard_get(db *d, long long id, struct err *e)
{
	const struct entity *ce = entity_find("competitors");
	json_t *c = entity_get(d, ce, id);
	if (!c)
		return err_set(e, 404, "not_found", "competitor", "no competitor with id %lld", id), NULL;
	arena *a = arena_new();
	const char *updated = jget_str(c, "updated_at");
	json_t *objections = json_array(), *ob;
	size_t i;
	json_array_foreach(json_object_get(c, "objections"), i, ob)
	{
		json_t *proof = json_array(), *pid;
		size_t k;
		json_array_foreach(json_object_get(ob, "proof"), k, pid)
		{
			json_t *q = insight(d, a, json_integer_value(pid));
			if (q)
				json_array_append_new(proof, q);
		}
		json_array_append_new(objections,
		                      json_pack("{sOsOsOso}", "id", json_object_get(ob, "id"), "objection",
		                                json_object_get(ob, "objection"), "answer", json_object_get(ob, "answer"),
		                                "proof", proof));
		updated = later(updated, jget_str(ob, "updated_at"));
	}
	/* what customers say of them: insights whose text names the competitor (full text, newest first) */
	json_t *related = entity_related(d, ce, id), *mentions = json_array(), *it;
	size_t total = 0;
	json_array_foreach(json_object_get(related, "insights"), i, it)
	{
		if (strcmp(jget_str(it, "via") ? jget_str(it, "via") : "", "mentions"))
			continue;
		total++;
		json_t *q = json_array_size(mentions) < BATTLECARD_PROOF_MAX ? insight(d, a, jget_int(it, "id")) : NULL;
		if (q)
			json_array_append_new(mentions, q);
	}
	json_decref(related);
	json_t *out = json_pack(
	    "{s{sOsOsOsOsOsO}sosososIss}", "competitor", "id", json_object_get(c, "id"), "name", json_object_get(c, "name"),
	    "positioning", json_object_get(c, "positioning"), "strengths", json_object_get(c, "strengths"), "weaknesses",
	    json_object_get(c, "weaknesses"), "landmines", json_object_get(c, "landmines"), "why_we_win",
	    battlecard_why_we_win(d, id), "objections", objections, "mentions", mentions, "mentions_total",
	    (json_int_t)total, "updated_at", updated);
	arena_free(a);
	json_decref(c);
	return out;
}
