/*
 * store.c - the store's calls of dyad.h, dispatched to the backend the
 * database's name chooses (backend.h): a postgresql:// or postgres:// URL
 * is a PostgreSQL database (pg_*.c), anything else a SQLite file
 * (sqlite_*.c). And the statement calls the query code uses, which go
 * through the same table.
 */
#include "store/store.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "core/alloc.h"

dyad_status dyad__store_error(struct dyad_store *store, dyad_status status,
                              const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	int n = vsnprintf(store->errmsg, sizeof store->errmsg, fmt, ap);
	va_end(ap);
	(void)n; /* a cut message is still a message */
	return status;
}

dyad_status dyad__store_fail(struct dyad_store *store, const char *what)
{
	return store->be->fail(store, what);
}

struct dyad_store *dyad__store_new(void)
{
	struct dyad_store *store = dyad__calloc(1, sizeof *store);
	if (store)
		store->batch = DYAD_STORE_BATCH;
	return store;
}

int dyad__store_is_pg(const char *url)
{
	return strncmp(url, "postgresql://", 13) == 0 ||
	       strncmp(url, "postgres://", 11) == 0;
}

static dyad_status open_with(const char *url, int readonly, dyad_store **out,
                             char *errmsg)
{
	*out = NULL;
	if (errmsg)
		errmsg[0] = '\0';
	struct dyad_store *store = dyad__store_new();
	if (!store) {
		if (errmsg)
			snprintf(errmsg, DYAD_ERRMSG_MAX, "%s: %s", url,
			         dyad_strerror(DYAD_ENOMEM));
		return DYAD_ENOMEM;
	}
	store->readonly = readonly;
	store->be = dyad__store_is_pg(url) ? &dyad__pg_backend : &dyad__sqlite_backend;
	dyad_status st = store->be == &dyad__pg_backend
	                     ? dyad__pg_open(url, readonly, store, errmsg)
	                     : dyad__lite_open(url, readonly, store, errmsg);
	if (st != DYAD_OK) {
		dyad_store_close(store);
		return st;
	}
	*out = store;
	return DYAD_OK;
}

dyad_status dyad_store_open(const char *path, dyad_store **out, char *errmsg)
{
	return open_with(path, 0, out, errmsg);
}

dyad_status dyad_store_open_readonly(const char *path, dyad_store **out,
                                     char *errmsg)
{
	return open_with(path, 1, out, errmsg);
}

dyad_status dyad_store_open_existing(const char *path, dyad_store **out,
                                     char *errmsg)
{
	return dyad_store_open_readonly(path, out, errmsg);
}

void dyad_store_close(dyad_store *store)
{
	if (!store)
		return;
	/* A batch still open is committed: closing is the end of a run. Its
	 * failure cannot be told from here; dyad_store_commit() first can. */
	if (store->in_batch)
		(void)dyad_store_commit(store);
	store->be->close(store);
	dyad__free(store);
}

const char *dyad_store_errmsg(const dyad_store *store)
{
	if (!store)
		return "no database";
	return store->errmsg[0] ? store->errmsg : "no error";
}

dyad_status dyad_store_put(dyad_store *store, const struct dyad_doc *doc,
                           int *added)
{
	return store->be->put(store, doc, added);
}

dyad_status dyad_store_commit(dyad_store *store)
{
	return store->be->commit(store);
}

void dyad_store_set_batch(dyad_store *store, size_t n_docs)
{
	store->batch = n_docs ? n_docs : 1;
}

size_t dyad_store_pending(const dyad_store *store)
{
	return store->n_pending;
}

dyad_status dyad_store_check(dyad_store *store,
                             void (*report)(void *ctx, const char *problem),
                             void *ctx, size_t *n_problems)
{
	return store->be->check(store, report, ctx, n_problems);
}

void dyad_store_set_time_limit(dyad_store *store, unsigned ms)
{
	store->time_limit_ms = ms;
	store->timed_out = 0;
	store->be->set_time_limit(store, ms);
}

int dyad_store_timed_out(const dyad_store *store)
{
	return store->timed_out;
}

dyad_status dyad_store_set_memory(dyad_store *store, size_t map_bytes,
                                  size_t cache_bytes)
{
	return store->be->set_memory(store, map_bytes, cache_bytes);
}

int dyad_store_changed(dyad_store *store)
{
	return store->be->changed(store);
}

/* ---- statements ---- */

dyad_status dyad__stmt_get(struct dyad_store *store, const char *sql, size_t len,
                           dyad__stmt **out)
{
	return store->be->prepare(store, sql, len, 1, out);
}

dyad_status dyad__stmt_prepare(struct dyad_store *store, const char *sql,
                               dyad__stmt **out)
{
	return store->be->prepare(store, sql, strlen(sql), 0, out);
}

void dyad__stmt_put(dyad__stmt *stmt)
{
	if (stmt)
		stmt->be->release(stmt);
}

void dyad__stmt_reset(dyad__stmt *stmt)
{
	stmt->be->reset(stmt);
}

void dyad__bind_text(dyad__stmt *stmt, int col, const char *s)
{
	stmt->be->bind_text(stmt, col, s);
}

void dyad__bind_int64(dyad__stmt *stmt, int col, int64_t v)
{
	stmt->be->bind_int64(stmt, col, v);
}

void dyad__bind_double(dyad__stmt *stmt, int col, double v)
{
	stmt->be->bind_double(stmt, col, v);
}

int dyad__step(dyad__stmt *stmt)
{
	return stmt->be->step(stmt);
}

int dyad__column_null(dyad__stmt *stmt, int col)
{
	return stmt->be->column_null(stmt, col);
}

const char *dyad__column_text(dyad__stmt *stmt, int col)
{
	return stmt->be->column_text(stmt, col, NULL);
}

size_t dyad__column_bytes(dyad__stmt *stmt, int col)
{
	size_t n = 0;
	stmt->be->column_text(stmt, col, &n);
	return n;
}

int64_t dyad__column_int64(dyad__stmt *stmt, int col)
{
	return stmt->be->column_int64(stmt, col);
}

int dyad__column_int(dyad__stmt *stmt, int col)
{
	return (int)stmt->be->column_int64(stmt, col);
}

double dyad__column_double(dyad__stmt *stmt, int col)
{
	return stmt->be->column_double(stmt, col);
}

dyad_status dyad__store_exec(struct dyad_store *store, const char *sql)
{
	return store->be->exec(store, sql);
}
