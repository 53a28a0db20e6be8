/* message_lint.c — the message lint's rules (message_lint.h), one row each, and the whole-word matcher of the
 * superlative rule. */
#include "message_lint.h"
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "model/messages.h"
#include "platform/json_get.h"
#include "platform/util.h"

/* The words any named competitor could claim too; phrases first, so "best in class" is named as such. */
static const char *const superlatives[] = {
	"best in class", "best-in-class", "world-class", "world class", "cutting-edge", "cutting edge",
	"next-generation", "next generation", "state-of-the-art", "best", "leading", "innovative", "revolutionary",
	"seamless", "seamlessly", "easiest", "easy",
};

/* The parts a superlative is looked for in, as their fields. */
static const char *const text_parts[] = {"text", "for", "who", "product", "category", "benefit", "unlike",
                                         "differentiator"};

static void problem(json_t *out, const char *part, const char *rule, const char *message)
{
	json_array_append_new(out, json_pack("{ssssss}", "part", part, "rule", rule, "message", message));
}

static bool word_char(char c) { return isalnum((unsigned char)c) || (c & 0x80); }

/* Is term (lowercase) in s (lowercased copy) as whole words? Marks the match out ('#') so a shorter term inside
 * it ("best" in "best in class") is not found again. */
static bool find_word(char *s, const char *term)
{
	size_t n = strlen(term);
	for (char *p = strstr(s, term); p; p = strstr(p + 1, term)) {
		bool start = p == s || !word_char(p[-1]), end = !word_char(p[n]);
		if (start && end) {
			memset(p, '#', n);
			return true;
		}
	}
	return false;
}

static void check_superlative(db *d, json_t *m, json_t *out)
{
	(void)d;
	for (size_t i = 0; i < COUNT(text_parts); i++) {
		const char *v = jget_str(m, text_parts[i]);
		if (!v || !*v)
			continue;
		char *s = strdup(v);
		for (char *p = s; *p; p++)
			*p = (char)tolower((unsigned char)*p);
		for (size_t k = 0; k < COUNT(superlatives); k++)
			if (find_word(s, superlatives[k])) {
				char msg[300];
				snprintf(msg, sizeof msg, "\"%s\" is a word any competitor could claim too: say what is measurably "
				                          "true instead",
				         superlatives[k]);
				problem(out, text_parts[i], "superlative", msg);
			}
		free(s);
	}
}

static bool positioning(json_t *m) { return str_eq(jget_str(m, "level"), "positioning"); }

static void check_unlike(db *d, json_t *m, json_t *out)
{
	(void)d;
	const char *unlike = jget_str(m, "unlike");
	if (positioning(m) && !json_is_integer(json_object_get(m, "competitor_id")) &&
	    !json_array_size(json_object_get(m, "competitor_ids")) && (!unlike || !*unlike))
		problem(out, "unlike", "unlike-not-named",
		        "no competitor or alternative is named: a positioning is unlike something the buyer would use instead");
}

static void check_backed(db *d, json_t *m, json_t *out)
{
	if (!positioning(m))
		return;
	if (message_features_backing(d, json_object_get(m, "feature_ids")) > 0)
		return;
	problem(out, "differentiator", "differentiator-unbacked",
	        "no linked feature is shipped, in progress or planned: the differentiator is a promise nothing backs");
}

static void check_proof(db *d, json_t *m, json_t *out)
{
	(void)d;
	const char *level = jget_str(m, "level");
	if ((str_eq(level, "value_prop") || str_eq(level, "benefit")) && !json_array_size(json_object_get(m, "insight_ids")))
		problem(out, "insight_ids", "claim-without-proof",
		        "no linked insight proves it: a pillar without proof is just a claim");
}

const struct lint_rule message_lint_rules[] = {
	{"superlative", "best, leading, innovative, world-class, revolutionary, cutting-edge, seamless, next-generation, "
	                "easy (whole words, any case; best in class too) in any part",
	 check_superlative},
	{"unlike-not-named", "a positioning with no competitor, competitive alternative or unlike text", check_unlike},
	{"differentiator-unbacked", "a positioning with no linked feature shipped, in progress or planned", check_backed},
	{"claim-without-proof", "a value prop or benefit with no linked insight", check_proof},
};
const int message_lint_count = COUNT(message_lint_rules);

json_t *message_lint(db *d, json_t *m)
{
	json_t *out = json_array();
	for (int i = 0; i < message_lint_count; i++)
		message_lint_rules[i].check(d, m, out);
	return out;
}
