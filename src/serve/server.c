/*
 * server.c - dyad_serve_run(): libmicrohttpd carries the HTTP, api.c
 * answers (see serve.h).
 *
 * One request's life: the URI callback keeps the raw request target (the
 * API parses it itself, request.c, the code the fuzz target runs); the
 * access handler collects a POST body up to DYAD_SERVE_MAX_BODY (a longer
 * one is a 413, told before it is read when Content-Length says so), then
 * borrows a database handle, answers, and queues the response; the
 * completion callback writes the access log line and frees the request.
 *
 * Limits: a thread pool of cfg->threads workers, each with its own
 * read-only handle; a request target of DYAD_SERVE_MAX_TARGET bytes and
 * headers within DYAD_SERVE_CONN_MEMORY; a connection idle for
 * DYAD_SERVE_TIMEOUT_S seconds is closed; a query may run
 * DYAD_SERVE_QUERY_MS (a 503 after that). SIGINT and SIGTERM stop the
 * server gracefully: no new connections, the running requests finish
 * (for up to DYAD_SERVE_DRAIN_S seconds), then it returns.
 *
 * Answers of GET /api/ are kept by request target (cache.h) until a
 * worker sees the database change, so the page's usual views and a
 * crowd asking the same question cost one query.
 */
#include "serve/serve.h"

#include <arpa/inet.h>
#include <microhttpd.h>
#include <netinet/in.h>
#include <pthread.h>
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "core/alloc.h"
#include "core/buf.h"
#include "serve/api.h"
#include "serve/cache.h"
#include "serve/listen.h"
#include "serve/pool.h"
#include "serve/request.h"

#define DYAD_SERVE_TIMEOUT_S 15
#define DYAD_SERVE_QUERY_MS 5000
#define DYAD_SERVE_DRAIN_S 10
#define DYAD_SERVE_CONN_MEMORY (256u << 10)
#define DYAD_SERVE_MAX_CONNECTIONS 1024
/* Answers the cache can hold (direct-mapped slots). */
#define DYAD_SERVE_CACHE_SLOTS 4096

struct server {
	struct dyad__api api;
	struct dyad__pool pool;
	struct dyad__cache cache;
	pthread_mutex_t engine_lock;
	pthread_mutex_t log_lock;
	FILE *log;
};

/* One request, from the URI callback to the completion callback. */
struct exchange {
	char *target;           /* the raw request target */
	struct dyad_buf body;   /* POST body collected so far */
	int too_big;            /* the body passed DYAD_SERVE_MAX_BODY */
	int answered;
	int cached;             /* answered from the cache */
	int status;
	size_t bytes;
	long long start_ns;
	char method[16];
	char client[64];
};

static long long now_ns(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (long long)ts.tv_sec * 1000000000LL + ts.tv_nsec;
}

static void client_address(struct MHD_Connection *c, char *out, size_t n)
{
	const union MHD_ConnectionInfo *info =
		MHD_get_connection_info(c, MHD_CONNECTION_INFO_CLIENT_ADDRESS);
	snprintf(out, n, "-");
	if (!info || !info->client_addr)
		return;
	const struct sockaddr *sa = info->client_addr;
	if (sa->sa_family == AF_INET)
		inet_ntop(AF_INET, &((const struct sockaddr_in *)sa)->sin_addr, out, (socklen_t)n);
	else if (sa->sa_family == AF_INET6)
		inet_ntop(AF_INET6, &((const struct sockaddr_in6 *)sa)->sin6_addr, out,
		          (socklen_t)n);
}

static void *on_uri(void *cls, const char *uri, struct MHD_Connection *c)
{
	(void)cls;
	struct exchange *x = dyad__calloc(1, sizeof *x);
	if (!x)
		return NULL;
	x->target = dyad__strdup(uri ? uri : "");
	dyad_buf_init(&x->body, DYAD_SERVE_MAX_BODY + 1);
	x->start_ns = now_ns();
	client_address(c, x->client, sizeof x->client);
	return x;
}

static void free_response_body(void *p)
{
	dyad__free(p);
}

