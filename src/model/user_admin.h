/* user_admin.h — admins' verbs on people (actions, kind users, audited): add a person (with an invitation link when
 * no password is given), change a role, deactivate, reactivate; never leaving the workspace without an active
 * admin. The invitation verbs are in invitations.h. */
#ifndef TANDEM_USER_ADMIN_H
#define TANDEM_USER_ADMIN_H
#include <stdbool.h>
#include "action.h"

extern const struct action user_add_action, user_role_action, user_deactivate_action, user_reactivate_action;
/* Is user id the only active admin (so they may be neither demoted nor deactivated)? */
bool user_is_last_admin(db *d, long long id);
#endif
