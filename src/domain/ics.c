/* ics.c — the launch calendar as iCalendar (RFC 5545): a small writer (TEXT escaping, folding at 75 octets
 * on UTF-8 boundaries, CRLF) and the feed of launches and dated marketing activities. */
#include "ics.h"
#include <stdio.h>
#include <string.h>
#include "model/entity.h"
#include "model/launches.h"
#include "model/settings.h"
#include "model/users.h"
#include "platform/json_get.h"

/* the writer */

void ics_fold(buf *out, const char *line, size_t n)
{
	size_t pos = 0, room = ICS_LINE_MAX;
	while (n - pos > room) {
		size_t cut = pos + room;
		/* never inside a UTF-8 sequence: back up to the byte that starts one */
		while (cut > pos && ((unsigned char)line[cut] & 0xC0) == 0x80)
			cut--;
		if (cut == pos) /* not UTF-8 at all: cut where the octets run out */
			cut = pos + room;
		buf_add(out, line + pos, cut - pos);
		buf_lit(out, "\r\n ");
		pos = cut;
		room = ICS_LINE_MAX - 1; /* the leading space counts */
	}
	buf_add(out, line + pos, n - pos);
	buf_lit(out, "\r\n");
}

void ics_escape(buf *out, const char *text)
{
	for (const char *p = text ? text : ""; *p; p++) {
		unsigned char c = (unsigned char)*p;
		if (c == '\\' || c == ';' || c == ',') {
			buf_addc(out, '\\');
			buf_addc(out, (char)c);
		} else if (c == '\r' && p[1] == '\n') {
			continue; /* CRLF is one line break */
		} else if (c == '\n' || c == '\r') {
			buf_lit(out, "\\n");
		} else if ((c < 0x20 && c != '\t') || c == 0x7f) {
			continue; /* no other control characters in TEXT */
		} else {
			buf_addc(out, (char)c);
		}
	}
}

/* The content line the caller wrote into line ("name:value") folded into out; line is emptied for the next. */
static void flush_line(buf *out, buf *line)
{
	ics_fold(out, line->p ? line->p : "", line->len);
	buf_reset(line);
}

/* One content line "name:value" into out; value escaped as TEXT when text, else written as it is. */
static void content_line(buf *out, const char *name, const char *value, bool text)
{
	buf line;
	buf_init(&line);
	buf_raw(&line, name);
	buf_addc(&line, ':');
	if (text)
		ics_escape(&line, value);
	else
		buf_raw(&line, value);
	flush_line(out, &line);
	buf_free(&line);
}

void ics_line(buf *out, const char *name, const char *value) { content_line(out, name, value, false); }

void ics_text(buf *out, const char *name, const char *text) { content_line(out, name, text, true); }

/* hosts and base URLs */

