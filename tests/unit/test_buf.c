/* test_buf.c — the growable buffer and its escaping writers: HTML, URL, JSON, CSV (formula guard). */
#include <signal.h>
#include <stdlib.h>
#include <sys/wait.h>
#include <unistd.h>
#include "harness.h"
#include "platform/buf.h"

/* Run one writer on s into a fresh buffer; returns a heap copy (caller frees). */
static char *esc(void (*w)(buf *, const char *), const char *s)
{
	buf b;
	buf_init(&b);
	w(&b, s);
	return buf_detach(&b, NULL);
}

#define CHECK_ESC(writer, in, want)          \
	do {                                     \
		char *got_ = esc(writer, in);        \
		CHECK_STR(got_, want);               \
		free(got_);                          \
	} while (0)

TEST(buf_grows_and_detaches)
{
	buf b;
	buf_init(&b);
	CHECK_STR(buf_str(&b), "");
	for (int i = 0; i < 1000; i++)
		buf_lit(&b, "0123456789");
	CHECK_EQ_INT(b.len, 10000);
	CHECK_EQ_INT(strlen(buf_str(&b)), 10000);
	buf_reset(&b);
	CHECK_EQ_INT(b.len, 0);
	CHECK_STR(buf_str(&b), "");
	buf_addc(&b, 'x');
	buf_raw(&b, NULL);
	buf_raw(&b, "yz");
	size_t n = 0;
	char *p = buf_detach(&b, &n);
	CHECK_STR(p, "xyz");
	CHECK_EQ_INT(n, 3);
	CHECK(b.p == NULL && b.len == 0);
	free(p);
	p = buf_detach(&b, &n); /* empty buffer still gives a string */
	CHECK_STR(p, "");
	free(p);
}

TEST(buf_rawf_long_output)
{
	buf b;
	buf_init(&b);
	char s[600];
	memset(s, 'a', sizeof s - 1);
	s[sizeof s - 1] = 0;
	buf_rawf(&b, "[%s|%d]", s, 5); /* longer than the 256-byte fast path */
	CHECK_EQ_INT(b.len, 599 + 4);
	CHECK(b.p[0] == '[' && b.p[600] == '|' && b.p[601] == '5' && b.p[602] == ']');
	buf_free(&b);
}

TEST(buf_html_escapes_all_five)
{
	CHECK_ESC(buf_html, "<a href=\"x\" title='y'>&amp;</a>",
	          "&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;amp;&lt;/a&gt;");
	CHECK_ESC(buf_html, "plain text é", "plain text é");
	CHECK_ESC(buf_html, "", "");
	CHECK_ESC(buf_html, NULL, "");
}

TEST(buf_url_escapes_reserved)
{
	CHECK_ESC(buf_url, "a b&c=d/e?f#g", "a%20b%26c%3Dd%2Fe%3Ff%23g");
	CHECK_ESC(buf_url, "safe-_.~AZaz09", "safe-_.~AZaz09");
	CHECK_ESC(buf_url, "é", "%C3%A9");
	CHECK_ESC(buf_url, "<script>", "%3Cscript%3E");
}

TEST(buf_json_strings)
{
	CHECK_ESC(buf_json, "say \"hi\"\\", "\"say \\\"hi\\\"\\\\\"");
	CHECK_ESC(buf_json, "a\nb\rc\td", "\"a\\nb\\rc\\td\"");
	CHECK_ESC(buf_json, "\x01\x1f", "\"\\u0001\\u001f\"");
	CHECK_ESC(buf_json, "</script>", "\"\\u003c/script>\"");
	CHECK_ESC(buf_json, "é", "\"é\"");
	CHECK_ESC(buf_json, NULL, "null");
	CHECK_ESC(buf_json, "", "\"\"");
}

TEST(buf_csv_quoting)
{
	CHECK_ESC(buf_csv, "plain", "plain");
	CHECK_ESC(buf_csv, "a,b", "\"a,b\"");
	CHECK_ESC(buf_csv, "say \"hi\"", "\"say \"\"hi\"\"\"");
	CHECK_ESC(buf_csv, "two\nlines", "\"two\nlines\"");
	CHECK_ESC(buf_csv, "cr\r", "\"cr\r\"");
	CHECK_ESC(buf_csv, NULL, "");
	CHECK_ESC(buf_csv, "", "");
}

TEST(buf_csv_formula_guard)
{
	CHECK_ESC(buf_csv, "=1+1", "\"'=1+1\"");
	CHECK_ESC(buf_csv, "+SUM(A1)", "\"'+SUM(A1)\"");
	CHECK_ESC(buf_csv, "@cmd", "\"'@cmd\"");
	CHECK_ESC(buf_csv, "-x", "\"'-x\"");
	CHECK_ESC(buf_csv, "=HYPERLINK(\"http://x\",\"y\")", "\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\"");
	/* negative numbers stay numbers */
	CHECK_ESC(buf_csv, "-42", "-42");
	CHECK_ESC(buf_csv, "-3.5", "-3.5");
	/* only a leading sign is a formula */
	CHECK_ESC(buf_csv, "a=b", "a=b");
}

