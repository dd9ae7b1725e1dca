/*
 * store.c - opening and closing a dyad database, and the error reporting
 * and binding helpers the store and query code share (see store.h).
 *
 * Opening sets the connection up the same way for every command: WAL
 * journal (readers never block the writer), a busy timeout for concurrent
 * ingests, the schema brought to the current version, and the SQL function
 * dyad_fold() that case-folds any script the way the extractor does, which
 * SQLite's own lower() cannot (it folds ASCII only).
 */
#include "store/store.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "core/alloc.h"
#include "core/utf8.h"
#include "store/schema.h"

/* Case folding may grow a string (U+0130 lowers to two code points). */
#define DYAD_FOLD_GROWTH 3

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
	int code = sqlite3_errcode(store->db);
	dyad__store_error(store, DYAD_EDB, "%s: %s", what, sqlite3_errmsg(store->db));
	return code == SQLITE_NOMEM ? DYAD_ENOMEM : DYAD_EDB;
}

int dyad__bind_text(sqlite3_stmt *stmt, int col, const char *s)
{
	if (!s)
		return sqlite3_bind_null(stmt, col);
	return sqlite3_bind_text(stmt, col, s, -1, SQLITE_STATIC);
}

const char *dyad__column_text(sqlite3_stmt *stmt, int col)
{
	return (const char *)sqlite3_column_text(stmt, col);
}

/* SQL dyad_fold(x): x lower-cased in every script, NULL for NULL. */
static void sql_fold(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	(void)argc;
	const char *s = (const char *)sqlite3_value_text(argv[0]);
	if (!s) {
		sqlite3_result_null(ctx);
		return;
	}
	size_t n = (size_t)sqlite3_value_bytes(argv[0]);
	int overflow = 0;
	size_t cap = dyad__mul_size(n + 1, DYAD_FOLD_GROWTH, &overflow);
	char *out = overflow ? NULL : dyad__malloc(cap);
	if (!out) {
		sqlite3_result_error_nomem(ctx);
		return;
	}
	size_t len = dyad_utf8_lower(s, n, out, cap);
	sqlite3_result_text(ctx, out, (int)len, dyad__free);
}

/* errmsg is the caller's, DYAD_ERRMSG_MAX bytes, or NULL for "don't tell". */
static void set_errmsg(char *errmsg, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));

static void set_errmsg(char *errmsg, const char *fmt, ...)
{
	if (!errmsg)
		return;
	va_list ap;
	va_start(ap, fmt);
	int n = vsnprintf(errmsg, DYAD_ERRMSG_MAX, fmt, ap);
	va_end(ap);
	(void)n; /* a cut message is still a message */
}

static dyad_status open_db(const char *path, int flags, dyad_store **out,
                           char *errmsg)
{
	*out = NULL;
	if (errmsg)
		errmsg[0] = '\0';
	struct dyad_store *store = dyad__calloc(1, sizeof *store);
	if (!store) {
		set_errmsg(errmsg, "%s: %s", path, dyad_strerror(DYAD_ENOMEM));
		return DYAD_ENOMEM;
	}
	int rc = sqlite3_open_v2(path, &store->db, flags, NULL);
	if (rc != SQLITE_OK)
		goto fail_db;
	sqlite3_extended_result_codes(store->db, 0);
	sqlite3_busy_timeout(store->db, DYAD_STORE_BUSY_MS);
	/* WAL: readers go on while an ingest writes. NORMAL sync in WAL mode
	 * keeps the file consistent through any crash; only a power cut can
	 * lose the last few committed documents, which a re-run adds again. */
	if (sqlite3_exec(store->db,
	                 "PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL;"
	                 "PRAGMA foreign_keys = OFF;",
	                 NULL, NULL, NULL) != SQLITE_OK)
		goto fail_db;
	if (sqlite3_create_function_v2(store->db, "dyad_fold", 1,
	                               SQLITE_UTF8 | SQLITE_DETERMINISTIC, NULL,
	                               sql_fold, NULL, NULL, NULL) != SQLITE_OK)
		goto fail_db;
	dyad_status st = dyad__schema_apply(store->db, store->errmsg);
	if (st != DYAD_OK) {
		set_errmsg(errmsg, "%s: %s", path, store->errmsg);
		dyad_store_close(store);
		return st;
	}
	*out = store;
	return DYAD_OK;
fail_db:
	set_errmsg(errmsg, "%s: %s", path,
	           store->db ? sqlite3_errmsg(store->db) : dyad_strerror(DYAD_ENOMEM));
	dyad_store_close(store);
	return DYAD_EDB;
}

dyad_status dyad_store_open(const char *path, dyad_store **out, char *errmsg)
{
	return open_db(path, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, out,
	               errmsg);
}

dyad_status dyad_store_open_existing(const char *path, dyad_store **out,
                                     char *errmsg)
{
	*out = NULL;
	if (access(path, F_OK) != 0) {
		set_errmsg(errmsg, "%s: %s", path,
		           "no such database (run 'dyad ingest' first)");
		return DYAD_ENOENT;
	}
	return open_db(path, SQLITE_OPEN_READWRITE, out, errmsg);
}

void dyad_store_close(dyad_store *store)
{
	if (!store)
		return;
	dyad__store_put_finalize(store);
	/* v2: a cursor the caller forgot does not keep the file open forever. */
	sqlite3_close_v2(store->db);
	dyad__free(store);
}

const char *dyad_store_errmsg(const dyad_store *store)
{
	if (!store)
		return "no database";
	return store->errmsg[0] ? store->errmsg : "no error";
}
