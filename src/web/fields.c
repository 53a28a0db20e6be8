/* fields.c — showing and editing described fields; every value is escaped for where it lands. */
#include "fields.h"
#include <stdio.h>
#include <string.h>
#include "model/choices.h"
#include "model/setting.h"
#include "model/users.h"
#include "platform/markdown.h"
#include "svg.h"
#include "web.h"

static const char *cached_label(request *rq, struct ref_cache *rc, const char *kind, long long id)
{
	if (rc)
		for (int i = 0; i < rc->n; i++)
			if (rc->e[i].id == id && !strcmp(rc->e[i].kind, kind))
				return rc->e[i].label;
	const char *label = entity_ref_label(rq->db, rq->a, kind, id);
	if (rc && rc->n < (int)COUNT(rc->e)) {
		rc->e[rc->n].kind = kind;
		rc->e[rc->n].id = id;
		rc->e[rc->n++].label = label;
	}
	return label;
}

void show_time(buf *b, const char *ts)
{
	if (!ts || strlen(ts) < 16) {
		html(b, "<time>%s</time>", ts ? ts : "");
		return;
	}
	html(b, "<time datetime=\"%s\">%.10s %.5s</time>", ts, ts, ts + 11);
}

const char *value_text(arena *a, json_t *v)
{
	if (!v || json_is_null(v))
		return "";
	if (json_is_string(v))
		return json_string_value(v);
	if (json_is_integer(v))
		return arena_printf(a, "%lld", (long long)json_integer_value(v));
	if (json_is_real(v))
		return arena_printf(a, "%.15g", json_real_value(v));
	if (json_is_boolean(v))
		return json_is_true(v) ? "true" : "false";
	if (json_is_array(v)) {
		buf t;
		buf_init(&t);
		json_list_join(&t, v, "\n");
		const char *s = arena_strdup(a, buf_str(&t));
		buf_free(&t);
		return s;
	}
	return "";
}

void field_show(request *rq, buf *b, struct ref_cache *rc, const struct field *f, json_t *obj, enum show_mode mode)
{
	json_t *v = json_object_get(obj, f->name);
	if (!v || json_is_null(v) || (json_is_string(v) && !*json_string_value(v))) {
		buf_lit(b, "<span class=\"muted\">—</span>");
		return;
	}
	switch (f->type) {
	case FT_REF: {
		long long id = json_integer_value(v);
		const char *label = cached_label(rq, rc, f->ref, id);
		if (!label)
			buf_lit(b, "<span class=\"muted\">(deleted)</span>");
		else if (!strcmp(f->ref, "users")) /* a person's profile, with what they own */
			html(b, "<a href=\"/users/%lld\">%s</a>", id, label);
		else
			html(b, "<a href=\"/%s/%lld\">%s</a>", f->ref, id, label);
		break;
	}
	case FT_LINKS: {
		size_t i;
		json_t *x;
		if (json_array_size(v) == 0) {
			buf_lit(b, "<span class=\"muted\">—</span>");
			break;
		}
		json_array_foreach(v, i, x)
		{
			long long id = json_integer_value(f->link->weight ? json_object_get(x, f->link->key) : x);
			const char *label = cached_label(rq, rc, f->ref, id);
			html(b, "%s<a href=\"/%s/%lld\">%s</a>", i ? ", " : "", f->ref, id, label ? label : "(deleted)");
			if (f->link->weight)
				html(b, " <span class=\"weight-tag\" title=\"weight\">×%lld</span>",
				     (long long)json_integer_value(json_object_get(x, "weight")));
		}
		break;
	}
	case FT_BOOL:
		buf_raw(b, json_is_true(v) ? "Yes" : "No");
		break;
	case FT_ENUM:
		html(b, "<span class=\"badge badge-%s\" data-value=\"%s\">%s</span>", json_string_value(v), json_string_value(v),
		     field_choice_label(f, json_string_value(v), rq->a));
		break;
	case FT_MONEY:
		buf_int_grouped(b, json_integer_value(v));
		break;
	case FT_INT:
		buf_rawf(b, "%lld", (long long)json_integer_value(v));
		break;
	case FT_NUMBER:
		fmt_number(b, json_number_value(v));
		break;
	case FT_TIMESTAMP: {
		const char *t = json_string_value(v);
		html(b, "<time datetime=\"%s\">%.10s</time>", t, t);
		break;
	}
	case FT_LIST: {
		size_t i;
		json_t *x;
		if (mode == SHOW_CELL) {
			json_array_foreach(v, i, x) html(b, "%s%s", i ? ", " : "", json_string_value(x));
			break;
		}
		buf_lit(b, "<ul class=\"plain\">");
		json_array_foreach(v, i, x) html(b, "<li>%s</li>", json_string_value(x));
		buf_lit(b, "</ul>");
		break;
	}
	case FT_TEXT:
		if (mode == SHOW_CELL && utf8_len(json_string_value(v)) > 90) {
			/* cut at a character boundary near 90 characters */
			const char *s = json_string_value(v);
			size_t n = 0, chars = 0;
			while (s[n] && chars < 88) {
				n++;
				while ((s[n] & 0xC0) == 0x80)
					n++;
				chars++;
			}
			html(b, "%s…", arena_strndup(rq->a, s, n));
			break;
		}
		if (mode == SHOW_DETAIL && (f->flags & F_MARKDOWN)) {
			buf_lit(b, "<div class=\"markdown\">");
			markdown_html(b, json_string_value(v));
			buf_lit(b, "</div>");
			break;
		}
		html(b, mode == SHOW_DETAIL ? "<div class=\"prose\">%s</div>" : "%s", json_string_value(v));
		break;
	case FT_RECORDS: { /* each record: its first member as a term, the others below it (a question, its answer) */
		size_t i;
		json_t *x;
		if (json_array_size(v) == 0 || mode == SHOW_CELL) {
			if (json_array_size(v) == 0)
				buf_lit(b, "<span class=\"muted\">—</span>");
			else
				buf_rawf(b, json_array_size(v) == 1 ? "%zu entry" : "%zu entries", json_array_size(v));
			break;
		}
		html(b, "<dl class=\"records\" id=\"records-%s\">", f->name);
		json_array_foreach(v, i, x)
		{
			for (int m = 0; m < f->nsub; m++) {
				const char *t = json_string_value(json_object_get(x, f->sub[m].name));
				html(b, m == 0 ? "<dt>%s</dt>" : "<dd class=\"prose\">%s</dd>", t ? t : "");
			}
		}
		buf_lit(b, "</dl>");
		break;
	}
	default:
		html(b, "%s", json_string_value(v));
	}
}

