/*
 * sqlite_stmts.c - the statement calls of the interface (backend.h) over
 * SQLite, and the statements kept per handle for queries asked again and
 * again. Preparing the event filter's SQL (a dozen disjuncts for a dyad,
 * each planned against the indexes) costs about as much as running it, and
 * a server asks the same shapes all day: the statement of a given SQL text
 * is prepared once, reset and handed out again. A statement in use is
 * never handed out twice.
 */
#include <string.h>

#include "core/alloc.h"
#include "core/hash.h"
#include "store/sqlite.h"

static struct dyad__lite_stmt *lite(dyad__stmt *stmt)
{
	return (struct dyad__lite_stmt *)stmt;
}

static void finalize(struct dyad__lite_stmt *w)
{
	if (!w)
		return;
	sqlite3_finalize(w->s);
	dyad__free(w);
}

/* A new wrapper of SQLite's statement of (sql, len); NULL with the error
 * in the store and *st. */
static struct dyad__lite_stmt *wrap(struct dyad_store *store, const char *sql,
                                    size_t len, int keep, dyad_status *st)
{
	struct dyad__lite_stmt *w = dyad__calloc(1, sizeof *w);
	if (!w) {
		*st = dyad__store_error(store, DYAD_ENOMEM, "%s", dyad_strerror(DYAD_ENOMEM));
		return NULL;
	}
	w->base.be = &dyad__sqlite_backend;
	w->base.store = store;
	if (sqlite3_prepare_v3(store->lite->db, sql, (int)len,
	                       keep ? SQLITE_PREPARE_PERSISTENT : 0, &w->s,
	                       NULL) != SQLITE_OK) {
		*st = dyad__lite_fail(store, "cannot prepare a query");
		dyad__free(w);
		return NULL;
	}
	return w;
}

/* Keep w in a free slot, else in place of the least recently used
 * statement that is not in use; with none, it is not kept. */
static void keep_it(struct dyad__stmt_cache *c, struct dyad__lite_stmt *w, uint64_t h)
{
	int slot = -1;
	for (int i = 0; i < DYAD_STMT_CACHE; i++)
		if (!c->busy[i] && (slot < 0 || !c->stmt[i] ||
		                    (c->stmt[slot] && c->used[i] < c->used[slot])))
			slot = i;
	if (slot < 0)
		return;
	finalize(c->stmt[slot]);
	c->stmt[slot] = w;
	c->hash[slot] = h;
	c->busy[slot] = 1;
	c->used[slot] = ++c->clock;
	w->kept = 1;
}

dyad_status dyad__lite_prepare(struct dyad_store *store, const char *sql, size_t len,
                               int keep, dyad__stmt **out)
{
	struct dyad__stmt_cache *c = &store->lite->stmts;
	uint64_t h = dyad_hash_bytes(sql, len);
	*out = NULL;
	for (int i = 0; keep && i < DYAD_STMT_CACHE; i++) {
		const char *text = c->stmt[i] ? sqlite3_sql(c->stmt[i]->s) : NULL;
		if (text && !c->busy[i] && c->hash[i] == h && strlen(text) == len &&
		    memcmp(text, sql, len) == 0) {
			c->busy[i] = 1;
			c->used[i] = ++c->clock;
			*out = &c->stmt[i]->base;
			return DYAD_OK;
		}
	}
	dyad_status st = DYAD_OK;
	struct dyad__lite_stmt *w = wrap(store, sql, len, keep, &st);
	if (!w)
		return st;
	if (keep)
		keep_it(c, w, h);
	*out = &w->base;
	return DYAD_OK;
}

void dyad__lite_release(dyad__stmt *stmt)
{
	struct dyad__lite_stmt *w = lite(stmt);
	struct dyad__stmt_cache *c = &stmt->store->lite->stmts;
	if (w->kept)
		for (int i = 0; i < DYAD_STMT_CACHE; i++)
			if (c->stmt[i] == w) {
				sqlite3_reset(w->s);
				sqlite3_clear_bindings(w->s);
				c->busy[i] = 0;
				return;
			}
	finalize(w);
}

void dyad__stmt_finalize(struct dyad_store *store)
{
	struct dyad__stmt_cache *c = &store->lite->stmts;
	for (int i = 0; i < DYAD_STMT_CACHE; i++) {
		finalize(c->stmt[i]);
		c->stmt[i] = NULL;
		c->busy[i] = 0;
	}
}

void dyad__lite_reset(dyad__stmt *stmt)
{
	sqlite3_reset(lite(stmt)->s);
}

void dyad__lite_bind_text_ops(dyad__stmt *stmt, int col, const char *s)
{
	if (!s)
		sqlite3_bind_null(lite(stmt)->s, col);
	else
		sqlite3_bind_text(lite(stmt)->s, col, s, -1, SQLITE_TRANSIENT);
}

void dyad__lite_bind_int64(dyad__stmt *stmt, int col, int64_t v)
{
	sqlite3_bind_int64(lite(stmt)->s, col, (sqlite3_int64)v);
}

void dyad__lite_bind_double(dyad__stmt *stmt, int col, double v)
{
	sqlite3_bind_double(lite(stmt)->s, col, v);
}

int dyad__lite_step(dyad__stmt *stmt)
{
	int rc = sqlite3_step(lite(stmt)->s);
	if (rc == SQLITE_ROW)
		return DYAD__STEP_ROW;
	return rc == SQLITE_DONE ? DYAD__STEP_DONE : DYAD__STEP_ERROR;
}

int dyad__lite_column_null(dyad__stmt *stmt, int col)
{
	return sqlite3_column_type(lite(stmt)->s, col) == SQLITE_NULL;
}

const char *dyad__lite_column_text_ops(dyad__stmt *stmt, int col, size_t *len)
{
	sqlite3_stmt *s = lite(stmt)->s;
	const char *t = (const char *)sqlite3_column_text(s, col);
	if (len)
		*len = t ? (size_t)sqlite3_column_bytes(s, col) : 0;
	return t;
}

int64_t dyad__lite_column_int64(dyad__stmt *stmt, int col)
{
	return (int64_t)sqlite3_column_int64(lite(stmt)->s, col);
}

double dyad__lite_column_double(dyad__stmt *stmt, int col)
{
	return sqlite3_column_double(lite(stmt)->s, col);
}
