/* page_calendar.c — the month view of launches and marketing activities (Monday to Sunday weeks, today
 * marked), how to subscribe to the feed, and the feed itself at a calendar share link. */
#include <stdio.h>
#include <string.h>
#include "domain/ics.h"
#include "model/entity.h"
#include "model/launches.h"
#include "model/share_links.h"
#include "model/users.h"
#include "web.h"
#include "platform/json_get.h"

static const char *const month_names[] = {"January", "February", "March",     "April",   "May",      "June",
                                          "July",    "August",   "September", "October", "November", "December"};
static const char *const weekdays[][2] = {{"Mon", "Monday"}, {"Tue", "Tuesday"},  {"Wed", "Wednesday"}, {"Thu", "Thursday"},
                                          {"Fri", "Friday"}, {"Sat", "Saturday"}, {"Sun", "Sunday"}};
enum { YEAR_MIN = 1971, YEAR_MAX = 9998, LIST_PAGE = 500, GRID_MAX = 42 };

/* The feed at a share link: public, the token checked; a wrong or revoked one gets exactly the answer of
 * a path that does not exist, so nothing tells that a calendar is there. */
void page_share_calendar(request *rq, response *rs)
{
	if (!share_link_valid(rq->db, "calendar", rq->params[0])) {
		rq->user_id = 0; /* a signed-in visitor's chrome would differ from the router's own 404 */
		page_error(rq, rs, 404, "no such page or resource");
		return;
	}
	struct err err = {0};
	const char *base = ics_base_url(rq->db, rq->a, rq_header(rq, "Host"), rq_header(rq, "X-Forwarded-Proto"));
	if (ics_calendar(rq->db, rq->a, base, &rs->body, &err) < 0) {
		page_error(rq, rs, err.status, err.message);
		return;
	}
	rs->status = 200;
	rs->content_type = "text/calendar; charset=utf-8";
	rs_header(rs, "Content-Disposition", "inline; filename=\"tandem-launches.ics\"");
	rs_header(rs, "Cache-Control", "private, no-cache");
	rs_header(rs, "X-Robots-Tag", "noindex");
}

/* "2027-03" → year and month; false unless a real month within the years shown. */
static bool parse_month(const char *s, int *y, int *m)
{
	if (!s || strlen(s) != 7 || s[4] != '-')
		return false;
	for (int i = 0; i < 7; i++)
		if (i != 4 && (s[i] < '0' || s[i] > '9'))
			return false;
	*y = (s[0] - '0') * 1000 + (s[1] - '0') * 100 + (s[2] - '0') * 10 + (s[3] - '0');
	*m = (s[5] - '0') * 10 + (s[6] - '0');
	return *y >= YEAR_MIN && *y <= YEAR_MAX && *m >= 1 && *m <= 12;
}

/* Every object of e with field between from and to (both inclusive), in the kind's order, as a new array. */
static json_t *list_range(request *rq, const struct entity *e, const char *field, const char *from, const char *to)
{
	char kf[48], kt[48], lim[8];
	snprintf(kf, sizeof kf, "%s_from", field);
	snprintf(kt, sizeof kt, "%s_to", field);
	snprintf(lim, sizeof lim, "%d", LIST_PAGE);
	json_t *all = json_array();
	const char *cursor = NULL;
	do {
		struct kv l = {"limit", lim, NULL}, f = {kf, from, &l}, t = {kt, to, &f}, c = {"cursor", cursor, &t};
		struct list_query q = {cursor ? &c : &t, LIST_PAGE};
		json_t *items;
		struct err err = {0};
		if (entity_list(rq->db, e, &q, rq->a, &items, &cursor, &err) < 0)
			break;
		json_array_extend(all, items);
		json_decref(items);
	} while (cursor);
	return all;
}


/* Put each object in the list of its day (index from the grid's first day). */
static void bucket(json_t *days[GRID_MAX], json_t *items, const char *field, long first, const char *type)
{
	size_t i;
	json_t *it;
	json_array_foreach(items, i, it)
	{
		long k = date_days(jget_str(it, field)) - first;
		if (k < 0 || k >= GRID_MAX)
			continue;
		json_object_set_new(it, "_type", json_string(type));
		json_array_append(days[k], it);
	}
}

static void launch_item(buf *b, json_t *l)
{
	long long tier = jget_int(l, "tier");
	const char *st = jget_str(l, "status");
	html(b, "<li><a class=\"cal-item cal-launch%s\" href=\"/launches/%lld\" title=\"Launch, tier %lld: %s (%s)\">"
	        "<span class=\"tier-badge tier-%lld\">T%lld</span> %s</a></li>",
	     str_eq(st, "cancelled") ? " cancelled" : "", jget_int(l, "id"), tier, jget_str(l, "title"), st ? st : "",
	     tier, tier, jget_str(l, "title"));
}

