/*
 * store.h - a dyad_store as every backend sees it: the operations table
 * (backend.h), what a run of puts keeps (the batch), the query time limit
 * and the message of the last failure, plus the backend's own state
 * (sqlite.h, pg.h). Shared by src/store and src/query, the stage after
 * extraction in the pipeline:
 *
 *     read -> extract -> store (this) -> query
 *
 * The query code reads only the common fields and calls only the
 * interface; the backend pointers are for src/store.
 */
#ifndef DYAD_STORE_STORE_H
#define DYAD_STORE_STORE_H

#include <stdint.h>

#include "dyad.h"
#include "store/backend.h"

struct dyad__sqlite;
struct dyad__pg;

struct dyad_store {
	const struct dyad__backend *be;
	int readonly;         /* opened by dyad_store_open_readonly() */
	size_t batch;         /* documents per transaction */
	size_t n_batched;     /* documents put in the open transaction */
	size_t n_pending;     /* of them, new ones (lost if it rolls back) */
	int in_batch;         /* a transaction is open */
	unsigned time_limit_ms;              /* dyad_store_set_time_limit() */
	int timed_out;                       /* the last query hit the limit */
	struct dyad__sqlite *lite;           /* the SQLite backend's, or NULL */
	struct dyad__pg *pg;                 /* the PostgreSQL backend's, or NULL */
	char errmsg[DYAD_ERRMSG_MAX];
};

/*
 * Record "what: <the database's message>" as the store's error and return
 * DYAD_EDB (DYAD_ENOMEM when the database ran out of memory).
 */
dyad_status dyad__store_fail(struct dyad_store *store, const char *what);

/* Record a formatted message as the store's error and return status. */
dyad_status dyad__store_error(struct dyad_store *store, dyad_status status,
                              const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

/* A zeroed store of the default batch size; NULL when out of memory. */
struct dyad_store *dyad__store_new(void);

/* Open url for writing or reading into store, which has its backend set:
 * a SQLite file (sqlite_store.c) or a PostgreSQL database (pg_store.c).
 * errmsg (DYAD_ERRMSG_MAX bytes or NULL) says why it failed, naming url. */
dyad_status dyad__lite_open(const char *path, int readonly, struct dyad_store *store,
                            char *errmsg);
dyad_status dyad__pg_open(const char *url, int readonly, struct dyad_store *store,
                          char *errmsg);

/* 1 when url names a PostgreSQL database (postgresql:// or postgres://). */
int dyad__store_is_pg(const char *url);

#endif
