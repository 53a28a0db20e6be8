/* page_roadmap.c — the roadmap page (timeline or now/next/later board, grouped by goal, team or persona, filtered),
 * the timeline alone as an SVG file, and the read-only roadmap at a share link. */
#include "app/reply.h"
#include "model/choices.h"
#include "domain/roadmap.h"
#include "model/share_links.h"
#include "model/users.h"
#include "fields.h"
#include "roadmap_svg.h"
#include "web.h"
#include <string.h>

struct view {
	struct roadmap r;
	bool board;
	enum roadmap_zoom zoom; /* as asked, or the one that fits the content */
	bool shared;      /* at a share link: no links into Tandem, no filter form, no controls */
	const char *base; /* the page's own path */
};

/* The filters and the view from the query, and the roadmap they select; false after answering
 * (400 naming the parameter at fault, or 500). */
static bool load(request *rq, response *rs, struct view *v)
{
	struct roadmap_filter f;
	struct err err = {0};
	roadmap_filter_init(&f);
	v->board = false;
	int zoom = -1;
	for (struct kv *k = rq_query_all(rq); k && !err.status; k = k->next) {
		if (!strcmp(k->key, "zoom")) {
			zoom = roadmap_zoom_parse(k->value);
			if (zoom < 0 && !str_empty(k->value))
				err_invalid(&err, "zoom", "zoom must be quarter, half or year");
		} else if (strcmp(k->key, "view"))
			roadmap_param(rq->db, &f, k->key, k->value, &err);
		else if (str_eq(k->value, "board") || str_eq(k->value, "timeline") || str_empty(k->value))
			v->board = str_eq(k->value, "board");
		else
			err_invalid(&err, "view", "view must be timeline or board");
	}
	if (err.status) {
		page_error(rq, rs, err.status, err.message);
		return false;
	}
	char today[11];
	today_ymd(today);
	if (roadmap_load(rq->db, rq->a, &f, today, &v->r) < 0) {
		page_error(rq, rs, 500, "the roadmap could not be read; see the server log");
		return false;
	}
	v->zoom = zoom >= 0 ? (enum roadmap_zoom)zoom : roadmap_zoom_fit(&v->r);
	return true;
}

/* The address of this page with a grouping, a view and a zoom (-1: the current ones) and the current filters;
 * svg: the timeline file instead. Escaped for an attribute. */
static void href(buf *b, const struct view *v, int group, int board, int zoom, bool svg)
{
	const struct roadmap_filter *f = &v->r.filter;
	buf u;
	buf_init(&u);
	buf_raw(&u, svg ? "/roadmap.svg" : v->base);
	buf_lit(&u, "?group=");
	buf_raw(&u, roadmap_group_name(group < 0 ? f->group : (enum roadmap_group)group));
	if (!svg)
		buf_raw(&u, (board < 0 ? v->board : board) ? "&view=board" : "&view=timeline");
	buf_lit(&u, "&zoom=");
	buf_raw(&u, roadmap_zoom_name(zoom < 0 ? v->zoom : (enum roadmap_zoom)zoom));
	const char *names[] = {"goal", "segment", "persona"};
	long long ids[] = {f->goal, f->segment, f->persona};
	for (int i = 0; i < 3; i++)
		if (ids[i])
			buf_rawf(&u, "&%s=%lld", names[i], ids[i]);
	if (f->tier) {
		buf_lit(&u, "&tier=");
		buf_url(&u, f->tier);
	}
	if (f->launch_tier)
		buf_rawf(&u, "&launch_tier=%d", f->launch_tier);
	buf_html(b, buf_str(&u));
	buf_free(&u);
}

static void switches(buf *b, const struct view *v)
{
	buf_lit(b, "<div class=\"rm-controls\"><nav class=\"rm-switch\" aria-label=\"View\"><span>View</span><ul>");
	const char *views[] = {"Timeline", "Board: now, next, later"};
	for (int i = 0; i < 2; i++) {
		buf_lit(b, "<li><a href=\"");
		href(b, v, -1, i, -1, false);
		html(b, "\"%s>%s</a></li>", v->board == (i == 1) ? " aria-current=true" : "", views[i]);
	}
	buf_lit(b, "</ul></nav><nav class=\"rm-switch\" aria-label=\"Group by\"><span>Group by</span><ul>");
	const char *groups[] = {"Goal", "Team", "Persona"};
	for (int g = 0; g < ROADMAP_GROUP__MAX; g++) {
		buf_lit(b, "<li><a href=\"");
		href(b, v, g, -1, -1, false);
		html(b, "\"%s>%s</a></li>", v->r.filter.group == (enum roadmap_group)g ? " aria-current=true" : "",
		     groups[g]);
	}
	buf_lit(b, "</ul></nav>");
	if (!v->board) {
		buf_lit(b, "<nav class=\"rm-switch rm-zoom\" aria-label=\"Zoom\"><span>Zoom</span><ul>");
		for (int z = 0; z < ZOOM__MAX; z++) {
			buf_lit(b, "<li><a href=\"");
			href(b, v, -1, -1, z, false);
			html(b, "\"%s>%s</a></li>", v->zoom == (enum roadmap_zoom)z ? " aria-current=true" : "",
			     roadmap_zoom_label((enum roadmap_zoom)z));
		}
		buf_lit(b, "</ul></nav>");
	}
	buf_lit(b, "</div>");
}

