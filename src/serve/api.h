/*
 * api.h - the JSON API of 'dyad serve' (docs/api.md): one request in,
 * one response out, with no HTTP library in sight, so the server and the
 * fuzz target (tests/fuzz/fuzz_http.c) run the same code. Every query goes
 * through the store's calls (include/dyad.h); there is no SQL here.
 */
#ifndef DYAD_SERVE_API_H
#define DYAD_SERVE_API_H

#include <pthread.h>

#include "core/buf.h"
#include "dyad.h"
#include "serve/request.h"

/* Largest POST /api/extract body; larger is a 413. */
#define DYAD_SERVE_MAX_BODY (1u << 20)
/* Events per page of /api/events: default and most. */
#define DYAD_SERVE_EVENTS_PAGE 50
#define DYAD_SERVE_EVENTS_MAX 500
/* Nodes of /api/graph: most. */
#define DYAD_SERVE_GRAPH_MAX 300

struct dyad__response {
	int status;           /* HTTP status */
	const char *type;     /* Content-Type (static) */
	struct dyad_buf body;
	const char *allow;    /* for a 405: the methods allowed, else NULL */
};

/* What every request shares: the engine (POST /api/extract, /api/codes)
 * and the folder of the page's files. */
struct dyad__api {
	const dyad_engine *engine;
	pthread_mutex_t *engine_lock; /* extraction is serialised through it */
	const char *web_dir;          /* NULL: no page */
	const char *tmp_dir;          /* for extract bodies; NULL: $TMPDIR or /tmp */
};

/*
 * Answer req using store (a handle of this thread's own) into resp, whose
 * body the caller has initialised and releases. Never fails: errors are
 * responses (4xx, 5xx with a JSON {"error": ...}).
 */
void dyad__api_handle(const struct dyad__api *api, dyad_store *store,
                      struct dyad__request *req, struct dyad__response *resp);

/* A JSON error response: {"error": message, "status": status}. */
void dyad__api_error(struct dyad__response *resp, int status, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

#endif
