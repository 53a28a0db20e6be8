/* test_webhooks.c — the Standard Webhooks signature against the specification's published vector, secrets of the
 * right form, the retry schedule (its steps, ±10% jitter, the end), and the URL check of every refused range. */
#include <string.h>
#include "harness.h"
#include "model/webhooks.h"
#include "platform/net_check.h"
#include "platform/webhook_sign.h"

TEST(webhook_signature_vector)
{
	char sig[WEBHOOK_SIG_MAX];
	const char *body = "{\"test\": 2432232314}";
	REQUIRE(webhook_sign("whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw", "msg_p5jXN8AQM9LWM0D4loKWxJek", 1614265330, body,
	                     strlen(body), sig));
	CHECK_STR(sig, "v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=");
	CHECK(!webhook_sign("MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw", "m", 1, "x", 1, sig)); /* no whsec_ */
	CHECK(!webhook_sign("whsec_!!!", "m", 1, "x", 1, sig));
	char s1[WEBHOOK_SECRET_MAX], s2[WEBHOOK_SECRET_MAX];
	webhook_secret_new(s1);
	webhook_secret_new(s2);
	CHECK(!strncmp(s1, "whsec_", 6));
	CHECK_EQ_INT((long long)strlen(s1), 6 + 32); /* base64 of 24 bytes */
	CHECK(strcmp(s1, s2) != 0);
	CHECK(webhook_sign(s1, "m", 1, "x", 1, sig));
}

TEST(webhook_retry_schedule)
{
	static const long long want[] = {5, 300, 1800, 7200, 18000, 36000, 86400};
	for (int a = 1; a <= 7; a++) {
		CHECK_EQ_INT(webhook_retry_delay(a, 1, 2147483648u), want[a - 1]); /* the middle: no jitter */
		long long lo = webhook_retry_delay(a, 1, 0), hi = webhook_retry_delay(a, 1, 4294967295u);
		CHECK(lo >= want[a - 1] * 9 / 10 && lo <= want[a - 1]);
		CHECK(hi <= want[a - 1] * 11 / 10 + 1 && hi >= want[a - 1]);
	}
	CHECK_EQ_INT(webhook_retry_delay(8, 1, 0), -1); /* the first try and seven retries: then it gives up */
	CHECK_EQ_INT(webhook_retry_delay(0, 1, 0), -1);
	CHECK_EQ_INT(webhook_retry_delay(7, 0.001, 2147483648u), 86); /* tests shrink it */
}

TEST(webhook_url_check)
{
	static const char *const refused[] = {"127.0.0.1", "127.8.9.1", "10.0.0.1", "172.16.0.1", "172.31.255.255",
	                                      "192.168.1.1", "169.254.169.254", "100.64.0.1", "0.0.0.0", "224.0.0.1",
	                                      "255.255.255.255", "::1", "::", "fe80::1", "fc00::1", "fd12::1", "ff02::1",
	                                      "::ffff:127.0.0.1", "::ffff:10.0.0.1", "::ffff:169.254.169.254",
	                                      "not-an-address"};
	for (size_t i = 0; i < sizeof refused / sizeof refused[0]; i++)
		CHECK(address_refused(refused[i]));
	static const char *const public[] = {"93.184.216.34", "8.8.8.8", "172.32.0.1", "100.128.0.1", "2606:4700::1111",
	                                     "::ffff:8.8.8.8"};
	for (size_t i = 0; i < sizeof public / sizeof public[0]; i++)
		CHECK(!address_refused(public[i]));
	CHECK(url_form_problem("https://hooks.example.com/x") == NULL);
	CHECK(url_form_problem("ftp://example.com/") != NULL);
	CHECK(url_form_problem("javascript:alert(1)") != NULL);
	CHECK(url_form_problem("http://user:pw@example.com/") != NULL);
	CHECK(url_form_problem("http://user@example.com/") != NULL);
	CHECK(url_form_problem("http://") != NULL);
	CHECK(url_form_problem("") != NULL);
	char why[200];
	CHECK(!url_public("http://127.0.0.1:9/", false, why, sizeof why, NULL));
	CHECK_CONTAINS(why, "127.0.0.1");
	CHECK(!url_public("http://[::ffff:127.0.0.1]/", false, why, sizeof why, NULL));
	char pin[NET_PIN_MAX];
	CHECK(url_public("http://127.0.0.1:9/", true, why, sizeof why, pin)); /* --allow-private-webhooks */
	CHECK_STR(pin, "127.0.0.1:9:127.0.0.1");
}
