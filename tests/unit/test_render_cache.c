/* test_render_cache.c — the render cache: an answer comes back whole (status, type, headers, body) under its key and
 * only its key; the least recently used go first when the room is full; an answer that sets a cookie, is not a 200 or
 * is too large for the room is never kept; off, it keeps nothing. */
#include <string.h>
#include "app/render_cache.h"
#include "harness.h"

static void answer(response *rs, int status, const char *body)
{
	memset(rs, 0, sizeof *rs);
	rs->status = status;
	rs->content_type = "text/html; charset=utf-8";
	buf_init(&rs->body);
	buf_raw(&rs->body, body);
}

TEST(render_cache_keeps_and_evicts)
{
	request rq = {0};
	rq.a = arena_new();
	response rs, got;
	render_cache_init(64 << 10); /* 64 KiB: an entry may take 8 KiB */
	answer(&rs, 200, "<p>goals for the pm</p>");
	rs_header(&rs, "Content-Security-Policy", "default-src 'self'");
	render_cache_put("\"k1\"", &rs);
	buf_free(&rs.body);
	answer(&got, 0, "");
	REQUIRE(render_cache_get("\"k1\"", &rq, &got));
	CHECK_EQ_INT(got.status, 200);
	CHECK_STR(buf_str(&got.body), "<p>goals for the pm</p>");
	CHECK_STR(got.content_type, "text/html; charset=utf-8");
	CHECK_EQ_INT(got.nheaders, 1);
	CHECK_STR(got.headers[0].value, "default-src 'self'");
	buf_free(&got.body);
	answer(&got, 0, "");
	CHECK(!render_cache_get("\"k2\"", &rq, &got)); /* another key: nothing */
	buf_free(&got.body);

	/* never kept: a cookie, another status, too large */
	answer(&rs, 200, "signed in");
	rs_header(&rs, "Set-Cookie", "tandem_session=x");
	render_cache_put("\"cookie\"", &rs);
	buf_free(&rs.body);
	answer(&rs, 404, "no such page");
	render_cache_put("\"404\"", &rs);
	buf_free(&rs.body);
	char big[12000];
	memset(big, 'x', sizeof big - 1);
	big[sizeof big - 1] = 0;
	answer(&rs, 200, big);
	render_cache_put("\"big\"", &rs);
	buf_free(&rs.body);
	const char *never[] = {"\"cookie\"", "\"404\"", "\"big\""};
	for (int i = 0; i < 3; i++) {
		answer(&got, 0, "");
		CHECK(!render_cache_get(never[i], &rq, &got));
		buf_free(&got.body);
	}

	/* fill the room: k1 used last survives, the oldest others go */
	char page[6000], key[32];
	memset(page, 'p', sizeof page - 1);
	page[sizeof page - 1] = 0;
	for (int i = 0; i < 20; i++) {
		snprintf(key, sizeof key, "\"fill-%d\"", i);
		answer(&rs, 200, page);
		render_cache_put(key, &rs);
		buf_free(&rs.body);
		if (i % 3 == 0) { /* k1 stays in use */
			answer(&got, 0, "");
			render_cache_get("\"k1\"", &rq, &got);
			buf_free(&got.body);
		}
	}
	unsigned long long hits, misses;
	size_t bytes;
	render_cache_stats(&hits, &misses, &bytes);
	CHECK(bytes <= 64 << 10);
	answer(&got, 0, "");
	CHECK(render_cache_get("\"k1\"", &rq, &got));
	buf_free(&got.body);
	answer(&got, 0, "");
	CHECK(!render_cache_get("\"fill-0\"", &rq, &got)); /* the oldest went */
	buf_free(&got.body);
	answer(&got, 0, "");
	CHECK(render_cache_get("\"fill-19\"", &rq, &got)); /* the newest is there */
	buf_free(&got.body);

	render_cache_clear();
	render_cache_init(0); /* off: keeps nothing */
	answer(&rs, 200, "x");
	render_cache_put("\"off\"", &rs);
	buf_free(&rs.body);
	answer(&got, 0, "");
	CHECK(!render_cache_get("\"off\"", &rq, &got));
	buf_free(&got.body);
	arena_free(rq.a);
}
