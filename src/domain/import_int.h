/* import_int.h — what import.c and import_formats.c share: column roles, layouts, values. */
#ifndef TANDEM_IMPORT_INT_H
#define TANDEM_IMPORT_INT_H
#include <stdbool.h>
#include <stddef.h>
#include "platform/buf.h"

/* What a column feeds. Several columns may feed one role: text joins them (blank line between),
 * tags merge them, the others take the first non-empty value in order. */
enum role {
	ROLE_NONE,
	ROLE_TEXT,
	ROLE_SOURCE,
	ROLE_AUTHOR,
	ROLE_ACCOUNT,
	ROLE_PERSONA,
	ROLE_DATE,
	ROLE_URL,
	ROLE_TAGS,
	ROLE_EXTID,
	ROLE_STATUS, /* not stored; a layout may skip rows by it (Fider's deleted posts) */
	ROLE__MAX
};

enum split {
	SPLIT_NONE,        /* the cell is one value (a Jira label column: repeated, one label each) */
	SPLIT_COMMA_SPACE, /* joined with ", " (Fider: a tag may itself hold a bare comma) */
	SPLIT_COMMA,       /* joined with "," */
	SPLIT_LIST,        /* "," or ";" (generic mappings) */
};

/* How one column of the file is read. */
struct colmap {
	enum role role;
	int order;         /* among columns of one role: lower first */
	enum split split;  /* ROLE_TAGS */
	bool html;         /* ROLE_TEXT: the cell is HTML (Productboard) */
};

/* One column a layout knows: aliases are normalized names (lowercase letters and digits only)
 * separated by '|'. */
struct layout_col {
	const char *names;
	enum role role;
	enum split split;
	bool html;
};

enum layout_flag {
	L_FORMULA_QUOTE = 1 << 0, /* a leading ' before = + - @ was added by the exporter: drop it */
};

struct layout {
	const char *name;
	const char *id_prefix;       /* external ids are prefix + the id column (or a content hash) */
	const struct layout_col *cols;
	int ncols;
	const char *const *need;     /* normalized names (with '|' alternatives) that recognise the layout */
	unsigned flags;
	const char *const *skip_status; /* rows whose status is one of these are skipped (NULL: none) */
	const char *source;          /* the source its rows most likely are, proposed by the import page */
};

/* import_formats.c */
const struct layout *layout_find(const char *name);           /* NULL for generic or an unknown name */
const struct layout *layout_detect(char **header, int n);     /* NULL when no layout fits */
/* Assign columns of header to roles for layout l; -1 with msg naming what is missing. */
int layout_assign(const struct layout *l, char **header, int n, struct colmap *out, char *msg, size_t msgn);
/* Parse "Column=field,..." against the header; -1 with msg. */
int map_assign(const char *map, char **header, int n, struct colmap *out, char *msg, size_t msgn);
/* Guess a mapping from column names (the UI's proposal for an unknown layout). */
void map_guess(char **header, int n, struct colmap *out);
const char *role_field(enum role r);                          /* "text", ...; NULL for none/status */
/* A date as YYYY-MM-DD: 0 filled, 1 empty (no date), -1 unreadable. */
int import_date(const char *s, char out[11]);
/* HTML to plain text: tags dropped, block ends as newlines, entities decoded. */
void import_html_text(buf *out, const char *s);
/* "Labels" -> "labels", "Issue key" -> "issuekey" into out (size n). */
void header_norm(const char *s, char *out, size_t n);
#endif
