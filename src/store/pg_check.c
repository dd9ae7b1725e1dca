/*
 * pg_check.c - dyad_store_check() of a PostgreSQL database: the schema's
 * rules, each a query counting the rows that break it (the same rules as
 * sqlite_check.c's and the graph's, in PostgreSQL's words). The server
 * keeps its own pages and the full-text column (a generated tsvector), so
 * there is no page or index check to add. Nothing is changed.
 */
#include "store/check_rules.h"
#include "store/pg.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "store/sqlite_graph.h"

static const struct dyad__check_rule rules[] = {
	DYAD_CHECK_COMMON_RULES("octet_length(d.text)"),
	{"documents stored twice", "SELECT count(*) - count(DISTINCT id) FROM documents"},
};

static const char *const tables[] = {
	"documents", "entities", "mentions", "events", "quotes", "amounts",
	"nodes", "node_entities", "node_variants", "edges", "relations",
};

/* One count; -1 (reported) when the query fails. The graph's rules are
 * SQLite's text: its "x IS NOT y" is PostgreSQL's IS DISTINCT FROM. */
static long long count(struct dyad__checker *c, const char *sql)
{
	char fixed[4096];
	const char *isnot = strstr(sql, " IS NOT COALESCE");
	if (isnot && strlen(sql) + 32 < sizeof fixed) {
		snprintf(fixed, sizeof fixed, "%.*s IS DISTINCT FROM%s", (int)(isnot - sql), sql,
		         isnot + strlen(" IS NOT"));
		sql = fixed;
	}
	PGresult *res = PQexec(c->store->pg->conn, sql);
	long long n = -1;
	if (PQresultStatus(res) == PGRES_TUPLES_OK && PQntuples(res) == 1)
		n = strtoll(PQgetvalue(res, 0, 0), NULL, 10);
	else {
		dyad__pg_note(c->store, res);
		dyad__check_problem(c, "cannot run a check (%s): %s", sql, c->store->pg->lasterr);
		c->failed = c->store->pg->lost;
	}
	PQclear(res);
	return n;
}

dyad_status dyad__pg_check(struct dyad_store *store,
                           void (*report)(void *ctx, const char *problem), void *ctx,
                           size_t *n_problems)
{
	struct dyad__checker c = {store, report, ctx, 0, 0};
	char sql[128];
	store->errmsg[0] = '\0';
	dyad__pg_park(store);
	int present = 1;
	for (size_t i = 0; i < sizeof tables / sizeof tables[0]; i++) {
		snprintf(sql, sizeof sql, "SELECT count(*) FROM pg_tables WHERE tablename = '%s'",
		         tables[i]);
		if (count(&c, sql) == 0) {
			dyad__check_problem(&c, "schema: table %s is missing", tables[i]);
			present = 0;
		}
	}
	for (size_t i = 0; present && i < sizeof rules / sizeof rules[0]; i++) {
		long long n = count(&c, rules[i].sql);
		if (n > 0)
			dyad__check_problem(&c, "%lld %s", n, rules[i].what);
	}
	size_t n_graph;
	const struct dyad__graph_rule *graph = dyad__graph_rules(&n_graph);
	for (size_t i = 0; present && i < n_graph; i++) {
		long long n = count(&c, graph[i].sql);
		if (n > 0)
			dyad__check_problem(&c, "%lld %s", n, graph[i].what);
	}
	if (n_problems)
		*n_problems = c.n;
	if (c.failed)
		return dyad__store_fail(store, "cannot check the database");
	return DYAD_OK;
}
