/* webhook_sign.h — the Standard Webhooks signature: "v1," + base64(HMAC-SHA256(key, "id.timestamp.body")), where the
 * key is the base64 after "whsec_" of the secret; and making such a secret. */
#ifndef TANDEM_WEBHOOK_SIGN_H
#define TANDEM_WEBHOOK_SIGN_H
#include <stdbool.h>
#include <stddef.h>

enum { WEBHOOK_SECRET_MAX = 80, WEBHOOK_SIG_MAX = 64 };

/* A new secret: "whsec_" + base64 of 24 random bytes (libsodium). */
void webhook_secret_new(char out[WEBHOOK_SECRET_MAX]);
/* Sign id.timestamp.body with secret into out ("v1,<base64>"); false when the secret is no whsec_ secret. */
bool webhook_sign(const char *secret, const char *msg_id, long long timestamp, const char *body, size_t body_len,
                  char out[WEBHOOK_SIG_MAX]);
#endif
