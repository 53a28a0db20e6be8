/* events.h — what happened, as others hear of it: every audit row of an object is an event "<name>.<verb>"
 * (feature.created, launch.launched, decision.escalated), offered in the change's own transaction to the listeners
 * (the inbox's fan-out, the webhook outbox); the first listener that keeps it stores it once. */
#ifndef TANDEM_EVENTS_H
#define TANDEM_EVENTS_H
#include <jansson.h>
#include "platform/db.h"

struct entity;

struct event {
	const struct entity *e; /* the kind of the object */
	const char *type;       /* "feature.updated" */
	const char *verb;       /* "updated" (after the name and its dot) */
	long long object_id;
	long long actor;        /* the user who did it, 0 for none */
	json_t *changes;        /* what the audit row records (borrowed): the diff of an update, the input of a verb */
	long long id;           /* the stored event's id; 0 until a listener keeps it */
};

/* A listener hears every event inside the change's transaction; -1 (a failed statement) fails the change. */
typedef int (*event_listener)(db *d, struct event *ev);
void events_listen(event_listener fn); /* start-up: at most a few */

/* The event name of a kind ("prfaq" for prfaqs): the descriptor's event, else its one. */
const char *event_name(const struct entity *e);

/* An audit row was written: offer the event "<name>.<verb>" (spaces in the verb as '_'), and for an update that
 * changed a status also "<name>.<new status>" (launch.launched). Kinds that are no object (settings, users) are
 * no event. 0, or -1 when a listener failed. */
int events_after_audit(db *d, long long actor, const char *kind, long long id, const char *verb, json_t *changes);
/* Offer one event of verb about an object directly (a win recorded, a reminder); 0, or -1. */
int event_emit(db *d, long long actor, const struct entity *e, long long id, const char *verb, json_t *changes);
/* Keep the event (once: the same id for every listener that asks); its id, or -1. */
long long event_store(db *d, struct event *ev);
/* Does a pattern name events: "*", "<name>.*" or "<name>.<verb>" of a kind's name (the verb any word)? */
bool event_pattern_valid(const char *pattern);
bool event_pattern_match(const char *pattern, const char *type);
#endif