/* The options of a reference: users by name, other kinds by their title; the selected one always among them. */
static void ref_options(request *rq, buf *b, const struct field *f, const char *selected)
{
	long long sel = 0;
	parse_ll(selected, &sel);
	json_t *choices = (f->flags & F_OWNER) ? owner_choices(rq->db, sel) : entity_choices(rq->db, f->ref, sel), *c;
	size_t i;
	html(b, "<option value=\"\">— none —</option>");
	json_array_foreach(choices, i, c)
	{
		const char *id = arena_printf(rq->a, "%lld", (long long)json_integer_value(json_object_get(c, "id")));
		html(b, "<option value=\"%s\"%s>%s</option>", id, !strcmp(id, selected) ? " selected" : "",
		     json_string_value(json_object_get(c, "label")));
	}
	json_decref(choices);
}

/* The weight (or 1 for plain links) an object has for linked id, from the re-rendered form or obj; 0 = none. */
static long long link_weight(request *rq, const struct field *f, json_t *obj, long long id)
{
	if (rq->form) {
		for (struct kv *k = rq->form; k; k = k->next) {
			long long v, w;
			size_t n = strlen(f->name);
			if (!f->link->weight && !strcmp(k->key, f->name) && parse_ll(k->value, &v) && v == id)
				return 1;
			if (f->link->weight && !strncmp(k->key, f->name, n) && k->key[n] == '.' && parse_ll(k->key + n + 1, &v) &&
			    v == id)
				return parse_ll(k->value, &w) ? w : 0;
		}
		return 0;
	}
	size_t i;
	json_t *x;
	json_array_foreach(json_object_get(obj, f->name), i, x)
	{
		if (!f->link->weight && json_integer_value(x) == id)
			return 1;
		if (f->link->weight && json_integer_value(json_object_get(x, f->link->key)) == id)
			return json_integer_value(json_object_get(x, "weight"));
	}
	return 0;
}

/* The choices of a link field, and every object the object links to even when it is not among them (past the
 * first 2000 by title): a form never drops a link it did not show. */