/* A select of the objects of kind, the one with id chosen selected. */
static void select_rows(request *rq, buf *b, const char *name, const char *label, const char *any, const char *kind,
                        long long chosen)
{
	html(b, "<label>%s <select name=\"%s\"><option value=\"\">%s</option>", label, name, any);
	json_t *choices = entity_choices(rq->db, kind, chosen), *c;
	size_t i;
	json_array_foreach(choices, i, c)
	{
		long long id = json_integer_value(json_object_get(c, "id"));
		html(b, "<option value=\"%lld\"%s>%s</option>", id, id == chosen ? " selected" : "",
		     json_string_value(json_object_get(c, "label")));
	}
	json_decref(choices);
	buf_lit(b, "</select></label>");
}

static void filters(request *rq, buf *b, const struct view *v)
{
	const struct roadmap_filter *f = &v->r.filter;
	html(b,
	     "<form class=\"filters rm-filters\" method=\"get\" action=\"/roadmap\" aria-label=\"Filter the roadmap\">"
	     "<input type=\"hidden\" name=\"group\" value=\"%s\"><input type=\"hidden\" name=\"view\" value=\"%s\">"
	     "<input type=\"hidden\" name=\"zoom\" value=\"%s\">",
	     roadmap_group_name(f->group), v->board ? "board" : "timeline", roadmap_zoom_name(v->zoom));
	select_rows(rq, b, "goal", "Goal", "Any goal", "goals", f->goal);
	select_rows(rq, b, "segment", "Segment", "Any segment", "segments", f->segment);
	select_rows(rq, b, "persona", "Persona", "Any persona", "personas", f->persona);
	const char *tiers[] = {"free", "pro", "enterprise"}, *tier_labels[] = {"Free", "Pro", "Enterprise"};
	buf_lit(b, "<label>Package <select name=\"tier\"><option value=\"\">Any package</option>");
	for (int i = 0; i < 3; i++)
		html(b, "<option value=\"%s\"%s>%s</option>", tiers[i], str_eq(f->tier, tiers[i]) ? " selected" : "",
		     tier_labels[i]);
	buf_lit(
	    b, "</select></label><label>Launch tier <select name=\"launch_tier\"><option value=\"\">Any tier</option>");
	const char *lt[] = {"", "Tier 1 (major)", "Tier 2 (notable)", "Tier 3 (minor)"};
	for (int t = 1; t <= 3; t++)
		html(b, "<option value=\"%d\"%s>%s</option>", t, f->launch_tier == t ? " selected" : "", lt[t]);
	html(b,
	     "</select></label><button type=\"submit\">Apply</button> <a "
	     "href=\"/roadmap?group=%s&amp;view=%s\">Clear</a>"
	     "</form>",
	     roadmap_group_name(f->group), v->board ? "board" : "timeline");
}

/* The launches dated before their release ships, in words (the timeline marks them with a warning). */
static void early_launches(buf *b, const struct view *v)
{
	const struct roadmap *r = &v->r;
	for (int i = 0; i < r->nlaunches; i++) {
		const struct rm_launch *l = &r->launches[i];
		for (int k = 0; l->before_release && k < r->nreleases; k++) {
			const struct rm_release *rel = &r->releases[k];
			if (rel->id != l->release_id)
				continue;
			buf_lit(b, "<p class=\"rm-warn\"><span class=\"rm-warn-mark\" aria-hidden=\"true\">!</span> "
			           "<strong>Launch before its release:</strong> ");
			if (v->shared)
				html(b, "%s", l->title);
			else
				html(b, "<a href=\"/launches/%lld\">%s</a>", l->id, l->title);
			long days = date_diff(l->launch_date, rel->target_date);
			html(b, " is dated %s, %ld day%s before release %s ships (target %s).</p>", l->launch_date, days,
			     days == 1 ? "" : "s", rel->name, rel->target_date);
		}
	}
}

