/* brief_messaging.c — what the brief says of the PMM's work: the approved positioning of the launch's segments as
 * Moore's statement with its pillars (value props) and their proof quotes, the PR/FAQ's headline, the battlecards
 * of the competitors the positioning names, and the PR/FAQ's external FAQ. Only approved messaging and an approved
 * PR/FAQ are printed as what to say; what exists but is not approved yet is named as such. */
#include <stdio.h>
#include "battlecard.h"
#include "brief_int.h"
#include "launch_messaging.h"
#include "model/entity.h"
#include "model/messages.h"

enum { PILLAR_QUOTES_MAX = 2, OBJECTIONS_MAX = 3, COMPETITORS_MAX = 20, PARAGRAPH_MAX = 400, PROOF_QUOTE_MAX = 240 };

static bool is_approved(json_t *o)
{
	return str_eq(jget_str(o, "status"), "approved");
}

void brief_messaging_load(struct brief *x)
{
	x->prfaqs = launch_prfaqs(x->d, jget_int(x->launch, "id"));
	x->prfaq = launch_prfaq_first(x->prfaqs);
	x->messaging = launch_positioning(x->d, x->launch);
	x->positioning = json_array();
	size_t i, k;
	json_t *s, *m;
	json_array_foreach(x->messaging, i, s) json_array_foreach(json_object_get(s, "positioning"), k, m)
	{
		json_t *full = is_approved(m) ? entity_get(x->d, &messages_entity, jget_int(m, "id")) : NULL;
		if (full) {
			json_object_set(full, "segment", json_object_get(s, "segment"));
			json_array_append_new(x->positioning, full);
		}
	}
}

void brief_messaging_free(struct brief *x)
{
	json_decref(x->prfaqs);
	json_decref(x->messaging);
	json_decref(x->positioning);
}

/* A part of the statement, escaped, or its placeholder when blank. */
static void part(struct brief *x, json_t *m, const char *name, const char *blank)
{
	const char *v = jget_str(m, name);
	brief_md_text(x->b, has_text(v) ? v : blank);
}

/* "For <for> who <who>, <product> is a <category> that <benefit>. Unlike <alternative>, <product> <differentiator>." */
static void statement(struct brief *x, json_t *m)
{
	buf *b = x->b;
	long long comp = jget_int(m, "competitor_id");
	const char *alt = comp > 0 ? entity_ref_label(x->d, x->a, "competitors", comp) : NULL;
	if (!alt)
		alt = has_text(jget_str(m, "unlike")) ? jget_str(m, "unlike") : "[the alternative]";
	buf_lit(b, "> For ");
	part(x, m, "for", "[target customer]");
	buf_lit(b, " who ");
	part(x, m, "who", "[need]");
	buf_lit(b, ", ");
	part(x, m, "product", "[product]");
	buf_lit(b, " is a ");
	part(x, m, "category", "[category]");
	buf_lit(b, " that ");
	part(x, m, "benefit", "[key benefit]");
	buf_lit(b, ". Unlike ");
	brief_md_text(b, alt);
	buf_lit(b, ", ");
	part(x, m, "product", "[product]");
	buf_lit(b, " ");
	part(x, m, "differentiator", "[differentiator]");
	buf_lit(b, ".\n\n");
}

static bool has_parts(json_t *m)
{
	static const char *const parts[] = {"for", "who", "product", "category", "benefit", "differentiator"};
	for (size_t i = 0; i < sizeof parts / sizeof *parts; i++)
		if (has_text(jget_str(m, parts[i])))
			return true;
	return false;
}

/* One proof quote under a pillar: "  - “text” — author, account · source". */
static void proof_quote(struct brief *x, long long insight_id)
{
	buf *b = x->b;
	json_t *in = entity_get(x->d, entity_find("insights"), insight_id);
	if (!in)
		return;
	const char *text = jget_str(in, "text"), *author = jget_str(in, "author");
	const char *account = json_is_integer(json_object_get(in, "account_id"))
	                          ? entity_ref_label(x->d, x->a, "accounts", jget_int(in, "account_id"))
	                          : NULL;
	buf_lit(b, "  - “");
	add_cut(x, text ? text : "", text ? strlen(text) : 0, PROOF_QUOTE_MAX);
	buf_lit(b, "” —");
	if (has_text(author)) {
		buf_lit(b, " ");
		brief_md_text(b, author);
	}
	if (has_text(account)) {
		buf_raw(b, has_text(author) ? ", " : " ");
		brief_md_text(b, account);
	}
	buf_raw(b, has_text(author) || has_text(account) ? " · " : " ");
	add_word(x, jget_str(in, "source"));
	buf_lit(b, "\n");
	json_decref(in);
}

