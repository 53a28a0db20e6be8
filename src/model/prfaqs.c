/* prfaqs.c — the PR/FAQ described once: the five questions first (who the customer is, the problem, the benefit,
 * how we know — linked insights — and the experience), then the press release, the external and internal FAQ
 * (lists of {q, a}), what it announces (a feature or a launch), owner and status; and objections, a child kind of
 * competitors, each answered with insights as proof. A PR/FAQ is approved as a message is: by a pm and a pmm
 * (model/approvals.c). */
#include "prfaqs.h"
#include "approvals.h"
#include <stdio.h>
#include <string.h>
#include "users.h"


static const struct link prfaq_insight_links = {"prfaq_insights", "prfaq_id", "insight_id", NULL, 0, 0, NULL};
static const struct link objection_proof_links = {"objection_insights", "objection_id", "insight_id", NULL, 0, 0, NULL};

/* One FAQ entry. Neither member is required here: the kind's check names a missing one with its entry
 * ("faq_external[2].q"), which reads better than the engine's "faq_external[2]". */
static const struct field faq_members[] = {
	{"q", "Question", FT_STRING, 0, 300},
	{"a", "Answer", FT_TEXT, F_MARKDOWN, 4000},
};

static const struct field prfaq_fields[] = {
	{"customer", "Who is the customer?", FT_TEXT, F_SEARCH, 2000,
	 .help = "The person this is for, as specific as you can: role, company, situation",
	 .section = "The five questions"},
	{"problem", "What is their problem?", FT_TEXT, F_SEARCH | F_MARKDOWN, 4000,
	 .help = "In the customer's words; the press release's problem paragraph"},
	{"benefit", "What is the most important benefit?", FT_TEXT, F_SEARCH, 2000,
	 .help = "One benefit, said so the customer would repeat it"},
	{"insight_ids", "How do we know?", FT_LINKS, 0, 50, .ref = "insights", .link = &prfaq_insight_links,
	 .help = "The insights that show the problem and the need"},
	{"experience", "What does the experience look like?", FT_TEXT, F_SEARCH | F_MARKDOWN, 4000,
	 .help = "What the customer sees and does, step by step"},
	{"headline", "Headline", FT_STRING, F_REQUIRED | F_LISTED | F_SEARCH | F_SORT, 200,
	 .help = "The announcement in one line, as a journalist would write it", .section = "The press release"},
	{"subheading", "Subheading", FT_STRING, F_SEARCH, 300, .help = "Who it is for and what they get, one sentence"},
	{"summary", "Summary", FT_TEXT, F_SEARCH | F_MARKDOWN, 4000, .help = "The first paragraph: the whole story in brief"},
	{"solution", "Solution", FT_TEXT, F_SEARCH | F_MARKDOWN, 4000, .help = "How the product solves the problem"},
	{"leader_quote", "Quote from us", FT_TEXT, 0, 2000, .help = "A leader on why we built it"},
	{"how_it_works", "How it works", FT_TEXT, F_SEARCH | F_MARKDOWN, 4000, .help = "How a customer gets started"},
	{"customer_quote", "Customer quote", FT_TEXT, 0, 2000, .help = "A customer on what it changes for them"},
	{"call_to_action", "Call to action", FT_STRING, 0, 300, .help = "What the reader does next"},
	{"faq_external", "External FAQ", FT_RECORDS, 0, PRFAQ_FAQ_MAX, .sub = faq_members, .nsub = COUNT(faq_members),
	 .help = "What customers and the press will ask; a row left blank is dropped", .section = "The FAQ"},
	{"faq_internal", "Internal FAQ", FT_RECORDS, 0, PRFAQ_FAQ_MAX, .sub = faq_members, .nsub = COUNT(faq_members),
	 .help = "What the team, sales and leaders will ask: cost, risks, dependencies, what we will not do"},
	{"launch_id", "Launch", FT_REF, F_LISTED | F_FILTER, .ref = "launches", .help = "The launch it announces",
	 .section = "What it announces"},
	{"feature_id", "Feature", FT_REF, F_LISTED | F_FILTER, .ref = "features",
	 .help = "The feature it announces (a launch, a feature, or both)"},
	{"owner", "Owner", FT_REF, F_LISTED | F_FILTER | F_OWNER, .ref = "users"},
	APPROVAL_STATUS_FIELD,
};

/* Every entry of one FAQ has a question and an answer; a missing one is named with its entry, counted from 1 as
 * the engine counts the items of a list ("faq_external[2].a"). */
static int faq_check(json_t *obj, const char *name, struct err *e)
{
	size_t i;
	json_t *it;
	json_array_foreach(json_object_get(obj, name), i, it)
	{
		static const char *const members[] = {"q", "a"};
		for (int m = 0; m < 2; m++) {
			const char *s = json_string_value(json_object_get(it, members[m]));
			if (!s || !s[strspn(s, " \t\r\n")]) {
				char field[64];
				snprintf(field, sizeof field, "%s[%zu].%s", name, i + 1, members[m]);
				return err_invalid(e, field, "%s is required: entry %zu of the %s FAQ has no %s", field, i + 1,
				                   !strcmp(name, "faq_external") ? "external" : "internal",
				                   m == 0 ? "question" : "answer");
			}
		}
	}
	return 0;
}

static int prfaq_check(db *d, long long id, json_t *obj, struct err *e)
{
	(void)d, (void)id;
	if (!json_is_integer(json_object_get(obj, "feature_id")) && !json_is_integer(json_object_get(obj, "launch_id")))
		return err_invalid(e, "launch_id", "a PR/FAQ announces a launch or a feature: set launch_id or feature_id");
	if (faq_check(obj, "faq_external", e) < 0 || faq_check(obj, "faq_internal", e) < 0)
		return -1;
	return 0;
}

struct entity prfaqs_entity = {
	.kind = "prfaqs", .table = "prfaqs", .one = "PR/FAQ", .event = "prfaq", .label = "PR/FAQs", .title_field = "headline",
	.blurb = "Working backwards: the press release and FAQ of a feature or launch, written before it is built.",
	.fields = prfaq_fields, .nfields = COUNT(prfaq_fields), .write_rank = RANK_EDITOR, .default_sort = "-id",
	.check = prfaq_check, .approvals = true,
};

APPROVAL_ACTIONS(prfaqs, "prfaqs");

static const struct field objection_fields[] = {
	{"competitor_id", "Competitor", FT_REF, F_REQUIRED | F_LISTED | F_FILTER, .ref = "competitors"},
	{"objection", "Objection", FT_STRING, F_REQUIRED | F_LISTED | F_SEARCH, 300,
	 .help = "What the buyer says, in their words"},
	{"answer", "Answer", FT_TEXT, F_SEARCH, 4000, .help = "What to say back"},
	{"proof", "Proof", FT_LINKS, 0, 20, .ref = "insights", .link = &objection_proof_links,
	 .help = "Insights that back the answer: customers who said so"},
};

struct entity objections_entity = {
	.kind = "objections", .table = "objections", .one = "objection", .label = "Objections",
	.title_field = "objection", .blurb = "What buyers raise against us when they compare a competitor, and the answer.",
	.fields = objection_fields, .nfields = COUNT(objection_fields), .write_rank = RANK_EDITOR, .default_sort = "id",
	.parent_field = "competitor_id", .embed_as = "objections",
};
