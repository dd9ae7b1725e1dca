/*
 * pg_store.c - the PostgreSQL backend (backend.h, pg.h): a database named
 * by a postgresql:// (or postgres://) URL, reached through libpq, holding
 * the same tables as the SQLite file (pg_schema.c, docs/schema.md).
 *
 * Queries are the interface's SQL with ?N written $N; every statement
 * streams in single-row mode. Reading opens the connection with
 * default_transaction_read_only, so a read-only command cannot change the
 * database, and checks the schema version instead of creating tables. A
 * failing server (unreachable, gone, out of space, refusing) is the
 * database failing: DYAD_EDB, which the commands turn into exit 3.
 */
#include "store/pg.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/alloc.h"

/* SQLSTATE of a statement cancelled by statement_timeout. */
#define PG_CANCELED "57014"

static struct dyad__pg_stmt *pgs(dyad__stmt *stmt)
{
	return (struct dyad__pg_stmt *)stmt;
}

void dyad__pg_note(struct dyad_store *store, const PGresult *res)
{
	struct dyad__pg *pg = store->pg;
	const char *msg = res ? PQresultErrorMessage(res) : NULL;
	if (!msg || !*msg)
		msg = PQerrorMessage(pg->conn);
	const char *state = res ? PQresultErrorField(res, PG_DIAG_SQLSTATE) : NULL;
	snprintf(pg->sqlstate, sizeof pg->sqlstate, "%s", state ? state : "");
	snprintf(pg->lasterr, sizeof pg->lasterr, "%s", msg && *msg ? msg : "unknown error");
	/* libpq's messages end with a line break (and may have a second line). */
	char *nl = strchr(pg->lasterr, '\n');
	if (nl)
		*nl = '\0';
	if (PQstatus(pg->conn) == CONNECTION_BAD)
		pg->lost = 1;
	if (strcmp(pg->sqlstate, PG_CANCELED) == 0 && store->time_limit_ms)
		store->timed_out = 1;
}

static dyad_status pg_fail(struct dyad_store *store, const char *what)
{
	struct dyad__pg *pg = store->pg;
	const char *why = pg && pg->lasterr[0] ? pg->lasterr : "unknown error";
	dyad__store_error(store, DYAD_EDB, "%s: %s", what, why);
	/* Class 53: insufficient resources; 53200 is out of memory. */
	return pg && strcmp(pg->sqlstate, "53200") == 0 ? DYAD_ENOMEM : DYAD_EDB;
}

dyad_status dyad__pg_run(struct dyad_store *store, const char *sql, const char *what)
{
	dyad__pg_park(store);
	PGresult *res = PQexec(store->pg->conn, sql);
	ExecStatusType s = PQresultStatus(res);
	dyad_status st = DYAD_OK;
	if (s != PGRES_COMMAND_OK && s != PGRES_TUPLES_OK) {
		dyad__pg_note(store, res);
		st = pg_fail(store, what);
	}
	PQclear(res);
	return st;
}

/* ---- statements ---- */

/* "... ?3 ..." -> "... $3 ...", outside quoted strings; *n the highest N. */
static char *dollar_sql(const char *sql, size_t len, int *n)
{
	char *out = dyad__malloc(len + 1);
	if (!out)
		return NULL;
	int quote = 0;
	*n = 0;
	for (size_t i = 0; i < len; i++) {
		char c = sql[i];
		if (c == '\'')
			quote = !quote;
		if (!quote && c == '?' && i + 1 < len && sql[i + 1] >= '0' && sql[i + 1] <= '9') {
			int v = atoi(sql + i + 1);
			if (v > *n)
				*n = v;
			c = '$';
		}
		out[i] = c;
	}
	out[len] = '\0';
	return out;
}

static dyad_status pg_prepare(struct dyad_store *store, const char *sql, size_t len,
                              int keep, dyad__stmt **out)
{
	(void)keep; /* the server plans a statement of the same text quickly */
	*out = NULL;
	struct dyad__pg_stmt *st = dyad__calloc(1, sizeof *st);
	if (!st || !(st->sql = dollar_sql(sql, len, &st->n_params))) {
		dyad__free(st);
		return dyad__store_error(store, DYAD_ENOMEM, "%s", dyad_strerror(DYAD_ENOMEM));
	}
	if (st->n_params > DYAD_PG_MAX_PARAMS) {
		dyad__free(st->sql);
		dyad__free(st);
		return dyad__store_error(store, DYAD_EDB, "a query with too many parameters");
	}
	st->base.be = &dyad__pg_backend;
	st->base.store = store;
	*out = &st->base;
	return DYAD_OK;
}

