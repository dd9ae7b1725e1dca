/*
 * handlers.h - the endpoints of the API (api.c routes to them) and the
 * helpers they share: reading parameters, mapping store failures to HTTP
 * statuses. Each handler reads its parameters with dyad__api_* helpers,
 * then dyad__api_unknown() refuses whatever it did not read, so a typo
 * in a parameter name is a 400, never a silently ignored filter.
 */
#ifndef DYAD_SERVE_HANDLERS_H
#define DYAD_SERVE_HANDLERS_H

#include "serve/api.h"

typedef void dyad__handler(const struct dyad__api *api, dyad_store *store,
                           struct dyad__request *req, const char *rest,
                           struct dyad__response *resp);

/* rest: the path after the endpoint's prefix ("/api/docs/" -> "3f2a..."). */
dyad__handler dyad__api_events, dyad__api_timeline, dyad__api_doc;
dyad__handler dyad__api_entities, dyad__api_entity, dyad__api_graph;
dyad__handler dyad__api_stats, dyad__api_codes, dyad__api_extract, dyad__api_health;
dyad__handler dyad__api_static;

/* The event filter's parameters (actor, country, dyad, code, since, until,
 * source, lang, q) into f; the strings stay the request's. */
void dyad__api_event_filter(struct dyad__request *req, struct dyad_event_filter *f);

/* Parameter key as a count in [min, max], def when absent. 0 with a 400
 * in resp when it is not one. */
int dyad__api_count(struct dyad__request *req, const char *key, size_t def,
                    size_t min, size_t max, size_t *out, struct dyad__response *resp);

/* 1 (with a 400 in resp) when req has a parameter no one read. */
int dyad__api_unknown(struct dyad__request *req, struct dyad__response *resp);

/* The response for a store call that returned st (not DYAD_OK). */
void dyad__api_store_error(dyad_store *store, dyad_status st, struct dyad__response *resp);

/* Start a 200 JSON response. */
void dyad__api_json(struct dyad__response *resp);

/* Append what fn writes to a FILE (a library writer) to b, without its
 * final newline. DYAD_EIO, DYAD_ENOMEM. */
dyad_status dyad__api_capture(struct dyad_buf *b,
                              dyad_status (*fn)(FILE *out, const void *arg),
                              const void *arg);

#endif
