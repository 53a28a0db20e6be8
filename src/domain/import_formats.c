/* import_formats.c — the CSV layouts Tandem knows (Fider, Quackback/Canny, Productboard, Jira), generic
 * column mappings, and reading their dates and HTML. docs/IMPORT.md describes each layout. */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include "import.h"
#include "import_int.h"

const char *const import_fields[] = {"text",     "source", "author", "account",     "persona",
                                     "observed_at", "url", "tags",   "external_id", NULL};
const char *const import_formats[] = {"generic", "fider", "quackback", "productboard", "jira", NULL};

static const enum role field_roles[] = {ROLE_TEXT, ROLE_SOURCE, ROLE_AUTHOR, ROLE_ACCOUNT, ROLE_PERSONA,
                                        ROLE_DATE, ROLE_URL,    ROLE_TAGS,   ROLE_EXTID};

const char *role_field(enum role r)
{
	for (size_t i = 0; i < COUNT(field_roles); i++)
		if (field_roles[i] == r)
			return import_fields[i];
	return NULL;
}

/* Fider posts.csv (app/pkg/csv/csv.go); before v0.16.0 total_votes,total_comments. */
static const struct layout_col fider_cols[] = {
	{"number", ROLE_EXTID, 0, 0},
	{"title", ROLE_TEXT, 0, 0},
	{"description", ROLE_TEXT, 0, 0},
	{"createdat", ROLE_DATE, 0, 0},
	{"createdby", ROLE_AUTHOR, 0, 0},
	{"status", ROLE_STATUS, 0, 0},
	{"tags", ROLE_TAGS, SPLIT_COMMA_SPACE, 0},
};
static const char *const fider_need[] = {"number", "title", "description", "createdat", "status",
                                         "votescount|totalvotes", NULL};
static const char *const fider_skip[] = {"deleted", NULL};

/* Quackback's posts export (title,content,status,tags,board,author_name,author_email,vote_count,created_at),
 * and its canonical import CSV, which adds source_id (a Canny post id when pulled from Canny). */
static const struct layout_col quackback_cols[] = {
	{"sourceid", ROLE_EXTID, 0, 0},
	{"title", ROLE_TEXT, 0, 0},
	{"content", ROLE_TEXT, 0, 0},
	{"createdat", ROLE_DATE, 0, 0},
	{"authorname", ROLE_AUTHOR, 0, 0},
	{"authoremail", ROLE_AUTHOR, 0, 0},
	{"tags", ROLE_TAGS, SPLIT_COMMA, 0},
	{"board", ROLE_TAGS, SPLIT_NONE, 0},
};
static const char *const quackback_need[] = {"title", "content", "board", "votecount", "createdat", NULL};

/* Productboard notes: the Notes API fields, flattened; either spelling (API or UI) of each column. */
static const struct layout_col productboard_cols[] = {
	{"id|noteid|sourcerecordid", ROLE_EXTID, 0, 0},
	{"title|notetitle", ROLE_TEXT, 0, 0},
	{"content|notetext|notecontent", ROLE_TEXT, 0, true},
	{"createdat|created|notecreatedat", ROLE_DATE, 0, 0},
	{"username|customername|user", ROLE_AUTHOR, 0, 0},
	{"useremail|customeremail|email", ROLE_AUTHOR, 0, 0},
	{"company|companyname|companydomain", ROLE_ACCOUNT, 0, 0},
	{"displayurl|noteurl|url|sourceurl", ROLE_URL, 0, 0},
	{"tags|notetags", ROLE_TAGS, SPLIT_COMMA, 0},
};
static const char *const productboard_need[] = {"title|notetitle", "content|notetext|notecontent",
                                                "company|companyname|companydomain", NULL};

/* Jira issue search → Export CSV: repeated headers (Labels,Labels; Component/s; Comment) each hold one value. */
static const struct layout_col jira_cols[] = {
	{"issuekey", ROLE_EXTID, 0, 0},
	{"summary", ROLE_TEXT, 0, 0},
	{"description", ROLE_TEXT, 0, 0},
	{"created", ROLE_DATE, 0, 0},
	{"reporter", ROLE_AUTHOR, 0, 0},
	{"creator", ROLE_AUTHOR, 0, 0},
	{"customfieldorganizations|organizations", ROLE_ACCOUNT, 0, 0},
	{"labels", ROLE_TAGS, SPLIT_NONE, 0},
	{"components", ROLE_TAGS, SPLIT_NONE, 0},
};
static const char *const jira_need[] = {"summary", "issuekey", NULL};

/* The proposed source: a feedback board's posts and Jira's (service desk) issues are what customers asked support
 * for; Productboard notes are what product people wrote down from talking to customers. */
