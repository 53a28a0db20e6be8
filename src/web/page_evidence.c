/* page_evidence.c — evidence on feature and insight pages: linked insights with their accounts and the
 * demand concentration, search-to-link, suggestions with one-click links; the link and unlink forms. */
#include <string.h>
#include "action_form.h"
#include "app/reply.h"
#include "domain/demand.h"
#include "domain/evidence.h"
#include "domain/suggest.h"
#include "evidence.h"
#include "model/features.h"
#include "model/insights.h"
#include "model/users.h"
#include "svg.h"
#include "web.h"


static bool may_link(request *rq) { return rq->user_rank >= RANK_CONTRIBUTOR; }

static const char *importance_label(long long i)
{
	const char *l = evidence_importance_label(i);
	return l ? l : "?";
}

/* A page to return to after a form: a feature's or an insight's page on this site, else NULL. */
static const char *safe_back(const char *back)
{
	if (!back || (strncmp(back, "/features/", 10) && strncmp(back, "/insights/", 10)))
		return NULL;
	for (const char *p = back; *p; p++)
		if ((unsigned char)*p < 0x20 || *p == '\\' || *p == '#' || (*p == '/' && p[1] == '/'))
			return NULL;
	return back;
}

/* The text of an insight, at most 280 characters, with an ellipsis when cut. */
static void quote(buf *b, const char *text)
{
	html(b, "%.280s", text ? text : "");
	if (text && strlen(text) > 280)
		buf_lit(b, "…");
}

static void importance_select(request *rq, buf *b, const char *id, const char *name, const char *chosen, void *ctx)
{
	(void)rq, (void)ctx;
	long long c = 0;
	parse_ll(chosen, &c);
	html(b, "<select name=\"%s\" id=\"%s\" aria-label=\"Importance\">", name, id);
	for (int i = 3; i >= 1; i--)
		html(b, "<option value=\"%d\"%s>%d · %s</option>", i, i == c ? " selected" : "", i, importance_label(i));
	buf_lit(b, "</select>");
}

/* A form in a row that links insight_id to feature_id: with an importance to choose, or one click at "important". */
static void link_form(request *rq, buf *b, long long feature_id, long long insight_id, bool choose, long long chosen,
                      const char *back, const char *label)
{
	json_t *f = json_pack("{sI}", "id", (json_int_t)feature_id);
	const char *iid = arena_printf(rq->a, "%lld", insight_id), *imp = arena_printf(rq->a, "%lld", chosen ? chosen : 2);
	struct kv bk = {"back", back, NULL}, importance = {"importance", "2", &bk}, ins = {"insight_id", iid, choose ? &bk : &importance};
	struct kv value = {"importance", imp, NULL};
	action_form(rq, b, &evidence_link_action, f,
	            &(struct form_opts){.suffix = arena_printf(rq->a, "-%lld-%lld", feature_id, insight_id),
	                                .cls = "row-action", .bare = true, .quiet = true, .hidden = &ins, .values = &value,
	                                .only = "importance", .custom = "importance", .custom_input = importance_select,
	                                .button = label, .button_cls = "secondary"});
	json_decref(f);
}

static void unlink_form(request *rq, buf *b, long long feature_id, long long insight_id, const char *back)
{
	json_t *f = json_pack("{sI}", "id", (json_int_t)feature_id);
	struct kv bk = {"back", back, NULL};
	action_form(rq, b, &evidence_unlink_action, f,
	            &(struct form_opts){.suffix = arena_printf(rq->a, "-%lld-%lld", feature_id, insight_id), .sub = insight_id,
	                                .cls = "row-action", .quiet = true, .hidden = &bk, .button_cls = "link-button"});
	json_decref(f);
}

/* On the page shown again after a failed link form (this request is that POST): its message. */
static void failed_link(request *rq, buf *b)
{
	if (action_failed(rq, &evidence_link_action, 0))
		html(b, "<p class=\"error\" role=\"alert\" id=\"evidence-error\">%s</p>", rq_outcome(rq)->err.message);
}

