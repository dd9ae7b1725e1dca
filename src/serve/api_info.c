/*
 * api_info.c - the endpoints that describe: GET /api/stats (what the
 * database holds), GET /api/codes (the CAMEO ontology the engine loaded)
 * and GET /healthz (the server answers and its database can be read).
 */
#include <string.h>

#include "serve/handlers.h"
#include "serve/json.h"

/* Labels per list of /api/stats. */
#define DYAD_SERVE_STATS_TOP 20

static void write_counts(struct dyad_buf *b, const char *key,
                         const struct dyad_store_counts *c, int *first)
{
	dyad__json_key(b, key, first);
	dyad_buf_putc(b, '[');
	for (size_t i = 0; i < c->n; i++) {
		int f = 1;
		dyad_buf_puts(b, i ? ",{" : "{");
		dyad__json_kstr(b, "key", c->items[i].key, &f);
		dyad__json_kint(b, "n", c->items[i].n, &f);
		dyad_buf_putc(b, '}');
	}
	dyad_buf_putc(b, ']');
}

void dyad__api_stats(const struct dyad__api *api, dyad_store *store,
                     struct dyad__request *req, const char *rest,
                     struct dyad__response *resp)
{
	struct dyad_store_stats *s;
	struct dyad_nodes *nodes;
	struct dyad_node_filter one = {NULL, NULL, NULL, 1, 0};
	(void)api;
	(void)rest;
	if (dyad__api_unknown(req, resp))
		return;
	dyad_status st = dyad_store_stats(store, DYAD_SERVE_STATS_TOP, &s);
	if (st != DYAD_OK) {
		dyad__api_store_error(store, st, resp);
		return;
	}
	if ((st = dyad_store_nodes(store, &one, &nodes)) != DYAD_OK) {
		dyad_store_stats_free(s);
		dyad__api_store_error(store, st, resp);
		return;
	}
	dyad__api_json(resp);
	struct dyad_buf *b = &resp->body;
	int first = 1;
	dyad_buf_putc(b, '{');
	dyad__json_kint(b, "documents", s->n_documents, &first);
	dyad__json_kint(b, "failed", s->n_failed, &first);
	dyad__json_kint(b, "entities", s->n_entities, &first);
	dyad__json_kint(b, "nodes", nodes->total, &first);
	dyad__json_kint(b, "mentions", s->n_mentions, &first);
	dyad__json_kint(b, "events", s->n_events, &first);
	dyad__json_kint(b, "quotes", s->n_quotes, &first);
	dyad__json_kint(b, "amounts", s->n_amounts, &first);
	write_counts(b, "by_lang", &s->by_lang, &first);
	write_counts(b, "by_source", &s->by_source, &first);
	write_counts(b, "by_kind", &s->by_kind, &first);
	write_counts(b, "by_root", &s->by_root, &first);
	write_counts(b, "top_dyads", &s->top_dyads, &first);
	dyad_buf_puts(b, "}\n");
	dyad_store_nodes_free(nodes);
	dyad_store_stats_free(s);
}

void dyad__api_codes(const struct dyad__api *api, dyad_store *store,
                     struct dyad__request *req, const char *rest,
                     struct dyad__response *resp)
{
	size_t n;
	(void)store;
	(void)rest;
	const char *prefix = dyad__request_param(req, "prefix");
	if (dyad__api_unknown(req, resp))
		return;
	const struct dyad_cameo_code *codes = dyad_cameo_codes(api->engine, &n);
	dyad__api_json(resp);
	struct dyad_buf *b = &resp->body;
	size_t np = prefix ? strlen(prefix) : 0, k = 0;
	dyad_buf_puts(b, "{\"codes\":[");
	for (size_t i = 0; i < n; i++) {
		if (np && strncmp(codes[i].code, prefix, np) != 0)
			continue;
		int f = 1;
		dyad_buf_puts(b, k++ ? ",{" : "{");
		dyad__json_kstr(b, "code", codes[i].code, &f);
		dyad__json_kstr(b, "name", codes[i].name, &f);
		dyad__json_knum(b, "goldstein", codes[i].goldstein, &f);
		dyad__json_kint(b, "quad", codes[i].quad, &f);
		dyad__json_kstr(b, "plover", codes[i].plover, &f);
		dyad_buf_putc(b, '}');
	}
	dyad_buf_puts(b, "]}\n");
}

void dyad__api_health(const struct dyad__api *api, dyad_store *store,
                      struct dyad__request *req, const char *rest,
                      struct dyad__response *resp)
{
	struct dyad_nodes *nodes;
	struct dyad_node_filter one = {NULL, NULL, NULL, 1, 0};
	(void)api;
	(void)rest;
	if (dyad__api_unknown(req, resp))
		return;
	/* The cheapest query that reads the database through the store. */
	dyad_status st = dyad_store_nodes(store, &one, &nodes);
	if (st != DYAD_OK) {
		dyad__api_error(resp, 503, "the database cannot be read: %s",
		                dyad_store_errmsg(store));
		return;
	}
	dyad_store_nodes_free(nodes);
	dyad__api_json(resp);
	dyad_buf_puts(&resp->body, "{\"status\":\"ok\",\"version\":\"" DYAD_VERSION "\"}\n");
}
