/* net_check.h — may Tandem send a request to this URL: http or https, no credentials in it, a host that resolves only
 * to public addresses (not loopback, private, shared, link-local, multicast, unspecified or broadcast; IPv4-mapped
 * IPv6 judged as IPv4), the defence against a webhook aimed inside the network (SSRF). */
#ifndef TANDEM_NET_CHECK_H
#define TANDEM_NET_CHECK_H
#include <stdbool.h>
#include <stddef.h>

enum { NET_PIN_MAX = 320 };

/* The URL's form only (scheme, credentials, a host, length): NULL when fine, else why (a constant). */
const char *url_form_problem(const char *url);
/* The form, then the resolved addresses (unless allow_private): true when it may be sent to; else false with why
 * written. With pin (when not NULL, NET_PIN_MAX bytes) the "host:port:address" of the first address, for libcurl's
 * CURLOPT_RESOLVE, so the request goes where the check looked. */
bool url_public(const char *url, bool allow_private, char *why, size_t whylen, char *pin);
/* Is this textual IPv4 or IPv6 address one a public request may not reach? */
bool address_refused(const char *addr);
#endif