static bool is_alnum(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9'); }
static bool is_hex(char c) { return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F'); }

/* The host part of s (up to end): a name or an [IPv6] address, then an optional :port. */
static bool host_ok(const char *s, const char *end)
{
	const char *p = s;
	if (end - s < 1 || end - s > 255)
		return false;
	if (*p == '[') {
		for (p++; p < end && (is_hex(*p) || *p == ':' || *p == '.'); p++)
			;
		if (p == s + 1 || p >= end || *p != ']')
			return false;
		p++;
	} else {
		if (*p == '.' || *p == '-')
			return false;
		for (; p < end && (is_alnum(*p) || *p == '-' || *p == '.'); p++)
			;
		if (p == s)
			return false;
	}
	if (p < end && *p == ':') {
		long port = 0;
		const char *d = ++p;
		for (; p < end && *p >= '0' && *p <= '9' && p - d < 5; p++)
			port = port * 10 + (*p - '0');
		if (p == d || port < 1 || port > 65535)
			return false;
	}
	return p == end;
}

bool ics_host_sane(const char *host) { return host && host_ok(host, host + strlen(host)); }

const char *ics_base_url_clean(arena *a, const char *url)
{
	if (!url)
		return NULL;
	size_t skip = !strncmp(url, "http://", 7) ? 7 : !strncmp(url, "https://", 8) ? 8 : 0;
	if (!skip)
		return NULL;
	const char *host = url + skip, *path = host + strcspn(host, "/");
	if (!host_ok(host, path))
		return NULL;
	for (const char *p = path; *p; p++)
		if (!is_alnum(*p) && !strchr("-._~/%", *p))
			return NULL;
	size_t n = strlen(url);
	while (n > (size_t)(path - url) && url[n - 1] == '/')
		n--;
	return arena_strndup(a, url, n);
}

const char *ics_base_url(db *d, arena *a, const char *host, const char *forwarded_proto)
{
	if (ics_host_sane(host))
		return arena_printf(a, "%s://%s", str_eq(forwarded_proto, "https") ? "https" : "http", host);
	json_t *v = settings_get(d, ICS_BASE_URL_SETTING, NULL);
	const char *url = ics_base_url_clean(a, json_string_value(v));
	json_decref(v);
	return url ? url : ICS_DEFAULT_BASE_URL;
}

const char *ics_workspace_uid(db *d, arena *a)
{
	json_t *v = settings_get(d, ICS_UID_SETTING, NULL);
	const char *have = json_string_value(v);
	const char *uid = have && *have ? arena_strdup(a, have) : NULL;
	json_decref(v);
	if (uid)
		return uid;
	char hash[65];
	secret_hash(random_secret(a, ""), hash);
	hash[32] = 0; /* 128 random bits in hex */
	json_t *s = json_string(hash);
	int rc = settings_put(d, 0, ICS_UID_SETTING, s);
	json_decref(s);
	return rc < 0 ? NULL : arena_strdup(a, hash);
}

/* the feed */

static const struct {
	const char *key, *label;
} channel_labels[] = {
	{"blog", "Blog"},     {"email", "Email"},     {"social", "Social"},       {"press", "Press"},
	{"webinar", "Webinar"}, {"event", "Event"},   {"ads", "Ads"},             {"in_app", "In-app"},
	{"website", "Website"}, {"sales", "Sales"},   {"partner", "Partner"},     {"community", "Community"},
	{"docs", "Docs"},     {"other", "Other"},
};

const char *ics_channel_label(const char *channel)
{
	for (size_t i = 0; channel && i < COUNT(channel_labels); i++)
		if (!strcmp(channel_labels[i].key, channel))
			return channel_labels[i].label;
	return channel ? channel : "";
}

/* "Status: In progress" for the status "in_progress", into b. */
static void status_line(buf *b, const char *status)
{
	buf_lit(b, "Status: ");
	for (const char *p = status ? status : ""; *p; p++) {
		char c = *p == '_' ? ' ' : *p;
		buf_addc(b, p == status && c >= 'a' && c <= 'z' ? (char)(c - 'a' + 'A') : c);
	}
}

/* YYYY-MM-DD → YYYYMMDD; 2026-11-25T10:30:00Z → 20261125T103000Z (into out[17]). */
static void compact(const char *in, char out[17])
{
	size_t n = 0;
	for (const char *p = in ? in : ""; *p && n < 16; p++)
		if (*p != '-' && *p != ':')
			out[n++] = *p;
	out[n] = 0;
}

struct event {
	const char *kind;      /* "launch" or "activity": the UID's prefix */
	long long id, version;
	const char *created_at, *updated_at, *date, *status;
	const char *summary, *description, *url;
	const char *categories[2];
};

static void write_event(buf *out, const struct event *ev, const char *wuid)
{
	char v[24], c[17];
	ics_line(out, "BEGIN", "VEVENT");
	buf line;
	buf_init(&line);
	buf_rawf(&line, "UID:%s-%lld@%s", ev->kind, ev->id, wuid);
	flush_line(out, &line);
	snprintf(v, sizeof v, "%lld", ev->version);
	ics_line(out, "SEQUENCE", v);
	compact(ev->updated_at, c);
	ics_line(out, "DTSTAMP", c);
	ics_line(out, "LAST-MODIFIED", c);
	compact(ev->created_at, c);
	ics_line(out, "CREATED", c);
	compact(ev->date, c);
	ics_line(out, "DTSTART;VALUE=DATE", c);
	char next[11];
	date_add(ev->date, 1, next);
	compact(next, c);
	ics_line(out, "DTEND;VALUE=DATE", c);
	ics_text(out, "SUMMARY", ev->summary);
	ics_text(out, "DESCRIPTION", ev->description);
	buf_lit(&line, "CATEGORIES:");
	for (int i = 0; i < 2 && ev->categories[i]; i++) {
		if (i)
			buf_addc(&line, ',');
		ics_escape(&line, ev->categories[i]);
	}
	flush_line(out, &line);
	buf_free(&line);
	ics_line(out, "STATUS", ev->status);
	ics_line(out, "TRANSP", "TRANSPARENT");
	ics_line(out, "URL", ev->url);
	ics_line(out, "END", "VEVENT");
}

/* "\n" label then the name of the object id of kind refers to, when it refers to one. */
static void ref_line(db *d, arena *a, buf *b, const char *label, const char *kind, long long id)
{
	const char *name = id ? entity_ref_label(d, a, kind, id) : NULL;
	if (name) {
		buf_addc(b, '\n');
		buf_raw(b, label);
		buf_raw(b, name);
	}
}

static void write_activity(db *d, arena *a, buf *out, json_t *act, json_t *launch, const char *base,
                           const char *wuid)
{
	const char *date = jget_str(act, "date");
	if (!valid_date(date))
		return;
	bool launch_cancelled = str_eq(jget_str(launch, "status"), "cancelled");
	const char *st = jget_str(act, "status");
	buf desc;
	buf_init(&desc);
	status_line(&desc, st);
	buf_lit(&desc, "\nLaunch: ");
	buf_raw(&desc, jget_str(launch, "title"));
	buf_rawf(&desc, " (tier %lld, %s%s)", jget_int(launch, "tier"), jget_str(launch, "launch_date"),
	         launch_cancelled ? ", cancelled" : "");
	ref_line(d, a, &desc, "Owner: ", "users", jget_int(act, "owner"));
	const char *channel = ics_channel_label(jget_str(act, "channel"));
	struct event ev = {
		.kind = "activity", .id = jget_int(act, "id"), .version = jget_int(act, "version"),
		.created_at = jget_str(act, "created_at"), .updated_at = jget_str(act, "updated_at"), .date = date,
		.status = str_eq(st, "cancelled") || launch_cancelled ? "CANCELLED"
		          : str_eq(st, "planned")                     ? "TENTATIVE"
		                                                      : "CONFIRMED",
		.summary = arena_printf(a, "%s: %s", channel, jget_str(act, "title")),
		.description = buf_str(&desc),
		.url = arena_printf(a, "%s/launch-activities/%lld", base, jget_int(act, "id")),
		.categories = {arena_printf(a, "Tier %lld", jget_int(launch, "tier")), channel},
	};
	write_event(out, &ev, wuid);
	buf_free(&desc);
}

static void write_launch(db *d, arena *a, buf *out, json_t *l, const char *base, const char *wuid)
{
	const char *st = jget_str(l, "status");
	long long tier = jget_int(l, "tier");
	buf desc;
	buf_init(&desc);
	status_line(&desc, st);
	ref_line(d, a, &desc, "Release: ", "releases", jget_int(l, "release_id"));
	json_t *ready = json_object_get(l, "readiness");
	if (json_is_number(ready))
		buf_rawf(&desc, "\nReadiness: %.0f%%", json_number_value(ready));
	ref_line(d, a, &desc, "Owner: ", "users", jget_int(l, "owner"));
	struct event ev = {
		.kind = "launch", .id = jget_int(l, "id"), .version = jget_int(l, "version"),
		.created_at = jget_str(l, "created_at"), .updated_at = jget_str(l, "updated_at"),
		.date = jget_str(l, "launch_date"),
		.status = str_eq(st, "cancelled") ? "CANCELLED" : str_eq(st, "planning") ? "TENTATIVE" : "CONFIRMED",
		.summary = arena_printf(a, "Launch (tier %lld): %s", tier, jget_str(l, "title")),
		.description = buf_str(&desc),
		.url = arena_printf(a, "%s/launches/%lld", base, jget_int(l, "id")),
		.categories = {arena_printf(a, "Tier %lld", tier), NULL},
	};
	if (valid_date(ev.date))
		write_event(out, &ev, wuid);
	buf_free(&desc);
	size_t i;
	json_t *act;
	json_array_foreach(json_object_get(l, "activities"), i, act) write_activity(d, a, out, act, l, base, wuid);
}

int ics_calendar(db *d, arena *a, const char *base_url, buf *out, struct err *err)
{
	const char *wuid = ics_workspace_uid(d, a);
	if (!wuid) /* only on the first export ever, when another writer got there first */
		return err_set(err, 503, "unavailable", NULL, "the calendar's id could not be stored; try again");
	ics_line(out, "BEGIN", "VCALENDAR");
	ics_line(out, "VERSION", "2.0");
	ics_line(out, "PRODID", "-//Tandem//Launch calendar//EN");
	ics_line(out, "CALSCALE", "GREGORIAN");
	ics_line(out, "METHOD", "PUBLISH");
	ics_text(out, "X-WR-CALNAME", "Tandem launches");
	ics_text(out, "X-WR-CALDESC", "Launches and their marketing activities, from Tandem");
	ics_line(out, "REFRESH-INTERVAL;VALUE=DURATION", "PT1H");
	ics_line(out, "X-PUBLISHED-TTL", "PT1H");
	json_t *items;
	if (entity_list_all(d, &launches_entity, NULL, a, &items, err) < 0)
		return -1;
	size_t i;
	json_t *it;
	/* a listed launch is complete: its activities embedded, its readiness computed */
	json_array_foreach(items, i, it) write_launch(d, a, out, it, base_url, wuid);
	json_decref(items);
	ics_line(out, "END", "VCALENDAR");
	return 0;
}
