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
/* Customer evidence (demo_evidence.c): insights from the demo's accounts, some linked; what sales and support heard
 * was added by the contributor; the PM tags three security asks renewal-risk in one bulk change. */
int demo_seed_evidence(db *d, long long contributor, long long pm);
/* The backlog (demo_backlog.c): journey stages, features linked to the goals and personas given (in demo
 * order), capacity for 2027-Q1 and 2027-Q2. Inside demo_seed's transaction; 0, or -1 on any failure. */
int demo_seed_backlog(db *d, const long long goals[4], const long long personas[3], long long pm, long long pmm);
/* Releases and launches (demo_launches.c), dated from today, on the backlog's features. */
int demo_seed_launches(db *d, long long pm, long long pmm, long long leader);
/* The messaging ladders (demo_messaging.c): positioning and pillars for two segments, on the backlog and evidence;
 * the PM and the PMM approve some. */
int demo_seed_messaging(db *d, long long pm, long long pmm);
/* Product marketing (demo_prfaq.c): a PR/FAQ in review for the tier-1 launch, objections and landmines for Looker
 * and Metabase with insights as proof, the interviews' personas on their insights. After the launches. */
int demo_seed_prfaq(db *d, long long pmm);
/* Decisions (demo_decisions.c): one open, one escalated to the leaders by the PM, with options and evidence. */
int demo_seed_decisions(db *d, long long pm, long long pmm);
/* Working together (demo_collab.c): a discussion with a mention on the escalated decision, a review request for the
 * enterprise positioning. After the decisions and the messaging. */
int demo_seed_collab(db *d, long long pm, long long pmm);
#endif
