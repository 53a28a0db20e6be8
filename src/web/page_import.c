/* page_import.c — importing insights from CSV in the browser: upload, a preview of the first rows with the
 * proposed column mapping as editable selects, then the import and its result with errors by line. */
#include <sodium.h>
#include <stdlib.h>
#include <string.h>
#include "domain/import.h"
#include "fields.h"
#include "web.h"

static const char *const sources[] = {"other",     "interview", "support",  "sales", "survey",
                                      "review",    "analytics", "research", NULL};

static const struct {
	const char *name, *label;
} formats[] = {
	{"", "Recognise from the header"},
	{"generic", "Generic: map the columns yourself"},
	{"fider", "Fider posts.csv"},
	{"quackback", "Quackback / Canny-style posts.csv"},
	{"productboard", "Productboard notes"},
	{"jira", "Jira issues (Export CSV)"},
};

/* The source of rows that name none; by_layout: first the choice to take the one the layout proposes. */
static void source_select(buf *b, const char *chosen, bool by_layout)
{
	buf_lit(b, "<div class=\"field\"><label for=\"imp-source\">Source of rows that name none</label>"
	           "<select id=\"imp-source\" name=\"source\">");
	if (by_layout)
		buf_lit(b, "<option value=\"\">As the layout suggests (Fider, Quackback, Jira: support; Productboard: "
		           "interview; else other)</option>");
	for (int i = 0; sources[i]; i++)
		html(b, "<option%s>%s</option>", chosen && !strcmp(chosen, sources[i]) ? " selected" : "", sources[i]);
	buf_lit(b, "</select></div>");
}

static void crumbs(buf *b, const char *title)
{
	html(b, "<nav class=\"crumbs\"><a href=\"/insights\">Insights</a> › <a href=\"/insights/import\">Import</a></nav>"
	        "<h1>%s</h1>", title);
}

/* The upload form, with an error above it when a step failed (status already set). */
static void upload_page(request *rq, response *rs, const char *error)
{
	page_begin(rq, rs, "Import insights", "insights");
	buf *b = &rs->body;
	crumbs(b, "Import insights from CSV");
	buf_lit(b, "<p class=\"blurb\">Upload a CSV file: an export of Fider (posts.csv), Quackback or a Canny-style "
	           "posts.csv, Productboard notes or Jira issues, or any CSV whose columns you map to an insight's "
	           "fields. You will see the first rows and the mapping before anything is imported. Importing the "
	           "same file again changes nothing.</p>");
	if (error)
		html(b, "<p class=\"error\" role=\"alert\">%s</p>", error);
	buf_lit(b, "<form class=\"edit\" method=\"post\" action=\"/insights/import/preview\" enctype=\"multipart/form-data\">");
	form_csrf(rq, b);
	buf_lit(b, "<div class=\"field\"><label for=\"imp-file\">CSV file</label><input id=\"imp-file\" name=\"file\" "
	           "type=\"file\" accept=\".csv,text/csv\" required><p class=\"help\">UTF-8 (a BOM is fine), comma, "
	           "semicolon or tab separated, up to 32 MiB here; larger files with <code>tandem import insights</code> "
	           "or the API (256 MiB).</p></div><div class=\"field\"><label for=\"imp-format\">Layout</label>"
	           "<select id=\"imp-format\" name=\"format\">");
	const char *chosen = rq->form ? rq_form(rq, "format") : NULL;
	for (size_t i = 0; i < COUNT(formats); i++)
		html(b, "<option value=\"%s\"%s>%s</option>", formats[i].name,
		     chosen && !strcmp(chosen, formats[i].name) ? " selected" : "", formats[i].label);
	buf_lit(b, "</select></div>");
	source_select(b, rq->form ? rq_form(rq, "source") : NULL, true);
	buf_lit(b, "<div class=\"form-actions\"><button type=\"submit\">Preview</button> "
	           "<a href=\"/insights\">Cancel</a></div></form>");
	page_end(rq, rs);
}

