/* test_import.c — the insight import: each layout's mapping on sample files, bad input, idempotence, all or nothing. */
#include <stdlib.h>
#include "domain/import.h"
#include "domain/import_int.h"
#include "harness.h"
#include "model/entity.h"

/* Import a file from tests/data; returns import_file's answer. */
static int imp(db *d, const char *name, const char *format, const char *map, bool aon, struct import_result *r)
{
	char path[256];
	snprintf(path, sizeof path, "tests/data/%s", name);
	FILE *f = fopen(path, "rb");
	if (!f) {
		harness_fail(__FILE__, __LINE__, "cannot open %s", path);
		memset(r, 0, sizeof *r);
		return -2;
	}
	struct import_options o = {.format = format, .map = map, .all_or_nothing = aon};
	int rc = import_file(d, &o, f, r);
	fclose(f);
	return rc;
}

/* One column of the insight with this external id, into a static buffer ("" when null, "(none)" when missing). */
static const char *col(db *d, const char *extid, const char *column)
{
	static char out[4096];
	char sql[200];
	snprintf(sql, sizeof sql, "SELECT coalesce(%s, '') FROM insights WHERE external_id = ?", column);
	db_stmt *s = db_q(d, sql, "t", extid);
	snprintf(out, sizeof out, "%s", s && db_step(s) == DB_ROW ? db_col_text(s, 0) : "(none)");
	db_done(s);
	return out;
}

static long long count(db *d, const char *sql) { return db_int(d, -1, sql, ""); }

TEST(import_fider_posts)
{
	db *d = t_db();
	struct import_result r;
	REQUIRE(imp(d, "fider_posts.csv", NULL, NULL, false, &r) == 0);
	CHECK_STR(r.format, "fider");
	CHECK_EQ_INT(r.rows, 5);
	CHECK_EQ_INT(r.imported, 4);
	CHECK_EQ_INT(r.skipped, 1); /* the deleted post */
	CHECK_EQ_INT(r.nerrors, 0);
	CHECK_STR(col(d, "fider:1", "text"),
	          "Dark mode for the dashboard\n\nThe white background hurts at night.\nPlease add a dark theme, like Slack's.");
	CHECK_STR(col(d, "fider:1", "observed_at"), "2025-03-02");
	CHECK_STR(col(d, "fider:1", "author"), "Jon Snow");
	CHECK_STR(col(d, "fider:1", "tags"), "[\"ui\",\"this-tag-has,comma\"]"); /* joined with ", " */
	CHECK_STR(col(d, "fider:2", "text"), "Export the roadmap to PDF");    /* no description */
	CHECK_STR(col(d, "fider:5", "text"), "Slack notifications \"when\" a status changes\n\nPing our channel when a "
	                                     "post we follow moves.");
	CHECK_STR(col(d, "fider:4", "text"), "(none)");
	CHECK_STR(col(d, "fider:5", "source"), "other");
	/* one audit row for the whole import */
	CHECK_EQ_INT(count(d, "SELECT count(*) FROM audit WHERE kind = 'insights' AND action = 'import'"), 1);
	CHECK_EQ_INT(count(d, "SELECT count(*) FROM audit WHERE changes LIKE '%imported 4 insights from fider%'"), 1);
	import_result_free(&r);
	/* the same file again changes nothing, and writes no audit row */
	REQUIRE(imp(d, "fider_posts.csv", "fider", NULL, false, &r) == 0);
	CHECK_EQ_INT(r.imported, 0);
	CHECK_EQ_INT(r.unchanged, 4);
	CHECK_EQ_INT(count(d, "SELECT count(*) FROM insights"), 4);
	CHECK_EQ_INT(count(d, "SELECT count(*) FROM audit WHERE action = 'import'"), 1);
	import_result_free(&r);
	/* the header before Fider v0.16.0 (total_votes, total_comments), capitalised statuses */
	REQUIRE(imp(d, "fider_posts_old.csv", NULL, NULL, false, &r) == 0);
	CHECK_STR(r.format, "fider");
	CHECK_EQ_INT(r.imported, 2);
	CHECK_EQ_INT(r.skipped, 1); /* "Deleted" */
	CHECK_STR(col(d, "fider:10", "observed_at"), "2018-03-23");
	CHECK_STR(col(d, "fider:10", "tags"), "[\"enterprise\"]");
	import_result_free(&r);
	db_close(d);
}

