/*
 * backend.h - the store as a table of operations, so that the query code
 * (src/query) talks to one interface whichever database holds the rows:
 * SQLite (sqlite_*.c, the embedded default) or PostgreSQL (pg_*.c, chosen
 * by a postgresql:// URL). Both keep the same tables (docs/schema.md).
 *
 * Queries are SQL in the dialect both share, with parameters written ?N
 * (the PostgreSQL backend numbers them $N); the few phrases the two write
 * differently (the full-text match, a case-blind comparison) are strings
 * of the backend, so no query code asks which backend it has. Statements
 * are read through the dyad__stmt_* calls below.
 */
#ifndef DYAD_STORE_BACKEND_H
#define DYAD_STORE_BACKEND_H

#include <stddef.h>
#include <stdint.h>

#include "dyad.h"

struct dyad_store;

/* A prepared statement of some backend; its first member is this. */
struct dyad__stmt {
	const struct dyad__backend *be;
	struct dyad_store *store;
};
typedef struct dyad__stmt dyad__stmt;

/* What a step gave. */
enum { DYAD__STEP_ERROR = -1, DYAD__STEP_DONE = 0, DYAD__STEP_ROW = 1 };

struct dyad__backend {
	const char *name; /* "sqlite", "postgresql" */
	/* the store calls of dyad.h */
	void (*close)(struct dyad_store *store);
	dyad_status (*put)(struct dyad_store *store, const struct dyad_doc *doc,
	                   int *added);
	dyad_status (*commit)(struct dyad_store *store);
	dyad_status (*check)(struct dyad_store *store,
	                     void (*report)(void *ctx, const char *problem), void *ctx,
	                     size_t *n_problems);
	void (*set_time_limit)(struct dyad_store *store, unsigned ms);
	dyad_status (*set_memory)(struct dyad_store *store, size_t map, size_t cache);
	int (*changed)(struct dyad_store *store);
	/* "what: <the database's message>" as the store's error; DYAD_EDB, or
	 * DYAD_ENOMEM when the database ran out of memory */
	dyad_status (*fail)(struct dyad_store *store, const char *what);
	/* statements: keep = 1 lets the backend keep it prepared for the
	 * next query of the same text; binds copy their values */
	dyad_status (*prepare)(struct dyad_store *store, const char *sql, size_t len,
	                       int keep, dyad__stmt **out);
	void (*release)(dyad__stmt *stmt);
	void (*reset)(dyad__stmt *stmt); /* to run again, bindings kept */
	void (*bind_text)(dyad__stmt *stmt, int col, const char *s);
	void (*bind_int64)(dyad__stmt *stmt, int col, int64_t v);
	void (*bind_double)(dyad__stmt *stmt, int col, double v);
	int (*step)(dyad__stmt *stmt);
	int (*column_null)(dyad__stmt *stmt, int col);
	const char *(*column_text)(dyad__stmt *stmt, int col, size_t *len);
	int64_t (*column_int64)(dyad__stmt *stmt, int col);
	double (*column_double)(dyad__stmt *stmt, int col);
	/* a statement without rows or parameters ("BEGIN", "COMMIT") */
	dyad_status (*exec)(struct dyad_store *store, const char *sql);
	/* DYAD_EINVAL (message set) when match is no full-text query */
	dyad_status (*check_match)(struct dyad_store *store, const char *match);
	/* dialect: " AND <documents d match the full-text query ?%1$d>" */
	const char *sql_match;
	/* " AND <column %1$s equals ?%2$d in any case (ASCII)>" */
	const char *sql_nocase;
};

/* The backends (sqlite_store.c, pg_store.c). */
extern const struct dyad__backend dyad__sqlite_backend;
extern const struct dyad__backend dyad__pg_backend;

/*
 * The statement of (sql, len), prepared now or kept from an earlier query
 * of the same text; DYAD_EDB/DYAD_ENOMEM with the store's message. Give it
 * back with dyad__stmt_put(). dyad__stmt_prepare() is the same for a
 * statement not worth keeping (sql NUL-terminated).
 */
dyad_status dyad__stmt_get(struct dyad_store *store, const char *sql, size_t len,
                           dyad__stmt **out);
dyad_status dyad__stmt_prepare(struct dyad_store *store, const char *sql,
                               dyad__stmt **out);
void dyad__stmt_put(dyad__stmt *stmt);

/* Make a statement ready to run again (its bindings stay). */
void dyad__stmt_reset(dyad__stmt *stmt);

/* Bind a string (copied) or SQL NULL (s == NULL); numbers. */
void dyad__bind_text(dyad__stmt *stmt, int col, const char *s);
void dyad__bind_int64(dyad__stmt *stmt, int col, int64_t v);
void dyad__bind_double(dyad__stmt *stmt, int col, double v);

/* DYAD__STEP_ROW, _DONE or _ERROR (then dyad__store_fail() tells why). */
int dyad__step(dyad__stmt *stmt);

/* Columns of the current row: NULL text for SQL NULL, valid until the next
 * step; numbers are 0 for NULL. */
int dyad__column_null(dyad__stmt *stmt, int col);
const char *dyad__column_text(dyad__stmt *stmt, int col);
size_t dyad__column_bytes(dyad__stmt *stmt, int col);
int64_t dyad__column_int64(dyad__stmt *stmt, int col);
int dyad__column_int(dyad__stmt *stmt, int col);
double dyad__column_double(dyad__stmt *stmt, int col);

/* Run a statement without rows ("BEGIN"), through the backend. */
dyad_status dyad__store_exec(struct dyad_store *store, const char *sql);

#endif
