/*
 * schema.c - creating and upgrading the tables of a dyad database (see
 * schema.h and docs/schema.md).
 *
 * Each entry of `migrations` is the SQL that takes the file from version i
 * to version i + 1. A change of schema appends an entry and bumps
 * DYAD_SCHEMA_VERSION; entries already released are never edited, because
 * files out there were made by them.
 */
#include "store/sqlite_schema.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "store/sqlite_graph.h"

/* Version 0 -> 1: the first schema. */
static const char migration_1[] =
	/* seq gives the FTS index a rowid that VACUUM cannot renumber; id is the
	 * key every other table refers to. */
	"CREATE TABLE IF NOT EXISTS documents ("
	"  seq INTEGER PRIMARY KEY,"
	"  id TEXT NOT NULL UNIQUE,"
	"  path TEXT, lang TEXT, title TEXT, published TEXT, source TEXT,"
	"  author TEXT, dateline TEXT, url TEXT, error TEXT, text TEXT,"
	"  ingested_at TEXT NOT NULL);"
	"CREATE TABLE IF NOT EXISTS entities ("
	"  doc_id TEXT NOT NULL, idx INTEGER NOT NULL, kind TEXT NOT NULL,"
	"  name TEXT, country TEXT, role TEXT, actor TEXT, lat REAL, lon REAL,"
	"  PRIMARY KEY (doc_id, idx));"
	"CREATE TABLE IF NOT EXISTS mentions ("
	"  doc_id TEXT NOT NULL, entity_idx INTEGER NOT NULL, idx INTEGER NOT NULL,"
	"  span_start INTEGER NOT NULL, span_end INTEGER NOT NULL,"
	"  PRIMARY KEY (doc_id, entity_idx, idx));"
	"CREATE TABLE IF NOT EXISTS events ("
	"  doc_id TEXT NOT NULL, idx INTEGER NOT NULL,"
	"  code TEXT NOT NULL, root TEXT NOT NULL, quad INTEGER, goldstein REAL,"
	"  src_country TEXT, src_actor TEXT, src_name TEXT, src_entity INTEGER,"
	"  tgt_country TEXT, tgt_actor TEXT, tgt_name TEXT, tgt_entity INTEGER,"
	"  date TEXT, place TEXT, sentence TEXT,"
	"  span_start INTEGER, span_end INTEGER, pred_start INTEGER, pred_end INTEGER,"
	"  flags INTEGER NOT NULL DEFAULT 0, n_mentions INTEGER NOT NULL DEFAULT 1,"
	"  PRIMARY KEY (doc_id, idx));"
	"CREATE TABLE IF NOT EXISTS quotes ("
	"  doc_id TEXT NOT NULL, idx INTEGER NOT NULL, speaker TEXT,"
	"  speaker_entity INTEGER, span_start INTEGER, span_end INTEGER, text TEXT,"
	"  PRIMARY KEY (doc_id, idx));"
	"CREATE TABLE IF NOT EXISTS amounts ("
	"  doc_id TEXT NOT NULL, idx INTEGER NOT NULL, value REAL, unit TEXT,"
	"  counts TEXT, span_start INTEGER, span_end INTEGER, text TEXT,"
	"  PRIMARY KEY (doc_id, idx));"
	/* External content: the text is stored once, in documents. */
	"CREATE VIRTUAL TABLE IF NOT EXISTS docs_fts USING fts5("
	"  title, text, content='documents', content_rowid='seq',"
	"  tokenize='unicode61 remove_diacritics 2');"
	/* The filters of 'dyad events' and the groupings of 'dyad stats'. */
	"CREATE INDEX IF NOT EXISTS documents_published ON documents(published);"
	"CREATE INDEX IF NOT EXISTS documents_source ON documents(source COLLATE NOCASE);"
	"CREATE INDEX IF NOT EXISTS documents_lang ON documents(lang);"
	"CREATE INDEX IF NOT EXISTS events_code ON events(code);"
	"CREATE INDEX IF NOT EXISTS events_date ON events(date);"
	"CREATE INDEX IF NOT EXISTS events_src_country ON events(src_country);"
	"CREATE INDEX IF NOT EXISTS events_tgt_country ON events(tgt_country);"
	"CREATE INDEX IF NOT EXISTS events_src_actor ON events(src_actor);"
	"CREATE INDEX IF NOT EXISTS events_tgt_actor ON events(tgt_actor);"
	"CREATE INDEX IF NOT EXISTS entities_kind ON entities(kind);";

/* Version 1 -> 2: the knowledge graph (store/sqlite_graph.h), whose rows are then
 * derived from the documents already stored (migrate() runs the step). */
/* Version 2 -> 3: each event's confidence (docs/events.md); NULL for the
 * events stored before, which had none. */
static const char migration_3[] = "ALTER TABLE events ADD COLUMN confidence REAL;";

static const char *const migrations[DYAD_SCHEMA_VERSION] = {
	migration_1,
	dyad__graph_schema_sql,
	migration_3,
};

/* The version whose migration must also fill the graph. */
#define DYAD_GRAPH_VERSION 2

static int pragma_int(sqlite3 *db, const char *sql, int *value)
{
	sqlite3_stmt *stmt;
	int rc = sqlite3_prepare_v2(db, sql, -1, &stmt, NULL);
	if (rc != SQLITE_OK)
		return rc;
	rc = sqlite3_step(stmt);
	if (rc == SQLITE_ROW) {
		*value = sqlite3_column_int(stmt, 0);
		rc = SQLITE_OK;
	}
	sqlite3_finalize(stmt);
	return rc;
}

