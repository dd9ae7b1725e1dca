/*
 * sqlite_limit.c - a time limit per query (dyad_store_set_time_limit): SQLite's
 * progress handler runs every few thousand virtual machine steps and stops
 * the statement once the deadline of the query has passed. The deadline
 * is set when a statement starts running (the first step after a reset),
 * which SQLite tells through the trace hook, so no query code has to
 * remember to arm it.
 *
 * And the memory of a long-lived reading handle (dyad_store_set_memory):
 * SQLite's memory map and page cache sizes; whether the file changed
 * (dyad_store_changed), from PRAGMA data_version, which moves when another
 * connection commits.
 */
#include <stdio.h>
#include <time.h>

#include "store/sqlite.h"

/* Virtual machine steps between two looks at the clock. */
#define DYAD_LIMIT_STEPS 4000

static long long now_ns(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (long long)ts.tv_sec * 1000000000LL + ts.tv_nsec;
}

static int progress(void *ctx)
{
	struct dyad_store *store = ctx;
	if (store->lite->deadline_ns && now_ns() > store->lite->deadline_ns) {
		store->timed_out = 1;
		return 1; /* SQLite interrupts the statement */
	}
	return 0;
}

/* A statement starts: arm the deadline. */
static int on_start(unsigned type, void *ctx, void *p, void *x)
{
	struct dyad_store *store = ctx;
	(void)type;
	(void)p;
	(void)x;
	store->timed_out = 0;
	store->lite->deadline_ns = now_ns() + (long long)store->time_limit_ms * 1000000LL;
	return 0;
}

void dyad__lite_set_time_limit(struct dyad_store *store, unsigned ms)
{
	store->lite->deadline_ns = 0;
	if (ms) {
		sqlite3_progress_handler(store->lite->db, DYAD_LIMIT_STEPS, progress, store);
		sqlite3_trace_v2(store->lite->db, SQLITE_TRACE_STMT, on_start, store);
	} else {
		sqlite3_progress_handler(store->lite->db, 0, NULL, NULL);
		sqlite3_trace_v2(store->lite->db, 0, NULL, NULL);
	}
}

dyad_status dyad__lite_set_memory(struct dyad_store *store, size_t map_bytes,
                                  size_t cache_bytes)
{
	char sql[128];
	/* A negative cache_size is in KiB. */
	snprintf(sql, sizeof sql, "PRAGMA mmap_size = %llu; PRAGMA cache_size = -%llu;",
	         (unsigned long long)map_bytes, (unsigned long long)(cache_bytes >> 10));
	if (sqlite3_exec(store->lite->db, sql, NULL, NULL, NULL) != SQLITE_OK)
		return dyad__store_fail(store, "cannot size the handle's memory");
	return DYAD_OK;
}

int dyad__lite_changed(struct dyad_store *store)
{
	static const char sql[] = "PRAGMA data_version";
	dyad__stmt *s;
	unsigned v = 0;
	/* The pragma, not the pager's counter: the counter moves only when
	 * this handle reads, and a client that keeps answers may not. */
	if (dyad__stmt_get(store, sql, sizeof sql - 1, &s) != DYAD_OK)
		return 1; /* cannot tell: say changed, the safe answer */
	int rc = dyad__step(s);
	if (rc == DYAD__STEP_ROW)
		v = (unsigned)dyad__column_int64(s, 0);
	dyad__stmt_put(s);
	if (rc != DYAD__STEP_ROW)
		return 1;
	int changed = !store->lite->seen_version || v != store->lite->data_version;
	store->lite->data_version = v;
	store->lite->seen_version = 1;
	return changed;
}