static void source_mix(buf *b, json_t *mix)
{
	const char *k;
	json_t *v;
	bool any = false;
	json_object_foreach(mix, k, v)
	{
		if (!json_integer_value(v))
			continue;
		if (any)
			buf_lit(b, " · ");
		else
			buf_lit(b, "<p class=\"muted\" id=\"source-mix\">Sources: ");
		html(b, "%s %lld", k, (long long)json_integer_value(v));
		any = true;
	}
	if (any)
		buf_lit(b, "</p>");
}

static void evidence_table(request *rq, buf *b, long long fid, json_t *ev, const char *back)
{
	bool w = may_link(rq);
	buf_lit(b, "<table class=\"list compact\" id=\"evidence-list\"><thead><tr><th scope=\"col\">Insight</th><th scope="
	           "\"col\">Account</th><th scope=\"col\" class=\"num\">ARR</th><th scope=\"col\">Source</th><th scope=\"col\">"
	           "Importance</th><th scope=\"col\">Observed</th>");
	if (w)
		buf_lit(b, "<th scope=\"col\"><span class=\"sr-only\">Actions</span></th>");
	buf_lit(b, "</tr></thead><tbody>");
	size_t i;
	json_t *it;
	json_array_foreach(json_object_get(ev, "items"), i, it)
	{
		long long iid = json_integer_value(json_object_get(it, "insight_id"));
		const char *author = json_string_value(json_object_get(it, "author"));
		html(b, "<tr id=\"evidence-%lld\"><td class=\"quote\"><a href=\"/insights/%lld\">", iid, iid);
		quote(b, json_string_value(json_object_get(it, "text")));
		buf_lit(b, "</a>");
		if (author && *author)
			html(b, " <small class=\"muted\">— %s</small>", author);
		buf_lit(b, "</td><td>");
		json_t *acc = json_object_get(it, "account_id");
		if (json_is_integer(acc))
			html(b, "<a href=\"/accounts/%lld\">%s</a>", (long long)json_integer_value(acc),
			     json_string_value(json_object_get(it, "account")));
		else
			buf_lit(b, "<span class=\"muted\">—</span>");
		buf_lit(b, "</td><td class=\"num\">");
		if (json_is_integer(json_object_get(it, "arr")))
			fmt_number(b, (double)json_integer_value(json_object_get(it, "arr")));
		html(b, "</td><td>%s</td><td>", json_string_value(json_object_get(it, "source")));
		long long imp = json_integer_value(json_object_get(it, "importance"));
		if (w)
			link_form(rq, b, fid, iid, true, imp, back, "Save");
		else
			html(b, "%lld · %s", imp, importance_label(imp));
		html(b, "</td><td class=\"date\">%s</td>", json_string_value(json_object_get(it, "observed_at")));
		if (w) {
			buf_lit(b, "<td>");
			unlink_form(rq, b, fid, iid, back);
			buf_lit(b, "</td>");
		}
		buf_lit(b, "</tr>");
	}
	buf_lit(b, "</tbody></table>");
	long long total = json_integer_value(json_object_get(ev, "total"));
	if (total > (long long)json_array_size(json_object_get(ev, "items")))
		buf_rawf(b, "<p class=\"help\">The %zu most important of %lld are shown.</p>",
		         json_array_size(json_object_get(ev, "items")), total);
}

/* The ten best matches of q among a kind's objects; says so when there are none. NULL (after the message)
 * when the search cannot run. */
static json_t *search_kind(request *rq, buf *b, const struct entity *e, const char *q)
{
	struct kv limit = {"limit", "10", NULL}, query = {"q", q, &limit};
	struct list_query lq = {&query, 10};
	json_t *items = NULL;
	const char *next;
	struct err err = {0};
	if (entity_list(rq->db, e, &lq, rq->a, &items, &next, &err) < 0) {
		html(b, "<p class=\"error\" role=\"alert\">%s</p>", err.message);
		return NULL;
	}
	if (!json_array_size(items))
		html(b, "<p class=\"empty\">No %s matches “%s”.</p>", e->one, q);
	return items;
}

