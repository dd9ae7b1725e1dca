/*
 * sqlite_check.c - dyad_store_check() of a SQLite file (see dyad.h)
 *
 * Two layers. SQLite's integrity check reads every page, so it finds
 * corruption in pages no query happens to touch. Then the schema's own
 * rules, which SQLite cannot know: each one is a query counting the rows
 * that break it, so a check says how many rows are wrong and what rule they
 * break. The full-text index must hold exactly the stored documents (its
 * docsize table has one row per indexed rowid); on a handle that may write,
 * FTS5's own 'integrity-check' command also compares every indexed token
 * with the documents' texts. That command is an INSERT to SQLite, which a
 * read-only handle refuses even though it changes nothing.
 *
 * Nothing here changes the database.
 */
#include <stdio.h>
#include <string.h>

#include "store/check_rules.h"
#include "store/sqlite_graph.h"
#include "store/sqlite.h"

/* Integrity-check lines reported at most (a wrecked file has thousands). */
#define DYAD_CHECK_MAX_INTEGRITY 20

/* SQLite's own check; DYAD_EDB when it could not even run. */
static dyad_status integrity(struct dyad__checker *c)
{
	sqlite3_stmt *s;
	sqlite3 *db = c->store->lite->db;
	char sql[64];
	snprintf(sql, sizeof sql, "PRAGMA integrity_check(%d)",
	         DYAD_CHECK_MAX_INTEGRITY);
	if (sqlite3_prepare_v2(db, sql, -1, &s, NULL) != SQLITE_OK) {
		dyad__check_problem(c, "cannot check the file: %s", sqlite3_errmsg(db));
		return DYAD_EDB;
	}
	int rc;
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		const char *line = dyad__lite_column_text(s, 0);
		if (line && strcmp(line, "ok") != 0)
			dyad__check_problem(c, "storage: %s", line);
	}
	dyad_status st = DYAD_OK;
	if (rc != SQLITE_DONE) {
		dyad__check_problem(c, "cannot check the file: %s", sqlite3_errmsg(db));
		st = DYAD_EDB;
	}
	sqlite3_finalize(s);
	return st;
}

/* One integer from a query; -1 with a problem reported when it fails. */
static long long count(struct dyad__checker *c, const char *sql)
{
	sqlite3_stmt *s;
	sqlite3 *db = c->store->lite->db;
	long long n = -1;
	if (sqlite3_prepare_v2(db, sql, -1, &s, NULL) != SQLITE_OK) {
		dyad__check_problem(c, "cannot run a check (%s): %s", sql, sqlite3_errmsg(db));
		return -1;
	}
	if (sqlite3_step(s) == SQLITE_ROW)
		n = sqlite3_column_int64(s, 0);
	else
		dyad__check_problem(c, "cannot run a check (%s): %s", sql, sqlite3_errmsg(db));
	sqlite3_finalize(s);
	return n;
}

static const char *const tables[] = {
	"documents", "entities", "mentions", "events", "quotes", "amounts", "docs_fts",
	"docs_fts_docsize", "nodes", "node_entities", "node_variants", "edges",
	"relations",
};

/* Every table of the schema is there; 0 when one is missing. */
static int tables_present(struct dyad__checker *c)
{
	char sql[128];
	int ok = 1;
	for (size_t i = 0; i < sizeof tables / sizeof tables[0]; i++) {
		snprintf(sql, sizeof sql,
		         "SELECT count(*) FROM sqlite_master WHERE type = 'table'"
		         " AND name = '%s'", tables[i]);
		if (count(c, sql) == 0) {
			dyad__check_problem(c, "schema: table %s is missing", tables[i]);
			ok = 0;
		}
	}
	return ok;
}

static const struct dyad__check_rule rules[] = {
	DYAD_CHECK_COMMON_RULES("length(CAST(d.text AS BLOB))"),
	{"documents missing from the full-text index",
	 "SELECT count(*) FROM documents d WHERE NOT EXISTS"
	 " (SELECT 1 FROM docs_fts_docsize s WHERE s.id = d.seq)"},
	{"full-text index entries of no stored document",
	 "SELECT count(*) FROM docs_fts_docsize s WHERE NOT EXISTS"
	 " (SELECT 1 FROM documents d WHERE d.seq = s.id)"},
};

/* FTS5's comparison of its index with the documents' titles and texts. */
static void fts_matches(struct dyad__checker *c)
{
	sqlite3 *db = c->store->lite->db;
	sqlite3_stmt *s;
	if (c->store->readonly)
		return;
	/* rank 1: also compare with the content table (external content). */
	if (sqlite3_prepare_v2(db, "INSERT INTO docs_fts (docs_fts, rank)"
	                           " VALUES ('integrity-check', 1)",
	                       -1, &s, NULL) != SQLITE_OK) {
		dyad__check_problem(c, "cannot check the full-text index: %s", sqlite3_errmsg(db));
		return;
	}
	int rc = sqlite3_step(s);
	if (rc == SQLITE_CORRUPT)
		dyad__check_problem(c, "full-text index: does not match the documents (%s)",
		        sqlite3_errmsg(db));
	else if (rc != SQLITE_DONE)
		dyad__check_problem(c, "cannot check the full-text index: %s", sqlite3_errmsg(db));
	sqlite3_finalize(s);
}

dyad_status dyad__lite_check(struct dyad_store *store,
                             void (*report)(void *ctx, const char *problem),
                             void *ctx, size_t *n_problems)
{
	struct dyad__checker c = {store, report, ctx, 0, 0};
	store->errmsg[0] = '\0';
	dyad_status st = integrity(&c);
	if (st == DYAD_OK && tables_present(&c)) {
		for (size_t i = 0; i < sizeof rules / sizeof rules[0]; i++) {
			long long n = count(&c, rules[i].sql);
			if (n > 0)
				dyad__check_problem(&c, "%lld %s", n, rules[i].what);
		}
		size_t n_graph;
		const struct dyad__graph_rule *graph = dyad__graph_rules(&n_graph);
		for (size_t i = 0; i < n_graph; i++) {
			long long n = count(&c, graph[i].sql);
			if (n > 0)
				dyad__check_problem(&c, "%lld %s", n, graph[i].what);
		}
		fts_matches(&c);
	}
	if (n_problems)
		*n_problems = c.n;
	if (st != DYAD_OK)
		dyad__store_fail(store, "cannot check the database");
	return st;
}
