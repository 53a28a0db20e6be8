/* approvals.c — PM and PMM sign-off for any kind that opts in (approvals.h): the state machine, the approvals
 * table with its history (cleared_at), the engine's hooks and the two actions' runs. */
#include "approvals.h"
#include <stdlib.h>
#include <string.h>
#include "platform/json_get.h"

const char *const approval_statuses[] = {"draft", "in_review", "approved", NULL};

static const struct field approval_members[] = {
	{"user_id", "Approver", FT_REF, F_REQUIRED, .ref = "users", .help = "Who approved"},
	{"role", "Role", FT_STRING, F_REQUIRED, 20, .help = "Their role when they approved: pm, pmm or leader"},
	{"version", "Version", FT_INT, F_REQUIRED, .help = "The object's version they approved"},
	{"at", "At", FT_TIMESTAMP, F_REQUIRED, .help = "When"},
};

const struct field approvals_field = {
	"approvals", "Approvals", FT_RECORDS, F_READONLY, 100, .sub = approval_members, .nsub = COUNT(approval_members),
	.help = "The current approvals (an edit or a change request clears them; the history keeps them)"};

const struct field approval_note_fields[] = {
	{"note", "What should change", FT_TEXT, F_REQUIRED, 2000, .help = "Said to the author; kept in the history"},
};

json_t *approvals_current(db *d, const char *kind, long long id)
{
	json_t *out = json_array();
	db_stmt *s = db_q(d, "SELECT user_id, role, version, at FROM approvals WHERE kind = ? AND object_id = ? AND "
	                     "cleared_at IS NULL ORDER BY id",
	                  "ti", kind, id);
	while (s && db_step(s) == DB_ROW)
		json_array_append_new(out, json_pack("{sosssIss}", "user_id", jcol_int(s, 0), "role", db_col_text(s, 1),
		                                     "version", (json_int_t)db_col_int(s, 2), "at", db_col_text(s, 3)));
	db_done(s);
	return out;
}

bool approvals_complete(json_t *approvals)
{
	int pm = 0, pmm = 0, leader = 0;
	size_t i;
	json_t *a;
	json_array_foreach(approvals, i, a)
	{
		const char *r = jget_str(a, "role");
		pm += str_eq(r, "pm"), pmm += str_eq(r, "pmm"), leader += str_eq(r, "leader");
	}
	/* two seats, pm and pmm, each taken by a different person; a leader may take either */
	return pm + leader >= 1 && pmm + leader >= 1 && pm + pmm + leader >= 2;
}

int approvals_check_status(const struct entity *e, json_t *out, json_t *base, struct err *err)
{
	if (!e->approvals)
		return 0;
	const char *to = jget_str(out, "status"), *from = base ? jget_str(base, "status") : NULL;
	if (str_eq(to, "approved") && !str_eq(from, "approved"))
		return err_invalid(err, "status",
		                   "status approved comes from approvals, not an edit: set in_review and ask a pm and a pmm "
		                   "to approve");
	return 0;
}

bool approvals_before_update(db *d, const struct entity *e, json_t *old, json_t *obj)
{
	bool content = false, any = false;
	for (int i = 0; i < e->nfields; i++) {
		const char *n = e->fields[i].name;
		json_t *a = json_object_get(old, n), *b = json_object_get(obj, n);
		if (json_equal(a ? a : json_null(), b ? b : json_null()))
			continue;
		any = true;
		content |= strcmp(n, "status") != 0;
	}
	bool approved = str_eq(jget_str(old, "status"), "approved");
	if (content && approved && str_eq(jget_str(obj, "status"), "approved"))
		json_object_set_new(obj, "status", json_string("in_review"));
	long long id = jget_int(old, "id");
	bool some = db_int(d, 0, "SELECT count(*) FROM approvals WHERE kind = ? AND object_id = ? AND cleared_at IS NULL",
	                   "ti", e->kind, id) > 0;
	return any && (some || approved);
}

int approvals_clear(db *d, const char *kind, long long id, long long actor, const char *reason)
{
	json_t *cur = approvals_current(d, kind, id);
	int rc = 0;
	if (json_array_size(cur)) {
		char now[21];
		now_rfc3339(now);
		rc = db_run(d, "UPDATE approvals SET cleared_at = ? WHERE kind = ? AND object_id = ? AND cleared_at IS NULL",
		            "tti", now, kind, id) == DB_OK ? 0 : -1;
		json_t *ch = json_pack("{sOss}", "approvals", cur, "reason", reason);
		if (rc == 0 && audit_write(d, actor, kind, id, "approvals cleared", ch) < 0)
			rc = -1;
		json_decref(ch);
	}
	json_decref(cur);
	return rc;
}