static const struct layout layouts[] = {
	{"fider", "fider:", fider_cols, COUNT(fider_cols), fider_need, 0, fider_skip, "support"},
	{"jira", "jira:", jira_cols, COUNT(jira_cols), jira_need, 0, NULL, "support"},
	{"quackback", "quackback:", quackback_cols, COUNT(quackback_cols), quackback_need, L_FORMULA_QUOTE, NULL,
	 "support"},
	{"productboard", "productboard:", productboard_cols, COUNT(productboard_cols), productboard_need, 0, NULL,
	 "interview"},
};

const struct layout *layout_find(const char *name)
{
	for (size_t i = 0; i < COUNT(layouts); i++)
		if (!strcmp(layouts[i].name, name))
			return &layouts[i];
	return NULL;
}

void header_norm(const char *s, char *out, size_t n)
{
	size_t k = 0;
	for (; *s && k + 1 < n; s++)
		if (isalnum((unsigned char)*s))
			out[k++] = (char)tolower((unsigned char)*s);
	out[k] = 0;
}

/* Is the normalized name one of the '|'-separated aliases? */
static bool alias_has(const char *aliases, const char *name)
{
	size_t n = strlen(name);
	for (const char *p = aliases; *p;) {
		size_t l = strcspn(p, "|");
		if (l == n && !strncmp(p, name, n))
			return true;
		p += l + (p[l] == '|');
	}
	return false;
}

static bool header_has(char **header, int n, const char *aliases)
{
	char norm[128];
	for (int i = 0; i < n; i++) {
		header_norm(header[i], norm, sizeof norm);
		if (*norm && alias_has(aliases, norm))
			return true;
	}
	return false;
}

const struct layout *layout_detect(char **header, int n)
{
	for (size_t i = 0; i < COUNT(layouts); i++) {
		bool all = true;
		for (const char *const *need = layouts[i].need; *need && all; need++)
			all = header_has(header, n, *need);
		if (all)
			return &layouts[i];
	}
	return NULL;
}

int layout_assign(const struct layout *l, char **header, int n, struct colmap *out, char *msg, size_t msgn)
{
	for (const char *const *need = l->need; *need; need++)
		if (!header_has(header, n, *need)) {
			char first[64];
			snprintf(first, sizeof first, "%.*s", (int)strcspn(*need, "|"), *need);
			snprintf(msg, msgn, "the header is not a %s export: no column '%s'", l->name, first);
			return -1;
		}
	char norm[128];
	for (int i = 0; i < n; i++) {
		out[i] = (struct colmap){ROLE_NONE, 0, SPLIT_NONE, false};
		header_norm(header[i], norm, sizeof norm);
		for (int k = 0; k < l->ncols && *norm; k++)
			if (alias_has(l->cols[k].names, norm)) {
				out[i] = (struct colmap){l->cols[k].role, k, l->cols[k].split, l->cols[k].html};
				break;
			}
	}
	return 0;
}

static int field_role(const char *name, size_t n, enum role *r)
{
	for (size_t i = 0; import_fields[i]; i++)
		if (strlen(import_fields[i]) == n && !strncasecmp(import_fields[i], name, n)) {
			*r = field_roles[i];
			return 0;
		}
	return -1;
}

static void trim(const char **s, size_t *n)
{
	while (*n && isspace((unsigned char)**s))
		(*s)++, (*n)--;
	while (*n && isspace((unsigned char)(*s)[*n - 1]))
		(*n)--;
}

int map_assign(const char *map, char **header, int n, struct colmap *out, char *msg, size_t msgn)
{
	for (int i = 0; i < n; i++)
		out[i] = (struct colmap){ROLE_NONE, 0, SPLIT_NONE, false};
	bool text = false;
	int order = 0;
	for (const char *p = map; *p; order++) {
		size_t len = strcspn(p, ",");
		const char *pair = p, *eq = NULL;
		for (size_t k = 0; k < len; k++)
			if (pair[k] == '=')
				eq = pair + k; /* the last '=': a column name may hold one */
		p += len + (p[len] == ',');
		const char *col = pair, *field = eq ? eq + 1 : NULL;
		size_t cn = eq ? (size_t)(eq - pair) : len, fn = eq ? len - cn - 1 : 0;
		trim(&col, &cn);
		if (!eq && cn == 0)
			continue; /* "a=text,,b=tags" */
		if (!eq || cn == 0) {
			snprintf(msg, msgn, "map: '%.*s' is not Column=field", (int)len, pair);
			return -1;
		}
		trim(&field, &fn);
		enum role r;
		if (field_role(field, fn, &r) < 0) {
			snprintf(msg, msgn,
			         "map: '%.*s' is not a field; fields are text, source, author, account, persona, observed_at, "
			         "url, tags, external_id",
			         (int)fn, field);
			return -1;
		}
		/* the column: exact name first, else without regard to case; every column of that name */
		int found = 0;
		for (int pass = 0; pass < 2 && !found; pass++)
			for (int i = 0; i < n; i++) {
				bool same = strlen(header[i]) == cn &&
				            (pass ? !strncasecmp(header[i], col, cn) : !strncmp(header[i], col, cn));
				if (!same)
					continue;
				out[i] = (struct colmap){r, order, r == ROLE_TAGS ? SPLIT_LIST : SPLIT_NONE, false};
				found++;
			}
		if (!found) {
			snprintf(msg, msgn, "map: no column '%.*s' in the header", (int)cn, col);
			return -1;
		}
		text |= r == ROLE_TEXT;
	}
	if (!text) {
		snprintf(msg, msgn, "map: no column maps to text (e.g. map=Feedback=text)");
		return -1;
	}
	return 0;
}

