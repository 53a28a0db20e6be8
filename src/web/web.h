/* web.h — the server-rendered pages (one file per page or page family) and their shared layout. */
#ifndef TANDEM_WEB_H
#define TANDEM_WEB_H
#include "platform/db.h"
#include "platform/err.h"
#include "platform/http.h"

struct entity;

/* layout.c — the page chrome; every page is built between page_begin and page_end. */
void page_begin(request *rq, response *rs, const char *title, const char *nav);
void page_end(request *rq, response *rs);
void page_error(request *rq, response *rs, int status, const char *message);
void form_csrf(request *rq, buf *b);     /* the hidden CSRF field of a POST form */
/* The headers of every HTML page (status 200 unless set, type, content security policy, no caching);
 * page_begin sends them, and so does a page with chrome of its own (the printable brief). */
void page_headers(response *rs);
void page_static(request *rq, response *rs);

/* page_login.c */
void page_login_form(request *rq, response *rs);
void page_login_submit(request *rq, response *rs);
void page_logout(request *rq, response *rs);

/* page_invite.c — an invitation link: choose a password and be signed in, or a page saying why the link is not valid */
void page_invite_form(request *rq, response *rs);
void page_invite_submit(request *rq, response *rs);

/* page_people.c — the people list, a person's profile; what a person owns as a list of counts linking to the lists
 * (empty: the sentence when they own nothing) */
void page_users(request *rq, response *rs);
void page_user(request *rq, response *rs);
void owned_list(request *rq, buf *b, long long user_id, const char *empty);

/* page_dashboard.c */
void page_dashboard(request *rq, response *rs);

/* page_strategy.c */
void page_strategy(request *rq, response *rs);
void page_strategy_edit(request *rq, response *rs);
void page_strategy_save(request *rq, response *rs);

/* page_alignment.c */
void page_alignment(request *rq, response *rs);
/* The score, the tally and findings worst first (max_findings <= 0: all); the dashboard shows a few. */
void alignment_summary(request *rq, buf *b, int max_findings);

/* page_action.c — every action's page face: redirect, or the page again with the form's message; the actions
 * whose pages do more (struct action_page, action_form.h), each defined beside its page */
void page_action(request *rq, response *rs);
struct action_page;
extern const struct action_page triage_page_face, evidence_link_page, evidence_unlink_page, reschedule_page,
    share_link_create_page, share_link_revoke_page, plan_apply_page, checklist_tick_page,
    align_accept_page, insights_bulk_page, user_add_page, user_role_page, user_notify_page, user_deactivate_page, user_reactivate_page,
    user_invite_page, user_invite_revoke_page;

/* A goal's line chart of its measurements ms (goal_measurements) with its target and baseline (page_goal.c). */
void goal_chart(arena *a, buf *b, json_t *goal, json_t *ms);

/* deck.c — the all-hands deck: a whole self-contained HTML document into b (its CSS and script inline); and the
 * Content-Security-Policy that lets exactly those run when it is served. */
void deck_document(db *d, arena *a, const char *today, buf *b);
void deck_csp(char *out, size_t n);
void page_deck(request *rq, response *rs);

/* page_strategy_brief.c — the strategy brief, printable on A4, and its Markdown */
void page_strategy_brief(request *rq, response *rs);
void page_strategy_brief_md(request *rq, response *rs);

