/*
 * graph.c - dyad_store_graph(): who deals with whom, as nodes and weighted
 * edges, for the server's /api/graph and the page's dyad graph.
 *
 * With no filter the answer comes from what ingest keeps (the edges table
 * and each node's event count, store/sqlite_graph.c), so it costs the same over a
 * thousand documents or a million. With a filter the events that pass it
 * (query/filter.h, the same rows 'dyad events' lists) are counted per pair
 * of nodes and QuadClass in one grouped query, and the heaviest nodes are
 * picked here.
 */
#include <stdlib.h>
#include <string.h>

#include "core/alloc.h"
#include "query/filter.h"
#include "query/result.h"

/* One grouped row: events from src to tgt of one QuadClass. */
struct pair {
	int64_t src, tgt;
	int quad;
	int64_t n;
};

/* A node and its weight (events it is an end of). */
struct weight {
	int64_t id, n;
};

static int filter_empty(const struct dyad_event_filter *f)
{
	const char *fields[] = {f->actor, f->country, f->dyad,  f->code,
	                        f->since, f->until,   f->source, f->lang, f->match};
	for (size_t i = 0; i < sizeof fields / sizeof fields[0]; i++)
		if (fields[i] && fields[i][0])
			return 0;
	return f->min_confidence <= 0;
}

static int by_id(const void *a, const void *b)
{
	const struct weight *x = a, *y = b;
	return (x->id > y->id) - (x->id < y->id);
}

static int by_weight(const void *a, const void *b)
{
	const struct weight *x = a, *y = b;
	if (x->n != y->n)
		return x->n < y->n ? 1 : -1;
	return (x->id > y->id) - (x->id < y->id);
}

static int by_node_weight(const void *a, const void *b)
{
	const struct dyad_node *x = a, *y = b;
	if (x->n_events != y->n_events)
		return x->n_events < y->n_events ? 1 : -1;
	return (x->id > y->id) - (x->id < y->id);
}

static int by_events(const void *a, const void *b)
{
	const struct dyad_graph_edge *x = a, *y = b;
	if (x->n != y->n)
		return x->n < y->n ? 1 : -1;
	if (x->src != y->src)
		return x->src < y->src ? -1 : 1;
	return (x->tgt > y->tgt) - (x->tgt < y->tgt);
}

/* Step s (src, tgt, quad, n rows) into the pairs array of the result. */
static dyad_status read_pairs(struct dyad_store *store, dyad__stmt *s,
                              struct dyad__result_private *priv,
                              struct pair **pairs, size_t *n)
{
	size_t cap = 0;
	int rc;
	while ((rc = dyad__step(s)) == DYAD__STEP_ROW) {
		if (!dyad__result_reserve(priv, (void **)pairs, *n, &cap, sizeof **pairs))
			return dyad__store_error(store, DYAD_ENOMEM, "%s",
			                         dyad_strerror(DYAD_ENOMEM));
		struct pair *p = &(*pairs)[(*n)++];
		p->src = dyad__column_int64(s, 0);
		p->tgt = dyad__column_int64(s, 1);
		p->quad = dyad__column_int(s, 2);
		p->n = dyad__column_int64(s, 3);
	}
	return rc == DYAD__STEP_DONE ? DYAD_OK : dyad__store_fail(store, "cannot read the graph");
}

/* The heaviest max nodes of the pairs, sorted by id into *top. */
static dyad_status pick_nodes(struct dyad_store *store, struct dyad__result_private *priv,
                              const struct pair *pairs, size_t n, size_t max,
                              struct weight **top, size_t *n_top)
{
	struct weight *w = dyad_arena_calloc(&priv->arena, 2 * n + 1, sizeof *w);
	if (!w)
		return dyad__store_error(store, DYAD_ENOMEM, "%s", dyad_strerror(DYAD_ENOMEM));
	for (size_t i = 0; i < n; i++) {
		w[2 * i] = (struct weight){pairs[i].src, pairs[i].n};
		w[2 * i + 1] = (struct weight){pairs[i].tgt, pairs[i].n};
	}
	qsort(w, 2 * n, sizeof *w, by_id);
	size_t k = 0;
	for (size_t i = 0; i < 2 * n; i++) {
		if (k && w[k - 1].id == w[i].id)
			w[k - 1].n += w[i].n;
		else
			w[k++] = w[i];
	}
	qsort(w, k, sizeof *w, by_weight);
	*n_top = k < max ? k : max;
	qsort(w, *n_top, sizeof *w, by_id);
	*top = w;
	return DYAD_OK;
}

static const struct weight *find(const struct weight *top, size_t n, int64_t id)
{
	struct weight key = {id, 0};
	return bsearch(&key, top, n, sizeof *top, by_id);
}