void map_guess(char **header, int n, struct colmap *out)
{
	static const struct {
		const char *names;
		enum role role;
	} guesses[] = {
		{"text|feedback|comment|comments|body|description|content|review|message|note|notes|summary|title|subject|"
		 "details|verbatim|quote|insight|request|reviewtext",
		 ROLE_TEXT},
		{"author|name|user|username|reporter|customer|customername|contact|email|authorname|authoremail|useremail",
		 ROLE_AUTHOR},
		{"company|account|organization|organisation|companyname|accountname|org|customercompany", ROLE_ACCOUNT},
		{"date|created|createdat|observedat|timestamp|time|submittedat|datecreated|createddate|reviewdate", ROLE_DATE},
		{"url|link|permalink|sourceurl|displayurl", ROLE_URL},
		{"tags|tag|labels|label|category|categories|topic|topics", ROLE_TAGS},
		{"id|externalid|key|reviewid|ticketid|number|issuekey|uuid|noteid|sourceid", ROLE_EXTID},
		{"persona", ROLE_PERSONA},
		{"channel", ROLE_SOURCE},
	};
	char norm[128];
	for (int i = 0; i < n; i++) {
		out[i] = (struct colmap){ROLE_NONE, i, SPLIT_NONE, false};
		header_norm(header[i], norm, sizeof norm);
		for (size_t k = 0; k < COUNT(guesses) && *norm; k++)
			if (alias_has(guesses[k].names, norm)) {
				out[i].role = guesses[k].role;
				out[i].split = guesses[k].role == ROLE_TAGS ? SPLIT_LIST : SPLIT_NONE;
				break;
			}
	}
}

/* Whole number of 1..maxd digits at *p; -1 when none. */
static int digits(const char **p, int maxd)
{
	int v = 0, k = 0;
	while (k < maxd && isdigit((unsigned char)**p)) {
		v = v * 10 + (**p - '0');
		(*p)++, k++;
	}
	return k ? v : -1;
}

static int year_of(int y, int ndigits)
{
	if (ndigits == 2)
		return y < 70 ? 2000 + y : 1900 + y;
	return y;
}

/* After the date: nothing, or a time (digits, ':', '.', 'T', AM/PM, a zone). */
static bool time_ok(const char *p)
{
	if (!*p)
		return true;
	if (*p != ' ' && *p != 'T')
		return false;
	for (p++; *p; p++)
		if (!isdigit((unsigned char)*p) && !strchr(":.+-Z ", *p) && !strchr("APMapm", *p))
			return false;
	return true;
}

int import_date(const char *s, char out[11])
{
	while (isspace((unsigned char)*s))
		s++;
	if (!*s)
		return 1;
	size_t n = strlen(s);
	while (n && isspace((unsigned char)s[n - 1]))
		n--;
	char t[64];
	if (n >= sizeof t)
		return -1;
	memcpy(t, s, n);
	t[n] = 0;
	const char *p = t;
	int y, m, d;
	const char *start = p;
	int a = digits(&p, 4);
	int alen = (int)(p - start);
	if (a < 0)
		return -1;
	if (alen == 4 && (*p == '-' || *p == '/')) { /* 2025-07-14, 2025-07-14T15:42:00Z, 2025/07/14 */
		char sep = *p++;
		y = a;
		m = digits(&p, 2);
		if (*p++ != sep)
			return -1;
		d = digits(&p, 2);
	} else if (*p == '/' || *p == '-' || *p == '.') {
		char sep = *p++;
		if (isalpha((unsigned char)*p)) { /* Jira: 14/Jul/25 3:42 PM */
			static const char *months[] = {"jan", "feb", "mar", "apr", "may", "jun",
			                               "jul", "aug", "sep", "oct", "nov", "dec"};
			m = -1;
			for (int k = 0; k < 12; k++)
				if (!strncasecmp(p, months[k], 3))
					m = k + 1;
			if (m < 0)
				return -1;
			p += 3;
			d = a;
		} else { /* 6/21/2025 16:14 (Excel, month first), or 21/6/2025 when the first is over 12 */
			int b = digits(&p, 2);
			if (b < 0)
				return -1;
			if (a > 12 || sep == '.') /* 21/6/2025; 21.06.2025 is day first */
				d = a, m = b;
			else
				m = a, d = b;
		}
		if (*p++ != sep)
			return -1;
		const char *ys = p;
		y = digits(&p, 4);
		int yl = (int)(p - ys);
		if (y < 0 || (yl != 2 && yl != 4))
			return -1;
		y = year_of(y, yl);
	} else {
		return -1;
	}
	if (m < 0 || d < 0 || !time_ok(p))
		return -1;
	snprintf(out, 11, "%04u-%02u-%02u", (unsigned)y % 10000u, (unsigned)m % 100u, (unsigned)d % 100u);
	return valid_date(out) ? 0 : -1;
}

