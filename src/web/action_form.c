/* action_form.c — an action's form from its fields: CSRF, version, one input per field, the message of a failed
 * post beside its field. */
#include "action_form.h"
#include <string.h>
#include "fields.h"
#include "web.h"

bool action_failed(request *rq, const struct action *a, long long id)
{
	const struct outcome *o = rq_outcome(rq);
	return o && o->action == a && o->rc < 0 && (!id || o->id == id);
}

static const char *kv_get(struct kv *k, const char *key)
{
	for (; k; k = k->next)
		if (!strcmp(k->key, key))
			return k->value;
	return NULL;
}

/* Is name one of the space-separated words of only (NULL: all are)? */
static bool shown(const char *only, const char *name)
{
	if (!only)
		return true;
	size_t n = strlen(name);
	for (const char *p = only; (p = strstr(p, name)) != NULL; p += n)
		if ((p == only || p[-1] == ' ') && (p[n] == ' ' || !p[n]))
			return true;
	return false;
}

/* path with the number v in place of the parameter name ("{id}"), in the arena. */
static const char *put_param(request *rq, const char *path, const char *name, long long v)
{
	const char *at = strstr(path, name);
	if (!at)
		return path;
	return arena_printf(rq->a, "%.*s%lld%s", (int)(at - path), path, v, at + strlen(name));
}

/* The form's address: the action's page path with the object's id for {id} and the linked one's for {mid}. */
static const char *form_path(request *rq, const struct action *a, long long id, long long sub)
{
	return put_param(rq, put_param(rq, a->page_path, "{id}", id), "{mid}", sub);
}

void action_form(request *rq, buf *b, const struct action *a, json_t *obj, const struct form_opts *o)
{
	static const struct form_opts none = {0};
	if (!o)
		o = &none;
	long long id = json_integer_value(json_object_get(obj, "id"));
	bool failed = action_failed(rq, a, id) && !o->quiet;
	const struct err *err = failed ? &rq_outcome(rq)->err : NULL;
	const char *sfx = o->suffix ? o->suffix : "";
	if (o->details)
		html(b, "<details%s><summary>%s</summary>", failed ? " open" : "", o->details);
	html(b, "<form method=\"post\" action=\"%s\" id=\"%s-form%s\"", form_path(rq, a, id, o->sub), a->name, sfx);
	if (o->cls)
		html(b, " class=\"%s\"", o->cls);
	buf_lit(b, ">");
	form_csrf(rq, b);
	if (o->heading)
		html(b, "<h3>%s</h3>", o->heading);
	if (o->intro)
		html(b, "<p class=\"help\">%s</p>", o->intro);
	if (failed)
		html(b, "<p class=\"error\" role=\"alert\" id=\"%s-error%s\">%s</p>", a->name, sfx, err->message);
	if (a->flags & A_VERSION)
		html(b, "<input type=\"hidden\" name=\"version\" value=\"%lld\">",
		     (long long)json_integer_value(json_object_get(obj, "version")));
	for (struct kv *k = o->hidden; k; k = k->next)
		html(b, "<input type=\"hidden\" name=\"%s\" value=\"%s\">", k->key, k->value);
	for (int i = 0; i < a->nfields; i++) {
		const struct field *f = &a->fields[i];
		if (!shown(o->only, f->name) || kv_get(o->hidden, f->name))
			continue;
		const char *val = failed ? rq_form(rq, f->name) : kv_get(o->values, f->name);
		if (!val && !failed && obj && json_object_get(obj, f->name))
			val = value_text(rq->a, json_object_get(obj, f->name));
		const char *fid = arena_printf(rq->a, "%s-%s%s", a->name, f->name, sfx);
		if (o->bare && o->custom && !strcmp(o->custom, f->name) && o->custom_input) {
			o->custom_input(rq, b, fid, f->name, val ? val : "", o->ctx);
		} else if (o->bare) {
			field_input_bare(rq, b, f, fid, val);
		} else if (o->custom && !strcmp(o->custom, f->name) && o->custom_input) {
			bool bad = err && !strcmp(err->field, f->name);
			html(b, "<div class=\"field%s\"><label for=\"%s\">%s</label>", bad ? " has-error" : "", fid, f->label);
			o->custom_input(rq, b, fid, f->name, val ? val : "", o->ctx);
			buf_lit(b, "</div>");
		} else {
			field_input_row(rq, b, f, fid, val, err);
		}
	}
	html(b, "<button type=\"submit\"");
	if (o->button_cls)
		html(b, " class=\"%s\"", o->button_cls);
	if (o->button_aria)
		html(b, " aria-label=\"%s\"", o->button_aria);
	html(b, ">%s</button></form>", o->button ? o->button : a->button ? a->button : a->summary);
	if (o->details)
		buf_lit(b, "</details>");
}
