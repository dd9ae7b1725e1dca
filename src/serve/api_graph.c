/*
 * api_graph.c - the endpoints over the knowledge graph: GET /api/entities
 * (nodes, filtered and paged), GET /api/entities/ID (one node with its
 * variants, event edges and relations) and GET /api/graph (the nodes and
 * weighted edges of an event filter).
 */
#include <string.h>

#include "serve/handlers.h"
#include "serve/json.h"

/* Edges of /api/graph: default and most. */
#define DYAD_SERVE_GRAPH_EDGES 200
#define DYAD_SERVE_GRAPH_EDGES_MAX 20000
/* Entities listed per page at most. */
#define DYAD_SERVE_ENTITIES_MAX 1000

static void write_node(struct dyad_buf *b, const struct dyad_node *n)
{
	int first = 1;
	dyad_buf_putc(b, '{');
	dyad__json_kint(b, "id", n->id, &first);
	dyad__json_kstr(b, "kind", n->kind, &first);
	dyad__json_kstr(b, "name", n->name, &first);
	dyad__json_kstr(b, "country", n->country, &first);
	dyad__json_kstr(b, "actor", n->actor, &first);
	dyad__json_kint(b, "docs", n->n_docs, &first);
	dyad__json_kint(b, "mentions", n->n_mentions, &first);
	dyad__json_kint(b, "events", n->n_events, &first);
	dyad__json_kstr(b, "first_day", n->first_day, &first);
	dyad__json_kstr(b, "last_day", n->last_day, &first);
	dyad_buf_putc(b, '}');
}

void dyad__api_entities(const struct dyad__api *api, dyad_store *store,
                        struct dyad__request *req, const char *rest,
                        struct dyad__response *resp)
{
	struct dyad_node_filter f;
	struct dyad_nodes *nodes;
	(void)api;
	(void)rest;
	memset(&f, 0, sizeof f);
	f.kind = dyad__request_param(req, "kind");
	f.country = dyad__request_param(req, "country");
	f.name = dyad__request_param(req, "q");
	if (!dyad__api_count(req, "limit", DYAD_NODES_LIMIT, 1, DYAD_SERVE_ENTITIES_MAX,
	                     &f.limit, resp) ||
	    !dyad__api_count(req, "offset", 0, 0, (size_t)1 << 40, &f.offset, resp) ||
	    dyad__api_unknown(req, resp))
		return;
	dyad_status st = dyad_store_nodes(store, &f, &nodes);
	if (st != DYAD_OK) {
		dyad__api_store_error(store, st, resp);
		return;
	}
	dyad__api_json(resp);
	struct dyad_buf *b = &resp->body;
	int first = 1;
	dyad_buf_putc(b, '{');
	dyad__json_kint(b, "total", nodes->total, &first);
	dyad__json_key(b, "entities", &first);
	dyad_buf_putc(b, '[');
	for (size_t i = 0; i < nodes->n; i++) {
		if (i)
			dyad_buf_putc(b, ',');
		write_node(b, &nodes->items[i]);
	}
	dyad_buf_puts(b, "]}\n");
	dyad_store_nodes_free(nodes);
}

static void write_links(struct dyad_buf *b, const char *key,
                        const struct dyad_node_link *links, size_t n, int *first)
{
	dyad__json_key(b, key, first);
	dyad_buf_putc(b, '[');
	for (size_t i = 0; i < n; i++) {
		const struct dyad_node_link *l = &links[i];
		int f = 1;
		dyad_buf_puts(b, i ? ",{" : "{");
		dyad__json_kstr(b, "direction", l->outgoing ? "out" : "in", &f);
		dyad__json_kstr(b, l->quad ? "root" : "relation", l->what, &f);
		if (l->quad)
			dyad__json_kint(b, "quad", l->quad, &f);
		else
			dyad__json_kstr(b, "label", l->label, &f);
		dyad__json_kint(b, "n", l->n, &f);
		dyad__json_kstr(b, "first_day", l->first_day, &f);
		dyad__json_kstr(b, "last_day", l->last_day, &f);
		dyad__json_key(b, "other", &f);
		write_node(b, &l->other);
		dyad_buf_putc(b, '}');
	}
	dyad_buf_putc(b, ']');
}

