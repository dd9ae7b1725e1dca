/*
 * pg_graph.c - the knowledge graph's per-document step in PostgreSQL: the
 * SQL of sqlite_graph.c (the same resolution, counts and relations; see
 * its top comment and docs/schema.md) in PostgreSQL's dialect. Rows are
 * inserted in key order, so that two ingesters locking the same nodes
 * take them in the same order; the deadlocks that remain between
 * statements are retried whole by pg_put.c.
 */
#include "store/pg.h"

#include <stdio.h>

/* The key of entity row e (sqlite_graph.c). */
#define NODE_KEY                                                              \
	"(CASE WHEN e.kind = 'country' AND e.country IS NOT NULL"                 \
	" THEN 'country:' || e.country"                                           \
	" ELSE e.kind || ':' || COALESCE(e.country, '') || ':' ||"                \
	" dyad_fold(e.name) END)"
#define NAMED "(e.name IS NOT NULL OR (e.kind = 'country' AND e.country IS NOT NULL))"
#define DOC_DAY                                                               \
	"(SELECT substr(published, 1, 10) AS day FROM documents WHERE id = $1) AS t"
#define EDGE_END                                                              \
	"(e.src_node IS NOT NULL AND e.tgt_node IS NOT NULL AND e.src_node <> e.tgt_node)"
#define WIDEN(tbl)                                                            \
	" first_day = CASE WHEN " tbl ".first_day IS NULL OR excluded.first_day"  \
	" < " tbl ".first_day THEN excluded.first_day ELSE " tbl ".first_day END," \
	" last_day = CASE WHEN " tbl ".last_day IS NULL OR excluded.last_day"     \
	" > " tbl ".last_day THEN excluded.last_day ELSE " tbl ".last_day END"

