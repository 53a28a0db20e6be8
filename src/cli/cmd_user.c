/* cmd_user.c — `tandem user` and `tandem token`: people (with admins' verbs: invite, role, deactivate) and API tokens
 * from the shell. */
#include <stdio.h>
#include <string.h>
#include "cli.h"
#include "model/invitations.h"
#include "model/people.h"
#include "model/user_admin.h"
#include "platform/json_get.h"
#include "model/users.h"

static int read_password(char *out, size_t n)
{
	if (!fgets(out, (int)n, stdin))
		return -1;
	out[strcspn(out, "\r\n")] = 0;
	return 0;
}

/* An admin's verb on the person of that email, as the web and the API run it (the audit trail says "Tandem"): invite
 * (adds them first when unknown: --role needed) prints the link; role and deactivate print what they did. */
static int user_verb(db *d, const char *sub, const char *email, struct opt *o, int nopt)
{
	arena *a = arena_new();
	struct user u;
	bool known = users_find(d, a, email, &u);
	const char *role = opt_get(o, nopt, "--role"), *base = opt_get(o, nopt, "--base-url");
	int rc = 0;
	struct err e = {0};
	json_t *in = json_object(), *out = NULL;
	const struct action *ac = NULL;
	long long id = known ? u.id : 0;
	if (!strcmp(sub, "invite")) {
		if (known) {
			ac = &user_invite_action;
		} else if (!role) {
			fprintf(stderr, "tandem user invite: no user with email %s; give --role ROLE to add them\n", email);
			rc = 2;
		} else {
			ac = &user_add_action;
			json_object_set_new(in, "email", json_string(email));
			json_object_set_new(in, "role", json_string(role));
			if (opt_get(o, nopt, "--name"))
				json_object_set_new(in, "name", json_string(opt_get(o, nopt, "--name")));
		}
	} else if (!known) {
		fprintf(stderr, "tandem user %s: no user with email %s\n", sub, email);
		rc = 1;
	} else if (!strcmp(sub, "role")) {
		if (!role) {
			fprintf(stderr, "tandem user role: --role ROLE is required (admin, leader, pm, pmm, contributor, viewer)\n");
			rc = 2;
		}
		ac = &user_role_action;
		json_object_set_new(in, "role", json_string(role ? role : ""));
	} else {
		ac = !strcmp(sub, "deactivate") ? &user_deactivate_action : &user_reactivate_action;
	}
	if (rc == 0 && ac) {
		db_begin(d);
		if (action_call(d, ac, 0, id, 0, in, &out, &e) < 0) {
			db_rollback(d);
			fprintf(stderr, "tandem user %s: %s\n", sub, e.message);
			rc = 1;
		} else {
			db_commit(d);
			json_t *link = ac == &user_add_action ? json_object_get(out, "invitation_link") : out;
			if (!strcmp(sub, "invite"))
				printf("%.*s%s\n", base ? (int)(strlen(base) - (base[0] && base[strlen(base) - 1] == '/')) : 0,
				       base ? base : "", jget_str(link, "path"));
			else if (!strcmp(sub, "role"))
				printf("%s is now %s\n", email, jget_str(out, "role"));
			else
				printf("%s is %s\n", email, json_is_true(json_object_get(out, "active")) ? "active" : "deactivated");
		}
	}
	json_decref(in);
	json_decref(out);
	arena_free(a);
	return rc;
}

static bool is_verb(const char *sub)
{
	static const char *const verbs[] = {"invite", "role", "deactivate", "reactivate"};
	for (size_t i = 0; sub && i < COUNT(verbs); i++)
		if (!strcmp(sub, verbs[i]))
			return true;
	return false;
}

