/*
 * pg_graph.c - the knowledge graph's step in PostgreSQL, for all the new
 * documents of a batch at once (the temporary table dyad_s_new, with
 * their input order): the SQL of sqlite_graph.c (the same resolution,
 * counts and relations; see its top comment and docs/schema.md) grouped
 * over the batch instead of run once per document, which gives the same
 * rows: counts add up, first and last days are the least and greatest,
 * and what the first document decides (a new node's name and actor) is
 * taken from the batch's first document that has it. Eight statements a
 * batch instead of eight a document: a server's round trips and plans
 * cost more than the work. Rows are inserted in key order.
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
/* The batch's new documents. */
#define NEW "(SELECT id FROM dyad_s_new)"
#define EDGE_END                                                              \
	"(e.src_node IS NOT NULL AND e.tgt_node IS NOT NULL AND e.src_node <> e.tgt_node)"
#define WIDEN(tbl)                                                            \
	" first_day = CASE WHEN " tbl ".first_day IS NULL OR excluded.first_day"  \
	" < " tbl ".first_day THEN excluded.first_day ELSE " tbl ".first_day END," \
	" last_day = CASE WHEN " tbl ".last_day IS NULL OR excluded.last_day"     \
	" > " tbl ".last_day THEN excluded.last_day ELSE " tbl ".last_day END"
/* A new document's publication day and input position, by id. */
#define DOC_DAYS                                                              \
	" JOIN dyad_s_new s ON s.id = x.doc_id JOIN documents d ON d.id = x.doc_id"