/* Queue resp on c; the body is handed over to libmicrohttpd. */
static enum MHD_Result send_response(struct MHD_Connection *c, struct exchange *x,
                                     struct dyad__response *resp)
{
	size_t len = resp->body.len;
	char *data = dyad_buf_detach(&resp->body, &len);
	struct MHD_Response *r = MHD_create_response_from_buffer_with_free_callback(
		len, data ? data : (char *)"", data ? free_response_body : NULL);
	if (!r) {
		dyad__free(data);
		return MHD_NO;
	}
	MHD_add_response_header(r, MHD_HTTP_HEADER_CONTENT_TYPE,
	                        resp->type ? resp->type : "application/json");
	MHD_add_response_header(r, "X-Content-Type-Options", "nosniff");
	MHD_add_response_header(r, MHD_HTTP_HEADER_CACHE_CONTROL, "no-store");
	if (resp->allow)
		MHD_add_response_header(r, MHD_HTTP_HEADER_ALLOW, resp->allow);
	x->status = resp->status;
	x->bytes = len;
	x->answered = 1;
	enum MHD_Result ok = MHD_queue_response(c, (unsigned)resp->status, r);
	MHD_destroy_response(r);
	return ok;
}

static enum MHD_Result send_error(struct MHD_Connection *c, struct exchange *x, int status,
                                  const char *msg)
{
	struct dyad__response resp = {0, NULL, {0}, NULL};
	dyad_buf_init(&resp.body, 0);
	dyad__api_error(&resp, status, "%s", msg);
	enum MHD_Result ok = send_response(c, x, &resp);
	dyad_buf_release(&resp.body);
	return ok;
}

/* GET /api/... but extraction: answers that depend on the data only. */
static int cacheable(const struct dyad__request *req)
{
	return strcmp(req->method, "GET") == 0 && strncmp(req->path, "/api/", 5) == 0;
}

/* The answer: kept, or computed (and kept when it is a 200). */
static void handle(struct server *s, dyad_store *store, struct exchange *x,
                   struct dyad__request *req, struct dyad__response *resp)
{
	if (dyad_store_changed(store))
		dyad__cache_clear(&s->cache);
	int keep = cacheable(req);
	if (keep && dyad__cache_get(&s->cache, x->target, &resp->body)) {
		resp->status = 200;
		resp->type = "application/json; charset=utf-8";
		resp->allow = NULL;
		x->cached = 1;
		return;
	}
	uint64_t generation = dyad__cache_generation(&s->cache);
	dyad__api_handle(&s->api, store, req, resp);
	if (keep && resp->status == 200)
		dyad__cache_put(&s->cache, x->target, resp->body.data, resp->body.len, generation);
}

/* The API's answer to the whole request. */
static enum MHD_Result answer(struct server *s, struct MHD_Connection *c,
                              struct exchange *x, const char *method)
{
	char err[DYAD_ERRMSG_MAX];
	struct dyad__request *req = dyad__malloc(sizeof *req);
	if (!req)
		return send_error(c, x, 503, "out of memory");
	req->method = method;
	dyad_status st = dyad__request_parse_target(req, x->target, err);
	if (st != DYAD_OK) {
		dyad__free(req);
		return send_error(c, x, st == DYAD_ETOOBIG ? 414 : 400, err);
	}
	req->body = x->body.data;
	req->body_len = x->body.len;
	req->content_type = MHD_lookup_connection_value(c, MHD_HEADER_KIND,
	                                                MHD_HTTP_HEADER_CONTENT_TYPE);
	struct dyad__response resp = {500, NULL, {0}, NULL};
	dyad_buf_init(&resp.body, 0);
	dyad_store *store = dyad__pool_get(&s->pool);
	handle(s, store, x, req, &resp);
	dyad__pool_put(&s->pool, store);
	enum MHD_Result ok = send_response(c, x, &resp);
	dyad_buf_release(&resp.body);
	dyad__free(req);
	return ok;
}

/* A body announced larger than the limit: refused before it is read. */
static int announced_too_big(struct MHD_Connection *c)
{
	const char *len = MHD_lookup_connection_value(c, MHD_HEADER_KIND,
	                                              MHD_HTTP_HEADER_CONTENT_LENGTH);
	return len && strtoull(len, NULL, 10) > DYAD_SERVE_MAX_BODY;
}

