/* api.h — the JSON API handlers (one file per resource; api_entity.c serves every described kind). */
#ifndef TANDEM_API_H
#define TANDEM_API_H
#include "platform/http.h"

/* api_entity.c — /api/v1/{kind}[/{id}] for every kind in entity_all */
void api_entity_list(request *rq, response *rs);
void api_entity_csv(request *rq, response *rs);
void api_entity_get(request *rq, response *rs);
void api_entity_create(request *rq, response *rs);
void api_entity_patch(request *rq, response *rs);
void api_entity_delete(request *rq, response *rs);
void api_entity_history(request *rq, response *rs);
void api_entity_related(request *rq, response *rs);
void api_activity(request *rq, response *rs); /* the workspace's activity feed */
/* The search snippets of listed objects (the model's "snippet", matches between \x02 and \x03) as the API answers
 * them: "snippet_html", text escaped and matches in <mark>. */
void api_snippets_html(json_t *items);

/* api_settings.c — every setting group: GET and PUT /api/v1/settings/{setting} */
void api_setting_get(request *rq, response *rs);
void api_setting_put(request *rq, response *rs);

/* api_action.c — every action's answer (the dispatcher runs the action) */
void api_action(request *rq, response *rs);

/* api_launches.c — readiness and conflicts, rescheduling a release, the launch settings */
void api_launch_readiness(request *rq, response *rs);
void api_release_reschedule_preview(request *rq, response *rs);

/* api_session.c */
void api_healthz(request *rq, response *rs);
void api_session_create(request *rq, response *rs);
void api_session_get(request *rq, response *rs);
void api_session_delete(request *rq, response *rs);

/* api_people.c — users and API tokens */
void api_users_list(request *rq, response *rs);
void api_user_get(request *rq, response *rs);
void api_tokens_list(request *rq, response *rs);
void api_tokens_create(request *rq, response *rs);
void api_tokens_delete(request *rq, response *rs);

/* api_notifications.c — the signed-in person's inbox, and following any object */
void api_notifications_list(request *rq, response *rs);
void api_notifications_read(request *rq, response *rs);
void api_watch(request *rq, response *rs); /* POST follows, DELETE stops */

/* api_webhooks.c — a webhook's deliveries */
void api_webhook_deliveries(request *rq, response *rs);

/* api_strategy.c */
void api_strategy_get(request *rq, response *rs);
void api_strategy_put(request *rq, response *rs);
void api_strategy_revisions(request *rq, response *rs);

/* api_goals.c — what goals have beyond the generic kind */
void api_goal_measurements(request *rq, response *rs);
void api_goal_revisions(request *rq, response *rs);

/* api_workspace.c */
void api_getting_started(request *rq, response *rs);
void api_user_owned(request *rq, response *rs);
/* api_alignment.c */
void api_alignment(request *rq, response *rs);
void api_alignment_accepted(request *rq, response *rs);

/* api_plan.c — score weights, a feature's score (the plan and applying it: actions, domain/plan_db.c) */
void api_feature_score(request *rq, response *rs);

/* api_evidence.c — a feature's evidence, suggestions, demand concentration and its settings (linking: actions) */
void api_feature_evidence(request *rq, response *rs);
void api_feature_suggestions(request *rq, response *rs);
void api_feature_gate(request *rq, response *rs);
void api_insight_features(request *rq, response *rs);
void api_insight_suggestions(request *rq, response *rs);
void api_demand(request *rq, response *rs);

/* api_import.c — insights imported from a CSV body */
void api_insights_import(request *rq, response *rs);

/* api_brief.c — a launch's sales enablement brief as Markdown and HTML */
void api_launch_brief(request *rq, response *rs);

/* api_prfaq.c — a PR/FAQ as Markdown, a competitor's battlecard, the journey map */
void api_prfaq_markdown(request *rq, response *rs);
void api_competitor_battlecard(request *rq, response *rs);
void api_journey(request *rq, response *rs);

/* api_calendar.c — the launch calendar as iCalendar */
void api_calendar_ics(request *rq, response *rs);
void api_export(request *rq, response *rs);
void api_release_notes(request *rq, response *rs);
void api_release_notes_md(request *rq, response *rs);
void api_import(request *rq, response *rs);

/* api_messaging.c — a segment's messaging ladder (?segment_id=) as a tree; a message's lint */
void api_messaging(request *rq, response *rs);
void api_message_lint(request *rq, response *rs);
/* api_roadmap.c — the roadmap as JSON; read-only share links (roadmap, calendar feed) */
void api_roadmap(request *rq, response *rs);
void api_share_links_list(request *rq, response *rs);

/* api_openapi.c */
void api_openapi(request *rq, response *rs);
#endif