/* Per-kind additions to the generic pages (page_goal.c for goals). */
struct field;
struct kind_page {
	const char *kind;
	const char *list_head;  /* heading of an extra list column; NULL for none */
	/* Load what the extra column needs for every listed object at once; returns a context. */
	void *(*list_prepare)(request *rq, json_t *items);
	void (*list_cell)(request *rq, buf *b, json_t *obj, void *ctx);
	/* More buttons beside "New" and "Export CSV" on the list page; NULL for none. */
	void (*list_actions)(request *rq, buf *b);
	/* Drawn above the list's table (e.g. a chart of the listed objects); NULL for nothing. */
	void (*list_before)(request *rq, buf *b, json_t *items, void *ctx);
	/* Sections after an object's fields on its page (charts, actions, revisions). failed_form names
	 * the action form whose submission failed with err (re-shown with the message), else NULL. */
	void (*show_extra)(request *rq, buf *b, json_t *obj, const char *failed_form, const struct err *err);
	/* The list page's order when none is asked for (NULL: the kind's default_sort), as ?sort= says it. */
	const char *page_sort;
	/* A list filter (struct list_filter) the list page applies as false unless the page is asked for all
	 * (?all=1, a checkbox labelled show_all) or filtered by that filter or the field unless_field. */
	const char *hide_filter, *unless_field, *show_all;
	/* Does the object's page show field f (NULL: every field)? A message's positioning parts, for one. */
	bool (*show_field)(json_t *obj, const struct field *f);
	/* Drawn atop the new (obj NULL) and edit forms, after the error summary; NULL for nothing. */
	void (*form_extra)(request *rq, buf *b, json_t *obj);
};
extern const struct kind_page goal_page, feature_page, insight_page, launch_page, release_page, message_page,
    prfaq_page, competitor_page, decision_page, webhook_page;
/* page_webhook.c — a new webhook secret, shown on this answer once */
void page_webhook_secret(request *rq, response *rs);
/* page_approvals.c — the approvals section of a kind with approvals: state, who approved, the two forms */
void approvals_section(request *rq, buf *b, const struct entity *e, json_t *obj);
/* page_messaging.c — a segment's messaging ladder (?segment_id=), or two side by side (&compare=) */
void page_messaging(request *rq, response *rs);
/* page_related.c — the "Referenced by" section of an object's page: what points at it, by kind */
void related_section(request *rq, buf *b, const struct entity *e, long long id);
/* The object's comments, threaded, with the forms to comment, reply and resolve (page_discussion.c). */
void discussion_section(request *rq, buf *b, const struct entity *e, long long id);
/* The object's review requests, the answer and cancel forms where the user may, "Request a review" (page_reviews.c). */
void reviews_section(request *rq, buf *b, const struct entity *e, long long id);

/* page_inbox.c — your notifications; following an object (the detail page's Follow button) */
void page_inbox(request *rq, response *rs);
void page_inbox_read(request *rq, response *rs);
void page_watch(request *rq, response *rs);
void follow_button(request *rq, buf *b, const struct entity *e, long long id, json_t *obj);

/* page_activity.c — the activity feed, its dashboard card, and one audit row's changes as a line */
void page_activity(request *rq, response *rs);
void activity_card(request *rq, buf *b, int n);
void audit_changes(request *rq, buf *b, const struct entity *e, const char *action, json_t *changes);

/* page_launch.c — the dashboard's card of open launches in the next days, with readiness and conflicts */
void launches_upcoming_card(request *rq, buf *b, int days);
/* A table of the launches of a release or a feature (link, tier, date, status); false when there are none
 * (nothing written). */
enum launches_by;
bool launches_table(request *rq, buf *b, enum launches_by by, long long id, const char *table_id);
/* On a feature's page: the launches that announce it (nothing when none do). */
void feature_launches_section(request *rq, buf *b, long long feature_id);

/* page_launch_messaging.c — a launch's PR/FAQs and its segments' positioning with their approval state (writer:
 * the links that write a missing one) */
void launch_messaging_section(request *rq, buf *b, json_t *o, bool writer);

/* page_launch_settings.c — lead time per tier, the readiness bar, the checklist templates */
void page_launch_settings(request *rq, response *rs);
void page_launch_settings_save(request *rq, response *rs);

/* page_release.c — moving a release's date: the preview (what launches move), and the move */
void page_release_reschedule_form(request *rq, response *rs);
void page_release_notes(request *rq, response *rs);
void page_share_changelog(request *rq, response *rs);
void page_share_changelog_atom(request *rq, response *rs);
void page_release_notes_md(request *rq, response *rs);