static void add_utf8(buf *b, unsigned long cp)
{
	if (cp == 0 || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff))
		cp = 0xfffd;
	if (cp < 0x80) {
		buf_addc(b, (char)cp);
	} else if (cp < 0x800) {
		buf_addc(b, (char)(0xc0 | (cp >> 6)));
		buf_addc(b, (char)(0x80 | (cp & 0x3f)));
	} else if (cp < 0x10000) {
		buf_addc(b, (char)(0xe0 | (cp >> 12)));
		buf_addc(b, (char)(0x80 | ((cp >> 6) & 0x3f)));
		buf_addc(b, (char)(0x80 | (cp & 0x3f)));
	} else {
		buf_addc(b, (char)(0xf0 | (cp >> 18)));
		buf_addc(b, (char)(0x80 | ((cp >> 12) & 0x3f)));
		buf_addc(b, (char)(0x80 | ((cp >> 6) & 0x3f)));
		buf_addc(b, (char)(0x80 | (cp & 0x3f)));
	}
}

/* A newline, unless the text already ends with two. */
static void add_break(buf *b)
{
	if (b->len == 0 || (b->len >= 2 && b->p[b->len - 1] == '\n' && b->p[b->len - 2] == '\n'))
		return;
	buf_addc(b, '\n');
}

void import_html_text(buf *out, const char *s)
{
	static const struct {
		const char *name, *text;
	} ents[] = {{"amp", "&"},      {"lt", "<"},      {"gt", ">"},      {"quot", "\""},     {"apos", "'"},
	            {"nbsp", " "},     {"mdash", "—"},   {"ndash", "–"},   {"hellip", "…"},   {"rsquo", "’"},
	            {"lsquo", "‘"},    {"ldquo", "“"},   {"rdquo", "”"}};
	size_t start = out->len;
	while (*s) {
		if (*s == '<') {
			const char *end = strchr(s, '>');
			if (!end) {
				buf_raw(out, s);
				break;
			}
			char name[8];
			const char *t = s + 1;
			bool closing = *t == '/';
			t += closing;
			size_t k = 0;
			while (k + 1 < sizeof name && isalnum((unsigned char)*t))
				name[k++] = (char)tolower((unsigned char)*t++);
			name[k] = 0;
			if (!strcmp(name, "br") || (closing && (!strcmp(name, "p") || !strcmp(name, "div") ||
			                                        !strcmp(name, "li") || !strcmp(name, "tr") ||
			                                        (name[0] == 'h' && name[1] >= '1' && name[1] <= '6'))))
				add_break(out);
			if (!closing && !strcmp(name, "li"))
				buf_lit(out, "- ");
			s = end + 1;
		} else if (*s == '&') {
			const char *semi = strchr(s, ';');
			bool done = false;
			if (semi && semi - s <= 10) {
				if (s[1] == '#') {
					char *e;
					unsigned long cp = (s[2] == 'x' || s[2] == 'X') ? strtoul(s + 3, &e, 16) : strtoul(s + 2, &e, 10);
					if (e == semi) {
						add_utf8(out, cp);
						done = true;
					}
				} else {
					for (size_t i = 0; i < COUNT(ents) && !done; i++)
						if ((size_t)(semi - s - 1) == strlen(ents[i].name) && !strncmp(s + 1, ents[i].name, strlen(ents[i].name))) {
							buf_raw(out, ents[i].text);
							done = true;
						}
				}
			}
			if (done)
				s = semi + 1;
			else
				buf_addc(out, *s++);
		} else {
			buf_addc(out, *s++);
		}
	}
	while (out->len > start && isspace((unsigned char)out->p[out->len - 1]))
		out->p[--out->len] = 0;
}
