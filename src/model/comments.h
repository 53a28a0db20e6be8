/* comments.h — discussion on any object: the comments kind, threaded one level, and the @mentions in a body. */
#ifndef TANDEM_COMMENTS_H
#define TANDEM_COMMENTS_H
#include "action.h"
#include "entity.h"

extern struct entity comments_entity;
/* Resolve or reopen a thread: POST /api/v1/comments/{id}/resolve {"resolved"}. */
extern const struct action comment_resolve_action;

/* The users a Markdown body mentions, as a new JSON array of ids in the order first mentioned, none twice: "@" then
 * a user's email or full name (case-insensitive), where the "@" starts a word. NULL with err naming body and the
 * text when an "@word" names nobody. */
json_t *comment_mentions(db *d, const char *body, struct err *err);

/* The discussion of one object: its top-level comments oldest first, each with "replies" (oldest first) and
 * "author_name"; a new array. */
json_t *comments_thread(db *d, const char *on_kind, long long on_id);
#endif
