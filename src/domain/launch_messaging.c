/* launch_messaging.c — a launch's PR/FAQs (prfaqs.launch_id) and its segments' positioning (messages of level
 * positioning), read through the engine: the prfaqs list filtered by launch and each segment's messages. */
#include "launch_messaging.h"
#include <stdio.h>
#include <string.h>
#include "model/messages.h"
#include "model/prfaqs.h"
#include "platform/arena.h"
#include "platform/json_get.h"
#include "platform/util.h"

static bool approved(json_t *o)
{
	return str_eq(jget_str(o, "status"), "approved");
}

/* The items of list with approved ones first, each group in its order (new). */
static json_t *approved_first(json_t *list)
{
	json_t *out = json_array(), *o;
	size_t i;
	for (int pass = 0; pass < 2; pass++)
		json_array_foreach(list, i, o) if (approved(o) == !pass) json_array_append(out, o);
	return out;
}

json_t *launch_prfaqs(db *d, long long launch_id)
{
	char id[24];
	snprintf(id, sizeof id, "%lld", launch_id);
	struct kv filter = {"launch_id", id, NULL, 0, 0};
	arena *a = arena_new();
	json_t *items = NULL;
	struct err e = {0};
	if (entity_list_all(d, &prfaqs_entity, &filter, a, &items, &e) < 0)
		items = json_array();
	arena_free(a);
	json_t *out = approved_first(items); /* the list is newest first (the kind's default order) */
	json_decref(items);
	return out;
}

json_t *launch_prfaq_first(json_t *prfaqs)
{
	return json_array_get(prfaqs, 0);
}

json_t *launch_positioning(db *d, json_t *launch)
{
	json_t *out = json_array(), *v;
	const struct entity *segments = entity_find("segments");
	size_t i;
	json_array_foreach(json_object_get(launch, "segment_ids"), i, v)
	{
		long long seg = json_integer_value(v);
		json_t *s = entity_get(d, segments, seg);
		if (!s)
			continue;
		json_t *all = messages_of_segment(d, seg), *mine = json_array(), *m;
		size_t k;
		json_array_foreach(all, k, m) if (str_eq(jget_str(m, "level"), "positioning"))
		    json_array_append_new(mine, json_pack("{sOsOsO}", "id", json_object_get(m, "id"), "text",
		                                          json_object_get(m, "text"), "status", json_object_get(m, "status")));
		json_t *sorted = approved_first(mine);
		json_array_append_new(out, json_pack("{sIsOsbso}", "segment_id", (json_int_t)seg, "segment",
		                                     json_object_get(s, "name"), "approved",
		                                     approved(json_array_get(sorted, 0)), "positioning", sorted));
		json_decref(mine), json_decref(all), json_decref(s);
	}
	return out;
}

void launch_messaging_decorate(db *d, json_t *launch)
{
	json_t *prfaqs = launch_prfaqs(d, jget_int(launch, "id")), *short_list = json_array(), *p;
	size_t i;
	json_array_foreach(prfaqs, i, p)
	    json_array_append_new(short_list, json_pack("{sOsOsO}", "id", json_object_get(p, "id"), "headline",
	                                                json_object_get(p, "headline"), "status", json_object_get(p, "status")));
	json_decref(prfaqs);
	json_object_set_new(launch, "prfaqs", short_list);
	json_object_set_new(launch, "messaging", launch_positioning(d, launch));
}

const struct field launch_prfaq_members[] = {
	{"id", "PR/FAQ", FT_REF, F_REQUIRED, .ref = "prfaqs"},
	{"headline", "Headline", FT_STRING, F_REQUIRED, 200},
	{"status", "Status", FT_ENUM, F_REQUIRED, .choices = approval_statuses},
};
_Static_assert(COUNT(launch_prfaq_members) == LAUNCH_PRFAQ_MEMBERS, "LAUNCH_PRFAQ_MEMBERS");

static const struct field positioning_members[] = {
	{"id", "Message", FT_REF, F_REQUIRED, .ref = "messages"},
	{"text", "Message", FT_TEXT, F_REQUIRED, 2000},
	{"status", "Status", FT_ENUM, F_REQUIRED, .choices = approval_statuses},
};

const struct field launch_segment_members[] = {
	{"segment_id", "Segment", FT_REF, F_REQUIRED, .ref = "segments"},
	{"segment", "Segment name", FT_STRING, F_REQUIRED, 120},
	{"approved", "Approved", FT_BOOL, F_REQUIRED, .help = "Whether one of the segment's positioning is approved"},
	{"positioning", "Positioning", FT_RECORDS, F_READONLY, 100, .sub = positioning_members,
	 .nsub = COUNT(positioning_members), .help = "The segment's positioning messages, approved first, then by id"},
};
_Static_assert(COUNT(launch_segment_members) == LAUNCH_SEGMENT_MEMBERS, "LAUNCH_SEGMENT_MEMBERS");
