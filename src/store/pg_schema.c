/*
 * pg_schema.c - the tables of a dyad database in PostgreSQL: the same
 * tables and columns as the SQLite file (docs/schema.md), in PostgreSQL's
 * types, plus what PostgreSQL needs to answer the same queries:
 *
 * - text columns compare byte by byte (COLLATE "C"), as SQLite's do, so
 *   listings come in the same order whatever the database's locale;
 * - documents.tsv, a tsvector of title and text kept by the server (a
 *   generated column, GIN-indexed), for --match;
 * - the few functions the shared SQL calls that PostgreSQL lacks or names
 *   otherwise: dyad_fold (lower case in every script), instr, date and
 *   strftime for the timeline's weeks, the aggregate total, and dyad_fts,
 *   which reads an FTS5 query ("gas AND pipeline", NOT, OR, "phrases") as
 *   websearch_to_tsquery does.
 *
 * The version is the row schema_version of dyad_meta. Creating the schema
 * holds an advisory lock, so that ingesters started together on an empty
 * database do not race. Another column (as the events' confidence was) is
 * a line in the table's DDL below and one in sqlite_*.c's.
 */
#include "store/pg.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "store/sqlite_schema.h"

/* Text that sorts and compares as bytes, like SQLite's. */
#define T " text COLLATE \"C\""

static const char schema_sql[] =
	"CREATE TABLE dyad_meta (key" T " PRIMARY KEY, value" T ");"
	"CREATE TABLE documents (seq bigserial PRIMARY KEY, id" T " NOT NULL UNIQUE,"
	" path" T ", lang" T ", title" T ", published" T ", source" T ", author" T ","
	" dateline" T ", url" T ", error" T ", text" T ", ingested_at" T " NOT NULL,"
	" tsv tsvector GENERATED ALWAYS AS (to_tsvector('simple',"
	"  coalesce(title, '') || ' ' || coalesce(text, ''))) STORED);"
	"CREATE TABLE entities (doc_id" T " NOT NULL, idx integer NOT NULL, kind" T " NOT NULL,"
	" name" T ", country" T ", role" T ", actor" T ", lat double precision,"
	" lon double precision, PRIMARY KEY (doc_id, idx));"
	"CREATE TABLE mentions (doc_id" T " NOT NULL, entity_idx integer NOT NULL,"
	" idx integer NOT NULL, span_start integer NOT NULL, span_end integer NOT NULL,"
	" PRIMARY KEY (doc_id, entity_idx, idx));"
	"CREATE TABLE events (doc_id" T " NOT NULL, idx integer NOT NULL, code" T " NOT NULL,"
	" root" T " NOT NULL, quad integer, goldstein double precision,"
	" src_country" T ", src_actor" T ", src_name" T ", src_entity integer,"
	" tgt_country" T ", tgt_actor" T ", tgt_name" T ", tgt_entity integer,"
	" date" T ", place" T ", sentence" T ", span_start integer, span_end integer,"
	" pred_start integer, pred_end integer, flags integer NOT NULL DEFAULT 0,"
	" n_mentions integer NOT NULL DEFAULT 1, confidence double precision,"
	" day" T ", src_node bigint, tgt_node bigint, PRIMARY KEY (doc_id, idx));"
	"CREATE TABLE quotes (doc_id" T " NOT NULL, idx integer NOT NULL, speaker" T ","
	" speaker_entity integer, span_start integer, span_end integer, text" T ","
	" PRIMARY KEY (doc_id, idx));"
	"CREATE TABLE amounts (doc_id" T " NOT NULL, idx integer NOT NULL,"
	" value double precision, unit" T ", counts" T ", span_start integer,"
	" span_end integer, text" T ", PRIMARY KEY (doc_id, idx));"
	"CREATE TABLE nodes (id bigserial PRIMARY KEY, key" T " NOT NULL UNIQUE,"
	" kind" T " NOT NULL, name" T " NOT NULL, country" T ", actor" T ","
	" n_docs bigint NOT NULL DEFAULT 0, n_mentions bigint NOT NULL DEFAULT 0,"
	" n_events bigint NOT NULL DEFAULT 0, first_day" T ", last_day" T ");"
	"CREATE TABLE node_entities (doc_id" T " NOT NULL, idx integer NOT NULL,"
	" node_id bigint NOT NULL, PRIMARY KEY (doc_id, idx));"
	"CREATE TABLE node_variants (node_id bigint NOT NULL, variant" T " NOT NULL,"
	" n bigint NOT NULL, PRIMARY KEY (node_id, variant));"
	"CREATE TABLE edges (src bigint NOT NULL, tgt bigint NOT NULL, root" T " NOT NULL,"
	" quad integer NOT NULL, n_events bigint NOT NULL, first_day" T ", last_day" T ","
	" PRIMARY KEY (src, tgt, quad, root));"
	"CREATE TABLE relations (src bigint NOT NULL, rel" T " NOT NULL, dst bigint NOT NULL,"
	" label" T " NOT NULL, n_docs bigint NOT NULL, first_day" T ", last_day" T ","
	" PRIMARY KEY (src, rel, dst, label));"
	"CREATE INDEX documents_published ON documents(published);"
	"CREATE INDEX documents_source ON documents(lower(source));"
	"CREATE INDEX documents_lang ON documents(lang);"
	"CREATE INDEX documents_tsv ON documents USING gin(tsv);"
	"CREATE INDEX events_code ON events(code);"
	"CREATE INDEX events_order ON events((day IS NULL), day, doc_id, idx);"
	"CREATE INDEX events_day ON events(day, quad, root);"
	"CREATE INDEX events_src_node ON events(src_node, tgt_node, root);"
	"CREATE INDEX events_tgt_node ON events(tgt_node);"
	"CREATE INDEX events_dyad_cc ON events(src_country, tgt_country);"
	"CREATE INDEX events_dyad_ca ON events(src_country, tgt_actor);"
	"CREATE INDEX events_dyad_ac ON events(tgt_country, src_actor);"
	"CREATE INDEX entities_kind ON entities(kind);"
	"CREATE INDEX nodes_mentions ON nodes(n_mentions);"
	"CREATE INDEX nodes_events ON nodes(n_events);"
	"CREATE INDEX nodes_kind ON nodes(kind, n_mentions);"
	"CREATE INDEX node_entities_node ON node_entities(node_id);"
	"CREATE INDEX edges_tgt ON edges(tgt);"
	"CREATE INDEX relations_dst ON relations(dst);";