/* The nodes of top (weights become their n_events) and the pairs between them. */
static dyad_status fill(struct dyad_store *store, struct dyad_graph *g,
                        const struct pair *pairs, size_t n,
                        const struct weight *top, size_t n_top)
{
	dyad__stmt *s;
	int oom = 0;
	g->nodes = dyad_arena_calloc(&g->priv->arena, n_top + 1, sizeof *g->nodes);
	g->edges = dyad_arena_calloc(&g->priv->arena, n + 1, sizeof *g->edges);
	if (!g->nodes || !g->edges)
		return dyad__store_error(store, DYAD_ENOMEM, "%s", dyad_strerror(DYAD_ENOMEM));
	if (dyad__stmt_prepare(store, "SELECT " DYAD_NODE_COLUMNS " FROM nodes n WHERE n.id = ?1", &s) != DYAD_OK)
		return dyad__store_fail(store, "cannot read the graph's nodes");
	for (size_t i = 0; i < n_top && !oom; i++) {
		dyad__bind_int64(s, 1, top[i].id);
		if (dyad__step(s) == DYAD__STEP_ROW) {
			struct dyad_node *node = &g->nodes[g->n_nodes++];
			dyad__result_node(g->priv, s, 0, node, &oom);
			node->n_events = top[i].n;
		}
		dyad__stmt_reset(s);
	}
	dyad__stmt_put(s);
	if (oom)
		return dyad__store_error(store, DYAD_ENOMEM, "%s", dyad_strerror(DYAD_ENOMEM));
	for (size_t i = 0; i < n; i++) {
		if (!find(top, n_top, pairs[i].src) || !find(top, n_top, pairs[i].tgt))
			continue;
		g->n_events += pairs[i].n;
		g->edges[g->n_edges++] = (struct dyad_graph_edge){
			pairs[i].src, pairs[i].tgt, pairs[i].quad, pairs[i].n};
	}
	qsort(g->edges, g->n_edges, sizeof *g->edges, by_events);
	return DYAD_OK;
}

/* Pairs counted from the events that pass f. */
static dyad_status filtered_pairs(struct dyad_store *store,
                                  const struct dyad_event_filter *f,
                                  struct dyad_graph *g, struct pair **pairs, size_t *n)
{
	struct dyad__event_query *q = dyad__calloc(1, sizeof *q);
	dyad__stmt *s = NULL;
	if (!q)
		return dyad__store_error(store, DYAD_ENOMEM, "%s", dyad_strerror(DYAD_ENOMEM));
	dyad_buf_init(&q->sql, 0);
	dyad_buf_printf(&q->sql,
	                "SELECT e.src_node, e.tgt_node, e.quad, count(*)%s WHERE e.src_node"
	                " IS NOT NULL AND e.tgt_node IS NOT NULL AND e.src_node <> e.tgt_node",
	                dyad__event_from(f));
	dyad_status st = dyad__event_where(store, f, q);
	dyad_buf_puts(&q->sql, " GROUP BY 1, 2, 3");
	if (st == DYAD_OK)
		st = dyad__event_query_prepare(store, q, f->match, &s);
	if (st == DYAD_OK)
		st = read_pairs(store, s, g->priv, pairs, n);
	dyad__stmt_put(s);
	dyad_buf_release(&q->sql);
	dyad__free(q);
	return st;
}

/* Pairs from the stored edges, among the max nodes with most events. */
static dyad_status stored_pairs(struct dyad_store *store, size_t max,
                                struct dyad_graph *g, struct pair **pairs, size_t *n)
{
	dyad__stmt *s;
	if (dyad__stmt_prepare(store, "WITH top AS (SELECT id FROM nodes WHERE n_events > 0"
	                       " ORDER BY n_events DESC, id LIMIT ?1)"
	                       " SELECT g.src, g.tgt, g.quad, sum(g.n_events) FROM edges g"
	                       " WHERE g.src IN (SELECT id FROM top) AND g.tgt IN (SELECT id FROM top)"
	                       " GROUP BY 1, 2, 3", &s) != DYAD_OK)
		return dyad__store_fail(store, "cannot read the graph");
	dyad__bind_int64(s, 1, (int64_t)max);
	dyad_status st = read_pairs(store, s, g->priv, pairs, n);
	dyad__stmt_put(s);
	return st;
}

dyad_status dyad_store_graph(dyad_store *store, const struct dyad_event_filter *filter,
                             size_t max_nodes, struct dyad_graph **out)
{
	static const struct dyad_event_filter all;
	struct dyad__result_private *priv;
	struct pair *pairs = NULL;
	struct weight *top = NULL;
	size_t n = 0, n_top = 0;
	*out = NULL;
	store->errmsg[0] = '\0';
	if (!filter)
		filter = &all;
	if (!max_nodes)
		max_nodes = DYAD_GRAPH_NODES;
	struct dyad_graph *g = dyad__result_new(sizeof *g, &priv);
	if (!g)
		return dyad__store_error(store, DYAD_ENOMEM, "%s", dyad_strerror(DYAD_ENOMEM));
	g->priv = priv;
	dyad_status st = dyad_store_commit(store);
	if (st == DYAD_OK)
		st = filter_empty(filter) ? stored_pairs(store, max_nodes, g, &pairs, &n)
		                          : filtered_pairs(store, filter, g, &pairs, &n);
	if (st == DYAD_OK)
		st = pick_nodes(store, priv, pairs, n, max_nodes, &top, &n_top);
	if (st == DYAD_OK)
		st = fill(store, g, pairs, n, top, n_top);
	if (st != DYAD_OK) {
		dyad_store_graph_free(g);
		return st;
	}
	qsort(g->nodes, g->n_nodes, sizeof *g->nodes, by_node_weight);
	*out = g;
	return DYAD_OK;
}

void dyad_store_graph_free(struct dyad_graph *graph)
{
	if (graph)
		dyad__result_free(graph->priv);
}
