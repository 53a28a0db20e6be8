/* release_notes.c — a release's notes in customer words: each shipped feature told by its approved benefit message
 * where one exists, else by its title and description, grouped by the segment it speaks to; as JSON (the API and the
 * page) and as Markdown (the download, `tandem notes`, the changelog's entries). */
#include "release_notes.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "brief.h"
#include "model/launches.h"
#include "model/release_notes.h"
#include "platform/json_get.h"
#include "platform/util.h"

json_t *release_notes(db *d, long long release_id, struct err *e)
{
	json_t *rel = entity_get(d, &releases_entity, release_id);
	if (!rel) {
		err_not_found(e, "no release with id %lld", release_id);
		return NULL;
	}
	json_t *rows = release_notes_rows(d, release_id), *row, *groups = json_array(), *group = NULL;
	size_t i;
	json_array_foreach(rows, i, row)
	{
		json_t *seg = json_object_get(row, "segment_id");
		if (!group || !json_equal(seg, json_object_get(group, "segment_id"))) {
			group = json_pack("{sO?sO?s[]}", "segment_id", seg, "segment", json_object_get(row, "segment"), "items");
			json_array_append_new(groups, group);
		}
		const char *benefit = jget_str(row, "benefit");
		json_array_append_new(json_object_get(group, "items"),
		                      json_pack("{sO?sO?sO?ss}", "feature_id", json_object_get(row, "feature_id"), "title",
		                                json_object_get(row, "title"), "text",
		                                benefit ? json_object_get(row, "benefit") : json_object_get(row, "description"),
		                                "from", benefit ? "benefit" : "feature"));
	}
	json_t *out = json_pack("{s{sO?sO?sO?sO?sO?}sosI}", "release", "id", json_object_get(rel, "id"), "name",
	                        json_object_get(rel, "name"), "status", json_object_get(rel, "status"), "target_date",
	                        json_object_get(rel, "target_date"), "description", json_object_get(rel, "description"),
	                        "groups", groups, "count", (json_int_t)json_array_size(rows));
	json_decref(rows);
	json_decref(rel);
	return out;
}

/* The items of notes as Markdown lines, each a list item: the benefit in bold, or the title in bold and the
 * description's first paragraph. headings: "##" or "###" before each group (the changelog nests them). */
void release_notes_items_md(buf *b, json_t *notes, const char *heading)
{
	size_t g, i;
	json_t *group, *item;
	json_array_foreach(json_object_get(notes, "groups"), g, group)
	{
		const char *seg = jget_str(group, "segment");
		buf_rawf(b, "\n%s For ", heading);
		if (seg)
			brief_md_text(b, seg);
		else
			buf_lit(b, "everyone");
		buf_lit(b, "\n\n");
		json_array_foreach(json_object_get(group, "items"), i, item)
		{
			buf_lit(b, "- **");
			bool benefit = str_eq(jget_str(item, "from"), "benefit");
			brief_md_text(b, benefit ? jget_str(item, "text") : jget_str(item, "title"));
			buf_lit(b, "**");
			if (!benefit && jget_str(item, "text")) {
				buf_lit(b, " — ");
				brief_md_paragraph(b, jget_str(item, "text"), 600);
			}
			buf_lit(b, "\n");
		}
	}
}

int release_notes_file(db *d, long long release_id, buf *b, char name[64], struct err *e)
{
	json_t *notes = release_notes(d, release_id, e);
	if (!notes)
		return -1;
	char *md = release_notes_markdown(notes);
	buf_raw(b, md);
	free(md);
	json_decref(notes);
	snprintf(name, 64, "release-%lld-notes.md", release_id);
	return 0;
}

char *release_notes_markdown(json_t *notes)
{
	json_t *rel = json_object_get(notes, "release");
	buf b;
	buf_init(&b);
	buf_lit(&b, "# ");
	brief_md_text(&b, jget_str(rel, "name"));
	buf_lit(&b, " — release notes\n\n");
	bool shipped = str_eq(jget_str(rel, "status"), "shipped");
	const char *date = jget_str(rel, "target_date");
	buf_rawf(&b, "%s %s.", shipped ? "Shipped" : "Planned for", date ? date : "a date to be set");
	if (jget_str(rel, "description")) {
		buf_lit(&b, " ");
		brief_md_paragraph(&b, jget_str(rel, "description"), 1000);
	}
	buf_lit(&b, "\n");
	if (!json_integer_value(json_object_get(notes, "count")))
		buf_lit(&b, "\nNothing has shipped in this release yet.\n");
	release_notes_items_md(&b, notes, "##");
	return buf_detach(&b, NULL);
}