/* Insights matching the search box, each with a link form (or "linked" when it is already). */
static void evidence_search(request *rq, buf *b, long long fid, const char *q, const char *back)
{
	json_t *items = search_kind(rq, b, &insights_entity, q);
	if (!items)
		return;
	buf_lit(b, "<ul class=\"evidence-results\" id=\"evidence-results\">");
	size_t i;
	json_t *it;
	json_array_foreach(items, i, it)
	{
		long long iid = json_integer_value(json_object_get(it, "id"));
		const char *snip = json_string_value(json_object_get(it, "snippet"));
		html(b, "<li><a href=\"/insights/%lld\">", iid);
		if (snip && *snip)
			buf_html_marked(b, snip);
		else
			quote(b, json_string_value(json_object_get(it, "text")));
		buf_lit(b, "</a>");
		json_t *acc = json_object_get(it, "account_id");
		if (json_is_integer(acc))
			html(b, " <small class=\"muted\">%s</small>",
			     entity_ref_label(rq->db, rq->a, "accounts", json_integer_value(acc)));
		if (evidence_linked(rq->db, fid, iid))
			buf_lit(b, " <span class=\"badge\">linked</span>");
		else
			link_form(rq, b, fid, iid, true, 2, back, "Link");
		buf_lit(b, "</li>");
	}
	buf_lit(b, "</ul>");
	json_decref(items);
}

/* Why a suggestion is made: the words it matched. */
static void matched_words(request *rq, buf *b, json_t *words)
{
	if (!json_array_size(words))
		return;
	buf w;
	buf_init(&w);
	size_t i;
	json_t *x;
	json_array_foreach(words, i, x) {
		if (i)
			buf_lit(&w, ", ");
		buf_raw(&w, json_string_value(x));
	}
	html(b, " <small class=\"matched\">matched: %s</small>", arena_strdup(rq->a, w.p));
	buf_free(&w);
}

static void insight_suggestions(request *rq, buf *b, long long fid, const char *back)
{
	struct err e = {0};
	json_t *s = suggest_insights(rq->db, fid, &e);
	json_t *items = json_object_get(s, "items");
	buf_lit(b, "<h3>Suggested insights</h3>");
	if (!json_array_size(items))
		buf_lit(b, "<p class=\"empty\">No unlinked insight shares this feature's words.</p>");
	else
		buf_lit(b, "<ul class=\"evidence-results\" id=\"evidence-suggestions\">");
	size_t i;
	json_t *it;
	json_array_foreach(items, i, it)
	{
		long long iid = json_integer_value(json_object_get(it, "insight_id"));
		const char *acc = json_string_value(json_object_get(it, "account"));
		html(b, "<li><a href=\"/insights/%lld\">", iid);
		buf_html_marked(b, json_string_value(json_object_get(it, "snippet")));
		buf_lit(b, "</a>");
		if (acc)
			html(b, " <small class=\"muted\">%s</small>", acc);
		matched_words(rq, b, json_object_get(it, "matched"));
		if (may_link(rq))
			link_form(rq, b, fid, iid, false, 0, back, "Link");
		buf_lit(b, "</li>");
	}
	if (json_array_size(items))
		buf_lit(b, "</ul>");
	json_decref(s);
}

/* The page to come back to after a link form: /<kind>/<id>, keeping the search box's words (param) if any;
 * *q gets those words, NULL when there are none. */
static const char *back_with_search(request *rq, const char *kind, long long id, const char *param, const char **q)
{
	*q = rq_query(rq, param);
	if (*q && !**q)
		*q = NULL;
	buf back;
	buf_init(&back);
	buf_rawf(&back, "/%s/%lld", kind, id);
	if (*q) {
		buf_rawf(&back, "?%s=", param);
		buf_url(&back, *q);
	}
	const char *bk = arena_strdup(rq->a, buf_str(&back));
	buf_free(&back);
	return bk;
}