TEST(import_jira_repeated_headers_crlf_dates)
{
	db *d = t_db();
	struct import_result r;
	REQUIRE(imp(d, "jira_issues.csv", NULL, NULL, false, &r) == 0);
	CHECK_STR(r.format, "jira");
	CHECK_EQ_INT(r.imported, 3);
	CHECK_EQ_INT(r.nerrors, 0);
	/* Labels,Labels,Labels and Component/s become the tags; empty repeats are dropped */
	CHECK_STR(col(d, "jira:CX-101", "tags"), "[\"customer-request\",\"bulk-edit\",\"Web app\"]");
	CHECK_STR(col(d, "jira:CX-103", "tags"), "[]");
	/* quoted CRLF newlines are stored as LF; summary, then description */
	CHECK_STR(col(d, "jira:CX-101", "text"), "Bulk edit of tags\n\nh2. Goal\nCustomers want to *bulk edit* tags on many "
	                                         "items at once.\n\nAsked by three accounts this quarter.");
	CHECK_STR(col(d, "jira:CX-101", "observed_at"), "2025-07-14"); /* 14/Jul/25 3:42 PM */
	CHECK_STR(col(d, "jira:CX-102", "observed_at"), "2025-08-02");
	CHECK_STR(col(d, "jira:CX-103", "observed_at"), "2024-12-30");
	CHECK_STR(col(d, "jira:CX-101", "author"), "jane.doe");
	/* Organizations: "Acme Corp" and "ACME CORP" are one account */
	CHECK_EQ_INT(count(d, "SELECT count(*) FROM accounts"), 1);
	CHECK_EQ_INT(count(d, "SELECT count(DISTINCT account_id) FROM insights WHERE account_id IS NOT NULL"), 1);
	CHECK_STR(col(d, "jira:CX-103", "account_id"), "");
	import_result_free(&r);
	db_close(d);
}

TEST(import_quackback_and_canny_posts)
{
	db *d = t_db();
	struct import_result r;
	REQUIRE(imp(d, "quackback_posts.csv", NULL, NULL, false, &r) == 0);
	CHECK_STR(r.format, "quackback");
	CHECK_EQ_INT(r.imported, 3);
	/* no id column: the external id is a hash of the content, stable across imports */
	CHECK_EQ_INT(count(d, "SELECT count(*) FROM insights WHERE external_id LIKE 'quackback:h%'"), 3);
	/* the exporter's ' before a formula character is dropped; the author falls back to the email */
	CHECK_EQ_INT(count(d, "SELECT count(*) FROM insights WHERE text = '-1 on the new navigation\n\n=the menu moved and "
	                      "I cannot find settings anymore' AND author = 'ben@example.com'"),
	             1);
	CHECK_EQ_INT(count(d, "SELECT count(*) FROM insights WHERE author = 'Ana Lima' AND observed_at = '2025-01-15' AND "
	                      "tags = '[\"integrations\",\"calendar\",\"feature-requests\"]'"),
	             1);
	import_result_free(&r);
	REQUIRE(imp(d, "quackback_posts.csv", NULL, NULL, false, &r) == 0);
	CHECK_EQ_INT(r.unchanged, 3);
	CHECK_EQ_INT(r.imported, 0);
	import_result_free(&r);
	/* the canonical CSV from Canny carries source_id */
	REQUIRE(imp(d, "canny_posts.csv", "quackback", NULL, false, &r) == 0);
	CHECK_EQ_INT(r.imported, 2);
	CHECK_STR(col(d, "quackback:5f1a2b3c4d5e6f7a8b9c0d1f", "text"), "Dark mode");
	CHECK_STR(col(d, "quackback:5f1a2b3c4d5e6f7a8b9c0d1e", "observed_at"), "2024-11-20");
	import_result_free(&r);
	db_close(d);
}

