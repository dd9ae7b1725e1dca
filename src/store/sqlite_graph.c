/*
 * graph.c - keeping the knowledge graph of the store (see graph.h and the
 * "knowledge graph" part of docs/schema.md).
 *
 * Resolution: one node per real-world referent, keyed by what identifies
 * it. A country is its ISO code ("country:AZE"), whatever name or script
 * the article used. Anything else is its kind, country and canonical name,
 * case-folded in every script ("person:AZE:ilham aliyev"). The canonical
 * name is the knowledge base's (data/people, data/orgs, data/places, which
 * are keyed by name and country and give every variant in every script the
 * same Latin name), so "Ильхам Алиев" and "Aliyev" in two articles are one
 * node; a name the knowledge base does not know is keyed as written.
 *
 * Every statement reads the rows of one document (?1) that put.c has just
 * written, so ingest and the migration of an older database share the same
 * SQL: nothing here can drift from the rows it summarises. Each must reach
 * those rows through the document's key ("+e.kind" keeps SQLite from
 * scanning every person of the database through the kind index instead).
 */
#include "store/sqlite_graph.h"

/* The key of entity row e (see the top of the file). */
#define NODE_KEY                                                              \
	"(CASE WHEN e.kind = 'country' AND e.country IS NOT NULL"                 \
	" THEN 'country:' || e.country"                                           \
	" ELSE e.kind || ':' || COALESCE(e.country, '') || ':' ||"                \
	" dyad_fold(e.name) END)"
/* Entities that can be resolved: a name, or a country's code. */
#define NAMED "(e.name IS NOT NULL OR (e.kind = 'country' AND e.country IS NOT NULL))"
/* The publication day of document ?1, as a one-row table. */
#define DOC_DAY "(SELECT substr(published, 1, 10) AS day FROM documents WHERE id = ?1)"
/* Event e joins two nodes: an edge of the graph. */
#define EDGE_END                                                              \
	"(e.src_node IS NOT NULL AND e.tgt_node IS NOT NULL AND e.src_node <> e.tgt_node)"
/* Keep the earlier first_day and the later last_day of tbl and excluded. */
#define WIDEN(tbl)                                                            \
	" first_day = CASE WHEN " tbl ".first_day IS NULL OR excluded.first_day"  \
	" < " tbl ".first_day THEN excluded.first_day ELSE " tbl ".first_day END," \
	" last_day = CASE WHEN " tbl ".last_day IS NULL OR excluded.last_day"     \
	" > " tbl ".last_day THEN excluded.last_day ELSE " tbl ".last_day END"

/* The graph's summary tables are read by their keys only: WITHOUT ROWID
 * makes the key the table, one b-tree look-up instead of two. Edges are
 * keyed (src, tgt, quad, root), the QuadClass before the root it follows
 * from, so the graph's sums per pair and QuadClass read them in order. */
