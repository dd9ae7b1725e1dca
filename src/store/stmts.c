/*
 * stmts.c - prepared statements kept per handle for queries asked again
 * and again (see store.h). Preparing the event filter's SQL (a dozen
 * disjuncts for a dyad, each planned against the indexes) costs about as
 * much as running it, and a server asks the same shapes all day: the
 * statement of a given SQL text is prepared once, reset and handed out
 * again. A statement in use is never handed out twice.
 */
#include <string.h>

#include "core/hash.h"
#include "store/store.h"

dyad_status dyad__stmt_get(struct dyad_store *store, const char *sql, size_t len,
                           sqlite3_stmt **out)
{
	struct dyad__stmt_cache *c = &store->stmts;
	uint64_t h = dyad_hash_bytes(sql, len);
	*out = NULL;
	for (int i = 0; i < DYAD_STMT_CACHE; i++) {
		const char *text = c->stmt[i] ? sqlite3_sql(c->stmt[i]) : NULL;
		if (text && !c->busy[i] && c->hash[i] == h && strlen(text) == len &&
		    memcmp(text, sql, len) == 0) {
			c->busy[i] = 1;
			c->used[i] = ++c->clock;
			*out = c->stmt[i];
			return DYAD_OK;
		}
	}
	if (sqlite3_prepare_v3(store->db, sql, (int)len, SQLITE_PREPARE_PERSISTENT, out,
	                       NULL) != SQLITE_OK)
		return dyad__store_fail(store, "cannot query the events");
	/* Keep it in a free slot, else in place of the least recently used
	 * statement that is not in use; with none, it is not kept. */
	int slot = -1;
	for (int i = 0; i < DYAD_STMT_CACHE; i++)
		if (!c->busy[i] && (slot < 0 || !c->stmt[i] ||
		                    (c->stmt[slot] && c->used[i] < c->used[slot])))
			slot = i;
	if (slot >= 0) {
		sqlite3_finalize(c->stmt[slot]);
		c->stmt[slot] = *out;
		c->hash[slot] = h;
		c->busy[slot] = 1;
		c->used[slot] = ++c->clock;
	}
	return DYAD_OK;
}

void dyad__stmt_put(struct dyad_store *store, sqlite3_stmt *stmt)
{
	struct dyad__stmt_cache *c = &store->stmts;
	if (!stmt)
		return;
	for (int i = 0; i < DYAD_STMT_CACHE; i++)
		if (c->stmt[i] == stmt) {
			sqlite3_reset(stmt);
			sqlite3_clear_bindings(stmt);
			c->busy[i] = 0;
			return;
		}
	sqlite3_finalize(stmt);
}

void dyad__stmt_finalize(struct dyad_store *store)
{
	struct dyad__stmt_cache *c = &store->stmts;
	for (int i = 0; i < DYAD_STMT_CACHE; i++) {
		sqlite3_finalize(c->stmt[i]);
		c->stmt[i] = NULL;
		c->busy[i] = 0;
	}
}
