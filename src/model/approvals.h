/* approvals.h — PM and PMM sign-off, a generic part of the engine: a kind that opts in has a status
 * draft|in_review|approved; people move it between draft and in_review by editing; only approvals make it approved,
 * when one pm and one pmm (a leader may stand for either; two different people) have approved its current version;
 * any edit after an approval clears the approvals (kept, with cleared_at, and audited) and returns an approved
 * object to in_review; request-changes (a note) does the same on purpose.
 *
 * How a kind opts in (prfaqs, say), three lines:
 *   1. its descriptor: `.approvals = true` in struct entity, and the field APPROVAL_STATUS_FIELD among its fields
 *      (a column `status TEXT NOT NULL DEFAULT 'draft'` in its migration); the engine then refuses "approved" from
 *      create and edit (400 naming status), clears approvals on a change, adds `approvals` to the object's JSON and
 *      to its OpenAPI schema, and its page shows the approvals section with the two forms;
 *   2. its action rows, beside the descriptor: `APPROVAL_ACTIONS(prfaqs, "prfaqs");` (declare them in its header
 *      with `extern const struct action prfaqs_approve_action, prfaqs_request_changes_action;`);
 *   3. in src/app/actions.c: `&prfaqs_approve_action, &prfaqs_request_changes_action,` in actions_all.
 * Routes (POST /api/v1/prfaqs/{id}/approve and .../request-changes, and the page forms), the API handler and the
 * OpenAPI entries derive from the rows. Who approves: pm, pmm, leader (the action's rank lets editors in; the run
 * refuses an admin, whose role administers the workspace and signs nothing off: 403). */
#ifndef TANDEM_APPROVALS_H
#define TANDEM_APPROVALS_H
#include <jansson.h>
#include <stdbool.h>
#include "action.h"
#include "users.h"

extern const char *const approval_statuses[]; /* draft, in_review, approved; NULL-terminated */

#define APPROVAL_STATUS_FIELD                                                                                    \
	{"status", "Status", FT_ENUM, F_REQUIRED | F_LISTED | F_FILTER | F_SORT, .choices = approval_statuses,         \
	 .dflt = "\"draft\"", .engine_choice = "approved",                                                              \
	 .help = "draft or in_review, as you choose; approved only when a pm and a pmm have approved this version"}

/* The approvals member of the object's JSON, described for the API document (a read-only list). */
extern const struct field approvals_field;

/* The object is deleted: its approvals go with it (its audit trail keeps what it was). DB_OK or an error. */
int approvals_forget(db *d, const char *kind, long long id);
/* The current (not cleared) approvals of an object, oldest first: [{user_id, role, version, at}] (new). */
json_t *approvals_current(db *d, const char *kind, long long id);
/* Do these approvals ([{role}], distinct people) make the object approved: a pm and a pmm, a leader standing for
 * either? */
bool approvals_complete(json_t *approvals);

/* The engine's hooks (entity_validate, entity_update_as, entity_finish). The status the input asks for is
 * refused when it is "approved" and the object (base; NULL when new) was not: -1 with err naming status. */
int approvals_check_status(const struct entity *e, json_t *out, json_t *base, struct err *err);
/* Before an edit's row is written: does it clear the approvals (something changed while there are some, or the
 * object was approved)? When the content changed an approved object goes back to in_review (obj's status). */
bool approvals_before_update(db *d, const struct entity *e, json_t *old, json_t *obj);
/* Clear the object's current approvals (cleared_at = now) and write one audit row "approvals cleared" with
 * {approvals, reason} when there were some; 0, or -1 on a database failure. */
int approvals_clear(db *d, const char *kind, long long id, long long actor, const char *reason);
/* Adds "approvals" to an object's JSON. */
void approvals_decorate(db *d, const struct entity *e, json_t *obj);

/* The runs of the two actions (shared by every kind's rows). */
int approvals_approve(struct act *x);
int approvals_request_changes(struct act *x);
extern const struct field approval_note_fields[];
enum { APPROVAL_NOTE_FIELDS = 1 };

/* The two action rows of kind KIND (a string literal), named NAME_approve_action and NAME_request_changes_action. */
#define APPROVAL_ACTIONS(NAME, KIND)                                                                              \
	const struct action NAME##_approve_action = {                                                                 \
		.name = "approve", .one = "an approval", .verb = "approved", .kind = KIND, .method = HTTP_POST,           \
		.api_path = "/api/v1/" KIND "/{id}/approve", .page_path = "/" KIND "/{id}/approve", .rank = RANK_EDITOR,    \
		.flags = A_IF_VERSION | A_AUDIT | A_OBJECT, .input = "ApproveInput", .button = "Approve this version",     \
		.summary = "Approve the current version (pm, pmm or leader; it must be in review): approved once a pm and " \
		           "a pmm have",                                                                                   \
		.conflict = "Not in review (a draft, or approved already), or you approved this version already",        \
		.run = approvals_approve};                                                                                \
	const struct action NAME##_request_changes_action = {                                                         \
		.name = "request-changes", .one = "a change request", .verb = "requested changes", .kind = KIND,          \
		.method = HTTP_POST, .api_path = "/api/v1/" KIND "/{id}/request-changes",                                 \
		.page_path = "/" KIND "/{id}/request-changes", .rank = RANK_EDITOR, .flags = A_IF_VERSION | A_AUDIT | A_OBJECT, \
		.fields = approval_note_fields, .nfields = APPROVAL_NOTE_FIELDS, .input = "RequestChangesInput",          \
		.button = "Request changes",                                                                              \
		.summary = "Ask for changes with a note (pm, pmm or leader): back to in review, the approvals cleared",   \
		.conflict = "A draft: nothing is in review", .run = approvals_request_changes}
#endif
