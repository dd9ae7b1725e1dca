/*
 * sqlite.h - the inside of the SQLite backend (sqlite_*.c): the
 * connection, the prepared statements that storing a document reuses, the
 * statements of queries kept per handle. Only src/store/sqlite_*.c see it;
 * the query code sees the backend interface (backend.h).
 */
#ifndef DYAD_STORE_SQLITE_H
#define DYAD_STORE_SQLITE_H

#include <sqlite3.h>
#include <stdint.h>

#include "dyad.h"
#include "store/sqlite_graph.h"
#include "store/store.h"

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

/* Statements of queries kept prepared per handle (sqlite_stmts.c). */
#define DYAD_STMT_CACHE 16
struct dyad__stmt_cache {
	struct dyad__lite_stmt *stmt[DYAD_STMT_CACHE]; /* NULL: a free slot */
	uint64_t hash[DYAD_STMT_CACHE];      /* of its SQL text */
	unsigned long long used[DYAD_STMT_CACHE]; /* clock of its last use */
	int busy[DYAD_STMT_CACHE];           /* handed out, not yet put back */
	unsigned long long clock;
};

/* A kept statement: the interface's header, then SQLite's. */
struct dyad__lite_stmt {
	struct dyad__stmt base;
	sqlite3_stmt *s;
	int kept; /* in the cache, not finalized when given back */
};

struct dyad__sqlite {
	sqlite3 *db;
	int busy_ms;          /* the busy timeout in force */
	sqlite3_stmt *put[DYAD_N_PUT_STMTS]; /* NULL until first used */
	struct dyad__graph_stmts graph;      /* the graph step of a put */
	struct dyad__stmt_cache stmts;       /* queries kept prepared */
	long long deadline_ns;               /* of the running query, 0: none */
	unsigned data_version;               /* seen by dyad_store_changed() */
	int seen_version;                    /* data_version is set */
};

/*
 * 1 when SQLite's last error on the connection is the database failing
 * (full disk, I/O error, corruption, read-only file, lock held past the
 * busy timeout, out of memory), 0 when it is about one document's rows
 * (a constraint, a value too big): the run can go on after those.
 */
int dyad__store_failed_db(const struct dyad_store *store);

/* Finalize the put statements (before closing). */
void dyad__store_put_finalize(struct dyad_store *store);

/* The statement interface of this backend (sqlite_stmts.c): prepare with
 * the cache, give back, finalize every kept one (before closing). */
dyad_status dyad__lite_prepare(struct dyad_store *store, const char *sql, size_t len,
                               int keep, dyad__stmt **out);
void dyad__lite_release(dyad__stmt *stmt);
void dyad__lite_reset(dyad__stmt *stmt);
void dyad__stmt_finalize(struct dyad_store *store);
void dyad__lite_bind_text_ops(dyad__stmt *stmt, int col, const char *s);
void dyad__lite_bind_int64(dyad__stmt *stmt, int col, int64_t v);
void dyad__lite_bind_double(dyad__stmt *stmt, int col, double v);
int dyad__lite_step(dyad__stmt *stmt);
int dyad__lite_column_null(dyad__stmt *stmt, int col);
const char *dyad__lite_column_text_ops(dyad__stmt *stmt, int col, size_t *len);
int64_t dyad__lite_column_int64(dyad__stmt *stmt, int col);
double dyad__lite_column_double(dyad__stmt *stmt, int col);

/* The rest of the backend's operations (sqlite_*.c). */
dyad_status dyad__lite_fail(struct dyad_store *store, const char *what);
dyad_status dyad__lite_put(struct dyad_store *store, const struct dyad_doc *doc,
                           int *added);
dyad_status dyad__lite_commit(struct dyad_store *store);
dyad_status dyad__lite_check(struct dyad_store *store,
                             void (*report)(void *ctx, const char *problem),
                             void *ctx, size_t *n_problems);
void dyad__lite_set_time_limit(struct dyad_store *store, unsigned ms);
dyad_status dyad__lite_set_memory(struct dyad_store *store, size_t map, size_t cache);
int dyad__lite_changed(struct dyad_store *store);


/*
 * Bind a string or SQL NULL (s == NULL) to a raw SQLite statement. The
 * text is not copied: it must stay valid until the statement is reset.
 * SQLite's result code.
 */
int dyad__lite_bind_text(sqlite3_stmt *stmt, int col, const char *s);

/* The text of a column of a raw statement, or NULL for SQL NULL. */
const char *dyad__lite_column_text(sqlite3_stmt *stmt, int col);

#endif
