/* prfaq.c — a PR/FAQ as Markdown: the press release, the external and internal FAQ, then the five questions it
 * was written from, with the insights that show how we know. */
#include "prfaq.h"
#include <stdio.h>
#include <string.h>
#include "brief.h"
#include "model/entity.h"
#include "model/prfaqs.h"
#include "platform/arena.h"
#include "platform/json_get.h"

enum { QUOTE_MAX = 280 };

static bool has_text(const char *s) { return s && s[strspn(s, " \t\r\n")]; }

/* A Markdown field as blocks, then a blank line; nothing when empty. */
static void blocks(buf *b, const char *md)
{
	if (!has_text(md))
		return;
	brief_md_blocks(b, md);
	buf_lit(b, "\n\n");
}

/* A quote as a block quote of one paragraph (line breaks become spaces). */
static void quote(buf *b, const char *s, const char *who)
{
	if (!has_text(s))
		return;
	buf_lit(b, "> ");
	brief_md_text(b, s);
	if (who) {
		buf_lit(b, "\n>\n> — ");
		brief_md_text(b, who);
	}
	buf_lit(b, "\n\n");
}

static void faq(buf *b, json_t *entries, const char *heading)
{
	if (!json_array_size(entries))
		return;
	buf_rawf(b, "## %s\n\n", heading);
	size_t i;
	json_t *it;
	json_array_foreach(entries, i, it)
	{
		buf_lit(b, "### ");
		brief_md_text(b, jget_str(it, "q"));
		buf_lit(b, "\n\n");
		blocks(b, jget_str(it, "a"));
	}
}

/* "How do we know?": the linked insights, the first few quoted with their source and account. */
static void evidence(db *d, arena *a, buf *b, json_t *ids)
{
	const struct entity *ins = entity_find("insights");
	size_t i, n = json_array_size(ids);
	json_t *id;
	buf_lit(b, "- **How do we know?** ");
	if (!n) {
		buf_lit(b, "No insight linked yet: the need is an opinion until one is.\n");
		return;
	}
	buf_rawf(b, n == 1 ? "%zu insight:\n" : "%zu insights:\n", n);
	json_array_foreach(ids, i, id)
	{
		if (i == PRFAQ_QUOTES_MAX) {
			buf_rawf(b, "  - … and %zu more\n", n - i);
			break;
		}
		json_t *o = entity_get(d, ins, json_integer_value(id));
		if (!o)
			continue;
		const char *text = jget_str(o, "text"), *src = jget_str(o, "source");
		size_t len = text ? strlen(text) : 0, cut = len > QUOTE_MAX ? QUOTE_MAX : len;
		while (cut < len && cut && ((unsigned char)text[cut] & 0xC0) == 0x80)
			cut--;
		buf_lit(b, "  - “");
		brief_md_text(b, arena_strndup(a, text ? text : "", cut));
		if (cut < len)
			buf_lit(b, "…”");
		else
			buf_lit(b, "”");
		const char *account = json_is_integer(json_object_get(o, "account_id"))
		                          ? entity_ref_label(d, a, "accounts", jget_int(o, "account_id"))
		                          : NULL;
		buf_lit(b, " — ");
		brief_md_text(b, src ? src : "other");
		if (account) {
			buf_lit(b, ", ");
			brief_md_text(b, account);
		}
		buf_lit(b, "\n");
		json_decref(o);
	}
}

static void question(buf *b, const char *q, const char *answer)
{
	buf_rawf(b, "- **%s** ", q);
	if (has_text(answer))
		brief_md_text(b, answer);
	else
		buf_lit(b, "*Not answered yet.*");
	buf_lit(b, "\n");
}

int prfaq_markdown(db *d, long long id, const char *today, buf *out, struct err *e)
{
	json_t *p = entity_get(d, &prfaqs_entity, id);
	if (!p)
		return err_set(e, 404, "not_found", "prfaq", "no PR/FAQ with id %lld", id);
	arena *a = arena_new();
	const char *launch = NULL, *date = today, *feature = NULL;
	if (json_is_integer(json_object_get(p, "launch_id"))) {
		json_t *l = entity_get(d, entity_find("launches"), jget_int(p, "launch_id"));
		if (l) {
			launch = arena_strdup(a, jget_str(l, "title"));
			if (jget_str(l, "launch_date"))
				date = arena_strdup(a, jget_str(l, "launch_date"));
			json_decref(l);
		}
	}
	if (json_is_integer(json_object_get(p, "feature_id")))
		feature = entity_ref_label(d, a, "features", jget_int(p, "feature_id"));
	buf_lit(out, "# ");
	brief_md_text(out, jget_str(p, "headline"));
	buf_lit(out, "\n\n");
	if (has_text(jget_str(p, "subheading"))) {
		buf_lit(out, "*");
		brief_md_text(out, jget_str(p, "subheading"));
		buf_lit(out, "*\n\n");
	}
	/* the dateline: a press release is dated the day it goes out */
	const char *summary = jget_str(p, "summary");
	if (has_text(summary)) {
		buf_rawf(out, "**%s** — ", date);
		brief_md_paragraph(out, summary, 4000);
		buf_lit(out, "\n\n");
	}
	blocks(out, jget_str(p, "problem"));
	blocks(out, jget_str(p, "solution"));
	quote(out, jget_str(p, "leader_quote"), NULL);
	blocks(out, jget_str(p, "how_it_works"));
	quote(out, jget_str(p, "customer_quote"), NULL);
	if (has_text(jget_str(p, "call_to_action"))) {
		buf_lit(out, "**");
		brief_md_text(out, jget_str(p, "call_to_action"));
		buf_lit(out, "**\n\n");
	}
	faq(out, json_object_get(p, "faq_external"), "Frequently asked questions");
	faq(out, json_object_get(p, "faq_internal"), "Internal FAQ");
	buf_lit(out, "## Working backwards\n\n");
	question(out, "Who is the customer?", jget_str(p, "customer"));
	question(out, "What is their problem?", jget_str(p, "problem"));
	question(out, "What is the most important benefit?", jget_str(p, "benefit"));
	evidence(d, a, out, json_object_get(p, "insight_ids"));
	question(out, "What does the experience look like?", jget_str(p, "experience"));
	buf_lit(out, "\n*Status: ");
	brief_md_text(out, field_choice_label(entity_field(&prfaqs_entity, "status"), jget_str(p, "status"), a));
	buf_rawf(out, " · version %lld", jget_int(p, "version"));
	if (launch) {
		buf_lit(out, " · launch: ");
		brief_md_text(out, launch);
	}
	if (feature) {
		buf_lit(out, " · feature: ");
		brief_md_text(out, feature);
	}
	if (json_is_integer(json_object_get(p, "owner"))) {
		const char *owner = entity_ref_label(d, a, "users", jget_int(p, "owner"));
		buf_lit(out, " · owner: ");
		brief_md_text(out, owner ? owner : "—");
	}
	buf_lit(out, "*\n");
	arena_free(a);
	json_decref(p);
	return 0;
}

void prfaq_filename(long long id, const char *headline, char *out, size_t n)
{
	char name[128];
	brief_filename(id, headline, name, sizeof name); /* "launch-ID-slug.md" */
	snprintf(out, n, "prfaq-%s", name + strlen("launch-"));
}