/* The approved value props under positioning m, each with its first proof quotes; how many are not approved yet. */
static void pillars(struct brief *x, json_t *m)
{
	buf *b = x->b;
	json_t *all = messages_of_segment(x->d, jget_int(m, "segment_id")), *v;
	long long id = jget_int(m, "id");
	int shown = 0, waiting = 0;
	size_t i;
	json_array_foreach(all, i, v)
	{
		if (jget_int(v, "parent_id") != id || !str_eq(jget_str(v, "level"), "value_prop"))
			continue;
		if (!is_approved(v)) {
			waiting++;
			continue;
		}
		json_t *full = entity_get(x->d, &messages_entity, jget_int(v, "id"));
		if (!full)
			continue;
		if (!shown++)
			buf_lit(b, "**Pillars** (the value propositions, with their proof)\n\n");
		item(x, jget_str(full, "text"));
		buf_lit(b, "\n");
		json_t *proof = json_object_get(full, "insight_ids"), *p;
		size_t k;
		json_array_foreach(proof, k, p)
		{
			if (k < PILLAR_QUOTES_MAX)
				proof_quote(x, json_integer_value(p));
		}
		if (!json_array_size(proof))
			buf_lit(b, "  - *No customer proof linked yet: a pillar without proof is just a claim.*\n");
		else if (json_array_size(proof) > PILLAR_QUOTES_MAX)
			buf_rawf(b, "  - *and %zu more*\n", json_array_size(proof) - PILLAR_QUOTES_MAX);
		json_decref(full);
	}
	if (shown)
		buf_lit(b, "\n");
	if (!shown && !waiting)
		buf_lit(b, "*No pillars (value propositions) under it yet.*\n\n");
	if (waiting)
		buf_rawf(b, "*%d %s under it %s not approved yet and left out until %s.*\n\n", waiting,
		         waiting == 1 ? "pillar" : "pillars", waiting == 1 ? "is" : "are", waiting == 1 ? "it is" : "they are");
	json_decref(all);
}

/* The segments whose positioning is not approved, named, with the first one in review or draft. */
static void unapproved_segments(struct brief *x)
{
	buf *b = x->b;
	size_t i;
	json_t *s;
	json_array_foreach(x->messaging, i, s)
	{
		if (json_is_true(json_object_get(s, "approved")))
			continue;
		json_t *first = json_array_get(json_object_get(s, "positioning"), 0);
		buf_lit(b, "*");
		brief_md_text(b, jget_str(s, "segment"));
		if (!first) {
			buf_lit(b, ": no positioning yet.*\n\n");
			continue;
		}
		buf_raw(b, str_eq(jget_str(first, "status"), "in_review") ? ": positioning in review, not approved yet: “"
		                                                          : ": positioning in draft, not approved yet: “");
		brief_md_text(b, jget_str(first, "text"));
		buf_lit(b, "”.*\n\n");
	}
}

void brief_positioning(struct brief *x)
{
	buf *b = x->b;
	if (!json_array_size(x->positioning)) {
		buf_lit(b, "**Messaging:** No approved messaging yet — add it before the launch.\n\n");
		unapproved_segments(x);
		return;
	}
	size_t i;
	json_t *m;
	json_array_foreach(x->positioning, i, m)
	{
		buf_lit(b, "**Positioning for ");
		brief_md_text(b, jget_str(m, "segment"));
		buf_lit(b, ":** ");
		brief_md_text(b, jget_str(m, "text"));
		buf_lit(b, "\n\n");
		if (has_parts(m))
			statement(x, m);
		pillars(x, m);
	}
	unapproved_segments(x);
}

void brief_prfaq_line(struct brief *x)
{
	buf *b = x->b;
	json_t *p = x->prfaq;
	if (!p) {
		buf_lit(b, "**PR/FAQ:** none yet — write one from the launch's page.\n\n");
		return;
	}
	if (!is_approved(p)) {
		buf_raw(b, str_eq(jget_str(p, "status"), "in_review") ? "**PR/FAQ in review:** “" : "**PR/FAQ in draft:** “");
		brief_md_text(b, jget_str(p, "headline"));
		buf_lit(b, "” — not approved yet: do not quote it; its FAQ joins this brief once a pm and a pmm approve "
		           "it.\n\n");
		return;
	}
	buf_lit(b, "**The press release** (PR/FAQ, approved)\n\n> **");
	brief_md_text(b, jget_str(p, "headline"));
	buf_lit(b, "**\n");
	if (has_text(jget_str(p, "subheading"))) {
		buf_lit(b, ">\n> ");
		brief_md_text(b, jget_str(p, "subheading"));
		buf_lit(b, "\n");
	}
	buf_lit(b, "\n");
}

/* The competitors the approved positioning names (competitor_id, then competitor_ids), each once, in that order. */
static int named_competitors(struct brief *x, long long *ids)
{
	int n = 0;
	size_t i, k;
	json_t *m, *c;
	json_array_foreach(x->positioning, i, m)
	{
		long long one = jget_int(m, "competitor_id");
		json_t *more = json_object_get(m, "competitor_ids");
		for (k = 0; k <= json_array_size(more); k++) {
			c = k ? json_array_get(more, k - 1) : NULL;
			long long id = k ? json_integer_value(c) : one;
			int j = 0;
			while (j < n && ids[j] != id)
				j++;
			if (id > 0 && j == n && n < COMPETITORS_MAX)
				ids[n++] = id;
		}
	}
	return n;
}

