/* cmd_serve.c — `tandem serve`, `tandem demo` and `tandem http`: the web server's faces. */
#include <malloc.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <unistd.h>
#include "app/render_cache.h"
#include "app/route.h"
#include "cli.h"
#include "domain/demo.h"
#include "model/webhooks.h"
#include "platform/log.h"
#include "platform/smtp.h"
#include "server/daily.h"
#include "server/deliver.h"

static struct http_config config(const char *listen, int port, int threads, int per_ip)
{
	struct http_config c = {.listen = listen, .port = port, .threads = threads, .max_conns_per_ip = per_ip,
	                        .body_limit = 1 << 20,
	                        .handler = dispatch, .on_headers = dispatch_headers, .limit_for = dispatch_body_limit,
	                        .spool_for = dispatch_spool_for};
	return c;
}

/* Serve until SIGINT or SIGTERM. */
static int run_server(const char *path, const char *listen, int port, int threads, int per_ip,
                      const struct daily_config *daily)
{
	dispatch_init(path);
	/* Whole responses of a few hundred KiB are built per request: keep them in the heap
	 * instead of an mmap/munmap pair (and page faults) per request. */
	mallopt(M_MMAP_THRESHOLD, 16 << 20);
	mallopt(M_TRIM_THRESHOLD, 64 << 20);
	sigset_t set;
	sigemptyset(&set);
	sigaddset(&set, SIGINT);
	sigaddset(&set, SIGTERM);
	pthread_sigmask(SIG_BLOCK, &set, NULL); /* worker threads inherit the mask */
	struct http_config c = config(listen, port, threads, per_ip);
	const char *err = NULL;
	http_server *s = http_start(&c, &err);
	if (!s) {
		fprintf(stderr, "tandem serve: %s:%d: %s\n", listen, port, err);
		return 1;
	}
	if (deliver_start(path) < 0) /* the webhook outbox, after the server listens */
		log_error("webhook deliveries could not start");
	struct daily_config dc = daily ? *daily : (struct daily_config){.digest_hour = 8};
	dc.path = path;
	if (daily_start(&dc) < 0)
		log_error("the daily work could not start");
	printf("Tandem is serving %s on http://%s:%d/ (%d threads); Ctrl-C stops it.\n", path, listen, port, threads);
	fflush(stdout);
	int sig;
	sigwait(&set, &sig);
	log_info("stopping on signal %d", sig);
	http_stop(s);
	deliver_stop();
	daily_stop();
	dispatch_shutdown();
	render_cache_clear();
	app_shutdown();
	return 0;
}

static int parse_port(const char *cmd, const char *s, int dflt, int *out)
{
	long long v = dflt;
	if (s && (!parse_ll(s, &v) || v < 1 || v > 65535)) {
		fprintf(stderr, "tandem %s: the port must be a number from 1 to 65535\n", cmd);
		return -1;
	}
	*out = (int)v;
	return 0;
}