static json_t *link_choices(request *rq, const struct field *f, json_t *obj)
{
	json_t *choices = entity_choices(rq->db, f->ref, 0), *x, *c;
	size_t i, k;
	json_array_foreach(json_object_get(obj, f->name), i, x)
	{
		long long id = json_integer_value(f->link->weight ? json_object_get(x, f->link->key) : x);
		bool listed = false;
		json_array_foreach(choices, k, c) listed |= json_integer_value(json_object_get(c, "id")) == id;
		const char *label = listed ? NULL : entity_ref_label(rq->db, rq->a, f->ref, id);
		if (label)
			json_array_append_new(choices, json_pack("{sIss}", "id", (json_int_t)id, "label", label));
	}
	return choices;
}

/* Plain links: a multiple select. Weighted links: one small number input per candidate. An object of kind e never
 * links to itself (a feature's dependencies), so that one choice is left out — only when the link points at e's
 * own kind: launch 4 may announce feature 4. */
static void link_inputs(request *rq, buf *b, const struct entity *e, const struct field *f, json_t *obj, bool bad)
{
	json_t *choices = link_choices(rq, f, obj), *c;
	size_t i;
	long long self = obj && !strcmp(f->ref, e->kind) ? json_integer_value(json_object_get(obj, "id")) : 0;
	if (f->link->weight) {
		html(b, "<fieldset class=\"weights\" id=\"f-%s\"%s><legend class=\"sr-only\">%s</legend>", f->name,
		     bad ? " aria-invalid=true" : "", f->label);
		json_array_foreach(choices, i, c)
		{
			long long id = json_integer_value(json_object_get(c, "id")), w = link_weight(rq, f, obj, id);
			const char *name = arena_printf(rq->a, "%s.%lld", f->name, id);
			html(b, "<label class=\"weight\"><input type=\"number\" min=\"0\" max=\"%d\" step=\"1\" name=\"%s\" "
			        "value=\"%s\"> %s</label>",
			     f->link->whi, name, w ? arena_printf(rq->a, "%lld", w) : "",
			     json_string_value(json_object_get(c, "label")));
		}
		if (!json_array_size(choices))
			html(b, "<p class=\"muted\">No %s yet.</p>", f->ref);
		buf_lit(b, "</fieldset>");
	} else {
		html(b, "<select multiple size=\"5\" id=\"f-%s\" name=\"%s\"%s>", f->name, f->name,
		     bad ? " aria-invalid=true" : "");
		json_array_foreach(choices, i, c)
		{
			long long id = json_integer_value(json_object_get(c, "id"));
			if (id == self)
				continue; /* never itself */
			html(b, "<option value=\"%s\"%s>%s</option>", arena_printf(rq->a, "%lld", id),
			     link_weight(rq, f, obj, id) ? " selected" : "", json_string_value(json_object_get(c, "label")));
		}
		buf_lit(b, "</select>");
	}
	json_decref(choices);
}

/* The end of an opening tag: required and aria-invalid as the field says, then ">". */
static void close_tag(buf *b, const struct field *f, bool bad)
{
	if (f->flags & F_REQUIRED)
		buf_lit(b, " required");
	if (bad)
		buf_lit(b, " aria-invalid=\"true\" aria-describedby=\"err-field\"");
	if (f->max > 0 && (f->type == FT_STRING || f->type == FT_TEXT))
		buf_rawf(b, " maxlength=\"%ld\"", f->max);
	buf_lit(b, ">");
}