static const char *const steps[] = {
	"INSERT INTO nodes (key, kind, name, country, actor)"
	" SELECT 'country:' || c, 'country', c, c, c FROM ("
	"  SELECT src_country AS c FROM events WHERE doc_id IN " NEW " AND src_entity IS NULL"
	"  UNION SELECT tgt_country FROM events WHERE doc_id IN " NEW " AND tgt_entity IS NULL"
	"  UNION SELECT country FROM entities WHERE doc_id IN " NEW " AND kind <> 'country') AS cs"
	" WHERE c ~ '^[A-Z]{3}$' AND c NOT IN ('IGO', 'NGO') ORDER BY 1"
	" ON CONFLICT (key) DO NOTHING",

	"INSERT INTO nodes (key, kind, name, country, actor, n_docs, n_mentions,"
	" first_day, last_day)"
	" SELECT x.key, x.kind, (array_agg(x.name ORDER BY s.ord))[1], x.country,"
	"  (array_agg(x.actor ORDER BY s.ord) FILTER (WHERE x.actor IS NOT NULL))[1],"
	"  count(*), sum(x.n), min(substr(d.published, 1, 10)), max(substr(d.published, 1, 10))"
	" FROM (SELECT e.doc_id AS doc_id, " NODE_KEY " AS key, e.kind AS kind,"
	"  min(e.name) AS name, e.country AS country, min(e.actor) AS actor,"
	"  COALESCE(sum(m.n), 0) AS n"
	"  FROM entities e LEFT JOIN (SELECT doc_id, entity_idx, count(*) AS n FROM mentions"
	"   WHERE doc_id IN " NEW " GROUP BY 1, 2) m ON m.doc_id = e.doc_id"
	"   AND m.entity_idx = e.idx"
	"  WHERE e.doc_id IN " NEW " AND " NAMED " GROUP BY 1, 2, 3, 5) x" DOC_DAYS
	" GROUP BY x.key, x.kind, x.country ORDER BY x.key"
	" ON CONFLICT (key) DO UPDATE SET n_docs = nodes.n_docs + excluded.n_docs,"
	" n_mentions = nodes.n_mentions + excluded.n_mentions,"
	" name = CASE WHEN nodes.n_docs = 0 THEN excluded.name ELSE nodes.name END,"
	" actor = COALESCE(nodes.actor, excluded.actor)," WIDEN("nodes"),

	"INSERT INTO node_entities (doc_id, idx, node_id)"
	" SELECT e.doc_id, e.idx, n.id FROM entities e JOIN nodes n ON n.key = " NODE_KEY
	" WHERE e.doc_id IN " NEW " AND " NAMED,

	"INSERT INTO node_variants (node_id, variant, n)"
	" SELECT v.node_id, v.variant, v.n FROM (SELECT l.node_id AS node_id,"
	"  convert_from(substring(convert_to(d.text, 'UTF8') FROM m.span_start + 1"
	"   FOR m.span_end - m.span_start), 'UTF8') AS variant, count(*) AS n"
	"  FROM mentions m JOIN node_entities l ON l.doc_id = m.doc_id"
	"   AND l.idx = m.entity_idx JOIN documents d ON d.id = m.doc_id"
	"  WHERE m.doc_id IN " NEW " AND m.span_end > m.span_start GROUP BY 1, 2) v"
	" ORDER BY 1, 2 ON CONFLICT (node_id, variant) DO UPDATE SET"
	" n = node_variants.n + excluded.n",

	"UPDATE events SET"
	" day = COALESCE(date, (SELECT substr(published, 1, 10) FROM documents"
	"  WHERE id = events.doc_id)),"
	" src_node = COALESCE((SELECT node_id FROM node_entities l"
	"  WHERE l.doc_id = events.doc_id AND l.idx = events.src_entity),"
	"  (SELECT id FROM nodes WHERE key = 'country:' || events.src_country)),"
	" tgt_node = COALESCE((SELECT node_id FROM node_entities l"
	"  WHERE l.doc_id = events.doc_id AND l.idx = events.tgt_entity),"
	"  (SELECT id FROM nodes WHERE key = 'country:' || events.tgt_country))"
	" WHERE doc_id IN " NEW,

	"INSERT INTO edges (src, tgt, root, quad, n_events, first_day, last_day)"
	" SELECT src_node, tgt_node, root, max(quad), count(*), min(day), max(day)"
	" FROM events e WHERE e.doc_id IN " NEW " AND " EDGE_END
	" GROUP BY src_node, tgt_node, root ORDER BY 1, 2, 3"
	" ON CONFLICT (src, tgt, quad, root) DO UPDATE SET"
	" n_events = edges.n_events + excluded.n_events," WIDEN("edges"),

	"UPDATE nodes SET n_events = n_events + w.n FROM (SELECT id, count(*) AS n FROM ("
	"  SELECT e.src_node AS id FROM events e WHERE e.doc_id IN " NEW " AND " EDGE_END
	"  UNION ALL SELECT e.tgt_node FROM events e WHERE e.doc_id IN " NEW " AND " EDGE_END
	" ) AS ends GROUP BY id) w WHERE nodes.id = w.id",

	"INSERT INTO relations (src, rel, dst, label, n_docs, first_day, last_day)"
	" SELECT x.src, x.rel, x.dst, x.label, count(*), min(substr(d.published, 1, 10)),"
	"  max(substr(d.published, 1, 10)) FROM ("
	"  SELECT e.doc_id AS doc_id, l.node_id AS src, 'office' AS rel, c.id AS dst,"
	"   e.role AS label"
	"  FROM entities e JOIN node_entities l ON l.doc_id = e.doc_id AND l.idx = e.idx"
	"  JOIN nodes c ON c.key = 'country:' || e.country"
	"  WHERE e.doc_id IN " NEW " AND e.kind = 'person' AND e.role IS NOT NULL"
	"  UNION SELECT e.doc_id, l.node_id, 'located_in', c.id, ''"
	"  FROM entities e JOIN node_entities l ON l.doc_id = e.doc_id AND l.idx = e.idx"
	"  JOIN nodes c ON c.key = 'country:' || e.country"
	"  WHERE e.doc_id IN " NEW " AND e.kind IN ('place', 'org')"
	"  UNION SELECT p.doc_id, lp.node_id, 'member_of', lo.node_id, COALESCE(p.role, '')"
	"  FROM entities p JOIN entities o ON o.doc_id = p.doc_id"
	"   AND o.actor = p.actor AND o.kind = 'org'"
	"  JOIN node_entities lp ON lp.doc_id = p.doc_id AND lp.idx = p.idx"
	"  JOIN node_entities lo ON lo.doc_id = o.doc_id AND lo.idx = o.idx"
	"  WHERE p.doc_id IN " NEW " AND p.kind = 'person'"
	"   AND substr(p.actor, 1, 3) IN ('IGO', 'NGO')) x" DOC_DAYS
	" GROUP BY 1, 2, 3, 4 ORDER BY 1, 2, 3, 4"
	" ON CONFLICT (src, rel, dst, label) DO UPDATE SET"
	" n_docs = relations.n_docs + excluded.n_docs," WIDEN("relations"),
};

#define N_STEPS (sizeof steps / sizeof steps[0])

dyad_status dyad__pg_graph_batch(struct dyad_store *store)
{
	for (size_t i = 0; i < N_STEPS; i++) {
		dyad_status st = dyad__pg_run(store, steps[i], "cannot add the documents to the graph");
		if (st != DYAD_OK)
			return st;
	}
	return DYAD_OK;
}