void page_import_form(request *rq, response *rs) { upload_page(rq, rs, NULL); }

/* The select of Tandem fields for column i. */
static void field_select(buf *b, int i, const char *header, const char *chosen)
{
	html(b, "<select name=\"col%d\" aria-label=\"Field for column %s\"><option value=\"\">(ignore)</option>", i, header);
	for (int k = 0; import_fields[k]; k++)
		html(b, "<option%s>%s</option>", chosen && !strcmp(chosen, import_fields[k]) ? " selected" : "",
		     import_fields[k]);
	buf_lit(b, "</select>");
}

/* characters of a preview cell shown (of one with a long word: a URL), and in its tooltip */
enum { CELL_SHOWN = 160, CELL_SHOWN_LONG = 60, CELL_TITLE = 2000 };

/* The first chars code points of valid UTF-8 s into out (room for them: chars * 4 + 1 bytes). */
static void utf8_clip(char *out, size_t size, const char *s, size_t chars)
{
	size_t k = 0;
	for (size_t cp = 0; *s && k + 5 <= size; s++) {
		if (((unsigned char)*s & 0xC0) != 0x80 && cp++ == chars)
			break;
		out[k++] = *s;
	}
	out[k] = 0;
}

/* Does s hold a word of more than 30 bytes (a URL, an id): one the table can only keep narrow by breaking it? */
static bool long_word(const char *s)
{
	size_t run = 0;
	for (; *s; s++)
		if ((run = (*s == ' ' || *s == '\n' || *s == '\t') ? 0 : run + 1) > 30)
			return true;
	return false;
}

/* A cell for the preview: clipped (the whole value, up to CELL_TITLE, in its title), long words such as URLs
 * broken so the table keeps inside its card, and flagged when it is not text. */
static void cell(buf *b, const char *v)
{
	if (!v) {
		buf_lit(b, "<td class=\"muted\">(missing)</td>");
	} else if (!valid_text(v, strlen(v))) {
		buf_lit(b, "<td class=\"error\">invalid UTF-8</td>");
	} else {
		/* a long word would widen its column past the card: shown shorter, and allowed to break anywhere */
		bool lw = long_word(v);
		size_t room = lw ? CELL_SHOWN_LONG : CELL_SHOWN;
		if (lw)
			buf_lit(b, "<td class=\"long\"");
		else
			buf_lit(b, "<td");
		if (utf8_len(v) <= room) {
			html(b, ">%s</td>", v);
			return;
		}
		char shown[CELL_SHOWN * 4 + 1], title[CELL_TITLE * 4 + 1];
		utf8_clip(shown, sizeof shown, v, room);
		utf8_clip(title, sizeof title, v, CELL_TITLE);
		html(b, " title=\"%s\">%s…</td>", title, shown);
	}
}

