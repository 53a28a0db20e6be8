/* test_ics.c — the iCalendar writer (escaping, folding on UTF-8 boundaries, CRLF) and the launch feed
 * (stable UIDs, SEQUENCE from the version, all-day dates, statuses, links). */
#include <stdlib.h>
#include "domain/ics.h"
#include "harness.h"
#include "model/entity.h"
#include "model/launches.h"
#include "model/settings.h"

/* Every physical line ends with CRLF, holds at most 75 octets and is valid UTF-8 on its own. */
static void check_lines(const char *text)
{
	const char *p = text;
	while (*p) {
		const char *e = strstr(p, "\r\n");
		if (!e) {
			harness_fail(__FILE__, __LINE__, "a line without CRLF: \"%s\"", p);
			return;
		}
		if (e - p > ICS_LINE_MAX)
			harness_fail(__FILE__, __LINE__, "a line of %d octets: \"%.*s\"", (int)(e - p), (int)(e - p), p);
		if (!valid_text(p, (size_t)(e - p)) || memchr(p, '\n', (size_t)(e - p)))
			harness_fail(__FILE__, __LINE__, "a line that is not UTF-8 on its own: \"%.*s\"", (int)(e - p), p);
		p = e + 2;
	}
}

/* text with the folds removed (CRLF + space), into a new buf the caller frees. */
static char *unfold(const char *text)
{
	buf b;
	buf_init(&b);
	for (const char *p = text; *p; p++) {
		if (p[0] == '\r' && p[1] == '\n' && p[2] == ' ') {
			p += 2;
			continue;
		}
		buf_addc(&b, *p);
	}
	return buf_detach(&b, NULL);
}

TEST(ics_text_escaping)
{
	buf b;
	buf_init(&b);
	ics_escape(&b, "a\\b;c,d\ne\r\nf\rg\x01h\tí");
	CHECK_STR(buf_str(&b), "a\\\\b\\;c\\,d\\ne\\nf\\ngh\tí");
	buf_reset(&b);
	ics_text(&b, "SUMMARY", "Launch (tier 1): Ünïcode, semi; back\\slash");
	CHECK_STR(buf_str(&b), "SUMMARY:Launch (tier 1): Ünïcode\\, semi\\; back\\\\slash\r\n");
	buf_reset(&b);
	ics_line(&b, "URL", "http://x/launches/1,2"); /* a URI is written as it is */
	CHECK_STR(buf_str(&b), "URL:http://x/launches/1,2\r\n");
	buf_free(&b);
}

TEST(ics_folding_at_75_octets)
{
	char v[200];
	buf b;
	buf_init(&b);
	memset(v, 'a', 67);
	v[67] = 0;
	ics_line(&b, "SUMMARY", v); /* 8 + 67 = 75 octets: one line */
	CHECK_EQ_INT(b.len, 77);
	CHECK(strstr(buf_str(&b), "\r\n ") == NULL);
	buf_reset(&b);
	memset(v, 'a', 190);
	v[190] = 0;
	ics_line(&b, "SUMMARY", v); /* 198 octets: 75 + 74 + 49 */
	check_lines(buf_str(&b));
	const char *first = buf_str(&b), *second = strstr(first, "\r\n ") + 2;
	CHECK_EQ_INT(second - 2 - first, 75);
	CHECK_EQ_INT(strstr(second, "\r\n") - second, 75);
	char *u = unfold(buf_str(&b));
	CHECK(!strncmp(u, "SUMMARY:", 8) && !strncmp(u + 8, v, 190) && !strcmp(u + 198, "\r\n"));
	free(u);
	buf_free(&b);
}

TEST(ics_folding_never_splits_utf8)
{
	/* every offset of 2-, 3- and 4-octet characters against the fold */
	const char *chars[] = {"é", "€", "😀"};
	for (int c = 0; c < 3; c++)
		for (int lead = 0; lead < 4; lead++) {
			buf v, b;
			buf_init(&v);
			buf_init(&b);
			for (int i = 0; i < lead; i++)
				buf_addc(&v, 'x');
			for (int i = 0; i < 60; i++)
				buf_raw(&v, chars[c]);
			ics_text(&b, "DESCRIPTION", buf_str(&v));
			check_lines(buf_str(&b));
			char *u = unfold(buf_str(&b));
			CHECK(!strncmp(u, "DESCRIPTION:", 12) && !strncmp(u + 12, buf_str(&v), v.len));
			free(u);
			buf_free(&v);
			buf_free(&b);
		}
}