static enum MHD_Result on_request(void *cls, struct MHD_Connection *c, const char *url,
                                  const char *method, const char *version,
                                  const char *upload, size_t *upload_size, void **ctx)
{
	struct server *s = cls;
	struct exchange *x = *ctx;
	(void)url;
	(void)version;
	if (!x)
		return MHD_NO; /* on_uri ran out of memory: drop the connection */
	if (!x->method[0]) {
		snprintf(x->method, sizeof x->method, "%s", method);
		if (strcmp(method, "POST") == 0 && announced_too_big(c))
			return send_error(c, x, 413, "the body is larger than the server takes");
		if (strcmp(method, "POST") == 0 || strcmp(method, "PUT") == 0)
			return MHD_YES; /* the body follows */
	}
	if (*upload_size) {
		if (!x->too_big && dyad_buf_append(&x->body, upload, *upload_size) != DYAD_OK)
			x->too_big = 1;
		*upload_size = 0;
		return MHD_YES;
	}
	if (x->answered)
		return MHD_YES;
	if (!x->target)
		return send_error(c, x, 503, "out of memory");
	if (x->too_big)
		return send_error(c, x, 413, "the body is larger than the server takes");
	return answer(s, c, x, method);
}

static void on_done(void *cls, struct MHD_Connection *c, void **ctx,
                    enum MHD_RequestTerminationCode why)
{
	struct server *s = cls;
	struct exchange *x = *ctx;
	(void)c;
	if (!x)
		return;
	if (s->log) {
		char stamp[32];
		time_t t = time(NULL);
		struct tm tm;
		gmtime_r(&t, &tm);
		strftime(stamp, sizeof stamp, "%Y-%m-%dT%H:%M:%SZ", &tm);
		pthread_mutex_lock(&s->log_lock);
		fprintf(s->log, "%s %s %s %s %d %zu %.1fms%s%s\n", stamp, x->client,
		        x->method[0] ? x->method : "-", x->target ? x->target : "-",
		        x->answered ? x->status : 0, x->bytes,
		        (double)(now_ns() - x->start_ns) / 1e6, x->cached ? " cached" : "",
		        why == MHD_REQUEST_TERMINATED_COMPLETED_OK ? "" : " (cut short)");
		fflush(s->log);
		pthread_mutex_unlock(&s->log_lock);
	}
	dyad_buf_release(&x->body);
	dyad__free(x->target);
	dyad__free(x);
	*ctx = NULL;
}

static void on_mhd_error(void *cls, const char *fmt, va_list ap)
{
	(void)cls;
	fprintf(stderr, "dyad serve: ");
	vfprintf(stderr, fmt, ap);
}

static struct MHD_Daemon *start(struct server *s, const struct dyad__listen *l,
                                unsigned threads)
{
	unsigned flags = MHD_USE_INTERNAL_POLLING_THREAD | MHD_USE_ITC | MHD_USE_ERROR_LOG |
	                 MHD_USE_EPOLL | MHD_USE_TURBO;
	if (l->ipv6)
		flags |= MHD_USE_IPv6;
	return MHD_start_daemon(
		flags, (uint16_t)l->port, NULL, NULL, on_request, s,
		MHD_OPTION_SOCK_ADDR, (const struct sockaddr *)&l->addr,
		MHD_OPTION_THREAD_POOL_SIZE, threads,
		MHD_OPTION_CONNECTION_TIMEOUT, (unsigned)DYAD_SERVE_TIMEOUT_S,
		MHD_OPTION_CONNECTION_LIMIT, (unsigned)DYAD_SERVE_MAX_CONNECTIONS,
		MHD_OPTION_CONNECTION_MEMORY_LIMIT, (size_t)DYAD_SERVE_CONN_MEMORY,
		MHD_OPTION_URI_LOG_CALLBACK, on_uri, s,
		MHD_OPTION_NOTIFY_COMPLETED, on_done, s,
		MHD_OPTION_EXTERNAL_LOGGER, on_mhd_error, s,
		MHD_OPTION_LISTENING_ADDRESS_REUSE, 1,
		MHD_OPTION_END);
}

