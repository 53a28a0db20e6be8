/* test_messages.c — the ladder rules of messages (model/messages.c) and every rule of the message lint
 * (domain/message_lint.c). */
#include "harness.h"
#include "domain/message_lint.h"
#include "model/messages.h"
#include "platform/json_get.h"

static long long mk(db *d, const char *kind, json_t *in, struct err *err)
{
	long long id = entity_create(d, entity_find(kind), 0, in, err);
	json_decref(in);
	return id;
}

static long long msg(db *d, long long seg, const char *level, long long parent, struct err *err)
{
	json_t *in = json_pack("{sIssss}", "segment_id", (json_int_t)seg, "level", level, "text", "A claim");
	if (parent)
		json_object_set_new(in, "parent_id", json_integer(parent));
	return mk(d, "messages", in, err);
}

TEST(messages_ladder_rules)
{
	db *d = t_db();
	struct err err = {0};
	long long s1 = mk(d, "segments", json_pack("{ss}", "name", "Ops"), &err);
	long long s2 = mk(d, "segments", json_pack("{ss}", "name", "IT"), &err);
	long long pos = msg(d, s1, "positioning", 0, &err), vp = msg(d, s1, "value_prop", pos, &err);
	long long ben = msg(d, s1, "benefit", vp, &err), ft = msg(d, s1, "feature", ben, &err);
	REQUIRE(pos > 0 && vp > 0 && ben > 0 && ft > 0);
	struct {
		long long seg;
		const char *level;
		long long parent;
	} bad[] = {
		{s1, "benefit", pos},     /* two levels below */
		{s1, "positioning", vp},  /* a positioning has no parent */
		{s1, "value_prop", vp},   /* the same level */
		{s2, "value_prop", pos},  /* another segment */
		{s1, "feature", ft},      /* below a feature */
	};
	for (size_t i = 0; i < COUNT(bad); i++) {
		err = (struct err){0};
		CHECK_EQ_INT(msg(d, bad[i].seg, bad[i].level, bad[i].parent, &err), -1);
		CHECK_STR(err.field, "parent_id");
	}
	/* a cycle: the positioning cannot go under its own descendant (it is refused on level first, so make a
	 * value prop's parent its own child's child by moving levels is impossible; self-parenting is the cycle) */
	err = (struct err){0};
	json_t *m = entity_get(d, &messages_entity, vp);
	json_t *in = json_pack("{sI}", "parent_id", (json_int_t)vp);
	CHECK_EQ_INT(entity_update(d, &messages_entity, 0, vp, in, jget_int(m, "version"), &err), -1);
	CHECK_STR(err.field, "parent_id");
	json_decref(in);
	/* a node with children keeps its level and segment */
	err = (struct err){0};
	in = json_pack("{ss}", "level", "benefit");
	CHECK_EQ_INT(entity_update(d, &messages_entity, 0, vp, in, jget_int(m, "version"), &err), -1);
	CHECK_STR(err.field, "parent_id"); /* its parent is a positioning: a benefit may not sit there */
	json_decref(in);
	err = (struct err){0};
	in = json_pack("{sIsn}", "segment_id", (json_int_t)s2, "parent_id");
	CHECK_EQ_INT(entity_update(d, &messages_entity, 0, vp, in, jget_int(m, "version"), &err), -1);
	CHECK_STR(err.field, "segment_id");
	json_decref(in), json_decref(m);
	CHECK_STR(message_level_below("positioning"), "value_prop");
	CHECK(message_level_below("feature") == NULL);
	db_close(d);
}

/* The rules the lint found for message m, "part:rule" joined by spaces, into out. */
static const char *lint(db *d, json_t *m, char *out, size_t n)
{
	json_t *ps = message_lint(d, m), *p;
	size_t i;
	out[0] = 0;
	json_array_foreach(ps, i, p)
	{
		size_t l = strlen(out);
		snprintf(out + l, n - l, "%s%s:%s", l ? " " : "", jget_str(p, "part"), jget_str(p, "rule"));
	}
	json_decref(ps);
	json_decref(m);
	return out;
}

