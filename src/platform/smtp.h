/* smtp.h — one mail sent through libcurl's SMTP (smtp:// with STARTTLS when offered, smtps://; user:password from
 * the URL). */
#ifndef TANDEM_SMTP_H
#define TANDEM_SMTP_H
#include <stdbool.h>
#include <stddef.h>

/* Is url an smtp:// or smtps:// URL with a host? */
bool smtp_url_ok(const char *url);
/* Send message (whole RFC 5322 text, CRLF lines) from from to to; 0, or -1 with why written. */
int smtp_send(const char *url, const char *from, const char *to, const char *message, char *why, size_t whylen);
/* The longest header text kept (bytes of UTF-8, cut between characters), and room for its encoding. */
#define MAIL_HEADER_TEXT_MAX 300
#define MAIL_HEADER_MAX 800
/* A header value safe in a mail: CR, LF and other control characters become spaces; non-ASCII text as RFC 2047
 * encoded words (UTF-8, base64, each at most 75 characters, folded). out gets at most outlen bytes. */
void mail_header_value(const char *in, char *out, size_t outlen);
#endif
