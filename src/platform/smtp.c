/* smtp.c — mail through libcurl's SMTP client, and header values made safe (no line breaks, RFC 2047 words). */
#include "smtp.h"
#include <curl/curl.h>
#include <sodium.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>

bool smtp_url_ok(const char *url)
{
	return url && ((!strncasecmp(url, "smtp://", 7) && url[7]) || (!strncasecmp(url, "smtps://", 8) && url[8]));
}

struct reader {
	const char *p;
	size_t left;
};

static size_t feed(char *out, size_t size, size_t n, void *u)
{
	struct reader *r = u;
	size_t k = size * n < r->left ? size * n : r->left;
	memcpy(out, r->p, k);
	r->p += k, r->left -= k;
	return k;
}

int smtp_send(const char *url, const char *from, const char *to, const char *message, char *why, size_t whylen)
{
	CURL *c = curl_easy_init();
	if (!c) {
		snprintf(why, whylen, "libcurl could not start");
		return -1;
	}
	struct reader r = {message, strlen(message)};
	struct curl_slist *rcpt = curl_slist_append(NULL, to);
	curl_easy_setopt(c, CURLOPT_URL, url);
	curl_easy_setopt(c, CURLOPT_MAIL_FROM, from);
	curl_easy_setopt(c, CURLOPT_MAIL_RCPT, rcpt);
	curl_easy_setopt(c, CURLOPT_USE_SSL, (long)CURLUSESSL_TRY);
	curl_easy_setopt(c, CURLOPT_READFUNCTION, feed);
	curl_easy_setopt(c, CURLOPT_READDATA, &r);
	curl_easy_setopt(c, CURLOPT_UPLOAD, 1L);
	curl_easy_setopt(c, CURLOPT_TIMEOUT, 30L);
	curl_easy_setopt(c, CURLOPT_NOSIGNAL, 1L);
	CURLcode rc = curl_easy_perform(c);
	if (rc != CURLE_OK)
		snprintf(why, whylen, "%s", curl_easy_strerror(rc));
	curl_slist_free_all(rcpt);
	curl_easy_cleanup(c);
	return rc == CURLE_OK ? 0 : -1;
}

void mail_header_value(const char *in, char *out, size_t outlen)
{
	char flat[MAIL_HEADER_TEXT_MAX + 1];
	size_t n = 0;
	bool ascii = true;
	for (const unsigned char *p = (const unsigned char *)in; *p && n < sizeof flat - 1; p++) {
		flat[n++] = *p < 0x20 || *p == 0x7f ? ' ' : (char)*p;
		ascii = ascii && *p < 0x80;
	}
	size_t start = n; /* a character cut at the end (the text was longer): drop it whole */
	while (start && ((unsigned char)flat[start - 1] & 0xc0) == 0x80)
		start--;
	if (start && (unsigned char)flat[start - 1] >= 0xc0) {
		unsigned char lead = (unsigned char)flat[start - 1];
		size_t need = lead >= 0xf0 ? 4 : lead >= 0xe0 ? 3 : 2;
		if (n - (start - 1) < need)
			n = start - 1;
	}
	flat[n] = 0;
	if (ascii) {
		snprintf(out, outlen, "%s", flat);
		return;
	}
	/* Encoded words of at most 45 bytes of text (75 characters in all, RFC 2047 §2), each cut between characters,
	 * folded onto lines of their own. */
	size_t o = 0;
	out[0] = 0;
	for (size_t i = 0; i < n;) {
		size_t len = n - i < 45 ? n - i : 45;
		while (i + len < n && ((unsigned char)flat[i + len] & 0xc0) == 0x80)
			len--;
		char b64[64];
		sodium_bin2base64(b64, sizeof b64, (const unsigned char *)flat + i, len, sodium_base64_VARIANT_ORIGINAL);
		int w = snprintf(out + o, outlen - o, "%s=?UTF-8?B?%s?=", i ? "\r\n " : "", b64);
		if (w < 0 || (size_t)w >= outlen - o) { /* no room for the whole word: end before it */
			out[o] = 0;
			return;
		}
		o += (size_t)w;
		i += len;
	}
}