/* regression: CSV formula injection — a cell that starts like a negative number but is a formula, or starts with a
 * tab or carriage return, was exported unprefixed. Only a cell that is wholly a number is exempt. */
TEST(regression_csv_formula_injection)
{
	CHECK_ESC(buf_csv, "-2+3+cmd|' /C calc'!A0", "\"'-2+3+cmd|' /C calc'!A0\"");
	CHECK_ESC(buf_csv, "-1)*cmd", "\"'-1)*cmd\"");
	CHECK_ESC(buf_csv, "+1+cmd", "\"'+1+cmd\"");
	CHECK_ESC(buf_csv, "\t=1+1", "\"'\t=1+1\"");
	CHECK_ESC(buf_csv, "\r=1+1", "\"'\r=1+1\"");
	CHECK_ESC(buf_csv, "-", "\"'-\"");
	CHECK_ESC(buf_csv, "-.", "\"'-.\"");
	CHECK_ESC(buf_csv, "-1e", "\"'-1e\"");
	CHECK_ESC(buf_csv, "+12", "+12");
	CHECK_ESC(buf_csv, "-0.25", "-0.25");
	CHECK_ESC(buf_csv, "-1.5e-3", "-1.5e-3");
	CHECK_ESC(buf_csv, "-.5", "-.5");
}

TEST(html_printf_escapes_strings_only)
{
	buf b;
	buf_init(&b);
	html(&b, "<p class=\"%s\">%s %d %lld %zu %.2f %% %c</p>", "x\"y", "<b>", -3, 123456789012LL, (size_t)7, 2.5,
	     '<');
	CHECK_STR(buf_str(&b), "<p class=\"x&quot;y\">&lt;b&gt; -3 123456789012 7 2.50 % &lt;</p>");
	buf_reset(&b);
	html(&b, "%5d|%-3s|%ld", 42, "ab", 9L);
	CHECK_STR(buf_str(&b), "   42|ab|9");
	buf_reset(&b);
	const char *volatile none = NULL; /* volatile: the compiler would refuse a literal NULL for %s */
	html(&b, "%s", none);
	CHECK_STR(buf_str(&b), "");
	buf_free(&b);
}

/* vhtml without the compiler's format check, as a format the checker would not see */
static void unchecked_html(buf *b, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	vhtml(b, fmt, ap);
	va_end(ap);
}

/* Did formatting fmt in a child process abort it? */
static bool html_aborts(const char *fmt)
{
	fflush(NULL);
	pid_t pid = fork();
	if (pid == 0) {
		close(2); /* the message is for a developer, not the test log */
		buf b;
		buf_init(&b);
		unchecked_html(&b, fmt, 1, "x");
		_exit(0);
	}
	int status = 0;
	waitpid(pid, &status, 0);
	return WIFSIGNALED(status) && WTERMSIG(status) == SIGABRT;
}

/* A conversion html() does not know is a bug in the program: it stops loudly instead of dropping it (and
 * taking the next argument for the wrong one). */
TEST(html_printf_refuses_an_unknown_conversion)
{
	CHECK(html_aborts("<p>%p</p>"));
	CHECK(html_aborts("<p>%n</p>"));
	CHECK(html_aborts("<p>%.*s</p>"));
	CHECK(html_aborts("<p>%hd</p>"));
	CHECK(html_aborts("100%"));
	CHECK(html_aborts("%000000000000000000000000000000000000000d"));
	CHECK(!html_aborts("<p>%d %s</p>"));
}

TEST(buf_int_plain_and_grouped)
{
	buf b;
	buf_init(&b);
	buf_int(&b, -1234567);
	buf_lit(&b, " ");
	buf_int_grouped(&b, 1234567);
	buf_lit(&b, " ");
	buf_int_grouped(&b, -999);
	buf_lit(&b, " ");
	buf_int_grouped(&b, -1000);
	buf_lit(&b, " ");
	buf_int_grouped(&b, 0);
	CHECK_STR(buf_str(&b), "-1234567 1,234,567 -999 -1,000 0");
	buf_free(&b);
}

TEST(buf_html_marked_escapes_and_marks)
{
	buf b;
	buf_init(&b);
	buf_html_marked(&b, "a <b> \x02" "SAML\x03 & \x02sso\x03");
	CHECK_STR(buf_str(&b), "a &lt;b&gt; <mark>SAML</mark> &amp; <mark>sso</mark>");
	buf_free(&b);
}