TEST(import_productboard_notes)
{
	db *d = t_db();
	struct import_result r;
	REQUIRE(imp(d, "productboard_notes.csv", NULL, NULL, false, &r) == 0);
	CHECK_STR(r.format, "productboard");
	CHECK_EQ_INT(r.imported, 3);
	/* HTML content as text: paragraphs, list items, entities */
	CHECK_STR(col(d, "productboard:a1b2c3", "text"),
	          "Reporting is slow\n\nOur weekly report takes 5 minutes to load.\nWe export to Excel instead & lose time.");
	CHECK_STR(col(d, "productboard:d4e5f6", "text"), "SSO with Azure AD\n\nIT requires Azure AD — no exceptions.\n- SAML\n- SCIM");
	CHECK_STR(col(d, "productboard:g7h8i9", "text"), "Mobile approvals\n\nManagers approve on the go!");
	CHECK_STR(col(d, "productboard:a1b2c3", "url"), "https://globex.example/notes/a1b2c3");
	CHECK_STR(col(d, "productboard:d4e5f6", "author"), "it@globex.example");
	/* Globex and globex: one account, matched without regard to case */
	CHECK_EQ_INT(count(d, "SELECT count(*) FROM accounts"), 2);
	CHECK_EQ_INT(count(d, "SELECT count(*) FROM insights i JOIN accounts a ON a.id = i.account_id WHERE a.name = 'Globex'"), 2);
	import_result_free(&r);
	/* an account that exists is used, not created again */
	db_close(d);
}

TEST(import_generic_bom_crlf_excel_dates)
{
	db *d = t_db();
	struct import_result r;
	REQUIRE(imp(d, "generic_bom.csv", NULL, "Feedback=text,Company=account,Date=observed_at,Channel=source", false, &r) == 0);
	CHECK_STR(r.format, "generic");
	CHECK_EQ_INT(r.imported, 2);
	CHECK_EQ_INT(count(d, "SELECT count(*) FROM insights WHERE text = 'Loves the new editor, wants tables' AND "
	                      "observed_at = '2025-06-21' AND source = 'interview'"),
	             1);
	CHECK_EQ_INT(count(d, "SELECT count(*) FROM accounts WHERE name = 'Umbrella'"), 1);
	import_result_free(&r);
	db_close(d);
}

TEST(import_bad_rows_are_reported_by_line)
{
	db *d = t_db();
	struct import_result r;
	REQUIRE(imp(d, "ragged.csv", NULL, "Feedback=text,Company=account,Date=observed_at", false, &r) == 0);
	CHECK_EQ_INT(r.imported, 2);
	CHECK_EQ_INT(r.skipped, 2);
	REQUIRE(r.nerrors == 2);
	CHECK_EQ_INT(r.errors[0].line, 3);
	CHECK_CONTAINS(r.errors[0].message, "4 fields where the header has 3");
	CHECK_EQ_INT(r.errors[1].line, 4);
	import_result_free(&r);
	REQUIRE(imp(d, "bad_rows.csv", NULL, "Feedback=text,Date=observed_at,Channel=source", false, &r) == 0);
	CHECK_EQ_INT(r.imported, 1);
	REQUIRE(r.nerrors == 3);
	CHECK_EQ_INT(r.errors[0].line, 2);
	CHECK_CONTAINS(r.errors[0].message, "the text is empty");
	CHECK_EQ_INT(r.errors[1].line, 3);
	CHECK_CONTAINS(r.errors[1].message, "cannot read the date '32/13/2025'");
	CHECK_EQ_INT(r.errors[2].line, 4);
	CHECK_CONTAINS(r.errors[2].message, "source 'telepathy'");
	import_result_free(&r);
	REQUIRE(imp(d, "invalid_utf8.csv", NULL, "Feedback=text", false, &r) == 0);
	CHECK_EQ_INT(r.imported, 2);
	REQUIRE(r.nerrors == 1);
	CHECK_EQ_INT(r.errors[0].line, 3);
	CHECK_CONTAINS(r.errors[0].message, "invalid UTF-8");
	import_result_free(&r);
	/* an unbalanced quote swallows the rest: reported where it opens, rows before it kept */
	REQUIRE(imp(d, "unbalanced_quote.csv", NULL, "Feedback=text,Company=account", false, &r) == 0);
	CHECK_EQ_INT(r.imported, 1);
	REQUIRE(r.nerrors == 1);
	CHECK_EQ_INT(r.errors[0].line, 3);
	CHECK_CONTAINS(r.errors[0].message, "unbalanced quote");
	CHECK_EQ_INT(r.imported + r.unchanged + r.skipped, r.rows);
	import_result_free(&r);
	db_close(d);
}

