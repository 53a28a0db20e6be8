/* gate.c — what the perspective gate shows beside a request: the strategy statements (the perspective, each
 * principle, each out-of-scope line) that share significant words with it, and which words (stemmed, as the search
 * index matches them). */
#include "gate.h"
#include <string.h>
#include "suggest.h"
#include "model/entity.h"
#include "model/queries.h"
#include "model/strategy.h"
#include "platform/buf.h"

/* The statement's words the feature's text holds too (a new array of strings). */
static json_t *shared_words(db *d, long long feature, const char *statement)
{
	json_t *words = suggest_words(statement, SUGGEST_MAX_WORDS), *out = json_array(), *w;
	size_t i;
	json_array_foreach(words, i, w) {
		const char *s = json_string_value(w);
		buf q;
		buf_init(&q);
		db_fts_word(&q, s, strlen(s), DB_FTS_ANY);
		if (query_int(d, 0, Q_FEATURE_HAS_WORD, "ti", q.p, feature) > 0)
			json_array_append(out, w);
		buf_free(&q);
	}
	json_decref(words);
	return out;
}

static void statement(db *d, long long feature, json_t *matches, const char *type, int index, const char *text)
{
	if (!text || !*text)
		return;
	json_t *words = shared_words(d, feature, text);
	if (json_array_size(words))
		json_array_append_new(matches, json_pack("{sssisssO}", "type", type, "index", index, "text", text, "words",
		                                         words));
	json_decref(words);
}

json_t *feature_gate(db *d, long long id, struct err *e)
{
	if (!entity_ref_exists(d, "features", id)) {
		err_set(e, 404, "not_found", "feature", "no feature %lld", id);
		return NULL;
	}
	json_t *s = strategy_get(d), *matches = json_array(), *x;
	statement(d, id, matches, "perspective", 1, json_string_value(json_object_get(s, "perspective")));
	size_t i;
	json_array_foreach(json_object_get(s, "principles"), i, x)
	    statement(d, id, matches, "principle", (int)i + 1, json_string_value(x));
	json_array_foreach(json_object_get(s, "out_of_scope"), i, x)
	    statement(d, id, matches, "out_of_scope", (int)i + 1, json_string_value(x));
	json_decref(s);
	return json_pack("{so}", "matches", matches);
}
