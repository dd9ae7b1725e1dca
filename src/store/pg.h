/*
 * pg.h - the inside of the PostgreSQL backend (pg_*.c): the libpq
 * connection, the statement of the interface over it, and the rows of the
 * open batch kept as COPY data until the batch is committed.
 *
 * Statements run in libpq's single-row mode, so a listing streams: rows
 * are read as the server sends them, never all at once. A connection runs
 * one query at a time; when another statement starts while one is still
 * being read, the rest of the first is read into memory first (only
 * nested queries pay for that).
 */
#ifndef DYAD_STORE_PG_H
#define DYAD_STORE_PG_H

#include <libpq-fe.h>

#include "core/buf.h"
#include "store/store.h"

/* Parameters a statement may have (?1 .. ?N). */
#define DYAD_PG_MAX_PARAMS 64

struct dyad__pg_stmt {
	struct dyad__stmt base;
	char *sql;                           /* with $N for ?N */
	int n_params;
	char *values[DYAD_PG_MAX_PARAMS];    /* NULL: SQL NULL */
	Oid types[DYAD_PG_MAX_PARAMS];       /* 0: let the server infer */
	int started;                         /* sent, rows being read */
	PGresult *row;                       /* the current row */
	PGresult **queued;                   /* rows read ahead (nested queries) */
	size_t n_queued, next_queued, cap_queued;
	int queued_done;                     /* the query ended after them */
	int queued_error;                    /* ... with an error */
};

/* The tables of a batch, in the order they are copied. */
enum dyad__pg_table {
	DYAD_PG_DOCUMENTS, DYAD_PG_ENTITIES, DYAD_PG_MENTIONS, DYAD_PG_EVENTS,
	DYAD_PG_QUOTES, DYAD_PG_AMOUNTS, DYAD_N_PG_TABLES
};

struct dyad__pg {
	PGconn *conn;
	struct dyad__pg_stmt *active;        /* the statement being read */
	char lasterr[DYAD_ERRMSG_MAX];       /* the server's last message */
	char sqlstate[6];                    /* and its SQLSTATE, "" for none */
	int lost;                            /* the connection is gone */
	struct dyad_buf copy[DYAD_N_PG_TABLES]; /* the open batch, COPY text */
	size_t n_copied;                     /* documents in it */
	int staged;                          /* temporary tables made */
	struct dyad_buf ids;                 /* "\nID\n..." of the open batch */
	int64_t seen_seq;                    /* dyad_store_changed(): -1 none */
};

/* Record the result's (or the connection's) error as the last one. */
void dyad__pg_note(struct dyad_store *store, const PGresult *res);

/* Run sql without parameters; DYAD_OK or DYAD_EDB with the error noted
 * and the store's message "what: ...". */
dyad_status dyad__pg_run(struct dyad_store *store, const char *sql, const char *what);

/* Read the rest of the active statement into memory, freeing the
 * connection for another query. */
void dyad__pg_park(struct dyad_store *store);

/* The schema (pg_schema.c): create or check. */
dyad_status dyad__pg_schema_apply(struct dyad_store *store);
dyad_status dyad__pg_schema_check(struct dyad_store *store);

/* The knowledge graph's step for the batch's new documents (the
 * staging table dyad_s_new), inside its transaction (pg_graph.c). */
dyad_status dyad__pg_graph_batch(struct dyad_store *store);

/* Storing (pg_put.c) and checking (pg_check.c). */
dyad_status dyad__pg_put(struct dyad_store *store, const struct dyad_doc *doc, int *added);
dyad_status dyad__pg_commit(struct dyad_store *store);
void dyad__pg_put_free(struct dyad_store *store);
dyad_status dyad__pg_check(struct dyad_store *store,
                           void (*report)(void *ctx, const char *problem), void *ctx,
                           size_t *n_problems);

#endif