static void free_queue(struct dyad__pg_stmt *st)
{
	for (size_t i = st->next_queued; i < st->n_queued; i++)
		PQclear(st->queued[i]);
	dyad__free(st->queued);
	st->queued = NULL;
	st->n_queued = st->next_queued = st->cap_queued = 0;
	st->queued_done = 0;
	st->queued_error = 0;
}

/* Read what the connection still has for the running query; keep = 1
 * queues the rows for the statement, else they are dropped. */
static void drain(struct dyad_store *store, struct dyad__pg_stmt *st, int keep)
{
	PGresult *res;
	while ((res = PQgetResult(store->pg->conn)) != NULL) {
		ExecStatusType s = PQresultStatus(res);
		if (keep && s == PGRES_SINGLE_TUPLE) {
			if (st->n_queued == st->cap_queued) {
				size_t cap = st->cap_queued ? st->cap_queued * 2 : 64;
				PGresult **q = dyad__realloc(st->queued, cap * sizeof *q);
				if (!q) {
					PQclear(res);
					continue; /* rows lost: the statement will say so */
				}
				st->queued = q;
				st->cap_queued = cap;
			}
			st->queued[st->n_queued++] = res;
			continue;
		}
		if (keep && s != PGRES_SINGLE_TUPLE && s != PGRES_TUPLES_OK &&
		    s != PGRES_COMMAND_OK) {
			dyad__pg_note(store, res);
			st->queued_error = 1;
		}
		PQclear(res);
	}
	if (keep)
		st->queued_done = 1;
	store->pg->active = NULL;
}

void dyad__pg_park(struct dyad_store *store)
{
	if (store->pg && store->pg->active)
		drain(store, store->pg->active, 1);
}

static void pg_reset(dyad__stmt *stmt)
{
	struct dyad__pg_stmt *st = pgs(stmt);
	struct dyad_store *store = stmt->store;
	/* The rest is read and dropped: a cancel request travels on another
	 * connection and could reach the server after this query ended, and
	 * stop the next one instead. */
	if (store->pg->active == st)
		drain(store, st, 0);
	PQclear(st->row);
	st->row = NULL;
	free_queue(st);
	st->started = 0;
}

static void pg_release(dyad__stmt *stmt)
{
	struct dyad__pg_stmt *st = pgs(stmt);
	pg_reset(stmt);
	for (int i = 0; i < DYAD_PG_MAX_PARAMS; i++)
		dyad__free(st->values[i]);
	dyad__free(st->sql);
	dyad__free(st);
}

static void set_param(dyad__stmt *stmt, int col, char *value, Oid type)
{
	struct dyad__pg_stmt *st = pgs(stmt);
	if (col < 1 || col > DYAD_PG_MAX_PARAMS) {
		dyad__free(value);
		return;
	}
	dyad__free(st->values[col - 1]);
	st->values[col - 1] = value;
	st->types[col - 1] = type;
}

#define PG_TEXT 25
#define PG_INT8 20
#define PG_FLOAT8 701

/* Typed text, so that a parameter a query does not use (an unused value
 * of the event filter) or only tests for NULL is still well-typed. */
static void pg_bind_text(dyad__stmt *stmt, int col, const char *s)
{
	set_param(stmt, col, s ? dyad__strdup(s) : NULL, PG_TEXT);
}

static void pg_bind_int64(dyad__stmt *stmt, int col, int64_t v)
{
	char num[24];
	snprintf(num, sizeof num, "%lld", (long long)v);
	set_param(stmt, col, dyad__strdup(num), PG_INT8);
}

static void pg_bind_double(dyad__stmt *stmt, int col, double v)
{
	char num[32];
	snprintf(num, sizeof num, "%.17g", v);
	set_param(stmt, col, dyad__strdup(num), PG_FLOAT8);
}

