/* answer_key.c — the ETag of a GET answer known before rendering: a BLAKE2b hash of everything the answer can depend
 * on — this binary, the method, path and query, the user, their role and session (forms carry its CSRF token), the
 * cookies, the headers pages read (Host and X-Forwarded-Proto for links, Accept for the error's form), today's date
 * (pages count days) and the workspace's change counter, which every committed write moves (platform/db.h). The same
 * key is the same answer; a matching If-None-Match is answered 304 without rendering or hashing. */
#include "answer_key.h"
#include <sodium.h>
#include <stdio.h>
#include <string.h>
#include "platform/db.h"
#include "platform/util.h"

/* Built into the binary: an upgrade changes every key. */
static const char build_id[] = __DATE__ " " __TIME__;

static void add(crypto_generichash_state *h, const char *s)
{
	const char *v = s ? s : "";
	crypto_generichash_update(h, (const unsigned char *)v, strlen(v) + 1); /* the NUL keeps fields apart */
}

static void add_query(const char *name, const char *value, void *arg)
{
	add(arg, name);
	add(arg, value ? value : "\x01"); /* a bare name is not an empty value */
}

const char *answer_key(request *rq)
{
	long long clock = db_clock(rq->db);
	if (clock < 0)
		return NULL;
	char num[64], today[11];
	today_ymd(today);
	crypto_generichash_state h;
	crypto_generichash_init(&h, NULL, 0, 16);
	add(&h, build_id);
	snprintf(num, sizeof num, "%d %lld %lld %d", (int)rq->method, clock, rq->user_id, rq->user_rank);
	add(&h, num);
	add(&h, today);
	add(&h, rq->path);
	rq_each_query(rq, add_query, &h);
	add(&h, "\x02"); /* the end of the query */
	add(&h, rq->csrf);
	add(&h, rq_header(rq, "Cookie"));
	add(&h, rq_header(rq, "Host"));
	add(&h, rq_header(rq, "X-Forwarded-Proto"));
	add(&h, rq_header(rq, "Accept"));
	unsigned char out[16];
	crypto_generichash_final(&h, out, sizeof out);
	char hex[33];
	sodium_bin2hex(hex, sizeof hex, out, sizeof out);
	return arena_printf(rq->a, "\"%s\"", hex);
}

bool answer_key_matches(request *rq, const char *key)
{
	const char *inm = rq_header(rq, "If-None-Match");
	return key && inm && strstr(inm, key) != NULL;
}