const char dyad__graph_schema_sql[] =
	"ALTER TABLE events ADD COLUMN day TEXT;"
	"ALTER TABLE events ADD COLUMN src_node INTEGER;"
	"ALTER TABLE events ADD COLUMN tgt_node INTEGER;"
	"CREATE TABLE IF NOT EXISTS nodes ("
	"  id INTEGER PRIMARY KEY, key TEXT NOT NULL UNIQUE, kind TEXT NOT NULL,"
	"  name TEXT NOT NULL, country TEXT, actor TEXT,"
	"  n_docs INTEGER NOT NULL DEFAULT 0, n_mentions INTEGER NOT NULL DEFAULT 0,"
	"  n_events INTEGER NOT NULL DEFAULT 0, first_day TEXT, last_day TEXT);"
	"CREATE TABLE IF NOT EXISTS node_entities ("
	"  doc_id TEXT NOT NULL, idx INTEGER NOT NULL, node_id INTEGER NOT NULL,"
	"  PRIMARY KEY (doc_id, idx));"
	"CREATE TABLE IF NOT EXISTS node_variants ("
	"  node_id INTEGER NOT NULL, variant TEXT NOT NULL, n INTEGER NOT NULL,"
	"  PRIMARY KEY (node_id, variant)) WITHOUT ROWID;"
	"CREATE TABLE IF NOT EXISTS edges ("
	"  src INTEGER NOT NULL, tgt INTEGER NOT NULL, root TEXT NOT NULL,"
	"  quad INTEGER NOT NULL, n_events INTEGER NOT NULL,"
	"  first_day TEXT, last_day TEXT, PRIMARY KEY (src, tgt, quad, root)) WITHOUT ROWID;"
	"CREATE TABLE IF NOT EXISTS relations ("
	"  src INTEGER NOT NULL, rel TEXT NOT NULL, dst INTEGER NOT NULL,"
	"  label TEXT NOT NULL, n_docs INTEGER NOT NULL,"
	"  first_day TEXT, last_day TEXT, PRIMARY KEY (src, rel, dst, label)) WITHOUT ROWID;"
	"CREATE INDEX IF NOT EXISTS nodes_mentions ON nodes(n_mentions);"
	"CREATE INDEX IF NOT EXISTS nodes_events ON nodes(n_events);"
	"CREATE INDEX IF NOT EXISTS nodes_kind ON nodes(kind, n_mentions);"
	"CREATE INDEX IF NOT EXISTS node_entities_node ON node_entities(node_id);"
	"CREATE INDEX IF NOT EXISTS edges_tgt ON edges(tgt);"
	"CREATE INDEX IF NOT EXISTS relations_dst ON relations(dst);"
	/* The order of the event listing (query/events.c), so that a page of
	 * it reads as many index entries as it lists. */
	"CREATE INDEX IF NOT EXISTS events_order ON events(day IS NULL, day, doc_id, idx);"
	/* By day, with what the graph and the timeline count: a range of days
	 * is read from the index alone, and counts per day and QuadClass come
	 * in its order. */
	"CREATE INDEX IF NOT EXISTS events_day ON events(day, quad, root, goldstein,"
	"  src_node, tgt_node);"
	"CREATE INDEX IF NOT EXISTS events_src_node ON events(src_node, tgt_node, root);"
	"CREATE INDEX IF NOT EXISTS events_tgt_node ON events(tgt_node);"
	/* The dyad filter of query/events.c, one index per pair of sides it
	 * asks about; two actors by their first three letters (a country's
	 * code, which starts every state actor's code). */
	"CREATE INDEX IF NOT EXISTS events_dyad_cc ON events(src_country, tgt_country);"
	"CREATE INDEX IF NOT EXISTS events_dyad_ca ON events(src_country, tgt_actor);"
	"CREATE INDEX IF NOT EXISTS events_dyad_ac ON events(tgt_country, src_actor);"
	"CREATE INDEX IF NOT EXISTS events_dyad_aa ON events(substr(tgt_actor, 1, 3),"
	"  substr(src_actor, 1, 3), tgt_actor, src_actor);";

