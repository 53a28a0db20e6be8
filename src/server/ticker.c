/* ticker.c — a background job of a serving process: its thread opens its own connection, runs a round, waits the
 * ticker's seconds (or none when the round says more is waiting), and ends when stopped, waking from its wait. */
#include "ticker.h"
#include <stdlib.h>
#include <time.h>
#include "platform/log.h"
#include "platform/util.h"

static void *run(void *arg)
{
	struct ticker *t = arg;
	const char *err = NULL;
	db *d = db_open(t->path, DB_OPEN_EXISTING, &err);
	if (!d) {
		log_error("%s: cannot open %s: %s", t->name, t->path, err ? err : "?");
		return NULL;
	}
	pthread_mutex_lock(&t->lock);
	while (!t->stop) {
		pthread_mutex_unlock(&t->lock);
		int more = t->round(d, t->arg);
		pthread_mutex_lock(&t->lock);
		if (more > 0)
			continue;
		struct timespec until;
		clock_gettime(CLOCK_REALTIME, &until);
		until.tv_sec += t->seconds;
		while (!t->stop && pthread_cond_timedwait(&t->wake, &t->lock, &until) == 0)
			;
	}
	pthread_mutex_unlock(&t->lock);
	db_close(d);
	return NULL;
}

int ticker_start(struct ticker *t, const char *path)
{
	if (t->running)
		return 0;
	pthread_mutex_init(&t->lock, NULL);
	pthread_cond_init(&t->wake, NULL);
	t->path = xstrdup(path);
	t->stop = false;
	if (pthread_create(&t->thread, NULL, run, t) != 0) {
		free(t->path);
		t->path = NULL;
		return -1;
	}
	t->running = true;
	return 0;
}

bool ticker_stopping(struct ticker *t)
{
	pthread_mutex_lock(&t->lock);
	bool stop = t->stop;
	pthread_mutex_unlock(&t->lock);
	return stop;
}

void ticker_stop(struct ticker *t)
{
	if (!t->running)
		return;
	pthread_mutex_lock(&t->lock);
	t->stop = true;
	pthread_cond_signal(&t->wake);
	pthread_mutex_unlock(&t->lock);
	pthread_join(t->thread, NULL);
	t->running = false;
	free(t->path);
	t->path = NULL;
	pthread_mutex_destroy(&t->lock);
	pthread_cond_destroy(&t->wake);
}