void dyad__api_entity(const struct dyad__api *api, dyad_store *store,
                      struct dyad__request *req, const char *rest,
                      struct dyad__response *resp)
{
	struct dyad_node_detail *d;
	(void)api;
	if (dyad__api_unknown(req, resp))
		return;
	dyad_status st = dyad_store_node(store, rest, &d);
	if (st != DYAD_OK) {
		dyad__api_store_error(store, st, resp);
		return;
	}
	dyad__api_json(resp);
	struct dyad_buf *b = &resp->body;
	int first = 1;
	dyad_buf_putc(b, '{');
	dyad__json_key(b, "entity", &first);
	write_node(b, &d->node);
	dyad__json_key(b, "variants", &first);
	dyad_buf_putc(b, '[');
	for (size_t i = 0; i < d->n_variants; i++) {
		int f = 1;
		dyad_buf_puts(b, i ? ",{" : "{");
		dyad__json_kstr(b, "text", d->variants[i].text, &f);
		dyad__json_kint(b, "n", d->variants[i].n, &f);
		dyad_buf_putc(b, '}');
	}
	dyad_buf_putc(b, ']');
	write_links(b, "edges", d->edges, d->n_edges, &first);
	write_links(b, "relations", d->relations, d->n_relations, &first);
	dyad_buf_puts(b, "}\n");
	dyad_store_node_free(d);
}

static void write_graph(struct dyad_buf *b, const struct dyad_graph *g, size_t max_edges)
{
	int first = 1;
	dyad_buf_putc(b, '{');
	dyad__json_kint(b, "events", g->n_events, &first);
	dyad__json_key(b, "nodes", &first);
	dyad_buf_putc(b, '[');
	for (size_t i = 0; i < g->n_nodes; i++) {
		if (i)
			dyad_buf_putc(b, ',');
		write_node(b, &g->nodes[i]);
	}
	dyad_buf_putc(b, ']');
	dyad__json_key(b, "edges", &first);
	dyad_buf_putc(b, '[');
	/* The strongest edges first: the cut keeps the ones that matter. */
	for (size_t i = 0; i < g->n_edges && i < max_edges; i++) {
		const struct dyad_graph_edge *e = &g->edges[i];
		dyad_buf_printf(b, "%s{\"source\":%lld,\"target\":%lld,\"quad\":%d,\"n\":%lld}",
		                i ? "," : "", (long long)e->src, (long long)e->tgt, e->quad,
		                (long long)e->n);
	}
	dyad_buf_puts(b, "]}\n");
}

void dyad__api_graph(const struct dyad__api *api, dyad_store *store,
                     struct dyad__request *req, const char *rest,
                     struct dyad__response *resp)
{
	struct dyad_event_filter f;
	struct dyad_graph *g;
	size_t max, max_edges;
	(void)api;
	(void)rest;
	dyad__api_event_filter(req, &f);
	if (!dyad__api_count(req, "nodes", DYAD_GRAPH_NODES, 1, DYAD_SERVE_GRAPH_MAX, &max,
	                     resp) ||
	    !dyad__api_count(req, "edges", DYAD_SERVE_GRAPH_EDGES, 1,
	                     DYAD_SERVE_GRAPH_EDGES_MAX, &max_edges, resp) ||
	    dyad__api_unknown(req, resp))
		return;
	dyad_status st = dyad_store_graph(store, &f, max, &g);
	if (st != DYAD_OK) {
		dyad__api_store_error(store, st, resp);
		return;
	}
	dyad__api_json(resp);
	write_graph(&resp->body, g, max_edges);
	dyad_store_graph_free(g);
}