TEST(ics_hosts_and_base_urls)
{
	CHECK(ics_host_sane("tandem.example.com"));
	CHECK(ics_host_sane("127.0.0.1:8080"));
	CHECK(ics_host_sane("[::1]:19100"));
	CHECK(!ics_host_sane(NULL));
	CHECK(!ics_host_sane(""));
	CHECK(!ics_host_sane("evil.com/x"));
	CHECK(!ics_host_sane("a b"));
	CHECK(!ics_host_sane("host:0"));
	CHECK(!ics_host_sane("host:99999"));
	CHECK(!ics_host_sane("host\r\nX: y"));
	CHECK(!ics_host_sane(".dot"));
	arena *a = arena_new();
	CHECK_STR(ics_base_url_clean(a, "https://tandem.example.com/"), "https://tandem.example.com");
	CHECK_STR(ics_base_url_clean(a, "http://h:81/app//"), "http://h:81/app");
	CHECK(ics_base_url_clean(a, "ftp://h") == NULL);
	CHECK(ics_base_url_clean(a, "http://h/<script>") == NULL);
	CHECK(ics_base_url_clean(a, "javascript:alert(1)") == NULL);
	db *d = t_db();
	CHECK_STR(ics_base_url(d, a, "good.host:8080", NULL), "http://good.host:8080");
	CHECK_STR(ics_base_url(d, a, "good.host", "https"), "https://good.host");
	CHECK_STR(ics_base_url(d, a, "bad host", NULL), ICS_DEFAULT_BASE_URL);
	json_t *v = json_string("https://plan.example.org/");
	CHECK_EQ_INT(settings_put(d, 0, ICS_BASE_URL_SETTING, v), 0);
	json_decref(v);
	CHECK_STR(ics_base_url(d, a, NULL, NULL), "https://plan.example.org");
	db_close(d);
	arena_free(a);
}

static long long add(db *d, const struct entity *e, const char *json)
{
	struct err err = {0};
	json_t *in = json_loads(json, 0, NULL);
	long long id = entity_create(d, e, 0, in, &err);
	json_decref(in);
	if (id < 0)
		harness_fail(__FILE__, __LINE__, "create %s: %s", e->kind, err.message);
	return id;
}

/* The feed of d as a new string (free it). */
static char *feed(db *d)
{
	arena *a = arena_new();
	buf b;
	buf_init(&b);
	struct err err = {0};
	if (ics_calendar(d, a, "http://cal.test", &b, &err) < 0)
		harness_fail(__FILE__, __LINE__, "ics_calendar: %s", err.message);
	arena_free(a);
	return buf_detach(&b, NULL);
}

/* The unfolded line of the VEVENT whose UID starts uid_prefix that begins with name (a new string), or NULL. */
static char *prop(const char *ics, const char *uid_prefix, const char *name)
{
	char *u = unfold(ics), *out = NULL;
	char key[80];
	snprintf(key, sizeof key, "UID:%s", uid_prefix);
	char *ev = strstr(u, key);
	char *end = ev ? strstr(ev, "END:VEVENT") : NULL;
	char *start = ev;
	while (start && start > u && strncmp(start, "BEGIN:VEVENT", 12))
		start--;
	for (char *p = start; p && p < end; p = strstr(p, "\r\n") + 2)
		if (!strncmp(p, name, strlen(name))) {
			out = strndup(p, (size_t)(strstr(p, "\r\n") - p));
			break;
		}
	free(u);
	return out;
}

static int count(const char *hay, const char *needle)
{
	int n = 0;
	for (const char *p = strstr(hay, needle); p; p = strstr(p + 1, needle))
		n++;
	return n;
}

