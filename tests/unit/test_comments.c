/* test_comments.c — @mentions in a comment's body: by email or full name (any case, the longest name), each person
 * once in the order first mentioned, "@" only where a word starts, and a mention of nobody refused naming body. */
#include "harness.h"
#include "model/comments.h"

static long long named(db *d, const char *email, const char *name)
{
	long long id = t_user(d, email, "pm");
	db_run(d, "UPDATE users SET name = ? WHERE id = ?", "ti", name, id);
	return id;
}

/* The mentions of body as "id,id", or "400 body: message" when refused. */
static const char *mentions(db *d, const char *body)
{
	static char out[400];
	struct err e = {0};
	json_t *ids = comment_mentions(d, body, &e);
	if (!ids) {
		snprintf(out, sizeof out, "%d %s: %s", e.status, e.field, e.message);
		return out;
	}
	out[0] = 0;
	size_t i;
	json_t *v;
	json_array_foreach(ids, i, v)
	    snprintf(out + strlen(out), sizeof out - strlen(out), "%s%lld", i ? "," : "", (long long)json_integer_value(v));
	json_decref(ids);
	return out;
}

TEST(comments_mentions_by_email_and_name)
{
	db *d = t_db();
	long long ann = named(d, "ann@x.test", "Ann Lee"), annie = named(d, "annie@x.test", "Ann Lee Smith");
	long long bo = named(d, "bo@x.test", "Bo");
	char want[64];
	snprintf(want, sizeof want, "%lld", ann);
	CHECK_STR(mentions(d, "@Ann Lee, can you look?"), want);
	CHECK_STR(mentions(d, "ask @ANN LEE."), want); /* any case; punctuation after a name */
	snprintf(want, sizeof want, "%lld", annie);
	CHECK_STR(mentions(d, "@Ann Lee Smith please"), want); /* the longest name that fits */
	snprintf(want, sizeof want, "%lld,%lld", bo, ann);
	CHECK_STR(mentions(d, "(@bo@x.test) and @ann@X.TEST: and @Bo again"), want); /* emails; each once */
	CHECK_STR(mentions(d, "mail bo@x.test, an @ alone, @@, and **@**"), ""); /* no word-start @name */
	CHECK_STR(mentions(d, ""), "");
	CHECK_STR(mentions(d, "@Bob is here"), "400 body: body mentions @Bob, who is nobody here: write @ and a "
	                                          "person's email or full name"); /* Bo is no prefix of a word */
	CHECK_STR(mentions(d, "cc @nobody@x.test."), "400 body: body mentions @nobody@x.test, who is nobody here: "
	                                               "write @ and a person's email or full name");
	db_close(d);
}
