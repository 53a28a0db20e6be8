/* layout.c — the page chrome (header, navigation, footer), error pages and embedded assets. */
#include <stdbool.h>
#include <string.h>
#include "app/route.h"
#include "assets.h"
#include "model/users.h"
#include "model/notifications.h"
#include "web.h"

/* The main navigation; a section with several pages shows them as tabs under the header. */
static const struct {
	const char *href, *label, *key;
} nav[] = {
	{"/", "Dashboard", "dashboard"},   {"/strategy", "Strategy", "strategy"}, {"/goals", "Goals", "goals"},
	{"/features", "Features", "features"}, {"/plan", "Plan", "plan"},       {"/launches", "Launches", "launch"},
	{"/segments", "Customers", "customers"},
	{"/alignment", "Alignment", "alignment"},
};

static const struct {
	const char *section, *href, *label, *key;
} tabs[] = {
	{"dashboard", "/", "Overview", "dashboard"},         {"dashboard", "/activity", "Activity", "activity"},
	{"dashboard", "/wins", "Wins", "wins"},              {"dashboard", "/reviews", "Reviews", "reviews"},
	{"features", "/features", "Backlog", "features"},   {"features", "/triage", "Triage", "triage"},
	{"plan", "/plan", "Plan", "plan"},                   {"plan", "/capacity", "Capacity", "capacity"},
	{"plan", "/demand", "Demand", "demand"},           {"features", "/insights", "Evidence", "insights"},
	{"customers", "/segments", "Segments", "segments"}, {"customers", "/personas", "Personas", "personas"},
	{"customers", "/journey-stages", "Journey", "journey-stages"}, {"customers", "/journey", "Journey map", "journey"},
	{"launch", "/roadmap", "Roadmap", "roadmap"},       {"launch", "/releases", "Releases", "releases"},
	{"launch", "/launches", "Launches", "launches"},    {"launch", "/calendar", "Calendar", "calendar"},
	{"launch", "/messaging", "Messaging", "messaging"}, {"launch", "/messages", "Messages", "messages"},
	{"launch", "/prfaqs", "PR/FAQs", "prfaqs"},
	{"customers", "/accounts", "Accounts", "accounts"}, {"customers", "/competitors", "Competitors", "competitors"},
	{"customers", "/objections", "Objections", "objections"},
	{"alignment", "/alignment", "Report", "alignment"},   {"alignment", "/decisions", "Decisions", "decisions"},
};

/* The section a page belongs to: its own key, or the section of its tab. */
static const char *section_of(const char *active)
{
	for (size_t i = 0; active && i < COUNT(tabs); i++)
		if (!strcmp(tabs[i].key, active))
			return tabs[i].section;
	return active;
}

static void section_tabs(buf *b, const char *section, const char *active)
{
	bool any = false;
	for (size_t i = 0; section && i < COUNT(tabs); i++) {
		if (strcmp(tabs[i].section, section))
			continue;
		if (!any)
			buf_lit(b, "<nav class=\"tabs\" aria-label=\"Section\"><ul>");
		any = true;
		html(b, "<li><a href=\"%s\"%s>%s</a></li>", tabs[i].href,
		     !strcmp(tabs[i].key, active) ? " aria-current=page" : "", tabs[i].label);
	}
	if (any)
		buf_lit(b, "</ul></nav>");
}

void page_headers(response *rs)
{
	rs->status = rs->status ? rs->status : 200;
	rs->content_type = "text/html; charset=utf-8";
	rs_header(rs, "Content-Security-Policy",
	          "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; "
	          "frame-ancestors 'none'; form-action 'self'; base-uri 'none'");
	rs_header(rs, "Cache-Control", "private, no-cache");
}

const struct asset *asset_find(const char *name)
{
	for (int i = 0; name && i < assets_count; i++)
		if (!strcmp(assets[i].name, name))
			return &assets[i];
	return NULL;
}

void page_begin(request *rq, response *rs, const char *title, const char *active)
{
	page_headers(rs);
	buf *b = &rs->body;
	html(b,
	     "<!doctype html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
	     "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
	     "<title>%s · Tandem</title><link rel=\"stylesheet\" href=\"/static/tandem.css\"><link rel=\"icon\" href=\"/static/favicon.svg\">"
	     "<script src=\"/static/focus.js\" defer></script></head>\n<body>",
	     title);
	buf_lit(b, "<a class=\"skip\" href=\"#main\">Skip to content</a><header class=\"top\"><a class=\"brand\" "
	           "href=\"/\">Tandem</a>");
	if (rq->user_id) {
		buf_lit(b, "<nav aria-label=\"Main\"><ul>");
		const char *section = section_of(active);
		for (size_t i = 0; i < COUNT(nav); i++)
			html(b, "<li><a href=\"%s\"%s>%s</a></li>", nav[i].href,
			     section && !strcmp(section, nav[i].key) ? " aria-current=page" : "", nav[i].label);
		if (rq->user_rank >= RANK_ADMIN) /* the others reach the people list from a profile or an owner's name */
			html(b, "<li><a href=\"/users\"%s>People</a></li>", str_eq(section, "people") ? " aria-current=page" : "");
		buf_lit(b, "</ul></nav>");
		long long unread = notifications_unread(rq->db, rq->user_id);
		html(b, "<a class=\"inbox-link\" href=\"/inbox\"%s>Inbox", str_eq(active, "inbox") ? " aria-current=page" : "");
		if (unread > 0)
			html(b, " <span class=\"unread-count\" aria-label=\"%lld unread\">%lld</span>", unread, unread);
		buf_lit(b, "</a><form class=\"who\" method=\"post\" action=\"/logout\">");
		form_csrf(rq, b);
		html(b, "<span>%s <small>(%s)</small></span> <button type=\"submit\" class=\"link\">Sign out</button></form>",
		     rq->user_name, rq->user_role);
	}
	buf_lit(b, "</header>\n<main id=\"main\">");
	if (rq->user_id && active)
		section_tabs(b, section_of(active), active);
}

void page_end(request *rq, response *rs)
{
	(void)rq;
	buf_lit(&rs->body, "</main>\n<footer class=\"foot\">Tandem — product and marketing, deciding together.</footer>"
	                   "</body></html>\n");
}

void page_error(request *rq, response *rs, int status, const char *message)
{
	buf_reset(&rs->body);
	rs->nheaders = 0;
	rs->status = status;
	page_begin(rq, rs, status == 404 ? "Not found" : "Error", NULL);
	html(&rs->body, "<h1>%s</h1><p class=\"error\" role=\"alert\">%s</p><p><a href=\"/\">Back to the dashboard</a></p>",
	     status == 404 ? "Not found" : status == 403 ? "Not allowed" : "Something went wrong", message);
	page_end(rq, rs);
	rs->status = status;
}

void form_csrf(request *rq, buf *b)
{
	html(b, "<input type=\"hidden\" name=\"_csrf\" value=\"%s\">", rq->csrf ? rq->csrf : "");
}

void page_static(request *rq, response *rs)
{
	const struct asset *f = asset_find(rq->params[0]);
	if (!f)
		return page_error(rq, rs, 404, "no such file");
	rs->status = 200;
	rs->content_type = f->content_type;
	buf_raw(&rs->body, f->body);
	rs_header(rs, "Cache-Control", "public, max-age=3600");
}
