/*
 * sqlite_store.c - the SQLite backend: opening and closing a database
 * file, its error reporting and binding helpers, and its operations table
 * (backend.h).
 *
 * Opening for writing sets the connection up the same way for every
 * command: WAL journal (readers never block the writer), a busy timeout for
 * concurrent ingests, the schema brought to the current version. Opening
 * for reading changes nothing in the file: SQLite's read-only mode, or its
 * immutable mode when the folder cannot be written (a WAL database needs
 * its -shm file beside it, which such a folder cannot hold), and the schema
 * version is checked, never migrated. Both register the SQL function
 * dyad_fold() that case-folds any script the way the extractor does, which
 * SQLite's own lower() cannot (it folds ASCII only).
 *
 * Which SQLite errors are the database failing (dyad__store_failed_db) is
 * decided here once, so that every caller stops on the same ones.
 */
#include "store/sqlite.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "core/alloc.h"
#include "core/utf8.h"
#include "store/sqlite_schema.h"

/* Case folding may grow a string (U+0130 lowers to two code points). */
#define DYAD_FOLD_GROWTH 3

dyad_status dyad__lite_fail(struct dyad_store *store, const char *what)
{
	int code = sqlite3_errcode(store->lite->db);
	if (code == SQLITE_BUSY || code == SQLITE_LOCKED)
		dyad__store_error(store, DYAD_EDB,
		                  "%s: %s (another process held it longer than the "
		                  "busy timeout of %d ms)",
		                  what, sqlite3_errmsg(store->lite->db), store->lite->busy_ms);
	else
		dyad__store_error(store, DYAD_EDB, "%s: %s", what,
		                  sqlite3_errmsg(store->lite->db));
	return code == SQLITE_NOMEM ? DYAD_ENOMEM : DYAD_EDB;
}

int dyad__store_failed_db(const struct dyad_store *store)
{
	switch (sqlite3_errcode(store->lite->db)) {
	case SQLITE_CONSTRAINT: /* one document's rows: the next may be fine */
	case SQLITE_TOOBIG:
	case SQLITE_MISMATCH:
	case SQLITE_RANGE:
		return 0;
	default:
		return 1;
	}
}

int dyad__lite_bind_text(sqlite3_stmt *stmt, int col, const char *s)
{
	if (!s)
		return sqlite3_bind_null(stmt, col);
	return sqlite3_bind_text(stmt, col, s, -1, SQLITE_STATIC);
}

const char *dyad__lite_column_text(sqlite3_stmt *stmt, int col)
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

static int busy_timeout_ms(void)
{
	const char *env = getenv("DYAD_BUSY_TIMEOUT_MS");
	if (env && *env) {
		char *end;
		long v = strtol(env, &end, 10);
		if (!*end && v >= 0 && v <= 24L * 3600 * 1000)
			return (int)v;
	}
	return DYAD_STORE_BUSY_MS;
}

/* Set up a connection just opened: timeout, codes, dyad_fold(). */
static int configure(struct dyad_store *store)
{
	sqlite3_extended_result_codes(store->lite->db, 0);
	store->lite->busy_ms = busy_timeout_ms();
	sqlite3_busy_timeout(store->lite->db, store->lite->busy_ms);
	return sqlite3_create_function_v2(store->lite->db, "dyad_fold", 1,
	                                  SQLITE_UTF8 | SQLITE_DETERMINISTIC, NULL,
	                                  sql_fold, NULL, NULL, NULL);
}

static dyad_status new_store(const char *path, struct dyad_store *store,
                             char *errmsg)
{
	store->lite = dyad__calloc(1, sizeof *store->lite);
	if (!store->lite) {
		set_errmsg(errmsg, "%s: %s", path, dyad_strerror(DYAD_ENOMEM));
		return DYAD_ENOMEM;
	}
	return DYAD_OK;
}

/* Close store after a failure at open, with "path: why" in errmsg. */
static dyad_status open_failed(struct dyad_store *store, const char *path,
                               dyad_status st, char *errmsg)
{
	if (store->errmsg[0])
		set_errmsg(errmsg, "%s: %s", path, store->errmsg);
	else
		set_errmsg(errmsg, "%s: %s", path,
		           store->lite->db ? sqlite3_errmsg(store->lite->db)
		                     : dyad_strerror(DYAD_ENOMEM));
	return st;
}

