/*
 * listen.c - parsing the listen address (see listen.h). Numeric hosts
 * only: a name would need a resolver, and whether a name is loopback is
 * not something to guess.
 */
#include "serve/listen.h"

#include <arpa/inet.h>
#include <errno.h>
#include <netinet/in.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "serve/serve.h"

/* The largest TCP port. */
#define DYAD_PORT_MAX 65535

static dyad_status bad(char *errmsg, const char *s, const char *why)
{
	snprintf(errmsg, DYAD_ERRMSG_MAX, "listen address \"%s\": %s", s, why);
	return DYAD_EINVAL;
}

static int parse_port(const char *s, unsigned *port)
{
	char *end;
	if (*s < '0' || *s > '9')
		return 0;
	errno = 0;
	unsigned long v = strtoul(s, &end, 10);
	if (errno || *end || v > DYAD_PORT_MAX)
		return 0;
	*port = (unsigned)v;
	return 1;
}

dyad_status dyad__listen_parse(const char *s, struct dyad__listen *out, char *errmsg)
{
	memset(out, 0, sizeof *out);
	const char *colon = strrchr(s, ':');
	if (!colon || !parse_port(colon + 1, &out->port))
		return bad(errmsg, s, "expected HOST:PORT (127.0.0.1:8080, [::1]:8080)");
	size_t n = (size_t)(colon - s);
	if (n >= 2 && s[0] == '[' && s[n - 1] == ']') {
		s++;
		n -= 2;
		out->ipv6 = 1;
	}
	if (n == 0 || n >= sizeof out->host)
		return bad(errmsg, s, "expected a numeric host before the port");
	memcpy(out->host, s, n);
	out->host[n] = '\0';
	if (out->ipv6) {
		struct sockaddr_in6 *a = (struct sockaddr_in6 *)&out->addr;
		a->sin6_family = AF_INET6;
		a->sin6_port = htons((uint16_t)out->port);
		if (inet_pton(AF_INET6, out->host, &a->sin6_addr) != 1)
			return bad(errmsg, out->host, "not an IPv6 address");
		out->loopback = IN6_IS_ADDR_LOOPBACK(&a->sin6_addr);
		out->len = sizeof *a;
	} else {
		struct sockaddr_in *a = (struct sockaddr_in *)&out->addr;
		a->sin_family = AF_INET;
		a->sin_port = htons((uint16_t)out->port);
		if (inet_pton(AF_INET, out->host, &a->sin_addr) != 1)
			return bad(errmsg, out->host, "not an IPv4 address (names are not taken)");
		out->loopback = (ntohl(a->sin_addr.s_addr) >> 24) == 127;
		out->len = sizeof *a;
	}
	return DYAD_OK;
}

int dyad_serve_is_loopback(const char *listen)
{
	struct dyad__listen l;
	char err[DYAD_ERRMSG_MAX];
	return dyad__listen_parse(listen, &l, err) == DYAD_OK && l.loopback;
}