static void timeline(buf *b, const struct view *v)
{
	int unscheduled = 0;
	for (int i = 0; i < v->r.nfeatures; i++)
		unscheduled += v->r.features[i].release < 0;
	buf_lit(b, "<figure class=\"rm-figure\"><div class=\"rm-scroll\" role=\"region\" tabindex=\"0\" aria-label=\"Roadmap timeline, "
	           "scrolls sideways\">");
	roadmap_svg(b, &v->r, v->zoom);
	buf_lit(b, "</div><figcaption>Each bar runs from the previous release's target date to its own release's; "
	           "hover a bar, a milestone or a launch for details.</figcaption></figure>");
	early_launches(b, v);
	if (unscheduled) {
		buf_rawf(
		    b, "<p class=\"muted\">%d accepted or planned feature%s no release yet: see <em>Later</em> on the ",
		    unscheduled, unscheduled == 1 ? " has" : "s have");
		buf_lit(b, "<a href=\"");
		href(b, v, -1, 1, -1, false);
		buf_lit(b, "\">board</a>.</p>");
	}
	buf_lit(b, "<details class=\"rm-details\"><summary>The roadmap as a table</summary>");
	roadmap_table(b, &v->r, !v->shared);
	buf_lit(b, "</details>");
}

static void body(buf *b, const struct view *v)
{
	if (v->board)
		roadmap_board(b, &v->r, !v->shared);
	else
		timeline(b, v);
}

void page_roadmap(request *rq, response *rs)
{
	struct view v = {.base = "/roadmap"};
	if (!load(rq, rs, &v))
		return;
	page_begin(rq, rs, "Roadmap", "roadmap");
	buf *b = &rs->body;
	buf_lit(b,
	        "<div class=\"page-head\"><div><h1>Roadmap</h1><p class=\"blurb\">Releases by target date with their "
	        "features, and launches as markers.</p></div><div class=\"actions\"><a class=\"button secondary\" "
	        "href=\"");
	href(b, &v, -1, -1, -1, true);
	buf_lit(b, "\" download=\"roadmap.svg\">Download SVG</a>");
	if (rq->user_rank >= RANK_EDITOR)
		buf_lit(b, "<a class=\"button secondary\" href=\"/releases/new\">New release</a>"
		           "<a class=\"button secondary\" href=\"#share\">Share read-only</a>");
	buf_lit(b, "</div></div>");
	switches(b, &v);
	filters(rq, b, &v);
	body(b, &v);
	if (rq->user_rank >= RANK_EDITOR)
		share_links_section(rq, b, "roadmap");
	page_end(rq, rs);
}

void page_roadmap_svg(request *rq, response *rs)
{
	struct view v = {.base = "/roadmap"};
	if (!load(rq, rs, &v))
		return;
	reply_file(rq, rs, "image/svg+xml; charset=utf-8", "inline", "roadmap.svg");
	rs_header(rs, "Content-Security-Policy", "default-src 'none'; frame-ancestors 'none'");
	buf_lit(&rs->body, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
	roadmap_svg(&rs->body, &v.r, v.zoom);
	buf_lit(&rs->body, "\n");
}

/* Public: the token is the only key. A wrong or revoked one gets exactly the router's answer for a path
 * that does not exist (no chrome of a signed-in visitor either), so nothing tells that a roadmap is there. */
void page_share_roadmap(request *rq, response *rs)
{
	rq->user_id = 0, rq->user_rank = RANK_NONE, rq->csrf = NULL;
	if (!share_link_valid(rq->db, "roadmap", rq->params[0])) {
		page_error(rq, rs, 404, "no such page or resource");
		return;
	}
	buf base;
	buf_init(&base);
	buf_lit(&base, "/share/roadmap/");
	buf_url(&base, rq->params[0]);
	struct view v = {.shared = true, .base = arena_strdup(rq->a, buf_str(&base))};
	buf_free(&base);
	if (!load(rq, rs, &v))
		return;
	rs_header(rs, "X-Robots-Tag", "noindex, nofollow");
	page_begin(rq, rs, "Roadmap", NULL);
	buf *b = &rs->body;
	html(b,
	     "<div class=\"page-head\"><div><h1>Roadmap</h1><p class=\"blurb\">A read-only view shared from Tandem, as "
	     "of "
	     "%s.</p></div></div>",
	     v.r.today);
	switches(b, &v);
	body(b, &v);
	page_end(rq, rs);
}
