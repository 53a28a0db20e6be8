/* deck.c — the all-hands deck: one self-contained HTML file (its CSS, SVG and a few lines of script inline, nothing
 * fetched) with a slide each for the vision and perspective, each goal with its chart, the plan's focus (what is in,
 * what was cut, the top-3 share), the roadmap's timeline, each tier-1 and tier-2 launch ahead, and the wins. Arrow
 * keys move between slides; printed, each slide is one page. Served at /deck and written by `tandem deck`. */
#include <sodium.h>
#include <string.h>
#include "domain/plan_db.h"
#include "domain/roadmap.h"
#include "model/features.h"
#include "model/goals.h"
#include "model/strategy.h"
#include "model/strategy_brief.h"
#include "model/wins.h"
#include "platform/json_get.h"
#include "roadmap_svg.h"
#include "assets.h"
#include "svg.h"
#include "web.h"

/* Its style and script (src/web/static/deck.css, deck.js), inlined: the file needs nothing else. */
static const char *deck_css(void) { return asset_find("deck.css")->body; }
static const char *deck_js(void) { return asset_find("deck.js")->body; }

/* 'sha256-…' of an inline element's text, for the page's Content-Security-Policy. */
static void csp_hash(const char *text, char out[64])
{
	unsigned char h[crypto_hash_sha256_BYTES];
	crypto_hash_sha256(h, (const unsigned char *)text, strlen(text));
	char b64[sodium_base64_ENCODED_LEN(crypto_hash_sha256_BYTES, sodium_base64_VARIANT_ORIGINAL)];
	sodium_bin2base64(b64, sizeof b64, h, sizeof h, sodium_base64_VARIANT_ORIGINAL);
	snprintf(out, 64, "'sha256-%s'", b64);
}

void deck_csp(char *out, size_t n)
{
	char style[64], script[64];
	csp_hash(deck_css(), style);
	csp_hash(deck_js(), script);
	snprintf(out, n, "default-src 'none'; img-src data:; style-src %s; script-src %s; frame-ancestors 'none'; "
	                 "base-uri 'none'; form-action 'none'",
	         style, script);
}

struct deck {
	db *d;
	arena *a;
	buf *b;
	const char *today;
	int n; /* slides so far */
};

static void slide_begin(struct deck *k, const char *kicker, const char *title)
{
	k->n++;
	html(k->b, "<section class=\"slide\" id=\"slide-%d\" aria-label=\"Slide %d\"><p class=\"kicker\">%s</p><h2>%s</h2>",
	     k->n, k->n, kicker, title);
}

static void slide_end(struct deck *k) { buf_rawf(k->b, "<p class=\"n\">%d</p></section>\n", k->n); }

void page_deck(request *rq, response *rs)
{
	char today[11], csp[400];
	today_ymd(today);
	page_headers(rs);
	deck_csp(csp, sizeof csp);
	rs_header_set(rs, "Content-Security-Policy", arena_strdup(rq->a, csp)); /* headers keep the pointer */
	deck_document(rq->db, rq->a, today, &rs->body);
}

static void vision(struct deck *k)
{
	json_t *st = strategy_get(k->d);
	k->n++;
	html(k->b, "<section class=\"slide\" id=\"slide-%d\" aria-label=\"Slide %d\"><p class=\"kicker\">All hands · %s</p>"
	           "<h1>Where we are going</h1><p class=\"big\">%s</p>",
	     k->n, k->n, k->today, str_empty(jget_str(st, "vision")) ? "Our vision is not written yet." : jget_str(st, "vision"));
	if (!str_empty(jget_str(st, "perspective")))
		html(k->b, "<p class=\"muted\"><strong>Our perspective:</strong> %s</p>", jget_str(st, "perspective"));
	json_decref(st);
	slide_end(k);
}

static void goal_slides(struct deck *k)
{
	json_t *goals = strategy_brief_goals(k->d), *g;
	size_t i;
	json_array_foreach(goals, i, g)
	{
		slide_begin(k, str_eq(jget_str(g, "status"), "met") ? "Goal · met" : "Goal", jget_str(g, "title"));
		buf num;
		buf_init(&num);
		fmt_number(&num, json_number_value(json_object_get(g, "current")));
		buf_lit(k->b, "<div class=\"cols\"><div>");
		html(k->b, "<p class=\"stat\">%s <span class=\"big\">%s</span></p><p>%s, from ", buf_str(&num),
		     jget_str(g, "unit") ? jget_str(g, "unit") : "", jget_str(g, "metric"));
		fmt_number(k->b, json_number_value(json_object_get(g, "baseline")));
		buf_lit(k->b, " toward ");
		fmt_number(k->b, json_number_value(json_object_get(g, "target")));
		html(k->b, " by %s.</p>", jget_str(g, "due") ? jget_str(g, "due") : "a date to be set");
		const char *pm = jget_str(g, "pm_owner"), *pmm = jget_str(g, "pmm_owner");
		if (pm || pmm)
			html(k->b, "<p class=\"muted\">Owners: %s%s%s</p>", pm ? pm : "", pm && pmm ? " and " : "", pmm ? pmm : "");
		buf_free(&num);
		buf_lit(k->b, "</div><div>");
		json_t *full = entity_get(k->d, &goals_entity, jget_int(g, "id")), *ms = goal_measurements(k->d, jget_int(g, "id"));
		if (full)
			goal_chart(k->a, k->b, full, ms);
		json_decref(full);
		json_decref(ms);
		buf_lit(k->b, "</div></div>");
		slide_end(k);
	}
	json_decref(goals);
}

