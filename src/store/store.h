/*
 * store.h - the inside of a dyad_store: the SQLite connection, the prepared
 * statements that storing a document reuses, and the error message of the
 * last failure. Shared by src/store (schema, put) and src/query (events,
 * documents, stats), the stage after extraction in the pipeline:
 *
 *     read -> extract -> store (this) -> query
 */
#ifndef DYAD_STORE_STORE_H
#define DYAD_STORE_STORE_H

#include <sqlite3.h>
#include <stdint.h>

#include "dyad.h"
#include "store/graph.h"

/* The statements of dyad_store_put(), prepared on first use. */
enum dyad__put_stmt {
	DYAD_PUT_BEGIN,
	DYAD_PUT_COMMIT,
	DYAD_PUT_ROLLBACK,
	DYAD_PUT_SAVEPOINT,
	DYAD_PUT_RELEASE,
	DYAD_PUT_UNDO_DOC,
	DYAD_PUT_DOCUMENT,
	DYAD_PUT_FTS,
	DYAD_PUT_ENTITY,
	DYAD_PUT_MENTION,
	DYAD_PUT_EVENT,
	DYAD_PUT_QUOTE,
	DYAD_PUT_AMOUNT,
	DYAD_N_PUT_STMTS
};

/* How long a writer waits for another process's transaction, in ms
 * ($DYAD_BUSY_TIMEOUT_MS overrides it). */
#define DYAD_STORE_BUSY_MS 10000

/* Statements of queries kept prepared per handle (stmts.c). */
#define DYAD_STMT_CACHE 16
struct dyad__stmt_cache {
	sqlite3_stmt *stmt[DYAD_STMT_CACHE]; /* NULL: a free slot */
	uint64_t hash[DYAD_STMT_CACHE];      /* of its SQL text */
	unsigned long long used[DYAD_STMT_CACHE]; /* clock of its last use */
	int busy[DYAD_STMT_CACHE];           /* handed out, not yet put back */
	unsigned long long clock;
};

struct dyad_store {
	sqlite3 *db;
	int readonly;         /* opened by dyad_store_open_readonly() */
	int busy_ms;          /* the busy timeout in force */
	size_t batch;         /* documents per transaction */
	size_t n_batched;     /* documents put in the open transaction */
	size_t n_pending;     /* of them, new ones (lost if it rolls back) */
	int in_batch;         /* a transaction is open */
	sqlite3_stmt *put[DYAD_N_PUT_STMTS]; /* NULL until first used */
	struct dyad__graph_stmts graph;      /* the graph step of a put */
	struct dyad__stmt_cache stmts;       /* queries kept prepared */
	unsigned time_limit_ms;              /* dyad_store_set_time_limit() */
	long long deadline_ns;               /* of the running query, 0: none */
	int timed_out;                       /* the last query hit the limit */
	unsigned data_version;               /* seen by dyad_store_changed() */
	int seen_version;                    /* data_version is set */
	char errmsg[DYAD_ERRMSG_MAX];
};

/*
 * Record "what: <SQLite's message>" as the store's error and return
 * DYAD_EDB (DYAD_ENOMEM when SQLite ran out of memory).
 */
dyad_status dyad__store_fail(struct dyad_store *store, const char *what);

/*
 * 1 when SQLite's last error on the connection is the database failing
 * (full disk, I/O error, corruption, read-only file, lock held past the
 * busy timeout, out of memory), 0 when it is about one document's rows
 * (a constraint, a value too big): the run can go on after those.
 */
int dyad__store_failed_db(const struct dyad_store *store);

/* Record a formatted message as the store's error and return status. */
dyad_status dyad__store_error(struct dyad_store *store, dyad_status status,
                              const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

/* Finalize the put statements (before closing). */
void dyad__store_put_finalize(struct dyad_store *store);

/*
 * The statement of (sql, len), prepared now or kept from an earlier
 * query, reset and unbound; give it back with dyad__stmt_put() (which
 * finalizes it when it is not kept). DYAD_EDB/DYAD_ENOMEM with the
 * store's message. dyad__stmt_finalize() ends them all (before closing).
 */
dyad_status dyad__stmt_get(struct dyad_store *store, const char *sql, size_t len,
                           sqlite3_stmt **out);
void dyad__stmt_put(struct dyad_store *store, sqlite3_stmt *stmt);
void dyad__stmt_finalize(struct dyad_store *store);

/*
 * Bind a string or SQL NULL (s == NULL). The text is not copied: it must
 * stay valid until the statement is reset. SQLite's result code.
 */
int dyad__bind_text(sqlite3_stmt *stmt, int col, const char *s);

/*
 * The text of a column as a C string, or NULL for SQL NULL. Valid until the
 * statement is stepped, reset or finalized.
 */
const char *dyad__column_text(sqlite3_stmt *stmt, int col);

#endif
