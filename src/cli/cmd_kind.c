/* cmd_kind.c — `tandem list|show|add|edit|delete KIND …`: every described kind from the terminal,
 * through the same engine (validation, versions, audit) as the API and the pages. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "cli.h"
#include "model/entity.h"
#include "model/users.h"
#include "platform/arena.h"

/* The kind named on the command line, or NULL after a message listing the kinds. */
static const struct entity *kind_arg(const char *cmd, const char *name)
{
	const struct entity *e = name ? entity_find(name) : NULL;
	if (e)
		return e;
	fprintf(stderr, "tandem %s: %s%s%s; kinds:", cmd, name ? "no kind '" : "name a kind", name ? name : "",
	        name ? "'" : "");
	for (int i = 0; i < entity_count; i++)
		fprintf(stderr, " %s", entity_all[i]->kind);
	fprintf(stderr, "\n");
	return NULL;
}

static int print_json(json_t *o)
{
	char *t = json_dumps(o, JSON_INDENT(2));
	printf("%s\n", t);
	free(t);
	return 0;
}

/* One line per object: id, version and the listed fields, tab-separated. */
static void print_row(const struct entity *e, json_t *o, arena *a)
{
	printf("%lld\tv%lld", (long long)json_integer_value(json_object_get(o, "id")),
	       (long long)json_integer_value(json_object_get(o, "version")));
	for (int i = 0; i < e->nfields; i++) {
		const struct field *f = &e->fields[i];
		if (!(f->flags & F_LISTED))
			continue;
		json_t *v = json_object_get(o, f->name);
		buf b;
		buf_init(&b);
		if (json_is_array(v))
			json_list_join(&b, v, "; ");
		else if (json_is_string(v))
			buf_raw(&b, json_string_value(v));
		else if (json_is_integer(v))
			buf_int(&b, json_integer_value(v));
		else if (json_is_real(v))
			buf_rawf(&b, "%g", json_real_value(v));
		/* one line per object: newlines and tabs in text become spaces, long text is cut */
		size_t cut = strnlen(buf_str(&b), 80);
		while (cut > 0 && (buf_str(&b)[cut] & 0xC0) == 0x80) /* never inside a UTF-8 character */
			cut--;
		char *t = arena_strndup(a, buf_str(&b), cut);
		for (char *p = t; *p; p++)
			if (*p == '\n' || *p == '\r' || *p == '\t')
				*p = ' ';
		printf("\t%s", t);
		buf_free(&b);
	}
	printf("\n");
}

int cmd_list(int argc, char **argv)
{
	struct opt o[] = {{"--db", true, NULL},    {"--q", true, NULL},      {"--sort", true, NULL},
	                  {"--limit", true, NULL}, {"--format", true, NULL}, {"--where", true, NULL}};
	const char *pos[1];
	int npos;
	if (cli_parse("list", argc, argv, o, COUNT(o), pos, 1, &npos) < 0)
		return 2;
	const char *format = opt_get(o, COUNT(o), "--format") ? opt_get(o, COUNT(o), "--format") : "text";
	if (strcmp(format, "text") && strcmp(format, "json") && strcmp(format, "csv")) {
		fprintf(stderr, "tandem list: --format must be text, json or csv\n");
		return 2;
	}
	if (app_init() < 0)
		return 1;
	const struct entity *e = kind_arg("list", npos ? pos[0] : NULL);
	if (!e)
		return 2;
	arena *a = arena_new();
	/* the list query from the options: q, sort, limit, and one filter field=value */
	struct kv *args = NULL;
	const char *names[] = {"--q", "--sort", "--limit"}, *keys[] = {"q", "sort", "limit"};
	for (size_t i = 0; i < COUNT(names); i++)
		if (opt_get(o, COUNT(o), names[i])) {
			struct kv *k = arena_alloc(a, sizeof *k);
			k->key = keys[i], k->value = opt_get(o, COUNT(o), names[i]), k->next = args, args = k;
		}
	const char *where = opt_get(o, COUNT(o), "--where");
	if (where) {
		const char *eq = strchr(where, '=');
		if (!eq) {
			fprintf(stderr, "tandem list: --where takes field=value\n");
			arena_free(a);
			return 2;
		}
		struct kv *k = arena_alloc(a, sizeof *k);
		k->key = arena_strndup(a, where, (size_t)(eq - where)), k->value = eq + 1, k->next = args, args = k;
	}
	db *d = workspace_open(workspace_path(opt_get(o, COUNT(o), "--db")), false);
	if (!d) {
		arena_free(a);
		return 1;
	}
	struct list_query q = {args, 1000000};
	struct err err = {0};
	int rc = 0;
	db_begin_read(d);
	if (!strcmp(format, "csv")) {
		buf out;
		buf_init(&out);
		if (entity_csv(d, e, &q, a, &out, &err) == 0)
			fwrite(out.p, 1, out.len, stdout);
		buf_free(&out);
	} else {
		json_t *items = NULL;
		const char *next;
		if (entity_list(d, e, &q, a, &items, &next, &err) == 0) {
			if (!strcmp(format, "json"))
				print_json(items);
			else {
				size_t i;
				json_t *it;
				json_array_foreach(items, i, it) print_row(e, it, a);
			}
		}
		json_decref(items);
	}
	if (err.status) {
		fprintf(stderr, "tandem list: %s%s%s\n", err.field[0] ? err.field : "", err.field[0] ? ": " : "", err.message);
		rc = 1;
	}
	db_rollback(d);
	db_close(d);
	arena_free(a);
	return rc;
}

