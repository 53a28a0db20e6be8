/* net_check.c — the URL check of outgoing requests: libcurl's URL parser for the parts, getaddrinfo for the
 * addresses, each address judged by its range. */
#include "net_check.h"
#include <arpa/inet.h>
#include <curl/curl.h>
#include <netdb.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>
#include <sys/socket.h>

enum { URL_MAX = 2000 };

static bool v4_refused(const unsigned char a[4])
{
	return a[0] == 0 ||                                   /* 0.0.0.0/8: this network, unspecified */
	       a[0] == 10 ||                                  /* private */
	       a[0] == 127 ||                                 /* loopback */
	       (a[0] == 100 && (a[1] & 0xC0) == 64) ||        /* 100.64/10: shared (carrier-grade NAT) */
	       (a[0] == 169 && a[1] == 254) ||                /* link-local (cloud metadata) */
	       (a[0] == 172 && (a[1] & 0xF0) == 16) ||        /* private */
	       (a[0] == 192 && a[1] == 168) ||                /* private */
	       (a[0] == 192 && a[1] == 0 && a[2] == 0) ||     /* IETF protocol assignments */
	       (a[0] == 198 && (a[1] & 0xFE) == 18) ||        /* benchmarking */
	       a[0] >= 224;                                   /* multicast, reserved, broadcast */
}

static bool v6_refused(const unsigned char a[16])
{
	static const unsigned char zero[16];
	static const unsigned char mapped[12] = {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0xFF, 0xFF};
	if (!memcmp(a, mapped, 12) || !memcmp(a, zero, 12)) /* IPv4-mapped or -compatible: judged as IPv4 */
		return v4_refused(a + 12) || !memcmp(a, zero, 16);
	return (a[0] & 0xFE) == 0xFC ||                /* fc00::/7 unique local */
	       (a[0] == 0xFE && (a[1] & 0xC0) == 0x80) || /* fe80::/10 link-local */
	       (a[0] == 0xFE && (a[1] & 0xC0) == 0xC0) || /* fec0::/10 site-local (deprecated) */
	       a[0] == 0xFF ||                         /* multicast */
	       (a[0] == 0x20 && a[1] == 0x01 && a[2] == 0x0d && a[3] == 0xb8) || /* documentation */
	       (a[0] == 0x00 && a[1] == 0x64 && a[2] == 0xff && a[3] == 0x9b);   /* NAT64 to IPv4 */
}

bool address_refused(const char *addr)
{
	unsigned char b[16];
	if (inet_pton(AF_INET, addr, b) == 1)
		return v4_refused(b);
	if (inet_pton(AF_INET6, addr, b) == 1)
		return v6_refused(b);
	return true; /* not an address: refuse */
}

/* The parts of a URL that libcurl's parser finds; 0, or -1 when it is no URL. */
struct url_parts {
	char scheme[16], host[256], port[8];
	bool credentials;
};

static int parse(const char *url, struct url_parts *p)
{
	memset(p, 0, sizeof *p);
	CURLU *h = curl_url();
	if (!h)
		return -1;
	int rc = -1;
	char *scheme = NULL, *host = NULL, *port = NULL, *user = NULL, *pass = NULL;
	if (curl_url_set(h, CURLUPART_URL, url, CURLU_NON_SUPPORT_SCHEME) == CURLUE_OK &&
	    curl_url_get(h, CURLUPART_SCHEME, &scheme, 0) == CURLUE_OK &&
	    curl_url_get(h, CURLUPART_HOST, &host, 0) == CURLUE_OK &&
	    curl_url_get(h, CURLUPART_PORT, &port, CURLU_DEFAULT_PORT) == CURLUE_OK) {
		p->credentials = curl_url_get(h, CURLUPART_USER, &user, 0) == CURLUE_OK ||
		                 curl_url_get(h, CURLUPART_PASSWORD, &pass, 0) == CURLUE_OK;
		snprintf(p->scheme, sizeof p->scheme, "%s", scheme);
		snprintf(p->host, sizeof p->host, "%s", host);
		snprintf(p->port, sizeof p->port, "%s", port);
		rc = 0;
	}
	curl_free(scheme), curl_free(host), curl_free(port), curl_free(user), curl_free(pass);
	curl_url_cleanup(h);
	return rc;
}

const char *url_form_problem(const char *url)
{
	struct url_parts p;
	if (!url || !*url)
		return "a URL is needed";
	if (strlen(url) > URL_MAX)
		return "the URL is longer than 2000 characters";
	if (strncasecmp(url, "http://", 7) && strncasecmp(url, "https://", 8))
		return "the URL must start with http:// or https://";
	if (parse(url, &p) < 0 || !p.host[0])
		return "the URL is not a valid http(s) URL with a host";
	if (strcasecmp(p.scheme, "http") && strcasecmp(p.scheme, "https"))
		return "the URL must start with http:// or https://";
	if (p.credentials)
		return "the URL must not carry a user name or password (the signature proves who sends)";
	return NULL;
}

bool url_public(const char *url, bool allow_private, char *why, size_t whylen, char *pin)
{
	const char *form = url_form_problem(url);
	if (form) {
		snprintf(why, whylen, "%s", form);
		return false;
	}
	struct url_parts p;
	parse(url, &p);
	char host[256];
	snprintf(host, sizeof host, "%s", p.host);
	size_t n = strlen(host);
	if (host[0] == '[' && n > 2 && host[n - 1] == ']') { /* an IPv6 literal */
		memmove(host, host + 1, n - 2);
		host[n - 2] = 0;
	}
	struct addrinfo hints = {.ai_family = AF_UNSPEC, .ai_socktype = SOCK_STREAM}, *res = NULL;
	int rc = getaddrinfo(host, p.port, &hints, &res);
	if (rc != 0) {
		snprintf(why, whylen, "the host %.200s does not resolve (%s)", host, gai_strerror(rc));
		return false;
	}
	bool ok = true;
	for (struct addrinfo *ai = res; ai; ai = ai->ai_next) {
		char addr[INET6_ADDRSTRLEN] = "";
		const void *src = ai->ai_family == AF_INET ? (const void *)&((struct sockaddr_in *)ai->ai_addr)->sin_addr
		                                           : (const void *)&((struct sockaddr_in6 *)ai->ai_addr)->sin6_addr;
		inet_ntop(ai->ai_family, src, addr, sizeof addr);
		if (!allow_private && address_refused(addr)) {
			snprintf(why, whylen,
			         "the host %.200s resolves to %s, a loopback, private, link-local or multicast address: Tandem "
			         "does not send webhooks inside its network",
			         host, addr);
			ok = false;
			break;
		}
		if (pin && ai == res)
			snprintf(pin, NET_PIN_MAX, "%.200s:%s:%s%s%s", p.host, p.port, ai->ai_family == AF_INET6 ? "[" : "", addr,
			         ai->ai_family == AF_INET6 ? "]" : "");
	}
	freeaddrinfo(res);
	return ok;
}
