/* server.c — the composition root: what start-up joins together that the layers below must not know of each
 * other (the domain's computations hooked into the model's descriptors, the page face of the dispatcher's errors,
 * the route table), shared by every command. */
#include <stdio.h>
#include "app/route.h"
#include "domain/launch.h"
#include "domain/notify.h"
#include "domain/score.h"
#include "domain/wins.h"
#include "model/entity.h"
#include "model/features.h"
#include "model/related.h"
#include "model/strategy.h"
#include "model/users.h"
#include "model/webhooks.h"
#include "server.h"
#include "platform/markdown.h"
#include "web/web.h"

int app_init(void)
{
	if (users_init() < 0) {
		fprintf(stderr, "tandem: cannot initialise libsodium\n");
		return -1;
	}
	features_entity.virtual_sort = "score"; /* the model lists, the domain scores */
	features_entity.virtual_sort_fn = score_sort_items;
	features_entity.annotate = score_annotate_items;
	launches_entity.decorate = launch_decorate; /* the model stores launches, the domain computes readiness */
	launches_entity.computed = launch_computed;
	launches_entity.ncomputed = launch_computed_count;
	notify_init(); /* the model tells of every change, the domain knows who is to hear of it */
	events_listen(webhook_outbox); /* ... and the webhooks' outbox keeps what a webhook is to be sent */
	wins_init(); /* the model stores goals, launches and features, the domain sees when one is won */
	entity_init();
	related_init(); /* what points at what, from the descriptors entity_init resolved */
	routes_init();
	entity_init_one(&strategy_entity);
	markdown_init();
	dispatch_faces(page_error);
	return 0;
}

void app_shutdown(void)
{
	related_shutdown();
	entity_shutdown();
	routes_shutdown();
	entity_free_sql(&strategy_entity);
}