static dyad_status fail(sqlite3 *db, char *errmsg, const char *what)
{
	if (errmsg) {
		int n = snprintf(errmsg, DYAD_ERRMSG_MAX, "%s: %s", what,
		                 sqlite3_errmsg(db));
		(void)n; /* a cut message is still a message */
	}
	return DYAD_EDB;
}

/* Run migrations from version `from` up, all in one transaction. */
static dyad_status migrate(sqlite3 *db, int from, char *errmsg)
{
	char pragma[64];
	if (sqlite3_exec(db, "BEGIN IMMEDIATE", NULL, NULL, NULL) != SQLITE_OK)
		return fail(db, errmsg, "cannot lock the database");
	/* Another process may have migrated while we waited for the lock. */
	int version = from;
	if (pragma_int(db, "PRAGMA user_version", &version) != SQLITE_OK)
		goto fail;
	for (int v = version; v < DYAD_SCHEMA_VERSION; v++)
		if (sqlite3_exec(db, migrations[v], NULL, NULL, NULL) != SQLITE_OK ||
		    (v + 1 == DYAD_GRAPH_VERSION && dyad__graph_rebuild(db) != SQLITE_OK))
			goto fail;
	snprintf(pragma, sizeof pragma, "PRAGMA user_version = %d;",
	         DYAD_SCHEMA_VERSION);
	if (sqlite3_exec(db, pragma, NULL, NULL, NULL) != SQLITE_OK)
		goto fail;
	snprintf(pragma, sizeof pragma, "PRAGMA application_id = %d;",
	         DYAD_APPLICATION_ID);
	if (sqlite3_exec(db, pragma, NULL, NULL, NULL) != SQLITE_OK)
		goto fail;
	if (sqlite3_exec(db, "COMMIT", NULL, NULL, NULL) != SQLITE_OK)
		goto fail;
	return DYAD_OK;
fail:
	fail(db, errmsg, "cannot create the tables");
	sqlite3_exec(db, "ROLLBACK", NULL, NULL, NULL);
	return DYAD_EDB;
}

/* What the file is, read without changing it. */
struct schema_state {
	int version, app_id, n_tables;
};

static dyad_status read_state(sqlite3 *db, struct schema_state *state,
                              char *errmsg)
{
	memset(state, 0, sizeof *state);
	if (pragma_int(db, "PRAGMA application_id", &state->app_id) != SQLITE_OK ||
	    pragma_int(db, "PRAGMA user_version", &state->version) != SQLITE_OK ||
	    pragma_int(db, "SELECT count(*) FROM sqlite_master", &state->n_tables) !=
	        SQLITE_OK)
		return fail(db, errmsg, "cannot read the database");
	return DYAD_OK;
}

static dyad_status refuse(char *errmsg, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));

static dyad_status refuse(char *errmsg, const char *fmt, ...)
{
	if (errmsg) {
		va_list ap;
		va_start(ap, fmt);
		int n = vsnprintf(errmsg, DYAD_ERRMSG_MAX, fmt, ap);
		va_end(ap);
		(void)n; /* a cut message is still a message */
	}
	return DYAD_EDB;
}

/* The refusals readers and writers share: another program's file, or one
 * from a newer dyad. */
static dyad_status check_owner(const struct schema_state *state, char *errmsg)
{
	if (state->app_id != 0 && state->app_id != DYAD_APPLICATION_ID)
		return refuse(errmsg, "not a dyad database (application_id %d)",
		              state->app_id);
	/* Version 0 with tables and no dyad id: some other program's tables. */
	if (state->app_id == 0 && state->version == 0 && state->n_tables > 0)
		return refuse(errmsg, "not a dyad database (it holds %d tables of "
		              "another program)", state->n_tables);
	if (state->version > DYAD_SCHEMA_VERSION)
		return refuse(errmsg,
		              "the database has schema version %d, newer than this "
		              "dyad understands (%d): use a newer dyad",
		              state->version, DYAD_SCHEMA_VERSION);
	return DYAD_OK;
}

dyad_status dyad__schema_apply(sqlite3 *db, char *errmsg)
{
	struct schema_state state;
	dyad_status st = read_state(db, &state, errmsg);
	if (st == DYAD_OK)
		st = check_owner(&state, errmsg);
	if (st != DYAD_OK)
		return st;
	if (state.version == DYAD_SCHEMA_VERSION)
		return DYAD_OK;
	return migrate(db, state.version, errmsg);
}

dyad_status dyad__schema_check(sqlite3 *db, char *errmsg)
{
	struct schema_state state;
	dyad_status st = read_state(db, &state, errmsg);
	if (st == DYAD_OK)
		st = check_owner(&state, errmsg);
	if (st != DYAD_OK)
		return st;
	if (state.version == 0 && state.n_tables == 0)
		return refuse(errmsg, "an empty database: nothing has been ingested "
		              "into it yet");
	if (state.version < DYAD_SCHEMA_VERSION)
		return refuse(errmsg,
		              "the database has schema version %d, older than this "
		              "dyad's (%d); commands that only read never upgrade it: "
		              "'dyad ingest' into it does",
		              state.version, DYAD_SCHEMA_VERSION);
	return DYAD_OK;
}