static const char *const steps[] = {
	"INSERT INTO nodes (key, kind, name, country, actor)"
	" SELECT 'country:' || c, 'country', c, c, c FROM ("
	"  SELECT src_country AS c FROM events WHERE doc_id = $1 AND src_entity IS NULL"
	"  UNION SELECT tgt_country FROM events WHERE doc_id = $1 AND tgt_entity IS NULL"
	"  UNION SELECT country FROM entities WHERE doc_id = $1 AND kind <> 'country') AS cs"
	" WHERE c ~ '^[A-Z]{3}$' AND c NOT IN ('IGO', 'NGO') ORDER BY 1"
	" ON CONFLICT (key) DO NOTHING",

	"INSERT INTO nodes (key, kind, name, country, actor, n_docs, n_mentions,"
	" first_day, last_day)"
	" SELECT k.key, k.kind, k.name, k.country, k.actor, 1, k.n, t.day, t.day"
	" FROM (SELECT " NODE_KEY " AS key, e.kind AS kind, min(e.name) AS name,"
	"  e.country AS country, min(e.actor) AS actor, COALESCE(sum(m.n), 0) AS n"
	"  FROM entities e LEFT JOIN (SELECT entity_idx, count(*) AS n FROM mentions"
	"   WHERE doc_id = $1 GROUP BY entity_idx) m ON m.entity_idx = e.idx"
	"  WHERE e.doc_id = $1 AND " NAMED " GROUP BY 1, 2, 4) k, " DOC_DAY
	" ORDER BY k.key ON CONFLICT (key) DO UPDATE SET n_docs = nodes.n_docs + 1,"
	" n_mentions = nodes.n_mentions + excluded.n_mentions,"
	" name = CASE WHEN nodes.n_docs = 0 THEN excluded.name ELSE nodes.name END,"
	" actor = COALESCE(nodes.actor, excluded.actor)," WIDEN("nodes"),

	"INSERT INTO node_entities (doc_id, idx, node_id)"
	" SELECT e.doc_id, e.idx, n.id FROM entities e JOIN nodes n ON n.key = " NODE_KEY
	" WHERE e.doc_id = $1 AND " NAMED,

	"INSERT INTO node_variants (node_id, variant, n)"
	" SELECT v.node_id, v.variant, v.n FROM (SELECT l.node_id AS node_id,"
	"  convert_from(substring(convert_to(d.text, 'UTF8') FROM m.span_start + 1"
	"   FOR m.span_end - m.span_start), 'UTF8') AS variant, count(*) AS n"
	"  FROM mentions m JOIN node_entities l ON l.doc_id = m.doc_id"
	"   AND l.idx = m.entity_idx JOIN documents d ON d.id = m.doc_id"
	"  WHERE m.doc_id = $1 AND m.span_end > m.span_start GROUP BY 1, 2) v"
	" ORDER BY 1, 2 ON CONFLICT (node_id, variant) DO UPDATE SET"
	" n = node_variants.n + excluded.n",

	"UPDATE events SET"
	" day = COALESCE(date, (SELECT day FROM " DOC_DAY ")),"
	" src_node = COALESCE((SELECT node_id FROM node_entities l"
	"  WHERE l.doc_id = $1 AND l.idx = events.src_entity),"
	"  (SELECT id FROM nodes WHERE key = 'country:' || events.src_country)),"
	" tgt_node = COALESCE((SELECT node_id FROM node_entities l"
	"  WHERE l.doc_id = $1 AND l.idx = events.tgt_entity),"
	"  (SELECT id FROM nodes WHERE key = 'country:' || events.tgt_country))"
	" WHERE doc_id = $1",

	"INSERT INTO edges (src, tgt, root, quad, n_events, first_day, last_day)"
	" SELECT src_node, tgt_node, root, max(quad), count(*), min(day), max(day)"
	" FROM events e WHERE e.doc_id = $1 AND " EDGE_END
	" GROUP BY src_node, tgt_node, root ORDER BY 1, 2, 3"
	" ON CONFLICT (src, tgt, quad, root) DO UPDATE SET"
	" n_events = edges.n_events + excluded.n_events," WIDEN("edges"),

	"UPDATE nodes SET n_events = n_events + (SELECT count(*) FROM events e"
	" WHERE e.doc_id = $1 AND " EDGE_END " AND (e.src_node = nodes.id"
	" OR e.tgt_node = nodes.id)) WHERE id IN (SELECT src_node FROM events e"
	" WHERE e.doc_id = $1 AND " EDGE_END " UNION SELECT tgt_node FROM events e"
	" WHERE e.doc_id = $1 AND " EDGE_END ")",

	"INSERT INTO relations (src, rel, dst, label, n_docs, first_day, last_day)"
	" SELECT r.src, r.rel, r.dst, r.label, 1, t.day, t.day FROM ("
	"  SELECT l.node_id AS src, 'office' AS rel, c.id AS dst, e.role AS label"
	"  FROM entities e JOIN node_entities l ON l.doc_id = e.doc_id AND l.idx = e.idx"
	"  JOIN nodes c ON c.key = 'country:' || e.country"
	"  WHERE e.doc_id = $1 AND e.kind = 'person' AND e.role IS NOT NULL"
	"  UNION SELECT l.node_id, 'located_in', c.id, ''"
	"  FROM entities e JOIN node_entities l ON l.doc_id = e.doc_id AND l.idx = e.idx"
	"  JOIN nodes c ON c.key = 'country:' || e.country"
	"  WHERE e.doc_id = $1 AND e.kind IN ('place', 'org')"
	"  UNION SELECT lp.node_id, 'member_of', lo.node_id, COALESCE(p.role, '')"
	"  FROM entities p JOIN entities o ON o.doc_id = p.doc_id"
	"   AND o.actor = p.actor AND o.kind = 'org'"
	"  JOIN node_entities lp ON lp.doc_id = p.doc_id AND lp.idx = p.idx"
	"  JOIN node_entities lo ON lo.doc_id = o.doc_id AND lo.idx = o.idx"
	"  WHERE p.doc_id = $1 AND p.kind = 'person'"
	"   AND substr(p.actor, 1, 3) IN ('IGO', 'NGO')) r, " DOC_DAY
	" ORDER BY 1, 2, 3, 4 ON CONFLICT (src, rel, dst, label) DO UPDATE SET"
	" n_docs = relations.n_docs + 1," WIDEN("relations"),
};

#define N_STEPS (sizeof steps / sizeof steps[0])

/* Prepare the steps on the connection (once per connection). */
static dyad_status prepare(struct dyad_store *store)
{
	char name[16];
	for (size_t i = 0; i < N_STEPS; i++) {
		snprintf(name, sizeof name, "dyad_graph%zu", i);
		PGresult *res = PQprepare(store->pg->conn, name, steps[i], 1, NULL);
		int ok = PQresultStatus(res) == PGRES_COMMAND_OK;
		if (!ok)
			dyad__pg_note(store, res);
		PQclear(res);
		if (!ok)
			return dyad__store_fail(store, "cannot prepare the graph step");
	}
	return DYAD_OK;
}

dyad_status dyad__pg_graph_put(struct dyad_store *store, const char *doc_id, int *prepared)
{
	dyad_status st;
	if (!*prepared && (st = prepare(store)) != DYAD_OK)
		return st;
	*prepared = 1;
	char name[16];
	const char *values[1] = {doc_id};
	for (size_t i = 0; i < N_STEPS; i++) {
		snprintf(name, sizeof name, "dyad_graph%zu", i);
		PGresult *res = PQexecPrepared(store->pg->conn, name, 1, values, NULL, NULL, 0);
		int ok = PQresultStatus(res) == PGRES_COMMAND_OK;
		if (!ok)
			dyad__pg_note(store, res);
		PQclear(res);
		if (!ok)
			return dyad__store_fail(store, "cannot add the document to the graph");
	}
	return DYAD_OK;
}