int cmd_show(int argc, char **argv)
{
	struct opt o[] = {{"--db", true, NULL}};
	const char *pos[2];
	int npos;
	long long id;
	if (cli_parse("show", argc, argv, o, 1, pos, 2, &npos) < 0)
		return 2;
	if (app_init() < 0)
		return 1;
	const struct entity *e = kind_arg("show", npos ? pos[0] : NULL);
	if (!e)
		return 2;
	if (npos < 2 || !parse_ll(pos[1], &id)) {
		fprintf(stderr, "tandem show: name the %s by its id: tandem show %s ID\n", e->one, e->kind);
		return 2;
	}
	db *d = workspace_open(workspace_path(opt_get(o, 1, "--db")), false);
	if (!d)
		return 1;
	json_t *obj = entity_get(d, e, id);
	db_close(d);
	if (!obj) {
		fprintf(stderr, "tandem show: no %s with id %lld\n", e->one, id);
		return 1;
	}
	print_json(obj);
	json_decref(obj);
	return 0;
}

/* field=value arguments as form fields (typed by the engine like a form), or JSON from stdin with --json. */
static json_t *input(const char *cmd, const struct entity *e, const char **pos, int npos, bool from_stdin,
                     arena *a)
{
	struct err err = {0};
	if (from_stdin) {
		json_error_t je;
		json_t *in = json_loadf(stdin, JSON_REJECT_DUPLICATES, &je);
		if (!in)
			fprintf(stderr, "tandem %s: malformed JSON on stdin at line %d: %s\n", cmd, je.line, je.text);
		return in;
	}
	struct kv *form = NULL, **tail = &form;
	for (int i = 0; i < npos; i++) {
		const char *eq = strchr(pos[i], '=');
		if (!eq) {
			fprintf(stderr, "tandem %s: '%s' is not field=value\n", cmd, pos[i]);
			return NULL;
		}
		struct kv *k = arena_alloc(a, sizeof *k);
		k->key = arena_strndup(a, pos[i], (size_t)(eq - pos[i]));
		k->value = eq + 1;
		/* weighted links are named field.ID=weight (goals.3=4) */
		const char *dot = strchr(k->key, '.');
		const char *name = dot ? arena_strndup(a, k->key, (size_t)(dot - k->key)) : k->key;
		if (!entity_field(e, name)) {
			fprintf(stderr, "tandem %s: %s has no field %s\n", cmd, e->kind, name);
			return NULL;
		}
		*tail = k, tail = &k->next;
	}
	json_t *in = entity_from_form(e, form, &err);
	/* fields not named stay as they are (a form would send them all) */
	json_t *out = json_object();
	for (struct kv *k = form; in && k; k = k->next) {
		const char *dot = strchr(k->key, '.');
		const char *name = dot ? arena_strndup(a, k->key, (size_t)(dot - k->key)) : k->key;
		json_object_set(out, name, json_object_get(in, name));
	}
	if (!in)
		fprintf(stderr, "tandem %s: %s: %s\n", cmd, err.field, err.message);
	json_decref(in);
	if (!in) {
		json_decref(out);
		return NULL;
	}
	return out;
}

