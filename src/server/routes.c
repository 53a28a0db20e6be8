/* routes.c — the one route table: everything Tandem answers, one line each, after the routes of the actions
 * (derived from the action table). Flags and ranks are enforced by the dispatcher (app/dispatch.c), never in
 * handlers. It names the faces' handlers, so it lives in the composition root, above app, api and web. */
#include <stdlib.h>
#include <string.h>
#include "api/api.h"
#include "model/action.h"
#include "model/users.h"
#include "app/route.h"
#include "web/web.h"

#define API (R_API)
#define API_W (R_API | R_CSRF | R_JSON)
#define PAGE (R_PAGE | R_ETAG)
#define FORM (R_PAGE | R_CSRF | R_FORM)

static const struct route lines[] = {
	/* public */
	{HTTP_GET, "/healthz", api_healthz, API | R_PUBLIC, RANK_NONE, "Health check"},
	{HTTP_GET, "/static/{x}", page_static, R_PAGE | R_PUBLIC | R_ETAG, RANK_NONE, "Embedded CSS and JS"},
	{HTTP_GET, "/share/calendar/{token}.ics", page_share_calendar, R_PAGE | R_PUBLIC | R_ETAG, RANK_NONE,
	 "The launch calendar feed at a calendar share link (404 for a wrong or revoked token)"},
	{HTTP_GET, "/share/changelog/{token}.atom", page_share_changelog_atom, R_PAGE | R_PUBLIC | R_ETAG, RANK_NONE,
	 "The changelog as an Atom feed at a changelog share link (404 for a wrong or revoked token)"},
	{HTTP_GET, "/share/changelog/{token}", page_share_changelog, R_PAGE | R_PUBLIC, RANK_NONE,
	 "The public changelog of shipped releases at a changelog share link (404 for a wrong or revoked token)"},
	{HTTP_GET, "/share/roadmap/{token}", page_share_roadmap, R_PAGE | R_PUBLIC, RANK_NONE,
	 "The read-only roadmap at a roadmap share link (404 for a wrong or revoked token)"},
	{HTTP_GET, "/login", page_login_form, R_PAGE | R_PUBLIC, RANK_NONE, "Sign-in page"},
	{HTTP_POST, "/login", page_login_submit, R_PAGE | R_PUBLIC | R_FORM | R_OWN_TX, RANK_NONE, "Sign in"},
	{HTTP_GET, "/invite/{x}", page_invite_form, R_PAGE | R_PUBLIC, RANK_NONE,
	 "An invitation link: the form to choose a password (410 or 404 with a page saying why for a used, expired, "
	 "revoked or unknown link)"},
	{HTTP_POST, "/invite/{x}", page_invite_submit, R_PAGE | R_PUBLIC | R_FORM, RANK_NONE,
	 "Use an invitation link: set the password and sign in"},
	{HTTP_POST, "/logout", page_logout, FORM, RANK_VIEWER, "Sign out"},

	/* API: session, people, tokens */
	{HTTP_POST, "/api/v1/session", api_session_create, API | R_PUBLIC | R_JSON | R_OWN_TX, RANK_NONE,
	 "Sign in with email and password; sets the session cookie"},
	{HTTP_GET, "/api/v1/session", api_session_get, API, RANK_VIEWER, "Who is signed in, and the CSRF token"},
	{HTTP_DELETE, "/api/v1/session", api_session_delete, API | R_CSRF, RANK_VIEWER, "Sign out"},
	{HTTP_GET, "/api/v1/openapi.json", api_openapi, API | R_PUBLIC, RANK_NONE, "This OpenAPI document"},
	{HTTP_GET, "/api/v1/users", api_users_list, API, RANK_VIEWER, "List users"},
	{HTTP_GET, "/api/v1/users/{id}", api_user_get, API, RANK_VIEWER,
	 "One user: role, whether active, their pending invitation"},
	{HTTP_GET, "/api/v1/users/{id}/owned", api_user_owned, API, RANK_VIEWER,
	 "What a person owns: how many objects name them, per kind and owner field"},
	{HTTP_GET, "/api/v1/getting-started", api_getting_started, API, RANK_VIEWER,
	 "The first run's checklist, each step ticked from the data"},
	{HTTP_GET, "/api/v1/tokens", api_tokens_list, API, RANK_VIEWER, "List API tokens (admins: all)"},
	{HTTP_POST, "/api/v1/tokens", api_tokens_create, API_W, RANK_VIEWER, "Create an API token for yourself"},
	{HTTP_DELETE, "/api/v1/tokens/{id}", api_tokens_delete, API | R_CSRF, RANK_VIEWER, "Revoke an API token"},

	/* API: strategy, goals' own actions, alignment */
	{HTTP_GET, "/api/v1/strategy", api_strategy_get, API, RANK_VIEWER, "The strategy"},
	{HTTP_PUT, "/api/v1/strategy", api_strategy_put, API_W, RANK_LEADER, "Change the strategy (needs its version)"},
	{HTTP_GET, "/api/v1/strategy/revisions", api_strategy_revisions, API, RANK_VIEWER, "Every version of the strategy"},
	{HTTP_GET, "/api/v1/goals/{id}/measurements", api_goal_measurements, API, RANK_VIEWER, "A goal's measurements"},
	{HTTP_GET, "/api/v1/goals/{id}/revisions", api_goal_revisions, API, RANK_VIEWER, "A goal's target changes"},
	{HTTP_GET, "/api/v1/alignment", api_alignment, API, RANK_VIEWER,
	 "Alignment findings (?owner=me|id, ?kind=, ?severity=, ?rule=), those accepted as a risk, the health score "
	 "and its history"},
	{HTTP_GET, "/api/v1/alignment/accepted", api_alignment_accepted, API, RANK_VIEWER,
	 "Findings accepted as a known risk, with who accepted them and when"},
	{HTTP_GET, "/api/v1/activity", api_activity, API, RANK_VIEWER,
	 "The activity feed: every change in the workspace, newest first (?kind=, ?limit=, ?cursor=)"},

	/* API: every setting group ({setting} is one of settings_all), a feature's score */
	{HTTP_GET, "/api/v1/settings/{setting}", api_setting_get, API, RANK_VIEWER, "A settings group"},
	{HTTP_PUT, "/api/v1/settings/{setting}", api_setting_put, API_W, RANK_LEADER,
	 "Change a settings group: every field, or the fields sent"},
	{HTTP_GET, "/api/v1/features/{id}/score", api_feature_score, API, RANK_VIEWER, "A feature's score and its breakdown"},


	/* API: evidence, suggestions, demand */
	{HTTP_GET, "/api/v1/features/{id}/evidence", api_feature_evidence, API, RANK_VIEWER,
	 "A feature's evidence: linked insights with account and ARR, and the source mix"},
	{HTTP_GET, "/api/v1/features/{id}/gate", api_feature_gate, API, RANK_VIEWER,
	 "The strategy statements a request shares words with (perspective, principles, out of scope)"},
	{HTTP_GET, "/api/v1/features/{id}/suggestions", api_feature_suggestions, API, RANK_VIEWER,
	 "Unlinked, undismissed insights that likely belong to the feature (full-text similarity)"},
	{HTTP_GET, "/api/v1/insights/{id}/features", api_insight_features, API, RANK_VIEWER,
	 "The features an insight is linked to"},
	{HTTP_GET, "/api/v1/insights/{id}/suggestions", api_insight_suggestions, API, RANK_VIEWER,
	 "The features most likely related to an insight (full-text similarity)"},
	{HTTP_GET, "/api/v1/demand", api_demand, API, RANK_VIEWER,
	 "Demand concentration per planned feature and over the plan: top-1 and top-3 account shares, HHI"},

	/* API: import */
	{HTTP_POST, "/api/v1/insights/import", api_insights_import, API | R_CSRF | R_CSV_BODY, RANK_CONTRIBUTOR,
	 "Import insights from a CSV body (generic with a column map, Fider, Quackback, Productboard, Jira)"},

	/* API: the launch calendar */
	{HTTP_GET, "/api/v1/export", api_export, API, RANK_ADMIN,
	 "The whole workspace as one JSON bundle (secrets only with include_secrets=true)"},
	{HTTP_POST, "/api/v1/import", api_import, API | R_CSRF | R_JSON_RAW, RANK_ADMIN,
	 "A bundle into a workspace nothing has been written to yet; people get invitation links when it has no secrets"},
	{HTTP_GET, "/api/v1/calendar.ics", api_calendar_ics, API | R_ETAG, RANK_VIEWER,
	 "The launch calendar as iCalendar (RFC 5545): one all-day event per launch and dated marketing activity"},

	/* API: launches and releases */
	{HTTP_GET, "/api/v1/launches/{id}/readiness", api_launch_readiness, API, RANK_VIEWER,
	 "A launch's readiness (features, checklist), what is missing, and its conflicts"},
	{HTTP_GET, "/api/v1/releases/{id}/notes", api_release_notes, API | R_ETAG, RANK_VIEWER,
	 "A release's notes in customer words: its shipped features grouped by segment"},
	{HTTP_GET, "/api/v1/releases/{id}/notes.md", api_release_notes_md, API | R_ETAG, RANK_VIEWER,
	 "The same notes as Markdown"},
	{HTTP_GET, "/api/v1/releases/{id}/reschedule", api_release_reschedule_preview, API, RANK_VIEWER,
	 "The launches a new target date (?target_date=) would move, and by how many days"},
	{HTTP_GET, "/api/v1/launches/{id}/brief", api_launch_brief, API | R_ETAG, RANK_VIEWER,
	 "A launch's sales enablement brief: {launch_id, markdown, html}"},

	/* API: the PMM's documents */
	{HTTP_GET, "/api/v1/prfaqs/{id}/markdown", api_prfaq_markdown, API | R_ETAG, RANK_VIEWER,
	 "A PR/FAQ as Markdown: the press release, the external and internal FAQ, the five questions"},
	{HTTP_GET, "/api/v1/competitors/{id}/battlecard", api_competitor_battlecard, API | R_ETAG, RANK_VIEWER,
	 "A competitor's battlecard: who they are, why we win, objections and answers, landmines, customer proof"},
	{HTTP_GET, "/api/v1/journey", api_journey, API | R_ETAG, RANK_VIEWER,
	 "The journey map: stages × personas, each cell's features, messages, insights, and the gaps"},

	/* API: the roadmap, read-only share links */
	{HTTP_GET, "/api/v1/roadmap", api_roadmap, API | R_ETAG, RANK_VIEWER,
	 "The roadmap: releases with their features, lanes (group=goal|team|persona), launches, now/next/later"},
	{HTTP_GET, "/api/v1/share-links", api_share_links_list, API, RANK_VIEWER,
	 "Read-only share links (roadmap, calendar feed), without their secrets"},

	/* API: the messaging ladder, the message lint */
	{HTTP_GET, "/api/v1/messaging", api_messaging, API | R_ETAG, RANK_VIEWER,
	 "A segment's messaging ladder (?segment_id=): positioning, value props, benefits, features, with proof"},
	{HTTP_GET, "/api/v1/messages/{id}/lint", api_message_lint, API, RANK_VIEWER,
	 "The lint of one message: superlatives, an unnamed alternative, an unbacked differentiator, a claim without proof"},

	/* API: the signed-in person's inbox, following any object */
	{HTTP_GET, "/api/v1/notifications", api_notifications_list, API, RANK_VIEWER,
	 "Your notifications, newest first (?unread=true, ?limit=, ?cursor=), with the unread count"},
	{HTTP_POST, "/api/v1/notifications/read", api_notifications_read, API_W, RANK_VIEWER,
	 "Mark your notifications read: {\"ids\": [...]} or {\"all\": true}"},

	{HTTP_GET, "/api/v1/webhooks/{id}/deliveries", api_webhook_deliveries, API, RANK_ADMIN,
	 "A webhook's deliveries, newest first: status, attempts, response code, next try"},

	/* API: every described kind ({kind} is one of entity_all) */
	{HTTP_GET, "/api/v1/{kind}.csv", api_entity_csv, API | R_CSV | R_ETAG, RANK_VIEWER, "Export as CSV"},
	{HTTP_GET, "/api/v1/{kind}", api_entity_list, API | R_ETAG, RANK_VIEWER, "List, filter, search, sort"},
	{HTTP_POST, "/api/v1/{kind}", api_entity_create, API_W | R_KIND_WRITE, RANK_VIEWER, "Create"},
	{HTTP_GET, "/api/v1/{kind}/{id}", api_entity_get, API | R_ETAG, RANK_VIEWER, "Get one"},
	{HTTP_PATCH, "/api/v1/{kind}/{id}", api_entity_patch, API_W | R_KIND_WRITE, RANK_VIEWER,
	 "Change some fields (needs the current version)"},
	{HTTP_DELETE, "/api/v1/{kind}/{id}", api_entity_delete, API | R_CSRF | R_KIND_WRITE, RANK_VIEWER, "Delete"},
	{HTTP_GET, "/api/v1/{kind}/{id}/history", api_entity_history, API, RANK_VIEWER, "Who changed what, when"},
	{HTTP_GET, "/api/v1/{kind}/{id}/related", api_entity_related, API, RANK_VIEWER,
	 "What points at the object: every object of every kind that refers or links to it, by kind"},
	{HTTP_POST, "/api/v1/{kind}/{id}/watch", api_watch, API | R_CSRF, RANK_VIEWER,
	 "Follow the object: hear of its changes in your inbox"},
	{HTTP_DELETE, "/api/v1/{kind}/{id}/watch", api_watch, API | R_CSRF, RANK_VIEWER,
	 "Stop following the object (also what you own)"},

	/* pages */
	{HTTP_GET, "/", page_dashboard, PAGE, RANK_VIEWER, "Dashboard"},
	{HTTP_GET, "/strategy", page_strategy, PAGE, RANK_VIEWER, "Strategy and its history"},
	{HTTP_GET, "/strategy/brief", page_strategy_brief, PAGE, RANK_VIEWER,
	 "The strategy brief for everyone: strategy, goals with charts, the plan, roadmap, launches, positioning, wins "
	 "(printable, A4)"},
	{HTTP_GET, "/strategy/brief.md", page_strategy_brief_md, PAGE, RANK_VIEWER, "The strategy brief as Markdown"},
	{HTTP_GET, "/deck", page_deck, PAGE, RANK_VIEWER,
	 "The all-hands deck: one self-contained HTML file, a slide each for the vision, goals, plan, roadmap, launches "
	 "and wins"},
	{HTTP_GET, "/strategy/edit", page_strategy_edit, PAGE, RANK_LEADER, "Edit the strategy"},
	{HTTP_POST, "/strategy", page_strategy_save, FORM, RANK_LEADER, "Save the strategy"},
	{HTTP_GET, "/alignment", page_alignment, PAGE, RANK_VIEWER, "Alignment report"},
	{HTTP_GET, "/activity", page_activity, PAGE, RANK_VIEWER, "The activity feed"},
	{HTTP_GET, "/inbox", page_inbox, PAGE, RANK_VIEWER, "Your notifications (?unread=true), newest first"},
	{HTTP_POST, "/inbox/read", page_inbox_read, FORM, RANK_VIEWER, "Mark notifications read (ids, or all)"},
	{HTTP_GET, "/triage", page_triage, PAGE, RANK_VIEWER, "New requests beside the strategy"},
	{HTTP_GET, "/plan", page_plan, PAGE, RANK_VIEWER, "The plan for a period"},
	{HTTP_GET, "/settings/score", page_score_settings, PAGE, RANK_VIEWER, "The score formula's weights"},
	{HTTP_POST, "/settings/score", page_score_settings_save, FORM, RANK_LEADER, "Change the score weights"},
	/* pages: evidence, demand */
	{HTTP_GET, "/demand", page_demand, PAGE, RANK_VIEWER, "Demand concentration of the plan"},
	{HTTP_POST, "/demand/settings", page_demand_settings_save, FORM, RANK_LEADER, "Change the demand settings"},
	{HTTP_GET, "/calendar", page_calendar, PAGE, RANK_VIEWER, "Month view of launches and marketing activities"},
	{HTTP_GET, "/insights/import", page_import_form, PAGE, RANK_CONTRIBUTOR, "Import insights from CSV: upload"},
	{HTTP_POST, "/insights/import/preview", page_import_preview, FORM, RANK_CONTRIBUTOR,
	 "Import insights: the first rows with the proposed column mapping"},
	{HTTP_POST, "/insights/import", page_import_run, FORM, RANK_CONTRIBUTOR, "Import insights: the result"},
	/* pages: releases and launches */
	{HTTP_GET, "/settings/launches", page_launch_settings, PAGE, RANK_VIEWER,
	 "Launch settings: lead time per tier, the readiness bar, checklist templates"},
	{HTTP_POST, "/settings/launches", page_launch_settings_save, FORM, RANK_LEADER, "Change the launch settings"},
	{HTTP_GET, "/launches/{id}/brief", page_launch_brief, PAGE, RANK_VIEWER,
	 "A launch's sales enablement brief, printable (A4)"},
	{HTTP_GET, "/launches/{id}/brief.md", page_launch_brief_md, PAGE, RANK_VIEWER,
	 "A launch's sales enablement brief as a Markdown download"},
	/* pages: the PMM's documents */
	{HTTP_GET, "/prfaqs/{id}/print", page_prfaq_print, PAGE, RANK_VIEWER,
	 "A PR/FAQ, printable (A4): the press release and the FAQ on a sheet"},
	{HTTP_GET, "/competitors/{id}/battlecard", page_battlecard, PAGE, RANK_VIEWER,
	 "A competitor's battlecard, printable (A4)"},
	{HTTP_GET, "/journey", page_journey, PAGE, RANK_VIEWER,
	 "The journey map: stages × personas, what serves each cell, the gaps"},
	{HTTP_GET, "/releases/{id}/notes", page_release_notes, PAGE, RANK_VIEWER,
	 "A release's notes in customer words, grouped by segment"},
	{HTTP_GET, "/releases/{id}/notes.md", page_release_notes_md, PAGE, RANK_VIEWER,
	 "The release notes as a Markdown download"},
	{HTTP_GET, "/releases/{id}/reschedule", page_release_reschedule_form, PAGE, RANK_EDITOR,
	 "Reschedule a release: the launches a new date affects"},
	/* pages: the roadmap, share links */
	{HTTP_GET, "/roadmap", page_roadmap, PAGE, RANK_VIEWER,
	 "The roadmap: a timeline or a now/next/later board, grouped by goal, team or persona, filtered"},
	{HTTP_GET, "/roadmap.svg", page_roadmap_svg, PAGE, RANK_VIEWER, "The roadmap timeline alone, as an SVG file"},
	{HTTP_GET, "/share-links", page_share_links, PAGE, RANK_VIEWER, "Read-only share links of both kinds"},
	/* pages: the messaging ladder */
	{HTTP_GET, "/messaging", page_messaging, PAGE, RANK_VIEWER,
	 "The messaging ladder of a segment (?segment_id=), or two side by side (&compare=)"},
	/* pages: people */
	{HTTP_GET, "/users", page_users, PAGE, RANK_VIEWER, "People: everyone with their role and state; admins add"},
	{HTTP_GET, "/users/{id}", page_user, PAGE, RANK_VIEWER, "A person's profile: role, state, what they own"},
	{HTTP_GET, "/{kind}", page_entity_list, PAGE, RANK_VIEWER, "List"},
	{HTTP_GET, "/{kind}/new", page_entity_new, PAGE | R_KIND_WRITE, RANK_VIEWER, "New-object form"},
	{HTTP_POST, "/{kind}", page_entity_create, FORM | R_KIND_WRITE, RANK_VIEWER, "Create from the form"},
	{HTTP_GET, "/views/{id}", page_view_open, PAGE, RANK_VIEWER,
	 "Open a saved view: a redirect to its list with its query (re-checked; 404 for a private view of another)"},
	{HTTP_GET, "/{kind}/{id}", page_entity_show, PAGE, RANK_VIEWER, "Detail page"},
	{HTTP_GET, "/{kind}/{id}/edit", page_entity_edit, PAGE | R_KIND_WRITE, RANK_VIEWER, "Edit form"},
	{HTTP_POST, "/{kind}/{id}", page_entity_update, FORM | R_KIND_WRITE, RANK_VIEWER, "Save the edit form"},
	{HTTP_POST, "/{kind}/{id}/delete", page_entity_delete, FORM | R_KIND_WRITE, RANK_VIEWER, "Delete"},
	{HTTP_POST, "/webhooks/{id}/secret", page_webhook_secret, FORM, RANK_ADMIN,
	 "A new signing secret for the webhook, shown on the answer once (201, not cached)"},
	{HTTP_POST, "/{kind}/{id}/watch", page_watch, FORM, RANK_VIEWER, "Follow the object (on=1) or stop (on=0)"},
};

const struct route *routes = lines;
int routes_count = COUNT(lines);
static struct route *table; /* the actions' routes, then lines; built once at start-up */

void routes_init(void)
{
	if (table)
		return;
	table = calloc((size_t)(2 * actions_count) + COUNT(lines), sizeof *table);
	if (!table)
		die_oom();
	int n = 0;
	for (int i = 0; i < actions_count; i++) {
		const struct action *a = actions_all[i];
		unsigned body = a->flags & A_NO_BODY ? 0 : R_JSON;
		table[n++] = (struct route){a->method, a->api_path, api_action, R_API | R_CSRF | body, a->rank, a->summary, a};
		if (a->page_path)
			table[n++] = (struct route){HTTP_POST, a->page_path, page_action, FORM, a->rank, a->summary, a};
	}
	memcpy(table + n, lines, sizeof lines);
	routes = table;
	routes_count = n + (int)COUNT(lines);
}

void routes_shutdown(void)
{
	free(table);
	table = NULL;
	routes = lines;
	routes_count = COUNT(lines);
}
