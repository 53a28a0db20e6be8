/* bundle.h — the whole workspace as one JSON document (the "tandem-bundle") and back: every row of every table the
 * workspace keeps (each kind, its links and children, measurements, revisions, the audit trail, settings, the
 * strategy's history), streamed both ways so its size is bounded by one row, not by the workspace. */
#ifndef TANDEM_BUNDLE_H
#define TANDEM_BUNDLE_H
#include <stdbool.h>
#include <stdio.h>
#include "platform/arena.h"
#include "platform/db.h"
#include "platform/err.h"

#define BUNDLE_FORMAT "tandem-bundle"
#define BUNDLE_FORMAT_VERSION 1

/* Write the workspace to out, inside the caller's read transaction: {"format", "format_version", "schema_version",
 * "exported_at", "secrets", "kinds": {table: [row, ...]}}, tables in the order they were made, rows by id, one row a
 * line. Secrets (password hashes, API token, share-link and invitation hashes, webhook secrets) only when secrets.
 * 0, or -1 with e (a write error). */
int bundle_export(db *d, FILE *out, bool secrets, const char *exported_at, struct err *e);

/* A bundle being read: its header first, then its rows. */
struct bundle_header {
	int format_version, schema_version;
	bool secrets;
	char exported_at[40];
};
struct bundle_reader;
/* Start reading the bundle in in (named name in messages): the header is read and checked (the format; versions no
 * newer than format_version and this binary's schema). NULL with e: the reason, with the byte offset where one
 * applies. */
struct bundle_reader *bundle_open(FILE *in, const char *name, int schema_latest, struct bundle_header *h,
                                  struct err *e);
/* What a load wrote. */
struct bundle_counts {
	long long rows;
	int tables;
	long long users;
};
/* Load every row into d, a workspace made at the bundle's schema and empty, inside the caller's transaction;
 * references are checked once all are in (a broken one named by its table, id and field). Without secrets every
 * password is unusable until an invitation link is used. 0, or -1 with e (nothing to commit). */
int bundle_load(db *d, struct bundle_reader *r, struct bundle_counts *c, struct err *e);
void bundle_close(struct bundle_reader *r);
/* After a load without secrets, in the caller's transaction: an invitation link for each active person (their
 * password until they use it is none), a new secret for each webhook; each told to fn (what: "invitation" or
 * "webhook secret"; who: the email or the webhook's name; the path /invite/… or the whsec_ secret). 0, or -1 with e. */
int bundle_new_secrets(db *d, arena *a, void (*fn)(const char *what, const char *who, const char *secret, void *arg),
                       void *arg, struct err *e);
/* How many people the workspace holds (what a bundle would replace, with all they wrote). */
long long bundle_rows_held(db *d);
/* Has nothing been written to the workspace since it was made (its audit trail is empty)? */
bool bundle_workspace_empty(db *d);
#endif