static void one_input(request *rq, buf *b, const struct field *f, const char *id, const char *val, bool bad)
{
	switch (f->type) {
	case FT_TEXT:
	case FT_LIST:
		html(b, "<textarea id=\"%s\" name=\"%s\" rows=\"%d\"", id, f->name, f->type == FT_LIST ? 5 : 4);
		close_tag(b, f, bad);
		html(b, "%s</textarea>", val);
		break;
	case FT_ENUM:
		html(b, "<select id=\"%s\" name=\"%s\"", id, f->name);
		close_tag(b, f, bad);
		if (!(f->flags & F_REQUIRED)) /* an optional choice can stay unset */
			buf_lit(b, "<option value=\"\">— none —</option>");
		for (const char *const *c = f->choices; *c; c++)
			if (!str_eq(f->engine_choice, *c) || !strcmp(*c, val)) /* approved: set by approvals, not chosen */
				html(b, "<option value=\"%s\"%s>%s</option>", *c, !strcmp(*c, val) ? " selected" : "",
				     field_choice_label(f, *c, rq->a));
		buf_lit(b, "</select>");
		break;
	case FT_REF:
		html(b, "<select id=\"%s\" name=\"%s\"", id, f->name);
		close_tag(b, f, bad);
		ref_options(rq, b, f, val);
		buf_lit(b, "</select>");
		break;
	case FT_BOOL:
		html(b, "<select id=\"%s\" name=\"%s\"", id, f->name);
		close_tag(b, f, bad);
		html(b, "<option value=\"false\"%s>No</option><option value=\"true\"%s>Yes</option></select>",
		     str_eq(val, "true") ? "" : " selected", str_eq(val, "true") ? " selected" : "");
		break;
	case FT_DATE:
		html(b, "<input id=\"%s\" name=\"%s\" type=\"date\" value=\"%s\"", id, f->name, val);
		close_tag(b, f, bad);
		break;
	case FT_INT:
	case FT_MONEY:
	case FT_NUMBER:
		html(b, "<input id=\"%s\" name=\"%s\" type=\"number\" step=\"%s\" value=\"%s\"", id, f->name,
		     f->type == FT_NUMBER ? "any" : "1", val);
		close_tag(b, f, bad);
		break;
	default:
		html(b, "<input id=\"%s\" name=\"%s\" type=\"text\" value=\"%s\"", id, f->name, val);
		close_tag(b, f, bad);
	}
}

/* Below an input: the error at this field, else its help; then the field's end. */
static void field_note(buf *b, const struct field *f, const struct err *error, bool bad)
{
	if (bad)
		html(b, "<p class=\"field-error\" id=\"err-field\" role=\"alert\">%s</p>", error->message);
	else if (f->help)
		html(b, "<p class=\"help\">%s</p>", f->help);
	buf_lit(b, "</div>");
}

void form_error_summary(buf *b, const struct err *error)
{
	if (error && error->status)
		html(b, "<p class=\"error\" role=\"alert\" id=\"form-error\">%s</p>", error->message);
}

void field_inputs(request *rq, buf *b, const struct entity *e, json_t *obj, const struct err *error, bool editing)
{
	field_inputs_except(rq, b, e, obj, error, editing, NULL);
}

/* The highest row number N of the form's "name.N.member" fields (0: none). */
static int form_rows(request *rq, const char *name)
{
	size_t n = strlen(name);
	int max = 0;
	for (struct kv *k = rq->form; k; k = k->next) {
		long long row;
		const char *p = k->key + n + 1, *dot;
		if (strncmp(k->key, name, n) || k->key[n] != '.' || !(dot = strchr(p, '.')))
			continue;
		if (parse_ll(arena_strndup(rq->a, p, (size_t)(dot - p)), &row) && row > max && row <= 200)
			max = (int)row;
	}
	return max;
}

enum { RECORD_BLANK_ROWS = 3 }; /* empty rows a form offers for new entries */

/* A list of records as numbered rows of inputs "name.N.member": the entries there are (or, re-shown after an error,
 * the rows sent) and a few blank rows; a row left blank is dropped on save, so emptying a row removes its entry. */
static void records_inputs(request *rq, buf *b, const struct field *f, json_t *obj, const struct err *error)
{
	bool bad = error && error->status && !strncmp(error->field, f->name, strlen(f->name)) &&
	           (error->field[strlen(f->name)] == '[' || error->field[strlen(f->name)] == '\0');
	json_t *v = obj ? json_object_get(obj, f->name) : NULL;
	int rows = rq->form ? form_rows(rq, f->name) : (int)json_array_size(v) + RECORD_BLANK_ROWS;
	html(b, "<fieldset class=\"records%s\" id=\"f-%s\"><legend>%s</legend>", bad ? " has-error" : "", f->name,
	     f->label);
	if (bad)
		html(b, "<p class=\"field-error\" id=\"err-field\" role=\"alert\">%s</p>", error->message);
	else if (f->help)
		html(b, "<p class=\"help\">%s</p>", f->help);
	buf_lit(b, "<ol class=\"record-rows\">");
	for (int r = 1; r <= rows; r++) {
		json_t *rec = rq->form ? NULL : json_array_get(v, (size_t)r - 1);
		buf_lit(b, "<li class=\"record-row\">");
		for (int m = 0; m < f->nsub; m++) {
			const struct field *s = &f->sub[m];
			const char *name = arena_printf(rq->a, "%s.%d.%s", f->name, r, s->name);
			const char *val = rq->form ? rq_form(rq, name) : value_text(rq->a, json_object_get(rec, s->name));
			const char *id = arena_printf(rq->a, "f-%s-%d-%s", f->name, r, s->name);
			html(b, "<label for=\"%s\">%s %d</label>", id, s->label, r);
			if (s->type == FT_TEXT)
				html(b, "<textarea id=\"%s\" name=\"%s\" rows=\"2\" maxlength=\"%ld\">%s</textarea>", id, name,
				     s->max > 0 ? s->max : 4000, val ? val : "");
			else
				html(b, "<input id=\"%s\" name=\"%s\" type=\"text\" maxlength=\"%ld\" value=\"%s\">", id, name,
				     s->max > 0 ? s->max : 200, val ? val : "");
		}
		buf_lit(b, "</li>");
	}
	buf_lit(b, "</ol></fieldset>");
}

