/*
 * export_graph.c - the knowledge graph of the filter's events as GraphML
 * or GEXF 1.2, the files Gephi, NetworkX, igraph and Cytoscape open.
 *
 * Nodes are the graph's nodes (one per referent: docs/schema.md) that
 * the events join, with kind, name, country, actor code and their totals;
 * edges are directed, one per (source, target) pair, with the number of
 * events and their counts per QuadClass and per CAMEO root, so that a
 * weight is there for layouts and the split for filters. The counts come
 * from the events that pass the filter, grouped in the database in pair
 * order, and a pair is written as soon as the next begins: memory does not
 * grow with the graph.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/alloc.h"
#include "query/export.h"
#include "store/store.h"

#define N_QUADS 4
#define N_ROOTS 20
#define DAY_MAX 16

/* Events that join two different nodes: the edges of the graph. */
#define EDGE_WHERE                                                            \
	" WHERE e.src_node IS NOT NULL AND e.tgt_node IS NOT NULL"                \
	" AND e.src_node <> e.tgt_node"

struct pair {
	int64_t src, tgt, n;
	int64_t quad[N_QUADS + 1];
	int64_t root[N_ROOTS + 1];
	char first[DAY_MAX], last[DAY_MAX];
	int open;
};

static const char *const node_attrs[] = {"kind", "country", "actor", "n_docs",
                                         "n_mentions", "n_events", "first_day",
                                         "last_day"};
#define N_NODE_ATTRS 8
#define FIRST_NUMBER 3 /* node_attrs from here to first_day are counts */

/* The SQL of the nodes the filter's events join, or of their edges
 * grouped by pair, QuadClass and root in pair order. */
static dyad_status build(struct dyad_store *store, const struct dyad_event_filter *f,
                         int edges, struct dyad__event_query *q)
{
	dyad_status st = DYAD_OK;
	const char *from = dyad__event_from(f);
	if (edges) {
		dyad_buf_printf(&q->sql, "SELECT e.src_node, e.tgt_node, e.quad, e.root,"
		                         " count(*), min(e.day), max(e.day)%s" EDGE_WHERE, from);
		st = dyad__event_where(store, f, q);
		dyad_buf_puts(&q->sql, " GROUP BY e.src_node, e.tgt_node, e.quad, e.root"
		                       " ORDER BY e.src_node, e.tgt_node, e.quad, e.root");
		return st;
	}
	dyad_buf_printf(&q->sql, "SELECT n.id, n.name, n.kind, n.country, n.actor,"
	                         " n.n_docs, n.n_mentions, n.n_events, n.first_day,"
	                         " n.last_day FROM nodes n WHERE n.id IN"
	                         " (SELECT e.src_node%s" EDGE_WHERE, from);
	if ((st = dyad__event_where(store, f, q)) != DYAD_OK)
		return st;
	dyad_buf_printf(&q->sql, ") OR n.id IN (SELECT e.tgt_node%s" EDGE_WHERE, from);
	if ((st = dyad__event_where(store, f, q)) != DYAD_OK)
		return st;
	dyad_buf_puts(&q->sql, ") ORDER BY n.id");
	return DYAD_OK;
}

static dyad_status prepare(struct dyad_store *store, const struct dyad_event_filter *f,
                           int edges, dyad__stmt **out)
{
	*out = NULL;
	struct dyad__event_query *q = dyad__calloc(1, sizeof *q);
	if (!q)
		return dyad__store_error(store, DYAD_ENOMEM, "%s", dyad_strerror(DYAD_ENOMEM));
	dyad_buf_init(&q->sql, 0);
	dyad_status st = build(store, f, edges, q);
	if (st == DYAD_OK)
		st = dyad__event_query_prepare(store, q, f->match, out);
	dyad_buf_release(&q->sql);
	dyad__free(q);
	return st;
}

/* Declare an attribute: GEXF's attribute element (id and title name) or
 * GraphML's key (its own id, for node or edge, named name). */
static void declare(struct dyad_buf *b, int gexf, const char *on, const char *id,
                    const char *name, const char *type)
{
	if (gexf)
		dyad_buf_printf(b, "<attribute id=\"%s\" title=\"%s\" type=\"%s\"/>\n", name, name,
		                type);
	else
		dyad_buf_printf(b, "<key id=\"%s\" for=\"%s\" attr.name=\"%s\" attr.type=\"%s\"/>\n",
		                id, on, name, type);
}

/* The edge attributes both formats carry; GraphML's keys of an edge are
 * named apart from the node's ("e_n_events"). */
