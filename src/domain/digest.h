/* digest.h — each person's mail of what they are to hear of: the daily digest in Markdown (by reason, never one mail
 * per event), each mention at once for who chose immediate, and the sending of what is due. */
#ifndef TANDEM_DOMAIN_DIGEST_H
#define TANDEM_DOMAIN_DIGEST_H
#include <jansson.h>
#include "platform/db.h"

/* The digest of items (notifications as notifications_list gives them) for name on date, as Markdown (new); NULL
 * when there is nothing to tell. base_url ("https://tandem.example.com", or NULL) makes the links absolute. */
char *digest_markdown(const char *name, const char *date, json_t *items, const char *base_url);
/* A whole RFC 5322 message (new): headers made safe, the text as UTF-8 plain text, CRLF lines. */
char *digest_mail(const char *from, const char *to, const char *to_name, const char *subject, const char *text);
/* Mail what is due now through smtp from from: the digest of every digest user not mailed today (when digests),
 * and each unmailed mention of every immediate user. Each mail marks what it told mailed in its own transaction.
 * How many mails went, or -1 when one failed (the rest are tried the next time). */
int digest_send_due(db *d, const char *smtp, const char *from, const char *today, bool digests, const char *base_url);
#endif