static int start(struct dyad_store *store, struct dyad__pg_stmt *st)
{
	dyad__pg_park(store);
	if (store->time_limit_ms)
		store->timed_out = 0;
	PGconn *conn = store->pg->conn;
	if (!PQsendQueryParams(conn, st->sql, st->n_params, st->types,
	                       (const char *const *)st->values, NULL, NULL, 0)) {
		dyad__pg_note(store, NULL);
		return 0;
	}
	PQsetSingleRowMode(conn);
	store->pg->active = st;
	st->started = 1;
	return 1;
}

static int pg_step(dyad__stmt *stmt)
{
	struct dyad__pg_stmt *st = pgs(stmt);
	struct dyad_store *store = stmt->store;
	PQclear(st->row);
	st->row = NULL;
	if (!st->started && !start(store, st))
		return DYAD__STEP_ERROR;
	if (st->queued_done) {
		if (st->next_queued < st->n_queued) {
			st->row = st->queued[st->next_queued++];
			return DYAD__STEP_ROW;
		}
		return st->queued_error ? DYAD__STEP_ERROR : DYAD__STEP_DONE;
	}
	if (store->pg->active != st)
		return DYAD__STEP_DONE;
	PGresult *res = PQgetResult(store->pg->conn);
	ExecStatusType s = res ? PQresultStatus(res) : PGRES_TUPLES_OK;
	if (s == PGRES_SINGLE_TUPLE) {
		st->row = res;
		return DYAD__STEP_ROW;
	}
	int rc = DYAD__STEP_DONE;
	if (s != PGRES_TUPLES_OK && s != PGRES_COMMAND_OK) {
		dyad__pg_note(store, res);
		rc = DYAD__STEP_ERROR;
	}
	PQclear(res);
	if (res)
		drain(store, st, 0);
	store->pg->active = NULL;
	return rc;
}

static int pg_column_null(dyad__stmt *stmt, int col)
{
	PGresult *r = pgs(stmt)->row;
	return !r || col >= PQnfields(r) || PQgetisnull(r, 0, col);
}

static const char *pg_column_text(dyad__stmt *stmt, int col, size_t *len)
{
	PGresult *r = pgs(stmt)->row;
	if (len)
		*len = 0;
	if (pg_column_null(stmt, col))
		return NULL;
	if (len)
		*len = (size_t)PQgetlength(r, 0, col);
	return PQgetvalue(r, 0, col);
}

static int64_t pg_column_int64(dyad__stmt *stmt, int col)
{
	const char *v = pg_column_text(stmt, col, NULL);
	return v ? (int64_t)strtoll(v, NULL, 10) : 0;
}

static double pg_column_double(dyad__stmt *stmt, int col)
{
	const char *v = pg_column_text(stmt, col, NULL);
	return v ? strtod(v, NULL) : 0.0;
}

/* Reads in one snapshot (the SQLite file's read transaction does the same). */
static dyad_status pg_exec(struct dyad_store *store, const char *sql)
{
	if (strcmp(sql, "BEGIN") == 0)
		sql = "BEGIN ISOLATION LEVEL REPEATABLE READ";
	store->pg->lasterr[0] = '\0';
	return dyad__pg_run(store, sql, "cannot read the database");
}

/* websearch_to_tsquery() takes any text: there is no malformed query. */
static dyad_status pg_check_match(struct dyad_store *store, const char *match)
{
	(void)store;
	(void)match;
	return DYAD_OK;
}

/* ---- the handle ---- */

static void pg_set_time_limit(struct dyad_store *store, unsigned ms)
{
	char sql[64];
	snprintf(sql, sizeof sql, "SET statement_timeout = %u", ms);
	(void)dyad__pg_run(store, sql, "cannot set the time limit");
	store->errmsg[0] = '\0';
}

/* The server sizes its own memory. */
static dyad_status pg_set_memory(struct dyad_store *store, size_t map, size_t cache)
{
	(void)store;
	(void)map;
	(void)cache;
	return DYAD_OK;
}

/* Documents are only ever added, each with a higher seq: the highest seq
 * moves exactly when something was stored. */
