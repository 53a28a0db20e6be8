/* insights_bulk.c — one decision for many insights at once: link them to a feature (with an importance), tag them,
 * or dismiss them; every change through the engine (versioned, audited on each insight), all in one transaction, so
 * an unknown id or a refused change leaves every insight as it was. */
#include "insights_bulk.h"
#include <string.h>
#include "evidence.h"
#include "model/entity.h"
#include "model/users.h"
#include "model/insights.h"
#include "platform/json_get.h"
#include "platform/util.h"

static const char *const bulk_actions[] = {"link", "tag", "dismiss", NULL};

static const struct field bulk_fields[] = {
	{"ids", "Insights", FT_IDS, F_REQUIRED, 1000, .ref = "insights", .help = "The insights, at most 1000 at once"},
	{"action", "Action", FT_ENUM, F_REQUIRED, .choices = bulk_actions,
	 .help = "link (to feature_id, with importance), tag (add tag) or dismiss"},
	{"feature_id", "Feature", FT_REF, 0, .ref = "features", .help = "link: the feature they are evidence for"},
	{"importance", "Importance", FT_INT, 0, 0, 1, 3, .dflt = "2", .help = "link: 1 nice to have, 2 important, 3 critical"},
	{"tag", "Tag", FT_STRING, 0, 60, .help = "tag: the tag to add"},
};

/* One insight changed through the engine: fields replaced from change, at its current version. */
static int update(struct act *x, long long id, json_t *change)
{
	json_t *o = entity_get(x->d, &insights_entity, id);
	int rc = o ? entity_update(x->d, &insights_entity, x->actor, id, change, jget_int(o, "version"), x->err)
	           : err_set(x->err, 400, "invalid", "ids", "no insights with id %lld", id);
	json_decref(o);
	return rc;
}

static int bulk(struct act *x)
{
	const char *what = jget_str(x->in, "action");
	json_t *ids = json_object_get(x->in, "ids"), *v;
	long long feature = jget_int(x->in, "feature_id");
	const char *tag = jget_str(x->in, "tag");
	if (!strcmp(what, "link") && !feature)
		return err_set(x->err, 400, "invalid", "feature_id", "linking needs the feature (feature_id)");
	if (!strcmp(what, "tag") && (!tag || !*tag))
		return err_set(x->err, 400, "invalid", "tag", "tagging needs the tag");
	size_t i;
	json_array_foreach(ids, i, v) {
		long long id = json_integer_value(v);
		int rc;
		if (!strcmp(what, "link")) {
			long long importance = jget_int(x->in, "importance");
			json_t *raw = json_pack("{sIsI}", "insight_id", (json_int_t)id, "importance",
			                        (json_int_t)(importance ? importance : 2)); /* a form's empty box: the default */
			rc = action_call(x->d, &evidence_link_action, x->actor, feature, 0, raw, NULL, x->err) < 0 ? -1 : 0;
			json_decref(raw);
		} else if (!strcmp(what, "tag")) {
			json_t *o = entity_get(x->d, &insights_entity, id);
			json_t *tags = json_deep_copy(json_object_get(o, "tags")), *t;
			size_t k;
			bool has = false;
			json_array_foreach(tags, k, t) has |= !strcmp(json_string_value(t), tag);
			if (!has)
				json_array_append_new(tags, json_string(tag));
			json_t *change = json_pack("{so}", "tags", tags);
			rc = has ? 0 : update(x, id, change);
			json_decref(change);
			json_decref(o);
		} else {
			json_t *change = json_pack("{si}", "dismissed", 1);
			rc = update(x, id, change);
			json_decref(change);
		}
		if (rc < 0)
			return -1;
	}
	x->out = json_pack("{sssIsO}", "action", what, "count", (json_int_t)json_array_size(ids), "ids", ids);
	x->redirect = "/insights";
	return 0;
}

const struct action insights_bulk_action = {
	.name = "insights-bulk", .one = "a bulk change", .method = HTTP_POST, .api_path = "/api/v1/insights/bulk",
	.page_path = "/insights/bulk", .rank = RANK_EDITOR, .fields = bulk_fields, .nfields = COUNT(bulk_fields),
	.summary = "Link many insights to a feature, tag them or dismiss them, all or none", .answer = "BulkResult",
	.button = "Apply to the selected", .run = bulk,
};
