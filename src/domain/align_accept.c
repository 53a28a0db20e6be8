/* align_accept.c — working through the report: each finding's owner (derived from its kind's F_OWNER fields),
 * findings accepted as a known risk until a date (out of the score while accepted), and the score's daily history. */
#include <string.h>
#include "align.h"
#include "model/action.h"
#include "model/entity.h"
#include "model/queries.h"
#include "model/users.h"
#include "platform/json_get.h"
#include "platform/util.h"

/* The owner of (kind, id): its first F_OWNER field that is set, 0 for none (or a kind with no such field). */
static long long owner_of(db *d, arena *a, const struct entity *e, long long id)
{
	buf b;
	buf_init(&b);
	int n = 0;
	for (int i = 0; i < e->nfields; i++)
		if ((e->fields[i].flags & F_OWNER) && e->fields[i].type == FT_REF)
			buf_rawf(&b, "%s%s", n++ ? ", " : "", e->fields[i].name);
	long long owner = 0;
	if (n) /* program-owned names from the descriptor; the same text each time for a kind, so cached */
		owner = db_int(d, 0,
		               arena_printf(a, n > 1 ? "SELECT coalesce(%s) FROM %s WHERE id = ?" : "SELECT %s FROM %s WHERE id = ?",
		                            buf_str(&b), e->table),
		               "i", id);
	buf_free(&b);
	return owner;
}

void align_set_owners(db *d, struct align_report *r)
{
	for (int i = 0; i < r->n; i++) {
		struct finding *f = &r->items[i];
		const struct entity *e = f->id > 0 ? entity_find(f->kind) : NULL;
		f->owner = e ? owner_of(d, r->a, e, f->id) : 0;
	}
}

void align_apply_accepted(db *d, struct align_report *r)
{
	db_stmt *s = db_q(d,
	                  "SELECT id, rule, kind, object_id, reason, until, accepted_by, accepted_at FROM alignment_accepted "
	                  "WHERE revoked_at IS NULL AND until >= ? ORDER BY id",
	                  "t", r->today);
	while (s && db_step(s) == DB_ROW) {
		const char *rule = db_col_text(s, 1), *kind = db_col_text(s, 2);
		long long oid = db_col_int(s, 3);
		for (int i = 0; i < r->n; i++) {
			struct finding *f = &r->items[i];
			if (f->id != oid || strcmp(f->rule, rule) || strcmp(f->kind, kind))
				continue;
			if (!r->accepted)
				r->accepted = arena_alloc(r->a, (size_t)r->n * sizeof *r->accepted);
			struct finding *acc = &r->accepted[r->nacc++];
			*acc = *f;
			acc->accepted_id = db_col_int(s, 0);
			acc->reason = arena_strdup(r->a, db_col_text(s, 4));
			acc->until = arena_strdup(r->a, db_col_text(s, 5));
			acc->accepted_by = db_col_int(s, 6);
			acc->accepted_at = arena_strdup(r->a, db_col_text(s, 7));
			memmove(f, f + 1, (size_t)(r->n - i - 1) * sizeof *f);
			r->n--;
			break;
		}
	}
	db_done(s);
}

static const struct field accept_fields[] = {
	{"rule", "Rule", FT_STRING, F_REQUIRED, 64, .help = "The finding's rule, e.g. goal-no-pmm-owner"},
	{"kind", "Kind", FT_STRING, F_REQUIRED, 64, .help = "The kind of the finding's object, e.g. goals"},
	{"id", "Object", FT_INT, F_REQUIRED, 0, 0, 1e15, .help = "The finding's object (0: the workspace)"},
	{"reason", "Reason", FT_TEXT, F_REQUIRED, 1000, .help = "Why the risk is accepted"},
	{"until", "Until", FT_DATE, F_REQUIRED, .help = "The last day it stays accepted: from today to a year on"},
};

static json_t *acceptance_json(db *d, arena *a, db_stmt *s, const char *today)
{
	json_t *o = json_pack("{sIsssssIssss}", "id", (json_int_t)db_col_int(s, 0), "rule", db_col_text(s, 1), "kind",
	                      db_col_text(s, 2), "object_id", (json_int_t)db_col_int(s, 3), "reason", db_col_text(s, 4),
	                      "until", db_col_text(s, 5));
	json_object_set_new(o, "active", json_boolean(strcmp(db_col_text(s, 5), today) >= 0));
	json_object_set_new(o, "accepted_by", jcol_int(s, 6));
	const char *by = db_col_null(s, 6) ? NULL : users_name(d, a, db_col_int(s, 6));
	json_object_set_new(o, "accepted_by_name", by ? json_string(by) : json_null());
	json_object_set_new(o, "accepted_at", json_string(db_col_text(s, 7)));
	return o;
}

#define ACCEPTED_COLS "SELECT id, rule, kind, object_id, reason, until, accepted_by, accepted_at FROM alignment_accepted "