static dyad_status open_write(const char *path, struct dyad_store *store,
                              char *errmsg)
{
	dyad_status st = new_store(path, store, errmsg);
	if (st != DYAD_OK)
		return st;
	/* A handle is used by one thread at a time (dyad.h): SQLite's own
	 * locks on every call would be paid for nothing. */
	int rc = sqlite3_open_v2(path, &store->lite->db,
	                         SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX,
	                         NULL);
	if (rc != SQLITE_OK || configure(store) != SQLITE_OK)
		return open_failed(store, path, DYAD_EDB, errmsg);
	/* SQLite falls back to reading a file it may not write: say so now,
	 * not at the first document. */
	if (sqlite3_db_readonly(store->lite->db, "main") == 1) {
		dyad__store_error(store, DYAD_EDB,
		                  "cannot write the database (a read-only file)");
		return open_failed(store, path, DYAD_EDB, errmsg);
	}
	/* WAL: readers go on while an ingest writes. NORMAL sync in WAL mode
	 * keeps the file consistent through any crash; only a power cut can
	 * lose the last few committed documents, which a re-run adds again. */
	if (sqlite3_exec(store->lite->db,
	                 "PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL;"
	                 "PRAGMA foreign_keys = OFF;",
	                 NULL, NULL, NULL) != SQLITE_OK)
		return open_failed(store, path, DYAD_EDB, errmsg);
	st = dyad__schema_apply(store->lite->db, store->errmsg);
	if (st != DYAD_OK)
		return open_failed(store, path, st, errmsg);
	return DYAD_OK;
}

static void lite_close(struct dyad_store *store)
{
	if (!store->lite)
		return;
	dyad__store_put_finalize(store);
	/* v2: a cursor the caller forgot does not keep the file open forever. */
	sqlite3_close_v2(store->lite->db);
	dyad__free(store->lite);
	store->lite = NULL;
}

/* 1 when the folder holding path can take new files (the -shm file). */
static int folder_writable(const char *path)
{
	const char *slash = strrchr(path, '/');
	if (!slash)
		return access(".", W_OK) == 0;
	if (slash == path)
		return access("/", W_OK) == 0;
	char *dir = dyad__strndup(path, (size_t)(slash - path));
	int ok = dir && access(dir, W_OK) == 0;
	dyad__free(dir);
	return ok;
}

/* 1 when path-wal holds frames: changes a reader must see. */
static int wal_has_frames(const char *path)
{
	size_t n = strlen(path);
	char *wal = dyad__malloc(n + sizeof "-wal");
	if (!wal)
		return 0;
	memcpy(wal, path, n);
	memcpy(wal + n, "-wal", sizeof "-wal");
	struct stat info;
	int has = stat(wal, &info) == 0 && info.st_size > 0;
	dyad__free(wal);
	return has;
}

/*
 * The URI of path for SQLite ("file:///abs/path?QUERY", "file:rel?QUERY")
 * with every byte other than letters, digits and "/._~-" percent-escaped,
 * so that '?', '#' and '%' in a file name stay part of it. Heap; NULL when
 * out of memory.
 */
static char *file_uri(const char *path, int immutable)
{
	static const char hex[] = "0123456789ABCDEF";
	const char *query = immutable ? "immutable=1" : "mode=ro";
	/* "file://" and an empty authority before an absolute path, so that a
	 * path starting "//" is not taken for a host name. */
	const char *scheme = path[0] == '/' ? "file://" : "file:";
	size_t n = strlen(path);
	char *uri = dyad__malloc(strlen(scheme) + 3 * n + 1 + strlen(query) + 1);
	if (!uri)
		return NULL;
	char *o = uri;
	o += strlen(strcpy(o, scheme));
	for (size_t i = 0; i < n; i++) {
		unsigned char c = (unsigned char)path[i];
		if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
		    (c >= '0' && c <= '9') || strchr("/._~-", c)) {
			*o++ = (char)c;
			continue;
		}
		*o++ = '%';
		*o++ = hex[c >> 4];
		*o++ = hex[c & 15];
	}
	*o++ = '?';
	strcpy(o, query);
	return uri;
}