void approvals_decorate(db *d, const struct entity *e, json_t *obj)
{
	if (e->approvals)
		json_object_set_new(obj, "approvals", approvals_current(d, e->kind, jget_int(obj, "id")));
}

/* The one write of status outside an edit: a new version, audited as action. */
static int set_status(struct act *x, const struct entity *e, const char *to, const char *action)
{
	const char *from = jget_str(x->obj, "status");
	if (str_eq(from, to))
		return 0;
	char now[21];
	now_rfc3339(now);
	const char *sql = arena_printf(x->a, "UPDATE %s SET status = ?, updated_at = ?, version = version + 1 WHERE id = ?",
	                               e->table);
	if (db_run(x->d, sql, "tti", to, now, x->id) != DB_OK)
		return err_internal(x->err);
	json_t *ch = json_pack("{s{ssss}}", "status", "from", from, "to", to);
	int rc = audit_write(x->d, x->actor, e->kind, x->id, action, ch) < 0 ? err_internal(x->err) : 0;
	json_decref(ch);
	return rc;
}

/* The approver's role: pm, pmm or leader; else 403 (an admin, or a role below). */
static const char *approver_role(struct act *x, const char *what)
{
	struct user u;
	if (!users_get(x->d, x->a, x->actor, &u))
		return err_set(x->err, 403, "forbidden", NULL, "only a signed-in pm, pmm or leader %s", what), NULL;
	if (!str_eq(u.role, "pm") && !str_eq(u.role, "pmm") && !str_eq(u.role, "leader"))
		return err_set(x->err, 403, "forbidden", NULL,
		               "only a pm, a pmm or a leader %s (your role is %s; an admin administers the workspace and "
		               "signs nothing off)",
		               what, u.role),
		       NULL;
	return u.role;
}

int approvals_approve(struct act *x)
{
	const struct entity *e = entity_find(x->action->kind);
	const char *role = approver_role(x, "approves");
	if (!role)
		return -1;
	const char *status = jget_str(x->obj, "status");
	long long version = jget_int(x->obj, "version");
	if (str_eq(status, "draft"))
		return err_set(x->err, 409, "conflict", "status",
		               "the %s is a draft: set its status to in_review before it can be approved", e->one);
	if (str_eq(status, "approved"))
		return err_set(x->err, 409, "conflict", "status", "the %s is approved already (version %lld)", e->one, version);
	if (db_int(x->d, 0, "SELECT count(*) FROM approvals WHERE kind = ? AND object_id = ? AND user_id = ? AND "
	                    "cleared_at IS NULL",
	           "tii", e->kind, x->id, x->actor) > 0)
		return err_set(x->err, 409, "conflict", NULL, "you approved version %lld of this %s already", version, e->one);
	char now[21];
	now_rfc3339(now);
	if (db_run(x->d, "INSERT INTO approvals (kind, object_id, user_id, role, version, at) VALUES (?, ?, ?, ?, ?, ?)",
	           "tiitit", e->kind, x->id, x->actor, role, version, now) != DB_OK)
		return err_internal(x->err);
	x->audit = json_pack("{sssI}", "role", role, "version", (json_int_t)version);
	json_t *cur = approvals_current(x->d, e->kind, x->id);
	bool done = approvals_complete(cur);
	json_decref(cur);
	return done ? set_status(x, e, "approved", "approval complete") : 0;
}

int approvals_request_changes(struct act *x)
{
	const struct entity *e = entity_find(x->action->kind);
	if (!approver_role(x, "requests changes"))
		return -1;
	if (str_eq(jget_str(x->obj, "status"), "draft"))
		return err_set(x->err, 409, "conflict", "status", "the %s is a draft: nothing is in review yet", e->one);
	if (approvals_clear(x->d, e->kind, x->id, x->actor, jget_str(x->in, "note")) < 0)
		return err_internal(x->err);
	return set_status(x, e, "in_review", "returned to review");
}

int approvals_forget(db *d, const char *kind, long long id)
{
	return db_run(d, "DELETE FROM approvals WHERE kind = ? AND object_id = ?", "ti", kind, id);
}