static void plan_slide(struct deck *k)
{
	struct plan_req r = {0};
	const char *period = capacity_default_period(k->d, k->a, k->today);
	snprintf(r.period, sizeof r.period, "%s", period ? period : "");
	r.time_limit = 5;
	struct err e = {0};
	json_t *p = plan_compute(k->d, &r, &e), *it;
	plan_req_free(&r);
	slide_begin(k, "The plan", "Focus: what is in, and what we cut");
	if (!p) {
		html(k->b, "<p class=\"muted\">The plan for %s cannot be made yet: %s.</p>", r.period, e.message);
		slide_end(k);
		return;
	}
	size_t i;
	html(k->b, "<p class=\"muted\">For %s, within the teams' capacity; the top three items carry "
	           "<strong>%.0f%%</strong> of the plan's value.</p><div class=\"cols\"><div><h3>In (%zu)</h3><ul>",
	     r.period, json_number_value(json_object_get(p, "top3_share")) * 100, json_array_size(json_object_get(p, "items")));
	json_array_foreach(json_object_get(p, "items"), i, it) html(k->b, "<li>%s</li>", jget_str(it, "title"));
	html(k->b, "</ul></div><div><h3>Cut (%zu)</h3><ul>", json_array_size(json_object_get(p, "cut")));
	json_array_foreach(json_object_get(p, "cut"), i, it)
	html(k->b, "<li>%s <span class=\"why\">— %s</span></li>", jget_str(it, "title"), jget_str(it, "reason"));
	buf_lit(k->b, "</ul></div></div>");
	json_decref(p);
	slide_end(k);
}

static void roadmap_slide(struct deck *k)
{
	struct roadmap_filter f;
	roadmap_filter_init(&f);
	struct roadmap r;
	slide_begin(k, "The roadmap", "What ships when");
	if (roadmap_load(k->d, k->a, &f, k->today, &r) == 0)
		roadmap_svg(k->b, &r, roadmap_zoom_fit(&r));
	else
		buf_lit(k->b, "<p class=\"muted\">The roadmap could not be drawn.</p>");
	slide_end(k);
}

static void launch_slides(struct deck *k)
{
	json_t *ls = strategy_brief_launches(k->d, k->today), *l;
	size_t i;
	json_array_foreach(ls, i, l)
	{
		if (jget_int(l, "tier") > 2)
			continue;
		slide_begin(k, jget_int(l, "tier") == 1 ? "Launch · tier 1" : "Launch · tier 2", jget_str(l, "title"));
		html(k->b, "<p class=\"stat\">%s</p>", jget_str(l, "launch_date"));
		if (!str_empty(jget_str(l, "summary")))
			html(k->b, "<p class=\"big\">%s</p>", jget_str(l, "summary"));
		if (jget_str(l, "owner"))
			html(k->b, "<p class=\"muted\">Owner: %s · %s</p>", jget_str(l, "owner"), jget_str(l, "status"));
		slide_end(k);
	}
	json_decref(ls);
}

static void wins_slide(struct deck *k)
{
	json_t *ws = wins_recent(k->d, 6), *w;
	size_t i;
	slide_begin(k, "Celebrate", "Wins");
	if (!json_array_size(ws))
		buf_lit(k->b, "<p class=\"muted\">The first goal met or launch launched will be celebrated here.</p>");
	else
		buf_lit(k->b, "<ul>");
	json_array_foreach(ws, i, w)
	{
		html(k->b, "<li><strong>%s</strong>", jget_str(w, "title"));
		json_t *names = json_object_get(w, "thanks_names"), *n;
		size_t j;
		json_array_foreach(names, j, n) html(k->b, "%s%s", j ? ", " : " — thank you, ", json_string_value(n));
		buf_lit(k->b, "</li>");
	}
	if (json_array_size(ws))
		buf_lit(k->b, "</ul>");
	json_decref(ws);
	slide_end(k);
}

void deck_document(db *d, arena *a, const char *today, buf *b)
{
	struct deck k = {d, a, b, today, 0};
	html(b, "<!doctype html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" "
	        "content=\"width=device-width, initial-scale=1\"><title>All hands · %s</title><style>",
	     today);
	buf_raw(b, deck_css());
	buf_lit(b, "</style></head>\n<body><main class=\"deck\">\n");
	vision(&k);
	goal_slides(&k);
	plan_slide(&k);
	roadmap_slide(&k);
	launch_slides(&k);
	wins_slide(&k);
	buf_lit(b, "</main><p class=\"help\">← → move between slides · print for one slide a page</p><script>");
	buf_raw(b, deck_js());
	buf_lit(b, "</script></body></html>\n");
}