/* Before SQLite opens anything: the file is there and readable as is. */
static dyad_status readonly_precheck(const char *path, int *immutable,
                                     char *errmsg)
{
	struct stat info;
	if (stat(path, &info) != 0) {
		set_errmsg(errmsg, "%s: %s", path,
		           "no such database (run 'dyad ingest' first)");
		return DYAD_ENOENT;
	}
	if (S_ISDIR(info.st_mode)) {
		set_errmsg(errmsg, "%s: a folder, not a database", path);
		return DYAD_EDB;
	}
	*immutable = !folder_writable(path);
	if (*immutable && wal_has_frames(path)) {
		set_errmsg(errmsg,
		           "%s: its write-ahead log (%s-wal) holds changes that cannot "
		           "be read in a folder that is not writable; open the database "
		           "once where its folder can be written",
		           path, path);
		return DYAD_EDB;
	}
	return DYAD_OK;
}

static dyad_status open_read(const char *path, struct dyad_store *store,
                             char *errmsg)
{
	int immutable = 0;
	dyad_status st = readonly_precheck(path, &immutable, errmsg);
	if (st != DYAD_OK || (st = new_store(path, store, errmsg)) != DYAD_OK)
		return st;
	store->readonly = 1;
	char *uri = file_uri(path, immutable);
	if (!uri)
		return open_failed(store, path, DYAD_ENOMEM, errmsg);
	int rc = sqlite3_open_v2(uri, &store->lite->db,
	                         SQLITE_OPEN_READONLY | SQLITE_OPEN_URI | SQLITE_OPEN_NOMUTEX,
	                         NULL);
	dyad__free(uri);
	if (rc != SQLITE_OK || configure(store) != SQLITE_OK)
		return open_failed(store, path, DYAD_EDB, errmsg);
	st = dyad__schema_check(store->lite->db, store->errmsg);
	if (st != DYAD_OK)
		return open_failed(store, path, st, errmsg);
	return DYAD_OK;
}

dyad_status dyad__lite_open(const char *path, int readonly, struct dyad_store *store,
                            char *errmsg)
{
	return readonly ? open_read(path, store, errmsg) : open_write(path, store, errmsg);
}

static dyad_status lite_exec(struct dyad_store *store, const char *sql)
{
	if (sqlite3_exec(store->lite->db, sql, NULL, NULL, NULL) != SQLITE_OK)
		return dyad__lite_fail(store, sql);
	return DYAD_OK;
}

/*
 * FTS5 parses a query only when it runs, so a malformed one would fail in
 * the middle of a listing: try it on its own first and blame the user.
 */
static dyad_status lite_check_match(struct dyad_store *store, const char *match)
{
	sqlite3_stmt *s;
	sqlite3 *db = store->lite->db;
	if (sqlite3_prepare_v2(db, "SELECT rowid FROM docs_fts WHERE docs_fts MATCH ?1 LIMIT 1",
	                       -1, &s, NULL) != SQLITE_OK)
		return dyad__lite_fail(store, "cannot search the texts");
	dyad__lite_bind_text(s, 1, match);
	int rc = sqlite3_step(s);
	dyad_status st = DYAD_OK;
	if (rc != SQLITE_ROW && rc != SQLITE_DONE) {
		st = dyad__lite_fail(store, "match");
		if (st == DYAD_EDB)
			st = dyad__store_error(store, DYAD_EINVAL,
			                       "match \"%s\": not a full-text query (%s)", match,
			                       sqlite3_errmsg(db));
	}
	sqlite3_finalize(s);
	return st;
}

const struct dyad__backend dyad__sqlite_backend = {
	.name = "sqlite",
	.close = lite_close,
	.put = dyad__lite_put,
	.commit = dyad__lite_commit,
	.check = dyad__lite_check,
	.set_time_limit = dyad__lite_set_time_limit,
	.set_memory = dyad__lite_set_memory,
	.changed = dyad__lite_changed,
	.fail = dyad__lite_fail,
	.prepare = dyad__lite_prepare,
	.release = dyad__lite_release,
	.reset = dyad__lite_reset,
	.bind_text = dyad__lite_bind_text_ops,
	.bind_int64 = dyad__lite_bind_int64,
	.bind_double = dyad__lite_bind_double,
	.step = dyad__lite_step,
	.column_null = dyad__lite_column_null,
	.column_text = dyad__lite_column_text_ops,
	.column_int64 = dyad__lite_column_int64,
	.column_double = dyad__lite_column_double,
	.exec = lite_exec,
	.check_match = lite_check_match,
	.sql_match = " AND d.seq IN (SELECT rowid FROM docs_fts WHERE docs_fts MATCH ?%1$d)",
	.sql_nocase = " AND %1$s = ?%2$d COLLATE NOCASE",
};