/* The functions the shared SQL calls (see the top of the file). ICU's
 * case mapping when the server has it, else the database's lower(). */
static const char functions_sql[] =
	"DO $$ BEGIN"
	" EXECUTE 'CREATE FUNCTION dyad_fold(text) RETURNS text LANGUAGE sql IMMUTABLE"
	"  AS ''SELECT lower($1 COLLATE \"und-x-icu\")''';"
	" EXCEPTION WHEN OTHERS THEN"
	" EXECUTE 'CREATE FUNCTION dyad_fold(text) RETURNS text LANGUAGE sql IMMUTABLE"
	"  AS ''SELECT lower($1)''';"
	" END $$;"
	"CREATE FUNCTION instr(text, text) RETURNS integer LANGUAGE sql IMMUTABLE"
	" AS 'SELECT strpos($1, $2)';"
	"CREATE FUNCTION date(text, text) RETURNS text LANGUAGE sql IMMUTABLE"
	" AS 'SELECT CAST(CAST(CAST($1 AS date) + CAST($2 AS interval) AS date) AS text)';"
	"CREATE FUNCTION strftime(text, text) RETURNS text LANGUAGE sql IMMUTABLE"
	" AS 'SELECT CASE WHEN $1 = ''%w'' THEN"
	"  CAST(CAST(extract(dow FROM CAST($2 AS date)) AS integer) AS text) END';"
	"CREATE AGGREGATE total(double precision) (sfunc = float8pl, stype = float8,"
	" initcond = '0');"
	"CREATE FUNCTION dyad_fts(text) RETURNS text LANGUAGE sql IMMUTABLE"
	" AS 'SELECT regexp_replace(regexp_replace($1, ''\\mAND\\M'', '' '', ''g''),"
	"  ''\\mNOT\\s+'', ''-'', ''g'')';";

/* Held while the schema is looked at or made: "dyad" in ASCII. */
#define DYAD_PG_LOCK "1685682532"