TEST(import_refuses_what_it_cannot_read)
{
	db *d = t_db();
	struct import_result r;
	CHECK(imp(d, "empty.csv", NULL, NULL, false, &r) == -1);
	CHECK_EQ_INT(r.status, 400);
	CHECK_CONTAINS(r.message, "the file is empty");
	import_result_free(&r);
	CHECK(imp(d, "unknown_header.csv", NULL, NULL, false, &r) == -1);
	CHECK_CONTAINS(r.message, "header matches no known layout; use format=generic with map=");
	CHECK_CONTAINS(r.message, "Foo, Bar, Baz");
	import_result_free(&r);
	CHECK(imp(d, "fider_posts.csv", "jira", NULL, false, &r) == -1);
	CHECK_CONTAINS(r.message, "not a jira export: no column 'summary'");
	import_result_free(&r);
	CHECK(imp(d, "fider_posts.csv", "generic", NULL, false, &r) == -1);
	CHECK_CONTAINS(r.message, "format=generic needs map=");
	import_result_free(&r);
	CHECK(imp(d, "fider_posts.csv", NULL, "title=txt", false, &r) == -1);
	CHECK_CONTAINS(r.message, "'txt' is not a field");
	import_result_free(&r);
	CHECK(imp(d, "fider_posts.csv", NULL, "Nope=text", false, &r) == -1);
	CHECK_CONTAINS(r.message, "no column 'Nope'");
	import_result_free(&r);
	CHECK(imp(d, "fider_posts.csv", NULL, "title=author", false, &r) == -1);
	CHECK_CONTAINS(r.message, "no column maps to text");
	import_result_free(&r);
	CHECK(imp(d, "fider_posts.csv", "fider", "title=text", false, &r) == -1);
	CHECK_CONTAINS(r.message, "map applies only to format=generic");
	import_result_free(&r);
	CHECK(imp(d, "fider_posts.csv", "excel", NULL, false, &r) == -1);
	CHECK_CONTAINS(r.message, "unknown format 'excel'");
	import_result_free(&r);
	CHECK_EQ_INT(count(d, "SELECT count(*) FROM insights"), 0);
	/* UTF-16 (Excel's "Unicode text") */
	struct import_options o = {.map = "a=text"};
	CHECK(import_buffer(d, &o, "\xFF\xFE" "a\0\n\0", 6, &r) == -1);
	CHECK_CONTAINS(r.message, "UTF-16");
	import_result_free(&r);
	db_close(d);
}

TEST(import_all_or_nothing_leaves_nothing)
{
	db *d = t_db();
	struct import_result r;
	REQUIRE(imp(d, "ragged.csv", NULL, "Feedback=text,Company=account,Date=observed_at", true, &r) == 0);
	CHECK(r.rolled_back);
	CHECK_EQ_INT(r.imported, 0);
	CHECK_EQ_INT(r.skipped, 4);
	CHECK_EQ_INT(r.nerrors, 2);
	CHECK_EQ_INT(count(d, "SELECT count(*) FROM insights"), 0);
	CHECK_EQ_INT(count(d, "SELECT count(*) FROM accounts"), 0); /* the account it created is gone too */
	CHECK_EQ_INT(count(d, "SELECT count(*) FROM audit"), 0);
	import_result_free(&r);
	/* a clean file imports whole */
	REQUIRE(imp(d, "jira_issues.csv", NULL, NULL, true, &r) == 0);
	CHECK(!r.rolled_back);
	CHECK_EQ_INT(r.imported, 3);
	import_result_free(&r);
	db_close(d);
}

