/* suggest.c — evidence suggestions by full-text similarity: a query for any of an object's significant words
 * (stemmed by the index), ranked (SQLite: FTS5's bm25) against the other side's search index. */
#include "suggest.h"
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include "model/entity.h"
#include "model/queries.h"
#include "platform/buf.h"
#include "platform/util.h"
#include "platform/json_get.h"

/* Common English words that say nothing about what a customer needs. */
static const char *const stopwords[] = {
	"the", "and", "for", "are", "but", "not", "you", "all", "any", "can", "had", "her", "was", "one", "our", "out",
	"has", "have", "him", "his", "how", "its", "may", "new", "now", "own", "see", "who", "did", "get", "got", "let",
	"put", "say", "she", "too", "use", "way", "yes", "yet", "why", "also", "able", "about", "after", "again",
	"because", "been", "before", "being", "both", "could", "does", "doing", "done", "each", "even", "ever", "from",
	"going", "into", "just", "know", "like", "make", "many", "more", "most", "much", "must", "need", "needs",
	"only", "other", "over", "really", "same", "should", "some", "such", "than", "that", "their", "them", "then",
	"there", "these", "they", "thing", "things", "this", "those", "through", "very", "want", "wants", "well",
	"were", "what", "when", "where", "which", "while", "will", "with", "would", "your", "yours", "don", "doesn",
	"isn", "cannot", "please", "thanks", "thank", "still", "every", "here", "off", "lot", "lots", "bit", "etc",
	"via", "per", "two", "without", "within",
};

static bool word_char(unsigned char c)
{
	return c >= 0x80 || (c >= '0' && c <= '9') || ((c | 32) >= 'a' && (c | 32) <= 'z');
}

static bool significant(const char *w, size_t len)
{
	if (len < 3)
		return false;
	size_t digits = strspn(w, "0123456789");
	if (digits == len)
		return false;
	for (size_t i = 0; i < COUNT(stopwords); i++)
		if (strlen(stopwords[i]) == len && !memcmp(stopwords[i], w, len))
			return false;
	return true;
}

/* Append word to the list of strings unless it is there already (or is not UTF-8: cut inside a character). */
static void add_once(json_t *list, const char *w)
{
	size_t i;
	json_t *x;
	json_array_foreach(list, i, x) if (!strcmp(json_string_value(x), w)) return;
	json_t *js = json_string(w);
	if (js)
		json_array_append_new(list, js);
}

json_t *suggest_words(const char *text, int max_words)
{
	json_t *out = json_array();
	if (max_words > SUGGEST_MAX_WORDS * 2)
		max_words = SUGGEST_MAX_WORDS * 2;
	for (const char *p = text ? text : ""; *p && (int)json_array_size(out) < max_words;) {
		while (*p && !word_char((unsigned char)*p))
			p++;
		char w[48];
		size_t len = 0;
		bool cut = false;
		while (*p && word_char((unsigned char)*p)) {
			if (len < sizeof w - 1)
				w[len++] = (char)((*p >= 'A' && *p <= 'Z') ? *p | 32 : *p);
			else
				cut = true;
			p++;
		}
		/* a word cut at the size limit may end inside a UTF-8 sequence: drop the partial character */
		while (cut && len && ((unsigned char)w[len - 1] & 0xC0) == 0x80)
			len--;
		if (cut && len && ((unsigned char)w[len - 1] & 0xC0) == 0xC0)
			len--;
		w[len] = 0;
		if (!significant(w, len))
			continue;
		add_once(out, w);
	}
	return out;
}

char *suggest_query(const char *text, int max_words)
{
	json_t *words = suggest_words(text, max_words), *x;
	buf q;
	buf_init(&q);
	size_t i;
	/* only letters, digits and UTF-8 bytes reach here: nothing in a word is an operator */
	json_array_foreach(words, i, x) db_fts_word(&q, json_string_value(x), strlen(json_string_value(x)), DB_FTS_ANY);
	json_decref(words);
	if (!q.len) {
		buf_free(&q);
		return NULL;
	}
	return buf_detach(&q, NULL);
}

/* The distinct words between \x02 and \x03 in a marked text, lower-cased: the words a suggestion matched. */
static json_t *marked_words(const char *t)
{
	json_t *out = json_array();
	for (const char *p = t ? strchr(t, '\x02') : NULL; p; p = strchr(p, '\x02')) {
		const char *end = strchr(++p, '\x03');
		if (!end)
			break;
		char w[48];
		size_t n = 0;
		for (const char *c = p; c < end && n < sizeof w - 1; c++)
			w[n++] = (char)((*c >= 'A' && *c <= 'Z') ? *c | 32 : *c);
		w[n] = 0;
		if (n)
			add_once(out, w);
		p = end + 1;
	}
	return out;
}

/* A word is common when more than SUGGEST_COMMON_SHARE of the insights (of SUGGEST_COMMON_MIN or more) hold it:
 * bm25 already weights rare words over common ones; a suggestion whose matched words are all common ("team" in
 * reviews of a team product) is left out. */
