/* page_changelog.c — the public changelog at a share link: /share/changelog/{token} (each shipped release, newest
 * first, with its notes in customer words) and /share/changelog/{token}.atom (the same as an Atom feed for feed
 * readers). A wrong or revoked token gets the router's own 404, so nothing tells that a changelog is there. */
#include "app/reply.h"
#include "domain/changelog.h"
#include "domain/ics.h"
#include "model/share_links.h"
#include "model/users.h"
#include "platform/json_get.h"
#include "platform/markdown.h"
#include "web.h"

void page_share_changelog(request *rq, response *rs)
{
	rq->user_id = 0, rq->user_rank = RANK_NONE, rq->csrf = NULL;
	if (!share_link_valid(rq->db, "changelog", rq->params[0]))
		return page_error(rq, rs, 404, "no such page or resource");
	rs_header(rs, "X-Robots-Tag", "noindex, nofollow");
	page_begin(rq, rs, "What's new", NULL);
	buf *b = &rs->body;
	buf_lit(b, "<div class=\"page-head\"><div><h1>What's new</h1><p class=\"blurb\">What shipped, newest first. "
	           "<a id=\"atom\" type=\"application/atom+xml\" href=\"");
	buf_url(b, rq->params[0]);
	buf_lit(b, ".atom\">Follow it in a feed reader (Atom)</a>.</p></div></div>");
	json_t *rels = changelog_releases(rq->db), *rel;
	size_t i;
	if (!json_array_size(rels))
		buf_lit(b, "<p class=\"muted\">Nothing has shipped yet.</p>");
	json_array_foreach(rels, i, rel)
	{
		buf md;
		buf_init(&md);
		changelog_release_md(rq->db, &md, rel);
		buf_rawf(b, "<section class=\"card release-notes\" id=\"release-%lld\">", jget_int(rel, "id"));
		markdown_html(b, buf_str(&md));
		buf_lit(b, "</section>");
		buf_free(&md);
	}
	json_decref(rels);
	page_end(rq, rs);
}

void page_share_changelog_atom(request *rq, response *rs)
{
	char created[21] = "";
	long long link = share_link_find(rq->db, "changelog", rq->params[0], created);
	if (!link) {
		rq->user_id = 0;
		return page_error(rq, rs, 404, "no such page or resource");
	}
	const char *base = ics_base_url(rq->db, rq->a, rq_header(rq, "Host"), rq_header(rq, "X-Forwarded-Proto"));
	buf page;
	buf_init(&page);
	buf_raw(&page, base);
	buf_lit(&page, "/share/changelog/");
	buf_url(&page, rq->params[0]);
	const char *page_url = arena_strdup(rq->a, buf_str(&page));
	buf_lit(&page, ".atom");
	const char *feed_id = arena_printf(rq->a, "tag:tandem,%.10s:changelog/%lld", created, link);
	changelog_atom(rq->db, page_url, buf_str(&page), feed_id, &rs->body);
	buf_free(&page);
	reply_file(rq, rs, "application/atom+xml; charset=utf-8", "inline", "changelog.atom");
	rs_header(rs, "X-Robots-Tag", "noindex");
}
