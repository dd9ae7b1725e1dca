/*
 * listen.h - the address 'dyad serve' listens on, from "HOST:PORT".
 */
#ifndef DYAD_SERVE_LISTEN_H
#define DYAD_SERVE_LISTEN_H

#include <sys/socket.h>

#include "dyad.h"

struct dyad__listen {
	struct sockaddr_storage addr;
	socklen_t len;
	int ipv6;
	char host[64]; /* as written, without brackets */
	unsigned port;
	int loopback;  /* 127.0.0.0/8 or ::1 */
};

/* "127.0.0.1:8080", "[::1]:0", "0.0.0.0:80" (numeric hosts only).
 * DYAD_EINVAL with errmsg when it is not one. */
dyad_status dyad__listen_parse(const char *s, struct dyad__listen *out, char *errmsg);

#endif
