/* page_calendar.c — the month view of launches and marketing activities (Monday to Sunday weeks, today
 * marked), how to subscribe to the feed, and the feed itself at a calendar share link. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "app/reply.h"
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
enum { YEAR_MIN = 1971, YEAR_MAX = 9998, GRID_MAX = 42 };

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
	reply_file(rq, rs, "text/calendar; charset=utf-8", "inline", "tandem-launches.ics");
	rs_header(rs, "X-Robots-Tag", "noindex");
}

/* "2027-03" → its first day "2027-03-01" into first; false unless a real month within the years shown. */
static bool parse_month(const char *s, char first[11])
{
	if (!s || strlen(s) != 7)
		return false;
	memcpy(first, s, 7);
	memcpy(first + 7, "-01", 4);
	int y = atoi(first);
	return valid_date(first) && y >= YEAR_MIN && y <= YEAR_MAX;
}

/* The last day of the month whose first day is first (days counted from 1970-01-01). */
static long month_last(long first)
{
	char next[11];
	days_date(first + 31, next); /* early in the next month */
	memcpy(next + 8, "01", 2);
	return date_days(next) - 1;
}

/* The weekday of a day counted from 1970-01-01 (a Thursday): 0 Monday … 6 Sunday. */
static int weekday(long day) { return (int)((day + 3) % 7); }

/* Every object of e with field between from and to (both inclusive), in the kind's order, as a new array. */
static json_t *list_range(request *rq, const struct entity *e, const char *field, const char *from, const char *to)
{
	char kf[48], kt[48];
	snprintf(kf, sizeof kf, "%s_from", field);
	snprintf(kt, sizeof kt, "%s_to", field);
	struct kv f = {kf, from, NULL}, t = {kt, to, &f};
	json_t *all;
	struct err err = {0};
	return entity_list_all(rq->db, e, &t, rq->a, &all, &err) < 0 ? json_array() : all;
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
	     str_eq(st, "cancelled") ? " cancelled" : "", jget_int(l, "id"), tier, jget_str(l, "title"), st,
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
	int m = atoi(date + 5), wd = weekday(day);
	bool is_today = !strcmp(date, today);
	buf_rawf(b, "<td class=\"cal-day%s%s%s\"", m != month ? " other" : "", wd >= 5 ? " weekend" : "",
	         is_today ? " today" : "");
	if (is_today)
		buf_lit(b, " aria-current=\"date\"");
	html(b, "><div class=\"cal-date\"><time datetime=\"%s\">", date);
	if (!strcmp(date + 8, "01")) /* where a month begins, its name */
		html(b, "%.3s ", month_names[m - 1]);
	buf_int(b, atoi(date + 8));
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

/* A link to the month that holds day (counted from 1970-01-01), the one before or after the month shown;
 * nothing outside the years shown. */
static void month_link(buf *b, long day, bool next)
{
	char date[11];
	days_date(day, date);
	int y = atoi(date), m = atoi(date + 5);
	if (y < YEAR_MIN || y > YEAR_MAX)
		return;
	buf_rawf(b, "<a class=\"button secondary\" rel=\"%s\" href=\"/calendar?month=%.7s\">%s%s %d%s</a>",
	         next ? "next" : "prev", date, next ? "" : "← ", month_names[m - 1], y, next ? " →" : "");
}

/* The month shown (y, m) between links to the months before and after it (first and last: its days). */
static void month_nav(buf *b, int y, int m, long first, long last)
{
	buf_lit(b, "<nav class=\"cal-nav\" aria-label=\"Months\">");
	month_link(b, first - 1, false);
	buf_rawf(b, "<h2 id=\"cal-title\">%s %d</h2>", month_names[m - 1], y);
	month_link(b, last + 1, true);
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

/* How many launches and activities the days days[lo] to days[hi] hold. */
static void count_items(json_t *days[GRID_MAX], long lo, long hi, int *nlaunch, int *nact)
{
	*nlaunch = *nact = 0;
	for (long k = lo; k <= hi; k++) {
		size_t i;
		json_t *it;
		json_array_foreach(days[k], i, it)
		{
			if (str_eq(jget_str(it, "_type"), "launch"))
				++*nlaunch;
			else
				++*nact;
		}
	}
}

/* The grid of weeks from the day start to the day end (both counted from 1970-01-01), days[k] the items
 * of the day start + k; days outside month are marked as such. */
static void month_table(request *rq, buf *b, long start, long end, int month, const char *today,
                        json_t *days[GRID_MAX])
{
	buf_lit(b, "<div class=\"cal-wrap\"><table class=\"calendar\" aria-labelledby=\"cal-title\"><thead><tr>");
	for (int i = 0; i < 7; i++)
		html(b, "<th scope=\"col\"><abbr title=\"%s\">%s</abbr></th>", weekdays[i][1], weekdays[i][0]);
	buf_lit(b, "</tr></thead><tbody>");
	for (long d = start; d <= end; d++) {
		if (weekday(d) == 0)
			buf_lit(b, "<tr>");
		day_cell(rq, b, d, month, today, days[d - start]);
		if (weekday(d) == 6)
			buf_lit(b, "</tr>");
	}
	buf_lit(b, "</tbody></table></div>");
}

void page_calendar(request *rq, response *rs)
{
	char today[11], first_s[11], from[11], to[11];
	today_ymd(today);
	const char *arg = rq_query(rq, "month");
	if (!parse_month(str_empty(arg) ? arena_strndup(rq->a, today, 7) : arg, first_s)) {
		page_error(rq, rs, 400, "month must be a month written YYYY-MM (a year from 1971 to 9998), e.g. 2027-03");
		return;
	}
	int y = atoi(first_s), m = atoi(first_s + 5);
	long first = date_days(first_s), last = month_last(first);
	long start = first - weekday(first), end = last + 6 - weekday(last); /* Monday to Sunday */
	days_date(start, from);
	days_date(end, to);
	json_t *launches = list_range(rq, &launches_entity, "launch_date", from, to);
	json_t *acts = list_range(rq, &activities_entity, "date", from, to);
	json_t *days[GRID_MAX];
	for (int i = 0; i < GRID_MAX; i++)
		days[i] = json_array();
	bucket(days, launches, "launch_date", start, "launch");
	bucket(days, acts, "date", start, "activity");
	int nlaunch, nact;
	count_items(days, first - start, last - start, &nlaunch, &nact);

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
	month_nav(b, y, m, first, last);
	month_table(rq, b, start, end, m, today, days);
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