/* Wait for SIGINT/SIGTERM (blocked in every thread), then drain. */
static void run_until_signal(struct MHD_Daemon *d, const sigset_t *set, FILE *info)
{
	int sig = 0;
	sigwait(set, &sig);
	if (info)
		fprintf(info, "dyad serve: %s, stopping\n", sig == SIGINT ? "interrupted" : "terminated");
	MHD_socket listener = MHD_quiesce_daemon(d);
	if (listener != MHD_INVALID_SOCKET)
		close(listener);
	for (int i = 0; i < DYAD_SERVE_DRAIN_S * 10; i++) {
		const union MHD_DaemonInfo *n =
			MHD_get_daemon_info(d, MHD_DAEMON_INFO_CURRENT_CONNECTIONS);
		if (!n || n->num_connections == 0)
			break;
		usleep(100000);
	}
	MHD_stop_daemon(d);
}

/* The engine and the handles, or a status with errmsg. */
static dyad_status open_all(struct server *s, const struct dyad_serve_config *cfg,
                            unsigned threads, dyad_engine **engine, char *errmsg)
{
	dyad_status st = dyad__pool_open(&s->pool, cfg->db_path, threads,
	                                 cfg->query_ms ? cfg->query_ms : DYAD_SERVE_QUERY_MS,
	                                 errmsg);
	if (st != DYAD_OK)
		return st;
	if ((st = dyad_engine_open(cfg->data_dir, engine, errmsg)) != DYAD_OK) {
		dyad__pool_close(&s->pool);
		return st;
	}
	s->api.engine = *engine;
	size_t mb = cfg->cache_mb;
	if ((st = dyad__cache_init(&s->cache, mb ? DYAD_SERVE_CACHE_SLOTS : 0, mb << 20)) !=
	    DYAD_OK) {
		dyad_engine_free(*engine);
		dyad__pool_close(&s->pool);
		snprintf(errmsg, DYAD_ERRMSG_MAX, "%s", dyad_strerror(st));
		return st;
	}
	return DYAD_OK;
}

dyad_status dyad_serve_run(const struct dyad_serve_config *cfg, char *errmsg)
{
	struct server s;
	struct dyad__listen l;
	dyad_engine *engine = NULL;
	unsigned threads = cfg->threads ? cfg->threads : DYAD_SERVE_THREADS;
	memset(&s, 0, sizeof s);
	dyad_status st = dyad__listen_parse(cfg->listen ? cfg->listen : DYAD_SERVE_DEFAULT_LISTEN,
	                                    &l, errmsg);
	if (st != DYAD_OK || (st = open_all(&s, cfg, threads, &engine, errmsg)) != DYAD_OK)
		return st;
	pthread_mutex_init(&s.engine_lock, NULL);
	pthread_mutex_init(&s.log_lock, NULL);
	s.api.engine_lock = &s.engine_lock;
	s.api.web_dir = cfg->web_dir;
	s.log = cfg->log;
	/* Blocked before the workers start, so they inherit the mask and the
	 * signals reach sigwait() only. */
	sigset_t set;
	sigemptyset(&set);
	sigaddset(&set, SIGINT);
	sigaddset(&set, SIGTERM);
	pthread_sigmask(SIG_BLOCK, &set, NULL);
	struct MHD_Daemon *d = start(&s, &l, threads);
	if (!d) {
		snprintf(errmsg, DYAD_ERRMSG_MAX, "cannot listen on %s:%u (in use, or not an "
		         "address of this machine)", l.host, l.port);
		st = DYAD_EINVAL;
	} else {
		const union MHD_DaemonInfo *port = MHD_get_daemon_info(d, MHD_DAEMON_INFO_BIND_PORT);
		if (cfg->info) {
			fprintf(cfg->info, "dyad serve: listening on http://%s%s%s:%u/ (%s, %u threads)\n",
			        l.ipv6 ? "[" : "", l.host, l.ipv6 ? "]" : "",
			        port ? port->port : l.port, cfg->db_path, threads);
			fflush(cfg->info);
		}
		run_until_signal(d, &set, cfg->info);
	}
	pthread_sigmask(SIG_UNBLOCK, &set, NULL);
	dyad_engine_free(engine);
	dyad__pool_close(&s.pool);
	dyad__cache_release(&s.cache);
	pthread_mutex_destroy(&s.engine_lock);
	pthread_mutex_destroy(&s.log_lock);
	return st;
}