/* page_feature.c — the triage queue (the triage and merge forms are actions: action_form.h) */
void page_triage(request *rq, response *rs);

/* page_settings.c — the score formula's weights */
void page_score_settings(request *rq, response *rs);
void page_score_settings_save(request *rq, response *rs);

/* page_plan.c — the plan: capacity, chosen and cut features, and applying it */
void page_plan(request *rq, response *rs);

/* page_evidence.c — linking insights to features from pages; page_demand.c — demand concentration */
void page_demand(request *rq, response *rs);
void page_demand_settings_save(request *rq, response *rs);

/* page_import.c — importing insights from CSV: upload, preview with the proposed mapping, result */
void page_import_form(request *rq, response *rs);
void page_import_preview(request *rq, response *rs);
void page_import_run(request *rq, response *rs);

/* page_brief.c — a launch's sales enablement brief: the printable page and its Markdown download */
void page_launch_brief(request *rq, response *rs);
void page_launch_brief_md(request *rq, response *rs);
/* The brief's Markdown md rendered as a whole HTML document titled after the launch; standalone (a file from
 * the CLI): the stylesheet inline and no links back into Tandem. */
void brief_document(buf *b, long long launch_id, const char *title, const char *md, const char *today,
                    bool standalone);

/* print_sheet.c — the chrome of a printable A4 sheet with brief.css: a bar back into Tandem (never printed), the
 * sheet's head (brand and head_note) before the content, and its foot after. Every string is escaped. */
struct sheet {
	const char *title, *kind_label;        /* the document's title: "PR/FAQ: <headline>" */
	const char *body_class;                /* the body's class beside "brief" */
	const char *back_href, *back_label;    /* the object's page */
	const char *markdown_href;             /* a Markdown version, or NULL */
	const char *head_note;                 /* the right of the sheet's head: "Press release · draft" */
};
void sheet_begin(request *rq, response *rs, const struct sheet *s);
void sheet_end(request *rq, response *rs, const char *foot);

/* page_prfaq.c — a PR/FAQ printable (press release and FAQ on an A4 sheet); page_battlecard.c — a competitor's
 * battlecard, printable; page_journey.c — the journey map */
void page_prfaq_print(request *rq, response *rs);
void page_battlecard(request *rq, response *rs);
void page_journey(request *rq, response *rs);

/* page_calendar.c — the month view of launches and activities; the calendar feed at a share link */
void page_calendar(request *rq, response *rs);
void page_share_calendar(request *rq, response *rs);

/* page_roadmap.c — the roadmap (timeline or board, grouped, filtered), the timeline as an SVG file, and the
 * read-only roadmap at a share link */
void page_roadmap(request *rq, response *rs);
void page_roadmap_svg(request *rq, response *rs);
void page_share_roadmap(request *rq, response *rs);
/* page_share_links.c — share links from pages: list, make (the address shown once), revoke */
void page_share_links(request *rq, response *rs);
/* The roadmap page's section for editors: the kind's active links, revoke buttons, the form for a new one. */
void share_links_section(request *rq, buf *b, const char *kind);

/* page_entity.c — list, detail, new/edit forms and delete for every described kind */
void page_entity_list(request *rq, response *rs);
/* page_views.c: saved views above a list (args: the list's set query arguments), opening one, the dashboard's */
void views_strip(request *rq, buf *b, const struct entity *e, struct kv *args);
void page_view_open(request *rq, response *rs);
void views_card(request *rq, buf *b);
void page_entity_new(request *rq, response *rs);
void page_entity_create(request *rq, response *rs);
void page_entity_show(request *rq, response *rs);
/* The detail page again after an action form on it failed (status from err). */
void page_entity_show_failed(request *rq, response *rs, const struct entity *e, long long id, const char *form,
                             const struct err *err);
void page_entity_edit(request *rq, response *rs);
void page_entity_update(request *rq, response *rs);
void page_entity_delete(request *rq, response *rs);
#endif
