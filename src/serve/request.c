/*
 * request.c - the request target parsed into path and parameters (see
 * request.h). Everything is decoded into one fixed buffer inside the
 * request, so a request costs no allocation and has a hard size.
 */
#include "serve/request.h"

#include <stdio.h>
#include <string.h>

#include "core/utf8.h"

static int hex_value(char c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	if (c >= 'a' && c <= 'f')
		return c - 'a' + 10;
	if (c >= 'A' && c <= 'F')
		return c - 'A' + 10;
	return -1;
}

/*
 * Decode raw[0..n) into out (room for n + 1); plus_space for the query.
 * The length written, or -1 for a bad escape or a NUL byte.
 */
static long decode(const char *raw, size_t n, char *out, int plus_space)
{
	size_t o = 0;
	for (size_t i = 0; i < n; i++) {
		char c = raw[i];
		if (c == '%') {
			if (n - i < 3)
				return -1;
			int hi = hex_value(raw[i + 1]), lo = hex_value(raw[i + 2]);
			if (hi < 0 || lo < 0)
				return -1;
			c = (char)(hi * 16 + lo);
			i += 2;
		} else if (c == '+' && plus_space) {
			c = ' ';
		}
		if (c == '\0')
			return -1;
		out[o++] = c;
	}
	out[o] = '\0';
	return (long)o;
}

static dyad_status refuse(char *errmsg, dyad_status st, const char *what)
{
	snprintf(errmsg, DYAD_ERRMSG_MAX, "%s", what);
	return st;
}

/* One "key=value" (or "key") of the query, decoded into *out. */
static dyad_status add_param(struct dyad__request *req, const char *raw, size_t n,
                             char **out, char *errmsg)
{
	if (n == 0)
		return DYAD_OK; /* "a=1&&b=2" */
	if (req->n_params == DYAD_SERVE_MAX_PARAMS)
		return refuse(errmsg, DYAD_ETOOBIG, "too many query parameters");
	const char *eq = memchr(raw, '=', n);
	size_t nk = eq ? (size_t)(eq - raw) : n;
	struct dyad__param *p = &req->params[req->n_params++];
	long len = decode(raw, nk, *out, 1);
	if (len < 0)
		return refuse(errmsg, DYAD_EINVAL, "bad percent-escape in the query");
	p->key = *out;
	*out += len + 1;
	len = eq ? decode(eq + 1, n - nk - 1, *out, 1) : decode("", 0, *out, 1);
	if (len < 0)
		return refuse(errmsg, DYAD_EINVAL, "bad percent-escape in the query");
	p->value = *out;
	*out += len + 1;
	p->used = 0;
	if (!dyad_utf8_valid(p->key, strlen(p->key)) ||
	    !dyad_utf8_valid(p->value, strlen(p->value)))
		return refuse(errmsg, DYAD_EINVAL, "the query is not UTF-8");
	return DYAD_OK;
}

dyad_status dyad__request_parse_target(struct dyad__request *req, const char *raw,
                                       char *errmsg)
{
	size_t n = strlen(raw);
	req->n_params = 0;
	req->path = NULL;
	if (n > DYAD_SERVE_MAX_TARGET)
		return refuse(errmsg, DYAD_ETOOBIG, "request target too long");
	if (raw[0] != '/')
		return refuse(errmsg, DYAD_EINVAL, "the request target is not a path");
	const char *q = memchr(raw, '?', n);
	size_t np = q ? (size_t)(q - raw) : n;
	/* Decoding never lengthens: path and parameters fit in n + the NULs. */
	char *out = req->target;
	long len = decode(raw, np, out, 0);
	if (len < 0 || !dyad_utf8_valid(out, (size_t)len))
		return refuse(errmsg, DYAD_EINVAL, "bad percent-escape or non-UTF-8 path");
	req->path = out;
	out += len + 1;
	while (q && (size_t)(q - raw) < n) {
		const char *start = q + 1, *amp = memchr(start, '&', (size_t)(raw + n - start));
		size_t len_p = amp ? (size_t)(amp - start) : (size_t)(raw + n - start);
		dyad_status st = add_param(req, start, len_p, &out, errmsg);
		if (st != DYAD_OK)
			return st;
		q = amp;
	}
	return DYAD_OK;
}

const char *dyad__request_param(struct dyad__request *req, const char *key)
{
	for (size_t i = 0; i < req->n_params; i++)
		if (strcmp(req->params[i].key, key) == 0) {
			req->params[i].used = 1;
			return req->params[i].value;
		}
	return NULL;
}