TEST(ics_feed_uids_stable_sequence_follows_version)
{
	db *d = t_db();
	t_user(d, "pmm@x.test", "pmm");
	CHECK_EQ_INT(db_begin(d), DB_OK);
	long long rel = add(d, &releases_entity, "{\"name\": \"2027.1\", \"target_date\": \"2027-03-01\"}");
	long long l1 = add(d, &launches_entity,
	                   "{\"title\": \"Ünïcode, semi; launch\", \"tier\": 1, \"launch_date\": \"2027-03-02\", "
	                   "\"release_id\": 1, \"owner\": 1}");
	long long l2 = add(d, &launches_entity, "{\"title\": \"Small\", \"tier\": 3, \"launch_date\": \"2027-12-31\"}");
	char json[200];
	snprintf(json, sizeof json, "{\"launch_id\": %lld, \"channel\": \"blog\", \"title\": \"Post\", \"date\": \"2027-03-01\"}",
	         l1);
	long long act = add(d, &activities_entity, json);
	snprintf(json, sizeof json, "{\"launch_id\": %lld, \"channel\": \"email\", \"title\": \"Undated\"}", l2);
	add(d, &activities_entity, json);
	CHECK_EQ_INT(db_commit(d), DB_OK);
	CHECK(rel > 0 && act > 0);

	char *one = feed(d), *two = feed(d);
	check_lines(one);
	CHECK(!strncmp(one, "BEGIN:VCALENDAR\r\nVERSION:2.0\r\n", 29));
	CHECK_CONTAINS(one, "\r\nCALSCALE:GREGORIAN\r\nMETHOD:PUBLISH\r\n");
	CHECK_CONTAINS(one, "\r\nX-WR-CALNAME:Tandem launches\r\n");
	CHECK(strlen(one) > 15 && !strcmp(one + strlen(one) - 15, "END:VCALENDAR\r\n"));
	CHECK_EQ_INT(count(one, "BEGIN:VEVENT"), 3); /* two launches, one dated activity */
	CHECK_STR(one, two);                          /* nothing changed: the same bytes, UIDs included */

	/* the workspace id was made once and kept */
	arena *a = arena_new();
	const char *wuid = ics_workspace_uid(d, a);
	REQUIRE(wuid);
	CHECK_EQ_INT(strlen(wuid), 32);
	char uid[100];
	snprintf(uid, sizeof uid, "UID:launch-%lld@%s\r\n", l1, wuid);
	CHECK_CONTAINS(one, uid);
	snprintf(uid, sizeof uid, "UID:activity-%lld@%s\r\n", act, wuid);
	CHECK_CONTAINS(one, uid);

	char *s = prop(one, "launch-1@", "SUMMARY");
	CHECK_STR(s, "SUMMARY:Launch (tier 1): Ünïcode\\, semi\\; launch");
	free(s);
	s = prop(one, "launch-1@", "DTSTART");
	CHECK_STR(s, "DTSTART;VALUE=DATE:20270302");
	free(s);
	s = prop(one, "launch-1@", "DTEND");
	CHECK_STR(s, "DTEND;VALUE=DATE:20270303");
	free(s);
	s = prop(one, "launch-2@", "DTEND"); /* the next day across a year */
	CHECK_STR(s, "DTEND;VALUE=DATE:20280101");
	free(s);
	s = prop(one, "launch-1@", "CATEGORIES");
	CHECK_STR(s, "CATEGORIES:Tier 1");
	free(s);
	s = prop(one, "activity-1@", "CATEGORIES");
	CHECK_STR(s, "CATEGORIES:Tier 1,Blog");
	free(s);
	s = prop(one, "activity-1@", "SUMMARY");
	CHECK_STR(s, "SUMMARY:Blog: Post");
	free(s);
	s = prop(one, "launch-1@", "URL");
	CHECK_STR(s, "URL:http://cal.test/launches/1");
	free(s);
	s = prop(one, "activity-1@", "URL");
	CHECK_STR(s, "URL:http://cal.test/launch-activities/1");
	free(s);
	s = prop(one, "activity-1@", "DESCRIPTION");
	CHECK_STR(s, "DESCRIPTION:Status: Planned\\nLaunch: Ünïcode\\, semi\\; launch (tier 1\\, 2027-03-02)");
	free(s);
	s = prop(one, "launch-1@", "DESCRIPTION");
	CHECK_STR(s, "DESCRIPTION:Status: Planning\\nRelease: 2027.1\\nReadiness: 0%\\nOwner: pmm@x.test");
	free(s);
	s = prop(one, "launch-1@", "STATUS");
	CHECK_STR(s, "STATUS:TENTATIVE");
	free(s);
	s = prop(one, "launch-1@", "SEQUENCE");
	CHECK_STR(s, "SEQUENCE:1");
	free(s);
	s = prop(one, "launch-1@", "DTSTAMP");
	CHECK(s && strlen(s) == strlen("DTSTAMP:20261125T103000Z") && s[16] == 'T' && s[23] == 'Z');
	free(s);

	/* an edit bumps the version: SEQUENCE follows for that launch only; a cancelled launch cancels all */
	struct err err = {0};
	json_t *in = json_pack("{ss}", "status", "cancelled");
	CHECK_EQ_INT(db_begin(d), DB_OK);
	CHECK_EQ_INT(entity_update(d, &launches_entity, 0, l1, in, 1, &err), 0);
	CHECK_EQ_INT(db_commit(d), DB_OK);
	json_decref(in);
	char *three = feed(d);
	s = prop(three, "launch-1@", "SEQUENCE");
	CHECK_STR(s, "SEQUENCE:2");
	free(s);
	s = prop(three, "launch-2@", "SEQUENCE");
	CHECK_STR(s, "SEQUENCE:1");
	free(s);
	s = prop(three, "activity-1@", "SEQUENCE");
	CHECK_STR(s, "SEQUENCE:1");
	free(s);
	s = prop(three, "launch-1@", "STATUS");
	CHECK_STR(s, "STATUS:CANCELLED");
	free(s);
	s = prop(three, "activity-1@", "STATUS");
	CHECK_STR(s, "STATUS:CANCELLED");
	free(s);
	snprintf(uid, sizeof uid, "UID:launch-%lld@%s\r\n", l1, wuid);
	CHECK_CONTAINS(three, uid);
	free(one);
	free(two);
	free(three);
	arena_free(a);
	db_close(d);
}
