/* deliver.h — the webhook delivery thread of a serving process: started after the server listens, stopped before it
 * closes its databases. */
#ifndef TANDEM_DELIVER_H
#define TANDEM_DELIVER_H
/* Start sending the outbox of the workspace at path (its own connection); 0, or -1. */
int deliver_start(const char *path);
/* Stop it (a transfer under way is cut off and tried again later). */
void deliver_stop(void);
#endif
