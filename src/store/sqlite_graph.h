/*
 * graph.h - the knowledge graph of the store: entities resolved across
 * documents into nodes, the events between nodes as weighted edges, and the
 * relations the articles state (office held, member of, located in).
 *
 * The per-document tables (entities, mentions, events) stay as extracted;
 * the graph is derived from them, by SQL over the rows of one document, in
 * the same transaction that stores the document. Because a document is
 * stored once (its id is the digest of its text), the graph's counts grow
 * once per document and re-ingesting changes nothing. A database of schema
 * version 1 gets its graph by running the same per-document step over
 * every stored document (dyad__graph_rebuild). docs/schema.md describes
 * the tables; src/query/graph.c reads them.
 */
#ifndef DYAD_STORE_GRAPH_H
#define DYAD_STORE_GRAPH_H

#include <sqlite3.h>

#include "dyad.h"

/* The tables and columns the graph adds (schema version 1 -> 2). */
extern const char dyad__graph_schema_sql[];

/* The statements of one document's graph step, prepared on first use. */
enum dyad__graph_stmt {
	DYAD_GSTEP_COUNTRIES,  /* country nodes every country code needs */
	DYAD_GSTEP_NODES,      /* one node per referent, counts grown */
	DYAD_GSTEP_LINKS,      /* which node each entity of the document is */
	DYAD_GSTEP_VARIANTS,   /* the names as written, counted */
	DYAD_GSTEP_EVENTS,     /* the events' day and end nodes */
	DYAD_GSTEP_EDGES,      /* event edges by root, counted, first/last day */
	DYAD_GSTEP_WEIGHTS,    /* the nodes' event counts */
	DYAD_GSTEP_RELATIONS,  /* office held, member of, located in */
	DYAD_N_GSTEPS
};

struct dyad__graph_stmts {
	sqlite3_stmt *s[DYAD_N_GSTEPS]; /* NULL until first used */
};

/*
 * Add the document doc_id (its rows already stored in the open
 * transaction) to the graph. SQLite's result code; on failure the caller
 * rolls the document back.
 */
int dyad__graph_put(sqlite3 *db, struct dyad__graph_stmts *stmts,
                    const char *doc_id);

/* Finalize the statements (before closing the connection). */
void dyad__graph_finalize(struct dyad__graph_stmts *stmts);

/*
 * Build the graph from every stored document, inside the caller's
 * transaction (the migration to version 2). SQLite's result code.
 */
int dyad__graph_rebuild(sqlite3 *db);

/* A rule of the graph's consistency: the query counts rows that break it. */
struct dyad__graph_rule {
	const char *what;
	const char *sql;
};

/* The rules dyad_store_check() applies to the graph; *n is their count. */
const struct dyad__graph_rule *dyad__graph_rules(size_t *n);

#endif
