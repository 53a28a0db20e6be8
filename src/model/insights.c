/* insights.c — customer evidence described once: one insight per piece of evidence, searchable
 * (FTS5, stemmed, ranked), idempotent on re-import through its external id. */
#include "insights.h"
#include "users.h"

static const char *const sources[] = {"interview", "support", "sales", "survey", "review", "analytics",
                                      "research",  "other",   NULL};

static const struct field insight_fields[] = {
	{"text", "Text", FT_TEXT, F_REQUIRED | F_LISTED | F_SEARCH, 20000, .help = "What the customer said or did"},
	{"source", "Source", FT_ENUM, F_REQUIRED | F_LISTED | F_FILTER, .choices = sources, .dflt = "\"other\""},
	{"author", "Author", FT_STRING, F_LISTED | F_SEARCH, 200, .help = "Who said it"},
	{"account_id", "Account", FT_REF, F_LISTED | F_FILTER, .ref = "accounts"},
	{"persona_id", "Persona", FT_REF, F_FILTER, .ref = "personas"},
	{"observed_at", "Observed", FT_DATE, F_LISTED | F_FILTER | F_SORT,
	 .help = "When it was said; filter with observed_at_from and observed_at_to"},
	{"url", "Link", FT_STRING, 0, 2000, .help = "Where it came from"},
	{"tags", "Tags", FT_LIST, F_FILTER, 30, .help = "One per line"},
	{"external_id", "External id", FT_STRING, F_FILTER, 200,
	 .help = "The id in the tool it came from; re-importing the same id changes nothing"},
	{"dismissed", "Dismissed", FT_INT, F_FILTER, 0, 0, 1, .dflt = "0",
	 .help = "1 when triaged as not relevant to any feature"},
	{"created_by", "Added by", FT_REF, F_READONLY | F_FILTER, .ref = "users",
	 .help = "Who added it; a contributor may edit and delete only the insights they added"},
};

/* ?linked=false: the evidence no feature cites yet (the dashboard's card counts the same, with dismissed=0). */
static const struct list_filter insight_filters[] = {
	{"linked", "Linked to a feature", "true: only insights linked to a feature as evidence; false: only the others",
	 "EXISTS (SELECT 1 FROM feature_insights fi WHERE fi.insight_id = insights.id)"},
};

struct entity insights_entity = {
	.kind = "insights", .table = "insights", .one = "insight", .label = "Insights", .title_field = "text",
	.blurb = "Customer evidence: what people said and did, from interviews, support, sales and reviews.",
	.fields = insight_fields, .nfields = COUNT(insight_fields), .write_rank = RANK_EDITOR,
	.create_rank = RANK_CONTRIBUTOR, .owner_field = "created_by", .default_sort = "-observed_at", .fts = "insights_fts",
	.filters = insight_filters, .nfilters = COUNT(insight_filters),
};