/* Accept the finding named by rule, kind and id as a known risk until a date. */
static int accept(struct act *x)
{
	const char *rule = jget_str(x->in, "rule"), *kind = jget_str(x->in, "kind"), *until = jget_str(x->in, "until");
	long long id = jget_int(x->in, "id");
	char today[11], last[11], now[21];
	today_ymd(today);
	if (!align_rule_find(rule))
		return err_invalid(x->err, "rule", "no alignment rule %s", rule);
	if (strcmp(until, today) < 0)
		return err_invalid(x->err, "until", "until must be today (%s) or later", today);
	date_add(today, 365, last);
	if (strcmp(until, last) > 0)
		return err_invalid(x->err, "until", "until must be at most a year away (%s)", last);
	struct align_report r;
	align_run(x->d, x->a, today, &r);
	for (int i = 0; i < r.nacc; i++)
		if (r.accepted[i].id == id && !strcmp(r.accepted[i].rule, rule) && !strcmp(r.accepted[i].kind, kind))
			return err_set(x->err, 409, "conflict", "id", "this finding is accepted already (until %s)",
			               r.accepted[i].until);
	bool found = false;
	for (int i = 0; i < r.n && !found; i++)
		found = r.items[i].id == id && !strcmp(r.items[i].rule, rule) && !strcmp(r.items[i].kind, kind);
	if (!found)
		return err_invalid(x->err, "id", "no finding %s on %s %lld now", rule, kind, id);
	now_rfc3339(now);
	if (db_run(x->d,
	           "INSERT INTO alignment_accepted(rule, kind, object_id, reason, until, accepted_by, accepted_at) "
	           "VALUES (?, ?, ?, ?, ?, ?, ?)",
	           "ttitt" "it", rule, kind, id, jget_str(x->in, "reason"), until, x->actor, now) != DB_OK)
		return err_internal(x->err);
	x->id = db_last_id(x->d);
	db_stmt *s = db_q(x->d, ACCEPTED_COLS "WHERE id = ?", "i", x->id);
	if (s && db_step(s) == DB_ROW)
		x->out = acceptance_json(x->d, x->a, s, today);
	db_done(s);
	x->redirect = "/alignment#accepted";
	return x->out ? 0 : err_internal(x->err);
}

const struct action align_accept_action = {
	.name = "alignment-accept", .one = "an acceptance", .verb = "accepted", .audit_kind = "alignment-accepted",
	.method = HTTP_POST, .api_path = "/api/v1/alignment/accepted", .page_path = "/alignment/accepted",
	.rank = RANK_EDITOR, .flags = A_AUDIT | A_CREATED, .fields = accept_fields, .nfields = COUNT(accept_fields),
	.summary = "Accept a finding as a known risk until a date: it leaves the findings and the score meanwhile",
	.answer = "AlignmentAccepted", .button = "Accept as a risk", .run = accept,
};

/* Revoke an acceptance ({id}): its finding counts again. */
static int revoke(struct act *x)
{
	char now[21];
	now_rfc3339(now);
	if (db_run(x->d, "UPDATE alignment_accepted SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL", "ti", now,
	           x->id) != DB_OK)
		return err_internal(x->err);
	if (db_changes(x->d) != 1)
		return err_not_found(x->err, "no accepted finding with id %lld", x->id);
	x->redirect = "/alignment#accepted";
	return 0;
}

const struct action align_accept_revoke_action = {
	.name = "alignment-accept-revoke", .one = "a revocation", .verb = "revoked", .audit_kind = "alignment-accepted",
	.method = HTTP_DELETE, .api_path = "/api/v1/alignment/accepted/{id}", .page_path = "/alignment/accepted/{id}/revoke",
	.rank = RANK_EDITOR, .flags = A_AUDIT | A_EMPTY | A_NO_BODY,
	.summary = "Revoke a finding's acceptance: it counts in the findings and the score again", .button = "Revoke",
	.run = revoke,
};

json_t *align_accepted_list(db *d, const char *today)
{
	arena *a = arena_new();
	json_t *items = json_array();
	db_stmt *s = db_q(d, ACCEPTED_COLS "WHERE revoked_at IS NULL ORDER BY id DESC", "");
	while (s && db_step(s) == DB_ROW)
		json_array_append_new(items, acceptance_json(d, a, s, today));
	db_done(s);
	arena_free(a);
	return json_pack("{so}", "items", items);
}

int align_history_put(db *d, const char *day, int score, int count)
{
	char now[21];
	now_rfc3339(now);
	return query_run(d, Q_ALIGN_HISTORY_PUT, "tiit", day, (long long)score, (long long)count, now) == DB_OK ? 0 : -1;
}

int align_history_record(db *d, const struct align_report *r)
{
	int score = align_score(r);
	db_stmt *s = db_q(d, "SELECT score, count FROM alignment_history WHERE day = ?", "t", r->today);
	bool same = s && db_step(s) == DB_ROW && db_col_int(s, 0) == score && db_col_int(s, 1) == r->n;
	db_done(s);
	return same ? 0 : align_history_put(d, r->today, score, r->n);
}

json_t *align_history(db *d, const char *today, int days)
{
	char from[11];
	date_add(today, -(long)(days - 1), from);
	json_t *out = json_array();
	db_stmt *s = db_q(d, "SELECT day, score FROM alignment_history WHERE day >= ? AND day <= ? ORDER BY day", "tt",
	                  from, today);
	while (s && db_step(s) == DB_ROW)
		json_array_append_new(out, json_pack("{sssI}", "day", db_col_text(s, 0), "score", (json_int_t)db_col_int(s, 1)));
	db_done(s);
	return out;
}
