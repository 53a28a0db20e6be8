/* server.h — start-up and shutdown of what every command shares: libsodium, the descriptors' SQL and hooks,
 * the route table, Markdown. */
#ifndef TANDEM_SERVER_H
#define TANDEM_SERVER_H
/* 0, or -1 after a message on stderr. */
int app_init(void);
void app_shutdown(void);
#endif