static void activity_item(request *rq, buf *b, json_t *act)
{
	long long lid = jget_int(act, "launch_id");
	const char *launch = entity_ref_label(rq->db, rq->a, "launches", lid);
	const char *channel = ics_channel_label(jget_str(act, "channel"));
	html(b, "<li><a class=\"cal-item cal-activity%s\" href=\"/launches/%lld\" title=\"%s for the launch %s: %s (%s)\">"
	        "<span class=\"chan\">%s</span> %s</a></li>",
	     str_eq(jget_str(act, "status"), "cancelled") ? " cancelled" : "", lid, channel, launch ? launch : "?",
	     jget_str(act, "title"), jget_str(act, "status"), channel, jget_str(act, "title"));
}

static void day_cell(request *rq, buf *b, long day, int month, const char *today, json_t *items)
{
	char date[11];
	days_date(day, date);
	int m = (date[5] - '0') * 10 + (date[6] - '0'), wd = (int)((day + 3) % 7);
	bool is_today = !strcmp(date, today);
	buf_rawf(b, "<td class=\"cal-day%s%s%s\"", m != month ? " other" : "", wd >= 5 ? " weekend" : "",
	         is_today ? " today" : "");
	if (is_today)
		buf_lit(b, " aria-current=\"date\"");
	html(b, "><div class=\"cal-date\"><time datetime=\"%s\">", date);
	if (!strcmp(date + 8, "01")) /* where a month begins, its name */
		html(b, "%.3s ", month_names[m - 1]);
	buf_int(b, (date[8] - '0') * 10 + (date[9] - '0'));
	buf_lit(b, "</time>");
	if (is_today)
		buf_lit(b, " <span class=\"today-label\">today</span>");
	buf_lit(b, "</div>");
	if (json_array_size(items)) {
		buf_lit(b, "<ul class=\"cal-items\">");
		size_t i;
		json_t *it;
		json_array_foreach(items, i, it)
		{
			if (str_eq(jget_str(it, "_type"), "launch"))
				launch_item(b, it);
			else
				activity_item(rq, b, it);
		}
		buf_lit(b, "</ul>");
	}
	buf_lit(b, "</td>");
}

static void month_nav(buf *b, int y, int m)
{
	int py = m == 1 ? y - 1 : y, pm = m == 1 ? 12 : m - 1, ny = m == 12 ? y + 1 : y, nm = m == 12 ? 1 : m + 1;
	buf_lit(b, "<nav class=\"cal-nav\" aria-label=\"Months\">");
	if (py >= YEAR_MIN)
		buf_rawf(b, "<a class=\"button secondary\" rel=\"prev\" href=\"/calendar?month=%04d-%02d\">← %s %d</a>", py, pm,
		         month_names[pm - 1], py);
	buf_rawf(b, "<h2 id=\"cal-title\">%s %d</h2>", month_names[m - 1], y);
	if (ny <= YEAR_MAX)
		buf_rawf(b, "<a class=\"button secondary\" rel=\"next\" href=\"/calendar?month=%04d-%02d\">%s %d →</a>", ny, nm,
		         month_names[nm - 1], ny);
	buf_lit(b, "<a class=\"cal-today-link\" href=\"/calendar\">This month</a></nav>");
}

static void legend(buf *b, int nlaunch, int nact)
{
	buf_rawf(b, "<p class=\"cal-legend\"><span><strong>%d</strong> launch%s and <strong>%d</strong> activit%s this month.</span>",
	         nlaunch, nlaunch == 1 ? "" : "es", nact, nact == 1 ? "y" : "ies");
	buf_lit(b, " <span class=\"tier-badge tier-1\">T1</span> major <span class=\"tier-badge tier-2\">T2</span> notable "
	           "<span class=\"tier-badge tier-3\">T3</span> minor launch · <span class=\"chan\">Channel</span> marketing "
	           "activity · <span class=\"cal-item cancelled\">cancelled</span></p>");
}