void evidence_section(request *rq, buf *b, long long feature_id)
{
	struct err e = {0};
	json_t *ev = evidence_list(rq->db, feature_id, &e);
	json_t *conc = demand_feature(rq->db, feature_id);
	if (!ev || !conc) {
		json_decref(ev), json_decref(conc);
		return;
	}
	const char *q, *bk = back_with_search(rq, "features", feature_id, "evidence_q", &q);
	html(b, "<section class=\"card\" id=\"evidence\"><h2>Evidence <span class=\"count\">%lld</span></h2>",
	     (long long)json_integer_value(json_object_get(ev, "total")));
	failed_link(rq, b);
	demand_numbers(b, conc);
	demand_bars(b, conc, 5);
	source_mix(b, json_object_get(ev, "source_mix"));
	if (json_array_size(json_object_get(ev, "items")))
		evidence_table(rq, b, feature_id, ev, bk);
	else
		buf_lit(b, "<p class=\"empty\">No insight is linked yet: nobody has asked for this, as far as Tandem knows.</p>");
	buf_lit(b, "<p class=\"help\"><a href=\"/demand\">Demand across the plan</a></p>");
	if (may_link(rq)) {
		html(b, "<form class=\"inline\" method=\"get\" action=\"/features/%lld#evidence\" role=\"search\">"
		        "<label>Add evidence <input type=\"search\" name=\"evidence_q\" value=\"%s\" "
		        "placeholder=\"Words the customer used\"></label><button type=\"submit\" class=\"secondary\">Search insights"
		        "</button></form>",
		     feature_id, q ? q : "");
		if (q)
			evidence_search(rq, b, feature_id, q, bk);
	}
	insight_suggestions(rq, b, feature_id, bk);
	buf_lit(b, "</section>");
	json_decref(ev);
	json_decref(conc);
}

/* Features matching the search box, each with a link form for the insight. */
static void feature_search(request *rq, buf *b, long long iid, const char *q, const char *back)
{
	json_t *items = search_kind(rq, b, &features_entity, q);
	if (!items)
		return;
	buf_lit(b, "<ul class=\"evidence-results\" id=\"feature-results\">");
	size_t i;
	json_t *it;
	json_array_foreach(items, i, it)
	{
		long long fid = json_integer_value(json_object_get(it, "id"));
		if (!json_is_null(json_object_get(it, "merged_into")))
			continue; /* a merged duplicate takes no evidence */
		html(b, "<li><a href=\"/features/%lld\">%s</a> <span class=\"badge\">%s</span>", fid,
		     json_string_value(json_object_get(it, "title")),
		     field_choice_label(entity_field(&features_entity, "status"), json_string_value(json_object_get(it, "status")), rq->a));
		if (evidence_linked(rq->db, fid, iid))
			buf_lit(b, " <span class=\"badge\">linked</span>");
		else
			link_form(rq, b, fid, iid, true, 2, back, "Link");
		buf_lit(b, "</li>");
	}
	buf_lit(b, "</ul>");
	json_decref(items);
}