static const char *const graph_sql[DYAD_N_GSTEPS] = {
	/* A country named only by its code (an event side, a person's country)
	 * still gets its node; a country entity names it later. */
	[DYAD_GSTEP_COUNTRIES] =
		"INSERT INTO nodes (key, kind, name, country, actor)"
		" SELECT 'country:' || c, 'country', c, c, c FROM ("
		"  SELECT src_country AS c FROM events WHERE doc_id = ?1 AND src_entity IS NULL"
		"  UNION SELECT tgt_country FROM events WHERE doc_id = ?1 AND tgt_entity IS NULL"
		"  UNION SELECT country FROM entities WHERE doc_id = ?1 AND kind <> 'country')"
		" WHERE c GLOB '[A-Z][A-Z][A-Z]' AND c NOT IN ('IGO', 'NGO')"
		" ON CONFLICT(key) DO NOTHING",
	[DYAD_GSTEP_NODES] =
		"INSERT INTO nodes (key, kind, name, country, actor, n_docs, n_mentions,"
		" first_day, last_day)"
		" SELECT k.key, k.kind, k.name, k.country, k.actor, 1, k.n, t.day, t.day"
		" FROM (SELECT " NODE_KEY " AS key, e.kind AS kind, min(e.name) AS name,"
		"  e.country AS country, min(e.actor) AS actor, COALESCE(sum(m.n), 0) AS n"
		"  FROM entities e LEFT JOIN (SELECT entity_idx, count(*) AS n FROM mentions"
		"   WHERE doc_id = ?1 GROUP BY entity_idx) m ON m.entity_idx = e.idx"
		"  WHERE e.doc_id = ?1 AND " NAMED " GROUP BY 1) k, " DOC_DAY " t"
		" WHERE true ON CONFLICT(key) DO UPDATE SET n_docs = nodes.n_docs + 1,"
		" n_mentions = nodes.n_mentions + excluded.n_mentions,"
		" name = CASE WHEN nodes.n_docs = 0 THEN excluded.name ELSE nodes.name END,"
		" actor = COALESCE(nodes.actor, excluded.actor)," WIDEN("nodes"),
	[DYAD_GSTEP_LINKS] =
		"INSERT INTO node_entities (doc_id, idx, node_id)"
		" SELECT e.doc_id, e.idx, n.id FROM entities e JOIN nodes n ON n.key = " NODE_KEY
		" WHERE e.doc_id = ?1 AND " NAMED,
	[DYAD_GSTEP_VARIANTS] =
		"INSERT INTO node_variants (node_id, variant, n)"
		" SELECT v.node_id, v.variant, v.n FROM (SELECT l.node_id AS node_id,"
		"  CAST(substr(CAST(d.text AS BLOB), m.span_start + 1,"
		"   m.span_end - m.span_start) AS TEXT) AS variant, count(*) AS n"
		"  FROM mentions m JOIN node_entities l ON l.doc_id = m.doc_id"
		"   AND l.idx = m.entity_idx JOIN documents d ON d.id = m.doc_id"
		"  WHERE m.doc_id = ?1 AND m.span_end > m.span_start GROUP BY 1, 2) v"
		" WHERE true ON CONFLICT(node_id, variant) DO UPDATE SET"
		" n = node_variants.n + excluded.n",
	/* A side that is an entity is that entity's node; a side that is only
	 * a country is the country's node. */
	[DYAD_GSTEP_EVENTS] =
		"UPDATE events SET"
		" day = COALESCE(date, (SELECT day FROM " DOC_DAY ")),"
		" src_node = COALESCE((SELECT node_id FROM node_entities l"
		"  WHERE l.doc_id = ?1 AND l.idx = events.src_entity),"
		"  (SELECT id FROM nodes WHERE key = 'country:' || events.src_country)),"
		" tgt_node = COALESCE((SELECT node_id FROM node_entities l"
		"  WHERE l.doc_id = ?1 AND l.idx = events.tgt_entity),"
		"  (SELECT id FROM nodes WHERE key = 'country:' || events.tgt_country))"
		" WHERE doc_id = ?1",
	[DYAD_GSTEP_EDGES] =
		"INSERT INTO edges (src, tgt, root, quad, n_events, first_day, last_day)"
		" SELECT src_node, tgt_node, root, max(quad), count(*), min(day), max(day)"
		" FROM events e WHERE e.doc_id = ?1 AND " EDGE_END
		" GROUP BY src_node, tgt_node, root"
		" ON CONFLICT(src, tgt, quad, root) DO UPDATE SET"
		" n_events = edges.n_events + excluded.n_events," WIDEN("edges"),
	/* A node's weight in the graph: the events it is an end of. */
	[DYAD_GSTEP_WEIGHTS] =
		"UPDATE nodes SET n_events = n_events + (SELECT count(*) FROM events e"
		" WHERE e.doc_id = ?1 AND " EDGE_END " AND (e.src_node = nodes.id"
		" OR e.tgt_node = nodes.id)) WHERE id IN (SELECT src_node FROM events e"
		" WHERE e.doc_id = ?1 AND " EDGE_END " UNION SELECT tgt_node FROM events e"
		" WHERE e.doc_id = ?1 AND " EDGE_END ")",
	/* What an article states about an entity: a person's office in a
	 * country; a place's or organisation's country; a person who carries
	 * an international organisation's actor code works for it. */
	[DYAD_GSTEP_RELATIONS] =
		"INSERT INTO relations (src, rel, dst, label, n_docs, first_day, last_day)"
		" SELECT r.src, r.rel, r.dst, r.label, 1, t.day, t.day FROM ("
		"  SELECT l.node_id AS src, 'office' AS rel, c.id AS dst, e.role AS label"
		"  FROM entities e JOIN node_entities l ON l.doc_id = e.doc_id AND l.idx = e.idx"
		"  JOIN nodes c ON c.key = 'country:' || e.country"
		"  WHERE e.doc_id = ?1 AND +e.kind = 'person' AND e.role IS NOT NULL"
		"  UNION SELECT l.node_id, 'located_in', c.id, ''"
		"  FROM entities e JOIN node_entities l ON l.doc_id = e.doc_id AND l.idx = e.idx"
		"  JOIN nodes c ON c.key = 'country:' || e.country"
		"  WHERE e.doc_id = ?1 AND +e.kind IN ('place', 'org')"
		"  UNION SELECT lp.node_id, 'member_of', lo.node_id, COALESCE(p.role, '')"
		"  FROM entities p JOIN entities o ON o.doc_id = p.doc_id"
		"   AND o.actor = p.actor AND +o.kind = 'org'"
		"  JOIN node_entities lp ON lp.doc_id = p.doc_id AND lp.idx = p.idx"
		"  JOIN node_entities lo ON lo.doc_id = o.doc_id AND lo.idx = o.idx"
		"  WHERE p.doc_id = ?1 AND +p.kind = 'person'"
		"   AND substr(p.actor, 1, 3) IN ('IGO', 'NGO')) r, " DOC_DAY " t"
		" WHERE true ON CONFLICT(src, rel, dst, label) DO UPDATE SET"
		" n_docs = relations.n_docs + 1," WIDEN("relations"),
};