TEST(import_dates)
{
	char out[11];
	const char *ok[][2] = {
		{"2025-07-14", "2025-07-14"},          {"2025-07-14T15:42:00Z", "2025-07-14"},
		{"2018-03-23T19:33:22.123Z", "2018-03-23"}, {"2025-07-14 15:42:00", "2025-07-14"},
		{"14/Jul/25 3:42 PM", "2025-07-14"},   {"3/jan/2024 9:00 am", "2024-01-03"},
		{"6/21/2025 16:14", "2025-06-21"},     {"21/6/2025", "2025-06-21"},
		{"21.06.2025", "2025-06-21"},          {"2025/06/21", "2025-06-21"},
		{" 30/Dec/99 12:00 AM ", "1999-12-30"}, {"14-Jul-2025", "2025-07-14"},
	};
	for (size_t i = 0; i < COUNT(ok); i++) {
		if (import_date(ok[i][0], out) != 0)
			harness_fail(__FILE__, __LINE__, "date '%s' was refused", ok[i][0]);
		else
			CHECK_STR(out, ok[i][1]);
	}
	const char *bad[] = {"32/13/2025", "2025-02-30", "yesterday", "14/Foo/25", "2025-7", "1/2/3", "2025-07-14x",
	                     "12345678901234567890123456789012345678901234567890123456789012345678901234567890"};
	for (size_t i = 0; i < COUNT(bad); i++)
		if (import_date(bad[i], out) != -1)
			harness_fail(__FILE__, __LINE__, "date '%s' was accepted as %s", bad[i], out);
	CHECK_EQ_INT(import_date("  ", out), 1);
}

TEST(import_preview_proposes_a_mapping)
{
	FILE *f = fopen("tests/data/jira_issues.csv", "rb");
	REQUIRE(f);
	char data[4096];
	size_t n = fread(data, 1, sizeof data, f);
	fclose(f);
	struct import_preview p;
	REQUIRE(import_preview(data, n, NULL, &p) == 0);
	CHECK(p.known);
	CHECK_STR(p.format, "jira");
	CHECK_EQ_INT(p.nrows, 3);
	CHECK_EQ_INT(p.lines[0], 2);
	CHECK_EQ_INT(p.lines[1], 6); /* the first issue's description spans four lines */
	CHECK_STR(p.header[0], "Summary");
	CHECK_STR(p.fields[0], "text");
	CHECK_STR(p.fields[1], "external_id");
	CHECK(p.fields[2] == NULL); /* Issue id */
	CHECK_STR(p.cells[0], "Bulk edit of tags");
	import_preview_free(&p);
	/* an unknown layout: guesses from the names */
	const char *csv = "review_id,app,author,text,source\nr1,Spotify,ann,Add lyrics please,https://x\n";
	REQUIRE(import_preview(csv, strlen(csv), NULL, &p) == 0);
	CHECK(!p.known);
	CHECK_STR(p.format, "generic");
	CHECK_STR(p.fields[0], "external_id");
	CHECK(p.fields[1] == NULL);
	CHECK_STR(p.fields[2], "author");
	CHECK_STR(p.fields[3], "text");
	import_preview_free(&p);
	CHECK(import_preview("", 0, NULL, &p) == -1);
	CHECK_CONTAINS(p.message, "empty");
	import_preview_free(&p);
}

