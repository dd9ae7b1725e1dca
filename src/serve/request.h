/*
 * request.h - one HTTP request as the API sees it: method, path, the
 * query's parameters percent-decoded, the body. The server fills it from
 * libmicrohttpd (the raw request target, parsed here, not by the
 * library, so that the fuzz target tests exactly what the server runs);
 * tests/fuzz/fuzz_http.c fills it from fuzzer bytes.
 */
#ifndef DYAD_SERVE_REQUEST_H
#define DYAD_SERVE_REQUEST_H

#include <stddef.h>

#include "dyad.h"

/* Parameters of one request at most; more is a 400. */
#define DYAD_SERVE_MAX_PARAMS 32
/* The longest request target (path and query) taken. */
#define DYAD_SERVE_MAX_TARGET 8192

struct dyad__param {
	const char *key, *value; /* decoded, NUL-terminated, in the request's target copy */
	int used;                /* taken by the handler (others are unknown: 400) */
};

struct dyad__request {
	const char *method;           /* "GET", "POST", ... */
	/* The decoded copy the pointers use: decoding never lengthens, but a
	 * parameter without '=' gains the NUL of its empty value. */
	char target[DYAD_SERVE_MAX_TARGET + 2 * DYAD_SERVE_MAX_PARAMS + 2];
	const char *path;             /* decoded, starts with '/' */
	struct dyad__param params[DYAD_SERVE_MAX_PARAMS];
	size_t n_params;
	const char *body;             /* POST body, body_len bytes (not NUL-terminated) */
	size_t body_len;
	const char *content_type;     /* or NULL */
};

/*
 * Split the raw request target ("/api/events?dyad=AZE%3ARUS&limit=5") into
 * req's path and parameters, percent-decoding both ('+' is a space in the
 * query). DYAD_ETOOBIG for a target over DYAD_SERVE_MAX_TARGET bytes or
 * over DYAD_SERVE_MAX_PARAMS parameters, DYAD_EINVAL for a bad escape, a
 * NUL byte, bytes that are not UTF-8 or a path not starting with '/';
 * errmsg (DYAD_ERRMSG_MAX) says which.
 */
dyad_status dyad__request_parse_target(struct dyad__request *req, const char *raw,
                                       char *errmsg);

/* The value of parameter key, marked used; NULL when absent. */
const char *dyad__request_param(struct dyad__request *req, const char *key);

#endif