int dyad__graph_put(sqlite3 *db, struct dyad__graph_stmts *stmts,
                    const char *doc_id)
{
	for (int i = 0; i < DYAD_N_GSTEPS; i++) {
		int rc;
		if (!stmts->s[i] &&
		    (rc = sqlite3_prepare_v3(db, graph_sql[i], -1,
		                             SQLITE_PREPARE_PERSISTENT, &stmts->s[i],
		                             NULL)) != SQLITE_OK)
			return rc;
		sqlite3_stmt *s = stmts->s[i];
		sqlite3_bind_text(s, 1, doc_id, -1, SQLITE_STATIC);
		rc = sqlite3_step(s);
		sqlite3_reset(s);
		sqlite3_clear_bindings(s);
		if (rc != SQLITE_DONE)
			return rc;
	}
	return SQLITE_OK;
}

void dyad__graph_finalize(struct dyad__graph_stmts *stmts)
{
	for (int i = 0; i < DYAD_N_GSTEPS; i++) {
		sqlite3_finalize(stmts->s[i]);
		stmts->s[i] = NULL;
	}
}

int dyad__graph_rebuild(sqlite3 *db)
{
	struct dyad__graph_stmts stmts = {{NULL}};
	sqlite3_stmt *docs;
	int rc = sqlite3_prepare_v2(db, "SELECT id FROM documents ORDER BY seq", -1,
	                            &docs, NULL);
	if (rc != SQLITE_OK)
		return rc;
	while ((rc = sqlite3_step(docs)) == SQLITE_ROW) {
		const char *id = (const char *)sqlite3_column_text(docs, 0);
		if (id && (rc = dyad__graph_put(db, &stmts, id)) != SQLITE_OK)
			break;
	}
	dyad__graph_finalize(&stmts);
	sqlite3_finalize(docs);
	return rc == SQLITE_DONE ? SQLITE_OK : rc;
}