/* The product an approved positioning of the brief names ("Northwind"), or NULL. */
static const char *product_of(struct brief *x, long long message_id)
{
	size_t i;
	json_t *m;
	json_array_foreach(x->positioning, i, m) if (jget_int(m, "id") == message_id && has_text(jget_str(m, "product")))
	    return jget_str(m, "product");
	return NULL;
}

/* Why we win against one competitor: the approved positioning's differentiators ("Northwind watches ...") with the
 * features behind them. */
static void why_we_win(struct brief *x, json_t *card)
{
	buf *b = x->b;
	json_t *w;
	size_t i, k, shown = 0;
	json_array_foreach(json_object_get(card, "why_we_win"), i, w)
	{
		if (!is_approved(w))
			continue;
		if (!shown++)
			buf_lit(b, "**Why we win**\n\n");
		const char *diff = jget_str(w, "differentiator"), *product = product_of(x, jget_int(w, "message_id"));
		buf_lit(b, "- ");
		if (has_text(diff) && product) {
			brief_md_text(b, product);
			buf_lit(b, " ");
		}
		brief_md_text(b, has_text(diff) ? diff : jget_str(w, "text"));
		json_t *fs = json_object_get(w, "features"), *f;
		json_array_foreach(fs, k, f)
		{
			buf_raw(b, k ? ", " : " — backed by ");
			brief_md_text(b, jget_str(f, "title"));
			buf_lit(b, " (");
			add_word(x, jget_str(f, "status"));
			buf_lit(b, ")");
		}
		buf_lit(b, "\n");
	}
	if (shown)
		buf_lit(b, "\n");
}

static void objections(struct brief *x, json_t *card)
{
	buf *b = x->b;
	json_t *list = json_object_get(card, "objections"), *o;
	size_t i, n = json_array_size(list);
	if (!n) {
		buf_lit(b, "**Objections:** none written yet.\n\n");
		return;
	}
	buf_lit(b, "**Top objections**\n\n");
	json_array_foreach(list, i, o)
	{
		if (i == OBJECTIONS_MAX)
			break;
		buf_lit(b, "- *“");
		brief_md_text(b, jget_str(o, "objection"));
		buf_lit(b, "”* — ");
		if (has_text(jget_str(o, "answer")))
			brief_md_paragraph(b, jget_str(o, "answer"), PARAGRAPH_MAX);
		else
			buf_lit(b, "*no answer written yet*");
		buf_lit(b, "\n");
	}
	if (n > OBJECTIONS_MAX)
		buf_rawf(b, "- *and %zu more on the battlecard*\n", n - OBJECTIONS_MAX);
	buf_lit(b, "\n");
}

static void battlecard(struct brief *x, long long id)
{
	buf *b = x->b;
	struct err e = {0};
	json_t *card = battlecard_get(x->d, id, &e);
	if (!card)
		return;
	json_t *c = json_object_get(card, "competitor");
	buf_lit(b, "### Against ");
	brief_md_text(b, jget_str(c, "name"));
	buf_lit(b, "\n\n");
	if (has_text(jget_str(c, "positioning"))) {
		buf_lit(b, "*How they position:* ");
		brief_md_paragraph(b, jget_str(c, "positioning"), PARAGRAPH_MAX);
		buf_lit(b, "\n\n");
	}
	why_we_win(x, card);
	objections(x, card);
	buf_lit(b, "**Landmines to set:** ");
	if (has_text(jget_str(c, "landmines")))
		brief_md_paragraph(b, jget_str(c, "landmines"), PARAGRAPH_MAX);
	else
		buf_lit(b, "none written yet.");
	buf_rawf(b, "\n\n[The whole battlecard](/competitors/%lld/battlecard)\n\n", id);
	json_decref(card);
}

void brief_battlecards(struct brief *x)
{
	buf *b = x->b;
	long long ids[COMPETITORS_MAX];
	buf_lit(b, "## Against the competition\n\n");
	if (!json_array_size(x->positioning)) {
		buf_lit(b, "*No approved positioning yet: the battlecards follow the competitors it names.*\n\n");
		return;
	}
	int n = named_competitors(x, ids);
	if (!n)
		buf_lit(b, "*The approved positioning names no competitor yet.*\n\n");
	for (int i = 0; i < n; i++)
		battlecard(x, ids[i]);
}

void brief_prfaq_faq(struct brief *x)
{
	if (!x->prfaq || !is_approved(x->prfaq))
		return;
	size_t i;
	json_t *it;
	json_array_foreach(json_object_get(x->prfaq, "faq_external"), i, it)
	{
		buf_lit(x->b, "### ");
		brief_md_text(x->b, jget_str(it, "q"));
		buf_lit(x->b, "\n\n");
		brief_md_blocks(x->b, jget_str(it, "a"));
		buf_lit(x->b, "\n");
	}
}
