/* webhook_sign.c — Standard Webhooks signatures and secrets, with libsodium's HMAC-SHA256 and base64. */
#include "webhook_sign.h"
#include <sodium.h>
#include <stdio.h>
#include <string.h>

static const char PREFIX[] = "whsec_";

void webhook_secret_new(char out[WEBHOOK_SECRET_MAX])
{
	unsigned char raw[24];
	randombytes_buf(raw, sizeof raw);
	memcpy(out, PREFIX, sizeof PREFIX - 1);
	sodium_bin2base64(out + sizeof PREFIX - 1, WEBHOOK_SECRET_MAX - (sizeof PREFIX - 1), raw, sizeof raw,
	                  sodium_base64_VARIANT_ORIGINAL);
	sodium_memzero(raw, sizeof raw);
}

bool webhook_sign(const char *secret, const char *msg_id, long long timestamp, const char *body, size_t body_len,
                  char out[WEBHOOK_SIG_MAX])
{
	if (!secret || strncmp(secret, PREFIX, sizeof PREFIX - 1))
		return false;
	unsigned char key[64];
	size_t klen = 0;
	const char *b64 = secret + sizeof PREFIX - 1;
	if (sodium_base642bin(key, sizeof key, b64, strlen(b64), NULL, &klen, NULL, sodium_base64_VARIANT_ORIGINAL) != 0 ||
	    klen == 0)
		return false;
	char head[64];
	int n = snprintf(head, sizeof head, ".%lld.", timestamp);
	crypto_auth_hmacsha256_state st;
	unsigned char mac[crypto_auth_hmacsha256_BYTES];
	crypto_auth_hmacsha256_init(&st, key, klen);
	crypto_auth_hmacsha256_update(&st, (const unsigned char *)msg_id, strlen(msg_id));
	crypto_auth_hmacsha256_update(&st, (const unsigned char *)head, (unsigned long long)n);
	crypto_auth_hmacsha256_update(&st, (const unsigned char *)body, body_len);
	crypto_auth_hmacsha256_final(&st, mac);
	sodium_memzero(key, sizeof key);
	memcpy(out, "v1,", 3);
	sodium_bin2base64(out + 3, WEBHOOK_SIG_MAX - 3, mac, sizeof mac, sodium_base64_VARIANT_ORIGINAL);
	return true;
}
