/*
 * serve.h - 'dyad serve': the HTTP server over a dyad database, the top
 * of the library (only the CLI sits above it). It serves the JSON API of
 * api.h and the page of web/ with libmicrohttpd, read-only on the
 * database; docs/api.md describes what it answers.
 */
#ifndef DYAD_SERVE_SERVE_H
#define DYAD_SERVE_SERVE_H

#include <stdio.h>

#include "dyad.h"

#define DYAD_SERVE_DEFAULT_LISTEN "127.0.0.1:8080"
/* Worker threads unless told; each holds its own database handle. */
#define DYAD_SERVE_THREADS 4
#define DYAD_SERVE_MAX_THREADS 64
/* MiB of answers kept unless told. */
#define DYAD_SERVE_CACHE_MB 64

struct dyad_serve_config {
	const char *db_path;
	const char *listen;   /* "HOST:PORT" (port 0: any free one), IPv6 as "[::1]:PORT" */
	const char *data_dir; /* the engine's knowledge; NULL: the default */
	const char *web_dir;  /* the page's files; NULL: no page */
	unsigned threads;     /* 0: DYAD_SERVE_THREADS */
	unsigned query_ms;    /* time limit of one query (0: the default) */
	size_t cache_mb;      /* answers kept, in MiB (0: none) */
	FILE *log;            /* access log, one line per request; NULL: none */
	FILE *info;           /* where "listening on URL" goes (stdout) */
};

/*
 * Open the database read-only (a handle per thread) and the engine, listen,
 * and answer requests until SIGINT or SIGTERM, then stop taking new
 * connections, let the running requests finish and return. DYAD_OK after
 * such a stop; DYAD_ENOENT (no database), DYAD_EDB (it cannot be read),
 * DYAD_EINVAL (a bad listen address, or one that cannot be bound),
 * DYAD_EDATA (the knowledge files), DYAD_ENOMEM, with errmsg
 * (DYAD_ERRMSG_MAX) saying why.
 */
dyad_status dyad_serve_run(const struct dyad_serve_config *cfg, char *errmsg);

/* 1 when the listen address is on this machine only (127/8, ::1). */
int dyad_serve_is_loopback(const char *listen);

#endif