void insight_section(request *rq, buf *b, long long insight_id)
{
	struct err e = {0};
	json_t *fs = evidence_of_insight(rq->db, insight_id, &e);
	if (!fs)
		return;
	const char *q, *bk = back_with_search(rq, "insights", insight_id, "feature_q", &q);
	bool w = may_link(rq);
	json_t *items = json_object_get(fs, "items");
	html(b, "<section class=\"card\" id=\"insight-features\"><h2>Features it supports <span class=\"count\">%zu</span></h2>",
	     json_array_size(items));
	failed_link(rq, b);
	if (!json_array_size(items))
		buf_lit(b, "<p class=\"empty\">Not linked to any feature yet.</p>");
	else {
		buf_lit(b, "<table class=\"list compact\" id=\"linked-features\"><thead><tr><th scope=\"col\">Feature</th>"
		           "<th scope=\"col\">Status</th><th scope=\"col\">Importance</th>");
		if (w)
			buf_lit(b, "<th scope=\"col\"><span class=\"sr-only\">Actions</span></th>");
		buf_lit(b, "</tr></thead><tbody>");
	}
	size_t i;
	json_t *it;
	json_array_foreach(items, i, it)
	{
		long long fid = json_integer_value(json_object_get(it, "feature_id"));
		long long imp = json_integer_value(json_object_get(it, "importance"));
		html(b, "<tr id=\"linked-%lld\"><td class=\"title\"><a href=\"/features/%lld\">%s</a></td><td>%s</td><td>",
		     fid, fid,
		     json_string_value(json_object_get(it, "title")),
		     field_choice_label(entity_field(&features_entity, "status"), json_string_value(json_object_get(it, "status")), rq->a));
		if (w) {
			link_form(rq, b, fid, insight_id, true, imp, bk, "Save");
			buf_lit(b, "</td><td>");
			unlink_form(rq, b, fid, insight_id, bk);
		} else {
			html(b, "%lld · %s", imp, importance_label(imp));
		}
		buf_lit(b, "</td></tr>");
	}
	if (json_array_size(items))
		buf_lit(b, "</tbody></table>");
	json_decref(fs);
	if (w) {
		html(b, "<form class=\"inline\" method=\"get\" action=\"/insights/%lld#insight-features\" role=\"search\">"
		        "<label>Link to feature <input type=\"search\" name=\"feature_q\" value=\"%s\" "
		        "placeholder=\"Words in the feature's title\"></label><button type=\"submit\" class=\"secondary\">"
		        "Search features</button></form>",
		     insight_id, q ? q : "");
		if (q)
			feature_search(rq, b, insight_id, q, bk);
	}
	json_t *sug = suggest_features(rq->db, insight_id, &e);
	json_t *sitems = json_object_get(sug, "items");
	buf_lit(b, "<h3>Suggested features</h3>");
	if (!json_array_size(sitems))
		buf_lit(b, "<p class=\"empty\">No unlinked feature shares this insight's words.</p>");
	else
		buf_lit(b, "<ul class=\"evidence-results\" id=\"feature-suggestions\">");
	json_array_foreach(sitems, i, it)
	{
		long long fid = json_integer_value(json_object_get(it, "id"));
		html(b, "<li><a href=\"/features/%lld\">%s</a> <span class=\"badge\">%s</span>", fid,
		     json_string_value(json_object_get(it, "title")),
		     field_choice_label(entity_field(&features_entity, "status"), json_string_value(json_object_get(it, "status")), rq->a));
		matched_words(rq, b, json_object_get(it, "matched"));
		if (w)
			link_form(rq, b, fid, insight_id, false, 0, bk, "Link");
		buf_lit(b, "</li>");
	}
	if (json_array_size(sitems))
		buf_lit(b, "</ul>");
	json_decref(sug);
	buf_lit(b, "</section>");
}

/* After a failed link: the page the form was on again (the insight's or the feature's), with the message. */
static void link_failed(request *rq, response *rs, const struct outcome *o)
{
	const char *back = safe_back(rq_form(rq, "back"));
	long long iid;
	if (back && !strncmp(back, "/insights/", 10) && parse_ll(rq_form(rq, "insight_id"), &iid) &&
	    entity_ref_exists(rq->db, "insights", iid))
		return page_entity_show_failed(rq, rs, &insights_entity, iid, "evidence", &o->err);
	if (entity_ref_exists(rq->db, "features", o->id))
		return page_entity_show_failed(rq, rs, &features_entity, o->id, "evidence", &o->err);
	page_error(rq, rs, o->err.status, o->err.message);
}

/* After a link: back to the page the form was on, at the row of the link made (the insight's row among the
 * feature's evidence, the feature's among the insight's features), so focus returns there. */
static void link_done(request *rq, response *rs, const struct outcome *o)
{
	const char *back = safe_back(rq_form(rq, "back"));
	if (!back)
		back = arena_printf(rq->a, "/features/%lld", o->id);
	long long iid = 0;
	parse_ll(rq_form(rq, "insight_id"), &iid);
	if (!strncmp(back, "/insights/", 10))
		return reply_redirect(rs, rq, arena_printf(rq->a, "%s#linked-%lld", back, o->id));
	reply_redirect(rs, rq, arena_printf(rq->a, "%s#evidence-%lld", back, iid));
}

/* After an unlink: back to the page the form was on, at its section (the row is gone). */
static void unlink_done(request *rq, response *rs, const struct outcome *o)
{
	const char *back = safe_back(rq_form(rq, "back"));
	if (!back)
		back = arena_printf(rq->a, "/features/%lld", o->id);
	reply_redirect(rs, rq,
	               arena_printf(rq->a, "%s#%s", back, !strncmp(back, "/insights/", 10) ? "insight-features" : "evidence"));
}

static void unlink_failed(request *rq, response *rs, const struct outcome *o)
{
	page_error(rq, rs, o->err.status, o->err.message);
}

const struct action_page evidence_link_page = {&evidence_link_action, link_failed, link_done},
                         evidence_unlink_page = {&evidence_unlink_action, unlink_failed, unlink_done};