static bool all_common(db *d, json_t *words, long long total)
{
	if (total < SUGGEST_COMMON_MIN || json_array_size(words) == 0)
		return false;
	size_t i;
	json_t *x;
	json_array_foreach(words, i, x) {
		const char *w = json_string_value(x);
		size_t len = strlen(w);
		for (size_t k = 0; k < len; k++)
			if (!word_char((unsigned char)w[k]))
				return false; /* not a plain word: judged rare */
		buf q;
		buf_init(&q);
		db_fts_word(&q, w, len, DB_FTS_ANY);
		long long n = query_int(d, 0, Q_INSIGHTS_MATCHING, "t", q.p);
		buf_free(&q);
		if (n <= total * SUGGEST_COMMON_SHARE)
			return false;
	}
	return true;
}

static double relevance(double score)
{
	double r = round(-score * 100) / 100;
	return r == 0 ? 0 : r;
}

/* The search words of one object's text (sql selects it by id); 0, 1 with *q NULL when it has no words,
 * or -1 with e (404 naming what, 500). */
static int object_query(db *d, const char *sql, long long id, const char *what, char **q, struct err *e)
{
	db_stmt *s = db_q(d, sql, "i", id);
	int rc = s ? db_step(s) : DB_ERR;
	*q = rc == DB_ROW ? suggest_query(db_col_text(s, 0), SUGGEST_MAX_WORDS) : NULL;
	db_done(s);
	if (rc == DB_DONE)
		return err_set(e, 404, "not_found", what, "no %s with id %lld", what, id);
	if (rc != DB_ROW)
		return err_internal(e);
	return 0;
}

json_t *suggest_features(db *d, long long insight_id, struct err *e)
{
	char *q;
	if (object_query(d, "SELECT text FROM insights WHERE id = ?", insight_id, "insight", &q, e) < 0)
		return NULL;
	db_stmt *s;
	int rc;
	json_t *items = json_array();
	if (!q)
		return json_pack("{so}", "items", items);
	s = query_q(d, Q_SUGGEST_FEATURES, "tii", q, insight_id, (long long)SUGGEST_FEATURES);
	rc = DB_ERR;
	while (s && (rc = db_step(s)) == DB_ROW) {
		json_t *o = json_pack("{sIssss}", "id", (json_int_t)db_col_int(s, 0), "title", db_col_text(s, 1), "status",
		                      db_col_text(s, 2));
		json_object_set_new(o, "period", jcol_str(s, 3));
		json_object_set_new(o, "relevance", json_real(relevance(db_col_double(s, 4))));
		json_array_append_new(items, o);
	}
	db_done(s);
	size_t i;
	json_t *o;
	json_array_foreach(items, i, o) { /* why: the words it matched */
		db_stmt *m = query_q(d, Q_SUGGEST_FEATURE_MARKS, "ti", q, (long long)jget_int(o, "id"));
		json_object_set_new(o, "matched", marked_words(m && db_step(m) == DB_ROW ? db_col_text(m, 0) : NULL));
		db_done(m);
	}
	free(q);
	if (rc != DB_DONE) {
		json_decref(items);
		err_internal(e);
		return NULL;
	}
	return json_pack("{so}", "items", items);
}

json_t *suggest_insights(db *d, long long feature_id, struct err *e)
{
	char *q;
	if (object_query(d, "SELECT title || ' ' || coalesce(description, '') FROM features WHERE id = ?", feature_id,
	                 "feature", &q, e) < 0)
		return NULL;
	db_stmt *s;
	int rc;
	json_t *items = json_array();
	if (!q)
		return json_pack("{so}", "items", items);
	/* more than are shown: those that match only common words are left out below */
	s = query_q(d, Q_SUGGEST_INSIGHTS, "tii", q, feature_id, (long long)SUGGEST_INSIGHTS * 3);
	rc = DB_ERR;
	while (s && (rc = db_step(s)) == DB_ROW) {
		json_t *o = json_pack("{sIssss}", "insight_id", (json_int_t)db_col_int(s, 0), "text", db_col_text(s, 1),
		                      "source", db_col_text(s, 2));
		json_object_set_new(o, "observed_at", jcol_str(s, 3));
		json_object_set_new(o, "account_id", jcol_int(s, 4));
		json_object_set_new(o, "account", jcol_str(s, 5));
		json_object_set_new(o, "relevance", json_real(relevance(db_col_double(s, 6))));
		json_array_append_new(items, o);
	}
	db_done(s);
	/* where the words are, for the few shown */
	size_t i;
	json_t *o;
	long long total = db_int(d, 0, "SELECT count(*) FROM insights", "");
	for (i = 0; i < json_array_size(items);) {
		o = json_array_get(items, i);
		db_stmt *sn = query_q(d, Q_SUGGEST_SNIPPET, "ti", q, (long long)json_integer_value(json_object_get(o, "insight_id")));
		const char *snip = sn && db_step(sn) == DB_ROW && db_col_text(sn, 0) ? db_col_text(sn, 0) : "";
		json_object_set_new(o, "snippet", json_string(snip));
		json_object_set_new(o, "matched", marked_words(snip));
		db_done(sn);
		if (all_common(d, json_object_get(o, "matched"), total) || i >= SUGGEST_INSIGHTS)
			json_array_remove(items, i);
		else
			i++;
	}
	free(q);
	if (rc != DB_DONE) {
		json_decref(items);
		err_internal(e);
		return NULL;
	}
	return json_pack("{so}", "items", items);
}