int cmd_serve(int argc, char **argv)
{
	struct opt o[] = {{"--db", true, NULL},      {"--listen", true, NULL},           {"--port", true, NULL},
	                  {"--threads", true, NULL}, {"--quiet", false, NULL},           {"--max-conns-per-ip", true, NULL},
	                  {"--allow-private-webhooks", false, NULL}, {"--smtp", true, NULL}, {"--mail-from", true, NULL},
	                  {"--digest-hour", true, NULL}, {"--base-url", true, NULL},     {"--cache-mb", true, NULL},
	                  {"--no-cache", false, NULL}};
	const int no = (int)COUNT(o);
	const char *pos[1];
	int npos, port;
	long long threads = 4, per_ip = HTTP_DEFAULT_CONNS_PER_IP, cache_mb = RENDER_CACHE_DEFAULT_MB;
	if (cli_parse("serve", argc, argv, o, no, pos, 0, &npos) < 0 ||
	    parse_port("serve", opt_get(o, no, "--port"), 8080, &port) < 0)
		return 2;
	const char *cm = opt_get(o, no, "--cache-mb");
	if (cm && (!parse_ll(cm, &cache_mb) || cache_mb < 0 || cache_mb > 65536)) {
		fprintf(stderr, "tandem serve: --cache-mb must be a number of MiB from 0 (no cache) to 65536\n");
		return 2;
	}
	if (opt_get(o, no, "--no-cache"))
		cache_mb = 0;
	render_cache_init((size_t)cache_mb << 20);
	const char *t = opt_get(o, no, "--threads");
	if (t && (!parse_ll(t, &threads) || threads < 1 || threads > 256)) {
		fprintf(stderr, "tandem serve: --threads must be a number from 1 to 256\n");
		return 2;
	}
	const char *pi = opt_get(o, no, "--max-conns-per-ip");
	if (pi && (!parse_ll(pi, &per_ip) || per_ip < 1 || per_ip > 1000)) {
		fprintf(stderr, "tandem serve: --max-conns-per-ip must be a number from 1 to 1000\n");
		return 2;
	}
	struct daily_config daily = {.smtp = opt_get(o, no, "--smtp"), .from = opt_get(o, no, "--mail-from"),
	                             .base_url = opt_get(o, no, "--base-url"), .digest_hour = 8};
	if ((daily.smtp != NULL) != (daily.from != NULL) || (daily.smtp && !smtp_url_ok(daily.smtp))) {
		fprintf(stderr, "tandem serve: mail needs both --smtp smtp://host[:port] (or smtps://) and --mail-from ADDR\n");
		return 2;
	}
	const char *dh = opt_get(o, no, "--digest-hour");
	long long hour = 8;
	if (dh && (!parse_ll(dh, &hour) || hour < 0 || hour > 23)) {
		fprintf(stderr, "tandem serve: --digest-hour must be an hour from 0 to 23 (UTC)\n");
		return 2;
	}
	daily.digest_hour = (int)hour;
	log_set_quiet(opt_get(o, no, "--quiet") != NULL);
	webhooks_allow_private(opt_get(o, no, "--allow-private-webhooks") != NULL);
	if (app_init() < 0)
		return 1;
	const char *path = workspace_path(opt_get(o, no, "--db"));
	db *d = workspace_open_checked(path, true);
	if (!d)
		return 1;
	db_close(d);
	const char *listen = opt_get(o, no, "--listen");
	return run_server(path, listen ? listen : "127.0.0.1", port, (int)threads, (int)per_ip, &daily);
}

int cmd_demo(int argc, char **argv)
{
	struct opt o[] = {{"--db", true, NULL}, {"--listen", true, NULL}, {"--port", true, NULL},
	                  {"--no-serve", false, NULL}, {"--quiet", false, NULL}};
	const char *pos[1];
	int npos, port;
	if (cli_parse("demo", argc, argv, o, 5, pos, 0, &npos) < 0 ||
	    parse_port("demo", opt_get(o, 5, "--port"), 8080, &port) < 0)
		return 2;
	log_set_quiet(opt_get(o, 5, "--quiet") != NULL);
	if (app_init() < 0)
		return 1;
	const char *path = opt_get(o, 5, "--db") ? opt_get(o, 5, "--db") : "tandem-demo.db";
	const char *listen = opt_get(o, 5, "--listen") ? opt_get(o, 5, "--listen") : "127.0.0.1";
	struct stat st;
	if (stat(path, &st) == 0) {
		printf("Using the existing demo workspace %s (delete it for a fresh one).\n", path);
		db *d = workspace_open_checked(path, true);
		if (!d)
			return 1;
		db_close(d);
	} else {
		db *d = workspace_create(path);
		if (!d)
			return 1;
		if (demo_seed(d) < 0) {
			fprintf(stderr, "tandem demo: could not create the sample data\n");
			db_close(d);
			remove(path);
			return 1;
		}
		db_close(d);
		printf("Created the demo workspace %s.\n", path);
	}
	printf("\nOpen http://%s:%d/ and sign in as one of (password for all: %s):\n", listen, port, DEMO_PASSWORD);
	for (int i = 0; demo_users[i].email; i++)
		printf("  %-12s %s\n", demo_users[i].role, demo_users[i].email);
	printf("\n");
	fflush(stdout);
	if (opt_get(o, 5, "--no-serve"))
		return 0;
	render_cache_init((size_t)RENDER_CACHE_DEFAULT_MB << 20);
	return run_server(path, listen, port, 4, HTTP_DEFAULT_CONNS_PER_IP, NULL);
}

int cmd_http(int argc, char **argv)
{
	struct opt o[] = {{"--db", true, NULL}};
	const char *pos[1];
	int npos;
	if (cli_parse("http", argc, argv, o, 1, pos, 0, &npos) < 0)
		return 2;
	log_set_quiet(1);
	if (app_init() < 0)
		return 1;
	const char *path = workspace_path(opt_get(o, 1, "--db"));
	db *d = workspace_open(path, false);
	if (!d)
		return 1;
	db_close(d);
	dispatch_init(path);
	struct http_config c = config("127.0.0.1", 0, 1, 1);
	int rc = http_serve_one(&c, 0, 1);
	app_shutdown();
	return rc == 0 ? 0 : 1;
}
