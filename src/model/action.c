/* action.c — running an action: the object, the input checked by the fields' validator, the version, the
 * action's function, the audit row; the same way for a request and for the demo, the CLI and tests. */
#include "action.h"
#include <string.h>
#include "users.h"

const struct action *action_find(const char *name)
{
	for (int i = 0; name && i < actions_count; i++)
		if (!strcmp(actions_all[i]->name, name))
			return actions_all[i];
	return NULL;
}

void act_free(struct act *x)
{
	json_decref(x->obj), json_decref(x->in), json_decref(x->out), json_decref(x->audit);
	x->obj = x->in = x->out = x->audit = NULL;
}

int action_invoke(db *d, arena *a, const struct action *ac, long long actor, int rank, long long id, long long sub,
                  json_t *raw, long long version, const char *origin, struct act *x, struct err *err)
{
	*x = (struct act){.action = ac, .d = d, .a = a, .actor = actor, .rank = rank, .id = id, .sub = sub,
	                  .origin = origin, .err = err};
	const struct entity *e = ac->kind ? entity_find(ac->kind) : NULL;
	if (e && !(x->obj = entity_get(d, e, id)))
		return err_set(err, 404, "not_found", ac->missing_field, "no %s with id %lld", e->one, id);
	json_t *none = json_object();
	x->raw = (ac->flags & A_NO_BODY) || !raw ? none : raw;
	x->in = fields_validate(d, ac->fields, ac->nfields, ac->one ? ac->one : ac->name, x->raw, NULL, err);
	if (!x->in)
		goto fail;
	if (ac->flags & (A_VERSION | A_IF_VERSION)) {
		long long cur = json_integer_value(json_object_get(x->obj, "version"));
		const char *one = e ? e->one : "object";
		if (version < 0 && !(ac->flags & A_IF_VERSION)) {
			err_invalid(err, "version", "version is required (the %s's current version, or If-Match)", one);
			goto fail;
		}
		if (version >= 0 && version != cur) { /* without one (A_IF_VERSION) the object as it is */
			err_conflict(err, "the %s was changed by someone else (version %lld, yours %lld); reload and retry", one,
			             cur, version);
			goto fail;
		}
	}
	/* a run that fails leaves nothing behind, so the page that shows the failure shows the state before it */
	if (db_savepoint(d, "action") != DB_OK) {
		err_internal(err);
		goto fail;
	}
	if (ac->run(x) < 0) {
		if (!err->status)
			err_internal(err);
		db_rollback_to(d, "action");
		goto fail;
	}
	if ((ac->flags & A_AUDIT) && audit_write(d, actor, ac->audit_kind ? ac->audit_kind : ac->kind, x->id, ac->verb,
	                                         x->audit ? x->audit : x->in) < 0) {
		err_internal(err);
		db_rollback_to(d, "action");
		goto fail;
	}
	if (db_release(d, "action") != DB_OK) {
		err_internal(err);
		goto fail;
	}
	x->raw = raw;
	json_decref(none);
	return 0;
fail:
	x->raw = NULL;
	json_decref(none);
	act_free(x);
	return -1;
}

int action_call(db *d, const struct action *ac, long long actor, long long id, long long sub, json_t *raw,
                json_t **out, struct err *err)
{
	arena *a = arena_new();
	json_t *v = json_object_get(raw, "version");
	struct act x;
	int rc = action_invoke(d, a, ac, actor, RANK_ADMIN, id, sub, raw, json_is_integer(v) ? json_integer_value(v) : -1,
	                       NULL, &x, err);
	if (rc == 0 && out) {
		const struct entity *e = ac->kind ? entity_find(ac->kind) : NULL;
		*out = (ac->flags & A_OBJECT) && e ? entity_get(d, e, id) : json_incref(x.out);
	}
	if (rc == 0) {
		rc = x.status ? x.status : (ac->flags & A_EMPTY) ? 204 : (ac->flags & A_CREATED) ? 201 : 200;
		act_free(&x);
	}
	arena_free(a);
	return rc;
}