TEST(message_lint_every_rule)
{
	db *d = t_db();
	char out[400];
	/* superlative: whole words, any case, "best in class" named as such, not a word inside another */
	CHECK_STR(lint(d, json_pack("{ssss}", "level", "benefit", "text", "The Best in Class alerts"), out, sizeof out),
	          "text:superlative insight_ids:claim-without-proof");
	CHECK(strstr(out, "superlative") != NULL);
	json_t *bic = json_pack("{ssss}", "level", "feature", "text", "Best in class"), *ps = message_lint(d, bic);
	json_decref(bic);
	CHECK(strstr(jget_str(json_array_get(ps, 0), "message"), "\"best in class\"") != NULL);
	CHECK_EQ_INT(json_array_size(ps), 1); /* "best" is not flagged again */
	json_decref(ps);
	const char *words[] = {"leading", "innovative", "world-class", "revolutionary", "cutting-edge", "seamless",
	                       "next-generation", "easy", "easiest", "industry-leading", "SEAMLESS"};
	for (size_t i = 0; i < COUNT(words); i++) {
		char t[80];
		snprintf(t, sizeof t, "A %s way to get alerts", words[i]);
		CHECK_STR(lint(d, json_pack("{ssss}", "level", "feature", "text", t), out, sizeof out), "text:superlative");
	}
	CHECK_STR(lint(d, json_pack("{ssss}", "level", "feature", "text", "Bestow easygoing leadership"), out, sizeof out),
	          "");
	/* unlike-not-named and differentiator-unbacked: positioning only */
	CHECK_STR(lint(d, json_pack("{ssss}", "level", "positioning", "text", "We alert"), out, sizeof out),
	          "unlike:unlike-not-named differentiator:differentiator-unbacked");
	CHECK_STR(lint(d, json_pack("{ssssss}", "level", "positioning", "text", "We alert", "unlike", "spreadsheets"), out,
	               sizeof out),
	          "differentiator:differentiator-unbacked");
	CHECK_STR(lint(d, json_pack("{sssssi}", "level", "positioning", "text", "We alert", "competitor_id", 1), out,
	               sizeof out),
	          "differentiator:differentiator-unbacked");
	struct err err = {0};
	long long shipped = mk(d, "features", json_pack("{ssssss}", "title", "Alerts", "kind", "feature", "status", "shipped"), &err);
	long long declined = mk(d, "features", json_pack("{ssssssss}", "title", "Builder", "kind", "idea", "status",
	                                                 "declined", "decline_reason", "Out of scope: a dashboard builder"),
	                        &err);
	REQUIRE(shipped > 0 && declined > 0);
	CHECK_STR(lint(d, json_pack("{sssssss[I]}", "level", "positioning", "text", "We alert", "unlike", "sheets",
	                            "feature_ids", (json_int_t)declined),
	               out, sizeof out),
	          "differentiator:differentiator-unbacked");
	CHECK_STR(lint(d, json_pack("{sssssss[I]}", "level", "positioning", "text", "We alert", "unlike", "sheets",
	                            "feature_ids", (json_int_t)shipped),
	               out, sizeof out),
	          "");
	/* claim-without-proof: value props and benefits, not features */
	CHECK_STR(lint(d, json_pack("{ssss}", "level", "value_prop", "text", "Know the same day"), out, sizeof out),
	          "insight_ids:claim-without-proof");
	CHECK_STR(lint(d, json_pack("{sssss[i]}", "level", "value_prop", "text", "Know the same day", "insight_ids", 1), out,
	               sizeof out),
	          "");
	CHECK_STR(lint(d, json_pack("{ssss}", "level", "feature", "text", "Slack alerts"), out, sizeof out), "");
	CHECK_EQ_INT(message_lint_count, 4);
	db_close(d);
}