TEST(import_delimiters_personas_and_error_cap)
{
	db *d = t_db();
	struct import_result r;
	/* semicolons (a European spreadsheet) and tabs are recognised from the header line */
	const char *semi = "Feedback;Who\nNeeds SSO;ann\n";
	struct import_options o = {.map = "Feedback=text,Who=author", .source = "sales"};
	REQUIRE(import_buffer(d, &o, semi, strlen(semi), &r) == 0);
	CHECK_EQ_INT(r.imported, 1);
	CHECK_EQ_INT(count(d, "SELECT count(*) FROM insights WHERE author = 'ann' AND source = 'sales'"), 1);
	import_result_free(&r);
	const char *tabs = "Feedback\tWho\nWants  tabs\t bob\n";
	REQUIRE(import_buffer(d, &o, tabs, strlen(tabs), &r) == 0);
	CHECK_EQ_INT(count(d, "SELECT count(*) FROM insights WHERE text = 'Wants  tabs' AND author = 'bob'"), 1);
	import_result_free(&r);
	/* personas are matched by name, never created */
	db_run(d, "INSERT INTO personas(name, created_at, updated_at) VALUES ('Ops Olivia', 'x', 'x')", "");
	const char *pers = "Feedback,Persona\nAlerts by SMS,ops olivia\nDark mode,Nobody\n";
	struct import_options op = {.map = "Feedback=text,Persona=persona"};
	REQUIRE(import_buffer(d, &op, pers, strlen(pers), &r) == 0);
	CHECK_EQ_INT(r.imported, 1);
	REQUIRE(r.nerrors == 1);
	CHECK_CONTAINS(r.errors[0].message, "no persona named 'Nobody'");
	CHECK_EQ_INT(count(d, "SELECT count(*) FROM insights i JOIN personas p ON p.id = i.persona_id"), 1);
	import_result_free(&r);
	/* an id twice in one file (within one write batch): the second is unchanged */
	const char *dup = "Id,Feedback\n7,First\n8,Other\n7,First again\n";
	struct import_options oi = {.map = "Id=external_id,Feedback=text"};
	REQUIRE(import_buffer(d, &oi, dup, strlen(dup), &r) == 0);
	CHECK_EQ_INT(r.imported, 2);
	CHECK_EQ_INT(r.unchanged, 1);
	CHECK_EQ_INT(count(d, "SELECT count(*) FROM insights WHERE external_id = '7' AND text = 'First'"), 1);
	import_result_free(&r);
	/* more bad rows than the list holds: counted */
	buf b;
	buf_init(&b);
	buf_lit(&b, "Feedback,Date\n");
	for (int i = 0; i < 1200; i++)
		buf_lit(&b, "x,not-a-date\n");
	struct import_options od = {.map = "Feedback=text,Date=observed_at"};
	REQUIRE(import_buffer(d, &od, b.p, b.len, &r) == 0);
	CHECK_EQ_INT(r.nerrors, IMPORT_MAX_ERRORS);
	CHECK_EQ_INT(r.more_errors, 200);
	CHECK_EQ_INT(r.errors[999].line, 1001);
	json_t *j = import_result_json(&r);
	CHECK_EQ_INT(json_array_size(json_object_get(j, "errors")), IMPORT_MAX_ERRORS);
	CHECK_EQ_INT(json_integer_value(json_object_get(j, "more_errors")), 200);
	json_decref(j);
	import_result_free(&r);
	buf_free(&b);
	db_close(d);
}

TEST(import_streams_across_chunks_with_exact_lines)
{
	/* rows of quoted multi-line text across many 64 KiB chunks; one bad row near the end */
	db *d = t_db();
	buf b;
	buf_init(&b);
	buf_lit(&b, "Id,Feedback\r\n");
	for (int i = 1; i <= 3000; i++)
		buf_rawf(&b, "%d,\"Line one of %d, with a comma\r\nline two \"\"quoted\"\"\r\nline three\"\r\n", i, i);
	buf_lit(&b, "3001,\r\n"); /* empty text */
	struct import_options o = {.map = "Id=external_id,Feedback=text"};
	struct import_result r;
	REQUIRE(b.len > 3 * 65536);
	REQUIRE(import_buffer(d, &o, b.p, b.len, &r) == 0);
	CHECK_EQ_INT(r.imported, 3000);
	REQUIRE(r.nerrors == 1);
	CHECK_EQ_INT(r.errors[0].line, 2 + 3 * 3000); /* the header, then three lines a row */
	CHECK_STR(col(d, "2999", "text"), "Line one of 2999, with a comma\nline two \"quoted\"\nline three");
	import_result_free(&r);
	/* a quote left open in a huge file: stopped after 4 MiB, not held whole */
	buf_reset(&b);
	buf_lit(&b, "Feedback\nok\n\"open");
	for (int i = 0; i < 200000; i++)
		buf_lit(&b, "more text, more lines\n");
	struct import_options o2 = {.map = "Feedback=text"};
	REQUIRE(import_buffer(d, &o2, b.p, b.len, &r) == 0);
	REQUIRE(r.nerrors == 1);
	CHECK_EQ_INT(r.errors[0].line, 3);
	CHECK_CONTAINS(r.errors[0].message, "runs past 4 MiB");
	import_result_free(&r);
	buf_free(&b);
	db_close(d);
}

