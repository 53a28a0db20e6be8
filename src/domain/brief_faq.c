/* brief_faq.c — the brief's FAQ, answered from the data: when, who gets it, which release, which plan, who to ask. */
#include <stdio.h>
#include "brief_int.h"
#include "model/entity.h"
#include "model/users.h"

/* "Free: A. Pro: everything in Free, plus B. Enterprise: the same as Pro. Not decided yet: C." */
static void plans_answer(struct brief *x)
{
	size_t nf = json_array_size(x->features);
	const char **names = arena_alloc(x->a, (nf + 1) * sizeof *names);
	int below = 0; /* features in the cheaper packages */
	for (int k = 0; k <= PACKAGES; k++) {
		int n = 0, want = k == PACKAGES ? -1 : k;
		size_t i;
		json_t *f;
		json_array_foreach(x->features, i, f)
		{
			if (package_of(f) == want)
				names[n++] = jget_str(f, "title");
		}
		if (want < 0 && !n)
			break;
		buf_rawf(x->b, " **%s:** ", want < 0 ? "Not decided yet" : brief_package_labels[k]);
		if (want >= 0 && below && !n)
			buf_rawf(x->b, "the same as %s", brief_package_labels[k - 1]);
		else if (want >= 0 && below)
			buf_rawf(x->b, "everything in %s, plus ", brief_package_labels[k - 1]);
		else if (!n)
			buf_lit(x->b, "none of these features");
		add_names(x, names, n);
		buf_lit(x->b, ".");
		below += n;
	}
}

static void faq_when(struct brief *x)
{
	buf *b = x->b;
	const char *status = jget_str(x->launch, "status"), *date = jget_str(x->launch, "launch_date");
	buf_lit(b, "### When is it available?\n\n");
	if (str_eq(status, "cancelled"))
		buf_lit(b, "**This launch is cancelled** — do not announce it. It was planned for ");
	else if (str_eq(status, "launched"))
		buf_lit(b, "It launched on ");
	else
		buf_lit(b, "It launches on ");
	buf_lit(b, "**");
	brief_md_text(b, date);
	buf_lit(b, "**.");
	if (x->release) {
		const char *target = jget_str(x->release, "target_date");
		buf_lit(b, " Engineering ships it in release ");
		brief_md_text(b, jget_str(x->release, "name"));
		buf_lit(b, ", targeted for ");
		brief_md_text(b, target);
		buf_lit(b, ".");
		if (target && date && strcmp(target, date) > 0)
			buf_lit(b,
			        " **Careful:** the release is due after the launch date — check with the owner before "
			        "promising it.");
	}
	buf_lit(b, "\n\n");
}

static void faq_who(struct brief *x)
{
	buf *b = x->b;
	json_t *ids = json_object_get(x->launch, "segment_ids"), *v;
	const char **names = arena_alloc(x->a, (json_array_size(ids) + 1) * sizeof *names);
	int n = 0;
	size_t i;
	json_array_foreach(ids, i, v)
	{
		const char *name = entity_ref_label(x->d, x->a, "segments", json_integer_value(v));
		if (name)
			names[n++] = name;
	}
	buf_lit(b, "### Who gets it?\n\nCustomers on the plans that include its features (see *Availability by tier*)");
	if (n) {
		buf_lit(b, "; the launch speaks to ");
		add_names(x, names, n);
		buf_lit(b, ".");
	} else {
		buf_lit(b, ". The target segments are not set yet.");
	}
	int np;
	long long *pids = collect(x, "persona_ids", NULL, NULL, &np);
	const char **pnames = arena_alloc(x->a, (size_t)(np + 1) * sizeof *pnames);
	n = 0;
	for (int k = 0; k < np; k++) {
		const char *name = entity_ref_label(x->d, x->a, "personas", pids[k]);
		if (name)
			pnames[n++] = name;
	}
	if (n) {
		buf_lit(b, " It is built for ");
		add_names(x, pnames, n);
		buf_lit(b, ".");
	}
	buf_lit(b, "\n\n");
}

static void faq_release(struct brief *x)
{
	buf *b = x->b;
	buf_lit(b, "### Which release is it in?\n\n");
	if (!x->release) {
		buf_lit(b, "It is not tied to a release yet — ask the launch owner.\n\n");
		return;
	}
	buf_lit(b, "Release **");
	brief_md_text(b, jget_str(x->release, "name"));
	buf_lit(b, "**, targeted for ");
	brief_md_text(b, jget_str(x->release, "target_date"));
	buf_lit(b, " (");
	add_word(x, jget_str(x->release, "status"));
	buf_lit(b, ").");
	long long rel = jget_int(x->release, "id");
	size_t i;
	json_t *f;
	json_array_foreach(x->features, i, f)
	{
		if (jget_int(f, "release_id") == rel)
			continue;
		buf_lit(b, " Note: ");
		brief_md_text(b, jget_str(f, "title"));
		buf_raw(b, jget_int(f, "release_id") ? " ships in another release." : " is not assigned to a release.");
	}
	buf_lit(b, "\n\n");
}

/* A person as "**Name** (email)" after prefix; nothing when there is no such user. */
static bool add_person(struct brief *x, const char *prefix, long long id)
{
	struct user u;
	if (!id || !users_get(x->d, x->a, id, &u))
		return false;
	buf_raw(x->b, prefix);
	buf_lit(x->b, "**");
	brief_md_text(x->b, u.name);
	buf_lit(x->b, "** (");
	brief_md_text(x->b, u.email);
	buf_lit(x->b, ")");
	return true;
}

static void faq_ask(struct brief *x)
{
	buf *b = x->b;
	buf_lit(b, "### Who do I ask?\n\n");
	if (!add_person(x, "The launch owner: ", jget_int(x->launch, "owner")))
		buf_lit(b, "The launch owner: not set yet");
	buf_lit(b, ".");
	static const char *const roles[][2] = {{"R", " Responsible: "}, {"A", " Accountable: "}};
	json_t *raci = json_object_get(x->launch, "raci"), *r;
	for (int k = 0; k < 2; k++) {
		size_t i;
		int n = 0;
		json_array_foreach(raci, i, r)
		{
			if (str_eq(jget_str(r, "raci"), roles[k][0]))
				n += add_person(x, n ? ", " : roles[k][1], jget_int(r, "user_id"));
		}
		if (n)
			buf_lit(b, ".");
	}
	buf_lit(b, "\n\n");
}

void brief_faq(struct brief *x)
{
	buf_lit(x->b, "## FAQ\n\n");
	faq_when(x);
	faq_who(x);
	faq_release(x);
	buf_lit(x->b,
	        "### What does it cost, and which plan?\n\nNo separate price is recorded: each feature comes with "
	        "a plan.");
	if (json_array_size(x->features))
		plans_answer(x);
	else
		buf_lit(x->b, " The launch has no features yet.");
	buf_lit(x->b, "\n\n");
	brief_prfaq_faq(x);
	faq_ask(x);
}