/* The schema_version row: the version, 0 when there is no dyad_meta
 * table, -1 when the query failed; *foreign when the database holds a
 * documents table without it. */
static int version(struct dyad_store *store, int *foreign)
{
	PGconn *conn = store->pg->conn;
	PGresult *res = PQexec(conn, "SELECT to_regclass('dyad_meta') IS NOT NULL,"
	                             " to_regclass('documents') IS NOT NULL");
	int v = -1;
	*foreign = 0;
	if (PQresultStatus(res) != PGRES_TUPLES_OK || PQntuples(res) != 1) {
		dyad__pg_note(store, res);
		PQclear(res);
		return -1;
	}
	int meta = PQgetvalue(res, 0, 0)[0] == 't', docs = PQgetvalue(res, 0, 1)[0] == 't';
	PQclear(res);
	if (!meta) {
		*foreign = docs;
		return 0;
	}
	res = PQexec(conn, "SELECT value FROM dyad_meta WHERE key = 'schema_version'");
	if (PQresultStatus(res) == PGRES_TUPLES_OK && PQntuples(res) == 1)
		v = (int)strtol(PQgetvalue(res, 0, 0), NULL, 10);
	else
		dyad__pg_note(store, res);
	PQclear(res);
	return v;
}

static dyad_status judge(struct dyad_store *store, int v, int foreign, int reading)
{
	if (v < 0)
		return dyad__store_fail(store, "cannot read the schema");
	if (foreign)
		return dyad__store_error(store, DYAD_EDB,
		                         "not a dyad database (a documents table without dyad_meta)");
	if (v == 0 && reading)
		return dyad__store_error(store, DYAD_EDB,
		                         "an empty database (run 'dyad ingest' first)");
	if (v > DYAD_SCHEMA_VERSION)
		return dyad__store_error(store, DYAD_EDB,
		                         "schema version %d is newer than this dyad's (%d)", v,
		                         DYAD_SCHEMA_VERSION);
	if (v && v != DYAD_SCHEMA_VERSION)
		return dyad__store_error(store, DYAD_EDB,
		                         "schema version %d is older than this dyad's (%d)", v,
		                         DYAD_SCHEMA_VERSION);
	return DYAD_OK;
}

dyad_status dyad__pg_schema_check(struct dyad_store *store)
{
	int foreign;
	int v = version(store, &foreign);
	return judge(store, v, foreign, 1);
}

dyad_status dyad__pg_schema_apply(struct dyad_store *store)
{
	int foreign;
	dyad_status st = dyad__pg_run(store, "SELECT pg_advisory_lock(" DYAD_PG_LOCK ")",
	                              "cannot lock the schema");
	if (st != DYAD_OK)
		return st;
	int v = version(store, &foreign);
	st = judge(store, v, foreign, 0);
	if (st == DYAD_OK && v == 0) {
		char meta[128];
		snprintf(meta, sizeof meta,
		         "INSERT INTO dyad_meta VALUES ('application', 'dyad'),"
		         " ('schema_version', '%d')", DYAD_SCHEMA_VERSION);
		if ((st = dyad__pg_run(store, "BEGIN", "cannot create the tables")) == DYAD_OK &&
		    (st = dyad__pg_run(store, schema_sql, "cannot create the tables")) == DYAD_OK &&
		    (st = dyad__pg_run(store, functions_sql, "cannot create the functions")) ==
		        DYAD_OK &&
		    (st = dyad__pg_run(store, meta, "cannot create the tables")) == DYAD_OK)
			st = dyad__pg_run(store, "COMMIT", "cannot create the tables");
		if (st != DYAD_OK) {
			char keep[DYAD_ERRMSG_MAX];
			memcpy(keep, store->errmsg, sizeof keep);
			(void)dyad__pg_run(store, "ROLLBACK", "cannot roll back");
			memcpy(store->errmsg, keep, sizeof keep);
		}
	}
	char keep[DYAD_ERRMSG_MAX];
	memcpy(keep, store->errmsg, sizeof keep);
	(void)dyad__pg_run(store, "SELECT pg_advisory_unlock(" DYAD_PG_LOCK ")", "unlock");
	memcpy(store->errmsg, keep, sizeof keep);
	return st;
}