static void subscribe_help(request *rq, buf *b)
{
	const char *base = ics_base_url(rq->db, rq->a, rq_header(rq, "Host"), rq_header(rq, "X-Forwarded-Proto"));
	buf_lit(b, "<section class=\"subscribe\" aria-labelledby=\"sub-title\"><h2 id=\"sub-title\">Subscribe in a calendar "
	           "app</h2>");
	if (rq->user_rank >= RANK_EDITOR) {
		html(b,
		     "<ol><li><a href=\"/share-links\">Create a calendar feed link</a> (kind <em>calendar</em>). Its address, "
		     "<code>%s/share/calendar/<var>secret</var>.ics</code>, is shown once: copy it.</li>"
		     "<li>In Google Calendar choose <em>Other calendars → From URL</em>; in Outlook <em>Add calendar → "
		     "Subscribe from web</em>; in Apple Calendar <em>File → New Calendar Subscription</em>. Paste the "
		     "address.</li>"
		     "<li>Every launch and dated activity appears as an all-day event and follows each change. Anyone who "
		     "has the address can read the calendar without an account: revoke the link on the same page to stop "
		     "it.</li></ol>",
		     base);
	} else {
		buf_lit(b, "<p>Ask a PM or PMM for a calendar feed link: calendar apps subscribe to its address and follow "
		           "every change.</p>");
	}
	buf_lit(b, "<p class=\"muted\">Or download the calendar once as a file: <a href=\"/api/v1/calendar.ics\" "
	           "download=\"tandem-launches.ics\">tandem-launches.ics</a>.</p></section>");
}

void page_calendar(request *rq, response *rs)
{
	char today[11], month[8];
	today_ymd(today);
	const char *arg = rq_query(rq, "month");
	int y, m;
	if (!arg || !*arg) {
		memcpy(month, today, 7);
		month[7] = 0;
		arg = month;
	}
	if (!parse_month(arg, &y, &m)) {
		page_error(rq, rs, 400, "month must be a month written YYYY-MM (a year from 1971 to 9998), e.g. 2027-03");
		return;
	}
	char first_s[11], next_s[11], from[11], to[11];
	snprintf(first_s, sizeof first_s, "%04d-%02d-01", y, m);
	snprintf(next_s, sizeof next_s, "%04d-%02d-01", m == 12 ? y + 1 : y, m == 12 ? 1 : m + 1);
	long first = date_days(first_s), last = date_days(next_s) - 1;
	long start = first - (first + 3) % 7, end = last + 6 - (last + 3) % 7; /* 1970-01-01 was a Thursday */
	days_date(start, from);
	days_date(end, to);
	json_t *launches = list_range(rq, &launches_entity, "launch_date", from, to);
	json_t *acts = list_range(rq, &activities_entity, "date", from, to);
	json_t *days[GRID_MAX];
	for (int i = 0; i < GRID_MAX; i++)
		days[i] = json_array();
	bucket(days, launches, "launch_date", start, "launch");
	bucket(days, acts, "date", start, "activity");
	int nlaunch = 0, nact = 0;
	for (long d = first; d <= last; d++) {
		size_t i;
		json_t *it;
		json_array_foreach(days[d - start], i, it)
		{
			if (str_eq(jget_str(it, "_type"), "launch"))
				nlaunch++;
			else
				nact++;
		}
	}

	char title[40];
	snprintf(title, sizeof title, "Calendar · %s %d", month_names[m - 1], y);
	page_begin(rq, rs, title, "calendar");
	buf *b = &rs->body;
	buf_lit(b, "<div class=\"page-head\"><div><h1>Calendar</h1><p class=\"blurb\">Launches and their marketing "
	           "activities, day by day. Open a launch for its checklist, readiness and conflicts.</p></div>"
	           "<div class=\"actions\">");
	if (rq->user_rank >= launches_entity.write_rank)
		buf_lit(b, "<a class=\"button\" href=\"/launches/new\">New launch</a>");
	buf_lit(b, "</div></div>");
	month_nav(b, y, m);
	buf_lit(b, "<div class=\"cal-wrap\"><table class=\"calendar\" aria-labelledby=\"cal-title\"><thead><tr>");
	for (int i = 0; i < 7; i++)
		html(b, "<th scope=\"col\"><abbr title=\"%s\">%s</abbr></th>", weekdays[i][1], weekdays[i][0]);
	buf_lit(b, "</tr></thead><tbody>");
	for (long d = start; d <= end; d++) {
		if ((d - start) % 7 == 0)
			buf_lit(b, "<tr>");
		day_cell(rq, b, d, m, today, days[d - start]);
		if ((d - start) % 7 == 6)
			buf_lit(b, "</tr>");
	}
	buf_lit(b, "</tbody></table></div>");
	legend(b, nlaunch, nact);
	if (!nlaunch && !nact)
		html(b, "<p class=\"empty\">Nothing is scheduled in %s %d.</p>", month_names[m - 1], y);
	subscribe_help(rq, b);
	page_end(rq, rs);
	for (int i = 0; i < GRID_MAX; i++)
		json_decref(days[i]);
	json_decref(launches);
	json_decref(acts);
}