static int pg_changed(struct dyad_store *store)
{
	dyad__stmt *s;
	if (pg_prepare(store, "SELECT COALESCE(max(seq), 0) FROM documents", 44, 0, &s) !=
	    DYAD_OK)
		return 1;
	int64_t v = -2;
	if (pg_step(s) == DYAD__STEP_ROW)
		v = pg_column_int64(s, 0);
	pg_release(s);
	int changed = v < 0 || v != store->pg->seen_seq;
	store->pg->seen_seq = v;
	return changed;
}

static void pg_close(struct dyad_store *store)
{
	if (!store->pg)
		return;
	dyad__pg_put_free(store);
	if (store->pg->conn)
		PQfinish(store->pg->conn);
	dyad__free(store->pg);
	store->pg = NULL;
}

/* Notices ("relation already exists, skipping") are not for the user. */
static void quiet(void *arg, const char *message)
{
	(void)arg;
	(void)message;
}

/* The URL with its password replaced, for messages. */
static void shown_url(const char *url, char *out, size_t size)
{
	const char *at = strchr(url, '@');
	const char *colon = at ? memchr(url + 13, ':', (size_t)(at - url) - 13) : NULL;
	if (!colon || strlen(url) < 14)
		snprintf(out, size, "%s", url);
	else
		snprintf(out, size, "%.*s:***%s", (int)(colon - url), url, at);
}

dyad_status dyad__pg_open(const char *url, int readonly, struct dyad_store *store,
                          char *errmsg)
{
	char shown[DYAD_ERRMSG_MAX / 2];
	shown_url(url, shown, sizeof shown);
	if (!(store->pg = dyad__calloc(1, sizeof *store->pg))) {
		if (errmsg)
			snprintf(errmsg, DYAD_ERRMSG_MAX, "%s: %s", shown, dyad_strerror(DYAD_ENOMEM));
		return DYAD_ENOMEM;
	}
	for (int i = 0; i < DYAD_N_PG_TABLES; i++)
		dyad_buf_init(&store->pg->copy[i], 0);
	store->pg->seen_seq = -1;
	PGconn *conn = store->pg->conn = PQconnectdb(url);
	dyad_status st = DYAD_OK;
	if (!conn || PQstatus(conn) != CONNECTION_OK) {
		dyad__store_error(store, DYAD_EDB, "cannot connect: %s",
		                  conn ? PQerrorMessage(conn) : dyad_strerror(DYAD_ENOMEM));
		char *nl = strchr(store->errmsg, '\n');
		if (nl)
			*nl = '\0';
		st = DYAD_EDB;
	} else {
		PQsetNoticeProcessor(conn, quiet, NULL);
		if (PQsetClientEncoding(conn, "UTF8") != 0)
			st = dyad__store_error(store, DYAD_EDB, "the server cannot talk UTF-8");
		else if (readonly)
			st = dyad__pg_run(store, "SET default_transaction_read_only = on",
			                  "cannot open for reading");
		if (st == DYAD_OK)
			st = readonly ? dyad__pg_schema_check(store) : dyad__pg_schema_apply(store);
	}
	if (st != DYAD_OK && errmsg)
		snprintf(errmsg, DYAD_ERRMSG_MAX, "%s: %s", shown, store->errmsg);
	return st;
}

const struct dyad__backend dyad__pg_backend = {
	.name = "postgresql",
	.close = pg_close,
	.put = dyad__pg_put,
	.commit = dyad__pg_commit,
	.check = dyad__pg_check,
	.set_time_limit = pg_set_time_limit,
	.set_memory = pg_set_memory,
	.changed = pg_changed,
	.fail = pg_fail,
	.prepare = pg_prepare,
	.release = pg_release,
	.reset = pg_reset,
	.bind_text = pg_bind_text,
	.bind_int64 = pg_bind_int64,
	.bind_double = pg_bind_double,
	.step = pg_step,
	.column_null = pg_column_null,
	.column_text = pg_column_text,
	.column_int64 = pg_column_int64,
	.column_double = pg_column_double,
	.exec = pg_exec,
	.check_match = pg_check_match,
	.sql_match = " AND d.tsv @@ websearch_to_tsquery('simple', dyad_fts(?%1$d))",
	.sql_nocase = " AND lower(%1$s) = lower(?%2$d)",
};