static void declare_edge(struct dyad_buf *b, int gexf)
{
	char name[16];
	declare(b, gexf, "edge", "e_n_events", "n_events", "long");
	for (int i = 1; i <= N_QUADS; i++) {
		snprintf(name, sizeof name, "quad%d", i);
		declare(b, gexf, "edge", name, name, "long");
	}
	for (int i = 1; i <= N_ROOTS; i++) {
		snprintf(name, sizeof name, "root%02d", i);
		declare(b, gexf, "edge", name, name, "long");
	}
	declare(b, gexf, "edge", "e_first_day", "first_day", "string");
	declare(b, gexf, "edge", "e_last_day", "last_day", "string");
}

static void header(struct dyad_buf *b, int gexf)
{
	dyad_buf_puts(b, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
	if (gexf)
		dyad_buf_puts(b, "<gexf xmlns=\"http://www.gexf.net/1.2draft\" version=\"1.2\">\n"
		                 "<meta><creator>dyad</creator></meta>\n"
		                 "<graph mode=\"static\" defaultedgetype=\"directed\">\n"
		                 "<attributes class=\"node\">\n");
	else
		dyad_buf_puts(b, "<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\">\n"
		                 "<key id=\"label\" for=\"node\" attr.name=\"label\" attr.type=\"string\"/>\n");
	for (int i = 0; i < N_NODE_ATTRS; i++)
		declare(b, gexf, "node", node_attrs[i], node_attrs[i],
		        i >= FIRST_NUMBER && i < N_NODE_ATTRS - 2 ? "long" : "string");
	if (gexf)
		dyad_buf_puts(b, "</attributes>\n<attributes class=\"edge\">\n");
	else
		dyad_buf_puts(b, "<key id=\"weight\" for=\"edge\" attr.name=\"weight\" attr.type=\"double\"/>\n");
	declare_edge(b, gexf);
	dyad_buf_puts(b, gexf ? "</attributes>\n<nodes>\n" : "<graph id=\"dyad\" edgedefault=\"directed\">\n");
}

/* One attribute value: GraphML's data element or GEXF's attvalue. */
static void attr(struct dyad_buf *b, int gexf, const char *key, const char *value)
{
	if (!value)
		return;
	dyad_buf_printf(b, gexf ? "<attvalue for=\"%s\" value=\"" : "<data key=\"%s\">", key);
	dyad__export_xml(b, value);
	dyad_buf_puts(b, gexf ? "\"/>" : "</data>");
}

static void node_line(struct dyad_buf *b, int gexf, dyad__stmt *s)
{
	int64_t id = dyad__column_int64(s, 0);
	if (gexf) {
		dyad_buf_printf(b, "<node id=\"%lld\" label=\"", (long long)id);
		dyad__export_xml(b, dyad__column_text(s, 1));
		dyad_buf_puts(b, "\"><attvalues>");
	} else {
		dyad_buf_printf(b, "<node id=\"n%lld\">", (long long)id);
		attr(b, 0, "label", dyad__column_text(s, 1));
	}
	for (int i = 0; i < N_NODE_ATTRS; i++)
		attr(b, gexf, node_attrs[i], dyad__column_text(s, 2 + i));
	dyad_buf_puts(b, gexf ? "</attvalues></node>\n" : "</node>\n");
}

static void count_attr(struct dyad_buf *b, int gexf, const char *key, int64_t v)
{
	char num[24];
	snprintf(num, sizeof num, "%lld", (long long)v);
	attr(b, gexf, key, num);
}

static void edge_line(struct dyad_buf *b, int gexf, const struct pair *p, int64_t id)
{
	char key[16];
	if (gexf)
		dyad_buf_printf(b, "<edge id=\"%lld\" source=\"%lld\" target=\"%lld\" weight=\"%lld\">"
		                   "<attvalues>",
		                (long long)id, (long long)p->src, (long long)p->tgt, (long long)p->n);
	else
		dyad_buf_printf(b, "<edge id=\"e%lld\" source=\"n%lld\" target=\"n%lld\">"
		                   "<data key=\"weight\">%lld</data>",
		                (long long)id, (long long)p->src, (long long)p->tgt, (long long)p->n);
	count_attr(b, gexf, gexf ? "n_events" : "e_n_events", p->n);
	for (int i = 1; i <= N_QUADS; i++) {
		snprintf(key, sizeof key, "quad%d", i);
		count_attr(b, gexf, key, p->quad[i]);
	}
	for (int i = 1; i <= N_ROOTS; i++) {
		snprintf(key, sizeof key, "root%02d", i);
		count_attr(b, gexf, key, p->root[i]);
	}
	attr(b, gexf, gexf ? "first_day" : "e_first_day", p->first[0] ? p->first : NULL);
	attr(b, gexf, gexf ? "last_day" : "e_last_day", p->last[0] ? p->last : NULL);
	dyad_buf_puts(b, gexf ? "</attvalues></edge>\n" : "</edge>\n");
}

/* Fold one grouped row into the open pair; *done is set when the row
 * starts another pair and the open one is complete (then the row is not
 * yet taken: call again after writing it). */
static int take(struct pair *p, dyad__stmt *s)
{
	int64_t src = dyad__column_int64(s, 0), tgt = dyad__column_int64(s, 1);
	if (p->open && (src != p->src || tgt != p->tgt))
		return 0;
	if (!p->open) {
		memset(p, 0, sizeof *p);
		p->src = src;
		p->tgt = tgt;
		p->open = 1;
	}
	int quad = dyad__column_int(s, 2);
	const char *root = dyad__column_text(s, 3);
	int r = root ? atoi(root) : 0;
	int64_t n = dyad__column_int64(s, 4);
	const char *first = dyad__column_text(s, 5), *last = dyad__column_text(s, 6);
	p->n += n;
	if (quad >= 1 && quad <= N_QUADS)
		p->quad[quad] += n;
	if (r >= 1 && r <= N_ROOTS)
		p->root[r] += n;
	if (first && (!p->first[0] || strcmp(first, p->first) < 0))
		snprintf(p->first, sizeof p->first, "%s", first);
	if (last && strcmp(last, p->last) > 0)
		snprintf(p->last, sizeof p->last, "%s", last);
	return 1;
}

static dyad_status write_nodes(struct dyad_store *store, const struct dyad_event_filter *f,
                               int gexf, struct dyad_buf *b, FILE *out)
{
	dyad__stmt *s;
	dyad_status st = prepare(store, f, 0, &s);
	int rc = DYAD__STEP_DONE;
	while (st == DYAD_OK && (rc = dyad__step(s)) == DYAD__STEP_ROW) {
		node_line(b, gexf, s);
		st = dyad__export_flush(b, out);
	}
	if (st == DYAD_OK && rc != DYAD__STEP_DONE)
		st = dyad__store_fail(store, "cannot read the nodes");
	dyad__stmt_put(s);
	return st;
}

static dyad_status write_edges(struct dyad_store *store, const struct dyad_event_filter *f,
                               int gexf, struct dyad_buf *b, FILE *out)
{
	dyad__stmt *s;
	struct pair p = {0};
	int64_t id = 0;
	dyad_status st = prepare(store, f, 1, &s);
	int rc = DYAD__STEP_DONE;
	while (st == DYAD_OK && (rc = dyad__step(s)) == DYAD__STEP_ROW) {
		if (take(&p, s))
			continue;
		edge_line(b, gexf, &p, id++);
		p.open = 0;
		take(&p, s);
		st = dyad__export_flush(b, out);
	}
	if (st == DYAD_OK && rc != DYAD__STEP_DONE)
		st = dyad__store_fail(store, "cannot read the edges");
	if (st == DYAD_OK && p.open) {
		edge_line(b, gexf, &p, id);
		st = dyad__export_flush(b, out);
	}
	dyad__stmt_put(s);
	return st;
}

dyad_status dyad__export_graph(struct dyad_store *store, const struct dyad_event_filter *f,
                               int gexf, FILE *out)
{
	struct dyad_buf b;
	dyad_buf_init(&b, 0);
	dyad_status st = dyad_store_commit(store);
	/* One snapshot: the edges join exactly the nodes written. */
	if (st == DYAD_OK && (st = dyad__store_exec(store, "BEGIN")) == DYAD_OK) {
		header(&b, gexf);
		if ((st = dyad__export_flush(&b, out)) == DYAD_OK &&
		    (st = write_nodes(store, f, gexf, &b, out)) == DYAD_OK) {
			dyad_buf_puts(&b, gexf ? "</nodes>\n<edges>\n" : "");
			st = write_edges(store, f, gexf, &b, out);
		}
		if (st == DYAD_OK) {
			dyad_buf_puts(&b, gexf ? "</edges>\n</graph>\n</gexf>\n" : "</graph>\n</graphml>\n");
			st = dyad__export_flush(&b, out);
		}
		dyad__store_exec(store, "COMMIT");
	}
	dyad_buf_release(&b);
	return st;
}