/* A search through the engine, as GET /api/v1/insights?q= does: the external ids of the first n results. */
static const char *search(db *d, arena *a, const char *q, int n)
{
	struct kv lim = {"limit", arena_printf(a, "%d", n), NULL, 0, 0};
	struct kv qa = {"q", q, &lim, 0, 0};
	struct list_query lq = {&qa, 500};
	json_t *items;
	const char *next;
	struct err e = {0};
	if (entity_list(d, entity_find("insights"), &lq, a, &items, &next, &e) < 0)
		return arena_strdup(a, e.message);
	buf b;
	buf_init(&b);
	size_t i;
	json_t *o;
	json_array_foreach(items, i, o)
	{
		if (i)
			buf_addc(&b, ' ');
		buf_raw(&b, json_string_value(json_object_get(o, "external_id")));
	}
	json_decref(items);
	const char *out = arena_strdup(a, buf_str(&b));
	buf_free(&b);
	return out;
}

TEST(import_real_app_reviews_then_search)
{
	db *d = t_db();
	struct import_result r;
	REQUIRE(imp(d, "app-reviews.csv", NULL, "review_id=external_id,text=text,author=author,app=tags,store=tags,source=url",
	            false, &r) == 0);
	CHECK_EQ_INT(r.rows, 555);
	CHECK_EQ_INT(r.imported, 555);
	CHECK_EQ_INT(r.nerrors, 0);
	import_result_free(&r);
	CHECK_EQ_INT(count(d, "SELECT count(*) FROM insights WHERE tags = '[\"Spotify\",\"google-play\"]'"), 96);
	CHECK_EQ_INT(count(d, "SELECT count(*) FROM insights WHERE url LIKE 'https://github.com/jsdabrowski/IS-22/%'"), 555);
	arena *a = arena_new();
	/* the one review asking for lyrics ranks first */
	const char *hits = search(d, a, "lyrics", 3);
	CHECK(!strncmp(hits, "is22:com.spotify.music:gp:AOqpTOFXvEHwX9AwzJTLKW", 48));
	/* stemming: "widgets" finds the Evernote reviews that say "widget" */
	hits = search(d, a, "widgets", 5);
	CHECK_CONTAINS(hits, "is22:Evernote:A1HM38G0EYAQMB");
	CHECK_EQ_INT(count(d, "SELECT count(*) FROM insights_fts WHERE insights_fts MATCH 'widget'"), 2);
	/* every result of a two-word search has both words */
	hits = search(d, a, "offline playlist", 10);
	CHECK(*hits);
	for (const char *h = hits; *h;) {
		size_t l = strcspn(h, " ");
		char id[200];
		snprintf(id, sizeof id, "%.*s", (int)l, h);
		const char *text = col(d, id, "lower(text)");
		CHECK(strstr(text, "offline") && strstr(text, "playlist"));
		h += l + (h[l] == ' ');
	}
	/* importing again changes nothing */
	REQUIRE(imp(d, "app-reviews.csv", NULL, "review_id=external_id,text=text,author=author,app=tags,store=tags,source=url",
	            false, &r) == 0);
	CHECK_EQ_INT(r.unchanged, 555);
	import_result_free(&r);
	arena_free(a);
	db_close(d);
}
