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
	if (x->tgt != y->tgt)
		return x->tgt < y->tgt ? -1 : 1;
	return (x->quad > y->quad) - (x->quad < y->quad);
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

/*
 * Counting the pairs of a filtered graph here rather than with SQL's GROUP
 * BY: the events of a month are nearly as many groups as rows, and
 * SQLite's sorter then cost twice the scan of the index that finds them.
 * An open-addressing table of (src, tgt, quad), grown at half full; the
 * pairs come out in no order (what is made of them is sorted on every
 * field). The nodes' weights are counted in one too, as (id, 0, 0).
 */
struct pair_table {
	struct pair *slots; /* heap; n == 0: empty slot */
	size_t cap, used;
};

static size_t pair_slot(const struct pair_table *t, int64_t src, int64_t tgt, int quad)
{
	uint64_t h = (uint64_t)src * 0x9E3779B97F4A7C15u ^ (uint64_t)tgt * 0xC2B2AE3D27D4EB4Fu ^
	             (uint64_t)quad * 0x165667B19E3779F9u;
	size_t i = (size_t)(h ^ (h >> 29)) & (t->cap - 1);
	while (t->slots[i].n &&
	       !(t->slots[i].src == src && t->slots[i].tgt == tgt && t->slots[i].quad == quad))
		i = (i + 1) & (t->cap - 1);
	return i;
}

static int pair_table_grow(struct pair_table *t)
{
	struct pair_table bigger = {dyad__calloc(t->cap ? 2 * t->cap : 1024, sizeof *t->slots),
	                            t->cap ? 2 * t->cap : 1024, t->used};
	if (!bigger.slots)
		return 0;
	for (size_t i = 0; i < t->cap; i++)
		if (t->slots[i].n)
			bigger.slots[pair_slot(&bigger, t->slots[i].src, t->slots[i].tgt,
			                       t->slots[i].quad)] = t->slots[i];
	dyad__free(t->slots);
	*t = bigger;
	return 1;
}

/* Add n to the count of (src, tgt, quad); 0 when out of memory. */
static int pair_add(struct pair_table *t, int64_t src, int64_t tgt, int quad, int64_t n)
{
	if (2 * (t->used + 1) > t->cap && !pair_table_grow(t))
		return 0;
	struct pair *p = &t->slots[pair_slot(t, src, tgt, quad)];
	if (!p->n) {
		*p = (struct pair){src, tgt, quad, 0};
		t->used++;
	}
	p->n += n;
	return 1;
}

/* Step s (src, tgt, quad rows, one per event) and count them into the
 * pairs array of the result. */
static dyad_status count_pairs(struct dyad_store *store, dyad__stmt *s,
                               struct dyad__result_private *priv,
                               struct pair **pairs, size_t *n)
{
	struct pair_table t = {NULL, 0, 0};
	dyad_status st = DYAD_OK;
	int rc;
	while ((rc = dyad__step(s)) == DYAD__STEP_ROW)
		if (!pair_add(&t, dyad__column_int64(s, 0), dyad__column_int64(s, 1),
		              dyad__column_int(s, 2), 1)) {
			st = DYAD_ENOMEM;
			break;
		}
	if (st == DYAD_OK && rc != DYAD__STEP_DONE)
		st = dyad__store_fail(store, "cannot read the graph");
	if (st == DYAD_OK && !(*pairs = dyad_arena_calloc(&priv->arena, t.used + 1, sizeof **pairs)))
		st = DYAD_ENOMEM;
	if (st == DYAD_ENOMEM)
		dyad__store_error(store, st, "%s", dyad_strerror(st));
	for (size_t i = 0; st == DYAD_OK && i < t.cap; i++)
		if (t.slots[i].n)
			(*pairs)[(*n)++] = t.slots[i];
	dyad__free(t.slots);
	return st;
}

/* The heaviest max nodes of the pairs, sorted by id into *top. */
static dyad_status pick_nodes(struct dyad_store *store, struct dyad__result_private *priv,
                              const struct pair *pairs, size_t n, size_t max,
                              struct weight **top, size_t *n_top)
{
	struct pair_table nodes = {NULL, 0, 0};
	int ok = 1;
	for (size_t i = 0; i < n && ok; i++)
		ok = pair_add(&nodes, pairs[i].src, 0, 0, pairs[i].n) &&
		     pair_add(&nodes, pairs[i].tgt, 0, 0, pairs[i].n);
	struct weight *w = ok ? dyad_arena_calloc(&priv->arena, nodes.used + 1, sizeof *w) : NULL;
	size_t k = 0;
	for (size_t i = 0; w && i < nodes.cap; i++)
		if (nodes.slots[i].n)
			w[k++] = (struct weight){nodes.slots[i].src, nodes.slots[i].n};
	dyad__free(nodes.slots);
	if (!w)
		return dyad__store_error(store, DYAD_ENOMEM, "%s", dyad_strerror(DYAD_ENOMEM));
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
	                "SELECT e.src_node, e.tgt_node, e.quad%s WHERE e.src_node"
	                " IS NOT NULL AND e.tgt_node IS NOT NULL AND e.src_node <> e.tgt_node",
	                dyad__event_from(f));
	dyad_status st = dyad__event_where(store, f, q);
	if (st == DYAD_OK)
		st = dyad__event_query_prepare(store, q, f->match, &s);
	if (st == DYAD_OK)
		st = count_pairs(store, s, g->priv, pairs, n);
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