/* The acting user for the audit trail: --as EMAIL, else none (the trail says "Tandem"). */
static int actor(db *d, const char *cmd, const char *email, arena *a, long long *id)
{
	*id = 0;
	struct user u;
	if (!email)
		return 0;
	if (!users_find(d, a, email, &u)) {
		fprintf(stderr, "tandem %s: no user %s\n", cmd, email);
		return -1;
	}
	*id = u.id;
	return 0;
}

/* add, edit and delete share their shape: parse, open, one transaction, report. */
static int write_cmd(const char *cmd, int argc, char **argv)
{
	struct opt o[] = {{"--db", true, NULL}, {"--as", true, NULL}, {"--json", false, NULL}, {"--version", true, NULL}};
	const char *pos[64];
	int npos;
	if (cli_parse(cmd, argc, argv, o, COUNT(o), pos, 64, &npos) < 0)
		return 2;
	if (app_init() < 0)
		return 1;
	const struct entity *e = kind_arg(cmd, npos ? pos[0] : NULL);
	if (!e)
		return 2;
	bool is_add = !strcmp(cmd, "add"), is_delete = !strcmp(cmd, "delete");
	long long id = 0, version = -1;
	if (!is_add && (npos < 2 || !parse_ll(pos[1], &id))) {
		fprintf(stderr, "tandem %s: name the %s by its id: tandem %s %s ID%s\n", cmd, e->one, cmd, e->kind,
		        is_delete ? "" : " field=value…");
		return 2;
	}
	const char *vs = opt_get(o, COUNT(o), "--version");
	if (vs && !parse_ll(vs, &version)) {
		fprintf(stderr, "tandem %s: --version takes the version you read\n", cmd);
		return 2;
	}
	arena *a = arena_new();
	int first = is_add ? 1 : 2;
	json_t *in = is_delete ? NULL : input(cmd, e, pos + first, npos - first, opt_get(o, COUNT(o), "--json"), a);
	db *d = !is_delete && !in ? NULL : workspace_open(workspace_path(opt_get(o, COUNT(o), "--db")), false);
	int rc = 1;
	long long who;
	if (d && actor(d, cmd, opt_get(o, COUNT(o), "--as"), a, &who) == 0) {
		struct err err = {0};
		db_begin(d);
		if (is_add)
			id = entity_create(d, e, who, in, &err);
		else if (is_delete)
			entity_delete(d, e, who, id, &err);
		else {
			json_t *cur = vs ? NULL : entity_get(d, e, id); /* without --version: the current one */
			entity_update(d, e, who, id, in, vs ? version : (cur ? json_integer_value(json_object_get(cur, "version")) : 0),
			              &err);
			json_decref(cur);
		}
		if (err.status) {
			db_rollback(d);
			fprintf(stderr, "tandem %s: %s%s%s\n", cmd, err.field[0] ? err.field : "", err.field[0] ? ": " : "",
			        err.message);
			rc = err.status == 409 ? 3 : 1;
		} else if (db_commit(d) != DB_OK) {
			fprintf(stderr, "tandem %s: the change could not be saved: %s\n", cmd, db_errmsg(d));
		} else {
			rc = 0;
			if (is_delete)
				printf("deleted %s %lld\n", e->one, id);
			else {
				json_t *obj = entity_get(d, e, id);
				print_json(obj);
				json_decref(obj);
			}
		}
	}
	if (d)
		db_close(d);
	json_decref(in);
	arena_free(a);
	return rc;
}

int cmd_add(int argc, char **argv) { return write_cmd("add", argc, argv); }
int cmd_edit(int argc, char **argv) { return write_cmd("edit", argc, argv); }
int cmd_delete(int argc, char **argv) { return write_cmd("delete", argc, argv); }
