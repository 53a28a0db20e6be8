/* ics.h — the launch calendar as iCalendar (RFC 5545): one VEVENT per launch and per dated marketing
 * activity, with UIDs stable across exports, SEQUENCE from the object's version, all-day dates. */
#ifndef TANDEM_ICS_H
#define TANDEM_ICS_H
#include <stdbool.h>
#include <stddef.h>
#include "platform/arena.h"
#include "platform/buf.h"
#include "platform/db.h"
#include "platform/err.h"

#define ICS_UID_SETTING "calendar.workspace_uid" /* the random id every UID ends with */
#define ICS_BASE_URL_SETTING "base_url"          /* links back when the request names no usable host */
#define ICS_DEFAULT_BASE_URL "http://localhost:8080"
enum { ICS_LINE_MAX = 75 }; /* octets of a content line before it is folded */

/* The writer. */
/* Append one content line "name:value" to out: folded at 75 octets (never inside a UTF-8 sequence),
 * continuation lines starting with a space, ended by CRLF. value is written as it is (numbers, dates,
 * URIs the program made). */
void ics_line(buf *out, const char *name, const char *value);
/* The same with value a TEXT: backslash, semicolon and comma escaped, line breaks as \n, other control
 * characters dropped. */
void ics_text(buf *out, const char *name, const char *text);
/* TEXT escaping alone (appended to out). */
void ics_escape(buf *out, const char *text);
/* Fold one unfolded line of n octets into out, with CRLF after each physical line. */
void ics_fold(buf *out, const char *line, size_t n);

/* The workspace's calendar id: created once (random) in the settings table and kept, so UIDs never
 * change between exports. Needs a transaction that may write; NULL when it cannot be stored. */
const char *ics_workspace_uid(db *d, arena *a);
/* A Host header fit for links (letters, digits, dots, dashes, an optional :port or an [IPv6]). */
bool ics_host_sane(const char *host);
/* A base URL fit for links: http:// or https://, then a sane host, then an optional path of plain
 * characters; written into the arena without a trailing slash, or NULL. */
const char *ics_base_url_clean(arena *a, const char *url);
/* The base URL of links for an HTTP request: http(s)://Host when the Host is sane (https when
 * X-Forwarded-Proto says so), else the base_url setting, else ICS_DEFAULT_BASE_URL. */
const char *ics_base_url(db *d, arena *a, const char *host, const char *forwarded_proto);

/* A marketing channel as people read it: "in_app" → "In-app"; an unknown one as it is. */
const char *ics_channel_label(const char *channel);

/* The whole calendar of the workspace into out (base_url: where links point, without a trailing slash).
 * The caller holds a transaction that may write (the workspace id is made on first use). 0, or -1 with
 * err set (503 when the workspace's calendar id could not be stored, 500 on a database failure). */
int ics_calendar(db *d, arena *a, const char *base_url, buf *out, struct err *err);
#endif