int cmd_user(int argc, char **argv)
{
	struct opt o[] = {{"--db", true, NULL}, {"--role", true, NULL}, {"--name", true, NULL},
	                  {"--password-stdin", false, NULL}, {"--base-url", true, NULL}};
	const int nopt = (int)COUNT(o);
	const char *pos[2];
	int npos;
	if (cli_parse("user", argc, argv, o, nopt, pos, 2, &npos) < 0)
		return 2;
	const char *sub = npos ? pos[0] : NULL;
	if (!sub || (strcmp(sub, "add") && strcmp(sub, "list") && strcmp(sub, "passwd") && !is_verb(sub))) {
		fprintf(stderr, "tandem user: expected add, list, passwd, invite, role, deactivate or reactivate; see "
		                "'tandem help user'\n");
		return 2;
	}
	if (strcmp(sub, "list") && npos < 2) {
		fprintf(stderr, "tandem user %s: EMAIL is required; see 'tandem help user'\n", sub);
		return 2;
	}
	if (app_init() < 0)
		return 1;
	db *d = workspace_open(workspace_path(opt_get(o, nopt, "--db")), false);
	if (!d)
		return 1;
	int rc = 0;
	struct err e = {0};
	char pw[256];
	bool from_stdin = opt_get(o, nopt, "--password-stdin") != NULL;
	if (is_verb(sub)) {
		rc = user_verb(d, sub, pos[1], o, nopt);
	} else if (!strcmp(sub, "list")) {
		json_t *people = people_list(d, true), *p;
		size_t i;
		json_array_foreach(people, i, p) printf("%lld\t%s\t%s\t%s\t%s\n", jget_int(p, "id"), jget_str(p, "email"),
		                                        jget_str(p, "role"), jget_str(p, "name"),
		                                        !json_is_true(json_object_get(p, "active")) ? "deactivated"
		                                        : json_is_object(json_object_get(p, "invitation")) ? "invited"
		                                                                                          : "active");
		json_decref(people);
	} else {
		if (from_stdin) {
			if (read_password(pw, sizeof pw) < 0) {
				fprintf(stderr, "tandem user: no password on stdin\n");
				db_close(d);
				return 2;
			}
		} else {
			password_generate(pw);
		}
		db_begin(d);
		if (!strcmp(sub, "add")) {
			const char *role = opt_get(o, nopt, "--role");
			if (!role) {
				fprintf(stderr, "tandem user add: --role ROLE is required (admin, leader, pm, pmm, contributor, viewer)\n");
				rc = 2;
			} else if (users_add(d, pos[1], opt_get(o, nopt, "--name"), role, pw, &e) < 0) {
				rc = 1;
			}
		} else if (users_set_password(d, pos[1], pw, &e) < 0) {
			rc = 1;
		}
		if (rc == 0) {
			db_commit(d);
			if (!from_stdin)
				printf("%s\n", pw);
		} else {
			db_rollback(d);
			if (rc == 1)
				fprintf(stderr, "tandem user %s: %s\n", sub, e.message);
		}
	}
	db_close(d);
	app_shutdown();
	return rc;
}

int cmd_token(int argc, char **argv)
{
	struct opt o[] = {{"--db", true, NULL}, {"--name", true, NULL}};
	const char *pos[2];
	int npos;
	if (cli_parse("token", argc, argv, o, 2, pos, 2, &npos) < 0)
		return 2;
	const char *sub = npos ? pos[0] : NULL;
	if (!sub || (strcmp(sub, "create") && strcmp(sub, "list") && strcmp(sub, "revoke"))) {
		fprintf(stderr, "tandem token: expected create, list or revoke; see 'tandem help token'\n");
		return 2;
	}
	if (strcmp(sub, "list") && npos < 2) {
		fprintf(stderr, "tandem token %s: %s is required; see 'tandem help token'\n", sub,
		        strcmp(sub, "create") ? "ID" : "EMAIL");
		return 2;
	}
	if (app_init() < 0)
		return 1;
	db *d = workspace_open(workspace_path(opt_get(o, 2, "--db")), false);
	if (!d)
		return 1;
	int rc = 0;
	struct err e = {0};
	arena *a = arena_new();
	if (!strcmp(sub, "list")) {
		json_t *tokens = tokens_list(d, 0), *t;
		size_t i;
		json_array_foreach(tokens, i, t) printf("%lld\t%s\t%s\t%s\t%s\n", jget_int(t, "id"), jget_str(t, "user"),
		                                        jget_str(t, "name"), jget_str(t, "created_at"),
		                                        jget_str(t, "revoked_at") ? "revoked" : "active");
		json_decref(tokens);
	} else if (!strcmp(sub, "create")) {
		struct user u;
		const char *secret;
		if (!users_find(d, a, pos[1], &u)) {
			fprintf(stderr, "tandem token create: no user with email %s\n", pos[1]);
			rc = 1;
		} else if (db_begin(d) != DB_OK || token_create(d, a, u.id, opt_get(o, 2, "--name"), &secret, &e) < 0 ||
		           db_commit(d) != DB_OK) {
			db_rollback(d);
			fprintf(stderr, "tandem token create: %s\n", e.message[0] ? e.message : "could not save the token");
			rc = 1;
		} else {
			printf("%s\n", secret);
		}
	} else {
		long long id;
		if (!parse_ll(pos[1], &id)) {
			fprintf(stderr, "tandem token revoke: ID must be a number (see 'tandem token list')\n");
			rc = 2;
		} else if (token_revoke(d, id, &e) < 0) {
			fprintf(stderr, "tandem token revoke: %s\n", e.message);
			rc = 1;
		} else {
			printf("revoked token %lld\n", id);
		}
	}
	arena_free(a);
	db_close(d);
	app_shutdown();
	return rc;
}
