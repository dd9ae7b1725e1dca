/*
 * api.c - routing a request to its endpoint, and what the endpoints share
 * (see handlers.h, api.h, docs/api.md).
 */
#include "serve/api.h"

#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/alloc.h"
#include "serve/handlers.h"
#include "serve/json.h"

struct route {
	const char *method;
	const char *prefix; /* the path, or with a final '/' a prefix of it */
	dyad__handler *run;
};

static const struct route routes[] = {
	{"GET", "/api/events", dyad__api_events},
	{"GET", "/api/timeline", dyad__api_timeline},
	{"GET", "/api/docs/", dyad__api_doc},
	{"GET", "/api/entities", dyad__api_entities},
	{"GET", "/api/entities/", dyad__api_entity},
	{"GET", "/api/graph", dyad__api_graph},
	{"GET", "/api/stats", dyad__api_stats},
	{"GET", "/api/codes", dyad__api_codes},
	{"POST", "/api/extract", dyad__api_extract},
	{"GET", "/healthz", dyad__api_health},
};

void dyad__api_error(struct dyad__response *resp, int status, const char *fmt, ...)
{
	char msg[DYAD_ERRMSG_MAX];
	va_list ap;
	va_start(ap, fmt);
	int n = vsnprintf(msg, sizeof msg, fmt, ap);
	va_end(ap);
	(void)n; /* a cut message is still a message */
	int first = 1;
	resp->status = status;
	resp->type = "application/json; charset=utf-8";
	dyad_buf_reset(&resp->body);
	dyad_buf_putc(&resp->body, '{');
	dyad__json_kstr(&resp->body, "error", msg, &first);
	dyad__json_kint(&resp->body, "status", status, &first);
	dyad_buf_puts(&resp->body, "}\n");
}

void dyad__api_json(struct dyad__response *resp)
{
	resp->status = 200;
	resp->type = "application/json; charset=utf-8";
	dyad_buf_reset(&resp->body);
}

void dyad__api_event_filter(struct dyad__request *req, struct dyad_event_filter *f)
{
	memset(f, 0, sizeof *f);
	f->actor = dyad__request_param(req, "actor");
	f->country = dyad__request_param(req, "country");
	f->dyad = dyad__request_param(req, "dyad");
	f->code = dyad__request_param(req, "code");
	f->since = dyad__request_param(req, "since");
	f->until = dyad__request_param(req, "until");
	f->source = dyad__request_param(req, "source");
	f->lang = dyad__request_param(req, "lang");
	f->match = dyad__request_param(req, "q");
}

int dyad__api_count(struct dyad__request *req, const char *key, size_t def,
                    size_t min, size_t max, size_t *out, struct dyad__response *resp)
{
	const char *s = dyad__request_param(req, key);
	*out = def;
	if (!s)
		return 1;
	char *end;
	errno = 0;
	unsigned long long v = s[0] >= '0' && s[0] <= '9' ? strtoull(s, &end, 10) : 0;
	if (s[0] < '0' || s[0] > '9' || errno || *end || v < min || v > max) {
		dyad__api_error(resp, 400, "%s \"%s\": expected a number from %zu to %zu", key,
		                s, min, max);
		return 0;
	}
	*out = (size_t)v;
	return 1;
}

int dyad__api_unknown(struct dyad__request *req, struct dyad__response *resp)
{
	for (size_t i = 0; i < req->n_params; i++) {
		if (req->params[i].used)
			continue;
		for (size_t k = 0; k < i; k++)
			if (strcmp(req->params[k].key, req->params[i].key) == 0) {
				dyad__api_error(resp, 400, "parameter \"%s\" given more than once",
				                req->params[i].key);
				return 1;
			}
		dyad__api_error(resp, 400, "unknown parameter \"%s\" (docs/api.md lists them)",
		                req->params[i].key);
		return 1;
	}
	return 0;
}

void dyad__api_store_error(dyad_store *store, dyad_status st, struct dyad__response *resp)
{
	const char *msg = dyad_store_errmsg(store);
	if (st == DYAD_EINVAL)
		dyad__api_error(resp, 400, "%s", msg);
	else if (st == DYAD_ENOENT)
		dyad__api_error(resp, 404, "%s", msg);
	else if (st == DYAD_ENOMEM)
		dyad__api_error(resp, 503, "out of memory");
	else if (dyad_store_timed_out(store))
		dyad__api_error(resp, 503, "the query took too long: narrow the filter");
	else
		dyad__api_error(resp, 500, "database error: %s", msg);
}

dyad_status dyad__api_capture(struct dyad_buf *b,
                              dyad_status (*fn)(FILE *out, const void *arg),
                              const void *arg)
{
	char *data = NULL;
	size_t size = 0;
	FILE *mem = open_memstream(&data, &size);
	if (!mem)
		return DYAD_ENOMEM;
	dyad_status st = fn(mem, arg);
	if (fclose(mem) != 0 && st == DYAD_OK)
		st = DYAD_EIO;
	if (st == DYAD_OK) {
		while (size && data[size - 1] == '\n')
			size--;
		st = dyad_buf_append(b, data, size);
	}
	free(data); /* open_memstream's, from the C library's heap */
	return st;
}

/* The route of path: exact for a plain prefix, a prefix for one ending
 * in '/' (with something after it). */
static const struct route *route_of(const char *path, const char **rest, int *other_method,
                                    const char *method)
{
	const struct route *found = NULL;
	for (size_t i = 0; i < sizeof routes / sizeof routes[0]; i++) {
		const struct route *r = &routes[i];
		size_t n = strlen(r->prefix);
		int match = r->prefix[n - 1] == '/'
		                ? strncmp(path, r->prefix, n) == 0 && path[n] != '\0'
		                : strcmp(path, r->prefix) == 0;
		if (!match)
			continue;
		if (strcmp(r->method, method) != 0) {
			*other_method = 1;
			continue;
		}
		found = r;
		*rest = path + (r->prefix[n - 1] == '/' ? n : strlen(path));
	}
	return found;
}

/* A method is a token of upper-case letters ("GET", "POST"). */
static int plain_method(const char *m)
{
	if (!*m)
		return 0;
	for (; *m; m++)
		if (*m < 'A' || *m > 'Z')
			return 0;
	return 1;
}

void dyad__api_handle(const struct dyad__api *api, dyad_store *store,
                      struct dyad__request *req, struct dyad__response *resp)
{
	const char *rest = "";
	int other_method = 0;
	resp->allow = NULL;
	if (!plain_method(req->method)) {
		dyad__api_error(resp, 400, "not an HTTP method");
		return;
	}
	const struct route *r = route_of(req->path, &rest, &other_method, req->method);
	if (r) {
		r->run(api, store, req, rest, resp);
	} else if (other_method) {
		resp->allow = strcmp(req->method, "GET") == 0 ? "POST" : "GET";
		dyad__api_error(resp, 405, "%s %s: use %s", req->method, req->path, resp->allow);
	} else if (strncmp(req->path, "/api/", 5) == 0 || strcmp(req->path, "/api") == 0) {
		dyad__api_error(resp, 404, "no endpoint %s (docs/api.md lists them)", req->path);
	} else if (strcmp(req->method, "GET") != 0 && strcmp(req->method, "HEAD") != 0) {
		resp->allow = "GET";
		dyad__api_error(resp, 405, "%s %s: the page's files are read with GET",
		                req->method, req->path);
	} else {
		dyad__api_static(api, store, req, req->path, resp);
	}
	if (resp->body.error != DYAD_OK)
		dyad__api_error(resp, 503, "out of memory");
}
