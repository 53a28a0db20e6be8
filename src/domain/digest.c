/* digest.c — the mail of notifications: a daily digest per person in Markdown, grouped by why they hear of it (in
 * the inbox's order), each line who did what on which object with its link; an immediate mail per mention for who
 * chose it; RFC 5322 messages with safe headers, sent through platform/smtp.c. */
#include "digest.h"
#include <sodium.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include "brief.h"
#include "model/entity.h"
#include "model/notifications.h"
#include "platform/buf.h"
#include "platform/json_get.h"
#include "platform/log.h"
#include "platform/smtp.h"
#include "platform/util.h"

static const struct {
	const char *reason, *heading;
} sections[] = {
	{"mention", "Mentions"},
	{"review_requested", "Reviews asked of you"},
	{"review_answered", "Your reviews answered"},
	{"review_cancelled", "Reviews cancelled"},
	{"escalation", "Escalations"},
	{"decision", "Decisions"},
	{"approval_needed", "Waiting for approval"},
	{"win", "Wins"},
	{"release_moved", "Releases moved"},
	{"launch_due", "Launches in their lead time"},
	{"goal_review_due", "Goals due for review"},
	{"reply", "Replies"},
	{"comment", "Comments"},
	{"change", "Changes to what you own or follow"},
	{"webhook_failed", "Webhooks that gave up"},
};

static void line(buf *b, json_t *n, const char *base_url)
{
	const char *type = jget_str(n, "type"), *actor = jget_str(n, "actor");
	const struct entity *e = entity_find(jget_str(n, "kind"));
	const char *dot = type ? strchr(type, '.') : NULL;
	char verb[64];
	snprintf(verb, sizeof verb, "%s", dot ? dot + 1 : "changed");
	for (char *c = verb; *c; c++)
		*c = *c == '_' ? ' ' : *c;
	buf_lit(b, "- ");
	if (actor) {
		buf_lit(b, "**");
		brief_md_text(b, actor);
		buf_lit(b, "** ");
	}
	size_t vl = strlen(verb);
	bool state = vl < 2 || strcmp(verb + vl - 2, "ed") != 0; /* "in review": a state it moved to, not a deed */
	buf_rawf(b, "%s %s “", state ? "moved" : verb, e ? e->one : "object");
	brief_md_text(b, jget_str(n, "title"));
	buf_lit(b, "”");
	if (state)
		buf_rawf(b, " to %s", verb);
	const char *msg = jget_str(json_object_get(n, "changes"), "message");
	if (msg) {
		buf_lit(b, ": ");
		brief_md_text(b, msg);
	}
	buf_rawf(b, " — %s/%s/%lld\n", base_url ? base_url : "", jget_str(n, "kind"), jget_int(n, "object_id"));
}

char *digest_markdown(const char *name, const char *date, json_t *items, const char *base_url)
{
	if (!json_array_size(items))
		return NULL;
	buf b;
	buf_init(&b);
	buf_lit(&b, "# Tandem digest for ");
	brief_md_text(&b, name);
	buf_rawf(&b, " — %s\n\n%zu thing%s to hear of", date, json_array_size(items), json_array_size(items) == 1 ? "" : "s");
	buf_rawf(&b, "; your inbox: %s/inbox\n", base_url ? base_url : "");
	for (size_t s = 0; s < COUNT(sections); s++) {
		size_t i, shown = 0;
		json_t *n;
		json_array_foreach(items, i, n)
		{
			if (!str_eq(jget_str(n, "reason"), sections[s].reason))
				continue;
			if (!shown++)
				buf_rawf(&b, "\n## %s\n\n", sections[s].heading);
			line(&b, n, base_url);
		}
	}
	char *out = xstrdup(buf_str(&b));
	buf_free(&b);
	return out;
}