void page_import_preview(request *rq, response *rs)
{
	size_t n;
	const char *data = rq_form_n(rq, "file", &n);
	if (!data || n == 0) {
		rs->status = 400;
		return upload_page(rq, rs, "Choose a CSV file to upload (the file was missing or empty).");
	}
	const char *format = rq_form(rq, "format");
	struct import_preview pv;
	if (import_preview(data, n, format, &pv) < 0) {
		rs->status = 400;
		upload_page(rq, rs, pv.message);
		import_preview_free(&pv);
		return;
	}
	page_begin(rq, rs, "Import insights: preview", "insights");
	buf *b = &rs->body;
	crumbs(b, "Preview the import");
	const char *label = NULL;
	for (size_t i = 0; i < COUNT(formats); i++)
		if (!strcmp(formats[i].name, pv.format))
			label = formats[i].label;
	if (pv.known)
		html(b, "<p class=\"notice\" id=\"import-layout\">Recognised as a <strong>%s</strong> export (%s): its columns "
		        "are read as documented (titles and descriptions joined, ids prefixed <code>%s:</code>, tags split), "
		        "and rows that name no source are <strong>%s</strong> unless you choose another below. Change a "
		        "column's field below to import it as a generic mapping instead.</p>",
		        pv.format, label ? label : pv.format, pv.format, pv.source);
	else
		buf_lit(b, "<p class=\"notice\">No known layout: the fields below are guesses from the column names. Map at "
		           "least one column to <strong>text</strong>.</p>");
	html(b, "<p class=\"muted\">%zu bytes; the first %d rows:</p>", n, pv.nrows);
	buf_lit(b, "<form method=\"post\" action=\"/insights/import\" enctype=\"multipart/form-data\">");
	form_csrf(rq, b);
	buf_lit(b, "<div class=\"card scroll\"><table class=\"list compact preview\"><thead><tr><th>Line</th>");
	for (int i = 0; i < pv.ncols; i++)
		html(b, "<th scope=\"col\">%.80s</th>", pv.header[i]);
	buf_lit(b, "</tr><tr><th>Field</th>");
	for (int i = 0; i < pv.ncols; i++) {
		buf_lit(b, "<td>");
		field_select(b, i, pv.header[i], pv.fields[i]);
		buf_lit(b, "</td>");
	}
	buf_lit(b, "</tr></thead><tbody>");
	for (int r = 0; r < pv.nrows; r++) {
		html(b, "<tr><td class=\"num\">%ld</td>", pv.lines[r]);
		for (int i = 0; i < pv.ncols; i++)
			cell(b, pv.cells[r * pv.ncols + i]);
		buf_lit(b, "</tr>");
	}
	buf_lit(b, "</tbody></table></div>");
	/* the proposal, to tell an edited mapping from the layout's own */
	buf_lit(b, "<input type=\"hidden\" name=\"proposed\" value=\"");
	for (int i = 0; i < pv.ncols; i++)
		html(b, "%s%s", i ? "," : "", pv.fields[i] ? pv.fields[i] : "");
	html(b, "\"><input type=\"hidden\" name=\"format\" value=\"%s\"><input type=\"hidden\" name=\"ncols\" value=\"%d\">",
	     pv.known ? pv.format : "generic", pv.ncols);
	/* the file itself travels with the form, as base64: bytes exact, no second upload */
	size_t blen = sodium_base64_ENCODED_LEN(n, sodium_base64_VARIANT_ORIGINAL);
	char *b64 = xmalloc(blen);
	sodium_bin2base64(b64, blen, (const unsigned char *)data, n, sodium_base64_VARIANT_ORIGINAL);
	buf_lit(b, "<input type=\"hidden\" name=\"csv_b64\" value=\"");
	buf_html(b, b64);
	buf_lit(b, "\">");
	free(b64);
	const char *src = rq_form(rq, "source");
	source_select(b, str_empty(src) ? pv.source : src, false);
	buf_lit(b, "<div class=\"field\"><label><input type=\"checkbox\" name=\"all_or_nothing\" value=\"1\"> All or "
	           "nothing: import nothing if any row is malformed</label></div><div class=\"form-actions\">"
	           "<button type=\"submit\">Import</button> <a href=\"/insights/import\">Start over</a></div></form>");
	page_end(rq, rs);
	import_preview_free(&pv);
}

/* "Header=field,..." from the selects (a map for the importer, not HTML); *edited when it differs from the
 * proposal. Arena memory. */
static const char *chosen_map(request *rq, struct import_preview *pv, bool *edited)
{
	buf m;
	buf_init(&m);
	const char *proposed = rq_form(rq, "proposed");
	const char *p = proposed ? proposed : "";
	*edited = false;
	for (int i = 0; i < pv->ncols; i++) {
		char key[16];
		snprintf(key, sizeof key, "col%d", i);
		const char *f = rq_form(rq, key);
		f = f ? f : "";
		size_t l = strcspn(p, ",");
		if (strlen(f) != l || strncmp(f, p, l))
			*edited = true;
		p += l + (p[l] == ',');
		bool known = false;
		for (int k = 0; import_fields[k]; k++)
			known |= !strcmp(f, import_fields[k]);
		if (!known)
			continue;
		if (m.len)
			buf_addc(&m, ',');
		buf_raw(&m, pv->header[i]);
		buf_addc(&m, '=');
		buf_raw(&m, f);
	}
	const char *out = arena_strdup(rq->a, buf_str(&m));
	buf_free(&m);
	return out;
}

