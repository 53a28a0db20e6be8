/* test_mail.c — mail made safe: header values keep no line break (no header can be added through a name or a
 * title), non-ASCII text becomes RFC 2047 encoded words of at most 75 characters cut between characters, display
 * names are quoted; the digest's Markdown shows titles literally. */
#include <sodium.h>
#include <stdlib.h>
#include <string.h>
#include "domain/digest.h"
#include "harness.h"
#include "platform/smtp.h"

/* Decode a run of encoded words (as mail_header_value writes them) back to the text. */
static void decode_words(const char *in, char *out, size_t outlen)
{
	size_t o = 0;
	for (const char *p = in; (p = strstr(p, "=?UTF-8?B?"));) {
		p += 10;
		const char *end = strstr(p, "?=");
		size_t got = 0;
		if (!end || sodium_base642bin((unsigned char *)out + o, outlen - o - 1, p, (size_t)(end - p), NULL, &got, NULL,
		                              sodium_base64_VARIANT_ORIGINAL) != 0)
			break;
		o += got;
		p = end + 2;
	}
	out[o] = 0;
}

TEST(mail_header_value_safe)
{
	char out[MAIL_HEADER_MAX];
	mail_header_value("Ada\r\nBcc: eve@example.com", out, sizeof out);
	CHECK_STR(out, "Ada  Bcc: eve@example.com");
	mail_header_value("Marco Rossi", out, sizeof out);
	CHECK_STR(out, "Marco Rossi");
	/* 120 two-byte characters: several words, each ≤ 75 characters, on folded lines, the text whole again */
	char in[400] = "";
	for (int i = 0; i < 120; i++)
		strcat(in, "é");
	mail_header_value(in, out, sizeof out);
	int words = 0;
	for (char *line = out, *next; line; line = next) {
		next = strstr(line, "\r\n ");
		size_t len = next ? (size_t)(next - line) : strlen(line);
		CHECK(len <= 75);
		CHECK(!strncmp(line, "=?UTF-8?B?", 10));
		words++;
		if (next)
			next += 3;
	}
	CHECK(words >= 5);
	char back[400];
	decode_words(out, back, sizeof back);
	CHECK_STR(back, in);
	CHECK(!strchr(out, '\n') || strstr(out, "\r\n ")); /* every line break is a fold */
	/* a text longer than kept is cut between characters */
	char lng[700] = "";
	for (int i = 0; i < 301; i++)
		strcat(lng, "ü");
	mail_header_value(lng, out, sizeof out);
	decode_words(out, back, sizeof back);
	CHECK_EQ_INT((long long)strlen(back), MAIL_HEADER_TEXT_MAX);
	CHECK_EQ_INT((long long)(strlen(back) % 2), 0);
}

TEST(digest_mail_headers)
{
	char *m = digest_mail("tandem@example.com", "pm@example.com", "Eve\", x <x@evil.example>\r\nBcc: y@evil.example",
	                      "Tandem: 3 things\r\nX-Injected: 1", "# Hello\n.\nbye");
	REQUIRE(m);
	char *body = strstr(m, "\r\n\r\n");
	REQUIRE(body);
	*body = 0;
	CHECK(!strstr(m, "\r\nBcc:"));
	CHECK(!strstr(m, "\r\nX-Injected:"));
	CHECK(strstr(m, "\r\nTo: \"Eve\\\", x <x@evil.example>  Bcc: y@evil.example\" <pm@example.com>\r\n") != NULL);
	CHECK(strstr(m, "\r\nSubject: Tandem: 3 things  X-Injected: 1\r\n") != NULL);
	CHECK(!strncmp(body + 4, "# Hello\r\n.\r\nbye\r\n", 17));
	free(m);
	m = digest_mail("tandem@example.com", "pmm@example.com", "Zoë", "“quoted”", "x");
	REQUIRE(m);
	CHECK(strstr(m, "\r\nTo: =?UTF-8?B?") != NULL);
	CHECK(strstr(m, "\r\nSubject: =?UTF-8?B?") != NULL);
	free(m);
}