static const struct dyad__graph_rule rules[] = {
	{"entities that are no node of the graph",
	 "SELECT count(*) FROM entities e WHERE " NAMED " AND NOT EXISTS"
	 " (SELECT 1 FROM node_entities l WHERE l.doc_id = e.doc_id AND l.idx = e.idx)"},
	{"graph links of no entity or to no node",
	 "SELECT count(*) FROM node_entities l WHERE NOT EXISTS"
	 " (SELECT 1 FROM entities e WHERE e.doc_id = l.doc_id AND e.idx = l.idx)"
	 " OR NOT EXISTS (SELECT 1 FROM nodes n WHERE n.id = l.node_id)"},
	{"entities linked to a node of another key",
	 "SELECT count(*) FROM node_entities l JOIN entities e ON e.doc_id = l.doc_id"
	 " AND e.idx = l.idx JOIN nodes n ON n.id = l.node_id WHERE n.key <> " NODE_KEY},
	{"nodes whose document count is not that of their entities",
	 "SELECT count(*) FROM nodes n WHERE n.n_docs <> (SELECT count(DISTINCT doc_id)"
	 " FROM node_entities l WHERE l.node_id = n.id)"},
	{"nodes whose mention count is not that of their entities",
	 "SELECT count(*) FROM nodes n WHERE n.n_mentions <> (SELECT count(*)"
	 " FROM node_entities l JOIN mentions m ON m.doc_id = l.doc_id"
	 " AND m.entity_idx = l.idx WHERE l.node_id = n.id)"},
	{"events whose day is not their date or publication day",
	 "SELECT count(*) FROM events e JOIN documents d ON d.id = e.doc_id"
	 " WHERE e.day IS NOT COALESCE(e.date, substr(d.published, 1, 10))"},
	{"events whose end is no node",
	 "SELECT count(*) FROM events e WHERE (e.src_node IS NOT NULL AND NOT EXISTS"
	 " (SELECT 1 FROM nodes n WHERE n.id = e.src_node)) OR (e.tgt_node IS NOT NULL"
	 " AND NOT EXISTS (SELECT 1 FROM nodes n WHERE n.id = e.tgt_node))"},
	{"nodes whose event count is not that of their edges",
	 "SELECT count(*) FROM nodes n WHERE n.n_events <> (SELECT count(*) FROM events e"
	 " WHERE " EDGE_END " AND (e.src_node = n.id OR e.tgt_node = n.id))"},
	{"graph edges whose count is not that of their events",
	 "SELECT count(*) FROM edges g WHERE g.n_events <> (SELECT count(*) FROM events e"
	 " WHERE e.src_node = g.src AND e.tgt_node = g.tgt AND e.root = g.root)"},
	{"events between two nodes with no graph edge",
	 "SELECT count(*) FROM (SELECT DISTINCT src_node, tgt_node, root FROM events"
	 " WHERE src_node IS NOT NULL AND tgt_node IS NOT NULL AND src_node <> tgt_node) x"
	 " WHERE NOT EXISTS (SELECT 1 FROM edges g WHERE g.src = x.src_node"
	 " AND g.tgt = x.tgt_node AND g.root = x.root)"},
	{"relations of a node that does not exist",
	 "SELECT count(*) FROM relations r WHERE NOT EXISTS (SELECT 1 FROM nodes n"
	 " WHERE n.id = r.src) OR NOT EXISTS (SELECT 1 FROM nodes n WHERE n.id = r.dst)"},
};

const struct dyad__graph_rule *dyad__graph_rules(size_t *n)
{
	*n = sizeof rules / sizeof rules[0];
	return rules;
}