static void result_page(request *rq, response *rs, const struct import_result *r)
{
	page_begin(rq, rs, "Import insights: result", "insights");
	buf *b = &rs->body;
	crumbs(b, "Import result");
	if (r->rolled_back)
		html(b, "<p class=\"error\" role=\"alert\">%ld malformed row%s: nothing was imported (all or nothing).</p>",
		     r->nerrors + r->more_errors, r->nerrors + r->more_errors == 1 ? "" : "s");
	html(b, "<ul class=\"counts\"><li><strong>%ld</strong> imported</li><li><strong>%ld</strong> unchanged (already "
	        "here)</li><li><strong>%ld</strong> skipped</li><li><strong>%ld</strong> rows read as %s</li></ul>",
	     r->imported, r->unchanged, r->skipped, r->rows, r->format);
	if (r->nerrors) {
		buf_lit(b, "<h2>Malformed rows</h2><table class=\"list compact\"><thead><tr><th scope=\"col\">Line</th>"
		           "<th scope=\"col\">Why</th></tr></thead><tbody>");
		for (int i = 0; i < r->nerrors; i++)
			html(b, "<tr><td class=\"num\">%ld</td><td>%s</td></tr>", r->errors[i].line, r->errors[i].message);
		buf_lit(b, "</tbody></table>");
		if (r->more_errors)
			html(b, "<p class=\"muted\">… and %ld more.</p>", r->more_errors);
	}
	buf_lit(b, "<p><a class=\"button\" href=\"/insights\">See the insights</a> <a href=\"/insights/import\">Import "
	           "another file</a></p>");
	page_end(rq, rs);
}

void page_import_run(request *rq, response *rs)
{
	size_t blen;
	const char *b64 = rq_form_n(rq, "csv_b64", &blen);
	if (!b64 || !blen) {
		rs->status = 400;
		return upload_page(rq, rs, "The file did not come with the form: upload it again.");
	}
	unsigned char *data = xmalloc(blen / 4 * 3 + 3);
	size_t n = 0;
	if (sodium_base642bin(data, blen / 4 * 3 + 3, b64, blen, " \r\n", &n, NULL, sodium_base64_VARIANT_ORIGINAL) != 0) {
		free(data);
		rs->status = 400;
		return upload_page(rq, rs, "The file did not come back intact: upload it again.");
	}
	const char *format = rq_form(rq, "format");
	struct import_preview pv;
	if (import_preview((const char *)data, n, format, &pv) < 0) {
		rs->status = 400;
		upload_page(rq, rs, pv.message);
		import_preview_free(&pv);
		free(data);
		return;
	}
	bool edited;
	const char *map = chosen_map(rq, &pv, &edited);
	const char *aon = rq_form(rq, "all_or_nothing");
	struct import_options o = {
		.format = edited || !pv.known ? "generic" : pv.format,
		.map = edited || !pv.known ? map : NULL,
		.source = rq_form(rq, "source"),
		.all_or_nothing = aon && !strcmp(aon, "1"),
		.actor = rq->user_id,
	};
	import_preview_free(&pv);
	struct import_result r;
	int rc = import_buffer(rq->db, &o, (const char *)data, n, &r);
	free(data);
	if (rc < 0) {
		rs->status = r.status;
		upload_page(rq, rs, r.message);
	} else {
		if (r.rolled_back)
			rs->status = 422;
		result_page(rq, rs, &r);
	}
	import_result_free(&r);
}
