/* kinds.c — the descriptors of the simple kinds (segments, personas, accounts, competitors)
 * and the table of every kind the engine serves. Kinds with behaviour of their own keep
 * their descriptor in their own file (goals.c). */
#include "entity.h"
#include "comments.h"
#include "decisions.h"
#include "reviews.h"
#include "wins.h"
#include "features.h"
#include "goals.h"
#include "insights.h"
#include "launches.h"
#include "messages.h"
#include "prfaqs.h"
#include "users.h"
#include "views.h"
#include "webhooks.h"

static const struct field segment_fields[] = {
	{"name", "Name", FT_STRING, F_REQUIRED | F_LISTED | F_SEARCH | F_SORT, 120, .help = "What the segment is called"},
	{"description", "Description", FT_TEXT, F_LISTED | F_SEARCH, 4000},
	{"size", "Size", FT_INT, F_LISTED | F_SORT, 0, 0, 1e12, .help = "How many companies or people it holds"},
	{"notes", "Notes", FT_TEXT, F_SEARCH, 4000},
};

static struct entity segments = {
	.kind = "segments", .table = "segments", .one = "segment", .label = "Segments", .title_field = "name",
	.blurb = "Groups of customers you build for and sell to.",
	.fields = segment_fields, .nfields = COUNT(segment_fields), .write_rank = RANK_EDITOR, .default_sort = "name",
};

static const struct field persona_fields[] = {
	{"name", "Name", FT_STRING, F_REQUIRED | F_LISTED | F_SEARCH | F_SORT, 120},
	{"segment_id", "Segment", FT_REF, F_LISTED | F_FILTER, .ref = "segments"},
	{"role", "Role", FT_STRING, F_LISTED | F_SEARCH, 120, .help = "Job title or function"},
	{"pains", "Pains", FT_TEXT, F_SEARCH, 4000},
	{"gains", "Gains", FT_TEXT, F_SEARCH, 4000},
	{"jobs", "Jobs to be done", FT_TEXT, F_SEARCH, 4000},
	{"channels", "Channels", FT_TEXT, F_SEARCH, 2000, .help = "Where they learn about products"},
};

static struct entity personas = {
	.kind = "personas", .table = "personas", .one = "persona", .label = "Personas", .title_field = "name",
	.blurb = "The people inside a segment: their role, pains, gains and jobs.",
	.fields = persona_fields, .nfields = COUNT(persona_fields), .write_rank = RANK_EDITOR, .default_sort = "name",
};

static const struct field account_fields[] = {
	{"name", "Name", FT_STRING, F_REQUIRED | F_LISTED | F_SEARCH | F_SORT, 160},
	{"segment_id", "Segment", FT_REF, F_LISTED | F_FILTER, .ref = "segments"},
	{"plan", "Plan", FT_STRING, F_LISTED | F_FILTER | F_SORT, 60, .help = "The plan they pay for"},
	{"arr", "ARR", FT_MONEY, F_LISTED | F_SORT, .help = "Annual recurring revenue, whole currency units"},
};

static struct entity accounts = {
	.kind = "accounts", .table = "accounts", .one = "account", .label = "Accounts", .title_field = "name",
	.blurb = "Customer companies, with their plan and revenue.",
	.fields = account_fields, .nfields = COUNT(account_fields), .write_rank = RANK_EDITOR, .default_sort = "name",
};

static const struct field competitor_fields[] = {
	{"name", "Name", FT_STRING, F_REQUIRED | F_LISTED | F_SEARCH | F_SORT, 160},
	{"positioning", "Positioning", FT_TEXT, F_LISTED | F_SEARCH, 4000},
	{"strengths", "Strengths", FT_TEXT, F_SEARCH, 4000},
	{"weaknesses", "Weaknesses", FT_TEXT, F_SEARCH, 4000},
	{"landmines", "Landmines", FT_TEXT, F_SEARCH, 4000,
	 .help = "Questions a seller plants early that the buyer will ask them, and they answer badly"},
};

static struct entity competitors = {
	.kind = "competitors", .table = "competitors", .one = "competitor", .label = "Competitors",
	.title_field = "name", .blurb = "Who else the buyer considers, and how they position.",
	.fields = competitor_fields, .nfields = COUNT(competitor_fields), .write_rank = RANK_EDITOR,
	.default_sort = "name",
};

struct entity *const entity_all[] = {&goals_entity,          &features_entity, &insights_entity, &segments,
                                     &personas,              &journey_stages_entity, &accounts, &competitors,
                                     &capacity_entity,       &releases_entity, &launches_entity, &checklist_entity,
                                     &activities_entity,     &raci_entity,     &views_entity,    &messages_entity,
                                     &prfaqs_entity,         &objections_entity, &decisions_entity,
                                     &comments_entity,       &reviews_entity,    &wins_entity,
                                     &webhooks_entity};
const int entity_count = COUNT(entity_all);