char *digest_mail(const char *from, const char *to, const char *to_name, const char *subject, const char *text)
{
	char date[64], hfrom[MAIL_HEADER_MAX], hto[MAIL_HEADER_MAX], hname[MAIL_HEADER_MAX], hsubj[MAIL_HEADER_MAX];
	time_t t = time(NULL);
	struct tm tm;
	gmtime_r(&t, &tm);
	strftime(date, sizeof date, "%a, %d %b %Y %H:%M:%S +0000", &tm);
	mail_header_value(from, hfrom, sizeof hfrom);
	mail_header_value(to, hto, sizeof hto);
	mail_header_value(to_name, hname, sizeof hname);
	bool ascii = true;
	for (const unsigned char *p = (const unsigned char *)to_name; *p; p++)
		ascii = ascii && *p < 0x80;
	if (ascii) { /* plain ASCII: a quoted string, so a comma or <> cannot add an address (encoded words cannot) */
		char q[MAIL_HEADER_MAX];
		size_t o = 0;
		q[o++] = '"';
		for (const char *p = hname; *p && o < sizeof q - 3; p++) {
			if (*p == '"' || *p == '\\')
				q[o++] = '\\';
			q[o++] = *p;
		}
		q[o++] = '"';
		q[o] = 0;
		snprintf(hname, sizeof hname, "%s", q);
	}
	mail_header_value(subject, hsubj, sizeof hsubj);
	buf b;
	buf_init(&b);
	unsigned char rnd[4];
	randombytes_buf(rnd, sizeof rnd);
	buf_rawf(&b,
	         "Date: %s\r\nFrom: Tandem <%s>\r\nTo: %s <%s>\r\nSubject: %s\r\nMessage-ID: <tandem.%lld.%02x%02x%02x%02x@%s>\r\n"
	         "MIME-Version: 1.0\r\nContent-Type: text/plain; charset=utf-8\r\nContent-Transfer-Encoding: 8bit\r\n\r\n",
	         date, hfrom, hname, hto, hsubj, (long long)t, rnd[0], rnd[1], rnd[2], rnd[3],
	         strchr(hfrom, '@') ? strchr(hfrom, '@') + 1 : "tandem");
	for (const char *p = text; *p; p++) { /* CRLF lines (libcurl escapes a leading dot) */
		if (*p == '\n')
			buf_lit(&b, "\r\n");
		else if (*p != '\r')
			buf_add(&b, p, 1);
	}
	buf_lit(&b, "\r\n");
	char *out = xstrdup(buf_str(&b));
	buf_free(&b);
	return out;
}

/* Mail items to a user, marking them mailed (and the digest done when digest); 1 when sent, 0 when nothing, -1. */
static int mail_one(db *d, const char *smtp, const char *from, json_t *u, json_t *items, const char *subject,
                    const char *today, bool digest, const char *base_url)
{
	char *md = digest_markdown(jget_str(u, "name"), today, items, base_url);
	if (!md)
		return digest && db_begin(d) == DB_OK && notify_digest_done(d, jget_int(u, "id"), today) == 0 &&
		               db_commit(d) == DB_OK
		           ? 0
		           : (digest ? -1 : 0);
	char *mail = digest_mail(from, jget_str(u, "email"), jget_str(u, "name"), subject, md);
	char why[300];
	int rc = smtp_send(smtp, from, jget_str(u, "email"), mail, why, sizeof why);
	free(md), free(mail);
	if (rc < 0) {
		log_error("mail to %s: %s", jget_str(u, "email"), why);
		return -1;
	}
	json_t *ids = json_array(), *n;
	size_t i;
	json_array_foreach(items, i, n) json_array_append(ids, json_object_get(n, "id"));
	rc = db_begin(d) == DB_OK && notifications_mark_mailed(d, ids) == 0 &&
	             (!digest || notify_digest_done(d, jget_int(u, "id"), today) == 0) && db_commit(d) == DB_OK
	         ? 1
	         : -1;
	if (rc < 0)
		db_rollback(d);
	json_decref(ids);
	return rc;
}

int digest_send_due(db *d, const char *smtp, const char *from, const char *today, bool digests, const char *base_url)
{
	int sent = 0, failed = 0;
	json_t *users = digests ? notify_mail_due(d, "digest", today) : json_array(), *u;
	size_t i;
	json_array_foreach(users, i, u)
	{
		json_t *items = notifications_unmailed(d, jget_int(u, "id"), NULL);
		char subject[300];
		snprintf(subject, sizeof subject, "Tandem: %zu thing%s for you today", json_array_size(items),
		         json_array_size(items) == 1 ? "" : "s");
		int rc = mail_one(d, smtp, from, u, items, subject, today, true, base_url);
		sent += rc > 0, failed += rc < 0;
		json_decref(items);
	}
	json_decref(users);
	users = notify_mail_due(d, "immediate", today);
	json_array_foreach(users, i, u)
	{
		json_t *items = notifications_unmailed(d, jget_int(u, "id"), "mention"), *n;
		size_t k;
		json_array_foreach(items, k, n)
		{
			json_t *one = json_pack("[O]", n);
			char subject[300];
			const char *title = jget_str(n, "title");
			snprintf(subject, sizeof subject, "%s mentioned you %s “%.200s”",
			         jget_str(n, "actor") ? jget_str(n, "actor") : "Someone",
			         str_eq(jget_str(n, "kind"), "comments") ? "in a comment:" : "on", title ? title : "");
			int rc = mail_one(d, smtp, from, u, one, subject, today, false, base_url);
			sent += rc > 0, failed += rc < 0;
			json_decref(one);
		}
		json_decref(items);
	}
	json_decref(users);
	return failed ? -1 : sent;
}