void field_inputs_except(request *rq, buf *b, const struct entity *e, json_t *obj, const struct err *error,
                         bool editing, const char *skip)
{
	bool in_section = false;
	for (int i = 0; i < e->nfields; i++) {
		const struct field *f = &e->fields[i];
		if ((f->flags & F_READONLY) || str_eq(skip, f->name))
			continue;
		if (f->section) { /* the fields after a heading, as a group of their own */
			if (in_section)
				buf_lit(b, "</fieldset>");
			html(b, "<fieldset class=\"form-section\"><legend>%s</legend>", f->section);
			in_section = true;
		}
		if (f->type == FT_RECORDS) {
			records_inputs(rq, b, f, obj, error);
			continue;
		}
		bool bad = error && error->status && !strcmp(error->field, f->name);
		bool own = editing && (f->flags & (F_OWN_ACTION | F_PAGE_ACTION));
		html(b, "<div class=\"field%s\"><label for=\"f-%s\">%s", bad ? " has-error" : "", f->name, f->label);
		if ((f->flags & F_REQUIRED) && !own)
			buf_lit(b, " <abbr title=\"required\">*</abbr>");
		buf_lit(b, "</label>");
		if (own) {
			html(b, "<p class=\"readonly\" id=\"f-%s\">", f->name);
			field_show(rq, b, NULL, f, obj, SHOW_DETAIL);
			html(b, " <small class=\"muted\">%s</small></p></div>",
			     f->flags & F_OWN_ACTION ? "changed below the form, with a reason"
			                             : "changed with the action on its page, which shows what moves with it");
			continue;
		}
		if (f->type == FT_LINKS) {
			link_inputs(rq, b, e, f, obj, bad);
			field_note(b, f, error, bad);
			continue;
		}
		const char *val = rq->form ? rq_form(rq, f->name) : !obj ? rq_query(rq, f->name) : NULL;
		if (!val) {
			json_t *v = obj ? json_object_get(obj, f->name) : NULL;
			json_t *dv = NULL;
			if (!obj && f->dflt)
				v = dv = json_loads(f->dflt, JSON_DECODE_ANY, NULL);
			val = value_text(rq->a, v);
			val = arena_strdup(rq->a, val);
			json_decref(dv);
		}
		one_input(rq, b, f, arena_printf(rq->a, "f-%s", f->name), val, bad);
		field_note(b, f, error, bad);
	}
	if (in_section)
		buf_lit(b, "</fieldset>");
}

void field_input_bare(request *rq, buf *b, const struct field *f, const char *id, const char *val)
{
	html(b, "<span class=\"bare\"><label class=\"sr-only\" for=\"%s\">%s</label>", id, f->label);
	one_input(rq, b, f, id, val ? val : "", false);
	buf_lit(b, "</span>");
}

void field_input_row(request *rq, buf *b, const struct field *f, const char *id, const char *val,
                     const struct err *error)
{
	bool bad = error && error->status && !strcmp(error->field, f->name);
	html(b, "<div class=\"field%s\"><label for=\"%s\">%s", bad ? " has-error" : "", id, f->label);
	if (f->flags & F_REQUIRED)
		buf_lit(b, " <abbr title=\"required\">*</abbr>");
	buf_lit(b, "</label>");
	one_input(rq, b, f, id, val ? val : "", bad);
	field_note(b, f, error, bad);
}

json_t *setting_form(const struct setting *s, struct kv *form, struct err *err)
{
	json_t *in = fields_from_form(s->fields, s->nfields, form, err);
	const char *k;
	json_t *v;
	void *tmp;
	json_object_foreach_safe(in, tmp, k, v) if (json_is_null(v)) json_object_del(in, k); /* left empty: unchanged */
	return in;
}

