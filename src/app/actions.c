/* actions.c — the one table of actions: every verb beyond create, read, update and delete. Each row is defined
 * beside its function (model/ or domain/); its routes, forms' handling, checks and OpenAPI entries derive from it. */
#include "model/action.h"
#include "domain/align.h"
#include "domain/evidence.h"
#include "domain/insights_bulk.h"
#include "domain/launch.h"
#include "domain/plan_db.h"
#include "domain/triage.h"
#include "model/comments.h"
#include "model/decisions.h"
#include "model/goals.h"
#include "model/invitations.h"
#include "model/launches.h"
#include "model/messages.h"
#include "model/notifications.h"
#include "model/prfaqs.h"
#include "model/reviews.h"
#include "model/share_links.h"
#include "model/user_admin.h"
#include "model/webhooks.h"

const struct action *const actions_all[] = {
	&goal_measure_action,
	&goal_target_action,
	&goal_review_action,
	&goal_link_feature_action,
	&triage_action,
	&merge_action,
	&evidence_link_action,
	&evidence_unlink_action,
	&insights_bulk_action,
	&reschedule_action,
	&share_link_create_action,
	&share_link_revoke_action,
	&plan_action,
	&plan_apply_action,
	&checklist_tick_action,
	&align_accept_action,
	&align_accept_revoke_action,
	&user_add_action,
	&user_role_action,
	&user_deactivate_action,
	&user_reactivate_action,
	&user_invite_action,
	&user_invite_revoke_action,
	&messages_approve_action,
	&messages_request_changes_action,
	&prfaqs_approve_action,
	&prfaqs_request_changes_action,
	&decision_escalate_action,
	&decision_decide_action,
	&decision_reverse_action,
	&review_answer_action,
	&review_cancel_action,
	&comment_resolve_action,
	&webhook_rotate_action,
	&webhook_test_action,
	&webhook_retry_action,
	&user_notify_action,
};
const int actions_count = COUNT(actions_all);
