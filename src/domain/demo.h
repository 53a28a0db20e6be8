/* demo.h — the demo workspace: a fictional software company with realistic sample data. */
#ifndef TANDEM_DEMO_H
#define TANDEM_DEMO_H
#include "platform/db.h"

#define DEMO_PASSWORD "tandem-demo"

struct demo_user {
	const char *email, *name, *role;
};
extern const struct demo_user demo_users[]; /* ends with a NULL email */

/* Fill an empty, migrated workspace in one transaction. 0 on success. */
int demo_seed(db *d);
#endif
