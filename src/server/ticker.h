/* ticker.h — a background job of a serving process: a thread with its own database connection that runs one round
 * of work, waits, and runs again until the server stops it (the webhook deliveries, the daily work). */
#ifndef TANDEM_TICKER_H
#define TANDEM_TICKER_H
#include <pthread.h>
#include <stdbool.h>
#include "platform/db.h"

struct ticker {
	const char *name;             /* for the log: "webhook deliveries" */
	int (*round)(db *d, void *arg); /* one round; > 0 runs the next at once (more is waiting), else after seconds */
	void *arg;
	long long seconds; /* the wait between rounds */
	/* the ticker's own */
	char *path;
	pthread_t thread;
	pthread_mutex_t lock;
	pthread_cond_t wake;
	bool running, stop;
};

/* Start t on the workspace at path (a connection of its own, opened on the thread); 0, or -1. */
int ticker_start(struct ticker *t, const char *path);
/* Is it being stopped? A round's long work (a transfer) asks, to end early. */
bool ticker_stopping(struct ticker *t);
/* Stop it: the round under way ends, then the thread. */
void ticker_stop(struct ticker *t);
#endif
